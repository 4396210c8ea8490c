"""Issue 14: `calx "-5 + 3"` and `calx -- "-5 + 3"` are the same question, answered -2; options still work."""
import json
import os
import subprocess
import sys

import pytest

CALX = [sys.executable, "-m", "assistant.cli"]


def calx(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "CALX_SERVER": "", "CALX_MODEL": "", "NO_COLOR": "1"}
    return subprocess.run([*CALX, *args], capture_output=True, text=True, timeout=120, env=env)


@pytest.mark.parametrize("args", [["-5 + 3"], ["--", "-5 + 3"], ["--no-model", "--", "-5 + 3"]])
def test_a_question_that_starts_with_a_minus_is_answered(args):
    done = calx(*args)
    assert done.returncode == 0, done.stderr
    assert "= -2" in done.stdout.splitlines()


def test_an_option_before_the_minus_question_still_applies():
    done = calx("--json", "--", "-5 + 3")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["answer"] == "-2"
