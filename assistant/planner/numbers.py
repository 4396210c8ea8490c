"""Numbers in text, read with a regex into exact Fractions: model output is never evaluated.

Digits go through GMP both ways: CPython's int() and str() refuse more than 4,300 digits (a ValueError
that would end the planner's answer), and a model's <result> can be that long.
"""
from __future__ import annotations

import re
from fractions import Fraction

import gmpy2

from tools.digits import decimal_fraction, digits_of, int_from_digits

# 1,234.5 | 12 | .5 | 3/4 (a fraction only when both sides are plain integers)
_NUMBER = re.compile(r"(?<![\w.])-?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?![\w])")
_FRACTION = re.compile(r"^\s*(-?\d+)\s*/\s*(\d+)\s*$")


def numbers_in(text: str) -> list[str]:
    """Plain decimal numbers as written (commas dropped), in order of appearance, without duplicates."""
    seen: list[str] = []
    for match in _NUMBER.finditer(text):
        token = match.group().replace(",", "")
        if not any(c.isdigit() for c in token):
            continue
        token = token.lstrip("-")
        if token.startswith("."):
            token = "0" + token
        if token not in seen:
            seen.append(token)
    return seen


def to_fraction(text: str | None) -> Fraction | None:
    """'42', '-3.5', '1,200', '5/2', '5/2 = around 2.5', '$12.', '12 apples' -> Fraction; otherwise None."""
    if text is None:
        return None
    text = text.strip().split(" = ")[0].strip().rstrip(".")
    text = text.lstrip("$").replace(",", "")
    fraction = _FRACTION.match(text)
    if fraction:
        den = int_from_digits(fraction.group(2))
        return Fraction(int_from_digits(fraction.group(1)), den) if den else None
    # a unit may follow ("12 apples"), but not an exponent: "1.5e21" is not 1.5
    match = re.match(r"^(-?\d+(?:\.\d+)?|-?\.\d+)(?:\s*(?![eE][-+]?\d)[A-Za-z%]+.*)?$", text)
    if not match:
        return None
    whole, _, decimals = match.group(1).partition(".")
    value = decimal_fraction(whole.lstrip("-"), decimals)
    return -value if whole.startswith("-") else value


def show(value: Fraction) -> str:
    """Exact text: integers as integers, other rationals as a/b (SymPy-parsable)."""
    num = digits_of(value.numerator)
    return num if value.denominator == 1 else f"{num}/{digits_of(value.denominator)}"


def decimal(value: Fraction) -> str:
    """Ten significant digits, as f"{float(value):.10g}" would give, for any size (float() overflows)."""
    return format(gmpy2.mpfr(gmpy2.mpq(value.numerator, value.denominator)), ".10g")

