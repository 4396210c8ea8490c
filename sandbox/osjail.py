"""OS isolation with bubblewrap: new namespaces (no network, own pid space), only read-only binds of
what the JS host needs, a size-capped tmpfs as the only writable place, a fresh session (no TIOCSTI
into the user's terminal), and uid/gid 65534 with all capabilities dropped."""
from __future__ import annotations

import functools
import os
import shutil
import subprocess


@functools.lru_cache(maxsize=1)
def available() -> tuple[bool, str]:
    bwrap = shutil.which("bwrap")
    if not bwrap:
        return False, "bubblewrap (bwrap) not installed: apt-get install bubblewrap"
    # Probe with the namespace flags `wrap` uses, so "available" means a worker can really start.
    probe = [bwrap, "--unshare-all", "--unshare-user", "--uid", "65534", "--gid", "65534", "--cap-drop", "ALL",
             "--die-with-parent", "--ro-bind", "/", "/", "true"]
    try:
        done = subprocess.run(probe, capture_output=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return False, f"bubblewrap could not start: {exc}"
    if done.returncode != 0:
        reason = done.stderr.decode(errors="replace").strip()
        return False, f"bubblewrap cannot create namespaces here: {reason}"
    return True, "bubblewrap: all namespaces unshared (no network), read-only binds, capped tmpfs"


def system_binds() -> list[str]:
    """Shared libraries the dynamically linked Deno/Node binaries load."""
    args: list[str] = []
    for path in ("/usr", "/lib", "/lib64", "/lib32"):
        if os.path.islink(path):
            args += ["--symlink", os.readlink(path), path]
        elif os.path.isdir(path):
            args += ["--ro-bind", path, path]
    return args


def wrap(argv: list[str], binds: list[tuple[str, str]], *, env: dict[str, str], tmpfs_bytes: int,
         seccomp_fd: int | None, unprivileged: bool = True) -> list[str]:
    bwrap = shutil.which("bwrap") or "bwrap"
    args = [bwrap, "--unshare-all", "--die-with-parent", "--new-session", "--clearenv",
            "--cap-drop", "ALL", "--hostname", "calx-sandbox"]
    if unprivileged:
        args += ["--unshare-user", "--uid", "65534", "--gid", "65534"]
    args += system_binds()
    args += ["--proc", "/proc", "--dev", "/dev", "--size", str(tmpfs_bytes), "--tmpfs", "/tmp"]
    for host, inside in binds:
        args += ["--ro-bind", host, inside]
    for key, value in env.items():
        args += ["--setenv", key, value]
    if seccomp_fd is not None:
        args += ["--seccomp", str(seccomp_fd)]
    return args + ["--chdir", "/tmp", "--"] + argv
