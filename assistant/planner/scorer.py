"""The tuned model as a scorer: enumerate short chains over the question's numbers, let the model rank them.

The writer (loop.py) lets the model write a chain token by token; a 270M model often goes wrong at the first
number it picks. Here the host writes every one-operation chain `a op b` and every two-operation chain
(`a op b`, then `r op c` or `c op r` with r the first output) over the question's numbers, in exactly the
text the tuned-plain adapter was trained on (training/chain.py `pieces`: the calls without spaces, as the
GSM8K annotations and calx's generated problems write them, `output_markup` for the host's outputs, the
result as the last output writes it). Every call is run by calx's calculator through the planner's own
run_tool; chains that fail a check are dropped; the model's log-likelihood of the tokens it would write
(calls and result, not the prompt or the outputs) ranks the rest.

Two-operation chains grow from the best first calls only (a beam): all of them would be 24 per first call.
"""
from __future__ import annotations

import re
import time
from dataclasses import dataclass
from typing import Callable, Sequence

import tools
from assistant.answer import Step

from . import checks
from .grammar import question_numbers
from .markup import output_markup
from .numbers import numbers_in, to_fraction

MIN_NUMBERS, MAX_NUMBERS = 2, 5  # outside this the writer plans (one number: nothing to combine; more: too many)
OPS = ("+", "-", "*", "/")
BEAM = 4  # first calls (and then two-call chains) kept at each stage of the search
_BATCH = 8  # candidates scored between two looks at the clock
NORMS = ("sum", "mean")  # rank by the summed log-prob, or by the mean per scored token
_PLAIN_NUMBER = re.compile(r"\d+(?:\.\d+)?")  # an output the model could write back into the next call


def call_pieces(step: Step) -> list[tuple[str, bool]]:
    """A call as the model writes it, marked token-wise: the markup that follows from the token before it
    (`get id="calculator">` after `<gad`, `gadget>` after `</`) is not scored. Its log-prob is about 1e-5
    under the tuned model and the same for every candidate, and each scored token costs a row of 262,144
    logits; what is scored is the choice to call (`<gad`, against `<result`), the expression, and the
    choice to end it there (`</`)."""
    return [("<gad", True), (f'get id="{step.tool}">', False), (step.input, True), ("</", True), ("gadget>", False)]


def result_pieces(result: str) -> list[tuple[str, bool]]:
    return [("<result", True), (">", False), (result, True), ("</", True), ("result>", False)]


@dataclass(frozen=True)
class Candidate:
    steps: tuple[Step, ...]  # the calculator calls, run
    result: str  # as the last output writes it (before " = around ...")
    used: tuple[str, ...] = ()  # the question's numbers its calls used (a later call takes the others)

    def pieces(self, prompt: str, *, calls: int | None = None, result: bool = True,
               scored_from: int = 0) -> list[tuple[str, bool]]:
        """The chain's text (training/chain.py `pieces` for the same chain, byte for byte) as (text, scored).

        `calls`, `result`: a prefix of it (the first `calls` calls with their outputs, then the result or not);
        `scored_from`: calls before this one are context, not scored (an earlier stage scored them)."""
        steps = self.steps if calls is None else self.steps[:calls]
        out = [(prompt, False)]
        for i, step in enumerate(steps):
            out += [(text, scored and i >= scored_from) for text, scored in call_pieces(step)]
            out.append((output_markup(step.output), False))
        if result:
            out += result_pieces(self.result)
        return out

    def text(self) -> str:
        return "".join(text for text, _ in self.pieces(""))


@dataclass
class _Scored:
    """A candidate's log-prob so far, summed over the stages that scored its parts."""

    candidate: Candidate
    logprob: float = 0.0
    tokens: int = 0

    def add(self, score) -> "_Scored":
        return _Scored(self.candidate, self.logprob + score.logprob, self.tokens + score.tokens)


