"""Integration by several strategies under time limits, keeping the first antiderivative that checks out.

Raw `sympy.integrate` runs its methods in a fixed order and can spend the whole budget in one of
them (often heurisch or meijerg). Here each strategy gets a slice of the budget, and a candidate is
accepted only once its derivative agrees with the integrand, so a wrong or unevaluated answer from
one method does not end the search.
"""
from __future__ import annotations

import sympy as sp
from sympy.integrals.manualintegrate import manualintegrate

from ..base import ToolFailure
from .deadline import attempt, remaining
from .numeric import agree_at_points

MIN_SLICE = 0.3


def _full(f, x):
    return sp.integrate(f, x)


def _manual(f, x):
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
STRATEGIES = [
    ("manualintegrate", _manual, 0.25),
    ("integrate", _full, 0.45),
    ("risch", _risch, 0.3),
    ("heurisch", _heurisch, 0.3),
    ("meijerg", _meijer, 0.3),
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
    """d/dx F == f? Exact when cheap, else at random points (30 digits)."""
    try:
        derivative = sp.diff(F, x)
    except Exception as exc:
        return None, f"could not differentiate: {type(exc).__name__}"
    ok, difference = attempt(lambda: sp.simplify(derivative - f) == 0, min(1.0, remaining() / 4))
    if ok and difference:
        return True, "d/dx of the result simplifies to the integrand"
    passed, detail = agree_at_points(derivative, f, (F.free_symbols | f.free_symbols) | {x})
    return passed, "d/dx of the result " + detail.replace("agree", "agrees with the integrand") \
        if passed else "d/dx of the result vs the integrand: " + detail


def antiderivative(f, x, budget: float | None = None):
    """The first verified antiderivative; an unverified one if nothing verifies; an Integral if none found."""
    if not f.has(x):
        return f * x
    fallback = None
    for label, candidate in _candidates(f, x, budget):
        passed, _ = verify_antiderivative(candidate, f, x)
        if passed:
            return candidate
        if fallback is None and passed is None:
            fallback = candidate
    if fallback is not None:
        return fallback
    raise ToolFailure("no_result", "no antiderivative found within the time budget")


def _candidates(f, x, budget):
    total = remaining() if budget is None else min(budget, remaining())
    seen = set()
    for integrand_label, transform in [("as given", lambda g, y: g)] + REWRITES:
        ok, g = attempt(transform, max(MIN_SLICE, total * 0.1), f, x)
        if not ok or g in seen:
            continue
        seen.add(g)
        for name, fn, share in STRATEGIES:
            left = remaining()
            if left < 0.05:
                return
            ok, result = attempt(_quiet(fn), max(MIN_SLICE, min(left, total) * share), g, x)
            if ok and _finished(result):
                yield f"{name} ({integrand_label})", result


def _quiet(fn):
    """A strategy that raises (NotImplementedError, PolynomialError, ...) simply yields nothing."""
    def run(*args):
        try:
            return fn(*args)
        except (ToolFailure, RecursionError):
            raise
        except Exception:
            return None
    return run


def definite(f, x, low, high):
    """An exact definite integral; a decimal one (mpmath) only when no exact form is found."""
    ok, result = attempt(_quiet(lambda: sp.integrate(f, (x, low, high))), max(MIN_SLICE, remaining() * 0.6))
    if ok and _finished(result):
        return result
    if low.is_finite and high.is_finite:
        try:
            F = antiderivative(f, x, budget=remaining() * 0.5)
            value = sp.limit(F, x, high, "-") - sp.limit(F, x, low, "+")
            if _finished(value) and value.is_finite:
                return sp.simplify(value)
        except ToolFailure:
            pass
    raise ToolFailure("no_result", "no exact value found within the time budget; ask N(integrate(...)) for digits")
