"""A matrix answer is written as its rows in brackets ([[-2, 1], [3/2, -1/2]]), as people type one and as calx
reads one back, never as SymPy's Matrix([...]); the terminal keeps its 2-D layout, and the grader reads both."""
import pytest

import tools
from assistant import ask
from assistant.evaluation.grading import grade
from assistant.evaluation.items import Item
from tools.parsing import Seq, parse


@pytest.mark.parametrize("question, answer", [
    ("inverse of [[1,2],[3,4]]", "[[-2, 1], [3/2, -1/2]]"),
    ("[[1,2],[3,4]] * [[5,6],[7,8]]", "[[19, 22], [43, 50]]"),
    ("transpose of [[1,2,3],[4,5,6]]", "[[1, 4], [2, 5], [3, 6]]"),
])
def test_a_matrix_answer_is_its_rows_in_brackets(question, answer):
    a = ask(question)
    assert a.answer == answer and a.verified is True, (a.answer, a.checks)
    assert "Matrix" not in a.answer and "\n" in a.pretty  # the terminal's 2-D form stays
    assert isinstance(parse(a.answer), Seq)  # and calx reads its own answer back as a matrix


def test_a_matrix_result_feeds_the_next_call():
    first = tools.run("symbolic", "inverse([[1, 2], [3, 4]])").output
    assert tools.run("symbolic", f"det({first})").output.startswith("-1/2")


@pytest.mark.parametrize("predicted", ["[[5/13, -1/13], [2/13, 3/13]]", "Matrix([[5/13, -1/13], [2/13, 3/13]])"])
def test_the_grader_reads_rows_in_brackets_as_a_matrix(predicted):
    gold = Item("0", "q", r"\begin{pmatrix} 5/13 & -1/13 \\ \frac{2}{13} & \frac{3}{13} \end{pmatrix}", "expression")
    assert grade(gold, predicted).correct
    assert not grade(gold, "[[5/13, 2/13], [-1/13, 3/13]]").correct


def test_the_grader_reads_a_column_in_brackets_as_a_vector():
    gold = Item("0", "q", r"\begin{pmatrix} -3 \\ 4 \end{pmatrix}", "expression")
    assert grade(gold, "[[-3], [4]]").correct and not grade(gold, "[[4], [-3]]").correct
