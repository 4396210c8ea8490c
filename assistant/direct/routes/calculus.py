"""Derivatives of polynomials in letters, partial ones included: every other letter is a constant.

    What is the second derivative of 84*h**5*n*w**2 - 377*h**3*n*w**2 wrt h?   -> 1680*h**3*n*w**2 - 2262*h*n*w**2
    Differentiate g**2*h**2*l**2 - 23*g with respect to g.                     -> 2*g*h**2*l**2 - 23

The letters i and e are variables here (8*c**5*i**2 keeps its i**2); the call goes to the symbolic tool's
diff_letters, whose check differentiates again term by term with Python Fractions. A derivative of anything
that is not a polynomial (sin x, e**x) is left to the general symbolic route.
"""
from __future__ import annotations

import re

from ..plan import CheckKind, RoutedCall
from .reading import letters_in, ordinal, polynomial, sentence

I = re.IGNORECASE
V = r"([A-Za-z])"
ORDER = r"(?:(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\s+)?"
WRT = rf"(?:\s+(?:wrt|w\.r\.t\.?|with\s+respect\s+to)\s+{V})?"
OPENER = r"^(?:(?:what\s+is|find|calculate|compute|give|determine|work\s+out)\s+)?(?:the\s+)?"


def _derivative(order_word: str | None, body: str, var: str | None) -> RoutedCall | None:
    order = ordinal(order_word)
    read = polynomial(body)
    if order is None or read is None:
        return None
    letters = letters_in(read[1])
    if var is None:
        if len(letters) != 1:
            return None
        (var,) = letters
    text = read[0]
    call = f"diff_letters({text}, {var}{', ' + str(order) if order > 1 else ''})"
    return RoutedCall("symbolic", call, f"d^{order}/d{var}^{order} of {text}" if order > 1 else f"d/d{var} of {text}",
                      CheckKind.TOOL)


RULES = [
    (re.compile(rf"{OPENER}{ORDER}(?:partial\s+)?derivative\s+of\s+(.+?){WRT}$", I), _derivative),
    (re.compile(rf"^differentiate\s+(.+?){WRT}$", I), lambda body, var: _derivative(None, body, var)),
]


def match(question: str) -> RoutedCall | None:
    text = sentence(question)
    if not text or len(text) > 10_000:
        return None
    for pattern, build in RULES:
        m = pattern.match(text)
        plan = build(*m.groups()) if m else None
        if plan is not None:
            return plan
    return None
