"""The planner's prompt: tool list from the registry, then few-shot Calc-X chains, then the question.

The header and examples never change between questions, so the KV cache of the whole prefix is
reused from one question to the next (the question comes last).
"""
from __future__ import annotations

import tools

from .fewshot import EXAMPLES, Example

INSTRUCTIONS = (
    "Solve each problem with the tools. Call a tool with <gadget id=\"TOOL\">INPUT</gadget>; "
    "its answer comes back as <output>OUTPUT</output>. Use the numbers from the outputs, "
    "and end with <result>ANSWER</result>."
)


def header() -> str:
    lines = [INSTRUCTIONS, "Tools:"]
    lines += [f"- {spec.name}: {spec.description}" for spec in tools.specs()]
    return "\n".join(lines) + "\n\n"


def render_example(example: Example, *, thoughts: bool) -> str:
    parts = [f"Problem: {example.problem}\n"]
    for call in example.calls:
        if thoughts:
            parts.append(call.thought + "\n")
        parts.append(f'<gadget id="{call.tool}">{call.input}</gadget>\n<output>{call.output}</output>\n')
    parts.append(f"<result>{example.result}</result>\n\n")
    return "".join(parts)


def build_prompt(question: str, *, thoughts: bool = False) -> str:
    shots = "".join(render_example(e, thoughts=thoughts) for e in EXAMPLES)
    return header() + shots + f"Problem: {_one_line(question)}\n"


def build_tuned_prompt(question: str) -> str:
    """The zero-shot prompt the shipped adapter was trained with (training/chain.py renders chains with it).

    No instructions and no examples: the adapter learned the Calc-X format, so the prompt is the
    problem alone, which keeps it short (fast to encode, more room in the context).
    """
    return f"Problem: {_one_line(question)}\n"


def build_direct_prompt(question: str) -> str:
    """The no-tools baseline: same problems, answers only, for the with/without tools comparison."""
    shots = "".join(f"Problem: {e.problem}\nAnswer: {e.result}\n\n" for e in EXAMPLES)
    return "Solve each problem.\n\n" + shots + f"Problem: {_one_line(question)}\nAnswer:"


def _one_line(text: str) -> str:
    # the chain format is line-based; a pasted multi-line question must not look like markup
    return " ".join(text.split())
