"""A Pyodide memory snapshot taken after SymPy and mpmath are imported: it turns a multi-second
interpreter start (and a multi-second `import sympy`) into a copy of the heap.

It is built once per JS runtime, the first time a Sandbox starts, by the driver itself with
permission to write that one file and no user code loaded.
"""
from __future__ import annotations

import os
import sys
import time
from dataclasses import replace

from .assets import Assets
from .config import SandboxConfig
from .isolation import Plan


def ensure(config: SandboxConfig, plan_: Plan, found: Assets) -> None:
    target = found.snapshot(config.runtime)
    if target.is_file():
        return
    build(config, plan_, found)


def build(config: SandboxConfig, plan_: Plan, found: Assets) -> float:
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
    finally:
        worker.kill()
    if not tmp.is_file() or tmp.stat().st_size == 0:
        raise WorkerDied("building the sandbox snapshot failed", worker.stderr_tail())
    os.replace(tmp, target)
    for stale in target.parent.glob(f"snapshot-{config.runtime}-*.bin"):
        if stale != target:
            stale.unlink(missing_ok=True)
    seconds = time.perf_counter() - started
    sys.stderr.write(f"calx: sandbox ready ({seconds:.1f} s)\n")
    return seconds
