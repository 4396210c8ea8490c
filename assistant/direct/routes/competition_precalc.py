"""Precalculus in MATH's words: coordinates, vectors and matrices, complex numbers in polar form, angles.

"Convert the point $(1, -\\sqrt{3})$ in rectangular coordinates to polar coordinates.", "Compute
$\\begin{pmatrix} 2 & 3 \\\\ 7 & -1 \\end{pmatrix} \\begin{pmatrix} 1 \\\\ -5 \\end{pmatrix}$.", "Find the inverse
of the matrix ...", "Find the cross product of ... and ...", "Convert $\\sqrt{2} e^{11 \\pi i/4}$ to rectangular
form.", "Convert $\\frac{5 \\pi}{4}$ radians to degrees.". Trig values in degrees, inverse trig in radians and
determinants are the general competition route's (competition.py), tried before this one.

The question is split as the general route splits it (competition_reading.split_question); the one sentence
that asks must match a shape here whole, and any other sentence may only state the answer's form, in the
convention the answer is given in (r > 0, 0 <= theta < 2 pi, 0 <= phi <= pi). The symbolic engine computes;
the checks (assistant/direct/precalc_checks.py, or the engine's own matrix checks) recompute with mpmath.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

from tools.parsing import BinOp, Call, Name, Neg, Node, Num, Relation, Seq, subtrees, to_text

from ..plan import CheckKind, RoutedCall
from .competition import ASK, F, _sentences
from .competition_reading import FORM, Formula, degree, split_question
from .competition_shapes import convention_bound, has_matrix_value

I = re.IGNORECASE
SYSTEMS = r"(rectangular|cartesian|polar|cylindrical|spherical)"
MAX_ENTRIES = 100


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


def match(question: str) -> RoutedCall | None:
    question = re.sub(r"\\\[(.+?)\\\]", r" $$\1$$ ", question, flags=re.S)  # \[...\] is display math too
    split = split_question(question)
    if split is None:
        return None
    prose, formulas = split
    if any(DEFINITION.match(f.latex) for f in formulas):
        return _with_definitions(prose, formulas)
    sentences = _sentences(prose)
    asked = [s for s in sentences if not (FORM.match(s) or ZERO_MATRIX.match(s))]
    points = [s for s in asked if FORM_OF_POINT.match(s)]
    radians = [s for s in asked if RADIANS.match(s)]
    rectangular = [s for s in asked if RECTANGULAR.match(s)]
    plane = [s for s in asked if _plane_form(s, formulas)]
    asked = [s for s in asked if s not in points + radians + rectangular + plane]
    if len(asked) != 1 or len(points) > 1:
        return None
    if any(ZERO_MATRIX.match(s) for s in sentences) and not INVERSE_ASKED.search(asked[0]):
        return None  # "enter the zero matrix" belongs to an inverse question only
    form = Asked(points[0] if points else None, bool(radians), bool(rectangular), bool(plane))
    for pattern, build in FAMILIES:
        m = pattern.match(asked[0])
        if m:
            plan = build(formulas, form, *m.groups())
            if plan is not None:
                return plan
    return None


# -- vectors and matrices given names first ---------------------------------------------------------------------

BOLD = r"\\(?:mathbf|vec|bold|boldsymbol)\s*\{\s*([A-Za-z])\s*\}"
DEFINITION = re.compile(r"^" + BOLD + r"\s*=\s*(\\begin\{pmatrix\}(?:(?!\\begin).)*\\end\{pmatrix\})$", re.S)
DEFINING_CLAUSE = re.compile(r"^(?:let|if|for|given(?:\s+that)?|suppose(?:\s+that)?)\s+(⟨\d+⟩(?:\s*(?:,\s*and|,|and)\s*⟨\d+⟩)*)"
                             r"\s*(?:[.,;]\s*(?:then\s+)?|\s+then\s+)(\S.*)$", re.S | I)


def _with_definitions(prose: str, formulas: list[Formula]) -> RoutedCall | None:
    """'If $\\mathbf{a} = \\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix}$ and $\\mathbf{b} = ...,$ find $\\mathbf{a} -
    3 \\mathbf{b}.$': every definition in one opening clause, then the question with each name replaced by its
    matrix, read again as a question of its own (by the general route, then by this one)."""
    from . import competition

    clause = DEFINING_CLAUSE.match(prose.strip())
    if clause is None:
        return None
    refs = [int(k) for k in re.findall(r"⟨(\d+)⟩", clause.group(1))]
    defined = {}
    for k in refs:
        m = DEFINITION.match(formulas[k].latex)
        if m is None or m.group(1) in defined:
            return None
        defined[m.group(1)] = m.group(2)
    rest = clause.group(2)
    if any(DEFINITION.match(formulas[int(k)].latex) for k in re.findall(r"⟨(\d+)⟩", rest)):
        return None  # a definition after the question
    try:
        question = re.sub(r"⟨(\d+)⟩", lambda m: _put_back(formulas[int(m.group(1))].latex, defined), rest)
    except KeyError:
        return None  # a name used that was not defined
    return competition.match(question) or match(question)


PROJECTION = re.compile(r"^\\(?:operatorname|text|mathrm)\s*\{\s*proj\s*\}\s*_\s*\{?\s*(" + BOLD + r")\s*\}?\s*(" + BOLD
                        + r")$")


def _put_back(latex: str, defined: dict[str, str]) -> str:
    """A formula of the question with its names replaced; proj_w v written out as the words the route reads."""
    projection = PROJECTION.match(latex.strip())
    if projection is not None:
        onto, vector = projection.group(1), projection.group(3)
        return (f"the projection of ${_substituted(vector, defined)}$ onto "
                f"${_substituted(onto, defined)}$")
    return "$" + _substituted(latex, defined) + "$"


def _substituted(latex: str, defined: dict[str, str]) -> str:
    """Each bold name replaced by its matrix; a name not defined raises KeyError."""
    return re.sub(BOLD, lambda m: " " + defined[m.group(1)] + " ", latex)


# -- reading formulas ------------------------------------------------------------------------------------------

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


# -- the answer's form -----------------------------------------------------------------------------------------

FORM_OF_POINT = re.compile(r"^(?:enter|express|give|write)\s+(?:your|the)\s+answer\s+in\s+the\s+form\s+⟨(\d+)⟩"
                           r"(?:\s*,?\s*where\s+((?:⟨\d+⟩\s*(?:,\s*and|,|and)?\s*)+))?$", I)
ZERO_MATRIX = re.compile(r"^if\s+the\s+inverse\s+does\s+not\s+exist,\s*(?:then\s+)?enter\s+the\s+zero\s+matrix$", I)
RADIANS = re.compile(r"^all\s+(?:trigonometric\s+)?functions\s+are\s+in\s+radians$", I)
RECTANGULAR = re.compile(r"^(?:enter|express|give|write)\s+(?:your|the)\s+answer\s+in\s+rectangular\s+form$", I)
INVERSE_ASKED = re.compile(r"\binverse\b|\^\{?-1", I)

# conditions stated with the form, as LaTeX without spaces: only the conventions the answers are given in
CONDITIONS = {"r>0": "r", "\\rho>0": "rho", "0\\le\\theta<2\\pi": "theta", "0\\le\\phi\\le\\pi": "phi"}
FORM_NAMES = {"polar": ("r", "theta"), "cylindrical": ("r", "theta", "z"), "spherical": ("rho", "theta", "phi"),
              "rectangular": ("x", "y", "z")}


def _condition(latex: str) -> str:
    text = re.sub(r"\s+|\\[,;!]", "", latex).rstrip(".,")
    return text.replace("\\leq", "\\le").replace("\\lt", "<").replace("\\gt", ">")


def _form_agrees(formulas: list[Formula], form: str | None, target: str, size: int) -> bool:
    """No form sentence, or one whose tuple names the target's coordinates and whose conditions are the
    conventions used here (a question asking for -pi < theta <= pi is not answered with 0 <= theta < 2 pi)."""
    if form is None:
        return True
    m = FORM_OF_POINT.match(form)
    shape = formulas[int(m.group(1))].tree
    names = FORM_NAMES["rectangular" if target == "cartesian" else target][:size]
    if not (isinstance(shape, Seq) and [getattr(n, "name", None) for n in shape.items] == list(names)):
        return False
    stated = {CONDITIONS.get(_condition(formulas[int(k)].latex)) for k in re.findall(r"⟨(\d+)⟩", m.group(2) or "")}
    if None in stated:
        return False
    wanted = {"polar": {"r", "theta"}, "cylindrical": {"r", "theta"}, "spherical": {"rho", "theta", "phi"}}
    return not stated or stated == wanted.get(target, set())


# -- coordinates -------------------------------------------------------------------------------------------------

def _convert(formulas, form, ref, source, target):
    source, target = source.lower(), target.lower()
    source = "rectangular" if source == "cartesian" else source
    target = "rectangular" if target == "cartesian" else target
    size = 2 if "polar" in (source, target) else 3
    if source == target or (source != "rectangular" and target != "rectangular"):
        return None
    point = _point(formulas[int(ref)], size)
    if point is None or not _form_agrees(formulas, form.point, target, size):
        return None
    if any(_real_value(c) is None for c in point):
        return None
    build = _from_rectangular if source == "rectangular" else _to_rectangular
    items = build(point, target if source == "rectangular" else source)
    if items is None:
        return None
    call = "(" + ", ".join(items) + ")"
    return RoutedCall("symbolic", call, f"{source} to {target} coordinates: {call}", CheckKind.PRECALC,
                      relabel=_as_tuple)


def _from_rectangular(point: list[Node], target: str) -> list[str] | None:
    x, y = point[0], point[1]
    if _sign(x) is None and _sign(y) is None or (_sign(x), _sign(y)) == (0, 0):
        return None  # the origin has no angle; a sign 50 digits cannot settle is not guessed
    y_sign = _sign(y)
    if y_sign is None:
        return None
    angle = f"atan2({_text(y)}, {_text(x)})" + (" + 2*pi" if y_sign < 0 else "")
    if target in ("polar", "cylindrical"):
        items = [f"sqrt({_text(x)}^2 + {_text(y)}^2)", angle]
        return items + [to_text(point[2])] if target == "cylindrical" else items
    z = point[2]
    rho = f"sqrt({_text(x)}^2 + {_text(y)}^2 + {_text(z)}^2)"
    return [rho, angle, f"acos({_text(z)}/{rho})"]


def _to_rectangular(point: list[Node], source: str) -> list[str] | None:
    if source in ("polar", "cylindrical"):
        r, theta = _text(point[0]), _text(point[1])
        items = [f"{r}*cos({theta})", f"{r}*sin({theta})"]
        return items + [to_text(point[2])] if source == "cylindrical" else items
    rho, theta, phi = (_text(c) for c in point)
    return [f"{rho}*sin({phi})*cos({theta})", f"{rho}*sin({phi})*sin({theta})", f"{rho}*cos({phi})"]


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


# -- vectors and matrices ----------------------------------------------------------------------------------------

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


def _inverse(formulas, form, ref):
    formula = formulas[int(ref)]
    if form.stated or formula.tree is None or formula.names:
        return None
    rows = _matrix(formula.tree)
    if rows is None or not _rational_entries(formula.tree) or _fraction_det(rows) in (None, 0):
        return None
    call = f"inverse({to_text(formula.tree)})"
    return RoutedCall("symbolic", call, call, CheckKind.TOOL)


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


def _dot(formulas, form, a, b):
    pair = _vector_pair(formulas, a, b)
    if form.stated or pair is None:
        return None
    call = " + ".join(f"{_text(p)}*{_text(q)}" for p, q in zip(*pair))
    return RoutedCall("symbolic", call, f"the dot product: {call}", CheckKind.PRECALC)


def _cross(formulas, form, a, b):
    pair = _vector_pair(formulas, a, b, size=3)
    if form.stated or pair is None:
        return None
    (a1, a2, a3), (b1, b2, b3) = ([_text(c) for c in v] for v in pair)
    rows = [f"{a2}*{b3} - {a3}*{b2}", f"{a3}*{b1} - {a1}*{b3}", f"{a1}*{b2} - {a2}*{b1}"]
    call = "[" + ", ".join(f"[{r}]" for r in rows) + "]"
    return RoutedCall("symbolic", call, f"the cross product: {call}", CheckKind.PRECALC)


def _product_of_vectors(formulas, form, verb, ref):
    """'Compute $u \\cdot v$' / '$u \\times v$' with two column vectors and nothing else in the formula."""
    formula = formulas[int(ref)]
    m = re.fullmatch(r"\s*(\\begin\{pmatrix\}.*?\\end\{pmatrix\})\s*\\(cdot|times)\s*"
                     r"(\\begin\{pmatrix\}.*?\\end\{pmatrix\})\s*", formula.latex, re.S)
    if m is None or "\\begin" in m.group(1)[6:] or "\\begin" in m.group(3)[6:]:
        return None
    from .competition_reading import read_formula

    parts = [read_formula(m.group(1)), read_formula(m.group(3))]
    build = _dot if m.group(2) == "cdot" else _cross
    return build(parts, form, "0", "1")


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


def _formula_of_latex(latex: str) -> Formula:
    from .competition_reading import read_formula

    return read_formula(latex)


def _squares(vector: list[str]) -> str:
    return " + ".join(f"{c}^2" for c in vector)


def _projection(formulas, form, a, b):
    """proj_b a = (a.b / b.b) b; checked: along b, and a minus it perpendicular to b."""
    pair = _vector_pair(formulas, a, b)
    if form.stated or pair is None or all(_sign(c) == 0 for c in pair[1]):
        return None
    u, v = ([_text(c) for c in w] for w in pair)
    if any(_sign(c) is None for c in pair[1]):
        return None
    dot = " + ".join(f"{p}*{q}" for p, q in zip(u, v))
    call = f"(({dot})/({_squares(v)}))*[" + ", ".join(f"[{c}]" for c in v) + "]"
    return RoutedCall("symbolic", call, f"the projection: {call}", CheckKind.PRECALC)


def _line_matrix(formulas, form, what, ref):
    """The matrix projecting onto (or reflecting in) the line of a vector: v v^T / v.v (2 v v^T / v.v - I)."""
    v = _column(formulas[int(ref)])
    if form.stated or v is None or any(_sign(c) is None for c in v) or all(_sign(c) == 0 for c in v):
        return None
    if not _rational_entries(formulas[int(ref)].tree):
        return None  # the engine's own recomputation reads rational matrices only
    entries = [_text(c) for c in v]
    column = "[" + ", ".join(f"[{c}]" for c in entries) + "]"
    row = "[[" + ", ".join(entries) + "]]"
    outer = f"{column}*{row}/({_squares(entries)})"
    if what.lower().startswith("project"):
        call = outer
    else:
        n = len(entries)
        identity = "[" + ", ".join("[" + ", ".join(str(int(i == j)) for j in range(n)) + "]" for i in range(n)) + "]"
        call = f"2*{outer} - {identity}"
    return RoutedCall("symbolic", call, f"{what.lower()} the vector: {call}", CheckKind.PRECALC)


def _angle_between(formulas, form, a, b):
    """The angle between two vectors in degrees, only when exact (an acos left in the answer is declined)."""
    pair = _vector_pair(formulas, a, b)
    if form.stated or pair is None or any(all(_sign(c) == 0 for c in w) for w in pair):
        return None
    u, v = ([_text(c) for c in w] for w in pair)
    dot = " + ".join(f"{p}*{q}" for p, q in zip(u, v))
    call = f"acos(({dot})/(sqrt({_squares(u)})*sqrt({_squares(v)})))*180/pi"
    return RoutedCall("symbolic", call, f"the angle in degrees: {call}", CheckKind.PRECALC,
                      relabel=_without_functions)


def _rotation(formulas, form, ref, direction):
    """The matrix rotating the plane about the origin by an angle (counter-clockwise; clockwise turns the other
    way): [[cos t, -sin t], [sin t, cos t]], its entries re-evaluated with mpmath."""
    tree = _numeric(formulas[int(ref)])
    if form.stated or tree is None or isinstance(tree, Seq) or _real_value(tree) is None:
        return None
    t = _text(tree) if direction.lower().startswith("counter") else f"(-{_text(tree)})"
    call = f"[[cos({t}), -sin({t})], [sin({t}), cos({t})]]"
    return RoutedCall("symbolic", call, f"the rotation by {to_text(tree)}: {call}", CheckKind.PRECALC)


def _dilation(formulas, form, ref):
    tree = _numeric(formulas[int(ref)])
    if form.stated or tree is None or isinstance(tree, Seq) or _fraction_value(tree) is None:
        return None
    k = _text(tree)
    call = f"[[{k}, 0], [0, {k}]]"
    return RoutedCall("symbolic", call, f"the dilation by {to_text(tree)}: {call}", CheckKind.TOOL)


def _cosine_between(formulas, form, a, b):
    """The cosine of the angle between two vectors: a.b / (|a| |b|)."""
    pair = _vector_pair(formulas, a, b)
    if form.stated or pair is None or any(all(_sign(c) == 0 for c in w) for w in pair):
        return None
    u, v = ([_text(c) for c in w] for w in pair)
    dot = " + ".join(f"{p}*{q}" for p, q in zip(u, v))
    call = f"({dot})/(sqrt({_squares(u)})*sqrt({_squares(v)}))"
    return RoutedCall("symbolic", call, f"the cosine of the angle: {call}", CheckKind.PRECALC)


def _cosine_of_named_angle(formulas, form, name_ref, a, b, asked_ref):
    """'If $\\theta$ is the angle between ..., then find $\\cos \\theta$': the formula asked must be the cosine
    of that very angle."""
    name = formulas[int(name_ref)].tree
    asked = formulas[int(asked_ref)].tree
    if not (isinstance(name, Name) and isinstance(asked, Call) and asked.func == "cos" and asked.args == (name,)):
        return None
    return _cosine_between(formulas, form, a, b)


def _orthogonal(formulas, form, var_ref, a, b):
    """'Find $x$ such that the vectors $u$ and $v$ are orthogonal': a . v = 0, solved for the one letter the
    vectors hold (linear in it, so one value; the engine substitutes it back)."""
    from tools.parsing import parse

    from .competition_solve import solve

    var = formulas[int(var_ref)].tree
    columns = []
    for ref in (a, b):
        formula = formulas[int(ref)]
        rows = _matrix(formula.tree) if formula.tree is not None else None
        if rows is None or len(rows[0]) != 1 or len(rows) not in (2, 3) or convention_bound(formula.tree):
            return None
        columns.append([r[0] for r in rows])
    names = _names(Seq(tuple(columns[0] + columns[1]), "["))
    if form.stated or not isinstance(var, Name) or names != {var.name} or len(columns[0]) != len(columns[1]):
        return None
    dot = " + ".join(f"{_text(p)}*{_text(q)}" for p, q in zip(*columns))
    try:
        equation = parse(f"{dot} = 0")
    except Exception:  # noqa: BLE001 - a formula the parser refuses is declined
        return None
    if degree(equation.left, var.name) != 1:
        return None
    at_zero, at_one = (_real_value(_put(equation.left, var.name, Num(k))) for k in (0, 1))
    if at_zero is None or at_one is None or abs(at_one - at_zero) < 1e-30:
        return None  # the letter cancels: every value, or none, is orthogonal
    return solve([Formula(f"{dot} = 0", equation, frozenset({var.name})), formulas[int(var_ref)]], "1", "0")


def _put(node: Node, name: str, value: Node) -> Node:
    if isinstance(node, Name) and node.name == name:
        return value
    children = node.children()
    return node.with_children(tuple(_put(c, name, value) for c in children)) if children else node


def _parallelogram(formulas, form, a, b):
    """The area of the parallelogram two vectors span: |det| in the plane, the length of the cross product in
    space."""
    pair = _vector_pair(formulas, a, b)
    if form.stated or pair is None:
        return None
    u, v = ([_text(c) for c in w] for w in pair)
    if len(u) == 2:
        call = f"abs({u[0]}*{v[1]} - {u[1]}*{v[0]})"
    else:
        cross = [f"{u[1]}*{v[2]} - {u[2]}*{v[1]}", f"{u[2]}*{v[0]} - {u[0]}*{v[2]}", f"{u[0]}*{v[1]} - {u[1]}*{v[0]}"]
        call = "sqrt(" + " + ".join(f"({c})^2" for c in cross) + ")"
    return RoutedCall("symbolic", call, f"the parallelogram's area: {call}", CheckKind.PRECALC)


def _parallelepiped(formulas, form, a, b, c):
    """The volume of the parallelepiped three vectors span: |det| of the matrix with them as rows."""
    columns = [_column(formulas[int(r)]) for r in (a, b, c)]
    if form.stated or any(v is None or len(v) != 3 for v in columns):
        return None
    if any(_real_value(x) is None for v in columns for x in v):
        return None
    call = "abs(det([" + ", ".join("[" + ", ".join(_text(x) for x in v) + "]" for v in columns) + "]))"
    return RoutedCall("symbolic", call, f"the parallelepiped's volume: {call}", CheckKind.PRECALC)


def _magnitude(formulas, form, ref):
    v = _column(formulas[int(ref)])
    if form.stated or v is None or any(_real_value(c) is None for c in v):
        return None
    call = f"sqrt({_squares([_text(c) for c in v])})"
    return RoutedCall("symbolic", call, f"the length: {call}", CheckKind.PRECALC)


def _midpoint(formulas, form, a, b):
    p, q = formulas[int(a)], formulas[int(b)]
    size = len(p.tree.items) if p.tree is not None and isinstance(p.tree, Seq) else 0
    u, v = _point(p, size), _point(q, size)
    if form.stated or u is None or v is None or size not in (2, 3):
        return None
    if any(_real_value(c) is None for c in u + v):
        return None
    call = "(" + ", ".join(f"({_text(x)} + {_text(y)})/2" for x, y in zip(u, v)) + ")"
    return RoutedCall("symbolic", call, f"the midpoint: {call}", CheckKind.PRECALC, relabel=_as_tuple)


# -- complex numbers and angles -------------------------------------------------------------------------------

def _polar_parts(tree: Node) -> tuple[Node, Node] | None:
    """r e^{theta i} -> (r, theta); e^{theta i} -> (1, theta)."""
    if isinstance(tree, BinOp) and tree.op == "*" and _exponential(tree.right) is not None:
        return tree.left, _exponential(tree.right)
    theta = _exponential(tree)
    return (Num(1), theta) if theta is not None else None


def _exponential(node: Node) -> Node | None:
    """The theta of exp(theta i) or e^(theta i), with i a factor of the exponent (read by replacing it by 1)."""
    if isinstance(node, Call) and node.func == "exp" and len(node.args) == 1:
        exponent = node.args[0]
    elif isinstance(node, BinOp) and node.op == "^" and isinstance(node.left, Name) and node.left.name == "e":
        exponent = node.right
    else:
        return None
    factors = _factors(exponent)
    if factors is None or sum(1 for f in factors if isinstance(f, Name) and f.name == "i") != 1:
        return None
    theta = _replace_i(exponent)
    return theta if "i" not in {n.name for n in subtrees(theta) if isinstance(n, Name)} else None


def _factors(node: Node) -> list[Node] | None:
    """The factors of a product, through * and the numerator of /; None when a sum hides i."""
    if isinstance(node, BinOp) and node.op == "*":
        left, right = _factors(node.left), _factors(node.right)
        return None if left is None or right is None else left + right
    if isinstance(node, BinOp) and node.op == "/":
        top = _factors(node.left)
        return None if top is None or any(isinstance(n, Name) and n.name == "i" for n in subtrees(node.right)) \
            else top
    if isinstance(node, Neg):
        return _factors(node.operand)
    if any(isinstance(n, Name) and n.name == "i" for n in subtrees(node)) and not (isinstance(node, Name)):
        return None
    return [node]


def _replace_i(node: Node) -> Node:
    if isinstance(node, Name) and node.name == "i":
        return Num(1)
    children = node.children()
    return node.with_children(tuple(_replace_i(c) for c in children)) if children else node


def _rectangular_form(formulas, form, ref, verb=None):
    """r e^{theta i} as r cos theta + r sin theta i; (r cos t + r i sin t)^n by De Moivre; any other number
    in i as the engine simplifies it, given only when that comes out as a + bi."""
    formula = formulas[int(ref)]
    tree = formula.tree
    if form.point or form.radians or verb is not None and not form.rectangular:
        return None
    if tree is None or isinstance(tree, (Seq, Relation)) or has_matrix_value(tree) or convention_bound(tree):
        return None
    if formula.names - {"e"} or not _euler_only_as_base(tree):
        return None
    parts = _polar_parts(tree) or _de_moivre(tree)
    if parts is not None:
        if any(_real_value(p) is None for p in parts):
            return None
        r, theta = (_text(p) for p in parts)
        call = f"{r}*cos({theta}) + {r}*sin({theta})*i"
    else:
        call = f"expand({to_text(tree)})"  # multiplied out: (1 - sqrt(3) i)^8 as -128 - 128 sqrt(3) i
    return RoutedCall("symbolic", call, f"{to_text(tree)} in rectangular form: {call}", CheckKind.PRECALC,
                      relabel=_rectangular_text)


def _euler_only_as_base(tree: Node) -> bool:
    """e is Euler's number only where it is raised to a power (e^{i pi}); anywhere else it is a letter."""
    bases = sum(1 for n in subtrees(tree) if isinstance(n, BinOp) and n.op == "^" and isinstance(n.left, Name)
                and n.left.name == "e")
    return bases == sum(1 for n in subtrees(tree) if isinstance(n, Name) and n.name == "e")


