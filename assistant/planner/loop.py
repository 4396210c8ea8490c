"""The planner: the model writes a Calc-X chain, the host runs each gadget and feeds the output back."""
from __future__ import annotations

import os
import time
from collections import Counter
from dataclasses import dataclass, replace
from typing import Callable, Iterator

import tools
from assistant.answer import Answer, AnswerError, AnswerEvent, Check, Event, Step, TokenEvent, ToolCallEvent, ToolResultEvent
from assistant.models.base import Model
from assistant.models.errors import ModelError

from . import checks
from .budgets import BudgetExceeded, Budgets
from .grammar import question_numbers, segment_grammar
from .markup import STOPS, output_markup, read_segment
from .numbers import decimal, numbers_in, show, to_fraction
from .prompt import build_prompt, build_tuned_prompt
from .scorer import ChainScorer, Ranked


# adapter prompt styles (assistant/models/adapter.py): zero-shot prompt, with ("tuned") or without thoughts
TUNED_STYLES = ("tuned", "tuned-plain")
MODES = ("write", "score")  # the model writes the chain, or ranks the chains the host enumerates (scorer.py)


def mode_from_env() -> str:
    """CALX_PLANNER_MODE=score turns the scorer on wherever a Planner is built without explicit Options
    (calx, calx eval run and its worker processes, the API); like CALX_ADAPTER, an environment key."""
    mode = os.environ.get("CALX_PLANNER_MODE", "write").strip().lower() or "write"
    if mode not in MODES:
        raise ValueError(f"CALX_PLANNER_MODE={mode!r}: one of {', '.join(MODES)}")
    return mode


@dataclass(frozen=True)
class Options:
    """The 'make a tiny model useful' switches; each one is measured in bench/eval_planner.py."""

    grammar: bool = True  # GBNF-constrained decoding (when the backend supports it)
    thoughts: bool = False  # a one-line thought before each call
    restrict_numbers: bool = False  # calculator numbers limited to the question's, outputs' and small constants
    # a result that is no tool output is replaced by the last tool output. Off by default: it cost points on
    # the Calc-X sample and on SVAMP (the model drops the sign of a backwards subtraction and is right; figures
    # in bench/RESULTS.md, "Planner options"); without it such a result stays, flagged verified=False.
    rederive: bool = False
    sanity: bool = True  # 'how many' answers must be non-negative integers
    votes: int = 1  # >1: sample that many chains and take the majority answer
    # when the greedy chain's answer is rejected (no result, implausible), sample up to this many more. It
    # gained items and lost none (bench/RESULTS.md, "Planner options"). Off by default only because the
    # extra chains stream their own token/tool events, and consumers (TUI) still assume one chain per
    # question; Options(resample=4) for batch use (evaluation) or once the UI shows a retry.
    resample: int = 0
    temperature: float = 0.0  # for votes > 1 a sampling temperature is used instead (vote_temperature)
    vote_temperature: float = 0.7
    # "score": the tuned model ranks one- and two-operation chains over the question's numbers (scorer.py);
    # the writer still plans when the question has fewer than 2 or more than 5 numbers, the model cannot
    # score (a server), or no candidate passes the checks. Not the default: on the dev sets it was no more
    # accurate than the writer and 4-7x slower (bench/results/scorer-dev.md).
    mode: str = "write"
    score_norm: str = "sum"  # "sum" of the scored tokens' log-probs, or their "mean" (bench/scorer_dev.py)


@dataclass
class _Chain:
    """One chain being written; the planner's own working state for a question."""

    question: str
    prompt: str
    text: str = ""
    tokens: int = 0
    result: str | None = None
    steps: list[Step] | None = None
    error: AnswerError | None = None
    first_token_ms: float | None = None
    reused_tokens: int = 0

    def __post_init__(self) -> None:
        self.steps = []


def _out_of_time(chain: _Chain) -> bool:
    return bool(chain.error and chain.error.type == "budget" and chain.error.message.startswith("wall"))


