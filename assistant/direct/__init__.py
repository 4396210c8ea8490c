"""The direct route: a question that reads as math becomes one tool call and a checked Answer, no model involved.

routes/ reads the question (each module one family of wordings) into a RoutedCall; router.py runs the call;
checks.py adds a check by an independent route (recompute.py: Python's own Fraction arithmetic).
"""
from __future__ import annotations

from .router import run_plan, try_direct

__all__ = ["run_plan", "try_direct"]
