"""Polynomials and rational functions: remainders, coefficient sums, vertical asymptotes, where an expression is
undefined. Second routes: synthetic or long division over the Fractions, the rational root test, numeric roots."""
from __future__ import annotations

import re
from fractions import Fraction

from tools.parsing import Name, Node, Relation, parse, to_text
from tools.symbolic import rational_poly as rp

from .. import algebra_checks as second
from ..algebra_checks import agreeing, bracketed, fraction_text, polynomial
from ..plan import RoutedCall
from .competition_reading import Formula
from .algebra_common import (
    fraction_of_polynomials, one_letter, picked_value, poly_text, rational_members_pick, substituted, symbolic_plan,
    top_level_split)

def polynomial_remainder(formulas: list[Formula], p_ref: str, d_ref: str) -> RoutedCall | None:
    dividend, divisor = formulas[int(p_ref)], formulas[int(d_ref)]
    var = one_letter(divisor)
    if var is None or not dividend.names <= {var}:
        return None
    p, d = polynomial(dividend.tree, {var}), polynomial(divisor.tree, {var})
    if p is None or d is None or isinstance(dividend.tree, Relation):
        return None
    pc, dc = second.coefficients(p, var, rp.MAX_POWER), second.coefficients(d, var)
    if pc is None or dc is None or len(pc) < 2 or len(dc) < 2:
        return None
    if len(dc) > 2:
        return _remainder_by_interpolation(dividend.tree, var, pc, dc)
    root = -dc[0] / dc[1]
    _, remainder = rp.divide_by_root(pc, root)
    call = f"subs({to_text(dividend.tree)}, {var} = {fraction_text(root)})"
    return symbolic_plan(call, agreeing(remainder))


def _remainder_by_interpolation(tree: Node, var: str, dividend: list[Fraction], divisor: list[Fraction]):
    """A divisor of degree 2 or 3 with distinct rational roots: the remainder is the polynomial of lower degree
    through the dividend's values at those roots (Lagrange's form, expanded by the tool); the second route is long
    division over the Fractions."""
    if len(divisor) > 4 or len(dividend) < len(divisor):
        return None
    roots = second.rational_roots(divisor)
    if roots is None or len(roots) != len(divisor) - 1:
        return None
    expected = rp.remainder(dividend, divisor)
    terms = []
    for r in roots:
        value = to_text(substituted(tree, {var: parse(bracketed(r))}))
        basis = "*".join(f"({var} - {bracketed(o)})/({bracketed(r)} - {bracketed(o)})" for o in roots if o != r)
        terms.append(f"({value})*{basis}")
    call = f"expand({' + '.join(terms)})"

    def relabel(answer: str) -> str | None:
        try:
            got = polynomial(parse(answer), {var})
        except Exception:  # an answer the parser cannot read is not this polynomial
            return None
        want = {((var, k),) if k else (): c for k, c in enumerate(expected) if c}
        return answer if got is not None and got == want else None
    return symbolic_plan(call, relabel)


def coefficient_sum(formulas: list[Formula], ref: str) -> RoutedCall | None:
    formula = formulas[int(ref)]
    names = sorted(formula.names)
    # one letter, or the usual x, y, z: in 'a x^2 + b x' the other letters are the coefficients themselves
    if not names or len(names) > 1 and not set(names) <= {"x", "y", "z"} or isinstance(formula.tree, Relation):
        return None
    poly = polynomial(formula.tree, set(names))
    if poly is None:
        return None
    total = sum(poly.values(), Fraction(0))  # the expanded polynomial's coefficients, added
    call = f"subs({to_text(formula.tree)}, {', '.join(f'{n} = 1' for n in names)})"
    return symbolic_plan(call, agreeing(total))