def _de_moivre(tree: Node) -> tuple[Node, Node] | None:
    """(r cos t + r i sin t)^n -> (r^n, n t), once 50 digits confirm that the base is r (cos t + i sin t)."""
    import mpmath

    from ..precalc_checks import Unsupported, evaluate

    if not (isinstance(tree, BinOp) and tree.op == "^" and isinstance(tree.right, Num) and
            isinstance(tree.right.value, int) and 1 <= tree.right.value <= 1000):
        return None
    base = tree.left
    if not (isinstance(base, BinOp) and base.op == "+"):
        return None
    cosine = base.left
    r = Num(1)
    if isinstance(cosine, BinOp) and cosine.op == "*":
        r, cosine = cosine.left, cosine.right
    if not (isinstance(cosine, Call) and cosine.func == "cos" and len(cosine.args) == 1):
        return None
    theta = cosine.args[0]
    with mpmath.workdps(50):
        try:
            radius, angle, whole = evaluate(r), evaluate(theta), evaluate(base)
            expected = radius * (mpmath.cos(angle) + mpmath.j * mpmath.sin(angle))
        except (Unsupported, ZeroDivisionError, ValueError, OverflowError, RecursionError):
            return None
        if not abs(whole - expected) <= mpmath.mpf(10) ** -40 * max(1, abs(whole)):
            return None
    n = tree.right.value
    return BinOp("^", r, Num(n)), BinOp("*", Num(n), theta)


