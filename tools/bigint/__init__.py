"""The `bigint` gadget: exact integer work on GMP/FLINT (primes, factoring, modular arithmetic, digits)."""
from __future__ import annotations

from ..base import DEFAULT_TIMEOUT, ToolResult, guarded
from ..calculator import calc_extra, calculate


class BigintTool:
    name = "bigint"

    def run(self, text: str, *, timeout: float = DEFAULT_TIMEOUT) -> ToolResult:
        return guarded(self._run, text, timeout)

    def _run(self, text: str, timeout: float) -> ToolResult:
        calc = calculate(text, timeout=timeout)
        return ToolResult.success(calc.output, calc.value, **calc_extra(calc))


TOOL = BigintTool()
