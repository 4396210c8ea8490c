"""Decimal digits to and from exact numbers, at any length.

CPython's int() and str() refuse integers of more than 4,300 digits (a ValueError), and user input,
model output and benchmark files can be that long; GMP reads and writes any length in near-linear
time. gmpy2 is imported only for long numbers, so short ones stay on the fast path.
"""
from __future__ import annotations

from fractions import Fraction

SHORT_DIGITS = 4000  # below CPython's limit, with room for a sign


def int_from_digits(digits: str) -> int:
    """int(digits) for decimal digits (an optional sign first) of any length."""
    if len(digits) < SHORT_DIGITS:
        return int(digits)
    import gmpy2

    return int(gmpy2.mpz(digits))


def digits_of(n: int) -> str:
    """str(n) for an integer of any size."""
    if n.bit_length() < SHORT_DIGITS * 3:  # 3 bits per digit is an underestimate: well within the limit
        return str(n)
    import gmpy2

    return str(gmpy2.mpz(n))


def decimal_fraction(whole: str, frac: str = "") -> Fraction:
    """The exact value of whole.frac from the digit runs either side of the point (either may be empty)."""
    scale = 10 ** len(frac)
    return Fraction(int_from_digits(whole or "0") * scale + int_from_digits(frac or "0"), scale)
