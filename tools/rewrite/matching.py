"""Pattern matching with backtracking: a generator of bindings, so a later failure tries the next way.

For `+` and `*` (associative, commutative) every assignment of pattern arguments to term arguments
is tried, and a segment variable takes what is left. The number of attempts is bounded by the
caller's limits (see strategies.Limits), since AC matching is exponential in the worst case.
"""
from __future__ import annotations

from typing import Callable, Iterator

from .terms import AC, App, Term, Var

MAX_AC_ARGS = 8  # AC matching beyond this many arguments is skipped (up to n! orderings)


def match(pattern: Term, term: Term, bindings: dict, predicates: dict[str, Callable]) -> Iterator[dict]:
    if isinstance(pattern, Var):
        yield from _bind(pattern, term, bindings, predicates)
        return
    if not isinstance(pattern, App):
        if pattern == term:
            yield bindings
        return
    if not isinstance(term, App) or term.head != pattern.head:
        return
    if pattern.head in AC:
        yield from _match_ac(list(pattern.args), list(term.args), pattern.head, bindings, predicates)
    else:
        yield from _match_seq(list(pattern.args), list(term.args), bindings, predicates)


def _bind(var: Var, term: Term, bindings: dict, predicates) -> Iterator[dict]:
    if var.predicate and not predicates[var.predicate](term):
        return
    bound = bindings.get(var.name)
    if bound is None:
        yield {**bindings, var.name: term}
    elif bound == term:
        yield bindings


def _match_seq(patterns: list[Term], terms: list[Term], bindings: dict, predicates) -> Iterator[dict]:
    if not patterns:
        if not terms:
            yield bindings
        return
    first, rest = patterns[0], patterns[1:]
    if isinstance(first, Var) and first.segment:
        for k in range(len(terms) + 1):
            chunk = tuple(terms[:k])
            bound = bindings.get(first.name)
            if bound is not None and bound != chunk:
                continue
            yield from _match_seq(rest, terms[k:], {**bindings, first.name: chunk}, predicates)
        return
    if not terms:
        return
    for b in match(first, terms[0], bindings, predicates):
        yield from _match_seq(rest, terms[1:], b, predicates)


def _match_ac(patterns: list[Term], terms: list[Term], head: str, bindings: dict, predicates) -> Iterator[dict]:
    if len(terms) > MAX_AC_ARGS:
        return
    segments = [p for p in patterns if isinstance(p, Var) and p.segment]
    fixed = [p for p in patterns if not (isinstance(p, Var) and p.segment)]
    # match the most specific pattern arguments first: compounds prune the search fastest
    fixed.sort(key=lambda p: 0 if isinstance(p, App) else 1 if not isinstance(p, Var) else 2)
    yield from _assign(fixed, terms, segments, head, bindings, predicates)


def _assign(fixed, terms, segments, head, bindings, predicates) -> Iterator[dict]:
    if not fixed:
        if not segments:
            if not terms:
                yield bindings
            return
        if len(segments) > 1:
            return  # one segment per AC pattern: enough for rules, and keeps matching linear in the rest
        seg = segments[0]
        chunk = tuple(terms)
        bound = bindings.get(seg.name)
        if bound is None or bound == chunk:
            yield {**bindings, seg.name: chunk}
        return
    first, rest = fixed[0], fixed[1:]
    for i, term in enumerate(terms):
        for b in match(first, term, bindings, predicates):
            yield from _assign(rest, terms[:i] + terms[i + 1:], segments, head, b, predicates)
