"""The public face: Assistant.ask / Assistant.stream. Direct math first; the model plans only what is left."""
from __future__ import annotations

import threading
import time
from typing import Callable, Iterator

from tools.base import DEFAULT_TIMEOUT as DEFAULT_TOOL_TIMEOUT  # the one default (tools/base.py)

from .answer import Answer, AnswerError, AnswerEvent, Event, ToolCallEvent, ToolResultEvent, enforce_contract

MAX_QUESTION_CHARS = 100_000  # the tools take a little more: a route wraps the question in its call


class Assistant:
    """One conversation's session: the model is loaded on first need and reused for later questions."""

    def __init__(self, model: str | object | None = None, server: str | None = None, *,
                 tool_timeout: float = DEFAULT_TOOL_TIMEOUT, use_planner: bool = True, budgets=None, options=None,
                 adapter: bool | None = None):
        self.model_spec = model
        self.server = server
        self.adapter = adapter  # the planner adapter: None = on for the embedded model (CALX_ADAPTER=off turns it off)
        self.tool_timeout = tool_timeout
        self.use_planner = use_planner
        self.budgets = budgets
        self.options = options
        self._planner = None
        self._planner_lock = threading.Lock()  # threads asking at once must share one model, not load one each
        self._python = None  # this conversation's python gadget (its own sandbox), started on first use
        self._python_lock = threading.Lock()

    def ask(self, question: str, *, direct_only: bool = False) -> Answer:
        answer = None
        for event in self.stream(question, direct_only=direct_only):
            if isinstance(event, AnswerEvent):
                answer = event.answer
        assert answer is not None  # stream() always ends with an AnswerEvent
        return answer

    def stream(self, question: str, *, direct_only: bool = False,
               wait_for_model: Callable[[], bool] | None = None) -> Iterator[Event]:
        """Events: tool_call, tool_result, token (planner only), and finally one answer.

        `direct_only`: never the model (a plot's samples, more digits). `wait_for_model`: called when the
        direct route declines, before planning; it may block (the app loads the model in the background) and
        returns False to give up (the question was cancelled meanwhile).

        Every Answer leaves through enforce_contract (an answer or an error; verified only when checked), and
        no exception escapes: whatever goes wrong ends the stream with a typed error Answer."""
        answered = False
        try:
            for event in self._events(question, direct_only, wait_for_model):
                if isinstance(event, AnswerEvent):
                    event = AnswerEvent(enforce_contract(event.answer))
                    answered = True
                yield event
        except Exception as exc:  # RecursionError included: a bug must not reach the caller as a crash
            if answered:
                raise
            kind = "too_deep" if isinstance(exc, RecursionError) else "internal"
            shown = question if isinstance(question, str) else ""
            yield AnswerEvent(enforce_contract(Answer(question=shown, error=AnswerError(
                kind, f"the question could not be answered ({type(exc).__name__}: {exc})"[:500]))))

    def _events(self, question: str, direct_only: bool, wait_for_model: Callable[[], bool] | None) -> Iterator[Event]:
        if not isinstance(question, str):
            yield AnswerEvent(Answer(question="", error=AnswerError(
                "bad_input", f"the question must be a str, not {type(question).__name__}")))
            return
        if not question.strip():
            yield AnswerEvent(Answer(question=question, error=AnswerError("empty", "the question is empty")))
            return
        if len(question) > MAX_QUESTION_CHARS:
            yield AnswerEvent(Answer(question=question[:200], error=AnswerError(
                "too_large", f"the question is {len(question):,} characters; the limit is {MAX_QUESTION_CHARS:,}")))
            return
        question = question.strip()
        direct = self._direct(question)
        if direct is not None:
            for step in direct.steps:
                yield ToolCallEvent(step.tool, step.input)
                yield ToolResultEvent(step)
            yield AnswerEvent(direct)
            return
        if direct_only or not self.use_planner:
            yield AnswerEvent(_not_understood(question))
            return
        if wait_for_model is not None and not wait_for_model():
            yield AnswerEvent(Answer(question=question, error=AnswerError(
                "cancelled", "the question was cancelled while the model was loading")))
            return
        yield from self._plan(question)

    def _direct(self, question: str) -> Answer | None:
        from .direct import try_direct

        return try_direct(question, timeout=self.tool_timeout)

    def _plan(self, question: str) -> Iterator[Event]:
        start = time.perf_counter()
        try:
            planner = self.planner()
        except Exception as exc:  # a missing or broken model must not take the direct route down with it
            yield AnswerEvent(Answer(question=question, error=_model_error(exc)))
            return
        load_ms = (time.perf_counter() - start) * 1000
        for event in planner.stream(question):
            if isinstance(event, AnswerEvent) and load_ms > 1:
                event.answer.timings.setdefault("model_load_ms", round(load_ms, 3))
            yield event

    def run_tool(self, name: str, text: str, timeout: float | None = None):
        """A gadget call in this session: the python gadget is this Assistant's own sandbox (its variables
        belong to this conversation, not to every Assistant in the process); other tools are stateless."""
        import tools

        timeout = self.tool_timeout if timeout is None else timeout
        if name != "python":
            return tools.run(name, text, timeout=timeout)
        with self._python_lock:
            if self._python is None:
                from tools.python import PythonTool

                self._python = PythonTool()
        return self._python.run(text, timeout=timeout)

    def new_conversation(self) -> None:
        """Forget what the conversation left behind: the python gadget's variables go with it.

        A sandbox that never started is not started for this."""
        if self._python is not None:
            self._python.session.reset()

    def load_model(self) -> str:
        """Build the planner and load its weights now rather than on the first question; the model's name.

        Raises what resolving or loading raises (ModelError kinds), so the caller can say why."""
        model = self.planner().model
        load = getattr(model, "load", None)
        if callable(load):  # GGUF backends load lazily; a server or a scripted model has nothing to load
            load()
        return getattr(model, "name", None) or type(model).__name__

    def planner(self):
        """The planner, loading the model on first use."""
        with self._planner_lock:
            if self._planner is None:
                from .models import resolve_model
                from .planner import Planner
                from .planner.budgets import Budgets

                model = self.model_spec if _is_model(self.model_spec) else \
                    resolve_model(self.model_spec, self.server, self.adapter)
                # the session's tool timeout bounds the planner's tool calls too, unless budgets say otherwise
                budgets = self.budgets or Budgets(tool_timeout=self.tool_timeout)
                kwargs = {"options": self.options} if self.options is not None else {}
                self._planner = Planner(model, budgets=budgets, run_tool=self.run_tool, **kwargs)
            return self._planner


def _is_model(obj) -> bool:
    return obj is not None and not isinstance(obj, str) and hasattr(obj, "complete")


def _model_error(exc: Exception) -> AnswerError:
    """ModelError subclasses carry their Answer.error type; anything else from resolving a model is a bug, said so."""
    from .models.errors import ModelError

    if isinstance(exc, ModelError):
        return AnswerError(exc.kind, str(exc))
    return AnswerError("model_unavailable", f"the model could not be set up ({type(exc).__name__}: {exc})")


def _not_understood(question: str) -> Answer:
    return Answer(question=question, error=AnswerError(
        "not_understood", "this does not read as a direct math question, and the planner is off"))


_default: Assistant | None = None


def ask(question: str) -> Answer:
    """Module-level convenience: one default session, created on first use."""
    global _default
    if _default is None:
        _default = Assistant()
    return _default.ask(question)
