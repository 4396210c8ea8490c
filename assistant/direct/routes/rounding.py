"""Rounding as people ask for it: "round 3.14159 to 2 decimal places", "1000/3 to 2 significant figures",
"round 1234 to the nearest hundred", "2^70 / 3 rounded down".

The verb "round" is a word of the question, not the function round() applied to the next number: read as a
function, "round 7.6/3 to 2 decimal places" became round(7.6)/3 = 2.67 (the value is 2.53). Each reading
here takes the whole number before "to ..." as the value and names the rounding once, in the tool call.
"""
from __future__ import annotations

import re

from ..literals import LazyRegex
from ..plan import CheckKind, RoutedCall
from ..text import words_to_operators
from .arithmetic import numeric, worded_plan

I = re.IGNORECASE
ROUND_VERB = r"(?:round(?:\s+off)?|approximate)\s+"
ROUNDED = r"\s*,?\s+(?:(?:when\s+)?rounded\s+(?:off\s+)?|approximated\s+|(?:written\s+)?correct\s+)?"
COUNT_WORDS = {"zero": 0, "no": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
               "eight": 8, "nine": 9,
               "ten": 10, "a": 1}
COUNT = r"(\d{1,6}|" + "|".join(COUNT_WORDS) + r")"
DECIMAL_PLACES = r"(?:decimal\s+places?|decimal\s+digits?|decimals|places?|dps?|d\.p\.)"
SIGNIFICANT = r"(?:significant\s+(?:digits?|figures?)|sig\.?\s*figs?|s\.?f\.?|digits?)"

# "the nearest hundred" is 10^2, "the nearest tenth" 10^-1: the power of ten the value is rounded to
UNITS = {"one": 0, "unit": 0, "integer": 0, "whole number": 0, "whole": 0, "ten": 1, "hundred": 2,
         "thousand": 3, "ten thousand": 4, "hundred thousand": 5, "million": 6, "ten million": 7,
         "hundred million": 8, "billion": 9, "tenth": -1, "hundredth": -2, "thousandth": -3,
         "ten thousandth": -4, "hundred thousandth": -5, "millionth": -6}
UNIT_WORDS = "|".join(sorted((re.escape(u).replace(r"\ ", r"[\s-]+") for u in UNITS), key=len, reverse=True))
NEAREST = r"(?:the\s+)?nearest\s+(?:(?:one\s+|a\s+)?(" + UNIT_WORDS + r")s?|(1(?:0+)?|0\.0*1))"


# "to the power of 1/3" made "^ 1/3" would be read (x^1)/3: words for powers and "over" are not made symbols here
GROUPING_WORDS = re.compile(r"\b(?:power|raised|squared|cubed|over|root)\b", I)


def _number(text: str) -> str | None:
    """The value to round, as typed or with its operator words made symbols ("7 divided by 3")."""
    value = numeric(text)
    if value is None and not GROUPING_WORDS.search(text):
        value = numeric(words_to_operators(text))
    return value


def _count(text: str) -> int:
    word = text.lower()
    return COUNT_WORDS[word] if word in COUNT_WORDS else int(text)


def _round_places(expr: str, count: str) -> RoutedCall | None:
    value, places = _number(expr), _count(count)
    if value is None:
        return None
    call = f"decimals({value}, {places})" if places else f"round({value})"
    return RoutedCall("calculator", call, call, CheckKind.ROUNDED_TEXT if places else CheckKind.ROUNDED)


def _round_significant(expr: str, count: str) -> RoutedCall | None:
    value, digits = _number(expr), _count(count)
    if value is None or digits == 0:
        return None
    call = f"N({value}, {digits})"
    return RoutedCall("calculator", call, call, CheckKind.ROUNDED_TEXT)


def _round_nearest(expr: str, word: str | None, number: str | None) -> RoutedCall | None:
    power = _power_of_ten(word, number)
    value = _number(expr)
    if value is None or power is None:
        return None
    if power < 0:  # tenths, hundredths: shown with that many places (3.1, not 31/10)
        call = f"decimals({value}, {-power})"
        return RoutedCall("calculator", call, f"{value} rounded to {-power} decimal places", CheckKind.ROUNDED_TEXT)
    call = f"round({value})" if power == 0 else f"round({value}, {-power})"
    return RoutedCall("calculator", call, call, CheckKind.ROUNDED)


def _power_of_ten(word: str | None, number: str | None) -> int | None:
    if word is not None:
        return UNITS.get(re.sub(r"[\s-]+", " ", word.lower()))
    if number.startswith("0."):
        return -(len(number) - 2)  # 0.01 -> 10^-2
    return len(number) - 1  # 100 -> 10^2


def _round_direction(expr: str, direction: str | None) -> RoutedCall | None:
    value = _number(expr)
    if value is None:
        return None
    func = {"down": "floor", "up": "ceil"}.get((direction or "").lower(), "round")
    call = f"{func}({value})"
    return RoutedCall("calculator", call, call, CheckKind.ROUNDED)


NEAREST_WHOLE = r"(?:\s+to\s+(?:the\s+)?(?:nearest\s+)?(?:whole\s+number|integer|unit|one))?"
RULES = [
    (LazyRegex(rf"^(?:{ROUND_VERB})?(.+?){ROUNDED}(?:to|with|at|correct\s+to|accurate\s+to)\s+{COUNT}\s+"
                 rf"{DECIMAL_PLACES}$", I), _round_places),
    (LazyRegex(rf"^(?:{ROUND_VERB})?(.+?){ROUNDED}(?:to|with|at|correct\s+to|accurate\s+to)\s+{COUNT}\s+"
                 rf"{SIGNIFICANT}$", I), _round_significant),
    (LazyRegex(rf"^(?:{ROUND_VERB})?(.+?){ROUNDED}to\s+{NEAREST}$", I), _round_nearest),
    (LazyRegex(rf"^(.+?)\s*,?\s+rounded(?:\s+(down|up))?{NEAREST_WHOLE}$", I), _round_direction),
    (LazyRegex(rf"^round\s+(.+?)\s+(down|up){NEAREST_WHOLE}$", I), _round_direction),
    (LazyRegex(r"^(?:the\s+)?(floor|ceiling)\s+of\s+(.+)$", I),
     lambda which, e: _round_direction(e, "down" if which.lower() == "floor" else "up")),
    (LazyRegex(r"^round(?:\s+off)?\s+(.+)$", I), lambda e: _round_direction(e, None)),  # round -0.5
]


def match(question: str) -> RoutedCall | None:
    return worded_plan(question, RULES)
