"""Composed questions: statements ("Let b be u(r).", "Suppose 2*r + 8 = 0.") and then a question of any family.

The statements are evaluated by the exact tools into an environment (assistant/direct/resolve.py), their results
are written into the last sentence (assistant/direct/final.py), and that sentence is read by the other routes.
The plan carries the statements' steps and checks; the answer is verified only if every one of them passed.
"""
from __future__ import annotations

import dataclasses
import re

from ..plan import RoutedCall
from ..statements import read

MAX_QUESTION_CHARS = 5_000  # composed questions are a few sentences; a long text is not read statement by statement


def match(question: str) -> RoutedCall | None:
    if len(question) > MAX_QUESTION_CHARS or not _may_open_with_statement(question):
        return None
    reading = read(question)
    if reading is None:
        return None
    from ..final import substitute
    from ..resolve import Unsure, resolve
    from . import plan_for

    try:
        env = resolve(reading.statements)
        final = substitute(reading.question, env)
    except Unsure:
        return None
    if any(c.passed is not True for p in env.prior for c in p.checks):  # the last sentence's applications too
        return None
    plan = plan_for(final.text)
    if plan is None or plan.prior or plan.relabel is not None:
        return None
    return dataclasses.replace(plan, prior=tuple(env.prior), relabel=final.relabel)


TRAILING_DEFINITION = re.compile(r"\b(?:if|where|when|given)\s+[a-zA-Z]\(\s*[a-zA-Z]\s*\)\s*=", re.I)


def _may_open_with_statement(question: str) -> bool:
    """A cheap test before any reading: plain arithmetic never pays for this route."""
    head = question.lstrip()[:12].lower()
    return head.startswith(("let ", "suppose ", "assume ", "given ", "if ", "define ", "consider ")) or (
        len(head) > 4 and head[0].isalpha() and head[1] == "(" and "=" in question) or (
        "(" in question and TRAILING_DEFINITION.search(question) is not None)
