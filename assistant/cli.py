"""The `calx` console entry.

`calx "2^100"` is mostly start-up, so a command line of plain words (no option, no subcommand) is answered here
without importing click; every other command line goes to the click group in cli_commands.py, which owns the
options. Both paths run questions through `cli_ask.ask_questions`, so they answer, print and exit alike.
"""
from __future__ import annotations

import sys

from .cli_ask import COMMANDS, AskOptions, ask_questions


class Entry:
    """`calx` itself (pyproject's console script and `python -m assistant.cli`).

    Called, it answers a plain question at once and hands anything else to the click group; as an object it
    stands for that group (`CliRunner().invoke(main, [...])` works), which is imported on first use."""

    name = "calx"

    def __call__(self, args: list[str] | None = None, **extra) -> None:
        argv = list(sys.argv[1:] if args is None else args)
        question = plain_question(argv)
        if question is not None and not extra:
            sys.exit(ask_questions([question], AskOptions()))
        self.group.main(args=argv, prog_name="calx", **extra)

    @property
    def group(self):
        from .cli_commands import main as group

        return group

    def __getattr__(self, attr: str):
        return getattr(self.group, attr)


def plain_question(argv: list[str]) -> str | None:
    """The question when the command line is words that click would read as a question anyway: none of them
    starts with `-` (an option, `--`, or a negative number click must sort out) and the first is no command
    name. Anything else (options, standard input, subcommands) is click's to read."""
    if not argv or argv[0] in COMMANDS or any(arg.startswith("-") for arg in argv):
        return None
    text = " ".join(argv).strip()
    return text or None


main = Entry()

if __name__ == "__main__":
    main()
