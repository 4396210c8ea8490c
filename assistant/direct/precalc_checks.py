"""Checks for the precalculus route's answers (assistant/direct/routes/competition_precalc.py).

The symbolic engine (SymPy) writes the exact answer; these checks read that answer back and test it with
mpmath at 50 digits, a second engine that shares no code with SymPy:
- every answer: its value equals the question's formula (the tool's input) evaluated with mpmath;
- rectangular to polar, cylindrical or spherical: the answer is in the conventional ranges (r > 0,
  0 <= theta < 2 pi, 0 <= phi <= pi) and converts back to the point it came from;
- a cross product: perpendicular to both vectors, of length |a||b| sin(angle), and right-handed.
A formula or answer outside what the evaluator reads gives an undecided check, never a pass.
"""
from __future__ import annotations

from tools.parsing import BinOp, Call, Name, Neg, Node, Num, ParseError, Seq, parse, subtrees

from ..answer import Check

DIGITS = 50
TOLERANCE_DIGITS = 40  # agreement to 40 of the 50 digits
MAX_EXPONENT = 10_000


class Unsupported(ValueError):
    """A formula the mpmath evaluator does not read."""


def precalc_check(value, understood: str) -> list[Check]:
    import mpmath

    with mpmath.workdps(DIGITS):
        try:
            question = parse(understood)
            answer = _answer_tree(str(getattr(value, "text", value)))
            special = _letter_determinant_checks(question, answer)
            if special is None:
                special = _transformation_checks(question, answer)
            if special is None:
                special = _same_value_checks(question, answer)
            if special is None:
                special = _triangle_checks(question, answer)
            if special is not None:
                return special
            formula = _values(question)
            shown = _values(answer)
        except (Unsupported, ParseError, RecursionError, ZeroDivisionError, ValueError, OverflowError) as exc:
            return [Check("re-evaluated with mpmath", None, f"could not re-evaluate: {exc}")]
        same = len(formula) == len(shown) and all(_close(a, b) for a, b in zip(formula, shown))
        checks = [Check("re-evaluated with mpmath", same, f"the formula and the answer agree to {TOLERANCE_DIGITS} "
                                                          f"digits" if same else "the formula and the answer differ")]
        if isinstance(question, Seq):
            checks.extend(_conversion_checks(question, shown))
            checks.extend(_cross_checks(question, shown))
        return checks


def _answer_tree(text: str) -> Node:
    """'[2, pi/3]', 'Matrix([[1], [2]])', '-1 + I': the answer as the tool printed it."""
    tree = parse(text)
    if isinstance(tree, Call) and tree.func == "Matrix" and len(tree.args) == 1:
        return tree.args[0]
    return tree


def _values(tree: Node) -> list:
    """The entries of a tuple, vector or matrix (row by row), or the one value, as mpmath numbers; a formula of
    matrices (sums, products, integer powers) is multiplied out with mpmath matrices."""
    if isinstance(tree, Seq):
        out = []
        for item in tree.items:
            out.extend(_values(item) if isinstance(item, Seq) else [evaluate(item)])
        return out
    if not isinstance(tree, Call) and any(isinstance(n, Seq) for n in subtrees(tree)):
        m = _matrix_value(tree)
        return [m[i, j] for i in range(m.rows) for j in range(m.cols)]
    return [evaluate(tree)]


def _matrix_value(node: Node):
    import mpmath

    if isinstance(node, Seq):
        return mpmath.matrix([[evaluate(c) for c in r.items] for r in node.items])
    if isinstance(node, Neg):
        return -_matrix_value(node.operand)
    if not isinstance(node, BinOp):
        raise Unsupported(f"{type(node).__name__} in a matrix formula")
    has = [any(isinstance(n, Seq) for n in subtrees(side)) for side in (node.left, node.right)]
    left = _matrix_value(node.left) if has[0] else evaluate(node.left)
    right = _matrix_value(node.right) if has[1] else evaluate(node.right)
    if node.op in ("+", "-") and all(has):
        return left + right if node.op == "+" else left - right
    if node.op == "*":
        return left * right
    if node.op == "/" and not has[1]:
        return left / right
    if node.op == "^" and has[0] and not has[1] and right == int(right) and abs(right) <= MAX_EXPONENT:
        return left ** int(right)
    raise Unsupported(f"the operator {node.op} in a matrix formula")


def _close(a, b) -> bool:
    import mpmath

    scale = max(abs(a), abs(b), mpmath.mpf(1))
    return abs(a - b) <= scale * mpmath.mpf(10) ** -TOLERANCE_DIGITS


