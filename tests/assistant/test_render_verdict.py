"""The CLI says "not verified" in the same words as the app and the export, for every answer that is not."""
from __future__ import annotations

from assistant.answer import Answer, Check
from assistant.render import render_answer


def _answer(route: str, passed: bool | None) -> Answer:
    answer = Answer(question="q", answer="42", route=route, checks=[Check("some check", passed)])
    answer.settle_verified()
    return answer


def test_each_kind_of_unverified_answer_says_so_and_a_verified_one_does_not():
    assert "? not verified: the model chose which computations to run" in render_answer(_answer("planner", None))
    assert "? not verified: no check could decide it" in render_answer(_answer("direct", None))
    assert "✗ not verified: a check failed" in render_answer(_answer("direct", False))
    assert "not verified" not in render_answer(_answer("direct", True))
