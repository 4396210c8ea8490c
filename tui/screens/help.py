"""Every key binding and slash command on one screen."""
from __future__ import annotations

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ..commands import COMMANDS


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,f1", "dismiss", "Close")]

    def __init__(self, keys: list[tuple[str, str]]):
        super().__init__()
        self.keys = keys

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static("calx — keys and commands", id="help-title")
            yield Static(self._table("Key", self.keys), classes="help-table")
            yield Static(self._table("Command", [(f"/{name}", what) for name, what in COMMANDS.items()]), classes="help-table")
            yield Static("Ask math directly (2^100, 10/4, sqrt(2) to 50 digits), a word problem (the model plans),"
                         " or plot sin(x) from -pi to pi.  Esc closes.", id="help-foot")

    def _table(self, first: str, rows: list[tuple[str, str]]) -> Table:
        table = Table(box=None, expand=True, header_style="bold")
        table.add_column(first, width=12, no_wrap=True)
        table.add_column("What it does", ratio=1)
        for key, what in rows:
            table.add_row(key, what)
        return table

    def action_dismiss(self) -> None:
        self.dismiss(None)
