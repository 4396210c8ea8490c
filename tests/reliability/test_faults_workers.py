"""Faults in the worker processes, caused for real: the JS host missing or broken, Pyodide files damaged
in the cache, the sandbox's JS host killed mid-run, the warm SymPy worker killed idle and mid-integral.

Each test shows three things: the user gets a clear typed error (never a hang or a traceback), the
next call works (a fresh worker, fetched or rebuilt files), and what the assistant can still answer
(arithmetic, symbolic math, the planner's chain) goes on being answered.

Nothing is mocked: real Pyodide under real Deno inside bubblewrap, real `python -m tools.symbolic.server`
workers, real signals. Damage is only ever done to a copy of the Pyodide cache in a temporary
directory, pointed to by $CALX_SANDBOX_CACHE; the real cache is fingerprinted and must not change.
"""
from __future__ import annotations

import fcntl
import hashlib
import http.server
import io
import os
import shutil
import signal
import subprocess
import sys
import struct
import tarfile
import termios
import threading
import time
from pathlib import Path

import pytest

import tools
from assistant import Assistant
from assistant.models import ScriptedModel
from assistant.planner import Planner
from sandbox import assets
from tools.python import PythonTool

from procfs import live_processes
from tools.python.session import PythonSession
from tools.symbolic import TOOL as SYMBOLIC
from tools.symbolic.worker import POOL

PROJECT = Path(__file__).resolve().parents[2]
CLOSED_PORT_REGISTRY = "http://127.0.0.1:9"  # a real connection attempt that is refused: "offline"
SLOW_INTEGRAL = "integrate(exp(-x^2) sin(x)^3 / (1 + x^4), x)"  # SymPy works on it for well over 10 s


# -- helpers ------------------------------------------------------------------------------------------

def still_answers() -> None:
    """What must keep working whatever happened to the python gadget: exact arithmetic, symbolic math,
    and the assistant's direct route."""
    assert tools.run("calculator", "2^100 + 1", timeout=10).output == "1267650600228229401496703205377"
    assert tools.run("symbolic", "integrate(x^2, x)", timeout=30).output.startswith("x**3/3")
    answer = Assistant(use_planner=False).ask("2^1000 mod 13")
    assert (answer.answer, answer.route, answer.error) == ("3", "direct", None)


def process_state(pid: int) -> str | None:
    """The /proc state letter of `pid` ('R', 'S', 'Z', ...), or None once it is gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return stat[stat.rindex(")") + 2]


def wait_dead(pid: int, within: float = 10.0) -> None:
    deadline = time.monotonic() + within
    while process_state(pid) not in (None, "Z"):
        assert time.monotonic() < deadline, f"process {pid} survived SIGKILL"
        time.sleep(0.01)


def descendants(pid: int) -> list[tuple[int, str]]:
    """(pid, command) of every live process below `pid`, however many sessions deep (bubblewrap nests)."""
    children: dict[int, list[tuple[int, str]]] = {}
    for child, comm, fields in live_processes():
        children.setdefault(int(fields[1]), []).append((child, comm))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child[0])
    return found


def cpu_ticks(pid: int) -> int:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def wait_busy(pid: int, within: float = 30.0) -> None:
    """Until `pid` is burning CPU, i.e. the call under test is really running."""
    deadline = time.monotonic() + within
    before = cpu_ticks(pid)
    while cpu_ticks(pid) < before + 20:  # 0.2 s of CPU at 100 Hz
        assert time.monotonic() < deadline, "the call never started computing"
        time.sleep(0.05)


def wait_written(pipe_fd: int, within: float = 10.0) -> None:
    """Until bytes wait unread in a pipe (FIONREAD works on the write end too)."""
    deadline = time.monotonic() + within
    while struct.unpack("i", fcntl.ioctl(pipe_fd, termios.FIONREAD, b"\0" * 4))[0] == 0:
        assert time.monotonic() < deadline, "the request was never written"
        time.sleep(0.005)


def stop_all(pids: list[int], within: float = 10.0) -> None:
    """SIGSTOP each process and wait until /proc shows every one stopped (a stop takes effect only when
    the process next runs, and the JS host can still read its pipe until then)."""
    deadline = time.monotonic() + within
    while True:
        running = [pid for pid in pids if process_state(pid) not in ("T", "t")]
        if not running:
            return
        assert time.monotonic() < deadline, f"processes {running} would not stop"
        for pid in running:
            os.kill(pid, signal.SIGSTOP)
        time.sleep(0.01)


def killed_after_the_write(pid: int, stdin, call) -> object:
    """Stop the worker and everything under it, start `call`, let its request land unread in the worker's
    stdin pipe, then SIGKILL the group: the worker dies with the request written but never taken. (A killed
    multi-threaded worker can hold its pipe open like this on its own: the race CI met.) Bubblewrap puts the
    JS host in sessions of its own, so each descendant is stopped by pid; the kill reaches them through
    bubblewrap's die-with-parent."""
    stop_all([pid] + [child for child, _ in descendants(pid)])
    try:
        background = InBackground(call)
        wait_written(stdin.fileno())
    finally:
        os.killpg(pid, signal.SIGKILL)
    return background.result(within=120)[0]


