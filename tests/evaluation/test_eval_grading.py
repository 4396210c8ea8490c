"""Graders: numbers (exact integers, tolerant decimals), expressions, option letters, and hostile predictions."""
import time

from assistant.evaluation.grading import grade
from assistant.evaluation.items import Item


def number(gold):
    return Item("0", "q", gold)


def test_integers_must_match_exactly_even_when_huge():
    assert grade(number("2939885984"), "2939885984").correct
    assert not grade(number("2939885984"), "2939885985").correct  # 3e-10 relative, still wrong


def test_dataset_forms_of_the_same_number_agree():
    assert grade(number("2,500"), "2500").correct
    assert grade(number("51.0"), "51").correct
    assert grade(number("9 (apples)"), "9").correct
    assert grade(number("3:4"), "3/4").correct
    assert grade(number("18"), "18 = around 18.0").correct


def test_decimal_golds_get_a_tolerance_integers_do_not():
    gsm_hard = number("3.3333333333333335")
    assert grade(gsm_hard, "10/3").method == "tolerance"
    assert grade(gsm_hard, "10/3").correct
    assert not grade(gsm_hard, "3.3").correct
    assert not grade(number("100"), "100.001").correct


def test_prediction_as_an_exact_expression_is_read_symbolically():
    assert grade(number("1024"), "2**10").correct
    assert grade(number("4"), "sqrt(16)").correct


def test_multi_part_gold_needs_every_part():
    item = number("15 (years old); 40 (years old)")
    assert grade(item, "15; 40").correct
    assert not grade(item, "15").correct


def test_no_answer_is_wrong():
    assert grade(number("1"), None).method == "no-answer"
    assert not grade(number("1"), "  ").correct


def expression(gold):
    return Item("0", "q", gold, "expression")


def test_symbolic_equivalence_of_math_answers():
    assert grade(expression(r"\left( 3, \frac{\pi}{2} \right)"), "(3, pi/2)").correct
    assert grade(expression(r"\frac{3\sqrt{3}}{4}"), "3*sqrt(3)/4").correct
    assert grade(expression("x=5"), "5").correct
    assert grade(expression("3, 5, 7"), "{7, 5, 3}").correct  # an unordered list
    assert not grade(expression("(6,31,-1)"), "(6, -1, 31)").correct  # an ordered tuple
    assert grade(expression("2*(u + 38)*(u + 5070)/13"), "(2*u**2 + 10216*u + 385320)/13").correct
    assert not grade(expression("p - q"), "q - p").correct
    assert grade(expression(r"\text{Evelyn}"), "Evelyn").correct


def test_hostile_predictions_are_parsed_never_run(tmp_path):
    marker = tmp_path / "pwned"
    attack = f"__import__('os').system('touch {marker}')"
    assert not grade(expression("0"), attack).correct
    assert not grade(number("0"), attack).correct
    assert not marker.exists()


def test_enormous_expressions_are_refused_quickly():
    start = time.perf_counter()
    assert grade(expression("1"), "10^10^10").method == "unreadable-prediction"
    assert not grade(expression("1"), "(10^10)!").correct
    assert not grade(expression("1"), "(" * 5000 + "1" + ")" * 5000).correct
    assert time.perf_counter() - start < 5


def choice(gold, **choices):
    return Item("0", "q", gold, "choice", choices)


def test_option_letters_in_their_usual_spellings():
    item = choice("C", A="32400", B="6000", C="9", D="60000", E="10")
    for text in ("C", "(c)", "c)", "Answer: C"):
        assert grade(item, text).correct, text
    assert not grade(item, "A").correct


def test_a_number_matching_exactly_one_option_chooses_it():
    item = choice("A", A="462 cm ²", B="530 cm ²", C="none")
    assert grade(item, "462").correct
    assert grade(item, "530").method == "option-value"
    assert not grade(item, "530").correct
    assert not grade(choice("A", A="5", B="5"), "5").correct  # ambiguous: no choice made


def test_text_answers():
    item = Item("0", "q", "True", "text")
    assert grade(item, "True").correct
    assert not grade(item, "False").correct


def test_math_column_vectors_and_escaped_currency():
    vector = expression(r"\begin{pmatrix} 1/5 \\ -18/5 \end{pmatrix}")
    assert grade(vector, "(1/5, -18/5)").correct
    assert not grade(vector, "(-18/5, 1/5)").correct
    assert grade(expression(r"\$18.90"), "18.9").correct
