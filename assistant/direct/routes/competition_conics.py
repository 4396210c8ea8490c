"""Conics given by an equation in x and y: 'Find the distance between the foci of the ellipse $x^2 + 4y^2 = 400$.',
'Find the center of the hyperbola $4x^2 - 24x - 25y^2 + 250y - 489 = 0$.', 'Find the focus of the parabola
$y = 4x^2 - 3$.', 'Find the equation of the directrix of the parabola $y = 8x^2 + 2$.'

The equation is read as A x^2 + C y^2 + D x + E y + F = 0 (no xy term) and completed to squares here; the tool
computes the asked quantity from those numbers (SymPy simplifies the radical, or solves for the centre). The second
route tests the defining property on points of the curve itself: the sum (ellipse) or difference (hyperbola) of
the distances to the foci is the same at several points, and a parabola's points are as far from the focus as from
the directrix (exactly, over the Fractions).
"""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import mpmath

from tools.parsing import Name, Relation
from tools.symbolic import rational_poly as rp

from .. import algebra_checks as second
from ..algebra_checks import agreeing, bracketed, fraction_text, polynomial
from ..plan import CheckKind, RoutedCall
from .competition_reading import Formula

X2, Y2, X1, Y1 = (("x", 2),), (("y", 2),), (("x", 1),), (("y", 1),)


@dataclass(frozen=True)
class Central:
    """A (x - h)^2 + C (y - k)^2 = R."""

    a: Fraction
    c: Fraction
    h: Fraction
    k: Fraction
    r: Fraction
    poly: rp.Poly

    @property
    def x_square(self) -> Fraction:  # the square of the half-axis along x (negative for a hyperbola's other axis)
        return self.r / self.a

    @property
    def y_square(self) -> Fraction:
        return self.r / self.c


def central(formula: Formula, kind: str) -> Central | None:
    if not isinstance(formula.tree, Relation):
        return None
    poly = polynomial(formula.tree, {"x", "y"})
    if poly is None or set(poly) - {(), X1, Y1, X2, Y2}:
        return None
    a, c = poly.get(X2, Fraction(0)), poly.get(Y2, Fraction(0))
    if a == 0 or c == 0:
        return None
    h, k = -poly.get(X1, Fraction(0)) / (2 * a), -poly.get(Y1, Fraction(0)) / (2 * c)
    r = a * h * h + c * k * k - poly.get((), Fraction(0))
    if r == 0:
        return None
    conic = Central(a, c, h, k, r, poly)
    if kind == "ellipse" and not (conic.x_square > 0 and conic.y_square > 0 and a != c):
        return None
    if kind == "hyperbola" and not (conic.x_square > 0) != (conic.y_square > 0):
        return None
    return conic


def _points(conic: Central, kind: str) -> list[tuple[mpmath.mpf, mpmath.mpf]]:
    """Points of the curve, each checked to satisfy the equation itself."""
    mp = lambda q: mpmath.mpf(q.numerator) / q.denominator  # noqa: E731
    out = []
    for t in (mpmath.mpf("0.3"), mpmath.mpf("1.1"), mpmath.mpf("2.6")):
        if kind == "ellipse":
            x = mp(conic.h) + mpmath.sqrt(mp(conic.x_square)) * mpmath.cos(t)
            y = mp(conic.k) + mpmath.sqrt(mp(conic.y_square)) * mpmath.sin(t)
        elif conic.x_square > 0:
            x = mp(conic.h) + mpmath.sqrt(mp(conic.x_square)) * mpmath.cosh(t)
            y = mp(conic.k) + mpmath.sqrt(-mp(conic.y_square)) * mpmath.sinh(t)
        else:
            x = mp(conic.h) + mpmath.sqrt(-mp(conic.x_square)) * mpmath.sinh(t)
            y = mp(conic.k) + mpmath.sqrt(mp(conic.y_square)) * mpmath.cosh(t)
        value = sum(mp(coef) * (x ** dict(m).get("x", 0)) * (y ** dict(m).get("y", 0))
                    for m, coef in conic.poly.items())
        if abs(value) > mpmath.mpf(10) ** -30 * max(1, abs(mp(conic.r))):
            raise second.NotDerived("a point that should lie on the curve does not")
        out.append((x, y))
    return out


