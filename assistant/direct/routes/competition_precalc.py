"""Precalculus in MATH's words: coordinates, vectors and matrices, complex numbers in polar form, angles.

"Convert the point $(1, -\\sqrt{3})$ in rectangular coordinates to polar coordinates.", "Compute
$\\begin{pmatrix} 2 & 3 \\\\ 7 & -1 \\end{pmatrix} \\begin{pmatrix} 1 \\\\ -5 \\end{pmatrix}$.", "Find the inverse
of the matrix ...", "Find the cross product of ... and ...", "Convert $\\sqrt{2} e^{11 \\pi i/4}$ to rectangular
form.", "Convert $\\frac{5 \\pi}{4}$ radians to degrees.". Trig values in degrees, inverse trig in radians and
determinants are the general competition route's (competition.py), tried before this one.

The question is split as the general route splits it (competition_reading.split_question); the one sentence
that asks must match a shape here whole, and any other sentence may only state the answer's form, in the
convention the answer is given in (r > 0, 0 <= theta < 2 pi, 0 <= phi <= pi). The symbolic engine computes;
the checks (assistant/direct/precalc_checks.py, or the engine's own matrix checks) recompute with mpmath.
This module reads the sentences; the families live in precalc_coordinates, precalc_vectors, precalc_matrices,
precalc_trig and precalc_planes (with what they share in precalc_reading).
"""
from __future__ import annotations

import re

from ..plan import RoutedCall
from .competition import ASK, F, _sentences
from .competition_reading import FORM, Formula, split_question
from .precalc_coordinates import _convert, _exponential_angle, _midpoint, _triangle_area, _triangle_area_3d
from .precalc_matrices import (_determinant, _determinant_rule, _inverse, _letter_determinant, _matrix_arithmetic,
                               _unknown_matrix)
from .precalc_planes import (_circle, _plane_form, _plane_parallel, _plane_through, _planes_distance,
                             _point_plane_distance)
from .precalc_reading import Asked, BOLD, FORM_OF_POINT, I
from .precalc_trig import (_extreme_value, _in_radians, _period, _phase_shift, _rectangular_form, _same_value_integer,
                           _to_degrees, _to_radians)
from .precalc_vectors import (_angle_between, _cosine_between, _cosine_of_named_angle, _cross, _dilation, _dot,
                              _line_matrix, _magnitude, _orthogonal, _parallelepiped, _parallelogram,
                              _product_of_vectors, _projection, _rotation)

SYSTEMS = r"(rectangular|cartesian|polar|cylindrical|spherical)"


def match(question: str) -> RoutedCall | None:
    question = re.sub(r"\\\[(.+?)\\\]", r" $$\1$$ ", question, flags=re.S)  # \[...\] is display math too
    split = split_question(question)
    if split is None:
        return None
    prose, formulas = split
    if any(DEFINITION.match(f.latex) for f in formulas):
        return _with_definitions(prose, formulas)
    sentences = _sentences(prose)
    asked = [s for s in sentences if not (FORM.match(s) or ZERO_MATRIX.match(s))]
    points = [s for s in asked if FORM_OF_POINT.match(s)]
    radians = [s for s in asked if RADIANS.match(s)]
    rectangular = [s for s in asked if RECTANGULAR.match(s)]
    plane = [s for s in asked if _plane_form(s, formulas)]
    asked = [s for s in asked if s not in points + radians + rectangular + plane]
    if len(asked) != 1 or len(points) > 1:
        return None
    if any(ZERO_MATRIX.match(s) for s in sentences) and not INVERSE_ASKED.search(asked[0]):
        return None  # "enter the zero matrix" belongs to an inverse question only
    form = Asked(points[0] if points else None, bool(radians), bool(rectangular), bool(plane))
    for pattern, build in FAMILIES:
        m = pattern.match(asked[0])
        if m:
            plan = build(formulas, form, *m.groups())
            if plan is not None:
                return plan
    return None


DEFINITION = re.compile(r"^" + BOLD + r"\s*=\s*(\\begin\{pmatrix\}(?:(?!\\begin).)*\\end\{pmatrix\})$", re.S)