# -- an mpmath evaluator for numeric formulas -----------------------------------------------------------------

_FUNCTIONS = {"sqrt": "sqrt", "sin": "sin", "cos": "cos", "tan": "tan", "sec": "sec", "csc": "csc", "cot": "cot",
              "asin": "asin", "acos": "acos", "atan": "atan", "exp": "exp", "abs": "fabs", "log": "ln"}


def evaluate(node: Node):
    """A numeric formula's value with mpmath (complex where i appears); Unsupported for anything else."""
    import mpmath

    if isinstance(node, Num):
        return mpmath.mpf(node.value.numerator) / node.value.denominator if hasattr(node.value, "numerator") \
            else mpmath.mpf(node.value)
    if isinstance(node, Name):
        constants = {"pi": mpmath.pi, "I": mpmath.mpc(0, 1), "i": mpmath.mpc(0, 1), "E": mpmath.e, "e": mpmath.e}
        if node.name not in constants:
            raise Unsupported(f"the name {node.name}")
        return +constants[node.name]
    if isinstance(node, Neg):
        return -evaluate(node.operand)
    if isinstance(node, BinOp):
        return _binop(node)
    if isinstance(node, Call):
        return _call(node)
    raise Unsupported(type(node).__name__)


def _binop(node: BinOp):
    left, right = evaluate(node.left), evaluate(node.right)
    if node.op == "+":
        return left + right
    if node.op == "-":
        return left - right
    if node.op == "*":
        return left * right
    if node.op == "/":
        if right == 0:
            raise ZeroDivisionError("division by zero")
        return left / right
    if node.op == "^":
        if abs(right) > MAX_EXPONENT:
            raise Unsupported("an exponent too large")
        return left ** right
    raise Unsupported(f"the operator {node.op}")


def _call(node: Call):
    import mpmath

    if node.func == "det" and len(node.args) == 1 and isinstance(node.args[0], Seq):
        return mpmath.det(_matrix_value(node.args[0]))
    if node.func == "expand" and len(node.args) == 1:  # a rewriting: the value is its argument's
        return evaluate(node.args[0])
    args = [evaluate(a) for a in node.args]
    if node.func == "atan2" and len(args) == 2:
        return mpmath.atan2(_real(args[0]), _real(args[1]))
    if node.func == "root" and len(args) == 2:
        return mpmath.root(args[0], _real(args[1]))
    if node.func not in _FUNCTIONS or len(args) != 1:
        raise Unsupported(f"the function {node.func}")
    if node.func == "abs":
        return abs(args[0])
    return getattr(mpmath, _FUNCTIONS[node.func])(args[0])


def _real(x):
    import mpmath

    if isinstance(x, mpmath.mpc):
        if x.imag != 0:
            raise Unsupported("a complex argument")
        return x.real
    return x


# -- conversions between coordinate systems ------------------------------------------------------------------

def _atan2_point(node: Node) -> tuple[Node, Node] | None:
    """The (x, y) of the atan2(y, x) inside an angle's formula."""
    stack = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, Call) and n.func == "atan2" and len(n.args) == 2:
            return n.args[1], n.args[0]
        stack.extend(n.children())
    return None


def _acos_height(node: Node) -> Node | None:
    """The z of the acos(z / rho) in a spherical phi."""
    if isinstance(node, Call) and node.func == "acos" and isinstance(node.args[0], BinOp) and node.args[0].op == "/":
        return node.args[0].left
    return None


def _conversion_checks(question: Seq, shown: list) -> list[Check]:
    """A point converted from rectangular coordinates: in range, and converted back to where it came from."""
    import mpmath

    if len(question.items) not in (2, 3) or len(shown) != len(question.items):
        return []
    point = _atan2_point(question.items[1])
    if point is None:
        return []
    x, y = (_real(evaluate(c)) for c in point)
    radius, theta = (_real(v) for v in shown[:2])
    in_range = radius > 0 and 0 <= theta < 2 * mpmath.pi
    z_node = _acos_height(question.items[2]) if len(question.items) == 3 else None
    if z_node is not None:  # spherical: (rho, theta, phi)
        phi = _real(shown[2])
        z = _real(evaluate(z_node))
        in_range = in_range and 0 <= phi <= mpmath.pi
        back = [radius * mpmath.sin(phi) * mpmath.cos(theta), radius * mpmath.sin(phi) * mpmath.sin(theta),
                radius * mpmath.cos(phi)]
        wanted = [x, y, z]
    else:
        back = [radius * mpmath.cos(theta), radius * mpmath.sin(theta)]
        wanted = [x, y]
        if len(question.items) == 3:  # cylindrical: z stays
            back.append(_real(shown[2]))
            wanted.append(_real(evaluate(question.items[2])))
    returns = all(_close(a, b) for a, b in zip(back, wanted))
    return [Check("in the conventional ranges", bool(in_range), "r > 0, 0 <= theta < 2 pi (0 <= phi <= pi)"),
            Check("converted back to the point", returns, "rectangular coordinates recomputed from the answer")]


