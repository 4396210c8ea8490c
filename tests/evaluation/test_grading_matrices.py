"""MATH answers that are matrices (a pmatrix with '&'): graded entry by entry, and only against the same shape."""
from assistant.evaluation.grading import grade
from assistant.evaluation.items import Item


def expression(gold: str) -> Item:
    return Item("0", "q", gold, "expression")


def test_a_matrix_is_graded_entry_by_entry():
    inverse = expression(r"\begin{pmatrix} 5/13 & -1/13 \\ \frac{2}{13} & \frac{3}{13} \end{pmatrix}")
    assert grade(inverse, "Matrix([[5/13, -1/13], [2/13, 3/13]])").correct
    assert not grade(inverse, "Matrix([[5/13, 2/13], [-1/13, 3/13]])").correct  # the transpose
    assert not grade(inverse, "Matrix([[5/13, -1/13], [2/13, 4/13]])").correct


def test_a_matrix_matches_only_its_own_shape():
    square = expression(r"\begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}")
    assert not grade(square, "(1, 2, 3, 4)").correct
    assert not grade(square, "Matrix([[1, 2, 3, 4]])").correct
    wide = expression(r"\begin{pmatrix} 1 & 2 & 3 \\ 4 & 5 & 6 \end{pmatrix}")
    assert not grade(wide, "Matrix([[1, 2], [3, 4], [5, 6]])").correct
    assert grade(wide, "Matrix([[1, 2, 3], [4, 5, 6]])").correct


def test_vectors_read_as_before():
    column = expression(r"\begin{pmatrix} -3 \\ 4 \end{pmatrix}")
    assert grade(column, "Matrix([[-3], [4]])").correct
    assert grade(column, "(-3, 4)").correct
    assert not grade(column, "(4, -3)").correct


def test_a_ragged_matrix_is_not_read():
    ragged = expression(r"\begin{pmatrix} 1 & 2 \\ 3 \end{pmatrix}")
    assert not grade(ragged, "Matrix([[1, 2], [3, 0]])").correct
