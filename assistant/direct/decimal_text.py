"""Reading back a decimal as shown ("3.14", "330", "1.4286e29"): the exact rational it writes, and powers of ten."""
from __future__ import annotations

import re
from fractions import Fraction

DECIMAL_TEXT = re.compile(r"^(-?)(\d+)(?:\.(\d+))?(?:e(-?\d+))?$")


def decimal_value(m: re.Match) -> Fraction:
    sign, whole, frac, exponent = m.groups()
    value = Fraction(int(whole + (frac or "")), 10 ** len(frac or "")) * Fraction(10) ** int(exponent or 0)
    return -value if sign else value


def decimal_exponent(q: Fraction) -> int:
    """floor(log10(q)) for q > 0, by comparing with powers of ten (Python integers only)."""
    k = len(str(q.numerator)) - len(str(q.denominator))
    while Fraction(10) ** k > q:
        k -= 1
    while Fraction(10) ** (k + 1) <= q:
        k += 1
    return k
