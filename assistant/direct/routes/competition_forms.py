"""The form a competition answer is asked in: a decimal (exact, or to the nearest tenth), or another base.

'Express your answer as a decimal to the nearest tenth.', 'Round $\\frac{7}{3}$ to the nearest hundredth.',
'Express your answer in base 7.': the request is taken out of the sentences, and the plan for the value is
rewritten to give that form, with the check of that form (the rounding checks, the digits read back).
"""
from __future__ import annotations

import re
from fractions import Fraction

from tools.parsing import Num, ParseError, parse

from ..plan import CheckKind, RoutedCall
from .competition_reading import N, Formula, formula_of
from .competition_shapes import integral

I = re.IGNORECASE

BASE_SENTENCE = re.compile(r"^(?:express|write|give)\s+(?:your|the)\s+answer\s+in\s+base\s+" + N + r"$", I)
BASE_SUFFIX = re.compile(r"^(.*?)\s*,?\s+(?:expressed\s+|written\s+)?(?:in|to|as\s+a)\s+base(?:-|\s+)" + N
                         + r"(?:\s+(?:number|integer|numeral))?$", I)
BASE_OF_A_FORMULA = re.compile(r"(?:what\s+is|express|write|convert|find|compute|evaluate|calculate)\s+"
                               r"(?:the\s+(?:value\s+of\s+|sum\s+|product\s+|difference\s+))?⟨\d+⟩", I)


def base_form(sentences: list[str], formulas: list[Formula]) -> tuple[int | None, list[str]]:
    """The base the answer is asked in ('Express your answer in base 7.', 'What is 25 in base 7?'); base 10 is
    the answer as it comes."""
    base, out = None, []
    for sentence in sentences:
        m = BASE_SENTENCE.match(sentence)
        if m:
            base = _small_int(formulas, m.group(1))
            if base is None:
                return None, sentences
            continue
        m = BASE_SUFFIX.match(sentence)
        if m and BASE_OF_A_FORMULA.fullmatch(m.group(1)):  # not 'the sum of the digits of 25 in base 7
            base = _small_int(formulas, m.group(2))
            if base is None:
                return None, sentences
            sentence = re.sub(r"^(?:express|write|convert)\s+", "what is ", m.group(1), flags=I)
        out.append(sentence)
    return (None if base == 10 else base), out


def _small_int(formulas: list[Formula], ref: str) -> int | None:
    formula = formula_of(formulas, ref)
    if formula is None or not isinstance(formula.tree, Num) or Fraction(formula.tree.value).denominator != 1:
        return None
    value = int(formula.tree.value)
    return value if 2 <= value <= 36 else None


def in_base(plan: RoutedCall, base: int) -> RoutedCall | None:
    """An integer answer written in another base, with the base as a subscript as MATH writes it (1011_2); the
    digits are read back with Python's int(text, base) by the check."""
    if plan.tool != "calculator" or plan.kind != CheckKind.ARITHMETIC or not integral(parse(plan.input)):
        return None
    call = f"to_base({plan.input}, {base})"
    return RoutedCall("bigint", call, call, CheckKind.BASE, relabel=lambda digits: f"{digits}_{{{base}}}")


NEAREST = {"tenth": 1, "hundredth": 2, "thousandth": 3, "ten-thousandth": 4, "ten thousandth": 4,
           "whole number": 0, "integer": 0}
_NEAREST = r"(?:\s+(?:rounded\s+|correct\s+)?to\s+the\s+nearest\s+(tenth|hundredth|thousandth|ten[- ]thousandth|" \
           r"whole\s+number|integer))?"
DECIMAL_SENTENCE = re.compile(r"^(?:express|write|give)\s+(?:your|the)\s+answer\s+as\s+a\s+decimal" + _NEAREST + r"$",
                              I)
DECIMAL_SUFFIX = re.compile(r"^(.*?)\s*,?\s+(?:expressed\s+|written\s+)?as\s+a\s+decimal" + _NEAREST + r"$", I)
ROUND = re.compile(r"^round\s+(.+?)\s+to\s+the\s+nearest\s+(tenth|hundredth|thousandth|ten[- ]thousandth|"
                   r"whole\s+number|integer)$", I)
ROUNDED_SUFFIX = re.compile(r"^(.*?)\s*,?\s+rounded\s+to\s+the\s+nearest\s+"
                            r"(tenth|hundredth|thousandth|ten[- ]thousandth|whole\s+number|integer)$", I)
CONVERT = re.compile(r"^(?:express|write|convert)\s+(⟨\d+⟩)\s+(?:as|to)\s+a\s+(?:terminating\s+)?decimal" + _NEAREST
                     + r"$", I)


def decimal_form(sentences: list[str]) -> tuple[int | str | None, list[str]]:
    """The decimal places asked for ('exact': the terminating decimal itself), and the sentences without that
    request; (None, sentences) when no decimal is asked for."""
    places: int | str | None = None
    out = []
    for sentence in sentences:
        m = DECIMAL_SENTENCE.match(sentence)
        if m:
            places = NEAREST[re.sub(r"\s+", " ", m.group(1).lower())] if m.group(1) else "exact"
            continue
        for pattern, rewrite in ((ROUND, "what is {0}"), (CONVERT, "what is {0}"), (DECIMAL_SUFFIX, "{0}"),
                                 (ROUNDED_SUFFIX, "{0}")):
            m = pattern.match(sentence)
            if m:
                places = NEAREST[re.sub(r"\s+", " ", m.group(2).lower())] if m.group(2) else "exact"
                sentence = rewrite.format(m.group(1))
                break
        out.append(sentence)
    return places, out


def as_decimal(plan: RoutedCall, places: int | str) -> RoutedCall | None:
    """A rational answer written as the decimal asked for: rounded to k places (checked to be within half a
    unit of the exact value), or the terminating decimal itself (none if the decimal repeats)."""
    from ..recompute import Unsupported, recompute

    if plan.tool != "calculator" or plan.kind != CheckKind.ARITHMETIC:
        return None
    if places == 0:
        call = f"round({plan.input})"
        return RoutedCall("calculator", call, call, CheckKind.ROUNDED)
    if places == "exact":
        try:
            value = recompute(parse(plan.input))
        except (Unsupported, ZeroDivisionError, ParseError):
            return None
        places = _terminating_places(value.denominator)
        if places is None:
            return None
        if places == 0:
            return plan
    call = f"decimals({plan.input}, {places})"
    return RoutedCall("calculator", call, call, CheckKind.ROUNDED_TEXT)


def _terminating_places(denominator: int) -> int | None:
    """3/8 ends after 3 places; 1/3 never ends (None)."""
    twos = fives = 0
    while denominator % 2 == 0:
        denominator //= 2
        twos += 1
    while denominator % 5 == 0:
        denominator //= 5
        fives += 1
    return max(twos, fives) if denominator == 1 and max(twos, fives) <= 50 else None
