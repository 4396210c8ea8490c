"""The rewrite gadget and its API: rules as data, AC matching, composable strategies, explicit limits."""
from __future__ import annotations

import time

import pytest

import tools
from tools.rewrite import (Chain, Fixpoint, IfElse, Limits, PassThrough, Postwalk, Prewalk, RestartedChain,
                           load_rules, parse_rule, read_term, rewrite, rule_set, to_text)
from tools.rewrite.rules import RuleError


def rw(text: str) -> str:
    result = tools.run("rewrite", text)
    assert result.ok, result.output
    return result.output


@pytest.mark.parametrize("text, expected", [
    ("sin(x)^2 + cos(x)^2", "1"),
    ("cos(y)^2 + sin(y)^2 + z", "z + 1"),          # the rule matches inside a longer sum, in any order
    ("3 sin(t)^2 + 3 cos(t)^2", "3"),
    ("exp(log(y)) + 2y", "3*y"),
    ("log(exp(a + b))", "a + b"),
    ("x * x^2 * x^3", "x**6"),
    ("2 sin(x) cos(x)", "sin(2*x)"),
    ("sin(-x) + cos(-x)", "cos(x) - sin(x)"),
    ("(1 - cos(t)^2)/sin(t)^2", "1"),
    ("x - x + 0", "0"),
    ("cosh(u)^2 - sinh(u)^2", "1"),
    ("simplify(tan(x) cos(x))", "sin(x)"),
])
def test_builtin_identities(text, expected):
    assert rw(text) == expected


def test_results_are_checked_at_random_points():
    result = tools.run("rewrite", "sin(x)^2 + cos(x)^2 + x")
    assert result.extra["checks"][0]["passed"] is True
    # a wrong user rule is applied as asked, and the check says the result is not the input
    wrong = tools.run("rewrite", "sin(x) + 1; sin(~x) => cos(~x)")
    assert wrong.output == "cos(x) + 1"
    assert wrong.extra["checks"][0]["passed"] is False


def test_user_rules_segments_and_predicates():
    assert rw("f(a + b); f(~x + ~y) => f(~x) + f(~y)") == "f(a) + f(b)"
    assert rw("g(1, 2, 3); g(~~xs) => h(~~xs)") == "h(1, 2, 3)"
    assert rw("f(x^4) + f(x^3); f(~x^~n::even) => g(~x)") == "f(x**3) + g(x)"
    assert rw("f(2) + f(y); f(~n::number) => ~n^2") == "f(y) + 4"


def test_rule_sets_can_be_chosen():
    assert rw("exp(log(x)) + sin(x)^2 + cos(x)^2; using trig") == "exp(log(x)) + 1"
    assert set(map(str, rule_set("exp"))) & {"exp(log(~x)) => ~x"}


def test_rules_file_api(tmp_path):
    path = tmp_path / "mine.rules"
    path.write_text("# my rules\nsq(~x) => ~x^2\nsq(~x)^(1/2) => abs(~x)\n\n")
    rules = load_rules(path)
    assert len(rules) == 2
    assert to_text(rewrite("sq(a) + sq(b)", rules).after) == "a**2 + b**2"


def test_strategies_compose():
    double = parse_rule("d(~x) => ~x + ~x")
    inc = parse_rule("s(~x) => ~x + 1")
    assert to_text(rewrite("d(d(y))", strategy=Postwalk(double)).after) == "4*y" or \
        to_text(rewrite("d(d(y))", strategy=Postwalk(double)).after) == "y + y + y + y"
    # Prewalk rewrites the outer call first, then walks into the result
    assert to_text(rewrite("s(s(0))", strategy=Prewalk(inc)).after) == "2"
    # Chain applies each rule once in order; RestartedChain starts over after each success
    a_to_b, b_to_c = parse_rule("a => b"), parse_rule("b => c")
    assert to_text(rewrite("a", strategy=Chain([b_to_c, a_to_b])).after) == "b"
    assert to_text(rewrite("a", strategy=RestartedChain([b_to_c, a_to_b])).after) == "c"
    assert to_text(rewrite("a", strategy=Fixpoint(Chain([b_to_c, a_to_b]))).after) == "c"
    is_sum = lambda t: getattr(t, "head", "") == "+"  # noqa: E731
    assert to_text(rewrite("p + q", strategy=IfElse(is_sum, parse_rule("~x + ~y => 0"), a_to_b)).after) == "0"
    assert to_text(rewrite("z", strategy=PassThrough(a_to_b)).after) == "z"


def test_limits_stop_runaway_rules():
    start = time.monotonic()
    result = rewrite("f(x)", [parse_rule("f(~x) => f(~x + 1)")], limits=Limits(max_steps=50, seconds=5))
    assert result.stopped and "50" in result.stopped
    assert time.monotonic() - start < 5
    grow = rewrite("f(x)", [parse_rule("f(~x) => f(~x) * f(~x)")], limits=Limits(max_size=500, seconds=5))
    assert grow.stopped and "500" in grow.stopped
    timed = rewrite("f(x)", [parse_rule("f(~x) => f(~x + 1)")], limits=Limits(max_steps=10**9, seconds=0.2))
    assert timed.stopped and "time" in timed.stopped
    out = tools.run("rewrite", "f(x); f(~x) => f(f(~x))", timeout=1)
    assert out.ok and out.extra["checks"][-1]["name"] == "rewriting finished"


@pytest.mark.parametrize("bad, error_type", [
    ("x; ~x => 1", "parse"),
    ("x; f(~x) => ~y", "parse"),
    ("x; sin(~x) =>", "parse"),
    ("x; ~x::nonsense + 1 => 2", "parse"),
    ("x; using nosuchset", "parse"),
    ("__import__('os')", "parse"),
    ("sin(" * 5000 + "x" + ")" * 5000, "too_deep"),
])
def test_bad_input_is_a_typed_error(bad, error_type):
    result = tools.run("rewrite", bad)
    assert not result.ok and result.error.type == error_type, result.output


def test_rewrite_does_not_import_sympy():
    import subprocess
    import sys

    code = "import sys, tools; r = tools.run('rewrite', 'sin(x)^2 + cos(x)^2'); print(r.output, 'sympy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.split() == ["1", "False"], out.stderr


def test_read_term_is_canonical_for_ac():
    assert read_term("a + b") == read_term("b + a")
    assert read_term("x*y*z") == read_term("z*(y*x)")


@pytest.mark.parametrize("text", ["sin(x^10^10)", "cos(2^(10^9)) + x", "sin(10^10^10)", "tan(x^(10^8)) * 0 + 1"])
def test_the_numeric_check_stays_bounded_on_huge_trig_arguments(text):
    """sin(2^k) reduces its argument modulo pi to k bits: the check once computed pi to 10^10 bits (a hang)."""
    start = time.monotonic()
    result = tools.run("rewrite", text, timeout=1.0)
    assert time.monotonic() - start < 10
    assert result.ok, result.output
    identity = result.extra["checks"][0]
    assert identity["name"] == "identity at random points" and identity["passed"] in (True, None)
