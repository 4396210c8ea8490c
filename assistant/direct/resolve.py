"""Evaluating a composed question's statements, in order, into an environment of exact values and functions.

Each result comes from an exact tool (the calculator for values, the symbolic engine for derivatives and
solutions) and is recorded as a PriorStep with an independent check: exactpoly recomputes the same result with
Python Fractions from the statement as written. Anything unsure raises Unsure: the question is not answered
on this route, never answered with a guess.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from fractions import Fraction

import tools
from tools.parsing import BinOp, Call, Name, Neg, Node, Num, ParseError, Postfix, Relation, Seq, parse, to_text

from ..answer import Check, Step
from .exactpoly import Poly, Unsupported, to_poly
from .plan import PriorStep
from .statements import Bind, Define, Derive, Equations, Statement

MAX_UNKNOWNS = 3


class Unsure(Exception):
    """A statement this resolver cannot settle with certainty."""


@dataclass(frozen=True)
class Value:
    value: Fraction
    decimal: bool  # written with decimals in the question: shown as a decimal where it terminates


@dataclass(frozen=True)
class Function:
    param: str
    body: Node  # over param, every bound name and inner call already substituted (what the tools see)
    poly: Poly | None  # the same function recomputed by exactpoly from the statement as written (the check's side)
    written: Node | None = None  # the body as written, for the value check of a function that is no polynomial
    values: dict | None = None  # the names bound when it was defined (the written body means those values)


@dataclass
class Environment:
    values: dict[str, Value] = field(default_factory=dict)
    functions: dict[str, Function] = field(default_factory=dict)
    prior: list[PriorStep] = field(default_factory=list)
    timeout: float = tools.DEFAULT_TIMEOUT
    # a polynomial equation in one unknown ("Suppose g(i) = 0."): it binds nothing, the question asks for its roots
    roots_of: tuple[str, Relation] | None = None
    roots_as_written: Relation | None = None  # the same equation before substitution, for the check
    shown_as: dict[str, str] = field(default_factory=dict)  # a derivative's spare letter -> "f'" as written

    # -- the two sides: trees for the tools, polynomials for the checks ----------------------------
    def inline(self, node: Node, keep: frozenset[str] = frozenset()) -> Node:
        """The tree with bound names replaced by their values and calls of known functions by their bodies."""
        return _map(node, lambda n: self._inline_one(n, keep))

    def _inline_one(self, node: Node, keep: frozenset[str]) -> Node | None:
        if isinstance(node, Name) and node.name in self.values and node.name not in keep:
            return value_node(self.values[node.name].value)
        if isinstance(node, Call) and node.func in self.functions:
            if len(node.args) != 1:
                raise Unsure(f"{node.func} takes one argument")
            fn = self.functions[node.func]
            arg = self.inline(node.args[0], keep)
            return _map(fn.body, lambda n: arg if isinstance(n, Name) and n.name == fn.param else None)
        return None

    def poly(self, node: Node, keep: frozenset[str] = frozenset()) -> Poly:
        values = {k: v.value for k, v in self.values.items() if k not in keep}
        functions = {name: _applier(fn) for name, fn in self.functions.items()}
        try:
            return to_poly(node, values, functions)
        except (Unsupported, ZeroDivisionError) as exc:
            raise Unsure(f"not a polynomial the check covers: {exc}") from exc

    def is_decimal(self, node: Node) -> bool:
        return any((isinstance(n, Num) and n.decimal) or (isinstance(n, Name) and n.name in self.values
                                                          and self.values[n.name].decimal) for n in _walk(node))

    # -- statements ------------------------------------------------------------------------------
    def apply(self, statement: Statement) -> None:
        if self.roots_of is not None:
            raise Unsure("a statement after an equation that binds nothing")
        if isinstance(statement, Bind):
            self._bind(statement)
        elif isinstance(statement, Define):
            self._define(statement)
        elif isinstance(statement, Derive):
            self._derive(statement)
        elif isinstance(statement, Equations):
            self._solve(statement)

    def _bind(self, s: Bind) -> None:
        if s.text.lower().startswith("suppose") and (s.name in self.values or names_in(self.inline(s.expr))):
            # "Suppose k = -3*w + 11." with k known (or w not): an equation, not a definition
            self._solve(Equations((Relation("=", Name(s.name), s.expr),), s.text))
            return
        self._check_fresh(s.name)
        value = self.evaluate(s.expr, s.text, f"{s.name} = ")
        self.values[s.name] = Value(value, self.is_decimal(s.expr))

    def evaluate(self, expr: Node, why: str, label: str = "") -> Fraction:
        """A constant expression's exact value by the calculator, recomputed by exactpoly; recorded as a step."""
        tree = self.inline(expr)
        if names_in(tree):
            raise Unsure(f"{why}: unknown names {sorted(names_in(tree))}")
        text = to_text(tree)
        result = tools.run("calculator", text, timeout=self.timeout)
        value = _rational(result.value) if result.ok else None
        if value is None:
            raise Unsure(f"{why}: the calculator gave no exact rational ({result.output})")
        check = self._value_check(expr, value, why)
        self._record("calculator", text, result, (check,), f"{label}{fraction_text(value)}")
        return value

    def _value_check(self, expr: Node, value: Fraction, why: str) -> Check:
        """exactpoly recomputes a polynomial's value; a rational function's is recomputed from its body as written,
        argument by argument, with Python Fractions (recompute.py): neither reads the substituted text."""
        try:
            again = self.poly(expr)
        except Unsure:
            again = None
        if again is not None:
            same = again.is_constant() and again.constant() == value
            return Check("recomputed with Python Fractions", same, f"{why}: exactpoly gives {_poly_text(again)}")
        again = self.written_value(expr, {k: v.value for k, v in self.values.items()})
        return Check("recomputed with Python Fractions", again == value, f"{why}: recomputed as written gives "
                     f"{fraction_text(again)}")

    def written_value(self, expr: Node, values: dict[str, Fraction]) -> Fraction:
        from .recompute import Unsupported as NotRecomputed, recompute

        def replace(node: Node) -> Node | None:
            if isinstance(node, Name) and node.name in values:
                return value_node(values[node.name])
            if isinstance(node, Call) and node.func in self.functions:
                fn = self.functions[node.func]
                if fn.written is None or len(node.args) != 1:
                    raise Unsure(f"{node.func} cannot be recomputed as written")
                arg = self.written_value(node.args[0], values)
                return value_node(self.written_value(fn.written, {**fn.values, fn.param: arg}))
            return None

        try:
            return recompute(_map(expr, replace))
        except (NotRecomputed, ZeroDivisionError, ValueError) as exc:
            raise Unsure(f"no independent recomputation: {exc}") from exc

    def _define(self, s: Define) -> None:
        self._check_fresh(s.name)
        keep = frozenset({s.param})
        body = self.inline(s.body, keep)
        if names_in(body) - keep:
            raise Unsure(f"{s.text}: unknown names {sorted(names_in(body) - keep)}")
        try:
            poly = self.poly(s.body, keep)
        except Unsure:  # a rational function: its values are checked from the body as written (written_value)
            poly = None
        if poly is not None and self.poly(body, keep) != poly:  # the substituted body must be the function as written
            raise Unsure(f"{s.text}: substitution does not agree with the recomputation")
        bound = {k: v.value for k, v in self.values.items() if k != s.param}
        self.functions[s.name] = Function(s.param, body, poly, s.body, bound)

    def _derive(self, s: Derive) -> None:
        self._check_fresh(s.name)
        keep = frozenset({s.param})
        body = self.inline(s.body, keep)
        if names_in(body) - keep:
            raise Unsure(f"{s.text}: unknown names {sorted(names_in(body) - keep)}")
        safe = {s.param: _tool_name(s.param)}
        call = f"diff({to_text(rename(body, safe))}, {safe[s.param]}, {s.order})"
        result = tools.run("symbolic", call, timeout=self.timeout)
        if not result.ok:
            raise Unsure(f"{s.text}: {result.output}")
        derived = rename(_parse(str(result.value)), {v: k for k, v in safe.items()})
        expected = self.poly(s.body, keep).derivative(s.param, s.order)
        got = self.poly(derived, keep)
        check = Check("derivative recomputed with Python Fractions", got == expected,
                      f"exactpoly differentiates {s.order} time(s) to {_poly_text(expected)}")
        shown = unrename_text(str(result.value), safe)
        self._record("symbolic", call, result, (check,), f"{s.name}({s.param}) = {shown}")
        self.functions[s.name] = Function(s.param, derived, expected)

    def _solve(self, s: Equations) -> None:
        if self.roots_of is not None:
            raise Unsure("a statement after an equation that binds nothing")
        trees = [self.inline(eq) for eq in s.equations]
        unknowns = sorted(set().union(*(names_in(t) for t in trees)))
        if len(trees) == len(unknowns) == 1 and self.poly(_difference(s.equations[0])).degree() > 1:
            self._check_fresh(unknowns[0])
            self.roots_of, self.roots_as_written = (unknowns[0], trees[0]), s.equations[0]
            return
        if not unknowns or len(unknowns) > MAX_UNKNOWNS or len(unknowns) != len(trees):
            raise Unsure(f"{s.text}: {len(trees)} equation(s) in {len(unknowns)} unknown(s)")
        for name in unknowns:
            self._check_fresh(name)
        residuals = [self.poly(_difference(eq)) for eq in s.equations]
        unique = _unique_linear(residuals, unknowns)  # before the tool: a non-linear system is not settled here
        safe = {name: _tool_name(name) for name in unknowns}
        call = f"solve({', '.join(to_text(rename(t, safe)) for t in trees)}, {', '.join(safe.values())})"
        result = tools.run("symbolic", call, timeout=self.timeout)
        if not result.ok:
            raise Unsure(f"{s.text}: {result.output}")
        solution = _read_solution(str(result.value), [safe[n] for n in unknowns])
        solution = {name: solution[safe[name]] for name in unknowns}
        point = {name: Poly.const(v) for name, v in solution.items()}
        zero = all(r.substitute(point) == Poly() for r in residuals)
        checks = (Check("solution substituted back (Python Fractions)", zero,
                        f"each of {len(residuals)} equation(s) holds exactly"),
                  Check("solution is unique", unique, "linear, and its coefficient matrix is invertible"))
        shown = ", ".join(f"{n} = {fraction_text(v)}" for n, v in solution.items())
        self._record("symbolic", call, result, checks, shown)
        for name, value in solution.items():
            self.values[name] = Value(value, False)

    # -- helpers ---------------------------------------------------------------------------------
    def _check_fresh(self, name: str) -> None:
        if name in self.values or name in self.functions:
            raise Unsure(f"{name} is given a second meaning")

    def _record(self, tool: str, text: str, result: tools.ToolResult, checks: tuple[Check, ...], shown: str) -> None:
        step = Step(tool, text, result.output, round(result.ms, 3), result.error.message if result.error else None)
        own = tuple(Check(**c) if isinstance(c, dict) else c for c in result.extra.get("checks", []))
        self.prior.append(PriorStep(step, own + checks, shown))


