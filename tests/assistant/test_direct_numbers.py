"""The number, base, measurement, clock and probability families of the direct route (issue 14).

Each family: right answers with their checks present and passing, look-alikes refused (None: the planner's turn),
and checks that fail when handed a wrong value. The examples are written for these tests.
"""
from fractions import Fraction

import pytest

from assistant.direct import try_direct
from assistant.direct import checks_numbers as checks
from assistant.direct.literals import amount_value, fraction_words, number_value, words_to_int
from assistant.direct.routes import measurement

RIGHT = [
    # remainders, common divisors and multiples, common denominators
    ("Calculate the remainder when 1000 is divided by 7.", "6"),
    ("What is the remainder when (-7) is divided by 3?", "2"),
    ("What is the remainder when 100 - 2*3 is divided by 9?", "4"),
    ("What is the highest common divisor of 84 and 126?", "42"),
    ("Calculate the greatest common factor of 12, 18 and 30.", "6"),
    ("What is the smallest common multiple of 4 and 6?", "12"),
    ("Find the common denominator of 5/12 and -7/18.", "36"),
    ("What is the common denominator of 1/6*2 and 3/10?", "30"),
    # divisibility, primes and composites, prime factors, place value
    ("Is 91 a multiple of 7?", "True"),
    ("Is 7 a factor of 100?", "False"),
    ("Does 12 divide 144?", "True"),
    ("Does 5 divide 2*3 + 1?", "False"),
    ("Is 91 composite?", "True"),
    ("Is 97 a composite number?", "False"),
    ("Is 1 composite?", "False"),
    ("Is 2^7 - 1 prime?", "True"),
    ("List the prime factors of 360.", "[2, 3, 5]"),
    ("What is the hundreds digit of 98765?", "7"),
    ("What is the units digit of 98765?", "5"),
    ("What is the ten thousands digit of 98765?", "9"),
    ("What is the millions digit of 98765?", "0"),
    ("What is the tens digit of (-4)*1234?", "3"),
    # nearest integer roots
    ("What is the square root of 50 to the nearest integer?", "7"),
    ("What is the cube root of 130 to the nearest integer?", "5"),
    ("What is 1000001 to the power of 1/6, to the nearest integer?", "10"),
    ("What is the fifth root of 0 to the nearest integer?", "0"),
    # bases
    ("Convert 255 to binary", "11111111"),
    ("convert 255 to hex", "ff"),
    ("binary 101101 to decimal", "45"),
    ("What is 777 (base 8) in base 2?", "111111111"),
    ("Convert -ff (base 16) to base 10.", "-255"),
    ("zz (base 36) to base 7", "3530"),
    ("In base 16, what is ff + 1?", "100"),
    ("In base 2, what is 101 - 1000 + 11?", "0"),
    # units
    ("How many millilitres are there in 0.7 litres?", "700"),
    ("Convert 4.3 kilograms to grams", "4300"),
    ("What is 3/4 of a week in hours?", "126"),
    ("How many grams are there in 2.5kg?", "2500"),
    ("What is seventeen fifths of a millisecond in microseconds?", "3400"),
    ("How many seconds are there in three quarters of a minute?", "45"),
    ("Convert 12 inches to centimeters", "30.48"),
    ("How many months are there in one half of a decade?", "60"),
    ("Convert 1 hour to weeks", "1/168"),
    ("What is 1234.5 metres in kilometres?", "1.2345"),
    # clock times
    ("What is 213 minutes before 5:41 AM?", "2:08 AM"),
    ("What is 90 minutes after 11:45 PM?", "1:15 AM"),
    ("What is 30 minutes after 11:30 AM?", "12:00 PM"),
    ("How many minutes are there between 2:17 PM and 6:13 PM?", "236"),
    ("How many minutes are there between 11:00 PM and 1:30 AM?", "150"),
    ("What time is it 45 minutes after 11:30 PM?", "12:15 AM"),
    # probability
    ("Calculate prob of sequence ab when two letters picked without replacement from aabbb.", "3/10"),
    ("Two letters picked without replacement from {a: 2, b: 3}. Give prob of picking 1 a and 1 b.", "3/5"),
    ("Three letters picked without replacement from {x: 3, y: 1}. What is prob of picking 3 x?", "1/4"),
    ("What is prob of sequence cc when two letters picked without replacement from {c: 1, d: 4}?", "0"),
    ("What is the probability of exactly 2 sixes in 4 rolls of a die?", "25/216"),
    ("What is the probability of getting exactly 1 heads in 3 tosses of a coin?", "3/8"),
    # counting
    ("In how many ways can a committee of 3 be chosen from 7 people?", "35"),
    ("how many ways to choose 2 from 6", "15"),
    ("How many ways can you choose 2 of 5 flavours?", "10"),
    ("In how many ways can a team of four be selected from nine players?", "126"),
    ("permutations of 4 items", "24"),
    ("P(7,2)", "42"),
    ("P(2, 7)", "0"),
    ("7C2", "21"),
    ("permutations of 6 things taken 2 at a time", "30"),
    ("arrangements of the letters of PEPPER", "60"),
    ("How many ways can the letters of the word TOOT be arranged?", "6"),
    ("In how many ways can 4 books be arranged on a shelf?", "24"),
    # statistics
    ("mean of 1, 2, 3, 10", "4"),
    ("What is the average of 1 2 4?", "7/3"),
    ("the median of 5 1 3", "3"),
    ("median of 1, 2, 3, 10", "5/2"),
    ("mode of 7, 1, 7, 2", "7"),
    ("population variance of 1, 2, 3, 4", "5/4"),
    ("sample variance of 1, 2, 3, 4", "5/3"),
    ("population standard deviation of 1, 3", "1"),
    ("sample standard deviation of 1, 2, 3, 4", "sqrt(15)/3"),
    ("mean of 0.5, 1.5 and 4", "2"),
]


