"""Algebra sentences: solve for the unknown asked (a linear equation or system, the real roots of a polynomial
equation when they are rational or square roots), factor a polynomial, and continue or describe a sequence with a
polynomial pattern (the next term, the general term, the k-th term).

    Solve -35*q - 57*q - 679 = 241 for q.                    -> -10
    Solve 2*g - 336 + 344 = v, -2*v = 34*g + 136 for v.       -> 0 (only the unknown asked)
    Determine v so that ... = 0. / Find z, given that ... = 0. -> -9800, -1, 1, 7 (distinct, increasing)
    What comes next: -414870, -829752, -1244644, -1659546?     -> -2074458
    What is the i'th term of 104579, 209147, 313707, 418259?   -> -4*i**2 + 104580*i + 3

Letters are unknowns (the i of "for i" is not the imaginary unit): the calls go to the symbolic tool's letter
operations, whose checks substitute back and recount with Python Fractions.
"""
from __future__ import annotations

import re

from tools.parsing import Node, Relation

from ..plan import CheckKind, RoutedCall
from .reading import equation, letters_in, numbers, polynomial, sentence_plan

I = re.IGNORECASE
V = r"([A-Za-z])"
ASK = r"(?:what\s+is|calculate|find|determine|give|solve\s+for|work\s+out|compute)"
OPENER = r"(?:(?:what\s+is|find|give|determine)\s+)?(?:the\s+)?"
SEQUENCE = r"(?:the\s+)?(?:sequence\s*|series\s*)?:?\s*"


def _plan(call: str, understood: str) -> RoutedCall:
    return RoutedCall("symbolic", call, understood, CheckKind.TOOL)


# letters the general symbolic route reads as constants (the imaginary unit, Euler's number)
CONSTANT_LETTERS = frozenset("ie")


