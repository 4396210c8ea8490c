"""The one table of symbolic operations, gathered from the area modules, and the door to it: `execute(tree)`
computes, `run_checks(outcome, budget)` checks.

Adding an operation: its computation, its check and its `Operation` entry go side by side in the area module it
belongs to (and its name into the parser's FUNCTIONS, tools/parsing/functions.py, so that `name(...)` is read
as a call). Only a new area module is listed here. Runs in the worker.
"""
from __future__ import annotations

from dataclasses import asdict

import sympy as sp

from ..parsing import Call, Node, Relation, Seq
from . import (algebra_ops, calculus_ops, equation_ops, letter_ops, letter_solve_ops, matrix_ops, ode_ops,
               ordering_ops, sequence_ops, series_ops)
from .deadline import Expired, limit, reset_interrupted_state
from .operation import Check, CheckResult, Context, Operation, Outcome

AREAS = (algebra_ops, equation_ops, calculus_ops, series_ops, ode_ops, matrix_ops,
         letter_ops, letter_solve_ops, sequence_ops, ordering_ops)
ENTRIES: tuple[Operation, ...] = tuple(entry for area in AREAS for entry in area.OPERATIONS)
# kinds of Outcome that execute() makes from a plain expression, with no operation called ("list" goes unchecked)
PLAIN_CHECKS: dict[str, Check] = {"matrix": matrix_ops.check_matrix_arithmetic}


def _by_name(entries) -> dict[str, Operation]:
    table: dict[str, Operation] = {}
    for entry in entries:
        for name in (entry.name, *entry.aliases):
            if name in table:
                raise ValueError(f"two symbolic operations are called {name!r}")
            table[name] = entry
    return table


def _by_kind(entries, plain: dict[str, Check]) -> dict[str, Check]:
    table = dict(plain)
    for entry in entries:
        for kind, check in entry.checks.items():
            if table.setdefault(kind, check) is not check:
                raise ValueError(f"two checks for the outcome {kind!r}")
    return table


OPERATIONS = _by_name(ENTRIES)  # name or alias -> entry
CHECKS = _by_kind(ENTRIES, PLAIN_CHECKS)  # Outcome.op -> its check


def execute(tree: Node) -> Outcome:
    """The top of the tree decides: an operation call (`diff(x^3, x)`), an equation or a list of equations
    (solve), a matrix expression, or a plain expression (simplified). An operation call inside an argument is
    evaluated first."""
    ctx = Context(OPERATIONS)
    if isinstance(tree, Call) and tree.func in OPERATIONS:
        return ctx.run(tree.func, tree.args)
    if _is_equation_list(tree):
        return ctx.run("solve", (tree,))
    value = ctx.expr(tree)
    if isinstance(value, sp.MatrixBase):
        return Outcome("matrix", value, {"expr": value, "node": tree})
    if isinstance(value, (list, tuple)):
        return Outcome("list", list(value), {})
    if isinstance(value, sp.Basic) and value.is_Relational and value.free_symbols:
        return ctx.run("solve", (tree,))
    return ctx.run("simplify", (tree,))


def _is_equation_list(tree: Node) -> bool:
    return isinstance(tree, Relation) and tree.op == "=" or (
        isinstance(tree, Seq) and tree.bracket in ("", "[", "{") and tree.items
        and all(isinstance(i, Relation) for i in tree.items))


def run_checks(outcome: Outcome, budget: float) -> list[dict]:
    """The check of the outcome's kind, within `budget` seconds; one that breaks or runs out of time is reported
    undecided, never dropped."""
    check = CHECKS.get(outcome.op)
    if check is None:
        return []
    with limit(budget) as token:
        try:
            results = check(outcome)
        except Expired as exc:
            reset_interrupted_state()
            if exc.token is not token:
                raise
            results = [CheckResult(f"{outcome.op} check", None, f"check did not finish in {budget:.1f} s")]
        except Exception as exc:  # a check that breaks is reported as undecided, never dropped
            results = [CheckResult(f"{outcome.op} check", None, f"check could not run: {type(exc).__name__}: {exc}")]
    return [asdict(r) for r in results]
