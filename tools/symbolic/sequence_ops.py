"""Polynomial sequences, each operation beside its check by Python Fractions:

    next_term(a1, ..., an)    the next term;  nth_term(n, a1, ...)  the general term;  term_at(k, a1, ...)  the k-th

A pattern is claimed only when a term more than its degree needs confirms it. The checks use a table of
differences (the next term), Newton's forward differences (the k-th term), and the general term at every index.
"""
from __future__ import annotations

from fractions import Fraction

import sympy as sp

from ..base import ToolFailure
from . import rational_poly as rp
from .letters import fraction, letter, letters_to_sympy, result_poly, whole
from .operation import CheckResult, Operation, Outcome

MAX_TERMS = 40  # sequence length
MAX_POSITION = 10**9  # the farthest term asked for by its position


def _terms(nodes) -> list:
    if not 3 <= len(nodes) <= MAX_TERMS:
        raise ToolFailure("arity", f"a sequence of 3 to {MAX_TERMS} terms is read")
    terms = [letters_to_sympy(n) for n in nodes]
    if not all(t.is_Rational for t in terms):
        raise ToolFailure("domain", "the terms must be numbers")
    return terms


def _general_term(terms, var):
    """The polynomial of least degree through (1, a1), (2, a2), ...; a degree of n - 1 fits any n numbers, so
    a pattern is claimed only when at least one term more than the degree needs confirms it."""
    poly = sp.expand(sp.interpolate(list(enumerate(terms, start=1)), var))
    degree = sp.degree(poly, var) if poly.free_symbols else 0
    if degree > len(terms) - 2:
        raise ToolFailure("domain", "no polynomial pattern of low enough degree: the terms do not determine one")
    return poly


def next_term(ctx, args) -> Outcome:
    terms = _terms(args)
    n = sp.Symbol("n")
    value = _general_term(terms, n).subs(n, len(terms) + 1)
    return Outcome("next_term", value, {"terms": [Fraction(int(t.p), int(t.q)) for t in terms]})


def term_at(ctx, args) -> Outcome:
    position = whole(args[0], "the position", 1, MAX_POSITION)
    terms = _terms(args[1:])
    n = sp.Symbol("n")
    value = _general_term(terms, n).subs(n, position)
    return Outcome("term_at", value, {"terms": [Fraction(int(t.p), int(t.q)) for t in terms], "position": position})


def nth_term(ctx, args) -> Outcome:
    var = letter(args[0], "index")
    terms = _terms(args[1:])
    value = _general_term(terms, var)
    return Outcome("nth_term", value, {"terms": [Fraction(int(t.p), int(t.q)) for t in terms], "var": var.name})


# -- checks -----------------------------------------------------------------------------------------

def _differences(terms: list[Fraction]) -> list[list[Fraction]]:
    """Rows of differences down to the first constant row; that row must have two entries or more."""
    rows = [list(terms)]
    while len(set(rows[-1])) > 1:
        rows.append([b - a for a, b in zip(rows[-1], rows[-1][1:])])
    if len(rows[-1]) < 2:
        raise ValueError("the differences never become constant: no pattern is confirmed")
    return rows


def _next_term_check(outcome):
    rows = _differences(outcome.inputs["terms"])
    following = sum(row[-1] for row in rows)
    return [CheckResult("next term from the table of differences", following == fraction(outcome.value),
                        f"{len(rows) - 1} row(s) of differences down to a constant give {following}")]


def _term_at_check(outcome):
    """Newton's forward differences: a_k = sum over j of C(k - 1, j) times the j-th difference at the start."""
    from math import comb

    rows, k = _differences(outcome.inputs["terms"]), outcome.inputs["position"]
    value = sum(comb(k - 1, j) * row[0] for j, row in enumerate(rows))
    return [CheckResult("term from Newton's forward differences", value == fraction(outcome.value),
                        f"{len(rows)} leading difference(s) give {value}")]


def _nth_term_check(outcome):
    terms, var = outcome.inputs["terms"], outcome.inputs["var"]
    poly = result_poly(outcome.value)
    if rp.names(poly) - {var}:
        return [CheckResult("general term gives every term", False, "other letters in the general term")]
    again = [rp.evaluate(poly, {var: Fraction(k)}) for k in range(1, len(terms) + 1)]
    rows = _differences(terms)
    return [CheckResult("general term gives every term", again == terms, f"at {var} = 1..{len(terms)}"),
            CheckResult("least degree", rp.degree(poly, var) <= len(rows) - 1,
                        f"the differences are constant after {len(rows) - 1} row(s)")]


OPERATIONS = (
    Operation("next_term", next_term, {"next_term": _next_term_check}, ("next_term(3, 8, 15, 24, 35)",)),
    Operation("term_at", term_at, {"term_at": _term_at_check}, ("term_at(50, 7, 10, 13, 16)",)),
    Operation("nth_term", nth_term, {"nth_term": _nth_term_check}, ("nth_term(n, 5, 9, 13, 17)",)),
)