class InBackground:
    """Run `fn` on a thread; `.result(within)` waits for it and says how long that took."""

    def __init__(self, fn):
        self.value = None
        self._thread = threading.Thread(target=self._run, args=(fn,), daemon=True)
        self._thread.start()

    def _run(self, fn):
        self.value = fn()

    def result(self, within: float):
        started = time.monotonic()
        self._thread.join(within)
        assert not self._thread.is_alive(), f"the call did not return within {within} s"
        return self.value, time.monotonic() - started


# -- the Pyodide cache: a private copy to damage, the real one fingerprinted ----------------------------

def identity(root: Path) -> dict[str, tuple[int, int]]:
    return {str(p): (p.stat().st_size, p.stat().st_mtime_ns) for p in sorted(root.rglob("*"))
            if p.is_file() and not p.name.endswith(assets.DIGEST_SUFFIX)}


@pytest.fixture(scope="module")
def real_cache():
    """The real, shared cache, made complete first (as `calx sandbox install` would), then watched."""
    import sandbox

    sandbox.install(progress=io.StringIO())
    found = assets.assets()
    before = identity(found.root)
    yield found
    assert identity(found.root) == before, "a fault test changed the real Pyodide cache"


@pytest.fixture(scope="module")
def pristine(real_cache, tmp_path_factory) -> Path:
    """One copy of the real cache's files (the Deno snapshot and digests included)."""
    root = tmp_path_factory.mktemp("pristine-cache")
    target = root / real_cache.root.name
    target.mkdir()
    shutil.copytree(real_cache.pyodide, target / "package")
    for path in real_cache.root.iterdir():
        if path.is_file() and (path.name.startswith("site-packages.zip") or path.name.startswith("snapshot-deno-")):
            shutil.copy2(path, target / path.name)
    return root


@pytest.fixture
def cache_copy(pristine, tmp_path, monkeypatch) -> assets.Assets:
    """A private copy of the cache that this test may damage, used by every sandbox it starts; the npm
    registry is unreachable unless the test says otherwise."""
    root = tmp_path / "cache"
    shutil.copytree(pristine, root)
    monkeypatch.setenv("CALX_SANDBOX_CACHE", str(root))
    monkeypatch.setenv("CALX_NPM_REGISTRY", CLOSED_PORT_REGISTRY)
    found = assets.assets()
    assert found.root == root / pristine.joinpath(found.root.name).name
    return found


def truncate(path: Path, keep: float) -> None:
    with open(path, "r+b") as f:
        f.truncate(int(path.stat().st_size * keep))


