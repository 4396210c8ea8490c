"""One JS-host process running the driver: started with the configured layers, spoken to in JSON
lines, killed as a whole process group when it overruns or misbehaves."""
from __future__ import annotations

import json
import os
import selectors
import subprocess
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from . import jshost, limits, osjail, seccomp_filter
from .assets import Assets
from .config import SandboxConfig
from .isolation import Plan
from .procgroup import describe_exit, kill_group

DRIVER = Path(__file__).with_name("driver.mjs")
INSIDE = Path(__file__).with_name("inside.py")
STDERR_KEEP = 16 * 1024

# bubblewrap's --die-with-parent uses PR_SET_PDEATHSIG, which fires when the *thread* that started it
# exits, not the process. Workers are therefore always spawned from this one long-lived thread, so a
# caller on a short-lived thread (a restart in the background, a UI worker) does not kill its sandbox.
_SPAWNER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="calx-sandbox-spawn")


class WorkerDied(Exception):
    """The worker exited or broke protocol; `detail` holds the tail of its stderr, `how` how it ended."""

    def __init__(self, message: str, detail: str = "", how: str = ""):
        super().__init__(message)
        self.detail = detail
        self.how = how


class WorkerGone(WorkerDied):
    """The worker died before it received the request: nothing of that request ran.

    A killed host can look dead while its other threads (Node and Deno run several) still hold the pipe
    open, so a write succeeding proves nothing; only the driver's {"received": true} says the code got there.
    """


RECEIVED = {"received": True}  # the driver's first line after a "run", sent before the code starts


class WorkerTimeout(Exception):
    pass


class ReplyTooLarge(Exception):
    pass


@dataclass
class Launch:
    argv: list[str]
    env: dict[str, str]
    pass_fds: tuple[int, ...]
    preexec: object  # callable or None
    config_line: dict


def plan_launch(config: SandboxConfig, plan: Plan, found: Assets, *, make_snapshot: Path | None = None,
                snapshot_ok: bool = True) -> Launch:
    """The command line and first message of a worker. `snapshot_ok=False` boots without the snapshot
    (slower), to tell a damaged snapshot from a broken runtime."""
    binary = jshost.locate(config.runtime)  # HostMissing says what is wrong
    snapshot = found.snapshot(config.runtime)
    use_snapshot = snapshot_ok and make_snapshot is None and snapshot.is_file()
    if plan.os_isolation and make_snapshot is None:
        # Inside bubblewrap everything sits at fixed paths under /calx.
        inside = {"bin": f"/calx/bin/{config.runtime}", "driver": "/calx/driver.mjs", "root": "/calx/assets"}
        binds = [(str(binary), inside["bin"]), (str(DRIVER), inside["driver"]), (str(found.root), inside["root"])]
        root, scratch = inside["root"], "/tmp"
        paths = jshost.HostPaths(inside["bin"], inside["driver"], (inside["root"], inside["driver"]))
    else:
        binds, root = [], str(found.root)
        scratch = tempfile.gettempdir() + "/calx-sandbox-scratch"
        os.makedirs(scratch, exist_ok=True)
        writable = (str(make_snapshot),) if make_snapshot else ()
        paths = jshost.HostPaths(str(binary), str(DRIVER), (root, str(DRIVER)), writable)
    argv = jshost.command(config.runtime, paths, permissions=plan.js_permissions, codegen_ban=plan.codegen_ban,
                          heap_mib=config.heap_mib)
    env = jshost.environment(config.runtime, scratch)
    pass_fds: tuple[int, ...] = ()
    seccomp_in_child = False
    if plan.os_isolation and make_snapshot is None:
        fd = seccomp_filter.bpf_fd() if plan.seccomp else None
        pass_fds = (fd,) if fd is not None else ()
        argv = osjail.wrap(argv, binds, env=env, tmpfs_bytes=config.tmpfs_bytes, seccomp_fd=fd)
    elif plan.seccomp and make_snapshot is None:
        seccomp_in_child = True
    pairs = limits.rlimit_pairs(config) if plan.rlimits and make_snapshot is None else []

    def preexec() -> None:
        limits.apply(pairs)
        if seccomp_in_child:
            seccomp_filter.load_in_child()

    rel = lambda p: f"{root}/{Path(p).relative_to(found.root).as_posix()}"  # noqa: E731
    line = {
        "pyodide": rel(found.pyodide),
        "site": rel(found.site),
        "snapshot": rel(snapshot) if use_snapshot else None,
        "make_snapshot": str(make_snapshot) if make_snapshot else None,
        "inside": INSIDE.read_text(),
        "bridge_filter": plan.bridge_filter,
    }
    return Launch(argv, env, pass_fds, preexec, line)


