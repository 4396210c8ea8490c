"""Pick a past chat to reopen."""
from __future__ import annotations

import time

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from assistant.terminal_text import terminal_safe

from ..history import ChatSummary


class HistoryScreen(ModalScreen[int | None]):
    BINDINGS = [Binding("escape", "dismiss_none", "Close")]

    def __init__(self, chats: list[ChatSummary]):
        super().__init__()
        self.chats = chats

    def compose(self) -> ComposeResult:
        with Vertical(id="history-box"):
            yield Static("Past chats (Enter opens, Esc closes)", id="history-title")
            # Text, not markup, and terminal-safe: a title is the user's question, "[x]" or an escape in it is text.
            options = [Option(Text(terminal_safe(f"{time.strftime('%Y-%m-%d %H:%M', time.localtime(c.updated))}  "
                                                 f"{c.title}  ({c.messages} messages)")), id=str(c.id)) for c in self.chats]
            yield OptionList(*options) if options else Static("No saved chats yet.")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id))

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
