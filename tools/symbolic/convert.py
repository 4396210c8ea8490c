"""Parse tree -> SymPy objects, node by node. Never sympify, never parse_expr: text never reaches SymPy.

Runs inside the worker process (it imports SymPy). Operation calls found inside an expression
(`diff(integrate(...), x)`) are handed to `ops`, so operations nest.
"""
from __future__ import annotations

from fractions import Fraction
from typing import Callable, Collection

import sympy as sp

from ..base import ToolFailure
from ..parsing import CHAIN_OPS, RING_OPS, BinOp, Call, Name, Neg, Node, Num, Postfix, Relation, Seq, left_chain

MAX_INT_BITS = 4_000_000  # an exact integer power or factorial beyond this many bits is refused
MAX_FACTORIAL = 200_000

CONSTANTS = {
    "pi": sp.pi, "e": sp.E, "E": sp.E, "i": sp.I, "I": sp.I, "oo": sp.oo, "inf": sp.oo,
    "infinity": sp.oo, "Infinity": sp.oo, "nan": sp.nan, "zoo": sp.zoo,
}


def _log(*args):
    if len(args) == 2:
        return sp.log(args[0], args[1])
    return sp.log(*args)


def shown(value, limit: int = 80) -> str:
    """A value as error messages show it. Never f"{value}": a Float's __format__ goes through decimal, which fails
    on exponents like 10^(10^100.5), and an Integer past 4,300 digits cannot become text at all."""
    if isinstance(value, sp.Integer) and abs(value.p).bit_length() > 4_000:
        return f"an integer of about {int(abs(value.p).bit_length() * 0.30103):,} digits"
    try:
        text = str(value)
    except ValueError:  # an integer inside an expression, past the int-string limit
        return "an expression with an enormous number in it"
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _root(x, n=None):
    return sp.sqrt(x) if n is None else real_root(x, n)


def real_root(x, n):
    """root(x, n) and cbrt(x): an odd root of a negative real number is the real root (root(-8, 3) = -2, as people
    write it and as the calculator's cbrt gives), not SymPy's principal root 1 + sqrt(3)*I; any other root is
    SymPy's. A power (-8)^(1/3) stays principal: that is how SymPy and the calculator read a power."""
    odd = getattr(n, "is_Integer", False) and n > 0 and n % 2 == 1
    if odd and getattr(x, "is_number", False) and x.is_extended_real and x.is_extended_negative:
        return -sp.root(-x, n)
    return sp.root(x, n)


def modulo(a, b):
    """x mod 0 is undefined: SymPy's Mod raises ZeroDivisionError, which must come back typed, not as a crash."""
    if not isinstance(b, sp.MatrixBase) and b == 0:
        raise ToolFailure("domain", "modulo by zero")
    return sp.Mod(a, b)


# canonical parser name -> SymPy function; arity is checked by SymPy itself
FUNCTIONS: dict[str, Callable] = {
    "sqrt": _root, "cbrt": lambda x: real_root(x, sp.Integer(3)), "root": real_root, "abs": sp.Abs, "Abs": sp.Abs,
    "floor": sp.floor, "ceil": sp.ceiling, "sign": sp.sign, "log": _log,
    "log10": lambda x: sp.log(x, 10), "log2": lambda x: sp.log(x, 2), "exp": sp.exp,
    "sin": sp.sin, "cos": sp.cos, "tan": sp.tan, "sec": sp.sec, "csc": sp.csc, "cot": sp.cot,
    "asin": sp.asin, "acos": sp.acos, "atan": sp.atan, "atan2": sp.atan2, "asec": sp.asec,
    "acsc": sp.acsc, "acot": sp.acot, "sinh": sp.sinh, "cosh": sp.cosh, "tanh": sp.tanh,
    "sech": sp.sech, "csch": sp.csch, "coth": sp.coth, "asinh": sp.asinh, "acosh": sp.acosh,
    "atanh": sp.atanh, "gamma": sp.gamma, "erf": sp.erf, "zeta": sp.zeta, "re": sp.re, "im": sp.im,
    "conj": sp.conjugate, "arg": sp.arg, "max": sp.Max, "min": sp.Min, "gcd": sp.gcd, "lcm": sp.lcm,
    "mod": modulo, "fibonacci": sp.fibonacci, "fib": sp.fibonacci, "lucas": sp.lucas,
    "catalan": sp.catalan, "round": lambda x: sp.floor(x + sp.Rational(1, 2)),
    "trunc": lambda x: sp.sign(x) * sp.floor(sp.Abs(x)),
}


