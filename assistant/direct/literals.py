"""Numbers as a question writes them, read without the expression parser: literals (`-3`, `(-3)`, `7/2`, `0.25`)
and words (`seventeen`, `one hundred thousand`, `three quarters`, `eleven fifths`).

The routes read their numbers here (regexes and Python's Fraction); the tools compute with their own engines and
the checks re-read the tool input with the parser, so a slip in one reading does not hide in the others.
"""
from __future__ import annotations

import re
from fractions import Fraction

class LazyRegex:
    """A regex compiled on first use: every route module is imported for a plain "2+3" on its way to the
    arithmetic route, and compiling the sentence patterns up front cost more than answering it."""

    __slots__ = ("args", "_compiled")

    def __init__(self, *args):
        self.args = args
        self._compiled: re.Pattern | None = None

    @property
    def compiled(self) -> re.Pattern:
        if self._compiled is None:
            self._compiled = re.compile(*self.args)
        return self._compiled

    def match(self, text: str) -> re.Match | None:
        return self.compiled.match(text)

    def fullmatch(self, text: str) -> re.Match | None:
        return self.compiled.fullmatch(text)

    def search(self, text: str) -> re.Match | None:
        return self.compiled.search(text)

    def sub(self, replacement: str, text: str) -> str:
        return self.compiled.sub(replacement, text)

    def split(self, text: str) -> list[str]:
        return self.compiled.split(text)

    def finditer(self, text: str):
        return self.compiled.finditer(text)


# one number literal: an optional minus, digits, an optional decimal part or /denominator; or the same in
# parentheses, as a substituted value is written ("(-3)", "(7/2)")
_BARE = r"-?\s*\d+(?:\.\d+)?(?:\s*/\s*\d+)?"
NUMBER = rf"(?:{_BARE}|\(\s*{_BARE}\s*\))"
INTEGER = r"(?:-?\d+|\(\s*-?\s*\d+\s*\))"


_THOUSANDS = LazyRegex(r"\d,\d{3}(?!\d)")


def thousands_separated(text: str) -> bool:
    """"1,000 and 2,500": a comma inside a number, or between items? A list of such text is not read."""
    return _THOUSANDS.search(text) is not None


def number_value(text: str) -> Fraction | None:
    """The exact value of one literal matched by NUMBER ("(-7/2)" -> -7/2), else None."""
    text = text.strip()
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1].strip()
    if not re.fullmatch(_BARE, text):
        return None
    negative = text.startswith("-")
    body = text.lstrip("-").strip()
    num, _, den = body.partition("/")
    if den and int(den) == 0:
        return None
    value = Fraction(num.strip()) / (Fraction(int(den)) if den else 1)
    return -value if negative else value


def integer_value(text: str) -> int | None:
    value = number_value(text)
    return int(value) if value is not None and value.denominator == 1 else None


UNITS = {
    "zero": 0, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9, "trillion": 10**12}


def words_to_int(text: str) -> int | None:
    """"one hundred thousand" -> 100000, "forty-seven" -> 47; None if any word is not a number word."""
    words = [w for w in re.split(r"[\s-]+", text.strip().lower()) if w and w != "and"]
    if not words:
        return None
    total, current, seen = 0, 0, False
    for word in words:
        if word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word in SCALES:
            total += max(current, 1) * SCALES[word]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def count_value(text: str) -> int | None:
    """A whole count written in digits or words: "3", "three", "twelve"."""
    text = text.strip()
    if re.fullmatch(r"\d+", text):
        return int(text)
    return words_to_int(text)


# denominators written as ordinals: "fifths", "a quarter", "halves"
ORDINALS = {
    "half": 2, "halve": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "hundredth": 100, "thousandth": 1000,
}
_FRACTION_WORDS = LazyRegex(r"^(.+?)[\s-]+(half|halves|[a-z]+?)s?$")


def fraction_words(text: str) -> Fraction | None:
    """"seventeen fifths" -> 17/5, "one half" -> 1/2, "three quarters" -> 3/4; None otherwise."""
    match = _FRACTION_WORDS.match(text.strip().lower())
    if not match:
        return None
    count, ordinal = match.groups()
    ordinal = "half" if ordinal in ("half", "halves") else ordinal
    if ordinal not in ORDINALS:
        return None
    numerator = words_to_int(count)
    return None if numerator is None else Fraction(numerator, ORDINALS[ordinal])


def amount_value(text: str) -> Fraction | None:
    """A quantity as typed before a unit: a literal ("3.5", "3/4") or fraction words ("three quarters")."""
    value = number_value(text)
    if value is not None:
        return value
    whole = words_to_int(text)  # "a litre", "two litres"
    return Fraction(whole) if whole is not None else fraction_words(text)
