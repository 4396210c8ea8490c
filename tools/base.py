"""The tool contract every engine honours: text in, a ToolResult out, never an exception."""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any, Callable, Protocol

DEFAULT_TIMEOUT = 10.0


@dataclass(frozen=True)
class ToolError:
    """A typed failure: `type` is a stable machine name, `message` is for people."""

    type: str
    message: str

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class ToolResult:
    ok: bool
    output: str  # Calc-X text shown to the model and the user; starts with "ERROR:" on failure
    value: Any = None  # the exact object (int, Fraction, SymPy expression, ...)
    error: ToolError | None = None
    ms: float = 0.0
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def success(cls, output: str, value: Any = None, **extra: Any) -> "ToolResult":
        return cls(True, output, value, None, 0.0, dict(extra))

    @classmethod
    def failure(cls, error_type: str, message: str, **extra: Any) -> "ToolResult":
        return cls(False, f"ERROR: {message}", None, ToolError(error_type, message), 0.0, dict(extra))

    def with_ms(self, ms: float) -> "ToolResult":
        return ToolResult(self.ok, self.output, self.value, self.error, ms, self.extra)


class Tool(Protocol):
    """A tool's one-line description lives in its registry entry (tools/registry.py), nowhere else."""

    name: str

    def run(self, text: str, *, timeout: float = DEFAULT_TIMEOUT) -> ToolResult: ...


class ToolFailure(Exception):
    """Raised inside a tool's own code to end a call with a typed error; `run` turns it into a ToolResult."""

    def __init__(self, error_type: str, message: str):
        super().__init__(message)
        self.error_type = error_type
        self.message = message


MAX_INPUT_CHARS = 101_000  # a question's 100,000 characters and the call a route wraps round it: simplify(...)


def guarded(fn: Callable[[str, float], ToolResult], text: str, timeout: float) -> ToolResult:
    """Run a tool body so that bad input can never escape as an exception, and time it."""
    start = time.perf_counter()
    try:
        if not isinstance(text, str):
            result = ToolResult.failure("bad_input", "input must be text")
        elif len(text) > MAX_INPUT_CHARS:
            result = ToolResult.failure(
                "too_large", f"input is {len(text):,} characters; the limit is {MAX_INPUT_CHARS:,}"
            )
        else:
            result = fn(text, timeout)
    except ToolFailure as failure:
        result = ToolResult.failure(failure.error_type, failure.message)
    except RecursionError:
        result = ToolResult.failure("too_deep", "expression nested too deeply")
    except MemoryError:
        result = ToolResult.failure("too_large", "result too large for memory")
    except Exception as exc:  # a tool bug must still not crash the caller
        result = ToolResult.failure("internal", f"{type(exc).__name__}: {exc}")
    return result.with_ms((time.perf_counter() - start) * 1000)
