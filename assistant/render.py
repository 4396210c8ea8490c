"""Plain-text rendering of an Answer for terminals and pipes (colour only when asked)."""
from __future__ import annotations

from .answer import Answer
from .terminal_text import terminal_safe
from .verdict import unverified_note

MARKS = {True: "✓", False: "✗", None: "?"}
MAX_SHOWN = 5_000  # characters of a huge exact answer shown on a terminal; --json has it all


def render_answer(answer: Answer, color: bool = False) -> str:
    """Every field may hold untrusted text (model output, a sandboxed program's output), so the lines are
    made terminal-safe before any colour of ours is added."""
    lines: list[str] = []
    if answer.understood:
        lines.append(style(answer.understood, color, dim=True))
    if answer.answer is not None:
        shown = answer.pretty or answer.answer
        lines.append(_equals(shown, color))
        if answer.decimal and answer.decimal != answer.answer and answer.decimal not in shown:
            lines.append(terminal_safe(f"≈ {answer.decimal}"))
    for check in answer.checks:
        mark = MARKS[check.passed]
        detail = f" ({check.detail})" if check.detail else ""
        lines.append(style(f"{mark} {check.name}{detail}", color, fg={True: "green", False: "red"}.get(check.passed)))
    if answer.route == "planner" and answer.steps:
        lines.append(style(f"[{len(answer.steps)} tool call(s) by {answer.model or 'the model'}]", color, dim=True))
    note = unverified_note(answer.answer, answer.verified, answer.route)
    if note is not None:
        line, verified = note
        lines.append(style(line, color, fg="red" if verified is False else "yellow"))
    return "\n".join(lines)


def _equals(shown: str, color: bool) -> str:
    if len(shown) > MAX_SHOWN:
        shown = f"{shown[:MAX_SHOWN // 2]}…({len(shown) - MAX_SHOWN:,} characters omitted; use --json)…{shown[-MAX_SHOWN // 2:]}"
    if "\n" in shown:  # multi-line pretty forms (matrices, fractions) stand on their own lines
        return style(shown, color, bold=True)
    return "= " + style(shown, color, bold=True)


def style(text: str, color: bool, *, bold: bool = False, dim: bool = False, fg: str | None = None) -> str:
    """`text` made terminal-safe, then (on a terminal) wrapped in SGR codes; no click needed for a few colours."""
    text = terminal_safe(text)
    codes = [code for on, code in ((bold, "1"), (dim, "2"), (fg is not None, _FG.get(fg or "", ""))) if on and code]
    if not color or not codes:
        return text
    return f"\x1b[{';'.join(codes)}m{text}\x1b[0m"


_FG = {"red": "31", "green": "32", "yellow": "33"}
