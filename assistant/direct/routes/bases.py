"""Numbers in other bases: "-10111 (base 2) to base 13", "What is 4a256 (base 14) in base 4?", "convert 612 to
binary", "binary 110101 to decimal", and sums in a base: "In base 13, what is 2c3 + -3113?" (answered in base 13).

The numerals are read here with Python's int(text, base) after checking every digit is below the base; the tool
writes the result in the target base, and the check reads that answer back with int(text, base).
"""
from __future__ import annotations

import re

from ..literals import INTEGER, LazyRegex, integer_value
from ..plan import CheckKind, RoutedCall, first_plan
from ..text import strip_question

I = re.IGNORECASE
MAX_BASE = 36
MAX_NUMERAL = 2000  # digits: the numbers stay far below the tools' limits
NAMED = {"binary": 2, "octal": 8, "decimal": 10, "denary": 10, "hex": 16, "hexadecimal": 16}
BASE = r"(binary|octal|decimal|denary|hex|hexadecimal|base[\s-]*\d+)"
NUMERAL = r"(-?[0-9a-z]+)"


def base_number(word: str) -> int | None:
    word = word.lower()
    if word in NAMED:
        return NAMED[word]
    base = int(re.sub(r"\D", "", word))
    return base if 2 <= base <= MAX_BASE else None


def read_numeral(text: str, base: int) -> int | None:
    """The integer a numeral names in `base`, or None when a digit is not a digit of that base."""
    text = text.strip().lower()
    digits = text.lstrip("-")
    if text.count("-") > 1 or not digits or len(digits) > MAX_NUMERAL:
        return None
    if any(int(ch, 36) >= base for ch in digits):
        return None
    return int(text, base)


def _show(n: int) -> str:
    return f"({n})" if n < 0 else str(n)


def convert(numeral: str, source: str, target: str) -> RoutedCall | None:
    source_base, target_base = base_number(source), base_number(target)
    if source_base is None or target_base is None:
        return None
    value = read_numeral(numeral, source_base)
    if value is None:
        return None
    call = f"to_base({_show(value)}, {target_base})"
    return RoutedCall("bigint", call, f"{numeral} (base {source_base}) = {value}, written in base {target_base}",
                      CheckKind.BASE)


def from_decimal(number: str, target: str) -> RoutedCall | None:
    value = integer_value(number)
    return None if value is None else convert(str(value), "decimal", target)


_TERM = LazyRegex(r"\s*([+-])\s*(-?[0-9a-z]+)")


def sum_in_base(base_text: str, expression: str) -> RoutedCall | None:
    """+ and - of numerals in one base; the answer is written in that base."""
    base = base_number(base_text)
    if base is None:
        return None
    terms = _signed_terms(expression, base)
    if terms is None:
        return None
    total = " + ".join(_show(t) for t in terms)
    call = f"to_base({total}, {base})"
    return RoutedCall("bigint", call, f"in base {base}: {expression.strip()} (decimal {total})", CheckKind.BASE)


def _signed_terms(expression: str, base: int) -> list[int] | None:
    text = "+" + expression.strip()
    terms, position = [], 0
    for found in _TERM.finditer(text):
        if found.start() != position:
            return None
        value = read_numeral(found.group(2), base)
        if value is None:
            return None
        terms.append(value if found.group(1) == "+" else -value)
        position = found.end()
    return terms if position == len(text) and len(terms) >= 2 else None


RULES = [
    (LazyRegex(rf"^(?:convert\s+)?{NUMERAL}\s*\(\s*{BASE}\s*\)\s+(?:to|in|into)\s+{BASE}$", I), convert),
    (LazyRegex(rf"^(?:convert\s+)?(?:the\s+)?{BASE}\s+(?:number\s+|numeral\s+)?{NUMERAL}\s+(?:to|in|into)\s+{BASE}$",
                I), lambda source, numeral, target: convert(numeral, source, target)),
    (LazyRegex(rf"^(?:convert\s+)?{NUMERAL}\s+(?:from\s+)?{BASE}\s+(?:to|in|into)\s+{BASE}$", I), convert),
    (LazyRegex(rf"^convert\s+({INTEGER})\s+(?:to|into)\s+{BASE}$", I), from_decimal),
]
IN_BASE = LazyRegex(r"^\s*in\s+base[\s-]*(\d+)\s*,\s*(?:what\s+is|calculate|compute|evaluate|work\s+out|find)\s+"
                     r"(.+?)\s*[?.]?\s*$", I)


def match(question: str) -> RoutedCall | None:
    found = IN_BASE.match(question)
    if found:
        return sum_in_base(*found.groups())
    return first_plan(RULES, strip_question(question), first_match_settles=True)
