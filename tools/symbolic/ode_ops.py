"""Ordinary differential equations (dsolve), beside the check: each solution substituted back into the ODE
(checkodesol), and its free constants and the initial conditions counted against the order.
"""
from __future__ import annotations

import re

import sympy as sp

from ..base import ToolFailure
from ..parsing import Name, Postfix, subtrees
from .operation import CheckResult, Context, Operation, Outcome


def _dsolve(ctx: Context, args):
    ctx.conv.independent = _independent_of(args)
    ctx.conv.unknown_functions = _primed_names(args) - {ctx.conv.independent}
    ode = ctx.expr(args[0])
    if isinstance(ode, (list, tuple)):
        raise ToolFailure("unsupported", "systems of ODEs are not supported yet")
    if not isinstance(ode, (sp.Eq, sp.Expr)):  # y'' < 1 reached an `assert isinstance(eq, Expr)` inside SymPy
        raise ToolFailure("domain", "an ODE is an equation like y'' + y = 0, not an inequality or a truth value")
    # derivatives that cancel (y' = y' + 1) or sit only in a denominator (1/(y'' - 1) = 0) left SymPy's
    # classifier with nothing to match: an IndexError
    difference = ode.lhs - ode.rhs if isinstance(ode, sp.Eq) else ode
    funcs = sorted(difference.atoms(sp.Derivative), key=str)
    if not funcs:
        raise ToolFailure("domain", "no derivative found: write the ODE with y' or y''")
    if not sp.numer(sp.together(difference)).atoms(sp.Derivative):
        raise ToolFailure("domain", "the derivatives are only in a denominator: with it cleared, no ODE is left")
    target = funcs[0].expr
    ics = {}
    for node in args[1:]:
        cond = ctx.expr(node)
        if isinstance(cond, sp.Eq):
            ics[cond.lhs] = cond.rhs
    try:
        value = sp.dsolve(ode, target, ics=ics or None)
    except (IndexError, KeyError, AssertionError) as exc:  # SymPy's classifier on equations it cannot read
        raise ToolFailure("unsupported", f"SymPy's ODE solver cannot read this equation ({type(exc).__name__})") from None
    return Outcome("dsolve", value, {"ode": ode, "func": target, "conditions": len(ics)})


def _primed_names(args) -> set[str]:
    """Names written with a prime (y', y''): the unknown functions of the ODE."""
    found = set()
    for n in (n for arg in args for n in subtrees(arg)):
        if isinstance(n, Postfix) and n.op == "'":
            inner = n.operand
            while isinstance(inner, Postfix) and inner.op == "'":
                inner = inner.operand
            if isinstance(inner, Name):
                found.add(inner.name)
    return found


def _independent_of(args) -> str:
    names = {n.name for arg in args for n in subtrees(arg) if isinstance(n, Name)}
    for candidate in ("x", "t", "s"):
        if candidate in names:
            return candidate
    return "x"


def _dsolve_check(outcome):
    ode, func = outcome.inputs["ode"], outcome.inputs["func"]
    solutions = outcome.value if isinstance(outcome.value, list) else [outcome.value]
    if not solutions:
        return [CheckResult("solution satisfies the ODE", None, "no solution to substitute")]
    verdicts = [sp.checkodesol(ode, s, func) for s in solutions]
    passed = all(v[0] is True for v in verdicts)
    return [CheckResult("solution satisfies the ODE", passed if passed else None if
                        all(v[0] is not False for v in verdicts) else False, "checkodesol substitutes it back"),
            _general(outcome, solutions)]


def _general(outcome, solutions) -> CheckResult:
    """A solution is the general one when its free constants and the initial conditions together number the
    order of the ODE; fewer and it may be a particular solution only (undecided, not failed)."""
    order = sp.ode_order(outcome.inputs["ode"], outcome.inputs["func"])
    conditions = outcome.inputs.get("conditions", 0)
    for s in solutions:
        constants = {c for c in s.free_symbols if re.fullmatch(r"C\d+", c.name)}
        if len(constants) + conditions != order:
            return CheckResult("general solution", None,
                               f"{len(constants)} constant(s) and {conditions} condition(s) for an order-{order} ODE")
    return CheckResult("general solution", True, f"{order} constant(s) or condition(s) for an order-{order} ODE")


OPERATIONS = (
    Operation("dsolve", _dsolve, {"dsolve": _dsolve_check},
              ("dsolve(y'' + 4y = 0)", "dsolve(y' - 2y = 0, y(0) = 3)")),
)
