"""Comparison sentences of the direct route: exact order of fractions and decimals as written. Examples written
for this suite in the generator's wordings; answers in the reference's form (the number as written, the option's
letter, True/False, a list), each with a recount in Python Fractions that passed."""
from __future__ import annotations

import pytest

from assistant.direct import try_direct
from assistant.direct.routes import comparison

T = 30.0

CASES = [
    # pairs
    ("Which is greater: 1000/3 or 333?", "1000/3"),
    ("Which is smaller: -0.5 or -1/3?", "-0.5"),
    ("Which is bigger: 7 or 6.99?", "7"),
    ("Is 2/7 bigger than 0.285?", "True"),
    ("Is -3 at least -2.5?", "False"),
    ("Is 5 at most as big as 5?", "True"),
    ("Is 4/6 <= 2/3?", "True"),
    ("Is 0.1 != 1/10?", "False"),
    ("Are 0.25 and 1/4 equal?", "True"),
    ("Are 3 and 3.01 nonequal?", "True"),
    ("Do 6/8 and 0.75 have the same value?", "True"),
    ("Do -2 and 2 have different values?", "True"),
    ("Is -7 less than or equal to -8?", "False"),
    # k-th biggest or smallest
    ("Which is the second biggest value? (a) 1/2 (b) 0.6 (c) -4 (d) 0.55", "d"),
    ("Which is the smallest value?  (a) -0.3  (b) -1/3  (c) 0", "b"),
    ("What is the third smallest value in 8, -2, 0.5, 1/3, 12?", "0.5"),
    ("What is the biggest value in -5, -4.9, -14/3?", "-14/3"),
    # nearest
    ("Which is the nearest to 1?  (a) 0.8  (b) 5/4  (c) 3", "a"),
    ("What is the closest to -2 in 0, -3/2, -2.6, 1?", "-3/2"),
    ("Which is the closest to 0.1?  (a) 1/9  (b) 0.09  (c) -1", "b"),
    # sorting
    ("Sort 3, -1/2, 0.4, -2 in ascending order.", "-2, -1/2, 0.4, 3"),
    ("Put 0.7, 2/3, 5, -9 in decreasing order.", "5, 0.7, 2/3, -9"),
    ("Sort 10, -10, 0.", "-10, 0, 10"),
    ("Sort 2, -5, 2, 1/2.", "-5, 1/2, 2, 2"),  # a repeated value is kept
    ("Sort 2, (-3), 1/2 in descending order.", "2, 1/2, -3"),  # a parenthesized negative, as substituted
    # typed the way people type
    ("which is larger, 3/7 or 0.43?", "0.43"),
    ("what is the smallest of 12 and 18?", "12"),
    ("What is the second largest number in 4, 9, 1?", "4"),
    ("which number is closest to 1: 0.9, 1.2, 1.05?", "1.05"),
    ("which is closer to 0, -0.2 or 0.1?", "0.1"),
    ("order 0.5, 1/3, 2/5 from largest to smallest", "0.5, 2/5, 1/3"),
    ("is 0.3 less than 1/3", "True"),
    ("compare 3/7 and 0.43", "3/7 < 0.43"),
    ("Compare -1/2 with -0.5", "-1/2 = -0.5"),
    ("rank 3, 1, 2 from highest to lowest", "3, 2, 1"),
]


@pytest.mark.parametrize("question, expected", CASES)
def test_comparison_sentences(question, expected):
    answer = try_direct(question, timeout=T)
    assert answer is not None and answer.ok, (question, answer and answer.error)
    assert answer.answer == expected
    assert answer.verified is True
    assert answer.checks and all(c.passed is True for c in answer.checks)


def test_a_tie_is_declined_rather_than_picked():
    answer = try_direct("Which is the closest to 0?  (a) 1/2  (b) -0.5  (c) 3", timeout=T)
    assert answer.answer is None and answer.error is not None


@pytest.mark.parametrize("question", [
    "Is 7 prime?",
    "Is 3 a factor of 12?",
    "Is x bigger than 3?",  # a letter: no value to compare
    "Which is greater: 2^1000 or 3^600?",  # powers are not read here (sizes unbounded)
    "Sort the letters of banana.",
    "Put the kettle on in ascending order.",
    "Which is the second biggest value? (a) 1 (c) 2",  # options out of order
    "Which is bigger: the moon or the sun?",
    "Are you sure?",
    "compare apples and oranges",
    "What is the largest prime factor of 91?",
    "Sort 1,000, 25, 3.",  # a thousands separator: not the numbers 1 and 000
    "What is the greatest common divisor of 12 and 18?",
])
def test_look_alikes_are_not_claimed(question):
    assert comparison.match(question) is None


def test_a_sum_thousands_of_terms_deep_is_declined_not_a_crash():
    deep = "+".join(["1"] * 3000)
    for question in (f"Sort {deep}, 2.", f"Is {deep} > 2?", f"Which is the biggest value? (a) {deep} (b) 2"):
        assert comparison.match(question) is None
