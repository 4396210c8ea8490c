"""Checks on logarithms, roots and digit counts, each by going back the other way with Python's own integers.

- log(x, b) = k: b^k = x (a k that is not a small rational is a float; no exact check applies);
- root(x, n), sqrt(x), cbrt(x) = r: r^n = x; a real odd root of a negative x is -root(-x, n) or cbrt(x);
- digit_sum(n), digits(n): from Python's str() of n recomputed with Fractions, not from GMP's digits.
"""
from __future__ import annotations

from fractions import Fraction

from ..answer import Check

MAX_POWER = 10_000  # exponents the check raises to; beyond it the check is not cheap and is not run


def _exact_value(value) -> Fraction | None:
    if isinstance(value, bool) or not hasattr(value, "denominator"):
        return None
    return Fraction(int(value.numerator), int(value.denominator))


def _call(understood: str):
    from tools.parsing import Call, Neg, parse

    tree = parse(understood)
    sign = 1
    if isinstance(tree, Neg):
        sign, tree = -1, tree.operand
    return (tree, sign) if isinstance(tree, Call) else (None, sign)


def power_back_check(value, understood: str) -> list[Check]:
    from .recompute import Unsupported, recompute

    v = _exact_value(value)
    call, sign = _call(understood)
    degree = {"sqrt": [Fraction(2)], "cbrt": [Fraction(3)]}.get(call.func if call else "", [])
    if v is None or call is None or len(call.args) + len(degree) != 2:
        return []
    try:
        x, second = recompute(call.args[0]), (degree or [None])[0]
        second = second if second is not None else recompute(call.args[1])
    except Unsupported:
        return []
    if call.func == "log":
        return [_log_check(x, second, v)]
    if call.func in ("root", "sqrt", "cbrt"):
        return [_root_check(x, second, sign * v)]
    return []


def _log_check(x: Fraction, base: Fraction, k: Fraction) -> Check:
    if k.denominator != 1 or abs(k) > MAX_POWER:
        return Check("base^answer = x", None, "the exponent is not a small integer")
    return Check("base^answer = x", base ** int(k) == x, f"{base}^{k} = {x}")


def _root_check(x: Fraction, n: Fraction, r: Fraction) -> Check:
    """r is the root of the call's own argument (for -root(32, 5), r = 2 and x = 32); an even root is the one
    r >= 0, an odd root of a negative x (cbrt(-27) = -3) is negative."""
    if n.denominator != 1 or not 1 <= n <= MAX_POWER:
        return Check("root^n = x", None, "the degree is not a small whole number")
    sign_ok = r >= 0 if int(n) % 2 == 0 else (r < 0) == (x < 0)
    return Check("root^n = x", sign_ok and r ** int(n) == x, f"{r}^{int(n)} = {x}")


def digit_count_check(value, understood: str) -> list[Check]:
    from .recompute import Unsupported, recompute

    v = _exact_value(value)
    call, _ = _call(understood)
    if v is None or call is None or len(call.args) != 1 or call.func not in ("digit_sum", "digits"):
        return []
    try:
        n = recompute(call.args[0])
    except Unsupported:
        return []
    if n.denominator != 1 or n.numerator.bit_length() > 200_000:
        return [Check("recounted from Python's decimal string", None, "not a small whole number")]
    text = str(abs(n.numerator))
    again = sum(int(d) for d in text) if call.func == "digit_sum" else len(text)
    return [Check("recounted from Python's decimal string", again == v, f"Python counts {again}")]
