"""FLINT's primality tests and factoring, run on a few long-lived threads.

FLINT keeps per-thread caches (prime tables, factoring and primality-proving state) that only
flint_cleanup() frees, and python-flint never calls it: a thread that tests or factors a large number
and then ends leaves them behind for good: tens of MB a round of fresh threads (bench/RESULTS.md, "FLINT's
per-thread caches"). A server answering on many threads, or the terminal app (one worker thread per
question), would grow without bound. Here every such call runs on one of a fixed set of threads that
build their caches once and reuse them, so memory stays bounded however many threads ask.
"""
from __future__ import annotations

import contextvars
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Callable, TypeVar

import flint

T = TypeVar("T")
PREFIX = "calx-flint"
_POOL = ThreadPoolExecutor(max_workers=max(1, min(4, os.cpu_count() or 1)), thread_name_prefix=PREFIX)


def call(fn: Callable[..., T], *args) -> T:
    """fn(*args) on a FLINT thread, with the caller's context (its time budget); its exceptions are re-raised."""
    if threading.current_thread().name.startswith(PREFIX):
        return fn(*args)  # already on one: a nested call must not queue behind itself
    return _POOL.submit(contextvars.copy_context().run, fn, *args).result()


def is_prime(n: int) -> bool:
    return call(lambda: bool(flint.fmpz(n).is_prime()))


def is_probable_prime(n: int) -> bool:
    return call(lambda: bool(flint.fmpz(n).is_probable_prime()))


def factor(n: int) -> list[tuple[int, int]]:
    return call(lambda: [(int(p), int(e)) for p, e in flint.fmpz(n).factor()])