class Converter:
    """One conversion: `ops` evaluates the calls of the names in `operations` (simplify, diff, ...) met inside
    expressions. The names are handed in, not looked up here: the operations are built on this converter."""

    def __init__(self, ops: Callable[[str, tuple], object] | None = None, operations: Collection[str] = ()):
        self.ops = ops
        self.operations = operations
        self.symbols: dict[str, sp.Symbol] = {}
        self.unknown_functions: set[str] = set()  # in an ODE, a bare `y` means y(x)
        self.independent = "x"

    def __call__(self, node: Node):
        return self.convert(node)

    def symbol(self, name: str) -> sp.Symbol:
        if name not in self.symbols:
            self.symbols[name] = sp.Symbol(name)
        return self.symbols[name]

    def convert(self, node: Node):
        if isinstance(node, Num):
            return number(node)
        if isinstance(node, Name):
            if node.name in self.unknown_functions:
                return sp.Function(node.name)(self.symbol(self.independent))
            return CONSTANTS.get(node.name) or self.symbol(node.name)
        if isinstance(node, Neg):
            return -self.convert(node.operand)
        if isinstance(node, BinOp):
            return self.binop(node)
        if isinstance(node, Call):
            return self.call(node)
        if isinstance(node, Postfix):
            return self.postfix(node)
        if isinstance(node, Relation):
            return relation(node.op, self.convert(node.left), self.convert(node.right))
        if isinstance(node, Seq):
            return self.seq(node)
        raise ToolFailure("parse", f"cannot read {type(node).__name__}")

    def binop(self, node: BinOp):
        if node.op in CHAIN_OPS:
            return self.chain(node)
        return self.apply(node.op, self.convert(node.left), self.convert(node.right))

    def chain(self, node: BinOp):
        """A run like 1 + x + x^2 + ... in a loop (it may be thousands long); a sum of scalars is built as one
        Add, since adding terms one at a time re-flattens the sum each time."""
        first, chain = left_chain(node)
        acc = self.convert(first)
        terms = [acc] if isinstance(acc, sp.Expr) else None  # the scalar terms of the sum being gathered
        for binop in chain:
            right = self.convert(binop.right)
            if binop.op in "+-" and terms is not None and isinstance(right, sp.Expr):
                terms.append(right if binop.op == "+" else -right)
                continue
            if terms is not None and len(terms) > 1:
                acc = sp.Add(*terms)
            terms = None
            acc = self.apply(binop.op, acc, right)
            terms = [acc] if isinstance(acc, sp.Expr) else None
        return sp.Add(*terms) if terms is not None and len(terms) > 1 else acc

    def apply(self, op: str, left, right):
        if op in RING_OPS:
            return RING_OPS[op](left, right)
        if op == "/":
            if isinstance(right, sp.MatrixBase):
                raise ToolFailure("domain", "cannot divide by a matrix; use inverse(...)")
            if right == 0:
                raise ToolFailure("domain", "division by zero")
            return left / right
        if op == "^":
            return power(left, right)
        if op == "mod":
            return modulo(left, right)
        raise ToolFailure("parse", f"unknown operator {op!r}")

    def call(self, node: Call):
        if self.ops is not None and node.func in self.operations:
            return self.ops(node.func, node.args)
        args = [self.convert(a) for a in node.args]
        fn = FUNCTIONS.get(node.func)
        if fn is None:
            if node.func in ("factorial", "binomial"):
                wanted = 1 if node.func == "factorial" else 2
                if len(args) != wanted:  # factorial() was an IndexError
                    raise ToolFailure("arity", f"{node.func} takes {wanted} argument{'s' * (wanted > 1)}, "
                                               f"got {len(args)}")
                return factorial(*args) if wanted == 1 else binomial(*args)
            if node.func.isidentifier() and node.func not in OPERATIONS_NOT_FUNCTIONS:
                return sp.Function(node.func)(*args)  # f(x), y(t): an undefined function
            raise ToolFailure("unsupported", f"{node.func}(...) is not supported by the symbolic engine")
        try:
            return fn(*args)
        except TypeError as exc:
            raise ToolFailure("arity", f"{node.func}: {exc}") from None
        except ZeroDivisionError:
            raise ToolFailure("domain", f"{node.func}: division by zero") from None

    def postfix(self, node: Postfix):
        if node.op == "'":
            return self.derivative(node)
        value = self.convert(node.operand)
        if node.op == "!":
            return factorial(value)
        if node.op == "!!":
            return double_factorial(value)
        if node.op == "%":
            return value / 100
        raise ToolFailure("parse", f"unknown postfix {node.op!r}")

    def derivative(self, node: Postfix):
        """y'' is the second derivative of the function y(x); the variable is x unless told otherwise."""
        order = 0
        while isinstance(node, Postfix) and node.op == "'":
            order += 1
            node = node.operand
        inner = node
        if isinstance(inner, Name) and inner.name not in CONSTANTS:
            var = self.symbol(self.independent)
            return sp.Derivative(sp.Function(inner.name)(var), (var, order))
        value = self.convert(inner)
        if isinstance(inner, Call) and len(inner.args) == 1 and isinstance(inner.args[0], Name):
            var = self.symbol(inner.args[0].name)
        else:
            free = sorted(value.free_symbols, key=str)
            var = free[0] if len(free) == 1 else self.symbol(self.independent)
        return sp.diff(value, var, order)

    def seq(self, node: Seq):
        items = [self.convert(item) for item in node.items]
        if node.bracket == "[" and items and all(isinstance(i, (list, tuple)) for i in items):
            widths = {len(i) for i in items}
            if len(widths) != 1:
                raise ToolFailure("shape", "matrix rows have different lengths")
            if any(isinstance(x, (list, tuple)) for row in items for x in row):
                raise ToolFailure("shape", "matrices nest only two levels deep")
            return sp.Matrix(items)
        if node.bracket == "{":
            return sp.FiniteSet(*items)
        return list(items) if node.bracket == "[" else tuple(items)


