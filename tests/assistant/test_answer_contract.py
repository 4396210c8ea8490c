"""The answer contract, enforced in one place (answer.enforce_contract, applied in Assistant.stream):
an Answer is an answer or an error, and `verified` is True only when every check ran and passed."""
import random

import gmpy2
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.answer import Answer, AnswerError, Check, Step, enforce_contract
from assistant.assistant import Assistant


@pytest.fixture(scope="module")
def calx():
    return Assistant(use_planner=False)


def holds(answer: Answer) -> None:
    """The contract, as any consumer may rely on it."""
    assert (answer.answer is None) != (answer.error is None), answer
    if answer.answer is not None:
        assert not answer.answer.lstrip().startswith("ERROR")
    if answer.verified is True:
        assert answer.checks and all(c.passed is True for c in answer.checks), answer.checks


def test_an_error_string_in_answer_becomes_the_error():
    a = enforce_contract(Answer("q", answer="ERROR: statistics needs numbers", verified=True,
                                steps=[Step("calculator", "x", "ERROR: statistics needs numbers", 1.0, "statistics needs numbers")]))
    assert a.answer is None and a.error == AnswerError("tool_error", "statistics needs numbers")
    assert a.verified is None
    holds(a)


def test_a_planner_result_that_is_a_tool_error_is_an_error():
    from assistant.models import ScriptedModel

    call = '<gadget id="calculator">stdev(1, 2, 3)</gadget>'
    model = ScriptedModel([call, "<result>ERROR: unknown name 'stdev'</result>"])
    a = Assistant(model=model).ask("the standard deviation of 1, 2, 3")
    holds(a)
    assert a.answer is None and a.error.type == "tool_error" and "stdev" in a.error.message


def test_an_answer_with_an_error_keeps_only_the_error():
    a = enforce_contract(Answer("q", answer="123", error=AnswerError("truncated", "too long"), verified=True,
                                checks=[Check("c", True)]))
    assert a.answer is None and a.error.type == "truncated" and a.verified is None


@pytest.mark.parametrize("checks, want", [
    ([], None), ([Check("a", None)], None), ([Check("a", True), Check("b", None)], None),
    ([Check("a", True), Check("b", False)], False), ([Check("a", True)], True)])
def test_verified_needs_every_check_passed(checks, want):
    a = enforce_contract(Answer("q", answer="1", verified=True, checks=checks))
    assert a.verified is want
    holds(a)


def test_no_answer_and_no_error_is_an_error():
    a = enforce_contract(Answer("q"))
    assert a.error is not None and a.error.type == "no_answer"


@pytest.mark.parametrize("question, kind", [(123, "bad_input"), (None, "bad_input"), (b"2+2", "bad_input"),
                                             (["2+2"], "bad_input"), ("", "empty"), ("   ", "empty")])
def test_non_text_and_empty_questions_are_typed_errors(calx, question, kind):
    a = calx.ask(question)
    assert a.error is not None and a.error.type == kind, a.error
    if kind == "bad_input":
        assert "str" in a.error.message
    holds(a)


@pytest.mark.parametrize("n", [1_001, 5_000])
def test_long_sums_answer_through_the_api(calx, n):
    a = calx.ask("1+" * (n - 1) + "1")
    assert a.answer == str(n) and a.verified is True
    b = calx.ask(" + ".join(["x"] * n))
    holds(b)
    assert b.error is None and b.answer == f"{n}*x"


@pytest.mark.parametrize("term, want", [("1", "50000"), ("x", "50000*x")])
def test_a_sum_as_long_as_the_input_limit_answers(calx, term, want):
    a = calx.ask("+".join([term] * 50_000))  # 99,999 characters
    assert a.answer == want and a.verified is True, (a.answer, a.error, a.checks)


def test_a_question_over_the_input_limit_is_too_large(calx):
    a = calx.ask("1+" * 50_000 + "1")
    assert a.answer is None and a.error.type == "too_large"


def test_deep_nesting_through_the_api_is_too_deep(calx):
    a = calx.ask("(" * 400 + "1" + ")" * 400)
    assert a.error is not None and a.error.type == "too_deep"


def _semiprime(digits: int, rng: random.Random) -> int:
    p = int(gmpy2.next_prime(rng.randrange(10 ** (digits - 1), 10 ** digits)))
    q = int(gmpy2.next_prime(rng.randrange(10 ** (digits - 1), 10 ** digits)))
    return p * q


def test_a_partial_factorization_is_never_verified_and_says_partial():
    n = _semiprime(40, random.Random(13))  # two 40-digit primes: far beyond a 0.05 s budget
    a = Assistant(use_planner=False, tool_timeout=0.05).ask(f"factor {n}")
    holds(a)
    assert a.verified is not True
    if a.answer is not None:
        assert "partial" in a.answer, a.answer
        assert any(c.name == "factorization complete" and c.passed is None for c in a.checks)


def test_a_complete_factorization_is_verified(calx):
    a = calx.ask("factor 2^64+1")
    assert a.answer == "274177 * 67280421310721" and a.verified is True


@pytest.mark.parametrize("question", ["factor 1", "factor 0", "factor -1"])
def test_factoring_units_claims_no_prime(calx, question):
    a = calx.ask(question)
    holds(a)
    assert not any(c.name == "factors are prime" and c.passed is True for c in a.checks)


MATHY = st.lists(st.sampled_from(list("0123456789+-*/^()[]{},.=!%|' \nxyzeπ√²\\_") +
                                 ["sin", "log", "factor ", "solve ", "\\frac", "\\log_", "mod ", "choose "]),
                 max_size=40).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(MATHY, st.text(max_size=40)))
def test_fuzzed_questions_never_raise_and_keep_the_contract(question):
    a = Assistant(use_planner=False, tool_timeout=2).ask(question)
    holds(a)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=1_000, max_value=20_000), st.sampled_from(["+", "-", "*", "/", " + x*"]))
def test_fuzzed_long_chains_never_raise(n, op):
    a = Assistant(use_planner=False, tool_timeout=5).ask("1" + (op + "1") * n)
    holds(a)
    assert a.error is None or a.error.type not in ("too_deep", "internal"), a.error
