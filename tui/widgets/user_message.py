"""A question as the user typed it."""
from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


class UserMessage(Static):
    def __init__(self, question: str, **kwargs):
        super().__init__(Text(question), **kwargs)  # Text, not markup: "[x]" in a question is not a style
        self.question = question
