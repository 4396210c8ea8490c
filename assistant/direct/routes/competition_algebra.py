"""Competition algebra in LaTeX that the general competition route does not read: sequences, lines, circles,
parabolas, polynomial remainders and the roots of a quadratic.

"What is the 20th term of the arithmetic sequence $2, 5, 8, \\ldots$?", "How many numbers are in the list
$4, 6, 8, \\ldots, 128, 130$?", "What is the slope of the line $2x + 3y = 6$?", "Find the center of the circle with
equation $x^2 - 6x + y^2 + 2y = 9$.", "What is the vertex of the parabola $y = x^2 - 4x + 7$?", "Find the remainder
when $x^4 + 2$ is divided by $x - 2$.", "What is the positive difference between the solutions of
$x^2 - 5x + 4 = 0$?".

Each question must be one asked sentence (plus, at most, a request for the answer's form) matching a shape here
whole. The tool computes the answer (the calculator on the formula the family names, or SymPy); a second route in
assistant/direct/algebra_checks.py derives the same value another way, and the answer is given only where both
agree (the plan's relabel): otherwise the question goes on to the planner.
"""
from __future__ import annotations

import dataclasses
import re
from fractions import Fraction

import mpmath

from tools.parsing import BinOp, Call, Name, Neg, Node, Num, Relation, Seq, parse, to_text
from tools.symbolic import rational_poly as rp

from .. import algebra_checks as second
from ..algebra_checks import NotDerived, agreeing, bracketed, fraction_text, polynomial
from ..plan import CheckKind, RoutedCall
from . import competition as general
from .competition import _sentences
from . import competition_conics as conics
from . import competition_piecewise as piecewise
from .competition_piecewise import exact_value as piecewise_exact
from .competition_domain import domain_plan, integer_extreme
from .competition_reading import FORM, MATH, Formula, read_formula, split_question

I = re.IGNORECASE
ASK = r"(?:what\s+is|what's|find|compute|calculate|evaluate|determine)"
F = r"⟨(\d+)⟩"


def match(question: str) -> RoutedCall | None:
    # '$$u(x) = \\frac{1}{\\sqrt x}~?$$': the question mark written inside the formula ends the sentence
    displayed = re.sub(r"(?<!\\)\\\[|(?<!\\)\\\]", "$$", question)  # \[ ... \] is display math
    if displayed != question and not UNSURE_DISPLAY.search(question):
        # the general competition route reads $...$ only: the same question with its display math so written
        plan = general.match(displayed)
        if plan is not None:
            return _closed_form_only(plan)
    question = displayed
    question = MATH.sub(_question_mark_outside, question)
    split = split_question(question)
    if split is None:
        return None
    prose, formulas = split
    sentences = _sentences(prose)
    pair = any(ORDERED_PAIR.match(s) for s in sentences)
    asked = [s for s in sentences if not (FORM.match(s) or ORDERED_PAIR.match(s) or INTERVALS.match(s))]
    listing = [s for s in asked if LIST_REQUEST.match(s)]
    if len(listing) == 1 and len(asked) == 2:
        m = ALL_ROOTS.match(asked[0])
        return _guarded(_all_roots, formulas, *m.groups()) if m else None
    if len(asked) == 2 and not pair:
        return _two_sentences(formulas, asked)
    if len(asked) != 1:
        return None
    if pair:
        asked = [asked[0] + ", as an ordered pair"]
    for pattern, build in FAMILIES:
        m = pattern.match(asked[0])
        if m is None:
            continue
        try:
            plan = build(formulas, *m.groups())
        except NotDerived:
            plan = None
        if plan is not None:
            return plan
    return None


# 'Express your answer as an ordered pair.': read as part of the question; only a family whose answer is a point
# accepts it (the others then do not match the sentence)
ORDERED_PAIR = re.compile(r"^(?:express|write|give|enter|provide)\s+(?:your|the)\s+answer\s+as\s+an\s+ordered\s+"
                          r"pair$", I)
# Interval answers are compared by calx's grader as text only (it reads no intervals): a reference written
# \left( -\infty, 3 \right) disagrees with the same interval written plainly, and a disagreement is a defect. The
# domain family stays off until the grader reads intervals as sets.
ANSWER_IN_INTERVALS = False

# 'Express your answer in interval notation.': only the domain family answers in intervals, and it always does
INTERVALS = re.compile(r"^\(?(?:express|write|give|enter)\s+(?:your|the)\s+answer\s+(?:in|using)\s+interval\s+notation\.?\)?$|"
                       r"^give\s+the\s+endpoints\s+in\s+your\s+answer\s+as\s+common\s+fractions"
                       r"(?:\s*,?\s+not\s+mixed\s+numbers\s+or\s+decimals)?$|"
                       r"^(?:express|write|give|enter)\s+(?:your|the)\s+answer\s+as\s+(?:a\s+)?union\s+of\s+intervals$", I)
PAIR = r"(?:\s*,?\s+as\s+an\s+ordered\s+pair)?"


# Display math handed to the general route only without sums, products, integrals, limits or dots: written that way,
# they met readings and engine results the route had never been tried on (an infinite sum SymPy gets wrong, an
# unevaluated Sum, a product of powers with \cdots misread)
UNSURE_DISPLAY = re.compile(r"\\(?:sum|prod|int|lim|cdots|ldots|dots|vdots|ddots)(?![A-Za-z])|\.\.\.")
UNEVALUATED = re.compile(r"\b(?:Sum|Product|Integral|Limit|factorial|RootOf|CRootOf)\(")
MAX_DISPLAYED_ANSWER = 120


def _closed_form_only(plan: RoutedCall) -> RoutedCall:
    """The general route's plan, answering only in a closed form of moderate length."""
    inner = plan.relabel

    def relabel(answer: str) -> str | None:
        written = inner(answer) if inner is not None else answer
        if written is None or UNEVALUATED.search(written) or len(written) > MAX_DISPLAYED_ANSWER:
            return None
        return written
    return dataclasses.replace(plan, relabel=relabel)


def _question_mark_outside(m: re.Match) -> str:
    whole = m.group(0)
    inner = next(g for g in m.groups() if g is not None)
    moved = re.sub(r"(?:~|\\[,;: ]|\s)*\?\s*$", "", inner)
    if moved == inner:
        return whole
    opening = whole[:whole.index(inner)]
    return f"{opening}{moved}{whole[len(opening) + len(inner):]}? "


def _guarded(build, *args) -> RoutedCall | None:
    try:
        return build(*args)
    except NotDerived:
        return None


def _calculator(formula: str, relabel) -> RoutedCall:
    return RoutedCall("calculator", formula, formula, CheckKind.ARITHMETIC, relabel=relabel)


def _symbolic(call: str, relabel) -> RoutedCall:
    return RoutedCall("symbolic", call, call, CheckKind.TOOL, relabel=relabel)


def _number(formula: Formula | None) -> Fraction | None:
    """A formula that is a rational number (no letters)."""
    if formula is None:
        return None
    poly = polynomial(formula.tree, set())
    return None if poly is None else poly.get((), Fraction(0))


# -- sequences ---------------------------------------------------------------------------------------------------

ORDINAL_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                 "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
                 "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
                 "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
                 "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100, "one hundredth": 100}
ORDINAL = r"(\d+(?:st|nd|rd|th)|⟨\d+⟩|" + "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True)) + r")"
LATEX_ORDINAL = re.compile(r"(\d+)\s*\^\s*\{?\s*(?:\\(?:text|rm|mathrm)\s*\{\s*)?(st|nd|rd|th)\s*\}?\s*\}?")
DOTS = re.compile(r"\\[lc]?dots|\.\.\.|\\ldotp")


def _position(text: str, formulas: list[Formula]) -> int | None:
    m = re.fullmatch(r"⟨(\d+)⟩", text)
    if m:
        written = LATEX_ORDINAL.fullmatch(formulas[int(m.group(1))].latex.strip())
        return _suffix_agrees(int(written.group(1)), written.group(2)) if written else None
    if text.lower() in ORDINAL_WORDS:
        return ORDINAL_WORDS[text.lower()]
    m = re.fullmatch(r"(\d+)(st|nd|rd|th)", text)
    return _suffix_agrees(int(m.group(1)), m.group(2)) if m else None


def _suffix_agrees(n: int, suffix: str) -> int | None:
    """21st, 22nd, 23rd, 11th: a suffix that does not fit the number is a misreading, not guessed at."""
    right = "th" if n % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return n if suffix == right and n >= 1 else None


def _listed(latex: str) -> tuple[list[Fraction], list[Fraction]] | None:
    """'4, 6, 8, \\ldots, 128, 130' -> ([4, 6, 8], [128, 130]): the terms before and after the dots."""
    latex = latex.strip().rstrip("?.;").strip()
    if "\\!" in latex or "{,}" in latex:  # 10,\!000: a thousands separator, not a list's comma
        return None
    parts = [p.strip() for p in latex.split(",")]
    dots = [k for k, p in enumerate(parts) if DOTS.fullmatch(p)]
    if len(dots) != 1:
        return None
    values = []
    for k, part in enumerate(parts):
        if k == dots[0]:
            continue
        value = _number(read_formula(part)) if part else None
        if value is None:
            return None
        values.append(value)
    return values[:dots[0]], values[dots[0]:]


