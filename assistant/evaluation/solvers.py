"""What answers the questions during a run: the assistant (direct route and planner), or the model alone.

A SolverSpec is plain data so that worker processes can build their own solver from it; the
solver itself (with its loaded model) never crosses a process boundary.
"""
from __future__ import annotations

import time
from dataclasses import dataclass

from tools.base import DEFAULT_TIMEOUT

# Modes: "tools" = the full assistant; "direct" = the direct route only (no model);
# "no-tools" = `--ablate tools`: the same model answers with no tools and no direct route.
MODES = ("tools", "direct", "no-tools")

# the no-tools baseline may only write a number: the same constraint the planner's <result> has
NUMBER_GRAMMAR = 'root ::= " "? "-"? [0-9]+ ("." [0-9]+)? ("/" [0-9]+)? "\\n"\n'


@dataclass(frozen=True)
class SolverSpec:
    mode: str = "tools"
    model: str | None = None
    server: str | None = None
    tool_timeout: float = DEFAULT_TIMEOUT
    wall_seconds: float | None = None  # the planner's per-question wall-clock budget; None: its default
    planner_mode: str | None = None  # "write" | "score" (Options.mode); None: the planner's (CALX_PLANNER_MODE)


@dataclass
class Outcome:
    predicted: str | None
    route: str
    chain: str = ""
    tool_calls: int = 0
    ms: float = 0.0
    verified: bool | None = None
    model: str | None = None
    error: str | None = None


class AssistantSolver:
    def __init__(self, spec: SolverSpec):
        from assistant import Assistant

        budgets = None
        if spec.wall_seconds is not None:
            from assistant.planner.budgets import Budgets

            # a batch run on a busy machine should measure the model, not the machine's load
            budgets = Budgets(wall_seconds=spec.wall_seconds, tool_timeout=spec.tool_timeout)
        options = None
        if spec.planner_mode:
            from assistant.planner import Options

            options = Options(mode=spec.planner_mode)
        self.assistant = Assistant(model=spec.model, server=spec.server, tool_timeout=spec.tool_timeout,
                                   use_planner=spec.mode == "tools", budgets=budgets, options=options)

    def solve(self, question: str) -> Outcome:
        start = time.perf_counter()
        answer = self.assistant.ask(question)
        ms = (time.perf_counter() - start) * 1000
        error = None if answer.error is None else f"{answer.error.type}: {answer.error.message}"
        return Outcome(predicted=answer.answer if answer.answer is not None else answer.decimal, route=answer.route,
                       chain=answer.chain, tool_calls=len(answer.steps), ms=round(ms, 1), verified=answer.verified,
                       model=answer.model, error=error)


class NoToolsSolver:
    """The ablation: the planner's own few-shot problems, answers only, decoded under a number grammar."""

    def __init__(self, spec: SolverSpec):
        from assistant.models import resolve_model

        self.model = resolve_model(spec.model, spec.server)

    def solve(self, question: str) -> Outcome:
        from assistant.planner.prompt import build_direct_prompt

        start = time.perf_counter()
        grammar = NUMBER_GRAMMAR if getattr(self.model, "supports_grammar", False) else None
        try:
            text = "".join(self.model.complete(build_direct_prompt(question), stop=["\n"], grammar=grammar, max_tokens=24))
            error = None
        except Exception as exc:  # a failing backend is one wrong item, reported, not a crashed run
            text, error = "", f"{type(exc).__name__}: {exc}"
        ms = (time.perf_counter() - start) * 1000
        predicted = text.strip() or None
        return Outcome(predicted=predicted, route="no-tools", chain=text, ms=round(ms, 1),
                       model=getattr(self.model, "name", None), error=error)


def make_solver(spec: SolverSpec):
    if spec.mode not in MODES:
        raise ValueError(f"unknown mode {spec.mode!r}; one of {', '.join(MODES)}")
    return NoToolsSolver(spec) if spec.mode == "no-tools" else AssistantSolver(spec)
