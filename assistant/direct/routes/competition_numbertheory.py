"""Competition number theory, counting and probability in the words MATH uses (after the general competition route).

"How many zeros are at the end of $25!$?", "How many multiples of 7 are between 100 and 500?", "What is the
smallest positive four-digit multiple of 13?", "Solve the congruence $3n \\equiv 2 \\pmod{11}$, as a residue modulo
11.", "How many diagonals does a convex decagon have?", "We flip a fair coin 10 times. What is the probability that
we get heads in exactly 8 of the 10 flips?". The prose must match one family's shape whole (every sentence read).
The families live by area: numbertheory_divisors.py (factorials, divisors, primes, congruences, digits, bases),
numbertheory_ranges.py (counts and sums over ranges), competition_counting.py (counting and probability). Each plan
is a closed formula for the tool that assistant/direct/numbertheory_checks.py recounts (CheckKind.RECOUNT).
"""
from __future__ import annotations

import re

from ..plan import RoutedCall
from .competition_counting import COUNTING_FAMILIES
from .competition_forms import decimal_form
from .competition_reading import FORM, Formula, split_question
from .numbertheory_divisors import DIVISOR_FAMILIES, base_arithmetic
from .numbertheory_ranges import RANGE_FAMILIES
from .numbertheory_reading import RECOUNT, recount_plan

FAMILIES = DIVISOR_FAMILIES + RANGE_FAMILIES + COUNTING_FAMILIES


def match(question: str) -> RoutedCall | None:
    split = split_question(question)
    if split is None:
        return None
    prose, formulas = split
    formulas = [_without_question_mark(f) for f in formulas]
    sentences = [_bare(s) for s in _sentences(prose)]
    # read as written first ('... when $\\frac{3}{26}$ is expressed as a decimal' asks for a digit, not a decimal)
    plan = _family_plan(sentences, formulas)
    if plan is not None:
        return plan
    places, sentences = decimal_form(sentences)
    plan = _family_plan(sentences, formulas) if places is not None else None
    if plan is not None:
        return _exact_decimal(plan, places)
    return base_arithmetic(sentences, formulas) if places is None else None


def _family_plan(sentences: list[str], formulas: list[Formula]) -> RoutedCall | None:
    asked = [s for s in sentences if s and not FORM.match(s)]
    if not asked:
        return None
    text = ". ".join(asked)
    for pattern, build in FAMILIES:
        m = pattern.fullmatch(text)
        plan = build(formulas, *m.groups()) if m else None
        if plan is not None:
            return plan
    return None


def _without_question_mark(formula: Formula) -> Formula:
    """'$247 + 5 \\cdot 39?$': the question's own mark inside the formula is not part of it."""
    from .competition_reading import read_formula

    if formula.tree is None and formula.latex.rstrip().endswith("?"):
        return read_formula(formula.latex.rstrip().rstrip("?"))
    return formula


def _exact_decimal(plan: RoutedCall, places) -> RoutedCall | None:
    """'Express your answer as a decimal.': the value's own terminating decimal; 'to the nearest tenth' only when the
    value ends within a tenth, so that nothing is rounded (a rounded answer is not given here)."""
    from tools.parsing import ParseError, parse

    from ..recompute import Unsupported, recompute
    from .competition_forms import _terminating_places

    if plan.kind != RECOUNT or not (places == "exact" or isinstance(places, int) and places >= 1):
        return None
    try:
        value = recompute(parse(plan.input))
    except (Unsupported, ZeroDivisionError, ParseError, ValueError):
        return None
    digits = _terminating_places(value.denominator)
    if digits is None or places != "exact" and digits > places:
        return None
    return plan if digits == 0 else recount_plan(f"decimals({plan.input}, {digits})")


def _sentences(prose: str) -> list[str]:
    """As the competition route splits them, and after a bracketed sentence too: '... die? (It has 8 faces.) Express'."""
    prose = re.sub(r"\s+", " ", prose).strip()
    parts = re.split(r"(?:(?<=[.?])|(?<=[.?]\)))\s+(?=[A-Z(⟨])", prose)
    return [p.strip().rstrip(".?").strip() for p in parts if p.strip().rstrip(".?").strip()]


def _bare(sentence: str) -> str:
    """'(Two seatings are the same if one is a rotation of the other.)' -> the sentence inside."""
    sentence = sentence.strip()
    if sentence.startswith("(") and sentence.endswith(")"):
        sentence = sentence[1:-1]
    return re.sub(r"\s+", " ", sentence).strip().rstrip(".?").strip()
