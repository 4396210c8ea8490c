"""Statistics of a list of exact numbers: mean, median, mode, population and sample variance.

Exact on rationals (a decimal typed is the rational it names); the standard deviation is sqrt of a variance,
so the convention stays visible in what was computed: sqrt(pvariance(...)) or sqrt(variance(...)).
"""
from __future__ import annotations

from collections import Counter

from gmpy2 import mpq

from ..base import ToolFailure
from .values import is_rational, normal

MAX_ITEMS = 100_000


def _data(name: str, args, least: int = 1) -> list:
    if len(args) < least:
        raise ToolFailure("arity", f"{name} needs at least {least} number{'s' if least > 1 else ''}")
    if len(args) > MAX_ITEMS:
        raise ToolFailure("too_large", f"{name} takes at most {MAX_ITEMS:,} numbers")
    if not all(is_rational(a) for a in args):
        raise ToolFailure("domain", f"{name} needs exact real numbers")
    return [mpq(a) for a in args]


def mean(*args):
    data = _data("mean", args)
    return normal(sum(data, mpq(0)) / len(data))


def median(*args):
    data = sorted(_data("median", args))
    middle = len(data) // 2
    return normal(data[middle] if len(data) % 2 else (data[middle - 1] + data[middle]) / 2)


def mode(*args):
    counts = Counter(_data("mode", args)).most_common()
    if len(counts) > 1 and counts[0][1] == counts[1][1]:
        raise ToolFailure("math", "the data have more than one mode")
    return normal(counts[0][0])


def _squares_about_mean(data: list):
    n, total = len(data), sum(data, mpq(0))
    return sum((x * x for x in data), mpq(0)) - total * total / n  # sum of (x - mean)^2, in one pass


def pvariance(*args):
    data = _data("pvariance", args)
    return normal(_squares_about_mean(data) / len(data))


def variance(*args):
    data = _data("variance", args, least=2)
    return normal(_squares_about_mean(data) / (len(data) - 1))


STATISTICS = {"mean": mean, "median": median, "mode": mode, "pvariance": pvariance, "variance": variance}
