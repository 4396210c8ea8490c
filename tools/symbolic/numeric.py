"""Numeric evaluation for the checks: SymPy's evalf at chosen points (no lambdify, no generated code).

Checks compare two forms at random points with 30 significant digits; a point where either side
is not a finite number is skipped, so a check can end undecided (None), never falsely passed.
"""
from __future__ import annotations

import random

import mpmath
import sympy as sp

DPS = 30
TOLERANCE = mpmath.mpf(10) ** -12


def value_at(expr, point: dict, dps: int = DPS):
    """expr at point as an mpmath number, or None if it is not a finite number there."""
    try:
        v = expr.evalf(dps, subs=point) if point else expr.evalf(dps)
    except Exception:  # evalf raises many types on singular points; a skipped point is the answer
        return None
    if not v.is_number:
        return None
    try:
        c = complex(v)
    except (TypeError, ValueError, OverflowError):
        return None
    if c != c or abs(c) == float("inf"):
        return None
    bits = int(dps * 3.33) + 8
    try:
        re, im = v.as_real_imag()
        with mpmath.workprec(bits):
            return mpmath.mpc(sp.Float(re, dps)._to_mpmath(bits), sp.Float(im, dps)._to_mpmath(bits))
    except Exception:
        return mpmath.mpc(c)


def close(a, b, tol=TOLERANCE) -> bool:
    scale = max(mpmath.mpf(1), abs(a), abs(b))
    return abs(a - b) <= tol * scale


def random_points(symbols, count: int = 4, seed: int = 7, low: float = 0.2, high: float = 1.9) -> list[dict]:
    """Points with every symbol in [low, high]: positive, away from 0 and 1 where many functions branch."""
    rng = random.Random(seed)
    ordered = sorted(symbols, key=str)
    return [{s: sp.Rational(rng.randint(int(low * 1000), int(high * 1000)), 1000) for s in ordered}
            for _ in range(count)]


def agree_at_points(a, b, symbols, count: int = 4, low: float = 0.2, high: float = 1.9) -> tuple[bool | None, str]:
    """Do a and b agree at random points? (True | False | None, detail)."""
    checked = 0
    for point in random_points(symbols, count + 4, low=low, high=high):
        va, vb = value_at(a, point), value_at(b, point)
        if va is None or vb is None:
            continue
        if not close(va, vb):
            shown = ", ".join(f"{k}={v}" for k, v in point.items())
            return False, f"differ at {shown}: {mpmath.nstr(va, 12)} vs {mpmath.nstr(vb, 12)}"
        checked += 1
        if checked >= count:
            break
    if checked == 0:
        return None, "no point where both sides are finite numbers"
    return True, f"agree at {checked} random point{'s' if checked > 1 else ''} (30 digits)"


def is_zero(expr, symbols=None) -> tuple[bool | None, str]:
    """Exact zero test first (cheap simplifications), then random points."""
    try:
        if expr == 0 or sp.expand(expr) == 0:
            return True, "difference is exactly 0"
    except Exception:
        pass
    return agree_at_points(expr, sp.Integer(0), symbols if symbols is not None else expr.free_symbols)
