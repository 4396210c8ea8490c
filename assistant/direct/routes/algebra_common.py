"""Shared pieces of the competition algebra routes: the sentence pieces (ASK, F), a formula read as a number or a
quadratic, plans for the calculator or SymPy, and relabels that pick from the tool's solution set."""
from __future__ import annotations

import re
from fractions import Fraction

import mpmath
from tools.parsing import BinOp, Call, Name, Neg, Node, Num, Relation
from tools.symbolic import rational_poly as rp

from .. import algebra_checks as second
from ..algebra_checks import NotDerived, bracketed, fraction_text, polynomial
from ..plan import CheckKind, RoutedCall
from .competition_reading import Formula

I = re.IGNORECASE
ASK = r"(?:what\s+is|what's|find|compute|calculate|evaluate|determine)"
F = r"⟨(\d+)⟩"


def guarded(build, *args) -> RoutedCall | None:
    try:
        return build(*args)
    except NotDerived:
        return None


def calculator_plan(formula: str, relabel) -> RoutedCall:
    return RoutedCall("calculator", formula, formula, CheckKind.ARITHMETIC, relabel=relabel)


def symbolic_plan(call: str, relabel) -> RoutedCall:
    return RoutedCall("symbolic", call, call, CheckKind.TOOL, relabel=relabel)


def rational_number(formula: Formula | None) -> Fraction | None:
    """A formula that is a rational number (no letters)."""
    if formula is None:
        return None
    poly = polynomial(formula.tree, set())
    return None if poly is None else poly.get((), Fraction(0))


# -- polynomials ------------------------------------------------------------------------------------------------

def one_letter(formula: Formula) -> str | None:
    return next(iter(formula.names)) if len(formula.names) == 1 else None


def read_quadratic(formula: Formula) -> tuple[str, list[Fraction]] | None:
    var = one_letter(formula)
    if var is None:
        return None
    poly = polynomial(formula.tree, {var})
    coeffs = second.coefficients(poly, var) if poly is not None else None
    if coeffs is None or len(coeffs) != 3:
        return None
    return var, coeffs


def agreeing_rational_near(value: mpmath.mpf):
    """A rational answer that must be within 30 digits of a value derived numerically."""
    def relabel(answer: str) -> str | None:
        if not re.fullmatch(r"-?\d+(?:/\d+)?", answer.strip()):
            return None
        got = second.numeric_value(answer)
        return answer if got is not None and second.close(got, value) else None
    return relabel


# -- rational functions -----------------------------------------------------------------------------------------

def fraction_of_polynomials(formula: Formula) -> tuple[str, list[Fraction], list[Fraction]] | None:
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


def poly_text(coeffs: list[Fraction], var: str) -> str:
    """[-6, 1, 1] -> '(1)*x^2 + (1)*x^1 + (-6)': highest power first, every coefficient in brackets."""
    terms = [f"{bracketed(c)}*{var}^{k}" if k else bracketed(c) for k, c in enumerate(coeffs) if c]
    return " + ".join(reversed(terms)) or "0"


def top_level_split(text: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for k, ch in enumerate(text):
        depth += ch == "("
        depth -= ch == ")"
        if ch == "," and depth == 0:
            parts.append(text[start:k].strip())
            start = k + 1
    parts.append(text[start:].strip())
    return [p for p in parts if p]


def picked_value(solutions: list[Fraction], how: str) -> Fraction | None:
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


def coefficient_of_power(poly: rp.Poly, var: str, power: int) -> rp.Poly:
    """The coefficient of var^power, a polynomial in the other letters."""
    out: rp.Poly = {}
    for m, c in poly.items():
        powers = dict(m)
        if powers.get(var, 0) == power:
            powers.pop(var, None)
            out[tuple(sorted(powers.items()))] = c
    return out


def set_pick(value: Fraction):
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


def prose_number(text: str, formulas: list[Formula]) -> Fraction | None:
    m = re.fullmatch(r"⟨(\d+)⟩", text)
    if m:
        return rational_number(formulas[int(m.group(1))])
    return Fraction(text) if re.fullmatch(r"-?\d+", text) else None


def substituted(node: Node, values: dict[str, Node]) -> Node:
    """The tree with each named letter replaced by a tree (on the tree, so that a letter e is never read back as
    Euler's number from text)."""
    if isinstance(node, Name):
        return values.get(node.name, node)
    if isinstance(node, BinOp):
        return BinOp(node.op, substituted(node.left, values), substituted(node.right, values))
    if isinstance(node, Neg):
        return Neg(substituted(node.operand, values))
    if isinstance(node, Num):
        return node
    raise NotDerived(f"{type(node).__name__} in a formula of the roots")


def rational_members_pick(zeros: list[Fraction], expected: Fraction):
    def relabel(answer: str) -> str | None:
        m = re.fullmatch(r"\{(.*)\}", answer.strip())
        if m is None:
            return None
        real = [x for x in top_level_split(m.group(1)) if not re.search(r"\bI\b", x)]
        try:
            found = sorted(Fraction(x) for x in real)
        except ValueError:
            return None
        return fraction_text(expected) if found == zeros else None
    return relabel
