"""An odd root of a negative number, written as a root (\\sqrt[3]{-25}, root(-8, 3), cbrt(-25)), is the real root
people mean, in the calculator and the symbolic engine alike; a power (-8)^(1/3) stays the principal root."""
import pytest

import tools
from assistant import ask


@pytest.mark.parametrize("text, expected", [
    ("root(-8, 3)", "-2"), ("root(-32, 5)", "-2"), ("cbrt(-27/8)", "-3/2 = around -1.5"),
    ("root(-25, 3)", "root(-25, 3) = around -2.924018"), ("cbrt(-25)", "cbrt(-25) = around -2.924018"),
])
def test_the_calculator_takes_the_real_odd_root(text, expected):
    assert tools.run("calculator", text).output == expected


@pytest.mark.parametrize("text", ["root(-16, 4)", "(-8)^(1/3)"])
def test_an_even_root_or_a_power_stays_principal(text):
    assert "I" in tools.run("calculator", text).output


@pytest.mark.parametrize("question, answer, decimal", [
    (r"\sqrt[3]{-25}", "-5**(2/3)", "-2.92401773821287"),
    (r"\sqrt[3]{-8}", "-2", None),
    (r"\sqrt[5]{-32}", "-2", None),
])
def test_a_latex_odd_root_of_a_negative_number_is_real(question, answer, decimal):
    a = ask(question)
    assert (a.answer, a.decimal) == (answer, decimal) and a.verified is True, (a.answer, a.decimal, a.checks)


def test_the_symbolic_engine_keeps_an_even_root_and_a_letter_principal():
    assert "I" in tools.run("symbolic", "root(-16, 4)").output
    assert tools.run("symbolic", "cbrt(x)").output == "x**(1/3)"


@pytest.mark.parametrize("question, answer", [("root(-8, 3)", "-2"), ("cbrt(-27/8)", "-3/2")])
def test_an_exact_real_root_is_checked_by_python_integers(question, answer):
    a = ask(question)
    assert a.answer == answer and a.verified is True, (a.answer, a.checks)
