"""One training chain and how it is written out, in exactly the text the planner sees at run time.

The prompt and the host's `<output>` blocks come from the planner's own code (`build_tuned_prompt`,
`output_markup`), so training text and run-time text cannot drift apart: a test renders a chain here
and replays it through the real Planner with a scripted model, and the two strings must be equal.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

from assistant.planner.markup import output_markup
from assistant.planner.prompt import build_tuned_prompt


@dataclass(frozen=True)
class Step:
    thought: str | None  # one line the model writes before the call (None: no thought)
    input: str  # the calculator input the model writes
    output: str  # the calculator's own output text, as the host appends it
    tool: str = "calculator"


@dataclass(frozen=True)
class Chain:
    question: str
    steps: tuple[Step, ...]
    result: str
    source: str  # "gsm8k", "gsm8k-ic", "synthetic:<family>", "self:<round>"
    tags: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return asdict(self)

    @staticmethod
    def from_dict(data: dict) -> "Chain":
        steps = tuple(Step(**s) for s in data["steps"])
        return Chain(data["question"], steps, data["result"], data["source"], data.get("tags", {}))


@dataclass(frozen=True)
class Piece:
    text: str
    trained: bool  # True: the model writes it (loss on it); False: prompt or host output (no loss)


def pieces(chain: Chain) -> list[Piece]:
    """The chain as the decoder sees it: prompt, then alternating model segments and host outputs."""
    out = [Piece(build_tuned_prompt(chain.question), False)]
    for step in chain.steps:
        thought = f"{step.thought}\n" if step.thought else ""
        out.append(Piece(f'{thought}<gadget id="{step.tool}">{step.input}</gadget>', True))
        out.append(Piece(output_markup(step.output), False))
    out.append(Piece(f"<result>{chain.result}</result>", True))
    return out


def render(chain: Chain) -> str:
    return "".join(p.text for p in pieces(chain))
