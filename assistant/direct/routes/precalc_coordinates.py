"""Points: rectangular, polar, cylindrical and spherical coordinates converted (in the conventional ranges),
midpoints, triangle areas, the angle of a complex number's exponential form.
"""
from __future__ import annotations

import re

from tools.parsing import BinOp, Node, Num, Seq, to_text

from ..plan import CheckKind, RoutedCall
from .competition_reading import Formula, degree
from .precalc_reading import FORM_OF_POINT, _as_tuple, _point, _put, _real_value, _sign, _text


# conditions stated with the form, as LaTeX without spaces: only the conventions the answers are given in
CONDITIONS = {"r>0": "r", "\\rho>0": "rho", "0\\le\\theta<2\\pi": "theta", "0\\le\\phi\\le\\pi": "phi"}

FORM_NAMES = {"polar": ("r", "theta"), "cylindrical": ("r", "theta", "z"), "spherical": ("rho", "theta", "phi"),
              "rectangular": ("x", "y", "z")}


def _condition(latex: str) -> str:
    text = re.sub(r"\s+|\\[,;!]", "", latex).rstrip(".,")
    return text.replace("\\leq", "\\le").replace("\\lt", "<").replace("\\gt", ">")


def _form_agrees(formulas: list[Formula], form: str | None, target: str, size: int) -> bool:
    """No form sentence, or one whose tuple names the target's coordinates and whose conditions are the
    conventions used here (a question asking for -pi < theta <= pi is not answered with 0 <= theta < 2 pi)."""
    if form is None:
        return True
    m = FORM_OF_POINT.match(form)
    shape = formulas[int(m.group(1))].tree
    names = FORM_NAMES["rectangular" if target == "cartesian" else target][:size]
    if not (isinstance(shape, Seq) and [getattr(n, "name", None) for n in shape.items] == list(names)):
        return False
    stated = {CONDITIONS.get(_condition(formulas[int(k)].latex)) for k in re.findall(r"⟨(\d+)⟩", m.group(2) or "")}
    if None in stated:
        return False
    wanted = {"polar": {"r", "theta"}, "cylindrical": {"r", "theta"}, "spherical": {"rho", "theta", "phi"}}
    return not stated or stated == wanted.get(target, set())


def _convert(formulas, form, ref, source, target):
    source, target = source.lower(), target.lower()
    source = "rectangular" if source == "cartesian" else source
    target = "rectangular" if target == "cartesian" else target
    size = 2 if "polar" in (source, target) else 3
    if source == target or (source != "rectangular" and target != "rectangular"):
        return None
    point = _point(formulas[int(ref)], size)
    if point is None or not _form_agrees(formulas, form.point, target, size):
        return None
    if any(_real_value(c) is None for c in point):
        return None
    build = _from_rectangular if source == "rectangular" else _to_rectangular
    items = build(point, target if source == "rectangular" else source)
    if items is None:
        return None
    call = "(" + ", ".join(items) + ")"
    return RoutedCall("symbolic", call, f"{source} to {target} coordinates: {call}", CheckKind.PRECALC,
                      relabel=_as_tuple)


def _from_rectangular(point: list[Node], target: str) -> list[str] | None:
    x, y = point[0], point[1]
    if _sign(x) is None and _sign(y) is None or (_sign(x), _sign(y)) == (0, 0):
        return None  # the origin has no angle; a sign 50 digits cannot settle is not guessed
    y_sign = _sign(y)
    if y_sign is None:
        return None
    angle = f"atan2({_text(y)}, {_text(x)})" + (" + 2*pi" if y_sign < 0 else "")
    if target in ("polar", "cylindrical"):
        items = [f"sqrt({_text(x)}^2 + {_text(y)}^2)", angle]
        return items + [to_text(point[2])] if target == "cylindrical" else items
    z = point[2]
    rho = f"sqrt({_text(x)}^2 + {_text(y)}^2 + {_text(z)}^2)"
    return [rho, angle, f"acos({_text(z)}/{rho})"]


def _to_rectangular(point: list[Node], source: str) -> list[str] | None:
    if source in ("polar", "cylindrical"):
        r, theta = _text(point[0]), _text(point[1])
        items = [f"{r}*cos({theta})", f"{r}*sin({theta})"]
        return items + [to_text(point[2])] if source == "cylindrical" else items
    rho, theta, phi = (_text(c) for c in point)
    return [f"{rho}*sin({phi})*cos({theta})", f"{rho}*sin({phi})*sin({theta})", f"{rho}*cos({phi})"]


