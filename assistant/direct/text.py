"""Shared clean-up of questions as people type them: polite openers, trailing marks, number words."""
from __future__ import annotations

import re

OPENERS = re.compile(
    r"^\s*(?:(?:please|pls|hey|ok|so)\s*,?\s+)?(?:(?:can|could|would)\s+you\s+(?:please\s+)?)?"
    r"(?:what(?:'s|\s+is|\s+are)|whats|calculate|compute|evaluate|find|work\s+out|determine|tell\s+me|give\s+me|"
    r"show\s+me|solve|simplify\s+the\s+number|how\s+much\s+is)?\s*(?:the\s+value\s+of\s+)?",
    re.IGNORECASE,
)
TRAILING = re.compile(r"[\s?.=]+$")  # not "!": 100! is a factorial

WORD_OPERATORS = [
    (r"\bmultiplied\s+by\b", "*"), (r"\btimes\b", "*"), (r"\bdivided\s+by\b", "/"), (r"\bplus\b", "+"),
    (r"\bminus\b", "-"), (r"\bto\s+the\s+power\s+of\b", "^"), (r"\braised\s+to(?:\s+the\s+power\s+of)?\b", "^"),
    (r"\bsquared\b", "^2"), (r"\bcubed\b", "^3"), (r"\bpercent\b", "%"), (r"\bmodulo\b", "mod"),
    (r"\bover\b", "/"),
]


def strip_question(text: str) -> str:
    """`What is 2^100?` -> `2^100`; keeps the mathematical content untouched."""
    text = text.strip()
    text = TRAILING.sub("", text)
    match = OPENERS.match(text)
    if match and match.end() > 0:
        text = text[match.end():]
    return TRAILING.sub("", text).strip()


def words_to_operators(text: str) -> str:
    for pattern, op in WORD_OPERATORS:
        text = re.sub(pattern, f" {op} ", text, flags=re.IGNORECASE)
    # runs of spaces become one space, but a line break stays: the parser must see it to refuse reading
    # two lines as one product ("2^10\n3*7" is two questions, not 2^10*3*7)
    return re.sub(r"[^\S\n]+", " ", re.sub(r"\s*\n\s*", "\n", text)).strip()


# "6/2(1+2)" is 9 read left to right and 1 when the juxtaposed product binds first; "1/2x" is x/2 to some and
# 1/(2x) to others. A division whose divisor is a number (or one letter) glued to a following factor is not
# read by the direct route: the question goes on rather than be answered under a guessed convention.
# words that may follow a divisor: "2^70 / 3 rounded down" divides by 3, nothing is glued to it
_WORDS = (r"(?:of|mod|modulo|and|to|for|from|as|with|at|in|over|times|plus|minus|percent|is|d[a-z]|rounded|round|"
          r"correct|when|written|significant|decimal|sig|places?|digits?|base|increased|decreased)\b")
AMBIGUOUS_DIVISION = re.compile(r"/\s*(?:\d+(?:\.\d+)?\s*(?:\(|(?!" + _WORDS + r")[A-Za-z])|[A-Za-z]\b\s*\()")


def ambiguous_division(text: str) -> bool:
    return AMBIGUOUS_DIVISION.search(text) is not None
