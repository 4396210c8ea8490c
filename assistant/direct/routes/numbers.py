"""Integer questions in words: remainders, common divisors and multiples, divisibility, primes and composites,
the prime factors of n, and the digit in a named place.

"Calculate the remainder when 2976934 is divided by 485", "What is the highest common divisor of 57 and 183901?",
"Find the common denominator of 127/4536 and -77/9558", "Does 4 divide 7799178?", "Is 1532161993 composite?",
"List the prime factors of 3068188", "What is the ten thousands digit of 76474433?".
Numbers may be written as a substituted value is: "(-3)", "7/2" (an integer family declines a non-integer).
"""
from __future__ import annotations

import math
import re

from ..literals import INTEGER, NUMBER, integer_value, words_to_int
from ..plan import CheckKind, RoutedCall
from ..text import strip_question

I = re.IGNORECASE
N = rf"({NUMBER})"
INT = rf"({INTEGER})"
THE = r"(?:the\s+)?"
MAX_DIGITS = 300  # the numbers of these families stay small enough for every check to run


def _ints(*texts: str) -> list[int] | None:
    values = [integer_value(t) for t in texts]
    if any(v is None or len(str(abs(v))) > MAX_DIGITS for v in values):
        return None
    return values


def _show(n: int) -> str:
    return f"({n})" if n < 0 else str(n)


def remainder(dividend: str, divisor: str) -> RoutedCall | None:
    """The remainder r with 0 <= r < b (b > 0), as division with remainder defines it."""
    values = _ints(dividend, divisor)
    if values is None or values[1] <= 0:
        return None
    call = f"{_show(values[0])} mod {values[1]}"
    return RoutedCall("calculator", call, f"the remainder when {values[0]} is divided by {values[1]}")


def common(func: str, rest: str) -> RoutedCall | None:
    parts = [p for p in re.split(r"\s*(?:,\s*and\s+|,|\band\b)\s*", rest.strip()) if p]
    values = _ints(*parts) if len(parts) >= 2 else None
    if values is None or (func == "lcm" and 0 in values) or not any(values):
        return None
    call = f"{func}({', '.join(_show(v) for v in values)})"
    return RoutedCall("calculator", call, call)


def common_denominator(first: str, second: str) -> RoutedCall | None:
    """The least common denominator of two fractions written in lowest terms (else the question is unsure:
    2/4 and 1/3 have 6 as their least common denominator, 12 as written)."""
    dens = [_lowest_terms_denominator(t) for t in (first, second)]
    if any(d is None for d in dens):
        return None
    call = f"lcm({dens[0]}, {dens[1]})"
    return RoutedCall("calculator", call, f"the least common denominator: {call}")


def _lowest_terms_denominator(text: str) -> int | None:
    match = re.fullmatch(r"\(?\s*(-?\s*\d+)\s*/\s*(\d+)\s*\)?", text.strip())
    if match:
        num, den = int(match.group(1).replace(" ", "")), int(match.group(2))
        return den if den > 0 and math.gcd(num, den) == 1 else None
    value = integer_value(text)
    return 1 if value is not None else None


def divides(divisor: str, multiple: str) -> RoutedCall | None:
    values = _ints(divisor, multiple)
    if values is None or values[0] == 0:
        return None
    d, m = values
    return RoutedCall("calculator", f"{_show(m)} mod {_show(d)} = 0", f"does {d} divide {m}", CheckKind.RELATION)


def composite(number: str) -> RoutedCall | None:
    values = _ints(number)
    if values is None or values[0] < 1 or len(str(values[0])) > 40:  # factored by the tool: kept cheap
        return None
    call = f"num_divisors({values[0]}) > 2"
    return RoutedCall("calculator", call, f"is {values[0]} composite (more than two divisors)", CheckKind.COMPOSITE)


def prime_factors(number: str) -> RoutedCall | None:
    values = _ints(number)
    if values is None or values[0] == 0:
        return None
    call = f"prime_factors({_show(values[0])})"
    return RoutedCall("bigint", call, call, CheckKind.PRIME_FACTORS)


