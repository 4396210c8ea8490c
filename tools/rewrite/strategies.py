"""Composable rewriters in the manner of SymbolicUtils.jl, with explicit limits as in egg's Runner.

A rewriter is any callable `term -> term | None` (None: "does not apply"). Strategies combine them:
Chain, RestartedChain, Prewalk, Postwalk, Fixpoint, IfElse, PassThrough. Every strategy counts its
steps against one Limits object (rewrite steps, term size, wall time), which raises LimitReached
with the best term so far rather than running on.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Callable

from .terms import App, Term, make, size

Rewriter = Callable[[Term], "Term | None"]


class LimitReached(Exception):
    def __init__(self, reason: str, term: Term | None = None):
        super().__init__(reason)
        self.reason = reason
        self.term = term


@dataclass
class Limits:
    max_steps: int = 10_000  # rule applications that changed something
    max_size: int = 20_000  # nodes in any term produced
    seconds: float = 2.0
    steps: int = 0
    log: list[str] = field(default_factory=list)  # names of rules that fired, in order (first 200)
    _deadline: float = 0.0

    def start(self) -> "Limits":
        self._deadline = time.monotonic() + self.seconds
        self.steps = 0
        return self

    def check_time(self, term: Term) -> None:
        if time.monotonic() > self._deadline:
            raise LimitReached(f"time limit of {self.seconds:g} s", term)

    def check_size(self, before: Term, after: Term) -> None:
        if size(after) > self.max_size:
            raise LimitReached(f"a term grew beyond {self.max_size} nodes", before)

    def tick(self, before: Term, after: Term, name: str = "") -> None:
        self.steps += 1
        if name and len(self.log) < 200:
            self.log.append(name)
        if self.steps > self.max_steps:
            raise LimitReached(f"more than {self.max_steps} rewrite steps", after)
        if size(after) > self.max_size:
            raise LimitReached(f"a term grew beyond {self.max_size} nodes", before)
        if time.monotonic() > self._deadline:
            raise LimitReached(f"time limit of {self.seconds:g} s", after)


class Strategy:
    limits: Limits | None = None

    def bind(self, limits: Limits) -> "Strategy":
        self.limits = limits
        for child in self.children():
            if isinstance(child, Strategy):
                child.bind(limits)
        return self

    def children(self) -> list:
        return []

    def apply(self, rw, term: Term) -> Term | None:
        if self.limits is not None:
            self.limits.check_time(term)
        out = rw(term)
        if out is not None and out != term and self.limits is not None and not isinstance(rw, Strategy):
            self.limits.tick(term, out, str(rw))
        return None if out == term else out


class Chain(Strategy):
    """Apply each rewriter in turn to the result so far; None if none applied."""

    def __init__(self, rewriters: list):
        self.rewriters = list(rewriters)

    def children(self):
        return self.rewriters

    def __call__(self, term: Term) -> Term | None:
        changed = False
        for rw in self.rewriters:
            out = self.apply(rw, term)
            if out is not None:
                term, changed = out, True
        return term if changed else None


class RestartedChain(Strategy):
    """Try rewriters in order; after the first that applies, start again from the first."""

    def __init__(self, rewriters: list):
        self.rewriters = list(rewriters)

    def children(self):
        return self.rewriters

    def __call__(self, term: Term) -> Term | None:
        changed = False
        while True:
            for rw in self.rewriters:
                out = self.apply(rw, term)
                if out is not None:
                    term, changed = out, True
                    break
            else:
                return term if changed else None


class _Walk(Strategy):
    """A traversal applying one rewriter over a whole term; subclasses choose the order in `_walk`."""

    def __init__(self, rw):
        self.rw = rw

    def children(self):
        return [self.rw]

    def __call__(self, term: Term) -> Term | None:
        out = self._walk(term)
        return None if out == term else out

    def _walk(self, term: Term) -> Term:
        raise NotImplementedError


class Postwalk(_Walk):
    """Rewrite children first, then the node (bottom-up)."""

    def _walk(self, term: Term) -> Term:
        if isinstance(term, App):
            args = tuple(self._walk(a) for a in term.args)
            if args != term.args:
                term = make(term.head, args)
        out = self.apply(self.rw, term)
        return term if out is None else out


class Prewalk(_Walk):
    """Rewrite the node first, then its children (top-down)."""

    def _walk(self, term: Term) -> Term:
        out = self.apply(self.rw, term)
        if out is not None:
            term = out
        if isinstance(term, App):
            args = tuple(self._walk(a) for a in term.args)
            if args != term.args:
                term = make(term.head, args)
        return term


class Fixpoint(Strategy):
    """Apply until nothing changes (bounded by the limits, and by cycle detection)."""

    def __init__(self, rw):
        self.rw = rw

    def children(self):
        return [self.rw]

    def __call__(self, term: Term) -> Term | None:
        seen = {term}
        changed = False
        while True:
            out = self.apply(self.rw, term)
            if out is None or out in seen:
                return term if changed else None
            if self.limits is not None:
                self.limits.check_size(term, out)  # the whole term, not just the node a rule rewrote
            seen.add(out)
            term, changed = out, True


class IfElse(Strategy):
    def __init__(self, cond: Callable[[Term], bool], yes, no):
        self.cond, self.yes, self.no = cond, yes, no

    def children(self):
        return [self.yes, self.no]

    def __call__(self, term: Term) -> Term | None:
        return self.apply(self.yes if self.cond(term) else self.no, term)


class PassThrough(Strategy):
    """Return the term unchanged instead of None: makes a rewriter total."""

    def __init__(self, rw):
        self.rw = rw

    def children(self):
        return [self.rw]

    def __call__(self, term: Term) -> Term:
        out = self.apply(self.rw, term)
        return term if out is None else out


def run(strategy: Strategy, term: Term, limits: Limits | None = None) -> tuple[Term, Limits, str | None]:
    """Run a strategy under limits: (result, limits with the rule log, reason if a limit stopped it)."""
    limits = (limits or Limits()).start()
    strategy.bind(limits)
    try:
        out = strategy(term)
        return (term if out is None else out), limits, None
    except LimitReached as stop:
        return (stop.term if stop.term is not None else term), limits, stop.reason
    except RecursionError:
        return term, limits, "term nested too deeply"
