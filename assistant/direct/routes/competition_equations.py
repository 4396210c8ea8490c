"""Equations solved by a reading of their shape: |L| = R (squared by the tool, each root put back into the equation as
written) and b1^P = b2^Q with one base (the exponents equated, each root put back at 50 digits)."""
from __future__ import annotations

import re
from fractions import Fraction

import mpmath
from tools.parsing import BinOp, Call, Name, Node, Relation, to_text

from .. import algebra_checks as second
from ..algebra_checks import NotDerived, fraction_text, polynomial
from ..plan import RoutedCall
from .competition_reading import Formula
from .algebra_common import PICKS, picked_value, poly_text, rational_members_pick, rational_number, symbolic_plan

# -- absolute values ------------------------------------------------------------------------------------------

def _absolute_equation(formula: Formula) -> tuple[str, list[Fraction], list[Fraction], Node, Node] | None:
    """|L| = R with L and R linear (or R constant) in one letter: (letter, L, R, L's tree, R's tree)."""
    tree = formula.tree
    if not (isinstance(tree, Relation) and tree.op == "=" and len(formula.names) == 1):
        return None
    (var,) = formula.names
    sides = (tree.left, tree.right)
    for inside, other in (sides, sides[::-1]):
        if isinstance(inside, Call) and inside.func == "abs" and len(inside.args) == 1:
            lp, rp_ = polynomial(inside.args[0], {var}), polynomial(other, {var})
            if lp is None or rp_ is None:
                return None
            lc, rc = second.coefficients(lp, var), second.coefficients(rp_, var)
            if lc is None or rc is None or len(lc) != 2 or lc[1] == 0 or len(rc) > 2:
                return None
            return var, lc, rc + [Fraction(0)] * (2 - len(rc)), inside.args[0], other
    return None


def _absolute_solutions(left: list[Fraction], right: list[Fraction]) -> list[Fraction]:
    """The second route, by cases: L = R or L = -R, each kept where R >= 0 (so |L| = R holds)."""
    found = set()
    for sign in (1, -1):
        slope = left[1] - sign * right[1]
        if slope == 0:
            if left[0] - sign * right[0] == 0:
                raise NotDerived("a whole interval of solutions")
            continue
        x = -(left[0] - sign * right[0]) / slope
        if right[0] + right[1] * x >= 0:
            found.add(x)
    return sorted(found)


def absolute_pick(formulas: list[Formula], how: str, var_ref: str | None, ref: str) -> RoutedCall | None:
    formula = formulas[int(ref)]
    read = _absolute_equation(formula)
    if read is None:
        return _exponential_pick(formulas, how, var_ref, ref)
    var, left, right, inside, other = read
    if var_ref is not None and not (isinstance(formulas[int(var_ref)].tree, Name)
                                    and formulas[int(var_ref)].tree.name == var):
        return None
    solutions = _absolute_solutions(left, right)
    how = PICKS.get(how.lower(), how.lower())
    expected = picked_value(solutions, how)
    if expected is None:
        return None
    squared = f"solve(({to_text(inside)})^2 = ({to_text(other)})^2, {var})"

    def relabel(answer: str) -> str | None:
        m = re.fullmatch(r"\{(.*)\}", answer.strip())
        try:
            candidates = [Fraction(p.strip()) for p in m.group(1).split(",")] if m and m.group(1).strip() else None
        except ValueError:
            return None
        if candidates is None:
            return None
        # the squared equation's roots, each substituted back into |L| = R
        kept = sorted(x for x in candidates
                      if abs(left[0] + left[1] * x) == right[0] + right[1] * x)
        if kept != solutions:
            return None
        return fraction_text(expected)
    return symbolic_plan(squared, relabel)


# -- exponential equations with one base ----------------------------------------------------------------------------

def _base_and_power(n: Fraction) -> tuple[int, Fraction] | None:
    """8 -> (2, 3), 1/9 -> (3, -2), 7 -> (7, 1); 1 and non-positive numbers: None."""
    if n <= 0 or n == 1:
        return None
    sign = 1
    if n.denominator != 1:
        if n.numerator != 1:
            return None
        n, sign = Fraction(n.denominator), -1
    value = n.numerator
    for root in range(2, 1 + min(value, 10**6)):
        power, x = 0, value
        while x % root == 0:
            x //= root
            power += 1
        if x == 1:
            return root, Fraction(sign * power)
        if power:
            return None
    return None


def _exponent_sides(formula: Formula) -> tuple[str, list[Fraction]] | None:
    """b1^P = b2^Q (either side may be a plain number) with one base c: (letter, coefficients of m1 P - m2 Q)."""
    tree = formula.tree
    if not (isinstance(tree, Relation) and tree.op == "=" and len(formula.names) == 1):
        return None
    (var,) = formula.names
    sides = []
    for side in (tree.left, tree.right):
        if isinstance(side, BinOp) and side.op == "^":
            base = rational_number(Formula("", side.left))
            exponent = polynomial(side.right, {var})
            coeffs = second.coefficients(exponent, var) if exponent is not None else None
        else:
            base, coeffs = rational_number(Formula("", side)), [Fraction(1)]
            if base is None:
                return None
        read = _base_and_power(base) if base is not None else None
        if read is None or coeffs is None:
            return None
        sides.append((read, coeffs))
    (c1, m1), p = sides[0]
    (c2, m2), q = sides[1]
    if c1 != c2:
        return None
    size = max(len(p), len(q))
    p, q = p + [Fraction(0)] * (size - len(p)), q + [Fraction(0)] * (size - len(q))
    difference = [m1 * a - m2 * b for a, b in zip(p, q)]
    while difference and difference[-1] == 0:
        difference.pop()
    return (var, difference) if len(difference) >= 2 else None


def _power_value(side: Node, env: dict) -> mpmath.mpf:
    """b^P with the exponent evaluated first (complex_value reads whole powers only)."""
    if isinstance(side, BinOp) and side.op == "^":
        return second.complex_value(side.left, env) ** second.complex_value(side.right, env)
    return second.complex_value(side, env)


def _exponential_pick(formulas: list[Formula], how: str, var_ref: str | None, ref: str) -> RoutedCall | None:
    formula = formulas[int(ref)]
    read = _exponent_sides(formula)
    if read is None:
        return None
    var, difference = read
    if var_ref is not None and not (isinstance(formulas[int(var_ref)].tree, Name)
                                    and formulas[int(var_ref)].tree.name == var):
        return None
    if len(difference) > 5:
        return None
    roots = second.all_real_roots_rational(difference)
    if roots is None:
        return None  # an irrational solution as well
    # the second route: each root put back into the equation as written, both sides at 50 digits
    with mpmath.workdps(second.DIGITS):
        for r in roots:
            left, right = (_power_value(side, {var: mpmath.mpf(r.numerator) / r.denominator})
                           for side in (formula.tree.left, formula.tree.right))
            if not second.close(mpmath.re(left), mpmath.re(right)):
                return None
    expected = picked_value(roots, PICKS.get(how.lower(), how.lower()))
    if expected is None:
        return None
    return symbolic_plan(f"solve({poly_text(difference, var)} = 0, {var})", rational_members_pick(roots, expected))
