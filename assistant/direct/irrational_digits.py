"""pi, sqrt(2), e^3 shown to k digits, checked against mpmath (its own algorithms for pi, roots, logarithms and
the rest; the calculator used MPFR) at k + 30 digits. A shown value within a hair of a half-unit tie is left
undecided rather than passed."""
from __future__ import annotations

import re
from fractions import Fraction

from ..answer import Check
from .decimal_text import DECIMAL_TEXT, decimal_exponent as _exponent, decimal_value as _decimal_value

GUARD_DIGITS = 30
MAX_DIGITS = 20_000
UNARY = {"sqrt": "sqrt", "cbrt": "cbrt", "exp": "exp", "sin": "sin", "cos": "cos", "tan": "tan", "asin": "asin",
         "acos": "acos", "atan": "atan", "sinh": "sinh", "cosh": "cosh", "tanh": "tanh", "abs": "fabs"}


class NotCovered(Exception):
    pass


def irrational_text_check(shown: str, understood: str) -> list[Check]:
    import mpmath
    from tools.parsing import Call, parse

    tree = parse(understood)
    m = DECIMAL_TEXT.match(shown.strip())
    if not isinstance(tree, Call) or tree.func not in ("N", "decimals") or len(tree.args) != 2 or m is None:
        return []
    try:
        count = int(_value(tree.args[1], mpmath))
        if not 1 <= count <= MAX_DIGITS:
            return []
        with mpmath.workdps(count + GUARD_DIGITS + _magnitude(tree.args[0], mpmath)):
            x = _value(tree.args[0], mpmath)
            if not isinstance(x, mpmath.mpf):
                return []
            return [_compare(tree.func, count, m, x, mpmath)]
    except (NotCovered, ValueError, ZeroDivisionError, OverflowError):
        return []


def _magnitude(node, mpmath) -> int:
    with mpmath.workdps(20):
        v = _value(node, mpmath)
    return max(0, int(mpmath.log10(abs(v))) + 1) if isinstance(v, mpmath.mpf) and v != 0 else 0


def _compare(func: str, count: int, m: re.Match, x, mpmath) -> Check:
    s = _decimal_value(m)
    if func == "decimals":
        unit = Fraction(1, 10**count)
        if len(m.group(3) or "") != count or m.group(4) is not None:
            return Check("mpmath agrees with the shown digits", False, f"{count} places were asked for")
    else:
        if s == 0:
            return Check("mpmath agrees with the shown digits", x == 0, "shown 0")
        unit = Fraction(10) ** (_exponent(abs(s)) - count + 1)
        if (s / unit).denominator != 1:
            return Check("mpmath agrees with the shown digits", False, f"not {count} significant digits")
    distance = abs(mpmath.mpf(s.numerator) / s.denominator - x) * 2
    half = mpmath.mpf(unit.numerator) / unit.denominator
    margin = half * mpmath.mpf(10) ** -(GUARD_DIGITS // 2)
    if distance < half - margin:
        return Check("mpmath agrees with the shown digits", True, f"mpmath at {count + GUARD_DIGITS} digits")
    if distance > half + margin:
        return Check("mpmath agrees with the shown digits", False, f"mpmath gives {mpmath.nstr(x, count + 5)}")
    return Check("mpmath agrees with the shown digits", None, "the value is too near a rounding tie to decide")


def _value(node, mpmath):
    """The node's value in mpmath, for the few node kinds a digits request holds; anything else is not covered."""
    from tools.parsing import BinOp, Call, Name, Neg, Num

    if isinstance(node, Num):
        q = Fraction(node.value)
        return mpmath.mpf(q.numerator) / q.denominator
    if isinstance(node, Name) and node.name in ("pi", "e", "E"):
        return +mpmath.pi if node.name == "pi" else mpmath.e()
    if isinstance(node, Neg):
        return -_value(node.operand, mpmath)
    if isinstance(node, BinOp) and node.op in ("+", "-", "*", "/", "^"):
        a, b = _value(node.left, mpmath), _value(node.right, mpmath)
        result = {"+": lambda: a + b, "-": lambda: a - b, "*": lambda: a * b, "/": lambda: a / b,
                  "^": lambda: mpmath.power(a, b)}[node.op]()
        if isinstance(result, mpmath.mpc):
            raise NotCovered("complex")
        return result
    if isinstance(node, Call) and len(node.args) == 1 and node.func in UNARY:
        return getattr(mpmath, UNARY[node.func])(_value(node.args[0], mpmath))
    if isinstance(node, Call) and node.func == "log" and len(node.args) in (1, 2):
        value = mpmath.log(_value(node.args[0], mpmath))
        return value / mpmath.log(_value(node.args[1], mpmath)) if len(node.args) == 2 else value
    raise NotCovered(type(node).__name__)
