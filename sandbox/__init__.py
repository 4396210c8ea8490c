"""An isolated Python interpreter: Pyodide (CPython in WebAssembly) under a permission-restricted
JS host (Deno by default), inside bubblewrap with a seccomp deny-list, run by a supervisor.

    from sandbox import Sandbox
    with Sandbox() as sb:
        r = sb.run("x = 2\\nx**10", timeout=5.0)   # r.value == "1024"
"""
from __future__ import annotations

import sys
from typing import IO

from .config import SandboxConfig
from .result import IsolationReport, Layer, RunError, RunResult

__all__ = ["Sandbox", "SandboxConfig", "RunResult", "RunError", "IsolationReport", "Layer", "doctor", "install"]


def __getattr__(name: str):
    # `Sandbox` (and the fetching, launching and isolation code behind it) loads on first use, so that
    # `tools/` can import a small helper such as `sandbox.procgroup` without paying for all of it.
    if name == "Sandbox":
        from .session import Sandbox

        return Sandbox
    raise AttributeError(f"module 'sandbox' has no attribute {name!r}")


def doctor(config: SandboxConfig | None = None) -> IsolationReport:
    """The layer report for `calx doctor`: which layers a Sandbox would run with here, and why not,
    plus whether the parts it runs on are usable: the JS host, the Pyodide files, the snapshot."""
    from .isolation import plan

    config = config or SandboxConfig()
    return IsolationReport(plan(config).report.layers + _parts(config))


def _parts(config: SandboxConfig, checked: dict | None = None) -> tuple[Layer, ...]:
    # `checked`: files install() verified or built a moment ago (the 65 MB snapshot) are not hashed again
    from . import assets, jshost

    try:
        host = Layer("js-host", True, jshost.probe(config.runtime))
    except jshost.HostMissing as exc:
        host = Layer("js-host", False, str(exc))
    found = assets.assets()
    bad = assets.damaged_files(found, checked)
    if not bad:
        files = Layer("pyodide-files", True, f"{found.pyodide}: every pinned file matches its sha256")
    elif all(not (found.pyodide / name).exists() for name in bad):
        files = Layer("pyodide-files", False, f"not fetched yet (fetched on first use); {assets.INSTALL_HINT}")
    else:
        files = Layer("pyodide-files", False, f"damaged in {found.pyodide}: {', '.join(bad)} failed the sha256 "
                                              f"check; fetched again on next use, or {assets.INSTALL_HINT}")
    target = found.snapshot(config.runtime)
    if not target.is_file():
        snap = Layer("snapshot", False, "not built yet: built on first use (about 25 s), or by `calx sandbox install`")
    elif assets.intact(target, checked):
        snap = Layer("snapshot", True, f"{target.name} ({target.stat().st_size / 1e6:.0f} MB) matches its digest")
    else:
        snap = Layer("snapshot", False, f"{target} is damaged; rebuilt on next use")
    return host, files, snap


def install(config: SandboxConfig | None = None, progress: IO[str] | None = sys.stderr) -> IsolationReport:
    """Fetch and verify Pyodide, pack SymPy/mpmath, build the start-up snapshot; idempotent."""
    from . import assets, snapshot
    from .isolation import plan

    config = config or SandboxConfig()
    checked: assets.Checked = {}  # what ensure verified or built just now is not hashed again for the report
    found = assets.ensure(progress, checked)
    snapshot.ensure(config, plan(config), found, checked)
    return IsolationReport(plan(config).report.layers + _parts(config, checked))
