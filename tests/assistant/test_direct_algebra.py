"""The algebra sentences of the direct route: solve for the unknown asked, rational roots, factor, sequences.

Examples written for this suite in the generator's wordings; each answer comes through the real router, tool
and worker, and must carry checks that ran and passed. Look-alikes the route must leave alone come last.
"""
from __future__ import annotations

import pytest

from assistant.direct import run_plan, try_direct
from assistant.direct.routes import algebra, plan_for

T = 30.0  # generous: the machine is shared; answers normally take milliseconds

CASES = [
    # linear equations, the letter i an unknown like any other
    ("Solve 7*q - 12 = 3*q + 8 for q.", "5"),
    ("Solve 0 = 13*i - 5*i + 40 for i.", "-5"),
    ("Solve -4*e + 9 = 21 for e.", "-3"),
    # systems: only the unknown asked
    ("Solve 3*a + 2*b = 12, a - b = -1 for b.", "3"),
    ("Solve 2*i - j = 4, i + j = 11 for i.", "5"),
    # polynomial equations: the distinct rational roots, increasing
    ("Let 2*w**3 - 2*w = 0. Calculate w.", "-1, 0, 1"),
    ("Find t, given that 3*t**2 - 10*t + 3 = 0.", "1/3, 3"),
    ("Determine k so that k**3 - 6*k**2 + 9*k = 0.", "0, 3"),
    ("What is m in m**2 + 14*m + 49 = 0?", "-7"),
    ("Suppose 5*y**2 - 20 = 0. What is y?", "-2, 2"),
    ("Solve i**2 - 9 = 0 for i.", "-3, 3"),
    # factoring with letters the symbolic route would read as constants
    ("Factor 2*i**2 - 8.", "2*(i - 2)*(i + 2)"),
    ("Factor e**2 + 5*e + 6.", "(e + 2)*(e + 3)"),
    # sequences
    ("What comes next: 5, 11, 17, 23?", "29"),
    ("What is next in 3, 12, 27, 48, 75?", "108"),
    ("What is the next term in -7, -2, 9, 26, 49?", "78"),
    ("What is the n'th term of 4, 7, 10, 13?", "3*n + 1"),
    ("What is the i'th term of 2, 9, 28, 65, 126?", "i**3 + 1"),
    # typed the way people type
    ("what is x if 3x - 7 = 11?", "6"),
    ("solve 2x + y = 5, x - y = 1 for y", "1"),
    ("next term of 3, 6, 9, 12", "15"),
    ("find the nth term of 3, 7, 11, 15", "4*n - 1"),
    ("what is the 10th term of 3, 7, 11, 15?", "39"),
]


@pytest.mark.parametrize("question, expected", CASES)
def test_algebra_sentences_are_answered_and_verified(question, expected):
    # the route itself, run by the router: a "Let ..." sentence reaches it after the statements route declines
    answer = run_plan(question, algebra.match(question), T)
    assert answer is not None and answer.ok, (question, answer and answer.error)
    assert answer.answer == expected
    assert answer.verified is True
    assert answer.checks and all(c.passed is True for c in answer.checks)


def test_roots_are_checked_complete_and_substituted():
    answer = try_direct("Find x, given that x**3 - 2*x**2 - x + 2 = 0.", timeout=T)
    assert answer.answer == "-1, 1, 2"
    assert {c.name for c in answer.checks} == {"roots substituted back", "no root missed"}


def test_a_system_answer_is_checked_unique():
    answer = try_direct("Solve 3*a + 2*b = 12, a - b = -1 for a.", timeout=T)
    assert answer.answer == "2"
    assert {c.name for c in answer.checks} == {"solution substituted back", "the solution is the only one"}


def test_the_letter_i_is_never_the_imaginary_unit():
    # read as the imaginary unit this has no solution at all; as a letter it is i = 2
    answer = try_direct("Solve 3*i - 6 = 0 for i.", timeout=T)
    assert answer.answer == "2" and answer.verified is True


@pytest.mark.parametrize("question", [
    "Suppose a + b = 2, 2*a + 2*b = 4. What is a?",  # many solutions: not claimed
    "Solve a + b = 2, 2*a + 2*b = 5 for a.",  # none
    "Solve x*y = 2, x + y = 3 for x.",  # not linear
    "Solve a*x + b = 0 for x.",  # more unknowns than equations
    "What comes next: 1, 2, 4, 8, 16?",  # not a polynomial pattern
    "What comes next: 1, 1, 2, 3, 5, 8?",
    "What comes next: 3, 7?",  # too short to show a pattern
    "What is the 6th term of 1, 2, 4, 8, 16?",
    "Find the next prime after 7.",
])
def test_look_alikes_are_not_claimed_by_the_algebra_route(question):
    assert algebra.match(question) is None


@pytest.mark.parametrize("question", ["solve 2x + 3 = 11", "solve x^2 - 2 = 0 for x", "Solve x**2 = 5"])
def test_general_solve_questions_stay_with_the_symbolic_route(question):
    plan = plan_for(question)
    assert plan is not None and not plan.input.startswith("solve_for(")


def test_square_roots_are_listed_and_complex_roots_declined():
    answer = try_direct("Find x, given that x**3 - 2*x = 0.", timeout=T)
    assert answer.answer == "-sqrt(2), 0, sqrt(2)" and answer.verified is True
    answer = try_direct("Find x, given that x**3 - x**2 + x - 1 = 0.", timeout=T)  # 1, and -i, i
    assert answer.answer is None and answer.error is not None  # never the real root alone
