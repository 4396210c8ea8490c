"""What the number theory and counting families share: sentence pieces, bounds, and numbers read from the prose.

A number is written in digits, in words, or as a formula of numbers only ('$10^3$', '$2^8+1$'); a family's plan is
a closed formula for the tool whose answer assistant/direct/numbertheory_checks.py recounts (CheckKind.RECOUNT), so
no family reads numbers beyond what that recount walks through (MAX_LISTED).
"""
from __future__ import annotations

import re
from fractions import Fraction

from tools.parsing import Num, Postfix

from ..literals import count_value
from ..plan import CheckKind, RoutedCall
from .competition_reading import N, Formula, formula_of
from .competition_shapes import integral

I = re.IGNORECASE
F = r"⟨(\d+)⟩"
ASK = r"(?:what\s+is|what's|find|compute|determine|calculate)"
COUNT = r"(" + N[1:-1] + r"|[a-z]+(?:-[a-z]+)?)"
MAX_RANGE = 10**12
MAX_LISTED = 2_000_000  # numbers the recount check walks through (numbertheory_checks.MAX_RANGE): no more are read
MAX_FACTORIAL = 5_000
MAX_MODULUS = 10**6
RECOUNT = CheckKind.RECOUNT


def whole_number(formulas: list[Formula], ref: str | None) -> int | None:
    """A whole number written in digits, words or a formula of numbers only ('$10^3$', '$2^8+1$')."""
    from ..recompute import Unsupported, recompute

    if ref is None:
        return None
    formula = formula_of(formulas, ref)
    if formula is None:
        return count_value(ref)
    if formula.tree is None or formula.names or not integral(formula.tree):
        return None
    try:
        value = recompute(formula.tree)
    except (Unsupported, ZeroDivisionError, OverflowError, ValueError):
        return None
    if value.denominator != 1 or abs(value) > 10**100:
        return None
    return int(value)


def factorial_argument(formulas: list[Formula], ref: str) -> int | None:
    """n for a formula that is exactly n!."""
    formula = formula_of(formulas, ref)
    tree = formula.tree if formula is not None else None
    if not (isinstance(tree, Postfix) and tree.op == "!" and isinstance(tree.operand, Num)):
        return None
    value = Fraction(tree.operand.value)
    if value.denominator != 1 or not 0 <= value <= MAX_FACTORIAL or tree.operand.decimal:
        return None
    return int(value)


def is_prime(n: int) -> bool:
    import gmpy2

    return n >= 2 and bool(gmpy2.is_prime(n, 50))


DIGIT_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}


def digit_count(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word) if 1 <= int(word) <= 30 else None
    return DIGIT_WORDS.get(word)


def recount_plan(call: str | None) -> RoutedCall | None:
    return None if call is None else RoutedCall("bigint", call, call, RECOUNT)


def multiples_call(low: int, high: int, moduli: list[int]) -> str | None:
    if high - low > MAX_LISTED or len(moduli) > 8:
        return None
    k = str(moduli[0]) if len(moduli) == 1 else f"lcm({', '.join(map(str, moduli))})"
    return f"floor({high}/{k}) - floor({low - 1}/{k})"


def moduli_of(formulas, listed: str) -> list[int | None]:
    """'6 and 15', '2, 3, and 5', 'seven': each number of the list."""
    parts = re.split(r"\s*,\s*and\s+|\s*,\s*|\s+and\s+", listed.strip())
    return [whole_number(formulas, part) for part in parts]


POWERS = {"squares": 2, "cubes": 3}


def signed_number(formulas, ref) -> int | None:
    text = ref.replace("−", "-").strip()
    if text.startswith("-"):
        value = whole_number(formulas, text[1:].strip())
        return None if value is None else -value
    formula = formula_of(formulas, text)
    if formula is not None and formula.tree is not None and not formula.names:
        from ..recompute import Unsupported, recompute

        try:
            value = recompute(formula.tree)
        except (Unsupported, ZeroDivisionError, OverflowError, ValueError):
            return None
        return int(value) if value.denominator == 1 and abs(value) <= MAX_RANGE else None
    return whole_number(formulas, text)


def digits_range(digits) -> tuple[int, int] | None:
    d = digit_count(digits)
    return None if d is None else (10 ** (d - 1), 10**d - 1)


def multiples_in(low: int, high: int, k: int) -> tuple[int, int] | None:
    first, last = -(-low // k) * k, high // k * k
    return (first, last) if first <= last else None


def positive_number(formulas, ref) -> int | None:
    n = whole_number(formulas, ref)
    return n if n is not None and 1 <= n <= 10**12 else None


ORDINAL = re.compile(r"(\d+)\s*(?:\^\s*\{?\s*(?:\\(?:text|mathrm)\s*\{\s*)?)?(?:st|nd|rd|th)\}?\}?", I)


def class_count_call(low: int, high: int, r: int, m: int) -> str | None:
    if high - low > MAX_LISTED:
        return None
    return f"floor(({high} - {r})/{m}) - floor(({low} - 1 - {r})/{m})"


NUMS = r"(?:numbers|integers|whole\s+numbers)"
HOW = r"(exactly|at\s+least|at\s+most)"
SIGNED = r"(-?\s*(?:" + COUNT[1:-1] + r"))"
PLACE = r"⟨\d+⟩(?:\s*(?:st|nd|rd|th)\b)?|\d+(?:st|nd|rd|th)"
BETWEEN = r"between\s+" + COUNT + r"\s+and\s+" + COUNT + r"(\s*,\s*inclusive)?"
POS = r"(?:positive\s+)?"
DIVISIBLE = (r"(?:divisible\s+by|multiples\s+of)\s+(?:both\s+|each\s+of\s+)?((?:" + COUNT[1:-1] + r")(?:\s*,\s*(?:"
             + COUNT[1:-1] + r"))*(?:\s*,?\s+and\s+(?:" + COUNT[1:-1] + r"))?)")
DIGITS = r"(\d+|one|two|three|four|five|six|seven|eight|nine)[- ]digit"
