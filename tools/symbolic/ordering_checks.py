"""Checks of the ordering operations (ordering_ops.py): every comparison made again with Python Fractions.

The k-th largest is recounted (exactly k - 1 values above it, none equal), the nearest compared with every other
distance, a sorted list checked pair by pair and as a rearrangement of the input, a comparison decided again.
"""
from __future__ import annotations

from fractions import Fraction

from . import rational_poly as rp
from .checks import CheckResult
from .ordering_ops import RELATIONS


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


CHECKS = {
    "kth_largest": _kth_check(True), "kth_smallest": _kth_check(False), "nearest_to": _nearest_check,
    "sort_ascending": _sort_check, "sort_descending": _sort_check, "truth_of": _truth_check,
    "compare_numbers": _truth_check,
}