@dataclass(frozen=True)
class Ranked:
    candidate: Candidate
    logprob: float
    tokens: int
    candidates: int  # how many complete chains were scored
    runner_up: float | None  # the next best score (same norm), for the margin
    evaluated_tokens: int  # tokens run through the model for this question

    def key(self, norm: str) -> float:
        return _key(self.logprob, self.tokens, norm)


# numbers a question says in words, written as calx's training chains write them: "a fifth of 95" is 95/5,
# "twice as many" a *2, "half an hour" 30/2 (training/synthetic.py); ordinals ("the third day") are not fractions
_IMPLIED = (
    (re.compile(r"\b(?:half|halves|twice|double[sd]?)\b", re.I), "2"),
    (re.compile(r"\b(?:(?:a|one) third|triple[sd]?|thrice)\b", re.I), "3"),
    (re.compile(r"\b(?:a|one) (?:quarter|fourth)\b", re.I), "4"),
    (re.compile(r"\b(?:a|one) fifth\b", re.I), "5"),
    (re.compile(r"\bdozens?\b", re.I), "12"),
)
# "40% off", "25 percent of": the training chains write p% of a as one call, a*p/100
_PERCENT = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s*(?:%|percent\b|per cent\b)", re.I)


def candidate_numbers(question: str) -> list[str] | None:
    """The question's distinct numbers (those it says in words too), or None when there are too few or too
    many to enumerate."""
    implied = [value for pattern, value in _IMPLIED if pattern.search(question)]
    numbers = question_numbers([*numbers_in(question), *implied], ())
    return numbers if MIN_NUMBERS <= len(numbers) <= MAX_NUMBERS else None


def percents_in(question: str) -> list[str]:
    return question_numbers([m.group(1) for m in _PERCENT.finditer(question)], ())


