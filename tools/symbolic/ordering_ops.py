"""Exact ordering of numbers: the k-th largest or smallest, the nearest to a target, a sorted list, and whether
a comparison holds. Items are numbers as written (0.2, -7/3) or labelled options (`b = 0.2`); an answer names
the option's label, or shows the number the way the question wrote it. SymPy Rationals compare here; the checks
(ordering_checks.py) compare again with Python Fractions.

    kth_largest(k, x1, ..., xn)   kth_smallest(k, ...)   nearest_to(target, x1, ...)
    sort_ascending(x1, ...)       sort_descending(...)   truth_of(a < b)   (< <= > >= = !=)
    compare_numbers(a, b)         the relation that holds: a < b, a = b or a > b
"""
from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from ..base import ToolFailure
from ..parsing import Name, Node, Relation, to_text
from .letter_ops import letters_to_sympy
from .operations import Outcome

MAX_ITEMS = 100


@dataclass(frozen=True)
class Shown:
    """An answer shown as the question wrote it: an option's label, a number, or a list of them."""

    text: str
    value: object = None  # the number, when the answer is one

    def to_sympy(self):
        return self.value if self.value is not None else sp.Symbol(self.text)


@dataclass(frozen=True)
class Item:
    shown: str  # the label, or the number as written
    value: sp.Rational
    node: Node  # the number's tree, for the checks
    labelled: bool


def number(node: Node) -> sp.Rational:
    value = letters_to_sympy(node)
    if not value.is_Rational:
        raise ToolFailure("domain", f"{to_text(node)} is not a number")
    return value


def _items(nodes) -> list[Item]:
    if not 1 <= len(nodes) <= MAX_ITEMS:
        raise ToolFailure("arity", f"1 to {MAX_ITEMS} numbers are compared")
    items = []
    for node in nodes:
        if isinstance(node, Relation) and node.op == "=" and isinstance(node.left, Name):
            items.append(Item(node.left.name, number(node.right), node.right, True))
        else:
            items.append(Item(to_text(node), number(node), node, False))
    if len({i.labelled for i in items}) > 1 or len({i.shown for i in items}) < len(items) and items[0].labelled:
        raise ToolFailure("arity", "either every option has its own label or none has")
    return items


def _answer(item: Item) -> Shown:
    # a number written as a decimal is shown as written, with no decimal beside it ("0.1 = around 0.1000")
    plain_number = not item.labelled and "." not in item.shown
    return Shown(item.shown, item.value if plain_number else None)


def _inputs(items, **more) -> dict:
    return {"items": [(i.shown, i.node) for i in items], **more}


def _kth(largest: bool):
    def op(ctx, args):
        k = number(args[0])
        items = _items(args[1:])
        if not (k.is_Integer and 1 <= int(k) <= len(items)):
            raise ToolFailure("domain", f"there is no {k}-th value among {len(items)}")
        ranked = sorted(items, key=lambda i: i.value, reverse=largest)
        chosen = ranked[int(k) - 1]
        if sum(1 for i in items if i.value == chosen.value) > 1:
            raise ToolFailure("domain", "two of the values are equal: the k-th is not one of them alone")
        name = "kth_largest" if largest else "kth_smallest"
        return Outcome(name, _answer(chosen), _inputs(items, k=int(k), chosen=chosen.shown))
    return op


def nearest_to(ctx, args) -> Outcome:
    target = number(args[0])
    items = _items(args[1:])
    distances = sorted((abs(i.value - target), n) for n, i in enumerate(items))
    if len(items) > 1 and distances[0][0] == distances[1][0]:
        raise ToolFailure("domain", "two values are equally near")
    chosen = items[distances[0][1]]
    return Outcome("nearest_to", _answer(chosen), _inputs(items, target=args[0], chosen=chosen.shown))


def _sort(descending: bool):
    def op(ctx, args):
        items = sorted(_items(args), key=lambda i: i.value, reverse=descending)
        name = "sort_descending" if descending else "sort_ascending"
        return Outcome(name, Shown(", ".join(i.shown for i in items)),
                       _inputs(items, order=[i.shown for i in items], descending=descending))
    return op


RELATIONS = {"<": lambda a, b: a < b, "<=": lambda a, b: a <= b, ">": lambda a, b: a > b,
             ">=": lambda a, b: a >= b, "=": lambda a, b: a == b, "!=": lambda a, b: a != b}


def truth_of(ctx, args) -> Outcome:
    node = args[0]
    if len(args) != 1 or not isinstance(node, Relation) or node.op not in RELATIONS:
        raise ToolFailure("arity", "truth_of takes one comparison of two numbers, like 3/7 < 0.43")
    holds = bool(RELATIONS[node.op](number(node.left), number(node.right)))
    return Outcome("truth_of", Shown(str(holds), sp.true if holds else sp.false), {"node": node, "holds": holds})


def compare_numbers(ctx, args) -> Outcome:
    """`compare(a, b)`: the relation that holds, written with the numbers as given ("3/7 < 0.43")."""
    if len(args) != 2:
        raise ToolFailure("arity", "compare_numbers takes two numbers")
    a, b = _items(args)
    op = "<" if a.value < b.value else ">" if a.value > b.value else "="
    return Outcome("compare_numbers", Shown(f"{a.shown} {op} {b.shown}"),
                   {"node": Relation(op, a.node, b.node), "holds": True})


OPERATIONS = {
    "kth_largest": _kth(True), "kth_smallest": _kth(False), "nearest_to": nearest_to,
    "sort_ascending": _sort(False), "sort_descending": _sort(True), "truth_of": truth_of,
    "compare_numbers": compare_numbers,
}