def vertical_asymptotes(formulas: list[Formula], ref: str) -> RoutedCall | None:
    """The zeros of the denominator once the factors it shares with the numerator are cancelled (a shared factor
    is a hole); the tool solves, the second route counts real roots numerically."""
    read = fraction_of_polynomials(formulas[int(ref)])
    if read is None:
        return None
    var, top, bottom = read
    reduced = second.quotient(bottom, rp.gcd(top, bottom))
    while reduced and reduced[-1] == 0:
        reduced.pop()
    if len(reduced) - 1 > 3:
        return None  # the engine writes the roots of a quartic in radicals too long to count reliably
    expected = second.real_root_count(reduced) if len(reduced) > 1 else 0
    if len(reduced) == 1:
        return None  # no asymptote at all: said by nothing the tool computes
    return symbolic_plan(f"solve({poly_text(reduced, var)} = 0, {var})", _real_members_counted(expected))


def _real_members_counted(expected: int):
    def relabel(answer: str) -> str | None:
        m = re.fullmatch(r"\{(.*)\}", answer.strip())
        if m is None or "RootOf" in answer or "(" in m.group(1) and "sqrt" not in m.group(1) and "**" not in m.group(1):
            return None
        members = top_level_split(m.group(1))
        real = [x for x in members if not re.search(r"\bI\b", x)]
        return str(len(real)) if members and len(real) == expected else None
    return relabel


# -- where an expression is undefined -------------------------------------------------------------------------

def undefined_at(formulas: list[Formula], how: str, var_ref: str | None, ref: str) -> RoutedCall | None:
    """'What is the sum of all values of $y$ for which the expression $\\frac{y+6}{y^2-5y+4}$ is undefined?': the real
    zeros of the denominator (all of them rational here), their sum, product, or the one value."""
    formula = formulas[int(ref)]
    read = fraction_of_polynomials(formula)
    if read is None:
        return None
    var, _, bottom = read
    if var_ref is not None and not (isinstance(formulas[int(var_ref)].tree, Name)
                                    and formulas[int(var_ref)].tree.name == var):
        return None
    if len(bottom) > 5:
        return None
    zeros = second.all_real_roots_rational(bottom)
    if zeros is None:
        return None  # an irrational zero as well
    expected = picked_value(zeros, how)
    if expected is None:
        return None
    denominator = to_text(formula.tree.right if not isinstance(formula.tree, Relation) else formula.tree.right.right)
    return symbolic_plan(f"solve({denominator} = 0, {var})", rational_members_pick(zeros, expected))


def horizontal_asymptote(formulas: list[Formula], ref: str, equation: bool) -> RoutedCall | None:
    """'At what value of $y$ is there a horizontal asymptote of $y = \\frac{12x^4 + 3}{3x^4 + 1}$?': the ratio of the
    leading coefficients (numerator and denominator of one degree), or 0 (the numerator of lower degree). The tool
    takes the limit at infinity; the second route evaluates the fraction far out with mpmath."""
    import mpmath

    read = fraction_of_polynomials(formulas[int(ref)])
    if read is None:
        return None
    var, top, bottom = read
    top, bottom = _trimmed(top), _trimmed(bottom)
    if len(top) > len(bottom):
        return None  # no horizontal asymptote
    value = top[-1] / bottom[-1] if len(top) == len(bottom) else Fraction(0)
    with mpmath.workdps(second.DIGITS):
        far = mpmath.mpf(10) ** 40
        def at(coeffs):
            return sum(mpmath.mpf(c.numerator) / c.denominator * far ** k for k, c in enumerate(coeffs))
        if abs(at(top) / at(bottom) - mpmath.mpf(value.numerator) / value.denominator) > mpmath.mpf(10) ** -30:
            return None
    call = f"limit(({poly_text(top, var)})/({poly_text(bottom, var)}), {var}, oo)"
    return symbolic_plan(call, agreeing(value, (lambda text: f"y = {text}") if equation else (lambda text: text)))


def _trimmed(coeffs: list[Fraction]) -> list[Fraction]:
    coeffs = list(coeffs)
    while coeffs and coeffs[-1] == 0:
        coeffs.pop()
    return coeffs
