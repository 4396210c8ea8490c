"""The direct route: a question that reads as math becomes tool calls and a checked Answer, no model involved."""
from __future__ import annotations

import time

import tools

from ..answer import Answer, AnswerError, Check, Step
from .routes import RoutedCall, plan_for
from .checks import checks_for
from .restate import restated

MAX_ANSWER_CHARS = 1_000_000  # the exact answer text is kept whole up to a million characters
UNSURE = "unsure"


def try_direct(question: str, timeout: float = tools.DEFAULT_TIMEOUT) -> Answer | None:
    """An Answer if the question reads as direct math, else None (the planner's turn)."""
    start = time.perf_counter()
    plan = plan_for(question)
    routed = time.perf_counter()
    if plan is None:
        return None
    answer = run_plan(question, plan, timeout)
    if answer.error is not None and answer.error.type == UNSURE:
        return None  # a composed question whose answer could not be written back in its own names
    answer.timings["route_ms"] = round((routed - start) * 1000, 3)
    answer.timings["total_ms"] = round((time.perf_counter() - start) * 1000, 3)
    return answer


def run_plan(question: str, plan: RoutedCall, timeout: float) -> Answer:
    result = tools.run(plan.tool, plan.input, timeout=timeout)
    step = Step(plan.tool, plan.input, result.output, round(result.ms, 3), result.error.message if result.error else None)
    understood = result.extra.get("understood", plan.understood)
    answer = Answer(question=question, route="direct", understood=restated(understood) or understood,
                    steps=[step], chain=_chain(plan, result.output))
    answer.timings["tools_ms"] = round(result.ms, 3)
    if not result.ok:
        answer.error = AnswerError(result.error.type, result.error.message)
        _add_prior(answer, plan)
        return answer
    _fill_from_result(answer, result)
    answer.checks.extend(_result_checks(result))
    answer.checks.extend(_shown_decimal_check(answer.answer, result))
    # the checks re-read what the tool read: plan.input (the printed reading of a 50,000-term sum, with its
    # spaces, is longer than the parser's input limit)
    answer.checks.extend(checks_for(plan.kind, result.value, plan.input, answer.answer))
    if plan.prior and not answer.checks:  # the statements' checks must not stand in for the final answer's own
        answer.checks.append(Check("final step checked", None, "no check ran on the final step"))
    _add_prior(answer, plan)
    if plan.relabel is not None:
        _relabel(answer, plan)
    answer.settle_verified()
    return answer


def _add_prior(answer: Answer, plan: RoutedCall) -> None:
    """A composed question: the statements' steps and checks come first; every one counts toward verified."""
    if not plan.prior:
        return
    answer.understood = "; ".join(p.result for p in plan.prior) + f"; then {answer.understood}"
    answer.steps[:0] = [p.step for p in plan.prior]
    answer.checks[:0] = [c for p in plan.prior for c in p.checks]
    answer.chain = "\n".join(_chain_of(p.step) for p in plan.prior) + "\n" + answer.chain
    answer.timings["tools_ms"] = round(sum(s.ms for s in answer.steps), 3)


def _relabel(answer: Answer, plan: RoutedCall) -> None:
    written = plan.relabel(answer.answer) if answer.answer is not None else None
    if written is None:
        answer.answer = None
        answer.error = AnswerError(UNSURE, "the answer could not be written back in the question's names")
        return
    if written != answer.answer:
        answer.answer = answer.pretty = written
        answer.latex = _latex(written)
        answer.decimal = None


def _fill_from_result(answer: Answer, result: tools.ToolResult) -> None:
    extra = result.extra
    answer.answer = extra.get("answer") or _exact_text(result)
    if getattr(result.value, "complete", True) is False:  # a partial factorization says so in the answer itself
        answer.answer = result.value.calcx_text()
    if len(answer.answer) > MAX_ANSWER_CHARS:
        answer.answer = answer.answer[:MAX_ANSWER_CHARS]
        answer.error = AnswerError("truncated", f"the exact answer has more than {MAX_ANSWER_CHARS:,} characters")
    answer.decimal = extra.get("decimal")
    answer.latex = extra.get("latex") or _latex(answer.answer)
    answer.pretty = extra.get("pretty") or answer.answer


def _shown_decimal_check(shown: str | None, result: tools.ToolResult) -> list[Check]:
    """An exact rational shown as a decimal (1.5 + 0.25 = 1.75) is read back with Python Fractions: the digits
    must be the value itself, not a rounding of it."""
    from fractions import Fraction

    from .decimal_text import DECIMAL_TEXT, decimal_value

    value = result.value
    match = DECIMAL_TEXT.match(shown or "")
    if not (result.extra.get("exact") and match and "." in shown and hasattr(value, "denominator")):
        return []
    same = decimal_value(match) == Fraction(int(value.numerator), int(value.denominator))
    return [Check("the decimal shown is the exact value", same, f"{shown} read back as a fraction")]


def _exact_text(result: tools.ToolResult) -> str:
    from tools.calculator import exact_text

    value = result.value
    if value is None:
        return result.output
    try:
        return exact_text(value)
    except TypeError:
        # floating results: the exact form is the expression itself, with its decimal beside it
        understood = result.extra.get("understood")
        return understood or result.output


def _latex(text: str) -> str:
    """A light LaTeX form for numeric answers: p/q as \\frac{p}{q}; anything else as is."""
    if "/" in text and text.count("/") == 1 and text.replace("/", "").lstrip("-").isdigit():
        num, den = text.split("/")
        sign = "-" if num.startswith("-") else ""
        return f"{sign}\\frac{{{num.lstrip('-')}}}{{{den}}}"
    return text.replace("*I", " i").replace("**", "^")


def _result_checks(result: tools.ToolResult) -> list[Check]:
    return [Check(**c) if isinstance(c, dict) else c for c in result.extra.get("checks", [])]


def _chain(plan: RoutedCall, output: str) -> str:
    return f'<gadget id="{plan.tool}">{plan.input}</gadget>\n<output>{output}</output>\n<result>{_result_text(output)}</result>'


def _chain_of(step: Step) -> str:
    return f'<gadget id="{step.tool}">{step.input}</gadget>\n<output>{step.output}</output>'


def _result_text(output: str) -> str:
    return output.split(" = around ")[0]