def resolve(statements, timeout: float = tools.DEFAULT_TIMEOUT) -> Environment:
    """The statements evaluated in order; Unsure if any is unsure or any step's check did not pass."""
    env = Environment(timeout=timeout)
    for statement in statements:
        env.apply(statement)
    if any(c.passed is not True for p in env.prior for c in p.checks):
        raise Unsure("a step's check did not pass")
    return env


# -- trees ---------------------------------------------------------------------------------------------

def _map(node: Node, replace) -> Node:
    """The tree rebuilt bottom-up, each node first offered to `replace` (a node back replaces it, None keeps it)."""
    new = replace(node)
    if new is not None:
        return new
    if isinstance(node, (BinOp, Relation)):
        return dataclasses.replace(node, left=_map(node.left, replace), right=_map(node.right, replace))
    if isinstance(node, (Neg, Postfix)):
        return dataclasses.replace(node, operand=_map(node.operand, replace))
    if isinstance(node, Call):
        return dataclasses.replace(node, args=tuple(_map(a, replace) for a in node.args))
    if isinstance(node, Seq):
        return dataclasses.replace(node, items=tuple(_map(i, replace) for i in node.items))
    return node


def _walk(node: Node):
    stack = [node]
    while stack:
        n = stack.pop()
        yield n
        stack.extend(c for c in (getattr(n, a, None) for a in ("left", "right", "operand")) if c is not None)
        stack.extend(getattr(n, "args", ()) or ())
        stack.extend(getattr(n, "items", ()) or ())


