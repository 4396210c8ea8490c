"""The Sandbox contract: values, prints, typed errors, state, reset, replacement, caps, the report."""
from __future__ import annotations

from dataclasses import replace

import sandbox
from sandbox import IsolationReport, RunResult, SandboxConfig


def test_value_of_last_expression(sb):
    r = sb.run("x = 2\nx**10", timeout=5.0)
    assert isinstance(r, RunResult)
    assert (r.value, r.error, r.stdout) == ("1024", None, "")
    assert r.ms > 0


def test_statement_has_no_value_and_prints_are_captured(sb):
    r = sb.run("for i in range(3):\n    print(i)")
    assert r.value is None and r.stdout == "0\n1\n2\n"
    assert sb.run("import sys\nprint('warn', file=sys.stderr)").stderr == "warn\n"


def test_state_persists_between_runs(sb):
    sb.run("def sq(n):\n    return n * n\nacc = [sq(3)]")
    assert sb.run("acc.append(sq(4))\nacc").value == "[9, 16]"


def test_python_error_is_typed_with_the_exception_line(sb):
    r = sb.run("print('before')\n{}['missing']")
    assert r.error.type == "python_error"
    assert r.error.message == "KeyError: 'missing'"
    assert 'File "<calx>", line 2' in r.error.traceback and "_pyodide" not in r.error.traceback
    assert r.stdout == "before\n"


def test_syntax_error(sb):
    r = sb.run("def f(:\n  pass")
    assert r.error.type == "python_error" and r.error.message.startswith("SyntaxError")


def test_system_exit_is_an_error_not_a_dead_worker(sb):
    pid = sb.pid()
    assert sb.run("raise SystemExit(3)").error.message == "SystemExit: 3"
    assert sb.pid() == pid


def test_sympy_and_mpmath_inside(sb):
    assert sb.run("import sympy as sp\nx = sp.Symbol('x')\nsp.factor(x**2 - 1)", timeout=60).value == "(x - 1)*(x + 1)"
    assert sb.run("import mpmath\nmpmath.mp.dps = 30\nstr(mpmath.pi)", timeout=30).value == "'3.14159265358979323846264338328'"


def test_reset_clears_state(fresh):
    box = fresh()
    box.run("secret_var = 1")
    box.reset()
    assert "NameError" in box.run("secret_var", timeout=30).error.message


def test_timeout_then_next_call_works(fresh):
    box = fresh()
    box.run("kept = 1")
    r = box.run("while True: pass", timeout=0.5)
    assert r.error.type == "timeout" and "state is lost" in r.error.message
    assert box.run("1+1", timeout=30).value == "2"


def test_crash_is_typed_and_replaced(fresh):
    box = fresh()
    r = box.run("import os\nos.system('true')")
    assert r.error.type == "crashed" and "next run starts a fresh interpreter" in r.error.message
    assert box.run("2+2", timeout=30).value == "4"


def test_value_and_output_caps(fresh):
    box = fresh(replace(SandboxConfig(), output_limit=1000, value_limit=300))
    r = box.run("print('a' * 5000)\n'b' * 5000")
    assert r.error.type == "output_limit" and len(r.stdout) == 1000
    assert r.notes and "4,001 more dropped" in r.notes[0]
    assert r.value.startswith("'bbb") and r.value[:301].count("b") == 299 and "4,702 characters cut" in r.value


def test_isolation_report_lists_every_layer(sb):
    report = sb.run("1").isolation
    assert isinstance(report, IsolationReport)
    names = [l.name for l in report.layers]
    for expected in ("webassembly", "bridge-filter", "js-permissions", "codegen-ban", "os-isolation",
                     "unprivileged-user", "seccomp", "rlimits", "network", "supervisor"):
        assert expected in names
    assert report.missing == []  # this machine (and CI) has every layer


def test_report_says_why_a_layer_is_missing():
    from sandbox import Sandbox

    box = Sandbox(replace(SandboxConfig(), seccomp=False))
    layer = box.isolation.layer("seccomp")
    assert not layer.active and "turned off" in layer.detail
    assert "seccomp" in box.isolation.summary() and "OFF" in box.isolation.summary()
    box.close()


def test_doctor_reports_layers_and_files():
    report = sandbox.doctor()
    assert report.layer("pyodide-files").active
    assert report.layer("js-permissions").active


def test_bad_input_is_typed(sb):
    assert sb.run(b"1+1").error.type == "bad_input"  # type: ignore[arg-type]


def test_worker_started_on_a_short_lived_thread_survives_it(fresh):
    # bubblewrap's parent-death signal is tied to the starting thread; the sandbox must not die with it.
    import threading

    box = fresh()
    t = threading.Thread(target=lambda: box.run("kept = 5", timeout=30))
    t.start()
    t.join()
    assert box.run("kept * 2", timeout=30).value == "10"


def test_replacement_after_a_kill_starts_in_the_background(fresh):
    import time

    box = fresh()
    box.run("1", timeout=30)
    old = box.pid()
    assert box.run("while True: pass", timeout=0.5).error.type == "timeout"
    deadline = time.monotonic() + 60
    while box.pid() in (None, old) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert box.pid() not in (None, old)  # a new worker exists before anyone asked for it
    assert box.run("3", timeout=30).value == "3"