def _rectangular_text(answer: str) -> str | None:
    """a + bi with exact real a and b: no trigonometric function or exponential left in it, and i only as a
    factor of one term ((1 + I)**(1/3) or (-1)**(1/3) is not rectangular form)."""
    from tools.parsing import ParseError, parse

    if re.search(r"\b(?:cos|sin|tan|exp|E|atan|Mod|re|im)\b|\[", answer):
        return None
    try:
        tree = parse(answer)
    except (ParseError, RecursionError):
        return None
    imaginary = 0
    for _, term in _signed_terms(tree):
        factors = _all_factors(term)
        units = [f for f in factors if isinstance(f, Name) and f.name in ("I", "i")]
        rest = [f for f in factors if not (isinstance(f, Name) and f.name in ("I", "i"))]
        if len(units) > 1 or any(_real_value(f) is None or _holds_i(f) for f in rest):
            return None
        imaginary += len(units)
    return answer if imaginary <= 1 else None


def _all_factors(node: Node) -> list[Node]:
    """The factors of a product, numerators and denominators alike (a denominator stays whole)."""
    if isinstance(node, BinOp) and node.op == "*":
        return _all_factors(node.left) + _all_factors(node.right)
    if isinstance(node, BinOp) and node.op == "/":
        return _all_factors(node.left) + [node.right]
    if isinstance(node, Neg):
        return _all_factors(node.operand)
    return [node]


