"""What a route hands the router: the one tool call that answers the question, and how it was read."""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Callable, Iterable

from ..answer import Check, Step


class CheckKind(StrEnum):
    """Which independent check the router adds to the tool's own (assistant/direct/checks.py)."""

    TOOL = "tool"  # the tool's own checks only (symbolic results carry theirs)
    ARITHMETIC = "arithmetic"  # recomputed with Python's Fraction arithmetic
    IS_PRIME = "is_prime"  # a second primality test (GMP)
    FACTOR = "factor"  # multiplied back, each factor proven prime
    PRIME_FACTORS = "prime_factors"  # GMP tests each prime and divides them all out
    INVMOD = "invmod"  # a * a^-1 = 1 (mod m)
    NTH_PRIME = "nth_prime"  # prime, and the count of primes below it
    # the number, base, clock and sampling families (assistant/direct/checks_numbers.py)
    RELATION = "relation"  # both sides of `b mod a = 0` recomputed with Python
    COMPOSITE = "composite"  # a second primality test, and a divisor when one is small
    PLACE_VALUE = "place_value"  # the digit read off the decimal string
    NEAREST_ROOT = "nearest_root"  # (2r-1)^k <= 2^k n <= (2r+1)^k in integers
    BASE = "base"  # the digits read back with int(text, base)
    EXACT_DECIMAL = "exact_decimal"  # recomputed exactly with decimals; a decimal shown is the exact value
    CLOCK = "clock"  # the clock time read back into minutes
    LEVEL_SET = "level_set"  # summed over every order of the draws
    STATISTIC = "statistic"  # mean, median, mode, variance recomputed by definition (no shared formula)
    ARRANGEMENTS = "arrangements"  # n!/(k1!...kr!) against a product of binomials
    ROUNDED = "rounded"  # floor/ceil/round(x, k): the defining inequalities on x recomputed with Fractions
    ROUNDED_TEXT = "rounded_text"  # a decimal shown to k places or digits: within half a unit of exact x
    POWER_BACK = "power_back"  # log_b(x) = k: b^k = x; the n-th root r of x: r^n = x (Python integers)
    DIGIT_COUNT = "digit_count"  # digit sums and counts recomputed from Python's own decimal string
    COMPETITION = "competition"  # divisors by trial division, floor/ceil at 60 digits, definitions re-evaluated
    PRECALC = "precalc"  # coordinates converted back, vectors and complex numbers re-evaluated with mpmath
    RECOUNT = "recount"  # number theory and counting: recounted by enumeration with Python ints


# integer functions whose answers get their own check; any other function is TOOL
_BY_FUNCTION = {
    "is_prime": CheckKind.IS_PRIME, "isprime": CheckKind.IS_PRIME,
    "factor": CheckKind.FACTOR, "factorint": CheckKind.FACTOR,
    "prime_factors": CheckKind.PRIME_FACTORS, "invmod": CheckKind.INVMOD,
    "nth_prime": CheckKind.NTH_PRIME, "prime": CheckKind.NTH_PRIME,
    "digit_sum": CheckKind.DIGIT_COUNT, "digits": CheckKind.DIGIT_COUNT,
    "binomial": CheckKind.ARITHMETIC, "gcd": CheckKind.ARITHMETIC, "lcm": CheckKind.ARITHMETIC,
}


def check_kind_of(function: str) -> CheckKind:
    return _BY_FUNCTION.get(function, CheckKind.TOOL)


@dataclass(frozen=True)
class PriorStep:
    """A tool call made before the final one (a composed question's "Let b be u(r)."), with its own checks."""

    step: Step
    checks: tuple[Check, ...]
    result: str  # what it established, for people: "b = 34"


@dataclass(frozen=True)
class RoutedCall:
    tool: str  # gadget id
    input: str  # the gadget input, in the tool's own syntax
    understood: str  # the question as read, for people
    kind: CheckKind = CheckKind.ARITHMETIC  # which independent check applies
    options: dict = field(default_factory=dict)
    # a composed question: the steps already run (their results are in `input`), and how the final answer is
    # written back in the question's own terms (a value back to the name it was given); None from it = unsure
    prior: tuple[PriorStep, ...] = ()
    relabel: Callable[[str], str | None] | None = None


def first_plan(rules: Iterable[tuple], text: str, *, first_match_settles: bool = False) -> RoutedCall | None:
    """The plan of the first rule (pattern, builder) whose pattern matches `text` and whose builder accepts what
    it read; a builder's None hands the text on to the rules after it, unless `first_match_settles` (the numbers
    and bases routes: a sentence the first matching rule declined is not read by a looser later one)."""
    for pattern, build in rules:
        m = pattern.match(text)
        plan = build(*m.groups()) if m else None
        if plan is not None or m and first_match_settles:
            return plan
    return None
