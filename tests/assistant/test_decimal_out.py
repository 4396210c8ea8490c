"""Decimals in, decimals out: a question written in decimals whose exact answer ends (1.5 + 0.25 = 7/4) is
answered 1.75, the fraction beside it, and the digits shown are read back as the exact value; an answer whose
expansion does not end stays a fraction with its decimal beside it."""
import pytest

from assistant import ask
from tools.calculator.formatting import terminating_decimal
from gmpy2 import mpq


@pytest.mark.parametrize("question, answer, pretty", [
    ("1.5 + 0.25", "1.75", "1.75 = 7/4"),
    ("0.1 + 0.2", "0.3", "0.3 = 3/10"),
    ("-0.001 * 1.25", "-0.00125", "-0.00125 = -1/800"),
    ("2.5 / 0.4", "6.25", "6.25 = 25/4"),
])
def test_an_exact_decimal_answer_is_shown_as_a_decimal(question, answer, pretty):
    a = ask(question)
    assert (a.answer, a.pretty) == (answer, pretty) and a.verified is True, (a.answer, a.pretty, a.checks)
    assert any(c.name == "the decimal shown is the exact value" and c.passed for c in a.checks)


@pytest.mark.parametrize("question, answer", [("0.1 + 1/3", "13/30"), ("1/4 + 1/2", "3/4"), ("0.5 + 0.5", "1")])
def test_a_fraction_stays_when_the_decimal_would_not_end_or_none_was_typed(question, answer):
    assert ask(question).answer == answer


@pytest.mark.parametrize("q, text", [(mpq(7, 4), "1.75"), (mpq(-1, 800), "-0.00125"), (mpq(1, 3), None),
                                     (mpq(5, 1), None), (mpq(1, 2) ** 400, None), (mpq(3, 1000), "0.003")])
def test_terminating_decimals(q, text):
    assert terminating_decimal(q) == text
