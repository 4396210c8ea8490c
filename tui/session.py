"""One chat's link to the assistant: direct math at once, the model loaded in the background.

The TUI never waits for the model to answer `2^100`: every question first goes to a planner-less
Assistant (exact engines only, milliseconds); only what that one does not understand waits for the
model, which a background thread loads as soon as the app starts.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Callable, Iterator, Literal

from assistant import Answer, AnswerEvent, Assistant, Event

ModelState = Literal["off", "loading", "ready", "failed"]


@dataclass(frozen=True)
class ModelStatus:
    state: ModelState
    name: str | None = None
    error: str | None = None
    load_s: float | None = None


class ChatSession:
    def __init__(self, model: str | object | None = None, server: str | None = None, *,
                 use_planner: bool = True, tool_timeout: float = 10.0, adapter: bool = True):
        self.use_planner = use_planner
        self.direct = Assistant(use_planner=False, tool_timeout=tool_timeout)
        self.assistant = Assistant(model=model, server=server, use_planner=use_planner, tool_timeout=tool_timeout,
                                   adapter=None if adapter else False)
        self.status = ModelStatus("loading" if use_planner else "off")
        self._settled = threading.Event()  # set when loading ended, either way
        if not use_planner:
            self._settled.set()

    def load_model(self) -> ModelStatus:
        """Blocking: build the planner and load the weights. Run it in a worker thread."""
        import time

        start = time.perf_counter()
        try:
            planner = self.assistant.planner()
            model = getattr(planner, "model", None)
            load = getattr(model, "load", None)
            if callable(load):  # GGUF backends load weights lazily; pay that now, not on the first question
                load()
            name = getattr(model, "name", None) or type(model).__name__
            self.status = ModelStatus("ready", name=name, load_s=time.perf_counter() - start)
        except Exception as exc:  # a broken model is a notification; direct math keeps working
            self.status = ModelStatus("failed", error=f"{type(exc).__name__}: {exc}")
        finally:
            self._settled.set()
        return self.status

    def stream(self, question: str, cancelled: Callable[[], bool] = lambda: False) -> Iterator[Event]:
        """Events for one question; direct math never waits for the model."""
        direct_events = list(self.direct.stream(question))
        final = direct_events[-1]
        if not (self.use_planner and _not_understood(final)):
            yield from direct_events
            return
        while not self._settled.wait(0.05):  # the planner question waits for the background load
            if cancelled():
                return
        yield from self.assistant.stream(question)

    def ask(self, question: str) -> Answer:
        """Direct math only (plots, more digits): never the model."""
        return self.direct.ask(question)


def _not_understood(event: Event) -> bool:
    return isinstance(event, AnswerEvent) and event.answer.error is not None and event.answer.error.type == "not_understood"
