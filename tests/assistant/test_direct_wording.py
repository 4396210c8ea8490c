"""Issue 14: the wordings people type, answered directly and checked, and the wrong answers that were shown."""
import pytest

from assistant.direct import try_direct
from assistant.direct.routes import plan_for


def answered(question: str):
    a = try_direct(question)
    assert a is not None, f"not routed: {question!r}"
    assert a.error is None, a.error
    return a


# -- the wrong direct answers of the issue, each at its root --------------------------------------------------

@pytest.mark.parametrize("question, answer", [
    ("round 3.14159 to 2 decimal places", "3.14"),  # was 3.00: "round" read as round(3.14159)
    ("round 7.6/3 to 2 decimal places", "2.53"),  # was 2.67: round(7.6)/3
    ("10^30/7 to 5 digits", "1.4286e29"),  # was the 30-digit integer part
    ("1000/3 to 2 digits", "330"),  # was 333
    ("ln(e^3)", "3"),  # was log(E**3)
    ("e^(i*pi)", "-1"),  # was -1 - 2.0e-40*I
    ("cos(pi/3)", "1/2"),  # was left as written
])
def test_the_issues_wrong_answers_are_right_and_verified(question, answer):
    a = answered(question)
    assert a.answer == answer
    assert a.verified is True, a.checks


def test_a_rounded_large_value_is_never_claimed_exact():
    a = answered("10^30/7 to 5 digits")
    assert "142857142857" not in a.answer and a.decimal == "1.4286e29"


def test_exact_simplification_leaves_no_numeric_noise():
    for question in ("e^(i*pi)", "e^(i pi) + 1", "sin(pi/4)^2"):
        a = answered(question)
        assert "e-" not in a.answer and "I" not in a.answer, a.answer


@pytest.mark.parametrize("question, answer", [
    ("sqrt(3)^2 - 3", "0"),  # floating point left 1.175494e-38
    ("sqrt(2)*sqrt(8)", "4"),
    ("2^(1/2)*2^(1/2)", "2"),
    ("sqrt(-2)*sqrt(-2)", "-2"),
])
def test_irrational_roots_computed_with_are_simplified_exactly(question, answer):
    a = answered(question)
    assert a.answer == answer and a.decimal is None and a.verified is True


def test_a_lone_root_and_perfect_powers_stay_on_the_calculator():
    assert plan_for("sqrt(2)").tool == "calculator"
    assert plan_for("8^(2/3) + 1").tool == "calculator"
    assert plan_for("1/3 + sqrt(9)").tool == "calculator"


# -- rounding ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("question, answer", [
    ("2^70 / 3 rounded down", "393530540239137101141"),
    ("2^70/3 rounded up", "393530540239137101142"),
    ("7/2 rounded to the nearest integer", "4"),
    ("round -2.5 to the nearest integer", "-3"),  # halves away from zero, as by hand
    ("round 1234 to the nearest hundred", "1200"),
    ("What is 1234567 rounded to the nearest one million?", "1000000"),
    ("Round 12345 to the nearest 1000", "12000"),
    ("round 3.14159 to the nearest tenth", "3.1"),
    ("round 1.25 to the nearest 0.1", "1.3"),
    ("Round 0.00345 to four decimal places", "0.0035"),
    ("what is 1/3 rounded to 4 significant figures", "0.3333"),
    ("22/7 to 2 places", "3.14"),
    ("floor of 7/2", "3"),
    ("Round -603.76732 to zero decimal places.", "-604"),
    ("round -0.5", "-1"),
    ("what is 7 divided by 3 rounded to 2 decimal places", "2.33"),
    ("What is -9349.78359467 rounded to zero dps?", "-9350"),
])
def test_rounding_wordings(question, answer):
    a = answered(question)
    assert a.answer == answer and a.verified is True, (a.answer, a.checks)


