"""Checks on a planner answer: is the figure a tool's output, and is it plausible for the question?"""
from __future__ import annotations

import re
from fractions import Fraction

from assistant.answer import Check, Step

from .numbers import show, to_fraction

_COUNT_QUESTION = re.compile(r"\bhow many\b", re.I)
_MONEY_OR_MEASURE = re.compile(r"\b(how much|how long|how far|how fast|average|rate|per cent|percent|fraction)\b|\$", re.I)


def step_value(step: Step) -> Fraction | None:
    return None if step.error else to_fraction(step.output)


def tool_backed(result: str, steps: list[Step]) -> Check:
    """Passed when the result equals the value of a successful tool output (the last one preferably)."""
    value = to_fraction(result)
    outputs = [v for v in (step_value(s) for s in steps) if v is not None]
    if value is None or not outputs:
        return Check("result_from_tool", None if not outputs else False,
                     "no tool output to compare with" if not outputs else f"result {result!r} is not a number")
    if value == outputs[-1]:
        return Check("result_from_tool", True, "result equals the last tool output")
    if value in outputs:
        return Check("result_from_tool", True, "result equals an earlier tool output")
    return Check("result_from_tool", False, f"result {result} is not any tool output ({', '.join(map(show, outputs))})")


def rederive(result: str, steps: list[Step]) -> tuple[str, Check | None]:
    """If the model's result is not a tool output, take the last successful tool output instead.

    This keeps the rule that a figure the user sees comes from a tool, not from the model's guess.
    """
    value = to_fraction(result)
    outputs = [v for v in (step_value(s) for s in steps) if v is not None]
    if not outputs or (value is not None and value in outputs):
        return result, None
    chosen = show(outputs[-1])
    return chosen, Check("result_from_tool", True, f"model wrote {result!r}; re-derived {chosen} from the last tool output")


def plausible(question: str, result: str) -> Check | None:
    """Counts asked with 'how many' are non-negative integers (unless money or measures are involved)."""
    if not _COUNT_QUESTION.search(question) or _MONEY_OR_MEASURE.search(question):
        return None
    value = to_fraction(result)
    if value is None:
        return Check("plausible_count", False, f"'how many' but the result {result!r} is not a number")
    ok = value >= 0 and value.denominator == 1
    return Check("plausible_count", ok, "a non-negative whole count" if ok else f"a count cannot be {show(value)}")


def settle_planner_verified(answer) -> None:
    """These checks can refute a planner answer but never prove it: the model chose which computations to run,
    so a figure that is a tool output and a plausible count may still answer the wrong question. verified is
    False when a check failed and None otherwise, never True."""
    failed = any(c.passed is False for c in answer.checks)
    answer.verified = False if failed else None
