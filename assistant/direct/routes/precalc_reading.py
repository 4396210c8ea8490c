"""What the precalculus route (competition_precalc.py) reads from a formula: numbers, points, vectors and
matrices in numbers, their values at 50 digits, and the answer forms it gives (a point as a tuple).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

from tools.parsing import BinOp, Call, Name, Neg, Node, Num, Relation, Seq, subtrees, to_text

from .competition_reading import Formula
from .competition_shapes import convention_bound


I = re.IGNORECASE


@dataclass(frozen=True)
class Asked:
    """What the sentences besides the question say about the answer."""

    point: str | None = None  # 'Enter your answer in the form $(r,\\theta),$ where ...'
    radians: bool = False  # 'All functions are in radians.'
    rectangular: bool = False  # 'Enter your answer in rectangular form.'
    plane: bool = False  # 'Enter your answer in the form Ax + By + Cz + D = 0, where ... A > 0 and gcd ... = 1.'

    @property
    def stated(self) -> bool:
        return self.point is not None or self.radians or self.rectangular or self.plane


BOLD = r"\\(?:mathbf|vec|bold|boldsymbol)\s*\{\s*([A-Za-z])\s*\}"


def _numeric(formula: Formula | None) -> Node | None:
    """The formula's tree when it is a number or a tuple/matrix of numbers (no letters besides pi and i)."""
    if formula is None or formula.tree is None or formula.names or convention_bound(formula.tree):
        return None
    if any(isinstance(n, Relation) for n in subtrees(formula.tree)):
        return None
    return formula.tree


def _point(formula: Formula | None, size: int) -> list[Node] | None:
    """(x, y) or (x, y, z) in numbers; '(\\rho,\\theta,\\phi) = (2, \\pi, \\pi/4)' names its coordinates first."""
    if formula is None or formula.tree is None:
        return None
    tree = formula.tree
    if isinstance(tree, Relation) and tree.op == "=" and isinstance(tree.left, Seq):
        if not all(isinstance(n, Name) for n in tree.left.items):
            return None
        tree = tree.right
        names = _names(tree)
    else:
        names = formula.names
    if names or not isinstance(tree, Seq) or tree.bracket not in ("", "(") or len(tree.items) != size:
        return None
    if any(isinstance(n, (Seq, Relation)) or convention_bound(n) for n in tree.items):
        return None
    return list(tree.items)


def _names(tree: Node) -> set[str]:
    return {n.name for n in subtrees(tree) if isinstance(n, Name)} - {"pi", "i"}


def _text(node: Node) -> str:
    return f"({to_text(node)})"


def _real_value(node: Node):
    """The value with mpmath at 50 digits, or None when it is not a real number this evaluator reads."""
    import mpmath

    from ..precalc_checks import Unsupported, evaluate

    with mpmath.workdps(50):
        try:
            value = evaluate(node)
        except (Unsupported, ZeroDivisionError, ValueError, OverflowError, RecursionError):
            return None
        if isinstance(value, mpmath.mpc):
            if abs(value.imag) > mpmath.mpf(10) ** -40:
                return None
            value = value.real
        return value


def _sign(node: Node) -> int | None:
    """-1, 0 or 1, when 50 digits settle it (an exact zero is recognised only when written as 0)."""
    if isinstance(node, Num) and node.value == 0:
        return 0
    value = _real_value(node)
    if value is None or abs(value) < 1e-40:
        return None
    return 1 if value > 0 else -1


FORM_OF_POINT = re.compile(r"^(?:enter|express|give|write)\s+(?:your|the)\s+answer\s+in\s+the\s+form\s+⟨(\d+)⟩"
                           r"(?:\s*,?\s*where\s+((?:⟨\d+⟩\s*(?:,\s*and|,|and)?\s*)+))?$", I)


