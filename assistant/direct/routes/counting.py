"""Counting: combinations, permutations and arrangements of letters.

"In how many ways can a committee of 4 be chosen from 15 people?" (binomial(15, 4)), "permutations of 5 items"
(5!), "P(10, 3)" and "10P3" (10!/7!), "C(10, 3)", "permutations of 10 things taken 3 at a time", "arrangements
of the letters of LETTER" (7!/(1!*2!*2!*1!*1!), repeated letters counted once per arrangement).
A choice is read as unordered only from words that say so (committee, team, group, subset, choose, select);
a sentence that also speaks of order (arrange, in a row, first, president) is left to the planner.
"""
from __future__ import annotations

import re
from collections import Counter

from ..literals import LazyRegex, count_value
from ..plan import CheckKind, RoutedCall
from ..text import strip_question

I = re.IGNORECASE
COUNT = r"(\d+|[a-z]+(?:-[a-z]+)?)"
MAX_N = 10_000
ORDER_WORDS = LazyRegex(r"\b(?:arrange\w*|order\w*|row|line|queue|sequence|first|second|president|chair\w*|"
                         r"captain|rank\w*|positions?|seats?|podium|distinct\s+roles?)\b", I)
GROUP = r"(?:committee|team|group|subset|hand|set|panel|selection|sample|delegation|jury)"
CHOOSE = r"(?:chosen|selected|picked|formed|drawn|made|choose|select|pick|form)"
COMBINATION_FORMS = [
    LazyRegex(rf"^(?:in\s+)?how\s+many\s+(?:different\s+|distinct\s+)?ways\s+(?:can|could|are\s+there\s+to|is\s+it\s+"
               rf"possible\s+to)\s+(?:you\s+|we\s+|one\s+|i\s+)?(?:an?\s+{GROUP}\s+of\s+)?{COUNT}\s+(?:[a-z]+\s+)?"
               rf"(?:be\s+)?{CHOOSE}\s+(?:from|out\s+of|among|of)\s+(?:a\s+(?:group|set|class|pool|team)\s+of\s+)?"
               rf"{COUNT}(?:\s+[a-z]+)?$", I),
    LazyRegex(rf"^(?:in\s+)?how\s+many\s+(?:different\s+|distinct\s+)?ways\s+(?:can|could)\s+(?:you|we|one|i)\s+"
               rf"{CHOOSE}\s+{COUNT}\s+(?:[a-z]+\s+)?(?:from|out\s+of|among|of)\s+{COUNT}(?:\s+[a-z]+)?$", I),
    LazyRegex(rf"^how\s+many\s+(?:different\s+|distinct\s+)?ways\s+(?:are\s+there\s+)?to\s+{CHOOSE}\s+{COUNT}\s+"
               rf"(?:[a-z]+\s+)?(?:from|out\s+of|among|of)\s+{COUNT}(?:\s+[a-z]+)?$", I),
    LazyRegex(rf"^(?:the\s+)?number\s+of\s+(?:ways\s+to\s+{CHOOSE}|combinations\s+of)\s+{COUNT}\s+(?:[a-z]+\s+)?"
               rf"(?:from|out\s+of|of|among)\s+{COUNT}(?:\s+[a-z]+)?$", I),
]
TAKEN = LazyRegex(rf"^(?:the\s+)?(?:number\s+of\s+)?(combinations|permutations)\s+of\s+{COUNT}\s+(?:distinct\s+)?"
                   rf"(?:[a-z]+\s+)?taken\s+{COUNT}\s+at\s+a\s+time$", I)
ALL_PERMUTATIONS = LazyRegex(rf"^(?:how\s+many\s+|the\s+number\s+of\s+)?permutations\s+(?:are\s+there\s+)?of\s+"
                              rf"{COUNT}\s+(?:distinct\s+|different\s+)?(?:items|objects|things|elements|letters|"
                              rf"people|books|numbers)(?:\s+are\s+there)?$", I)