def names_in(node: Node) -> set[str]:
    return {n.name for n in _walk(node) if isinstance(n, Name)}


def rename(node: Node, names: dict[str, str]) -> Node:
    return _map(node, lambda n: Name(names[n.name]) if isinstance(n, Name) and n.name in names else None)


def value_node(value: Fraction) -> Node:
    """A value as a tree the printer writes correctly anywhere: -(3/4) is Neg(3/4), never the literal -3/4."""
    value = Fraction(value)
    if value < 0:
        return Neg(value_node(-value))
    if value.denominator == 1:
        return Num(int(value))
    return BinOp("/", Num(value.numerator), Num(value.denominator))


def fraction_text(value: Fraction) -> str:
    return str(value.numerator) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"


def _difference(eq: Relation) -> Node:
    return BinOp("-", eq.left, eq.right)


def _tool_name(name: str) -> str:
    """The engines read e and i as constants: every statement variable goes to them as a name of its own."""
    return f"{name}{1}"


def unrename_text(text: str, safe: dict[str, str]) -> str:
    """A tool's text with the statement variables' own names back (text, not a tree: the printer writes i as I)."""
    for name, tool_name in safe.items():
        text = re.sub(rf"(?<![A-Za-z0-9_]){tool_name}(?![A-Za-z0-9_])", name, text)
    return text


