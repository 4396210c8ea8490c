"""Outcome -> the texts an Answer carries: SymPy-parsable answer, LaTeX, Unicode pretty form, decimal."""
from __future__ import annotations

import sympy as sp

MAX_PRETTY_CHARS = 20_000  # beyond this the pretty and LaTeX forms cost more than they help


def answer_text(value) -> str:
    if hasattr(value, "text"):  # a FastResult from FLINT or SymEngine
        return value.text
    if isinstance(value, dict):
        return "{" + ", ".join(f"{answer_text(k)}: {answer_text(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(answer_text(v) for v in value) + "]"
    if isinstance(value, sp.MatrixBase):  # sstr spreads a Matrix over lines; the answer is one line
        return "Matrix([" + ", ".join("[" + ", ".join(sp.sstr(x) for x in row) + "]" for row in value.tolist()) + "])"
    if isinstance(value, tuple):
        return "(" + ", ".join(answer_text(v) for v in value) + ("," if len(value) == 1 else "") + ")"
    return sp.sstr(value)


def latex_text(value, answer: str) -> str | None:
    if len(answer) > MAX_PRETTY_CHARS:
        return None
    value = _as_sympy(value)
    try:
        return sp.latex(value)
    except Exception:
        return None


def pretty_text(value, answer: str) -> str | None:
    if len(answer) > MAX_PRETTY_CHARS:
        return answer
    value = _as_sympy(value)
    try:
        return sp.pretty(value, use_unicode=True)
    except Exception:
        return None


def decimal_text(value, digits: int = 15) -> str | None:
    """A decimal approximation where it adds something: irrational or non-integer numbers."""
    if getattr(value, "engine", "") == "flint":
        return None  # a polynomial in symbols: no decimal, and building its SymPy form is the slow part
    value = _as_sympy(value)
    if isinstance(value, sp.FiniteSet) and 0 < len(value) <= 20:
        parts = [decimal_text(v, digits) for v in value]
        if any(p is None for p in parts):
            return None
        return "{" + ", ".join(parts) + "}" if any(not v.is_Integer for v in value) else None
    if not isinstance(value, sp.Expr) or not value.is_number or value.is_Integer or value.has(sp.oo, sp.zoo, sp.nan):
        return None
    if isinstance(value, sp.Float):
        return None
    try:
        n = sp.N(value, digits)
    except Exception:
        return None
    if not n.is_number or n.has(sp.nan):
        return None
    return sp.sstr(n)


def _as_sympy(value):
    if hasattr(value, "to_sympy"):
        return value.to_sympy()
    return value