# every item in its own place: "In how many ways can 5 people be arranged in a row?", "... on a shelf"
IN_A_ROW = LazyRegex(rf"^(?:in\s+)?how\s+many\s+(?:different\s+|distinct\s+)?ways\s+can\s+{COUNT}\s+(?:distinct\s+|"
                      rf"different\s+)?[a-z]+\s+be\s+(?:arranged|ordered|lined\s+up)(?:\s+(?:in\s+a\s+(?:row|line)|"
                      rf"on\s+a\s+shelf))?$", I)
SYMBOLS = [
    LazyRegex(r"^(P|C|nPr|nCr)\s*\(\s*(\d+)\s*,\s*(\d+)\s*\)$"),
    LazyRegex(r"^(\d+)\s*([PC])\s*(\d+)$"),
]
LETTERS = LazyRegex(r"^(?:(?:in\s+)?how\s+many\s+(?:different\s+|distinct\s+)?(?:ways\s+can\s+(?:you\s+)?"
                     r"(?:arrange\s+)?|arrangements\s+(?:are\s+there\s+)?of\s+)|(?:the\s+)?(?:number\s+of\s+)?"
                     r"(?:different\s+|distinct\s+)?(?:arrangements|permutations|rearrangements)\s+of\s+)"
                     r"the\s+letters\s+(?:of|in)\s+(?:the\s+word\s+)?\"?([A-Za-z]+)\"?(?:\s+be\s+arranged)?$", I)


def combination(k_text: str, n_text: str) -> RoutedCall | None:
    k, n = count_value(k_text), count_value(n_text)
    if k is None or n is None or not (0 <= k <= MAX_N and 0 <= n <= MAX_N):
        return None
    call = f"binomial({n}, {k})"  # 0 when k > n: there is no way to choose more than there are
    return RoutedCall("calculator", call, f"choices of {k} from {n}, order not counted", CheckKind.ARITHMETIC)


def permutation(n_text: str, k_text: str) -> RoutedCall | None:
    n, k = count_value(n_text), count_value(k_text)
    if k is None or n is None or not (0 <= k <= MAX_N and 0 <= n <= MAX_N):
        return None
    if k > n:  # no ordered choice of more items than there are
        call = f"binomial({n}, {k})*{k}!"
    else:
        call = f"{n}!" if k == n else f"{n}!/{n - k}!"
    return RoutedCall("calculator", call, f"ordered choices of {k} from {n}", CheckKind.ARITHMETIC)


def letters(word: str) -> RoutedCall | None:
    counts = Counter(word.upper())
    if len(word) > 1000:
        return None
    kinds = "*".join(f"{k}!" for k in counts.values())
    call = f"{len(word)}!/({kinds})"
    return RoutedCall("calculator", call, f"arrangements of the letters of {word.upper()}", CheckKind.ARRANGEMENTS)


def _symbols(text: str) -> RoutedCall | None:
    for form in SYMBOLS:
        found = form.match(text)
        if not found:
            continue
        a, b, c = found.groups()
        letter, n, k = (a, b, c) if form is SYMBOLS[0] else (b, a, c)
        return permutation(n, k) if letter.upper() in ("P", "NPR") else combination(k, n)
    return None


def match(question: str) -> RoutedCall | None:
    text = strip_question(question)
    plan = _symbols(text)
    if plan is not None:
        return plan
    found = LETTERS.match(text)
    if found:
        return letters(found.group(1))
    found = TAKEN.match(text)
    if found:
        kind, n, k = found.groups()
        return permutation(n, k) if kind.lower() == "permutations" else combination(k, n)
    found = ALL_PERMUTATIONS.match(text)
    if found:
        return permutation(found.group(1), found.group(1))
    found = IN_A_ROW.match(text)
    if found:
        return permutation(found.group(1), found.group(1))
    if ORDER_WORDS.search(text):
        return None
    for form in COMBINATION_FORMS:
        found = form.match(text)
        if found:
            return combination(*found.groups())
    return None
