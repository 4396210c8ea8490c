"""Direct routes: each reads one family of questions and returns a DirectPlan, or None to pass."""
from __future__ import annotations

import importlib

from .plan import DirectPlan

# Tried in order; the first plan wins. Modules load on first use so a plain question stays light.
ROUTE_MODULES = ["assistant.routes.arithmetic", "assistant.routes.symbolic"]


def plan_for(question: str) -> DirectPlan | None:
    for name in ROUTE_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:  # a route not built yet
                continue
            raise
        plan = module.match(question)
        if plan is not None:
            return plan
    return None


__all__ = ["DirectPlan", "plan_for"]
