"""Exact ordering of numbers: the k-th largest or smallest, the nearest to a target, a sorted list, and whether
a comparison holds. Items are numbers as written (0.2, -7/3) or labelled options (`b = 0.2`); an answer names
the option's label, or shows the number the way the question wrote it. SymPy Rationals compare here; each
operation's check compares again with Python Fractions (rational_poly.py).

    kth_largest(k, x1, ..., xn)   kth_smallest(k, ...)   nearest_to(target, x1, ...)
    sort_ascending(x1, ...)       sort_descending(...)   truth_of(a < b)   (< <= > >= = !=)
    compare_numbers(a, b)         the relation that holds: a < b, a = b or a > b
"""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import sympy as sp

from ..base import ToolFailure
from ..parsing import Name, Node, Relation, to_text
from . import rational_poly as rp
from .letters import letters_to_sympy
from .operation import CheckResult, Operation, Outcome

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


# -- checks: every comparison made again with Python Fractions --------------------------------------
# The k-th largest is recounted (exactly k - 1 values above it, none equal), the nearest compared with every
# other distance, a sorted list checked pair by pair and as a rearrangement of the input, a comparison decided
# again.

def _value(node) -> Fraction:
    value = rp.constant_value(rp.from_tree(node))
    if value is None:
        raise ValueError("not a number")
    return value


def _values(outcome) -> dict[str, Fraction]:
    return {shown: _value(node) for shown, node in outcome.inputs["items"]}


def _kth_check(largest: bool):
    def check(outcome):
        values, k = _values(outcome), outcome.inputs["k"]
        chosen = values[outcome.inputs["chosen"]]
        beyond = sum(1 for v in values.values() if (v > chosen if largest else v < chosen))
        equal = sum(1 for v in values.values() if v == chosen)
        word = "larger" if largest else "smaller"
        return [CheckResult("rank recounted", beyond == k - 1 and equal == 1,
                            f"{beyond} value(s) {word}, {equal - 1} equal (Python Fractions)")]
    return check


def _nearest_check(outcome):
    values, target = _values(outcome), _value(outcome.inputs["target"])
    chosen = outcome.inputs["chosen"]
    best = abs(values[chosen] - target)
    nearer = all(abs(v - target) > best for shown, v in values.items() if shown != chosen)
    return [CheckResult("every other distance is larger", nearer, f"distance {best} (Python Fractions)")]


def _sort_check(outcome):
    values, order = _values(outcome), outcome.inputs["order"]
    ranked = [values[s] for s in order]
    pairs = zip(ranked, ranked[1:])
    ordered = all(a >= b for a, b in pairs) if outcome.inputs["descending"] else all(a <= b for a, b in pairs)
    same = sorted(order) == sorted(shown for shown, _ in outcome.inputs["items"])  # a rearrangement, repeats kept
    return [CheckResult("each neighbour in order", ordered and same,
                        f"{len(order)} values compared pairwise (Python Fractions)")]


def _truth_check(outcome):
    node = outcome.inputs["node"]
    again = bool(RELATIONS[node.op](_value(node.left), _value(node.right)))
    return [CheckResult("comparison decided again", again == outcome.inputs["holds"], "with Python Fractions")]


OPERATIONS = (
    Operation("kth_largest", _kth(True), {"kth_largest": _kth_check(True)}, ("kth_largest(3, 0.7, 2/3, -1, 0.65)",)),
    Operation("kth_smallest", _kth(False), {"kth_smallest": _kth_check(False)},
              ("kth_smallest(2, p = 1/5, q = 0.19, r = -3)",)),
    Operation("nearest_to", nearest_to, {"nearest_to": _nearest_check}, ("nearest_to(2, 1.8, 2.25, -2)",)),
    Operation("sort_ascending", _sort(False), {"sort_ascending": _sort_check}, ("sort_ascending(0.5, -2/7, 3)",)),
    Operation("sort_descending", _sort(True), {"sort_descending": _sort_check}, ("sort_descending(4, -0.1, 5/3)",)),
    Operation("truth_of", truth_of, {"truth_of": _truth_check}, ("truth_of(2/9 < 0.22)",)),
    Operation("compare_numbers", compare_numbers, {"compare_numbers": _truth_check}, ("compare_numbers(0.75, 3/4)",)),
)
