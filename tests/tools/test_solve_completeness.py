"""A solution set is verified only when it is shown complete, and a system solved for one of its unknowns
is solved as a system (the asked unknown reported), never answered 'no solution' when it has one."""
import pytest

import tools


def checks(result):
    return {c["name"]: c["passed"] for c in result.extra.get("checks", [])}


@pytest.mark.parametrize("text, answer", [
    ("solve(3a + 2b = 12, a - b = -1, a)", "{a: 2}"),
    ("solve(7 = 2*p + q, 3*q - 1 = p + 4*q - 10, q)", "{q: 11}"),
    ("solve(u + v + w = 6, u - v = 0, w = 2*u, w)", "{w: 3}"),
])
def test_a_system_solved_for_one_unknown(text, answer):
    r = tools.run("symbolic", text)
    assert r.ok and r.output == answer, r.output
    assert checks(r) == {"solutions substituted back": True, "no solution missed": True}


def test_an_underdetermined_asked_unknown_is_an_error_not_an_answer():
    r = tools.run("symbolic", "solve(a + b + c = 1, a - b = 2, a)")
    assert not r.ok or "[]" not in r.output


@pytest.mark.parametrize("text, complete", [
    ("solve(x^2 - 7x + 10 = 0, x)", True), ("solve((x - 2)^3 = 0, x)", True), ("solve(x^4 = 16, x)", True),
    ("solve((x^2 - 4)/(x - 2) = 0, x)", True), ("solve(x^2 + y^2 = 2, x = y)", True),
    ("solve(cos(x) = 1, x)", None), ("solve(x^2 = 0, y = 3)", None),
])
def test_completeness_is_decided_only_where_solutions_are_counted(text, complete):
    r = tools.run("symbolic", text)
    assert r.ok, r.output
    assert checks(r)["no solution missed"] is complete, (r.output, checks(r))


def test_no_solution_is_verified_only_by_a_count():
    r = tools.run("symbolic", "solve(x + y = 1, x + y = 2)")
    assert r.ok and checks(r) == {"no solution missed": True}
