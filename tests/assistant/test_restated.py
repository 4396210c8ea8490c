"""The understood line says in words what a tool call would say in code: orderings and digits requests are
restated ("3, 1/2, -2 in increasing order", "pi to 20 significant digits"), while the steps keep the call."""
import pytest

from assistant import ask
from assistant.direct.restate import restated


@pytest.mark.parametrize("question, understood, call", [
    ("sort 3, 1/2, -2, 0.7", "3, 1/2, -2, 0.7 in increasing order", "sort_ascending(3, 1/2, -2, 0.7)"),
    ("order 3, -1, 2 from largest to smallest", "3, -1, 2 in decreasing order", "sort_descending(3, -1, 2)"),
    ("which is bigger: 3/7 or 0.43", "the larger of 3/7 and 0.43", "kth_largest(1, 3/7, 0.43)"),
    ("what is the second largest value in 3, 0.7, 2/3", "the 2nd largest of 3, 0.7 and 2/3",
     "kth_largest(2, 3, 0.7, 2/3)"),
    ("what is the nearest to 2 in 1.8, 2.25, -2", "the one of 1.8, 2.25 and -2 nearest to 2",
     "nearest_to(2, 1.8, 2.25, -2)"),
    ("N(pi, 20)", "pi to 20 significant digits", "N(pi, 20)"),
    ("N(sqrt(2))", "sqrt(2) to 15 significant digits", "N(sqrt(2))"),
    ("sqrt(2) to 50 digits", "sqrt(2) to 50 significant digits", "N(sqrt(2), 50)"),
    ("pi to 1 decimal place", "pi to 1 decimal place", "decimals(pi, 1)"),
])
def test_orderings_and_digits_are_restated_in_words(question, understood, call):
    answer = ask(question)
    assert answer.understood == understood and answer.steps[-1].input == call, (answer.understood, answer.steps)
    assert answer.verified is not False


@pytest.mark.parametrize("call", ["2**10", "diff(x**2, x)", "N(pi, k)", "sort_ascending()", "kth_largest(0, 1, 2)",
                                  "N(", "x" * 5000])
def test_other_calls_and_odd_text_are_left_as_they_were(call):
    assert restated(call) is None


def test_the_app_finds_what_n_was_applied_to_in_the_call_not_the_words():
    from tui.screens.chat import _exact_form

    answer = ask("N(pi, 20)")
    assert _exact_form(answer) == "pi"