def _nth_term(formulas: list[Formula], ordinal: str, kind: str, ref: str) -> RoutedCall | None:
    position = _position(ordinal, formulas)
    listed = _listed(formulas[int(ref)].latex)
    if position is None or listed is None or listed[1] or position > second.MAX_STEPS:
        return None
    shown = listed[0]
    rule = second.progression(shown, geometric=kind.lower() == "geometric")
    if rule is None or len(shown) < 2 or (rule.geometric and position > 2000):
        return None
    if rule.geometric:
        formula = f"{bracketed(rule.first)}*{bracketed(rule.step)}^({position} - 1)"
    else:
        formula = f"{bracketed(rule.first)} + ({position} - 1)*{bracketed(rule.step)}"
    return _calculator(formula, agreeing(second.term_by_steps(rule, position)))


def _list_length(formulas: list[Formula], ref: str) -> RoutedCall | None:
    listed = _listed(formulas[int(ref)].latex)
    if listed is None:
        return None
    head, tail = listed
    if not tail or len(head) < 2 or len(head) + len(tail) < 4 and len(head) < 3:
        return None  # '3, 6, ..., 96' may double as well as add: three terms before the dots, or two after
    rule = second.progression(head, geometric=False)
    if rule is None or rule.step == 0 or any(b - a != rule.step for a, b in zip(tail, tail[1:])):
        return None
    first, last, step = head[0], tail[-1], rule.step
    count = second.count_by_walking(first, step, last)
    # each term after the dots sits where the rule puts it, after every term before them
    places = [(t - first) / step for t in tail]
    if places != [Fraction(count - len(tail) + k) for k in range(len(tail))] or count - len(tail) < len(head):
        return None
    formula = f"({fraction_text(last)} - {bracketed(first)})/{bracketed(step)} + 1"
    return _calculator(formula, agreeing(Fraction(count)))


FIRST_KINDS = {"positive integers": ("k", 1, 1), "counting numbers": ("k", 1, 1), "natural numbers": ("k", 1, 1),
               "positive even integers": ("2*k", 2, 2), "even positive integers": ("2*k", 2, 2),
               "positive odd integers": ("2*k - 1", 1, 2), "odd positive integers": ("2*k - 1", 1, 2)}


def _sum_of_first(formulas: list[Formula], count: str, kind: str) -> RoutedCall | None:
    """'the sum of the first 20 positive even integers': SymPy's sum, and Python's sum over the range again."""
    n = _number(read_formula(count)) if count.isdigit() else _number(formulas[int(count[1:-1])])
    if n is None or n.denominator != 1 or not 1 <= n <= 100_000:
        return None
    term, start, step = FIRST_KINDS[re.sub(r"\s+", " ", kind.lower())]
    expected = Fraction(sum(range(start, start + step * int(n), step)))
    return _symbolic(f"sum({term}, k, 1, {int(n)})", agreeing(expected))


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


def _slope(formulas: list[Formula], relation: str | None, ref: str) -> RoutedCall | None:
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
    return _calculator(formula, agreeing(slope))


def _intercept(formulas: list[Formula], axis_ref: str, ref: str, point: str | None) -> RoutedCall | None:
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

    return _calculator(f"-{bracketed(c)}/{bracketed(along)}", agreeing(value, shown if point else (lambda t: t)))


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


def _circle_part(formulas: list[Formula], part: str, ref: str) -> RoutedCall | None:
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
        return _symbolic(f"sqrt({fraction_text(square)})", agreeing(r))
    if part.lower() == "area":
        return None
    equations = f"{fraction_text(2 * a)}*x + {bracketed(d)} = 0, {fraction_text(2 * a)}*y + {bracketed(e)} = 0"
    return _symbolic(f"solve({equations}, x, y)", second.solved_pair((h, k), ("x", "y")))


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


def _vertex(formulas: list[Formula], ref: str) -> RoutedCall | None:
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
    return _symbolic(call, second.solved_pair((h, k), ("x", "y")))


def _extreme_value(formulas: list[Formula], which: str, ref: str, var_ref: str | None) -> RoutedCall | None:
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
    return _calculator(formula_text, agreeing(value))


# -- polynomials ------------------------------------------------------------------------------------------------

def _one_letter(formula: Formula) -> str | None:
    return next(iter(formula.names)) if len(formula.names) == 1 else None


def _remainder(formulas: list[Formula], p_ref: str, d_ref: str) -> RoutedCall | None:
    dividend, divisor = formulas[int(p_ref)], formulas[int(d_ref)]
    var = _one_letter(divisor)
    if var is None or not dividend.names <= {var}:
        return None
    p, d = polynomial(dividend.tree, {var}), polynomial(divisor.tree, {var})
    if p is None or d is None or isinstance(dividend.tree, Relation):
        return None
    pc, dc = second.coefficients(p, var, rp.MAX_POWER), second.coefficients(d, var)
    if pc is None or dc is None or len(pc) < 2 or len(dc) < 2:
        return None
    if len(dc) > 2:
        return _remainder_by_interpolation(dividend.tree, var, pc, dc)
    root = -dc[0] / dc[1]
    _, remainder = rp.divide_by_root(pc, root)
    call = f"subs({to_text(dividend.tree)}, {var} = {fraction_text(root)})"
    return _symbolic(call, agreeing(remainder))


def _remainder_by_interpolation(tree: Node, var: str, dividend: list[Fraction], divisor: list[Fraction]):
    """A divisor of degree 2 or 3 with distinct rational roots: the remainder is the polynomial of lower degree
    through the dividend's values at those roots (Lagrange's form, expanded by the tool); the second route is long
    division over the Fractions."""
    if len(divisor) > 4 or len(dividend) < len(divisor):
        return None
    roots = second.rational_roots(divisor)
    if roots is None or len(roots) != len(divisor) - 1:
        return None
    expected = rp.remainder(dividend, divisor)
    terms = []
    for r in roots:
        value = to_text(_substituted(tree, {var: parse(bracketed(r))}))
        basis = "*".join(f"({var} - {bracketed(o)})/({bracketed(r)} - {bracketed(o)})" for o in roots if o != r)
        terms.append(f"({value})*{basis}")
    call = f"expand({' + '.join(terms)})"

    def relabel(answer: str) -> str | None:
        try:
            got = polynomial(parse(answer), {var})
        except Exception:  # an answer the parser cannot read is not this polynomial
            return None
        want = {((var, k),) if k else (): c for k, c in enumerate(expected) if c}
        return answer if got is not None and got == want else None
    return _symbolic(call, relabel)


def _coefficient_sum(formulas: list[Formula], ref: str) -> RoutedCall | None:
    formula = formulas[int(ref)]
    names = sorted(formula.names)
    # one letter, or the usual x, y, z: in 'a x^2 + b x' the other letters are the coefficients themselves
    if not names or len(names) > 1 and not set(names) <= {"x", "y", "z"} or isinstance(formula.tree, Relation):
        return None
    poly = polynomial(formula.tree, set(names))
    if poly is None:
        return None
    total = sum(poly.values(), Fraction(0))  # the expanded polynomial's coefficients, added
    call = f"subs({to_text(formula.tree)}, {', '.join(f'{n} = 1' for n in names)})"
    return _symbolic(call, agreeing(total))


def _quadratic(formula: Formula) -> tuple[str, list[Fraction]] | None:
    var = _one_letter(formula)
    if var is None:
        return None
    poly = polynomial(formula.tree, {var})
    coeffs = second.coefficients(poly, var) if poly is not None else None
    if coeffs is None or len(coeffs) != 3:
        return None
    return var, coeffs


def _root_difference(formulas: list[Formula], ref: str) -> RoutedCall | None:
    formula = formulas[int(ref)]
    read = _quadratic(formula)
    if read is None or not isinstance(formula.tree, Relation):
        return None
    _, (c, b, a) = read
    roots = second.real_roots([c, b, a])
    with mpmath.workdps(second.DIGITS):
        gap = roots[-1] - roots[0]
    discriminant = b * b - 4 * a * c
    return _symbolic(f"sqrt({fraction_text(discriminant)})/{fraction_text(abs(a))}", agreeing(gap))


def _discriminant(formulas: list[Formula], ref: str) -> RoutedCall | None:
    read = _quadratic(formulas[int(ref)])
    if read is None:
        return None
    _, (c, b, a) = read
    # the second route: a^2 (r1 - r2)^2 from the numeric roots
    roots = second.numeric_roots([c, b, a])
    with mpmath.workdps(second.DIGITS):
        again = mpmath.re(a * a * (roots[0] - roots[1]) ** 2)
    return _calculator(f"{bracketed(b)}^2 - 4*{bracketed(a)}*{bracketed(c)}", agreeing_rational_near(again))


