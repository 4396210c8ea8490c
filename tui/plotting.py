"""`plot EXPR from A to B`: sample a function of x through the assistant's exact engines.

Each sample is one direct-math question (`N(sin((0.5)), 15)`), so the TUI evaluates nothing itself
(no eval, no parser of its own) and a point where the function is undefined simply leaves a gap.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Callable

from assistant import Answer

PLOT = re.compile(
    r"^\s*(?:(?:can|could|would|will)\s+you\s+|please\s+)?(?:plot|graph|sketch|draw)\s+"
    r"(?:the\s+(?:graph|function|curve)\s+(?:of\s+)?)?(?:y\s*=\s*|f\(x\)\s*=\s*)?(?P<expr>.+?)"
    r"(?:\s+(?:(?:for\s+)?x?\s*(?:from|on|over|between|in)|for\s+x\s+(?:from|in|between))\s+(?:x\s*=\s*)?"
    r"(?:\[\s*(?P<lo2>[^,\]]+?)\s*,\s*(?P<hi2>[^\]]+?)\s*\]|(?P<lo>\S+)\s+(?:to|and|\.\.)\s+(?P<hi>\S+?)))?"
    r"\s*[?.!]?\s*(?:please)?\s*$",
    re.I)
MAX_EXPR = 200
SAMPLES = 161  # odd, so a symmetric range samples its midpoint exactly


@dataclass(frozen=True)
class PlotRequest:
    expr: str
    lo: str = "-10"
    hi: str = "10"


@dataclass
class PlotData:
    request: PlotRequest
    xs: list[float]
    ys: list[float]  # NaN where the function has no real value

    @property
    def title(self) -> str:
        return f"{self.request.expr}, x from {self.request.lo} to {self.request.hi}"


class PlotError(ValueError):
    pass


def parse_plot(question: str) -> PlotRequest | None:
    match = PLOT.match(question)
    if not match:
        return None
    expr = match["expr"].strip()
    lo, hi = match["lo"] or match["lo2"], match["hi"] or match["hi2"]
    return PlotRequest(expr) if lo is None else PlotRequest(expr, lo, hi)


def sample(request: PlotRequest, ask: Callable[[str], Answer], n: int = SAMPLES) -> PlotData:
    if len(request.expr) > MAX_EXPR or "x" not in re.findall(r"[A-Za-z_]+", request.expr):
        raise PlotError(f"plot needs a function of x, such as: plot sin(x) from -pi to pi")
    lo, hi = _number(request.lo, ask), _number(request.hi, ask)
    if not lo < hi:
        raise PlotError(f"the range must go upwards: {request.lo} to {request.hi}")
    xs = [lo + (hi - lo) * k / (n - 1) for k in range(n)]
    ys = [_value(re.sub(r"\bx\b", f"({x!r})", request.expr), ask) for x in xs]
    if all(math.isnan(y) for y in ys):
        raise PlotError(f"no real value of {request.expr} on that range (is it a function of x?)")
    return PlotData(request, xs, ys)


def _number(text: str, ask: Callable[[str], Answer]) -> float:
    value = _value(text, ask)
    if math.isnan(value):
        raise PlotError(f"{text!r} is not a real number")
    return value


def _value(expr: str, ask: Callable[[str], Answer]) -> float:
    answer = ask(f"N({expr}, 15)")
    text = answer.decimal or answer.answer
    if answer.error is not None or text is None:
        return math.nan
    try:
        value = float(text)
    except ValueError:  # complex values and anything else non-real: a gap in the curve
        return math.nan
    return value if math.isfinite(value) else math.nan
