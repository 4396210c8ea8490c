"""Reading numbers as datasets and models write them, including hostile ones."""
import time
from fractions import Fraction

import pytest

from assistant.evaluation.numbers import MAX_DIGITS, last_number, read_number


@pytest.mark.parametrize("text, value", [
    ("1,234.5", Fraction(2469, 2)), ("$12", 12), ("\\$12", 12), ("9 (apples)", 9), ("15 (years old)", 15),
    ("-3.5e-2", Fraction(-7, 200)), ("5/2", Fraction(5, 2)), ("5/2 = around 2.5", Fraction(5, 2)),
    ("3:4", Fraction(3, 4)), ("12%", Fraction(3, 25)), ("\\frac{3}{4}", Fraction(3, 4)),
    ("-\\dfrac{3}{4}", Fraction(-3, 4)), ("51.0", 51), ("−7", -7), ("7.", 7), ("2,500", 2500),
    ("3.14 (inches)", Fraction(314, 100)), ("1,000,000 dollars", 10**6),
])
def test_reads_numbers_with_units_commas_and_currency(text, value):
    assert read_number(text).value == value


@pytest.mark.parametrize("text", ["abc", "", "x=5", "2,3", "1/0", "12 + 3", None])
def test_not_a_single_number(text):
    assert read_number(text) is None


def test_decimal_flag_marks_possible_roundings_only():
    assert read_number("3.33").decimal is True
    assert read_number("51.0").decimal is False  # an integer written as a float is exact
    assert read_number("36").decimal is False


def test_enormous_numbers_are_bounded_not_computed():
    start = time.perf_counter()
    assert read_number("1e999999999") is None  # 10^(10^9) would exhaust memory
    assert read_number("9" * (MAX_DIGITS + 1)) is None
    assert time.perf_counter() - start < 2.0


def test_long_integers_beyond_pythons_str_limit_are_read_exactly():
    digits = "7" * 5000  # int(str) refuses more than 4300 digits by default
    assert read_number(digits).value == Fraction(7 * (10**5000 - 1) // 9)


def test_last_number_in_prose():
    assert last_number("She pays 12 dollars, so the answer is 1,250.").value == 1250
    assert last_number("no digits at all") is None