def _as_tuple(answer: str) -> str | None:
    """'[2, pi/3]' as the tool lists it -> '(2, pi/3)'; an answer still holding a function call is not exact
    enough to give (atan2 left unevaluated, say)."""
    from tools.parsing import ParseError, parse

    m = re.fullmatch(r"\[(.*)\]|\((.*)\)", answer.strip())
    inner = m and (m.group(1) if m.group(1) is not None else m.group(2))
    if m is None or re.search(r"[\[\]]|\b(?:atan2|acos|asin|atan|cos|sin|Mod)\b", inner):
        return None
    try:
        tuple_read = parse(f"({inner})")
    except (ParseError, RecursionError):
        return None
    return f"({inner})" if isinstance(tuple_read, Seq) and len(tuple_read.items) >= 2 else None


def _matrix(tree: Node) -> list[list[Node]] | None:
    """The rows of a matrix literal [[...], [...]]; None for anything else."""
    if not (isinstance(tree, Seq) and tree.bracket == "[" and tree.items):
        return None
    rows = [list(r.items) for r in tree.items if isinstance(r, Seq) and r.bracket == "["]
    if len(rows) != len(tree.items) or len({len(r) for r in rows}) != 1:
        return None
    if any(isinstance(c, Seq) for r in rows for c in r):
        return None  # a matrix nests two levels deep only
    return rows


def _rational_entries(tree: Node) -> bool:
    """Every matrix entry in the formula is built from integers with + - * / and integer powers (the engine's
    mpmath recomputation reads exactly these)."""
    for n in subtrees(tree):
        if isinstance(n, (Name, Call, Relation)) or isinstance(n, Num) and n.decimal:
            return False
        if isinstance(n, BinOp) and n.op not in ("+", "-", "*", "/", "^"):
            return False
    return True


def _negative_number(node: Node) -> bool:
    return isinstance(node, Num) and node.value < 0


def _fraction_value(node: Node) -> Fraction | None:
    from ..recompute import Unsupported, recompute

    try:
        value = recompute(node)
    except (Unsupported, ZeroDivisionError, ValueError, OverflowError, RecursionError):
        return None
    return value if isinstance(value, (int, Fraction)) else None


def _fraction_det(rows: list[list[Node]]) -> Fraction | None:
    if len(rows) != len(rows[0]) or len(rows) > 4:
        return None
    values = [[_fraction_value(c) for c in r] for r in rows]
    if any(v is None for r in values for v in r):
        return None
    return _det(values)


def _det(m: list[list[Fraction]]) -> Fraction:
    if len(m) == 1:
        return Fraction(m[0][0])
    return sum((-1) ** j * m[0][j] * _det([r[:j] + r[j + 1:] for r in m[1:]]) for j in range(len(m)))


def _column(formula: Formula | None) -> list[Node] | None:
    """A column vector's entries ([[a], [b], [c]]), in numbers."""
    tree = _numeric(formula)
    rows = _matrix(tree) if tree is not None else None
    if rows is None or len(rows[0]) != 1 or len(rows) not in (2, 3):
        return None
    return [r[0] for r in rows]


def _vector_pair(formulas, a, b, size=None):
    u, v = _column(formulas[int(a)]), _column(formulas[int(b)])
    if u is None or v is None or len(u) != len(v) or size is not None and len(u) != size:
        return None
    if any(_real_value(c) is None for c in u + v):
        return None
    return u, v


def _formula_of_latex(latex: str) -> Formula:
    from .competition_reading import read_formula

    return read_formula(latex)


def _squares(vector: list[str]) -> str:
    return " + ".join(f"{c}^2" for c in vector)


def _put(node: Node, name: str, value: Node) -> Node:
    if isinstance(node, Name) and node.name == name:
        return value
    children = node.children()
    return node.with_children(tuple(_put(c, name, value) for c in children)) if children else node


def _without_functions(answer: str) -> str | None:
    return None if re.search(r"\b(?:cos|sin|tan|atan|acos|asin|Mod)\b|\[", answer) else answer


def _signed_terms(node: Node, sign: int = 1) -> list[tuple[int, Node]]:
    if isinstance(node, BinOp) and node.op in ("+", "-"):
        return _signed_terms(node.left, sign) + _signed_terms(node.right, sign if node.op == "+" else -sign)
    if isinstance(node, Neg):
        return _signed_terms(node.operand, -sign)
    return [(sign, node)]
