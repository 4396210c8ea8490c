"""Checks for the competition route's answers (assistant/direct/routes/competition.py), each by its own route.

- divisor counts and sums (FLINT/GMP in the bigint tool): the divisors listed again by trial division in Python;
- floor and ceiling of a formula with radicals (MPFR in the calculator): the formula re-evaluated with Python's
  decimal module at 60 digits, and the defining inequalities tested where that precision decides them;
- a value of functions defined in the question (SymPy's substitution): the definitions evaluated again with
  Python Fractions, each argument bound in an environment instead of substituted into a formula;
- a coefficient of a polynomial (SymPy's derivative at 0): the polynomial multiplied out term by term here.
A formula outside what a check covers gives no check (never a pass).
"""
from __future__ import annotations

import math
import re
from decimal import Decimal, localcontext
from fractions import Fraction

from tools.parsing import BinOp, Call, Name, Neg, Node, Num, Postfix, Relation, parse

from ..answer import Check

MAX_TRIAL = 10**12  # trial division stays cheap below this
DIGITS = 60
MARGIN = Decimal(10) ** -40  # nearer an integer than this, 60 digits do not decide floor or ceiling
MAX_EXPONENT = 10_000


class _Unsupported(Exception):
    pass


def competition_check(value, understood: str) -> list[Check]:
    tree = parse(understood)
    if isinstance(tree, Call) and tree.func in ("num_divisors", "sigma"):
        return _divisor_check(tree, value)
    answer = _rational_value(value)
    if answer is None:
        return []
    try:
        coefficient = _coefficient_asked(tree)
        if coefficient is not None:
            again = _expand(coefficient[0]).get(coefficient[1], Fraction(0))
            return [Check("polynomial expanded with Python Fractions", again == answer, f"coefficient {again}")]
        if _has_call(tree, "subs"):
            again = _evaluate(tree, {})
            return [Check("definitions evaluated again with Python Fractions", again == answer, f"gives {again}")]
        if _has_call(tree, "floor") or _has_call(tree, "ceil"):
            return _rounding_check(tree, answer)
    except (_Unsupported, ZeroDivisionError, ValueError, OverflowError):
        return []
    return []


def _rational_value(value) -> Fraction | None:
    if hasattr(value, "denominator") and not isinstance(value, bool):
        return Fraction(int(value.numerator), int(value.denominator))
    text = str(getattr(value, "text", "")).strip()
    m = re.fullmatch(r"(-?\d+)(?:/(\d+))?", text)
    return Fraction(int(m.group(1)), int(m.group(2) or 1)) if m else None


def _has_call(tree: Node, func: str) -> bool:
    stack = [tree]
    while stack:
        n = stack.pop()
        if isinstance(n, Call) and n.func == func:
            return True
        stack.extend(c for c in (getattr(n, a, None) for a in ("left", "right", "operand")) if c is not None)
        stack.extend(getattr(n, "args", ()) or ())
    return False


# -- divisors -------------------------------------------------------------------------------------------------

