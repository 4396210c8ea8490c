"""Calc-X chains: re-run the gadget calls of a chain file, and build chains from GSM8K's <<a*b=c>> annotations.

The second is the Calc-X project's core operation: every recorded calculator value is recomputed
with our exact calculator, so an annotation that is wrong (not merely rounded) is found and reported.
"""
from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import IO, Iterator

from tools.base import DEFAULT_TIMEOUT

from .grading import numbers_match
from .numbers import Number, read_number
from .readers import json_records

_MARKUP_CALL = re.compile(r'<gadget id="([^"]*)">(.*?)</gadget>\s*<output>(.*?)</output>', re.S)
_ANNOTATION = re.compile(r"<<([^<>]*)>>")


@dataclass(frozen=True)
class Call:
    tool: str
    input: str
    output: str


@dataclass
class Diff:
    where: str
    tool: str
    input: str
    recorded: str
    recomputed: str
    reason: str

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class ValidationReport:
    chains: int = 0
    calls: int = 0
    diffs: list[Diff] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)


def calls_of(chain) -> list[Call]:
    """Gadget calls of a chain given as Calc-X records ([{gadget_id, inputs, outputs}]) or as markup text."""
    if isinstance(chain, str):
        return [Call(t, i.strip(), o.strip()) for t, i, o in _MARKUP_CALL.findall(chain)]
    if not isinstance(chain, list):
        raise ValueError("chain is neither a list nor markup text")
    calls = []
    for step in chain:
        if not isinstance(step, dict):
            raise ValueError("a chain step is not an object")
        calls.append(Call(str(step["gadget_id"]), str(step["inputs"]).strip(), str(step["outputs"]).strip()))
    return calls


def compare_outputs(recorded: str, recomputed: str) -> str | None:
    """None when they agree (same text, or same value within the recorded rounding); else why not."""
    if " ".join(recorded.split()) == " ".join(recomputed.split()):
        return None
    a, b = read_number(recorded), read_number(recomputed)
    if a is None or b is None:
        return "different text"
    if numbers_match(b, a, 1e-4) or _is_rounding(recorded, a, b.value):
        return None
    return "different value"


def _is_rounding(text: str, recorded: Number, exact: Fraction) -> bool:
    """'3.33' for 10/3: equal to the decimals written (GSM8K annotators round)."""
    m = re.search(r"\.(\d+)", text.split(" = ")[0])
    if not recorded.decimal or not m:
        return False
    return abs(recorded.value - exact) <= Fraction(1, 2 * 10 ** len(m.group(1)))


def _records(path: Path, skipped: list[tuple[str, str]]) -> Iterator[tuple[str, dict]]:
    return json_records(path, lambda where, why: skipped.append((where, why)))


def validate_file(path: Path, timeout: float = DEFAULT_TIMEOUT) -> ValidationReport:
    import tools

    report = ValidationReport()
    known = set(tools.names())
    for where, record in _records(path, report.skipped):
        try:
            calls = calls_of(record["chain"])
        except (KeyError, ValueError) as exc:
            report.skipped.append((where, f"no usable chain: {exc}"))
            continue
        report.chains += 1
        for k, call in enumerate(calls, 1):
            report.calls += 1
            place = f"{where} call {k}"
            if call.tool not in known:
                report.diffs.append(Diff(place, call.tool, call.input, call.output, "", "unknown gadget"))
                continue
            result = tools.run(call.tool, call.input, timeout=timeout)
            if not result.ok:
                report.diffs.append(Diff(place, call.tool, call.input, call.output, result.output,
                                         f"tool error: {result.error.type if result.error else '?'}"))
                continue
            reason = compare_outputs(call.output, result.output)
            if reason:
                report.diffs.append(Diff(place, call.tool, call.input, call.output, result.output, reason))
    return report


@dataclass
class ConversionStats:
    records: int = 0
    calls: int = 0
    mismatches: int = 0
    unreadable: int = 0
    skipped: int = 0


def convert_gsm8k(path: Path, sink: IO[str], error_sink: IO[str] | None, timeout: float = DEFAULT_TIMEOUT) -> ConversionStats:
    """One Calc-X record per GSM8K line: {question, chain (markup), result, annotation_errors}."""
    stats = ConversionStats()
    skipped: list[tuple[str, str]] = []
    for where, record in _records(path, skipped):
        try:
            question, answer = str(record["question"]), str(record["answer"])
        except KeyError as exc:
            skipped.append((where, f"missing field {exc}"))
            continue
        if "####" not in answer:
            skipped.append((where, "no '#### N' final answer"))
            continue
        steps, result = answer.rsplit("####", 1)
        errors: list[dict] = []
        chain = _ANNOTATION.sub(lambda m: _gadget_for(m.group(1), where, errors, stats, timeout), steps.strip())
        chain += f"\nFinal result is <result>{result.strip()}</result>"
        stats.records += 1
        sink.write(json.dumps({"question": question, "chain": chain, "result": result.strip(),
                               "annotation_errors": errors}, ensure_ascii=False) + "\n")
        if error_sink:
            for error in errors:
                error_sink.write(json.dumps(error, ensure_ascii=False) + "\n")
    stats.skipped = len(skipped)
    return stats


def _gadget_for(annotation: str, where: str, errors: list[dict], stats: ConversionStats, timeout: float) -> str:
    import tools

    stats.calls += 1
    expression, sep, recorded = annotation.rpartition("=")
    if not sep or not expression.strip():
        stats.unreadable += 1
        errors.append({"where": where, "annotation": annotation, "kind": "unreadable", "detail": "no 'expr=value'"})
        return annotation
    expression, recorded = expression.strip(), recorded.strip()
    result = tools.run("calculator", expression, timeout=timeout)
    if not result.ok:
        stats.unreadable += 1
        errors.append({"where": where, "annotation": annotation, "kind": "unreadable",
                       "detail": result.error.message if result.error else result.output})
        output = recorded  # keep the annotator's value, flagged above, so the chain stays complete
    else:
        output = result.output
        reason = compare_outputs(recorded, output)
        if reason:
            stats.mismatches += 1
            errors.append({"where": where, "annotation": annotation, "kind": "mismatch", "recorded": recorded,
                           "recomputed": output, "detail": reason})
    return f'<gadget id="calculator">{expression}</gadget><output>{output}</output> '
