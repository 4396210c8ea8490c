"""The built-in rule sets and the default simplifier built from them.

The identities are data (builtin.rules); two small functional rewriters do what patterns express
poorly: collecting like terms (x + 2x -> 3x) and exponents of the same base (x * x^2 -> x^3).
"""
from __future__ import annotations

from fractions import Fraction
from functools import lru_cache
from pathlib import Path

from .rules import Rule, load_rules
from .strategies import Chain, Fixpoint, Postwalk, Strategy
from .terms import App, Const, Term, make

RULES_FILE = Path(__file__).with_name("builtin.rules")


@lru_cache(maxsize=1)
def builtin_rules() -> tuple[Rule, ...]:
    return tuple(load_rules(RULES_FILE.read_text()))


def rule_set(name: str) -> tuple[Rule, ...]:
    """`trig`, `exp` (exponential and logarithm), `algebra`, or `all`: the sections of builtin.rules."""
    sections: dict[str, list[Rule]] = {}
    current = "all"
    rules = iter(builtin_rules())
    for line in RULES_FILE.read_text().splitlines():
        line = line.strip()
        if line.startswith("# --"):
            current = line.strip("# -").split()[0]
        elif line and not line.startswith("#"):
            sections.setdefault({"trigonometric": "trig", "exponential": "exp", "algebraic": "algebra"}
                                .get(current, current), []).append(next(rules))
    if name == "all":
        return builtin_rules()
    if name not in sections:
        raise KeyError(f"unknown rule set {name!r}; known: all, {', '.join(sections)}")
    return tuple(sections[name])


def collect_like_terms(term: Term) -> Term | None:
    """In a sum, c1*t + c2*t -> (c1 + c2)*t for numeric c1, c2."""
    if not (isinstance(term, App) and term.head == "+"):
        return None
    totals: dict[Term, Fraction] = {}
    order: list[Term] = []
    for arg in term.args:
        coeff, rest = _split_coefficient(arg)
        if rest not in totals:
            totals[rest] = Fraction(0)
            order.append(rest)
        totals[rest] += coeff
    if len(order) == len(term.args):
        return None
    parts = [make("*", (Const(totals[r]), r)) if r != Const(Fraction(1)) else Const(totals[r]) for r in order]
    return make("+", parts)


def _split_coefficient(t: Term) -> tuple[Fraction, Term]:
    if isinstance(t, Const):
        return t.value, Const(Fraction(1))
    if isinstance(t, App) and t.head == "*" and isinstance(t.args[0], Const):
        return t.args[0].value, make("*", t.args[1:])
    return Fraction(1), t


def combine_powers(term: Term) -> Term | None:
    """In a product, t^a * t^b -> t^(a+b), with numeric exponents."""
    if not (isinstance(term, App) and term.head == "*"):
        return None
    exps: dict[Term, Fraction] = {}
    order: list[Term] = []
    others: list[Term] = []
    for arg in term.args:
        if isinstance(arg, Const):
            others.append(arg)
            continue
        base, e = (arg.args[0], arg.args[1].value) if isinstance(arg, App) and arg.head == "^" and \
            isinstance(arg.args[1], Const) else (arg, Fraction(1))
        if base not in exps:
            exps[base] = Fraction(0)
            order.append(base)
        exps[base] += e
    if len(order) + len(others) == len(term.args):
        return None
    return make("*", others + [make("^", (b, Const(exps[b]))) for b in order if exps[b] != 0])


collect_like_terms.__name__ = "collect like terms"
combine_powers.__name__ = "combine powers"


def simplifier(rules=None) -> Strategy:
    """Fixpoint(Postwalk(Chain(rules + collectors))): rewrite bottom-up until nothing changes."""
    rules = list(builtin_rules() if rules is None else rules)
    return Fixpoint(Postwalk(Chain(rules + [_Named(collect_like_terms), _Named(combine_powers)])))


class _Named:
    """A functional rewriter that logs under its own name."""

    def __init__(self, fn):
        self.fn = fn

    def __call__(self, term):
        return self.fn(term)

    def __str__(self) -> str:
        return self.fn.__name__