# -- cross products --------------------------------------------------------------------------------------------


def _cross_factors(question: Seq) -> tuple[list, list] | None:
    """a and b read back from [[a2*b3 - a3*b2], [a3*b1 - a1*b3], [a1*b2 - a2*b1]]; None for any other shape
    or where the three rows do not name the same a and b."""
    rows = question.items
    if len(rows) != 3 or not all(isinstance(r, Seq) and len(r.items) == 1 for r in rows):
        return None
    read = []
    for row in rows:
        e = row.items[0]
        if not (isinstance(e, BinOp) and e.op == "-" and all(isinstance(s, BinOp) and s.op == "*"
                                                            for s in (e.left, e.right))):
            return None
        read.append((e.left.left, e.left.right, e.right.left, e.right.right))
    (a2, b3, a3, b2), (a3_, b1, a1, b3_), (a1_, b2_, a2_, b1_) = read
    if (a3, b3, a1, b2, a2, b1) != (a3_, b3_, a1_, b2_, a2_, b1_):
        return None
    return [evaluate(n) for n in (a1, a2, a3)], [evaluate(n) for n in (b1, b2, b3)]


def _cross_checks(question: Seq, shown: list) -> list[Check]:
    """Perpendicular to a and b, |c|^2 = |a|^2 |b|^2 - (a.b)^2 (Lagrange), and det[a, b, c] = |c|^2 >= 0:
    together these fix c without the component formula."""
    if len(shown) != 3:
        return []
    factors = _cross_factors(question)
    if factors is None:
        return []
    a, b = factors
    c = shown

    def dot(u, v):
        return sum(p * q for p, q in zip(u, v))

    perpendicular = _close(dot(a, c), 0) and _close(dot(b, c), 0)
    lagrange = _close(dot(c, c), dot(a, a) * dot(b, b) - dot(a, b) ** 2)
    det = (a[0] * (b[1] * c[2] - b[2] * c[1]) - a[1] * (b[0] * c[2] - b[2] * c[0])
           + a[2] * (b[0] * c[1] - b[1] * c[0]))
    oriented = _close(det, dot(c, c))
    return [Check("perpendicular to both vectors", perpendicular, "a.c = b.c = 0"),
            Check("length |a||b|sin", lagrange and oriented, "Lagrange's identity, and det[a, b, c] = |c|^2")]


# -- projections and reflections -------------------------------------------------------------------------------

def _column(node: Node) -> list | None:
    """A column vector literal [[a], [b], ...] as mpmath numbers."""
    if not (isinstance(node, Seq) and node.items and all(isinstance(r, Seq) and len(r.items) == 1
                                                         for r in node.items)):
        return None
    return [evaluate(r.items[0]) for r in node.items]


def _rows(node: Node) -> list[list] | None:
    if not (isinstance(node, Seq) and node.items and all(isinstance(r, Seq) for r in node.items)):
        return None
    rows = [[evaluate(c) for c in r.items] for r in node.items]
    return rows if len({len(r) for r in rows}) == 1 else None


def _transformation_checks(question: Node, answer: Node) -> list[Check] | None:
    """A projection or reflection (matrix or vector) read from the formula's shape; None for other formulas."""
    if not isinstance(question, BinOp):
        return None
    if question.op == "/" and isinstance(question.left, BinOp) and question.left.op == "*":
        v = _column(question.left.left)
        m = _rows(answer)
        if v is not None and m is not None:
            return _projection_matrix_checks(m, v, reflection=False)
    if question.op == "-" and isinstance(question.left, BinOp) and question.left.op == "/":
        product = question.left.left
        if isinstance(product, BinOp) and product.op == "*" and isinstance(product.left, BinOp):
            v = _column(product.left.right)
            m = _rows(answer)
            if v is not None and m is not None:
                return _projection_matrix_checks(m, v, reflection=True)
    if question.op == "*" and isinstance(question.left, BinOp) and question.left.op == "/":
        b = _column(question.right)
        pairs = _products(question.left.left)
        p = _column(answer) if isinstance(answer, Seq) else None
        if b is not None and pairs is not None and p is not None and len(pairs) == len(b) == len(p):
            return _projection_vector_checks(p, [evaluate(x) for x, _ in pairs], b)
    return None


