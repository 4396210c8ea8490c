"""`Sandbox`: a Python session in an isolated worker, with a watchdog, caps, and automatic replacement
of a worker that was killed or crashed (the next call simply starts a fresh one)."""
from __future__ import annotations

import sys
import threading
import time

from . import assets as assets_mod
from . import snapshot
from .config import SandboxConfig
from .isolation import LayerUnavailable, plan
from .jshost import HostMissing
from .result import IsolationReport, RunError, RunResult
from .worker import ReplyTooLarge, Worker, WorkerDied, WorkerGone, WorkerTimeout, plan_launch

GRACE = 0.25  # seconds added to the user's timeout for the round trip itself


class Sandbox:
    def __init__(self, config: SandboxConfig | None = None):
        self.config = config or SandboxConfig()
        self._plan = plan(self.config)
        self._worker: Worker | None = None
        self._lock = threading.Lock()  # one run at a time per session
        self._closed = False
        self._checked: assets_mod.Checked = {}  # files this session has verified (see assets.intact)
        self._lost: str | None = None  # how the last worker ended on its own; the next result says so
        self.last_start_ms: float | None = None

    @property
    def isolation(self) -> IsolationReport:
        return self._plan.report

    def __enter__(self) -> "Sandbox":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def start(self) -> None:
        """Start the worker now rather than on the first run (e.g. to warm it in the background)."""
        with self._lock:
            self._ensure_worker()

    def run(self, code: str, timeout: float = 5.0) -> RunResult:
        started = time.perf_counter()
        with self._lock:
            error, reply = self._run_locked(code, timeout)
            lost, self._lost = self._lost, None
            replace = self._worker is None and error is not None and error.type in ("timeout", "crashed", "output_limit")
        if replace:
            self._replace_soon()
        return self._result(reply, error, (time.perf_counter() - started) * 1000, lost)

    def reset(self) -> None:
        """Forget all state: the next run gets a fresh interpreter (a new worker, so nothing carries over,
        not even a monkey-patched module). The new worker starts in the background right away."""
        with self._lock:
            self._stop()
        self._replace_soon()

    def close(self) -> None:
        with self._lock:
            self._closed = True
            self._stop()

    def pid(self) -> int | None:
        return self._worker.proc.pid if self._worker and self._worker.alive() else None

    # -- internals -------------------------------------------------------------------------------

    def _ensure_worker(self) -> Worker:
        if self._worker is not None:
            if self._worker.alive():
                return self._worker
            # It ended between runs (killed from outside, the OOM killer): its state went with it.
            self._lost = _lost_note(self._worker.how_it_ended())
        self._stop()
        found = assets_mod.ensure(checked=self._checked)  # damaged Pyodide files are fetched again
        snapshot.ensure(self.config, self._plan, found, self._checked)  # a damaged snapshot is rebuilt
        try:
            worker = self._launch(found, snapshot_ok=True)
        except WorkerDied as failure:
            worker = self._start_without_snapshot(found, failure)
        self._worker = worker
        self.last_start_ms = worker.start_ms
        return worker

    def _launch(self, found: assets_mod.Assets, *, snapshot_ok: bool) -> Worker:
        launch = plan_launch(self.config, self._plan, found, snapshot_ok=snapshot_ok)
        reply_cap = 8 * (2 * self.config.output_limit + self.config.value_limit) + 65536  # JSON may escape 6x
        return Worker(launch, reply_cap=reply_cap, startup_timeout=self.config.startup_timeout)

    def _start_without_snapshot(self, found: assets_mod.Assets, failure: WorkerDied) -> Worker:
        """A start that died restoring a snapshot is tried once more without it. A snapshot from before
        digests were recorded may be damaged unnoticed; if the plain start works, the snapshot was to
        blame: it is discarded (and rebuilt at the next start) and this slower-started worker is used.
        If the plain start fails too, the runtime is at fault and the snapshot is left alone."""
        target = found.snapshot(self.config.runtime)
        if not target.is_file():
            raise failure
        worker = self._launch(found, snapshot_ok=False)
        sys.stderr.write(f"calx: the sandbox snapshot {target} could not be restored ({failure}); "
                         "it is built again at the next start\n")
        assets_mod.discard(target)
        return worker

    def _stop(self) -> None:
        if self._worker is not None:
            self._worker.close()
            self._worker = None

    def _kill(self) -> None:
        if self._worker is not None:
            self._worker.kill()
            self._worker = None

    def _replace_soon(self) -> None:
        """Start the replacement worker in the background, so the call after a kill or reset does not
        wait for a whole cold start (it waits on the lock only for what is left of it)."""

        def start() -> None:
            with self._lock:
                if self._closed or self._worker is not None:
                    return
                try:
                    self._ensure_worker()
                except Exception:  # the next run() retries and reports the failure properly
                    self._worker = None

        threading.Thread(target=start, name="calx-sandbox-restart", daemon=True).start()

    def _run_locked(self, code: str, timeout: float) -> tuple[RunError | None, dict]:
        if self._closed:
            return RunError("unavailable", "this sandbox was closed"), {}
        if not isinstance(code, str):
            return RunError("bad_input", "code must be text"), {}
        message = {"op": "run", "code": code, "limit": self.config.output_limit,
                   "value_limit": self.config.value_limit}
        for attempt in (1, 2):
            worker, error = self._started()
            if error is not None:
                return error, {}
            try:
                reply = worker.request(message, timeout + GRACE)
            except WorkerGone as exc:
                # Dead before it took this code, so none of it ran: run it once on a fresh interpreter.
                self._kill()
                self._lost = _lost_note(exc.how)
                if attempt == 1:
                    continue
                return RunError("crashed", _crash_message(exc)), {}
            except WorkerTimeout:
                self._kill()
                return RunError("timeout", f"no answer within {timeout:g} s; the interpreter was stopped and its "
                                           "state is lost"), {}
            except ReplyTooLarge:
                self._kill()
                return RunError("output_limit", "the sandbox answered with more than the reply cap; it was stopped"), {}
            except WorkerDied as exc:
                self._kill()
                return RunError("crashed", _crash_message(exc)), {}
            if reply.get("fatal"):
                self._kill()
            return _reply_error(reply, self.config.output_limit), reply
        raise AssertionError("unreachable")

    def _started(self) -> tuple[Worker | None, RunError | None]:
        """The live worker, or why there cannot be one (all typed `unavailable`: retrying will not help
        until something on the machine changes, and the message says what)."""
        try:
            return self._ensure_worker(), None
        except (assets_mod.AssetsMissing, LayerUnavailable, HostMissing) as exc:
            return None, RunError("unavailable", str(exc))
        except (WorkerDied, WorkerTimeout, OSError) as exc:
            self._kill()
            return None, RunError("unavailable", _start_failure(exc, self.config.startup_timeout))

    def _result(self, reply: dict, error: RunError | None, ms: float, lost: str | None = None) -> RunResult:
        notes = [lost] if lost else []
        for stream in ("stdout", "stderr"):
            cut = reply.get(f"{stream}_cut", 0)
            if cut:
                notes.append(f"{stream} cut after {self.config.output_limit:,} characters; {cut:,} more dropped")
        return RunResult(reply.get("stdout", ""), reply.get("stderr", ""), reply.get("value"), error, ms,
                         self.isolation, tuple(notes))


