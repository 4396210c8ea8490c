"""Left-deep operator chains, walked without recursion.

`1+1+...+1` parses as a tree as deep as it is long (the parser's loops build `((1+1)+1)+...`), so a walker
that recursed into `left` would hit Python's recursion limit at about a thousand terms. Every walker
iterates along such a chain with `left_chain`/`fold_chain` instead and recurses only into the right-hand
operands, which the parser's nesting limit keeps shallow.
"""
from __future__ import annotations

import operator
from typing import Callable, Iterable, TypeVar

from .nodes import BinOp, Call, Name, Neg, Node, Num, Postfix, Relation, Seq

T = TypeVar("T")
CHAIN_OPS = frozenset({"+", "-", "*", "/", "mod"})  # the left-associative operators ("^" is right-associative)
# the operators every engine computes with its own numbers' + - *; division, powers and mod stay each
# walker's own (division by zero, matrices, size guards differ)
RING_OPS = {"+": operator.add, "-": operator.sub, "*": operator.mul}


def left_chain(node: Node, ops: Iterable[str] = CHAIN_OPS,
               stop: Callable[[BinOp], bool] | None = None) -> tuple[Node, list[BinOp]]:
    """(first operand, the chain's BinOps innermost first) of the left-deep run of `ops` starting at `node`.

    `stop(binop)` ends the run early at a node a walker treats specially (e.g. `a^k mod m`)."""
    ops = frozenset(ops)
    chain: list[BinOp] = []
    while isinstance(node, BinOp) and node.op in ops and not (stop and stop(node)):
        chain.append(node)
        node = node.left
    chain.reverse()
    return node, chain


def fold_chain(node: Node, value: Callable[[Node], T], combine: Callable[[str, T, T], T],
               ops: Iterable[str] = CHAIN_OPS, stop: Callable[[BinOp], bool] | None = None) -> T:
    """The left fold of a chain: value(first), then combine(op, so_far, value(right)) along the chain."""
    first, chain = left_chain(node, ops, stop)
    acc = value(first)
    for binop in chain:
        acc = combine(binop.op, acc, value(binop.right))
    return acc


def flatten(tree: Node) -> list[tuple]:
    """The tree as a postfix list of plain tuples, built without recursion: pickle recurses once per level,
    so a thousand-term sum cannot cross a process pipe as a tree, but its flat form can."""
    out: list[tuple] = []
    stack: list[tuple[Node, bool]] = [(tree, False)]
    while stack:
        node, expanded = stack.pop()
        if isinstance(node, Num):
            out.append(("Num", node.value, node.decimal, node.text))
        elif isinstance(node, Name):
            out.append(("Name", node.name))
        elif expanded:
            out.append(_op_record(node))
        else:
            stack.append((node, True))
            children = _children_of(node)
            stack.extend((child, False) for child in reversed(children))
    return out


def _children_of(node: Node) -> tuple:
    if isinstance(node, (BinOp, Relation)):
        return (node.left, node.right)
    if isinstance(node, (Neg, Postfix)):
        return (node.operand,)
    if isinstance(node, Call):
        return node.args
    if isinstance(node, Seq):
        return node.items
    raise TypeError(f"not a node: {node!r}")


def _op_record(node: Node) -> tuple:
    if isinstance(node, BinOp):
        return ("BinOp", node.op)
    if isinstance(node, Relation):
        return ("Relation", node.op)
    if isinstance(node, Neg):
        return ("Neg",)
    if isinstance(node, Postfix):
        return ("Postfix", node.op)
    if isinstance(node, Call):
        return ("Call", node.func, len(node.args))
    if isinstance(node, Seq):
        return ("Seq", len(node.items), node.bracket)
    raise TypeError(f"not a node: {node!r}")


def unflatten(records: list[tuple]) -> Node:
    """The inverse of flatten, again without recursion."""
    stack: list[Node] = []

    def pop(n: int) -> tuple:
        if n == 0:
            return ()
        items = tuple(stack[-n:])
        del stack[-n:]
        return items

    for rec in records:
        kind = rec[0]
        if kind == "Num":
            stack.append(Num(rec[1], rec[2], rec[3]))
        elif kind == "Name":
            stack.append(Name(rec[1]))
        elif kind in ("BinOp", "Relation"):
            left, right = pop(2)
            stack.append((BinOp if kind == "BinOp" else Relation)(rec[1], left, right))
        elif kind == "Neg":
            stack.append(Neg(stack.pop()))
        elif kind == "Postfix":
            stack.append(Postfix(rec[1], stack.pop()))
        elif kind == "Call":
            stack.append(Call(rec[1], pop(rec[2])))
        elif kind == "Seq":
            stack.append(Seq(pop(rec[1]), rec[2]))
        else:
            raise ValueError(f"unknown record {kind!r}")
    if len(stack) != 1:
        raise ValueError("records do not describe one tree")
    return stack[0]
