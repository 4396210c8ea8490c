"""The README's commands run as written, so the README cannot drift from the program.

Each line of the "Use" block runs through a shell with `calx` meaning this checkout's CLI; it must exit 0
and print something, and a figure its comment promises (`# exact: 1267...`, `# 833/2 ≈ ...`) must be in
what it prints. The set-up command's output shown in the README must be the real output, line for line.
"""
from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[1] / "README.md"
CALX = f"{shlex.quote(sys.executable)} -m assistant.cli"


def _section_blocks(heading: str) -> list[str]:
    text = README.read_text()
    section = text.split(heading, 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```(?:sh)?\n(.*?)```", section, re.S)


def _use_lines() -> list[tuple[str, str]]:
    lines = []
    for line in _section_blocks("## Use")[0].splitlines():
        command, _, comment = re.split(r"\s{2,}(#)\s?", line, maxsplit=1) if "  #" in line else (line, "", "")
        if command.strip() and "..." not in command:  # "..." stands for the reader's own question
            lines.append((command.strip(), comment.strip()))
    return lines


def _run(command: str) -> subprocess.CompletedProcess:
    shell = re.sub(r"(^|\|\s*)calx\b", lambda m: m.group(1) + CALX, command)
    return subprocess.run(["bash", "-c", shell], capture_output=True, text=True, timeout=300,
                          cwd=README.parent)


@pytest.mark.parametrize("command, comment", _use_lines(), ids=lambda v: v[:40] if isinstance(v, str) else v)
def test_every_use_example_runs(command, comment):
    done = _run(command)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip()
    for figure in re.findall(r"\d+/\d+|\d{3,}", comment):  # the figures a comment promises
        assert figure in done.stdout, (figure, done.stdout)


def test_the_setup_output_shown_is_the_real_output():
    setup = _section_blocks("## Set up")
    question = re.search(r'calx "([^"]+)"', setup[0]).group(1)
    shown = setup[2].strip()
    done = _run(f"calx {shlex.quote(question)}")
    assert done.stdout.strip() == shown


def test_the_use_block_was_read():
    """The parametrized test above passes over nothing if the block stops being found: make that fail."""
    commands = [command for command, _ in _use_lines()]
    assert len(commands) >= 10 and 'calx "2^100"' in commands
