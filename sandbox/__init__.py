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
from .session import Sandbox

__all__ = ["Sandbox", "SandboxConfig", "RunResult", "RunError", "IsolationReport", "Layer", "doctor", "install"]


def doctor(config: SandboxConfig | None = None) -> IsolationReport:
    """The layer report for `calx doctor`: which layers a Sandbox would run with here, and why not."""
    from . import assets
    from .isolation import plan

    config = config or SandboxConfig()
    report = plan(config).report
    found = assets.assets()
    installed = assets.is_installed(found)
    files = Layer("pyodide-files", installed,
                  f"{found.root}" if installed else f"not fetched yet (fetched on first use); {assets.INSTALL_HINT}")
    return IsolationReport(report.layers + (files,))


def install(config: SandboxConfig | None = None, progress: IO[str] | None = sys.stderr) -> IsolationReport:
    """Fetch and verify Pyodide, pack SymPy/mpmath, build the start-up snapshot; idempotent."""
    from . import assets, snapshot
    from .isolation import plan

    config = config or SandboxConfig()
    found = assets.ensure(progress)
    snapshot.ensure(config, plan(config), found)
    return doctor(config)
