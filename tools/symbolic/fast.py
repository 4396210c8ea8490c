"""Fast engines for the operations where SymPy is slow, chosen by measurement (bench/bench_symbolic.py).

- expand of a polynomial with rational coefficients: python-flint's fmpq_mpoly, straight from the
  parse tree (no SymPy object is built: converting a 4,000-term result to SymPy costs more than
  expanding it).
- diff and subs on expressions SymEngine knows: SymEngine, straight from the parse tree.
Each returns None when its engine does not apply, and the caller falls back to SymPy.
"""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from ..base import ToolFailure
from ..parsing import CHAIN_OPS, RING_OPS, BinOp, Call, Name, Neg, Node, Num, Relation, fold_chain, subtrees
from .guards import MAX_TERMS

POLYNOMIAL_NODES = (Num, Name, BinOp, Relation, Neg)  # what a FLINT expansion reads

MAX_FLINT_EXPONENT = 10_000


class NotHere(Exception):
    """This engine does not apply to the input; fall back."""


@dataclass
class FastResult:
    """A result computed outside SymPy: its text, and how to evaluate it at a point for the checks."""

    text: str
    engine: str
    native: object  # the engine's own object
    terms: int = 0

    def to_sympy(self):
        import sympy as sp

        if hasattr(self.native, "_sympy_"):
            return self.native._sympy_()
        return sp.Poly.from_dict(
            {exps: sp.Rational(int(c.p), int(c.q)) if hasattr(c, "p") else sp.Integer(int(c))
             for exps, c in self.native.to_dict().items()},
            *[sp.Symbol(n) for n in self.native.context().names()]).as_expr()


# -- flint: polynomial expansion --------------------------------------------------------------------

def _names(node: Node, found: set[str]) -> None:
    for n in subtrees(node):
        if isinstance(n, Name):
            found.add(n.name)
        elif not isinstance(n, POLYNOMIAL_NODES):  # functions, factorials, lists: not a polynomial
            raise NotHere


def fast_expand(node: Node) -> FastResult | None:
    """Expand with FLINT when the input is a polynomial in plain symbols with rational coefficients."""
    try:
        names: set[str] = set()
        _names(node, names)
        if not names or names & {"e", "E", "i", "I", "pi", "oo"}:
            return None
        import flint

        ctx = flint.fmpq_mpoly_ctx.get(tuple(sorted(names)), "deglex")
        gens = dict(zip(sorted(names), ctx.gens()))
        poly = _to_flint(node, gens, ctx)
    except NotHere:
        return None
    if isinstance(poly, Fraction):
        return None
    terms = len(poly)
    return FastResult(_flint_text(poly), "flint", poly, terms)


def estimate_terms(node: Node) -> int:
    """An upper bound on the number of terms of the expanded polynomial, without expanding it."""
    if isinstance(node, Num) or isinstance(node, Name):
        return 1
    if isinstance(node, Neg):
        return estimate_terms(node.operand)
    if isinstance(node, BinOp) and node.op in "+-*":  # a loop along long sums and products
        return fold_chain(node, estimate_terms, lambda op, a, b: a * b if op == "*" else a + b, ops="+-*")
    if isinstance(node, BinOp):
        if node.op == "^" and isinstance(node.right, Num) and not node.right.decimal:
            n = int(node.right.value)
            k = estimate_terms(node.left)
            from math import comb

            return comb(n + k - 1, k - 1) if n >= 0 and k < 10**6 and n < 10**7 else 10**100
    return 1


def _to_flint(node: Node, gens: dict, ctx):
    if isinstance(node, Num):
        if node.decimal:
            raise NotHere
        return Fraction(node.value)
    if isinstance(node, Name):
        return gens[node.name]
    if isinstance(node, Neg):
        return -_to_flint(node.operand, gens, ctx)
    if isinstance(node, BinOp):
        if node.op == "^":
            if not isinstance(node.right, Num) or node.right.decimal or int(node.right.value) != node.right.value:
                raise NotHere
            n = int(node.right.value)
            if n < 0 or n > MAX_FLINT_EXPONENT:
                raise NotHere
            if estimate_terms(node) > MAX_TERMS:
                raise ToolFailure("too_large", f"the expansion would have more than {MAX_TERMS:,} terms")
            base = _to_flint(node.left, gens, ctx)
            return base ** n
        if node.op in CHAIN_OPS:
            return fold_chain(node, lambda n: _to_flint(n, gens, ctx), lambda op, a, b: _flint_op(op, a, b, ctx))
    raise NotHere


