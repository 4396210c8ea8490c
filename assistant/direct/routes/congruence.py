"""A linear congruence in one letter as MATH writes it: '3n \\equiv 2 \\pmod{11}', 'x + 13 \\equiv 55 \\pmod{34}'.

calx's LaTeX reader does not read \\equiv; here the two sides and the modulus are split off, each side read by it,
and each side must be linear in the one letter with whole coefficients. The congruence comes back as
a x = rhs (mod m): both sides' letter terms moved left, their numbers right.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

from tools.parsing import BinOp, Name, Neg, Node, Num

from .competition_reading import degree, read_formula

MODULUS = (r"(?:\\pmod\s*\{\s*(\d+)\s*\}|\\pmod\s*(\d+)|\(\s*\\(?:mod|bmod)\s*\{?\s*(\d+)\s*\}?\s*\)|"
           r"\(\s*\\(?:text|mathrm|operatorname)\s*\{\s*mod\s*\}\s*\{?\s*(\d+)\s*\}?\s*\))")
CONGRUENCE = re.compile(r"^(.+?)\\equiv(.+?)" + MODULUS + r"$", re.S)


@dataclass(frozen=True)
class Congruence:
    variable: str
    a: int  # a x = rhs (mod modulus)
    rhs: int
    modulus: int


def read_congruence(latex: str) -> Congruence | None:
    m = CONGRUENCE.match(latex.strip().rstrip(".,;?").strip())
    if m is None or len(latex) > 200:
        return None
    modulus = int(next(g for g in m.groups()[2:] if g is not None))
    left, right = read_formula(m.group(1)), read_formula(m.group(2))
    if left.tree is None or right.tree is None:
        return None
    names = left.names | right.names
    if len(names) != 1 or left.based or right.based:
        return None
    (variable,) = names
    if len(variable) != 1 or max(degree(left.tree, variable), degree(right.tree, variable)) > 1:
        return None
    try:
        (a, b), (c, d) = _line(left.tree, variable), _line(right.tree, variable)
    except (ValueError, ZeroDivisionError):
        return None
    if any(v.denominator != 1 for v in (a, b, c, d)) or a == c:
        return None
    return Congruence(variable, int(a - c), int(d - b), modulus)


def _line(tree: Node, variable: str) -> tuple[Fraction, Fraction]:
    """(slope, intercept) of a formula linear in the variable, from its values at 0 and 1."""
    at_zero, at_one = _value(tree, variable, Fraction(0)), _value(tree, variable, Fraction(1))
    return at_one - at_zero, at_zero


def _value(node: Node, variable: str, x: Fraction) -> Fraction:
    if isinstance(node, Num):
        return Fraction(node.value)
    if isinstance(node, Name) and node.name == variable:
        return x
    if isinstance(node, Neg):
        return -_value(node.operand, variable, x)
    if isinstance(node, BinOp) and node.op in ("+", "-", "*"):
        a, b = _value(node.left, variable, x), _value(node.right, variable, x)
        return a + b if node.op == "+" else a - b if node.op == "-" else a * b
    if isinstance(node, BinOp) and node.op == "^":
        base, exponent = _value(node.left, variable, x), _value(node.right, variable, x)
        if exponent.denominator != 1 or not 0 <= exponent <= 64:
            raise ValueError("power")
        return base ** int(exponent)
    raise ValueError(type(node).__name__)
