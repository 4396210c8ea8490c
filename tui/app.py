"""calx's terminal app, and `calx chat` to open it."""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import click
import platformdirs
from textual.app import App
from textual.binding import Binding

from .config import Config, load_config
from .history import HistoryStore
from .palette import CalxCommands
from .screens.chat import ChatScreen
from .screens.help import HelpScreen
from .screens.history import HistoryScreen
from .session import ChatSession

STYLES = Path(__file__).parent / "styles"
HISTORY_PROBLEM_QUIET_S = 20.0  # the same history problem is told again only after this long


class CalxApp(App):
    TITLE = "calx"
    CSS_PATH = [STYLES / "app.tcss", STYLES / "answer.tcss", STYLES / "modals.tcss"]
    COMMANDS = App.COMMANDS | {CalxCommands}
    BINDINGS = [
        Binding("f1", "help", "Help", id="help"),
        Binding("ctrl+o", "history", "History", id="history"),
        Binding("ctrl+n", "new_chat", "New chat", id="new_chat"),
        Binding("ctrl+q", "quit", "Quit", id="quit", priority=True),
    ]

    def __init__(self, *, session: ChatSession | None = None, config: Config | None = None,
                 history: HistoryStore | None = None, config_problems: list[str] | None = None,
                 history_problems: list[str] | None = None, data_dir: Path | None = None, load_model: bool = True):
        super().__init__()
        self.config = config or Config()
        self.config_problems = list(config_problems or [])
        self.history_problems = list(history_problems or [])
        self._last_history_problem: tuple[str, float] | None = None
        self.session = session or ChatSession(self.config.model, self.config.server,
                                              tool_timeout=self.config.tool_timeout, adapter=self.config.adapter)
        self.history = history
        self.data_dir = data_dir or Path(platformdirs.user_data_dir("calx"))
        self.load_model = load_model
        self._candidate: ChatSession | None = None  # a /model being loaded; it replaces the session once ready
        self.chat_screen = ChatScreen(self.session)

    def get_default_screen(self) -> ChatScreen:
        return self.chat_screen  # the chat is the base screen: keys typed at start-up land in its input

    def on_mount(self) -> None:
        try:
            self.theme = self.config.theme
        except Exception:  # an unknown theme name: say so, keep the default
            self.config_problems.append(f"unknown theme {self.config.theme!r}; themes: {', '.join(self.available_themes)}")
        self.config_problems += self._drop_clashing_keys()
        if self.config.keys:
            self.set_keymap(self.config.keys)
        # markup=False: a problem quotes the user's own text ("[keys]", a theme named "[/]"), shown as written
        for problem in self.config_problems:
            self.notify(problem, title="config", severity="warning", timeout=10, markup=False)
        if self.history is not None:
            self.history_problems += self.history.notices
            self.history.on_problem = self.report_history_problem
        for problem in self.history_problems:
            self.report_history_problem(problem)
        if self.load_model and self.session.use_planner:
            self.run_worker(self._load_model, thread=True, group="load", exit_on_error=False)

    def report_history_problem(self, message: str) -> None:
        """Tell the user, once while the same problem lasts: a full disk fails every save, two per question."""
        now = time.monotonic()
        if self._last_history_problem is not None:
            last, when = self._last_history_problem
            if last == message and now - when < HISTORY_PROBLEM_QUIET_S:
                return
        self._last_history_problem = (message, now)
        self.notify(message, title="history", severity="error", timeout=20, markup=False)

    def _load_model(self, session: ChatSession | None = None) -> None:
        session = session or self.session
        status = session.load_model()
        self.call_from_thread(self._model_loaded, session, status)

    def _model_loaded(self, session: ChatSession, status) -> None:
        if session is self._candidate:
            self._candidate = None
            self._switch_settled(session, status)
            return
        if session is not self.session:
            return  # a /model switch replaced this one while it loaded; its news is stale
        self.chat_screen.query_one("StatusBar").status = status
        if status.state == "failed":
            self.notify(f"{status.error}. Direct math still works.", title="model unavailable", severity="error",
                        timeout=10)

    def switch_model(self, spec: str | object) -> None:
        """Load `spec` (what /model was given, or a model object) beside the working model, which keeps
        answering; the new one takes over only once it has loaded, so a wrong name or a broken file costs nothing."""
        shown = spec if isinstance(spec, str) else getattr(spec, "name", type(spec).__name__)
        try:
            candidate = ChatSession(spec, self.config.server, tool_timeout=self.config.tool_timeout,
                                    adapter=self.config.adapter)
        except Exception as exc:
            self.notify(f"/model {shown}: {type(exc).__name__}: {exc}; still using {self._model_name()}",
                        title="model not switched", severity="error", timeout=10, markup=False)
            return
        self._candidate = candidate  # a later /model supersedes this one
        self.notify(f"loading {shown}; {self._model_name()} answers until it is ready", title="model", timeout=4,
                    markup=False)
        self.run_worker(lambda: self._load_model(candidate), thread=True, group="load", exit_on_error=False)

    def _switch_settled(self, candidate: ChatSession, status) -> None:
        if status.state != "ready":
            self.notify(f"{status.error}; still using {self._model_name()}", title="model not switched",
                        severity="error", timeout=10, markup=False)
            return
        self.session = candidate
        self.chat_screen.session = candidate
        self.chat_screen.query_one("StatusBar").status = status
        self.notify(f"now using {status.name}", title="model", timeout=4, markup=False)

    def _model_name(self) -> str:
        status = self.session.status
        return {"ready": f"the current model ({status.name})", "loading": "the model still loading",
                "failed": "direct math only (the current model failed to load)",
                "off": "direct math only"}[status.state]

    def _own_bindings(self) -> list:
        """calx's own bindings, the ones [keys] may rebind."""
        from .widgets.chat_input import ChatInput

        return [*ChatInput.BINDINGS, *ChatScreen.BINDINGS, *self.BINDINGS]

    def _drop_clashing_keys(self) -> list[str]:
        """A key the user gave to an action that another action already has: keep that action's default."""
        taken: dict[str, str] = {}
        # defaults claim their keys first
        for binding in sorted(self._own_bindings(), key=lambda b: b.id in self.config.keys):
            for key in (k.strip() for k in self.config.keys.get(binding.id, binding.key).split(",")):
                if key in taken and binding.id in self.config.keys:
                    del self.config.keys[binding.id]
                    return [f"[keys] {binding.id} = {key!r} is already the key for {taken[key]}; "
                            f"{binding.id} keeps its default key"] + self._drop_clashing_keys()
                taken[key] = binding.id
        return []

    def key_bindings(self) -> list[tuple[str, str]]:
        """(key, description) of calx's own bindings, after the user's key map."""
        rows = []
        for binding in self._own_bindings():
            rows.append((self.config.keys.get(binding.id, binding.key), binding.description))
        rows.append(("ctrl+p", "Command palette"))
        return rows

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.key_bindings()))

    def action_history(self) -> None:
        if self.history is None:
            self.notify("history is off", severity="warning")
            return
        def opened(chat_id: int | None) -> None:
            if chat_id is not None:
                self.chat_screen.open_chat(chat_id)
        self.push_screen(HistoryScreen(self.history.chats()), opened)

    def action_new_chat(self) -> None:
        self.chat_screen.run_command_text("/clear")


