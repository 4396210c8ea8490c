"""A second, deliberately simple evaluator over CPython ints and Fractions, used only to check answers."""
from __future__ import annotations

import math
from fractions import Fraction

from tools.parsing import CHAIN_OPS, RING_OPS, BinOp, Call, Neg, Node, Num, Postfix, fold_chain

MAX_EXPONENT = 100_000


class Unsupported(Exception):
    """The expression uses something this checker does not cover (floats, functions, huge powers)."""


def recompute(node: Node) -> Fraction:
    if isinstance(node, Num):  # a decimal literal is the exact rational it writes (0.1 is 1/10), as the calculator
        return Fraction(node.value)  # reads it: 0.31 + 197.154594 is checked like 31/100 + 197154594/10^6
    if isinstance(node, Neg):
        return -recompute(node.operand)
    if isinstance(node, BinOp) and _is_power_mod(node):
        return _power_mod(recompute(node.left.left), recompute(node.left.right), recompute(node.right))
    if isinstance(node, BinOp) and node.op in CHAIN_OPS:  # long sums fold in a loop, as in the calculator
        return fold_chain(node, recompute, fraction_binop, stop=_is_power_mod)
    if isinstance(node, BinOp) and node.op == "^":
        return _power(node)
    if isinstance(node, BinOp):
        return fraction_binop(node.op, recompute(node.left), recompute(node.right))
    if isinstance(node, Postfix) and node.op == "!":
        n = recompute(node.operand)
        if n.denominator != 1 or not 0 <= n <= 20_000:
            raise Unsupported("factorial")
        return Fraction(math.factorial(int(n)))
    if isinstance(node, Postfix) and node.op == "%":
        return recompute(node.operand) / 100
    if isinstance(node, Call):
        return _call(node)
    raise Unsupported(type(node).__name__)


def _is_power_mod(node: BinOp) -> bool:
    return node.op == "mod" and isinstance(node.left, BinOp) and node.left.op == "^"


def fraction_binop(op: str, a: Fraction, b: Fraction, max_exponent: int = MAX_EXPONENT) -> Fraction:
    """a op b for + - * / mod and whole powers up to `max_exponent` (assistant/direct/exact.py uses a lower one)."""
    if op in RING_OPS:  # Python's own Fraction arithmetic: nothing of the calculator this checks
        return RING_OPS[op](a, b)
    if op == "/":
        return a / b
    if op == "mod":
        return a - b * math.floor(a / b)
    if op == "^" and b.denominator == 1 and abs(b) <= max_exponent:
        return a ** int(b)
    raise Unsupported(op)


def _power(node: BinOp) -> Fraction:
    """a^k; for a base of 0, 1 or -1 and an exponent too large to build, the value from the exponent's residue
    mod 2 and sign, computed with Python's three-argument pow (never the calculator's facts about the tree)."""
    base = recompute(node.left)
    try:
        exponent = recompute(node.right)
    except Unsupported:
        if base not in (0, 1, -1):
            raise
        parity = _mod2(node.right)
        if base == 1:
            return Fraction(1)
        if base == -1:
            return Fraction(-1 if parity else 1)
        if _sign(node.right) <= 0:
            raise
        return Fraction(0)
    return fraction_binop("^", base, exponent)


def _mod2(node: Node) -> int:
    """The integer `node` denotes, mod 2: literals, -, +, *, and powers with a small positive exponent."""
    if isinstance(node, Num) and Fraction(node.value).denominator == 1:
        return int(node.value) % 2
    if isinstance(node, Neg):
        return _mod2(node.operand)
    if isinstance(node, BinOp) and node.op in RING_OPS:
        return RING_OPS[node.op](_mod2(node.left), _mod2(node.right)) % 2
    if isinstance(node, BinOp) and node.op == "^":
        k = recompute(node.right)
        if k.denominator != 1 or k < 1:
            raise Unsupported("a power's parity needs a positive whole exponent")
        return pow(_mod2(node.left), int(k), 2)
    raise Unsupported("parity")


def _sign(node: Node) -> int:
    """The sign of a power of a positive literal (or a product of such), else Unsupported."""
    if isinstance(node, Num):
        return (node.value > 0) - (node.value < 0)
    if isinstance(node, Neg):
        return -_sign(node.operand)
    if isinstance(node, BinOp) and node.op == "*":
        return _sign(node.left) * _sign(node.right)
    if isinstance(node, BinOp) and node.op == "^" and _sign(node.left) > 0:
        _mod2(node)  # a whole positive exponent, as for the parity
        return 1
    raise Unsupported("sign")


def _power_mod(a: Fraction, k: Fraction, m: Fraction) -> Fraction:
    """a^k mod m with Python's three-argument pow: huge exponents are checked without building the power."""
    if a.denominator == k.denominator == m.denominator == 1 and k >= 0 and m != 0:
        return Fraction(pow(int(a), int(k), int(m)))
    return fraction_binop("mod", fraction_binop("^", a, k), m)


def _call(node: Call) -> Fraction:
    args = [recompute(a) for a in node.args]
    ints = [int(a) for a in args if a.denominator == 1]
    if node.func == "gcd" and len(ints) == len(args):
        return Fraction(math.gcd(*ints))
    if node.func == "lcm" and len(ints) == len(args):
        return Fraction(math.lcm(*ints))
    if node.func == "binomial" and len(ints) == 2 == len(args) and ints[1] >= 0 and ints[0] >= 0:
        return Fraction(math.comb(*ints))
    if node.func == "abs" and len(args) == 1:
        return abs(args[0])
    if node.func == "cbrt" and len(args) == 1:
        return _exact_root(args[0], Fraction(3))
    if node.func == "root" and len(args) == 2:
        return _exact_root(*args)
    raise Unsupported(node.func)


MAX_ROOT_BITS = 100_000


def _exact_root(x: Fraction, n: Fraction) -> Fraction:
    """The real n-th root of x when it is rational (an odd root of a negative number is negative: root(-8, 3) is
    -2), found by bisection on Python integers; an irrational root is not covered."""
    if n.denominator != 1 or not 1 <= n <= 10_000 or (x < 0 and n % 2 == 0):
        raise Unsupported("root")
    sign = -1 if x < 0 else 1
    return sign * Fraction(_integer_root(abs(x.numerator), int(n)), _integer_root(x.denominator, int(n)))


def _integer_root(a: int, n: int) -> int:
    if a.bit_length() > MAX_ROOT_BITS:
        raise Unsupported("root of a huge number")
    low, high = 0, 1 << (a.bit_length() // n + 1)
    while low < high:  # the largest r with r^n <= a
        mid = (low + high + 1) // 2
        low, high = (mid, high) if mid**n <= a else (low, mid - 1)
    if low**n != a:
        raise Unsupported("an irrational root")
    return low
