"""The `python` gadget: run code in the session's sandbox; answer with what it printed and the value
of its last expression, Calc-X style. Code never runs in this process (see sandbox/)."""
from __future__ import annotations

from ..base import DEFAULT_TIMEOUT, ToolResult, guarded
from .session import PythonSession

# How sandbox error types read to the model and the user, in Python's own "Type: message" style.
_ERROR_NAMES = {
    "timeout": "TimeoutError",
    "crashed": "SandboxCrashed",
    "output_limit": "OutputLimit",
    "unavailable": "SandboxUnavailable",
    "bad_input": "ValueError",
}


class PythonTool:
    name = "python"

    def __init__(self, session: PythonSession | None = None):
        self.session = session or PythonSession()

    def run(self, text: str, *, timeout: float = DEFAULT_TIMEOUT) -> ToolResult:
        return guarded(self._run, text, timeout)

    def _run(self, text: str, timeout: float) -> ToolResult:
        result = self.session.run(text, timeout)
        shown = format_output(result.stdout, result.value)
        extra = {"stdout": result.stdout, "stderr": result.stderr, "isolation": result.isolation,
                 "notes": list(result.notes), "sandbox_ms": result.ms}
        if result.error is None:
            return ToolResult.success(shown, result.value, **extra)
        err = result.error
        line = err.message if err.type == "python_error" else f"{_ERROR_NAMES.get(err.type, err.type)}: {err.message}"
        failure = ToolResult.failure(err.type, line, traceback=err.traceback, **extra)
        if shown:  # what ran before the error is still worth seeing
            failure = ToolResult(False, f"{failure.output}\n{shown}", None, failure.error, 0.0, failure.extra)
        return failure


def format_output(stdout: str, value: str | None) -> str:
    parts = [stdout.rstrip("\n")] if stdout.strip() else []
    if value is not None:
        parts.append(value)
    return "\n".join(parts)


TOOL = PythonTool()
