"""`calx eval DATASET`, `calx eval report RUN...`, `calx chains validate|from-gsm8k FILE`: thin Click wrappers."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from tools.base import DEFAULT_TIMEOUT

from ..terminal_text import terminal_safe  # benchmark files are untrusted text


class _RunByDefault(click.Group):
    """`calx eval gsm8k ...` means `calx eval run gsm8k ...`; `calx eval report ...` stays a subcommand."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h"):
            args = ["run", *args]
        return super().parse_args(ctx, args)


@click.group(cls=_RunByDefault, context_settings={"help_option_names": ["-h", "--help"]})
def eval_command() -> None:
    """Measure calx on a benchmark: calx eval DATASET [options]; compare runs: calx eval report RUN...

    DATASET is a file or a short name (calx eval datasets lists them)."""


@eval_command.command("run")
@click.argument("dataset")
@click.option("--format", "fmt", help="Reader to use when the file name does not tell (see calx eval datasets).")
@click.option("--limit", type=int, default=0, help="Evaluate a seeded random subset of this many items (0: all).")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the subset.")
@click.option("--workers", type=int, default=1, show_default=True,
              help="Parallel workers: concurrent requests for --server, processes for a local model.")
@click.option("-m", "--model", metavar="PATH.gguf", help="GGUF model for the planner (default: the embedded one).")
@click.option("--server", metavar="URL", help="OpenAI-compatible server for the planner.")
@click.option("--ablate", type=click.Choice(["tools"]), help="tools: the same model answers with no tools at all.")
@click.option("--no-model", is_flag=True, help="Direct route only: what the exact engines read without a model.")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), help="Run folder (default: eval-runs/NAME).")
@click.option("--fresh", is_flag=True, help="Discard a previous run in the folder instead of resuming it.")
@click.option("--tolerance", type=float, default=1e-4, show_default=True, help="Relative tolerance for decimals.")
@click.option("--timeout", type=float, default=DEFAULT_TIMEOUT, show_default=True, help="Seconds per tool call.")
@click.option("--wall", type=float, help="Planner wall-clock budget per question, seconds (default: the planner's).")
@click.option("--planner-mode", type=click.Choice(["write", "score"]),
              help="score: the adapter ranks enumerated one- and two-operation chains (default: write, or CALX_PLANNER_MODE).")
@click.option("--quiet", is_flag=True, help="No progress bar.")
def run_command(dataset, fmt, limit, seed, workers, model, server, ablate, no_model, out, fresh, tolerance,
                timeout, wall, planner_mode, quiet) -> None:
    """Run the assistant over DATASET; write items.jsonl and summary.json; resume if interrupted."""
    from .datasets import resolve
    from .readers import read_dataset
    from .runner import ResumeMismatch, RunConfig, run

    if ablate and no_model:
        raise click.UsageError("--ablate tools and --no-model exclude each other")
    try:
        path = resolve(dataset)
        data = read_dataset(path, fmt)
    except (FileNotFoundError, ValueError) as exc:
        raise click.UsageError(str(exc)) from None
    mode = "no-tools" if ablate else "direct" if no_model else "tools"
    name = Path(dataset).stem if Path(dataset).is_file() else dataset
    config = RunConfig(dataset=name, dataset_file=path.name, format=data.format, mode=mode, model=model,
                       server=server, limit=limit, seed=seed, workers=max(1, workers), rel_tol=tolerance,
                       tool_timeout=timeout, wall_seconds=wall, planner_mode=planner_mode)
    out = out or Path("eval-runs") / (_run_name(name, mode, limit, seed) + (f"-{planner_mode}" if planner_mode else ""))
    for skip in data.skipped[:5]:
        click.echo(terminal_safe(f"skipped {skip.where}: {skip.reason}"), err=True)
    if len(data.skipped) > 5:
        click.echo(f"... {len(data.skipped) - 5} more records skipped", err=True)
    try:
        summary = run(config, data, out, fresh=fresh, progress=not quiet)
    except ResumeMismatch as exc:
        raise click.ClickException(str(exc)) from None
    except KeyboardInterrupt:
        click.echo(f"\ninterrupted: finished items are kept in {out}; run the same command to resume", err=True)
        sys.exit(130)
    click.echo(_one_line(summary, out))


