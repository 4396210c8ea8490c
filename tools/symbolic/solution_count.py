"""How many solutions an equation or a system has, where that is known: the check (none_missed) that a solver
listed every one, beside the substitution that shows each listed one is a solution (equation_ops.py)."""
from __future__ import annotations

import sympy as sp

from .operation import CheckResult


def none_missed(outcome, solutions) -> CheckResult:
    """Substituting back shows each listed solution is one; this shows none is missing (the claim is the whole
    set). Decided only where a count is known: distinct roots of a polynomial equation (its square-free part,
    less the roots of a denominator), a linear system of full rank. Elsewhere undecided: sin(x) = 0 has more
    solutions than any list."""
    name = "no solution missed"
    exprs = outcome.inputs["exprs"]
    variables = list(outcome.inputs["vars"])
    if "full" in outcome.inputs:
        variables = sorted(set().union(*(e.free_symbols for e in exprs)), key=str)
    if outcome.op == "roots":
        poly = sp.Poly(exprs[0], variables[0])
        found = sum(outcome.value.values())
        return CheckResult(name, found == poly.degree(), f"multiplicities add up to {found}, degree {poly.degree()}")
    if len(exprs) == 1 and len(variables) == 1:
        expected = _distinct_roots(exprs[0], variables[0])
        if expected is None:
            return CheckResult(name, None, "not a polynomial equation: a count of its solutions is not known")
        return CheckResult(name, expected == len(solutions), f"{expected} distinct root(s) expected, "
                                                               f"{len(solutions)} found")
    try:
        matrix, rhs = sp.linear_eq_to_matrix(exprs, variables)
    except (sp.PolynomialError, ValueError, TypeError, NotImplementedError):
        return _polynomial_system_count(exprs, variables, solutions)
    if matrix.free_symbols or rhs.free_symbols:
        return CheckResult(name, None, "a linear system with symbolic coefficients")
    if matrix.rank() < matrix.row_join(rhs).rank():
        return CheckResult(name, not solutions, "the linear system is inconsistent: it has no solution")
    if matrix.rank() == len(variables):
        return CheckResult(name, len(solutions) == 1 and all(v in solutions[0] for v in variables),
                           "a linear system of full rank has exactly one solution")
    return CheckResult(name, None, "a linear system without full rank")


MAX_STANDARD_MONOMIALS = 10_000


def _polynomial_system_count(exprs, variables, solutions) -> CheckResult:
    """A polynomial system with finitely many solutions has exactly as many, counted with multiplicity, as its
    Groebner basis leaves standard monomials. Found distinct solutions equal to that count: none is missing.
    Fewer: some may be multiple roots, so the check cannot decide (it never fails on that ground)."""
    name = "no solution missed"
    numerators = [sp.together(e).as_numer_denom()[0] for e in exprs]
    if not all(n.is_polynomial(*variables) for n in numerators) or \
            set().union(*(n.free_symbols for n in numerators)) - set(variables):
        return CheckResult(name, None, "not a polynomial system in its unknowns")
    basis = sp.groebner(numerators, *variables, order="grevlex")
    if list(basis.exprs) == [1]:
        return CheckResult(name, not solutions, "the equations have no common solution")
    if not basis.is_zero_dimensional:
        return CheckResult(name, None, "the system has infinitely many solutions")
    count = _standard_monomials(basis, len(variables))
    if count is None:
        return CheckResult(name, None, "too many solutions to count")
    if len(solutions) == count:
        return CheckResult(name, True, f"the system has {count} solutions (Groebner basis), all found")
    return CheckResult(name, None, f"{len(solutions)} distinct solutions found; {count} counted with multiplicity")


def _standard_monomials(basis, n: int) -> int | None:
    leads = [sp.Poly(g, *basis.gens).monoms(order="grevlex")[0] for g in basis.exprs]
    box = [min((m[i] for m in leads if sum(m) == m[i] and m[i] > 0), default=None) for i in range(n)]
    if None in box:
        return None
    size = 1
    for d in box:
        size *= d
    if size > MAX_STANDARD_MONOMIALS:
        return None
    from itertools import product

    return sum(1 for e in product(*(range(d) for d in box))
               if not any(all(e[i] >= m[i] for i in range(n)) for m in leads))


def _distinct_roots(expr, var) -> int | None:
    """How many distinct complex roots `expr = 0` has in `var`, or None if that is not a polynomial question."""
    num, den = sp.together(expr).as_numer_denom()
    if not (num.is_polynomial(var) and den.is_polynomial(var)):
        return None
    if any(var in s.free_symbols for s in num.free_symbols - {var}):
        return None
    try:
        p = sp.Poly(num, var)
        q = sp.Poly(den, var)
    except sp.PolynomialError:
        return None
    if p.is_zero:
        return None
    square_free = sp.Poly(sp.sqf_part(p.as_expr()), var)
    common = sp.gcd(square_free, q)
    return square_free.degree() - common.degree()
