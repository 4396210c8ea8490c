"""The parent side of the warm SymPy worker: one child process, killed on timeout and replaced.

SymPy has no timeout of its own and some calls run for hours, so every SymPy call happens in a
child process. The child imports SymPy once (warm) and answers requests over a pipe; a call that
overruns its budget is killed with its process group, a fresh child is started at once so that it
warms up while the caller reads the error, and the next call works.
"""
from __future__ import annotations

import atexit
import os
import pickle
import select
import struct
import subprocess
import sys
import threading
import time
from pathlib import Path

from sandbox.procgroup import describe_exit, kill_group

from .protocol import Reply, Request

STARTUP_TIMEOUT = 60.0  # importing SymPy on a busy machine can take seconds; never counted in a call's budget
GRACE = 1.0  # the worker stops itself at the budget; the parent kills it this much later
MAX_REPLY_BYTES = 64 * 1024 * 1024
HEADER = struct.Struct("!Q")
RECEIVED = b"\x06"  # the worker sends this as soon as it has read a whole request, before computing
PACKAGE_ROOT = str(Path(__file__).resolve().parents[2])  # the directory holding `tools/`


class WorkerDied(Exception):
    pass


class WorkerGone(WorkerDied):
    """The worker died before it received the request: nothing of that request ran.

    A killed worker can look dead (a zombie in /proc) while its other threads still hold the pipe open,
    so a write succeeding proves nothing; only the worker's RECEIVED byte says the request got there.
    """


class Worker:
    """One warm child process. Not thread-safe by itself: `WorkerPool` serialises calls."""

    def __init__(self):
        env = dict(os.environ)
        env["PYTHONPATH"] = PACKAGE_ROOT + os.pathsep + env.get("PYTHONPATH", "")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tools.symbolic.server"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            env=env, start_new_session=True,  # its own process group: a kill reaches any grandchild
        )
        self.ready = False

    def alive(self) -> bool:
        return self.proc.poll() is None

    def wait_ready(self) -> None:
        if not self.ready:
            reply = self._read(time.monotonic() + STARTUP_TIMEOUT)
            if reply != "ready":
                raise WorkerDied("the symbolic worker did not start")
            self.ready = True

    def call(self, request: Request, deadline: float) -> Reply:
        self._write(request)
        self._wait_received(deadline)
        reply = self._read(deadline)
        if not isinstance(reply, Reply):
            raise WorkerDied("the symbolic worker sent an unexpected reply")
        return reply

    def kill(self) -> None:
        kill_group(self.proc)

    def how_it_ended(self) -> str:
        try:
            return describe_exit(self.proc.wait(timeout=2))
        except subprocess.TimeoutExpired:
            return describe_exit(None)

    def _write(self, message) -> None:
        data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
        try:
            self.proc.stdin.write(HEADER.pack(len(data)) + data)
            self.proc.stdin.flush()
        except (BrokenPipeError, OSError):
            raise WorkerGone(f"the symbolic worker {self.how_it_ended()}") from None

    def _wait_received(self, deadline: float) -> None:
        try:
            mark = self._read_exact(len(RECEIVED), deadline)
        except WorkerDied as exc:
            raise WorkerGone(str(exc)) from None
        if mark != RECEIVED:
            raise WorkerDied("the symbolic worker sent an unexpected reply")

    def _read(self, deadline: float):
        header = self._read_exact(HEADER.size, deadline)
        (size,) = HEADER.unpack(header)
        if size > MAX_REPLY_BYTES:
            raise WorkerDied("the symbolic worker sent an oversized reply")
        return pickle.loads(self._read_exact(size, deadline))  # our own worker's bytes, not user text

    def _read_exact(self, size: int, deadline: float) -> bytes:
        fd = self.proc.stdout.fileno()
        chunks, got = [], 0
        while got < size:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError
            readable, _, _ = select.select([fd], [], [], left)
            if not readable:
                raise TimeoutError
            chunk = os.read(fd, min(size - got, 1 << 20))
            if not chunk:
                raise WorkerDied(f"the symbolic worker {self.how_it_ended()}")
            chunks.append(chunk)
            got += len(chunk)
        return b"".join(chunks)


class WorkerPool:
    """Holds the one warm worker; replaces it after a kill or a crash."""

    def __init__(self):
        self._lock = threading.Lock()
        self._worker: Worker | None = None
        self.restarts = 0

    def warm(self) -> None:
        """Start the worker now (e.g. as soon as a question is routed here) so SymPy loads in parallel."""
        with self._lock:
            self._ensure()

    def call(self, request: Request, timeout: float) -> Reply:
        # one worker serves every thread: waiting for it is bounded by the call's budget too, so a queue
        # behind slow questions ends in a typed error instead of an unbounded wait (a worker still starting
        # up adds its start-up time: that is never counted against a call)
        worker = self._worker
        patience = timeout if worker is not None and worker.ready else timeout + STARTUP_TIMEOUT
        if not self._lock.acquire(timeout=patience):
            return _failure("busy", f"the symbolic worker stayed busy with other questions for {_seconds(timeout)} s")
        try:
            reply = self._call_locked(request, timeout)
            if reply is None:  # the worker had died while idle, so the request never reached it: resend once
                reply = self._call_locked(request, timeout)
            return reply or _failure("crashed", "the symbolic worker keeps dying before it can take a request")
        finally:
            self._lock.release()

    def _call_locked(self, request: Request, timeout: float) -> Reply | None:
        worker = self._ensure()
        try:
            worker.wait_ready()
        except (TimeoutError, WorkerDied) as exc:
            self._replace()
            why = "it did not answer in time" if isinstance(exc, TimeoutError) else str(exc)
            return _failure("unavailable", f"the symbolic worker could not start ({why})")
        try:
            return worker.call(request, time.monotonic() + timeout + GRACE)
        except TimeoutError:
            self._replace()
            return _failure("timeout", f"timed out after {_seconds(timeout)} s")
        except WorkerGone:
            self._replace()
            return None
        except WorkerDied as exc:
            self._replace()  # the fresh worker warms up while the caller reads this
            return _failure("crashed", f"{exc} during the computation (out of memory, or stopped from outside); "
                                       "a fresh worker has been started, so the next call works")

    def shutdown(self) -> None:
        with self._lock:
            if self._worker is not None:
                self._worker.kill()
                self._worker = None

    def pid(self) -> int | None:
        return self._worker.proc.pid if self._worker is not None else None

    def _ensure(self) -> Worker:
        if self._worker is None or not self._worker.alive():
            if self._worker is not None:
                self._worker.kill()
                self.restarts += 1
            self._worker = Worker()
        return self._worker

    def _replace(self) -> None:
        if self._worker is not None:
            self._worker.kill()
            self.restarts += 1
        self._worker = Worker()  # starts warming now, while the caller reads the error


def _seconds(timeout: float) -> str:
    return f"{timeout:g}"


def _failure(error_type: str, message: str) -> Reply:
    return Reply(ok=False, output=f"ERROR: {message}", error_type=error_type, error_message=message)


POOL = WorkerPool()
atexit.register(POOL.shutdown)
