"""GSM8K train solutions turned into calx chains: each `<<expr=value>>` annotation becomes a calculator call.

The words of a solution line up to an annotation become the thought written before that call
("Natalia sold 48/2 = <<48/2=24>>24 clips" -> thought "Natalia sold 48/2", call `48/2`). Every
output is recomputed by calx's own calculator; a solution whose recorded values disagree with it,
whose final answer is no tool output, or whose calls the run-time grammar would not allow, is left
out and counted, so no chain teaches a wrong step.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from .chain import Chain, Step
from .calc import CalculatorError, calculate, same_value

ANNOTATION = re.compile(r"<<([^<>]*)>>")
# the run-time grammar's calculator input (assistant/planner/grammar.py, calc-input without restrict_numbers)
CALC_INPUT = re.compile(r"[-0-9+*/^()., %!a-z]{1,120}")
THOUGHT_MAX = 160  # the grammar's thought rule: one line of at most 161 characters, no '<'
MAX_CALLS = 8  # Budgets.max_calls


@dataclass
class ConversionReport:
    read: int = 0
    kept: int = 0
    dropped: Counter = field(default_factory=Counter)


def read_gsm8k(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def convert(records, report: ConversionReport | None = None, source: str = "gsm8k") -> Iterator[Chain]:
    report = report if report is not None else ConversionReport()
    for record in records:
        report.read += 1
        chain, why = chain_of(record["question"], record["answer"], source)
        if chain is None:
            report.dropped[why] += 1
            continue
        report.kept += 1
        yield chain


def chain_of(question: str, answer: str, source: str = "gsm8k") -> tuple[Chain | None, str]:
    if "####" not in answer:
        return None, "no final answer"
    body, final = answer.rsplit("####", 1)
    final = final.strip().replace(",", "")
    steps: list[Step] = []
    for line in body.strip().splitlines():
        for thought, expression, recorded in _annotations(line):
            expression = expression.strip()
            if not CALC_INPUT.fullmatch(expression):
                return None, "call outside the grammar"
            try:
                output, value = calculate(expression)
            except CalculatorError:
                return None, "calculator error"
            if not same_value(recorded, value):
                return None, "annotation disagrees with the calculator"
            steps.append(Step(thought, expression, output))
    if not steps:
        return None, "no annotations"
    if len(steps) > MAX_CALLS:
        return None, "more calls than the budget"
    try:
        _, final_value = calculate(final)
    except CalculatorError:
        return None, "final answer unreadable"
    if not any(same_value(step.output.split(" = ")[0], final_value) for step in steps):
        return None, "final answer is no tool output"
    return Chain(" ".join(question.split()), tuple(steps), final, source), ""


def _annotations(line: str) -> Iterator[tuple[str | None, str, str]]:
    """(thought, expression, recorded value) for each annotation of one solution line."""
    pos = 0
    for match in ANNOTATION.finditer(line):
        expression, sep, recorded = match.group(1).rpartition("=")
        if not sep:
            expression, recorded = match.group(1), ""
        fragment = line[pos: match.start()]
        pos = match.end()
        shown = re.match(r"\s*" + re.escape(recorded.strip()), line[pos:]) if recorded.strip() else None
        if shown:
            pos += shown.end()  # the value GSM8K repeats after the annotation belongs to the output
        yield clean_thought(fragment), expression, recorded.strip()


def clean_thought(fragment: str) -> str | None:
    text = " ".join(fragment.split())
    text = re.sub(r"[\s=$]+$", "", text)  # "Natalia sold 48/2 = $" -> "Natalia sold 48/2"
    if text and not text[0].isupper() and ". " in text:
        text = text.split(". ", 1)[1]  # "per minute. Working 50 minutes, ..." -> "Working 50 minutes, ..."
    text = text.lstrip(" ,.;:")
    if "<" in text or len(text) > THOUGHT_MAX or not re.search(r"[A-Za-z]{2}", text):
        return None
    return text
