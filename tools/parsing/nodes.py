"""The expression tree the parser builds. Engines walk it; nothing here evaluates anything.

Each node knows its own children (`children()`, in reading order) and how to rebuild itself over new ones
(`with_children`), so that a walker which only needs "every node below" (free names, flattening for a pipe,
the printer's fallback) asks the node instead of listing the classes: a new node type is written here and in
the parser that makes it, and every engine that has no rule for it declines it (each engine's walk ends in
an "unsupported" for a type it does not know)."""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction


class Leaf:
    """A node with no children (numbers and names)."""

    __slots__ = ()

    def children(self) -> tuple:
        return ()

    def with_children(self, children: tuple):
        assert not children, "a leaf has no children"
        return self


@dataclass(frozen=True, slots=True)
class Num(Leaf):
    value: int | Fraction  # exact value of the literal as written
    decimal: bool = False  # written with a decimal point or exponent: results print as decimals
    text: str = ""


@dataclass(frozen=True, slots=True)
class Name(Leaf):
    name: str  # a constant (pi, e, i, oo) or a symbol


@dataclass(frozen=True, slots=True)
class Call:
    func: str  # canonical function name (see parsing.functions)
    args: tuple["Node", ...]

    def children(self) -> tuple:
        return self.args

    def with_children(self, children: tuple) -> "Call":
        return Call(self.func, tuple(children))


@dataclass(frozen=True, slots=True)
class BinOp:
    op: str  # one of + - * / ^ mod
    left: "Node"
    right: "Node"

    def children(self) -> tuple:
        return (self.left, self.right)

    def with_children(self, children: tuple) -> "BinOp":
        left, right = children
        return BinOp(self.op, left, right)


@dataclass(frozen=True, slots=True)
class Neg:
    operand: "Node"

    def children(self) -> tuple:
        return (self.operand,)

    def with_children(self, children: tuple) -> "Neg":
        (operand,) = children
        return Neg(operand)


@dataclass(frozen=True, slots=True)
class Postfix:
    op: str  # "!" factorial, "!!" double factorial, "%" percent, "'" derivative (repeated for order)
    operand: "Node"

    def children(self) -> tuple:
        return (self.operand,)

    def with_children(self, children: tuple) -> "Postfix":
        (operand,) = children
        return Postfix(self.op, operand)


@dataclass(frozen=True, slots=True)
class Relation:
    op: str  # one of = < > <= >= !=
    left: "Node"
    right: "Node"

    def children(self) -> tuple:
        return (self.left, self.right)

    def with_children(self, children: tuple) -> "Relation":
        left, right = children
        return Relation(self.op, left, right)


@dataclass(frozen=True, slots=True)
class Seq:
    """A bracketed list [a, b, c] (rows of a matrix are nested Seqs) or a top-level comma list."""

    items: tuple["Node", ...]
    bracket: str = "["

    def children(self) -> tuple:
        return self.items

    def with_children(self, children: tuple) -> "Seq":
        return Seq(tuple(children), self.bracket)


Node = Num | Name | Call | BinOp | Neg | Postfix | Relation | Seq
