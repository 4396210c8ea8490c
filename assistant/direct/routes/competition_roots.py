"""The roots of a quadratic (or a low-degree polynomial): their gap, sum, product, power sums, a symmetric formula
in them, all of them listed, a polynomial's value where the quadratic vanishes, the parameter giving one solution or a
square of a binomial, a formula's value given two equations. The second route is mpmath's numeric roots, the rational
root test, or exact elimination."""
from __future__ import annotations

import re
from fractions import Fraction

import mpmath
from tools.parsing import Name, Node, Relation, Seq, parse, to_text
from tools.symbolic import rational_poly as rp

from .. import algebra_checks as second
from ..algebra_checks import NotDerived, agreeing, bracketed, fraction_text, polynomial
from ..plan import RoutedCall
from .competition_piecewise import exact_value as piecewise_exact
from .competition_reading import Formula
from .algebra_common import (
    agreeing_rational_near, calculator_plan, coefficient_of_power, one_letter, poly_text, rational_members_pick,
    read_quadratic, set_pick, substituted, symbolic_plan, top_level_split)

def _equation_roots(formulas: list[Formula], ref: str):
    """A quadratic equation's coefficients (c, b, a) and mpmath's real roots, or None."""
    formula = formulas[int(ref)]
    read = read_quadratic(formula)
    if read is None or not isinstance(formula.tree, Relation):
        return None
    _, (c, b, a) = read
    return (c, b, a), second.real_roots([c, b, a])


def root_difference(formulas: list[Formula], ref: str) -> RoutedCall | None:
    found = _equation_roots(formulas, ref)
    if found is None:
        return None
    (c, b, a), roots = found
    with mpmath.workdps(second.DIGITS):
        gap = roots[-1] - roots[0]
    discriminant = b * b - 4 * a * c
    return symbolic_plan(f"sqrt({fraction_text(discriminant)})/{fraction_text(abs(a))}", agreeing(gap))


def quadratic_discriminant(formulas: list[Formula], ref: str) -> RoutedCall | None:
    read = read_quadratic(formulas[int(ref)])
    if read is None:
        return None
    _, (c, b, a) = read
    # the second route: a^2 (r1 - r2)^2 from the numeric roots
    roots = second.numeric_roots([c, b, a])
    with mpmath.workdps(second.DIGITS):
        again = mpmath.re(a * a * (roots[0] - roots[1]) ** 2)
    return calculator_plan(f"{bracketed(b)}^2 - 4*{bracketed(a)}*{bracketed(c)}", agreeing_rational_near(again))


# -- a parameter for exactly one solution -----------------------------------------------------------------------

def one_solution(formulas: list[Formula], sign: str | None, param_ref: str, ref: str) -> RoutedCall | None:
    """'For what value of $k$ does $x^2 + kx + 9 = 0$ have exactly one solution?': the discriminant, a polynomial
    in k, is 0. Read only where the leading coefficient does not involve k (else k could also make it linear)."""
    param, formula = formulas[int(param_ref)].tree, formulas[int(ref)]
    if not isinstance(param, Name) or formula.names != {param.name, "x"} or param.name == "x":
        return None
    k = param.name
    poly = polynomial(formula.tree, {k, "x"}) if isinstance(formula.tree, Relation) else None
    if poly is None or rp.degree(poly, "x") != 2:
        return None
    by_power = [{m: c for m, c in coefficient_of_power(poly, "x", e).items()} for e in range(3)]
    c, b, a = by_power
    if rp.names(a):
        return None
    discriminant = rp.add(rp.multiply(b, b), rp.scale(rp.multiply(a, c), Fraction(-4)))
    coeffs = second.coefficients(discriminant, k) if rp.names(discriminant) <= {k} else None
    if coeffs is None or len(coeffs) < 2:
        return None
    roots = second.rational_roots(coeffs)
    if roots is None:
        return None
    wanted = [r for r in roots if sign is None or (r > 0 if sign.lower() == "positive" else r < 0)]
    if len(wanted) != 1:
        return None
    value = wanted[0]
    # substituted back: with this k the equation's discriminant is 0 exactly
    at = {k: value}
    if rp.evaluate(b, at) ** 2 - 4 * rp.evaluate(a, at) * rp.evaluate(c, at) != 0:
        return None
    return symbolic_plan(f"solve({poly_text(coeffs, k)} = 0, {k})", set_pick(value))