def _divisors(n: int) -> list[int]:
    small = [d for d in range(1, math.isqrt(n) + 1) if n % d == 0]
    return sorted(set(small + [n // d for d in small]))


def _divisor_check(tree: Call, value) -> list[Check]:
    (arg,) = tree.args
    if isinstance(arg, Call) and arg.func == "gcd" and len(arg.args) == 2:
        a, b = (abs(int(_evaluate(x, {}))) for x in arg.args)
        if not 0 < min(a, b) <= MAX_TRIAL:
            return [Check("divisors listed again", None, "too large for trial division")]
        common = [d for d in _divisors(min(a, b)) if a % d == 0 and b % d == 0]
        return [Check("common divisors listed by trial division", len(common) == int(value), f"{len(common)} found")]
    n = int(_evaluate(arg, {}))
    if not 0 < n <= MAX_TRIAL:
        return [Check("divisors listed again", None, "not a positive number trial division covers")]
    divisors = _divisors(n)
    again = len(divisors) if tree.func == "num_divisors" else sum(divisors)
    what = "counted" if tree.func == "num_divisors" else "summed"
    return [Check(f"divisors {what} by trial division", again == int(value), f"{again} from {len(divisors)} divisors")]


# -- floor and ceiling ----------------------------------------------------------------------------------------

def _rounding_check(tree: Node, answer: Fraction) -> list[Check]:
    with localcontext() as ctx:
        ctx.prec = DIGITS
        again = _decimal(tree)
        near = abs(again - Decimal(answer.numerator) / Decimal(answer.denominator))
    return [Check("re-evaluated with 60-digit decimals", near < MARGIN, f"gives {again:.20}")]


def _decimal(node: Node) -> Decimal:
    """60-digit evaluation; a floor or ceiling whose argument is too near an integer to decide is unsupported."""
    if isinstance(node, Num):
        value = Fraction(node.value)
        return Decimal(value.numerator) / Decimal(value.denominator)
    if isinstance(node, Neg):
        return -_decimal(node.operand)
    if isinstance(node, BinOp) and node.op in ("+", "-", "*", "/"):
        a, b = _decimal(node.left), _decimal(node.right)
        return {"+": a + b, "-": a - b, "*": a * b, "/": a / b}[node.op]
    if isinstance(node, BinOp) and node.op == "^":
        exponent = _decimal(node.right)
        if exponent == exponent.to_integral_value() and abs(exponent) <= MAX_EXPONENT:
            return _decimal(node.left) ** int(exponent)
        base = _decimal(node.left)
        if base <= 0:
            raise _Unsupported("a fractional power of a non-positive number")
        return (base.ln() * exponent).exp()
    if isinstance(node, Call) and node.func == "sqrt" and len(node.args) == 1:
        return _decimal(node.args[0]).sqrt()
    if isinstance(node, Call) and node.func == "root" and len(node.args) == 2:
        x, k = _decimal(node.args[0]), _decimal(node.args[1])
        if x < 0:
            raise _Unsupported("an odd root of a negative number")
        return (x.ln() / k).exp() if x else Decimal(0)
    if isinstance(node, Call) and node.func in ("floor", "ceil") and len(node.args) == 1:
        x = _decimal(node.args[0])
        whole = x.to_integral_value(rounding="ROUND_FLOOR" if node.func == "floor" else "ROUND_CEILING")
        exact = _exact_or_none(node.args[0])
        if exact is None and abs(x - x.to_integral_value()) < MARGIN:
            raise _Unsupported("too near an integer for 60 digits to decide")
        if exact is not None:
            return Decimal(math.floor(exact) if node.func == "floor" else math.ceil(exact))
        return whole
    if isinstance(node, Call) and node.func == "abs" and len(node.args) == 1:
        return abs(_decimal(node.args[0]))
    raise _Unsupported(type(node).__name__)


def _exact_or_none(node: Node) -> Fraction | None:
    try:
        return _evaluate(node, {})
    except (_Unsupported, ZeroDivisionError, ValueError):
        return None


# -- exact evaluation with an environment ------------------------------------------------------------------

def _evaluate(node: Node, env: dict[str, Fraction]) -> Fraction:
    if isinstance(node, Num):
        return Fraction(node.value)
    if isinstance(node, Name):
        if node.name not in env:
            raise _Unsupported(f"unbound {node.name}")
        return env[node.name]
    if isinstance(node, Neg):
        return -_evaluate(node.operand, env)
    if isinstance(node, BinOp) and node.op in ("+", "-", "*", "/"):
        a, b = _evaluate(node.left, env), _evaluate(node.right, env)
        return {"+": a + b, "-": a - b, "*": a * b, "/": a / b if b else _zero()}[node.op]
    if isinstance(node, BinOp) and node.op == "^":
        a, b = _evaluate(node.left, env), _evaluate(node.right, env)
        if b.denominator != 1 or abs(b) > MAX_EXPONENT or (a == 0 and b < 0):
            raise _Unsupported("power")
        return a ** int(b)
    if isinstance(node, Postfix) and node.op == "!":
        n = _evaluate(node.operand, env)
        if n.denominator != 1 or not 0 <= n <= 2000:
            raise _Unsupported("factorial")
        return Fraction(math.factorial(int(n)))
    if isinstance(node, Call) and node.func == "subs":
        inner = dict(env)
        for rel in node.args[1:]:
            if not (isinstance(rel, Relation) and isinstance(rel.left, Name)):
                raise _Unsupported("subs")
            inner[rel.left.name] = _evaluate(rel.right, env)
        return _evaluate(node.args[0], inner)
    if isinstance(node, Call) and node.func == "abs" and len(node.args) == 1:
        return abs(_evaluate(node.args[0], env))
    raise _Unsupported(type(node).__name__)


def _zero() -> Fraction:
    raise ZeroDivisionError("division by zero")


# -- coefficients of polynomials ------------------------------------------------------------------------------

MAX_TERMS = 20_000
Monomial = tuple  # sorted ((name, power), ...)


def _coefficient_asked(tree: Node) -> tuple[Node, Monomial] | None:
    """subs(diff(E, x, a, y, b), x = 0, y = 0)/(a!*b!) -> (E, ((x, a), (y, b))); other shapes: None."""
    if not (isinstance(tree, BinOp) and tree.op == "/" and isinstance(tree.left, Call) and tree.left.func == "subs"):
        return None
    inner, *points = tree.left.args
    if not all(isinstance(p, Relation) and isinstance(p.right, Num) and p.right.value == 0 for p in points):
        return None
    if isinstance(inner, Call) and inner.func == "diff":
        expr, rest = inner.args[0], inner.args[1:]
        pairs = [(rest[k].name, int(rest[k + 1].value)) for k in range(0, len(rest), 2)]
        return expr, tuple(sorted(pairs))
    return inner, ()


def _expand(node: Node) -> dict[Monomial, Fraction]:
    if isinstance(node, Num):
        return {(): Fraction(node.value)} if node.value else {}
    if isinstance(node, Name):
        return {((node.name, 1),): Fraction(1)}
    if isinstance(node, Neg):
        return {m: -c for m, c in _expand(node.operand).items()}
    if isinstance(node, BinOp) and node.op in ("+", "-"):
        total = dict(_expand(node.left))
        for m, c in _expand(node.right).items():
            total[m] = total.get(m, Fraction(0)) + (c if node.op == "+" else -c)
        return {m: c for m, c in total.items() if c}
    if isinstance(node, BinOp) and node.op == "*":
        return _times(_expand(node.left), _expand(node.right))
    if isinstance(node, BinOp) and node.op == "/":
        divisor = _expand(node.right)
        if set(divisor) != {()}:
            raise _Unsupported("division by a polynomial")
        return {m: c / divisor[()] for m, c in _expand(node.left).items()}
    if isinstance(node, BinOp) and node.op == "^":
        exponent = _evaluate(node.right, {})
        if exponent.denominator != 1 or not 0 <= exponent <= 200:
            raise _Unsupported("power")
        result, base = {(): Fraction(1)}, _expand(node.left)
        for _ in range(int(exponent)):
            result = _times(result, base)
        return result
    raise _Unsupported(type(node).__name__)


def _times(a: dict, b: dict) -> dict:
    product: dict[Monomial, Fraction] = {}
    for ma, ca in a.items():
        for mb, cb in b.items():
            powers = dict(ma)
            for name, power in mb:
                powers[name] = powers.get(name, 0) + power
            key = tuple(sorted(powers.items()))
            product[key] = product.get(key, Fraction(0)) + ca * cb
    if len(product) > MAX_TERMS:
        raise _Unsupported("too many terms")
    return {m: c for m, c in product.items() if c}