@pytest.mark.parametrize("question, expected", RIGHT)
def test_family_answers_with_passing_checks(question, expected):
    answer = try_direct(question)
    assert answer is not None, question
    assert answer.answer == expected
    assert answer.checks and all(c.passed for c in answer.checks), answer.checks
    assert answer.verified is True


LOOK_ALIKES = [
    "Find the common denominator of 2/4 and 1/3.",  # not in lowest terms: 6 or 12?
    "What is the remainder when 7.5 is divided by 2?",
    "What is the remainder when 7 is divided by (-2)?",
    "Is 3/2 a factor of 6?",
    "What is the hundreds digit of 12.5?",
    "What is the square root of -4 to the nearest integer?",
    "What is 129 (base 2) in base 10?",  # 9 is not a binary digit
    "In base 40, what is 1 + 1?",
    "How many seconds are there in 2 years?",  # a year is not a whole number of days
    "How many grams are there in 3 litres?",
    "What is 13:45 minutes before 5:41 AM?",
    "What is 10 minutes before 13:41 PM?",
    "Two letters picked without replacement from {a: 2, b: 3}. Give prob of picking 1 a and 2 b.",
    "Calculate prob of sequence abc when two letters picked without replacement from aabbb.",
    "Is x a multiple of 3?",
    "In how many ways can a president and a secretary be chosen from 10 people?",  # order matters here
    "standard deviation of 1, 2, 3, 4",  # population or sample? not said
    "variance of 1, 2, 3",
    "mode of 1, 1, 2, 2",  # two modes
    "mean of x, 2",
    "mean of 1,000 and 2,000",  # thousands separators or a list of four?
    "What is the highest common divisor of 1,000 and 2,500?",
]


@pytest.mark.parametrize("question", LOOK_ALIKES)
def test_look_alikes_are_not_answered_by_these_families(question):
    answer = try_direct(question)
    assert answer is None or answer.answer is None or answer.error is not None, answer and answer.answer


def test_literals_and_words():
    assert number_value("(-7/2)") == Fraction(-7, 2)
    assert number_value("0.25") == Fraction(1, 4)
    assert words_to_int("one hundred thousand") == 100_000
    assert words_to_int("forty-seven") == 47
    assert fraction_words("eleven fifths") == Fraction(11, 5)
    assert fraction_words("three halves") == Fraction(3, 2)
    assert amount_value("one half") == Fraction(1, 2)
    assert words_to_int("apple") is None


