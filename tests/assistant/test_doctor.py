"""`calx doctor` reports every engine, the planner and each sandbox layer, and says what is missing."""
import subprocess
import sys

from assistant import doctor


def test_doctor_lists_engines_planner_and_sandbox_layers():
    done = subprocess.run([sys.executable, "-m", "assistant.cli", "doctor"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    text = done.stdout
    for heading in ("Engines", "Planner", "Sandbox"):
        assert f"\n{heading}\n" in text
    for engine, _ in doctor.ENGINES:
        assert any(line.startswith("ok ") and f" {engine} " in line for line in text.splitlines())
    assert "sandbox seccomp" in text and "sandbox js-permissions" in text
    assert "\nVerdict: ready" in text  # every layer is here on the machines the tests run on


def test_a_missing_engine_is_reported_not_raised(monkeypatch):
    monkeypatch.setattr(doctor, "ENGINES", [("no_such_engine_calx", "a part that is not installed")])
    (finding,) = doctor.engine_findings()
    assert not finding.ok and "not importable" in finding.detail
    assert doctor.render([finding]).startswith("NO ")
