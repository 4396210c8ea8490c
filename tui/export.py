"""A chat as Markdown: questions as headings, answers with their steps and checks."""
from __future__ import annotations

from .history import StoredMessage
from assistant.verdict import unverified_note

MARKS = {True: "✓", False: "✗", None: "?"}


def chat_markdown(title: str, messages: list[StoredMessage]) -> str:
    lines = [f"# {title}", ""]
    for message in messages:
        if message.role == "user":
            lines += [f"## {message.text}", ""]
        else:
            lines += _answer_lines(message)
    return "\n".join(lines).rstrip() + "\n"


def _answer_lines(message: StoredMessage) -> list[str]:
    answer = message.answer or {}
    lines = []
    if answer.get("answer") is not None:
        lines += ["```", answer.get("pretty") or answer["answer"], "```", ""]
        if answer.get("latex"):
            lines += [f"$${answer['latex']}$$", ""]
    elif message.text:
        lines += [message.text, ""]
    if answer.get("error"):
        lines += [f"*{answer['error']['type']}: {answer['error']['message']}*", ""]
    for step in answer.get("steps") or []:
        result = step.get("error") or step.get("output")
        lines.append(f"- `{step['tool']}` `{step['input']}` → `{result}`")
    for check in answer.get("checks") or []:
        detail = f" ({check['detail']})" if check.get("detail") else ""
        lines.append(f"- {MARKS[check.get('passed')]} {check['name']}{detail}")
    note = unverified_note(answer.get("answer"), answer.get("verified"), answer.get("route", "none"))
    if note is not None:
        lines.append(f"- **{note[0]}**")
    return lines + [""]
