"""Powers of 0, 1 and -1 whose exponent is too large to build: 1^(2^235423523) is 1, whatever the exponent.

The size guard refuses the exponent 2^235423523 (70 million digits) before computing it, but the power needs
only a few facts about the exponent: that it is a well-defined integer, its sign (for 0) and its parity (for
-1). Those facts are read off the tree without building the number: a^b with b >= 1 has the parity of a, and
the sign of a (a > 0) or of a raised to b's parity (a < 0); sums and products combine parities and, where they
can, signs. Anything else (a division, a function, a non-integer) leaves the facts unknown, and the size
guard's refusal stands.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..base import ToolFailure
from ..parsing import BinOp, Neg, Node
from . import values as V


@dataclass(frozen=True)
class IntegerFacts:
    """What is known of an integer without its digits: sign (-1, 0, 1; None if unknown) and parity (0 even, 1 odd)."""

    sign: int | None
    parity: int


def unit_base_power(base, exponent: Node, operand: Callable[[Node], object], refusal: ToolFailure):
    """base^exponent for a base of 0, 1 or -1 whose exponent the size guard refused; re-raises `refusal` when the
    exponent's facts needed are not known."""
    facts = integer_facts(exponent, operand)
    if facts is None:
        raise refusal
    if base == 1:
        return V.mpz(1)
    if base == -1:
        return V.mpz(1) if facts.parity == 0 else V.mpz(-1)
    if facts.sign is None:
        raise refusal
    if facts.sign < 0:
        raise ToolFailure("math", "zero to a negative power")
    return V.mpz(0) if facts.sign > 0 else V.mpz(1)


def integer_facts(node: Node, operand: Callable[[Node], object]) -> IntegerFacts | None:
    """Sign and parity of the integer `node` denotes, or None when it is not known to be an integer."""
    try:
        value = operand(node)
    except ToolFailure as failure:
        if failure.error_type != "too_large":
            return None
        return _structural_facts(node, operand)
    if not V.is_integer(value):
        return None
    return IntegerFacts((value > 0) - (value < 0), int(value % 2))


def _structural_facts(node: Node, operand) -> IntegerFacts | None:
    if isinstance(node, Neg):
        inner = integer_facts(node.operand, operand)
        return None if inner is None else IntegerFacts(_negated(inner.sign), inner.parity)
    if not isinstance(node, BinOp):
        return None
    left, right = integer_facts(node.left, operand), integer_facts(node.right, operand)
    if left is None or right is None:
        return None
    if node.op == "^":
        return _power_facts(left, right)
    if node.op == "*":
        sign = None if left.sign is None or right.sign is None else left.sign * right.sign
        return IntegerFacts(sign, left.parity * right.parity)
    if node.op in ("+", "-"):
        right_sign = right.sign if node.op == "+" else _negated(right.sign)
        return IntegerFacts(_sum_sign(left.sign, right_sign), (left.parity + right.parity) % 2)
    return None


def _power_facts(base: IntegerFacts, exponent: IntegerFacts) -> IntegerFacts | None:
    """a^b for a positive integer b: odd exactly when a is, of a's sign for a >= 0, signed by b's parity for
    a < 0."""
    if exponent.sign != 1:
        return None
    if base.sign is None or base.sign >= 0:
        return IntegerFacts(base.sign, base.parity)
    return IntegerFacts(1 if exponent.parity == 0 else -1, base.parity)


def _negated(sign: int | None) -> int | None:
    return None if sign is None else -sign


def _sum_sign(a: int | None, b: int | None) -> int | None:
    """The sign of a sum from its terms' signs: known when they agree or one term is 0."""
    if a is None or b is None:
        return None
    if a == 0 or b == 0 or a == b:
        return a or b
    return None
