"""One request in the worker: tree -> Outcome -> checks -> Reply, all inside the call's budget."""
from __future__ import annotations

import pickle
import time

import sympy as sp
from sympy.core.cache import clear_cache

from ..base import ToolFailure
from .deadline import Expired, limit, reset_interrupted_state
from .protocol import Reply, Request
from .registry import execute, run_checks
from .render import answer_text, decimal_text, eigenvalue_words, latex_text, pretty_text, solution_words

CHECK_SHARE = 0.15  # of the budget, kept back for the checks (most take milliseconds)
MAX_ANSWER_CHARS = 1_000_000
MAX_CONVERTED_CHARS = 5_000  # FLINT/SymEngine results up to this size also come back as SymPy objects


def compute(request: Request) -> Reply:
    start = time.monotonic()
    budget = request.budget
    try:
        with limit(budget * (1 - CHECK_SHARE)) as token:
            try:
                outcome = execute(request.tree)
                reply = _reply(outcome, request.bare)
            except Expired as exc:
                if exc.token is not token:
                    raise
                reset_interrupted_state()  # an interrupted computation leaves state behind
                return _failure("timeout", f"timed out after {budget:g} s")
        spent = time.monotonic() - start
        if not request.bare:
            reply.checks = run_checks(outcome, max(0.5, budget - spent))
        return reply
    except ToolFailure as exc:
        if exc.error_type == "timeout":
            return _failure("timeout", f"timed out after {budget:g} s")
        return _failure(exc.error_type, exc.message)
    except RecursionError:
        return _failure("too_deep", "expression nested too deeply")
    except MemoryError:
        clear_cache()
        return _failure("too_large", "the computation ran out of memory")
    except Expired:
        reset_interrupted_state()
        return _failure("timeout", f"timed out after {budget:g} s")
    except ZeroDivisionError:  # SymPy raises it from inside a computation, e.g. Mod(x, y) once y becomes 0
        return _failure("domain", "division by zero")
    except OverflowError:  # mpmath turning a float's huge exponent into an int: 2.0^(10^(10^101.))
        return _failure("too_large", "a number in the computation is too large to represent")
    except NotImplementedError as exc:
        return _failure("unsupported", f"SymPy cannot do this: {exc}"[:500])
    except (ValueError, TypeError, AttributeError, sp.SympifyError, sp.PolynomialError) as exc:
        return _failure("domain", f"{type(exc).__name__}: {exc}"[:500])
    except Exception as exc:  # an engine bug must still come back as a typed error
        return _failure("internal", f"{type(exc).__name__}: {exc}"[:500])


def _reply(outcome, bare: bool = False) -> Reply:
    value = outcome.value
    answer = answer_text(value)
    if len(answer) > MAX_ANSWER_CHARS:
        raise ToolFailure("too_large", f"the result has {len(answer):,} characters; the limit is {MAX_ANSWER_CHARS:,}")
    if bare:
        return Reply(ok=True, output=answer, answer=answer, operation=outcome.op, engine=outcome.engine)
    decimal = decimal_text(value)
    output = answer if decimal is None else f"{answer} = around {decimal}"
    latex, pretty = latex_text(value, answer), pretty_text(value, answer)
    if outcome.op == "eigenvals" and isinstance(value, dict):  # words, not the dict {6: 1, 1: 1}
        answer = output = pretty = eigenvalue_words(value)
        latex = None
    elif outcome.op.startswith("solve") and solution_words(value) is not None:
        pretty = solution_words(value)  # the answer stays the dict the callers read; people see x = 2, y = 3
    return Reply(ok=True, output=output, answer=answer, latex=latex, pretty=pretty, decimal=decimal,
                 operation=outcome.op, engine=outcome.engine, value_bytes=_pickled(value))


def _pickled(value) -> bytes | None:
    if hasattr(value, "to_sympy"):
        if len(value.text) > MAX_CONVERTED_CHARS:
            return None  # big engine-native results stay as text: converting them is the slow part
        value = value.to_sympy()
    try:
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:
        return None
    return data if len(data) < 4_000_000 else None


def _failure(error_type: str, message: str) -> Reply:
    return Reply(ok=False, output=f"ERROR: {message}", error_type=error_type, error_message=message)
