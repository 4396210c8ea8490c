"""Grading MATH's LaTeX references: numbers with LaTeX thousands separators, and letters juxtaposed as products."""
from assistant.evaluation.grading import grade_expression


def test_a_number_with_latex_thousands_is_a_number():
    assert grade_expression("10{,}000", "10000", 1e-4).correct
    assert grade_expression("90{,}900{,}909", "90900909", 1e-4).correct
    assert not grade_expression("10{,}000", "10001", 1e-4).correct


def test_juxtaposed_letters_are_a_product():
    assert grade_expression("3qr + 6q - 15r -30", "3*q*r + 6*q - 15*r - 30", 1e-4).correct
    assert not grade_expression("3qr", "3*q*r + 1", 1e-4).correct
    assert not grade_expression(r"\frac{3 \pi}{4}", "-pi/4", 1e-4).correct


def test_a_decimal_point_is_not_dropped_as_punctuation():
    # the text compare drops a sentence's period, never a decimal point: 1.5 once matched 15 as text
    assert not grade_expression("15", "1.5", 1e-4).correct
    assert not grade_expression("2.5\\pi", "25\\pi", 1e-4).correct
    assert grade_expression("7.", "7", 1e-4).correct
    assert grade_expression("0.75", "0.75", 1e-4).correct
