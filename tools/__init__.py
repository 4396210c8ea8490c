"""Exact engines behind one contract: `tools.run(name, text, timeout=...) -> ToolResult`."""
from .base import DEFAULT_TIMEOUT, Tool, ToolError, ToolFailure, ToolResult
from .registry import get, names, register, run, specs

__all__ = [
    "DEFAULT_TIMEOUT", "Tool", "ToolError", "ToolFailure", "ToolResult",
    "get", "names", "register", "run", "specs",
]
