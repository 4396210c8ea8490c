"""The question box: Enter sends, Ctrl+J (which every terminal passes through) starts a new line."""
from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widgets import TextArea


class ChatInput(TextArea):
    BINDINGS = [
        Binding("enter", "send", "Send", id="send", priority=True),
        Binding("ctrl+j", "newline", "New line", id="newline", priority=True),
    ]

    @dataclass
    class Submitted(Message):
        text: str

    def __init__(self, *, enter_sends: bool = True, **kwargs):
        super().__init__(soft_wrap=True, show_line_numbers=False, tab_behavior="focus", **kwargs)
        self.enter_sends = enter_sends

    # Priority bindings run in the app's task the moment the app reads their key, but the printable keys
    # read just before it ("2^100" and Enter in one read: a paste without bracketed paste, fast typing, ssh)
    # are only queued to this widget and not inserted yet. Acting at once would send the box's previous
    # text; so both actions queue themselves behind those keys and run in the order the keys were typed.
    def action_send(self) -> None:
        self.call_later(self._send)

    def action_newline(self) -> None:
        self.call_later(self.insert, "\n")

    def _send(self) -> None:
        text = self.text.strip()
        if text:
            self.post_message(self.Submitted(text))
            self.clear()

    async def _on_key(self, event: events.Key) -> None:
        # TextArea inserts a newline for Enter itself; the send binding must win while Enter is the send key
        # (a key map may move "send" elsewhere, and then Enter is a plain newline again).
        if event.key == "enter" and self.enter_sends:
            event.prevent_default()
            return
        await super()._on_key(event)