def place_digit(place: str, number: str) -> RoutedCall | None:
    power = _place_power(place)
    values = _ints(number)
    if power is None or values is None:
        return None
    n = values[0]
    call = f"abs({n}) mod 10" if power == 0 else f"floor(abs({n}) / 10^{power}) mod 10"
    return RoutedCall("calculator", call, f"the {place.lower()} digit of {n}", CheckKind.PLACE_VALUE)


def _place_power(place: str) -> int | None:
    """"units" -> 0, "tens" -> 1, "ten thousands" -> 4, "hundred billions" -> 11."""
    words = place.lower().strip()
    if words in ("unit", "units", "one", "ones"):
        return 0
    value = words_to_int(re.sub(r"s$", "", words))
    if value is None or value < 10 or 10 ** (len(str(value)) - 1) != value:
        return None
    return len(str(value)) - 1


ROOT_DEGREES = {"square": 2, "cube": 3, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                "eighth": 8, "ninth": 9, "tenth": 10}
NEAREST_INTEGER = r",?\s+(?:to|rounded\s+to|correct\s+to)\s+the\s+nearest\s+(?:integer|whole\s+number)"


def nearest_root(degree: str, number: str) -> RoutedCall | None:
    """The integer nearest n^(1/k), exactly: floor((floor(2 n^(1/k)) + 1) / 2), with floor(2 n^(1/k)) the integer
    k-th root of 2^k n (no floating point, so no wrong rounding near a half)."""
    k = ROOT_DEGREES.get(degree.lower()) or (int(re.sub(r"\D", "", degree)) if re.search(r"\d", degree) else None)
    values = _ints(number)
    if k is None or values is None or values[0] < 0 or not 2 <= k <= 100:
        return None
    call = f"floor((iroot(2^{k}*{values[0]}, {k}) + 1)/2)"
    return RoutedCall("calculator", call, f"the integer nearest to {values[0]}^(1/{k})", CheckKind.NEAREST_ROOT)


RULES = [
    (re.compile(rf"^{THE}(square|cube|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\s+"
                rf"root\s+of\s+{INT}{NEAREST_INTEGER}$", I), nearest_root),
    (re.compile(rf"^{INT}\s*(?:to\s+the\s+power\s+of|\^|\*\*)\s*\(?\s*1\s*/\s*(\d+)\s*\)?{NEAREST_INTEGER}$", I),
     lambda n, k: nearest_root(k, n)),
    (re.compile(rf"^{THE}remainder\s+(?:when|if|of)\s+{N}\s+(?:is\s+)?divided\s+by\s+{N}$", I), remainder),
    (re.compile(rf"^{THE}(?:greatest|highest|largest|biggest)\s+common\s+(?:divisor|factor)\s+of\s+(.+)$", I),
     lambda rest: common("gcd", rest)),
    (re.compile(rf"^{THE}(?:least|lowest|smallest)\s+common\s+multiple\s+of\s+(.+)$", I),
     lambda rest: common("lcm", rest)),
    (re.compile(rf"^{THE}(?:least\s+|lowest\s+|smallest\s+)?common\s+denominator\s+(?:of|for)\s+{N}\s+and\s+{N}$", I),
     common_denominator),
    (re.compile(rf"^is\s+{INT}\s+an?\s+(?:factor|divisor)\s+of\s+{INT}$", I), divides),
    (re.compile(rf"^does\s+{INT}\s+divide\s+(?:into\s+)?{INT}$", I), divides),
    (re.compile(rf"^is\s+{INT}\s+(?:a\s+multiple\s+of|divisible\s+by)\s+{INT}$", I), lambda m, d: divides(d, m)),
    (re.compile(rf"^is\s+{INT}\s+(?:a\s+)?composite(?:\s+number)?$", I), composite),
    (re.compile(rf"^(?:list|give|name)\s+(?:all\s+)?{THE}(?:distinct\s+)?prime\s+(?:factors|divisors)\s+of\s+{INT}$", I),
     prime_factors),
    (re.compile(rf"^{THE}((?:ten\s+|hundred\s+)?(?:units?|ones|tens|hundreds|thousands|millions|billions|trillions))"
                rf"\s+digit\s+(?:of|in)\s+{INT}$", I), place_digit),
]


def match(question: str) -> RoutedCall | None:
    text = strip_question(question)
    for pattern, build in RULES:
        found = pattern.match(text)
        if found:
            return build(*found.groups())
    return None

