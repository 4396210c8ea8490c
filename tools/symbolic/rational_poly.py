"""Polynomials with Python Fraction coefficients, read straight from a parse tree: no SymPy anywhere.

The letter, sequence and ordering operations (letters.py) compute with SymPy; their checks recompute with this
small engine, so that a check never shares the code path it checks. Every name is a variable here (`i` and `e`
are letters, as in "Solve 3*i = 6 for i"), and only + - * / ^ with numbers are read: a division by a
polynomial, a fractional power or a function is refused with NotPolynomial.
"""
from __future__ import annotations

from fractions import Fraction

from ..parsing import BinOp, Name, Neg, Node, Num

Monomial = tuple[tuple[str, int], ...]  # sorted (name, exponent > 0) pairs; () is the constant term
Poly = dict[Monomial, Fraction]  # no zero coefficients
MAX_POWER = 64  # x^n of a polynomial is multiplied out: bounded so a check stays cheap
MAX_BITS = 200_000  # nor may a power make a coefficient larger than this


class NotPolynomial(ValueError):
    """The tree is not a polynomial with rational coefficients."""


def from_tree(node: Node) -> Poly:
    if isinstance(node, Num):
        return constant(Fraction(node.value))
    if isinstance(node, Name):
        return {((node.name, 1),): Fraction(1)}
    if isinstance(node, Neg):
        return scale(from_tree(node.operand), Fraction(-1))
    if isinstance(node, BinOp):
        return _binop(node)
    raise NotPolynomial(f"cannot read {type(node).__name__} as a polynomial")


def _binop(node: BinOp) -> Poly:
    left = from_tree(node.left)
    if node.op == "^":
        exponent = _small_exponent(from_tree(node.right))
        if exponent * max((_bits(c) for c in left.values()), default=0) > MAX_BITS:
            raise NotPolynomial("a coefficient would be too large")  # ((2^64)^64)^64 is refused, not computed
        return power(left, exponent)
    right = from_tree(node.right)
    if node.op == "+":
        return add(left, right)
    if node.op == "-":
        return add(left, scale(right, Fraction(-1)))
    if node.op == "*":
        return multiply(left, right)
    if node.op == "/":
        divisor = constant_value(right)
        if divisor is None or divisor == 0:
            raise NotPolynomial("division by a polynomial or by zero")
        return scale(left, 1 / divisor)
    raise NotPolynomial(f"operator {node.op} is not polynomial")


def _bits(c: Fraction) -> int:
    return c.numerator.bit_length() + c.denominator.bit_length()


def _small_exponent(p: Poly) -> int:
    value = constant_value(p)
    if value is None or value.denominator != 1 or not 0 <= value <= MAX_POWER:
        raise NotPolynomial("an exponent that is not a small whole number")
    return int(value)


def size_bound(node: Node) -> tuple[int, set[str]] | None:
    """An upper bound on the degree and the letters of the polynomial a tree multiplies out to, found without
    multiplying anything out; None if the tree is not a polynomial. Callers bound the work before from_tree."""
    if isinstance(node, Num):
        return 0, set()
    if isinstance(node, Name):
        return 1, {node.name}
    if isinstance(node, Neg):
        return size_bound(node.operand)
    if not isinstance(node, BinOp) or node.op not in ("+", "-", "*", "/", "^"):
        return None
    left, right = size_bound(node.left), size_bound(node.right)
    if left is None or right is None:
        return None
    if node.op in ("+", "-"):
        return max(left[0], right[0]), left[1] | right[1]
    if node.op == "*":
        return left[0] + right[0], left[1] | right[1]
    if right[0] != 0:  # a letter in a divisor or an exponent
        return None
    if node.op == "/":
        return left
    exponent = constant_value(from_tree(node.right))
    if exponent is None or exponent.denominator != 1 or not 0 <= exponent <= MAX_POWER:
        return None
    return left[0] * int(exponent), left[1]


def within(node: Node, max_terms: int = 5_000) -> bool:
    """True if the tree is a polynomial whose multiplied-out form has at most about max_terms terms."""
    from math import comb

    bound = size_bound(node)
    return bound is not None and comb(bound[0] + len(bound[1]), len(bound[1])) <= max_terms


def constant(value: Fraction) -> Poly:
    return {(): Fraction(value)} if value else {}


def constant_value(p: Poly) -> Fraction | None:
    """The value of a constant polynomial, else None."""
    if not p:
        return Fraction(0)
    if set(p) == {()}:
        return p[()]
    return None


def scale(p: Poly, factor: Fraction) -> Poly:
    return {m: c * factor for m, c in p.items()} if factor else {}


def add(p: Poly, q: Poly) -> Poly:
    out = dict(p)
    for m, c in q.items():
        total = out.get(m, 0) + c
        if total:
            out[m] = total
        else:
            out.pop(m, None)
    return out


