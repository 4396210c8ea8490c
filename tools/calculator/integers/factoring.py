"""Factorization on FLINT with a time budget: small factors inline, the hard part in a killable process.

FLINT's factor() and factor_smooth() cannot be interrupted, so anything that might take long runs in a
forked child that is killed when the budget runs out; what was found before that (the small factors,
which the child reports first) is kept as a partial factorization.
"""
from __future__ import annotations

import multiprocessing as mp
import time
from collections import Counter

import flint

from ...budget import remaining
from . import flint_threads
from .results import Factorization

INLINE_BITS = 100  # about 30 digits: FLINT factors numbers this size in milliseconds
SMOOTH_BITS = 24  # trial division / ECM effort spent on small factors before the full search
# FLINT's smooth-part search grows with the size of n (a random 4,000-bit n takes 0.25 s, 100,000 bits
# 24 s) and cannot be interrupted: above this size it runs in the killable child as well
SMOOTH_INLINE_BITS = 2048


def factorize(n: int) -> Factorization:
    if n in (0, 1, -1):
        return Factorization(n, ())
    magnitude = abs(n)
    if magnitude.bit_length() <= INLINE_BITS:
        return _complete(n, flint_threads.factor(magnitude))
    if magnitude.bit_length() > SMOOTH_INLINE_BITS:
        return _in_child(n, Counter(), magnitude, smooth_first=True)
    found, cofactor = flint_threads.call(_smooth_part, magnitude)
    if cofactor == 1 or flint_threads.is_probable_prime(cofactor):
        return _finished(n, found, cofactor)
    return _in_child(n, found, cofactor, smooth_first=False)


def _complete(n: int, pairs) -> Factorization:
    return Factorization(n, tuple(sorted((int(p), int(e)) for p, e in pairs)))


def _finished(n: int, found: Counter, prime_cofactor: int) -> Factorization:
    if prime_cofactor != 1:
        found[prime_cofactor] += 1
    return Factorization(n, tuple(sorted(found.items())))


def _smooth_part(n: int) -> tuple[Counter, int]:
    """Factors found by FLINT's cheap smooth-part search; the rest is one cofactor. FLINT directly: call it
    on a FLINT thread (its caches) or in the child."""
    found: Counter = Counter()
    for p, e in flint.fmpz(n).factor_smooth(SMOOTH_BITS):
        if p.is_probable_prime():
            found[int(p)] += int(e)
    divisor = 1
    for p, e in found.items():
        divisor *= p**e
    return found, n // divisor  # one division: n may have hundreds of thousands of digits


def _in_child(n: int, found: Counter, cofactor: int, *, smooth_first: bool) -> Factorization:
    """The rest of the factorization in a forked child, within the call's budget; what the child reported
    before the budget ran out (its smooth part) is kept as a partial factorization."""
    for kind, pairs, left in _child_messages(cofactor, smooth_first, remaining()):
        for p, e in pairs:
            found[p] += e
        if kind == "done":
            return Factorization(n, tuple(sorted(found.items())))
        cofactor = left
    return Factorization(n, tuple(sorted(found.items())), False, cofactor, "the time budget ran out")


def _child(conn, n: int, smooth_first: bool) -> None:
    # a forked process that exits at once: FLINT directly (no calx-flint threads here), its caches go with it
    if smooth_first:
        found, n = _smooth_part(n)
        if n == 1 or flint.fmpz(n).is_probable_prime():
            conn.send(("done", list(found.items()) + ([(n, 1)] if n != 1 else []), 1))
            return
        conn.send(("partial", list(found.items()), n))
    conn.send(("done", [(int(p), int(e)) for p, e in flint.fmpz(n).factor()], 1))
    conn.close()


def _child_messages(n: int, smooth_first: bool, seconds: float) -> list[tuple[str, list, int]]:
    """(kind, [(prime, exponent)], cofactor left) messages from the child, until "done" or the budget ends."""
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(child, n, smooth_first), daemon=True)
    deadline = time.monotonic() + seconds
    proc.start()
    child.close()
    messages = []
    try:
        while not (messages and messages[-1][0] == "done") and parent.poll(max(0.0, deadline - time.monotonic())):
            messages.append(parent.recv())
    except EOFError:
        pass  # the child died: what it sent before stands
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join(1)
        parent.close()
    return messages
