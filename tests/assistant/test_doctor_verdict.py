"""`calx doctor` ends with a verdict and exits non-zero when a layer the sandbox relies on is missing, saying
how to install it. Layers are taken away for real: a PATH without bubblewrap, a pyseccomp that cannot load."""
import os
import shutil
import subprocess
import sys

import pytest

from assistant import doctor


def run_doctor(env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "assistant.cli", "doctor"], capture_output=True, text=True,
                          timeout=300, env=env)


def line_of(text: str, part: str) -> str:
    return next(line for line in text.splitlines() if f" {part} " in line)


def last_lines(text: str) -> str:
    return text.rstrip().split("\n\n")[-1]


@pytest.mark.skipif(shutil.which("bwrap") is None, reason="bubblewrap is not installed on this machine")
def test_without_bubblewrap_on_path_the_verdict_fails_and_says_how_to_install_it(tmp_path):
    done = run_doctor({**os.environ, "PATH": str(tmp_path)})  # an empty directory: no bwrap to find
    assert done.returncode == 1, done.stdout
    assert line_of(done.stdout, "sandbox os-isolation").startswith("NO ")
    verdict = last_lines(done.stdout)
    assert verdict.startswith("Verdict: NOT READY")
    assert "sandbox os-isolation" in verdict and "apt-get install bubblewrap" in verdict


def test_a_pyseccomp_that_cannot_load_fails_the_verdict(tmp_path):
    (tmp_path / "pyseccomp.py").write_text("raise OSError('libseccomp.so.2: cannot open shared object file')\n")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), os.environ.get("PYTHONPATH", "")])}
    done = run_doctor(env)
    assert done.returncode == 1
    assert line_of(done.stdout, "sandbox seccomp").startswith("NO ") and "libseccomp.so.2" in done.stdout
    assert "apt-get install libseccomp2" in last_lines(done.stdout)


def test_a_missing_optional_part_is_reported_without_failing_the_verdict():
    pending = doctor.Finding("sandbox snapshot", False, "not built yet: built on first use", needed=False)
    status, text = doctor.verdict([doctor.Finding("gmpy2", True, "2.2.2"), pending])
    assert status == 0 and text.startswith("Verdict: ready") and "sandbox snapshot" in text


def test_every_missing_part_is_named_with_its_fix_once():
    bwrap = doctor.Finding("sandbox os-isolation", False, "not installed", fix="apt-get install bubblewrap")
    user = doctor.Finding("sandbox unprivileged-user", False, "needs bubblewrap", fix="apt-get install bubblewrap")
    status, text = doctor.verdict([bwrap, user])
    assert status == 1
    assert "2 missing: sandbox os-isolation, sandbox unprivileged-user" in text
    assert text.count("apt-get install bubblewrap") == 1


def test_first_use_parts_are_not_needed_but_a_missing_js_host_is():
    from sandbox.result import Layer

    assert not doctor._layer_finding(Layer("snapshot", False, "not built yet: built on first use")).needed
    host = doctor._layer_finding(Layer("js-host", False, "the JS runtime deno was not found at /x"))
    assert host.missing and "pip install deno" in host.fix