def _products(node: Node) -> list[tuple[Node, Node]] | None:
    """a1*b1 + a2*b2 + ... -> [(a1, b1), (a2, b2), ...]."""
    if isinstance(node, BinOp) and node.op == "+":
        left, right = _products(node.left), _products(node.right)
        return None if left is None or right is None else left + right
    if isinstance(node, BinOp) and node.op == "*":
        return [(node.left, node.right)]
    return None


def _projection_matrix_checks(m: list[list], v: list, reflection: bool) -> list[Check]:
    """An orthogonal projection onto the line of v: P v = v, P^2 = P, P symmetric, trace 1; a reflection in
    that line: R v = v, R^2 = I, R symmetric, trace n - 2."""
    n = len(v)
    if len(m) != n or len(m[0]) != n:
        return [Check("a transformation of the line's space", False, "the answer's shape does not fit")]
    image = [sum(m[i][k] * v[k] for k in range(n)) for i in range(n)]
    square = [[sum(m[i][k] * m[k][j] for k in range(n)) for j in range(n)] for i in range(n)]
    target = [[int(i == j) for j in range(n)] for i in range(n)] if reflection else m
    fixes = all(_close(a, b) for a, b in zip(image, v))
    idempotent = all(_close(square[i][j], target[i][j]) for i in range(n) for j in range(n))
    symmetric = all(_close(m[i][j], m[j][i]) for i in range(n) for j in range(n))
    trace = _close(sum(m[i][i] for i in range(n)), n - 2 if reflection else 1)
    what = "R^2 = I" if reflection else "P^2 = P"
    return [Check("fixes the vector", fixes, "the matrix times v is v"),
            Check(what + ", symmetric, trace", idempotent and symmetric and trace,
                  "an orthogonal " + ("reflection in" if reflection else "projection onto") + " a line")]


def _projection_vector_checks(p: list, a: list, b: list) -> list[Check]:
    """p is a multiple of b, and a - p is perpendicular to b."""
    n = len(b)
    parallel = all(_close(p[i] * b[j], p[j] * b[i]) for i in range(n) for j in range(n))
    rest = sum((a[i] - p[i]) * b[i] for i in range(n))
    return [Check("along the vector projected onto", parallel, "p_i b_j = p_j b_i"),
            Check("the remainder is perpendicular", _close(rest, 0), "(a - p) . b = 0")]


# -- the integer n with the same sine, cosine or tangent as an angle --------------------------------------------

def _mod_of(node: Node, modulus: int) -> Node | None:
    if isinstance(node, BinOp) and node.op == "mod" and isinstance(node.right, Num) and node.right.value == modulus:
        return node.left
    return None


def _same_value_reading(tree: Node) -> tuple[str, Node] | None:
    """Which function, and the angle M, from the congruence formula the route wrote."""
    if not (isinstance(tree, BinOp) and tree.op == "-"):
        return None
    if isinstance(tree.right, Num) and tree.right.value == 90:  # ((M + 90) mod 180) - 90
        shifted = _mod_of(tree.left, 180)
        if isinstance(shifted, BinOp) and shifted.op == "+" and isinstance(shifted.right, Num) and \
                shifted.right.value == 90:
            return "tan", shifted.left
        return None
    inner = tree.right
    if not (isinstance(tree.left, Num) and isinstance(inner, Call) and inner.func == "abs"):
        return None
    gap = inner.args[0]
    if not (isinstance(gap, BinOp) and gap.op == "-" and isinstance(gap.left, Num) and gap.left.value == 180):
        return None
    reduced = _mod_of(gap.right, 360)
    if tree.left.value == 180 and reduced is not None:  # 180 - abs(180 - (M mod 360))
        return "cos", reduced
    if tree.left.value == 90 and isinstance(reduced, BinOp) and reduced.op == "+" and \
            isinstance(reduced.right, Num) and reduced.right.value == 90:  # 90 - abs(180 - ((M + 90) mod 360))
        return "sin", reduced.left
    return None


PRINCIPAL_RANGES = {"cos": (0, 180), "sin": (-90, 90), "tan": (-89, 89)}


