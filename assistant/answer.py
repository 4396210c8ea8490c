"""The records that cross the assistant's boundary: Answer (also the `calx --json` record) and its parts."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Route = Literal["direct", "planner", "none"]


@dataclass
class Step:
    """One tool call: what was asked, what came back, how long it took."""

    tool: str
    input: str
    output: str
    ms: float
    error: str | None = None


@dataclass
class Check:
    """One verification that was run on the answer; `passed` is None when it could not be decided."""

    name: str
    passed: bool | None
    detail: str = ""


@dataclass
class AnswerError:
    type: str
    message: str


@dataclass
class Answer:
    question: str
    answer: str | None = None  # exact, SymPy-parsable text
    latex: str | None = None
    decimal: str | None = None
    pretty: str | None = None  # Unicode rendering for terminals
    understood: str | None = None  # the input as the router understood it
    route: Route = "none"
    verified: bool | None = None
    checks: list[Check] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)
    chain: str = ""
    model: str | None = None
    timings: dict[str, float] = field(default_factory=dict)
    error: AnswerError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None and self.answer is not None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def settle_verified(self) -> None:
        """verified is True only if every decided check passed; False if any failed; None if none decided."""
        decided = [c.passed for c in self.checks if c.passed is not None]
        if any(p is False for p in decided):
            self.verified = False
        elif decided:
            self.verified = True
        else:
            self.verified = None


# Events streamed by Assistant.stream(): the CLI, the TUI and API users consume the same stream.
@dataclass
class TokenEvent:
    text: str
    kind: Literal["token"] = "token"


@dataclass
class ToolCallEvent:
    tool: str
    input: str
    kind: Literal["tool_call"] = "tool_call"


@dataclass
class ToolResultEvent:
    step: Step
    kind: Literal["tool_result"] = "tool_result"


@dataclass
class AnswerEvent:
    answer: Answer
    kind: Literal["answer"] = "answer"


Event = TokenEvent | ToolCallEvent | ToolResultEvent | AnswerEvent
