"""Factorization on FLINT with a time budget: small factors inline, the hard part in a killable process.

FLINT's factor() cannot be interrupted, so anything that might take long runs in a forked child that is
killed when the budget runs out; what was found before that is reported as a partial factorization.
"""
from __future__ import annotations

import multiprocessing as mp
from collections import Counter

import flint

from ..budget import remaining
from . import flint_threads
from .results import Factorization

INLINE_BITS = 100  # about 30 digits: FLINT factors numbers this size in milliseconds
SMOOTH_BITS = 24  # trial division / ECM effort spent inline before handing over


def factorize(n: int) -> Factorization:
    if n in (0, 1, -1):
        return Factorization(n, ())
    magnitude = abs(n)
    if magnitude.bit_length() <= INLINE_BITS:
        return _complete(n, flint_threads.factor(magnitude))
    found, cofactor = _smooth_part(magnitude)
    if cofactor == 1 or flint_threads.is_probable_prime(cofactor):
        if cofactor != 1:
            found[cofactor] += 1
        return Factorization(n, tuple(sorted(found.items())))
    hard = _factor_in_child(cofactor, remaining())
    if hard is None:
        return Factorization(n, tuple(sorted(found.items())), False, cofactor,
                             "the time budget ran out")
    for p, e in hard:
        found[p] += e
    return Factorization(n, tuple(sorted(found.items())))


def _complete(n: int, pairs) -> Factorization:
    return Factorization(n, tuple(sorted((int(p), int(e)) for p, e in pairs)))


def _smooth_part(n: int) -> tuple[Counter, int]:
    """Factors found by FLINT's cheap smooth-part search; the rest is one cofactor."""
    found: Counter = Counter()
    cofactor = n
    for p, e in flint_threads.factor_smooth(n, SMOOTH_BITS):
        if flint_threads.is_probable_prime(p):
            found[p] += e
            cofactor //= p**e
    return found, cofactor


def _child(conn, n: int) -> None:
    # a forked process that exits at once: FLINT directly, its caches go with it
    conn.send([(int(p), int(e)) for p, e in flint.fmpz(n).factor()])
    conn.close()


def _factor_in_child(n: int, seconds: float):
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(child, n), daemon=True)
    proc.start()
    child.close()
    try:
        if parent.poll(seconds):
            return parent.recv()
        return None
    except EOFError:
        return None
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join(1)
        parent.close()
