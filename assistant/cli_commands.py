"""calx's click commands: the options of every command line that is not a plain one-argument question.

Loaded by `assistant.cli.main` only when needed; the commands themselves are listed in `cli_ask.COMMANDS`.
"""
from __future__ import annotations

import importlib
import itertools
import sys

import click

from .cli_ask import COMMANDS, EXIT_ANSWERED, EXIT_NOT_ANSWERED, AskOptions, ask_questions, stdin_questions
from .terminal_text import terminal_safe

DEFAULTS = AskOptions()


class CalxGroup(click.Group):
    """`calx "2^100"` runs the `ask` command; `calx tool ...` and other subcommands run as named."""

    default_command = "ask"

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args and sys.stdin.isatty() and sys.stdout.isatty():
            args = ["chat"]  # bare `calx` on a terminal opens the TUI; piped, it reads questions from stdin
        if not args or args[0] not in COMMANDS and args[0] not in ("--help", "-h", "--version"):
            args = [self.default_command, *args]
        return super().parse_args(ctx, args)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str):
        target = COMMANDS.get(name)
        if target is None:
            return None
        module_name, _, attr = target.partition(":")
        try:
            return getattr(importlib.import_module(module_name), attr)
        except (ImportError, AttributeError) as exc:
            return _unavailable(name, exc)


class TextCommand(click.Command):
    """A command whose arguments are free text (a question, a tool's input), which may start with `-`:
    `calx -17 mod 5`, `calx tool calculator -2^2`. Only an argument spelled exactly as one of the command's
    options (`--json`, `-m PATH`, `--timeout=5`) is an option; every other argument is text, wherever it
    stands; after `--` everything is text."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        return super().parse_args(ctx, split_text(self.get_params(ctx), args))


def split_text(params: list[click.Parameter], args: list[str]) -> list[str]:
    """`args` reordered as options first, then `--`, then the text arguments in their order."""
    takes_value = {name: not (p.is_flag or p.count) for p in params if isinstance(p, click.Option)
                   for name in (*p.opts, *p.secondary_opts)}
    options: list[str] = []
    text: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            text.extend(args[i + 1:])
            break
        name = arg.partition("=")[0] if arg.startswith("--") else arg
        if name not in takes_value:
            text.append(arg)
        elif takes_value[name] and "=" not in arg:
            if i + 1 == len(args):
                return args  # `-m` with nothing after it: click says what is missing
            options += [arg, args[i + 1]]
            i += 1
        else:
            options.append(arg)
        i += 1
    return [*options, "--", *text]


def _unavailable(name: str, exc: Exception) -> click.Command:
    @click.command(name=name, context_settings={"ignore_unknown_options": True})
    @click.argument("args", nargs=-1, type=click.UNPROCESSED)
    def command(args) -> None:
        raise click.ClickException(f"`calx {name}` is not available in this installation: {exc}")

    return command


@click.group(cls=CalxGroup, name="calx", context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="calx")
def main() -> None:
    """calx: a local, offline math assistant. Ask a question: calx "integrate x^2 sin(x)".

    Questions may start with `-` (calx -17 mod 5). Without a question, calx answers standard input, one
    question per line. Exit status: 0 answered, 1 not answered or refuted by a check, 2 usage error."""


@click.command(cls=TextCommand)
@click.argument("question", nargs=-1)
@click.option("--json", "as_json", is_flag=True,
              help="Print the Answer record as JSON (JSON Lines when reading standard input).")
@click.option("-m", "--model", "model", metavar="PATH.gguf", help="A GGUF model file for the planner.")
@click.option("--server", metavar="URL", help="An OpenAI-compatible server for the planner.")
@click.option("--no-model", is_flag=True, help="Answer only what the exact engines read directly.")
@click.option("--no-adapter", is_flag=True,
              help="Plan with the embedded model alone, without calx's trained planner adapter (docs/MODEL.md).")
@click.option("--planner-mode", type=click.Choice(["write", "score"]),
              help="score: the adapter ranks the one- and two-operation chains over the question's numbers "
                   "instead of writing one (slower; default: write, or CALX_PLANNER_MODE).")
@click.option("--timeout", type=float, default=DEFAULTS.timeout, show_default=True, help="Seconds per tool call.")
def ask(question: tuple[str, ...], **options) -> None:
    """Answer QUESTION; without one, answer each line of standard input."""
    text = " ".join(question).strip()
    settings = AskOptions(**options)
    if text:
        sys.exit(ask_questions([text], settings))
    if question or sys.stdin.isatty():
        raise click.UsageError('no question given: calx "2^100"')
    lines = stdin_questions()
    first = next(lines, None)
    if first is None:
        raise click.UsageError('no question given: standard input had none (calx "2^100", or one question a line)')
    sys.exit(ask_questions(itertools.chain([first], lines), settings, one_per_line=True))


@click.command(cls=TextCommand)
@click.argument("name")
@click.argument("text", nargs=-1, required=True)
@click.option("--timeout", type=float, default=DEFAULTS.timeout, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print the ToolResult as JSON.")
def tool(name: str, text: tuple[str, ...], timeout: float, as_json: bool) -> None:
    """Run one tool (gadget) on TEXT: calx tool bigint "factor(2^64+1)"."""
    import tools

    if name not in tools.names():
        raise click.UsageError(f"unknown tool {name!r}; known tools: {', '.join(tools.names())}")
    result = tools.run(name, " ".join(text), timeout=timeout)
    if as_json:
        record = {"ok": result.ok, "output": result.output, "ms": result.ms,
                  "error": None if result.error is None else {"type": result.error.type, "message": result.error.message}}
        import json

        click.echo(json.dumps(record, ensure_ascii=False, indent=2))
    else:
        click.echo(terminal_safe(result.output), err=not result.ok)
    sys.exit(EXIT_ANSWERED if result.ok else EXIT_NOT_ANSWERED)


@click.command(name="tools")
def tools_list() -> None:
    """List the tools (gadgets) and what each does."""
    import tools

    for spec in tools.specs():
        click.echo(f"{spec.name:12} {spec.description}")


@click.command()
@click.option("-m", "--model", "model", metavar="PATH.gguf")
@click.option("--server", metavar="URL")
@click.option("--no-adapter", is_flag=True, help="As `calx --no-adapter` would plan.")
def models(model: str | None, server: str | None, no_adapter: bool) -> None:
    """List the models (and the planner adapter) available, marking those in use."""
    from .models import list_models

    for info in list_models(model, server, adapter=False if no_adapter else None):
        mark = "*" if info.in_use else " "
        size = f"{info.size_bytes / 1e6:.0f} MB" if getattr(info, "size_bytes", None) else ""
        click.echo(f"{mark} {info.name:28} {info.kind:7} {size:>8}  {info.location}  {info.note}".rstrip())