def agreeing_rational_near(value: mpmath.mpf):
    """A rational answer that must be within 30 digits of a value derived numerically."""
    def relabel(answer: str) -> str | None:
        if not re.fullmatch(r"-?\d+(?:/\d+)?", answer.strip()):
            return None
        got = second.numeric_value(answer)
        return answer if got is not None and second.close(got, value) else None
    return relabel


# -- rational functions -----------------------------------------------------------------------------------------

def _fraction_of_polynomials(formula: Formula) -> tuple[str, list[Fraction], list[Fraction]] | None:
    """y = N/D, f(x) = N/D or N/D itself, N and D polynomials in one letter: (letter, N, D)."""
    tree = formula.tree
    if isinstance(tree, Relation):
        left = tree.left
        named = isinstance(left, Name) and left.name == "y" or isinstance(left, Call) and len(left.args) == 1 \
            and isinstance(left.args[0], Name) and len(left.func) == 1
        if tree.op != "=" or not named:
            return None
        tree = tree.right
    if not (isinstance(tree, BinOp) and tree.op == "/"):
        return None
    letters = (formula.names - {"y"}) if isinstance(formula.tree, Relation) else formula.names
    letters -= {left.func} if isinstance(formula.tree, Relation) and isinstance(left, Call) else set()
    if len(letters) != 1:
        return None
    (var,) = letters
    top, bottom = polynomial(tree.left, {var}), polynomial(tree.right, {var})
    if top is None or bottom is None:
        return None
    n, d = second.coefficients(top, var), second.coefficients(bottom, var)
    if n is None or d is None or not any(n) or len(d) < 2:
        return None
    return var, n, d


def _vertical_asymptotes(formulas: list[Formula], ref: str) -> RoutedCall | None:
    """The zeros of the denominator once the factors it shares with the numerator are cancelled (a shared factor
    is a hole); the tool solves, the second route counts real roots numerically."""
    read = _fraction_of_polynomials(formulas[int(ref)])
    if read is None:
        return None
    var, top, bottom = read
    reduced = second.quotient(bottom, rp.gcd(top, bottom))
    while reduced and reduced[-1] == 0:
        reduced.pop()
    if len(reduced) - 1 > 3:
        return None  # the engine writes the roots of a quartic in radicals too long to count reliably
    expected = second.real_root_count(reduced) if len(reduced) > 1 else 0
    if len(reduced) == 1:
        return None  # no asymptote at all: said by nothing the tool computes
    return _symbolic(f"solve({_poly_text(reduced, var)} = 0, {var})", _real_members_counted(expected))


def _poly_text(coeffs: list[Fraction], var: str) -> str:
    """[-6, 1, 1] -> '(1)*x^2 + (1)*x^1 + (-6)': highest power first, every coefficient in brackets."""
    terms = [f"{bracketed(c)}*{var}^{k}" if k else bracketed(c) for k, c in enumerate(coeffs) if c]
    return " + ".join(reversed(terms)) or "0"


def _real_members_counted(expected: int):
    def relabel(answer: str) -> str | None:
        m = re.fullmatch(r"\{(.*)\}", answer.strip())
        if m is None or "RootOf" in answer or "(" in m.group(1) and "sqrt" not in m.group(1) and "**" not in m.group(1):
            return None
        members = _top_level_split(m.group(1))
        real = [x for x in members if not re.search(r"\bI\b", x)]
        return str(len(real)) if members and len(real) == expected else None
    return relabel


