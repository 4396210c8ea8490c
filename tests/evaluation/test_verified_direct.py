"""Over the public benchmark files, no direct answer marked verified is wrong by the reference answer.

The direct route only (no model). CI runs a seeded subset of every file; the slow test runs every item
(the same count as `python bench/verified_direct.py`). Measuring only: nothing here feeds any rule."""
import pytest

from assistant.assistant import Assistant
from assistant.evaluation.datasets import NAMES, resolve
from assistant.evaluation.grading import grade
from assistant.evaluation.readers import read_dataset
from assistant.evaluation.runner import select

SUBSET = 400


@pytest.fixture(scope="module")
def calx():
    return Assistant(use_planner=False, tool_timeout=10)


def verified_wrong(calx, name: str, limit: int) -> tuple[int, list[str]]:
    dataset = read_dataset(resolve(name))
    items = select(dataset.items, limit, 0) if limit else dataset.items
    verified, wrong = 0, []
    for item in items:
        a = calx.ask(item.question)
        if a.route != "direct" or a.verified is not True:
            continue
        verified += 1
        if not grade(item, a.answer).correct:
            wrong.append(f"{name}:{item.id} -> {a.answer[:60]!r} (reference {item.gold[:40]!r})")
    return verified, wrong


@pytest.mark.parametrize("name", sorted(NAMES))
def test_verified_direct_answers_are_right_on_a_subset(calx, benchmarks, name):
    _, wrong = verified_wrong(calx, name, SUBSET)
    assert not wrong, wrong


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(NAMES))
def test_verified_direct_answers_are_right_on_every_item(calx, benchmarks, name):
    _, wrong = verified_wrong(calx, name, 0)
    assert not wrong, wrong
