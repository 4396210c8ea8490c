"""The one table of symbolic operations (tools/symbolic/registry.py): every name is called once, every operation
has a check for each kind of Outcome it returns, its examples reach every one of those kinds and pass their
checks, and the parser reads every name as a call. An entry added without a check, or whose computation returns
a kind no check is written for, fails here."""
from __future__ import annotations

from functools import cache

import pytest

from tools.parsing import Call, canonical
from tools.symbolic import LETTER_OPERATIONS, read
from tools.symbolic.compute import compute
from tools.symbolic.operation import Operation
from tools.symbolic.protocol import Request
from tools.symbolic.registry import CHECKS, ENTRIES, OPERATIONS, PLAIN_CHECKS, _by_kind, _by_name

# operations whose outcomes are checked somewhere other than their entry (by name); none today: an addition here
# says where, and why the entry itself cannot hold the check
CHECKED_ELSEWHERE: frozenset[str] = frozenset()
EXAMPLES = [(entry.name, text) for entry in ENTRIES for text in entry.examples]


@cache
def _run(text: str):
    return compute(Request(read(text), 30.0))


def test_every_name_and_alias_is_called_once():
    names = [name for entry in ENTRIES for name in (entry.name, *entry.aliases)]
    assert len(names) == len(set(names)) == len(OPERATIONS)
    twice = (Operation("twice", lambda ctx, args: None, {}), Operation("twice", lambda ctx, args: None, {}))
    with pytest.raises(ValueError, match="twice"):
        _by_name(twice)
    alias = (Operation("one", lambda ctx, args: None, {}), Operation("other", lambda ctx, args: None, {}, (), ("one",)))
    with pytest.raises(ValueError, match="one"):
        _by_name(alias)


def test_two_checks_for_one_kind_of_outcome_are_refused():
    first = Operation("first", lambda ctx, args: None, {"kind": lambda outcome: []})
    second = Operation("second", lambda ctx, args: None, {"kind": lambda outcome: []})
    with pytest.raises(ValueError, match="kind"):
        _by_kind((first, second), {})
    assert set(_by_kind((first,), {})) == {"kind"}


def test_every_operation_has_a_check_and_an_example():
    for entry in ENTRIES:
        assert entry.checks or entry.name in CHECKED_ELSEWHERE, f"{entry.name} has no check"
        assert all(callable(check) for check in entry.checks.values()), entry.name
        assert entry.examples, f"{entry.name} has no example to run its check on"
    assert CHECKED_ELSEWHERE <= set(OPERATIONS)
    assert set(CHECKS) == {kind for entry in ENTRIES for kind in entry.checks} | set(PLAIN_CHECKS)


def test_the_parser_reads_every_name_as_a_call():
    # a name the parser does not know is read as a product (or refused), never reaching the operation
    assert [name for name in OPERATIONS if canonical(name) != name] == []
    assert LETTER_OPERATIONS <= set(OPERATIONS)


@pytest.mark.parametrize("name, text", EXAMPLES, ids=[text for _, text in EXAMPLES])
def test_each_example_returns_a_kind_its_entry_checks_and_passes_the_check(name, text):
    tree = read(text)
    assert isinstance(tree, Call) and OPERATIONS[tree.func] is OPERATIONS[name]
    reply = _run(text)
    assert reply.ok, reply.error_message
    assert reply.operation in OPERATIONS[name].checks, f"{text} returned {reply.operation!r}, which has no check"
    verdicts = [check["passed"] for check in reply.checks]
    assert True in verdicts and False not in verdicts, reply.checks


@pytest.mark.parametrize("entry", ENTRIES, ids=[entry.name for entry in ENTRIES])
def test_the_examples_reach_every_kind_an_entry_checks(entry):
    reached = {_run(text).operation for text in entry.examples}
    assert reached == set(entry.checks)
