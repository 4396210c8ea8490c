"""Comparison sentences: which of two numbers is greater, whether a comparison holds, the k-th biggest or the
nearest of a list or of lettered options, a list sorted. Numbers are compared exactly (fractions and decimals
as written) by the symbolic tool's ordering operations, which recount every answer with Python Fractions.

    Which is greater: 102791/313 or 328?            -> 102791/313
    Is -2/9 at least -1? / Are 0.2 and 3 equal?       -> True / False
    Which is the second biggest value? (a) ... (b) .. -> the letter
    What is the nearest to 2/61 in 0.1, 3, ...?       -> the number as written
    Sort 4, 7111874, -1, 3 in ascending order.        -> -1, 3, 4, 7111874
    Compare 3/7 and 0.43.                             -> 3/7 < 0.43
"""
from __future__ import annotations

import re

from ..plan import CheckKind, RoutedCall, first_plan
from .reading import number, numbers, options, ordinal, sentence

I = re.IGNORECASE
BIGGER = r"(?:greater|bigger|larger|higher)"
SMALLER = r"(?:smaller|less|lesser|lower)"
ORDINAL = r"(?:(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\s+)?"
EXTREME = r"(biggest|largest|greatest|highest|smallest|least|lowest)"

# "Is a WORDS b": the comparison the words name; longer phrases first ("at most as big as" before "at most")
RELATION_WORDS = [
    (r"(?:greater|bigger|larger)\s+than\s+or\s+equal\s+to", ">="),
    (r"(?:less|smaller)\s+than\s+or\s+equal\s+to", "<="),
    (r"at\s+least\s+as\s+(?:big|large|great)\s+as", ">="), (r"at\s+most\s+as\s+(?:big|large|great)\s+as", "<="),
    (r"at\s+least", ">="), (r"at\s+most", "<="), (r"(?:greater|bigger|larger)\s+than", ">"),
    (r"(?:less|smaller)\s+than", "<"), (r"not\s+equal\s+to|unequal\s+to|different\s+from", "!="),
    (r"equal\s+to", "="), (r"<=|≤", "<="), (r">=|≥", ">="), (r"!=|≠", "!="), (r"<", "<"), (r">", ">"), (r"=", "="),
]
UNEQUAL = r"(?:unequal|nonequal|non-equal|not\s+equal|different)"


def _plan(call: str, understood: str) -> RoutedCall:
    return RoutedCall("symbolic", call, understood, CheckKind.TOOL)


def _pair(word: str, a: str, b: str) -> RoutedCall | None:
    a, b = number(a), number(b)
    if a is None or b is None:
        return None
    largest = re.fullmatch(BIGGER, word, I) is not None
    op = "kth_largest" if largest else "kth_smallest"
    return _plan(f"{op}(1, {a}, {b})", f"the {'larger' if largest else 'smaller'} of {a} and {b}")


def _holds(a: str, op: str, b: str) -> RoutedCall | None:
    a, b = number(a), number(b)
    if a is None or b is None:
        return None
    return _plan(f"truth_of({a} {op} {b})", f"is {a} {op} {b}?")


def _is(text: str) -> RoutedCall | None:
    m = re.match(r"^is\s+(.+)$", text, I)
    if not m:
        return None
    for words, op in RELATION_WORDS:
        separator = rf"\s+(?:{words})\s+" if words[0].isalpha() else rf"\s*(?:{words})\s*"  # words need spaces
        parts = re.split(separator, m.group(1), flags=I)
        if len(parts) == 2:
            return _holds(parts[0], op, parts[1])
    return None


def _are(text: str) -> RoutedCall | None:
    m = re.match(rf"^are\s+(.+?)\s+and\s+(.+?)\s+(equal|{UNEQUAL})$", text, I) or re.match(
        rf"^do\s+(.+?)\s+and\s+(.+?)\s+have\s+(the\s+same|{UNEQUAL})\s+values?$", text, I)
    if not m:
        m = re.match(r"^does\s+(.+?)\s*(=)\s*(.+)$", text, I)
        return _holds(m.group(1), "=", m.group(3)) if m else None
    same = re.fullmatch(r"equal|the\s+same", m.group(3), I) is not None
    return _holds(m.group(1), "=" if same else "!=", m.group(2))


def _kth(word: str | None, extreme: str, listed: str, lettered: bool) -> RoutedCall | None:
    k = ordinal(word)
    items = _items(listed, lettered)
    if k is None or items is None:
        return None
    largest = re.fullmatch(r"biggest|largest|greatest|highest", extreme, I) is not None
    op = "kth_largest" if largest else "kth_smallest"
    rank = f"{word} {extreme}" if word else extreme
    return _plan(f"{op}({k}, {', '.join(items)})", f"the {rank} of {', '.join(items)}")


