"""Size limits checked before SymPy starts work that would not fit in time or memory.

The worker's time budget and memory limit are the last line; these refuse early with a clear,
typed message ("too_large") so that the user learns why, and the worker is not killed for it.
"""
from __future__ import annotations

from math import comb

from ..base import ToolFailure

MAX_TERMS = 200_000  # terms in an expanded polynomial
MAX_SOLVE_DEGREE = 64  # exact solving of higher-degree polynomials is refused (roots do not exist in radicals anyway)


def estimate_terms(expr) -> int:
    """An upper bound on the terms of expand(expr), computed from the tree without expanding."""
    import sympy as sp

    if expr.is_Add:
        return sum(estimate_terms(a) for a in expr.args)
    if expr.is_Mul:
        total = 1
        for a in expr.args:
            total *= estimate_terms(a)
            if total > 10**30:
                return total
        return total
    if expr.is_Pow and expr.exp.is_Integer and int(expr.exp) > 1:
        k = estimate_terms(expr.base)
        n = int(expr.exp)
        if k == 1:
            return 1
        if n > 10**7 or k > 10**6:
            return 10**100
        return comb(n + k - 1, k - 1)
    if isinstance(expr, sp.Basic) and expr.args and not expr.is_Atom:
        return max([1] + [estimate_terms(a) for a in expr.args])
    return 1


def check_expand(expr) -> None:
    import sympy as sp

    if not isinstance(expr, sp.Basic):
        return
    terms = estimate_terms(expr)
    if terms > MAX_TERMS:
        shown = f"{terms:,}" if terms < 10**15 else f"about 10^{len(str(terms)) - 1}"
        raise ToolFailure("too_large", f"the expansion would have {shown} terms; the limit is {MAX_TERMS:,}")


def degree_bound(expr, var) -> int:
    """An upper bound on the degree of expr in var, read from the tree (Poly would expand it)."""
    if expr == var:
        return 1
    if not expr.has(var):
        return 0
    if expr.is_Add:
        return max(degree_bound(a, var) for a in expr.args)
    if expr.is_Mul:
        return sum(degree_bound(a, var) for a in expr.args)
    if expr.is_Pow and expr.exp.is_Integer:
        return abs(int(expr.exp)) * degree_bound(expr.base, var)
    if hasattr(expr, "lhs"):
        return max(degree_bound(expr.lhs, var), degree_bound(expr.rhs, var))
    return 0  # not a polynomial in var: solve decides


def check_solve_degree(expr, var) -> None:
    degree = degree_bound(expr, var)
    if degree > MAX_SOLVE_DEGREE:
        raise ToolFailure("too_large", f"a polynomial of degree {degree} is beyond exact solving "
                                       f"(limit {MAX_SOLVE_DEGREE}); ask for numeric roots with N(...)")
