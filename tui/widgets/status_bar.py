"""The line under the chat: model state (a spinner while it loads) and the key hints that matter most."""
from __future__ import annotations

import re

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from ..session import ModelStatus

SPINNER = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"


class StatusBar(Static):
    status: reactive[ModelStatus] = reactive(ModelStatus("off"), always_update=True)
    busy: reactive[bool] = reactive(False)
    _frame = 0

    def on_mount(self) -> None:
        self.set_interval(0.12, self._tick)

    def _tick(self) -> None:
        if self.status.state == "loading" or self.busy:
            self._frame += 1
            self.refresh()

    def render(self) -> Text:
        spin = SPINNER[self._frame % len(SPINNER)]
        status = self.status
        text = Text()
        if status.state == "loading":
            text.append(f"{spin} loading model… ", style="bold yellow")
            text.append("direct math works now", style="dim")
        elif status.state == "ready":
            text.append(f"● model {status.name}", style="green")
        elif status.state == "failed":
            text.append("✗ model unavailable", style="bold red")
            text.append(" (direct math only)", style="dim")
        else:
            text.append("○ no model (direct math only)", style="dim")
        if self.busy:
            text.append(f" │ {spin} answering… Esc cancels", style="bold")
        hints = [("help", "f1", "help"), (None, "ctrl+p", "commands"), ("history", "ctrl+o", "history"),
                 ("details", "ctrl+r", "steps"), ("scroll_up", "pageup", None), ("scroll_down", "pagedown", "scroll")]
        text.append(" │ " + _hint_text(hints, getattr(self.app, "config", None)), style="dim")
        return text


KEY_NAMES = {"pageup": "PgUp", "pagedown": "PgDn", "ctrl": "Ctrl", "shift": "Shift", "alt": "Alt", "home": "Home",
             "end": "End", "escape": "Esc", "enter": "Enter"}


def _hint_text(hints, config) -> str:
    """'F1 help · Ctrl+P commands · …', with the user's own keys where [keys] moved an action."""
    keys = config.keys if config is not None else {}
    parts, pending = [], []
    for binding_id, default, what in hints:
        pending.append(key_label(keys.get(binding_id, default)))
        if what is not None:  # a hint without a name joins the next one: "PgUp/PgDn scroll"
            parts.append(f"{'/'.join(pending)} {what}")
            pending = []
    return " · ".join(parts)


def key_label(key: str) -> str:
    """How a key is written for people: "ctrl+r" as Ctrl+R, "pageup" as PgUp (the first of several keys)."""
    first = key.split(",")[0].strip()
    return "+".join(KEY_NAMES.get(part, part.upper() if len(part) == 1 or re.fullmatch(r"f\d+", part)
                                  else part.capitalize()) for part in first.split("+"))