def _system(equations: str, var: str | None) -> tuple[list[tuple[str, Node]], str] | None:
    """The equations (text, tree) and the unknown asked; as many unknowns as equations, so one solution."""
    pieces = [equation(p) for p in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", equations.strip())]
    if not pieces or any(p is None for p in pieces):
        return None
    letters = set().union(*(letters_in(tree) for _, tree in pieces))
    if var is None:
        if len(letters) != 1 or len(pieces) != 1:
            return None
        (var,) = letters
    if var not in letters or len(letters) != len(pieces):
        return None
    if len(pieces) > 1 and not _one_solution([tree for _, tree in pieces], sorted(letters)):
        return None
    return pieces, var


def _one_solution(trees: list[Relation], unknowns: list[str]) -> bool:
    """A linear system with a nonzero determinant (a system with many or no solutions is not claimed)."""
    from tools.symbolic import rational_poly as rp

    rows = rp.linear_rows([_difference(tree) for tree in trees], unknowns)
    return rows is not None and rp.determinant(rows) != 0


def _difference(tree: Relation):
    from tools.symbolic import rational_poly as rp

    return rp.add(rp.from_tree(tree.left), rp.scale(rp.from_tree(tree.right), -1))


def _solve(equations: str, var: str | None) -> RoutedCall | None:
    read = _system(equations, var)
    return None if read is None else _solve_plan(*read)


def _solve_plan(pieces: list[tuple[str, Node]], var: str) -> RoutedCall:
    texts = [text for text, _ in pieces]
    return _plan(f"solve_for({', '.join(texts)}, {var})", f"{var} where {', '.join(texts)}")


def _solve_sentence(equations: str, asked: str | None) -> RoutedCall | None:
    """"Solve ..." is also the general symbolic route's, which answers with the set of solutions ({4}, {x: 1,
    y: 2}). Taken here: "Solve ... for v" of a linear equation or system (the value of v alone), and any reading
    with a letter the symbolic route would misread (i, e). An equation of degree 2 or more stays there: its roots
    may be complex, which that route gives and solve_for declines."""
    read = _system(equations, asked)
    if read is None:
        return None
    pieces, var = read
    misread = any(letters_in(tree) & CONSTANT_LETTERS for _, tree in pieces)
    if not misread and (asked is None or len(pieces) == 1 and _degree(pieces[0][1], var) >= 2):
        return None
    return _solve_plan(pieces, var)


def _degree(tree: Relation, var: str) -> int:
    from tools.symbolic import rational_poly as rp

    return rp.degree(_difference(tree), var)


def _factor(body: str) -> RoutedCall | None:
    read = polynomial(body)
    if read is None:
        return None
    return _plan(f"factor_letters({read[0]})", f"factor {read[0]}")


def _pattern_confirmed(terms: list[str]) -> bool:
    """Differences taken again and again become constant while two or more remain: a polynomial pattern with a
    term to spare. Anything else (1, 2, 4, 8, 16) is not claimed here; the tool's check recounts it."""
    from fractions import Fraction

    from tools.parsing import parse
    from tools.symbolic import rational_poly as rp

    row = [rp.constant_value(rp.from_tree(parse(t))) for t in terms]
    while len(set(row)) > 1 and len(row) > 1:
        row = [b - a for a, b in zip(row, row[1:])]
    return len(row) >= 2 and all(isinstance(v, Fraction) for v in row)


def _sequence(listed: str) -> list[str] | None:
    terms = numbers(listed)
    return terms if terms is not None and len(terms) >= 3 and _pattern_confirmed(terms) else None


def _next(listed: str) -> RoutedCall | None:
    terms = _sequence(listed)
    if terms is None:
        return None
    return _plan(f"next_term({', '.join(terms)})", f"the term after {', '.join(terms)}")


def _nth(var: str, listed: str) -> RoutedCall | None:
    terms = _sequence(listed)
    if terms is None:
        return None
    return _plan(f"nth_term({var}, {', '.join(terms)})", f"the {var}'th term of {', '.join(terms)}")


def _term_at(position: str, listed: str) -> RoutedCall | None:
    terms = _sequence(listed)
    if terms is None or not 1 <= int(position) <= 10**9:
        return None
    return _plan(f"term_at({int(position)}, {', '.join(terms)})", f"term {int(position)} of {', '.join(terms)}")


RULES = [
    (re.compile(rf"^solve\s+(.+?=.+?)\s+for\s+{V}$", I), _solve_sentence),
    (re.compile(r"^solve\s+([^,]+?=[^,]+)$", I), lambda eq: _solve_sentence(eq, None)),
    (re.compile(rf"^(?:let|suppose)\s+([^.]+?=[^.]+)\.\s+{ASK}\s+{V}$", I), _solve),
    (re.compile(rf"^{ASK}\s+{V}\s*,?\s+(?:(?:given|provided|assuming)\s+that|if|when|where)\s+(.+=.+)$", I),
     lambda v, eq: _solve(eq, v)),
    (re.compile(rf"^{ASK}\s+{V}\s*,?\s+(?:so|such)\s+that\s+(.+=.+)$", I), lambda v, eq: _solve(eq, v)),
    (re.compile(rf"^what\s+is\s+{V}\s+in\s+(.+=.+)$", I), lambda v, eq: _solve(eq, v)),
    (re.compile(r"^factor(?:i[sz]e)?\s+(.+)$", I), _factor),
    (re.compile(r"^what\s+(?:comes|is)\s+next\s*(?::|in)\s*(?:the\s+sequence\s*)?:?\s*(.+)$", I), _next),
    (re.compile(rf"^{OPENER}next\s+(?:term|number|value)\s+(?:in|of)\s+{SEQUENCE}(.+)$", I), _next),
    (re.compile(rf"^{OPENER}{V}'?th\s+term\s+(?:of|in|for)\s+{SEQUENCE}(.+)$", I), _nth),
    (re.compile(rf"^{OPENER}(\d{{1,10}})(?:st|nd|rd|th)\s+term\s+(?:of|in)\s+{SEQUENCE}(.+)$", I), _term_at),
]


def match(question: str) -> RoutedCall | None:
    return sentence_plan(question, RULES)
