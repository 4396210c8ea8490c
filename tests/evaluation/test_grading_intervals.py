"""Interval answers are graded as sets of reals, exactly (own examples, not benchmark items)."""
import pytest

from assistant.evaluation.grading import grade
from assistant.evaluation.intervals import NotIntervals, read_intervals
from assistant.evaluation.items import Item


def graded(gold: str, predicted: str) -> bool:
    return grade(Item("t", "q", gold, "expression"), predicted).correct


@pytest.mark.parametrize("gold, predicted", [
    (r"\left(-\infty, 4\right) \cup \left(4, \infty\right)", r"(-\infty, 4) \cup (4, \infty)"),  # calx's form
    (r"(-\infty,4)\cup(4,\infty)", "(-oo, 4) U (4, oo)"),
    (r"(-\infty,-1)\cup(-1,\infty)", r"(-1, \infty) \cup (-\infty, -1)"),  # union order swapped
    (r"[\frac{3}{2}, 6)", "[1.5, 6)"),
    (r"\left[-\frac{7}{3}, \infty\right)", r"[-\frac{7}{3}, \infty)"),
    (r"(-\infty, \frac{3-\sqrt{13}}{2}] \cup [\frac{3+\sqrt{13}}{2}, \infty)",
     r"[\frac{3}{2}+\frac{\sqrt{13}}{2}, oo) U (-oo, \frac{3}{2}-\frac{\sqrt{13}}{2}]"),
    ("[0, 2) U [2, 5]", "[0, 5]"),  # touching pieces are one interval
    (r"(-\infty, \infty)", r"\mathbb{R}"),
    (r"\{-3\} \cup [1, 2]", "[1, 2] U {-3}"),
])
def test_same_set_matches(gold, predicted):
    assert graded(gold, predicted)


@pytest.mark.parametrize("gold, predicted", [
    (r"(-\infty,4)\cup(4,\infty)", r"(-\infty, 5) \cup (5, \infty)"),  # wrong endpoint
    (r"(-\infty,4)\cup(4,\infty)", r"(-\infty, 4] \cup (4, \infty)"),  # wrong bracket
    (r"[\frac{3}{2}, 6)", r"(\frac{3}{2}, 6)"),  # open where closed
    (r"[\frac{3}{2}, 6)", r"[\frac{3}{2}, 6]"),
    (r"[\frac{3}{2}, 6)", r"[\frac{3}{2}, 6.0001)"),  # no tolerance on endpoints
    ("(0, 2) U (2, 5)", "(0, 5)"),  # a point left out is a different set
    (r"[\sqrt{2}, \infty)", r"[\frac{141}{100}, \infty)"),
    (r"(-\infty,4)\cup(4,\infty)", r"(-\infty, 4)"),  # a piece missing
    (r"\{-3\} \cup [1, 2]", "[1, 2]"),
    (r"[1.5, 2)", "[15, 2)"),  # the text check drops dots; the interval check comes first
    ("[2, 5) U (6, 7]", "[5, 2) U (6, 7]"),  # reversed is not an interval
    ("[2, 5) U (6, 7]", "2, 5, 6, 7"),
    (r"(-\infty, 3]", r"[-\infty, 3]"),  # a closed end at infinity is malformed
])
def test_different_sets_never_match(gold, predicted):
    assert not graded(gold, predicted)
    assert not graded(predicted, gold)


def test_a_bare_pair_is_left_to_the_other_grades():
    assert graded("(1, 2)", "(1,2)")  # may be a point: read as before
    assert graded(r"\infty", "oo")
    assert graded("2, 17", "[2, 17]")  # '[a, b]' alone is also how calx writes a list (prime factors)


@pytest.mark.parametrize("text", [
    "", "(", "(1, 2, 3]", "[1, x)", "[1, 1+i)", "(-oo, 2) U", "U (1, 2]", "(1, 2] (3, 4]", "[" * 5000,
    "[1, 10^10^10)", "__import__('os')", "(-oo, 2) \\cap (3, oo)", "{oo}", "(oo, 2]", "[2, -oo)",
])
def test_hostile_or_malformed_text_is_refused(text):
    with pytest.raises(NotIntervals):
        read_intervals(text)
