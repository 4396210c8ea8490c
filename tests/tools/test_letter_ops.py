"""The symbolic tool's letter operations (every letter a variable) and exact ordering operations, and their
checks: each check must pass on the right result and fail on a wrong one (a check that cannot fail is none)."""
from __future__ import annotations

from fractions import Fraction

import pytest
import sympy as sp

import tools
from tools.parsing import parse
from tools.symbolic import rational_poly as rp
from tools.symbolic.letter_solve_ops import Listed
from tools.symbolic.operation import Outcome
from tools.symbolic.ordering_ops import Shown
from tools.symbolic.registry import CHECKS

T = 30.0

CALLS = [
    ("solve_for(3*i - 6 = 0, i)", "2"),
    ("solve_for(e**2 - 5*e + 6 = 0, e)", "2, 3"),
    ("solve_for(4*x**3 - 4*x = 0, x)", "-1, 0, 1"),
    ("solve_for(2*a + b = 7, a - b = 2, b)", "1"),
    ("solve_for(x**3 - 2*x = 0, x)", "-sqrt(2), 0, sqrt(2)"),
    ("solve_for((x**2 - 3)**2*(x - 1) = 0, x)", "-sqrt(3), 1, sqrt(3)"),
    ("factor_letters(i**2 - 1)", "(i - 1)*(i + 1)"),
    ("expand_letters((i + 1)**2)", "i**2 + 2*i + 1"),
    ("coefficient_of((2*t + 1)**3, t, 2)", "12"),
    ("diff_letters(x**3*i + i**2, x, 2)", "6*i*x"),
    ("diff_at(x**3*i + i**2, x, 2, 1/2)", "3*i"),
    ("power_simplify((z**3/z**(1/2))**2)", "z**5"),
    ("next_term(1, 4, 9, 16)", "25"),
    ("nth_term(k, 2, 5, 10, 17)", "k**2 + 1"),
    ("term_at(100, 2, 5, 10, 17)", "10001"),
    ("kth_largest(2, 1/3, 0.3, 1/4)", "0.3"),
    ("kth_smallest(1, a = 2, b = -1, c = 0)", "b"),
    ("nearest_to(1/2, 0.4, 0.65, 1)", "0.4"),
    ("sort_descending(1/3, 0.3, 1)", "1, 1/3, 0.3"),
    ("truth_of(1/3 > 0.333)", "True"),
    ("compare_numbers(1/3, 0.333)", "1/3 > 0.333"),
]


@pytest.mark.parametrize("call, expected", CALLS)
def test_operations_answer_with_passing_checks(call, expected):
    result = tools.run("symbolic", call, timeout=T)
    assert result.ok, result.error
    assert result.extra["answer"] == expected
    checks = result.extra["checks"]
    assert checks and all(c["passed"] is True for c in checks)


@pytest.mark.parametrize("call", [
    "solve_for(x**2 + 1 = 0, x)",  # complex roots: declined, never a partial list of the real ones
    "solve_for(x**3 - 2 = 0, x)",  # an irreducible cubic
    "solve_for((x**2 + 1)*(x - 1) = 0, x)",
    "solve_for(a + b = 1, 2*a + 2*b = 2, a)",  # many solutions
    "next_term(1, 2, 4, 8, 16)",  # no polynomial pattern with a term to spare
    "kth_largest(1, 1/2, 0.5)",  # a tie
    "nearest_to(0, 1, -1)",
    "power_simplify(x*y)",
    "coefficient_of(x*y, x, 1)",
])
def test_operations_decline_what_they_cannot_answer_exactly(call):
    assert not tools.run("symbolic", call, timeout=T).ok


def _passed(checks) -> bool:
    return all(c.passed is True for c in checks)


def test_root_checks_catch_a_wrong_or_missing_root():
    node = parse("x**3 - x = 0")
    good = Outcome("solve_for", Listed((sp.Integer(-1), sp.Integer(0), sp.Integer(1))), {"nodes": [node], "var": "x"})
    assert _passed(CHECKS["solve_for"](good))
    missing = Outcome("solve_for", Listed((sp.Integer(0), sp.Integer(1))), {"nodes": [node], "var": "x"})
    assert not _passed(CHECKS["solve_for"](missing))
    wrong = Outcome("solve_for", Listed((sp.Integer(-1), sp.Integer(0), sp.Integer(2))), {"nodes": [node], "var": "x"})
    assert not _passed(CHECKS["solve_for"](wrong))


def test_root_checks_catch_a_wrong_or_missing_surd():
    node = parse("x**3 - 2*x = 0")
    check = CHECKS["solve_for"]
    root2 = sp.sqrt(2)
    good = Listed((-root2, sp.Integer(0), root2))
    assert _passed(check(Outcome("solve_for", good, {"nodes": [node], "var": "x"})))
    missing = Listed((sp.Integer(0), root2))
    assert not _passed(check(Outcome("solve_for", missing, {"nodes": [node], "var": "x"})))
    wrong = Listed((-sp.sqrt(3), sp.Integer(0), root2))
    assert not _passed(check(Outcome("solve_for", wrong, {"nodes": [node], "var": "x"})))


