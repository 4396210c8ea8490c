"""Matrices: sums, products and powers, inverses, the matrix M with M A = B, determinants (of numbers, of
letters, or from the factors' determinants).
"""
from __future__ import annotations

import re

from tools.parsing import BinOp, Call, Neg, Node, Num, Seq, subtrees, to_text

from ..plan import CheckKind, RoutedCall
from .competition_reading import degree
from .competition_shapes import has_matrix_value
from .precalc_reading import (BOLD, _column, _det, _formula_of_latex, _fraction_det, _fraction_value, _matrix,
                              _negative_number, _numeric, _rational_entries, _real_value, _text)


MAX_ENTRIES = 100


def _matrix_arithmetic(formulas, form, verb, ref):
    """Sums, products, scalar multiples and powers of matrices with rational entries; the engine's own check
    recomputes them with mpmath, and an inverse is multiplied back to the identity."""
    formula = formulas[int(ref)]
    tree = formula.tree
    if form.stated or tree is None or formula.names or not has_matrix_value(tree) or \
            _top_level_matrix_product(formula.latex):
        return None
    rational = _rational_entries(tree)
    if isinstance(tree, Seq) and _matrix(tree) is not None:
        return None  # a matrix alone: nothing to compute
    if not _well_formed(tree) or _shape(tree) in (None, ()) or _entry_count(tree) > MAX_ENTRIES:
        return None
    if any(isinstance(n, Call) and n.func == "det" for n in subtrees(tree)):
        return None
    if rational:
        if not _inverses_exist(tree):
            return None
        call = to_text(tree)
        return RoutedCall("symbolic", call, call, CheckKind.TOOL)
    # radicals or trigonometric values: no inverse (its existence is not settled here); the engine's own
    # recomputation does not read them, this route's check multiplies out with mpmath
    if any(isinstance(n, BinOp) and n.op == "^" and (isinstance(n.right, Neg) or _negative_number(n.right))
           for n in subtrees(tree)):
        return None
    if any(_real_value(n) is None for n in subtrees(tree) if _matrix(n) is not None
           for row in _matrix(n) for n in row):
        return None
    call = to_text(tree)
    return RoutedCall("symbolic", call, call, CheckKind.PRECALC)


def _well_formed(tree: Node) -> bool:
    """Every list in the formula is a matrix literal with rows of one length (a ragged pmatrix is the engine's
    error, not an answer), and nothing else is a list."""
    for n in subtrees(tree):
        if isinstance(n, Seq):
            if n.bracket != "[":
                return False
            if any(isinstance(c, Seq) for c in n.items) and _matrix(n) is None:
                return False
    return all(_matrix(n) is not None for n in _outer_lists(tree))


def _shape(node: Node) -> tuple | None:
    """(rows, columns) of a matrix formula, () for a number, None where the shapes do not fit (a product of two
    columns, a sum of a matrix and a number, a power of a matrix that is not square): the engine's error."""
    rows = _matrix(node)
    if rows is not None:
        return len(rows), len(rows[0])
    if isinstance(node, Seq):
        return None
    if isinstance(node, Neg):
        return _shape(node.operand)
    if not isinstance(node, BinOp):
        return () if not any(isinstance(n, Seq) for n in subtrees(node)) else None
    left, right = _shape(node.left), _shape(node.right)
    if left is None or right is None:
        return None
    if node.op in ("+", "-"):
        return left if left == right else None
    if node.op == "*":
        if left == () or right == ():
            return right or left
        return (left[0], right[1]) if left[1] == right[0] else None
    if node.op == "/":
        return left if right == () else None
    if node.op == "^":
        if right != () or not (left == () or left[0] == left[1]):
            return None
        return left if left == () or _integer_exponent(node.right) else None
    return None


def _integer_exponent(node: Node) -> bool:
    value = node.operand if isinstance(node, Neg) else node
    return isinstance(value, Num) and isinstance(value.value, int) and value.value <= 10_000


def _outer_lists(tree: Node) -> list[Seq]:
    if isinstance(tree, Seq):
        return [tree]
    return [s for c in tree.children() for s in _outer_lists(c)]


def _top_level_matrix_product(latex: str) -> bool:
    """\\cdot and \\times between vectors mean the dot and the cross product, which the engine's * does not."""
    return bool(re.search(r"\\(?:cdot|times)", latex))


def _entry_count(tree: Node) -> int:
    return sum(1 for n in subtrees(tree) if isinstance(n, Num))