def scribble(path: Path) -> None:
    """Overwrite 4 KiB in the middle: same size, different bytes."""
    with open(path, "r+b") as f:
        f.seek(path.stat().st_size // 2)
        f.write(os.urandom(4096))


@pytest.fixture
def python_tool():
    """A python gadget with its own session (the process-wide one is left alone)."""
    tool = PythonTool(PythonSession())
    yield tool
    pid = tool.session._sandbox.pid() if tool.session._sandbox else None
    tool.session.close()
    if pid:
        assert descendants(pid) == [], "a sandbox process outlived its session"


# -- JS host missing or broken ------------------------------------------------------------------------

def test_missing_js_host_is_a_typed_error_and_the_rest_still_answers(monkeypatch, tmp_path, python_tool):
    monkeypatch.setenv("CALX_DENO_BIN", str(tmp_path / "no-such-deno"))
    for _ in range(2):  # the second call fails the same way, just as fast: nothing is left half-started
        started = time.monotonic()
        r = python_tool.run("6 * 7", timeout=10)
        assert time.monotonic() - started < 5
        assert not r.ok and r.error.type == "unavailable"
        assert r.output.startswith(f"ERROR: SandboxUnavailable: the JS runtime deno was not found at {tmp_path}")
        assert "$CALX_DENO_BIN" in r.output
    assert not python_tool.session.sandbox().isolation.layer("js-permissions").active
    still_answers()


def test_non_executable_js_host_is_named_with_its_mode(monkeypatch, tmp_path, python_tool):
    fake = tmp_path / "deno"
    fake.write_text("#!/bin/sh\nexit 0\n")
    fake.chmod(0o644)
    monkeypatch.setenv("CALX_DENO_BIN", str(fake))
    r = python_tool.run("6 * 7", timeout=10)
    assert r.error.type == "unavailable" and f"deno at {fake}" in r.output and "not executable (mode 644)" in r.output
    still_answers()


def test_js_host_that_does_not_run_is_unavailable_and_the_snapshot_is_kept(monkeypatch, tmp_path, cache_copy,
                                                                          python_tool):
    # Executable, but not a JS runtime: the start fails, the retry without the snapshot fails too,
    # so the snapshot is not blamed (it is not thrown away).
    fake = tmp_path / "deno"
    fake.write_text("#!/bin/sh\necho 'deno: cannot run here' >&2\nexit 3\n")
    fake.chmod(0o755)
    monkeypatch.setenv("CALX_DENO_BIN", str(fake))
    snapshot = cache_copy.snapshot("deno")
    assert snapshot.is_file()
    started = time.monotonic()
    r = python_tool.run("6 * 7", timeout=10)
    assert time.monotonic() - started < 20
    assert r.error.type == "unavailable" and r.output.startswith("ERROR: SandboxUnavailable: the sandbox could not start")
    assert snapshot.is_file()
    monkeypatch.delenv("CALX_DENO_BIN")  # the runtime is back: the same session recovers on its next call
    assert python_tool.run("6 * 7", timeout=60).output == "42"


def run_doctor(**env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "assistant.cli", "doctor"], capture_output=True, text=True,
                          timeout=300, cwd=PROJECT, env={**os.environ, **env})


def line_of(text: str, part: str) -> str:
    return next(line for line in text.splitlines() if f" {part} " in line)


def test_doctor_says_what_is_wrong_with_the_js_host(tmp_path):
    missing = run_doctor(CALX_DENO_BIN=str(tmp_path / "no-such-deno"))
    assert missing.returncode == 1, missing.stderr  # the math engines are fine, but the sandbox cannot start
    assert "Verdict: NOT READY" in missing.stdout and "pip install deno==" in missing.stdout
    host = line_of(missing.stdout, "sandbox js-host")
    assert host.startswith("NO ") and f"not found at {tmp_path}/no-such-deno (set by $CALX_DENO_BIN)" in host
    assert "The python gadget cannot run until sandbox js-host is fixed" in missing.stdout
    fake = tmp_path / "deno"
    fake.write_text("#!/bin/sh\nexit 3\n")
    fake.chmod(0o755)
    broken = run_doctor(CALX_DENO_BIN=str(fake))
    assert "`--version` exited with status 3" in line_of(broken.stdout, "sandbox js-host")
    healthy = run_doctor()
    assert line_of(healthy.stdout, "sandbox js-host").startswith("ok ") and "deno 2." in healthy.stdout
    assert "The python gadget cannot run" not in healthy.stdout


