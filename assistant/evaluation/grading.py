"""Is a predicted answer right? One grade per item kind: number, expression, choice, text.

Policy (stated once, applied everywhere):
- numbers are exact Fractions; integer golds must match exactly. A relative tolerance (default 1e-4)
  applies only to a non-integer gold when either side is written as a decimal, since such a
  number may be a rounding (GSM-Hard's float targets, a model's '3.3333' for 10/3);
- expressions are equivalent when exactly equal, or numerically equal at fixed random points;
- choices: an option letter, or a number that matches exactly one option's value.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

from .items import Item
from .numbers import Number, last_number, read_number

DEFAULT_REL_TOL = 1e-4


@dataclass(frozen=True)
class Grade:
    correct: bool
    method: str  # how the verdict was reached: exact, tolerance, symbolic, letter, option-value, text, ...
    detail: str = ""


def grade(item: Item, predicted: str | None, rel_tol: float = DEFAULT_REL_TOL) -> Grade:
    if predicted is None or not str(predicted).strip():
        return Grade(False, "no-answer")
    predicted = str(predicted).strip()
    if item.kind == "choice":
        return grade_choice(item, predicted, rel_tol)
    if item.kind == "expression":
        return grade_expression(item.gold, predicted, rel_tol)
    if item.kind == "text":
        return grade_text(item.gold, predicted)
    return grade_number(item.gold, predicted, rel_tol)


def numbers_match(gold: Number, predicted: Number, rel_tol: float) -> str | None:
    """'exact', 'tolerance' or None."""
    if gold.value == predicted.value:
        return "exact"
    # an integer gold is never a rounding; a non-integer one may be written rounded on either side
    inexact = gold.value.denominator != 1 and (gold.decimal or predicted.decimal)
    if inexact and abs(gold.value - predicted.value) <= Fraction(rel_tol) * max(abs(gold.value), Fraction(1, 10**6)):
        return "tolerance"
    return None


def grade_number(gold_text: str, predicted: str, rel_tol: float) -> Grade:
    golds = [read_number(part) for part in gold_text.split(";")]
    if not golds or any(g is None for g in golds):
        return Grade(False, "unreadable-gold", gold_text[:80])
    if len(golds) > 1:  # ASDiv's 'a; b' answers: every part, in order
        parts = [read_number(p) for p in re.split(r"[;,]\s+", predicted)]
        ok = len(parts) == len(golds) and all(p and numbers_match(g, p, rel_tol) for g, p in zip(golds, parts))
        return Grade(ok, "multi")
    gold = golds[0]
    value = read_number(predicted)
    method = "number"
    if value is None:
        value, method = _symbolic_number(predicted), "symbolic-number"
    if value is None:
        value, method = last_number(predicted), "last-number"
    if value is None:
        return Grade(False, "unreadable-prediction", predicted[:80])
    verdict = numbers_match(gold, value, rel_tol)
    return Grade(verdict is not None, verdict or method)


def _symbolic_number(text: str) -> Number | None:
    """'2**10', 'sqrt(16)': an exact rational the parser and SymPy agree on, else None."""
    from .symbolic import Unreadable, read

    try:
        reading = read(text)
    except Unreadable:
        return None
    value = reading.value
    if getattr(value, "is_Rational", False):
        return Number(Fraction(int(value.p), int(value.q)), reading.decimal)
    return None


def grade_expression(gold: str, predicted: str, rel_tol: float) -> Grade:
    intervals = grade_intervals(gold, predicted)
    if intervals is not None:  # before the text check: '[1.5, 2)' and '[15, 2)' are one text once dots go
        return intervals
    if _normal(gold) == _normal(predicted):
        return Grade(True, "text")
    gold_number, predicted_number = read_number(gold), read_number(predicted)
    if gold_number is not None and predicted_number is not None:  # '10{,}000' is the number 10000
        verdict = numbers_match(gold_number, predicted_number, rel_tol)
        return Grade(verdict is not None, verdict or "number")
    from .symbolic import Unreadable, equivalent, read

    try:
        gold_reading = read(gold)
    except Unreadable as exc:
        return Grade(False, "unreadable-gold", str(exc)[:80])
    try:
        predicted_reading = read(predicted)
    except Unreadable as exc:
        return Grade(False, "unreadable-prediction", str(exc)[:80])
    if equivalent(gold_reading, predicted_reading, rel_tol):
        return Grade(True, "symbolic")
    split = _letters_apart(gold)
    if split != gold:  # LaTeX's '3qr' is 3*q*r, which the plain parser reads as the name qr
        try:
            return Grade(equivalent(read(split), predicted_reading, rel_tol), "symbolic-letters")
        except Unreadable:
            pass
    return Grade(False, "symbolic")


def grade_intervals(gold: str, predicted: str) -> Grade | None:
    """When either side is unmistakably interval notation (a union, an infinite or a half-open end), both are read as
    sets and compared exactly; None leaves the answer to the other grades ('(1, 2)' alone may be a point)."""
    from .intervals import NotIntervals, read_intervals, same_set

    def reading(text: str):
        try:
            return read_intervals(text)
        except (NotIntervals, RecursionError):
            return None

    gold_set, predicted_set = reading(gold), reading(predicted)
    if not (gold_set is not None and gold_set.marked or predicted_set is not None and predicted_set.marked):
        return None
    if gold_set is None:
        return Grade(False, "interval-unreadable-gold", gold[:80])
    if predicted_set is None:
        return Grade(False, "interval-unreadable-prediction", predicted[:80])
    return Grade(same_set(gold_set, predicted_set), "interval")


_WORDS = {"pi", "ln", "log", "sin", "cos", "tan", "cot", "sec", "csc", "exp", "abs", "mod", "sqrt", "oo", "cis",
          "sinh", "cosh", "tanh", "arcsin", "arccos", "arctan", "infty", "theta", "alpha", "beta", "gamma", "delta",
          "phi", "lambda", "sigma", "omega", "tau", "rho", "mu", "epsilon", "text", "frac", "dfrac", "cdot"}
_LETTER_RUN = re.compile(r"(?<![A-Za-z\\])[A-Za-z]{2,4}(?![A-Za-z(])")


def _letters_apart(gold: str) -> str:
    """A run of letters in a LaTeX answer is a product of one-letter names (3qr), unless it is a known word."""
    return _LETTER_RUN.sub(lambda m: m.group(0) if m.group(0) in _WORDS else " ".join(m.group(0)), gold)


def grade_text(gold: str, predicted: str) -> Grade:
    return Grade(_normal(gold) == _normal(predicted), "text")


def _normal(text: str) -> str:
    """Spacing, $, braces, backslashes and a sentence's periods go; a decimal point between digits stays
    ('1.5' is not '15')."""
    text = re.sub(r"\\text\{([^{}]*)\}", r"\1", text)
    text = re.sub(r"(?<!\d)\.|\.(?!\d)", "", text)
    return re.sub(r"[\s${}\\]", "", text).casefold()


_LETTER = re.compile(r"^\s*(?:answer\s*[:is]*\s*)?\(?([A-Ea-e])\s*(?:\)|\.|:|$)", re.I)


def grade_choice(item: Item, predicted: str, rel_tol: float) -> Grade:
    gold = item.gold.strip().upper()
    letter = _LETTER.match(predicted)
    if letter:
        return Grade(letter.group(1).upper() == gold, "letter")
    value = read_number(predicted) or _symbolic_number(predicted) or last_number(predicted)
    if value is None:
        return Grade(False, "unreadable-prediction", predicted[:80])
    hits = []
    for key, option in item.choices.items():
        option_value = read_number(option) or _symbolic_number(option) or last_number(option)
        if option_value is not None and numbers_match(option_value, value, rel_tol):
            hits.append(key.upper())
    if len(hits) != 1:
        return Grade(False, "option-value", f"matches {hits or 'no option'}")
    return Grade(hits[0] == gold, "option-value", hits[0])