def _inverses_exist(tree: Node) -> bool:
    """Every A^(-k) in the formula has det A != 0 (computed here with Fractions): the engine would otherwise
    fail, and a failed tool is an error, not a pass to the planner."""
    for n in subtrees(tree):
        if isinstance(n, BinOp) and n.op == "^" and (isinstance(n.right, Neg) or _negative_number(n.right)):
            rows = _matrix(n.left)
            if rows is None or _fraction_det(rows) in (None, 0):
                return False
    return True


def _inverse(formulas, form, ref):
    formula = formulas[int(ref)]
    if form.stated or formula.tree is None or formula.names:
        return None
    rows = _matrix(formula.tree)
    if rows is None or not _rational_entries(formula.tree) or _fraction_det(rows) in (None, 0):
        return None
    call = f"inverse({to_text(formula.tree)})"
    return RoutedCall("symbolic", call, call, CheckKind.TOOL)


PMATRIX = r"(\\begin\{pmatrix\}(?:(?!\\begin).)*?\\end\{pmatrix\})"


def _matrix_of(latex: str) -> tuple[Node, list[list[Node]]] | None:
    """A pmatrix's tree and rows, in rational numbers only."""
    from .competition_reading import read_formula

    formula = read_formula(latex)
    tree = _numeric(formula)
    rows = _matrix(tree) if tree is not None else None
    if rows is None or not _rational_entries(tree):
        return None
    return tree, rows


def _unknown_matrix(formulas, form, size_ref, name_ref, *equation_refs):
    """'Find the matrix $\\mathbf{M}$ such that $\\mathbf{M} A = B$' (M = B A^-1), '$A \\mathbf{M} = B$'
    (M = A^-1 B), or 'such that $\\mathbf{M} v_1 = w_1$ and $\\mathbf{M} v_2 = w_2$' (M = W V^-1): A (or V)
    invertible, so that M is the one answer."""
    name = re.fullmatch(r"\s*" + BOLD + r"\s*", formulas[int(name_ref)].latex)
    if form.stated or name is None:
        return None
    bold = r"\\(?:mathbf|vec|bold|boldsymbol)\s*\{\s*" + name.group(1) + r"\s*\}"
    equations = [formulas[int(r)].latex for r in equation_refs if r is not None]
    if len(equations) == 1:
        right = re.fullmatch(r"\s*" + bold + r"\s*" + PMATRIX + r"\s*=\s*" + PMATRIX + r"\s*", equations[0], re.S)
        left = re.fullmatch(r"\s*" + PMATRIX + r"\s*" + bold + r"\s*=\s*" + PMATRIX + r"\s*", equations[0], re.S)
        m = right or left
        if m is None:
            return None
        a, b = _matrix_of(m.group(1)), _matrix_of(m.group(2))
        if a is None or b is None or len(a[1]) != len(a[1][0]) or _fraction_det(a[1]) in (None, 0):
            return None
        a_text, b_text = to_text(a[0]), to_text(b[0])
        call = f"{b_text}*{a_text}^(-1)" if right else f"{a_text}^(-1)*{b_text}"
    else:
        pairs = [re.fullmatch(r"\s*" + bold + r"\s*" + PMATRIX + r"\s*=\s*" + PMATRIX + r"\s*", e, re.S)
                 for e in equations]
        if any(p is None for p in pairs):
            return None
        read = [(_column(_formula_of_latex(p.group(1))), _column(_formula_of_latex(p.group(2)))) for p in pairs]
        if any(v is None or w is None for v, w in read) or len({len(v) for v, _ in read}) != 1:
            return None
        if len(read[0][0]) != len(read) or len({len(w) for _, w in read}) != 1:
            return None
        v_rows = [[_text(v[i]) for v, _ in read] for i in range(len(read))]
        w_rows = [[_text(w[i]) for _, w in read] for i in range(len(read[0][1]))]
        v_text = "[" + ", ".join("[" + ", ".join(r) + "]" for r in v_rows) + "]"
        w_text = "[" + ", ".join("[" + ", ".join(r) + "]" for r in w_rows) + "]"
        values = [[_fraction_value(v[i]) for v, _ in read] for i in range(len(read))]
        if any(x is None for r in values for x in r) or _det(values) == 0:
            return None
        if any(_fraction_value(c) is None for _, w in read for c in w):
            return None  # the engine's own recomputation reads rational matrices only
        call = f"{w_text}*{v_text}^(-1)"
    size = re.fullmatch(r"\s*(\d)\s*\\times\s*(\d)\s*", formulas[int(size_ref)].latex) if size_ref else None
    if size_ref is not None and (size is None or not _shape_is(call, int(size.group(1)), int(size.group(2)))):
        return None  # 'the 2 x 2 matrix': the size said must be the size found
    return RoutedCall("symbolic", call, f"the matrix {name.group(1)}: {call}", CheckKind.TOOL)


