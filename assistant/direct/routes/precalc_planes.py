"""Planes and circles given by equations: the plane through three points or parallel to a plane, distances
to planes, and a circle's center, radius or area.
"""
from __future__ import annotations

import re
from fractions import Fraction

from tools.parsing import BinOp, Node, Num, Relation

from ..plan import CheckKind, RoutedCall
from .competition_reading import Formula
from .precalc_reading import I, _as_tuple, _fraction_value, _point, _put, _text


PLANE_FORM = re.compile(r"^enter\s+your\s+answer\s+in\s+the\s+form\s+⟨(\d+)⟩\s*,?\s*where\s+((?:⟨\d+⟩\s*,?\s*(?:and\s+)?)+)"
                        r"are\s+integers\s+such\s+that\s+⟨(\d+)⟩\s*,?\s*and\s+⟨(\d+)⟩$", I)

PLANE_LATEX = {"Ax+By+Cz+D=0", "A>0", "\\gcd(|A|,|B|,|C|,|D|)=1"}


def _plane_form(sentence: str, formulas: list[Formula]) -> bool:
    m = PLANE_FORM.match(sentence)
    if m is None:
        return False
    latex = {re.sub(r"\s+|\\[,;!]|\\(?:left|right)", "", formulas[int(k)].latex).rstrip(".,")
             for k in (m.group(1), m.group(3), m.group(4))}
    named = [re.sub(r"\s+", "", formulas[int(k)].latex) for k in re.findall(r"⟨(\d+)⟩", m.group(2))]
    return latex == PLANE_LATEX and named == ["A", "B", "C", "D"]


def _plane_through(formulas, form, a, b, c):
    """The plane through three points: det[[x - x1, y - y1, z - z1], [P2 - P1], [P3 - P1]] = 0, expanded by the
    engine (checked by cofactor expansion at rational points), then written with integers, A > 0, gcd 1 (the
    three points confirmed on it with Fractions)."""
    points = [_point(formulas[int(r)], 3) for r in (a, b, c)]
    if not form.plane or form.point or form.radians or form.rectangular or any(p is None for p in points):
        return None
    values = [[_fraction_value(x) for x in p] for p in points]
    if any(v is None for p in values for v in p):
        return None
    first = [_text(x) for x in points[0]]
    rows = [[f"{n} - {f}" for n, f in zip(("x", "y", "z"), first)]]
    rows += [[f"{_text(x)} - {f}" for x, f in zip(p, first)] for p in points[1:]]
    call = "expand(det([" + ", ".join("[" + ", ".join(r) + "]" for r in rows) + "]))"
    return RoutedCall("symbolic", call, f"the plane through three points: {call}", CheckKind.PRECALC,
                      relabel=lambda answer: _plane_equation(answer, values))


def _plane_parallel(formulas, form, point_ref, plane_ref):
    """The plane through a point parallel to a plane: the same normal, n . (P - P0) = 0."""
    point = _point(formulas[int(point_ref)], 3)
    plane = formulas[int(plane_ref)]
    if not form.plane or form.point or point is None or plane.tree is None or plane.names - {"x", "y", "z"}:
        return None
    normal = _linear_coefficients(plane.tree)
    values = [_fraction_value(x) for x in point]
    if normal is None or any(v is None for v in values) or not any(normal):
        return None
    call = "expand(" + " + ".join(f"({n})*({name} - {_text(x)})" for n, name, x in zip(normal, "xyz", point)) + ")"
    return RoutedCall("symbolic", call, f"the parallel plane through the point: {call}", CheckKind.TOOL,
                      relabel=lambda answer: _plane_equation(answer, [values], normal))


def _linear_coefficients(equation: Node) -> list[Fraction] | None:
    """a x + b y + c z = d read by putting in points (with Fractions), and confirmed linear at two more."""
    from ..recompute import Unsupported, recompute

    if not (isinstance(equation, Relation) and equation.op == "="):
        return None

    def at(x, y, z):
        values = {"x": x, "y": y, "z": z}
        side = BinOp("-", equation.left, equation.right)
        for name, v in values.items():
            side = _put(side, name, BinOp("/", Num(v.numerator), Num(v.denominator)))
        return recompute(side)

    try:
        zero = at(Fraction(0), Fraction(0), Fraction(0))
        coefficients = [at(*[Fraction(int(i == k)) for i in range(3)]) - zero for k in range(3)]
        for probe in ((Fraction(3, 7), Fraction(-2), Fraction(5, 3)), (Fraction(11), Fraction(1, 2), Fraction(-9, 4))):
            if at(*probe) != zero + sum(c * p for c, p in zip(coefficients, probe)):
                return None
    except (Unsupported, ZeroDivisionError, ValueError, OverflowError, RecursionError):
        return None
    return coefficients