class ChainScorer:
    def __init__(self, model, run_tool: Callable[..., tools.ToolResult], *, tool_timeout: float,
                 norm: str = "sum", beam: int = BEAM):
        if norm not in NORMS:
            raise ValueError(f"unknown norm {norm!r}; one of {', '.join(NORMS)}")
        self.model = model
        self.run_tool = run_tool
        self.tool_timeout = tool_timeout
        self.norm = norm
        self.beam = beam
        self._calls: dict[str, Step | None] = {}  # one question's calculator calls, each run once
        self.last_scored: list[_Scored] = []  # the last question's complete chains, for bench/scorer_dev.py
        self.evaluated = 0  # tokens the model evaluated for the last question

    def best(self, question: str, prompt: str, deadline: float) -> Ranked | None:
        """The best-scored chain that passes the checks; None when there is nothing to rank (the writer plans).

        A beam over the chain's parts: every first call is scored, the best BEAM get their one-call endings
        (a result) and, with a third number, their second calls; the best BEAM two-call chains get theirs."""
        numbers = candidate_numbers(question)
        if numbers is None or not hasattr(self.model, "score"):
            return None
        self._calls, self.evaluated = {}, 0
        calls = self.one_operation(numbers, deadline) + self.percent_of(numbers, percents_in(question), deadline)
        firsts = self._stage(prompt, [_Scored(c) for c in calls], deadline, calls=1, result=False)
        ones = _best([s for s in firsts if _passes(question, s.candidate)], self.beam)
        complete = self._stage(prompt, ones, deadline, calls=1, result=True, scored_from=1)
        if len(numbers) > 2 and time.perf_counter() < deadline:
            top = _best(firsts, self.beam)  # a first call that fails the checks as an answer may still be a first step
            grown = [_Scored(c, s.logprob, s.tokens) for s in top for c in self.two_operations(s.candidate, numbers, deadline)]
            seconds = self._stage(prompt, grown, deadline, calls=2, result=False, scored_from=1)
            ends = [s for s in seconds if _passes(question, s.candidate)]
            complete += self._stage(prompt, _best(ends, self.beam), deadline, calls=2, result=True, scored_from=2)
        self.last_scored = complete
        return self._choose(complete)

    def _stage(self, prompt: str, items: list[_Scored], deadline: float, **parts) -> list[_Scored]:
        """Score one more part of each candidate (the pieces `parts` selects), in text order: neighbours share
        the KV cache. Past the deadline the rest go unscored (the best of those scored still answers)."""
        items = sorted(items, key=lambda s: s.candidate.text())
        out: list[_Scored] = []
        for at in range(0, len(items), _BATCH):
            if time.perf_counter() > deadline:
                break
            group = items[at: at + _BATCH]
            scores = self.model.score([s.candidate.pieces(prompt, **parts) for s in group])
            self.evaluated += sum(getattr(score, "evaluated_tokens", 0) for score in scores)
            out += [s.add(score) for s, score in zip(group, scores)]
        return out

    # -- enumeration ---------------------------------------------------------------------------------------
    def one_operation(self, numbers: Sequence[str], deadline: float) -> list[Candidate]:
        out = []
        for a in numbers:
            for b in numbers:
                if a == b:
                    continue
                for op in OPS:
                    if time.perf_counter() > deadline:
                        return out
                    step = self._call(f"{a}{op}{b}")
                    if step is not None:
                        out.append(Candidate((step,), _written(step), (a, b)))
        return out

    def percent_of(self, numbers: Sequence[str], percents: Sequence[str], deadline: float) -> list[Candidate]:
        """`a*p/100` for each percent p and other number a. Only p counts as used: "40% off $270" goes on
        with 270-108, as the training chains do."""
        out = []
        for p in percents:
            for a in numbers:
                if a != p and time.perf_counter() < deadline and (step := self._call(f"{a}*{p}/100")) is not None:
                    out.append(Candidate((step,), _written(step), (p,)))
        return out

    def two_operations(self, first: Candidate, numbers: Sequence[str], deadline: float) -> list[Candidate]:
        r = first.result
        if not _PLAIN_NUMBER.fullmatch(r):
            return []  # a fraction or a negative output: the model's chains do not write those back
        out = []
        for c in numbers:
            if c in first.used:
                continue  # every number of the question at most once
            for op in OPS:
                for expr in (f"{r}{op}{c}", f"{c}{op}{r}"):
                    if time.perf_counter() > deadline:
                        return out
                    step = self._call(expr)
                    if step is not None:
                        out.append(Candidate((first.steps[0], step), _written(step), (*first.used, c)))
        return out

    def _call(self, expr: str) -> Step | None:
        """The calculator's answer to one call, or None when it failed (division by zero)."""
        if expr not in self._calls:
            result = self.run_tool("calculator", expr, timeout=self.tool_timeout)
            ok = result.ok and to_fraction(result.output.split(" = ")[0]) is not None
            self._calls[expr] = Step("calculator", expr, result.output, result.ms) if ok else None
        return self._calls[expr]

    # -- ranking -------------------------------------------------------------------------------------------
    def _choose(self, complete: list[_Scored]) -> Ranked | None:
        if not complete:
            return None
        ranked = sorted(complete, key=lambda s: -_key(s.logprob, s.tokens, self.norm))
        best = ranked[0]
        runner_up = _key(ranked[1].logprob, ranked[1].tokens, self.norm) if len(ranked) > 1 else None
        return Ranked(best.candidate, best.logprob, best.tokens, len(ranked), runner_up, self.evaluated)


def _best(items: list[_Scored], n: int) -> list[_Scored]:
    return sorted(items, key=lambda s: -s.logprob)[:n]


def _written(step: Step) -> str:
    # the result as the last output writes it ("13.6", "9/4"), as training/build_data.py wrote the results
    return step.output.split(" = ")[0].strip()


def _passes(question: str, candidate: Candidate) -> bool:
    """The planner's checks as filters: a count must be a whole non-negative number, and no word problem
    this mode is for has a negative answer (a backwards subtraction is what the filter removes)."""
    value = to_fraction(candidate.result)
    if value is None or value < 0:
        return False
    check = checks.plausible(question, candidate.result)
    return check is None or check.passed is not False


def _key(logprob: float, tokens: int, norm: str) -> float:
    return logprob / max(tokens, 1) if norm == "mean" else logprob
