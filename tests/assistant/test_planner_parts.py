"""Prompt, grammar and number reading: the parts the planner is built from."""
from __future__ import annotations

from fractions import Fraction

import gmpy2
import pytest

import tools
from assistant.planner.fewshot import EXAMPLES
from assistant.planner.grammar import segment_grammar
from assistant.planner.numbers import numbers_in, show, to_fraction
from assistant.planner.prompt import build_prompt


def test_prompt_lists_every_registered_tool_and_ends_with_the_question():
    prompt = build_prompt("How many legs do 3 spiders have?")
    for spec in tools.specs():
        assert f"- {spec.name}: {spec.description}" in prompt
    assert prompt.endswith("Problem: How many legs do 3 spiders have?\n")


def test_prompt_prefix_is_shared_between_questions():
    a, b = build_prompt("first question"), build_prompt("second one")
    assert a[: a.index("Problem: first")] == b[: b.index("Problem: second")]


def test_grammar_names_every_registered_gadget():
    grammar = segment_grammar()
    for name in tools.names():
        assert f'<gadget id=\\"{name}\\">' in grammar


def test_restricted_grammar_lists_only_allowed_numbers():
    grammar = segment_grammar(allowed_numbers=["76", "98", "2"])
    num_rule = next(line for line in grammar.splitlines() if line.startswith("num ::="))
    assert num_rule == 'num ::= "76" | "98" | "2"'


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.problem[:20])
def test_fewshot_outputs_are_what_the_tool_really_returns(example):
    for call in example.calls:
        result = tools.run(call.tool, call.input)
        assert result.ok, result.output
        assert result.output == call.output


def test_numbers_in_reads_commas_and_decimals():
    assert numbers_in("He has 1,200 coins, 2.5 kg and 3 bags; 3 more.") == ["1200", "2.5", "3"]


@pytest.mark.parametrize("text,value", [
    ("42", Fraction(42)), ("-3.5", Fraction(-7, 2)), ("9/4 = around 2.25", Fraction(9, 4)),
    ("$12.", Fraction(12)), ("12 apples", Fraction(12)), ("x + 1", None), ("__import__('os')", None),
    ("-.5", Fraction(-1, 2)), ("1.5e21", None), ("2e-3 kg", None), ("5 E-mails", Fraction(5)),  # never 1.5, never 2
])
def test_to_fraction_never_evaluates(text, value):
    assert to_fraction(text) == value


def test_numbers_beyond_pythons_int_string_limit_are_read_and_shown_exactly():
    digits = "7" * 5000  # CPython's int() and str() refuse more than 4,300 digits: the planner's answer crashed
    assert show(to_fraction(digits)) == digits
    assert to_fraction(f"{digits}.25") == Fraction(int(gmpy2.mpz(digits)) * 4 + 1, 4)
    assert show(to_fraction(f"-{digits}/3")) == f"-{digits}/3"
