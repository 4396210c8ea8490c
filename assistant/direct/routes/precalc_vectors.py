"""Vectors: dot and cross products, projections, angles, orthogonality, lengths, areas and volumes they
span, and the matrices of projections, reflections, rotations and dilations.
"""
from __future__ import annotations

import re

from tools.parsing import Call, Name, Num, Seq, to_text

from ..plan import CheckKind, RoutedCall
from .competition_reading import Formula, degree
from .competition_shapes import convention_bound
from .precalc_reading import (_column, _fraction_value, _matrix, _names, _numeric, _put, _rational_entries,
                              _real_value, _sign, _squares, _text, _vector_pair, _without_functions)


def _dot(formulas, form, a, b):
    pair = _vector_pair(formulas, a, b)
    if form.stated or pair is None:
        return None
    call = " + ".join(f"{_text(p)}*{_text(q)}" for p, q in zip(*pair))
    return RoutedCall("symbolic", call, f"the dot product: {call}", CheckKind.PRECALC)


def _cross(formulas, form, a, b):
    pair = _vector_pair(formulas, a, b, size=3)
    if form.stated or pair is None:
        return None
    (a1, a2, a3), (b1, b2, b3) = ([_text(c) for c in v] for v in pair)
    rows = [f"{a2}*{b3} - {a3}*{b2}", f"{a3}*{b1} - {a1}*{b3}", f"{a1}*{b2} - {a2}*{b1}"]
    call = "[" + ", ".join(f"[{r}]" for r in rows) + "]"
    return RoutedCall("symbolic", call, f"the cross product: {call}", CheckKind.PRECALC)


def _product_of_vectors(formulas, form, verb, ref):
    """'Compute $u \\cdot v$' / '$u \\times v$' with two column vectors and nothing else in the formula."""
    formula = formulas[int(ref)]
    m = re.fullmatch(r"\s*(\\begin\{pmatrix\}.*?\\end\{pmatrix\})\s*\\(cdot|times)\s*"
                     r"(\\begin\{pmatrix\}.*?\\end\{pmatrix\})\s*", formula.latex, re.S)
    if m is None or "\\begin" in m.group(1)[6:] or "\\begin" in m.group(3)[6:]:
        return None
    from .competition_reading import read_formula

    parts = [read_formula(m.group(1)), read_formula(m.group(3))]
    build = _dot if m.group(2) == "cdot" else _cross
    return build(parts, form, "0", "1")


def _projection(formulas, form, a, b):
    """proj_b a = (a.b / b.b) b; checked: along b, and a minus it perpendicular to b."""
    pair = _vector_pair(formulas, a, b)
    if form.stated or pair is None or all(_sign(c) == 0 for c in pair[1]):
        return None
    u, v = ([_text(c) for c in w] for w in pair)
    if any(_sign(c) is None for c in pair[1]):
        return None
    dot = " + ".join(f"{p}*{q}" for p, q in zip(u, v))
    call = f"(({dot})/({_squares(v)}))*[" + ", ".join(f"[{c}]" for c in v) + "]"
    return RoutedCall("symbolic", call, f"the projection: {call}", CheckKind.PRECALC)


def _line_matrix(formulas, form, what, ref):
    """The matrix projecting onto (or reflecting in) the line of a vector: v v^T / v.v (2 v v^T / v.v - I)."""
    v = _column(formulas[int(ref)])
    if form.stated or v is None or any(_sign(c) is None for c in v) or all(_sign(c) == 0 for c in v):
        return None
    if not _rational_entries(formulas[int(ref)].tree):
        return None  # the engine's own recomputation reads rational matrices only
    entries = [_text(c) for c in v]
    column = "[" + ", ".join(f"[{c}]" for c in entries) + "]"
    row = "[[" + ", ".join(entries) + "]]"
    outer = f"{column}*{row}/({_squares(entries)})"
    if what.lower().startswith("project"):
        call = outer
    else:
        n = len(entries)
        identity = "[" + ", ".join("[" + ", ".join(str(int(i == j)) for j in range(n)) + "]" for i in range(n)) + "]"
        call = f"2*{outer} - {identity}"
    return RoutedCall("symbolic", call, f"{what.lower()} the vector: {call}", CheckKind.PRECALC)


def _cosine_text(formulas, form, a, b) -> str | None:
    """a.b / (|a| |b|) as tool text, for two nonzero vectors written in numbers; None otherwise."""
    pair = _vector_pair(formulas, a, b)
    if form.stated or pair is None or any(all(_sign(c) == 0 for c in w) for w in pair):
        return None
    u, v = ([_text(c) for c in w] for w in pair)
    dot = " + ".join(f"{p}*{q}" for p, q in zip(u, v))
    return f"({dot})/(sqrt({_squares(u)})*sqrt({_squares(v)}))"


def _angle_between(formulas, form, a, b):
    """The angle between two vectors in degrees, only when exact (an acos left in the answer is declined)."""
    cosine = _cosine_text(formulas, form, a, b)
    if cosine is None:
        return None
    call = f"acos({cosine})*180/pi"
    return RoutedCall("symbolic", call, f"the angle in degrees: {call}", CheckKind.PRECALC,
                      relabel=_without_functions)


