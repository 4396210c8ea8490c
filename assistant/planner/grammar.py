"""GBNF grammars (llama.cpp) for one segment of a Calc-X chain, built from the tool registry.

A segment is what the model writes between two tool outputs: an optional one-line thought, then
either a gadget call (generation stops at `</gadget>`) or the final `<result>`. With the grammar
even a 100M-parameter model can only emit well-formed calls to registered gadgets.

`allowed_numbers` narrows calculator inputs to arithmetic over the given numbers: the numbers of
the question, small constants and earlier tool outputs (a grammar built per question and step).
"""
from __future__ import annotations

from typing import Iterable, Sequence

import tools

SMALL_CONSTANTS = ("1", "2", "3", "4", "5", "10", "12", "60", "100")


def segment_grammar(
    *,
    thoughts: bool = True,
    allowed_numbers: Sequence[str] | None = None,
    gadgets: Iterable[str] | None = None,
) -> str:
    names = list(gadgets) if gadgets is not None else tools.names()
    rules = [
        "root ::= " + ("thought? " if thoughts else "") + "(call | result)",
        r'thought ::= [^<\n] [^<\n]{0,160} "\n"',
        r'result ::= "<result>" [^<\n]{1,60} "</result>"',
        "call ::= " + " | ".join(f"call-{_rule_name(n)}" for n in names),
    ]
    for name in names:
        body = "calc-input" if name == "calculator" else "text-input"
        rules.append(f'call-{_rule_name(name)} ::= "<gadget id=\\"{name}\\">" {body} "</gadget>"')
    rules.append(r"text-input ::= [^<\n]{1,300}")
    if allowed_numbers:
        rules += [
            'calc-input ::= operand (" " op " " operand){0,5}',
            'operand ::= num | "(" operand (" " op " " operand){1,3} ")"',
            'op ::= "+" | "-" | "*" | "/"',
            "num ::= " + " | ".join(f'"{n}"' for n in _ordered(allowed_numbers)),
        ]
    else:
        rules.append(r"calc-input ::= [-0-9+*/^()., %!a-z]{1,120}")
    return "\n".join(rules) + "\n"


def question_numbers(numbers: Iterable[str], extra: Iterable[str] = SMALL_CONSTANTS) -> list[str]:
    return _ordered([*numbers, *extra])


def _ordered(numbers: Iterable[str]) -> list[str]:
    out: list[str] = []
    for n in numbers:
        if n and n not in out and all(c.isdigit() or c == "." for c in n):
            out.append(n)
    return out


def _rule_name(name: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in name).lower()
