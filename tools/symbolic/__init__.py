"""The `symbolic` gadget: algebra, calculus and linear algebra on SymPy, SymEngine and FLINT.

Input is the gadget syntax of the parser (`solve(x^2 - 5x + 6 = 0, x)`, `integrate(x e^x, x)`,
`diff(x^3 sin(x), x, 2)`, `[[1, 2], [3, 4]] * [[5, 6], [7, 8]]`) or LaTeX (`\\int_0^1 x^2\\,dx`).
The text is parsed here, in the caller's process, into a tree of plain dataclasses; the tree goes
to a warm worker process that builds SymPy objects node by node (no sympify, no eval), computes
under a time budget, runs the checks and sends back text. Importing this module does not import
SymPy: the worker does, once.
"""
from __future__ import annotations

from ..base import DEFAULT_TIMEOUT, ToolFailure, ToolResult, guarded
from ..parsing import Call, ParseError, Postfix, TooDeepError, parse, to_text
from .protocol import Request, SymbolicValue
from .worker import POOL

APPLIED = frozenset({"y", "f", "g", "u"})  # names read as functions in ODEs: y(x), f(t)
# operations that read every name as a letter (letter_ops.py): shown as typed, since the printer writes the
# names i and e as the constants I and E, which is not how these operations read them
LETTER_OPERATIONS = frozenset({"solve_for", "expand_letters", "factor_letters", "coefficient_of", "diff_letters",
                               "diff_at", "power_simplify", "nth_term"})
MIN_TIMEOUT = 0.2


def read(text: str):
    """Text (plain or LaTeX) -> parse tree, or a typed ToolFailure."""
    try:
        if "\\" in text:
            from ..parsing.latex import parse_latex

            return parse_latex(text)
        applied = APPLIED if ("dsolve" in text or "'" in text) else frozenset()
        return parse(text, applied=applied)
    except TooDeepError as exc:
        raise ToolFailure("too_deep", exc.describe()) from None
    except ParseError as exc:
        raise ToolFailure("parse", exc.describe()) from None


class SymbolicTool:
    name = "symbolic"

    def run(self, text: str, *, timeout: float = DEFAULT_TIMEOUT, bare: bool = False) -> ToolResult:
        """`bare=True` skips checks and LaTeX/pretty forms: for benchmarks timing the engines alone."""
        return guarded(lambda t, s: self._run(t, s, bare), text, timeout)

    def warm(self) -> None:
        """Start the worker (and its SymPy import) before the first call needs it."""
        POOL.warm()

    def _run(self, text: str, timeout: float, bare: bool = False) -> ToolResult:
        tree = read(text)
        letters = isinstance(tree, Call) and tree.func in LETTER_OPERATIONS
        understood = " ".join(text.split()) if letters else to_text(tree)
        reply = POOL.call(Request(tree, max(timeout, MIN_TIMEOUT), bare=bare), max(timeout, MIN_TIMEOUT))
        if not reply.ok:
            return ToolResult.failure(reply.error_type, reply.error_message, understood=understood)
        value = SymbolicValue(reply.answer or "", reply.value_bytes)
        return ToolResult.success(
            reply.output, value, answer=reply.answer, latex=reply.latex, pretty=reply.pretty,
            decimal=reply.decimal, understood=understood, checks=reply.checks,
            operation=reply.operation, engine=reply.engine)


TOOL = SymbolicTool()

__all__ = ["TOOL", "SymbolicTool", "SymbolicValue", "read"]
