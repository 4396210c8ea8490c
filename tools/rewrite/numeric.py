"""Evaluate terms with mpmath at random points: the rewriter's own check that input and output agree."""
from __future__ import annotations

import random

import mpmath

from .terms import App, Const, Sym, Term

FUNCS = {
    "sin": mpmath.sin, "cos": mpmath.cos, "tan": mpmath.tan, "sec": mpmath.sec, "csc": mpmath.csc,
    "cot": mpmath.cot, "asin": mpmath.asin, "acos": mpmath.acos, "atan": mpmath.atan, "sinh": mpmath.sinh,
    "cosh": mpmath.cosh, "tanh": mpmath.tanh, "exp": mpmath.exp, "log": mpmath.log, "sqrt": mpmath.sqrt,
    "abs": abs, "Abs": abs, "factorial": mpmath.factorial, "gamma": mpmath.gamma,
}
CONSTS = {"pi": mpmath.pi, "E": mpmath.e, "I": mpmath.j}
# Largest value (in bits of magnitude) a check point may produce. sin(2^k) at 30 digits first reduces its
# argument modulo pi to about k bits, so sin(x^10^10) would compute pi to ten billion bits: a hang.
MAX_MAGNITUDE_BITS = 4096


class CannotEvaluate(Exception):
    pass


def evaluate(t: Term, point: dict[str, mpmath.mpf]):
    """The value of `t` at `point`; OverflowError when a value grows past what can be checked quickly."""
    value = _evaluate(t, point)
    if mpmath.mag(value) > MAX_MAGNITUDE_BITS:  # +inf and nan compare False/True as they should
        raise OverflowError(f"a value at this point has over {MAX_MAGNITUDE_BITS} bits of magnitude")
    return value


def _evaluate(t: Term, point: dict[str, mpmath.mpf]):
    if isinstance(t, Const):
        return mpmath.mpf(t.value.numerator) / t.value.denominator
    if isinstance(t, Sym):
        if t.name in CONSTS:
            return +CONSTS[t.name]
        return point[t.name]
    if isinstance(t, App):
        args = [evaluate(a, point) for a in t.args]
        if t.head == "+":
            return mpmath.fsum(args)
        if t.head == "*":
            return mpmath.fprod(args)
        if t.head == "^":
            return mpmath.power(args[0], args[1])
        fn = FUNCS.get(t.head)
        if fn is None or len(args) != 1 and t.head != "log":
            raise CannotEvaluate(t.head)
        return fn(*args) if t.head != "log" or len(args) == 1 else mpmath.log(args[0], args[1])
    raise CannotEvaluate(type(t).__name__)


def symbols(t: Term) -> set[str]:
    if isinstance(t, Sym):
        return set() if t.name in CONSTS else {t.name}
    if isinstance(t, App):
        return set().union(*(symbols(a) for a in t.args)) if t.args else set()
    return set()


def agree(a: Term, b: Term, count: int = 5, seed: int = 11) -> tuple[bool | None, str]:
    rng = random.Random(seed)
    names = sorted(symbols(a) | symbols(b))
    decided = 0
    with mpmath.workdps(30):
        for _ in range(count * 2):
            point = {n: mpmath.mpf(rng.randint(200, 1900)) / 1000 for n in names}
            try:
                va, vb = evaluate(a, point), evaluate(b, point)
            except CannotEvaluate as exc:
                return None, f"cannot evaluate {exc} numerically"
            except (ZeroDivisionError, ValueError, OverflowError):
                continue
            if abs(va - vb) > mpmath.mpf(10) ** -20 * max(1, abs(va), abs(vb)):
                shown = ", ".join(f"{k}={mpmath.nstr(v, 4)}" for k, v in point.items())
                return False, f"differ at {shown}: {mpmath.nstr(va, 10)} vs {mpmath.nstr(vb, 10)}"
            decided += 1
            if decided >= count:
                break
    if not decided:
        return None, "no point where both sides are defined and small enough to check"
    return True, f"input and result agree at {decided} random points (30 digits)"