def all_roots(formulas: list[Formula], kind: str | None, ref: str) -> RoutedCall | None:
    """'Find all roots of the polynomial $x^3+x^2-4x-4$. Enter your answer as a list of numbers separated by
    commas.': distinct roots of a polynomial of degree 2 to 4, all real unless only the real (or the integer, or the
    rational) ones are asked for; the tool's roots must match the ones found here one for one (mpmath's numeric
    roots, or the rational root test)."""
    formula = formulas[int(ref)]
    kind = (kind or "").strip().lower()
    var = one_letter(formula)
    poly = polynomial(formula.tree, {var}) if var else None
    coeffs = second.coefficients(poly, var) if poly is not None else None
    if coeffs is None or not 3 <= len(coeffs) <= 5 or rp.distinct_root_count(coeffs) != len(coeffs) - 1:
        return None
    if kind in ("integer", "rational"):
        wanted = [r for r in second.rational_roots_found(coeffs) if kind == "rational" or r.denominator == 1]
        if not wanted:
            return None
        expected = [mpmath.mpf(r.numerator) / r.denominator for r in wanted]
        keep = lambda text: re.fullmatch(r"-?\d+" if kind == "integer" else r"-?\d+(?:/\d+)?", text)  # noqa: E731
    else:
        roots = second.numeric_roots(coeffs)
        scale = max([abs(r) for r in roots] + [mpmath.mpf(1)])
        expected = [mpmath.re(r) for r in roots if abs(mpmath.im(r)) <= mpmath.mpf(10) ** -20 * scale]
        if not expected or (not kind and len(expected) != len(roots)):
            return None
        if kind and second.real_root_count(coeffs) != len(expected):
            return None
        keep = lambda text: not re.search(r"\bI\b", text)  # noqa: E731
    equation = to_text(formula.tree) if isinstance(formula.tree, Relation) else f"{to_text(formula.tree)} = 0"

    def relabel(answer: str) -> str | None:
        m = re.fullmatch(r"\{(.*)\}", answer.strip())
        if m is None or "RootOf" in answer:
            return None
        kept = [x for x in top_level_split(m.group(1)) if keep(x)]
        values = [second.numeric_value(x) for x in kept]
        if None in values or len(values) != len(expected):
            return None
        if not all(second.close(a, b) for a, b in zip(sorted(values), sorted(expected))):
            return None
        return ", ".join(x for _, x in sorted(zip(values, kept)))
    return symbolic_plan(f"solve({equation}, {var})", relabel)


# -- the sum or product of roots, in wordings the general route does not read ----------------------------------

def vieta(formulas: list[Formula], how: str, ref: str) -> RoutedCall | None:
    """'What is the sum of the two solutions of $54 - 15x - x^2 = 0$?': -b/a or c/a (a quadratic's distinct real
    roots), against mpmath's numeric roots added or multiplied."""
    found = _equation_roots(formulas, ref)
    if found is None:
        return None
    (c, b, a), roots = found
    with mpmath.workdps(second.DIGITS):
        numeric = roots[0] + roots[1] if how.lower() == "sum" else roots[0] * roots[1]
    formula_text = f"-{bracketed(b)}/{bracketed(a)}" if how.lower() == "sum" else f"{bracketed(c)}/{bracketed(a)}"
    return calculator_plan(formula_text, agreeing_rational_near(numeric))


def in_the_roots(formulas: list[Formula], a_ref: str, b_ref: str, eq_ref: str, asked_ref: str) -> RoutedCall | None:
    """'Let $d$ and $e$ denote the solutions of $2x^2 + 3x - 5 = 0$. What is $(d - 1)(e - 1)$?': a formula in the two
    roots, the same whichever root each letter names. The tool works out the formula with the roots put in by the
    quadratic formula; the second route evaluates it with mpmath's numeric roots, both ways round."""
    first, other = formulas[int(a_ref)].tree, formulas[int(b_ref)].tree
    asked = formulas[int(asked_ref)]
    if not (isinstance(first, Name) and isinstance(other, Name)) or first.name == other.name:
        return None
    read = read_quadratic(formulas[int(eq_ref)])
    letters = {first.name, other.name}
    if read is None or not isinstance(formulas[int(eq_ref)].tree, Relation) or asked.tree is None \
            or not asked.names <= letters or not asked.names or read[0] in letters:
        return None
    _, (c, b, a) = read
    return _symmetric_in_roots(first.name, other.name, asked.tree, c, b, a)


def _symmetric_in_roots(first: str, other: str, asked: Node, c: Fraction, b: Fraction, a: Fraction):
    """A formula in the two roots of a x^2 + b x + c, the same whichever root each letter names."""
    discriminant = b * b - 4 * a * c
    if discriminant == 0:
        return None  # one root, named twice: not two roots
    roots = second.numeric_roots([c, b, a])
    with mpmath.workdps(second.DIGITS):
        one = second.complex_value(asked, {first: roots[0], other: roots[1]})
        swapped = second.complex_value(asked, {first: roots[1], other: roots[0]})
        real = abs(mpmath.im(one)) < second.TOLERANCE and abs(mpmath.im(swapped)) < second.TOLERANCE
        if not (real and second.close(mpmath.re(one), mpmath.re(swapped))
                and abs(one - swapped) < second.TOLERANCE * max(1, abs(one))):
            return None  # not symmetric in the roots, or not real: which root is which would matter
        value = mpmath.re(one)
    plus = parse(f"(-{bracketed(b)} + sqrt({fraction_text(discriminant)}))/(2*{bracketed(a)})")
    minus = parse(f"(-{bracketed(b)} - sqrt({fraction_text(discriminant)}))/(2*{bracketed(a)})")
    put_in = substituted(asked, {first: plus, other: minus})
    return symbolic_plan(to_text(put_in), agreeing_rational_near(value))