def _midpoint(formulas, form, a, b):
    p, q = formulas[int(a)], formulas[int(b)]
    size = len(p.tree.items) if p.tree is not None and isinstance(p.tree, Seq) else 0
    u, v = _point(p, size), _point(q, size)
    if form.stated or u is None or v is None or size not in (2, 3):
        return None
    if any(_real_value(c) is None for c in u + v):
        return None
    call = "(" + ", ".join(f"({_text(x)} + {_text(y)})/2" for x, y in zip(u, v)) + ")"
    return RoutedCall("symbolic", call, f"the midpoint: {call}", CheckKind.PRECALC, relabel=_as_tuple)


def _triangle_area(formulas, form, a, b, c):
    """The area of a triangle from its vertices in the plane: half the absolute cross product of two sides."""
    points = [_point(formulas[int(r)], 2) for r in (a, b, c)]
    if form.stated or any(p is None for p in points) or any(_real_value(x) is None for p in points for x in p):
        return None
    (x1, y1), (x2, y2), (x3, y3) = ([_text(x) for x in p] for p in points)
    call = f"abs(({x2} - {x1})*({y3} - {y1}) - ({x3} - {x1})*({y2} - {y1}))/2"
    return RoutedCall("symbolic", call, f"the triangle's area: {call}", CheckKind.PRECALC)


def _exponential_angle(formulas, form, z_ref, shape_ref, theta_ref):
    """'When $1 - i \\sqrt{3}$ is converted to the exponential form $re^{i \\theta}$, what is $\\theta$?': the
    angle in [0, 2 pi), as in polar coordinates (the point converted back is checked)."""
    z = formulas[int(z_ref)]
    shape = re.sub(r"\s+", "", formulas[int(shape_ref)].latex)
    theta = re.sub(r"\s+", "", formulas[int(theta_ref)].latex)
    if form.stated or z.tree is None or z.names or theta != "\\theta" or shape not in ("re^{i\\theta}", "re^{\\thetai}"):
        return None
    x, y = _put(z.tree, "i", Num(0)), _put(BinOp("-", z.tree, _put(z.tree, "i", Num(0))), "i", Num(1))
    if not _linear_in_i(z.tree):
        return None
    items = _from_rectangular([x, y], "polar")
    if items is None:
        return None
    call = "(" + ", ".join(items) + ")"
    return RoutedCall("symbolic", call, f"{to_text(z.tree)} as r e^(i theta): {call}", CheckKind.PRECALC,
                      relabel=_second_of_pair)


def _linear_in_i(tree: Node) -> bool:
    """a + b i with a and b real: i appears only to the first power, as a factor of a term."""
    return degree(tree, "i") <= 1 and _real_value(_put(tree, "i", Num(0))) is not None and \
        _real_value(_put(BinOp("-", tree, _put(tree, "i", Num(0))), "i", Num(1))) is not None


def _second_of_pair(answer: str) -> str | None:
    pair = _as_tuple(answer)
    if pair is None:
        return None
    parts = pair[1:-1].split(", ")
    return parts[1] if len(parts) == 2 else None


def _triangle_area_3d(formulas, form, a, b, c):
    """A triangle in space: half the length of the cross product of two sides."""
    points = [_point(formulas[int(r)], 3) for r in (a, b, c)]
    if form.stated or any(p is None for p in points) or any(_real_value(x) is None for p in points for x in p):
        return None
    p, q, r = ([_text(x) for x in pt] for pt in points)
    u = [f"({q[i]} - {p[i]})" for i in range(3)]
    v = [f"({r[i]} - {p[i]})" for i in range(3)]
    cross = [f"{u[1]}*{v[2]} - {u[2]}*{v[1]}", f"{u[2]}*{v[0]} - {u[0]}*{v[2]}", f"{u[0]}*{v[1]} - {u[1]}*{v[0]}"]
    call = "sqrt(" + " + ".join(f"({c})^2" for c in cross) + ")/2"
    return RoutedCall("symbolic", call, f"the triangle's area: {call}", CheckKind.PRECALC)