def _holds_i(node: Node) -> bool:
    return any(isinstance(n, Name) and n.name in ("I", "i") for n in subtrees(node))


def _to_degrees(formulas, form, ref):
    formula = formulas[int(ref)]
    tree = _numeric(formula)
    if form.stated or tree is None or isinstance(tree, Seq) or "^\\circ" in formula.latex.replace(" ", ""):
        return None
    if _real_value(tree) is None:
        return None
    call = f"({to_text(tree)})*180/pi"
    return RoutedCall("symbolic", call, f"{to_text(tree)} radians in degrees: {call}", CheckKind.PRECALC,
                      relabel=_without_functions)


def _to_radians(formulas, form, ref):
    formula = formulas[int(ref)]
    tree = _numeric(formula)
    written = formula.latex.replace(" ", "")
    if form.stated or tree is None or isinstance(tree, Seq) or not re.search(r"\^\{?\\circ\}?$", written):
        return None
    if _real_value(tree) is None:
        return None
    call = to_text(tree)  # the LaTeX reader already reads 210^\circ as 210*(pi/180)
    return RoutedCall("symbolic", call, f"{formula.latex} in radians: {call}", CheckKind.PRECALC,
                      relabel=_without_functions)


def _without_functions(answer: str) -> str | None:
    return None if re.search(r"\b(?:cos|sin|tan|atan|acos|asin|Mod)\b|\[", answer) else answer


# -- values in radians, determinants ------------------------------------------------------------------------

def _in_radians(formulas, form, verb, ref):
    """'Compute $\\arccos (\\cos 7).$  All functions are in radians.': the general route's numeric reading."""
    from .competition import _numeric as numeric_plan

    formula = formulas[int(ref)]
    tree = _numeric(formula)
    if not form.radians or form.point or form.rectangular or tree is None or "\\circ" in formula.latex:
        return None
    if isinstance(tree, Seq) or has_matrix_value(tree):
        return None
    return numeric_plan(tree)


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


# -- the integer n with the same sine, cosine or tangent ----------------------------------------------------

# the range asked must be the principal range the formula gives: cos on [0, 180], sin on [-90, 90], tan on (-90, 90)
RANGES = {"cos": {("0", "\\le", "\\le", "180")}, "sin": {("-90", "\\le", "\\le", "90")},
          "tan": {("-90", "<", "<", "90"), ("-90", "\\le", "\\le", "90"), ("-90", "<", "\\le", "90"),
                  ("-90", "\\le", "<", "90")}}
