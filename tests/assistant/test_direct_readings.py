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
    ("difference between -2.5 and 1", "7/2"),
])
def test_the_difference_between_two_numbers_is_not_signed(calx, question, answer):
    assert calx.ask(question).answer == answer
