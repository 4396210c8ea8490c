"""Fuzz targets: each takes text, must return or raise only its documented error, within its time budget."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True)
class Target:
    name: str
    call: Callable[[str], object]
    expected: tuple[type[BaseException], ...]  # exceptions that are the target's documented answer to bad input
    budget_s: float  # a call slower than this is a finding


def _parse(text: str):
    from tools.parsing import parse

    return parse(text)


def _tool(name: str) -> Callable[[str], object]:
    def call(text: str):
        import tools

        result = tools.run(name, text, timeout=1.0)
        if result.error is not None and result.error.type == "internal":
            raise AssertionError(f"internal error: {result.output}")  # a bug that guarded() caught
        return result

    return call


def _router(text: str):
    from assistant import Assistant

    answer = Assistant(use_planner=False, tool_timeout=1.0).ask(text)
    if answer.error is not None and answer.error.type == "internal":
        raise AssertionError(f"internal error: {answer.error.message}")
    return answer


def _latex(text: str):
    from tools.parsing.latex import parse_latex

    return parse_latex(text)


def _markup(text: str):
    from assistant.planner.markup import read_segment

    return read_segment(text)


def targets() -> dict[str, Target]:
    from tools.parsing import ParseError

    found = {
        "parse": Target("parse", _parse, (ParseError,), 1.0),
        "calculator": Target("calculator", _tool("calculator"), (), 5.0),
        "bigint": Target("bigint", _tool("bigint"), (), 5.0),
        "router": Target("router", _router, (), 5.0),
        "markup": Target("markup", _markup, (ValueError,), 1.0),
    }
    try:
        from tools.parsing.latex import LatexError

        found["latex"] = Target("latex", _latex, (ParseError, LatexError), 1.0)
    except ImportError:
        pass
    return found
