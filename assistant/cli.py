"""`calx`: one-shot questions, single tool runs, models and environment checks. A thin consumer of Assistant.stream."""
from __future__ import annotations

import sys

import click

from .render import render_answer
from .terminal_text import terminal_safe

EXIT_ANSWERED, EXIT_NOT_ANSWERED, EXIT_USAGE = 0, 1, 2


# Commands that live in other modules, imported only when invoked (keeps `calx "2^100"` start-up light).
LAZY_COMMANDS = {
    "chat": "tui.app:chat_command",
    "eval": "assistant.evaluation.cli:eval_command",
    "chains": "assistant.evaluation.cli:chains_command",
    "doctor": "assistant.doctor:doctor_command",
    "sandbox": "assistant.doctor:sandbox_command",
}


class DefaultGroup(click.Group):
    """`calx "2^100"` runs the `ask` command; `calx tool ...` and other subcommands run as named."""

    default_command = "ask"

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        known = set(self.commands) | set(LAZY_COMMANDS)
        if not args and sys.stdin.isatty() and sys.stdout.isatty():
            args = ["chat"]  # bare `calx` on a terminal opens the TUI; piped, it reads a question from stdin
        if not args or args[0] not in known and args[0] not in ("--help", "-h", "--version"):
            args = [self.default_command, *args]
        return super().parse_args(ctx, args)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(self.commands) | set(LAZY_COMMANDS))

    def get_command(self, ctx: click.Context, name: str):
        if name in self.commands:
            return self.commands[name]
        target = LAZY_COMMANDS.get(name)
        if target is None:
            return None
        import importlib

        module_name, _, attr = target.partition(":")
        try:
            return getattr(importlib.import_module(module_name), attr)
        except (ImportError, AttributeError) as exc:
            return _unavailable(name, exc)


def _unavailable(name: str, exc: Exception) -> click.Command:
    @click.command(name=name, context_settings={"ignore_unknown_options": True})
    @click.argument("args", nargs=-1, type=click.UNPROCESSED)
    def command(args) -> None:
        raise click.ClickException(f"`calx {name}` is not available in this installation: {exc}")

    return command


@click.group(cls=DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="calx")
def main() -> None:
    """calx: a local, offline math assistant. Ask a question: calx "integrate x^2 sin(x)"."""


@main.command()
@click.argument("question", nargs=-1)
@click.option("--json", "as_json", is_flag=True, help="Print the Answer record as JSON.")
@click.option("-m", "--model", "model", metavar="PATH.gguf", help="A GGUF model file for the planner.")
@click.option("--server", metavar="URL", help="An OpenAI-compatible server for the planner.")
@click.option("--no-model", is_flag=True, help="Answer only what the exact engines read directly.")
@click.option("--timeout", type=float, default=10.0, show_default=True, help="Seconds per tool call.")
def ask(question: tuple[str, ...], as_json: bool, model: str | None, server: str | None, no_model: bool,
        timeout: float) -> None:
    """Answer QUESTION (read from standard input when not given)."""
    text = " ".join(question).strip()
    if not text and not sys.stdin.isatty():
        text = sys.stdin.read().strip()
    if not text:
        raise click.UsageError('no question given: calx "2^100"')
    from .assistant import Assistant
    from .answer import AnswerEvent, TokenEvent

    assistant = Assistant(model=model, server=server, tool_timeout=timeout, use_planner=not no_model)
    answer = None
    streaming = not as_json and sys.stderr.isatty()
    for event in assistant.stream(text):
        if isinstance(event, TokenEvent) and streaming:
            click.echo(click.style(terminal_safe(event.text), dim=True), nl=False, err=True)
        elif isinstance(event, AnswerEvent):
            answer = event.answer
    if streaming and answer is not None and answer.route == "planner":
        click.echo(err=True)
    if as_json:
        import json  # only --json needs it; a plain answer starts faster without

        click.echo(json.dumps(answer.to_dict(), ensure_ascii=False, indent=2))
    else:
        shown = render_answer(answer, color=sys.stdout.isatty())
        if shown:  # an unanswered question prints nothing on stdout: the reason goes to stderr
            click.echo(shown)
    if answer.error is not None:
        click.echo(terminal_safe(f"calx: {answer.error.type}: {answer.error.message}"), err=True)
        if answer.error.type.startswith("model_"):
            click.echo('calx: direct math ("2+3", "integrate x^2") needs no model and still works', err=True)
    sys.exit(EXIT_ANSWERED if answer.ok else EXIT_NOT_ANSWERED)


@main.command()
@click.argument("name")
@click.argument("text", nargs=-1, required=True)
@click.option("--timeout", type=float, default=10.0, show_default=True)
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


@main.command(name="tools")
def tools_list() -> None:
    """List the tools (gadgets) and what each does."""
    import tools

    for spec in tools.specs():
        click.echo(f"{spec.name:12} {spec.description}")


@main.command()
@click.option("-m", "--model", "model", metavar="PATH.gguf")
@click.option("--server", metavar="URL")
def models(model: str | None, server: str | None) -> None:
    """List the models available and the one in use."""
    from .models import list_models

    for info in list_models(model, server):
        mark = "*" if info.in_use else " "
        size = f"{info.size_bytes / 1e6:.0f} MB" if getattr(info, "size_bytes", None) else ""
        click.echo(f"{mark} {info.name:28} {info.kind:7} {size:>8}  {info.location}  {info.note}".rstrip())



if __name__ == "__main__":
    main()