# -- Pyodide files damaged in the cache ---------------------------------------------------------------

def test_truncated_wasm_offline_is_a_typed_error_not_a_hang(cache_copy, python_tool):
    truncate(cache_copy.pyodide / "pyodide.asm.wasm", 0.5)
    for _ in range(2):
        started = time.monotonic()
        r = python_tool.run("6 * 7", timeout=10)
        assert time.monotonic() - started < 15
        assert r.error.type == "unavailable"
        assert "are damaged (pyodide.asm.wasm failed the sha256 check)" in r.output
        assert CLOSED_PORT_REGISTRY in r.output and "calx sandbox install" in r.output
    import sandbox

    files = sandbox.doctor().layer("pyodide-files")
    assert not files.active and "damaged" in files.detail and "pyodide.asm.wasm" in files.detail
    still_answers()


class TarballRegistry:
    """An npm registry on loopback that serves one tarball and counts the requests."""

    def __init__(self, tarball: bytes):
        self.hits: list[str] = []
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                outer.hits.append(self.path)
                self.send_response(200)
                self.send_header("Content-Length", str(len(tarball)))
                self.end_headers()
                self.wfile.write(tarball)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def test_deleted_wasm_is_fetched_again_and_a_tampered_tarball_refused(cache_copy, monkeypatch, python_tool):
    # A registry that serves a well-formed Pyodide tarball whose bytes are not the pinned ones.
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        archive.add(cache_copy.pyodide, arcname="package")
    registry = TarballRegistry(buffer.getvalue())
    monkeypatch.setenv("CALX_NPM_REGISTRY", registry.url)
    wasm = cache_copy.pyodide / "pyodide.asm.wasm"
    wasm.unlink()
    try:
        r = python_tool.run("6 * 7", timeout=10)
    finally:
        registry.close()
    assert registry.hits == [f"/pyodide/-/pyodide-{assets.PYODIDE_VERSION}.tgz"]  # it did try to fetch
    assert r.error.type == "unavailable" and "failed its sha512 check; refusing to use it" in r.output
    assert not wasm.exists()  # nothing of the refused tarball was unpacked
    still_answers()


@pytest.mark.slow
def test_deleted_wasm_is_fetched_from_npm_verified_and_runs(cache_copy, monkeypatch, python_tool):
    monkeypatch.delenv("CALX_NPM_REGISTRY")
    try:
        with __import__("urllib.request").request.urlopen(assets.REGISTRY, timeout=10):
            pass
    except OSError:
        pytest.skip("the npm registry is not reachable from here")
    (cache_copy.pyodide / "pyodide.asm.wasm").unlink()
    r = python_tool.run("6 * 7", timeout=10)  # fetch, verify, rebuild the snapshot, then run
    assert r.output == "42", r
    assert not assets.damaged_files(cache_copy)


def test_snapshot_that_cannot_be_restored_is_bypassed_then_discarded(cache_copy, python_tool):
    # A snapshot from before digests were kept has nothing to be checked against: the start fails,
    # the sandbox starts once without it, and throws it away (it is rebuilt at the next start).
    snapshot = cache_copy.snapshot("deno")
    truncate(snapshot, 0.5)
    snapshot.with_name(snapshot.name + assets.DIGEST_SUFFIX).unlink(missing_ok=True)
    started = time.monotonic()
    r = python_tool.run("6 * 7", timeout=30)
    assert r.output == "42", r
    assert time.monotonic() - started < 90
    assert not snapshot.exists()
    assert python_tool.run("sum(range(10))", timeout=30).output == "45"


