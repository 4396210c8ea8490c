"""Lines, circles and parabolas given by their equations: a slope, an intercept, a centre or radius, a vertex, a
quadratic's least or greatest value, a line's parameter fixed by a point. Each answer is checked on the equation
itself (points put back in, symmetry about a centre)."""
from __future__ import annotations

import re
from fractions import Fraction

import mpmath
from tools.parsing import Name, Relation, Seq, parse, to_text
from tools.symbolic import rational_poly as rp

from .. import algebra_checks as second
from ..algebra_checks import agreeing, bracketed, fraction_text, polynomial
from ..plan import RoutedCall
from .competition_reading import Formula
from .algebra_common import calculator_plan, rational_number, set_pick, substituted, symbolic_plan

# -- lines -----------------------------------------------------------------------------------------------------

def _line(formula: Formula) -> tuple[Fraction, Fraction, Fraction] | None:
    """a x + b y + c = 0 from an equation in x and y, linear in both."""
    poly = polynomial(formula.tree, {"x", "y"}) if isinstance(formula.tree, Relation) else None
    if poly is None or set(poly) - {(), (("x", 1),), (("y", 1),)}:
        return None
    a, b, c = (poly.get(k, Fraction(0)) for k in ((("x", 1),), (("y", 1),), ()))
    return (a, b, c) if a or b else None


def _on_line(line, x: Fraction, y: Fraction) -> bool:
    a, b, c = line
    return a * x + b * y + c == 0


def line_slope(formulas: list[Formula], relation: str | None, ref: str) -> RoutedCall | None:
    line = _line(formulas[int(ref)])
    if line is None or line[1] == 0:
        return None
    a, b, c = line
    # the second route: two points of the line, each substituted back, and the rise between them
    y0, y1 = -c / b, -(a + c) / b
    if not (_on_line(line, Fraction(0), y0) and _on_line(line, Fraction(1), y1)):
        return None
    slope = y1 - y0
    formula = f"-{bracketed(a)}/{bracketed(b)}"
    if relation and relation.lower().startswith("perpendicular"):
        if slope == 0:
            return None
        slope, formula = -1 / slope, f"{bracketed(b)}/{bracketed(a)}"
    return calculator_plan(formula, agreeing(slope))


def line_intercept(formulas: list[Formula], axis_ref: str, ref: str, point: str | None) -> RoutedCall | None:
    axis = formulas[int(axis_ref)].tree
    line = _line(formulas[int(ref)])
    if not isinstance(axis, Name) or axis.name not in ("x", "y") or line is None:
        return None
    a, b, c = line
    along = b if axis.name == "y" else a
    if along == 0:
        return None
    value = -c / along
    where = (Fraction(0), value) if axis.name == "y" else (value, Fraction(0))
    if not _on_line(line, *where):
        return None

    def shown(text: str) -> str:
        return f"(0, {text})" if axis.name == "y" else f"({text}, 0)"

    return calculator_plan(f"-{bracketed(c)}/{bracketed(along)}", agreeing(value, shown if point else (lambda t: t)))


# -- circles and parabolas ----------------------------------------------------------------------------------

def _circle(formula: Formula) -> tuple[Fraction, Fraction, Fraction, Fraction, Fraction] | None:
    """A (x^2 + y^2) + D x + E y + F = 0, as (A, D, E, F) with the equation's polynomial."""
    if not isinstance(formula.tree, Relation):
        return None
    poly = polynomial(formula.tree, {"x", "y"})
    allowed = {(), (("x", 1),), (("y", 1),), (("x", 2),), (("y", 2),)}
    if poly is None or set(poly) - allowed:
        return None
    a = poly.get((("x", 2),), Fraction(0))
    if a == 0 or poly.get((("y", 2),), Fraction(0)) != a:
        return None
    d, e, f = (poly.get(k, Fraction(0)) for k in ((("x", 1),), (("y", 1),), ()))
    return a, d, e, f


