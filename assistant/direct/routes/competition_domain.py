"""The domain of a function of one letter, in interval notation: 'What is the domain of the function
$f(x) = \\frac{1}{x-3}$? Express your answer in interval notation.', 'Find the domain of the expression
$\\frac{\\sqrt{x-2}}{\\sqrt{5-x}}$.'

The formula gives conditions on its letter: a denominator is not 0, what is under a square root is at least 0
(more than 0 under a square root in a denominator). Each condition is a polynomial's sign, every real root of those
polynomials must be rational, and the domain is read off a sign chart over the Fractions. The tool (SymPy's
inequality solver) solves the same conditions, written as inequalities (P != 0 as P^2 > 0); its set must agree with
the chart at every root and at points inside every piece, or nothing is answered. An answer is given only where it
is written in interval notation at all: not the whole line, not an isolated point, not an empty set.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

from tools.parsing import BinOp, Call, Name, Neg, Node, Num, Relation, to_text
from tools.symbolic import rational_poly as rp

from .. import algebra_checks as second
from ..algebra_checks import NotDerived, polynomial
from ..plan import CheckKind, RoutedCall
from .competition_reading import Formula, read_formula

MAX_CONDITIONS = 6


@dataclass(frozen=True)
class Condition:
    poly: list[Fraction]  # constant term first
    relation: str  # ">=", ">" or "!="
    tree: Node  # as written, for the tool

    def holds(self, x: Fraction) -> bool:
        value = sum(c * x ** k for k, c in enumerate(self.poly))
        return value >= 0 if self.relation == ">=" else value > 0 if self.relation == ">" else value != 0

    def as_inequality(self) -> str:
        text = to_text(self.tree)
        return f"({text})^2 > 0" if self.relation == "!=" else f"{text} {self.relation} 0"


@dataclass(frozen=True)
class Piece:
    low: Fraction | None  # None: minus infinity
    high: Fraction | None  # None: infinity
    low_closed: bool
    high_closed: bool


def domain_plan(formula: Formula, pick: str | None = None) -> RoutedCall | None:
    """The domain in interval notation; with `pick` ('smallest', 'largest' or 'excluded') a number read off it
    instead: its least or greatest member, or the real numbers left out of it (when only finitely many are)."""
    named = re.match(r"\s*([A-Za-z])\s*\(\s*[A-Za-z]\s*\)\s*=", formula.latex)
    if named:  # f(x) = ...: f is a function here, not a factor
        formula = read_formula(formula.latex, frozenset({named.group(1)}))
    tree = formula.tree
    if isinstance(tree, Relation):
        left = tree.left
        named = isinstance(left, Name) and left.name == "y" or isinstance(left, Call) and len(left.args) == 1 and \
            isinstance(left.args[0], Name) and len(left.func) == 1
        if tree.op != "=" or not named:
            return None
        letters = formula.names - ({"y"} if isinstance(left, Name) else {left.func})
        if isinstance(left, Call) and {left.args[0].name} != letters:
            return None
        tree = tree.right
    else:
        letters = formula.names
    if len(letters) != 1:
        return None
    (var,) = letters
    conditions: list[Condition] = []
    try:
        _collect(tree, var, conditions)
        if not conditions or len(conditions) > MAX_CONDITIONS:
            return None
        points = sorted({r for c in conditions for r in _real_roots(c.poly)})
        pieces = _chart(conditions, points)
    except NotDerived:
        return None
    if pieces is None or not pieces or pieces == [Piece(None, None, False, False)]:
        return None
    call = f"solve({', '.join(c.as_inequality() for c in conditions)}, {var})"
    samples = _samples(points)
    expected = {x: any(_inside(p, x) for p in pieces) for x in samples}
    answer = _latex(pieces) if pick is None else _picked(pieces, pick)
    if answer is None:
        return None
    return RoutedCall("symbolic", call, call, CheckKind.TOOL, relabel=_agrees_at(expected, var, answer))


def _picked(pieces: list[Piece], pick: str) -> str | None:
    if pick == "smallest":
        first = pieces[0]
        return _plain(first.low) if first.low is not None and first.low_closed else None
    if pick == "largest":
        last = pieces[-1]
        return _plain(last.high) if last.high is not None and last.high_closed else None
    if pick == "excluded":
        if pieces[0].low is not None or pieces[-1].high is not None:
            return None
        gaps = [(a.high, b.low) for a, b in zip(pieces, pieces[1:])]
        if any(high != low or a_closed for (high, low), a_closed in zip(gaps, (p.high_closed for p in pieces))):
            return None  # a whole interval left out, not single numbers
        return ", ".join(_plain(high) for high, _ in gaps) or None
    return None


def _plain(x: Fraction) -> str:
    return str(x.numerator) if x.denominator == 1 else f"{x.numerator}/{x.denominator}"


# -- conditions from the formula ---------------------------------------------------------------------------------

def _collect(node: Node, var: str, out: list[Condition]) -> None:
    if isinstance(node, (Num, Name)):
        return
    if isinstance(node, Neg):
        return _collect(node.operand, var, out)
    if isinstance(node, BinOp) and node.op in ("+", "-", "*"):
        _collect(node.left, var, out)
        return _collect(node.right, var, out)
    if isinstance(node, BinOp) and node.op == "/":
        _collect(node.left, var, out)
        _collect(node.right, var, out)
        return _nonzero(node.right, var, out)
    if isinstance(node, BinOp) and node.op == "^":
        exponent = node.right
        if not (isinstance(exponent, Num) and Fraction(exponent.value).denominator == 1 and exponent.value >= 0):
            raise NotDerived("a power other than a whole one")
        return _collect(node.left, var, out)
    if isinstance(node, Call) and node.func == "sqrt" and len(node.args) == 1:
        out.append(Condition(_poly(node.args[0], var), ">=", node.args[0]))
        return
    if isinstance(node, Call) and node.func == "abs" and len(node.args) == 1:
        return _collect(node.args[0], var, out)
    raise NotDerived(f"{type(node).__name__} not read for a domain")


def _nonzero(node: Node, var: str, out: list[Condition]) -> None:
    """A denominator: a polynomial not 0, or the square root of one, more than 0."""
    if isinstance(node, Call) and node.func == "sqrt" and len(node.args) == 1:
        out.append(Condition(_poly(node.args[0], var), ">", node.args[0]))
        return
    poly = _poly(node, var)
    if len(poly) > 1:
        out.append(Condition(poly, "!=", node))
    elif not poly or poly[0] == 0:
        raise NotDerived("division by zero")


def _poly(node: Node, var: str) -> list[Fraction]:
    poly = polynomial(node, {var})
    coeffs = second.coefficients(poly, var) if poly is not None else None
    if coeffs is None:
        raise NotDerived("not a polynomial")
    return coeffs


def _real_roots(coeffs: list[Fraction]) -> list[Fraction]:
    """The real roots, each rational; NotDerived where a real root is irrational."""
    coeffs = list(coeffs)
    while coeffs and coeffs[-1] == 0:
        coeffs.pop()
    roots: list[Fraction] = []
    while len(coeffs) > 1:
        root = _one_rational_root(coeffs)
        if root is None:
            break
        coeffs, _ = rp.divide_by_root(coeffs, root)
        if root not in roots:
            roots.append(root)
    if len(coeffs) > 1 and second.real_root_count(coeffs) != 0:
        raise NotDerived("an irrational real root")
    return roots


def _one_rational_root(coeffs: list[Fraction]) -> Fraction | None:
    import math

    scale = math.lcm(*(c.denominator for c in coeffs))
    ints = [int(c * scale) for c in coeffs]
    if ints[0] == 0:
        return Fraction(0)
    lead, const = abs(ints[-1]), abs(ints[0])
    if lead > 10**6 or const > 10**6:
        raise NotDerived("coefficients too large for the rational root test")
    for p in _divisors(const):
        for q in _divisors(lead):
            for candidate in (Fraction(p, q), Fraction(-p, q)):
                if sum(c * candidate ** k for k, c in enumerate(ints)) == 0:
                    return candidate
    return None


def _divisors(n: int) -> list[int]:
    import math

    small = [d for d in range(1, math.isqrt(n) + 1) if n % d == 0]
    return sorted(set(small + [n // d for d in small]))


# -- the sign chart ------------------------------------------------------------------------------------------------

def _chart(conditions: list[Condition], points: list[Fraction]) -> list[Piece] | None:
    """Maximal intervals where every condition holds; None where the set has an isolated point."""
    ok = lambda x: all(c.holds(x) for c in conditions)  # noqa: E731
    if not points:
        return [Piece(None, None, False, False)] if ok(Fraction(0)) else []
    gaps = [points[0] - 1] + [(a + b) / 2 for a, b in zip(points, points[1:])] + [points[-1] + 1]
    pieces: list[Piece] = []
    current: list | None = None  # [low, low_closed]
    for k, gap in enumerate(gaps):
        if ok(gap):
            if current is None:
                current = [points[k - 1] if k else None, k > 0 and ok(points[k - 1])]
            if k == len(points):
                pieces.append(Piece(current[0], None, current[1], False))
            elif not ok(points[k]):
                pieces.append(Piece(current[0], points[k], current[1], False))
                current = None
            continue
        if current is not None:
            pieces.append(Piece(current[0], points[k - 1], current[1], ok(points[k - 1])))
            current = None
        if k < len(points) and ok(points[k]) and not ok(gaps[k + 1]):
            return None  # an isolated point: not an interval
    return pieces


def _inside(piece: Piece, x: Fraction) -> bool:
    above = piece.low is None or x > piece.low or piece.low_closed and x == piece.low
    below = piece.high is None or x < piece.high or piece.high_closed and x == piece.high
    return above and below


def _samples(points: list[Fraction]) -> list[Fraction]:
    """Every root, and three points inside every gap between them and beyond them."""
    out = list(points)
    edges = [points[0] - 10] + points + [points[-1] + 10] if points else [Fraction(-10), Fraction(10)]
    for a, b in zip(edges, edges[1:]):
        out += [a + (b - a) * Fraction(k, 4) for k in (1, 2, 3)]
    return out


def _latex_number(x: Fraction) -> str:
    if x.denominator == 1:
        return str(x.numerator)
    sign = "-" if x < 0 else ""
    return f"{sign}\\frac{{{abs(x.numerator)}}}{{{x.denominator}}}"


def _latex(pieces: list[Piece]) -> str:
    parts = []
    for p in pieces:
        low = "-\\infty" if p.low is None else _latex_number(p.low)
        high = "\\infty" if p.high is None else _latex_number(p.high)
        parts.append(f"{'[' if p.low_closed else '('}{low}, {high}{']' if p.high_closed else ')'}")
    return " \\cup ".join(parts)


# -- the tool's set, read back -------------------------------------------------------------------------------

def _agrees_at(expected: dict[Fraction, bool], var: str, answer: str):
    def relabel(text: str) -> str | None:
        member = membership(text, var)
        if member is None:
            return None
        try:
            same = all(member(x) == inside for x, inside in expected.items())
        except NotDerived:
            return None
        return answer if same else None
    return relabel


VALUE = r"-?\d+(?:/\d+)?|-?oo"


def membership(text: str, var: str):
    """The tool's set as a test of membership: intervals joined by ∪, or a formula of (a < x), Ne(x, a), & and |.
    None for anything else (an irrational endpoint, a form not known here)."""
    text = text.strip()
    interval = r"([\[(])\s*(" + VALUE + r")\s*,\s*(" + VALUE + r")\s*([\])])"
    if re.fullmatch(interval + r"(?:\s*∪\s*" + interval + r")*", text):
        found = re.findall(interval, text)
        pieces = [(_value(a), _value(b), l == "[", r == "]") for l, a, b, r in found]
        return lambda x: any(_in_interval(x, *p) for p in pieces)
    name = re.escape(var)
    atom = r"(?:" + VALUE + "|" + name + r")\s*(?:<=|>=|<|>)\s*(?:" + VALUE + "|" + name + ")"
    tokens = re.findall(r"Ne\(\s*" + name + r"\s*,\s*(?:" + VALUE + r")\s*\)|" + atom + r"|[&|()]", text)
    if re.sub(r"\s", "", "".join(tokens)) != re.sub(r"\s", "", text):
        return None
    return lambda x: _logic(tokens, var, x)


def _value(text: str) -> Fraction | None:
    return None if text.endswith("oo") else Fraction(text)


def _in_interval(x, low, high, low_closed, high_closed) -> bool:
    above = low is None or x > low or low_closed and x == low
    return above and (high is None or x < high or high_closed and x == high)


def _logic(tokens: list[str], var: str, x: Fraction) -> bool:
    position = 0

    def atom(token: str) -> bool:
        m = re.fullmatch(r"Ne\(\s*\w+\s*,\s*(" + VALUE + r")\s*\)", token)
        if m:
            return x != Fraction(m.group(1))
        m = re.fullmatch(r"(\S+?)\s*(<=|>=|<|>)\s*(\S+?)", token)
        left, op, right = m.groups()
        a = x if left == var else Fraction(left)
        b = x if right == var else Fraction(right)
        return {"<": a < b, "<=": a <= b, ">": a > b, ">=": a >= b}[op]

    def either() -> bool:
        nonlocal position
        value = both()
        while position < len(tokens) and tokens[position] == "|":
            position += 1
            value = both() | value
        return value

    def both() -> bool:
        nonlocal position
        value = single()
        while position < len(tokens) and tokens[position] == "&":
            position += 1
            value = single() & value
        return value

    def single() -> bool:
        nonlocal position
        if position >= len(tokens):
            raise NotDerived("formula ends early")
        token = tokens[position]
        position += 1
        if token == "(":
            value = either()
            if position >= len(tokens) or tokens[position] != ")":
                raise NotDerived("unbalanced")
            position += 1
            return value
        if token in ("&", "|", ")"):
            raise NotDerived("misplaced operator")
        if "oo" in token:
            raise NotDerived("an infinite bound in a formula")
        return atom(token)

    value = either()
    if position != len(tokens):
        raise NotDerived("tokens left over")
    return value


# -- the greatest or least integer satisfying an inequality -----------------------------------------------------

FLIP = {"<": ">", "<=": ">=", ">": ">", ">=": ">="}


def integer_extreme(formula: Formula, which: str, var_name: str | None = None) -> RoutedCall | None:
    """'What is the greatest integer $x$ for which $5 - 4x > 17$?': the solution set from the sign chart (polynomial
    sides, rational critical points), its greatest (least) integer; the tool's solution set must agree with the chart
    at every root and inside every piece, and hold that integer but not the next one."""
    import math

    tree = formula.tree
    if not isinstance(tree, Relation) or tree.op not in ("<", "<=", ">", ">=") or len(formula.names) != 1:
        return None
    (var,) = formula.names
    if var_name is not None and var_name != var:
        return None
    try:
        left, right = _poly(tree.left, var), _poly(tree.right, var)
        size = max(len(left), len(right))
        left, right = left + [Fraction(0)] * (size - len(left)), right + [Fraction(0)] * (size - len(right))
        # P < Q is Q - P > 0; P > Q is P - Q > 0
        difference = [b - a for a, b in zip(left, right)] if tree.op in ("<", "<=") else \
            [a - b for a, b in zip(left, right)]
        if len(difference) > 5:
            return None
        condition = Condition(difference, FLIP[tree.op], tree)
        points = sorted(set(_real_roots(difference)))
        pieces = _chart([condition], points)
    except NotDerived:
        return None
    if not pieces:
        return None
    greatest = which in ("greatest", "largest")
    found = None
    for piece in (reversed(pieces) if greatest else pieces):
        bound = piece.high if greatest else piece.low
        if bound is None:
            return None  # no greatest (least) integer at all
        closed = piece.high_closed if greatest else piece.low_closed
        n = math.floor(bound) if greatest else math.ceil(bound)
        if n == bound and not closed:
            n += -1 if greatest else 1
        if _inside(piece, Fraction(n)):
            found = n
            break
    if found is None:
        return None
    samples = _samples(points) + [Fraction(found), Fraction(found + (1 if greatest else -1))]
    expected = {x: any(_inside(p, x) for p in pieces) for x in samples}
    call = f"solve({to_text(tree)}, {var})"
    return RoutedCall("symbolic", call, call, CheckKind.TOOL, relabel=_agrees_at(expected, var, str(found)))
