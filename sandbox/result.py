"""What crosses the sandbox boundary: a run's result, its typed error, and the isolation report."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class RunError:
    """`type` is stable for programs: python_error, timeout, crashed, output_limit, unavailable, too_large."""

    type: str
    message: str
    traceback: str = ""

    def __str__(self) -> str:
        return f"{self.type}: {self.message}"


@dataclass(frozen=True)
class Layer:
    """One defence layer: whether it is active and, either way, why (what it does or what is missing)."""

    name: str
    active: bool
    detail: str


@dataclass(frozen=True)
class IsolationReport:
    layers: tuple[Layer, ...]

    @property
    def missing(self) -> list[Layer]:
        return [layer for layer in self.layers if not layer.active]

    def layer(self, name: str) -> Layer:
        return next(layer for layer in self.layers if layer.name == name)

    def summary(self) -> str:
        return "\n".join(f"{'on ' if l.active else 'OFF'} {l.name:<16} {l.detail}" for l in self.layers)


@dataclass(frozen=True)
class RunResult:
    stdout: str
    stderr: str
    value: str | None  # repr() of the last expression, or None
    error: RunError | None
    ms: float
    isolation: IsolationReport
    notes: tuple[str, ...] = field(default_factory=tuple)  # e.g. "stdout cut: 1,234 characters"

    @property
    def ok(self) -> bool:
        return self.error is None
