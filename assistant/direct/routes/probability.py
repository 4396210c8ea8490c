"""Probabilities of draws without replacement, and of exactly k successes in n fair rolls or tosses.

"Calculate prob of sequence dw when two letters picked without replacement from evefdfde." (the letters in that
order), "Three letters picked without replacement from {z: 6, v: 5}. Give prob of picking 1 v and 2 z." (any order),
"What is the probability of exactly 2 sixes in 4 rolls of a die?".

A sequence is the product of step-by-step chances (count left / letters left); a level set is
prod C(count, picks) / C(total, drawn), checked by summing the step-by-step chances over every order of the draws.
"""
from __future__ import annotations

import re
from collections import Counter

from ..literals import LazyRegex, count_value
from ..plan import CheckKind, RoutedCall

I = re.IGNORECASE
BAG = r"(\{[^{}]*\}|[a-z]+)"
DRAWN = r"([a-z]+|\d+)\s+letters?\s+(?:are\s+)?(?:picked|drawn|chosen|selected)\s+without\s+replacement\s+from\s+"
ASK = r"(?:(?:what\s+is|calculate|give|find)\s+(?:the\s+)?)?(?:prob|probability)\s+of\s+"
EVENT = r"(sequence\s+[a-z]+|picking\s+[^.?]+?)"
FORMS = [
    LazyRegex(rf"^{ASK}{EVENT}\s+(?:when|if)\s+{DRAWN}{BAG}\s*[.?]?$", I),
    LazyRegex(rf"^{DRAWN}{BAG}\s*[.]\s*{ASK}{EVENT}\s*[.?]?$", I),
]
MAX_DRAWS = 12


def read_bag(text: str) -> Counter | None:
    """"{z: 6, v: 5}" or "evefdfde" -> letter counts."""
    text = text.strip()
    if not text.startswith("{"):
        return Counter(text.lower())
    bag = Counter()
    for part in text[1:-1].split(","):
        found = re.fullmatch(r"\s*([a-z])\s*:\s*(\d+)\s*", part, I)
        if not found or found.group(1).lower() in bag:
            return None
        bag[found.group(1).lower()] = int(found.group(2))
    return bag


def read_picks(text: str) -> Counter | None:
    """"1 t, 1 e and 1 n" -> {t: 1, e: 1, n: 1}."""
    picks = Counter()
    for part in re.split(r"\s*(?:,\s*and\s+|,|\band\b)\s*", text.strip()):
        found = re.fullmatch(r"(\d+|[a-z]+)\s+([a-z])", part, I)
        count = count_value(found.group(1)) if found else None
        if count is None or found.group(2).lower() in picks:
            return None
        picks[found.group(2).lower()] = count
    return picks


def sampling(*groups: str) -> RoutedCall | None:
    event, drawn_text, bag_text = _arrange(groups)
    drawn, bag = count_value(drawn_text), read_bag(bag_text)
    if drawn is None or bag is None or not 1 <= drawn <= MAX_DRAWS:
        return None
    total = sum(bag.values())
    kind, _, detail = event.strip().partition(" ")
    if kind.lower() == "sequence":
        return _sequence(detail.strip().lower(), drawn, bag, total)
    picks = read_picks(detail)
    if picks is None or sum(picks.values()) != drawn:
        return None
    return _level_set(picks, drawn, bag, total)


def _arrange(groups: tuple[str, ...]) -> tuple[str, str, str]:
    """The two sentence orders give (event, drawn, bag) or (drawn, bag, event)."""
    if groups[0].lower().startswith(("sequence", "picking")):
        return groups[0], groups[1], groups[2]
    return groups[2], groups[0], groups[1]


def _sequence(letters: str, drawn: int, bag: Counter, total: int) -> RoutedCall | None:
    if len(letters) != drawn or drawn > total:
        return None
    left, factors = Counter(bag), []
    for step, letter in enumerate(letters):
        factors.append(f"{max(left[letter], 0)}/{total - step}")
        left[letter] -= 1
    call = " * ".join(factors)
    return RoutedCall("calculator", call, f"P(sequence {letters}) drawing {drawn} of {total} letters",
                      CheckKind.ARITHMETIC)


def _level_set(picks: Counter, drawn: int, bag: Counter, total: int) -> RoutedCall | None:
    if drawn > total:
        return None
    chosen = "*".join(f"binomial({bag[letter]}, {count})" for letter, count in picks.items())
    call = f"{chosen}/binomial({total}, {drawn})"
    return RoutedCall("calculator", call, f"P(picking {dict(picks)}) drawing {drawn} of {total} letters",
                      CheckKind.LEVEL_SET)


# "exactly 2 sixes in 4 rolls of a die", "exactly 3 heads in 5 tosses of a coin"
DICE = LazyRegex(r"^(?:what\s+is\s+|find\s+|calculate\s+)?(?:the\s+)?probability\s+of\s+(?:getting\s+|rolling\s+)?"
                  r"exactly\s+(\w+)\s+(ones|twos|threes|fours|fives|sixes|heads|tails)\s+in\s+(\w+)\s+"
                  r"(?:rolls?\s+of\s+a\s+(?:fair\s+)?(?:six-sided\s+)?(?:die|dice)|(?:fair\s+)?(?:die|dice)\s+rolls?|"
                  r"(?:tosses|flips)\s+of\s+a\s+(?:fair\s+)?coin|(?:fair\s+)?coin\s+(?:tosses|flips))\s*[.?]?$", I)


def exactly_k(successes: str, face: str, trials: str) -> RoutedCall | None:
    k, n = count_value(successes), count_value(trials)
    coin = face.lower() in ("heads", "tails")
    if k is None or n is None or not 0 <= k <= n <= 10_000:
        return None
    p = "1/2" if coin else "1/6"
    q = "1/2" if coin else "5/6"
    call = f"binomial({n}, {k}) * ({p})^{k} * ({q})^{n - k}"
    return RoutedCall("calculator", call, f"P(exactly {k} {face} in {n} independent trials)", CheckKind.ARITHMETIC)


def match(question: str) -> RoutedCall | None:
    text = question.strip()
    for form in FORMS:
        found = form.match(text)
        if found:
            return sampling(*found.groups())
    found = DICE.match(text)
    if found and (found.group(2).lower() in ("heads", "tails")) == bool(re.search(r"coin", text, I)):
        return exactly_k(*found.groups())
    return None
