"""The expression tree the parser builds. Engines walk it; nothing here evaluates anything."""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction


@dataclass(frozen=True, slots=True)
class Num:
    value: int | Fraction  # exact value of the literal as written
    decimal: bool = False  # written with a decimal point or exponent: results print as decimals
    text: str = ""


@dataclass(frozen=True, slots=True)
class Name:
    name: str  # a constant (pi, e, i, oo) or a symbol


@dataclass(frozen=True, slots=True)
class Call:
    func: str  # canonical function name (see parsing.functions)
    args: tuple["Node", ...]


@dataclass(frozen=True, slots=True)
class BinOp:
    op: str  # one of + - * / ^ mod
    left: "Node"
    right: "Node"


@dataclass(frozen=True, slots=True)
class Neg:
    operand: "Node"


@dataclass(frozen=True, slots=True)
class Postfix:
    op: str  # "!" factorial, "!!" double factorial, "%" percent, "'" derivative (repeated for order)
    operand: "Node"


@dataclass(frozen=True, slots=True)
class Relation:
    op: str  # one of = < > <= >= !=
    left: "Node"
    right: "Node"


@dataclass(frozen=True, slots=True)
class Seq:
    """A bracketed list [a, b, c] (rows of a matrix are nested Seqs) or a top-level comma list."""

    items: tuple["Node", ...]
    bracket: str = "["


Node = Num | Name | Call | BinOp | Neg | Postfix | Relation | Seq
