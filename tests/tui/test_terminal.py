"""calx in a real terminal: tmux runs the `calx` console script, we type, and read the answer off the screen."""
from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time

import pytest

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed (.ci/setup/30-tui.sh)")


class Terminal:
    def __init__(self, tmp_path, command: list[str], size=(100, 30)):
        self.socket = f"calx-test-{os.getpid()}"
        env = {"XDG_CONFIG_HOME": tmp_path / "config", "XDG_DATA_HOME": tmp_path / "data",
               "XDG_STATE_HOME": tmp_path / "state", "TERM": "xterm-256color"}
        line = "env " + " ".join(f"{k}={shlex.quote(str(v))}" for k, v in env.items()) + " " + shlex.join(command)
        self.tmux("-f", "/dev/null", "new-session", "-d", "-s", "calx", "-x", str(size[0]), "-y", str(size[1]),
                  "-c", str(tmp_path), line)
        self.tmux("set-option", "-t", "calx", "remain-on-exit", "on")

    def tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", "-L", self.socket, *args], check=True, capture_output=True, text=True).stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "calx")

    def keys(self, *keys: str, literal: bool = False) -> None:
        self.tmux("send-keys", "-t", "calx", *(["-l"] if literal else []), *keys)

    def wait_for(self, text: str, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} not on the screen after {timeout}s:\n{self.screen()}")

    def dead(self) -> bool:
        return self.tmux("list-panes", "-t", "calx", "-F", "#{pane_dead}").strip() == "1"

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)


def calx_command() -> list[str]:
    script = shutil.which("calx")
    return [script] if script else [sys.executable, "-c", "from assistant.cli import main; main()"]


def type_question(term: Terminal, text: str, timeout: float = 20.0) -> None:
    """Type until the question box shows the text: keys sent while the app is still starting can be lost."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        term.keys(text, literal=True)
        end = time.monotonic() + 2
        while time.monotonic() < end:
            if any(line.startswith("│ " + text) for line in term.screen().splitlines()):
                return
            time.sleep(0.1)
        term.keys("C-u")  # clear a partial line and try again
    raise AssertionError(f"could not type {text!r}:\n{term.screen()}")


def test_bare_calx_opens_the_tui_answers_on_screen_and_quits(tmp_path):
    term = Terminal(tmp_path, calx_command())
    try:
        term.wait_for("Ask calx")
        type_question(term, "2^100")
        term.keys("Enter")
        screen = term.wait_for("= 1267650600228229401496703205376")
        assert "✓ recomputed" in screen
        assert "calx: loading" not in screen, "model-loading chatter must not scribble over the TUI"
        term.keys("C-q")
        deadline = time.monotonic() + 10
        while not term.dead() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert term.dead(), "Ctrl+Q quits"
    finally:
        term.close()
    assert (tmp_path / "data" / "calx" / "history.db").is_file(), "the chat was saved under $XDG_DATA_HOME"


BURSTS = 20


def test_text_and_enter_in_one_write_answer_that_question(tmp_path):
    """`tmux send-keys "2^k" Enter` writes text and Enter to the terminal at once, as a paste without
    bracketed paste, fast typing or ssh do: the app must answer exactly that question, every time."""
    from tui.history import HistoryStore

    term = Terminal(tmp_path, calx_command() + ["chat", "--no-model"], size=(120, 40))
    powers = {f"2^{k}": 2 ** k for k in range(100, 100 + BURSTS)}
    questions = list(powers)
    answered = []
    try:
        term.wait_for("Ask calx")
        type_question(term, "1+1")  # the app is up and the box has focus
        term.keys("Enter")
        term.wait_for("= 2")
        for question in questions:
            term.tmux("send-keys", "-t", "calx", question, "Enter")  # one command: one write to the pane
            try:
                screen = term.wait_for(f"= {powers[question]}", timeout=10)
            except AssertionError:
                continue
            box = [line for line in screen.splitlines() if line.startswith("│ ")]
            if box and box[-1].strip("│ ") == "":
                answered.append(question)  # answered, and the box is empty again
        term.keys("C-q")
        deadline = time.monotonic() + 10
        while not term.dead() and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        term.close()
    print(f"text+Enter in one write answered {len(answered)}/{BURSTS}")
    assert answered == questions, f"{len(answered)}/{BURSTS} answered; missing {sorted(set(questions) - set(answered))}"
    store = HistoryStore(tmp_path / "data" / "calx" / "history.db")
    (chat,) = store.chats()
    asked = [m.text for m in store.messages(chat.id) if m.role == "user"]
    assert asked == ["1+1", *questions], "each question asked once, as typed, nothing else"
