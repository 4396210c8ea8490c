"""Reading a tree in which every letter is a variable, for the letter operations (letter_ops.py,
letter_solve_ops.py, sequence_ops.py) and the ordering operations (ordering_ops.py), and reading their results
back for the checks.

In "Solve 682*i - 59422 = -532*i + 1278 for i" or "Expand (2*e + 3)*(e - 1)" the letters i and e are unknowns,
not the imaginary unit and Euler's number, so these operations build their SymPy objects themselves from the
tree (every Name a Symbol; only + - * / ^ and numbers) instead of through the general converter. Their checks
recompute with Python Fractions (rational_poly.py), not SymPy: a result is printed, read back by calx's own
parser and compared exactly with the input recomputed by the Fraction engine.
"""
from __future__ import annotations

from fractions import Fraction

import sympy as sp

from ..base import ToolFailure
from ..parsing import BinOp, Name, Neg, Node, Num, parse
from . import rational_poly as rp

MAX_DEGREE = 60  # polynomial degrees these operations take on


def letters_to_sympy(node: Node, positive: bool = False):
    """Tree -> SymPy with every name a Symbol; only numbers, + - * / ^ and negation."""
    if isinstance(node, Num):
        value = Fraction(node.value)
        return sp.Rational(value.numerator, value.denominator)
    if isinstance(node, Name):
        return sp.Symbol(node.name, positive=True) if positive else sp.Symbol(node.name)
    if isinstance(node, Neg):
        return -letters_to_sympy(node.operand, positive)
    if isinstance(node, BinOp) and node.op in ("+", "-", "*", "/", "^"):
        a, b = letters_to_sympy(node.left, positive), letters_to_sympy(node.right, positive)
        if node.op == "/" and b == 0:
            raise ToolFailure("domain", "division by zero")
        return {"+": lambda: a + b, "-": lambda: a - b, "*": lambda: a * b, "/": lambda: a / b,
                "^": lambda: a**b}[node.op]()
    raise ToolFailure("unsupported", f"only + - * / ^ of numbers and letters are read here, not {type(node).__name__}")


def letter(node: Node, what: str = "variable") -> sp.Symbol:
    if not isinstance(node, Name):
        raise ToolFailure("arity", f"expected a {what} name")
    return sp.Symbol(node.name)


def whole(node: Node, what: str, low: int, high: int) -> int:
    value = letters_to_sympy(node)
    if not (value.is_Integer and low <= int(value) <= high):
        raise ToolFailure("arity", f"{what} must be a whole number from {low} to {high}")
    return int(value)


def polynomial(expr, variables) -> sp.Poly:
    try:
        poly = sp.Poly(expr, *variables)
    except sp.PolynomialError:
        raise ToolFailure("domain", "not a polynomial") from None
    if not poly.domain.is_QQ and not poly.domain.is_ZZ:
        raise ToolFailure("domain", "not a polynomial with rational coefficients in the unknowns")
    if poly.total_degree() > MAX_DEGREE:
        raise ToolFailure("too_large", f"degree above {MAX_DEGREE}")
    return poly


# -- for the checks ---------------------------------------------------------------------------------

def result_poly(value) -> rp.Poly:
    return rp.from_tree(parse(sp.sstr(value)))


def equation_poly(node) -> rp.Poly:
    return rp.add(rp.from_tree(node.left), rp.scale(rp.from_tree(node.right), Fraction(-1)))


def fraction(value) -> Fraction:
    return Fraction(int(value.p), int(value.q))
