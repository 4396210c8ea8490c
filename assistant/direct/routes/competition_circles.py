"""A circle given by its equation: its center, radius, diameter, circumference or area.

"Find the radius of the circle with equation $x^2 - 6x + y^2 + 2y + 6 = 0$.", "What is the area of the region
defined by the equation $x^2+y^2+12x+16y=0$?". The equation is read as A x^2 + A y^2 + D x + E y + F = 0 by
expanding it with Python Fractions; the reading is then confirmed at several points, where the equation as written
(evaluated by calx's Fraction recomputation, with x and y put in) must equal A((x-h)^2 + (y-k)^2 - r^2). Only a
real circle (r^2 > 0) is answered. Used by competition_precalc.py.
"""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from tools.parsing import BinOp, Name, Neg, Node, Num, Relation

MAX_DEGREE = 2
PROBES = [(Fraction(3, 7), Fraction(-5, 11)), (Fraction(13, 2), Fraction(2, 9)), (Fraction(-17, 5), Fraction(31, 3)),
          (Fraction(0), Fraction(1)), (Fraction(1), Fraction(0))]


class NotPolynomial(ValueError):
    pass


@dataclass(frozen=True)
class Circle:
    h: Fraction
    k: Fraction
    r_squared: Fraction


def circle_of(equation: Node) -> Circle | None:
    """The circle an equation in x and y describes, or None (not a circle, no points, or a reading not confirmed)."""
    if not (isinstance(equation, Relation) and equation.op == "="):
        return None
    try:
        poly = _subtract(_poly(equation.left), _poly(equation.right))
    except (NotPolynomial, ZeroDivisionError, OverflowError, RecursionError):
        return None
    a = poly.get((2, 0), Fraction(0))
    if a == 0 or poly.get((0, 2)) != a or set(poly) - {(2, 0), (0, 2), (1, 0), (0, 1), (0, 0)}:
        return None
    d, e, f = (poly.get(m, Fraction(0)) for m in ((1, 0), (0, 1), (0, 0)))
    h, k = -d / (2 * a), -e / (2 * a)
    circle = Circle(h, k, h * h + k * k - f / a)
    if circle.r_squared <= 0 or not _confirmed(equation, a, circle):
        return None
    return circle


def _confirmed(equation: Relation, a: Fraction, circle: Circle) -> bool:
    """The equation as written, at several points, against a((x-h)^2 + (y-k)^2 - r^2): a second reading."""
    from ..recompute import Unsupported, recompute

    for x, y in PROBES:
        try:
            written = recompute(_put(equation.left, x, y)) - recompute(_put(equation.right, x, y))
        except (Unsupported, ZeroDivisionError, OverflowError, RecursionError, ValueError):
            return False
        if written != a * ((x - circle.h) ** 2 + (y - circle.k) ** 2 - circle.r_squared):
            return False
    return True


def _put(node: Node, x: Fraction, y: Fraction) -> Node:
    if isinstance(node, Name) and node.name in ("x", "y"):
        value = x if node.name == "x" else y
        return BinOp("/", Num(value.numerator), Num(value.denominator))
    children = node.children()
    return node.with_children(tuple(_put(c, x, y) for c in children)) if children else node


# -- polynomials in x and y, as {(i, j): coefficient of x^i y^j} ------------------------------------------------

Poly = dict


def _poly(node: Node) -> Poly:
    if isinstance(node, Num):
        return _clean({(0, 0): Fraction(node.value)})
    if isinstance(node, Name):
        if node.name == "x":
            return {(1, 0): Fraction(1)}
        if node.name == "y":
            return {(0, 1): Fraction(1)}
        raise NotPolynomial(node.name)
    if isinstance(node, Neg):
        return {m: -c for m, c in _poly(node.operand).items()}
    if isinstance(node, BinOp) and node.op in ("+", "-"):
        left, right = _poly(node.left), _poly(node.right)
        return _subtract(left, right) if node.op == "-" else _add(left, right)
    if isinstance(node, BinOp) and node.op == "*":
        return _times(_poly(node.left), _poly(node.right))
    if isinstance(node, BinOp) and node.op == "/":
        divisor = _poly(node.right)
        if set(divisor) != {(0, 0)}:
            raise NotPolynomial("division by a polynomial")
        return {m: c / divisor[(0, 0)] for m, c in _poly(node.left).items()}
    if isinstance(node, BinOp) and node.op == "^" and isinstance(node.right, Num) and \
            isinstance(node.right.value, int) and 0 <= node.right.value <= MAX_DEGREE:
        result = {(0, 0): Fraction(1)}
        base = _poly(node.left)
        for _ in range(node.right.value):
            result = _times(result, base)
        return result
    raise NotPolynomial(type(node).__name__)


def _clean(poly: Poly) -> Poly:
    return {m: c for m, c in poly.items() if c != 0}


def _add(p: Poly, q: Poly) -> Poly:
    out = dict(p)
    for m, c in q.items():
        out[m] = out.get(m, Fraction(0)) + c
    return _clean(out)


def _subtract(p: Poly, q: Poly) -> Poly:
    return _add(p, {m: -c for m, c in q.items()})


def _times(p: Poly, q: Poly) -> Poly:
    out: Poly = {}
    for (i, j), c in p.items():
        for (k, l), d in q.items():
            if i + k + j + l > MAX_DEGREE:
                raise NotPolynomial("degree above 2")
            out[(i + k, j + l)] = out.get((i + k, j + l), Fraction(0)) + c * d
    return _clean(out)
