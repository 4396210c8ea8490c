"""Outcome -> the texts an Answer carries: SymPy-parsable answer, LaTeX, Unicode pretty form, decimal."""
from __future__ import annotations

import sympy as sp

MAX_PRETTY_CHARS = 20_000  # beyond this the pretty and LaTeX forms cost more than they help


def answer_text(value) -> str:
    if hasattr(value, "text"):  # a FastResult from FLINT or SymEngine
        return value.text
    if isinstance(value, sp.Set) and not isinstance(value, sp.FiniteSet):
        return set_text(value)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{answer_text(k)}: {answer_text(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(answer_text(v) for v in value) + "]"
    if isinstance(value, sp.MatrixBase):  # rows in brackets, as people type a matrix (and calx reads one back)
        return "[" + ", ".join("[" + ", ".join(sp.sstr(x) for x in row) + "]" for row in value.tolist()) + "]"
    if isinstance(value, tuple):
        return "(" + ", ".join(answer_text(v) for v in value) + ("," if len(value) == 1 else "") + ")"
    return sp.sstr(value)


def set_text(value) -> str:
    """Intervals as a mathematician writes them: (-oo, 4), [2, 5), (-oo, -3] ∪ [3, oo); not Interval.open(-oo, 4)."""
    if isinstance(value, sp.Interval):
        left = "(" if value.left_open or value.start.is_infinite else "["
        right = ")" if value.right_open or value.end.is_infinite else "]"
        return f"{left}{sp.sstr(value.start)}, {sp.sstr(value.end)}{right}"
    if isinstance(value, sp.Union):
        return " ∪ ".join(set_text(part) for part in value.args)
    if value == sp.S.Reals:
        return "(-oo, oo)"
    if value == sp.S.EmptySet:
        return "∅"
    if isinstance(value, sp.FiniteSet):
        return answer_text(value)
    return sp.sstr(value)


def eigenvalue_words(multiplicities: dict) -> str:
    """{6: 1, 1: 1} -> '1 and 6, each with multiplicity 1'; {2: 2} -> '2, with multiplicity 2'."""
    values = sorted(multiplicities, key=_order)
    texts = [sp.sstr(v) for v in values]
    counts = {multiplicities[v] for v in values}
    if len(values) == 1:
        return f"{texts[0]}, with multiplicity {multiplicities[values[0]]}"
    if len(counts) == 1:
        return f"{_and(texts)}, each with multiplicity {counts.pop()}"
    return _and([f"{t} (multiplicity {multiplicities[v]})" for t, v in zip(texts, values)])


def _order(value):
    """Real eigenvalues by size, then the rest by their text: a stable order for people to read."""
    try:
        if value.is_real:
            return (0, float(value), "")
    except (TypeError, ValueError):
        pass
    return (1, 0.0, sp.sstr(value))


def _and(texts: list[str]) -> str:
    return texts[0] if len(texts) == 1 else ", ".join(texts[:-1]) + " and " + texts[-1]


def solution_words(value) -> str | None:
    """{x: 2, y: 3} -> 'x = 2, y = 3'; several solutions are joined by 'or'."""
    if isinstance(value, dict) and value:
        return ", ".join(f"{sp.sstr(k)} = {sp.sstr(v)}" for k, v in value.items())
    if isinstance(value, list) and value and all(isinstance(v, dict) and v for v in value):
        return "  or  ".join(solution_words(v) for v in value)
    return None


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
