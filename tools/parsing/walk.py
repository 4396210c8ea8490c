"""Left-deep operator chains, walked without recursion.

`1+1+...+1` parses as a tree as deep as it is long (the parser's loops build `((1+1)+1)+...`), so a walker
that recursed into `left` would hit Python's recursion limit at about a thousand terms. Every walker
iterates along such a chain with `left_chain`/`fold_chain` instead and recurses only into the right-hand
operands, which the parser's nesting limit keeps shallow.
"""
from __future__ import annotations

import operator
from typing import Callable, Iterable, Iterator, TypeVar

from .nodes import BinOp, Node

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


def subtrees(tree: Node) -> Iterator[Node]:
    """Every node of the tree, the tree itself first (pre-order, without recursion), each asked for its own
    children: a walker that looks for something anywhere below knows no node classes."""
    stack = [tree]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(reversed(node.children()))


def flatten(tree: Node) -> list[tuple]:
    """The tree as a postfix list of (node without its children, number of children), built without
    recursion: pickle recurses once per level, so a thousand-term sum cannot cross a process pipe as a tree,
    but its flat form can."""
    out: list[tuple] = []
    stack: list[tuple[Node, bool]] = [(tree, False)]
    while stack:
        node, expanded = stack.pop()
        children = node.children()
        if expanded or not children:
            out.append((node.with_children((None,) * len(children)), len(children)))
        else:
            stack.append((node, True))
            stack.extend((child, False) for child in reversed(children))
    return out


def unflatten(records: list[tuple]) -> Node:
    """The inverse of flatten, again without recursion."""
    stack: list[Node] = []
    for shell, count in records:
        if count > len(stack):
            raise ValueError("records do not describe one tree")
        children = tuple(stack[len(stack) - count:])
        del stack[len(stack) - count:]
        stack.append(shell.with_children(children))
    if len(stack) != 1:
        raise ValueError("records do not describe one tree")
    return stack[0]