OPERATIONS_NOT_FUNCTIONS = frozenset({"Matrix", "N", "evalf"})


def number(node: Num):
    value = node.value
    if node.decimal:
        digits = sum(c.isdigit() for c in node.text) or 15
        return sp.Float(sp.Rational(value.numerator, value.denominator), max(15, digits))
    if isinstance(value, Fraction):
        return sp.Rational(value.numerator, value.denominator)
    return sp.Integer(value)


def relation(op: str, left, right):
    if op == "=":
        return sp.Eq(left, right, evaluate=False)
    cls = {"<": sp.Lt, ">": sp.Gt, "<=": sp.Le, ">=": sp.Ge, "!=": sp.Ne}[op]
    return cls(left, right, evaluate=False)


def power(base, exp):
    """SymPy evaluates integer powers eagerly: refuse the ones whose result would not fit."""
    if isinstance(base, sp.MatrixBase):
        if exp == -1:
            return base.inv()
        if not (exp.is_Integer and abs(int(exp)) <= 10_000):
            raise ToolFailure("domain", "a matrix power needs a modest integer exponent")
        return base ** int(exp)
    if base.is_Rational and exp.is_Rational and base != 0 and abs(base) != 1:
        size = max(abs(base.p), abs(base.q)).bit_length() * abs(exp)
        if size > MAX_INT_BITS:
            raise ToolFailure("too_large", f"the power has about {int(size):,} bits; the limit is {MAX_INT_BITS:,}")
    if exp.is_Integer and abs(int(exp)) > 10**7 and base.free_symbols:
        raise ToolFailure("too_large", f"exponent {shown(exp)} is too large for symbolic work")
    return base ** exp


def factorial(value):
    if value.is_Integer and int(value) > MAX_FACTORIAL:
        raise ToolFailure("too_large", f"factorial({shown(value)}) is too large to compute exactly (limit {MAX_FACTORIAL:,})")
    return sp.factorial(value)


def double_factorial(value):
    """n!! for integers (and symbols). SymPy leaves factorial2(I) or factorial2(pi) unevaluated, and simplifying
    them later fails inside SymPy (KeyError from Piecewise.rewrite(ITE)): a number must be an integer here."""
    if value.is_number and value.is_integer is not True:
        raise ToolFailure("domain", f"the double factorial n!! needs an integer, not {shown(value)}")
    if value.is_Integer and int(value) > MAX_FACTORIAL:
        raise ToolFailure("too_large", f"{shown(value)}!! is too large to compute exactly (limit {MAX_FACTORIAL:,})")
    return sp.factorial2(value)


def binomial(n, k):
    if n.is_Integer and k.is_Integer and int(n) > 10**7:
        raise ToolFailure("too_large", f"binomial({shown(n)}, {shown(k)}) is too large to compute exactly")
    return sp.binomial(n, k)
