"""\\boxed extraction and LaTeX-to-plain rewriting for MATH answers."""
from assistant.evaluation.latex import last_boxed, latex_to_plain


def test_last_boxed_matches_nested_braces():
    text = r"First \boxed{1}, finally $\boxed{\left( 3, \frac{\pi}{2} \right)}$."
    assert last_boxed(text) == r"\left( 3, \frac{\pi}{2} \right)"


def test_last_boxed_refuses_unbalanced_and_absent():
    assert last_boxed(r"\boxed{\frac{1}{2}") is None
    assert last_boxed("no box at all") is None
    assert last_boxed(r"so \boxed 5$") == "5"


def test_latex_to_plain_rewrites_fractions_roots_and_degrees():
    assert latex_to_plain(r"\frac{3\sqrt{3}}{4}") == "((3sqrt(3))/(4))"
    assert latex_to_plain(r"\dfrac12") == "((1)/(2))"
    assert latex_to_plain(r"\sqrt[3]{2}") == "root((2), (3))"
    assert latex_to_plain(r"90^\circ") == "90"
    assert latex_to_plain(r"11\sqrt2") == "11sqrt(2)"
    assert latex_to_plain(r"\text{Evelyn}") == "Evelyn"