def system_value(formulas: list[Formula], first_ref: str, more: str, asked_ref: str) -> RoutedCall | None:
    """'If $2x + y = 4$ and $x + 2y = 5$, what is $5x^2 + 8xy + 5y^2$?' (two linear equations: the tool solves, the
    second route eliminates over the Fractions, and the formula is evaluated at the one solution), or 'If $x + y = 10$
    and $xy = 21$, what is $x^2 + y^2$?' (the letters are the two roots of t^2 - 10t + 21)."""
    refs = [int(first_ref)] + [int(r) for r in re.findall(r"⟨(\d+)⟩", more)]
    asked = formulas[int(asked_ref)]
    if len(refs) != 2 or asked.tree is None or isinstance(asked.tree, (Relation, Seq)):
        return None
    equations = [formulas[r] for r in refs]
    letters = equations[0].names | equations[1].names
    if len(letters) != 2 or not asked.names or not asked.names <= letters:
        return None
    if any(not isinstance(e.tree, Relation) or e.tree.op != "=" for e in equations):
        return None
    polys = [polynomial(e.tree, letters) for e in equations]
    if None in polys:
        return None
    u, v = sorted(letters)
    rows = rp.linear_rows(polys, [u, v])
    if rows is not None:
        return _linear_system_value(equations, polys, rows, u, v, asked.tree)
    return _sum_and_product(polys, u, v, asked.tree)


def _linear_system_value(equations, polys, rows, u, v, asked: Node) -> RoutedCall | None:
    det = rp.determinant(rows)
    if det == 0:
        return None
    constants = [-p.get((), Fraction(0)) for p in polys]
    (a, b), (c, d) = rows
    x = (constants[0] * d - b * constants[1]) / det  # Cramer's rule
    y = (a * constants[1] - constants[0] * c) / det
    if any(rp.evaluate(p, {u: x, v: y}) != 0 for p in polys):
        return None
    try:
        value = piecewise_exact(asked, {u: x, v: y})
    except (NotDerived, ZeroDivisionError):
        return None
    call = f"solve({to_text(equations[0].tree)}, {to_text(equations[1].tree)}, {u}, {v})"

    def relabel(answer: str) -> str | None:
        m = re.fullmatch(r"\{\s*(\w+)\s*:\s*(-?\d+(?:/\d+)?)\s*,\s*(\w+)\s*:\s*(-?\d+(?:/\d+)?)\s*\}", answer.strip())
        if m is None or (m.group(1), m.group(3)) != (u, v) or (Fraction(m.group(2)), Fraction(m.group(4))) != (x, y):
            return None
        return fraction_text(value)
    return symbolic_plan(call, relabel)


def _sum_and_product(polys, u, v, asked: Node) -> RoutedCall | None:
    """u + v = s (any multiple of it) and u v = p (likewise): u and v are the roots of t^2 - s t + p."""
    total = product = None
    for p in polys:
        keys = set(p) - {()}
        if keys == {((u, 1),), ((v, 1),)} and p[((u, 1),)] == p[((v, 1),)]:
            total = -p.get((), Fraction(0)) / p[((u, 1),)]
        elif keys == {((u, 1), (v, 1))}:
            product = -p.get((), Fraction(0)) / p[((u, 1), (v, 1))]
    if total is None or product is None:
        return None
    return _symmetric_in_roots(u, v, asked, product, -total, Fraction(1))


# -- a polynomial's value where a quadratic vanishes --------------------------------------------------------------

def value_where_zero(formulas: list[Formula], eq_ref: str, asked_ref: str) -> RoutedCall | None:
    """'If $x^2 - x - 1 = 0$, what is the value of $x^3 - 2x + 1$?': the same at both roots when the remainder of
    the division by the quadratic is a constant. The tool puts one root in (the quadratic formula); the second
    route divides the polynomials over the Fractions."""
    equation, asked = formulas[int(eq_ref)], formulas[int(asked_ref)]
    read = read_quadratic(equation)
    if read is None or not isinstance(equation.tree, Relation) or asked.tree is None \
            or isinstance(asked.tree, Relation):
        return None
    var, (c, b, a) = read
    poly = polynomial(asked.tree, {var})
    asked_coeffs = second.coefficients(poly, var, rp.MAX_POWER) if poly is not None and asked.names == {var} else None
    if asked_coeffs is None or len(asked_coeffs) < 3 or b * b - 4 * a * c == 0:
        return None
    left = rp.remainder(asked_coeffs, [c, b, a])
    if len(left) > 1:
        return None  # the value differs from root to root
    value = left[0] if left else Fraction(0)
    root = parse(f"(-{bracketed(b)} + sqrt({fraction_text(b * b - 4 * a * c)}))/(2*{bracketed(a)})")
    return symbolic_plan(to_text(substituted(asked.tree, {var: root})), agreeing(value))


