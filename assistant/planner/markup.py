"""Reading one generated segment of Calc-X markup: a gadget call, a result, or neither."""
from __future__ import annotations

import re
from dataclasses import dataclass

GADGET_END = "</gadget>"
RESULT_END = "</result>"
STOPS = (GADGET_END, RESULT_END, "\nProblem:")  # the last one: a model without grammar inventing the next problem

# The call must end the segment. Trailing whitespace belongs to the optional closing tag: written as
# `([^<]*)(?:</gadget>)?\s*$`, a failed match retried \s* at every backtracking step of [^<]*, so a long run of
# spaces followed by `<` took quadratic time (20,000 spaces: 9 s).
_CALL = re.compile(r'<gadget id="([^"<>]*)">([^<]*)(?:</gadget>\s*)?$', re.S)
_RESULT = re.compile(r"<result>([^<]*)(?:</result>)?", re.S)


@dataclass(frozen=True)
class Segment:
    kind: str  # "call", "result", "none"
    text: str  # the segment as it goes into the chain (closing tag restored)
    tool: str = ""
    input: str = ""
    result: str = ""


def read_segment(text: str) -> Segment:
    """The first of a call or a result wins; text after a result is dropped."""
    result = _RESULT.search(text)
    call = _CALL.search(text)
    if result and (not call or result.start() < call.start()):
        return Segment("result", text[: result.start()] + f"<result>{result.group(1)}{RESULT_END}", result=result.group(1).strip())
    if call:
        head = text[: call.start()]
        return Segment("call", head + f'<gadget id="{call.group(1)}">{call.group(2)}{GADGET_END}', tool=call.group(1), input=call.group(2).strip())
    return Segment("none", text)


def output_markup(output: str) -> str:
    # outputs are one line in the chain; a tool's multi-line output must not break the format
    flat = " ".join(output.replace("<", "‹").replace(">", "›").split())
    return f"\n<output>{flat}</output>\n"
