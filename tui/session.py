"""One chat's link to its Assistant: direct math at once, the model loaded in the background.

The TUI never waits for the model to answer `2^100`: the Assistant answers direct math first
(exact engines only, milliseconds); only a question the direct route declines waits for the model,
which a background thread loads as soon as the app starts.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Callable, Iterator, Literal

from assistant import Answer, Assistant, Event

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
            name = self.assistant.load_model()
            self.status = ModelStatus("ready", name=name, load_s=time.perf_counter() - start)
        except Exception as exc:  # a broken model is a notification; direct math keeps working
            self.status = ModelStatus("failed", error=f"{type(exc).__name__}: {exc}")
        finally:
            self._settled.set()
        return self.status

    def stream(self, question: str, cancelled: Callable[[], bool] = lambda: False) -> Iterator[Event]:
        """Events for one question; direct math never waits for the model."""
        return self.assistant.stream(question, wait_for_model=lambda: self._model_settled(cancelled))

    def _model_settled(self, cancelled: Callable[[], bool]) -> bool:
        """Wait for the background load to end (either way); False if the question is cancelled first."""
        while not self._settled.wait(0.05):
            if cancelled():
                return False
        return True

    def ask(self, question: str) -> Answer:
        """Direct math only (plots, more digits): never the model."""
        return self.assistant.ask(question, direct_only=True)

    def new_conversation(self) -> None:
        """A new chat: the Assistant forgets what the last one left (the python gadget's variables)."""
        self.assistant.new_conversation()
