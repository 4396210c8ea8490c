"""Stopping a worker process and everything it started, shared by the sandbox and the symbolic tool.

Each worker is started with `start_new_session=True`, so it leads its own process group and one
SIGKILL to the group reaches whatever it spawned (bubblewrap's pid namespace, a helper). This module
imports nothing of the sandbox, so `tools/` can use it without loading the sandbox itself.
"""
from __future__ import annotations

import os
import signal
import subprocess


def kill_group(proc: subprocess.Popen, wait: float = 5.0) -> None:
    """SIGKILL the process group `proc` leads, reap it and close our ends of its stdin and stdout."""
    if proc.poll() is None:  # once reaped, its pid (and group id) may already belong to someone else
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
    try:
        proc.wait(timeout=wait)
    except subprocess.TimeoutExpired:
        pass
    for stream in (proc.stdin, proc.stdout):
        if stream is not None:
            try:
                stream.close()
            except OSError:
                pass


def describe_exit(returncode: int | None) -> str:
    """How a worker ended, in words: 'was killed (SIGKILL)', 'exited with status 1'."""
    if returncode is None:
        return "stopped answering"
    if returncode < 0:
        try:
            name = signal.Signals(-returncode).name
        except ValueError:
            name = f"signal {-returncode}"
        return f"was killed ({name})"
    if returncode > 128:  # a shell or bubblewrap reporting its child's signal as 128 + n
        try:
            return f"was killed ({signal.Signals(returncode - 128).name})"
        except ValueError:
            pass
    return f"exited with status {returncode}"