def _symmetric_about(formula: Formula, h: Fraction, k: Fraction) -> bool:
    """The second route for a centre or a vertex: the equation's polynomial takes the same value at points
    mirrored about (h, k), for a few distances, and differs once moved off it."""
    poly = polynomial(formula.tree, {"x", "y"})
    if poly is None:
        return False
    value = lambda x, y: rp.evaluate(poly, {"x": x, "y": y})  # noqa: E731
    for t in (Fraction(1), Fraction(3, 7), Fraction(5, 2)):
        if value(h + t, k) != value(h - t, k) or value(h, k + t) != value(h, k - t):
            return False
    return True


def circle_part(formulas: list[Formula], part: str, ref: str) -> RoutedCall | None:
    formula = formulas[int(ref)]
    circle = _circle(formula)
    if circle is None:
        return None
    a, d, e, f = circle
    h, k = -d / (2 * a), -e / (2 * a)
    square = h * h + k * k - f / a
    if square <= 0 or not _symmetric_about(formula, h, k):
        return None
    # the radius again: the distance from the centre to the point of the circle straight right of it
    if part.lower() == "radius":
        with mpmath.workdps(second.DIGITS):
            r = mpmath.sqrt(mpmath.mpf(square.numerator) / square.denominator)
            x = mpmath.mpf(h.numerator) / h.denominator + r
            edge = a * (x * x) + d * x + (a * k * k + e * k + f)
            if abs(edge) > mpmath.mpf(10) ** -30 * max(1, abs(f)):
                return None
        return symbolic_plan(f"sqrt({fraction_text(square)})", agreeing(r))
    if part.lower() == "area":
        return None
    equations = f"{fraction_text(2 * a)}*x + {bracketed(d)} = 0, {fraction_text(2 * a)}*y + {bracketed(e)} = 0"
    return symbolic_plan(f"solve({equations}, x, y)", second.solved_pair((h, k), ("x", "y")))


def _parabola(formula: Formula) -> tuple[Fraction, Fraction, Fraction] | None:
    """y = a x^2 + b x + c (y alone on the left), as (a, b, c)."""
    tree = formula.tree
    if not (isinstance(tree, Relation) and tree.op == "=" and isinstance(tree.left, Name) and tree.left.name == "y"):
        return None
    poly = polynomial(tree.right, {"x"})
    coeffs = second.coefficients(poly, "x") if poly is not None else None
    if coeffs is None or len(coeffs) != 3 or coeffs[2] == 0:
        return None
    c, b, a = coeffs
    return a, b, c


def parabola_vertex(formulas: list[Formula], ref: str) -> RoutedCall | None:
    formula = formulas[int(ref)]
    parabola = _parabola(formula)
    if parabola is None:
        return None
    a, b, c = parabola
    h = -b / (2 * a)
    k = c - b * b / (4 * a)
    if a * h * h + b * h + c != k:
        return None
    right = to_text(formula.tree.right)
    call = f"solve(y = {right}, {fraction_text(2 * a)}*x + {bracketed(b)} = 0, x, y)"
    return symbolic_plan(call, second.solved_pair((h, k), ("x", "y")))


def extreme_value(formulas: list[Formula], which: str, ref: str, var_ref: str | None) -> RoutedCall | None:
    """'What is the minimum value of $x^2 + 8x + 21$?' (one letter, a quadratic opening the right way)."""
    formula = formulas[int(ref)]
    tree = formula.tree
    if isinstance(tree, Relation):
        if not (tree.op == "=" and isinstance(tree.left, Name) and tree.left.name == "y"):
            return None
        tree = tree.right
    names = formula.names - {"y"} if isinstance(formula.tree, Relation) else formula.names
    if len(names) != 1:
        return None
    (var,) = names
    if var_ref is not None and not (isinstance(formulas[int(var_ref)].tree, Name)
                                    and formulas[int(var_ref)].tree.name in (var, "y")):
        return None
    poly = polynomial(tree, {var})
    coeffs = second.coefficients(poly, var) if poly is not None else None
    if coeffs is None or len(coeffs) != 3:
        return None
    c, b, a = coeffs
    lowest = which.lower() in ("minimum", "least", "smallest")
    if a == 0 or (a > 0) != lowest:
        return None
    h = -b / (2 * a)
    value = c - b * b / (4 * a)
    at = lambda x: a * x * x + b * x + c  # noqa: E731
    if any((at(h + t) - value) * (1 if lowest else -1) <= 0 for t in (Fraction(1), Fraction(-1), Fraction(1, 1000))):
        return None
    formula_text = re.sub(rf"\b{var}\b", f"({fraction_text(h)})", to_text(tree))
    return calculator_plan(formula_text, agreeing(value))


