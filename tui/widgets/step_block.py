"""One tool call, collapsible: gadget and input in the title; input, output, time and error inside."""
from __future__ import annotations

from rich.text import Text
from textual.widgets import Collapsible, Static

from assistant import Step
from assistant.terminal_text import terminal_safe

MAX_TITLE_INPUT = 60


class StepBlock(Collapsible):
    def __init__(self, tool: str, tool_input: str, *, show_timings: bool = True):
        self.tool, self.tool_input, self.show_timings = tool, tool_input, show_timings
        self.body = Static(Text(terminal_safe(f"input  {tool_input}")), classes="step-body")
        super().__init__(self.body, title=self._heading("⋯", None), collapsed=True, classes="step running")

    def _heading(self, mark: str, ms: float | None) -> str:
        shown = self.tool_input if len(self.tool_input) <= MAX_TITLE_INPUT else self.tool_input[:MAX_TITLE_INPUT] + "…"
        time = f" · {ms:.0f} ms" if ms is not None and self.show_timings else ""
        return terminal_safe(f"{mark} {self.tool}: {shown}{time}")

    def finish(self, step: Step) -> None:
        self.remove_class("running")
        self.add_class("failed" if step.error else "done")
        self.title = self._heading("✗" if step.error else "✓", step.ms)
        body = Text()
        body.append("input  ", style="dim")
        body.append(terminal_safe(step.input) + "\n")
        body.append("output ", style="dim")
        body.append(terminal_safe(step.output or ""))
        if self.show_timings:
            body.append(f"\ntime   {step.ms:.2f} ms", style="dim")
        if step.error:
            body.append(terminal_safe(f"\nerror  {step.error}"), style="red")
        self.body.update(body)
