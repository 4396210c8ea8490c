"""The "understood" line in words where the tool call is no way to say it: `sort_ascending(3, 1/2, -2)` is
"3, 1/2, -2 in increasing order", `N(pi, 20)` is "pi to 20 significant digits". The line tells people how
their question was read; the steps keep the call itself, and the checks re-read the call, never these words.

Calls of other operations, and anything that does not parse as one call, are left as they were.
"""
from __future__ import annotations

from typing import Callable

from tools.parsing import Call, Node, Num, ParseError, Relation, TooDeepError, parse, to_text

DEFAULT_DIGITS = 15  # N(x) and evalf(x) without a count: the calculator's significant digits
MAX_RESTATED_CHARS = 2_000  # a longer call is shown as it was: reading it again costs more than words help


def restated(call: str) -> str | None:
    """Words for one whole ordering or digits call, or None when `call` is no such call."""
    if len(call) > MAX_RESTATED_CHARS or "(" not in call:
        return None
    try:
        tree = parse(call)
    except (ParseError, TooDeepError, RecursionError):
        return None
    if not isinstance(tree, Call) or tree.func not in WORDS:
        return None
    return WORDS[tree.func](tree.args)


def _listed(nodes: tuple[Node, ...]) -> str:
    return ", ".join(to_text(n) for n in nodes)


def _and_listed(nodes: tuple[Node, ...]) -> str:
    texts = [to_text(n) for n in nodes]
    return texts[0] if len(texts) == 1 else ", ".join(texts[:-1]) + " and " + texts[-1]


def _ordinal(node: Node) -> str | None:
    if not (isinstance(node, Num) and isinstance(node.value, int) and node.value >= 1):
        return None
    k = node.value
    suffix = "th" if 10 <= k % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(k % 10, "th")
    return f"{k}{suffix}"


def _sorted(order: str) -> Callable[[tuple], str | None]:
    return lambda args: f"{_listed(args)} in {order} order" if args else None


def _kth(extreme: str, of_two: str) -> Callable[[tuple], str | None]:
    def words(args: tuple) -> str | None:
        rank, items = (_ordinal(args[0]), args[1:]) if args else (None, ())
        if rank is None or not items:
            return None
        if rank == "1st":
            rank = of_two if len(items) == 2 else extreme
        else:
            rank = f"{rank} {extreme}"
        return f"the {rank} of {_and_listed(items)}"
    return words


def _nearest(args: tuple) -> str | None:
    return f"the one of {_and_listed(args[1:])} nearest to {to_text(args[0])}" if len(args) >= 2 else None


def _truth(args: tuple) -> str | None:
    return f"is {to_text(args[0])}?" if len(args) == 1 and isinstance(args[0], Relation) else None


def _compare(args: tuple) -> str | None:
    return f"compare {to_text(args[0])} and {to_text(args[1])}" if len(args) == 2 else None


def _digits(kind: str) -> Callable[[tuple], str | None]:
    def words(args: tuple) -> str | None:
        if len(args) == 1 and kind == "significant digits":
            return f"{to_text(args[0])} to {DEFAULT_DIGITS} significant digits"
        if len(args) != 2 or not (isinstance(args[1], Num) and isinstance(args[1].value, int)):
            return None
        count = args[1].value
        unit = kind[:-1] if count == 1 else kind  # 1 decimal place, 2 decimal places
        return f"{to_text(args[0])} to {count} {unit}"
    return words


WORDS: dict[str, Callable[[tuple], str | None]] = {
    "sort_ascending": _sorted("increasing"), "sort_descending": _sorted("decreasing"),
    "kth_largest": _kth("largest", "larger"), "kth_smallest": _kth("smallest", "smaller"), "nearest_to": _nearest,
    "truth_of": _truth, "compare_numbers": _compare,
    "N": _digits("significant digits"), "evalf": _digits("significant digits"), "decimals": _digits("decimal places"),
}