DEFINING_CLAUSE = re.compile(r"^(?:let|if|for|given(?:\s+that)?|suppose(?:\s+that)?)\s+(⟨\d+⟩(?:\s*(?:,\s*and|,|and)\s*⟨\d+⟩)*)"
                             r"\s*(?:[.,;]\s*(?:then\s+)?|\s+then\s+)(\S.*)$", re.S | I)


def _with_definitions(prose: str, formulas: list[Formula]) -> RoutedCall | None:
    """'If $\\mathbf{a} = \\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix}$ and $\\mathbf{b} = ...,$ find $\\mathbf{a} -
    3 \\mathbf{b}.$': every definition in one opening clause, then the question with each name replaced by its
    matrix, read again as a question of its own (by the general route, then by this one)."""
    from . import competition

    clause = DEFINING_CLAUSE.match(prose.strip())
    if clause is None:
        return None
    refs = [int(k) for k in re.findall(r"⟨(\d+)⟩", clause.group(1))]
    defined = {}
    for k in refs:
        m = DEFINITION.match(formulas[k].latex)
        if m is None or m.group(1) in defined:
            return None
        defined[m.group(1)] = m.group(2)
    rest = clause.group(2)
    if any(DEFINITION.match(formulas[int(k)].latex) for k in re.findall(r"⟨(\d+)⟩", rest)):
        return None  # a definition after the question
    try:
        question = re.sub(r"⟨(\d+)⟩", lambda m: _put_back(formulas[int(m.group(1))].latex, defined), rest)
    except KeyError:
        return None  # a name used that was not defined
    return competition.match(question) or match(question)


PROJECTION = re.compile(r"^\\(?:operatorname|text|mathrm)\s*\{\s*proj\s*\}\s*_\s*\{?\s*(" + BOLD + r")\s*\}?\s*(" + BOLD
                        + r")$")


def _put_back(latex: str, defined: dict[str, str]) -> str:
    """A formula of the question with its names replaced; proj_w v written out as the words the route reads."""
    projection = PROJECTION.match(latex.strip())
    if projection is not None:
        onto, vector = projection.group(1), projection.group(3)
        return (f"the projection of ${_substituted(vector, defined)}$ onto "
                f"${_substituted(onto, defined)}$")
    return "$" + _substituted(latex, defined) + "$"


def _substituted(latex: str, defined: dict[str, str]) -> str:
    """Each bold name replaced by its matrix; a name not defined raises KeyError."""
    return re.sub(BOLD, lambda m: " " + defined[m.group(1)] + " ", latex)


ZERO_MATRIX = re.compile(r"^if\s+the\s+inverse\s+does\s+not\s+exist,\s*(?:then\s+)?enter\s+the\s+zero\s+matrix$", I)

RADIANS = re.compile(r"^all\s+(?:trigonometric\s+)?functions\s+are\s+in\s+radians$", I)

RECTANGULAR = re.compile(r"^(?:enter|express|give|write)\s+(?:your|the)\s+answer\s+in\s+rectangular\s+form$", I)

INVERSE_ASKED = re.compile(r"\binverse\b|\^\{?-1", I)

VECTORS = r"(?:the\s+)?(?:vectors?\s+)?"

