"""Powers of 0, 1 and -1 have a small exact value whatever the exponent, even one the size guard would refuse
to build (1^(2^235423523) is 1); the calculator and the direct route's Python check find it by separate means."""
import pytest

import tools
from assistant import ask


def out(text: str) -> str:
    return tools.run("calculator", text).output


@pytest.mark.parametrize("text, expected", [
    ("1^(2^235423523)", "1"), ("1^(10^10^10)", "1"),
    ("(-1)^(2^235423523)", "1"), ("(-1)^(3^235423523)", "-1"), ("(-1)^(3^235423523 + 1)", "1"),
    ("(-1)^((-3)^235423523)", "-1"), ("(-1)^(7 * 10^10^10)", "1"), ("(-1)^(-(5^99999999))", "-1"),
    ("0^(2^235423523)", "0"), ("-1^(2^235423523)", "-1"),
])
def test_a_unit_base_has_its_value_whatever_the_exponent(text, expected):
    assert out(text) == expected


@pytest.mark.parametrize("text, error", [
    ("0^(-2^235423523)", "zero to a negative power"),
    ("0^(2^235423523 - 3^235423523)", "limit"),  # the exponent's sign is not known without building it
    ("1^(2^235423523 / 0)", "limit"),  # an exponent that is not a number at all
    ("(-1)^(2^235423523 / 2)", "limit"),  # not known to be whole: no parity
    ("(-1)^(2^(-235423523))", "limit"),
    ("2^(2^235423523)", "limit"),
])
def test_what_the_exponent_does_not_settle_stays_refused(text, error):
    result = out(text)
    assert result.startswith("ERROR:") and error in result, result


@pytest.mark.parametrize("question, expected", [
    ("1^(2^235423523)", "1"), ("(-1)^(3^235423523)", "-1"), ("0^(5^100000000)", "0"),
])
def test_the_direct_answer_is_checked_by_python_parity(question, expected):
    answer = ask(question)
    assert answer.answer == expected and answer.verified is True, (answer.answer, answer.checks)
