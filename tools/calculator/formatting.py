"""Calc-X output text: integers plain, rationals as `5/2 = around 2.5`, floats to 6 decimals."""
from __future__ import annotations

import gmpy2
from gmpy2 import mpq, mpz

from .gaussian import Gaussian
from .values import MPC, MPFR, MPQ, MPZ

MAX_OUTPUT_DIGITS = 2_000  # the text shown to a model or a terminal; the exact value is kept in full


def approx(v) -> str:
    """Six decimals with trailing zeros dropped; scientific notation where six decimals would show 0."""
    if isinstance(v, MPQ):
        v = gmpy2.mpfr(v)
    if isinstance(v, MPZ):
        return str(v)
    if isinstance(v, Gaussian):
        v = v.to_mpc()
    if isinstance(v, MPC):
        re, im = approx(v.real), approx(abs(v.imag))
        return f"{re} {'-' if v.imag < 0 else '+'} {im}*I"
    if v != 0 and abs(v) < gmpy2.mpfr("0.0001") or abs(v) >= gmpy2.mpfr(10) ** 21:
        return _scientific(v)
    text = format(v, ".6f").rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _scientific(v) -> str:
    mantissa, _, exponent = format(v, ".6e").partition("e")
    mantissa = mantissa.rstrip("0").rstrip(".")
    return f"{mantissa}e{int(exponent)}"


def exact_text(v) -> str:
    """SymPy-parsable exact text for exact values."""
    if isinstance(v, bool):
        return str(v)
    if hasattr(v, "exact_text"):
        return v.exact_text()
    if isinstance(v, MPZ):
        return str(v)
    if isinstance(v, MPQ):
        return f"{v.numerator}/{v.denominator}"
    if isinstance(v, Gaussian):
        re = "" if v.re == 0 else exact_text(_norm(v.re))
        im = _imaginary(v.im)
        if not re:
            return im if v.im > 0 else "-" + im
        return f"{re} {'+' if v.im > 0 else '-'} {im}"
    raise TypeError(type(v))


MAX_DECIMAL_CHARS = 100  # a longer exact decimal stays a fraction (0.5^1000 has 1,000 places)


def terminating_decimal(q) -> str | None:
    """The exact decimal a rational writes when its expansion ends: 7/4 is 1.75, -1/800 is -0.00125; None for
    1/3, for an integer, or beyond MAX_DECIMAL_CHARS."""
    q = mpq(q)
    den = q.denominator
    if den == 1:
        return None
    twos, fives = _multiplicity(den, 2), _multiplicity(den, 5)
    if den != mpz(2) ** twos * mpz(5) ** fives or max(twos, fives) > MAX_DECIMAL_CHARS:
        return None
    places = max(twos, fives)
    scaled = abs(q.numerator) * mpz(10) ** places // den  # exact: den divides 10^places
    digits = str(scaled).rjust(places + 1, "0")
    text = ("-" if q < 0 else "") + digits[:-places] + "." + digits[-places:]
    return text if len(text) <= MAX_DECIMAL_CHARS else None


def _multiplicity(n, p: int) -> int:
    count = 0
    while n % p == 0:
        n //= p
        count += 1
    return count


def _imaginary(im) -> str:
    im = abs(im)
    if im == 1:
        return "I"
    if im.denominator == 1:
        return f"{im.numerator}*I"
    return f"{im.numerator}*I/{im.denominator}"


def _norm(q):
    return q.numerator if isinstance(q, MPQ) and q.denominator == 1 else q


def elide(text: str, limit: int = MAX_OUTPUT_DIGITS) -> str:
    """Long digit strings keep their head and tail and say how many digits were left out."""
    if len(text) <= limit:
        return text
    keep = _kept(limit)
    return f"{text[:keep]}...({len(text) - 2 * keep:,} digits omitted)...{text[-keep:]}"


def _kept(limit: int) -> int:
    return limit // 2 - 20


def elide_int(v, limit: int = MAX_OUTPUT_DIGITS) -> str:
    """`elide(str(v), limit)` for an integer, without converting every digit of a huge one.

    Turning all 2,000,000 digits of a product into text takes GMP about ten times as long as the
    multiply that made them; the head and tail alone cost a division and a remainder.
    """
    magnitude = abs(v)
    if gmpy2.num_digits(magnitude) <= limit + 1:  # num_digits may count one digit too many
        return elide(str(v), limit)
    keep = _kept(limit)
    sign = "-" if v < 0 else ""
    shift = gmpy2.num_digits(magnitude) - keep - 1  # the quotient has keep or keep + 1 digits
    top = str(_floor_div_pow10(magnitude, shift))
    length = len(sign) + shift + len(top)
    tail = str(magnitude % mpz(10) ** keep).rjust(keep, "0")
    return f"{(sign + top)[:keep]}...({length - 2 * keep:,} digits omitted)...{tail}"


def _floor_div_pow10(a, k: int):
    """floor(a / 10^k) for a > 0: from directed-rounding MPFR bounds when they agree, else exactly."""
    bits = int((gmpy2.num_digits(a) - k + 2) * 3.33) + 64
    lo = _quotient_bound(a, k, bits, toward=gmpy2.RoundDown, away=gmpy2.RoundUp)
    hi = _quotient_bound(a, k, bits, toward=gmpy2.RoundUp, away=gmpy2.RoundDown)
    if lo == hi:
        return lo
    return (a >> k) // mpz(5) ** k  # floor(floor(a / 2^k) / 5^k) = floor(a / 10^k)


def _quotient_bound(a, k: int, bits: int, toward, away):
    """A bound on a / 10^k: the numerator rounded toward it, the divisor away from it."""
    with gmpy2.context(precision=bits, round=away):
        power = gmpy2.mpfr(10) ** k
    with gmpy2.context(precision=bits, round=toward):
        return mpz(gmpy2.floor(gmpy2.mpfr(a) / power))


def calcx(v, understood: str, decimal_input: bool) -> str:
    if isinstance(v, bool):
        return str(v)
    if hasattr(v, "calcx_text"):  # integer-function results: factorizations, lists, digit strings
        return elide(v.calcx_text(), 20_000)
    if isinstance(v, MPZ):
        return elide_int(v)
    if isinstance(v, MPQ):
        return approx(v) if decimal_input else f"{elide(exact_text(v))} = around {approx(v)}"
    if isinstance(v, Gaussian):
        if decimal_input:
            return approx(v.to_mpc())
        text = exact_text(v)
        has_fraction = v.re.denominator != 1 or v.im.denominator != 1
        return f"{text} = around {approx(v.to_mpc())}" if has_fraction else text
    if isinstance(v, (MPFR, MPC)):
        return approx(v) if decimal_input else f"{understood} = around {approx(v)}"
    return str(v)


__all__ = ["approx", "exact_text", "elide", "calcx", "mpq", "terminating_decimal"]
