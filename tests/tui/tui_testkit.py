"""Helpers for the TUI tests: apps on a scripted model, slow and gated models, typing and waiting."""
from __future__ import annotations

import asyncio
import threading
import time

from assistant.models.scripted import ScriptedModel
from tui.app import CalxApp
from tui.config import Config
from tui.history import HistoryStore
from tui.session import ChatSession

CALC = '<gadget id="calculator">{}</gadget>'
WORD_CHAIN = [CALC.format("3 * 12"), CALC.format("36 - 5"), "<result>31</result>"]


class SlowModel(ScriptedModel):
    """A scripted model that takes `delay` seconds per token, like a real one on a busy CPU."""

    def __init__(self, segments, delay: float = 0.05, **kwargs):
        super().__init__(segments, **kwargs)
        self.delay = delay

    def complete(self, prompt, **kwargs):
        for piece in super().complete(prompt, **kwargs):
            time.sleep(self.delay)
            yield piece


class GatedModel(ScriptedModel):
    """A scripted model whose load() waits for the test to open the gate: a slow model load, on demand."""

    def __init__(self, segments, **kwargs):
        super().__init__(segments, **kwargs)
        self.gate = threading.Event()

    def load(self):
        self.gate.wait(30)


def make_app(tmp_path, model=None, *, history: bool = True, config: Config | None = None, **kwargs) -> CalxApp:
    model = model if model is not None else ScriptedModel(WORD_CHAIN)
    config = config or Config(show_timings=False)
    store = HistoryStore(tmp_path / "history.db") if history else None
    return CalxApp(session=ChatSession(model), config=config, history=store, data_dir=tmp_path / "data", **kwargs)


async def ask(pilot, question: str) -> None:
    box = pilot.app.screen.query_one("#input")
    box.text = question
    box.action_send()  # what Enter does; pilot.press would wait until the whole answer is done
    await pilot.pause()


async def wait_for(pilot, condition, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {condition}")
        await pilot.pause(0.02)


async def type_key(app, key: str, timeout: float = 5.0) -> float:
    """Feed one printable key the way the terminal driver does; seconds until the question box shows it."""
    from textual import events

    box = app.screen.query_one("#input")
    before = box.text
    start = time.perf_counter()
    app.post_message(events.Key(key, key))
    while box.text == before:
        if time.perf_counter() - start > timeout:
            raise AssertionError(f"key {key!r} not handled in {timeout}s")
        await asyncio.sleep(0.001)
    return time.perf_counter() - start


def burst(app, text: str) -> None:
    """Post the keys of `text` ("\r" is Enter) the way the terminal driver does for one read: all at once,
    with no pause in which the question box could take the earlier ones (pilot.press waits after each)."""
    from textual import events
    from textual.keys import _character_to_key

    for character in text:
        key = "enter" if character == "\r" else _character_to_key(character)
        app.post_message(events.Key(key, character))


def answers(app):
    from tui.widgets.answer_view import AnswerView

    return list(app.screen.query(AnswerView))


def notes(app) -> list[str]:
    return [n.message for n in app._notifications]


def plain(static) -> str:
    """A Static's content as the terminal shows it (tables included), without styles."""
    from rich.console import Console

    console = Console(width=200, record=True, file=open("/dev/null", "w"))
    console.print(static.content)
    return console.export_text()