def _items(listed: str, lettered: bool) -> list[str] | None:
    if lettered:
        pairs = options(listed)
        return None if pairs is None else [f"{label} = {value}" for label, value in pairs]
    return numbers(listed)


def _nearest(target: str, listed: str, lettered: bool) -> RoutedCall | None:
    target, items = number(target), _items(listed, lettered)
    if target is None or items is None or len(items) < 2:
        return None
    return _plan(f"nearest_to({target}, {', '.join(items)})", f"the nearest to {target} of {', '.join(items)}")


def _sort(listed: str, order: str | None) -> RoutedCall | None:
    items = numbers(listed)
    if items is None or len(items) < 2:
        return None
    descending = bool(order) and re.fullmatch(r"descending|decreasing", order, I) is not None
    op = "sort_descending" if descending else "sort_ascending"
    return _plan(f"{op}({', '.join(items)})", f"{', '.join(items)} in {'de' if descending else 'in'}creasing order")


END = r"(smallest|least|lowest|largest|greatest|biggest|highest)"


def _sort_from(listed: str, start: str, end: str) -> RoutedCall | None:
    """"from smallest to largest" is ascending; "from largest to smallest" descending; anything else unread."""
    low = {w: bool(re.fullmatch(r"smallest|least|lowest", w, I)) for w in (start, end)}
    if low[start] == low[end]:
        return None
    return _sort(listed, "ascending" if low[start] else "descending")


def _compare(a: str, b: str) -> RoutedCall | None:
    a, b = number(a), number(b)
    if a is None or b is None:
        return None
    return _plan(f"compare_numbers({a}, {b})", f"compare {a} and {b}")


Q = r"^(?:which|what)\s+is\s+(?:the\s+)?"
RULES = [
    (re.compile(r"^compare\s+(.+?)\s+(?:and|with|to)\s+(.+)$", I), _compare),
    (re.compile(rf"^which\s+(?:number\s+|one\s+)?is\s+({BIGGER}|{SMALLER})\s*[:,]?\s+(.+?)\s+or\s+(.+)$", I), _pair),
    (re.compile(rf"{Q}{ORDINAL}{EXTREME}\s+(?:value|number)\s*\?\s*(\(a\).+)$", I),
     lambda w, e, items: _kth(w, e, items, True)),
    (re.compile(rf"{Q}{ORDINAL}{EXTREME}\s+(?:value|number)\s+(?:in|of|among)\s+(.+)$", I),
     lambda w, e, items: _kth(w, e, items, False)),
    (re.compile(rf"{Q}(?:closest|nearest)\s+(?:value\s+|number\s+)?to\s+(.+?)\s*\?\s*(\(a\).+)$", I),
     lambda t, items: _nearest(t, items, True)),
    (re.compile(rf"{Q}(?:closest|nearest)\s+(?:value\s+|number\s+)?to\s+(.+?)\s+(?:in|of|among)\s+(.+)$", I),
     lambda t, items: _nearest(t, items, False)),
    (re.compile(r"^(?:which|what)\s+(?:number\s+|value\s+|one\s+)?is\s+(?:the\s+)?(?:closest|nearest|closer|nearer)"
                r"\s+to\s+(.+?)\s*[:,]\s*(.+)$", I), lambda t, items: _nearest(t, items, False)),
    (re.compile(rf"{Q}{ORDINAL}{EXTREME}(?:\s+(?:value|number|one))?\s*(?:\s(?:in|of|among)\s|:)\s*(.+)$", I),
     lambda w, e, items: _kth(w, e, items, False)),
    (re.compile(r"^(?:sort|put|order|arrange|list|rank)\s+(.+?)(?:\s+in\s+(ascending|increasing|descending|"
                r"decreasing)\s+order)?$", I), _sort),
    (re.compile(rf"^(?:sort|put|order|arrange|list|rank)\s+(.+?)\s+from\s+(?:the\s+)?{END}\s+to\s+(?:the\s+)?{END}$",
                I), _sort_from),
]


def match(question: str) -> RoutedCall | None:
    text = sentence(question)
    if not text or len(text) > 5_000:
        return None
    plan = first_plan(RULES, text)
    if plan is not None:
        return plan
    if re.match(r"^(?:is|are|do|does)\s", text, I):
        return _is(text) or _are(text)
    return None