def build_app(**overrides) -> CalxApp:
    """The app as `calx chat` runs it: config from XDG, history in the XDG data dir."""
    config, problems = load_config()
    for field in ("model", "server"):
        if overrides.get(field):
            setattr(config, field, overrides[field])
    history, history_problems = None, []
    try:
        history = HistoryStore()
    except Exception as exc:  # no usable data dir or file: chat without history, and say so
        history_problems.append(f"history is off for this session: {exc}")
    session = ChatSession(config.model, config.server, use_planner=not overrides.get("no_model"),
                          tool_timeout=config.tool_timeout, adapter=config.adapter)
    return CalxApp(session=session, config=config, history=history, config_problems=problems,
                   history_problems=history_problems)


def _keep_terminal_from_c_libraries() -> None:
    """Give Textual its own handle on the terminal and point fd 2 at a log file.

    llama.cpp (through llama-cpp-python) points fd 2 at /dev/null while it loads, and the model backend
    writes progress lines straight to fd 2; Textual draws on stderr, so either would blank or scribble
    over the screen. Textual reads sys.__stderr__ when it starts, so a duplicate taken here is untouched.
    """
    if not os.isatty(2):
        return
    terminal = os.fdopen(os.dup(2), "w", encoding="utf-8", errors="replace")
    log = Path(platformdirs.user_state_dir("calx")) / "tui-stderr.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    log_fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    os.dup2(log_fd, 2)
    os.close(log_fd)
    sys.__stderr__ = terminal  # type: ignore[misc]
    sys.stderr = terminal


@click.command(name="chat")
@click.option("-m", "--model", "model", metavar="PATH.gguf", help="A GGUF model file for the planner.")
@click.option("--server", metavar="URL", help="An OpenAI-compatible server for the planner.")
@click.option("--no-model", is_flag=True, help="Exact engines only; no model is loaded.")
def chat_command(model: str | None, server: str | None, no_model: bool) -> None:
    """Open the calx terminal app: chat, steps, rendered math, plots, history."""
    _keep_terminal_from_c_libraries()
    build_app(model=model, server=server, no_model=no_model).run()