def test_the_rounding_check_fails_a_wrong_shown_decimal():
    from assistant.direct.rounding_checks import rounded_text_check, rounded_value_check

    assert rounded_text_check("2.67", "decimals(7.6/3, 2)")[0].passed is False
    assert rounded_text_check("2.53", "decimals(7.6/3, 2)")[0].passed is True
    assert rounded_text_check("333", "N(1000/3, 2)")[0].passed is False
    assert rounded_text_check("142857142857142857142857142857", "N(10**30/7, 5)")[0].passed is False
    assert rounded_value_check(2, "round(5/2)")[0].passed is False  # a tie goes away from zero
    assert rounded_value_check(3, "floor(7/2)")[0].passed is True
    assert rounded_value_check(4, "floor(7/2)")[0].passed is False


@pytest.mark.parametrize("question, answer", [
    ("pi to 10 digits", "3.141592654"),
    ("round pi to 3 decimal places", "3.142"),
    ("e^3 to 20 decimal places", "20.08553692318766774093"),
    ("10^25*pi to 3 digits", "3.14e25"),
])
def test_an_irrational_value_to_digits_is_checked_by_mpmath(question, answer):
    a = answered(question)
    assert a.answer == answer and a.verified is True
    assert [c.name for c in a.checks] == ["mpmath agrees with the shown digits"]


def test_the_mpmath_check_refutes_cut_or_short_digits():
    from assistant.direct.irrational_digits import irrational_text_check

    assert irrational_text_check("3.141592653", "N(pi, 10)")[0].passed is False  # cut, not rounded
    assert irrational_text_check("3.14", "decimals(pi, 3)")[0].passed is False


def test_the_first_digits_of_pi_are_not_read_as_rounded_digits():
    assert plan_for("the first 10 digits of pi") is None or plan_for("the first 10 digits of pi").tool != "calculator"


# -- percentages, logarithms, roots, digit sums -------------------------------------------------------------

@pytest.mark.parametrize("question, answer", [
    ("45 is what percent of 180", "25"),
    ("what percent of 180 is 45", "25"),
    ("What percentage of 80 is 20?", "25"),
    ("increase 80 by 15%", "92"),
    ("decrease 80 by 15%", "68"),
    ("80 increased by 15 percent", "92"),
    ("percent change from 40 to 50", "25"),
    ("percentage change from 50 to 40", "-20"),
    ("percent decrease from 50 to 40", "20"),
    ("sum of the digits of 3^50", "144"),
    ("log base 5 of 625", "4"),
    ("log_5(625)", "4"),
    ("log 625 base 5", "4"),
    ("log(8) base 2", "3"),
    ("what percent is 45 of 180", "25"),
    ("cube root of -27", "-3"),
    ("square root of 144", "12"),
    ("square root of (16 + 9)", "5"),
    ("the logarithm of 1/8 to base 2", "-3"),
    ("fourth root of 1296", "6"),
    ("5th root of -32", "-2"),
    ("15% of what number is 30", "200"),
    ("30 is 15% of what number", "200"),
    ("what number is 15% of 200", "30"),
    ("how much is 20% off 80", "64"),
    ("what is 2 to the 10th power", "1024"),
    ("2 to the power 10", "1024"),
    ("the square of 12", "144"),
    ("the cube of -3", "-27"),
    ("reciprocal of 7", "1/7"),
    ("absolute value of -5", "5"),
    ("convert 3/8 to a decimal", "0.375"),
    ("3/7 as a decimal", "0.428571428571429"),
    ("sqrt(2) as a decimal", "1.41421356237310"),
    ("simplify 12/18", "2/3"),
    ("percent change between 40 and 50", "25"),
    ("what is 10% more than 50", "55"),
    ("what is 10% less than 50", "45"),
    ("log3(81)", "4"),
    ("log2(1024)", "10"),
    ("natural log of e^2", "2"),
    ("reduce the fraction 12/18 to lowest terms", "2/3"),
])
def test_everyday_wordings(question, answer):
    a = answered(question)
    assert a.answer == answer and a.verified is True, (a.answer, a.checks)