def _parse(text: str) -> Node:
    try:
        return parse(text)
    except ParseError as exc:
        raise Unsure(f"the tool's result does not read back: {text[:80]}") from exc


def _rational(value) -> Fraction | None:
    if value is None or isinstance(value, bool) or not hasattr(value, "denominator"):
        return None
    return Fraction(int(value.numerator), int(value.denominator))


def _applier(fn: Function):
    def apply(arg: Poly) -> Poly:
        if fn.poly is None:
            raise Unsupported("a function that is no polynomial")
        return fn.poly.substitute({fn.param: arg})
    return apply


def _poly_text(poly: Poly) -> str:
    if poly.is_constant():
        return fraction_text(poly.constant())
    return f"a polynomial of degree {poly.degree()}"


SOLUTION_PAIR = re.compile(r"^\s*([A-Za-z]\d)\s*:\s*(.+?)\s*$")


def _read_solution(text: str, names: list[str]) -> dict[str, Fraction]:
    """'{h1: 4, w1: -7/3}' (or '{4}' for one unknown) as exact values; anything else is unsure."""
    text = text.strip()
    if not (text.startswith("{") and text.endswith("}")):
        raise Unsure(f"not a single solution: {text[:80]}")
    parts = [p for p in text[1:-1].split(",") if p.strip()]
    if len(names) == 1 and len(parts) == 1 and ":" not in parts[0]:
        return {names[0]: _constant(parts[0])}
    pairs = [SOLUTION_PAIR.match(p) for p in parts]
    if len(parts) != len(names) or not all(pairs):
        raise Unsure(f"not a single solution: {text[:80]}")
    solution = {m.group(1): _constant(m.group(2)) for m in pairs}
    if set(solution) != set(names):
        raise Unsure(f"the solution does not name every unknown: {text[:80]}")
    return solution


def _constant(text: str) -> Fraction:
    try:
        poly = to_poly(_parse(text.strip()))
    except (Unsupported, ZeroDivisionError) as exc:
        raise Unsure(f"not a number: {text[:80]}") from exc
    if not poly.is_constant():
        raise Unsure(f"not a number: {text[:80]}")
    return poly.constant()


def _unique_linear(residuals: list[Poly], unknowns: list[str]) -> bool:
    """Every equation of degree at most 1 and the coefficient matrix invertible: then exactly one solution."""
    if any(r.degree() > 1 for r in residuals):
        raise Unsure("the equations are not linear")
    from tools.symbolic.rational_poly import determinant  # Fraction elimination: SymPy solved the system

    rows = [[r.terms.get(((u, 1),), Fraction(0)) for u in unknowns] for r in residuals]
    return determinant(rows) != 0