def foci_distance(formula: Formula, kind: str, what: str) -> RoutedCall | None:
    """2c between the foci, or 2a between the vertices (the ends of the major or transverse axis)."""
    conic = central(formula, kind)
    if conic is None:
        return None
    along_x = conic.x_square > 0 and (kind == "hyperbola" or conic.x_square > conic.y_square)
    major = conic.x_square if along_x else conic.y_square
    minor = abs(conic.y_square if along_x else conic.x_square)
    focal = major - minor if kind == "ellipse" else major + minor
    square = focal if what == "foci" else major
    with mpmath.workdps(second.DIGITS):
        c = mpmath.sqrt(mpmath.mpf(focal.numerator) / focal.denominator)
        h, k = (mpmath.mpf(q.numerator) / q.denominator for q in (conic.h, conic.k))
        foci = [(h + c, k), (h - c, k)] if along_x else [(h, k + c), (h, k - c)]
        spans = []
        for x, y in _points(conic, kind):
            d1, d2 = (mpmath.sqrt((x - fx) ** 2 + (y - fy) ** 2) for fx, fy in foci)
            spans.append(d1 + d2 if kind == "ellipse" else abs(d1 - d2))
        # the defining property: the same sum (difference) everywhere, and it is the major (transverse) axis
        axis = 2 * mpmath.sqrt(mpmath.mpf(major.numerator) / major.denominator)
        if not all(second.close(s, axis) for s in spans):
            return None
        expected = 2 * c if what == "foci" else axis
    return RoutedCall("symbolic", f"2*sqrt({fraction_text(square)})", f"2*sqrt({fraction_text(square)})",
                      CheckKind.TOOL, relabel=agreeing(expected))


def centre(formula: Formula, kind: str) -> RoutedCall | None:
    conic = central(formula, kind)
    if conic is None:
        return None
    if not _symmetric(conic.poly, conic.h, conic.k):
        return None
    equations = f"{fraction_text(2 * conic.a)}*x + {bracketed(-2 * conic.a * conic.h)} = 0, " \
                f"{fraction_text(2 * conic.c)}*y + {bracketed(-2 * conic.c * conic.k)} = 0"
    call = f"solve({equations}, x, y)"
    relabel = second.solved_pair((conic.h, conic.k), ("x", "y"))
    return RoutedCall("symbolic", call, call, CheckKind.TOOL, relabel=relabel)


def _symmetric(poly: rp.Poly, h: Fraction, k: Fraction) -> bool:
    value = lambda x, y: rp.evaluate(poly, {"x": x, "y": y})  # noqa: E731
    return all(value(h + t, k + s) == value(h - t, k + s) == value(h + t, k - s)
               for t, s in ((Fraction(1), Fraction(2)), (Fraction(3, 7), Fraction(5, 2))))


# -- parabolas -----------------------------------------------------------------------------------------------------

def _parabola(formula: Formula) -> tuple[str, Fraction, Fraction, Fraction] | None:
    """y = a x^2 + b x + c (or x = a y^2 + b y + c): (the letter on the left, a, b, c)."""
    tree = formula.tree
    if not (isinstance(tree, Relation) and tree.op == "=" and isinstance(tree.left, Name) and tree.left.name in "xy"):
        return None
    left = tree.left.name
    other = "x" if left == "y" else "y"
    poly = polynomial(tree.right, {other})
    coeffs = second.coefficients(poly, other) if poly is not None else None
    if coeffs is None or len(coeffs) != 3 or coeffs[2] == 0:
        return None
    c, b, a = coeffs
    return left, a, b, c


def _equidistant(left: str, a, b, c, focus: tuple[Fraction, Fraction], directrix: Fraction) -> bool:
    """Points of the parabola are as far from the focus as from the directrix: squared distances, exactly."""
    for t in (Fraction(-2), Fraction(1, 3), Fraction(5)):
        u = a * t * t + b * t + c
        x, y = (t, u) if left == "y" else (u, t)
        to_focus = (x - focus[0]) ** 2 + (y - focus[1]) ** 2
        to_line = (y - directrix) ** 2 if left == "y" else (x - directrix) ** 2
        if to_focus != to_line:
            return False
    return True


def focus_or_directrix(formula: Formula, what: str) -> RoutedCall | None:
    read = _parabola(formula)
    if read is None:
        return None
    left, a, b, c = read
    h = -b / (2 * a)
    k = c - b * b / (4 * a)
    p = 1 / (4 * a)
    focus = (h, k + p) if left == "y" else (k + p, h)
    directrix = k - p
    if not _equidistant(left, a, b, c, focus, directrix):
        return None
    other = "x" if left == "y" else "y"
    if what == "directrix":
        call = f"{bracketed(c)} - {bracketed(b)}^2/(4*{bracketed(a)}) - 1/(4*{bracketed(a)})"
        return RoutedCall("calculator", call, call, CheckKind.ARITHMETIC,
                          relabel=agreeing(directrix, lambda text: f"{left} = {text}"))
    # the vertex where the slope is 0, moved a quarter of 1/a along the axis
    call = (f"solve({fraction_text(2 * a)}*{other} + {bracketed(b)} = 0, "
            f"{left} = {bracketed(a)}*{other}^2 + {bracketed(b)}*{other} + {bracketed(c)} + 1/(4*{bracketed(a)}), "
            f"x, y)")
    return RoutedCall("symbolic", call, call, CheckKind.TOOL, relabel=second.solved_pair(focus, ("x", "y")))
