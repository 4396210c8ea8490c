"""Direct routes: each reads one family of questions and returns a RoutedCall, or None to pass."""
from __future__ import annotations

import importlib

from ..plan import RoutedCall

# Tried in order; the first plan wins. Modules load on first use so a plain question stays light.
# rounding and everyday wordings first: "round 7.6/3 to 2 decimal places" must not reach the arithmetic
# route, which would read the verb "round" as the function round(7.6)
ROUTE_MODULES = ["assistant.direct.routes.statements",  # composed questions: only those opening with statements
                 # integer sentences, before rounding: "n to the power of 1/3, to the nearest integer" is a root
                 "assistant.direct.routes.numbers",
                 "assistant.direct.routes.rounding", "assistant.direct.routes.everyday",
                 # sentence readings of the base, measurement, probability, counting and statistics families
                 "assistant.direct.routes.bases",
                 "assistant.direct.routes.measurement", "assistant.direct.routes.clock",
                 "assistant.direct.routes.probability",
                 "assistant.direct.routes.counting", "assistant.direct.routes.statistics",
                 # algebra, polynomial, calculus and comparison sentences (letters as variables, exact order)
                 "assistant.direct.routes.comparison", "assistant.direct.routes.algebra",
                 "assistant.direct.routes.polynomials", "assistant.direct.routes.calculus",
                 "assistant.direct.routes.arithmetic", "assistant.direct.routes.competition",
                 # competition families by area, each in its own module (tried after the general reader)
                 "assistant.direct.routes.competition_numbertheory", "assistant.direct.routes.competition_algebra",
                 "assistant.direct.routes.competition_precalc",
                 "assistant.direct.routes.symbolic"]


def plan_for(question: str) -> RoutedCall | None:
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


__all__ = ["RoutedCall", "plan_for"]
