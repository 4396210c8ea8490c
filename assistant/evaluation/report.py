"""`calx eval report`: summaries of several runs side by side, as a Markdown table."""
from __future__ import annotations

import json
from pathlib import Path


def load_summaries(paths: list[Path]) -> list[dict]:
    """A run folder, its summary.json or its items.jsonl: each names one run."""
    summaries = []
    for path in paths:
        file = path / "summary.json" if path.is_dir() else path.with_name("summary.json")
        if file.is_file():
            summary = json.loads(file.read_text())
            summary["run"] = file.parent.name
            summaries.append(summary)
    return summaries


def markdown_table(summaries: list[dict]) -> str:
    lines = ["| run | dataset | mode | model | n | accuracy | 95% CI | time/item | tool calls/item |",
             "|---|---|---|---|---:|---:|---|---:|---:|"]
    for s in summaries:
        lo, hi = s["ci95"]
        n = f"{s['n']}" if s.get("complete", True) else f"{s['n']} of {s['selected']}"
        lines.append(f"| {s['run']} | {s['dataset']} | {s['mode']} | {s.get('model') or '-'} | {n} | "
                     f"{s['accuracy']:.1%} | {lo:.1%}–{hi:.1%} | {_time(s.get('mean_ms'))} | "
                     f"{s.get('tool_calls_per_item', 0):.2f} |")
    return "\n".join(lines)


def _time(ms: float | None) -> str:
    if ms is None:
        return "-"
    return f"{ms:.0f} ms" if ms < 1000 else f"{ms / 1000:.1f} s"
