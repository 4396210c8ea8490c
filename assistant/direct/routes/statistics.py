"""Statistics of a list typed with commas or spaces: "mean of 2, 4, 4, 5", "the median of 3 1 4 1 5",
"mode of ...", "population variance of ...", "sample standard deviation of ...".

A variance or standard deviation is answered only when the question says which (population or sample): the two
differ, and the answer's own computation names the one used (pvariance or variance).
"""
from __future__ import annotations

import re
from fractions import Fraction
from math import gcd

from ..literals import NUMBER, LazyRegex, number_value, thousands_separated
from ..plan import CheckKind, RoutedCall
from ..text import strip_question

I = re.IGNORECASE
MAX_ITEMS = 10_000
KIND = r"(population|sample)"
STATISTIC = (r"(mean|average|arithmetic\s+mean|median|mode|"
             rf"{KIND}\s+(?:variance|standard\s+deviation)|(?:variance|standard\s+deviation)\s+\(?{KIND}\)?)")
FORM = LazyRegex(rf"^(?:the\s+)?{STATISTIC}\s+(?:of|for)\s+(?:the\s+(?:data|numbers|values|list)\s*:?\s*)?"
                  rf"(?:\[|\{{)?(.+?)(?:\]|\}})?$", I)
DATA_SPLIT = LazyRegex(r"\s*(?:,\s*and\s+|,|;|\band\b)\s*|\s+")


def read_data(text: str) -> list[str] | None:
    """"2, 4, 4, 5" or "2 4 4 5" or "2, 4 and 5" -> the literals; None if any part is not a number."""
    text = text.strip()
    if thousands_separated(text):  # "1,000, 2,500": thousands separators or a list? not read
        return None
    parts = [p for p in DATA_SPLIT.split(text) if p]
    if not parts or len(parts) > MAX_ITEMS:
        return None
    if any(not re.fullmatch(NUMBER, p) or number_value(p) is None for p in parts):
        return None
    return [p.strip("()").replace(" ", "") for p in parts]


def statistic(name: str, kind_first: str | None, kind_after: str | None, data_text: str) -> RoutedCall | None:
    data = read_data(data_text)
    if data is None:
        return None
    name = re.sub(r"\s+", " ", name.lower())
    kind = (kind_first or kind_after or "").lower()
    func = {"average": "mean", "arithmetic mean": "mean"}.get(name, name)
    if "variance" in name or "deviation" in name:
        if len(data) < 2:
            return None
        func = "pvariance" if kind == "population" else "variance"
        if "deviation" in name:
            return _deviation(func, data, kind)
    call = f"{func}({', '.join(data)})"
    return RoutedCall("calculator", call, f"the {kind + ' ' if kind else ''}{func}", CheckKind.STATISTIC)


def _deviation(func: str, data: list[str], kind: str) -> RoutedCall | None:
    """sqrt of the variance; an irrational one is written as a mathematician would (sqrt(15)/3), the tool's own
    sqrt(variance(...)) naming what was computed in the chain."""
    call = f"sqrt({func}({', '.join(data)}))"
    values = [number_value(d) for d in data]
    mean = sum(values, Fraction(0)) / len(values)
    spread = sum(((v - mean) ** 2 for v in values), Fraction(0)) / (len(values) - (func == "variance"))
    written = surd_text(spread)
    if written is None:
        return None
    relabel = None if "sqrt" not in written else (lambda shown: written)
    return RoutedCall("calculator", call, f"the {kind} standard deviation", CheckKind.STATISTIC, relabel=relabel)


MAX_SQUARE_FREE = 10**12  # trial division finds the square part below this


def surd_text(value: Fraction) -> str | None:
    """sqrt(value) in lowest terms: sqrt(5/3) -> "sqrt(15)/3", sqrt(8) -> "2*sqrt(2)", sqrt(4) -> "2";
    None when the radicand is too large to split cheaply. The text is squared back before it is trusted."""
    radicand, denominator = value.numerator * value.denominator, value.denominator
    if radicand < 0 or radicand > MAX_SQUARE_FREE:
        return None
    if radicand == 0:
        return "0"
    outside, inside, factor = 1, radicand, 2
    while factor * factor <= inside:
        while inside % (factor * factor) == 0:
            inside, outside = inside // (factor * factor), outside * factor
        factor += 1
    common = gcd(outside, denominator)
    outside, denominator = outside // common, denominator // common
    if Fraction(outside * outside * inside, denominator * denominator) != value:
        return None
    text = str(outside) if inside == 1 else ("" if outside == 1 else f"{outside}*") + f"sqrt({inside})"
    return text if denominator == 1 else f"{text}/{denominator}"


def match(question: str) -> RoutedCall | None:
    found = FORM.match(strip_question(question))
    return statistic(*found.groups()) if found else None
