"""The `calculator` gadget: Calc-X's calculator on exact numbers (GMP via gmpy2), with no SymPy."""
from __future__ import annotations

from dataclasses import dataclass

from ..base import DEFAULT_TIMEOUT, ToolFailure, ToolResult, guarded
from ..budget import time_budget
from ..parsing import ParseError, TooDeepError, parse, to_text
from .evaluator import Digits, Evaluator
from .formatting import approx, calcx, exact_text, terminating_decimal
from .values import MPC, MPFR, MPQ


@dataclass(frozen=True)
class Calculation:
    value: object  # mpz | mpq | Gaussian | mpfr | mpc | bool
    understood: str  # the input as parsed, in SymPy syntax
    output: str  # Calc-X text
    exact: bool
    decimal: str | None  # a decimal rendering, when one is meaningful
    answer: str | None = None  # set when the asked-for form is not the exact value (N(pi, 50), fraction(0.5))
    pretty: str | None = None  # for people, where it says more than the answer: 1.75 = 7/4


def calculate(text: str, precision_bits: int = 128, timeout: float = DEFAULT_TIMEOUT) -> Calculation:
    """Parse and evaluate; raises ToolFailure (typed) on bad input. `timeout` bounds factoring."""
    try:
        tree = parse(text)
    except TooDeepError as exc:
        raise ToolFailure("too_deep", exc.describe()) from None
    except ParseError as exc:
        raise ToolFailure("parse", exc.describe()) from None
    understood = to_text(tree)
    evaluator = Evaluator(precision_bits)
    with time_budget(timeout):
        value = evaluator.evaluate(tree)
    if isinstance(value, Digits):
        is_decimal = node_func(tree) != "fraction"
        return Calculation(value.value, understood, value.text, not is_decimal,
                           value.text if is_decimal else None, value.text)
    exact = not isinstance(value, (MPFR, MPC))
    output = calcx(value, understood, evaluator.decimal_input)
    decimal = None if not _is_number(value) or _is_integer(value) or _is_gaussian_integer(value) else approx(value)
    # decimals in, decimals out: 1.5 + 0.25 is 1.75 (exactly; its fraction 7/4 goes beside it), where the
    # expansion ends; 0.1 + 1/3 stays 13/30 with its decimal beside it
    shown = terminating_decimal(value) if evaluator.decimal_input and isinstance(value, MPQ) else None
    if shown is not None:
        return Calculation(value, understood, output, exact, shown, shown, f"{shown} = {exact_text(value)}")
    return Calculation(value, understood, output, exact, decimal)


def node_func(tree) -> str | None:
    return getattr(tree, "func", None)


def _is_number(value) -> bool:
    return not isinstance(value, bool) and not hasattr(value, "calcx_text")


def _is_gaussian_integer(value) -> bool:
    from .gaussian import Gaussian

    return isinstance(value, Gaussian) and value.re.denominator == 1 and value.im.denominator == 1


def _is_integer(value) -> bool:
    from .values import MPZ

    return isinstance(value, MPZ)


class CalculatorTool:
    """The calculator gadget; the same tool answers under a second name, `bigint`, for the integer functions."""

    def __init__(self, name: str = "calculator"):
        self.name = name

    def run(self, text: str, *, timeout: float = DEFAULT_TIMEOUT) -> ToolResult:
        return guarded(self._run, text, timeout)

    def _run(self, text: str, timeout: float) -> ToolResult:
        calc = calculate(text, timeout=timeout)
        return ToolResult.success(calc.output, calc.value, **calc_extra(calc))


def calc_extra(calc: Calculation) -> dict:
    extra = {"understood": calc.understood, "exact": calc.exact, "decimal": calc.decimal}
    if calc.answer is not None:
        extra["answer"] = calc.answer
    if calc.pretty is not None:
        extra["pretty"] = calc.pretty
    return extra


TOOL = CalculatorTool()
BIGINT = CalculatorTool("bigint")  # the registry's `bigint`: factor(n), is_prime(n), ... (integers/)

__all__ = ["TOOL", "BIGINT", "Calculation", "calc_extra", "calculate", "exact_text", "approx"]
