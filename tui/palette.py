"""Ctrl+P: every slash command and every past chat, fuzzy-searchable."""
from __future__ import annotations

from functools import partial

from textual.command import Hit, Hits, Provider

from .commands import COMMANDS


class CalxCommands(Provider):
    def _entries(self):
        screen = self.app.chat_screen
        for name, what in COMMANDS.items():
            yield f"/{name}", what, partial(screen.run_command_text, f"/{name}")
        yield "Toggle LaTeX of the last answer", "show the raw LaTeX (copy copies it)", screen.action_latex
        yield "More digits", "the last decimal answer with more digits", screen.action_more_digits
        for chat in self.app.history.chats(50) if self.app.history else []:
            yield f"Open chat: {chat.title}", f"{chat.messages} messages", partial(screen.open_chat, chat.id)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self._entries():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, help=help_text)

    async def discover(self) -> Hits:
        for title, help_text, callback in self._entries():
            yield Hit(1.0, title, callback, help=help_text)
