"""Time limits inside the worker: SIGALRM interrupts pure-Python SymPy at a deadline.

Limits nest (a per-strategy limit inside the call's budget); the alarm is always set for the
nearest deadline, and an expiry is caught only by the limit it belongs to. The parent's kill stays
the hard stop for code that does not return to the interpreter (long C loops).
"""
from __future__ import annotations

import signal
import time
from contextlib import contextmanager


class Expired(BaseException):
    """BaseException, so that SymPy's own `except Exception` blocks cannot swallow it."""

    def __init__(self, token: object):
        super().__init__("time limit reached")
        self.token = token


_stack: list[tuple[float, object]] = []  # (deadline, token), innermost last; the worker is single-threaded


def _arm() -> None:
    if not _stack:
        signal.setitimer(signal.ITIMER_REAL, 0)
        return
    nearest = min(d for d, _ in _stack)
    signal.setitimer(signal.ITIMER_REAL, max(nearest - time.monotonic(), 0.001))


def _on_alarm(signum, frame) -> None:
    now = time.monotonic()
    due = [(d, t) for d, t in _stack if d <= now + 0.0005]
    if not due:
        _arm()
        return
    # the outermost expired limit wins: an inner handler must not swallow the call's own budget
    raise Expired(due[0][1])


def install() -> None:
    signal.signal(signal.SIGALRM, _on_alarm)


@contextmanager
def limit(seconds: float):
    """`with limit(2) as token:` ... raises Expired(token) when 2 s (or an outer limit) run out."""
    token = object()
    seconds = min(max(seconds, 0.001), 1e6)  # an unbounded limit still needs a finite timer
    _stack.append((time.monotonic() + seconds, token))
    _arm()
    try:
        yield token
    finally:
        _stack.remove(next(e for e in _stack if e[1] is token))
        _arm()


def attempt(fn, seconds: float, *args, **kwargs):
    """Run fn under its own limit: (True, value), or (False, None) if that limit ran out."""
    with limit(seconds) as token:
        try:
            return True, fn(*args, **kwargs)
        except Expired as exc:
            reset_interrupted_state()
            if exc.token is not token:
                raise
            return False, None


def reset_interrupted_state() -> None:
    """Undo what an interrupted SymPy call leaves behind.

    manualintegrate marks an integrand "in progress" in a module-level dict and removes the mark
    when it returns; interrupted, the mark stays and every later manualintegrate (and integrate,
    which calls it) of that integrand gives up at once. Found by the Rubi benchmark.
    """
    try:
        import sympy.integrals.manualintegrate as manual

        manual._integral_cache.clear()
        manual._parts_u_cache.clear()
    except (ImportError, AttributeError):
        pass
    from sympy.core.cache import clear_cache

    clear_cache()


def remaining() -> float:
    if not _stack:
        return float("inf")
    return max(0.0, min(d for d, _ in _stack) - time.monotonic())
