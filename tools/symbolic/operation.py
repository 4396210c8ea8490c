"""What a symbolic operation is, and the helpers every operation shares.

An operation is one `Operation` entry: the name it is called by (`diff(x^3, x)`), the function that computes an
`Outcome` from the call's argument trees, and a check for each kind of Outcome it returns, each by a route other
than the one that computed it (roots substituted back, derivatives against numeric differentiation, matrix
results multiplied back). A check that cannot decide says so (passed None); a failed check is reported.
The entries live in the area modules (algebra_ops.py, calculus_ops.py, matrix_ops.py, ...), each computation
beside its check; registry.py gathers them into the one table. Runs in the worker.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Mapping

import mpmath
import sympy as sp

from ..base import ToolFailure
from ..parsing import Node
from .convert import Converter, shown
from .numeric import is_zero, value_at


@dataclass
class Outcome:
    op: str  # the kind of result, which picks its check: factor(...) gives "factor", or "factorint" for a number
    value: Any
    inputs: dict = field(default_factory=dict)  # what the checks need: the expression, the variable, ...
    engine: str = "sympy"


@dataclass
class CheckResult:
    name: str
    passed: bool | None
    detail: str = ""


Compute = Callable[["Context", tuple], Outcome]
Check = Callable[[Outcome], "list[CheckResult]"]


@dataclass(frozen=True)
class Operation:
    """One operation. `checks` is keyed by the kind of Outcome (Outcome.op), since one operation may return
    several kinds (integrate: "integrate" or "integrate_definite"): every kind it returns has its check here.
    `examples` are calls that between them reach every kind; the registry's test runs them and their checks."""

    name: str
    compute: Compute
    checks: Mapping[str, Check]
    examples: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()  # other names it is called by: inv for inverse


class Context:
    """One call's conversion state; operations call back into it for their arguments, and an operation called
    inside an argument (diff(integrate(...), x)) is run through it. The table is handed in, not imported: the
    operations are built on this module."""

    def __init__(self, operations: Mapping[str, Operation]):
        self.operations = operations
        self.conv = Converter(self.nested, operations)

    def run(self, func: str, args: tuple[Node, ...]) -> Outcome:
        if not args:
            raise ToolFailure("arity", f"{func} needs at least one argument")
        return self.operations[func].compute(self, args)

    def nested(self, func: str, args: tuple[Node, ...]):
        value = self.run(func, args).value
        return value.to_sympy() if hasattr(value, "to_sympy") else value  # FLINT/SymEngine results feed SymPy

    def expr(self, node: Node):
        return self.conv(node)


# -- arguments --------------------------------------------------------------------------------------

def symbol_arg(ctx: Context, node: Node, what: str = "variable") -> sp.Symbol:
    value = ctx.expr(node)
    if not isinstance(value, sp.Symbol):
        raise ToolFailure("arity", f"expected a {what} name, got {shown(value)}")
    return value


def main_var(expr, given=None) -> sp.Symbol:
    if given is not None:
        return given
    free = sorted(getattr(expr, "free_symbols", set()), key=str)
    if not free:
        return sp.Symbol("x")
    for preferred in ("x", "t", "n", "k", "z", "y"):
        for s in free:
            if s.name == preferred:
                return s
    return free[0]


def int_arg(ctx: Context, node: Node, what: str, low: int = 0, high: int = 10_000) -> int:
    value = ctx.expr(node)
    if not (isinstance(value, sp.Basic) and value.is_Integer and low <= int(value) <= high):
        raise ToolFailure("arity", f"{what} must be an integer from {low} to {high}, got {shown(value)}")
    return int(value)


def scalar(value, func: str):
    if isinstance(value, sp.MatrixBase):
        raise ToolFailure("domain", f"{func} works on expressions, not matrices")
    if isinstance(value, (list, tuple)):
        raise ToolFailure("domain", f"{func} works on one expression, not a list")
    if isinstance(value, sp.Basic) and value.is_Relational and not isinstance(value, sp.Eq):
        raise ToolFailure("domain", f"{func} works on expressions, not inequalities")
    return value


def equation_as_expr(value):
    return value.lhs - value.rhs if isinstance(value, sp.Eq) else value


# -- results, for the checks ------------------------------------------------------------------------

def result_value(outcome):
    v = outcome.value
    return v.to_sympy() if hasattr(v, "to_sympy") else v


def sympy_inputs(outcome) -> None:
    """Fast paths skip building the SymPy input; the checks build it here, only when they run."""
    from .convert import Converter

    inputs = outcome.inputs
    if "node" in inputs and "expr" not in inputs:
        conv = Converter()
        inputs["expr"] = conv(inputs["node"])
        if "spec_names" in inputs:
            inputs["spec"] = [[conv.symbol(n), k] for n, k in inputs["spec_names"]]
        if "pair_nodes" in inputs:
            inputs["pairs"] = [(conv(a), conv(b)) for a, b in inputs["pair_nodes"]]


def residual_zero(residual) -> bool | None:
    if residual == 0:
        return True
    try:
        if sp.simplify(residual) == 0:
            return True
    except Exception:
        pass
    if residual.free_symbols:
        passed, _ = is_zero(residual)
        return passed
    v = value_at(residual, {}, 50)
    if v is None:
        return None
    return bool(abs(v) < mpmath.mpf(10) ** -40)