class Planner:
    def __init__(self, model: Model, *, budgets: Budgets | None = None, options: Options | None = None,
                 run_tool: Callable[..., tools.ToolResult] = tools.run):
        self.model = model
        self.budgets = budgets or Budgets()
        self.options = options or Options(mode=mode_from_env())
        self.run_tool = run_tool  # tools.run, or the session's own (an Assistant keeps its own python sandbox)

    def ask(self, question: str) -> Answer:
        answer = None
        for event in self.stream(question):
            if isinstance(event, AnswerEvent):
                answer = event.answer
        assert answer is not None  # stream always ends with an AnswerEvent
        return answer

    def stream(self, question: str) -> Iterator[Event]:
        start = time.perf_counter()
        deadline = start + self.budgets.wall_seconds
        was_loaded = getattr(self.model, "loaded", True)  # a GGUF loads on its first completion
        # the candidates are written as the "tuned-plain" adapter writes chains (no thought lines)
        if self.options.mode == "score" and getattr(self.model, "prompt_style", None) == "tuned-plain":
            scored = yield from self._scored_chain(question, deadline)
            if scored is not None:
                answer = self._settle(question, [scored[0]])
                answer.checks.insert(0, scored[1])
                answer.timings.update(scored[2])
                answer.timings["total_ms"] = (time.perf_counter() - start) * 1000
                checks.settle_planner_verified(answer)
                yield AnswerEvent(answer)
                return
        chains: list[_Chain] = []
        votes = max(1, self.options.votes)
        for i in range(votes):
            temperature = self.options.temperature if votes == 1 else self.options.vote_temperature
            chain = yield from self._new_chain(question, deadline, temperature, seed=i)
            chains.append(chain)
            if _out_of_time(chain):
                break  # no time left for more samples
        if votes == 1 and self.options.resample and self._final_key(question, chains[0]) is None:
            yield from self._resample(question, chains, deadline)
        answer = self._settle(question, chains)
        answer.timings["total_ms"] = (time.perf_counter() - start) * 1000
        if not was_loaded and getattr(self.model, "load_ms", None):
            answer.timings["model_load_ms"] = self.model.load_ms
        yield AnswerEvent(answer)

    def _new_chain(self, question: str, deadline: float, temperature: float, seed: int) -> Iterator[Event]:
        chain = _Chain(question, self._prompt(question))
        yield from self._write_chain(chain, deadline, temperature, seed)
        return chain

    @property
    def _tuned(self) -> bool:
        """The model carries the planner adapter: zero-shot prompt, as it was trained."""
        return getattr(self.model, "prompt_style", "fewshot") in TUNED_STYLES

    @property
    def _thoughts(self) -> bool:
        """A thought line before each call: asked for, or the adapter was trained with them ("tuned")."""
        return self.options.thoughts or getattr(self.model, "prompt_style", "fewshot") == "tuned"

    def _prompt(self, question: str) -> str:
        return build_tuned_prompt(question) if self._tuned else build_prompt(question, thoughts=self.options.thoughts)

    def _resample(self, question: str, chains: list[_Chain], deadline: float) -> Iterator[Event]:
        """The greedy chain was rejected by a check: sample more until two usable ones agree."""
        seen: Counter[str] = Counter()
        for i in range(self.options.resample):
            chain = yield from self._new_chain(question, deadline, self.options.vote_temperature, seed=i + 1)
            chains.append(chain)
            key = self._final_key(question, chain)
            if key is not None:
                seen[key] += 1
                if seen[key] >= 2:
                    return
            if _out_of_time(chain):
                return

    # -- the model as a scorer (scorer.py) -------------------------------------------------------
    def _scored_chain(self, question: str, deadline: float) -> Iterator[Event]:
        """The best-ranked enumerated chain as a _Chain, its check and timings; None: the writer plans instead."""
        prompt = self._prompt(question)
        scorer = ChainScorer(self.model, self.run_tool, tool_timeout=self.budgets.tool_timeout,
                             norm=self.options.score_norm)
        try:
            ranked = scorer.best(question, prompt, deadline)
        except ModelError:
            return None  # the writer answers, or reports the model's failure in its own words
        if ranked is None:
            return None
        chain = _Chain(question, prompt)
        chain.text = ranked.candidate.text()
        chain.result = ranked.candidate.result
        for step in ranked.candidate.steps:  # the calls were run while enumerating; shown as the writer shows them
            yield ToolCallEvent(step.tool, step.input)
            yield ToolResultEvent(step)
            chain.steps.append(step)
        return chain, _scorer_check(ranked, self.options.score_norm), {
            "candidates": float(ranked.candidates), "scored_tokens_evaluated": float(ranked.evaluated_tokens)}

    # -- one chain -------------------------------------------------------------------------
    def _write_chain(self, chain: _Chain, deadline: float, temperature: float, seed: int) -> Iterator[Event]:
        allowed = question_numbers(numbers_in(chain.question)) if self.options.restrict_numbers else None
        try:
            for _ in range(self.budgets.max_calls + 1):
                segment_text = yield from self._generate(chain, deadline, temperature, seed, allowed)
                segment = read_segment(segment_text)
                chain.text += segment.text
                if segment.kind == "result":
                    chain.result = segment.result
                    return
                if segment.kind == "none":
                    chain.error = AnswerError("no_result", "the model stopped without a gadget call or a <result>")
                    return
                if len(chain.steps) >= self.budgets.max_calls:
                    raise BudgetExceeded("calls", f"calls: more than {self.budgets.max_calls} gadget calls")
                step = yield from self._run_tool(segment.tool, segment.input, deadline)
                chain.steps.append(step)
                chain.text += output_markup(step.output)
                if allowed is not None and not step.error:
                    allowed = question_numbers(allowed + numbers_in(step.output.split(" = around")[0]), ())
            raise BudgetExceeded("calls", f"calls: more than {self.budgets.max_calls} gadget calls")
        except BudgetExceeded as exc:
            chain.error = AnswerError("budget", str(exc))
        except ModelError as exc:  # typed: model_unavailable, model_timeout or model_error
            chain.error = AnswerError(exc.kind, str(exc))

    def _generate(self, chain: _Chain, deadline: float, temperature: float, seed: int, allowed) -> Iterator[Event]:
        left = self.budgets.max_tokens - chain.tokens
        if left <= 0:
            raise BudgetExceeded("tokens", f"tokens: the chain used its {self.budgets.max_tokens} tokens")
        grammar = None
        if self.options.grammar and self.model.supports_grammar:
            grammar = segment_grammar(thoughts=self._thoughts, allowed_numbers=allowed)
        time_left = deadline - time.perf_counter()
        if time_left <= 0:
            raise self._over_wall_clock()
        text, pieces = "", 0
        stream = self.model.complete(chain.prompt + chain.text, stop=STOPS, grammar=grammar,
                                     max_tokens=left, temperature=temperature, seed=seed, timeout=time_left)
        try:
            for token in stream:
                text += token
                pieces += 1
                yield TokenEvent(token)
                if time.perf_counter() > deadline:
                    raise self._over_wall_clock()
        except BudgetExceeded:
            raise
        except ModelError:
            chain.text += text  # what the model wrote before it failed stays in the answer's chain
            raise
        except Exception as exc:  # a backend outside our models/ that raises its own errors: still typed
            chain.text += text
            name = getattr(self.model, "name", "")
            raise ModelError(f"the model {name} failed: {type(exc).__name__}: {exc}") from exc
        finally:
            stream.close()  # frees the model for the next call even when we stop early
        stats = self.model.last_stats
        chain.tokens += max(pieces, stats.completion_tokens)  # a streamed piece can hold several tokens
        chain.reused_tokens += stats.reused_tokens
        if chain.first_token_ms is None:
            chain.first_token_ms = stats.first_token_ms
        if stats.finish_reason == "length" and chain.tokens >= self.budgets.max_tokens:
            raise BudgetExceeded("tokens", f"tokens: the chain used its {self.budgets.max_tokens} tokens")
        return text

    def _over_wall_clock(self) -> BudgetExceeded:
        # _out_of_time() recognises this by its "wall" prefix
        return BudgetExceeded("wall", f"wall clock: over {self.budgets.wall_seconds:g}s for this question")

    def _run_tool(self, tool: str, text: str, deadline: float) -> Iterator[Event]:
        left = deadline - time.perf_counter()
        if left <= 0:
            raise self._over_wall_clock()
        yield ToolCallEvent(tool, text)
        result = self.run_tool(tool, text, timeout=min(self.budgets.tool_timeout, left))
        error = None if result.ok else (result.error.type if result.error else "error")
        step = Step(tool=tool, input=text, output=result.output, ms=result.ms, error=error)
        yield ToolResultEvent(step)
        return step

    # -- the answer ------------------------------------------------------------------------
    def _settle(self, question: str, chains: list[_Chain]) -> Answer:
        chosen, vote_check = self._vote(question, chains)
        answer = Answer(question=question, route="planner", model=getattr(self.model, "name", None))
        answer.chain = chosen.text
        answer.steps = list(chosen.steps)
        answer.timings = {"chains": float(len(chains)), "tokens": float(sum(c.tokens for c in chains)),
                          "reused_prompt_tokens": float(sum(c.reused_tokens for c in chains))}
        if chosen.first_token_ms is not None:
            answer.timings["first_token_ms"] = chosen.first_token_ms
        if vote_check:
            answer.checks.append(vote_check)
        if chosen.result is None:
            answer.error = chosen.error or AnswerError("no_result", "the chain ended without a result")
            checks.settle_planner_verified(answer)
            return answer
        result, rederived = chosen.result, None
        if self.options.rederive:
            result, rederived = checks.rederive(result, chosen.steps)
        answer.checks.append(rederived or checks.tool_backed(result, chosen.steps))
        if self.options.sanity and (check := checks.plausible(question, result)):
            answer.checks.append(check)
        value = to_fraction(result)
        answer.answer = show(value) if value is not None else result
        if value is not None and value.denominator != 1:
            answer.decimal = decimal(value)
        checks.settle_planner_verified(answer)
        return answer

    def _vote(self, question: str, chains: list[_Chain]) -> tuple[_Chain, Check | None]:
        if len(chains) == 1:
            return chains[0], None
        keyed: dict[str, list[_Chain]] = {}
        for chain in chains:
            key = self._final_key(question, chain)
            if key is not None:
                keyed.setdefault(key, []).append(chain)
        if not keyed:
            return chains[0], Check("vote", None, f"none of {len(chains)} chains gave a usable answer")
        counts = Counter({k: len(v) for k, v in keyed.items()})
        key, n = counts.most_common(1)[0]
        return keyed[key][0], Check("vote", n > len(chains) / 2, f"{n} of {len(chains)} chains agree on {key}")

    def _final_key(self, question: str, chain: _Chain) -> str | None:
        """The answer a chain would give, or None when it would be rejected (no result, implausible)."""
        if chain.result is None:
            return None
        result = chain.result
        if self.options.rederive:
            result, _ = checks.rederive(result, chain.steps)
        if self.options.sanity and (check := checks.plausible(question, result)) and check.passed is False:
            return None
        value = to_fraction(result)
        return show(value) if value is not None else result.strip()


def _scorer_check(ranked: Ranked, norm: str) -> Check:
    """Says how the chain was chosen; it cannot refute or prove the answer (passed None)."""
    margin = "" if ranked.runner_up is None else f", {ranked.key(norm) - ranked.runner_up:.2f} above the next"
    return Check("scorer", None, f"ranked first of {ranked.candidates} enumerated chains by the model's "
                                 f"log-likelihood ({norm} {ranked.key(norm):.2f}{margin})")
