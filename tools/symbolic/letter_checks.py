"""Checks of the letter operations (letter_ops.py), recomputed with Python Fractions (rational_poly.py).

The result is printed, read back by calx's own parser and compared exactly with the input recomputed by the
Fraction engine: no SymPy arithmetic is trusted. Roots are substituted back and divided out (none is missed
when the quotient left is a constant); a linear system's solution is substituted back and its determinant
recomputed; a sequence's next term comes from a table of differences, its general term must give every term.
"""
from __future__ import annotations

from fractions import Fraction

import mpmath
import sympy as sp

from ..parsing import BinOp, Name, parse
from . import rational_poly as rp
from .checks import CheckResult


def _result_poly(value) -> rp.Poly:
    return rp.from_tree(parse(sp.sstr(value)))


def _equation_poly(node) -> rp.Poly:
    return rp.add(rp.from_tree(node.left), rp.scale(rp.from_tree(node.right), Fraction(-1)))


def _fraction(value) -> Fraction:
    return Fraction(int(value.p), int(value.q))


# -- equations --------------------------------------------------------------------------------------

def _solve_for_check(outcome):
    inputs = outcome.inputs
    polys = [_equation_poly(n) for n in inputs["nodes"]]
    if "solution" in inputs:
        return _system_checks(polys, {k: _fraction(v) for k, v in inputs["solution"].items()})
    return _roots_checks(polys[0], inputs["var"], list(outcome.value.values))


def _roots_checks(poly: rp.Poly, var: str, roots: list) -> list[CheckResult]:
    """Rational roots substituted and divided out exactly; the others (square roots) substituted numerically at
    60 digits, and counted: with the rational roots divided out, the square-free part of what is left must have
    exactly as many roots as were listed, so none is missed."""
    rational = [_fraction(r) for r in roots if r.is_Rational]
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


# -- rewriting and calculus -------------------------------------------------------------------------

def _same_polynomial(name: str):
    def check(outcome):
        same = rp.from_tree(outcome.inputs["node"]) == _result_poly(outcome.value)
        return [CheckResult(f"{name} form equals the input", same,
                            "both multiplied out with Python Fractions: identical coefficients")]
    return check


def _coefficient_check(outcome):
    inputs = outcome.inputs
    coeffs = rp.univariate(rp.from_tree(inputs["node"]), inputs["var"])
    want = coeffs[inputs["power"]] if inputs["power"] < len(coeffs) else Fraction(0)
    return [CheckResult("coefficient recomputed", want == _fraction(outcome.value),
                        f"multiplied out with Python Fractions: {want}")]


def _diff_letters_check(outcome):
    inputs = outcome.inputs
    want = rp.derivative(rp.from_tree(inputs["node"]), inputs["var"], inputs["order"])
    return [CheckResult("derivative recomputed", want == _result_poly(outcome.value),
                        "term by term with Python Fractions")]


def _diff_at_check(outcome):
    inputs = outcome.inputs
    slope = rp.derivative(rp.from_tree(inputs["node"]), inputs["var"], inputs["order"])
    at_point = {}
    for monomial, c in slope.items():  # put the point in for the variable; other letters stay
        exps = dict(monomial)
        c *= inputs["point"] ** exps.pop(inputs["var"], 0)
        at_point = rp.add(at_point, {tuple(sorted(exps.items())): c})
    return [CheckResult("derivative recomputed at the point", at_point == _result_poly(outcome.value),
                        "term by term with Python Fractions")]


def _power_check(outcome):
    inputs = outcome.inputs
    want = _exponent(inputs["node"], inputs["var"])
    _, got = outcome.value.as_base_exp()
    return [CheckResult("exponent recomputed", want == _fraction(got),
                        f"exponents added and multiplied with Python Fractions: {want}")]


def _exponent(node, var: str) -> Fraction:
    """The exponent of `var` in a product/quotient/power of it, read from the tree."""
    if isinstance(node, Name) and node.name == var:
        return Fraction(1)
    if isinstance(node, BinOp) and node.op in ("*", "/"):
        left, right = _exponent(node.left, var), _exponent(node.right, var)
        return left + right if node.op == "*" else left - right
    if isinstance(node, BinOp) and node.op == "^":
        return _exponent(node.left, var) * _number(node.right)
    raise ValueError("not a product of powers of one letter")


def _number(node) -> Fraction:
    value = rp.constant_value(rp.from_tree(node))
    if value is None:
        raise ValueError("an exponent that is not a number")
    return value


# -- sequences --------------------------------------------------------------------------------------

def _differences(terms: list[Fraction]) -> list[list[Fraction]]:
    """Rows of differences down to the first constant row; that row must have two entries or more."""
    rows = [list(terms)]
    while len(set(rows[-1])) > 1:
        rows.append([b - a for a, b in zip(rows[-1], rows[-1][1:])])
    if len(rows[-1]) < 2:
        raise ValueError("the differences never become constant: no pattern is confirmed")
    return rows


def _next_term_check(outcome):
    rows = _differences(outcome.inputs["terms"])
    following = sum(row[-1] for row in rows)
    return [CheckResult("next term from the table of differences", following == _fraction(outcome.value),
                        f"{len(rows) - 1} row(s) of differences down to a constant give {following}")]


def _term_at_check(outcome):
    """Newton's forward differences: a_k = sum over j of C(k - 1, j) times the j-th difference at the start."""
    from math import comb

    rows, k = _differences(outcome.inputs["terms"]), outcome.inputs["position"]
    value = sum(comb(k - 1, j) * row[0] for j, row in enumerate(rows))
    return [CheckResult("term from Newton's forward differences", value == _fraction(outcome.value),
                        f"{len(rows)} leading difference(s) give {value}")]


def _nth_term_check(outcome):
    terms, var = outcome.inputs["terms"], outcome.inputs["var"]
    poly = _result_poly(outcome.value)
    if rp.names(poly) - {var}:
        return [CheckResult("general term gives every term", False, "other letters in the general term")]
    again = [rp.evaluate(poly, {var: Fraction(k)}) for k in range(1, len(terms) + 1)]
    rows = _differences(terms)
    return [CheckResult("general term gives every term", again == terms, f"at {var} = 1..{len(terms)}"),
            CheckResult("least degree", rp.degree(poly, var) <= len(rows) - 1,
                        f"the differences are constant after {len(rows) - 1} row(s)")]


CHECKS = {
    "solve_for": _solve_for_check, "expand_letters": _same_polynomial("expanded"),
    "factor_letters": _same_polynomial("factored"), "coefficient_of": _coefficient_check,
    "diff_letters": _diff_letters_check, "diff_at": _diff_at_check, "power_simplify": _power_check,
    "next_term": _next_term_check, "nth_term": _nth_term_check, "term_at": _term_at_check,
}