# n in that range from an angle M (degrees) with the same function value, by congruences
PRINCIPAL = {"cos": "180 - abs(180 - (({M}) mod 360))", "sin": "90 - abs(180 - (({M} + 90) mod 360))",
             "tan": "(({M} + 90) mod 180) - 90"}
RANGE_TEXT = re.compile(r"^(-?\d+)\s*(\\le|\\leq|<|\\lt)\s*n\s*(\\le|\\leq|<|\\lt)\s*(-?\d+)$")
DEGREES = r"\s*(?:\\left)?\(?\s*{}\s*\^\s*\{{?\s*\\circ\s*\}}?\s*(?:\\right)?\)?\s*"
SAME_VALUE = re.compile(r"^\\(sin|cos|tan)" + DEGREES.format("n") + r"=\s*\\(sin|cos|tan)" +
                        DEGREES.format(r"(-?\s*\d+)") + r"$")


def _same_value_integer(formulas, form, n_ref, range_ref, equation_ref):
    """'Find the integer $n,$ $0 \\le n \\le 180,$ such that $\\cos n^\\circ = \\cos 568^\\circ.$'"""
    if form.stated or re.sub(r"\s+", "", formulas[int(n_ref)].latex) != "n":
        return None
    bounds = RANGE_TEXT.match(re.sub(r"\s+", " ", formulas[int(range_ref)].latex).strip())
    equation = SAME_VALUE.match(formulas[int(equation_ref)].latex.strip())
    if bounds is None or equation is None:
        return None
    low, op1, op2, high = bounds.groups()
    op1, op2 = (o.replace("\\leq", "\\le").replace("\\lt", "<") for o in (op1, op2))
    f, g, m = equation.group(1), equation.group(2), int(equation.group(3).replace(" ", ""))
    if (low, op1, op2, high) not in RANGES[f] or abs(m) > 10**6:
        return None
    if f == g:
        angle = str(m)
    elif {f, g} == {"sin", "cos"}:
        angle = f"90 - ({m})"  # cos m = sin(90 - m), sin m = cos(90 - m)
    else:
        return None
    if f == "tan" and (m - 90) % 180 == 0:
        return None  # tan 90 is undefined
    call = PRINCIPAL[f].format(M=angle)
    return RoutedCall("calculator", call, f"the integer n, {low} {op1} n {op2} {high}, with {f} n° = {g} {m}°: "
                      f"{call}", CheckKind.PRECALC)


# -- triangles ------------------------------------------------------------------------------------------------

def _triangle_area(formulas, form, a, b, c):
    """The area of a triangle from its vertices in the plane: half the absolute cross product of two sides."""
    points = [_point(formulas[int(r)], 2) for r in (a, b, c)]
    if form.stated or any(p is None for p in points) or any(_real_value(x) is None for p in points for x in p):
        return None
    (x1, y1), (x2, y2), (x3, y3) = ([_text(x) for x in p] for p in points)
    call = f"abs(({x2} - {x1})*({y3} - {y1}) - ({x3} - {x1})*({y2} - {y1}))/2"
    return RoutedCall("symbolic", call, f"the triangle's area: {call}", CheckKind.PRECALC)


# -- determinants known, the determinant of a product asked --------------------------------------------------------

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


# -- the largest value of a cos x + b sin x + c -----------------------------------------------------------------

def _signed_terms(node: Node, sign: int = 1) -> list[tuple[int, Node]]:
    if isinstance(node, BinOp) and node.op in ("+", "-"):
        return _signed_terms(node.left, sign) + _signed_terms(node.right, sign if node.op == "+" else -sign)
    if isinstance(node, Neg):
        return _signed_terms(node.operand, -sign)
    return [(sign, node)]


def _trig_term(node: Node) -> tuple[str, Node, Node] | None:
    """c sin X, c cos X, sin X -> (function, c, X); None for anything else."""
    if isinstance(node, Call) and node.func in ("sin", "cos") and len(node.args) == 1:
        return node.func, Num(1), node.args[0]
    if isinstance(node, BinOp) and node.op == "*" and isinstance(node.right, Call) and \
            node.right.func in ("sin", "cos") and len(node.right.args) == 1:
        return node.right.func, node.left, node.right.args[0]
    return None


def _extreme_value(formulas, form, which, ref, var_ref=None):
    """'Find the maximum value of $\\cos x + 2 \\sin x,$ over all angles $x.$': c +- sqrt(a^2 + b^2), confirmed
    in the route with mpmath (attained at the angle atan2, and no sample of the circle goes beyond it)."""
    import mpmath

    from ..precalc_checks import Unsupported, evaluate

    formula = formulas[int(ref)]
    tree = formula.tree
    if form.stated or tree is None or len(formula.names) != 1 or isinstance(tree, (Relation, Seq)):
        return None
    (name,) = formula.names
    if var_ref is not None and getattr(formulas[int(var_ref)].tree, "name", None) != name:
        return None
    coefficient = {"sin": [], "cos": []}
    constant, argument = [], None
    for sign, term in _signed_terms(tree):
        trig = _trig_term(term)
        if trig is None:
            if _names(term):
                return None
            constant.append(f"{sign}*{_text(term)}")
            continue
        func, c, x = trig
        if _names(c) or argument is not None and x != argument:
            return None
        argument = x
        coefficient[func].append(f"{sign}*{_text(c)}")
    if argument is None or not (isinstance(argument, Name) or isinstance(argument, BinOp) and argument.op == "*"
                                and isinstance(argument.left, Num) and argument.left.value != 0
                                and isinstance(argument.right, Name)):
        return None  # the argument x or k x runs over all angles
    a, b, c = (" + ".join(parts) or "0" for parts in (coefficient["cos"], coefficient["sin"], constant))
    biggest = which.lower() in ("maximum", "largest", "greatest")
    call = f"({c}) {'+' if biggest else '-'} sqrt(({a})^2 + ({b})^2)"
    # confirmed numerically: the value is attained, and 3600 angles give nothing beyond it
    from tools.parsing import parse

    with mpmath.workdps(30):
        try:
            value = evaluate(parse(call))
            av, bv, cv = (evaluate(parse(t)) for t in (a, b, c))
            samples = [cv + av * mpmath.cos(t) + bv * mpmath.sin(t) for t in mpmath.linspace(0, 2 * mpmath.pi, 3600)]
            best = cv + av * mpmath.cos(mpmath.atan2(bv, av)) + bv * mpmath.sin(mpmath.atan2(bv, av))
        except (Unsupported, ZeroDivisionError, ValueError, OverflowError, RecursionError):
            return None
        attained = abs((best if biggest else 2 * cv - best) - value) < mpmath.mpf(10) ** -20
        bounded = all(x <= value + 1e-20 for x in samples) if biggest else all(x >= value - 1e-20 for x in samples)
    if not (attained and bounded):
        return None
    return RoutedCall("symbolic", call, f"the {which.lower()} of {to_text(tree)}: {call}", CheckKind.PRECALC)


# -- the period and phase shift of y = A f(B x + C) + D --------------------------------------------------------

PERIODS = {"sin": "2*pi", "cos": "2*pi", "sec": "2*pi", "csc": "2*pi", "tan": "pi", "cot": "pi"}


