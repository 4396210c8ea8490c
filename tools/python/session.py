"""The one sandbox a process's `python` gadget talks to, created on first use (starting Pyodide costs
about a second, so a plain arithmetic question never pays it)."""
from __future__ import annotations

import atexit
import threading

from sandbox import RunResult, Sandbox, SandboxConfig


class PythonSession:
    def __init__(self, config: SandboxConfig | None = None):
        self._config = config
        self._sandbox: Sandbox | None = None
        self._lock = threading.Lock()

    def sandbox(self) -> Sandbox:
        with self._lock:
            if self._sandbox is None:
                self._sandbox = Sandbox(self._config)
                atexit.register(self.close)
            return self._sandbox

    def prewarm(self) -> None:
        """Start the interpreter in the background (e.g. when a chat opens), so the first `python`
        call does not pay the cold start. Safe to call more than once."""
        threading.Thread(target=lambda: self.sandbox().start(), name="calx-python-prewarm", daemon=True).start()

    def run(self, code: str, timeout: float) -> RunResult:
        return self.sandbox().run(code, timeout=timeout)

    def reset(self) -> None:
        """A new conversation: forget variables and imports."""
        with self._lock:
            if self._sandbox is not None:
                self._sandbox.reset()

    def close(self) -> None:
        with self._lock:
            if self._sandbox is not None:
                self._sandbox.close()
                self._sandbox = None
