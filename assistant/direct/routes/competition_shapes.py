"""Shapes of a competition formula's tree: rational or not, integer-valued or not, well posed or not.

The competition route (competition.py) asks these before it picks a tool and a check: a formula in rationals goes
to the calculator and is recomputed with Fractions, one with radicals goes to the symbolic engine, and a reading
that depends on a convention (arccot's range, a mod of a non-integer, a matrix answer) is not given.
"""
from __future__ import annotations

from fractions import Fraction

from tools.parsing import BinOp, Call, Name, Neg, Node, Num, Postfix, Relation, Seq, subtrees

from .competition_reading import integer_literal

RATIONAL_CALLS = {"binomial", "gcd", "lcm", "abs", "floor", "ceil", "factorial", "sqrt", "root", "mod"}
RECOMPUTABLE_CALLS = {"binomial", "gcd", "lcm", "abs"}


def rational_only(tree: Node) -> bool:
    """Built from numbers with + - * / ^ mod !, integer functions, and floor/ceil of anything: no radical can
    survive into the answer (a bare sqrt or a fractional power goes to the symbolic engine)."""
    return _rational(tree)


def _rational(node: Node, inside_rounding: bool = False) -> bool:
    if isinstance(node, Num):
        return True
    if isinstance(node, Name):
        return False
    if isinstance(node, Neg):
        return _rational(node.operand, inside_rounding)
    if isinstance(node, Postfix):
        return node.op in ("!", "%") and _rational(node.operand, inside_rounding)
    if isinstance(node, BinOp):
        # an exponent that is an integer by construction (2^(3^4), not only 81) keeps the power rational; the
        # calculator then decides 1^(2^235423523) without building the exponent
        if node.op == "^" and not inside_rounding and not (integer_literal(node.right) or integral(node.right)):
            return False
        return _rational(node.left, inside_rounding) and _rational(node.right, inside_rounding)
    if isinstance(node, Call):
        if node.func in ("floor", "ceil"):
            return len(node.args) == 1 and _rational(node.args[0], True)
        if node.func in ("sqrt", "root") and not inside_rounding:
            return False
        return node.func in RATIONAL_CALLS and all(_rational(a, inside_rounding) for a in node.args)
    return False


def recomputable(tree: Node) -> bool:
    return all(not isinstance(n, Call) or n.func in RECOMPUTABLE_CALLS for n in subtrees(tree))


def integral(tree: Node) -> bool:
    """Integer-valued by construction: integers, + - *, non-negative integer powers, factorials, binomials."""
    for n in subtrees(tree):
        if isinstance(n, Num) and (n.decimal or Fraction(n.value).denominator != 1):
            return False
        if isinstance(n, BinOp) and (n.op not in ("+", "-", "*", "^") or n.op == "^" and isinstance(n.right, Neg)):
            return False
        if isinstance(n, (Name, Relation, Seq)) or isinstance(n, Postfix) and n.op != "!":
            return False
        if isinstance(n, Call) and n.func not in ("binomial", "factorial", "gcd", "lcm", "abs"):
            return False
    return True


def has_matrix_value(tree: Node) -> bool:
    """A matrix or vector answer is written in MATH as a pmatrix, which calx does not print: only a determinant
    (a number) of a matrix is read."""
    stack = [tree]
    while stack:
        n = stack.pop()
        if isinstance(n, Seq):
            return True
        if isinstance(n, Call) and n.func == "det":
            continue
        stack.extend(c for c in (getattr(n, a, None) for a in ("left", "right", "operand")) if c is not None)
        stack.extend(getattr(n, "args", ()) or ())
    return False


# arccot(-1) is -pi/4 to SymPy (a range of (-pi/2, pi/2]) and 3pi/4 to the textbooks MATH follows ((0, pi)):
# a value that depends on the convention is not given
CONVENTION_BOUND = {"acot", "arccot", "acoth", "arccoth"}


def convention_bound(tree: Node) -> bool:
    return any(isinstance(n, Call) and n.func in CONVENTION_BOUND for n in subtrees(tree))


def well_posed(tree: Node) -> bool:
    """A mod is read only between integers: (1/2) mod 185 is a rational remainder to the calculator, while
    MATH's 2^{-1} \\pmod{185} means an inverse. Such readings are not guessed."""
    for n in subtrees(tree):
        if isinstance(n, BinOp) and n.op == "mod" and not (integral(n.left) and integral(n.right)):
            return False
        if isinstance(n, Call) and n.func == "mod":
            return False
    return True
