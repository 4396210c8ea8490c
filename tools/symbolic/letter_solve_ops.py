"""solve_for(eq, ..., x): the values of x, with every letter a variable (letters.py): the real roots of one
polynomial equation (rational, or square roots from quadratic factors), or the one solution of a square linear
system. Checked with Python Fractions: roots substituted back and divided out (none is missed when the quotient
left has no other root), a system's solution substituted back and its determinant recomputed.
"""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import mpmath
import sympy as sp

from ..base import ToolFailure
from ..parsing import Relation
from . import rational_poly as rp
from .letters import equation_poly, fraction, letter, letters_to_sympy, polynomial
from .operation import CheckResult, Operation, Outcome


@dataclass(frozen=True)
class Listed:
    """Values shown as a list the way the question's answer is written ("-9800, -1, 1, 7")."""

    values: tuple

    @property
    def text(self) -> str:
        return ", ".join(sp.sstr(v) for v in self.values)

    def to_sympy(self):
        return self.values[0] if len(self.values) == 1 else sp.FiniteSet(*self.values)


def solve_for(ctx, args) -> Outcome:
    *eq_nodes, var_node = args
    var = letter(var_node)
    if not eq_nodes or not all(isinstance(n, Relation) and n.op == "=" for n in eq_nodes):
        raise ToolFailure("arity", "solve_for takes equations, then the unknown asked for")
    exprs = [letters_to_sympy(n.left) - letters_to_sympy(n.right) for n in eq_nodes]
    unknowns = sorted(set().union(*(e.free_symbols for e in exprs)), key=str)
    if var not in unknowns:
        raise ToolFailure("domain", f"{var} does not appear in the equations")
    if len(exprs) == 1 and unknowns == [var]:
        roots = _real_roots(polynomial(exprs[0], [var]))
        return Outcome("solve_for", Listed(tuple(roots)), {"nodes": eq_nodes, "var": var.name})
    solution = _linear_solution(exprs, unknowns)
    return Outcome("solve_for", Listed((solution[var],)),
                   {"nodes": eq_nodes, "var": var.name, "solution": {str(k): v for k, v in solution.items()}})


def _real_roots(poly: sp.Poly) -> list:
    """The distinct roots, in increasing order, when every root is real and rational or a quadratic surd;
    anything else (complex roots, an irreducible cubic) is declined rather than listed in part."""
    if poly.degree() < 1:
        raise ToolFailure("domain", "the equation has no unknown left in it")
    _, factors = sp.factor_list(poly)
    roots = []
    for factor, _ in factors:
        if factor.degree() > 2:
            raise ToolFailure("unsupported", "a factor of degree 3 or more over the rationals: its roots are not "
                                             "listed here")
        found = sp.roots(factor, multiple=True)
        if len(found) != factor.degree() or not all(r.is_real for r in found):
            raise ToolFailure("unsupported", "some roots are not real; only real roots are listed here")
        roots.extend(found)
    return sorted(set(roots), key=lambda r: sp.N(r, 50))


def _linear_solution(exprs, unknowns) -> dict:
    if len(exprs) != len(unknowns):
        raise ToolFailure("domain", f"{len(exprs)} equation(s) in {len(unknowns)} unknowns: no single solution")
    for e in exprs:
        if polynomial(e, unknowns).total_degree() > 1:
            raise ToolFailure("unsupported", "only linear systems are solved here")
    solutions = sp.linsolve(exprs, *unknowns)
    if len(solutions) != 1:
        raise ToolFailure("domain", "the system has no solution")
    (values,) = solutions
    if any(v.free_symbols for v in values):
        raise ToolFailure("domain", "the system does not determine every unknown")
    return dict(zip(unknowns, values))


# -- checks -----------------------------------------------------------------------------------------

def _solve_for_check(outcome):
    inputs = outcome.inputs
    polys = [equation_poly(n) for n in inputs["nodes"]]
    if "solution" in inputs:
        return _system_checks(polys, {k: fraction(v) for k, v in inputs["solution"].items()})
    return _roots_checks(polys[0], inputs["var"], list(outcome.value.values))


def _roots_checks(poly: rp.Poly, var: str, roots: list) -> list[CheckResult]:
    """Rational roots substituted and divided out exactly; the others (square roots) substituted numerically at
    60 digits, and counted: with the rational roots divided out, the square-free part of what is left must have
    exactly as many roots as were listed, so none is missed."""
    rational = [fraction(r) for r in roots if r.is_Rational]
    surds = [r for r in roots if not r.is_Rational]
    coeffs = rp.univariate(poly, var)
    zero = all(rp.evaluate(poly, {var: r}) == 0 for r in rational) and all(_near_root(coeffs, r) for r in surds)
    checks = [CheckResult("roots substituted back", zero, f"{len(rational)} exactly, {len(surds)} to 60 digits "
                                                          "(Python Fractions, mpmath)")]
    for r in rational:
        remainder = Fraction(0)
        while remainder == 0 and len(coeffs) > 1:
            quotient, remainder = rp.divide_by_root(coeffs, r)
            if remainder == 0:
                coeffs = quotient
    left = rp.distinct_root_count(coeffs)
    checks.append(CheckResult("no root missed", left == len(surds),
                              f"with the rational roots divided out, {left} distinct root(s) are left and "
                              f"{len(surds)} other root(s) were listed"))
    return checks


def _near_root(coeffs: list[Fraction], root) -> bool:
    """The listed root's 70-digit value, put into the Fraction coefficients with mpmath."""
    if not root.is_real:
        return False
    with mpmath.workdps(60):
        x = mpmath.mpf(str(sp.N(root, 70)))
        value = sum(mpmath.mpf(c.numerator) / c.denominator * x**k for k, c in enumerate(coeffs))
        size = sum(abs(mpmath.mpf(c.numerator) / c.denominator) * abs(x) ** k for k, c in enumerate(coeffs))
        return abs(value) <= mpmath.mpf(10) ** -45 * max(size, 1)


def _system_checks(polys: list[rp.Poly], solution: dict[str, Fraction]) -> list[CheckResult]:
    zero = all(rp.evaluate(p, solution) == 0 for p in polys)
    checks = [CheckResult("solution substituted back", zero, "every equation holds (Python Fractions)")]
    rows = rp.linear_rows(polys, sorted(solution))
    det = rp.determinant(rows) if rows is not None and len(rows) == len(solution) else Fraction(0)
    checks.append(CheckResult("the solution is the only one", det != 0, f"the linear system's determinant is {det}"))
    return checks


OPERATIONS = (
    Operation("solve_for", solve_for, {"solve_for": _solve_for_check},
              ("solve_for(5*k - 3 = 2*k + 9, k)", "solve_for(w**2 - 2*w - 1 = 0, w)",
               "solve_for(p + q = 10, p - q = 4, q)")),
)
