"""Which layers a Sandbox turns on, and its limits. Defaults are everything available; tests switch
layers off one at a time to show what each one stops on its own."""
from __future__ import annotations

from dataclasses import dataclass

KIB = 1024
MIB = 1024 * KIB


@dataclass(frozen=True)
class SandboxConfig:
    runtime: str = "deno"  # "deno" or "node": the JS host that runs Pyodide
    js_permissions: bool = True  # deny-by-default host permissions (off = allow all; tests only)
    codegen_ban: bool = True  # --disallow-code-generation-from-strings
    bridge_filter: bool = True  # refuse `import js` / `pyodide_js` to user code
    os_isolation: bool = True  # bubblewrap namespaces, read-only binds, capped tmpfs
    seccomp: bool = True  # syscall deny-list (sockets other than AF_UNIX, ptrace, mount, fork, ...)
    rlimits: bool = True  # address-space-free limits: file size, open files, core dumps, processes
    require_all: bool = False  # refuse to run when a requested layer is unavailable
    output_limit: int = 64 * KIB  # characters kept of stdout and of stderr, each
    value_limit: int = 64 * KIB  # characters kept of the value's repr
    tmpfs_bytes: int = 16 * MIB  # size of the only writable directory (/tmp) inside bubblewrap
    heap_mib: int = 512  # V8 old-space limit for the JS side (the wasm heap is capped at 4 GiB by wasm32)
    memory_bytes: int = 2048 * MIB  # RLIMIT_DATA, when rlimits are on
    startup_timeout: float = 120.0  # first start may build nothing, but a loaded machine is slow
