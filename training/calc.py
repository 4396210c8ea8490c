"""The calculator as training data sees it: calx's own tool, so every output is the run-time text."""
from __future__ import annotations

from fractions import Fraction

import tools
from assistant.planner.numbers import to_fraction


class CalculatorError(Exception):
    pass


def calculate(expression: str) -> tuple[str, Fraction]:
    """The calculator's output text and its exact value; CalculatorError when it fails or is no number."""
    result = tools.run("calculator", expression, timeout=5.0)
    if not result.ok:
        raise CalculatorError(result.output)
    value = to_fraction(result.output)
    if value is None:
        raise CalculatorError(f"not a number: {result.output}")
    return result.output, value


def same_value(recorded: str, value: Fraction) -> bool:
    """A recorded figure ('24', '0.33', '1,200') agrees with an exact value, allowing the rounding written."""
    got = to_fraction(recorded.replace("$", "").strip())
    if got is None:
        return False
    if got == value:
        return True
    decimals = recorded.split(".")[1] if "." in recorded else ""
    places = len(decimals.rstrip("%").strip())
    return places > 0 and abs(got - value) <= Fraction(1, 2 * 10 ** places)
