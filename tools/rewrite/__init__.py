"""The `rewrite` gadget: Symbolics-style rule rewriting on a small term language (no SymPy needed).

Input: an expression, optionally followed by `;`-separated rules or a rule-set choice:
    sin(x)^2 + cos(x)^2
    simplify(exp(log(y)) + 2 y)
    f(a + b); f(~x + ~y) => f(~x) + f(~y)
    sin(x)^2 + cos(x)^2 + 1; using trig
Without rules, the built-in identities (builtin.rules) run as Fixpoint(Postwalk(Chain(...))).
Every result is checked against the input at random points (mpmath); limits bound every run.

API: `rewrite(expr_text, rules=None, strategy=None, limits=None) -> Rewritten`, `parse_rule`,
`load_rules(path_or_text)`, and the strategies (Chain, Postwalk, Fixpoint, ...) for composing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..base import DEFAULT_TIMEOUT, ToolFailure, ToolResult, guarded
from ..parsing import Call, ParseError, TooDeepError, parse
from .builtin import builtin_rules, rule_set, simplifier
from .numeric import agree
from .rules import Rule, RuleError, load_rules, parse_rule, read_term
from .strategies import (Chain, Fixpoint, IfElse, Limits, LimitReached, PassThrough, Postwalk, Prewalk,
                         RestartedChain, Strategy, run)
from .terms import Term, from_tree, size, to_text


@dataclass
class Rewritten:
    before: Term
    after: Term
    fired: list[str]
    stopped: str | None  # the limit that ended the run early, if any
    steps: int


def rewrite(expr: str | Term, rules: list[Rule] | None = None, strategy: Strategy | None = None,
            limits: Limits | None = None) -> Rewritten:
    term = read_term(expr) if isinstance(expr, str) else expr
    if strategy is None:
        strategy = simplifier() if rules is None else Fixpoint(Postwalk(Chain(list(rules))))
    out, used, stopped = run(strategy, term, limits)
    return Rewritten(term, out, list(used.log), stopped, used.steps)


class RewriteTool:
    name = "rewrite"

    def run(self, text: str, *, timeout: float = DEFAULT_TIMEOUT) -> ToolResult:
        return guarded(self._run, text, timeout)

    def _run(self, text: str, timeout: float) -> ToolResult:
        expr_text, rules = _read_input(text)
        try:
            term = read_term(expr_text)
        except RuleError as exc:
            raise ToolFailure("parse", str(exc)) from None
        except (TooDeepError, RecursionError):
            raise ToolFailure("too_deep", "expression nested too deeply") from None
        except ValueError as exc:
            raise ToolFailure("unsupported", str(exc)) from None
        if size(term) > 20_000:
            raise ToolFailure("too_large", "expression has more than 20,000 nodes")
        limits = Limits(seconds=max(0.05, min(timeout * 0.8, 10.0)))
        result = rewrite(term, rules, limits=limits)
        answer = to_text(result.after)
        passed, detail = agree(result.before, result.after)
        checks = [{"name": "identity at random points", "passed": passed, "detail": detail}]
        if result.stopped:
            checks.append({"name": "rewriting finished", "passed": None, "detail": f"stopped early: {result.stopped}"})
        fired = ", ".join(dict.fromkeys(result.fired)) or "no rule applied"
        return ToolResult.success(answer, answer, answer=answer, understood=to_text(result.before), checks=checks,
                                  rules_fired=result.fired[:50], steps=result.steps, pretty=answer,
                                  detail=f"{result.steps} rewrite steps: {fired}"[:500])


def _read_input(text: str) -> tuple[str, list[Rule] | None]:
    parts = [p.strip() for p in text.split(";") if p.strip()]
    if not parts:
        raise ToolFailure("parse", "empty input")
    expr = parts[0]
    m = re.fullmatch(r"(?:simplify|rewrite)\s*\((.*)\)", expr, re.S)
    if m:
        expr = m.group(1)
    rules: list[Rule] | None = None
    for part in parts[1:]:
        using = re.fullmatch(r"using\s+([\w,\s]+)", part)
        try:
            if using:
                rules = (rules or []) + [r for name in re.split(r"[,\s]+", using.group(1)) if name
                                         for r in rule_set(name)]
            else:
                rules = (rules or []) + [parse_rule(part)]
        except (RuleError, KeyError) as exc:
            raise ToolFailure("parse", str(exc).strip("'\"")) from None
    return expr, rules


TOOL = RewriteTool()

__all__ = ["TOOL", "RewriteTool", "Rewritten", "rewrite", "Rule", "parse_rule", "load_rules", "read_term",
           "builtin_rules", "rule_set", "simplifier", "Limits", "Chain", "RestartedChain", "Prewalk",
           "Postwalk", "Fixpoint", "IfElse", "PassThrough", "to_text"]
