"""What a route hands the router: which tool to call on what input, and how the question was read."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class DirectPlan:
    tool: str  # gadget id
    input: str  # the gadget input, in the tool's own syntax
    understood: str  # the question as read, for people
    kind: str = "arithmetic"  # which family of question (decides which checks apply)
    options: dict = field(default_factory=dict)
