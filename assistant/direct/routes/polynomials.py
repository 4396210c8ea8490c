"""Polynomial sentences: expand, collect the terms, give a named coefficient of a stated form, and simplify a
product of powers of one positive letter.

    Expand (-3*z + 5 - 5)*(13 - 35 + 9 - 112*z + 11).                 -> 336*z**2 + 6*z
    Collect the terms in 68082*z + 2*z**2 - 3*z**2 - 136118*z.          -> -z**2 - 68036*z
    Express (-24 - 30*d)*(-1 + 4 - 1) in the form a*d + r and give r.   -> -48
    Simplify (o**5*o/o**(1/8)*o)**(7/10) assuming o is positive.        -> o**(77/16)

The calls go to the symbolic tool's letter operations (every letter a variable), checked with Python Fractions.
"""
from __future__ import annotations

import re

from ..plan import CheckKind, RoutedCall
from .reading import letters_in, polynomial, powers_of, sentence_plan

I = re.IGNORECASE
V = r"([A-Za-z])"
FORM_TERM = re.compile(r"^([A-Za-z])(?:\s*\*\s*([A-Za-z])(?:\s*\*\*\s*(\d{1,2})|\^(\d{1,2}))?)?$")  # powers < 100


def _plan(call: str, understood: str) -> RoutedCall:
    return RoutedCall("symbolic", call, understood, CheckKind.TOOL)


def _expand(body: str) -> RoutedCall | None:
    read = polynomial(body)
    if read is None:
        return None
    return _plan(f"expand_letters({read[0]})", f"expand {read[0]}")


def _form_powers(form: str) -> tuple[str, dict[str, int]] | None:
    """`n*u**4 + g*u**3 + p + z*u` -> ("u", {"n": 4, "g": 3, "p": 0, "z": 1}); None unless every term is one
    named coefficient times a distinct power of the one variable."""
    powers: dict[str, int] = {}
    variables = set()
    for term in re.split(r"\s*\+\s*", form.strip()):
        m = FORM_TERM.match(term)
        if not m:
            return None
        name, var, power = m.group(1), m.group(2), m.group(3) or m.group(4)
        if name in powers:
            return None
        if var:
            variables.add(var)
        powers[name] = int(power) if power else 1 if var else 0
    if len(variables) != 1 or len(set(powers.values())) != len(powers):
        return None
    (var,) = variables
    return (var, powers) if var not in powers else None


def _coefficient(body: str, form: str, asked: str) -> RoutedCall | None:
    from tools.symbolic import rational_poly

    read, shape = polynomial(body), _form_powers(form)
    if read is None or shape is None or asked not in shape[1]:
        return None
    var, powers = shape
    if letters_in(read[1]) != {var}:
        return None
    poly = rational_poly.from_tree(read[1])
    if any(dict(m).get(var, 0) not in powers.values() for m in poly):  # a term the form has no place for
        return None
    return _plan(f"coefficient_of({read[0]}, {var}, {powers[asked]})",
                 f"the coefficient {asked} of {var}^{powers[asked]} in {read[0]}")


def _coefficient_of(body: str, var: str, power: str | None) -> RoutedCall | None:
    read = polynomial(body)
    if read is None or letters_in(read[1]) != {var}:
        return None
    k = int(power) if power else 1
    return _plan(f"coefficient_of({read[0]}, {var}, {k})", f"the coefficient of {var}^{k} in {read[0]}")


def _power(body: str, var: str) -> RoutedCall | None:
    text = powers_of(body, var)
    if text is None:
        return None
    return _plan(f"power_simplify({text})", f"{text} for positive {var}")


RULES = [
    (re.compile(r"^expand(?:\s*(?:,\s*)?(?:and|then)\s+simplify)?\s*:?\s+(.+)$", I), _expand),
    (re.compile(r"^(?:collect|combine)\s+(?:the\s+)?(?:like\s+)?terms\s*(?:in|of|:)?\s+(.+)$", I), _expand),
    (re.compile(rf"^(?:(?:what\s+is|find|give)\s+)?(?:the\s+)?coefficient\s+of\s+{V}(?:\s*(?:\*\*|\^)\s*(\d{{1,2}}))?"
                r"\s+in\s+(?:the\s+expansion\s+of\s+)?(.+)$", I), lambda v, k, body: _coefficient_of(body, v, k)),
    (re.compile(rf"^(?:express|rearrange|write)\s+(.+?)\s+(?:in\s+the\s+form|to\s+the\s+form|as|to)\s+(.+?)\s+"
                rf"and\s+give\s+{V}$", I), _coefficient),
    (re.compile(rf"^simplify\s+(.+?)\s+assuming\s+{V}\s+is\s+positive$", I), _power),
]


def match(question: str) -> RoutedCall | None:
    return sentence_plan(question, RULES)
