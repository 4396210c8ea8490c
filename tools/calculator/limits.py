"""Size guards: refuse, before computing, any result too large to be useful (10^10^10, 9^9^9^9)."""
from __future__ import annotations

import math

from ..base import ToolFailure

MAX_DIGITS = 10_000_000  # results beyond ten million digits are refused
MAX_BITS = int(MAX_DIGITS * math.log2(10))
LOG2_10 = math.log2(10)


def refuse(what: str, bits: float) -> None:
    digits = bits / LOG2_10
    raise ToolFailure(
        "too_large",
        f"{what} would have {_human(digits)} digits; the limit is {MAX_DIGITS:,} digits",
    )


def short(n) -> str:
    """A number as it may appear in a message: at most about 30 characters, never a costly conversion."""
    import gmpy2

    n = gmpy2.mpz(n)
    if gmpy2.bit_length(n) <= 96:
        return str(n)
    return f"a {gmpy2.num_digits(abs(n)):,}-digit number"


def check_bits(what: str, bits: float) -> None:
    if bits > MAX_BITS:
        refuse(what, bits)


def _human(digits: float) -> str:
    if math.isinf(digits):
        return "more than 10^15"
    if digits < 1e15:
        return f"about {int(digits):,}"
    return f"about 10^{math.log10(digits):.1f}"


HUGE = 10**15  # arguments beyond this make any of these results absurd; no float maths needed


def factorial_bits(n: int) -> float:
    """log2(n!) by Stirling, cheap for any n."""
    if n < 2:
        return 1.0
    if n > HUGE:
        return float("inf")
    return (n * math.log(n) - n + 0.5 * math.log(2 * math.pi * n)) / math.log(2)


def binomial_bits(n: int, k: int) -> float:
    k = min(k, n - k)
    if k <= 0:
        return 1.0
    if n > HUGE:
        return float("inf") if k > 64 else k * math.log2(n)
    return (math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)) / math.log(2)
