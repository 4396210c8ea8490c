"""Answers in interval notation, read as sets of real numbers and compared as sets, exactly.

'\\left(-\\infty, 2\\right) \\cup \\left(2, \\infty\\right)', '(-oo, 2) U (2, oo)' and '(2, oo) U (-oo, 2)' are one
set; '(-oo, 2]' is another. The structure (brackets, commas, unions, point sets) is read here by a small scanner;
each finite endpoint is then read by the grader's own bounded reader (symbolic.read, parse tree -> SymPy), never by
sympify. Endpoints are compared exactly: equal only when their difference expands to 0, ordered only when a
60-digit evaluation of the difference is clearly away from 0; anything else is undecided, and an undecided
comparison never grades an answer right.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .latex import MAX_ANSWER_CHARS

MAX_PIECES = 50
_DROP = re.compile(r"\\left(?![A-Za-z])|\\right(?![A-Za-z])|\\big[lr]?(?![A-Za-z])|\\Big[lr]?(?![A-Za-z])|"
                   r"\\displaystyle|\\[!,;: ]|\$")
_UNION = re.compile(r"\\cup(?![A-Za-z])|∪|U(?![A-Za-z])")
_INFINITY = re.compile(r"^([+-]?)(?:\\infty|oo|∞|infinity)$")
_REALS = re.compile(r"^(?:\\mathbb\s*\{?R\}?|\\R|ℝ)$")
_EMPTY = re.compile(r"^(?:\\emptyset|\\varnothing|∅|\\\{\s*\\\}|\{\s*\})$")


class NotIntervals(ValueError):
    """Text that is not a union of intervals this reader knows, or whose endpoints cannot be ordered exactly."""


@dataclass(frozen=True)
class Piece:
    """One interval; low/high None mean -oo/oo. A single point a is Piece(a, a, True, True)."""
    low: object
    high: object
    low_closed: bool
    high_closed: bool


@dataclass(frozen=True)
class IntervalSet:
    pieces: tuple[Piece, ...]  # disjoint, not touching, in increasing order
    marked: bool  # unmistakably intervals (a union, an infinite end, a half-open one), not a point (a, b) or list [a, b]


def read_intervals(text: str) -> IntervalSet:
    """Interval notation -> the set it names, in canonical form; raises NotIntervals."""
    if len(text) > MAX_ANSWER_CHARS:
        raise NotIntervals("answer too long")
    text = _DROP.sub(" ", text).strip()
    raw = _split_union(text)
    if not raw or len(raw) > MAX_PIECES:
        raise NotIntervals("no pieces or too many")
    pieces, marked = [], len(raw) > 1
    for part in raw:
        read, part_marked = _piece(part)
        pieces += read
        marked = marked or part_marked
    return IntervalSet(tuple(_merge(pieces)), marked)


def same_set(a: IntervalSet, b: IntervalSet) -> bool:
    """Exactly the same set; False when any endpoint comparison is undecided."""
    if len(a.pieces) != len(b.pieces):
        return False
    try:
        return all(x.low_closed == y.low_closed and x.high_closed == y.high_closed
                   and _compare(x.low, y.low, -1) == 0 and _compare(x.high, y.high, 1) == 0
                   for x, y in zip(a.pieces, b.pieces))
    except NotIntervals:
        return False


# -- structure ----------------------------------------------------------------------------------------------------

def _split_union(text: str) -> list[str]:
    """Top-level pieces between union signs: a bracketed interval, a braced point set, or a name for R / the empty
    set. Brackets are counted regardless of kind, since '[1, 2)' opens with one kind and closes with the other."""
    parts, k = [], 0
    while k < len(text):
        while k < len(text) and text[k].isspace():
            k += 1
        end = _piece_end(text, k)
        parts.append(text[k:end].strip())
        k = end
        while k < len(text) and text[k].isspace():
            k += 1
        if k >= len(text):
            break
        m = _UNION.match(text, k)
        if m is None:
            raise NotIntervals(f"expected a union at {k}")
        k = m.end()
        if not text[k:].strip():
            raise NotIntervals("a union with nothing after it")
    return parts


def _piece_end(text: str, start: int) -> int:
    if text.startswith("\\{", start) or text[start:start + 1] in ("(", "[", "{"):
        depth, k = 0, start
        while k < len(text):
            if text.startswith("\\{", k) or text.startswith("\\}", k):
                depth += 1 if text[k + 1] == "{" else -1
                k += 2
            else:
                depth += 1 if text[k] in "([{" else -1 if text[k] in ")]}" else 0
                k += 1
            if depth == 0:
                return k
            if depth < 0:
                break
        raise NotIntervals("unbalanced brackets")
    m = re.compile(r"\\mathbb\s*\{?R\}?|\\R(?![A-Za-z])|ℝ|\\emptyset|\\varnothing|∅").match(text, start)
    if m is None:
        raise NotIntervals(f"no interval at {start}")
    return m.end()


def _piece(part: str) -> tuple[list[Piece], bool]:
    """The pieces one written part names, and whether it is marked as interval notation."""
    if _REALS.match(part):
        return [Piece(None, None, False, False)], True
    if _EMPTY.match(part):
        return [], True
    if part.startswith("\\{") and part.endswith("\\}") or part.startswith("{") and part.endswith("}"):
        inner = part[2:-2] if part.startswith("\\{") else part[1:-1]
        points = [_endpoint(p) for p in _top_level_commas(inner)]
        if any(p is None for _, p in points):
            raise NotIntervals("an infinite point")
        return [Piece(p, p, True, True) for _, p in points], False
    opening, closing = part[0], part[-1]
    if opening not in "([" or closing not in ")]":
        raise NotIntervals("not an interval")
    ends = _top_level_commas(part[1:-1])
    if len(ends) != 2:
        raise NotIntervals("an interval has two ends")
    (low_sign, low), (high_sign, high) = _endpoint(ends[0]), _endpoint(ends[1])
    low_closed, high_closed = opening == "[", closing == "]"
    if low is None and low_sign != "-" or high is None and high_sign == "-":
        raise NotIntervals("an end at the wrong infinity")
    if low is None and low_closed or high is None and high_closed:
        raise NotIntervals("a closed end at infinity")
    order = _compare(low, high, -1, 1)
    if order > 0 or order == 0 and not (low_closed and high_closed):
        raise NotIntervals("an empty or reversed interval")
    # '[a, b]' alone is also how calx writes a list (the prime factors [3, 7]) and '(a, b)' a point: neither marks
    marked = low_closed != high_closed or low is None or high is None
    return [Piece(low, high, low_closed, high_closed)], marked


def _top_level_commas(text: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for k, ch in enumerate(text):
        depth += 1 if ch in "([{" else -1 if ch in ")]}" else 0
        if ch == "," and depth == 0:
            parts.append(text[start:k])
            start = k + 1
    parts.append(text[start:])
    if any(not p.strip() for p in parts):
        raise NotIntervals("an empty entry")
    return [p.strip() for p in parts]


def _endpoint(text: str) -> tuple[str, object]:
    """('-', None) for -oo, ('+', None) for oo, ('', value) for a finite real number."""
    compact = re.sub(r"\s", "", text)
    m = _INFINITY.match(compact)
    if m:
        return ("-" if m.group(1) == "-" else "+"), None
    from .symbolic import Unreadable, read

    try:
        reading = read(text)
    except Unreadable as exc:
        raise NotIntervals(f"unreadable endpoint: {exc}") from None
    value = reading.value
    if isinstance(value, tuple) or reading.shape is not None or not getattr(value, "is_number", False):
        raise NotIntervals("an endpoint is not a number")
    if value.is_real is not True or value.is_finite is not True:
        raise NotIntervals("an endpoint is not a finite real number")
    return "", value


# -- exact order ----------------------------------------------------------------------------------------------------

def _compare(a, b, a_infinity: int, b_infinity: int | None = None) -> int:
    """-1, 0 or 1; None stands for an infinity, -oo when its *_infinity is -1, else oo. Raises NotIntervals when
    two finite endpoints cannot be ordered with certainty."""
    b_infinity = a_infinity if b_infinity is None else b_infinity
    if a is None or b is None:
        left = a_infinity if a is None else 0
        right = b_infinity if b is None else 0
        return (left > right) - (left < right)
    import sympy

    difference = a - b
    if difference == 0 or sympy.expand(difference) == 0 or sympy.expand(sympy.radsimp(difference)) == 0:
        return 0
    approx = sympy.N(difference, 60)
    if not approx.is_real or not approx.is_Number:
        raise NotIntervals("an endpoint comparison is undecided")
    if abs(approx) > sympy.Float("1e-40", 60):
        return 1 if approx > 0 else -1
    raise NotIntervals("an endpoint comparison is undecided")


def _merge(pieces: list[Piece]) -> list[Piece]:
    """Sorted, with overlapping or touching pieces joined: [1, 2) U [2, 3] is [1, 3]; (1, 2) U (2, 3) stays two."""
    import functools

    def by_low(x: Piece, y: Piece) -> int:
        order = _compare(x.low, y.low, -1)
        return order if order else (y.low_closed - x.low_closed)

    out: list[Piece] = []
    for p in sorted(pieces, key=functools.cmp_to_key(by_low)):
        if out and _joins(out[-1], p):
            last = out.pop()
            order = _compare(p.high, last.high, 1)
            if order > 0 or order == 0 and p.high_closed and not last.high_closed:
                last = Piece(last.low, p.high, last.low_closed, p.high_closed)
            p = last
        out.append(p)
    return out


def _joins(left: Piece, right: Piece) -> bool:
    """Does `right` (starting no earlier than `left`) overlap or touch `left`?"""
    order = _compare(right.low, left.high, -1, 1)
    return order < 0 or order == 0 and (left.high_closed or right.low_closed)
