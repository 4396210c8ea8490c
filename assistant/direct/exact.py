"""Exact values of small arithmetic trees with Python's ints and Fractions (decimal literals included: a literal's
value is exact as written). The number-family checks recompute tool inputs with it, and the routes use it to tell
whether an operand such as `(-2)/(-1554)*(-14)` is a whole number; the answers themselves come from the tools.
"""
from __future__ import annotations

import math
from fractions import Fraction

from tools.parsing import BinOp, Call, Neg, Node, Num, ParseError, parse

from .recompute import Unsupported as NotCovered, fraction_binop  # the input uses something not covered here

MAX_EXPONENT = 10_000


def exact(node: Node) -> Fraction:
    """The exact value of a small arithmetic tree, decimals included (a literal's value is exact as written)."""
    if isinstance(node, Num):
        return Fraction(node.value)
    if isinstance(node, Neg):
        return -exact(node.operand)
    if isinstance(node, BinOp):
        return _binop(node.op, exact(node.left), exact(node.right))
    if isinstance(node, Call):
        return _call(node.func, [exact(a) for a in node.args])
    raise NotCovered(type(node).__name__)


def _binop(op: str, a: Fraction, b: Fraction) -> Fraction:
    return fraction_binop(op, a, b, MAX_EXPONENT)


def _call(func: str, args: list[Fraction]) -> Fraction:
    if func == "abs" and len(args) == 1:
        return abs(args[0])
    if func == "mod" and len(args) == 2:
        return _binop("mod", *args)
    if func == "binomial" and len(args) == 2 and all(a.denominator == 1 and a >= 0 for a in args):
        return Fraction(math.comb(int(args[0]), int(args[1])))
    raise NotCovered(func)


def value_of(text: str) -> Fraction | None:
    """The exact value of a numeric expression as typed, or None (letters, functions it does not cover, x/0)."""
    try:
        return exact(parse(text))
    except (ParseError, NotCovered, ZeroDivisionError, RecursionError):
        return None