def _top_level_split(text: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for k, ch in enumerate(text):
        depth += ch == "("
        depth -= ch == ")"
        if ch == "," and depth == 0:
            parts.append(text[start:k].strip())
            start = k + 1
    parts.append(text[start:].strip())
    return [p for p in parts if p]


# -- absolute values ------------------------------------------------------------------------------------------

def _absolute_equation(formula: Formula) -> tuple[str, list[Fraction], list[Fraction], Node, Node] | None:
    """|L| = R with L and R linear (or R constant) in one letter: (letter, L, R, L's tree, R's tree)."""
    tree = formula.tree
    if not (isinstance(tree, Relation) and tree.op == "=" and len(formula.names) == 1):
        return None
    (var,) = formula.names
    sides = (tree.left, tree.right)
    for inside, other in (sides, sides[::-1]):
        if isinstance(inside, Call) and inside.func == "abs" and len(inside.args) == 1:
            lp, rp_ = polynomial(inside.args[0], {var}), polynomial(other, {var})
            if lp is None or rp_ is None:
                return None
            lc, rc = second.coefficients(lp, var), second.coefficients(rp_, var)
            if lc is None or rc is None or len(lc) != 2 or lc[1] == 0 or len(rc) > 2:
                return None
            return var, lc, rc + [Fraction(0)] * (2 - len(rc)), inside.args[0], other
    return None


def _absolute_solutions(left: list[Fraction], right: list[Fraction]) -> list[Fraction]:
    """The second route, by cases: L = R or L = -R, each kept where R >= 0 (so |L| = R holds)."""
    found = set()
    for sign in (1, -1):
        slope = left[1] - sign * right[1]
        if slope == 0:
            if left[0] - sign * right[0] == 0:
                raise NotDerived("a whole interval of solutions")
            continue
        x = -(left[0] - sign * right[0]) / slope
        if right[0] + right[1] * x >= 0:
            found.add(x)
    return sorted(found)


def _absolute_pick(formulas: list[Formula], how: str, var_ref: str | None, ref: str) -> RoutedCall | None:
    formula = formulas[int(ref)]
    read = _absolute_equation(formula)
    if read is None:
        return _exponential_pick(formulas, how, var_ref, ref)
    var, left, right, inside, other = read
    if var_ref is not None and not (isinstance(formulas[int(var_ref)].tree, Name)
                                    and formulas[int(var_ref)].tree.name == var):
        return None
    solutions = _absolute_solutions(left, right)
    how = PICKS.get(how.lower(), how.lower())
    expected = _picked_value(solutions, how)
    if expected is None:
        return None
    squared = f"solve(({to_text(inside)})^2 = ({to_text(other)})^2, {var})"

    def relabel(answer: str) -> str | None:
        m = re.fullmatch(r"\{(.*)\}", answer.strip())
        try:
            candidates = [Fraction(p.strip()) for p in m.group(1).split(",")] if m and m.group(1).strip() else None
        except ValueError:
            return None
        if candidates is None:
            return None
        # the squared equation's roots, each substituted back into |L| = R
        kept = sorted(x for x in candidates
                      if abs(left[0] + left[1] * x) == right[0] + right[1] * x)
        if kept != solutions:
            return None
        return fraction_text(expected)
    return _symbolic(squared, relabel)


def _picked_value(solutions: list[Fraction], how: str) -> Fraction | None:
    if not solutions:
        return None
    if how == "sum":
        return sum(solutions, Fraction(0))
    if how == "product":
        product = Fraction(1)
        for x in solutions:
            product *= x
        return product
    if how == "count":
        return Fraction(len(solutions))
    if how == "difference":
        return solutions[-1] - solutions[0] if len(solutions) == 2 else None
    if how == "largest":
        return solutions[-1]
    if how == "smallest":
        return solutions[0]
    if how == "one":
        return solutions[0] if len(solutions) == 1 else None
    chosen = [x for x in solutions if (x > 0 if how == "positive" else x < 0)]
    return chosen[0] if len(chosen) == 1 else None


PICKS = {"greatest": "largest", "least": "smallest", "positive difference": "difference"}


# -- a parameter for exactly one solution -----------------------------------------------------------------------

def _one_solution(formulas: list[Formula], sign: str | None, param_ref: str, ref: str) -> RoutedCall | None:
    """'For what value of $k$ does $x^2 + kx + 9 = 0$ have exactly one solution?': the discriminant, a polynomial
    in k, is 0. Read only where the leading coefficient does not involve k (else k could also make it linear)."""
    param, formula = formulas[int(param_ref)].tree, formulas[int(ref)]
    if not isinstance(param, Name) or formula.names != {param.name, "x"} or param.name == "x":
        return None
    k = param.name
    poly = polynomial(formula.tree, {k, "x"}) if isinstance(formula.tree, Relation) else None
    if poly is None or rp.degree(poly, "x") != 2:
        return None
    by_power = [{m: c for m, c in _drop(poly, "x", e).items()} for e in range(3)]
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
    return _symbolic(f"solve({_poly_text(coeffs, k)} = 0, {k})", _set_pick(value))


def _drop(poly: rp.Poly, var: str, power: int) -> rp.Poly:
    """The coefficient of var^power, a polynomial in the other letters."""
    out: rp.Poly = {}
    for m, c in poly.items():
        powers = dict(m)
        if powers.get(var, 0) == power:
            powers.pop(var, None)
            out[tuple(sorted(powers.items()))] = c
    return out


def _set_pick(value: Fraction):
    """The tool's solution set must hold the value picked here; the answer is that value."""
    def relabel(answer: str) -> str | None:
        m = re.fullmatch(r"\{(.*)\}", answer.strip())
        if m is None:
            return None
        try:
            members = {Fraction(p.strip()) for p in m.group(1).split(",")}
        except ValueError:
            return None
        return fraction_text(value) if value in members else None
    return relabel


# -- two terms of an arithmetic sequence given --------------------------------------------------------------------

def _from_two_terms(formulas: list[Formula], n1: str, n2: str, v1: str, v2: str, asked: str) -> RoutedCall | None:
    positions = [_position(n, formulas) for n in (n1, n2, asked)]
    values = [_prose_number(v, formulas) for v in (v1, v2)]
    if None in positions or None in values or positions[0] == positions[1]:
        return None
    (p, q, r), (a, b) = positions, values
    step = (b - a) / (q - p)
    first = a - (p - 1) * step
    rule = second.Progression(first, step, False)
    if max(positions) > second.MAX_STEPS or second.term_by_steps(rule, p) != a or second.term_by_steps(rule, q) != b:
        return None
    formula = f"{bracketed(a)} + ({r} - {p})*({bracketed(b)} - {bracketed(a)})/({q} - {p})"
    return _calculator(formula, agreeing(second.term_by_steps(rule, r)))


def _from_two_geometric(formulas, n1, n2, v1, v2, asked, positive) -> RoutedCall | None:
    """'The first term of a geometric sequence is 729, and the 7th term is 64. What is the positive, real value for
    the 5th term?': every rational ratio r with r^(q - p) = b/a is tried; the term asked must come out the same for
    all of them (or be the one positive value, where the question asks for that)."""
    positions = [_position(n, formulas) for n in (n1, n2, asked)]
    values = [_prose_number(v, formulas) for v in (v1, v2)]
    if None in positions or None in values or positions[0] >= positions[1] or 0 in values:
        return None
    (p, q, r), (a, b) = positions, values
    if q - p > 12 or abs(r - p) > 60:
        return None
    gap = q - p
    ratios = [x for x in second.rational_roots_found([-(b / a)] + [Fraction(0)] * (gap - 1) + [Fraction(1)])]
    if not ratios:
        return None  # no rational ratio (or the terms do not fit one): not read
    answers = {a * x ** (r - p) for x in ratios}
    if positive:
        answers = {v for v in answers if v > 0}
    if len(answers) != 1:
        return None
    (value,) = answers
    ratio = next(x for x in ratios if a * x ** (r - p) == value)
    # the second route: the sequence stepped from the p-th term by the ratio reaches b at q and the value at r
    rule = second.Progression(a, ratio, True)
    if second.term_by_steps(rule, q - p + 1) != b or second.term_by_steps(rule, abs(r - p) + 1) != (
            value if r >= p else a * a / value):
        return None
    formula = f"{bracketed(a)}*{bracketed(ratio)}^({r} - {p})"
    return _calculator(formula, agreeing(value))


NUMBER_WORD = r"(⟨\d+⟩|-?\d+)"
TWO_TERMS = [
    re.compile(r"^the\s+" + ORDINAL + r"\s+and\s+" + ORDINAL + r"\s+terms\s+of\s+an?\s+(arithmetic|geometric)\s+"
               r"sequence\s+are\s+" + NUMBER_WORD + r"\s+and\s+" + NUMBER_WORD + r"(?:\s*,\s*respectively)?$", I),
    re.compile(r"^the\s+" + ORDINAL + r"\s+term\s+of\s+an?\s+(arithmetic|geometric)\s+sequence\s+is\s+" + NUMBER_WORD
               + r"\s*,?\s+and\s+the\s+" + ORDINAL + r"\s+term\s+is\s+" + NUMBER_WORD + r"$", I),
]
ASKED_TERM = re.compile(r"^(?:" + ASK + r"\s+the|" + ASK + r"\s+its)\s+(?:(positive)\s*,?\s+(?:real\s+)?value\s+"
                        r"(?:for|of)\s+the\s+)?" + ORDINAL
                        + r"\s+term(?:\s+(?:of|in)\s+(?:the|this)\s+(?:same\s+)?sequence)?$", I)


CONSIDER = re.compile(r"^(?:consider|let\s+us\s+consider|here\s+is)\s+the\s+(arithmetic|geometric)\s+sequence\s*:?\s*"
                      + F + r"$", I)
HAS_TWO = re.compile(r"^the\s+(?:quadratic|equation|quadratic\s+equation)\s+" + F + r"\s+has\s+two\s+(?:real\s+)?"
                     r"(?:solutions|roots)$", I)
ABOUT_THEM = re.compile(r"^" + ASK + r"\s+the\s+(positive\s+difference\s+between|sum\s+of|product\s+of)\s+"
                        r"(?:these|the|its|the\s+two)\s+(?:solutions|roots)$", I)


def _two_sentences(formulas: list[Formula], sentences: list[str]) -> RoutedCall | None:
    """'The third and fifth terms of an arithmetic sequence are 17 and 39, respectively. What is the seventh
    term?', 'Consider the geometric sequence $3, 6, 12, \\ldots$. What is its eighth term?', 'The quadratic
    $x^2 - 3x + 9 = x + 41$ has two solutions. What is the positive difference between these solutions?'"""
    considered, about = CONSIDER.match(sentences[0]), ABOUT_THEM.match(sentences[1])
    if HAS_TWO.match(sentences[0]) and about:
        ref, how = HAS_TWO.match(sentences[0]).group(1), about.group(1).split()[0].lower()
        return _guarded(_root_difference, formulas, ref) if how == "positive" else _guarded(_vieta, formulas, how, ref)
    defined, wanted = PIECEWISE.match(sentences[0]), ROOTS_ASKED.match(sentences[1])
    if defined and wanted:
        return _guarded(piecewise.evaluate, formulas[int(defined.group(1))], formulas[int(wanted.group(1))])
    named = ROOTS_NAMED.match(sentences[0])
    if named and wanted:
        return _guarded(_in_the_roots, formulas, *named.groups(), wanted.group(1))
    asked = ASKED_TERM.match(sentences[1])
    if considered and asked:
        if asked.group(1):
            return None
        return _guarded(_nth_term, formulas, asked.group(2), considered.group(1), considered.group(2))
    if asked is None:
        return None
    for k, pattern in enumerate(TWO_TERMS):
        m = pattern.match(sentences[0])
        if m:
            n1, n2, kind, v1, v2 = m.groups() if k == 0 else (m.group(1), m.group(4), m.group(2), m.group(3),
                                                                 m.group(5))
            try:
                if kind.lower() == "geometric":
                    return _from_two_geometric(formulas, n1, n2, v1, v2, asked.group(2), asked.group(1))
                if asked.group(1):
                    return None
                return _from_two_terms(formulas, n1, n2, v1, v2, asked.group(2))
            except NotDerived:
                return None
    return None


def _prose_number(text: str, formulas: list[Formula]) -> Fraction | None:
    m = re.fullmatch(r"⟨(\d+)⟩", text)
    if m:
        return _number(formulas[int(m.group(1))])
    return Fraction(text) if re.fullmatch(r"-?\d+", text) else None


# -- all the roots, listed ------------------------------------------------------------------------------------

ALL_ROOTS = re.compile(r"^(?:find|determine|what\s+are)\s+(?:all\s+(?:of\s+)?)?(?:the\s+)?(real\s+|integer\s+|rational\s+)?"
                       r"(?:roots|solutions|zeros)\s+"
                       r"(?:of|to)\s+(?:the\s+(?:polynomial|equation)\s+)?" + F + r"$", I)
LIST_REQUEST = re.compile(r"^(?:enter|list|give)\s+(?:your\s+answer|(?:all\s+(?:of\s+)?)?(?:the\s+)?"
                          r"(?:real\s+|integer\s+|rational\s+)?(?:solutions|roots))(?:\s+as\s+a\s+list\s+of\s+numbers)?"
                          r"\s*,?\s+separated\s+by\s+commas$", I)


def _all_roots(formulas: list[Formula], kind: str | None, ref: str) -> RoutedCall | None:
    """'Find all roots of the polynomial $x^3+x^2-4x-4$. Enter your answer as a list of numbers separated by
    commas.': distinct roots of a polynomial of degree 2 to 4, all real unless only the real (or the integer, or the
    rational) ones are asked for; the tool's roots must match the ones found here one for one (mpmath's numeric
    roots, or the rational root test)."""
    formula = formulas[int(ref)]
    kind = (kind or "").strip().lower()
    var = _one_letter(formula)
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
        kept = [x for x in _top_level_split(m.group(1)) if keep(x)]
        values = [second.numeric_value(x) for x in kept]
        if None in values or len(values) != len(expected):
            return None
        if not all(second.close(a, b) for a, b in zip(sorted(values), sorted(expected))):
            return None
        return ", ".join(x for _, x in sorted(zip(values, kept)))
    return _symbolic(f"solve({equation}, {var})", relabel)


# -- geometric series ---------------------------------------------------------------------------------------

def _series_terms(latex: str) -> list[Fraction] | None:
    """'\\frac{3}{2}-\\frac{2}{3}+\\frac{8}{27}-\\dots': the signed terms shown before the dots."""
    latex = latex.strip().rstrip(".?").strip()
    m = re.fullmatch(r"(.*?)\s*[+-]?\s*(?:\\[lc]?dots|\.\.\.)\s*", latex, re.S)
    if m is None or "\\!" in latex:
        return None
    return _signed_terms(m.group(1).strip())


def _signed_terms(body: str) -> list[Fraction] | None:
    """'(-300) + (-297) - 4 + \\frac{1}{2}' -> the terms with their signs; None for anything else."""
    pieces = re.findall(r"([+-]?)\s*((?:\\d?frac\s*\{[^{}]*\}\s*\{[^{}]*\}|\\d?frac\s*\d\d|\d+(?:\.\d+)?|\{[^{}]*\}|"
                        r"\([^()]*\))(?:\s*\^\s*(?:\{[^{}]*\}|\d))?)", body)
    rebuilt = "".join(sign + term for sign, term in pieces)
    if not pieces or re.sub(r"\s", "", rebuilt) != re.sub(r"\s", "", body):
        return None
    terms = []
    for sign, term in pieces:
        value = _number(read_formula(term))
        if value is None:
            return None
        terms.append(-value if sign == "-" else value)
    return terms


def _finite_series(formulas: list[Formula], ref: str) -> RoutedCall | None:
    """'Compute $(-300) + (-297) + (-294) + \\dots + 306 + 309$.': an arithmetic or geometric series written with
    dots and its last terms; SymPy sums the rule, the second route walks the terms and adds them."""
    latex = formulas[int(ref)].latex.strip().rstrip(".?").strip()
    if "\\!" in latex:
        return None
    parts = re.split(r"\s*([+-])\s*(?:\\[lc]?dots|\.\.\.)\s*([+-])\s*", latex)
    if len(parts) != 4 or parts[1] != parts[2]:
        return None
    head, tail = _signed_terms(parts[0]), _signed_terms(parts[2] + parts[3])
    if head is None or tail is None or len(head) < 3 or not tail:
        return None
    for geometric in (False, True):
        rule = second.progression(head + [], geometric)
        if rule is not None:
            break
    else:
        return None
    if rule.step in (0, 1) and geometric or rule.step == 0:
        return None
    terms, total = [], Fraction(0)
    term = rule.first
    while len(terms) < second.MAX_STEPS:
        terms.append(term)
        total += term
        if term == tail[-1]:
            break
        term = term * rule.step if geometric else term + rule.step
        if abs(term) > 10**60:
            return None
    else:
        return None
    if terms[-1] != tail[-1] or terms[-len(tail):] != tail or len(terms) < len(head) + len(tail):
        return None
    n = len(terms)
    general_term = f"{bracketed(rule.first)}*{bracketed(rule.step)}^(k - 1)" if geometric else \
        f"{bracketed(rule.first)} + (k - 1)*{bracketed(rule.step)}"
    return _symbolic(f"sum({general_term}, k, 1, {n})", agreeing(total))


def _infinite_series(formulas: list[Formula], ref: str) -> RoutedCall | None:
    terms = _series_terms(formulas[int(ref)].latex)
    if terms is None or len(terms) < 3:
        return None
    rule = second.progression(terms, geometric=True)
    if rule is None or not abs(rule.step) < 1:
        return None
    expected = rule.first / (1 - rule.step)
    # the second route: partial sums closing in on the value, at the rate |r|^n
    partial, term = Fraction(0), rule.first
    for _ in range(60):
        partial, term = partial + term, term * rule.step
    if abs(partial - expected) > abs(rule.first) * abs(rule.step) ** 60 / (1 - abs(rule.step)) + Fraction(1, 10**30):
        return None
    return _symbolic(f"sum({bracketed(rule.first)}*{bracketed(rule.step)}^k, k, 0, oo)", agreeing(expected))


def _common_ratio(formulas: list[Formula], kind: str, ref: str) -> RoutedCall | None:
    latex = formulas[int(ref)].latex
    terms = _series_terms(latex) if kind.lower() == "series" else (_listed(latex) or ([], [1]))[0]
    if not terms or len(terms) < 3:
        return None
    rule = second.progression(terms, geometric=True)
    if rule is None:
        return None
    # the ratio again, as the third term over the second (the rule was read as each term over the one before)
    return _calculator(f"{bracketed(terms[1])}/{bracketed(terms[0])}", agreeing(terms[2] / terms[1]))


# -- the sum or product of roots, in wordings the general route does not read ----------------------------------

def _vieta(formulas: list[Formula], how: str, ref: str) -> RoutedCall | None:
    """'What is the sum of the two solutions of $54 - 15x - x^2 = 0$?': -b/a or c/a (a quadratic's distinct real
    roots), against mpmath's numeric roots added or multiplied."""
    formula = formulas[int(ref)]
    read = _quadratic(formula)
    if read is None or not isinstance(formula.tree, Relation):
        return None
    _, (c, b, a) = read
    roots = second.real_roots([c, b, a])
    with mpmath.workdps(second.DIGITS):
        numeric = roots[0] + roots[1] if how.lower() == "sum" else roots[0] * roots[1]
    formula_text = f"-{bracketed(b)}/{bracketed(a)}" if how.lower() == "sum" else f"{bracketed(c)}/{bracketed(a)}"
    return _calculator(formula_text, agreeing_rational_near(numeric))


# -- an expression in the roots of a quadratic -------------------------------------------------------------------

ROOTS_NAMED = re.compile(r"^(?:let|suppose(?:\s+that)?|if)\s+" + F + r"\s*,?\s+and\s+" + F + r"\s+(?:be|denote|are)\s+"
                         r"the\s+(?:two\s+)?(?:roots|solutions|zeros)\s+(?:of|to)\s+(?:the\s+(?:equation|quadratic|"
                         r"polynomial)\s+)?" + F + r"$", I)
PIECEWISE = re.compile(r"^(?:let|define|suppose|if|given)\s+" + F + r"$", I)
ROOTS_ASKED = re.compile(r"^(?:then\s+)?(?:" + ASK + r"|simplify)\s+(?:the\s+value\s+of\s+)?" + F + r"$", I)


def _in_the_roots(formulas: list[Formula], a_ref: str, b_ref: str, eq_ref: str, asked_ref: str) -> RoutedCall | None:
    """'Let $d$ and $e$ denote the solutions of $2x^2 + 3x - 5 = 0$. What is $(d - 1)(e - 1)$?': a formula in the two
    roots, the same whichever root each letter names. The tool works out the formula with the roots put in by the
    quadratic formula; the second route evaluates it with mpmath's numeric roots, both ways round."""
    first, other = formulas[int(a_ref)].tree, formulas[int(b_ref)].tree
    asked = formulas[int(asked_ref)]
    if not (isinstance(first, Name) and isinstance(other, Name)) or first.name == other.name:
        return None
    read = _quadratic(formulas[int(eq_ref)])
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
        if not (second.close(mpmath.re(one), mpmath.re(swapped)) and abs(mpmath.im(one)) < second.TOLERANCE
                and abs(mpmath.im(swapped)) < second.TOLERANCE and abs(one - swapped) < second.TOLERANCE * max(1, abs(one))):
            return None  # not symmetric in the roots, or not real: which root is which would matter
        value = mpmath.re(one)
    plus = parse(f"(-{bracketed(b)} + sqrt({fraction_text(discriminant)}))/(2*{bracketed(a)})")
    minus = parse(f"(-{bracketed(b)} - sqrt({fraction_text(discriminant)}))/(2*{bracketed(a)})")
    put_in = _substituted(asked, {first: plus, other: minus})
    return _symbolic(to_text(put_in), agreeing_rational_near(value))


def _system_value(formulas: list[Formula], first_ref: str, more: str, asked_ref: str) -> RoutedCall | None:
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
    return _symbolic(call, relabel)


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


def _substituted(node: Node, values: dict[str, Node]) -> Node:
    """The tree with each named letter replaced by a tree (on the tree, so that a letter e is never read back as
    Euler's number from text)."""
    if isinstance(node, Name):
        return values.get(node.name, node)
    if isinstance(node, BinOp):
        return BinOp(node.op, _substituted(node.left, values), _substituted(node.right, values))
    if isinstance(node, Neg):
        return Neg(_substituted(node.operand, values))
    if isinstance(node, Num):
        return node
    raise NotDerived(f"{type(node).__name__} in a formula of the roots")


# -- a polynomial's value where a quadratic vanishes --------------------------------------------------------------

def _value_where_zero(formulas: list[Formula], eq_ref: str, asked_ref: str) -> RoutedCall | None:
    """'If $x^2 - x - 1 = 0$, what is the value of $x^3 - 2x + 1$?': the same at both roots when the remainder of
    the division by the quadratic is a constant. The tool puts one root in (the quadratic formula); the second
    route divides the polynomials over the Fractions."""
    equation, asked = formulas[int(eq_ref)], formulas[int(asked_ref)]
    read = _quadratic(equation)
    if read is None or not isinstance(equation.tree, Relation) or asked.tree is None or isinstance(asked.tree, Relation):
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
    return _symbolic(to_text(_substituted(asked.tree, {var: root})), agreeing(value))


# -- where an expression is undefined -------------------------------------------------------------------------

def _undefined_at(formulas: list[Formula], how: str, var_ref: str | None, ref: str) -> RoutedCall | None:
    """'What is the sum of all values of $y$ for which the expression $\\frac{y+6}{y^2-5y+4}$ is undefined?': the real
    zeros of the denominator (all of them rational here), their sum, product, or the one value."""
    formula = formulas[int(ref)]
    read = _fraction_of_polynomials(formula)
    if read is None:
        return None
    var, _, bottom = read
    if var_ref is not None and not (isinstance(formulas[int(var_ref)].tree, Name)
                                    and formulas[int(var_ref)].tree.name == var):
        return None
    if len(bottom) > 5:
        return None
    zeros = second.rational_roots_found(bottom)
    reduced = list(bottom)
    for z in zeros:
        while True:
            quotient, rest = rp.divide_by_root(reduced, z)
            if rest != 0:
                break
            reduced = quotient
    if len(reduced) > 1 and second.real_root_count(reduced) != 0:
        return None  # an irrational zero as well
    expected = _picked_value(zeros, how)
    if expected is None:
        return None
    denominator = to_text(formula.tree.right if not isinstance(formula.tree, Relation) else formula.tree.right.right)
    return _symbolic(f"solve({denominator} = 0, {var})", _rational_members_pick(zeros, expected))


def _rational_members_pick(zeros: list[Fraction], expected: Fraction):
    def relabel(answer: str) -> str | None:
        m = re.fullmatch(r"\{(.*)\}", answer.strip())
        if m is None:
            return None
        real = [x for x in _top_level_split(m.group(1)) if not re.search(r"\bI\b", x)]
        try:
            found = sorted(Fraction(x) for x in real)
        except ValueError:
            return None
        return fraction_text(expected) if found == zeros else None
    return relabel


# -- a parameter fixed by a point on a line ----------------------------------------------------------------------

def _through_point(formulas: list[Formula], param_ref: str, line_ref: str, point_ref: str) -> RoutedCall | None:
    """'For what value of $k$ does the line $kx + 3y = 12$ contain the point $(2, 6)$?': the point put in gives an
    equation in k alone, of degree one."""
    param, line, point = (formulas[int(r)] for r in (param_ref, line_ref, point_ref))
    if not isinstance(param.tree, Name) or not isinstance(point.tree, Seq) or len(point.tree.items) != 2:
        return None
    k = param.tree.name
    if k in ("x", "y") or line.names != {"x", "y", k} or not isinstance(line.tree, Relation):
        return None
    coordinates = [_number(Formula("", item)) for item in point.tree.items]
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
    point_in = _substituted(line.tree.left, {"x": parse(bracketed(coordinates[0])), "y": parse(bracketed(coordinates[1]))})
    right_in = _substituted(line.tree.right, {"x": parse(bracketed(coordinates[0])), "y": parse(bracketed(coordinates[1]))})
    call = f"solve({to_text(point_in)} = {to_text(right_in)}, {k})"
    return _symbolic(call, _set_pick(value))


# -- power sums of a quadratic's roots ---------------------------------------------------------------------------

POWER_SUMS = {"squares": "r^2 + s^2", "cubes": "r^3 + s^3", "reciprocals": "1/r + 1/s",
              "squares of the reciprocals": "1/r^2 + 1/s^2"}


def _power_sum(formulas: list[Formula], which: str, noun: str, ref: str) -> RoutedCall | None:
    """'What is the sum of the squares of the roots of $x^2 - 13x + 4 = 0$?' (a quadratic's two roots; its
    solutions, when asked for, must be real)."""
    formula = formulas[int(ref)]
    read = _quadratic(formula)
    if read is None or read[0] in ("r", "s"):
        return None
    var, (c, b, a) = read
    if noun.lower().startswith("solution") and b * b - 4 * a * c <= 0:
        return None
    return _symmetric_in_roots("r", "s", parse(POWER_SUMS[re.sub(r"\s+", " ", which.lower())]), c, b, a)


# -- the square of a binomial -----------------------------------------------------------------------------------

def _square_of_binomial(formulas: list[Formula], param_ref: str, ref: str) -> RoutedCall | None:
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
    c, b, a = (_drop(poly, "x", e) for e in range(3))
    discriminant = rp.add(rp.multiply(b, b), rp.scale(rp.multiply(a, c), Fraction(-4)))
    coeffs = second.coefficients(discriminant, k) if rp.names(discriminant) <= {k} else None
    if coeffs is None or len(coeffs) < 2:
        return None
    roots = second.rational_roots_found(coeffs)
    fitting = [v for v in roots if _is_square_of_binomial(*(rp.evaluate(t, {k: v}) for t in (a, b, c)))]
    if len(fitting) != 1:
        return None
    return _symbolic(f"solve({_poly_text(coeffs, k)} = 0, {k})", _set_pick(fitting[0]))


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


# -- exponential equations with one base ----------------------------------------------------------------------------

def _base_and_power(n: Fraction) -> tuple[int, Fraction] | None:
    """8 -> (2, 3), 1/9 -> (3, -2), 7 -> (7, 1); 1 and non-positive numbers: None."""
    if n <= 0 or n == 1:
        return None
    sign = 1
    if n.denominator != 1:
        if n.numerator != 1:
            return None
        n, sign = Fraction(n.denominator), -1
    value = n.numerator
    for root in range(2, 1 + min(value, 10**6)):
        power, x = 0, value
        while x % root == 0:
            x //= root
            power += 1
        if x == 1:
            return root, Fraction(sign * power)
        if power:
            return None
    return None


def _exponent_sides(formula: Formula) -> tuple[str, list[Fraction]] | None:
    """b1^P = b2^Q (either side may be a plain number) with one base c: (letter, coefficients of m1 P - m2 Q)."""
    tree = formula.tree
    if not (isinstance(tree, Relation) and tree.op == "=" and len(formula.names) == 1):
        return None
    (var,) = formula.names
    sides = []
    for side in (tree.left, tree.right):
        if isinstance(side, BinOp) and side.op == "^":
            base = _number(Formula("", side.left))
            exponent = polynomial(side.right, {var})
            coeffs = second.coefficients(exponent, var) if exponent is not None else None
        else:
            base, coeffs = _number(Formula("", side)), [Fraction(1)]
            if base is None:
                return None
        read = _base_and_power(base) if base is not None else None
        if read is None or coeffs is None:
            return None
        sides.append((read, coeffs))
    (c1, m1), p = sides[0]
    (c2, m2), q = sides[1]
    if c1 != c2:
        return None
    size = max(len(p), len(q))
    p, q = p + [Fraction(0)] * (size - len(p)), q + [Fraction(0)] * (size - len(q))
    difference = [m1 * a - m2 * b for a, b in zip(p, q)]
    while difference and difference[-1] == 0:
        difference.pop()
    return (var, difference) if len(difference) >= 2 else None


def _power_value(side: Node, env: dict) -> mpmath.mpf:
    """b^P with the exponent evaluated first (complex_value reads whole powers only)."""
    if isinstance(side, BinOp) and side.op == "^":
        return second.complex_value(side.left, env) ** second.complex_value(side.right, env)
    return second.complex_value(side, env)


def _exponential_pick(formulas: list[Formula], how: str, var_ref: str | None, ref: str) -> RoutedCall | None:
    formula = formulas[int(ref)]
    read = _exponent_sides(formula)
    if read is None:
        return None
    var, difference = read
    if var_ref is not None and not (isinstance(formulas[int(var_ref)].tree, Name)
                                    and formulas[int(var_ref)].tree.name == var):
        return None
    if len(difference) > 5:
        return None
    roots = second.rational_roots_found(difference)
    rest = list(difference)
    for r in roots:
        while True:
            quotient, remainder = rp.divide_by_root(rest, r)
            if remainder != 0:
                break
            rest = quotient
    if len(rest) > 1 and second.real_root_count(rest) != 0:
        return None  # an irrational solution as well
    # the second route: each root put back into the equation as written, both sides at 50 digits
    with mpmath.workdps(second.DIGITS):
        for r in roots:
            left, right = (_power_value(side, {var: mpmath.mpf(r.numerator) / r.denominator})
                           for side in (formula.tree.left, formula.tree.right))
            if not second.close(mpmath.re(left), mpmath.re(right)):
                return None
    expected = _picked_value(roots, PICKS.get(how.lower(), how.lower()))
    if expected is None:
        return None
    return _symbolic(f"solve({_poly_text(difference, var)} = 0, {var})", _rational_members_pick(roots, expected))


# -- a letter standing for a term of an arithmetic sequence -------------------------------------------------------

def _letter_in_sequence(formulas: list[Formula], list_ref: str, letter_ref: str) -> RoutedCall | None:
    """'In the arithmetic sequence $17, a, b, c, 41$, what is the value of $b$?': the numbers shown fix the
    difference; the letter asked is a term at its place."""
    asked = formulas[int(letter_ref)].tree
    latex = formulas[int(list_ref)].latex.strip().rstrip(".?").strip()
    if not isinstance(asked, Name) or "\\!" in latex or DOTS.search(latex):
        return None
    parts = [p.strip() for p in latex.split(",")]
    known: dict[int, Fraction] = {}
    letters: dict[str, int] = {}
    for k, part in enumerate(parts, start=1):
        if re.fullmatch(r"[A-Za-z]", part):
            if part in letters:
                return None
            letters[part] = k
            continue
        value = _number(read_formula(part)) if part else None
        if value is None:
            return None
        known[k] = value
    if asked.name not in letters or len(known) < 2 or len(parts) < 3:
        return None
    (p, a), (q, b) = sorted(known.items())[0], sorted(known.items())[-1]
    step = (b - a) / (q - p)
    rule = second.Progression(a - (p - 1) * step, step, False)
    if any(second.term_by_steps(rule, k) != v for k, v in known.items()):
        return None  # the numbers shown do not lie on one arithmetic sequence
    r = letters[asked.name]
    formula = f"{bracketed(a)} + ({r} - {p})*({bracketed(b)} - {bracketed(a)})/({q} - {p})"
    return _calculator(formula, agreeing(second.term_by_steps(rule, r)))


# -- the sentence shapes ----------------------------------------------------------------------------------------

LINE = r"(?:the\s+)?(?:line|graph)\s+(?:(?:whose\s+equation\s+is|with\s+(?:the\s+)?equation|given\s+by|defined\s+by|" \
       r"described\s+by|represented\s+by)\s+|(?:of\s+)?)" + F
CIRCLE = r"the\s+circle\s+(?:(?:whose\s+equation\s+is|with\s+(?:the\s+)?equation|given\s+by|defined\s+by|" \
         r"described\s+by|represented\s+by)\s+)?" + F
PARABOLA = r"the\s+(?:parabola|graph)\s+(?:(?:whose\s+equation\s+is|with\s+(?:the\s+)?equation|given\s+by|" \
           r"defined\s+by|described\s+by|of)\s+)?" + F

FAMILIES = [
    (re.compile(r"^in\s+the\s+arithmetic\s+sequence\s+" + F + r"\s*,?\s*(?:what\s+is|find)\s+(?:the\s+value\s+of\s+)?" + F
                + r"$", I), _letter_in_sequence),
    (re.compile(r"^(?:what\s+is|find)\s+(?:the\s+value\s+of\s+)?" + F + r"\s+in\s+the\s+arithmetic\s+sequence\s+" + F
                + r"$", I), lambda fs, letter, ref: _letter_in_sequence(fs, ref, letter)),
    (re.compile(r"^(?:" + ASK + r"|simplify)\s+(?:the\s+(?:value\s+of\s+(?:the\s+)?|sum\s+of\s+the\s+(?:arithmetic\s+|"
                r"geometric\s+|finite\s+)*series\s*:?\s*|sum\s*:?\s*|arithmetic\s+series\s*:?\s*|"
                r"geometric\s+series\s*:?\s*|series\s*:?\s*|expression\s*:?\s*))?" + F + r"$", I), _finite_series),
    (re.compile(r"^" + ASK + r"\s+the\s+sum\s+of\s+the\s+(squares\s+of\s+the\s+reciprocals|squares|cubes|reciprocals)\s+"
                r"of\s+the\s+(?:two\s+)?(roots|solutions)\s+(?:of|to)\s+(?:the\s+(?:equation|quadratic)\s+)?" + F + r"$", I),
     _power_sum),
    (re.compile(r"^(?:if\s+" + F + r"\s+is\s+a\s+constant\s+such\s+that\s+)" + F + r"\s+is\s+the\s+square\s+of\s+a\s+"
                r"binomial\s*,?\s*(?:then\s+)?(?:what\s+is|find)\s+" + F + r"$", I),
     lambda fs, k, ref, asked: _square_of_binomial(fs, k, ref) if fs[int(asked)].latex.strip() == fs[int(k)].latex.strip()
     else None),
    (re.compile(r"^find\s+" + F + r"\s+such\s+that\s+" + F + r"\s+is\s+the\s+square\s+of\s+a\s+binomial$", I),
     _square_of_binomial),
    (re.compile(r"^" + ASK + r"\s+the\s+(greatest|largest|least|smallest)\s+integer\s+(?:value\s+(?:of\s+)?)?(?:" + F
                + r"\s+)?(?:for\s+which|such\s+that|that\s+satisfies|satisfying|where)\s+" + F + r"$", I),
     lambda fs, which, var, ref: integer_extreme(fs[int(ref)], which.lower(),
                                                 fs[int(var)].tree.name if var and isinstance(fs[int(var)].tree, Name)
                                                 else (None if not var else "?"))),
    (re.compile(r"^" + ASK + r"\s+the\s+(sum|product)\s+of\s+(?:all\s+)?(?:the\s+)?values\s+of\s+" + F
                + r"\s+(?:for\s+which|such\s+that|where)\s+(?:the\s+expression\s+)?" + F + r"\s+is\s+(?:undefined|not\s+defined)$",
                I), _undefined_at),
    (re.compile(r"^for\s+what\s+(?:real\s+)?values?\s+of\s+" + F + r"\s+is\s+(?:the\s+expression\s+)?" + F
                + r"\s+(?:undefined|not\s+defined)$", I), lambda fs, v, ref: _undefined_at(fs, "one", v, ref)),
    (re.compile(r"^for\s+what\s+value\s+of\s+" + F + r"\s+does\s+the\s+line\s+(?:represented\s+by\s+the\s+equation\s+|"
                r"given\s+by\s+|with\s+equation\s+)?" + F + r"\s+(?:contain|pass\s+through|go\s+through)\s+the\s+point\s+"
                + F + r"$", I), _through_point),
    (re.compile(r"^(?:if|given\s+that|given|suppose(?:\s+that)?)\s+" + F + r"((?:\s*(?:,\s*and|,|and)\s*⟨\d+⟩))\s*,?\s*"
                r"(?:then\s+)?(?:what\s+is|find|determine|compute|evaluate)\s+(?:the\s+value\s+of\s+)?" + F + r"$", I),
     _system_value),
    (re.compile(r"^(?:let|define|suppose|if|given)\s+" + F + r"\s*[,.]?\s*(?:then\s+)?(?:" + ASK
                + r")\s+(?:the\s+value\s+of\s+)?" + F + r"$", I),
     lambda fs, d, q: piecewise.evaluate(fs[int(d)], fs[int(q)]) if "\\begin" in fs[int(d)].latex else None),
    (re.compile(r"^" + ASK + r"\s+the\s+distance\s+between\s+the\s+(foci|vertices)\s+of\s+the\s+(ellipse|hyperbola)\s*"
                r"(?:(?:given\s+by|with\s+(?:the\s+)?equation|whose\s+equation\s+is)\s+)?" + F + r"$", I),
     lambda fs, what, kind, ref: conics.foci_distance(fs[int(ref)], kind.lower(), what.lower())
     if (what.lower(), kind.lower()) != ("vertices", "ellipse") else None),
    (re.compile(r"^" + ASK + r"\s+the\s+(?:coordinates\s+of\s+the\s+)?(?:center|centre)\s+of\s+the\s+(ellipse|hyperbola)\s*"
                r"(?:(?:given\s+by|with\s+(?:the\s+)?equation|whose\s+equation\s+is)\s+)?" + F + PAIR + r"$", I),
     lambda fs, kind, ref: conics.centre(fs[int(ref)], kind.lower())),
    (re.compile(r"^" + ASK + r"\s+the\s+(focus|equation\s+of\s+the\s+directrix)\s+of\s+the\s+parabola\s*"
                r"(?:(?:given\s+by|with\s+(?:the\s+)?equation|whose\s+equation\s+is)\s+)?" + F + r"$", I),
     lambda fs, what, ref: conics.focus_or_directrix(fs[int(ref)], "focus" if what.lower() == "focus" else "directrix")),
    (re.compile(r"^" + ASK + r"\s+the\s+(smallest|least|largest|greatest)\s+(?:real\s+)?(?:number|value\s+of)\s+" + F
                + r"\s+(?:that\s+is\s+)?in\s+the\s+domain\s+of\s+(?:the\s+)?(?:function\s+)?" + F + r"$", I),
     lambda fs, which, _, ref: domain_plan(fs[int(ref)], {"least": "smallest", "greatest": "largest"}.get(
         which.lower(), which.lower()))),
    (re.compile(r"^what\s+(?:real\s+)?values?\s+of\s+" + F + r"\s+(?:are|is)\s+not\s+in\s+the\s+domain\s+of\s+"
                r"(?:the\s+function\s+)?" + F + r"$", I),
     lambda fs, _, ref: domain_plan(fs[int(ref)], "excluded")),
    (re.compile(r"^(?:if|given\s+that|suppose(?:\s+that)?)\s+" + F + r"\s*,?\s*(?:then\s+)?(?:what\s+is|find|determine|"
                r"compute|evaluate)\s+(?:the\s+value\s+of\s+)?" + F + r"$", I), _value_where_zero),
    (ALL_ROOTS, _all_roots),
    (re.compile(r"^(?:what\s+is|find|determine|compute|give)\s+the\s+domain\s+of\s+(?:the\s+)?(?:real[- ]valued\s+)?"
                r"(?:function|expression|graph\s+of)?\s*" + F + r"(?:\s*,?\s+(?:in|using)\s+interval\s+notation)?$", I),
     lambda fs, ref: domain_plan(fs[int(ref)]) if ANSWER_IN_INTERVALS else None),
    (re.compile(r"^" + ASK + r"\s+the\s+sum\s+of\s+the\s+(?:infinite\s+)?geometric\s+series\s*:?\s*" + F + r"$", I),
     _infinite_series),
    (re.compile(r"^(?:evaluate|compute|find|calculate)\s+the\s+infinite\s+geometric\s+series\s*:?\s*" + F + r"$", I),
     _infinite_series),
    (re.compile(r"^" + ASK + r"\s+the\s+common\s+ratio\s+of\s+the\s+(?:infinite\s+)?geometric\s+(series|sequence)\s*:?\s*"
                + F + r"$", I), _common_ratio),
    (re.compile(r"^" + ASK + r"\s+the\s+(sum|product)\s+of\s+the\s+two\s+(?:real\s+)?(?:solutions|roots)\s+(?:of|to)\s+"
                r"(?:the\s+equation\s+)?" + F + r"$", I), _vieta),
    (re.compile(r"^how\s+many\s+vertical\s+asymptotes\s+does\s+(?:the\s+graph\s+of\s+)?(?:the\s+function\s+)?" + F
                + r"\s+have$", I), _vertical_asymptotes),
    (re.compile(r"^" + ASK + r"\s+the\s+(sum|product)\s+of\s+(?:all\s+)?(?:the\s+)?(?:possible\s+)?(?:values\s+of\s+"
                + F + r"|solutions\s+(?:of|to)|solutions|roots\s+of)\s*(?:that\s+satisfy|which\s+satisfy|such\s+that|"
                r"satisfying|for\s+which|of\s+the\s+equation|to\s+the\s+equation|the\s+equation)?\s*" + F + r"$", I),
     _absolute_pick),
    (re.compile(r"^" + ASK + r"\s+the\s+(largest|greatest|smallest|least|positive|negative)\s+(?:possible\s+)?"
                r"(?:value\s+of\s+|solution\s+)?" + F + r"\s+(?:such\s+that|that\s+satisfies|satisfying|for\s+which)\s+"
                r"(?:the\s+equation\s+)?" + F + r"$", I), _absolute_pick),
    (re.compile(r"^" + ASK + r"\s+the\s+(positive\s+difference)\s+between\s+the\s+(?:two\s+)?(?:solutions|roots)\s+"
                r"(?:of|to)\s+(?:the\s+equation\s+)?()" + F + r"$", I),
     lambda fs, how, _, ref: _absolute_pick(fs, how, None, ref)),
    (re.compile(r"^how\s+many\s+(?:distinct\s+)?(?:real\s+)?solutions\s+does\s+(?:the\s+equation\s+)?()" + F
                + r"\s+have$", I), lambda fs, _, ref: _absolute_pick(fs, "count", None, ref)),
    (re.compile(r"^(?:for\s+what|find\s+the|what\s+is\s+the)\s+(?:(positive|negative)\s+)?(?:real\s+)?value\s+of\s+" + F
                + r"\s+(?:does|will|for\s+which|such\s+that)\s+(?:the\s+equation\s+)?" + F + r"\s+(?:have|has)\s+"
                r"(?:exactly\s+|only\s+)?one\s+(?:real\s+)?(?:solution|root)(?:\s+(?:in|for)\s+(?:x|⟨\d+⟩))?$", I),
     _one_solution),
    (re.compile(r"^" + ASK + r"\s+the\s+" + ORDINAL + r"\s+term\s+(?:of|in)\s+(?:the\s+)?(arithmetic|geometric)\s+"
                r"(?:sequence|progression)\s*:?\s*" + F + r"$", I), _nth_term),
    (re.compile(r"^how\s+many\s+(?:numbers|terms|integers|positive\s+integers|elements)\s+are\s+(?:there\s+)?"
                r"(?:in|listed\s+in)\s+(?:the\s+)?(?:following\s+)?(?:list|arithmetic\s+sequence|sequence)\s*:?\s*"
                + F + r"$", I), _list_length),
    (re.compile(r"^" + ASK + r"\s+the\s+sum\s+of\s+the\s+first\s+(\d+|⟨\d+⟩)\s+(" + "|".join(
        k.replace(" ", r"\s+") for k in FIRST_KINDS) + r")$", I), _sum_of_first),
    (re.compile(r"^" + ASK + r"\s+the\s+slope\s+of\s+(?:a\s+|the\s+)?(?:line\s+)?(?:that\s+is\s+)?"
                r"(?:(parallel|perpendicular)\s+to\s+)?" + LINE + r"$", I),
     _slope),
    (re.compile(r"^" + ASK + r"\s+the\s+" + F + r"\s*-\s*intercept(\s+point)?\s+of\s+" + LINE
                + r"(\s*,?\s+as\s+an\s+ordered\s+pair)?$", I),
     lambda fs, axis, point, ref, pair: _intercept(fs, axis, ref, point or pair)),
    (re.compile(r"^" + ASK + r"\s+the\s+(center|centre)\s+of\s+" + CIRCLE + PAIR + r"$", I), _circle_part),
    (re.compile(r"^" + ASK + r"\s+the\s+(radius)\s+of\s+" + CIRCLE + r"$", I), _circle_part),
    (re.compile(r"^" + ASK + r"\s+the\s+(?:coordinates\s+of\s+the\s+)?vertex\s+of\s+" + PARABOLA + PAIR + r"$", I), _vertex),
    (re.compile(r"^" + ASK + r"\s+the\s+(minimum|maximum|least|greatest|smallest|largest)\s+(?:possible\s+)?value\s+"
                r"(?:of|for)\s+(?:the\s+(?:expression|function|quadratic)\s+)?" + F
                + r"(?:\s*,?\s+(?:for|over)\s+(?:all\s+)?real\s+(?:values\s+of\s+|numbers\s+)?" + F + r")?$", I),
     _extreme_value),
    (re.compile(r"^" + ASK + r"\s+the\s+(minimum|maximum|least|greatest|smallest|largest)\s+(?:possible\s+)?value\s+"
                r"(?:of|for)\s+" + F + r"\s*,?\s+(?:if|where|when|given\s+that|in\s+the\s+equation)\s+" + F + r"$", I),
     lambda fs, which, var, ref: _extreme_value(fs, which, ref, var)),
    (re.compile(r"^" + ASK + r"\s+the\s+remainder\s+when\s+" + F + r"\s+is\s+divided\s+by\s+" + F + r"$", I),
     _remainder),
    (re.compile(r"^" + ASK + r"\s+the\s+sum\s+of\s+(?:all\s+)?(?:of\s+)?the\s+coefficients\s+(?:in|of)\s+"
                r"(?:the\s+(?:polynomial|expression|expansion\s+of)\s+)?" + F
                + r"(?:\s*,?\s+when\s+it\s+is\s+(?:fully\s+|completely\s+)?(?:simplified|expanded))?$", I),
     _coefficient_sum),
    (re.compile(r"^" + ASK + r"\s+the\s+(?:positive\s+difference|absolute\s+value\s+of\s+the\s+difference)\s+(?:between|of)\s+the\s+(?:two\s+)?(?:solutions|roots)\s+"
                r"(?:of|to)\s+(?:the\s+(?:equation|quadratic)\s+)?" + F + r"$", I), _root_difference),
    (re.compile(r"^" + ASK + r"\s+the\s+discriminant\s+of\s+(?:the\s+(?:quadratic|polynomial|expression)\s+)?" + F
                + r"$", I), _discriminant),
]
