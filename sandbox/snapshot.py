"""A Pyodide memory snapshot taken after SymPy and mpmath are imported: it turns a multi-second
interpreter start (and a multi-second `import sympy`) into a copy of the heap.

It is built once per JS runtime, the first time a Sandbox starts, by the driver itself with
permission to write that one file and no user code loaded.
"""
from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import replace

from .assets import Assets, Checked, discard, intact, record_digest
from .config import SandboxConfig
from .isolation import Plan


def ensure(config: SandboxConfig, plan_: Plan, found: Assets, checked: Checked | None = None) -> None:
    """Build the snapshot if it is missing, or if it no longer matches the digest recorded when it
    was built (a damaged heap image could run, and compute wrong answers, without any error)."""
    target = found.snapshot(config.runtime)
    if target.is_file():
        if intact(target, checked):
            return
        sys.stderr.write(f"calx: the sandbox snapshot {target} is damaged; building it again\n")
        discard(target)
    build(config, plan_, found, checked)


def build(config: SandboxConfig, plan_: Plan, found: Assets, checked: Checked | None = None) -> float:
    from .worker import Worker, WorkerDied, plan_launch

    target = found.snapshot(config.runtime)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    sys.stderr.write(f"calx: preparing the Python sandbox ({config.runtime}); once only, this takes a while...\n")
    started = time.perf_counter()
    trusted = replace(plan_, bridge_filter=True)
    launch = plan_launch(config, trusted, found, make_snapshot=tmp)
    worker = Worker(launch, reply_cap=1 << 20, startup_timeout=max(config.startup_timeout, 300.0))
    try:
        worker.proc.wait(timeout=60)
    except subprocess.TimeoutExpired:
        pass  # judged below by the file it left, like any other failed build
    finally:
        worker.kill()
    if not tmp.is_file() or tmp.stat().st_size == 0:
        tmp.unlink(missing_ok=True)
        raise WorkerDied("building the sandbox snapshot failed", worker.stderr_tail())
    os.replace(tmp, target)
    record_digest(target, checked)
    for stale in target.parent.glob(f"snapshot-{config.runtime}-*.bin"):
        if stale != target:
            discard(stale)
    seconds = time.perf_counter() - started
    sys.stderr.write(f"calx: sandbox ready ({seconds:.1f} s)\n")
    return seconds