@pytest.mark.parametrize("question", [
    "percent increase from 50 to 40",  # a fall is not an increase: not guessed
    "4th root of -16",  # no real even root
    "log base 1 of 5", "log base 2 of -8",
    "log base 2 of 8 + 1", "square root of 16 + 9", "fourth root of 16 + 65",  # log(8) + 1 or log(9)?
    "what is 80 plus 15%", "80 + 15%",  # 80.15 with % as a hundredth, 92 on a pocket calculator
    "natural log of 2 + 3",  # log(2) + 3 or log(5)?
])
def test_look_alikes_that_have_no_sure_reading_are_not_answered_here(question):
    plan = plan_for(question)
    assert plan is None or plan.tool == "symbolic", plan


def test_checks_go_back_the_other_way():
    from assistant.direct.wording_checks import digit_count_check, power_back_check

    assert power_back_check(4, "log(625, 5)")[0].passed is True
    assert power_back_check(5, "log(625, 5)")[0].passed is False
    assert power_back_check(-2, "-root(32, 5)")[0].passed is True
    assert power_back_check(7, "root(1296, 4)")[0].passed is False
    assert digit_count_check(144, "digit_sum(3**50)")[0].passed is True
    assert digit_count_check(145, "digit_sum(3**50)")[0].passed is False


# -- calculus, algebra and matrices as typed ----------------------------------------------------------------

@pytest.mark.parametrize("question, call", [
    ("find dy/dx if y = x^2 e^x", "diff(x**2*E**x, x)"),
    ("dy/dx of y = sin(x)^2", "diff(sin(x)**2, x)"),
    ("derivative of t^3 sin(t) with respect to t", "diff(t**3*sin(t), t)"),
    ("second derivative of f(t) = t^4", "diff(t**4, t, 2)"),
    ("differentiate y = x^2", "diff(x**2, x)"),
    ("area under y = sqrt(x) from 0 to 4", "integrate(abs(sqrt(x)), x, 0, 4)"),
    ("area under the curve y = x^2 from x = 0 to x = 3", "integrate(abs(x**2), x, 0, 3)"),
    ("determinant of {{1,2},{3,5}}", "det([[1, 2], [3, 5]])"),
    ("inverse of {{1,2},{3,5}}", "inverse([[1, 2], [3, 5]])"),
    ("eigenvalues of {{1,2},{3,5}}", "eigenvals([[1, 2], [3, 5]])"),
    ("rank of {{1,2},{3,5}}", "rank([[1, 2], [3, 5]])"),
    ("transpose of [[1,2],[3,5]]", "transpose([[1, 2], [3, 5]])"),
    ("det({{1,2},{3,5}})", "det([[1, 2], [3, 5]])"),
    ("solve x + 2y = 8, 3x - y = 3", "solve(x + 2*y = 8, 3*x - y = 3)"),
    ("solve x + 2y = 8 and 3x - y = 3", "solve(x + 2*y = 8, 3*x - y = 3)"),
    ("limit as x approaches 0 of sin(x)/x", "limit(sin(x)/x, x, 0)"),
    ("lim x->0 sin(x)/x", "limit(sin(x)/x, x, 0)"),
    ("limit x -> 0+ of 1/x", "limit(1/x, x, 0, right)"),
    ("multiply [[1,2],[3,4]] by [[0,1],[1,0]]", "[[1, 2], [3, 4]]*[[0, 1], [1, 0]]"),
    ("multiply {{1,2},{3,4}} and {{0,1},{1,0}}", "[[1, 2], [3, 4]]*[[0, 1], [1, 0]]"),
    ("invert [[1,2],[3,4]]", "inverse([[1, 2], [3, 4]])"),
])
def test_symbolic_wordings_read_as_one_call(question, call):
    plan = plan_for(question)
    assert plan is not None and plan.tool == "symbolic" and plan.input == call, plan


