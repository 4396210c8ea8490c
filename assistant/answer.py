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
        """verified is True only if there are checks and every one passed; False if any failed; else None.

        A check that could not decide (passed None) is not a pass: `verified` claims the answer was checked."""
        self.verified = verdict(self.checks)


def verdict(checks: list[Check]) -> bool | None:
    if any(c.passed is False for c in checks):
        return False
    if checks and all(c.passed is True for c in checks):
        return True
    return None


ERROR_PREFIX = "ERROR:"


def enforce_contract(answer: Answer) -> Answer:
    """The one gate every Answer passes before it leaves Assistant.stream, whatever route made it.

    - An Answer is an answer or an error, never both: a tool's `ERROR: ...` text in `answer` becomes
      `error`, and an Answer with an error carries no answer text.
    - `verified` is True only if the checks that ran all passed (a route or check that cannot cover the
      claim says so with an undecided check, which keeps `verified` from being True).
    """
    text = answer.answer
    if isinstance(text, str) and text.lstrip().startswith(ERROR_PREFIX):
        message = text.lstrip()[len(ERROR_PREFIX):].strip()
        failed = next((s for s in reversed(answer.steps) if s.output.startswith(ERROR_PREFIX)), None)
        if not message and failed is not None:
            message = failed.output[len(ERROR_PREFIX):].strip()
        answer.error = answer.error or AnswerError("tool_error", message or "a tool failed")
    if answer.error is not None or answer.answer is None:
        answer.answer = answer.latex = answer.decimal = answer.pretty = None
        answer.verified = None if answer.verified is not False else False
        if answer.error is None:
            answer.error = AnswerError("no_answer", "no answer was produced")
        return answer
    if answer.verified is True and verdict(answer.checks) is not True:
        answer.verified = verdict(answer.checks)
    return answer


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
