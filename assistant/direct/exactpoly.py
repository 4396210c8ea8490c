"""Polynomials with Fraction coefficients in any number of variables: the statement resolver's independent check.

The tools compute (the calculator's GMP numbers, SymPy's derivatives and solutions); this module recomputes the
same results with CPython's Fractions and nothing else, so a check never shares the code path it checks (the
sums, products and derivatives are tools/symbolic/rational_poly.py's, the symbolic tool's own SymPy-free checker).
Only what polynomials need: + - *, division by a nonzero constant, powers with a whole exponent, derivatives,
substitution. Anything else raises Unsupported and the check is reported as not run.
"""
from __future__ import annotations

from fractions import Fraction
from typing import Callable, Mapping

from tools.parsing import RING_OPS, BinOp, Call, Name, Neg, Node, Num
from tools.symbolic import rational_poly as rp  # Fraction arithmetic on the same {monomial: coefficient} maps

MAX_DEGREE = 60  # DeepMind's composed functions stay far below this; a larger power is not checked here
Monomial = tuple[tuple[str, int], ...]  # sorted (variable, exponent) pairs; () is the constant term


class Unsupported(Exception):
    """The expression is not a polynomial this checker covers."""


class Poly:
    __slots__ = ("terms",)

    def __init__(self, terms: Mapping[Monomial, Fraction] | None = None):
        self.terms = {m: Fraction(c) for m, c in (terms or {}).items() if c != 0}

    @classmethod
    def const(cls, value) -> Poly:
        return cls({(): Fraction(value)})

    @classmethod
    def var(cls, name: str) -> Poly:
        return cls({((name, 1),): Fraction(1)})

    # -- arithmetic ------------------------------------------------------------------------------
    def __add__(self, other: Poly) -> Poly:
        return Poly(rp.add(self.terms, other.terms))

    def __neg__(self) -> Poly:
        return Poly({m: -c for m, c in self.terms.items()})

    def __sub__(self, other: Poly) -> Poly:
        return self + -other

    def __mul__(self, other: Poly) -> Poly:
        return Poly(rp.multiply(self.terms, other.terms))

    def power(self, exponent: int) -> Poly:
        if exponent < 0 or exponent * max(1, self.degree()) > MAX_DEGREE:
            raise Unsupported("power")
        result = Poly.const(1)
        for _ in range(exponent):
            result = result * self
        return result

    def divide(self, other: Poly) -> Poly:
        if not other.is_constant() or other.constant() == 0:
            raise Unsupported("division by a non-constant or by zero")
        divisor = other.constant()
        return Poly({m: c / divisor for m, c in self.terms.items()})

    # -- reading ---------------------------------------------------------------------------------
    def is_constant(self) -> bool:
        return all(m == () for m in self.terms)

    def constant(self) -> Fraction:
        return self.terms.get((), Fraction(0))

    def degree(self) -> int:
        return max((sum(e for _, e in m) for m in self.terms), default=0)

    def variables(self) -> set[str]:
        return {v for m in self.terms for v, _ in m}

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Poly) and self.terms == other.terms

    def __hash__(self) -> int:
        return hash(frozenset(self.terms.items()))

    def __repr__(self) -> str:
        return f"Poly({self.terms})"

    # -- calculus and substitution -----------------------------------------------------------------
    def derivative(self, var: str, order: int = 1) -> Poly:
        return Poly(rp.derivative(self.terms, var, order))

    def substitute(self, values: Mapping[str, Poly]) -> Poly:
        result = Poly()
        for m, c in self.terms.items():
            term = Poly.const(c)
            for v, e in m:
                term = term * (values[v].power(e) if v in values else Poly({((v, e),): Fraction(1)}))
            result = result + term
        return result


Functions = Mapping[str, Callable[[Poly], Poly]]


def to_poly(node: Node, values: Mapping[str, Fraction] | None = None, functions: Functions | None = None) -> Poly:
    """The polynomial a tree denotes, names in `values` replaced by their Fractions, calls of `functions` applied."""
    values, functions = values or {}, functions or {}
    if isinstance(node, Num):
        return Poly.const(node.value)  # a decimal literal's value is already its exact Fraction
    if isinstance(node, Name):
        return Poly.const(values[node.name]) if node.name in values else Poly.var(node.name)
    if isinstance(node, Neg):
        return -to_poly(node.operand, values, functions)
    if isinstance(node, Call) and node.func in functions and len(node.args) == 1:
        return functions[node.func](to_poly(node.args[0], values, functions))
    if isinstance(node, BinOp):
        return _binop(node, values, functions)
    raise Unsupported(type(node).__name__)


def _binop(node: BinOp, values, functions) -> Poly:
    left = to_poly(node.left, values, functions)
    if node.op == "^":
        exponent = to_poly(node.right, values, functions)
        if not exponent.is_constant() or exponent.constant().denominator != 1:
            raise Unsupported("a power that is not a whole number")
        return left.power(int(exponent.constant()))
    right = to_poly(node.right, values, functions)
    if node.op in RING_OPS:
        return RING_OPS[node.op](left, right)
    if node.op == "/":
        return left.divide(right)
    raise Unsupported(node.op)
