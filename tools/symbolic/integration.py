"""Integration by several strategies under time limits, keeping the first antiderivative that checks out.

Raw `sympy.integrate` runs its methods in a fixed order and can spend the whole budget in one of
them (often heurisch or meijerg). Here each strategy gets a slice of the budget, and a candidate is
accepted only once its derivative agrees with the integrand, so a wrong or unevaluated answer from
one method does not end the search.
"""
from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from ..base import ToolFailure
from .deadline import attempt, remaining
from .numeric import agree_at_points

MIN_SLICE = 0.2


def _full(f, x):
    return sp.integrate(f, x)


def _manual(f, x):
    from sympy.integrals.manualintegrate import manualintegrate  # loaded on first integral, not at warm-up

    return manualintegrate(f, x)


def _risch(f, x):
    from sympy.integrals.risch import risch_integrate

    return risch_integrate(f, x)


def _heurisch(f, x):
    from sympy.integrals.heurisch import heurisch

    return heurisch(f, x)


def _meijer(f, x):
    return sp.integrate(f, x, meijerg=True)


# (name, integrator, share of the remaining budget); cheap and reliable first
# quick probes first (manualintegrate finds what integrate can hang on, e.g. sin(x)/x; risch fails
# fast when it fails), then integrate with nearly all that is left, then the rest with what remains
STRATEGIES = [
    ("manualintegrate", _manual, 0.12),
    ("risch", _risch, 0.08),
    ("integrate", _full, 0.85),  # the rest stays for verifying what it returns
    ("heurisch", _heurisch, 0.5),
    ("meijerg", _meijer, 0.9),
]

# rewrites of the integrand tried when no strategy succeeds on it as given
REWRITES = [
    ("expand", lambda f, x: sp.expand(f)),
    ("partial fractions", lambda f, x: sp.apart(f, x) if f.is_rational_function(x) else f),
    ("trig to exp", lambda f, x: f.rewrite(sp.exp) if f.has(sp.sin, sp.cos, sp.tan, sp.sinh, sp.cosh) else f),
    ("simplify", lambda f, x: sp.simplify(f)),
]


def _finished(result) -> bool:
    return result is not None and not result.has(sp.Integral) and result is not sp.nan


def verify_antiderivative(F, f, x) -> tuple[bool | None, str]:
    """d/dx F == f? At random points first (cheap, 30 digits), exactly (simplify) when that is undecided.

    floor/ceiling terms (SymPy adds them to keep antiderivatives continuous) are piecewise constant:
    they are held fixed while differentiating, which is exact away from their jumps.
    """
    steps = {a: sp.Dummy("k") for a in F.atoms(sp.floor, sp.ceiling)}
    try:
        derivative = sp.diff(F.xreplace(steps), x)
    except Exception as exc:
        return None, f"could not differentiate: {type(exc).__name__}"
    symbols = (F.free_symbols | f.free_symbols | {x}) - set(steps.values())
    if steps:
        derivative = derivative.xreplace({d: a for a, d in steps.items()})
    passed, detail = agree_at_points(derivative, f, symbols)
    if passed is True:
        return True, "d/dx of the result " + detail.replace("agree", "agrees with the integrand")
    ok, zero = attempt(lambda: sp.simplify(derivative - f) == 0, min(1.0, max(0.1, remaining() / 4)))
    if ok and zero:
        return True, "d/dx of the result simplifies to the integrand"
    return passed, "d/dx of the result vs the integrand: " + detail


@dataclass
class Antiderivative:
    value: object
    method: str
    passed: bool | None  # the verification already run on it, reused by the checks
    detail: str


def antiderivative(f, x, budget: float | None = None) -> Antiderivative:
    """The first verified antiderivative; an undecided one if nothing verifies; never one that failed."""
    if not f.has(x):
        return Antiderivative(f * x, "constant", True, "the integrand does not depend on the variable")
    fallback = None
    for label, candidate in _candidates(f, x, budget):
        # a nested Piecewise can take seconds to evaluate: an unfinished verification is undecided
        ok, verdict = attempt(verify_antiderivative, min(1.5, max(0.2, remaining() * 0.3)), candidate, f, x)
        passed, detail = verdict if ok else (None, "verification did not finish in time")
        if passed:
            return Antiderivative(candidate, label, True, detail)
        if fallback is None and passed is None:
            fallback = Antiderivative(candidate, label, None, detail)
    if fallback is not None:
        return fallback
    _give_up("no antiderivative found")


def _candidates(f, x, budget):
    import time

    total = remaining() if budget is None else min(budget, remaining())
    end = time.monotonic() + total
    seen = set()
    for integrand_label, transform in [("as given", lambda g, y: g)] + REWRITES:
        ok, g = attempt(transform, max(MIN_SLICE, total * 0.1), f, x)
        if not ok or g in seen:
            continue
        seen.add(g)
        for name, fn, share in STRATEGIES:
            left = min(remaining(), end - time.monotonic())
            if left < 0.05:
                return
            ok, result = attempt(_quiet(fn), max(MIN_SLICE, left * share), g, x)
            if ok and _finished(result):
                yield f"{name} ({integrand_label})", result


def _quiet(fn):
    """A strategy that raises (NotImplementedError, PolynomialError, ...) simply yields nothing."""
    def run(*args):
        try:
            return fn(*args)
        except ToolFailure:
            raise
        except (Exception, RecursionError):  # RecursionError is an Exception too; named for the reader
            import os
            import sys
            import traceback
            if os.environ.get("CALX_DEBUG"):  # a strategy's failure is normal; show it only when debugging
                traceback.print_exc(file=sys.stderr)
            return None
    return run


def definite(f, x, low, high):
    """An exact definite integral; a decimal one (mpmath) only when no exact form is found."""
    ok, result = attempt(_quiet(lambda: sp.integrate(f, (x, low, high))), max(MIN_SLICE, remaining() * 0.6))
    if ok and _finished(result):
        return result
    if low.is_finite and high.is_finite:
        try:
            F = antiderivative(f, x, budget=remaining() * 0.5).value
            value = sp.limit(F, x, high, "-") - sp.limit(F, x, low, "+")
            if _finished(value) and value.is_finite:
                return sp.simplify(value)
        except ToolFailure:
            pass
    _give_up("no exact value found; ask N(integrate(...)) for digits")


def _give_up(message: str):
    """Out of time is a timeout (the caller words it); strategies that all failed early are no_result."""
    if remaining() < 0.5:
        raise ToolFailure("timeout", "")
    raise ToolFailure("no_result", message)