@pytest.mark.slow
def test_damaged_snapshot_is_caught_by_its_digest_and_rebuilt(cache_copy, python_tool):
    # Same size, different bytes: it would restore "fine" and run on a corrupted heap. Its digest says no.
    snapshot = cache_copy.snapshot("deno")
    scribble(snapshot)
    damaged = hashlib.sha256(snapshot.read_bytes()).hexdigest()
    import sandbox

    assert not sandbox.doctor().layer("snapshot").active
    r = python_tool.run("import sympy\nsympy.factor(sympy.Symbol('x')**2 - 1)", timeout=60)
    assert r.output == "(x - 1)*(x + 1)", r
    assert hashlib.sha256(snapshot.read_bytes()).hexdigest() != damaged
    assert assets.intact(snapshot)


# -- the sandbox's JS host killed --------------------------------------------------------------------

LOOPS = {"busy": "while True: pass", "sleeping": "import time\nwhile True:\n    time.sleep(0.05)"}


def kill_outer_group(pid: int) -> None:
    os.killpg(pid, signal.SIGKILL)  # bubblewrap's group: what the watchdog itself does


def kill_js_host_group(pid: int) -> None:
    (host,) = [p for p, comm in descendants(pid) if comm == "deno"]
    os.killpg(os.getpgid(host), signal.SIGKILL)  # the JS host's own group, inside the jail


def kill_js_host_alone(pid: int) -> None:
    (host,) = [p for p, comm in descendants(pid) if comm == "deno"]
    os.kill(host, signal.SIGKILL)


@pytest.mark.parametrize("kill", [kill_outer_group, kill_js_host_group, kill_js_host_alone])
@pytest.mark.parametrize("loop", list(LOOPS))
def test_sandbox_killed_mid_run_fails_fast_and_the_next_call_works(kill, loop, python_tool):
    assert python_tool.run("kept = 41", timeout=60).ok
    sandbox = python_tool.session.sandbox()
    pid = sandbox.pid()
    jail = descendants(pid)  # the inner bubblewrap and the JS host, in sessions of their own
    (host,) = [p for p, comm in jail if comm == "deno"]
    call = InBackground(lambda: python_tool.run(LOOPS[loop], timeout=120))
    if loop == "busy":
        wait_busy(host)
    else:
        time.sleep(1.0)
    kill(pid)
    r, waited = call.result(within=10)
    assert waited < 3, f"the call took {waited:.1f} s to notice its worker was killed"
    assert r.error.type == "crashed" and r.output.startswith("ERROR: SandboxCrashed: the sandbox process ")
    assert "the next run starts a fresh interpreter (state is lost)" in r.output
    for leftover, _ in jail:  # the whole jail went, not only the process that was hit
        wait_dead(leftover)
    nxt = python_tool.run("kept if 'kept' in dir() else 'state lost'", timeout=60)
    assert nxt.output == "'state lost'"  # said in the error above; never silently half-kept
    assert sandbox.pid() not in (None, pid)
    assert python_tool.run("6 * 7").output == "42"


def test_sandbox_killed_while_idle_the_next_result_says_state_was_lost(python_tool):
    assert python_tool.run("kept = 41", timeout=60).ok
    sandbox = python_tool.session.sandbox()
    pid = sandbox.pid()
    os.killpg(pid, signal.SIGKILL)
    wait_dead(pid)
    started = time.monotonic()
    r = python_tool.run("6 * 7", timeout=60)
    recovered = time.monotonic() - started
    assert r.output == "42" and recovered < 60
    assert r.extra["notes"] == ["the previous interpreter was killed (SIGKILL) while idle; this run started a "
                                "fresh one, so earlier variables and imports are gone"]
    assert python_tool.run("6 * 7").extra["notes"] == []  # said once