def _wave(formula: Formula) -> tuple[str, Node, str, str] | None:
    """y = A f(B x + C) + D -> (f, the argument, B, C) as texts, with A and D numbers and B not 0."""
    tree = formula.tree
    if tree is None or formula.names != {"x", "y"} or not (isinstance(tree, Relation) and tree.op == "="):
        return None
    if not (isinstance(tree.left, Name) and tree.left.name == "y") or "x" not in _names(tree.right):
        return None
    waves = []
    for _, term in _signed_terms(tree.right):
        if not _names(term):
            continue
        call = term.right if isinstance(term, BinOp) and term.op == "*" and not _names(term.left) else term
        if not (isinstance(call, Call) and call.func in PERIODS and len(call.args) == 1):
            return None
        waves.append((call.func, call.args[0]))
    if len(waves) != 1 or degree(waves[0][1], "x") != 1:
        return None
    func, argument = waves[0]
    at_zero, at_one = (_put(argument, "x", Num(k)) for k in (0, 1))
    slope, intercept = f"({to_text(at_one)}) - ({to_text(at_zero)})", to_text(at_zero)
    if _sign(BinOp("-", at_one, at_zero)) in (0, None):
        return None
    return func, argument, slope, intercept


def _period(formulas, form, ref):
    wave = _wave(formulas[int(ref)])
    if form.stated or wave is None:
        return None
    func, _, slope, _ = wave
    call = f"{PERIODS[func]}/abs({slope})"
    return RoutedCall("symbolic", call, f"the period of {func}: {call}", CheckKind.PRECALC)


def _phase_shift(formulas, form, ref):
    wave = _wave(formulas[int(ref)])
    if form.stated or wave is None or wave[0] not in ("sin", "cos"):
        return None
    _, _, slope, intercept = wave
    call = f"-({intercept})/({slope})"
    return RoutedCall("symbolic", call, f"the phase shift: {call}", CheckKind.PRECALC)


# -- planes ----------------------------------------------------------------------------------------------------

PLANE_FORM = re.compile(r"^enter\s+your\s+answer\s+in\s+the\s+form\s+⟨(\d+)⟩\s*,?\s*where\s+((?:⟨\d+⟩\s*,?\s*(?:and\s+)?)+)"
                        r"are\s+integers\s+such\s+that\s+⟨(\d+)⟩\s*,?\s*and\s+⟨(\d+)⟩$", I)
PLANE_LATEX = {"Ax+By+Cz+D=0", "A>0", "\\gcd(|A|,|B|,|C|,|D|)=1"}


def _plane_form(sentence: str, formulas: list[Formula]) -> bool:
    m = PLANE_FORM.match(sentence)
    if m is None:
        return False
    latex = {re.sub(r"\s+|\\[,;!]|\\(?:left|right)", "", formulas[int(k)].latex).rstrip(".,")
             for k in (m.group(1), m.group(3), m.group(4))}
    named = [re.sub(r"\s+", "", formulas[int(k)].latex) for k in re.findall(r"⟨(\d+)⟩", m.group(2))]
    return latex == PLANE_LATEX and named == ["A", "B", "C", "D"]


def _plane_through(formulas, form, a, b, c):
    """The plane through three points: det[[x - x1, y - y1, z - z1], [P2 - P1], [P3 - P1]] = 0, expanded by the
    engine (checked by cofactor expansion at rational points), then written with integers, A > 0, gcd 1 (the
    three points confirmed on it with Fractions)."""
    points = [_point(formulas[int(r)], 3) for r in (a, b, c)]
    if not form.plane or form.point or form.radians or form.rectangular or any(p is None for p in points):
        return None
    values = [[_fraction_value(x) for x in p] for p in points]
    if any(v is None for p in values for v in p):
        return None
    first = [_text(x) for x in points[0]]
    rows = [[f"{n} - {f}" for n, f in zip(("x", "y", "z"), first)]]
    rows += [[f"{_text(x)} - {f}" for x, f in zip(p, first)] for p in points[1:]]
    call = "expand(det([" + ", ".join("[" + ", ".join(r) + "]" for r in rows) + "]))"
    return RoutedCall("symbolic", call, f"the plane through three points: {call}", CheckKind.PRECALC,
                      relabel=lambda answer: _plane_equation(answer, values))


def _plane_parallel(formulas, form, point_ref, plane_ref):
    """The plane through a point parallel to a plane: the same normal, n . (P - P0) = 0."""
    point = _point(formulas[int(point_ref)], 3)
    plane = formulas[int(plane_ref)]
    if not form.plane or form.point or point is None or plane.tree is None or plane.names - {"x", "y", "z"}:
        return None
    normal = _linear_coefficients(plane.tree)
    values = [_fraction_value(x) for x in point]
    if normal is None or any(v is None for v in values) or not any(normal):
        return None
    call = "expand(" + " + ".join(f"({n})*({name} - {_text(x)})" for n, name, x in zip(normal, "xyz", point)) + ")"
    return RoutedCall("symbolic", call, f"the parallel plane through the point: {call}", CheckKind.TOOL,
                      relabel=lambda answer: _plane_equation(answer, [values], normal))


def _linear_coefficients(equation: Node) -> list[Fraction] | None:
    """a x + b y + c z = d read by putting in points (with Fractions), and confirmed linear at two more."""
    from ..recompute import Unsupported, recompute

    if not (isinstance(equation, Relation) and equation.op == "="):
        return None

    def at(x, y, z):
        values = {"x": x, "y": y, "z": z}
        side = BinOp("-", equation.left, equation.right)
        for name, v in values.items():
            side = _put(side, name, BinOp("/", Num(v.numerator), Num(v.denominator)))
        return recompute(side)

    try:
        zero = at(Fraction(0), Fraction(0), Fraction(0))
        coefficients = [at(*[Fraction(int(i == k)) for i in range(3)]) - zero for k in range(3)]
        for probe in ((Fraction(3, 7), Fraction(-2), Fraction(5, 3)), (Fraction(11), Fraction(1, 2), Fraction(-9, 4))):
            if at(*probe) != zero + sum(c * p for c, p in zip(coefficients, probe)):
                return None
    except (Unsupported, ZeroDivisionError, ValueError, OverflowError, RecursionError):
        return None
    return coefficients


