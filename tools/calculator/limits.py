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
        f"{what} would have about {_human(digits)} digits; the limit is {MAX_DIGITS:,} digits",
    )


def check_bits(what: str, bits: float) -> None:
    if bits > MAX_BITS:
        refuse(what, bits)


def _human(digits: float) -> str:
    if digits < 1e15:
        return f"{int(digits):,}"
    return f"10^{math.log10(digits):.1f}"


def factorial_bits(n: int) -> float:
    """log2(n!) by Stirling, cheap for any n."""
    if n < 2:
        return 1.0
    return (n * math.log(n) - n + 0.5 * math.log(2 * math.pi * n)) / math.log(2)


def binomial_bits(n: int, k: int) -> float:
    k = min(k, n - k)
    if k <= 0:
        return 1.0
    return (math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)) / math.log(2)
