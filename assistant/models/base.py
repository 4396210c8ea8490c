"""The one Model protocol the planner talks to, and the records that cross it."""
from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Iterator, Protocol, Sequence, runtime_checkable


@dataclass
class CompletionStats:
    """What the last `complete` call cost; filled in as the stream is consumed.

    `reused_tokens` is how many prompt tokens were served from the KV cache rather than
    encoded again: the planner resumes after each tool output, so this is how we prove
    the prefix is not re-encoded.
    """

    prompt_tokens: int = 0
    reused_tokens: int = 0
    completion_tokens: int = 0
    finish_reason: str | None = None  # "stop" (stop string or end of text), "length", or None while running
    first_token_ms: float | None = None
    total_ms: float = 0.0


class PerThreadStats:
    """`last_stats` as a per-thread slot: threads sharing one model each read their own call's stats.

    The planner reads `model.last_stats` after consuming a stream; with one attribute per model, another
    thread's call could replace it in between, and its token count would be charged to the wrong chain.
    """

    def __set_name__(self, owner, name: str) -> None:
        self.slot = f"_{name}_per_thread"

    def _local(self, obj) -> threading.local:
        local = obj.__dict__.get(self.slot)
        if local is None:
            local = obj.__dict__.setdefault(self.slot, threading.local())  # setdefault: one local even if raced
        return local

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        local = self._local(obj)
        if not hasattr(local, "stats"):
            local.stats = CompletionStats()
        return local.stats

    def __set__(self, obj, stats: CompletionStats) -> None:
        self._local(obj).stats = stats


@dataclass(frozen=True)
class ModelInfo:
    """One entry of `calx models`."""

    name: str
    kind: str  # "gguf", "server", "scripted"
    location: str  # file path or URL
    size_bytes: int | None = None
    in_use: bool = False
    note: str = ""


@runtime_checkable
class Model(Protocol):
    """A text completer. `complete` streams token strings; stop strings are not included in the stream.

    `grammar` is GBNF text (llama.cpp); a backend that cannot enforce it says so with
    `supports_grammar = False` and the planner falls back to parsing free text.
    `timeout` is the most seconds the call may take; a backend that can block without yielding
    (a server) raises ModelTimeout when it runs out. Failures are ModelError subclasses (errors.py).
    """

    name: str
    supports_grammar: bool
    last_stats: CompletionStats

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
    ) -> Iterator[str]: ...

    def count_tokens(self, text: str) -> int: ...