class Worker:
    def __init__(self, launch: Launch, *, reply_cap: int, startup_timeout: float):
        self.reply_cap = reply_cap
        self._stderr = bytearray()
        started = time.perf_counter()
        try:
            self.proc = _SPAWNER.submit(
                subprocess.Popen, launch.argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                stderr=subprocess.PIPE, env=launch.env, pass_fds=launch.pass_fds, preexec_fn=launch.preexec,
                start_new_session=True,
            ).result()
        except OSError as exc:  # checked executable a moment ago, yet exec refused it (e.g. wrong format)
            raise jshost.HostMissing(f"{launch.argv[0]} cannot be run: {exc.strerror or exc}") from None
        finally:
            for fd in launch.pass_fds:
                os.close(fd)
        self._buffer = b""
        self._drain = threading.Thread(target=self._drain_stderr, daemon=True)
        self._drain.start()
        try:
            self.ready = self.request(launch.config_line, startup_timeout)
        except BaseException:  # a start that dies or overruns must not leave its process behind
            self.kill()
            raise
        if not self.ready.get("ready"):
            message = (self.ready.get("error") or {}).get("message", "no ready signal")
            self.kill()
            raise WorkerDied(f"the sandbox failed to start: {message.splitlines()[0]}", self.stderr_tail())
        self.start_ms = (time.perf_counter() - started) * 1000

    def _drain_stderr(self) -> None:
        # Keep only the tail: a flood on the host's stderr must not grow our memory.
        for chunk in iter(lambda: self.proc.stderr.read1(65536), b""):
            self._stderr += chunk
            del self._stderr[:-STDERR_KEEP]

    def stderr_tail(self) -> str:
        return bytes(self._stderr[-2000:]).decode(errors="replace").strip()

    def alive(self) -> bool:
        return self.proc.poll() is None

    def request(self, message: dict, timeout: float) -> dict:
        """Send one message and return the reply; a "run" is first acknowledged by the driver."""
        deadline = time.monotonic() + timeout
        try:
            self.proc.stdin.write(json.dumps(message).encode() + b"\n")
            self.proc.stdin.flush()
        except (BrokenPipeError, OSError) as exc:
            raise self._gone() from exc
        first = self._taken(deadline) if message.get("op") == "run" else self._read_line(deadline)
        reply = self._parse(first)
        if reply == RECEIVED:  # the driver took the code; its answer follows
            reply = self._parse(self._read_line(deadline))
        if reply.get("fatal") and not reply.get("error"):
            raise WorkerDied("the sandbox process failed", self._tail_after_exit())
        return reply

    def _taken(self, deadline: float) -> bytes:
        """The first line after a "run": normally the driver's RECEIVED; the end of the pipe before it
        means the code never reached the interpreter, so the caller may run it on a fresh one."""
        try:
            return self._read_line(deadline)
        except WorkerDied as exc:
            raise self._gone() from exc

    def _gone(self) -> WorkerGone:
        tail = self._tail_after_exit()
        return WorkerGone(f"the sandbox process {self.how_it_ended()}", tail, self.how_it_ended())

    def _parse(self, line: bytes) -> dict:
        try:
            return json.loads(line)
        except ValueError as exc:
            raise WorkerDied("the sandbox process broke protocol", self._tail_after_exit()) from exc

    def _read_line(self, deadline: float) -> bytes:
        fd = self.proc.stdout.fileno()
        with selectors.DefaultSelector() as sel:
            sel.register(fd, selectors.EVENT_READ)
            while b"\n" not in self._buffer:
                if len(self._buffer) > self.reply_cap:
                    raise ReplyTooLarge()
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise WorkerTimeout()
                if not sel.select(remaining):
                    continue
                chunk = os.read(fd, 1 << 20)
                if not chunk:
                    tail = self._tail_after_exit()
                    raise WorkerDied(f"the sandbox process {self.how_it_ended()}", tail, self.how_it_ended())
                self._buffer += chunk
        line, _, self._buffer = self._buffer.partition(b"\n")
        return line

    def how_it_ended(self) -> str:
        return describe_exit(self.proc.poll())

    def _tail_after_exit(self) -> str:
        try:
            self.proc.wait(timeout=2)
        except subprocess.TimeoutExpired:
            pass
        self._drain.join(timeout=1)
        return self.stderr_tail()

    def kill(self) -> None:
        """Kill the whole process group (bubblewrap and everything in its pid namespace go with it)."""
        kill_group(self.proc)
        self._drain.join(timeout=1)

    def close(self) -> None:
        # Closing stdin ends the driver's read loop; the group kill covers a driver that ignores it.
        try:
            self.proc.stdin.close()
            self.proc.wait(timeout=1)
        except (OSError, subprocess.TimeoutExpired):
            pass
        self.kill()