def test_system_check_catches_a_wrong_solution():
    nodes = [parse("a + b = 3"), parse("a - b = 1")]
    right = {"a": sp.Integer(2), "b": sp.Integer(1)}
    assert _passed(CHECKS["solve_for"](
        Outcome("solve_for", Listed((sp.Integer(2),)), {"nodes": nodes, "var": "a", "solution": right})))
    wrong = {"a": sp.Integer(3), "b": sp.Integer(0)}
    assert not _passed(CHECKS["solve_for"](
        Outcome("solve_for", Listed((sp.Integer(3),)), {"nodes": nodes, "var": "a", "solution": wrong})))


def test_rewrite_and_derivative_checks_catch_a_wrong_result():
    x, i = sp.symbols("x i")
    node = parse("(x + i)**2")
    check = CHECKS["expand_letters"]
    assert _passed(check(Outcome("expand_letters", x**2 + 2*i*x + i**2, {"node": node})))
    # the imaginary-unit reading of the same input: a different polynomial in the letter i
    assert not _passed(check(Outcome("expand_letters", x**2 + 2*i*x - 1, {"node": node})))
    inputs = {"node": parse("x**3*i"), "var": "x", "order": 2}
    assert _passed(CHECKS["diff_letters"](Outcome("diff_letters", 6*i*x, inputs)))
    assert not _passed(CHECKS["diff_letters"](Outcome("diff_letters", -6*x, inputs)))
    at = {"node": parse("x**3*i"), "var": "x", "order": 2, "point": Fraction(1, 2)}
    assert _passed(CHECKS["diff_at"](Outcome("diff_at", 3*i, at)))
    assert not _passed(CHECKS["diff_at"](Outcome("diff_at", 3*i + 1, at)))


def test_sequence_checks_catch_a_wrong_term():
    terms = [Fraction(v) for v in (1, 4, 9, 16)]
    assert _passed(CHECKS["next_term"](Outcome("next_term", sp.Integer(25), {"terms": terms})))
    assert not _passed(CHECKS["next_term"](Outcome("next_term", sp.Integer(24), {"terms": terms})))
    n = sp.Symbol("n")
    inputs = {"terms": terms, "var": "n"}
    assert _passed(CHECKS["nth_term"](Outcome("nth_term", n**2, inputs)))
    assert not _passed(CHECKS["nth_term"](Outcome("nth_term", n**2 + 1, inputs)))


def test_term_at_check_catches_a_wrong_term():
    terms = [Fraction(v) for v in (2, 5, 10, 17)]
    check = CHECKS["term_at"]
    assert _passed(check(Outcome("term_at", sp.Integer(10001), {"terms": terms, "position": 100})))
    assert not _passed(check(Outcome("term_at", sp.Integer(10000), {"terms": terms, "position": 100})))


def test_power_check_catches_a_wrong_exponent():
    inputs = {"node": parse("(z**3/z**(1/2))**2"), "var": "z"}
    z = sp.Symbol("z")
    assert _passed(CHECKS["power_simplify"](Outcome("power_simplify", z**5, inputs)))
    assert not _passed(CHECKS["power_simplify"](Outcome("power_simplify", z**6, inputs)))


def test_ordering_checks_catch_a_wrong_pick():
    items = [("a", parse("1/3")), ("b", parse("0.3")), ("c", parse("1/4"))]
    assert _passed(CHECKS["kth_largest"](
        Outcome("kth_largest", Shown("b"), {"items": items, "k": 2, "chosen": "b"})))
    assert not _passed(CHECKS["kth_largest"](
        Outcome("kth_largest", Shown("c"), {"items": items, "k": 2, "chosen": "c"})))
    assert not _passed(CHECKS["nearest_to"](
        Outcome("nearest_to", Shown("c"), {"items": items, "target": parse("0.31"), "chosen": "c"})))
    assert not _passed(CHECKS["sort_ascending"](
        Outcome("sort_ascending", Shown("a, b, c"), {"items": items, "order": ["a", "b", "c"], "descending": False})))
    relation = parse("1/3 > 0.333")
    assert not _passed(CHECKS["truth_of"](
        Outcome("truth_of", Shown("False"), {"node": relation, "holds": False})))
    wrong = parse("1/3 < 0.333")
    assert not _passed(CHECKS["compare_numbers"](
        Outcome("compare_numbers", Shown("1/3 < 0.333"), {"node": wrong, "holds": True})))


def test_rational_poly_reads_every_name_as_a_letter():
    poly = rp.from_tree(parse("(i + e)**2 - i**2"))
    assert poly == {(("e", 2),): 1, (("e", 1), ("i", 1)): 2}
    with pytest.raises(rp.NotPolynomial):
        rp.from_tree(parse("x**(1/2)"))
    with pytest.raises(rp.NotPolynomial):
        rp.from_tree(parse("1/x"))