# -- a parameter fixed by a point on a line ----------------------------------------------------------------------

def through_point(formulas: list[Formula], param_ref: str, line_ref: str, point_ref: str) -> RoutedCall | None:
    """'For what value of $k$ does the line $kx + 3y = 12$ contain the point $(2, 6)$?': the point put in gives an
    equation in k alone, of degree one."""
    param, line, point = (formulas[int(r)] for r in (param_ref, line_ref, point_ref))
    if not isinstance(param.tree, Name) or not isinstance(point.tree, Seq) or len(point.tree.items) != 2:
        return None
    k = param.tree.name
    if k in ("x", "y") or line.names != {"x", "y", k} or not isinstance(line.tree, Relation):
        return None
    coordinates = [rational_number(Formula("", item)) for item in point.tree.items]
    if None in coordinates:
        return None
    poly = polynomial(line.tree, {"x", "y", k})
    if poly is None or any(dict(m).get("x", 0) + dict(m).get("y", 0) > 1 for m in poly):
        return None  # a line: x and y to the first power only
    at = rp.add({}, {})
    for m, c in poly.items():
        powers = dict(m)
        term = c * coordinates[0] ** powers.pop("x", 0) * coordinates[1] ** powers.pop("y", 0)
        at = rp.add(at, {tuple(sorted(powers.items())): term})
    coeffs = second.coefficients(at, k)
    if coeffs is None or len(coeffs) != 2 or coeffs[1] == 0:
        return None
    value = -coeffs[0] / coeffs[1]
    if rp.evaluate(poly, {"x": coordinates[0], "y": coordinates[1], k: value}) != 0:
        return None
    at_point = {"x": parse(bracketed(coordinates[0])), "y": parse(bracketed(coordinates[1]))}
    point_in, right_in = substituted(line.tree.left, at_point), substituted(line.tree.right, at_point)
    call = f"solve({to_text(point_in)} = {to_text(right_in)}, {k})"
    return symbolic_plan(call, set_pick(value))


def vertex_to_point(formulas: list[Formula], ref: str, point_ref: str) -> RoutedCall | None:
    """'Find the distance between the vertex of the graph of $y = x^2 + 2x - 6$ and the point $(4, 5)$.': the vertex
    by the formula -b/2a, the distance by the symbolic engine; the second route finds the vertex as the point where
    the parabola takes equal values on either side (symmetry) and measures with mpmath."""
    parabola, point = _parabola(formulas[int(ref)]), formulas[int(point_ref)].tree
    if parabola is None or not isinstance(point, Seq) or len(point.items) != 2:
        return None
    px, py = (rational_number(Formula("", item)) for item in point.items)
    if px is None or py is None:
        return None
    a, b, c = parabola
    h = -b / (2 * a)
    k = a * h * h + b * h + c
    at = lambda x: a * x * x + b * x + c  # noqa: E731
    if any(at(h + t) != at(h - t) for t in (Fraction(1), Fraction(7, 3))):
        return None
    square = (h - px) ** 2 + (k - py) ** 2
    with mpmath.workdps(second.DIGITS):
        mp = lambda q: mpmath.mpf(q.numerator) / q.denominator  # noqa: E731
        expected = mpmath.sqrt((mp(h) - mp(px)) ** 2 + (mp(k) - mp(py)) ** 2)
    return symbolic_plan(f"sqrt(({fraction_text(h)} - {bracketed(px)})^2 + ({fraction_text(k)} - {bracketed(py)})^2)",
                         agreeing(expected)) if square > 0 else None
