"""The chat: questions in, streamed answers, tool steps and plots out; slash commands; history."""
from __future__ import annotations

import time
from pathlib import Path

from textual import work
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static
from textual.worker import Worker, WorkerState, get_current_worker

from assistant import Answer

from ..commands import COMMANDS, Command, parse_command
from ..export import chat_markdown
from ..plotting import PlotError, parse_plot, sample
from ..png import save_line_chart
from ..records import answer_from_dict
from ..session import ChatSession
from ..widgets.answer_view import AnswerView
from ..widgets.chat_input import ChatInput
from ..widgets.history_sidebar import HistorySidebar
from ..widgets.plot_view import PlotView
from ..widgets.status_bar import StatusBar
from ..widgets.user_message import UserMessage

WELCOME = "Ask calx: 2^100 · 10/4 · sqrt(2) to 50 digits · a word problem · plot sin(x) from -pi to pi"


class ChatScreen(Screen):
    AUTO_FOCUS = "#input"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel answer", id="cancel"),
        Binding("ctrl+l", "latex", "LaTeX", id="latex"),
        Binding("ctrl+t", "copy", "Copy answer", id="copy"),
        Binding("ctrl+g", "more_digits", "More digits", id="more_digits"),
        Binding("ctrl+b", "sidebar", "History sidebar", id="sidebar"),
        Binding("ctrl+r", "details", "Open/close steps", id="details"),
        # Priority: the question box would take PageUp/PageDown to move its cursor within a few lines.
        Binding("pageup", "scroll_chat('page_up')", "Scroll chat up", id="scroll_up", priority=True),
        Binding("pagedown", "scroll_chat('page_down')", "Scroll chat down", id="scroll_down", priority=True),
        Binding("ctrl+home", "scroll_chat('home')", "Scroll to the top", id="scroll_top"),
        Binding("ctrl+end", "scroll_chat('end')", "Scroll to the bottom", id="scroll_bottom"),
    ]

    def __init__(self, session: ChatSession):
        super().__init__()
        self.session = session
        self.chat_id: int | None = None
        self.last_question: str | None = None
        self._typed_elsewhere = False  # printable keys just went to the box from the screen (see on_key)

    def compose(self) -> ComposeResult:
        yield HistorySidebar(id="sidebar")
        with VerticalScroll(id="messages"):
            yield Static(WELCOME, classes="welcome")
        yield ChatInput(id="input", enter_sends=self.app.config.keys.get("send", "enter") == "enter")
        yield StatusBar(id="status")

    def on_mount(self) -> None:
        self.query_one("#messages", VerticalScroll).anchor()  # stick to the bottom unless scrolled up
        self.query_one(ChatInput).focus()
        self.query_one(StatusBar).status = self.session.status

    def on_key(self, event) -> None:
        box = self.query_one(ChatInput)
        if event.is_printable and event.character:
            # A printable key reaching the screen was not taken by the question box (which consumes its own):
            # typed during start-up before anything had focus, or with an answer focused. It is meant for the question.
            box.focus()
            box.insert(event.character)
            self._typed_elsewhere = True
            event.stop()
        elif event.key == "enter" and box.enter_sends and self._typed_elsewhere:
            # The Enter that ended those keys was read before the box had focus, so the box's binding missed it.
            box.action_send()
            event.stop()
        if not event.is_printable:
            self._typed_elsewhere = False

    def on_paste(self, event) -> None:
        # A paste with nothing focused (the app still starting) is meant for the question too.
        box = self.query_one(ChatInput)
        if self.focused is not box:
            box.focus()
            box.insert(event.text)
            event.stop()

    # -- questions -----------------------------------------------------------------------
    def on_chat_input_submitted(self, message: ChatInput.Submitted) -> None:
        command = parse_command(message.text)
        if command is not None:
            self.run_command(command)
        else:
            self.ask(message.text[1:] if message.text.startswith("//") else message.text)

    def ask(self, question: str) -> None:
        self.last_question = question
        self._remember("user", question)
        messages = self.query_one("#messages", VerticalScroll)
        messages.mount(UserMessage(question, classes="question"))
        request = parse_plot(question)
        if request is not None:
            self._plot(request, question)
            return
        for earlier in self.query(AnswerView):
            earlier.cancel()  # one answer at a time: a new question stops the one still running (no-op when done)
        view = AnswerView(question, show_timings=self.app.config.show_timings)
        messages.mount(view)
        self.query_one(StatusBar).busy = True
        self._answer(question, view)

    @work(thread=True, exclusive=True, group="answer", exit_on_error=False)
    def _answer(self, question: str, view: AnswerView) -> None:
        worker = get_current_worker()
        events = self.session.stream(question, cancelled=lambda: worker.is_cancelled)
        try:
            for event in events:
                if worker.is_cancelled:
                    break
                view.post_message(AnswerView.Streamed(event))  # post_message is thread-safe
        finally:
            events.close()  # stops the model mid-chain when cancelled

    def on_answer_view_finished(self, message: AnswerView.Finished) -> None:
        self.query_one(StatusBar).busy = False
        self._remember("assistant", message.answer.answer or "", message.answer.to_dict())
        if message.answer.error and message.answer.error.type == "model_unavailable":
            self.notify(message.answer.error.message, title="model unavailable", severity="error")

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state != WorkerState.ERROR:
            return
        error = event.worker.error
        if event.worker.group == "answer":
            self.query_one(StatusBar).busy = False
            view = self._last_view()
            if view is not None:
                view.fail(f"internal error: {error}")
        self.notify(f"{event.worker.group}: {type(error).__name__}: {error}", title="error", severity="error")

    def action_cancel(self) -> None:
        running = [w for w in self.workers if w.group == "answer" and w.is_running]
        if not running:
            return
        for worker in running:
            worker.cancel()
        view = self._last_view()
        if view is not None:
            view.cancel()
        self.query_one(StatusBar).busy = False
        self.notify("answer cancelled", timeout=2)

    # -- plots -----------------------------------------------------------------------------
    @work(thread=True, group="plot", exit_on_error=False)
    def _plot(self, request, question: str) -> None:
        try:
            data = sample(request, self.session.ask)
        except PlotError as exc:
            self.app.call_from_thread(self.notify, str(exc), title="plot", severity="warning")
            return
        self.app.call_from_thread(self._show_plot, data)

    def _show_plot(self, data) -> None:
        self.query_one("#messages", VerticalScroll).mount(PlotView(data))
        self._remember("plot", data.title)

    # -- slash commands ----------------------------------------------------------------------
    def run_command_text(self, text: str) -> None:
        self.run_command(parse_command(text))

    def run_command(self, command: Command) -> None:
        handler = getattr(self, f"_cmd_{command.name}", None)
        if handler is None:
            self.notify(f"unknown command /{command.name}; try /help ({', '.join('/' + c for c in COMMANDS)})",
                        severity="warning")
            return
        try:
            handler(command.arg)
        except Exception as exc:  # a command that fails is a notification, never a crash
            self.notify(f"/{command.name}: {type(exc).__name__}: {exc}", severity="error")

    def _cmd_help(self, arg: str) -> None:
        self.app.action_help()

    def _cmd_exit(self, arg: str) -> None:
        self.app.exit()

    def _cmd_clear(self, arg: str) -> None:
        self.action_cancel()
        self.app.session.new_conversation()  # a new chat starts with a fresh Python session
        self.chat_id = None
        messages = self.query_one("#messages", VerticalScroll)
        messages.remove_children()
        messages.mount(Static(WELCOME, classes="welcome"))

    def _cmd_regen(self, arg: str) -> None:
        if self.last_question is None:
            self.notify("nothing to ask again yet", severity="warning")
        else:
            self.ask(self.last_question)

    def _cmd_model(self, arg: str) -> None:
        if arg:
            self.app.switch_model(arg)
            return
        status = self.session.status
        detail = {"ready": f"{status.name} (loaded in {status.load_s or 0:.1f}s)", "loading": "loading…",
                  "failed": f"unavailable: {status.error}", "off": "none: direct math only"}[status.state]
        self.notify(f"model: {detail}", title="model")

    def _cmd_copy(self, arg: str) -> None:
        self.action_copy()

    def _cmd_save(self, arg: str) -> None:
        last = self._last_output()
        if last is None:
            self.notify("nothing to save yet", severity="warning")
            return
        stamp = time.strftime("%Y%m%d-%H%M%S")
        if isinstance(last, PlotView):
            path = save_line_chart(Path(arg or f"calx-plot-{stamp}.png"), last.data.xs, last.data.ys)
        else:
            path = Path(arg or f"calx-answer-{stamp}.txt")
            path.write_text(last.copy_text() + "\n", encoding="utf-8")
        self.notify(f"saved to {path.resolve()}", title="saved")

    def _cmd_export(self, arg: str) -> None:
        history = self.app.history
        if self.chat_id is None or history is None:
            self.notify("nothing to export yet", severity="warning")
            return
        path = Path(arg or f"calx-chat-{self.chat_id}.md")
        path.write_text(chat_markdown(history.title(self.chat_id), history.messages(self.chat_id)), encoding="utf-8")
        self.notify(f"chat exported to {path.resolve()}", title="exported")

    def _cmd_digits(self, arg: str) -> None:
        if arg:
            if not arg.isdigit() or not 1 <= int(arg) <= 100_000:
                self.notify("/digits takes a number from 1 to 100000", severity="warning")
                return
            self.app.config.digits = int(arg)
        self.action_more_digits(double=not arg)

    def _cmd_history(self, arg: str) -> None:
        self.app.action_history()

    # -- actions on the last answer ------------------------------------------------------------
    def action_latex(self) -> None:
        view = self._last_view(settled=True)
        if view is None:
            self.notify("no answer yet", severity="warning")
        elif view.toggle_latex():
            self.notify("raw LaTeX shown; /copy now copies it", timeout=2)

    def action_copy(self) -> None:
        view = self._last_view(settled=True)
        if view is None:
            self.notify("no answer to copy yet", severity="warning")
            return
        text = view.copy_text()
        self.app.copy_to_clipboard(text)  # OSC 52: works in most terminals, silently not in some
        fallback = self.app.data_dir / "last-copy.txt"
        fallback.parent.mkdir(parents=True, exist_ok=True)
        fallback.write_text(text + "\n", encoding="utf-8")
        self.notify(f"copied {len(text)} characters (OSC 52); also in {fallback}", title="copy")

    def action_more_digits(self, double: bool = True) -> None:
        view = self._last_view(settled=True)
        answer = view.answer if view else None
        if answer is None or not answer.decimal:
            self.notify("the last answer has no decimal value", severity="warning")
            return
        config = self.app.config
        shown = len((view.extra_digits or answer.decimal).replace("-", "").replace(".", ""))
        digits = max(config.digits, shown * 2) if double else config.digits
        self._more_digits(view, _exact_form(answer), digits)

    @work(thread=True, group="digits", exit_on_error=False)
    def _more_digits(self, view: AnswerView, expr: str, digits: int) -> None:
        answer = self.session.ask(f"N({expr}, {digits})")
        if answer.ok:
            self.app.call_from_thread(view.set_digits, answer.decimal or answer.answer)
        else:
            message = answer.error.message if answer.error else "no value"
            self.app.call_from_thread(self.notify, f"more digits: {message}", severity="warning")

    def action_details(self) -> None:
        view = self._last_view()
        opened = view.toggle_details() if view is not None else None
        if opened is None:
            self.notify("no steps to open yet", severity="warning", timeout=2)

    def action_scroll_chat(self, where: str) -> None:
        if self.focused is not None and self.focused.id != "input" and not self._in_messages(self.focused):
            raise SkipAction()  # the history sidebar's list pages through itself
        messages = self.query_one("#messages", VerticalScroll)
        if where == "end":
            messages.scroll_end(animate=False)  # back to the bottom, where the chat follows new answers again
        else:
            getattr(messages, f"scroll_{where}")(animate=False)

    def _in_messages(self, widget) -> bool:
        return any(node.id == "messages" for node in widget.ancestors)

    # -- history ---------------------------------------------------------------------------------
    def action_sidebar(self) -> None:
        sidebar = self.query_one(HistorySidebar)
        if self.app.history is None:
            self.notify("history is off", severity="warning")
            return
        sidebar.display = not sidebar.display
        if sidebar.display:
            sidebar.show_chats(self.app.history.chats())
            sidebar.query_one("OptionList").focus()
        else:
            self.query_one(ChatInput).focus()

    def on_history_sidebar_chosen(self, message: HistorySidebar.Chosen) -> None:
        self.open_chat(message.chat_id)
        self.query_one(ChatInput).focus()

    def _remember(self, role: str, text: str, answer: dict | None = None) -> None:
        history = self.app.history
        if history is None:
            return
        try:
            if self.chat_id is None:
                self.chat_id = history.new_chat(text if role == "user" else "chat")
            history.add(self.chat_id, role, text, answer)
        except Exception as exc:  # a full disk must not take the chat down
            self.app.report_history_problem(f"history not saved: {exc}")

    def open_chat(self, chat_id: int) -> None:
        history = self.app.history
        self._cmd_clear("")
        messages = self.query_one("#messages", VerticalScroll)
        for stored in history.messages(chat_id):
            if stored.role == "user":
                messages.mount(UserMessage(stored.text, classes="question"))
                self.last_question = stored.text
            elif stored.role == "plot":
                request = parse_plot(f"plot {stored.text.replace(', x from ', ' from ')}")
                if request is not None:
                    self._plot(request, stored.text)
            elif stored.answer is not None:
                view = AnswerView(stored.text, show_timings=self.app.config.show_timings)
                messages.mount(view)
                view.call_after_refresh(view.show_answer, answer_from_dict(stored.answer))
        self.chat_id = chat_id  # new questions continue the reopened chat
        self.notify(f"reopened: {history.title(chat_id)}", timeout=2)

    # -- helpers -----------------------------------------------------------------------------------
    def _last_view(self, settled: bool = False) -> AnswerView | None:
        """The answer the user is on (focused with Tab or a click), else the latest one."""
        if isinstance(self.focused, AnswerView) and (not settled or self.focused.answer is not None):
            return self.focused
        views = [v for v in self.query(AnswerView) if not settled or v.answer is not None]
        return views[-1] if views else None

    def _last_output(self) -> AnswerView | PlotView | None:
        outputs = [w for w in self.query("#messages > *") if isinstance(w, (AnswerView, PlotView))]
        outputs = [w for w in outputs if isinstance(w, PlotView) or w.answer is not None]
        return outputs[-1] if outputs else None


def _exact_form(answer: Answer) -> str:
    """The expression to re-evaluate: the exact answer, or what N(...) was applied to (read from the tool call:
    the understood line says it in words)."""
    import re

    call = answer.steps[-1].input if answer.steps else answer.understood or ""
    match = re.fullmatch(r"N\((.*),\s*\d+\)", call)
    if match:
        return match.group(1)
    return answer.answer if answer.answer != answer.decimal else call or answer.answer