@pytest.mark.parametrize("question, answer, pretty", [
    ("eigenvalues of [[5,2],[2,2]]", "1 and 6, each with multiplicity 1", None),
    ("eigenvalues of [[2,0],[0,2]]", "2, with multiplicity 2", None),
    ("eigenvalues of [[1,0,0],[0,2,0],[0,0,2]]", "1 (multiplicity 1) and 2 (multiplicity 2)", None),
    ("solve 3x - 2 < 10", "(-oo, 4)", "(-∞, 4)"),
    ("solve x^2 >= 9", "(-oo, -3] ∪ [3, oo)", None),
    ("solve x + 2y = 8, 3x - y = 3", "{x: 2, y: 3}", "x = 2, y = 3"),
    ("area under y = sqrt(x) from 0 to 4", "16/3", None),
    ("find dy/dx if y = x^2 e^x", "2*x*exp(x) + x**2*exp(x)", None),
    ("determinant of {{1,2},{3,5}}", "-1", None),
])
def test_symbolic_answers_are_written_for_people_and_verified(question, answer, pretty):
    a = answered(question)
    assert a.answer == answer and a.verified is True, (a.answer, a.checks)
    if pretty is not None:
        assert a.pretty == pretty
    assert "Interval" not in a.answer and "{6:" not in a.answer


@pytest.mark.parametrize("question", [
    "area under y = x from -1 to 1",  # crosses the axis: |f| has a kink the engine's check stumbles on
    "area under y = x^2 - 1 from 0 to 2",
    "area under y = x^2 from 3 to 1",  # bounds backwards: an "area" of -26/3 is not shown
])
def test_areas_not_read_directly(question):
    assert plan_for(question) is None


@pytest.mark.parametrize("question, call", [
    ("f'(x) if f(x) = x^3", "diff(x**3, x)"),
    ("find f''(t) where f(t) = t^4 + t", "diff(t**4 + t, t, 2)"),
    ("f'(x) if g(x) = x^3", None),  # the prime of another function than the one defined
])
def test_the_symbolic_route_reads_primes_of_the_defined_function(question, call):
    from assistant.direct.routes import symbolic

    plan = symbolic.match(question)
    assert (plan.input if plan else None) == call


@pytest.mark.parametrize("question", ["What is 70679025 to the power of 1/3, to the nearest integer?",
                                      "round 8 to the power of 1/3 to 2 decimal places"])
def test_a_power_in_words_is_never_regrouped_by_the_rounding_route(question):
    from assistant.direct.routes import rounding

    plan = rounding.match(question)
    assert plan is None or "**1/3" not in plan.input.replace(" ", ""), plan


def test_a_single_brace_list_stays_a_set_not_a_matrix():
    plan = plan_for("determinant of {{1,2},{3}}")
    assert plan is None


# -- operations named in words ------------------------------------------------------------------------------

@pytest.mark.parametrize("question, answer", [
    ("Sum 0.31 and 197.154594.", "197.464594"),
    ("Total of 2 and -39.9", "-37.9"),
    ("Multiply 1.14 and -61971.", "-70646.94"),
    ("What is -68873.178 take away -33148459?", "33079585.822"),
    ("Is 14909898 even?", "True"),
    ("What is the distance between 2896454 and -2366?", "2898820"),
    ("the distance between -5 and 3", "8"),
    ("Is -3 odd?", "True"),
    ("is 10 odd", "False"),
])
def test_operations_in_words(question, answer):
    assert answered(question).answer == answer


def test_decimal_inputs_are_checked_as_the_exact_rationals_they_write():
    a = answered("Sum 0.31 and 197.154594.")
    assert a.decimal == "197.464594" and a.verified is True


def test_parity_of_a_fraction_is_not_a_question_here():
    plan = plan_for("is 2.5 even")
    assert plan is None


def test_simplifying_surds_is_the_symbolic_engines_not_the_expression_given_back():
    a = answered("Simplify ((-1 + sqrt(684))*-3)**2 - 5.")
    assert a.answer == "6160 - 108*sqrt(19)" and a.verified is True
    assert plan_for("simplify 12/18").tool == "calculator"