# -- power sums of a quadratic's roots ---------------------------------------------------------------------------

POWER_SUMS = {"squares": "r^2 + s^2", "cubes": "r^3 + s^3", "reciprocals": "1/r + 1/s",
              "squares of the reciprocals": "1/r^2 + 1/s^2"}


def power_sum(formulas: list[Formula], which: str, noun: str, ref: str) -> RoutedCall | None:
    """'What is the sum of the squares of the roots of $x^2 - 13x + 4 = 0$?' (a quadratic's two roots; its
    solutions, when asked for, must be real)."""
    formula = formulas[int(ref)]
    read = read_quadratic(formula)
    if read is None or read[0] in ("r", "s"):
        return None
    var, (c, b, a) = read
    if noun.lower().startswith("solution") and b * b - 4 * a * c <= 0:
        return None
    return _symmetric_in_roots("r", "s", parse(POWER_SUMS[re.sub(r"\s+", " ", which.lower())]), c, b, a)


# -- the square of a binomial -----------------------------------------------------------------------------------

def square_of_binomial(formulas: list[Formula], param_ref: str, ref: str) -> RoutedCall | None:
    """'If $a$ is a constant such that $4x^2 - 12x + a$ is the square of a binomial, what is $a$?': the discriminant
    in x is 0 for one value of the constant only; substituted back, the quadratic is (p x + q)^2 with p and q
    rational."""
    param, formula = formulas[int(param_ref)].tree, formulas[int(ref)]
    if not isinstance(param, Name) or param.name == "x" or formula.names != {param.name, "x"}:
        return None
    k = param.name
    poly = polynomial(formula.tree, {k, "x"}) if not isinstance(formula.tree, Relation) else None
    if poly is None or rp.degree(poly, "x") != 2:
        return None
    c, b, a = (coefficient_of_power(poly, "x", e) for e in range(3))
    discriminant = rp.add(rp.multiply(b, b), rp.scale(rp.multiply(a, c), Fraction(-4)))
    coeffs = second.coefficients(discriminant, k) if rp.names(discriminant) <= {k} else None
    if coeffs is None or len(coeffs) < 2:
        return None
    roots = second.rational_roots_found(coeffs)
    fitting = [v for v in roots if _is_square_of_binomial(*(rp.evaluate(t, {k: v}) for t in (a, b, c)))]
    if len(fitting) != 1:
        return None
    return symbolic_plan(f"solve({poly_text(coeffs, k)} = 0, {k})", set_pick(fitting[0]))


def _is_square_of_binomial(a: Fraction, b: Fraction, c: Fraction) -> bool:
    import math

    if a <= 0:
        return False
    p_num, p_den = math.isqrt(a.numerator), math.isqrt(a.denominator)
    if p_num * p_num != a.numerator or p_den * p_den != a.denominator:
        return False
    p = Fraction(p_num, p_den)
    q = b / (2 * p)
    return q * q == c


def signed_root(formulas: list[Formula], var_ref: str, sign: str, ref: str, asked_ref: str) -> RoutedCall | None:
    """'What is the value of $x$ if $x$ is positive and $x^2 = 729$?': a polynomial equation whose real roots are
    all rational (the rational root test, the rest of the polynomial left with no real root), one of them of the
    sign said."""
    var, asked, formula = formulas[int(var_ref)].tree, formulas[int(asked_ref)].tree, formulas[int(ref)]
    if not (isinstance(var, Name) and isinstance(asked, Name) and var.name == asked.name) \
            or formula.names != {var.name}:
        return None
    poly = polynomial(formula.tree, {var.name}) if isinstance(formula.tree, Relation) else None
    coeffs = second.coefficients(poly, var.name) if poly is not None else None
    if coeffs is None or len(coeffs) < 3 or len(coeffs) > 5:
        return None
    roots = second.all_real_roots_rational(coeffs)
    if roots is None:
        return None
    chosen = [r for r in roots if (r > 0 if sign.lower() == "positive" else r < 0)]
    if len(chosen) != 1:
        return None
    return symbolic_plan(f"solve({to_text(formula.tree)}, {var.name})", rational_members_pick(roots, chosen[0]))
