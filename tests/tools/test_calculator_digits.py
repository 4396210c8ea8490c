"""Significant digits of a value larger than the digits asked for: rounded there, never the integer part."""
import pytest

from tools.calculator import calculate


@pytest.mark.parametrize("text, shown", [
    ("N(10^30/7, 5)", "1.4286e29"),  # not the 30-digit integer part
    ("N(1000/3, 2)", "330"),  # not 333
    ("N(1000/3, 3)", "333"),
    ("N(1234, 2)", "1200"),
    ("N(-1000/3, 2)", "-330"),
    ("N(9.96, 2)", "10"),  # the rounding carries into a new digit
    ("N(2/3, 3)", "0.667"),
    ("N(0.000123456, 3)", "0.000123"),
    ("N(10^25*pi, 3)", "3.14e25"),
    ("N(exp(100), 5)", "2.6881e43"),
    ("decimals(7.6/3, 2)", "2.53"),
])
def test_significant_digits_round_where_asked(text, shown):
    calc = calculate(text)
    assert calc.output == shown and not calc.exact


@pytest.mark.parametrize("text, shown", [("log(8, 1/2)", "-3"), ("log(4/9, 2/3)", "2"), ("log(10^400, 1/10)", "-400")])
def test_a_logarithm_to_a_fractional_base_is_exact_when_it_is_an_integer(text, shown):
    calc = calculate(text)
    assert calc.output == shown and calc.exact
