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
from typing import NamedTuple

from tools.parsing import parse, to_text

from ..exact import value_of
from ..literals import INTEGER, LazyRegex, integer_value, number_value, thousands_separated, words_to_int
from ..plan import CheckKind, RoutedCall, first_plan
from ..text import strip_question

I = re.IGNORECASE
INT = rf"({INTEGER})"
THE = r"(?:the\s+)?"
MAX_DIGITS = 300  # the numbers of these families stay small enough for every check to run
MAX_EXPRESSION = 400  # characters of an operand written as an expression
EXPR = r"(.+?)"  # an operand as an expression (a literal first; else an expression of numbers only)


class Operand(NamedTuple):
    text: str  # as the tool reads it: a literal, or a parenthesized expression the tool evaluates itself
    value: int


def _ints(*texts: str) -> list[Operand] | None:
    operands = [_operand(t) for t in texts]
    if any(o is None or len(str(abs(o.value))) > MAX_DIGITS for o in operands):
        return None
    return operands


def _operand(text: str) -> Operand | None:
    """A whole number as typed: a literal ("-7", "(-7)") or an expression of numbers ("(-4)/8 + 12901/2"), as
    a composed question's last sentence reads once its names have been given their values."""
    value = integer_value(text)
    if value is not None:
        return Operand(_show(value), value)
    if len(text) > MAX_EXPRESSION or not re.search(r"\d", text) or re.search(r"[a-z]", text, I):
        return None
    exact_value = value_of(text)
    if exact_value is None or exact_value.denominator != 1:
        return None
    return Operand(f"({to_text(parse(text))})", int(exact_value))


def _show(n: int) -> str:
    return f"({n})" if n < 0 else str(n)


def remainder(dividend: str, divisor: str) -> RoutedCall | None:
    """The remainder r with 0 <= r < b (b > 0), as division with remainder defines it."""
    values = _ints(dividend, divisor)
    if values is None or values[1].value <= 0:
        return None
    call = f"{values[0].text} mod {values[1].text}"
    return RoutedCall("calculator", call, f"the remainder when {values[0].value} is divided by {values[1].value}")


def common(func: str, rest: str) -> RoutedCall | None:
    if thousands_separated(rest):  # "1,000 and 2,500" is two numbers or four
        return None
    parts = [p for p in re.split(r"\s*(?:,\s*and\s+|,|\band\b)\s*", rest.strip()) if p]
    operands = _ints(*parts) if len(parts) >= 2 else None
    values = [o.value for o in operands or []]
    if operands is None or (func == "lcm" and 0 in values) or not any(values):
        return None
    call = f"{func}({', '.join(o.text for o in operands)})"
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
    value = number_value(text)
    if value is None and len(text) <= MAX_EXPRESSION and not re.search(r"[a-z]", text, I):
        value = value_of(text)  # an expression's value has one denominator, in lowest terms
        return None if value is None else value.denominator
    return 1 if value is not None and value.denominator == 1 else None


def divides(divisor: str, multiple: str) -> RoutedCall | None:
    values = _ints(divisor, multiple)
    if values is None or values[0].value == 0:
        return None
    d, m = values
    return RoutedCall("calculator", f"{m.text} mod {d.text} = 0", f"does {d.value} divide {m.value}",
                      CheckKind.RELATION)


def composite(number: str) -> RoutedCall | None:
    values = _ints(number)
    if values is None or values[0].value < 1 or len(str(values[0].value)) > 40:  # the tool factors n: kept cheap
        return None
    call = f"num_divisors({values[0].text}) > 2"
    return RoutedCall("calculator", call, f"is {values[0].value} composite (more than two divisors)",
                      CheckKind.COMPOSITE)


def prime(number: str) -> RoutedCall | None:
    values = _ints(number)
    if values is None:
        return None
    call = f"is_prime({values[0].text})"
    return RoutedCall("bigint", call, call, CheckKind.IS_PRIME)


def prime_factors(number: str) -> RoutedCall | None:
    values = _ints(number)
    if values is None or values[0].value == 0:
        return None
    call = f"prime_factors({values[0].text})"
    return RoutedCall("bigint", call, call, CheckKind.PRIME_FACTORS)


def place_digit(place: str, number: str) -> RoutedCall | None:
    power = _place_power(place)
    values = _ints(number)
    if power is None or values is None:
        return None
    n = values[0]
    call = f"abs({n.text}) mod 10" if power == 0 else f"floor(abs({n.text}) / 10^{power}) mod 10"
    return RoutedCall("calculator", call, f"the {place.lower()} digit of {n.value}", CheckKind.PLACE_VALUE)


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
    n = integer_value(number)
    if k is None or n is None or n < 0 or not 2 <= k <= 100:
        return None
    call = f"floor((iroot(2^{k}*{n}, {k}) + 1)/2)"
    return RoutedCall("calculator", call, f"the integer nearest to {n}^(1/{k})", CheckKind.NEAREST_ROOT)


RULES = [
    (LazyRegex(rf"^{THE}(square|cube|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\s+"
                rf"root\s+of\s+{INT}{NEAREST_INTEGER}$", I), nearest_root),
    (LazyRegex(rf"^{INT}\s*(?:to\s+the\s+power\s+of|\^|\*\*)\s*\(?\s*1\s*/\s*(\d+)\s*\)?{NEAREST_INTEGER}$", I),
     lambda n, k: nearest_root(k, n)),
    (LazyRegex(rf"^{THE}remainder\s+(?:when|if|of)\s+{EXPR}\s+(?:is\s+)?divided\s+by\s+{EXPR}$", I), remainder),
    (LazyRegex(rf"^{THE}(?:greatest|highest|largest|biggest)\s+common\s+(?:divisor|factor)\s+of\s+(.+)$", I),
     lambda rest: common("gcd", rest)),
    (LazyRegex(rf"^{THE}(?:least|lowest|smallest)\s+common\s+multiple\s+of\s+(.+)$", I),
     lambda rest: common("lcm", rest)),
    (LazyRegex(rf"^{THE}(?:least\s+|lowest\s+|smallest\s+)?common\s+denominator\s+(?:of|for)\s+{EXPR}\s+and\s+{EXPR}$",
                I), common_denominator),
    (LazyRegex(rf"^is\s+{EXPR}\s+an?\s+(?:factor|divisor)\s+of\s+{EXPR}$", I), divides),
    (LazyRegex(rf"^does\s+{EXPR}\s+divide\s+(?:into\s+)?{EXPR}$", I), divides),
    (LazyRegex(rf"^is\s+{EXPR}\s+(?:a\s+multiple\s+of|divisible\s+by)\s+{EXPR}$", I), lambda m, d: divides(d, m)),
    (LazyRegex(rf"^is\s+{EXPR}\s+(?:a\s+)?composite(?:\s+number)?$", I), composite),
    (LazyRegex(rf"^is\s+{EXPR}\s+(?:a\s+)?prime(?:\s+number)?$", I), prime),
    (LazyRegex(rf"^(?:list|give|name|what\s+are)\s+(?:all\s+)?{THE}(?:distinct\s+)?prime\s+(?:factors|divisors)"
                rf"\s+of\s+{EXPR}$", I), prime_factors),
    (LazyRegex(rf"^{THE}((?:ten\s+|hundred\s+)?(?:units?|ones|tens|hundreds|thousands|millions|billions|trillions))"
                rf"\s+digit\s+(?:of|in)\s+{EXPR}$", I), place_digit),
]


def match(question: str) -> RoutedCall | None:
    return first_plan(RULES, strip_question(question), first_match_settles=True)