FAMILIES = [
    (re.compile(r"^convert\s+the\s+point\s+" + F + r"\s+in\s+" + SYSTEMS + r"\s+coordinates\s+to\s+" + SYSTEMS
                + r"\s+coordinates$", I), _convert),
    (re.compile(r"^" + ASK + r"\s+the\s+inverse\s+of\s+(?:the\s+matrix\s+)?" + F + r"$", I), _inverse),
    (re.compile(r"^" + ASK + r"\s+the\s+dot\s+product\s+of\s+" + VECTORS + F + r"\s+and\s+" + F + r"$", I), _dot),
    (re.compile(r"^" + ASK + r"\s+the\s+cross\s+product\s+of\s+" + VECTORS + F + r"\s+and\s+" + F + r"$", I),
     _cross),
    (re.compile(r"^" + ASK + r"\s+the\s+projection\s+of\s+" + VECTORS + F + r"\s+onto\s+(?:the\s+)?(?:vector\s+)?"
                + F + r"$", I), _projection),
    (re.compile(r"^" + ASK + r"\s+the\s+matrix\s+that\s+corresponds\s+to\s+(projecting\s+onto|reflecting\s+over)"
                r"\s+the\s+vector\s+" + F + r"$", I), _line_matrix),
    (re.compile(r"^" + ASK + r"\s+the\s+matrix\s+that\s+corresponds\s+to\s+rotating\s+about\s+the\s+origin\s+by\s+an\s+angle\s+"
                r"of\s+" + F + r"\s+(counter-?\s*clockwise|clockwise)$", I), _rotation),
    (re.compile(r"^" + ASK + r"\s+the\s+matrix\s+that\s+corresponds\s+to\s+a\s+dilation\s+centered\s+at\s+the\s+origin\s+"
                r"with\s+scale\s+factor\s+" + F + r"$", I), _dilation),
    (re.compile(r"^" + ASK + r"\s+the\s+angle\s+between\s+" + VECTORS + F + r"\s+and\s+" + F
                + r"\s*,\s*in\s+degrees$", I), _angle_between),
    (re.compile(r"^" + ASK + r"\s+the\s+cosine\s+of\s+the\s+angle\s+between\s+" + VECTORS + F + r"\s+and\s+" + F
                + r"$", I), _cosine_between),
    (re.compile(r"^if\s+" + F + r"\s+is\s+the\s+angle\s+between\s+" + VECTORS + F + r"\s+and\s+" + F
                + r"\s*,\s*(?:then\s+)?" + ASK + r"\s+" + F + r"$", I), _cosine_of_named_angle),
    (re.compile(r"^" + ASK + r"\s+(?:the\s+value\s+of\s+)?" + F + r"\s+(?:such\s+that|so\s+that|for\s+which)\s+"
                + VECTORS + F + r"\s+and\s+" + F + r"\s+are\s+(?:orthogonal|perpendicular)$", I), _orthogonal),
    (re.compile(r"^" + ASK + r"\s+the\s+area\s+of\s+the\s+parallelogram\s+(?:generated|spanned|determined|formed)\s+by\s+"
                + VECTORS + F + r"\s+and\s+" + F + r"$", I), _parallelogram),
    (re.compile(r"^" + ASK + r"\s+the\s+volume\s+of\s+the\s+parallelepiped\s+(?:generated|spanned|determined|formed)\s+by\s+"
                + VECTORS + F + r"\s*,\s*" + F + r"\s*,?\s*and\s+" + F + r"$", I), _parallelepiped),
    (re.compile(r"^" + ASK + r"\s+the\s+(?:magnitude|length|norm)\s+of\s+(?:the\s+)?(?:vector\s+)?" + F + r"$", I),
     _magnitude),
    (re.compile(r"^" + ASK + r"\s+the\s+midpoint\s+of\s+the\s+(?:line\s+)?segment\s+(?:with\s+endpoints\s+(?:at\s+)?|"
                r"(?:between|joining|connecting)\s+(?:the\s+points\s+)?)" + F + r"\s*,?\s+and\s+" + F + r"$", I),
     _midpoint),
    (re.compile(r"^(?:convert|express|write)\s+" + F + r"\s+(?:to|in)\s+rectangular\s+form$", I),
     _rectangular_form),
    (re.compile(r"^(compute|evaluate|find|simplify|calculate|what\s+is)\s+" + F + r"$", I),
     lambda fs, form, verb, ref: _rectangular_form(fs, form, ref, verb)),
    (re.compile(r"^convert\s+" + F + r"\s+(?:radians\s+)?to\s+degrees$", I), _to_degrees),
    (re.compile(r"^convert\s+" + F + r"\s+to\s+radians$", I), _to_radians),
    (re.compile(r"^" + ASK + r"\s+the\s+(?:" + F + r"\s+)?matrix\s+" + F + r"\s*,?\s+(?:such\s+that|for\s+which|so\s+that|if)\s+"
                + F + r"(?:\s*,?\s+and\s+" + F + r")?$", I), _unknown_matrix),
    (re.compile(r"^" + ASK + r"\s+the\s+(center|radius|diameter|circumference|area)\s+of\s+the\s+circle\s+"
                r"(?:(?:with|whose)\s+equation\s+(?:is\s+)?|(?:defined|given|described)\s+by\s+(?:the\s+equation\s+)?)"
                + F + r"$", I), _circle),
    (re.compile(r"^" + ASK + r"\s+the\s+(area)\s+(?:of|enclosed\s+by)\s+the\s+region\s+(?:defined|bounded|enclosed)\s+by\s+"
                r"the\s+(?:equation|circle|graph\s+of)\s+" + F + r"$", I), _circle),
    (re.compile(r"^(?:if|given\s+that|suppose(?:\s+that)?)\s+(⟨\d+⟩(?:\s*(?:,\s*and|,|and)\s*⟨\d+⟩)*)\s*,?\s*(?:then\s+)?"
                + ASK + r"\s+" + F + r"$", I), _determinant_rule),
    (re.compile(r"^" + ASK + r"\s+the\s+(maximum|minimum|largest|smallest|greatest|least)\s+(?:possible\s+)?value\s+of\s+"
                + F + r"(?:\s*,?\s+over\s+all\s+(?:angles|real\s+numbers|(?:real\s+)?values\s+of)\s+" + F + r")?$", I),
     _extreme_value),
    (re.compile(r"^(?:what\s+is|find|determine)\s+the\s+period\s+of\s+(?:the\s+graph\s+of\s+)?" + F + r"$", I), _period),
    (re.compile(r"^(?:what\s+is|find|determine)\s+the\s+phase\s+shift\s+of\s+(?:the\s+graph\s+of\s+)?" + F + r"$", I),
     _phase_shift),
    (re.compile(r"^" + ASK + r"\s+the\s+equation\s+of\s+the\s+plane\s+(?:containing|passing\s+through|through)\s+"
                r"(?:the\s+points\s+)?" + F + r"\s*,?\s*" + F + r"\s*,?\s*and\s+" + F + r"$", I), _plane_through),
    (re.compile(r"^" + ASK + r"\s+the\s+equation\s+of\s+the\s+plane\s+(?:which\s+|that\s+)?(?:passes|passing)\s+through\s+"
                r"(?:the\s+point\s+)?" + F + r"\s*,?\s*and\s+(?:which\s+|that\s+)?is\s+parallel\s+to\s+the\s+plane\s+" + F
                + r"$", I), _plane_parallel),
    (re.compile(r"^" + ASK + r"\s+the\s+distance\s+(?:from|between)\s+the\s+point\s+" + F + r"\s+(?:to|and)\s+the\s+plane\s+"
                + F + r"$", I), _point_plane_distance),
    (re.compile(r"^" + ASK + r"\s+the\s+distance\s+between\s+the\s+(?:parallel\s+)?planes\s+" + F + r"\s*,?\s+and\s+" + F
                + r"$", I), _planes_distance),
    (re.compile(r"^when\s+" + F + r"\s+is\s+converted\s+to\s+the\s+exponential\s+form\s+" + F + r"\s*,\s*what\s+is\s+"
                + F + r"$", I), _exponential_angle),
    (re.compile(r"^" + ASK + r"\s+the\s+determinant\s+of\s+(?:the\s+matrix\s+)?" + F + r"$", I), _determinant),
    (re.compile(r"^(?:find|what\s+is|determine|compute)\s+the\s+integer\s+" + F + r"\s*,\s*" + F + r"\s*,\s*"
                r"(?:such\s+that|for\s+which|so\s+that)\s+" + F + r"$", I), _same_value_integer),
    (re.compile(r"^" + ASK + r"\s+the\s+area\s+of\s+the\s+triangle\s+with\s+vertices\s+(?:at\s+)?" + F + r"\s*,?\s*"
                + F + r"\s*,?\s*and\s+" + F + r"$", I), _triangle_area),
    (re.compile(r"^" + ASK + r"\s+the\s+area\s+of\s+the\s+triangle\s+with\s+vertices\s+(?:at\s+)?" + F + r"\s*,?\s*"
                + F + r"\s*,?\s*and\s+" + F + r"$", I), _triangle_area_3d),
    (re.compile(r"^(compute|find|evaluate|calculate|simplify|what\s+is)\s+" + F + r"$", I), _letter_determinant),
    (re.compile(r"^(compute|find|evaluate|calculate|what\s+is)\s+" + F + r"$", I), _in_radians),
    (re.compile(r"^(compute|find|evaluate|calculate|simplify|what\s+is)\s+" + F + r"$", I), _product_of_vectors),
    (re.compile(r"^(compute|find|evaluate|calculate|simplify|what\s+is)\s+" + F + r"$", I), _matrix_arithmetic),
]