def _rotation(formulas, form, ref, direction):
    """The matrix rotating the plane about the origin by an angle (counter-clockwise; clockwise turns the other
    way): [[cos t, -sin t], [sin t, cos t]], its entries re-evaluated with mpmath."""
    tree = _numeric(formulas[int(ref)])
    if form.stated or tree is None or isinstance(tree, Seq) or _real_value(tree) is None:
        return None
    t = _text(tree) if direction.lower().startswith("counter") else f"(-{_text(tree)})"
    call = f"[[cos({t}), -sin({t})], [sin({t}), cos({t})]]"
    return RoutedCall("symbolic", call, f"the rotation by {to_text(tree)}: {call}", CheckKind.PRECALC)


def _dilation(formulas, form, ref):
    tree = _numeric(formulas[int(ref)])
    if form.stated or tree is None or isinstance(tree, Seq) or _fraction_value(tree) is None:
        return None
    k = _text(tree)
    call = f"[[{k}, 0], [0, {k}]]"
    return RoutedCall("symbolic", call, f"the dilation by {to_text(tree)}: {call}", CheckKind.TOOL)


def _cosine_between(formulas, form, a, b):
    """The cosine of the angle between two vectors: a.b / (|a| |b|)."""
    call = _cosine_text(formulas, form, a, b)
    if call is None:
        return None
    return RoutedCall("symbolic", call, f"the cosine of the angle: {call}", CheckKind.PRECALC)


def _cosine_of_named_angle(formulas, form, name_ref, a, b, asked_ref):
    """'If $\\theta$ is the angle between ..., then find $\\cos \\theta$': the formula asked must be the cosine
    of that very angle."""
    name = formulas[int(name_ref)].tree
    asked = formulas[int(asked_ref)].tree
    if not (isinstance(name, Name) and isinstance(asked, Call) and asked.func == "cos" and asked.args == (name,)):
        return None
    return _cosine_between(formulas, form, a, b)


def _orthogonal(formulas, form, var_ref, a, b):
    """'Find $x$ such that the vectors $u$ and $v$ are orthogonal': a . v = 0, solved for the one letter the
    vectors hold (linear in it, so one value; the engine substitutes it back)."""
    from tools.parsing import parse

    from .competition_solve import solve

    var = formulas[int(var_ref)].tree
    columns = []
    for ref in (a, b):
        formula = formulas[int(ref)]
        rows = _matrix(formula.tree) if formula.tree is not None else None
        if rows is None or len(rows[0]) != 1 or len(rows) not in (2, 3) or convention_bound(formula.tree):
            return None
        columns.append([r[0] for r in rows])
    names = _names(Seq(tuple(columns[0] + columns[1]), "["))
    if form.stated or not isinstance(var, Name) or names != {var.name} or len(columns[0]) != len(columns[1]):
        return None
    dot = " + ".join(f"{_text(p)}*{_text(q)}" for p, q in zip(*columns))
    try:
        equation = parse(f"{dot} = 0")
    except Exception:  # noqa: BLE001 - a formula the parser refuses is declined
        return None
    if degree(equation.left, var.name) != 1:
        return None
    at_zero, at_one = (_real_value(_put(equation.left, var.name, Num(k))) for k in (0, 1))
    if at_zero is None or at_one is None or abs(at_one - at_zero) < 1e-30:
        return None  # the letter cancels: every value, or none, is orthogonal
    return solve([Formula(f"{dot} = 0", equation, frozenset({var.name})), formulas[int(var_ref)]], "1", "0")


def _parallelogram(formulas, form, a, b):
    """The area of the parallelogram two vectors span: |det| in the plane, the length of the cross product in
    space."""
    pair = _vector_pair(formulas, a, b)
    if form.stated or pair is None:
        return None
    u, v = ([_text(c) for c in w] for w in pair)
    if len(u) == 2:
        call = f"abs({u[0]}*{v[1]} - {u[1]}*{v[0]})"
    else:
        cross = [f"{u[1]}*{v[2]} - {u[2]}*{v[1]}", f"{u[2]}*{v[0]} - {u[0]}*{v[2]}", f"{u[0]}*{v[1]} - {u[1]}*{v[0]}"]
        call = "sqrt(" + " + ".join(f"({c})^2" for c in cross) + ")"
    return RoutedCall("symbolic", call, f"the parallelogram's area: {call}", CheckKind.PRECALC)


def _parallelepiped(formulas, form, a, b, c):
    """The volume of the parallelepiped three vectors span: |det| of the matrix with them as rows."""
    columns = [_column(formulas[int(r)]) for r in (a, b, c)]
    if form.stated or any(v is None or len(v) != 3 for v in columns):
        return None
    if any(_real_value(x) is None for v in columns for x in v):
        return None
    call = "abs(det([" + ", ".join("[" + ", ".join(_text(x) for x in v) + "]" for v in columns) + "]))"
    return RoutedCall("symbolic", call, f"the parallelepiped's volume: {call}", CheckKind.PRECALC)


def _magnitude(formulas, form, ref):
    v = _column(formulas[int(ref)])
    if form.stated or v is None or any(_real_value(c) is None for c in v):
        return None
    call = f"sqrt({_squares([_text(c) for c in v])})"
    return RoutedCall("symbolic", call, f"the length: {call}", CheckKind.PRECALC)
