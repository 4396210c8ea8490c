"""f, g and h written against "(" around a variable are functions applied (g(x) + 1 is no product g*x, whose
derivative g was shown verified); the products people write with other letters, with numbers only inside, or
with the letter itself inside stay products."""
import pytest

from assistant import ask
from tools.parsing import BinOp, Call, parse


@pytest.mark.parametrize("text, func", [
    ("g(x) + 1", "g"), ("f(2t + 1)", "f"), ("h(u)^2", "h"), ("f(sin(x))", "f"), ("3 g(x)", "g"),
])
def test_a_function_letter_around_a_variable_is_applied(text, func):
    tree = parse(text)
    calls = [n for n in _nodes(tree) if isinstance(n, Call)]
    assert any(c.func == func for c in calls), tree


@pytest.mark.parametrize("text", ["x(x + 1)", "k(x + 1)", "y(2)", "g(2)", "h(h - 1)", "g (x + 1)", "g(pi)"])
def test_other_brackets_after_a_letter_stay_products(text):
    tree = parse(text)
    assert isinstance(tree, BinOp) and tree.op == "*", tree


def test_the_derivative_of_an_unknown_function_is_its_derivative_not_a_constant():
    answer = ask("differentiate g(x)+1")
    assert answer.route == "direct" and answer.answer == "Derivative(g(x), x)", answer.answer


def _nodes(tree):
    stack = [tree]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(node.children())
