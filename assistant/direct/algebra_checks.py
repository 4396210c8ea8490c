"""Second routes for the competition algebra answers (assistant/direct/routes/competition_algebra.py).

The tool answers (SymPy, or the calculator on a formula the route wrote); the route derives the same value here by
another method, and the answer stands only where both agree (`agreeing`): an arithmetic sequence's term by adding
the difference again and again, a list's length by walking it, a polynomial's remainder by synthetic division over
Python Fractions (not the substitution the tool makes), the sum or product of roots from mpmath's numeric roots
(not Vieta's formulas), a vertex or a circle's centre by testing the symmetry of the formula about it. A value that
cannot be derived here gives no answer: the question goes on to the planner.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from typing import Callable

import mpmath

from tools.parsing import BinOp, Call, Name, Neg, Node, Num, ParseError, Relation, parse
from tools.symbolic import rational_poly as rp

DIGITS = 50
TOLERANCE = mpmath.mpf(10) ** -30
MAX_STEPS = 100_000  # a list is walked term by term up to this length
MAX_DEGREE = 8


class NotDerived(ValueError):
    """The second route does not cover this case."""


# -- reading formulas as polynomials ------------------------------------------------------------------------

def polynomial(tree: Node | None, allowed: set[str]) -> rp.Poly | None:
    """A formula as a polynomial with rational coefficients in the allowed letters only; an equation is read as
    left - right. None for anything else (pi, i, a radical, a letter in a denominator)."""
    if tree is None:
        return None
    try:
        if isinstance(tree, Relation):
            if tree.op != "=":
                return None
            poly = rp.add(rp.from_tree(tree.left), rp.scale(rp.from_tree(tree.right), Fraction(-1)))
        else:
            poly = rp.from_tree(tree)
    except (rp.NotPolynomial, ZeroDivisionError, ValueError, TypeError, RecursionError):
        return None
    return poly if rp.names(poly) <= allowed else None


def coefficients(poly: rp.Poly, var: str, max_degree: int = MAX_DEGREE) -> list[Fraction] | None:
    """Constant term first; None if another letter appears or the degree is too high to be cheap."""
    try:
        coeffs = rp.univariate(poly, var)
    except rp.NotPolynomial:
        return None
    return coeffs if len(coeffs) - 1 <= max_degree else None


# -- numbers shown as text --------------------------------------------------------------------------------------

def fraction_text(value: Fraction) -> str:
    return str(value.numerator) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"


def bracketed(value: Fraction) -> str:
    return f"({fraction_text(value)})"


def numeric_value(text: str) -> mpmath.mpf | None:
    """An answer's text ('sqrt(65)/2', '-3/4') evaluated with mpmath, or None if it is not a real number."""
    try:
        tree = parse(text)
    except (ParseError, RecursionError):
        return None
    try:
        with mpmath.workdps(DIGITS):
            return _mp(tree)
    except (NotDerived, ZeroDivisionError, ValueError, OverflowError):
        return None


def _mp(node: Node) -> mpmath.mpf:
    if isinstance(node, Num):
        value = Fraction(node.value)
        return mpmath.mpf(value.numerator) / value.denominator
    if isinstance(node, Neg):
        return -_mp(node.operand)
    if isinstance(node, Name) and node.name == "pi":
        return +mpmath.pi
    if isinstance(node, BinOp) and node.op in ("+", "-", "*", "/"):
        a, b = _mp(node.left), _mp(node.right)
        return {"+": a + b, "-": a - b, "*": a * b, "/": a / b if b else _zero()}[node.op]
    if isinstance(node, BinOp) and node.op == "^":
        base, exponent = _mp(node.left), _mp(node.right)
        if base < 0 and exponent != int(exponent) or abs(exponent) > 10_000:
            raise NotDerived("power")
        return base ** exponent
    if isinstance(node, Call) and node.func == "sqrt" and len(node.args) == 1:
        inner = _mp(node.args[0])
        if inner < 0:
            raise NotDerived("square root of a negative number")
        return mpmath.sqrt(inner)
    raise NotDerived(type(node).__name__)


def _zero():
    raise ZeroDivisionError("division by zero")


def close(a: mpmath.mpf, b: mpmath.mpf) -> bool:
    return abs(a - b) <= TOLERANCE * max(1, abs(a), abs(b))


# -- the gate: the tool's answer must equal the value derived here ----------------------------------------------

Relabel = Callable[[str], "str | None"]


def agreeing(expected: Fraction | mpmath.mpf, shown: Callable[[str], str] = lambda text: text) -> Relabel:
    """A relabel that keeps the tool's answer (written by `shown`) only if it equals `expected`: exactly for a
    rational, to 30 digits for a value derived numerically."""
    def relabel(answer: str) -> str | None:
        text = answer.strip()
        if isinstance(expected, Fraction):
            m = re.fullmatch(r"(-?\d+)(?:/(\d+))?", text)
            if m is None or Fraction(int(m.group(1)), int(m.group(2) or 1)) != expected:
                return None
            return shown(text)
        value = numeric_value(text)
        if value is None or not close(value, expected):
            return None
        return shown(text)
    return relabel


