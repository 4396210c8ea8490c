"""Unit conversions: "How many millilitres are there in 0.7 litres?", "Convert 4.3 kilograms to grams",
"What is 3/4 of a week in hours?", "What is seventeen fifths of a millisecond in microseconds?".

Lengths, masses, volumes and times with metric prefixes, the inch-foot-yard-mile and ounce-pound families by their
exact definitions (1 in = 2.54 cm, 1 lb = 0.45359237 kg), and calendar units (year, month, decade, century,
millennium) among themselves: a year is not a whole number of days, so years and seconds are not converted.
The answer is exact: a decimal with every digit when the question gave decimals and the value terminates.
"""
from __future__ import annotations

import re
from fractions import Fraction

from ..literals import NUMBER, LazyRegex, amount_value
from ..plan import CheckKind, RoutedCall
from ..text import strip_question

I = re.IGNORECASE
F = Fraction
INCH = F(254, 10000)  # metres
POUND = F(45359237, 10**8)  # kilograms

# unit -> (dimension, size in the dimension's base unit); names are singular, plurals are derived below
UNITS: dict[str, tuple[str, Fraction]] = {
    "meter": ("length", F(1)), "kilometer": ("length", F(1000)), "centimeter": ("length", F(1, 100)),
    "millimeter": ("length", F(1, 1000)), "micrometer": ("length", F(1, 10**6)), "nanometer": ("length", F(1, 10**9)),
    "decimeter": ("length", F(1, 10)),
    "inch": ("length", INCH), "foot": ("length", 12 * INCH), "yard": ("length", 36 * INCH),
    "mile": ("length", 63360 * INCH),
    "gram": ("mass", F(1)), "kilogram": ("mass", F(1000)), "tonne": ("mass", F(10**6)),
    "milligram": ("mass", F(1, 1000)), "microgram": ("mass", F(1, 10**6)), "nanogram": ("mass", F(1, 10**9)),
    "pound": ("mass", 1000 * POUND), "ounce": ("mass", 1000 * POUND / 16),
    "litre": ("volume", F(1)), "millilitre": ("volume", F(1, 1000)), "centilitre": ("volume", F(1, 100)),
    "decilitre": ("volume", F(1, 10)), "kilolitre": ("volume", F(1000)),
    "second": ("time", F(1)), "millisecond": ("time", F(1, 1000)), "microsecond": ("time", F(1, 10**6)),
    "nanosecond": ("time", F(1, 10**9)), "minute": ("time", F(60)), "hour": ("time", F(3600)),
    "day": ("time", F(86400)), "week": ("time", F(604800)),
    "year": ("calendar", F(1)), "month": ("calendar", F(1, 12)), "decade": ("calendar", F(10)),
    "century": ("calendar", F(100)), "millennium": ("calendar", F(1000)),
}
IRREGULAR = {"foot": ["feet"], "inch": ["inches"], "century": ["centuries"], "millennium": ["millennia", "millenniums"]}
SYMBOLS = {
    "m": "meter", "km": "kilometer", "cm": "centimeter", "mm": "millimeter", "um": "micrometer", "µm": "micrometer",
    "nm": "nanometer", "g": "gram", "kg": "kilogram", "mg": "milligram", "ug": "microgram", "µg": "microgram",
    "ng": "nanogram", "l": "litre", "ml": "millilitre", "s": "second", "ms": "millisecond", "us": "microsecond",
    "µs": "microsecond", "ns": "nanosecond", "lb": "pound", "lbs": "pound", "oz": "ounce", "in": "inch", "ft": "foot",
    "mi": "mile", "h": "hour", "hr": "hour", "hrs": "hour", "min": "minute", "mins": "minute",
}


def unit_named(word: str) -> str | None:
    """"kilometers", "kilometres", "litre", "liters", "millennia" -> the unit's singular name."""
    word = word.strip().lower()
    for name, plurals in IRREGULAR.items():
        if word == name or word in plurals:
            return name
    singular = re.sub(r"s$", "", word)
    for spelled in (word, singular):
        spelled = re.sub(r"metre$", "meter", re.sub(r"liter$", "litre", spelled))
        if spelled in UNITS:
            return spelled
    return None


def unit_or_symbol(word: str) -> str | None:
    return unit_named(word) or SYMBOLS.get(word.strip())


AMOUNT = rf"({NUMBER}|[a-z][a-z\s-]*?)"  # a literal, or fraction words ("three quarters")
OF_A = r"(?:\s+of\s+an?)?"
UNIT = r"([a-zµ]+)"
RULES = [
    LazyRegex(rf"^how\s+many\s+{UNIT}\s+are\s+there\s+in\s+{AMOUNT}{OF_A}\s*{UNIT}$", I),
    LazyRegex(rf"^(?:convert\s+)?{AMOUNT}{OF_A}\s*{UNIT}\s+(?:to|in|into)\s+{UNIT}$", I),
]


def convert(amount_text: str, source: str, target: str) -> RoutedCall | None:
    amount = amount_value(amount_text)
    glued = re.fullmatch(r"[a-zµ]+", source.strip(), I) and re.match(r"\(?-?\d", amount_text.strip())
    source_unit = unit_or_symbol(source) if glued else unit_named(source)
    target_unit = unit_named(target) or SYMBOLS.get(target.strip())
    if amount is None or source_unit is None or target_unit is None:
        return None
    (dimension, size_from), (to_dimension, size_to) = UNITS[source_unit], UNITS[target_unit]
    if dimension != to_dimension:
        return None
    factor = size_from / size_to
    expression = f"{_literal(amount_text, amount)} * {_fraction(factor)}"
    understood = f"{amount_text.strip()} {source_unit}(s) in {target_unit}s"
    value = amount * factor
    places = _terminating_places(value)
    # a terminating value is shown as its decimal (25.4, not 127/5), unless the amount was a fraction
    if "/" not in amount_text and value.denominator != 1 and places is not None:
        return RoutedCall("calculator", f"decimals({expression}, {places})", understood, CheckKind.EXACT_DECIMAL)
    return RoutedCall("calculator", expression, understood, CheckKind.EXACT_DECIMAL)


def _literal(text: str, value: Fraction) -> str:
    """The amount as the calculator reads it: the literal as typed, or the words' fraction as p/q."""
    if re.match(r"^\(?\s*-?\s*\d", text.strip()):
        return f"({text.strip().strip('()')})"
    return f"({value.numerator}/{value.denominator})" if value.denominator != 1 else str(value.numerator)


def _fraction(value: Fraction) -> str:
    return str(value.numerator) if value.denominator == 1 else f"({value.numerator}/{value.denominator})"


def _terminating_places(value: Fraction) -> int | None:
    """How many decimal places write `value` exactly, or None if its decimal does not end."""
    den = value.denominator
    twos = fives = 0
    while den % 2 == 0:
        den, twos = den // 2, twos + 1
    while den % 5 == 0:
        den, fives = den // 5, fives + 1
    return max(twos, fives) if den == 1 else None


def match(question: str) -> RoutedCall | None:
    text = strip_question(question)
    if not text[:1].isalnum() and not text.startswith("("):
        return None
    first = RULES[0].match(text)
    if first:
        target, amount, source = first.groups()
        return convert(amount, source, target)
    second = RULES[1].match(text)
    if second:
        return convert(*second.groups())
    return None
