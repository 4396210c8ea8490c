"""Limits that end every question with an answer or a reason, never a hang."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Budgets:
    max_calls: int = 8  # gadget calls per chain
    max_tokens: int = 384  # generated tokens per chain (prompt not counted)
    wall_seconds: float = 60.0  # per question, generation and tools together
    tool_timeout: float = 10.0  # per gadget call, passed to tools.run


class BudgetExceeded(Exception):
    """Raised inside the loop; the planner turns it into Answer.error of type 'budget'."""

    def __init__(self, what: str, message: str):
        super().__init__(message)
        self.what = what
