"""Untrusted text (model output, a sandboxed program's prints) never reaches the terminal as escape sequences."""
from __future__ import annotations

import shutil
import subprocess
import sys
import time

import pytest
from assistant.answer import Answer, AnswerError, Check
from assistant.render import render_answer
from assistant.terminal_text import terminal_safe

OSC_TITLE = "\x1b]2;PWNED\x1b\\"  # set the window title
OSC_CLIPBOARD = "\x1b]52;c;cm0gLXJmIH4K\x07"  # write the clipboard
HOSTILE = f"42{OSC_TITLE}{OSC_CLIPBOARD}\x9b31m\u202eevil"


def test_terminal_safe_shows_every_control_character_and_keeps_lines():
    shown = terminal_safe(HOSTILE + "\nnext\tcell")
    assert "\x1b" not in shown and "\x07" not in shown and "\x9b" not in shown and "\u202e" not in shown
    assert shown == ("42\\x1b]2;PWNED\\x1b\\\\x1b]52;c;cm0gLXJmIH4K\\x07\\x9b31m\\u202eevil\nnext\tcell")
    assert terminal_safe("½ · √2 ≈ 1.414") == "½ · √2 ≈ 1.414"  # ordinary Unicode is untouched


@pytest.mark.parametrize("color", [False, True])
def test_cli_rendering_of_a_hostile_answer_has_only_our_own_escapes(color):
    answer = Answer(question="q", route="planner", answer=HOSTILE, understood=f"read as {OSC_TITLE}",
                    checks=[Check("range", False, OSC_CLIPBOARD)], error=AnswerError("model_error", OSC_TITLE))
    text = render_answer(answer, color=color)
    assert "PWNED" in text and "\\x1b]2;PWNED" in text  # shown, visibly
    for sequence in ("\x1b]", "\x07", "\x9b", "\u202e"):
        assert sequence not in text
    if color:  # our colours are still there: click's SGR codes are the only escapes
        assert "\x1b[" in text


def test_cli_tool_output_from_the_sandbox_is_made_safe():
    program = 'print("before\\x1b]2;PWNED\\x1b\\\\after")'
    done = subprocess.run([sys.executable, "-m", "assistant.cli", "tool", "python", program],
                          capture_output=True, timeout=180)
    if done.returncode != 0 and b"unavailable" in done.stderr:
        pytest.skip(f"sandbox unavailable here: {done.stderr[-200:]!r}")
    assert done.returncode == 0, done.stderr
    assert b"\x1b" not in done.stdout
    assert b"before\\x1b]2;PWNED\\x1b\\after" in done.stdout


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed (.ci/setup/30-tui.sh)")
def test_a_real_terminal_keeps_its_title_when_a_program_prints_an_osc_sequence(tmp_path):
    socket = f"calx-safe-{time.monotonic_ns()}"
    program = 'print("\\x1b]2;PWNED\\x1b\\\\done")'
    command = f"{sys.executable} -m assistant.cli tool python '{program}'; echo FINISHED; sleep 30"

    def tmux(*args):
        return subprocess.run(["tmux", "-L", socket, *args], capture_output=True, text=True, check=True).stdout

    tmux("-f", "/dev/null", "new-session", "-d", "-s", "t", "-x", "100", "-y", "20", "-c", str(tmp_path), command)
    try:
        tmux("set-option", "-t", "t", "allow-rename", "on")
        deadline = time.monotonic() + 180
        while "FINISHED" not in tmux("capture-pane", "-p", "-t", "t") and time.monotonic() < deadline:
            time.sleep(0.2)
        screen = tmux("capture-pane", "-p", "-t", "t")
        assert "FINISHED" in screen, screen
        assert "PWNED" in screen  # the text is shown...
        assert "PWNED" not in tmux("display-message", "-p", "-t", "t", "#{pane_title}")  # ...not obeyed
    finally:
        subprocess.run(["tmux", "-L", socket, "kill-server"], capture_output=True)