def test_sandbox_dying_with_the_code_written_but_not_taken_runs_it_on_a_fresh_interpreter(python_tool):
    assert python_tool.run("kept = 41", timeout=60).ok
    sandbox = python_tool.session.sandbox()
    pid, stdin = sandbox.pid(), sandbox._worker.proc.stdin
    r = killed_after_the_write(pid, stdin, lambda: python_tool.run("6 * 7", timeout=60))
    assert r.output == "42", r  # not 'crashed': none of the code had run
    assert r.extra["notes"] == ["the previous interpreter was killed (SIGKILL) while idle; this run started a "
                                "fresh one, so earlier variables and imports are gone"]
    assert sandbox.pid() not in (None, pid)


def test_planner_chain_goes_on_when_the_python_gadget_is_down(monkeypatch, tmp_path):
    monkeypatch.setenv("CALX_DENO_BIN", str(tmp_path / "no-such-deno"))
    shared = tools.get("python").session
    shared.close()  # the process-wide gadget starts again, and sees no JS host
    try:
        model = ScriptedModel(['<gadget id="python">6 * 7</gadget>', '<gadget id="calculator">6 * 7</gadget>',
                               "<result>42</result>"])
        answer = Planner(model).ask("What is six times seven?")
    finally:
        shared.close()
    python_step, calc_step = answer.steps
    assert python_step.tool == "python" and python_step.output.startswith("ERROR: SandboxUnavailable:")
    assert calc_step.output == "42" and answer.answer == "42" and answer.error is None


# -- the symbolic worker killed -----------------------------------------------------------------------

def warm_symbolic_pid() -> int:
    assert SYMBOLIC.run("integrate(x^2, x)", timeout=60).output.startswith("x**3/3")
    return POOL.pid()


def test_symbolic_worker_killed_while_idle_the_next_call_answers():
    pid = warm_symbolic_pid()
    os.killpg(pid, signal.SIGKILL)
    wait_dead(pid)
    started = time.monotonic()
    r = SYMBOLIC.run("diff(x^3 sin(x), x)", timeout=60)
    assert r.ok and sorted(r.value.text.split(" + ")) == ["3*x**2*sin(x)", "x**3*cos(x)"], r
    assert time.monotonic() - started < 60 and POOL.pid() != pid
    still_answers()


def test_symbolic_worker_dying_with_the_request_written_but_not_taken_answers_on_a_fresh_worker():
    pid = warm_symbolic_pid()
    stdin = POOL._worker.proc.stdin
    r = killed_after_the_write(pid, stdin, lambda: SYMBOLIC.run("diff(x^3 sin(x), x)", timeout=60))
    assert r.ok and sorted(r.value.text.split(" + ")) == ["3*x**2*sin(x)", "x**3*cos(x)"], r
    assert POOL.pid() != pid


def test_symbolic_worker_killed_mid_integral_is_a_typed_error_and_the_next_call_answers():
    pid = warm_symbolic_pid()
    call = InBackground(lambda: SYMBOLIC.run(SLOW_INTEGRAL, timeout=60))
    wait_busy(pid)
    os.killpg(pid, signal.SIGKILL)
    r, waited = call.result(within=10)
    assert waited < 3, f"the call took {waited:.1f} s to notice its worker was killed"
    assert not r.ok and r.error.type == "crashed"
    assert r.output.startswith("ERROR: the symbolic worker was killed (SIGKILL) during the computation")
    assert "the next call works" in r.output
    started = time.monotonic()
    again = SYMBOLIC.run("integrate(x^2 sin(x), x)", timeout=60)
    assert again.ok and again.value.text == "-x**2*cos(x) + 2*x*sin(x) + 2*cos(x)", again
    assert time.monotonic() - started < 60 and POOL.pid() != pid
    still_answers()
