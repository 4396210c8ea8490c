"""What asking a question from the command line does: the options, answering, printing and exit codes.

Both ways in, the fast path of a plain question (assistant/cli.py, no click) and the click group
(assistant/cli_commands.py), run questions through `ask_questions`, so they answer, print and exit alike.
Both import this module; it imports neither of them.
"""
from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

from tools.base import DEFAULT_TIMEOUT

if TYPE_CHECKING:
    from .answer import Answer

EXIT_ANSWERED, EXIT_NOT_ANSWERED, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130  # the shell's convention for Ctrl-C

# Every command, as "module:attribute", imported only when run: the one list of names that are commands rather
# than questions. The click group (cli_commands.CalxGroup) and the fast path (cli.py) both read it.
COMMANDS = {
    "ask": "assistant.cli_commands:ask",
    "tool": "assistant.cli_commands:tool",
    "tools": "assistant.cli_commands:tools_list",
    "models": "assistant.cli_commands:models",
    "chat": "tui.app:chat_command",
    "eval": "assistant.evaluation.cli:eval_command",
    "chains": "assistant.evaluation.cli:chains_command",
    "doctor": "assistant.doctor:doctor_command",
    "sandbox": "assistant.doctor:sandbox_command",
}


@dataclass(frozen=True)
class AskOptions:
    """Everything `calx ask` takes besides the question. The click options of `ask` take their defaults from
    here, and the fast path uses these defaults as they are: a new option is a field here and an option there."""

    as_json: bool = False
    model: str | None = None
    server: str | None = None
    no_model: bool = False
    timeout: float = DEFAULT_TIMEOUT
    no_adapter: bool = False
    planner_mode: str | None = None  # "write" | "score" (assistant/planner/scorer.py); None: CALX_PLANNER_MODE


# -- asking -----------------------------------------------------------------------------------------------
def ask_questions(questions: Iterable[str], options: AskOptions, *, one_per_line: bool = False) -> int:
    """Answer each question in turn, print each answer as it comes, and return the worst exit code.

    `one_per_line`: the questions are lines of standard input, so --json prints JSON Lines and a message on
    stderr says which line it is about."""
    session = Session(options)
    worst = EXIT_ANSWERED
    try:
        for number, question in enumerate(questions, 1):
            label = f"line {number}: " if one_per_line else ""
            answer = session.answer(question)
            worst = max(worst, session.show(answer, label, first=number == 1, compact=one_per_line))
    except KeyboardInterrupt:
        _out(sys.stderr, "\nAborted!")
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # `calx ... | head -1`: the reader left; say nothing more
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_NOT_ANSWERED
    return worst


def stdin_questions(stream=None) -> Iterable[str]:
    """One question per line; blank lines are skipped. Read lazily, so a pipe is answered as it flows.
    Bytes that are not text in the locale's encoding become U+FFFD rather than a traceback."""
    if stream is None and hasattr(sys.stdin, "reconfigure"):
        sys.stdin.reconfigure(errors="replace")
    for line in stream or sys.stdin:
        line = line.strip()
        if line:
            yield line


