"""Past chats down the left edge (Ctrl+B): the newest first, Enter or a click reopens one."""
from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from assistant.terminal_text import terminal_safe

from ..history import ChatSummary


class HistorySidebar(Vertical):
    @dataclass
    class Chosen(Message):
        chat_id: int

    def compose(self) -> ComposeResult:
        yield Static("History", classes="sidebar-title")
        yield OptionList(classes="sidebar-list")

    def show_chats(self, chats: list[ChatSummary]) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options([Option(Text(terminal_safe(chat.title)), id=str(chat.id)) for chat in chats] or [Option("(no chats yet)", disabled=True)])
        options.highlighted = 0 if chats else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Chosen(int(event.option.id)))
