"""The line under the chat: model state (a spinner while it loads) and the key hints that matter most."""
from __future__ import annotations

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
        text.append(" │ F1 help · Ctrl+P commands · Ctrl+O history", style="dim")
        return text