def _times(a: Monomial, b: Monomial) -> Monomial:
    exps = dict(a)
    for name, e in b:
        exps[name] = exps.get(name, 0) + e
    return tuple(sorted(exps.items()))


def multiply(p: Poly, q: Poly) -> Poly:
    out: dict[Monomial, Fraction] = {}
    for ma, ca in p.items():
        for mb, cb in q.items():
            m = _times(ma, mb)
            out[m] = out.get(m, 0) + ca * cb
    return {m: c for m, c in out.items() if c}


def power(p: Poly, n: int) -> Poly:
    out = constant(Fraction(1))
    for _ in range(n):
        out = multiply(out, p)
    return out


def derivative(p: Poly, var: str, order: int = 1) -> Poly:
    for _ in range(order):
        out: Poly = {}
        for m, c in p.items():
            exps = dict(m)
            e = exps.get(var, 0)
            if not e:
                continue
            if e == 1:
                del exps[var]
            else:
                exps[var] = e - 1
            out = add(out, {tuple(sorted(exps.items())): c * e})
        p = out
    return p


def evaluate(p: Poly, point: dict[str, Fraction]) -> Fraction:
    total = Fraction(0)
    for m, c in p.items():
        term = c
        for name, e in m:
            term *= point[name] ** e
        total += term
    return total


def names(p: Poly) -> set[str]:
    return {name for m in p for name, _ in m}


def degree(p: Poly, var: str) -> int:
    """The degree in `var` (-1 for the zero polynomial)."""
    return max((dict(m).get(var, 0) for m in p), default=-1)


def univariate(p: Poly, var: str) -> list[Fraction]:
    """Coefficients from the constant term up; raises NotPolynomial if another variable appears."""
    if names(p) - {var}:
        raise NotPolynomial("more than one variable")
    coeffs = [Fraction(0)] * (degree(p, var) + 1)
    for m, c in p.items():
        coeffs[dict(m).get(var, 0)] = c
    return coeffs


def divide_by_root(coeffs: list[Fraction], root: Fraction) -> tuple[list[Fraction], Fraction]:
    """Synthetic division by (x - root): the quotient's coefficients (constant term first) and the remainder."""
    high_first = list(reversed(coeffs))
    quotient, carry = [], Fraction(0)
    for c in high_first:
        carry = carry * root + c
        quotient.append(carry)
    remainder = quotient.pop()
    return list(reversed(quotient)), remainder


def linear_rows(polys: list[Poly], unknowns: list[str]) -> list[list[Fraction]] | None:
    """The coefficient matrix of linear polynomials in the unknowns, or None if one is not linear in them."""
    allowed = {((u, 1),) for u in unknowns} | {()}
    if any(set(p) - allowed for p in polys):
        return None
    return [[p.get(((u, 1),), Fraction(0)) for u in unknowns] for p in polys]


def determinant(rows: list[list[Fraction]]) -> Fraction:
    """By Gaussian elimination over the Fractions."""
    rows = [list(r) for r in rows]
    det = Fraction(1)
    for col in range(len(rows)):
        pivot = next((r for r in range(col, len(rows)) if rows[r][col] != 0), None)
        if pivot is None:
            return Fraction(0)
        if pivot != col:
            rows[col], rows[pivot] = rows[pivot], rows[col]
            det = -det
        det *= rows[col][col]
        for r in range(col + 1, len(rows)):
            factor = rows[r][col] / rows[col][col]
            rows[r] = [a - factor * b for a, b in zip(rows[r], rows[col])]
    return det


# -- one variable: coefficient lists, constant term first -------------------------------------------

def _trim(coeffs: list[Fraction]) -> list[Fraction]:
    coeffs = list(coeffs)
    while coeffs and coeffs[-1] == 0:
        coeffs.pop()
    return coeffs


def remainder(a: list[Fraction], b: list[Fraction]) -> list[Fraction]:
    """a mod b, by long division over the Fractions (b not zero)."""
    a, b = _trim(a), _trim(b)
    while len(a) >= len(b):
        factor, shift = a[-1] / b[-1], len(a) - len(b)
        for k, c in enumerate(b):
            a[k + shift] -= factor * c
        a = _trim(a)
    return a


def gcd(a: list[Fraction], b: list[Fraction]) -> list[Fraction]:
    """The monic greatest common divisor (Euclid's algorithm)."""
    a, b = _trim(a), _trim(b)
    while b:
        a, b = b, remainder(a, b)
    return [c / a[-1] for c in a] if a else a


def distinct_root_count(coeffs: list[Fraction]) -> int:
    """How many distinct complex roots: the degree of the square-free part p / gcd(p, p')."""
    coeffs = _trim(coeffs)
    if len(coeffs) <= 1:
        return 0
    slope = [k * c for k, c in enumerate(coeffs)][1:]
    return len(coeffs) - len(gcd(coeffs, slope))
