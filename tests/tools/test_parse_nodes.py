"""One traversal over parse nodes: each node names its own children, and a node type that no engine knows is
declined by every engine (issue 15: a new parse-node type touches the node classes and the parser only)."""
from __future__ import annotations

from dataclasses import dataclass

import pytest

import tools
from tools.parsing import BinOp, Call, Name, Neg, Num, ParseError, Postfix, Relation, Seq, parse, subtrees, to_text
from tools.parsing.walk import flatten, unflatten


@dataclass(frozen=True, slots=True)
class Interval:
    """A made-up node type, as a new one would be added: a class with children() and with_children()."""

    low: object
    high: object

    def children(self) -> tuple:
        return (self.low, self.high)

    def with_children(self, children: tuple) -> "Interval":
        return Interval(*children)


def _with_new_node():
    """x + Interval(y, -2!) with the made-up node in the middle of an ordinary tree."""
    inner = Interval(Name("y"), Neg(Postfix("!", Num(2, text="2"))))
    return BinOp("+", Name("x"), inner)


@pytest.mark.parametrize("text, children", [
    ("1 + x", (Num(1, text="1"), Name("x"))),
    ("-x", (Name("x"),)),
    ("3!", (Num(3, text="3"),)),
    ("log(x, 2)", (Name("x"), Num(2, text="2"))),
    ("x < 2", (Name("x"), Num(2, text="2"))),
    ("[1, x]", (Num(1, text="1"), Name("x"))),
    ("x", ()),
    ("7", ()),
])
def test_each_node_names_its_children_and_rebuilds_over_them(text, children):
    tree = parse(text)
    assert tree.children() == children
    assert tree.with_children(tree.children()) == tree


def test_subtrees_visits_every_node_once_in_reading_order():
    tree = parse("a + log(b, [c, -d!]) = e^2")
    names = [n.name for n in subtrees(tree) if isinstance(n, Name)]
    assert names == ["a", "b", "c", "d", "e"]
    kinds = {type(n) for n in subtrees(tree)}
    assert kinds == {Relation, BinOp, Name, Call, Seq, Neg, Postfix, Num}


def test_subtrees_and_flatten_walk_a_long_chain_without_recursion():
    tree = parse("+".join(["1"] * 5000))
    assert sum(1 for _ in subtrees(tree)) == 9999
    assert flatten(unflatten(flatten(tree))) == flatten(tree)  # == on the trees themselves would recurse


def test_a_new_node_type_is_walked_flattened_and_printed_without_touching_the_walkers():
    tree = _with_new_node()
    assert [n.name for n in subtrees(tree) if isinstance(n, Name)] == ["x", "y"]
    assert unflatten(flatten(tree)) == tree
    assert to_text(tree) == "x + Interval(y, -2!)"


def test_the_direct_route_sees_names_inside_a_new_node_type():
    from assistant.direct.routes.arithmetic import free_names

    assert free_names(_with_new_node()) == {"x", "y"}


def test_every_engine_declines_a_node_type_it_has_no_rule_for():
    """The evaluators dispatch by node type and end in their own 'unsupported': none may guess a value."""
    from assistant.direct.recompute import Unsupported, recompute
    from assistant.evaluation.symbolic import Unreadable, _Builder
    from tools.base import ToolFailure
    from tools.calculator.evaluator import Evaluator
    from tools.rewrite.terms import from_tree
    from tools.symbolic.algebra_ops import _fraction_eval
    from tools.symbolic.matrix_ops import _mp_eval
    from tools.symbolic.convert import Converter
    from tools.symbolic.fast import NotHere, fast_expand, to_symengine

    tree = _with_new_node()
    with pytest.raises(Unsupported):
        recompute(BinOp("+", Num(1), tree.right))
    with pytest.raises(Unreadable):
        _Builder().build(tree)
    with pytest.raises(ToolFailure):
        Evaluator().evaluate(tree)
    with pytest.raises(ToolFailure):
        Converter()(tree)
    with pytest.raises(ValueError):
        from_tree(tree)
    with pytest.raises(ValueError):
        _fraction_eval(tree, {"x": 1, "y": 2})
    with pytest.raises(ValueError):
        _mp_eval(tree.right)
    with pytest.raises(NotHere):
        to_symengine(tree)
    assert fast_expand(tree) is None


@pytest.mark.parametrize("text", ["divisor_count(196)", "radsimp(1/(1+sqrt(2)))", "foo(x) + 1"])
def test_an_unknown_function_is_refused_not_read_as_a_product(text):
    # read as divisor_count*196, the symbolic tool's check compared the product with itself: "verified"
    with pytest.raises(ParseError, match="unknown function"):
        parse(text)
    result = tools.run("symbolic", text)
    assert not result.ok and "unknown function" in result.output


@pytest.mark.parametrize("text", ["x(x+1)", "g(2)", "pi(r^2)", "theta(1 + t)", "ab (c)"])
def test_a_short_name_or_a_symbol_before_brackets_stays_a_product(text):
    tree = parse(text)
    assert isinstance(tree, BinOp) and tree.op == "*"
