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
from .reading import letters_in, number, ordinal, polynomial, sentence_plan

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


def _derivative_at(order_word: str | None, body: str, var: str | None, named: str | None,
                   point: str) -> RoutedCall | None:
    """The derivative's value at a point: "... at x = 2", "... wrt x when x = -1", "... at 1/2"."""
    order, read, value = ordinal(order_word), polynomial(body), number(point)
    if order is None or read is None or value is None:
        return None
    letters = letters_in(read[1])
    var = var or named
    if var is None:
        if len(letters) != 1:
            return None
        (var,) = letters
    # "the derivative of x^2 at y = 2": the point is not the variable's, or not this polynomial's
    if var not in letters or named and named != var:
        return None
    return RoutedCall("symbolic", f"diff_at({read[0]}, {var}, {order}, {value})",
                      f"the derivative of order {order} of {read[0]} in {var} at {var} = {value}", CheckKind.TOOL)


RULES = [
    (re.compile(rf"{OPENER}{ORDER}(?:partial\s+)?derivative\s+of\s+(.+?){WRT}$", I), _derivative),
    (re.compile(rf"^differentiate\s+(.+?){WRT}$", I), lambda body, var: _derivative(None, body, var)),
    (re.compile(rf"{OPENER}{ORDER}derivative\s+of\s+(.+?){WRT}\s+(?:at|when|where)\s+(?:{V}\s*=\s*)?(.+)$", I),
     lambda n, body, var, named, point: _derivative_at(n, body, var, named, point)),
]


def match(question: str) -> RoutedCall | None:
    return sentence_plan(question, RULES)
