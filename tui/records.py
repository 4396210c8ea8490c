"""Answer records to and from plain dicts, so saved chats come back as the same Answer objects."""
from __future__ import annotations

from dataclasses import fields

from assistant import Answer, AnswerError, Check, Step


def answer_from_dict(data: dict) -> Answer:
    known = {f.name for f in fields(Answer)}
    values = {k: v for k, v in data.items() if k in known}  # records from an older calx may lack or add fields
    values["steps"] = [Step(**s) for s in values.get("steps") or []]
    values["checks"] = [Check(**c) for c in values.get("checks") or []]
    if values.get("error"):
        values["error"] = AnswerError(**values["error"])
    return Answer(**values)