def _plane_equation(answer: str, points: list[list[Fraction]], normal: list[Fraction] | None = None) -> str | None:
    """'4*x + 8*y - 8*z - 36' -> 'x + 2*y - 2*z - 9 = 0' (integers, A > 0, gcd 1), given only when every point
    lies on it (and its normal is parallel to the one given)."""
    import math

    from tools.parsing import ParseError, parse

    try:
        coefficients = _linear_coefficients(Relation("=", parse(answer), Num(0)))
    except (ParseError, RecursionError):
        return None
    if coefficients is None:
        return None
    from ..recompute import recompute

    constant = recompute(_put(_put(_put(parse(answer), "x", Num(0)), "y", Num(0)), "z", Num(0)))
    terms = coefficients + [constant]
    scale = math.lcm(*(t.denominator for t in terms))
    integers = [int(t * scale) for t in terms]
    divisor = math.gcd(*integers)
    if divisor == 0 or integers[0] == 0:
        return None  # no plane, or A = 0 where A > 0 was asked
    integers = [t // divisor * (1 if integers[0] > 0 else -1) for t in integers]
    a, b, c, d = integers
    if any(a * p[0] + b * p[1] + c * p[2] + d != 0 for p in points):
        return None
    if normal is not None and any(u * normal[j] != v * normal[i] for (i, u), (j, v) in
                                  [((0, a), (1, b)), ((0, a), (2, c)), ((1, b), (2, c))]):
        return None  # not parallel to the plane given
    return _linear_text(integers) + " = 0"


def _linear_text(coefficients: list[int]) -> str:
    parts = []
    for c, name in zip(coefficients, ("x", "y", "z", "")):
        if c == 0:
            continue
        size = str(abs(c)) if abs(c) != 1 or not name else ""
        term = f"{size}*{name}" if size and name else size or name
        parts.append(("- " if c < 0 else "+ ") + term)
    text = " ".join(parts)
    return text[2:] if text.startswith("+ ") else "-" + text[2:]


def _plane_parts(formula: Formula) -> tuple[list[Fraction], Fraction] | None:
    """a x + b y + c z + d = 0 as ([a, b, c], d), read with Fractions; None for anything that is not a plane."""
    if formula.tree is None or formula.names - {"x", "y", "z"} or not formula.names:
        return None
    normal = _linear_coefficients(formula.tree)
    if normal is None or not any(normal):
        return None
    from ..recompute import recompute

    side = BinOp("-", formula.tree.left, formula.tree.right)
    for name in "xyz":
        side = _put(side, name, Num(0))
    return normal, recompute(side)


def _point_plane_distance(formulas, form, point_ref, plane_ref):
    """|a x0 + b y0 + c z0 + d| / |n|; the foot of the perpendicular is confirmed on the plane with Fractions."""
    point = _point(formulas[int(point_ref)], 3)
    plane = _plane_parts(formulas[int(plane_ref)])
    if form.stated or point is None or plane is None:
        return None
    values = [_fraction_value(x) for x in point]
    if any(v is None for v in values):
        return None
    (a, b, c), d = plane
    value = a * values[0] + b * values[1] + c * values[2] + d
    squares = a * a + b * b + c * c
    foot = [v - value / squares * n for v, n in zip(values, (a, b, c))]
    if a * foot[0] + b * foot[1] + c * foot[2] + d != 0:
        return None
    call = f"abs({value})/sqrt({squares})"
    return RoutedCall("symbolic", call, f"the distance to the plane: {call}", CheckKind.PRECALC)


def _planes_distance(formulas, form, first, second):
    """Two parallel planes: the distance from a point of the first to the second."""
    one, two = _plane_parts(formulas[int(first)]), _plane_parts(formulas[int(second)])
    if form.stated or one is None or two is None:
        return None
    (n1, d1), (n2, d2) = one, two
    if any(n1[i] * n2[j] != n1[j] * n2[i] for i in range(3) for j in range(3)):
        return None  # not parallel: they meet
    k = next(i for i in range(3) if n1[i] != 0)
    point = [Fraction(0)] * 3
    point[k] = -d1 / n1[k]  # a point of the first plane
    value = sum(n * p for n, p in zip(n2, point)) + d2
    call = f"abs({value})/sqrt({sum(n * n for n in n2)})"
    return RoutedCall("symbolic", call, f"the distance between the planes: {call}", CheckKind.PRECALC)


def _exponential_angle(formulas, form, z_ref, shape_ref, theta_ref):
    """'When $1 - i \\sqrt{3}$ is converted to the exponential form $re^{i \\theta}$, what is $\\theta$?': the
    angle in [0, 2 pi), as in polar coordinates (the point converted back is checked)."""
    z = formulas[int(z_ref)]
    shape = re.sub(r"\s+", "", formulas[int(shape_ref)].latex)
    theta = re.sub(r"\s+", "", formulas[int(theta_ref)].latex)
    if form.stated or z.tree is None or z.names or theta != "\\theta" or shape not in ("re^{i\\theta}", "re^{\\thetai}"):
        return None
    x, y = _put(z.tree, "i", Num(0)), _put(BinOp("-", z.tree, _put(z.tree, "i", Num(0))), "i", Num(1))
    if not _linear_in_i(z.tree):
        return None
    items = _from_rectangular([x, y], "polar")
    if items is None:
        return None
    call = "(" + ", ".join(items) + ")"
    return RoutedCall("symbolic", call, f"{to_text(z.tree)} as r e^(i theta): {call}", CheckKind.PRECALC,
                      relabel=_second_of_pair)


def _linear_in_i(tree: Node) -> bool:
    """a + b i with a and b real: i appears only to the first power, as a factor of a term."""
    return degree(tree, "i") <= 1 and _real_value(_put(tree, "i", Num(0))) is not None and \
        _real_value(_put(BinOp("-", tree, _put(tree, "i", Num(0))), "i", Num(1))) is not None


def _second_of_pair(answer: str) -> str | None:
    pair = _as_tuple(answer)
    if pair is None:
        return None
    parts = pair[1:-1].split(", ")
    return parts[1] if len(parts) == 2 else None


def _triangle_area_3d(formulas, form, a, b, c):
    """A triangle in space: half the length of the cross product of two sides."""
    points = [_point(formulas[int(r)], 3) for r in (a, b, c)]
    if form.stated or any(p is None for p in points) or any(_real_value(x) is None for p in points for x in p):
        return None
    p, q, r = ([_text(x) for x in pt] for pt in points)
    u = [f"({q[i]} - {p[i]})" for i in range(3)]
    v = [f"({r[i]} - {p[i]})" for i in range(3)]
    cross = [f"{u[1]}*{v[2]} - {u[2]}*{v[1]}", f"{u[2]}*{v[0]} - {u[0]}*{v[2]}", f"{u[0]}*{v[1]} - {u[1]}*{v[0]}"]
    call = "sqrt(" + " + ".join(f"({c})^2" for c in cross) + ")/2"
    return RoutedCall("symbolic", call, f"the triangle's area: {call}", CheckKind.PRECALC)


# -- circles given by an equation ----------------------------------------------------------------------------

def _circle(formulas, form, what, ref):
    """The center, radius, diameter, circumference or area of the circle an equation in x and y describes (the
    reading confirmed at several points: competition_circles.py)."""
    from .competition_circles import circle_of

    formula = formulas[int(ref)]
    if form.stated or formula.tree is None or formula.names != {"x", "y"}:
        return None
    circle = circle_of(formula.tree)
    if circle is None:
        return None
    h, k, r2 = (f"({v})" for v in (circle.h, circle.k, circle.r_squared))
    what = what.lower()
    call = {"center": f"({h}, {k})", "radius": f"sqrt({r2})", "diameter": f"2*sqrt({r2})",
            "circumference": f"2*pi*sqrt({r2})", "area": f"pi*{r2}"}[what]
    return RoutedCall("symbolic", call, f"the circle's {what}: {call}", CheckKind.PRECALC,
                      relabel=_as_tuple if what == "center" else None)


# -- the sentence shapes -------------------------------------------------------------------------------------

VECTORS = r"(?:the\s+)?(?:vectors?\s+)?"
FAMILIES = [
    (re.compile(r"^convert\s+the\s+point\s+" + F + r"\s+in\s+" + SYSTEMS + r"\s+coordinates\s+to\s+" + SYSTEMS
                + r"\s+coordinates$", I), _convert),
    (re.compile(r"^" + ASK + r"\s+the\s+inverse\s+of\s+(?:the\s+matrix\s+)?" + F + r"$", I), _inverse),
    (re.compile(r"^" + ASK + r"\s+the\s+dot\s+product\s+of\s+" + VECTORS + F + r"\s+and\s+" + F + r"$", I), _dot),
    (re.compile(r"^" + ASK + r"\s+the\s+cross\s+product\s+of\s+" + VECTORS + F + r"\s+and\s+" + F + r"$", I),
     _cross),
    (re.compile(r"^" + ASK + r"\s+the\s+projection\s+of\s+" + VECTORS + F + r"\s+onto\s+(?:the\s+)?(?:vector\s+)?"
                + F + r"$", I), _projection),
    (re.compile(r"^" + ASK + r"\s+the\s+matrix\s+that\s+corresponds\s+to\s+(projecting\s+onto|reflecting\s+over)"
                r"\s+the\s+vector\s+" + F + r"$", I), _line_matrix),
    (re.compile(r"^" + ASK + r"\s+the\s+matrix\s+that\s+corresponds\s+to\s+rotating\s+about\s+the\s+origin\s+by\s+an\s+angle\s+"
                r"of\s+" + F + r"\s+(counter-?\s*clockwise|clockwise)$", I), _rotation),
    (re.compile(r"^" + ASK + r"\s+the\s+matrix\s+that\s+corresponds\s+to\s+a\s+dilation\s+centered\s+at\s+the\s+origin\s+"
                r"with\s+scale\s+factor\s+" + F + r"$", I), _dilation),
    (re.compile(r"^" + ASK + r"\s+the\s+angle\s+between\s+" + VECTORS + F + r"\s+and\s+" + F
                + r"\s*,\s*in\s+degrees$", I), _angle_between),
    (re.compile(r"^" + ASK + r"\s+the\s+cosine\s+of\s+the\s+angle\s+between\s+" + VECTORS + F + r"\s+and\s+" + F
                + r"$", I), _cosine_between),
    (re.compile(r"^if\s+" + F + r"\s+is\s+the\s+angle\s+between\s+" + VECTORS + F + r"\s+and\s+" + F
                + r"\s*,\s*(?:then\s+)?" + ASK + r"\s+" + F + r"$", I), _cosine_of_named_angle),
    (re.compile(r"^" + ASK + r"\s+(?:the\s+value\s+of\s+)?" + F + r"\s+(?:such\s+that|so\s+that|for\s+which)\s+"
                + VECTORS + F + r"\s+and\s+" + F + r"\s+are\s+(?:orthogonal|perpendicular)$", I), _orthogonal),
    (re.compile(r"^" + ASK + r"\s+the\s+area\s+of\s+the\s+parallelogram\s+(?:generated|spanned|determined|formed)\s+by\s+"
                + VECTORS + F + r"\s+and\s+" + F + r"$", I), _parallelogram),
    (re.compile(r"^" + ASK + r"\s+the\s+volume\s+of\s+the\s+parallelepiped\s+(?:generated|spanned|determined|formed)\s+by\s+"
                + VECTORS + F + r"\s*,\s*" + F + r"\s*,?\s*and\s+" + F + r"$", I), _parallelepiped),
    (re.compile(r"^" + ASK + r"\s+the\s+(?:magnitude|length|norm)\s+of\s+(?:the\s+)?(?:vector\s+)?" + F + r"$", I),
     _magnitude),
    (re.compile(r"^" + ASK + r"\s+the\s+midpoint\s+of\s+the\s+(?:line\s+)?segment\s+(?:with\s+endpoints\s+(?:at\s+)?|"
                r"(?:between|joining|connecting)\s+(?:the\s+points\s+)?)" + F + r"\s*,?\s+and\s+" + F + r"$", I),
     _midpoint),
    (re.compile(r"^(?:convert|express|write)\s+" + F + r"\s+(?:to|in)\s+rectangular\s+form$", I),
     _rectangular_form),
    (re.compile(r"^(compute|evaluate|find|simplify|calculate|what\s+is)\s+" + F + r"$", I),
     lambda fs, form, verb, ref: _rectangular_form(fs, form, ref, verb)),
    (re.compile(r"^convert\s+" + F + r"\s+(?:radians\s+)?to\s+degrees$", I), _to_degrees),
    (re.compile(r"^convert\s+" + F + r"\s+to\s+radians$", I), _to_radians),
    (re.compile(r"^" + ASK + r"\s+the\s+(?:" + F + r"\s+)?matrix\s+" + F + r"\s*,?\s+(?:such\s+that|for\s+which|so\s+that|if)\s+"
                + F + r"(?:\s*,?\s+and\s+" + F + r")?$", I), _unknown_matrix),
    (re.compile(r"^" + ASK + r"\s+the\s+(center|radius|diameter|circumference|area)\s+of\s+the\s+circle\s+"
                r"(?:(?:with|whose)\s+equation\s+(?:is\s+)?|(?:defined|given|described)\s+by\s+(?:the\s+equation\s+)?)"
                + F + r"$", I), _circle),
    (re.compile(r"^" + ASK + r"\s+the\s+(area)\s+(?:of|enclosed\s+by)\s+the\s+region\s+(?:defined|bounded|enclosed)\s+by\s+"
                r"the\s+(?:equation|circle|graph\s+of)\s+" + F + r"$", I), _circle),
    (re.compile(r"^(?:if|given\s+that|suppose(?:\s+that)?)\s+(⟨\d+⟩(?:\s*(?:,\s*and|,|and)\s*⟨\d+⟩)*)\s*,?\s*(?:then\s+)?"
                + ASK + r"\s+" + F + r"$", I), _determinant_rule),
    (re.compile(r"^" + ASK + r"\s+the\s+(maximum|minimum|largest|smallest|greatest|least)\s+(?:possible\s+)?value\s+of\s+"
                + F + r"(?:\s*,?\s+over\s+all\s+(?:angles|real\s+numbers|(?:real\s+)?values\s+of)\s+" + F + r")?$", I),
     _extreme_value),
    (re.compile(r"^(?:what\s+is|find|determine)\s+the\s+period\s+of\s+(?:the\s+graph\s+of\s+)?" + F + r"$", I), _period),
    (re.compile(r"^(?:what\s+is|find|determine)\s+the\s+phase\s+shift\s+of\s+(?:the\s+graph\s+of\s+)?" + F + r"$", I),
     _phase_shift),
    (re.compile(r"^" + ASK + r"\s+the\s+equation\s+of\s+the\s+plane\s+(?:containing|passing\s+through|through)\s+"
                r"(?:the\s+points\s+)?" + F + r"\s*,?\s*" + F + r"\s*,?\s*and\s+" + F + r"$", I), _plane_through),
    (re.compile(r"^" + ASK + r"\s+the\s+equation\s+of\s+the\s+plane\s+(?:which\s+|that\s+)?(?:passes|passing)\s+through\s+"
                r"(?:the\s+point\s+)?" + F + r"\s*,?\s*and\s+(?:which\s+|that\s+)?is\s+parallel\s+to\s+the\s+plane\s+" + F
                + r"$", I), _plane_parallel),
    (re.compile(r"^" + ASK + r"\s+the\s+distance\s+(?:from|between)\s+the\s+point\s+" + F + r"\s+(?:to|and)\s+the\s+plane\s+"
                + F + r"$", I), _point_plane_distance),
    (re.compile(r"^" + ASK + r"\s+the\s+distance\s+between\s+the\s+(?:parallel\s+)?planes\s+" + F + r"\s*,?\s+and\s+" + F
                + r"$", I), _planes_distance),
    (re.compile(r"^when\s+" + F + r"\s+is\s+converted\s+to\s+the\s+exponential\s+form\s+" + F + r"\s*,\s*what\s+is\s+"
                + F + r"$", I), _exponential_angle),
    (re.compile(r"^" + ASK + r"\s+the\s+determinant\s+of\s+(?:the\s+matrix\s+)?" + F + r"$", I), _determinant),
    (re.compile(r"^(?:find|what\s+is|determine|compute)\s+the\s+integer\s+" + F + r"\s*,\s*" + F + r"\s*,\s*"
                r"(?:such\s+that|for\s+which|so\s+that)\s+" + F + r"$", I), _same_value_integer),
    (re.compile(r"^" + ASK + r"\s+the\s+area\s+of\s+the\s+triangle\s+with\s+vertices\s+(?:at\s+)?" + F + r"\s*,?\s*"
                + F + r"\s*,?\s*and\s+" + F + r"$", I), _triangle_area),
    (re.compile(r"^" + ASK + r"\s+the\s+area\s+of\s+the\s+triangle\s+with\s+vertices\s+(?:at\s+)?" + F + r"\s*,?\s*"
                + F + r"\s*,?\s*and\s+" + F + r"$", I), _triangle_area_3d),
    (re.compile(r"^(compute|find|evaluate|calculate|simplify|what\s+is)\s+" + F + r"$", I), _letter_determinant),
    (re.compile(r"^(compute|find|evaluate|calculate|what\s+is)\s+" + F + r"$", I), _in_radians),
    (re.compile(r"^(compute|find|evaluate|calculate|simplify|what\s+is)\s+" + F + r"$", I), _product_of_vectors),
    (re.compile(r"^(compute|find|evaluate|calculate|simplify|what\s+is)\s+" + F + r"$", I), _matrix_arithmetic),
]
