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

import re

from tools.parsing import BinOp, Call, Name, Neg, Node, Num, ParseError, Seq, parse

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
    """The entries of a tuple, vector or matrix (row by row), or the one value, as mpmath numbers."""
    if isinstance(tree, Seq):
        out = []
        for item in tree.items:
            out.extend(_values(item) if isinstance(item, Seq) else [evaluate(item)])
        return out
    return [evaluate(tree)]


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
        constants = {"pi": mpmath.pi, "I": mpmath.mpc(0, 1), "i": mpmath.mpc(0, 1), "E": mpmath.e}
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