def test_unit_table_agrees_with_sympy_units():
    """The table's sizes against SymPy's own unit definitions: an independent source for every factor."""
    from sympy import Rational
    from sympy.physics import units as u

    base = {"length": u.meter, "mass": u.gram, "volume": u.liter, "time": u.second, "calendar": u.year}
    sympy_unit = {
        "meter": u.meter, "kilometer": u.kilometer, "centimeter": u.centimeter, "millimeter": u.millimeter,
        "micrometer": u.micrometer, "nanometer": u.nanometer, "decimeter": u.meter / 10, "inch": u.inch,
        "foot": u.foot, "yard": u.yard, "mile": u.mile, "gram": u.gram, "kilogram": u.kilogram,
        "tonne": u.tonne, "milligram": u.milligram, "microgram": u.microgram, "nanogram": u.gram / 10**9,
        "pound": u.pound, "ounce": u.pound / 16, "litre": u.liter, "millilitre": u.milliliter,
        "centilitre": u.centiliter, "decilitre": u.deciliter, "kilolitre": u.liter * 1000, "second": u.second,
        "millisecond": u.millisecond, "microsecond": u.microsecond, "nanosecond": u.nanosecond,
        "minute": u.minute, "hour": u.hour, "day": u.day, "week": u.day * 7, "year": u.year,
        "month": u.year * Rational(1, 12),
        "decade": u.year * 10, "century": u.year * 100, "millennium": u.year * 1000,
    }
    assert set(sympy_unit) == set(measurement.UNITS)
    for name, (dimension, size) in measurement.UNITS.items():
        ratio = u.convert_to(sympy_unit[name], base[dimension]) / base[dimension]
        assert Fraction(str(ratio)).limit_denominator(10**12) == size, name  # SymPy writes years as floats


def test_checks_refute_wrong_values():
    assert checks.relation_check(True, "10 mod 3 = 0")[0].passed is False
    assert checks.composite_check(True, "num_divisors(97) > 2")[0].passed is False
    assert checks.place_value_check(4, "floor(abs(98765) / 10^2) mod 10")[0].passed is False
    assert checks.nearest_root_check(8, "floor((iroot(2^2*50, 2) + 1)/2)")[0].passed is False
    assert checks.base_check("fe", "to_base(255, 16)")[0].passed is False
    assert checks.exact_decimal_check(Fraction(3, 2), "decimals(1.2 * 1, 1)")[0].passed is False
    assert checks.clock_check("2:09 AM", "clock_time((5*60 + 41) - 213)")[0].passed is False
    assert checks.level_set_check(Fraction(1, 2), "binomial(2, 1)*binomial(3, 1)/binomial(5, 2)")[0].passed is False


def test_statistic_and_arrangement_checks_refute_wrong_values():
    assert checks.statistic_check(Fraction(2), "median(1, 2, 3, 10)")[0].passed is False
    assert checks.statistic_check(Fraction(5, 2), "median(1, 2, 3, 10)")[0].passed
    assert checks.statistic_check(Fraction(5, 3), "pvariance(1, 2, 3, 4)")[0].passed is False
    assert checks.statistic_check(Fraction(5, 3), "variance(1, 2, 3, 4)")[0].passed
    assert checks.arrangements_check(61, "6!/(1!*3!*2!)")[0].passed is False
    assert checks.arrangements_check(60, "6!/(1!*3!*2!)")[0].passed
    assert checks.arrangements_check(60, "6!/(1!*3!*1!)")[0].passed is False  # kinds do not add up


def test_surd_text_is_in_lowest_terms():
    from assistant.direct.routes.statistics import surd_text

    assert surd_text(Fraction(5, 3)) == "sqrt(15)/3"
    assert surd_text(Fraction(8)) == "2*sqrt(2)"
    assert surd_text(Fraction(50, 9)) == "5*sqrt(2)/3"
    assert surd_text(Fraction(9, 4)) == "3/2"
    assert surd_text(Fraction(0)) == "0"


def test_checks_pass_right_values():
    assert checks.level_set_check(Fraction(3, 5), "binomial(2, 1)*binomial(3, 1)/binomial(5, 2)")[0].passed
    assert checks.clock_check("12:00 AM", "clock_time((23*60 + 59) + 1)")[0].passed
    assert checks.nearest_root_check(7, "floor((iroot(2^2*50, 2) + 1)/2)")[0].passed
