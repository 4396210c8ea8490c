"""Polynomial and calculus sentences of the direct route: expand, collect, a named coefficient of a stated form,
powers of one positive letter, derivatives of polynomials in letters. Examples written for this suite."""
from __future__ import annotations

import pytest

from assistant.direct import try_direct
from assistant.direct.routes import calculus, polynomials

T = 30.0

CASES = [
    ("Expand (2*i + 3)*(i - 1).", "2*i**2 + i - 3"),  # i is a letter, not the imaginary unit
    ("Expand (x - 4 + 4)*(3*x + 1) - 3*x**2.", "x"),
    ("Collect the terms in 5*b**2 - 2*b + 7*b - 3*b**2 + 1.", "2*b**2 + 5*b + 1"),
    ("Collect the terms in 12*e - 4*e - 8*e + e**3.", "e**3"),
    ("Express (3*t - 2)*(t + 4) in the form a*t**2 + b + c*t and give c.", "10"),
    ("Rearrange 6*y - 2*y**2 + 5 - 6*y to p*y**2 + q*y + r and give q.", "0"),
    ("Express 4 - (2*u + 1)*(u - 3) as z*u + m + k*u**2 and give k.", "-2"),
    ("Simplify (a**3*a/a**(1/2))**(2/7) assuming a is positive.", "a"),
    ("Simplify (q**2)**(1/3)/q**(-1/4) assuming q is positive.", "q**(11/12)"),
    ("What is the derivative of 4*r**3 - 7*r + 2 wrt r?", "12*r**2 - 7"),
    ("Find the second derivative of 3*c**4*i**2 - c*i + 9 wrt c.", "36*c**2*i**2"),
    ("What is the third derivative of 2*x**5*y - x**3 + 4*y wrt x?", "120*x**2*y - 6"),
    ("Differentiate 6*e**2*s - e*s**3 with respect to s.", "6*e**2 - 3*e*s**2"),
    ("Differentiate 5*w**2 - 3*w wrt w.", "10*w - 3"),
    # typed the way people type
    ("expand (x+2)(x-3)", "x**2 - x - 6"),
    ("expand and simplify (x+1)(x-1)", "x**2 - 1"),
    ("collect like terms 3x + 2y - x + 5y", "2*x + 7*y"),
    ("find the coefficient of x^3 in the expansion of (2x - 1)^5", "80"),
    ("derivative of x^2 y^3 with respect to y", "3*x**2*y**2"),
    ("what is the derivative of 3x^2 at x = 2", "12"),
    ("second derivative of x^4 + x*y at x = 1/2", "3"),
    ("derivative of x^3 - 2x wrt x at x = -1", "1"),
]


@pytest.mark.parametrize("question, expected", CASES)
def test_polynomial_and_calculus_sentences(question, expected):
    answer = try_direct(question, timeout=T)
    assert answer is not None and answer.ok, (question, answer and answer.error)
    assert answer.answer == expected
    assert answer.verified is True
    assert answer.checks and all(c.passed is True for c in answer.checks)


def test_a_derivative_keeps_every_other_letter():
    # the symbolic route once read i as the imaginary unit and answered -24*c**2 here
    answer = try_direct("What is the second derivative of 2*c**4*i**2 wrt c?", timeout=T)
    assert answer.answer == "24*c**2*i**2"
    assert [c.name for c in answer.checks] == ["derivative recomputed"]


@pytest.mark.parametrize("question", [
    "Express (3*t - 2)*(t + 4) in the form a*t + b and give a.",  # the t**2 term has no place in the form
    "Express 3*t + 2 in the form a*t + a and give a.",  # a name twice
    "Express 3*t + 2*s in the form a*t + b and give a.",  # another letter
    "Simplify (x*y)**2 assuming x is positive.",
    "Expand the company into new markets.",
    "Collect the terms in sin(x) + sin(x).",  # not a polynomial: the symbolic route's
    "Expand 1/2x(x + 1).",  # x/2 or 1/(2x)? not read under a guessed convention
    "What is the coefficient of friction?",
    "Expand (x + y + z + w)^60.",  # tens of thousands of terms: not multiplied out while reading
    "Expand (x + I)^2.",  # capital I is the imaginary unit: the symbolic route's
    "What is the coefficient of x in 3*x*y + x?",  # another letter: which coefficient is meant?
])
def test_look_alikes_are_not_claimed_by_the_polynomials_route(question):
    assert polynomials.match(question) is None


@pytest.mark.parametrize("question", [
    "What is the derivative of sin(x) wrt x?",  # not a polynomial: the general symbolic route's
    "Differentiate e**x with respect to x.",
    "What is the derivative of x*y?",  # two letters and no variable named
    "What is the derivative of the company's revenue?",
    "What is the derivative of x^2 at y = 2?",  # a point for a letter the polynomial does not have
    "What is the derivative of x*y at 2?",  # which letter is at 2?
])
def test_look_alikes_are_not_claimed_by_the_calculus_route(question):
    assert calculus.match(question) is None