class Session:
    """One command line's questions share one Assistant (a model is loaded once for all of them)."""

    def __init__(self, options: AskOptions):
        from .assistant import Assistant

        self.options = options
        planner_options = None
        if options.planner_mode:
            from .planner import Options

            planner_options = Options(mode=options.planner_mode)
        self.assistant = Assistant(model=options.model, server=options.server, tool_timeout=options.timeout,
                                   use_planner=not options.no_model, adapter=False if options.no_adapter else None,
                                   options=planner_options)
        self.hinted = False
        self.color = _color(sys.stdout)
        self.streaming = not options.as_json and sys.stderr.isatty()  # the model's tokens, dimmed, as they come
        self.dim = self.streaming and _color(sys.stderr)

    def answer(self, question: str) -> Answer:
        from .answer import Answer, AnswerError, AnswerEvent, TokenEvent

        problem = misread_math(question)
        if problem is not None:  # reads as math but does not parse: say where, unless a direct route reads it
            from .direct import try_direct

            direct = try_direct(question, timeout=self.options.timeout)
            return direct or Answer(question=question.strip(), error=AnswerError("parse_error", problem.describe()))
        answer = None
        for event in self.assistant.stream(question):
            if isinstance(event, TokenEvent) and self.streaming:
                _out(sys.stderr, _dim(event.text, self.dim), end="")
            elif isinstance(event, AnswerEvent):
                answer = event.answer
        if self.streaming and answer.route == "planner":
            _out(sys.stderr, "")
        return answer

    def show(self, answer: Answer, label: str = "", *, first: bool = True, compact: bool = False) -> int:
        """Print one answer (stdout) and what is wrong with it (stderr); its exit code."""
        if self.options.as_json:
            import json  # only --json needs it; a plain answer starts faster without

            _out(sys.stdout, json.dumps(answer.to_dict(), ensure_ascii=False, indent=None if compact else 2))
        else:
            from .render import render_answer

            shown = render_answer(answer, color=self.color)
            if shown:  # an unanswered question prints nothing on stdout: the reason goes to stderr
                _out(sys.stdout, shown if first or not compact else "\n" + shown)
        code = exit_code(answer)
        for message in self.complaints(answer):  # a pointer under mistyped math is indented, and shown as is
            _out(sys.stderr, _safe(message if message.startswith("  ") else f"calx: {label}{message}"))
        sys.stdout.flush()
        return code

    def complaints(self, answer: Answer) -> list[str]:
        if answer.error is not None:
            said = [f"{answer.error.type}: {answer.error.message}"]
            problem = misread_math(answer.question) if answer.error.type == "parse_error" else None
            if problem is not None and pointer(problem):
                said.append(pointer(problem))
            if answer.error.type.startswith("model_") and not self.hinted:
                self.hinted = True
                said.append('direct math ("2+3", "integrate x^2") needs no model and still works')
            return said
        if answer.answer is None:
            return ["no answer was produced"]
        failed = [c.name for c in answer.checks if c.passed is False]
        if failed or answer.verified is False:
            return [f"refuted: the answer failed {', '.join(failed) or 'its checks'}; do not rely on it"]
        return []


def exit_code(answer: Answer) -> int:
    """0 for an answer (verified or not: the text says which); 1 for none, an error, or a failed check."""
    refuted = answer.verified is False or any(check.passed is False for check in answer.checks)
    if answer.error is not None or answer.answer is None or refuted:
        return EXIT_NOT_ANSWERED
    return EXIT_ANSWERED


# -- math that does not parse ----------------------------------------------------------------------------
# A question is taken for mistyped math only when nothing in it reads as words: ASCII operators, digits, and
# names that are one letter (x, y1), a known function (sin, sqrt) or a constant. "2^^3" and "sin(x" qualify;
# "how many legs do 3 spiders have?" does not, and goes to the model as before.
_MATH_TEXT = re.compile(r"[\w\s+\-*/^()\[\]{},.=<>!%|']+", re.ASCII)
_OPERATOR_OR_DIGIT = re.compile(r"[\d+\-*/^()\[\]=<>!%]")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_MATH_WORDS = frozenset({"pi", "oo", "inf", "mod"})  # besides function names


def misread_math(question: str):
    """The ParseError of a question that reads as math but does not parse; None for anything else."""
    from .direct.text import strip_question

    text = strip_question(question)
    if not _MATH_TEXT.fullmatch(text) or not _OPERATOR_OR_DIGIT.search(text):
        return None
    from tools.parsing import ParseError, canonical, parse

    if not all(_is_math_name(name, canonical) for name in _NAME.findall(text)):
        return None
    try:
        parse(text)
    except ParseError as exc:
        return exc
    return None


def _is_math_name(name: str, canonical) -> bool:
    return len(name) == 1 or name[0].isalpha() and name[1:].isdigit() or name in _MATH_WORDS or canonical(name)


def pointer(error) -> str:
    """Two lines that show where the parse went wrong: the text, and a caret under the position."""
    text, at = error.text, error.position
    if not text or "\n" in text:
        return ""
    start = max(0, min(at - 40, len(text) - 72))
    shown = ("…" if start else "") + text[start:start + 72] + ("…" if start + 72 < len(text) else "")
    return f"  {shown}\n  {' ' * (at - start + (1 if start else 0))}^"


def _out(stream, text: str, end: str = "\n") -> None:
    stream.write(text + end)
    if stream is sys.stderr or end == "":
        stream.flush()


def _safe(text: str) -> str:
    from .terminal_text import terminal_safe

    return terminal_safe(text)


def _dim(text: str, color: bool) -> str:
    from .render import style

    return style(text, color, dim=True)


def _color(stream) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (no-color.org)."""
    return stream.isatty() and not os.environ.get("NO_COLOR")