def _shape_is(call: str, rows: int, cols: int) -> bool:
    """The shape of B A^-1 (A^-1 B): the rows of its first matrix and the columns of its last."""
    from tools.parsing import parse

    matrices = [n for n in subtrees(parse(call)) if _matrix(n) is not None]
    return len(_matrix(matrices[0])) == rows and len(_matrix(matrices[-1])[0]) == cols


def _letter_determinant(formulas, form, verb, ref):
    """'Evaluate $\\begin{vmatrix} 1 & x & y \\\\ ... \\end{vmatrix}$': a determinant of polynomials in letters,
    expanded (checked at random rational points by cofactor expansion with Fractions)."""
    formula = formulas[int(ref)]
    tree = formula.tree
    if form.stated or tree is None or not formula.names or not (isinstance(tree, Call) and tree.func == "det"):
        return None
    rows = _matrix(tree.args[0]) if len(tree.args) == 1 else None
    if rows is None or len(rows) != len(rows[0]) or len(rows) > 4:
        return None
    if not all(len(n) == 1 for n in formula.names) or formula.names & {"e", "i"}:
        return None
    if any(degree(c, n) > 6 for r in rows for c in r for n in formula.names):
        return None  # a letter under a function, in a denominator or an exponent: not a polynomial
    call = f"expand({to_text(tree)})"
    return RoutedCall("symbolic", call, call, CheckKind.PRECALC)


def _determinant(formulas, form, ref):
    formula = formulas[int(ref)]
    tree = _numeric(formula)
    rows = _matrix(tree) if tree is not None else None
    if form.stated or rows is None or len(rows) != len(rows[0]) or not _rational_entries(tree):
        return None
    call = f"det({to_text(tree)})"
    return RoutedCall("symbolic", call, call, CheckKind.TOOL)


DET_GIVEN = re.compile(r"^\\det\s*(?:\(\s*)?" + BOLD + r"(?:\s*\))?\s*=\s*(.+)$", re.S)

FACTOR = re.compile(r"\s*" + r"\\(?:mathbf|vec|bold|boldsymbol)\s*\{\s*([A-Za-z])\s*(?:\^\s*(\{-?\d+\}|\d|T|\{T\}))?\s*\}"
                    r"\s*(?:\^\s*(\{\s*-?\d+\s*\}|\d|T|\{T\}))?")


def _determinant_rule(formulas, form, given, asked_ref):
    """'If $\\det \\mathbf{A} = 2$ and $\\det \\mathbf{B} = 12,$ then find $\\det (\\mathbf{A} \\mathbf{B}).$': a
    product of the named matrices, their powers, inverses and transposes. The answer is the determinant of the
    same product of 2 x 2 models with those determinants (diag(d, 1) and [[1, 1], [0, d]]), which the engine
    computes and checks numerically; no scalar multiple is read (it would need the size)."""
    if form.stated:
        return None
    dets = {}
    for ref in re.findall(r"⟨(\d+)⟩", given):
        m = DET_GIVEN.match(formulas[int(ref)].latex.strip())
        value = _fraction_value(_formula_of_latex(m.group(2)).tree) if m else None
        if m is None or value is None or m.group(1) in dets:
            return None
        dets[m.group(1)] = value
    asked = re.fullmatch(r"\s*\\det\s*(?:\\left)?\(\s*(.*?)\s*(?:\\right)?\)\s*", formulas[int(asked_ref)].latex, re.S)
    if asked is None or not dets:
        return None
    factors, position = [], 0
    body = asked.group(1)
    while position < len(body):
        m = FACTOR.match(body, position)
        if m is None or m.end() == position:
            return None
        power = (m.group(2) or m.group(3) or "1").strip("{} ")
        if m.group(2) and m.group(3) or m.group(1) not in dets:
            return None
        power = "1" if power == "T" else power
        if int(power) < 0 and dets[m.group(1)] == 0 or abs(int(power)) > 100:
            return None
        factors.append((m.group(1), int(power)))
        position = m.end()
    models = {name: (f"[[{d}, 0], [0, 1]]" if k % 2 == 0 else f"[[1, 1], [0, {d}]]")
              for k, (name, d) in enumerate(sorted(dets.items()))}
    product = "*".join(models[name] + (f"^({p})" if p != 1 else "") for name, p in factors)
    call = f"det({product})"
    return RoutedCall("symbolic", call, f"the determinant of the product, on 2 x 2 models: {call}", CheckKind.TOOL)
