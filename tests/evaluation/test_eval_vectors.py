"""The grader compares a SymPy column or row Matrix with a pmatrix gold as the vectors they are."""
import pytest

from assistant.evaluation.symbolic import Unreadable, equivalent, read

GOLD = r"\begin{pmatrix} 3 \\ -2 \end{pmatrix}"


@pytest.mark.parametrize("predicted, same", [("Matrix([[3], [-2]])", True), ("Matrix([[3, -2]])", True),
                                             ("Matrix([[-2], [3]])", False), ("Matrix([[3], [2]])", False)])
def test_vectors(predicted, same):
    assert equivalent(read(GOLD), read(predicted), 0.0) is same


def test_a_square_matrix_is_compared_only_with_a_matrix_of_its_shape():
    square = read("Matrix([[1, 2], [3, 4]])")
    assert square.shape == (2, 2)
    assert equivalent(read(r"\begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}"), square, 0.0)
    assert not equivalent(read("(1, 2, 3, 4)"), square, 0.0)


def test_rows_in_brackets_are_the_matrix_calx_writes_and_a_ragged_list_is_still_not_compared():
    assert read("[[1, 2], [3, 4]]").shape == (2, 2)
    with pytest.raises(Unreadable):
        read("[[1, 2], [3]]")
