"""The time budget of the current tool call, seen by long integer routines (factoring) deep in a call."""
from __future__ import annotations

import time
from contextlib import contextmanager
from contextvars import ContextVar

_deadline: ContextVar[float | None] = ContextVar("calx_bigint_deadline", default=None)


@contextmanager
def time_budget(seconds: float):
    token = _deadline.set(time.monotonic() + seconds)
    try:
        yield
    finally:
        _deadline.reset(token)


def remaining(default: float = 10.0) -> float:
    deadline = _deadline.get()
    return default if deadline is None else max(0.05, deadline - time.monotonic())