def _flint_op(op: str, left, right, ctx):
    if op == "+":
        return _lift(left, ctx) + _lift(right, ctx) if _mixed(left, right) else left + right
    if op == "-":
        return _lift(left, ctx) - _lift(right, ctx) if _mixed(left, right) else left - right
    if op == "*":
        if not isinstance(left, Fraction) and not isinstance(right, Fraction) \
                and len(left) * len(right) > MAX_TERMS:
            raise ToolFailure("too_large", f"the expansion would have more than {MAX_TERMS:,} terms")
        return _lift(left, ctx) * _lift(right, ctx) if _mixed(left, right) else left * right
    if op == "/" and isinstance(right, Fraction) and right != 0:
        return left / right if isinstance(left, Fraction) else left * _lift(1 / right, ctx)
    raise NotHere


def _mixed(a, b) -> bool:
    return isinstance(a, Fraction) != isinstance(b, Fraction)


def _lift(value, ctx):
    if isinstance(value, Fraction):
        import flint

        return ctx.constant(flint.fmpq(value.numerator, value.denominator))
    return value


def _flint_text(poly) -> str:
    # FLINT prints x^2*y; SymPy's syntax wants x**2*y. No '^' occurs in a polynomial otherwise.
    return str(poly).replace("^", "**")


# -- SymEngine: differentiation and substitution ----------------------------------------------------

SE_FUNCTIONS = {
    "sin", "cos", "tan", "sec", "csc", "cot", "asin", "acos", "atan", "asec", "acsc", "acot",
    "sinh", "cosh", "tanh", "sech", "csch", "coth", "asinh", "acosh", "atanh", "exp", "log",
    "sqrt", "abs", "gamma", "erf",
}


def to_symengine(node: Node):
    import symengine as se

    if isinstance(node, Num):
        if node.decimal:
            raise NotHere
        v = Fraction(node.value)
        return se.Integer(v.numerator) / se.Integer(v.denominator) if v.denominator != 1 else se.Integer(v.numerator)
    if isinstance(node, Name):
        constants = {"pi": se.pi, "e": se.E, "E": se.E, "i": se.I, "I": se.I}
        if node.name == "oo":
            raise NotHere
        return constants.get(node.name) or se.Symbol(node.name)
    if isinstance(node, Neg):
        return -to_symengine(node.operand)
    if isinstance(node, BinOp) and node.op in CHAIN_OPS:
        return fold_chain(node, to_symengine, _se_op)
    if isinstance(node, BinOp):
        return _se_op(node.op, to_symengine(node.left), to_symengine(node.right))
    if isinstance(node, Call) and node.func in SE_FUNCTIONS:
        args = [to_symengine(a) for a in node.args]
        if node.func == "log" and len(args) == 2:
            return se.log(args[0]) / se.log(args[1])
        if len(args) != 1:
            raise NotHere
        name = {"abs": "Abs"}.get(node.func, node.func)
        return getattr(se, name)(args[0])
    raise NotHere


def _se_op(op: str, left, right):
    if op in RING_OPS:
        return RING_OPS[op](left, right)
    if op == "/":
        if right == 0:
            raise NotHere
        return left / right
    if op == "^":
        if right.is_Number and (not right.is_integer or abs(int(right)) > 1000):
            raise NotHere  # big or fractional powers: SymPy's guards and simplifications apply
        return left ** right
    raise NotHere


def _se_text(value) -> str:
    return str(value)


def fast_diff_tree(expr_node: Node, spec: list[tuple[str, int]]) -> FastResult | None:
    try:
        expr = to_symengine(expr_node)
    except NotHere:
        return None
    import symengine as se

    result = expr
    for name, order in spec:
        result = result.diff(se.Symbol(name), order) if order else result
    return FastResult(_se_text(result), "symengine", result)


def fast_subs_tree(expr_node: Node, pairs: list[tuple[Node, Node]]) -> FastResult | None:
    try:
        expr = to_symengine(expr_node)
        mapping = {to_symengine(a): to_symengine(b) for a, b in pairs}
    except NotHere:
        return None
    result = expr.subs(mapping)
    return FastResult(_se_text(result), "symengine", result)
