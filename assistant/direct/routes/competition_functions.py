"""'If $f(x) = 3x + 2$ and $g(x) = x^2$, what is $f(g(2))$?' and 'If $x = 2$ and $y = 5$, what is $x^2 y$?'.

Every clause before the question must define something completely: a function of one variable by a formula,
or a variable by a number. The question is then a number: each call is replaced by the function's formula
with its argument put in (a `subs` of the symbolic engine, so `understood` shows the reading), and the
variables are put in last. A clause that is a condition ("f(2) = 7", "x > 0") is not a definition, and the
question goes on to the planner.
"""
from __future__ import annotations

import re

from tools.parsing import BinOp, Call, Name, Neg, Node, Num, Postfix, Relation, Seq, to_text

from ..plan import CheckKind, RoutedCall
from .competition_reading import COMPETITION, FORM, Formula, linear_in, read_formula

I = re.IGNORECASE
DEFS = r"⟨(\d+)⟩((?:\s*(?:,\s*and|,|and)\s*⟨\d+⟩)*)"
ASKED = r"(?:what\s+is|what's|find|compute|calculate|evaluate|determine)\s+(?:the\s+(?:exact\s+)?value\s+of\s+)?"
SHAPE = re.compile(r"^(?:if|let|given|given\s+that|suppose(?:\s+that)?|define)\s+" + DEFS
                   + r"\s*[,.;]?\s*(?:then\s*,?\s*)?" + ASKED + r"⟨(\d+)⟩$", I)
# the question first, its definitions after: "Evaluate $x^2 + 1$ when $x = 3$."
AFTER = re.compile(r"^" + ASKED + r"⟨(\d+)⟩\s*,?\s*(?:when|if|for|where|given\s+that)\s+" + DEFS + r"$", I)
FORM_WORDS = re.compile(r"^(?:express|write|give|enter)\s+(?:your|the)\s+answer\b", I)
DEFINITION = re.compile(r"^\s*([A-Za-z])\s*\(\s*([A-Za-z])\s*\)\s*=")
MAX_INLINE_DEPTH = 12


def evaluate_definitions(sentences: list[str], formulas: list[Formula]) -> RoutedCall | None:
    clauses = [s for s in sentences if not FORM.match(s)]
    if any(FORM_WORDS.match(s) for s in clauses):
        return None  # a form of answer this module does not give (a decimal, a mixed number)
    text = ", ".join(clauses)
    m = SHAPE.match(text)
    if m:
        first, more, asked = m.group(1), m.group(2), m.group(3)
    else:
        m = AFTER.match(text)
        if not m:
            return None
        asked, first, more = m.groups()
    refs = [int(first)] + [int(r) for r in re.findall(r"⟨(\d+)⟩", more)]
    latex = [formulas[r].latex for r in refs]
    functions = frozenset(d.group(1) for d in (DEFINITION.match(t) for t in latex) if d)
    definitions = _definitions(latex, functions)
    if definitions is None:
        return None
    inverse = INVERSE.fullmatch(formulas[int(asked)].latex.strip().rstrip(".,;"))
    if inverse:
        return _inverse_at(inverse.group(1), read_formula(inverse.group(2)), *definitions)
    query = read_formula(formulas[int(asked)].latex, functions)
    if query.tree is None or isinstance(query.tree, (Relation, Seq)):
        return None
    return _plan(query.tree, *definitions)


# f^{-1}(7): the x with f(x) = 7; read only where f is linear, so that exactly one x exists
INVERSE = re.compile(r"\s*([A-Za-z])\s*\^\s*\{\s*-\s*1\s*\}\s*(?:\\left)?\(\s*(.+?)\s*(?:\\right)?\)\s*")


def _inverse_at(func: str, argument: Formula, bodies: dict, values: dict) -> RoutedCall | None:
    if func not in bodies or values or argument.tree is None or argument.names:
        return None
    param, body = bodies[func]
    if _names_in(body) - {param} or not linear_in(body, param):
        return None
    call = f"solve({to_text(Relation('=', body, argument.tree))}, {param})"
    return RoutedCall("symbolic", call, call, CheckKind.TOOL)


def _definitions(latex: list[str], functions: frozenset[str]):
    bodies: dict[str, tuple[str, Node]] = {}
    values: dict[str, Node] = {}
    for text in latex:
        formula = read_formula(text, functions)
        tree = formula.tree
        if not isinstance(tree, Relation) or tree.op != "=":
            return None
        left, right = tree.left, tree.right
        if isinstance(left, Call) and left.func in functions and len(left.args) == 1 and \
                isinstance(left.args[0], Name) and left.func not in bodies:
            bodies[left.func] = (left.args[0].name, right)
        elif isinstance(left, Name) and len(left.name) == 1 and left.name not in values and not _names_in(right):
            values[left.name] = right
        else:
            return None
    return bodies, values


def _plan(query: Node, bodies: dict, values: dict) -> RoutedCall | None:
    try:
        inlined = _inline(query, bodies, 0)
    except _Unread:
        return None
    if inlined is None:
        return None
    for param, body in bodies.values():
        if _names_in(body) - {param} - set(values) - {"pi"}:
            return None  # a function with a parameter left unknown (f(x) = ax + 3)
    if _names_in(inlined) - set(values) - {"pi", "i"}:
        return None
    if values:
        inlined = Call("subs", (inlined, *(Relation("=", Name(v), t) for v, t in values.items())))
    call = to_text(inlined)
    return RoutedCall("symbolic", call, call, COMPETITION)


class _Unread(Exception):
    pass


def _inline(node: Node, bodies: dict, depth: int) -> Node:
    """The tree with each call of a defined function replaced by subs(body, param = argument)."""
    if depth > MAX_INLINE_DEPTH:
        raise _Unread("definitions nested too deeply (a recursive definition?)")
    if isinstance(node, Call) and node.func in bodies:
        if len(node.args) != 1:
            raise _Unread("a defined function called with several arguments")
        param, body = bodies[node.func]
        argument = _inline(node.args[0], bodies, depth + 1)
        return Call("subs", (_inline(body, bodies, depth + 1), Relation("=", Name(param), argument)))
    if isinstance(node, (Num, Name)):
        return node
    if isinstance(node, BinOp):
        return BinOp(node.op, _inline(node.left, bodies, depth), _inline(node.right, bodies, depth))
    if isinstance(node, Neg):
        return Neg(_inline(node.operand, bodies, depth))
    if isinstance(node, Postfix) and node.op in ("!", "%"):
        return Postfix(node.op, _inline(node.operand, bodies, depth))
    if isinstance(node, Call):
        return Call(node.func, tuple(_inline(a, bodies, depth) for a in node.args))
    raise _Unread(type(node).__name__)


def _names_in(node: Node) -> set[str]:
    """Free names: a subs(body, x = a) binds x inside its body."""
    if isinstance(node, Name):
        return {node.name}
    if isinstance(node, Call) and node.func == "subs":
        inner = _names_in(node.args[0])
        for rel in node.args[1:]:
            inner -= _names_in(rel.left)
            inner |= _names_in(rel.right)
        return inner
    found: set[str] = set()
    for attr in ("left", "right", "operand"):
        child = getattr(node, attr, None)
        if child is not None:
            found |= _names_in(child)
    for child in getattr(node, "args", ()) or getattr(node, "items", ()) or ():
        found |= _names_in(child)
    return found