def _same_value_checks(question: Node, answer: Node) -> list[Check] | None:
    """n has the same sine (cosine, tangent) as M degrees, and it is the only integer of the range that has:
    every integer of the range tried with mpmath, without the congruences the route used."""
    import mpmath

    reading = _same_value_reading(question)
    if reading is None:
        return None
    func, angle = reading
    f = getattr(mpmath, func)
    target = f(mpmath.radians(evaluate(angle)))
    n = evaluate(answer)
    low, high = PRINCIPAL_RANGES[func]
    matches = [k for k in range(low, high + 1) if _close(f(mpmath.radians(k)), target)]
    return [Check("the only integer of the range with that value", matches == [n],
                  f"{func} of each integer from {low} to {high} degrees compared with mpmath: {matches}")]


# -- the area of a triangle -------------------------------------------------------------------------------------

def _difference(node: Node) -> tuple[Node, Node] | None:
    return (node.left, node.right) if isinstance(node, BinOp) and node.op == "-" else None


def _triangle_vertices(tree: Node) -> list[tuple] | None:
    """The vertices from abs((x2 - x1)*(y3 - y1) - (x3 - x1)*(y2 - y1))/2, each coordinate read twice."""
    if not (isinstance(tree, BinOp) and tree.op == "/" and isinstance(tree.right, Num) and tree.right.value == 2):
        return None
    if not (isinstance(tree.left, Call) and tree.left.func == "abs"):
        return None
    cross = _difference(tree.left.args[0])
    if cross is None or not all(isinstance(t, BinOp) and t.op == "*" for t in cross):
        return None
    parts = [_difference(f) for t in cross for f in (t.left, t.right)]
    if any(p is None for p in parts):
        return None
    (x2, x1), (y3, y1), (x3, x1_), (y2, y1_) = parts
    if x1 != x1_ or y1 != y1_:
        return None
    return [(evaluate(x), evaluate(y)) for x, y in ((x1, y1), (x2, y2), (x3, y3))]


def _triangle_checks(question: Node, answer: Node) -> list[Check] | None:
    """Heron's formula from the three side lengths, a second route to the area."""
    import mpmath

    vertices = _triangle_vertices(question)
    if vertices is None:
        return None
    p, q, r = vertices
    a, b, c = (mpmath.sqrt((u[0] - v[0]) ** 2 + (u[1] - v[1]) ** 2) for u, v in ((q, r), (p, r), (p, q)))
    s = (a + b + c) / 2
    heron = mpmath.sqrt(max(s * (s - a) * (s - b) * (s - c), 0))
    area = evaluate(answer)
    return [Check("Heron's formula", _close(heron, area), f"from the side lengths: {mpmath.nstr(heron, 15)}")]


# -- determinants of letters ------------------------------------------------------------------------------------

POINTS = 3


def _letter_determinant_checks(question: Node, answer: Node) -> list[Check] | None:
    """expand(det(M)) with letters: at a few rational points, the determinant by cofactor expansion with
    Fractions (no SymPy) against the answer with the same letters put in."""
    import random
    from fractions import Fraction

    from .recompute import Unsupported as NotRecomputed, recompute

    if not (isinstance(question, Call) and question.func == "expand" and len(question.args) == 1):
        return None
    det = question.args[0]
    if not (isinstance(det, Call) and det.func == "det" and len(det.args) == 1 and isinstance(det.args[0], Seq)):
        return None
    rows = [list(r.items) for r in det.args[0].items]
    letters = sorted({n.name for n in subtrees(det) if isinstance(n, Name)})
    rng = random.Random(7)
    for _ in range(POINTS):
        values = {name: Fraction(rng.randint(-40, 40), rng.randint(1, 9)) for name in letters}
        try:
            matrix = [[recompute(_put_values(c, values)) for c in r] for r in rows]
            shown = recompute(_put_values(answer, values))
        except (NotRecomputed, ZeroDivisionError, ValueError, OverflowError, RecursionError):
            return [Check("cofactor expansion at rational points", None, "could not evaluate at a point")]
        if _cofactor_det(matrix) != shown:
            return [Check("cofactor expansion at rational points", False, f"differs at {values}")]
    return [Check("cofactor expansion at rational points", True, f"agrees at {POINTS} points (Fractions)")]


def _put_values(node: Node, values: dict) -> Node:
    if isinstance(node, Name) and node.name in values:
        v = values[node.name]
        return BinOp("/", Num(v.numerator), Num(v.denominator))
    children = node.children()
    return node.with_children(tuple(_put_values(c, values) for c in children)) if children else node


def _cofactor_det(m: list[list]):
    if len(m) == 1:
        return m[0][0]
    return sum((-1) ** j * m[0][j] * _cofactor_det([r[:j] + r[j + 1:] for r in m[1:]]) for j in range(len(m)))