def _run_name(name: str, mode: str, limit: int, seed: int) -> str:
    return f"{name}-{mode}" + (f"-n{limit}-s{seed}" if limit else "")


def _one_line(s: dict, out: Path) -> str:
    lo, hi = s["ci95"]
    ms = "-" if s["mean_ms"] is None else f"{s['mean_ms']:.0f} ms/item" if s["mean_ms"] < 1000 else f"{s['mean_ms'] / 1000:.2f} s/item"
    partial = "" if s["complete"] else f" (incomplete: {s['n']} of {s['selected']})"
    return (f"{s['dataset']} [{s['mode']}]: {s['correct']}/{s['n']} = {s['accuracy']:.1%} "
            f"(95% CI {lo:.1%}-{hi:.1%}), {ms}, {s['tool_calls_per_item']:.2f} tool calls/item{partial} -> {out}")


@eval_command.command("report")
@click.argument("runs", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--png", type=click.Path(dir_okay=False, path_type=Path), help="Also draw a bar chart to this PNG file.")
@click.option("--title", default="calx accuracy (95% Wilson interval)", show_default=True)
def report_command(runs, png, title) -> None:
    """Compare runs (run folders or summary.json files): a Markdown table, and a PNG chart with --png."""
    from .report import load_summaries, markdown_table

    summaries = load_summaries(list(runs))
    if not summaries:
        raise click.ClickException("no summary.json found in the given runs")
    click.echo(markdown_table(summaries))
    if png:
        from .chart import bar_chart

        png.write_bytes(bar_chart(summaries, title))
        click.echo(f"\nchart: {png}", err=True)


@eval_command.command("datasets")
def datasets_command() -> None:
    """The short dataset names and the files they stand for."""
    from .datasets import NAMES, benchmarks_dir

    root = benchmarks_dir()
    for name, file in sorted(NAMES.items()):
        mark = " " if (root / file).is_file() else "!"
        click.echo(f"{mark} {name:26} {file}")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def chains_command() -> None:
    """Calc-X chains: re-run their gadgets, or build them from GSM8K's <<a*b=c>> annotations."""


@chains_command.command("validate")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--timeout", type=float, default=DEFAULT_TIMEOUT, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON line per differing gadget call.")
def validate_command(file, timeout, as_json) -> None:
    """Re-run every gadget call of the Calc-X chains in FILE; report outputs that differ. Exit 1 if any."""
    from .chains import validate_file

    report = validate_file(file, timeout=timeout)
    for diff in report.diffs:
        if as_json:
            click.echo(json.dumps(diff.to_dict(), ensure_ascii=False))
        else:
            click.echo(terminal_safe(f"{diff.where}: {diff.tool}({diff.input!r}) recorded {diff.recorded!r}, "
                                     f"recomputed {diff.recomputed!r} [{diff.reason}]"))
    for where, reason in report.skipped:
        click.echo(terminal_safe(f"skipped {where}: {reason}"), err=True)
    click.echo(f"{report.chains} chains, {report.calls} gadget calls, {len(report.diffs)} differing, "
               f"{len(report.skipped)} records skipped", err=True)
    sys.exit(1 if report.diffs else 0)


@chains_command.command("from-gsm8k")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the Calc-X chains (JSONL) here; default: standard output.")
@click.option("--errors", type=click.Path(dir_okay=False, path_type=Path), help="Write annotation errors (JSONL) here.")
@click.option("--timeout", type=float, default=DEFAULT_TIMEOUT, show_default=True)
def from_gsm8k_command(file, output, errors, timeout) -> None:
    """Turn GSM8K <<expr=value>> annotations into Calc-X chains, recomputing every output with our calculator."""
    from .chains import convert_gsm8k

    sink = output.open("w", encoding="utf-8") if output else sys.stdout
    error_sink = errors.open("w", encoding="utf-8") if errors else None
    try:
        stats = convert_gsm8k(file, sink, error_sink, timeout=timeout)
    finally:
        if output:
            sink.close()
        if error_sink:
            error_sink.close()
    click.echo(f"{stats.records} problems, {stats.calls} annotations, {stats.mismatches} annotation values differ "
               f"from the calculator, {stats.unreadable} annotations unreadable, {stats.skipped} records skipped",
               err=True)
