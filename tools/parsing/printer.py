"""Prints a tree back as plain text in SymPy's syntax: how the input was understood."""
from __future__ import annotations

from fractions import Fraction

from .nodes import BinOp, Call, Name, Neg, Node, Num, Postfix, Relation, Seq
from .walk import left_chain

PRECEDENCE = {"=": 0, "<": 0, ">": 0, "<=": 0, ">=": 0, "!=": 0, "+": 1, "-": 1,
              "*": 2, "/": 2, "mod": 2, "neg": 3, "^": 4, "postfix": 5, "atom": 6}
NAMES = {"e": "E", "i": "I", "pi": "pi", "oo": "oo"}
RELATION_TEXT = {"=": "=", "!=": "!="}


def to_text(node: Node) -> str:
    return _text(node)[0]


def _text(node: Node) -> tuple[str, int]:
    if isinstance(node, Num):
        return _number(node), PRECEDENCE["atom"]
    if isinstance(node, Name):
        return NAMES.get(node.name, node.name), PRECEDENCE["atom"]
    if isinstance(node, Call):
        return f"{node.func}({', '.join(to_text(a) for a in node.args)})", PRECEDENCE["atom"]
    if isinstance(node, Neg):
        inner, prec = _text(node.operand)
        return "-" + (inner if prec > PRECEDENCE["neg"] else f"({inner})"), PRECEDENCE["neg"]
    if isinstance(node, Postfix):
        inner, prec = _text(node.operand)
        inner = inner if prec >= PRECEDENCE["postfix"] else f"({inner})"
        suffix = {"%": "%", "'": "'"}.get(node.op, node.op)
        return inner + suffix, PRECEDENCE["postfix"]
    if isinstance(node, BinOp):
        return _binop(node)
    if isinstance(node, Relation):
        return f"{to_text(node.left)} {RELATION_TEXT.get(node.op, node.op)} {to_text(node.right)}", 0
    if isinstance(node, Seq):
        body = ", ".join(to_text(item) for item in node.items)
        closer = {"[": "]", "{": "}", "": ""}[node.bracket]
        return f"{node.bracket}{body}{closer}", PRECEDENCE["atom"]
    if hasattr(node, "children"):  # a node type with no rule here prints as a call of its children
        return f"{type(node).__name__}({', '.join(to_text(c) for c in node.children())})", PRECEDENCE["atom"]
    raise TypeError(f"not a node: {node!r}")


def _binop(node: BinOp) -> tuple[str, int]:
    prec = PRECEDENCE[node.op]
    if node.op == "^":
        left, lp = _text(node.left)
        right, rp = _text(node.right)
        left = left if lp > prec else f"({left})"
        right = right if rp > prec else f"({right})"
        return f"{left}**{right}", prec
    # a run of operators of one precedence (1 + 2 - 3 + ...) is printed in a loop: it can be thousands long
    same = [op for op, p in PRECEDENCE.items() if p == prec]
    first, chain = left_chain(node, same)
    left, lp = _text(first)
    parts = [left if lp >= prec else f"({left})"]
    for binop in chain:
        right, rp = _text(binop.right)
        # the right side of - and / needs parentheses at equal precedence: a - (b - c)
        right = right if rp > prec or (rp == prec and binop.op in ("+", "*")) else f"({right})"
        parts.append({"mod": " mod "}.get(binop.op, f" {binop.op} " if prec == 1 else binop.op) + right)
    return "".join(parts), prec


def _number(node: Num) -> str:
    if node.decimal and node.text:
        return node.text.replace("_", "").replace(",", "")
    value = node.value
    if isinstance(value, Fraction) and value.denominator != 1:
        return f"{value.numerator}/{value.denominator}"
    return str(int(value))