def solved_pair(expected: tuple[Fraction, Fraction], names: tuple[str, str]) -> Relabel:
    """'{x: 3, y: -1}' -> '(3, -1)', only if it is the expected pair."""
    def relabel(answer: str) -> str | None:
        m = re.fullmatch(r"\{\s*(\w+)\s*:\s*(-?\d+(?:/\d+)?)\s*,\s*(\w+)\s*:\s*(-?\d+(?:/\d+)?)\s*\}", answer.strip())
        if m is None or (m.group(1), m.group(3)) != names:
            return None
        got = (Fraction(m.group(2)), Fraction(m.group(4)))
        if got != expected:
            return None
        return f"({fraction_text(got[0])}, {fraction_text(got[1])})"
    return relabel


# -- sequences ---------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Progression:
    first: Fraction
    step: Fraction  # the difference (arithmetic) or the ratio (geometric)
    geometric: bool


def progression(terms: list[Fraction], geometric: bool) -> Progression | None:
    """The rule of the shown terms, if every neighbouring pair follows it."""
    if len(terms) < 2:
        return None
    if geometric:
        if any(t == 0 for t in terms):
            return None
        ratios = {b / a for a, b in zip(terms, terms[1:])}
        return Progression(terms[0], ratios.pop(), True) if len(ratios) == 1 else None
    differences = {b - a for a, b in zip(terms, terms[1:])}
    return Progression(terms[0], differences.pop(), False) if len(differences) == 1 else None


def term_by_steps(rule: Progression, position: int) -> Fraction:
    """The term at `position` by applying the rule position - 1 times (not the closed formula)."""
    if not 1 <= position <= MAX_STEPS:
        raise NotDerived("position out of range")
    term = rule.first
    for _ in range(position - 1):
        term = term * rule.step if rule.geometric else term + rule.step
    return term


def count_by_walking(first: Fraction, step: Fraction, last: Fraction) -> int:
    """How many terms from first to last by step, walking the list; NotDerived if it never lands on last."""
    if step == 0 or (last - first) / step < 0:
        raise NotDerived("the list does not run towards its last term")
    term, count = first, 1
    while term != last:
        term += step
        count += 1
        if count > MAX_STEPS or (step > 0 and term > last) or (step < 0 and term < last):
            raise NotDerived("the last term is not on the list")
    return count


# -- roots ---------------------------------------------------------------------------------------------------

def numeric_roots(coeffs: list[Fraction]) -> list[mpmath.mpc]:
    """All complex roots (with multiplicity) by mpmath's Durand-Kerner iteration, 50 digits."""
    high_first = [mpmath.mpf(c.numerator) / c.denominator for c in reversed(coeffs)]
    with mpmath.workdps(DIGITS):
        try:
            return list(mpmath.polyroots(high_first, maxsteps=200, extraprec=100))
        except mpmath.libmp.NoConvergence as exc:
            raise NotDerived("no convergence") from exc


def real_roots(coeffs: list[Fraction]) -> list[mpmath.mpf]:
    """The roots, if every one is real and they are distinct (exact test: no common factor with the derivative);
    NotDerived otherwise."""
    degree = len(coeffs) - 1
    if degree < 1 or rp.distinct_root_count(coeffs) != degree:
        raise NotDerived("repeated roots")
    if degree == 2:  # exact: a positive discriminant
        c, b, a = coeffs
        if b * b - 4 * a * c <= 0:
            raise NotDerived("non-real roots")
    roots = numeric_roots(coeffs)
    scale = max([abs(r) for r in roots] + [mpmath.mpf(1)])
    if any(abs(mpmath.im(r)) > mpmath.mpf(10) ** -20 * scale for r in roots):
        raise NotDerived("non-real roots")
    return sorted(mpmath.re(r) for r in roots)


def quotient(a: list[Fraction], b: list[Fraction]) -> list[Fraction]:
    """a divided by b exactly (constant term first); NotDerived if b does not divide a."""
    a, b = list(a), list(b)
    while b and b[-1] == 0:
        b.pop()
    if not b:
        raise NotDerived("division by zero")
    out = [Fraction(0)] * max(len(a) - len(b) + 1, 1)
    while len(a) >= len(b) and any(a):
        while a and a[-1] == 0:
            a.pop()
        if len(a) < len(b):
            break
        factor, shift = a[-1] / b[-1], len(a) - len(b)
        out[shift] = factor
        for k, c in enumerate(b):
            a[k + shift] -= factor * c
    if any(a):
        raise NotDerived("not a factor")
    return out


