"""One answer as it arrives: model tokens (LaTeX rendered), a block per tool call, then the result.

The result is the tools' own rendering (Answer.pretty, SymPy's Unicode pretty printer when the symbolic
engine made it); the raw LaTeX is one keypress away, and so is a decimal with more digits.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Collapsible, Static

from assistant import Answer, AnswerEvent, Event, TokenEvent, ToolCallEvent, ToolResultEvent
from assistant.terminal_text import terminal_safe

from ..mathtext import render_text
from assistant.verdict import unverified_note
from .step_block import StepBlock

MARKS = {True: ("✓", "green"), False: ("✗", "red"), None: ("?", "yellow")}
CANCELLED = Text("⏹ cancelled", style="bold yellow")
MAX_SHOWN = 20_000  # characters of a huge exact answer shown; copy/save have it all


class AnswerView(Vertical):
    can_focus = True

    @dataclass
    class Streamed(Message):
        """An assistant event, posted from the worker thread."""
        event: Event

    @dataclass
    class Finished(Message):
        view: "AnswerView"
        answer: Answer

    def __init__(self, question: str, *, show_timings: bool = True, **kwargs):
        super().__init__(classes="answer", **kwargs)
        self.question = question
        self.show_timings = show_timings
        self.answer: Answer | None = None
        self.tokens: list[str] = []
        self.state = "running"  # running | done | cancelled
        self.show_latex = False
        self.extra_digits: str | None = None
        self._open_steps: list[StepBlock] = []
        self._form_shown: str | None = None  # the form of the answer on screen: pretty, or one line

    def compose(self) -> ComposeResult:
        yield Static("", classes="thinking")
        yield Vertical(classes="steps")
        yield Static(CANCELLED if self.state == "cancelled" else "", classes="result")
        yield Static("", classes="latex")
        yield Static("", classes="checks")

    # -- streaming ---------------------------------------------------------------------
    def on_answer_view_streamed(self, message: Streamed) -> None:
        message.stop()
        if self.state != "running":
            return  # a cancelled answer ignores what its thread still sends
        event = message.event
        if isinstance(event, TokenEvent):
            self.tokens.append(event.text)
            self.query_one(".thinking", Static).update(Text(terminal_safe(render_text("".join(self.tokens))), style="dim"))
        elif isinstance(event, ToolCallEvent):
            block = StepBlock(event.tool, event.input, show_timings=self.show_timings)
            self._open_steps.append(block)
            self.query_one(".steps", Vertical).mount(block)
        elif isinstance(event, ToolResultEvent):
            if self._open_steps:
                self._open_steps.pop(0).finish(event.step)
        elif isinstance(event, AnswerEvent):
            self.show_answer(event.answer)
            self.post_message(self.Finished(self, event.answer))

    def cancel(self) -> None:
        if self.state == "running":
            self.state = "cancelled"
            # A question sent right after this one (two lines pasted at once) may cancel it before it composed
            # its parts; then compose shows the mark.
            for result in self.query(".result").results(Static):
                result.update(CANCELLED)
            self.add_class("cancelled")

    def fail(self, message: str) -> None:
        self.state = "done"
        self.query_one(".result", Static).update(Text(terminal_safe(f"✗ {message}"), style="bold red"))

    # -- the settled answer ------------------------------------------------------------
    def show_answer(self, answer: Answer) -> None:
        self.state, self.answer = "done", answer
        if not self.tokens and answer.steps and not self.query(StepBlock):
            for step in answer.steps:  # a reopened chat: no live events, rebuild the blocks
                block = StepBlock(step.tool, step.input, show_timings=self.show_timings)
                self.query_one(".steps", Vertical).mount(block)
                block.finish(step)
        if answer.chain:
            # The markup lives in the chain block below; what stays in view is the model's prose, math rendered.
            prose = _prose(answer.chain)
            thinking = self.query_one(".thinking", Static)
            thinking.update(Text(terminal_safe(render_text(prose)), style="dim"))
            thinking.display = bool(prose)
            chain = Collapsible(Static(Text(terminal_safe(answer.chain)), classes="chain-text"), title="Calc-X chain",
                                collapsed=True, classes="chain")
            self.mount(chain, after=self.query_one(".steps"))
        self.query_one(".result", Static).update(self._result_text())
        self.query_one(".checks", Static).update(self._checks_text())
        self._show_latex()

    def _result_text(self) -> Text:
        answer = self.answer
        text = Text()
        if answer.understood and answer.understood != answer.question:
            text.append(terminal_safe(f"{answer.understood}\n"), style="dim")
        if answer.answer is not None:
            shown = self._form_shown = self._shown_form()
            if len(shown) > MAX_SHOWN:
                shown = f"{shown[:MAX_SHOWN // 2]}…({len(shown) - MAX_SHOWN:,} characters omitted; /copy or /save has all)…{shown[-MAX_SHOWN // 2:]}"
            text.append(terminal_safe(shown if "\n" in shown else f"= {shown}"), style="bold")
            decimal = self.extra_digits or answer.decimal
            if decimal and decimal != answer.answer and decimal not in shown:
                text.append(terminal_safe(f"\n≈ {decimal}"))
        if answer.error is not None:
            if text:
                text.append("\n")
            text.append(terminal_safe(f"✗ {answer.error.type}: {answer.error.message}"), style="red")
        return text

    def _shown_form(self) -> str:
        """The multi-line pretty form where it fits the width, else the one-line answer (which may wrap,
        but stays readable, where a cut or wrapped 2-D rendering does not)."""
        answer = self.answer
        pretty = answer.pretty
        if not pretty or "\n" not in pretty:
            return pretty or answer.answer
        width = self.query_one(".result", Static).content_size.width
        too_wide = width > 0 and max(cell_len(line) for line in pretty.split("\n")) > width
        return answer.answer if too_wide or len(pretty) > MAX_SHOWN else pretty

    def on_resize(self) -> None:
        # A narrower or wider terminal may change which form fits; only the width matters, and a height
        # change (this view growing as steps open) must not re-render the result.
        if self.answer is not None and self._shown_form() != self._form_shown:
            self.query_one(".result", Static).update(self._result_text())

    def _checks_text(self) -> Text:
        text = Text()
        for check in self.answer.checks:
            mark, color = MARKS[check.passed]
            detail = f" ({check.detail})" if check.detail else ""
            text.append(terminal_safe(f"{mark} {check.name}{detail}\n"), style=color)
        note = unverified_note(self.answer.answer, self.answer.verified, self.answer.route)
        if note is not None:
            line, verdict = note
            text.append(f"{line}\n", style=f"bold {MARKS[verdict][1]}")
        meta = [self.answer.route]
        if self.answer.model:
            meta.append(self.answer.model)
        if self.show_timings and self.answer.timings.get("total_ms"):
            meta.append(f"{self.answer.timings['total_ms']:.0f} ms")
        text.append(terminal_safe(" · ".join(meta)), style="dim")
        return text

    # -- actions on this answer --------------------------------------------------------
    def toggle_latex(self) -> bool:
        self.show_latex = not self.show_latex
        self._show_latex()
        return self.show_latex

    def _show_latex(self) -> None:
        latex = self.query_one(".latex", Static)
        raw = self.answer.latex if self.answer else None
        latex.display = self.show_latex
        latex.update(Text(terminal_safe(f"LaTeX: {raw}" if raw else "LaTeX: (none for this answer)"), style="cyan"))

    def toggle_details(self) -> bool | None:
        """Open every tool step and the chain if any is closed, else close them all; None when there are none."""
        blocks = list(self.query(Collapsible))
        if not blocks:
            return None
        opening = any(block.collapsed for block in blocks)
        for block in blocks:
            block.collapsed = not opening
        return opening

    def set_digits(self, decimal: str) -> None:
        self.extra_digits = decimal
        self.query_one(".result", Static).update(self._result_text())

    def copy_text(self) -> str:
        """What /copy copies: the raw LaTeX when it is shown, else the exact answer."""
        if self.answer is None:
            return ""
        if self.show_latex and self.answer.latex:
            return self.answer.latex
        return self.extra_digits or self.answer.answer or (self.answer.error.message if self.answer.error else "")


CALC_X_MARKUP = re.compile(r"<gadget[^>]*>.*?</gadget>|<output>.*?</output>|<result>.*?</result>", re.S)


def _prose(chain: str) -> str:
    """The model's own words in a Calc-X chain: everything but the gadget calls, outputs and result."""
    return re.sub(r"\s*\n\s*", "\n", CALC_X_MARKUP.sub("", chain)).strip()
