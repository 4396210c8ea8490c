"""Everyday arithmetic wordings: percentages ("45 is what percent of 180", "increase 80 by 15%", "percent
change from 40 to 50"), logarithms to a base ("log base 5 of 625", "log_5(625)", "log 625 base 5") and n-th
roots ("fourth root of 1296", "5th root of -32").

Each reading becomes one calculator call whose check goes back another way: percentages are recomputed with
Python's Fractions, a logarithm k to base b by b^k = x, a root r of degree n by r^n = x.
"""
from __future__ import annotations

import re
from fractions import Fraction

from ..literals import LazyRegex
from ..plan import CheckKind, RoutedCall
from .arithmetic import _constant, atomic, numeric, worded_plan

I = re.IGNORECASE
PERCENT = r"(?:percent|percentage|per\s+cent|%)"
ROOT_DEGREES = {"fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}


def _parse_value(text: str) -> tuple[str, Fraction | None] | None:
    """The number in calculator syntax and, when it is a plain constant, its exact value."""
    from tools.parsing import ParseError, parse

    expr = numeric(text)
    if expr is None:
        return None
    try:
        return expr, _constant(parse(expr))
    except ParseError:
        return None


def _arithmetic(call: str) -> RoutedCall:
    return RoutedCall("calculator", call, call, CheckKind.ARITHMETIC)


def _part_of_whole(part: str, whole: str) -> RoutedCall | None:
    p, w = _parse_value(part), _parse_value(whole)
    if p is None or w is None or w[1] == 0:
        return None
    return _arithmetic(f"({p[0]}) / ({w[0]}) * 100")


def _scaled(verb: str, base: str, percent: str) -> RoutedCall | None:
    b, p = _parse_value(base), _parse_value(percent)
    if b is None or p is None:
        return None
    sign = "+" if verb.lower().startswith("increase") else "-"
    return _arithmetic(f"({b[0]}) * (1 {sign} ({p[0]}) / 100)")


def _percent_change(kind: str, old: str, new: str) -> RoutedCall | None:
    """Change is signed; an "increase" that is a fall, or a "decrease" that is a rise, is not guessed at."""
    a, b = _parse_value(old), _parse_value(new)
    if a is None or b is None or a[1] is None or b[1] is None or a[1] == 0:
        return None
    kind = kind.lower()
    if (kind == "increase" and b[1] < a[1]) or (kind == "decrease" and b[1] > a[1]):
        return None
    if kind == "decrease":
        return _arithmetic(f"(({a[0]}) - ({b[0]})) / ({a[0]}) * 100")
    return _arithmetic(f"(({b[0]}) - ({a[0]})) / abs({a[0]}) * 100")


def _log(x: str, base: str) -> RoutedCall | None:
    """Real logarithms only: a positive number to a positive base other than 1."""
    v, b = _parse_value(x), _parse_value(base.strip("{}() "))
    if v is None or b is None or v[1] is None or b[1] is None or v[1] <= 0 or b[1] <= 0 or b[1] == 1:
        return None
    if not (atomic(x) and atomic(base)):
        return None
    call = f"log({v[0]}, {b[0]})"
    return RoutedCall("calculator", call, call, CheckKind.POWER_BACK)


def _natural_log(x: str) -> RoutedCall | None:
    """The natural log of e^2 is 2: exact simplification finds it, with the engine's own check."""
    v = _parse_value(x)
    if v is None or not atomic(x):
        return None
    call = f"log({v[0]})"
    return RoutedCall("symbolic", call, call, CheckKind.TOOL)


def _root(degree_word: str, x: str) -> RoutedCall | None:
    """The real n-th root: -root(32, 5) for the 5th root of -32; an even root of a negative number is declined."""
    word = degree_word.lower()
    n = ROOT_DEGREES.get(word) or (int(re.match(r"\d+", word).group(0)) if word[:1].isdigit() else 0)
    v = _parse_value(x)
    if not 2 <= n <= 1000 or v is None or v[1] is None or not atomic(x):
        return None
    if v[1] < 0:
        if n % 2 == 0:
            return None
        call = f"-root({numeric(str(-v[1]))}, {n})"
    else:
        call = f"root({v[0]}, {n})"
    return RoutedCall("calculator", call, call, CheckKind.POWER_BACK)


def _whole_from_part(percent: str, part: str) -> RoutedCall | None:
    """15% of what number is 30: 30 / (15/100)."""
    p, q = _parse_value(percent), _parse_value(part)
    if p is None or q is None or p[1] == 0:
        return None
    return _arithmetic(f"({q[0]}) / (({p[0]}) / 100)")


def _percent_of(percent: str, whole: str) -> RoutedCall | None:
    p, w = _parse_value(percent), _parse_value(whole)
    if p is None or w is None:
        return None
    return _arithmetic(f"({p[0]}) / 100 * ({w[0]})")


def _power(base: str, exponent: str) -> RoutedCall | None:
    """2 to the 10th power, 2 to the power 10: one number (or a bracketed group) raised to another."""
    b, e = _parse_value(base), _parse_value(exponent)
    if b is None or e is None or not (atomic(base) and atomic(exponent)):
        return None
    return _arithmetic(f"({b[0]})^({e[0]})")


def _unary(call: str, text: str) -> RoutedCall | None:
    """the square of 12, the reciprocal of 7, the absolute value of -5: of one number (or bracketed group)."""
    v = _parse_value(text)
    if v is None or not atomic(text):
        return None
    return _arithmetic(call.format(v[0]))


def _as_decimal(text: str) -> RoutedCall | None:
    """3/8 as a decimal is 0.375 exactly; 3/7, whose decimal never ends, is given to 15 significant digits."""
    v = _parse_value(text)
    if v is None:
        return None
    places = _terminating_places(v[1]) if v[1] is not None else None
    call = f"decimals({v[0]}, {places})" if places is not None else f"N({v[0]}, 15)"
    if places == 0:
        call = f"round({v[0]})"
    return RoutedCall("calculator", call, call, CheckKind.ROUNDED if places == 0 else CheckKind.ROUNDED_TEXT)


def _terminating_places(q: Fraction) -> int | None:
    """The places of a decimal that ends (a denominator of 2s and 5s only), else None."""
    d, twos, fives = q.denominator, 0, 0
    while d % 2 == 0:
        d, twos = d // 2, twos + 1
    while d % 5 == 0:
        d, fives = d // 5, fives + 1
    return max(twos, fives) if d == 1 and max(twos, fives) <= 10_000 else None


LOG = r"(?:the\s+)?(?:logarithm|log)"
BASE = r"(?:to\s+)?(?:the\s+)?base\s+"
RULES = [
    (LazyRegex(rf"^(.+?)\s+is\s+what\s+{PERCENT}\s+of\s+(.+)$", I), _part_of_whole),
    (LazyRegex(rf"^what\s+{PERCENT}\s+of\s+(.+?)\s+is\s+(.+)$", I), lambda whole, part: _part_of_whole(part, whole)),
    (LazyRegex(rf"^what\s+{PERCENT}\s+is\s+(.+?)\s+of\s+(.+)$", I), _part_of_whole),
    (LazyRegex(rf"^(?:express\s+)?(.+?)\s+as\s+an?\s+{PERCENT}\s+of\s+(.+)$", I), _part_of_whole),
    (LazyRegex(rf"^(.+?)\s*{PERCENT}\s+of\s+what(?:\s+number)?\s+is\s+(.+)$", I), _whole_from_part),
    (LazyRegex(rf"^(.+?)\s+is\s+(.+?)\s*{PERCENT}\s+of\s+what(?:\s+number)?$", I),
     lambda part, percent: _whole_from_part(percent, part)),
    (LazyRegex(rf"^what(?:\s+number)?\s+is\s+(.+?)\s*{PERCENT}\s+of\s+(.+)$", I), _percent_of),
    (LazyRegex(rf"^(.+?)\s*{PERCENT}\s+off\s+(.+)$", I), lambda p, b: _scaled("decrease", b, p)),
    (LazyRegex(rf"^(increase|decrease)\s+(.+?)\s+by\s+(.+?)\s*{PERCENT}$", I), _scaled),
    (LazyRegex(rf"^(.+?)\s+(increased|decreased)\s+by\s+(.+?)\s*{PERCENT}$", I),
     lambda b, verb, p: _scaled(verb, b, p)),
    (LazyRegex(rf"^(?:the\s+)?{PERCENT}\s+(change|increase|decrease)\s+(?:from|between)\s+(.+?)\s+(?:to|and)\s+"
                 r"(.+)$", I), _percent_change),
    (LazyRegex(rf"^(.+?)\s*{PERCENT}\s+(more|greater|higher|less|fewer|lower|smaller)\s+than\s+(.+)$", I),
     lambda p, word, b: _scaled("increase" if word.lower() in ("more", "greater", "higher") else "decrease", b, p)),
    (LazyRegex(rf"^{LOG}\s+{BASE}(.+?)\s+of\s+(.+)$", I), lambda base, x: _log(x, base)),
    (LazyRegex(r"^log(\d+)\s*\(([^()]+)\)$", I), lambda base, x: _log(x, base)),  # log3(81), log2(1024)
    (LazyRegex(r"^(?:the\s+)?(?:natural\s+(?:log|logarithm)|ln)\s+of\s+(.+)$", I), lambda x: _natural_log(x)),
    (LazyRegex(rf"^{LOG}_\s*(\{{[^{{}}]+\}}|\d+(?:\.\d+)?)\s*(?:\(([^()]+)\)|(\d+(?:\.\d+)?))$", I),
     lambda base, inner, bare: _log(inner or bare, base)),
    (LazyRegex(rf"^{LOG}(?:\s+of\s+|\s+|(?=\())(.+?)\s*,?\s+{BASE}(.+)$", I), _log),
    (LazyRegex(r"^(.+?)\s+to\s+the\s+(?:power\s+(?:of\s+)?(.+)|(\d+)(?:st|nd|rd|th)\s+power)$", I),
     lambda b, e1, e2: _power(b, e1 or e2)),
    (LazyRegex(r"^(?:the\s+)?(square|cube)\s+of\s+(.+)$", I),
     lambda which, e: _unary("({})^" + ("2" if which.lower() == "square" else "3"), e)),
    (LazyRegex(r"^(?:the\s+)?reciprocal\s+of\s+(.+)$", I), lambda e: _unary("1/({})", e)),
    (LazyRegex(r"^(?:the\s+)?(?:absolute\s+value|modulus|magnitude)\s+of\s+(.+)$", I),
     lambda e: _unary("abs({})", e)),
    (LazyRegex(r"^(?:convert\s+)?(.+?)\s+(?:as|to|in(?:to)?)\s+(?:an?\s+)?decimals?(?:\s+(?:form|number))?$", I),
     _as_decimal),
    (LazyRegex(r"^(?:the\s+)?(fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\s+root\s+of\s+"
                 r"(.+)$", I),
     _root),
]


def match(question: str) -> RoutedCall | None:
    return worded_plan(question, RULES)