def real_root_count(coeffs: list[Fraction]) -> int:
    """Distinct real roots: of the square-free part (exact), counted from its numeric roots."""
    distinct = quotient(coeffs, rp.gcd(coeffs, [k * c for k, c in enumerate(coeffs)][1:]))
    while distinct and distinct[-1] == 0:
        distinct.pop()
    if len(distinct) <= 1:
        return 0
    if len(distinct) == 3:  # exact for a quadratic
        c, b, a = distinct
        return 2 if b * b - 4 * a * c > 0 else 0
    roots = numeric_roots(distinct)
    scale = max([abs(r) for r in roots] + [mpmath.mpf(1)])
    imaginary = [abs(mpmath.im(r)) for r in roots]
    if any(mpmath.mpf(10) ** -20 * scale < t < mpmath.mpf(10) ** -5 for t in imaginary):
        raise NotDerived("a root too near the real line to call")
    return sum(1 for t in imaginary if t <= mpmath.mpf(10) ** -20 * scale)


def rational_roots(coeffs: list[Fraction]) -> list[Fraction] | None:
    """Every root, if all of them are rational and distinct (found by the rational root test over the integer
    coefficients); None otherwise."""
    import math

    coeffs = list(coeffs)
    while coeffs and coeffs[-1] == 0:
        coeffs.pop()
    if len(coeffs) < 2 or len(coeffs) - 1 > 4:
        return None
    scale = math.lcm(*(c.denominator for c in coeffs))
    ints = [int(c * scale) for c in coeffs]
    roots = []
    if ints[0] == 0:
        roots.append(Fraction(0))
        k = next(i for i, c in enumerate(ints) if c)
        ints = ints[k:]
        if k > 1:
            return None  # 0 is a repeated root
    lead, const = abs(ints[-1]), abs(ints[0])
    if const > 10**9 or lead > 10**9:
        return None

    def divisors(n: int) -> list[int]:
        return [d for d in range(1, math.isqrt(n) + 1) if n % d == 0] + \
            [n // d for d in range(1, math.isqrt(n) + 1) if n % d == 0]

    if len(ints) > 1:
        for p in set(divisors(const)):
            for q in set(divisors(lead)):
                for candidate in (Fraction(p, q), Fraction(-p, q)):
                    if candidate not in roots and sum(c * candidate ** e for e, c in enumerate(ints)) == 0:
                        roots.append(candidate)
    return sorted(roots) if len(roots) == len(coeffs) - 1 else None


def complex_value(node: Node, env: dict[str, mpmath.mpc]) -> mpmath.mpc:
    """A formula in + - * / and whole powers, its letters bound to complex numbers (50 digits)."""
    if isinstance(node, Num):
        value = Fraction(node.value)
        return mpmath.mpf(value.numerator) / value.denominator
    if isinstance(node, Name):
        if node.name not in env:
            raise NotDerived(f"unbound {node.name}")
        return env[node.name]
    if isinstance(node, Neg):
        return -complex_value(node.operand, env)
    if isinstance(node, BinOp) and node.op in ("+", "-", "*", "/"):
        a, b = complex_value(node.left, env), complex_value(node.right, env)
        if node.op == "/" and abs(b) < mpmath.mpf(10) ** -30:
            raise NotDerived("division by (nearly) zero")
        return {"+": a + b, "-": a - b, "*": a * b, "/": a / b if b else a}[node.op]
    if isinstance(node, BinOp) and node.op == "^" and isinstance(node.right, Num):
        exponent = Fraction(node.right.value)
        if exponent.denominator != 1 or abs(exponent) > 100:
            raise NotDerived("power")
        return complex_value(node.left, env) ** int(exponent)
    raise NotDerived(type(node).__name__)


def all_real_roots_rational(coeffs: list[Fraction]) -> list[Fraction] | None:
    """The distinct rational roots when they are all the real roots (each divided out as often as it divides,
    no real root left in what remains); None when an irrational real root remains."""
    roots = rational_roots_found(coeffs)
    rest = list(coeffs)
    for r in roots:
        while True:
            quotient_, remainder = rp.divide_by_root(rest, r)
            if remainder != 0:
                break
            rest = quotient_
    if len(rest) > 1 and real_root_count(rest) != 0:
        return None
    return roots


def rational_roots_found(coeffs: list[Fraction]) -> list[Fraction]:
    """The distinct rational roots, by the rational root test over the integer coefficients (however many of the
    roots are irrational or complex)."""
    import math

    coeffs = list(coeffs)
    while coeffs and coeffs[-1] == 0:
        coeffs.pop()
    scale = math.lcm(*(c.denominator for c in coeffs))
    ints = [int(c * scale) for c in coeffs]
    found = []
    if ints and ints[0] == 0:
        found.append(Fraction(0))
        ints = ints[next(k for k, c in enumerate(ints) if c):]
    if len(ints) < 2:
        return found
    lead, const = abs(ints[-1]), abs(ints[0])
    if lead > 10**9 or const > 10**9:
        raise NotDerived("coefficients too large for the rational root test")

    def divisors(n: int) -> set[int]:
        small = [d for d in range(1, math.isqrt(n) + 1) if n % d == 0]
        return set(small + [n // d for d in small])

    for p in divisors(const):
        for q in divisors(lead):
            for candidate in (Fraction(p, q), Fraction(-p, q)):
                if candidate not in found and sum(c * candidate ** e for e, c in enumerate(ints)) == 0:
                    found.append(candidate)
    return sorted(found)
