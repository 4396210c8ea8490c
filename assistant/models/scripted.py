"""A replay model for flow and UI tests: it returns canned segments, one per `complete` call.

It is never evidence that the model path works; it only lets tests drive the planner loop
(budgets, events, error paths) deterministically and fast.
"""
from __future__ import annotations

import re
from typing import Iterator, Sequence

from .base import CompletionStats, PerThreadStats


class ScriptedModel:
    supports_grammar = False
    last_stats = PerThreadStats()

    def __init__(self, segments: Sequence[str], *, name: str = "scripted", repeat_last: bool = False):
        self.name = name
        self._segments = list(segments)
        self._repeat_last = repeat_last
        self.prompts: list[str] = []  # every prompt it was given, for assertions
        self.grammars: list[str | None] = []

    def complete(
        self,
        prompt: str,
        *,
        stop: Sequence[str] = (),
        grammar: str | None = None,
        max_tokens: int = 256,
        temperature: float = 0.0,
        seed: int | None = None,
        timeout: float | None = None,
    ) -> Iterator[str]:
        self.prompts.append(prompt)
        self.grammars.append(grammar)
        if self._segments:
            text = self._segments.pop(0) if (len(self._segments) > 1 or not self._repeat_last) else self._segments[0]
        else:
            text = ""
        text, finish = _cut_at_stop(text, stop)
        pieces = re.findall(r"\s*\S+|\s+", text)  # word-ish "tokens" so streaming is visible
        if len(pieces) > max_tokens:
            pieces, finish = pieces[:max_tokens], "length"
        self.last_stats = CompletionStats(prompt_tokens=self.count_tokens(prompt))
        for piece in pieces:
            self.last_stats.completion_tokens += 1
            yield piece
        self.last_stats.finish_reason = finish

    def count_tokens(self, text: str) -> int:
        return len(text.split())


def _cut_at_stop(text: str, stop: Sequence[str]) -> tuple[str, str]:
    cut = min((text.find(s) for s in stop if s and s in text), default=-1)
    return (text[:cut], "stop") if cut >= 0 else (text, "stop")
