"""Rules as data: `sin(~x)^2 + cos(~x)^2 => 1`, read by the safe parser, never evaluated.

`~x` matches one term, `~~xs` any number of arguments (a segment), `~n::integer` only terms that
satisfy a named predicate. A rule on `+` or `*` also matches inside a longer sum or product, the
other terms passing through untouched (SymbolicUtils' `@acrule`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Callable

from ..parsing import ParseError, TooDeepError, parse
from ..parsing.functions import canonical
from .matching import match
from .terms import AC, App, Const, Sym, Term, Var, from_tree, make

PATTERN_VAR = re.compile(r"~(~?)([A-Za-z_]\w*)(?:::([A-Za-z_]\w*))?")

PREDICATES: dict[str, Callable[[Term], bool]] = {
    "number": lambda t: isinstance(t, Const),
    "integer": lambda t: isinstance(t, Const) and t.value.denominator == 1,
    "positive": lambda t: isinstance(t, Const) and t.value > 0,
    "nonzero": lambda t: not (isinstance(t, Const) and t.value == 0),
    "symbol": lambda t: isinstance(t, Sym),
    "even": lambda t: isinstance(t, Const) and t.value.denominator == 1 and t.value % 2 == 0,
    "odd": lambda t: isinstance(t, Const) and t.value.denominator == 1 and t.value % 2 == 1,
}


class RuleError(ValueError):
    pass


@dataclass(frozen=True)
class Rule:
    lhs: Term
    rhs: Term
    text: str = ""

    def __call__(self, term: Term) -> Term | None:
        """The rewritten term, or None if the rule does not apply at the top of `term`."""
        if isinstance(self.lhs, App) and self.lhs.head in AC and isinstance(term, App) and term.head == self.lhs.head:
            return self._ac_apply(term)
        for bindings in match(self.lhs, term, {}, PREDICATES):
            return substitute(self.rhs, bindings)
        return None

    def _ac_apply(self, term: App) -> Term | None:
        # match the rule's arguments against a sub-multiset of the term's; the rest passes through
        rest = Var("__rest", True)
        pattern = App(self.lhs.head, self.lhs.args + (rest,))
        for bindings in match(pattern, term, {}, PREDICATES):
            leftover = bindings.pop("__rest", ())
            return make(term.head, (substitute(self.rhs, bindings),) + tuple(leftover))
        return None

    def __str__(self) -> str:
        return self.text


def substitute(t: Term, bindings: dict) -> Term:
    if isinstance(t, Var):
        value = bindings.get(t.name)
        if value is None:
            raise RuleError(f"~{t.name} appears on the right of a rule but not on the left")
        return value
    if isinstance(t, App):
        args: list[Term] = []
        for a in t.args:
            if isinstance(a, Var) and a.segment:
                args.extend(bindings.get(a.name, ()))
            else:
                args.append(substitute(a, bindings))
        return make(t.head, args)
    return t


def _pattern_text(text: str) -> tuple[str, frozenset[str]]:
    """`~x::integer` -> `pv__x__integer`: names the lexer reads; and the user functions to apply."""
    def name(m: re.Match) -> str:
        return ("seg__" if m.group(1) else "pv__") + m.group(2) + ("__" + m.group(3) if m.group(3) else "")

    for m in PATTERN_VAR.finditer(text):
        if m.group(3) and m.group(3) not in PREDICATES:
            raise RuleError(f"unknown predicate ::{m.group(3)}; known: {', '.join(PREDICATES)}")
    plain = PATTERN_VAR.sub(name, text)
    applied = frozenset(n for n in re.findall(r"([A-Za-z_]\w*)\s*\(", plain) if canonical(n) is None)
    return plain, applied


def read_term(text: str) -> Term:
    plain, applied = _pattern_text(text)
    try:
        return from_tree(parse(plain, applied=applied))
    except TooDeepError:
        raise
    except ParseError as exc:
        shown = text if len(text) <= 60 else text[:57] + "..."
        raise RuleError(f"cannot read {shown!r}: {exc.message}") from None


def parse_rule(text: str) -> Rule:
    if text.count("=>") != 1:
        raise RuleError(f"a rule is `pattern => replacement`, got {text!r}")
    left, right = text.split("=>")
    lhs, rhs = read_term(left), read_term(right)
    if isinstance(lhs, Var):
        raise RuleError("a rule's left side must not be a bare pattern variable")
    _check_bound(lhs, rhs)
    return Rule(lhs, rhs, text.strip())


def _check_bound(lhs: Term, rhs: Term) -> None:
    def names(t: Term) -> set[str]:
        if isinstance(t, Var):
            return {t.name}
        if isinstance(t, App):
            return set().union(*(names(a) for a in t.args)) if t.args else set()
        return set()
    missing = names(rhs) - names(lhs)
    if missing:
        raise RuleError(f"~{sorted(missing)[0]} appears on the right of a rule but not on the left")


def load_rules(source: str | Path) -> list[Rule]:
    """Rules from a file or a text: one `pattern => replacement` per line; `#` starts a comment."""
    text = Path(source).read_text() if isinstance(source, Path) or (
        isinstance(source, str) and "\n" not in source and source.endswith(".rules")) else source
    rules = []
    for number, line in enumerate(text.splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        try:
            rules.append(parse_rule(line))
        except RuleError as exc:
            raise RuleError(f"line {number}: {exc}") from None
    return rules


def const(v) -> Const:
    return Const(Fraction(v))
