"""The planner: a model writes Calc-X chains under a grammar and budgets; tools compute every figure."""
from .budgets import Budgets
from .loop import Options, Planner

__all__ = ["Budgets", "Options", "Planner"]