def _plane_equation(answer: str, points: list[list[Fraction]], normal: list[Fraction] | None = None) -> str | None:
    """'4*x + 8*y - 8*z - 36' -> 'x + 2*y - 2*z - 9 = 0' (integers, A > 0, gcd 1), given only when every point
    lies on it (and its normal is parallel to the one given)."""
    import math

    from tools.parsing import ParseError, parse

    try:
        coefficients = _linear_coefficients(Relation("=", parse(answer), Num(0)))
    except (ParseError, RecursionError):
        return None
    if coefficients is None:
        return None
    from ..recompute import recompute

    constant = recompute(_put(_put(_put(parse(answer), "x", Num(0)), "y", Num(0)), "z", Num(0)))
    terms = coefficients + [constant]
    scale = math.lcm(*(t.denominator for t in terms))
    integers = [int(t * scale) for t in terms]
    divisor = math.gcd(*integers)
    if divisor == 0 or integers[0] == 0:
        return None  # no plane, or A = 0 where A > 0 was asked
    integers = [t // divisor * (1 if integers[0] > 0 else -1) for t in integers]
    a, b, c, d = integers
    if any(a * p[0] + b * p[1] + c * p[2] + d != 0 for p in points):
        return None
    if normal is not None and any(u * normal[j] != v * normal[i] for (i, u), (j, v) in
                                  [((0, a), (1, b)), ((0, a), (2, c)), ((1, b), (2, c))]):
        return None  # not parallel to the plane given
    return _linear_text(integers) + " = 0"


def _linear_text(coefficients: list[int]) -> str:
    parts = []
    for c, name in zip(coefficients, ("x", "y", "z", "")):
        if c == 0:
            continue
        size = str(abs(c)) if abs(c) != 1 or not name else ""
        term = f"{size}*{name}" if size and name else size or name
        parts.append(("- " if c < 0 else "+ ") + term)
    text = " ".join(parts)
    return text[2:] if text.startswith("+ ") else "-" + text[2:]


def _plane_parts(formula: Formula) -> tuple[list[Fraction], Fraction] | None:
    """a x + b y + c z + d = 0 as ([a, b, c], d), read with Fractions; None for anything that is not a plane."""
    if formula.tree is None or formula.names - {"x", "y", "z"} or not formula.names:
        return None
    normal = _linear_coefficients(formula.tree)
    if normal is None or not any(normal):
        return None
    from ..recompute import recompute

    side = BinOp("-", formula.tree.left, formula.tree.right)
    for name in "xyz":
        side = _put(side, name, Num(0))
    return normal, recompute(side)


def _point_plane_distance(formulas, form, point_ref, plane_ref):
    """|a x0 + b y0 + c z0 + d| / |n|; the foot of the perpendicular is confirmed on the plane with Fractions."""
    point = _point(formulas[int(point_ref)], 3)
    plane = _plane_parts(formulas[int(plane_ref)])
    if form.stated or point is None or plane is None:
        return None
    values = [_fraction_value(x) for x in point]
    if any(v is None for v in values):
        return None
    (a, b, c), d = plane
    value = a * values[0] + b * values[1] + c * values[2] + d
    squares = a * a + b * b + c * c
    foot = [v - value / squares * n for v, n in zip(values, (a, b, c))]
    if a * foot[0] + b * foot[1] + c * foot[2] + d != 0:
        return None
    call = f"abs({value})/sqrt({squares})"
    return RoutedCall("symbolic", call, f"the distance to the plane: {call}", CheckKind.PRECALC)


def _planes_distance(formulas, form, first, second):
    """Two parallel planes: the distance from a point of the first to the second."""
    one, two = _plane_parts(formulas[int(first)]), _plane_parts(formulas[int(second)])
    if form.stated or one is None or two is None:
        return None
    (n1, d1), (n2, d2) = one, two
    if any(n1[i] * n2[j] != n1[j] * n2[i] for i in range(3) for j in range(3)):
        return None  # not parallel: they meet
    k = next(i for i in range(3) if n1[i] != 0)
    point = [Fraction(0)] * 3
    point[k] = -d1 / n1[k]  # a point of the first plane
    value = sum(n * p for n, p in zip(n2, point)) + d2
    call = f"abs({value})/sqrt({sum(n * n for n in n2)})"
    return RoutedCall("symbolic", call, f"the distance between the planes: {call}", CheckKind.PRECALC)


def _circle(formulas, form, what, ref):
    """The center, radius, diameter, circumference or area of the circle an equation in x and y describes (the
    reading confirmed at several points: competition_circles.py)."""
    from .competition_circles import circle_of

    formula = formulas[int(ref)]
    if form.stated or formula.tree is None or formula.names != {"x", "y"}:
        return None
    circle = circle_of(formula.tree)
    if circle is None:
        return None
    h, k, r2 = (f"({v})" for v in (circle.h, circle.k, circle.r_squared))
    what = what.lower()
    call = {"center": f"({h}, {k})", "radius": f"sqrt({r2})", "diameter": f"2*sqrt({r2})",
            "circumference": f"2*pi*sqrt({r2})", "area": f"pi*{r2}"}[what]
    return RoutedCall("symbolic", call, f"the circle's {what}: {call}", CheckKind.PRECALC,
                      relabel=_as_tuple if what == "center" else None)
