"""Symbolic equivalence of two answers, built from parse trees (tools.parsing), never from raw text.

The converter here is deliberately small and separate from the symbolic engine's: a grader that
shared the engine's reading of text would mark the engine's own misreadings correct.
Sizes are bounded before SymPy sees them (no 10^10^10, no 100000!), and equality is decided by
exact structure first, then by numeric evaluation at a few points: no simplify(), which has no
time bound.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from fractions import Fraction

from tools.parsing import BinOp, Call, Name, Neg, Num, ParseError, Postfix, Relation, Seq, parse

from .latex import MAX_ANSWER_CHARS, latex_to_plain

MAX_POWER_BITS = 100_000  # an exact power whose result would exceed this many bits is refused
MAX_FACTORIAL = 2_000
PROBE_POINTS = 3
DIGITS = 30


class Unreadable(ValueError):
    """Text the grader cannot turn into a SymPy object within its bounds."""


@dataclass(frozen=True)
class Reading:
    value: object  # a SymPy object, or a tuple of them for lists
    decimal: bool  # some literal had a decimal point: compare with tolerance
    ordered: bool = True  # for lists: '(1, 2)' is ordered, '1, 2' and '{1, 2}' are compared as multisets
    shape: tuple[int, int] | None = None  # a matrix (2 rows and 2 columns or more): its entries row by row


def read(text: str) -> Reading:
    """LaTeX or plain math text -> Reading; raises Unreadable."""
    if len(text) > MAX_ANSWER_CHARS:
        raise Unreadable("answer too long")
    plain = latex_to_plain(text)
    try:
        tree = parse(plain)
    except (ParseError, RecursionError) as exc:
        raise Unreadable(str(exc)) from None
    builder = _Builder()
    if isinstance(tree, Relation) and tree.op == "=" and isinstance(tree.left, Name):
        tree = tree.right  # 'x = 5' answers 5
    vector = _vector(tree)
    if vector is not None:  # SymPy's Matrix([[-6], [6]]) is the vector a pmatrix gold reads as (-6, 6)
        return Reading(tuple(builder.build(item) for item in vector), builder.decimal, True)
    rows = _matrix_rows(tree)
    if rows is not None:  # entry by entry, and only against a matrix of the same shape
        entries = tuple(builder.build(item) for row in rows for item in row)
        return Reading(entries, builder.decimal, True, (len(rows), len(rows[0])))
    if isinstance(tree, Seq):
        parts = tuple(builder.build(_unbind(item)) for item in tree.items)
        ordered = plain.lstrip().startswith("(") and tree.bracket != "{"
        return Reading(parts, builder.decimal, ordered)
    return Reading(builder.build(tree), builder.decimal)


def _matrix_literal(tree):
    """The rows of Matrix([[...], ...]) or of [[...], ...] (how calx writes a matrix), else None."""
    if isinstance(tree, Call) and tree.func == "Matrix" and len(tree.args) == 1:
        tree = tree.args[0]
    if not (isinstance(tree, Seq) and tree.bracket == "[" and tree.items):
        return None
    if not all(isinstance(r, Seq) and r.bracket == "[" for r in tree.items):
        return None
    return tree


def _vector(tree):
    """The entries of a one-column or one-row matrix, else None."""
    rows = _matrix_literal(tree)
    if rows is None:
        return None
    if all(len(r.items) == 1 for r in rows.items):
        return tuple(r.items[0] for r in rows.items)
    if len(rows.items) == 1:
        return rows.items[0].items
    return None


def _matrix_rows(tree):
    """The rows of a matrix of at least 2 rows and 2 columns, all of one length; else None."""
    rows = _matrix_literal(tree)
    if rows is None or len(rows.items) < 2:
        return None
    widths = {len(r.items) for r in rows.items}
    if len(widths) != 1 or widths.pop() < 2 or any(isinstance(c, Seq) for r in rows.items for c in r.items):
        return None
    return [r.items for r in rows.items]


def _unbind(node):
    return node.right if isinstance(node, Relation) and node.op == "=" and isinstance(node.left, Name) else node


def equivalent(a: Reading, b: Reading, rel_tol: float) -> bool:
    tol = rel_tol if (a.decimal or b.decimal) else 0.0
    if a.shape != b.shape:
        return False
    if isinstance(a.value, tuple) or isinstance(b.value, tuple):
        left = a.value if isinstance(a.value, tuple) else (a.value,)
        right = b.value if isinstance(b.value, tuple) else (b.value,)
        if len(left) != len(right):
            return False
        if all(_same(x, y, tol) for x, y in zip(left, right)):
            return True
        if a.ordered and b.ordered:
            return False
        remaining = list(right)
        for x in left:
            match = next((k for k, y in enumerate(remaining) if _same(x, y, tol)), None)
            if match is None:
                return False
            remaining.pop(match)
        return True
    return _same(a.value, b.value, tol)


def _same(x, y, tol: float) -> bool:
    import sympy as sp

    try:
        if x == y:
            return True
        if isinstance(x, sp.Basic) and isinstance(y, sp.Basic) and not (x.is_Relational or y.is_Relational):
            return _numerically_equal(x, y, tol)
    except (TypeError, ValueError, ZeroDivisionError, RecursionError, OverflowError):
        return False
    return False


def _numerically_equal(x, y, tol: float) -> bool:
    """Equal at a few random rational points (or once, for constants), to DIGITS digits or within tol."""
    import sympy as sp

    symbols = sorted((x.free_symbols | y.free_symbols), key=str)
    rng = random.Random(20240601)  # fixed: a grade must not change from run to run
    points = 1 if not symbols else PROBE_POINTS
    for _ in range(points):
        subs = {s: sp.Rational(rng.randint(11, 97), rng.randint(7, 13)) for s in symbols}
        vx, vy = sp.N(x.subs(subs), DIGITS), sp.N(y.subs(subs), DIGITS)
        if not (vx.is_number and vy.is_number):
            return False
        diff = abs(complex(vx - vy))
        scale = max(abs(complex(vx)), abs(complex(vy)), 1e-30)
        if diff > max(tol * scale, 1e-20 * scale):
            return False
    return True


class _Builder:
    def __init__(self):
        self.decimal = False

    def build(self, node):
        import sympy as sp

        if isinstance(node, Num):
            self.decimal |= node.decimal and Fraction(node.value).denominator != 1
            value = Fraction(node.value)
            return sp.Rational(value.numerator, value.denominator)
        if isinstance(node, Name):
            return _constant(node.name)
        if isinstance(node, Neg):
            return -self.build(node.operand)
        if isinstance(node, BinOp):
            return self._binop(node)
        if isinstance(node, Call):
            return self._call(node)
        if isinstance(node, Postfix):
            return self._postfix(node)
        if isinstance(node, Relation):
            return _relation(node.op, self.build(node.left), self.build(node.right))
        if isinstance(node, Seq):
            raise Unreadable("nested lists are not compared")
        raise Unreadable(f"cannot read {type(node).__name__}")

    def _binop(self, node: BinOp):
        import sympy as sp

        left, right = self.build(node.left), self.build(node.right)
        if node.op == "+":
            return left + right
        if node.op == "-":
            return left - right
        if node.op == "*":
            return left * right
        if node.op == "/":
            if right == 0:
                raise Unreadable("division by zero")
            return left / right
        if node.op == "^":
            _check_power(left, right)
            return left ** right
        if node.op == "mod":
            return sp.Mod(left, right)
        raise Unreadable(f"operator {node.op}")

    def _call(self, node: Call):
        import sympy as sp

        args = [self.build(a) for a in node.args]
        table = {"sqrt": sp.sqrt, "cbrt": sp.cbrt, "abs": sp.Abs, "Abs": sp.Abs, "exp": sp.exp, "floor": sp.floor,
                 "ceil": sp.ceiling, "sin": sp.sin, "cos": sp.cos, "tan": sp.tan, "cot": sp.cot, "sec": sp.sec,
                 "csc": sp.csc, "asin": sp.asin, "acos": sp.acos, "atan": sp.atan, "sinh": sp.sinh,
                 "cosh": sp.cosh, "tanh": sp.tanh, "gamma": sp.gamma}
        if node.func in table and len(args) == 1:
            return table[node.func](args[0])
        if node.func == "root" and len(args) == 2:
            return sp.root(args[0], args[1])
        if node.func == "log" and len(args) in (1, 2):
            return sp.log(*args)
        if node.func in ("log10", "log2") and len(args) == 1:
            return sp.log(args[0], 10 if node.func == "log10" else 2)
        if node.func in ("factorial", "binomial"):
            return _bounded_combinatorial(node.func, args)
        raise Unreadable(f"{node.func}(...) is not compared")

    def _postfix(self, node: Postfix):
        import sympy as sp

        value = self.build(node.operand)
        if node.op == "%":
            return value / 100
        if node.op == "!":
            return _bounded_combinatorial("factorial", [value])
        raise Unreadable(f"postfix {node.op}")


def _constant(name: str):
    import sympy as sp

    table = {"pi": sp.pi, "e": sp.E, "E": sp.E, "i": sp.I, "I": sp.I, "oo": sp.oo, "infinity": sp.oo,
             "True": sp.true, "False": sp.false}
    return table.get(name) or sp.Symbol(name)


def _relation(op: str, left, right):
    import sympy as sp

    ops = {"=": sp.Eq, "<": sp.Lt, ">": sp.Gt, "<=": sp.Le, ">=": sp.Ge, "!=": sp.Ne}
    return ops[op](left, right, evaluate=False)


def _check_power(base, exponent) -> None:
    import math

    if exponent.is_Number and base.is_Number and abs(base) > 1:
        bits = abs(float(exponent)) * math.log2(abs(float(base))) if abs(exponent) < 10 ** 9 else float("inf")
        if bits > MAX_POWER_BITS:
            raise Unreadable("power too large to compare")
    elif exponent.is_Number and abs(exponent) > 10_000:
        raise Unreadable("exponent too large to compare")


def _bounded_combinatorial(func: str, args):
    import sympy as sp

    if any(a.is_Number and abs(a) > MAX_FACTORIAL for a in args):
        raise Unreadable(f"{func} argument too large to compare")
    return sp.factorial(args[0]) if func == "factorial" else sp.binomial(*args)
