"""The line an answer that is not verified carries: one wording for the CLI, the app and exported chats.

A green check only says that one computation agreed; whether the answer as a whole is verified is
Answer.verified, and a reader must see when it is not.
"""
from __future__ import annotations


def unverified_note(answer: str | None, verified: bool | None, route: str) -> tuple[str, bool | None] | None:
    """(line, verified) for an answer that is not verified; None for a verified answer or no answer at all."""
    if answer is None or verified is True:
        return None
    if verified is False:
        return "✗ not verified: a check failed", False
    if route == "planner":
        return "? not verified: the model chose which computations to run", None
    return "? not verified: no check could decide it", None