def _reply_error(reply: dict, limit: int) -> RunError | None:
    err = reply.get("error")
    if err:
        message = err.get("message", "")
        if reply.get("fatal"):
            message = f"the interpreter died: {message}; the next run starts a fresh interpreter (state is lost)"
        return RunError(err.get("type", "python_error"), message, err.get("traceback", ""))
    cut = reply.get("stdout_cut", 0) + reply.get("stderr_cut", 0)
    if cut:
        return RunError("output_limit", f"output longer than {limit:,} characters; {cut:,} characters were cut")
    return None


def _lost_note(how: str) -> str:
    return (f"the previous interpreter {how} while idle; this run started a fresh one, "
            "so earlier variables and imports are gone")


def _start_failure(exc: Exception, startup_timeout: float) -> str:
    if isinstance(exc, WorkerTimeout):
        return f"the sandbox did not start within {startup_timeout:g} s"
    cause = _last_words(getattr(exc, "detail", ""))
    return f"the sandbox could not start: {exc}" + (f" ({cause})" if cause else "")


def _last_words(detail: str) -> str:
    tail = detail.strip().splitlines()
    # The JS host's last words usually say which permission was refused ("Requires run access ...").
    cause = next((l.strip() for l in reversed(tail) if "Requires" in l or "has been restricted" in l), "")
    return cause or (tail[-1].strip()[:300] if tail else "")


def _crash_message(exc: WorkerDied) -> str:
    cause = _last_words(exc.detail)
    text = f"{exc}"
    if cause:
        text += f" ({cause})"
    return text + "; the next run starts a fresh interpreter (state is lost)"
