"""Checks on rounded answers, by properties the answer must have rather than by rounding again the same way.

The exact value is recomputed with Python's Fractions (recompute.py, not the calculator's GMP walk); then
- floor(x) = v: v <= x < v + 1; ceil: v - 1 < x <= v;
- round(x, k) = v: v is a multiple of 10^-k within half of it of x, a tie going away from zero;
- a shown decimal ("3.14", "330", "1.4286e29"): read back as the exact decimal it writes, within half a unit in
  its last requested place of x, with as many places as asked.
A value the Fraction walk cannot recompute (pi, sqrt(2)) is evaluated by mpmath instead (irrational_digits.py).
"""
from __future__ import annotations

from fractions import Fraction

from ..answer import Check
from .decimal_text import DECIMAL_TEXT, decimal_value as _decimal_value, decimal_exponent as _exponent



def exact_argument(understood: str) -> tuple[str, Fraction, list[Fraction]] | None:
    """(function, value of its first argument, the other arguments) from a call like decimals(7.6/3, 2)."""
    from tools.parsing import Call, parse

    from .recompute import Unsupported, recompute

    tree = parse(understood)
    if not isinstance(tree, Call) or not tree.args:
        return None
    try:  # decimal literals are the exact rationals they write (3.14159 is 314159/100000), as the calculator reads
        values = [recompute(a) for a in tree.args]
    except Unsupported:
        return None
    return tree.func, values[0], values[1:]


def rounded_value_check(value, understood: str) -> list[Check]:
    """floor, ceil and round(x, k) results: the defining inequalities, on the recomputed exact x."""
    read = exact_argument(understood)
    if read is None or not hasattr(value, "denominator"):
        return []
    func, x, rest = read
    v = Fraction(int(value.numerator), int(value.denominator))
    if func == "floor":
        return [Check("v <= x < v + 1", v.denominator == 1 and v <= x < v + 1, f"x = {x}")]
    if func == "ceil":
        return [Check("v - 1 < x <= v", v.denominator == 1 and v - 1 < x <= v, f"x = {x}")]
    if func == "round":
        places = int(rest[0]) if rest else 0
        return [_nearest_check(x, v, Fraction(10) ** -places)]
    return []


def _nearest_check(x: Fraction, v: Fraction, unit: Fraction) -> Check:
    step = v / unit
    half = abs(v - x) * 2
    nearest = step.denominator == 1 and (half < unit or (half == unit and abs(v) > abs(x)))
    return Check("nearest multiple of the unit", nearest, f"{v} is within {unit}/2 of {x} (ties away from zero)")


def rounded_text_check(shown: str | None, understood: str) -> list[Check]:
    """A decimal shown to k places or k significant digits, against the recomputed exact value (or, for pi,
    sqrt(2) and such, against mpmath's value to 30 more digits)."""
    if shown is None:
        return []
    read = exact_argument(understood)
    if read is None:
        from .irrational_digits import irrational_text_check

        return irrational_text_check(shown, understood)
    func, x, rest = read
    m = DECIMAL_TEXT.match(shown.strip())
    if m is None or not rest:
        return [Check("shown decimal is the rounded value", False, f"{shown!r} is not a decimal")]
    count = int(rest[0])
    s = _decimal_value(m)
    if func == "decimals":
        places_shown = len(m.group(3) or "")
        unit = Fraction(1, 10**count)
        ok = places_shown == count and m.group(4) is None and _within_half(x, s, unit)
        return [Check(f"within half of 10^-{count} of the exact value", ok, f"exact value {_short(x)}")]
    if func == "N":
        if s == 0:
            return [Check("significant digits of the exact value", x == 0, f"exact value {_short(x)}")]
        unit = Fraction(10) ** (_exponent(abs(s)) - count + 1)
        ok = (s / unit).denominator == 1 and _within_half(x, s, unit)  # 333 is not 1000/3 to 2 digits
        return [Check(f"{count} significant digits of the exact value", ok, f"exact value {_short(x)}")]
    return []


def _within_half(x: Fraction, s: Fraction, unit: Fraction) -> bool:
    """|s - x| <= unit/2, a tie only when s lies farther from zero (halves are rounded away from zero)."""
    twice = abs(s - x) * 2
    return twice < unit or (twice == unit and abs(s) > abs(x))


def _short(x: Fraction) -> str:
    text = str(x)
    return text if len(text) <= 60 else text[:57] + "..."
