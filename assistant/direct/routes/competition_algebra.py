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

import re
from fractions import Fraction

import mpmath

from tools.parsing import Name, Relation, to_text
from tools.symbolic import rational_poly as rp

from .. import algebra_checks as second
from ..algebra_checks import NotDerived, agreeing, bracketed, fraction_text, polynomial
from ..plan import CheckKind, RoutedCall
from .competition import _sentences
from .competition_reading import FORM, Formula, read_formula, split_question

I = re.IGNORECASE
ASK = r"(?:what\s+is|what's|find|compute|calculate|evaluate|determine)"
F = r"⟨(\d+)⟩"


def match(question: str) -> RoutedCall | None:
    split = split_question(question)
    if split is None:
        return None
    prose, formulas = split
    sentences = _sentences(prose)
    pair = any(ORDERED_PAIR.match(s) for s in sentences)
    asked = [s for s in sentences if not (FORM.match(s) or ORDERED_PAIR.match(s))]
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
PAIR = r"(?:\s*,?\s+as\s+an\s+ordered\s+pair)?"


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
    if pc is None or dc is None or len(dc) != 2 or dc[1] == 0 or len(pc) < 2:
        return None
    root = -dc[0] / dc[1]
    _, remainder = rp.divide_by_root(pc, root)
    call = f"subs({to_text(dividend.tree)}, {var} = {fraction_text(root)})"
    return _symbolic(call, agreeing(remainder))


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
        got = second.numeric_value(answer)
        return answer if got is not None and second.close(got, value) else None
    return relabel


# -- the sentence shapes ----------------------------------------------------------------------------------------

LINE = r"(?:the\s+)?(?:line|graph)\s+(?:(?:whose\s+equation\s+is|with\s+(?:the\s+)?equation|given\s+by|defined\s+by|" \
       r"described\s+by|represented\s+by)\s+|(?:of\s+)?)" + F
CIRCLE = r"the\s+circle\s+(?:(?:whose\s+equation\s+is|with\s+(?:the\s+)?equation|given\s+by|defined\s+by|" \
         r"described\s+by|represented\s+by)\s+)?" + F
PARABOLA = r"the\s+(?:parabola|graph)\s+(?:(?:whose\s+equation\s+is|with\s+(?:the\s+)?equation|given\s+by|" \
           r"defined\s+by|described\s+by|of)\s+)?" + F

FAMILIES = [
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
