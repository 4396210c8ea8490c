"""Resource limits applied to the JS host process before it starts (in the child, before exec).

No RLIMIT_AS: V8 reserves many GiB of address space for wasm guard regions, so an address-space
limit breaks Pyodide. RLIMIT_DATA counts only memory actually made writable, which is what a memory
bomb grows. RLIMIT_NPROC is not set: it counts all of the user's processes (and root ignores it);
fork is stopped by seccomp and the pid namespace instead.
"""
from __future__ import annotations

import resource

from .config import MIB, SandboxConfig


def rlimit_pairs(config: SandboxConfig) -> list[tuple[int, int]]:
    return [
        (resource.RLIMIT_DATA, config.memory_bytes),
        (resource.RLIMIT_FSIZE, 64 * MIB),  # the JS host itself writes no files; snapshots are built without limits
        (resource.RLIMIT_CORE, 0),
        (resource.RLIMIT_NOFILE, 512),
        (resource.RLIMIT_CPU, 3600),  # a backstop for a worker that outlives many runs; the watchdog is per run
    ]


def apply(pairs: list[tuple[int, int]]) -> None:
    for which, value in pairs:
        soft, hard = resource.getrlimit(which)
        new_hard = value if hard == resource.RLIM_INFINITY else min(value, hard)
        resource.setrlimit(which, (min(value, new_hard), new_hard))


def describe(config: SandboxConfig) -> str:
    return f"data {config.memory_bytes // MIB} MiB, file size 64 MiB, no core dumps, 512 files, CPU 3600 s"
