"""Direct readings that used to be answered wrong (examples written for this project)."""
import pytest

from assistant.assistant import Assistant


@pytest.fixture(scope="module")
def calx():
    return Assistant(use_planner=False)


@pytest.mark.parametrize("question, answer", [
    ("What are the prime factors of 360?", "[2, 3, 5]"), ("the distinct prime factors of 1001", "[7, 11, 13]"),
    ("prime factors of 2^16", "[2]"), ("prime_factors(-84)", "[2, 3, 7]"),
    ("the prime factorization of 360", "2^3 * 3^2 * 5"),
])
def test_prime_factors_are_a_list_and_the_factorization_a_product(calx, question, answer):
    a = calx.ask(question)
    assert a.answer == answer and a.verified is True, (a.answer, a.checks)


def test_prime_factors_of_zero_is_an_error(calx):
    a = calx.ask("prime factors of 0")
    assert a.answer is None and a.error.type == "domain"


@pytest.mark.parametrize("question, answer", [
    ("What is the difference between 4 and 11?", "7"), ("the difference between 11 and 4", "7"),
    ("difference between -2.5 and 1", "3.5"),  # decimals in, decimals out
])
def test_the_difference_between_two_numbers_is_not_signed(calx, question, answer):
    assert calx.ask(question).answer == answer


@pytest.mark.parametrize("question", ["8/2(2+2)", "1/3x", "simplify 1/4y", "1/x(x+2)", "what is 3/4pi"])
def test_a_division_glued_to_a_product_is_not_guessed(calx, question):
    a = calx.ask(question)
    assert a.route != "direct" and a.answer is None, (a.understood, a.answer)


@pytest.mark.parametrize("question, answer", [("8/2*(2+2)", "16"), ("8/(2(2+2))", "1"), ("2/3 of 12", "8"),
                                              ("1/4 + 1/4", "1/2")])
def test_divisions_written_out_still_answer(calx, question, answer):
    assert calx.ask(question).answer == answer
