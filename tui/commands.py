"""Slash commands typed in the question box."""
from __future__ import annotations

from dataclasses import dataclass

COMMANDS = {
    "help": "show keys and commands",
    "model": "show the model; /model PATH.gguf or NAME loads another and switches once it works",
    "clear": "start a new chat (the old one stays in history)",
    "regen": "ask the last question again",
    "copy": "copy the last answer (OSC 52; also saved to a file)",
    "save": "save the last answer (a plot as PNG) to a file: /save [PATH]",
    "export": "export this chat to Markdown: /export [PATH]",
    "digits": "more digits of the last decimal answer: /digits [N]",
    "history": "reopen a past chat",
    "exit": "quit calx",
}


@dataclass(frozen=True)
class Command:
    name: str
    arg: str = ""


def parse_command(text: str) -> Command | None:
    """A Command for '/name arg', None for a question. '//x' is the question '/x'."""
    if not text.startswith("/") or text.startswith("//"):
        return None
    name, _, arg = text[1:].partition(" ")
    return Command(name.strip().lower(), arg.strip())
