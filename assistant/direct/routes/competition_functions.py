"""'If $f(x) = 3x + 2$ and $g(x) = x^2$, what is $f(g(2))$?' and 'If $x = 2$ and $y = 5$, what is $x^2 y$?'.

Every clause before the question must define something completely: a function of one variable by a formula,
or a variable by a number. The question is then a number: each call is replaced by the function's formula
with its argument put in (a `subs` of the symbolic engine, so `understood` shows the reading), and the
variables are put in last. A clause that is a condition ("f(2) = 7", "x > 0") is not a definition, and the
question goes on to the planner.
"""
from __future__ import annotations

import re

from tools.parsing import BinOp, Call, Name, Neg, Node, Num, Postfix, Relation, Seq, subtrees, to_text

from ..plan import CheckKind, RoutedCall
from .competition_reading import COMPETITION, FORM, Formula, linear_in, read_formula, the_one_value

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
    text = _plain_definition_words(", ".join(clauses), formulas)
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
    asked_latex = formulas[int(asked)].latex
    operator = _operator_of(latex)
    if operator is not None:  # a \star b = ...: the symbol is read as a binary operation (see _operator_of)
        if any("mod" in t for t in latex + [asked_latex]):
            return None
        latex = [SPACING.sub(" ", t) for t in latex]
        asked_latex = SPACING.sub(" ", asked_latex)
        latex = [t.replace(operator, " \\bmod ") for t in latex]
        asked_latex = asked_latex.replace(operator, " \\bmod ")
    functions = frozenset(d.group(1) for d in (DEFINITION.match(t) for t in latex) if d)
    definitions = _definitions(latex, functions)
    if definitions is None:
        return None
    inverse = INVERSE.fullmatch(asked_latex.strip().rstrip(".,;"))
    if inverse:
        return _inverse_at(inverse.group(1), read_formula(inverse.group(2)), *definitions)
    query = read_formula(asked_latex, functions)
    if query.tree is None or isinstance(query.tree, (Relation, Seq)):
        return None
    if operator is not None and _loose_grouping(query.tree):
        return None
    return _plan(query.tree, *definitions)


def _plain_definition_words(text: str, formulas: list[Formula]) -> str:
    """'The operation $\\star$ is defined by $a \\star b = ...$ for all real numbers $a$ and $b$.' says no more
    than 'Let $a \\star b = ...$': the naming of the symbol and the quantifier over its two letters are dropped."""
    def symbol_only(ref: str) -> bool:
        return formulas[int(ref)].latex.strip() in OPERATOR_SYMBOLS

    m = NAMING.match(text)
    if m and symbol_only(m.group(1) or m.group(2)):
        text = "Let " + text[m.end():]
    m = FOR_ALL.search(text)
    if m and all(re.fullmatch(r"\s*[A-Za-z]\s*", formulas[int(r)].latex) for r in m.groups() if r):
        text = text[:m.start()] + text[m.end():]
    return text


NAMING = re.compile(r"^(?:(?:the\s+)?(?:binary\s+)?operation\s+⟨(\d+)⟩\s+is\s+defined\s+(?:as|by)|"
                    r"define\s+the\s+(?:binary\s+)?operation\s+⟨(\d+)⟩\s+(?:as|by))\s+", I)
FOR_ALL = re.compile(r"\s*,?\s+for\s+all\s+(?:real\s+numbers\s+|positive\s+integers\s+|integers\s+|numbers\s+)?"
                     r"⟨(\d+)⟩(?:\s*,?\s*and\s+⟨(\d+)⟩)?(?=\s*,|$)", I)


# f^{-1}(7): the x with f(x) = 7; read only where f is linear, so that exactly one x exists
INVERSE = re.compile(r"\s*([A-Za-z])\s*\^\s*\{\s*-\s*1\s*\}\s*(?:\\left)?\(\s*(.+?)\s*(?:\\right)?\)\s*")


def _inverse_at(func: str, argument: Formula, bodies: dict, values: dict) -> RoutedCall | None:
    if func not in bodies or values or argument.tree is None or argument.names:
        return None
    param, body = bodies[func]
    if _names_in(body) - {param} or not linear_in(body, param):
        return None
    call = f"solve({to_text(Relation('=', body, argument.tree))}, {param})"
    return RoutedCall("symbolic", call, call, CheckKind.TOOL, relabel=the_one_value)


# symbols MATH uses for an operation it defines in the question: "If $a \clubsuit b = a^2 + b$, what is ..."
OPERATOR_SYMBOLS = ("\\star", "\\clubsuit", "\\diamondsuit", "\\heartsuit", "\\spadesuit", "\\#", "\\nabla",
                    "\\otimes", "\\oplus", "\\odot", "\\dagger", "\\bowtie", "\\boxtimes", "\\circledast",
                    "\\Diamond", "\\triangle", "\\&", "\\S")
OPERATOR_NAME = "⋆"  # the defined operation's key among the definitions


SPACING = re.compile(r"\\[,;:! ]")


def _operator_of(latex: list[str]) -> str | None:
    """The symbol of an operation defined as `a SYMBOL b = formula`, if exactly one definition has that shape.

    The symbol is then written as the parser's mod, which binds as * does (left to right), and each use is
    replaced by the formula: (1 \\star 2) \\star 3 is read as it is written. A question that also holds a real
    mod is not read this way."""
    found = set()
    for text in latex:
        text = SPACING.sub(" ", text)
        for symbol in OPERATOR_SYMBOLS:
            if re.match(r"\s*[A-Za-z]\s*" + re.escape(symbol) + r"(?![A-Za-z])\s*[A-Za-z]\s*=", text):
                found.add(symbol)
    return found.pop() if len(found) == 1 else None


def _definitions(latex: list[str], functions: frozenset[str]):
    bodies: dict[str, tuple[str, Node]] = {}
    values: dict[str, Node] = {}
    for text in latex:
        formula = read_formula(text, functions)
        tree = formula.tree
        if not isinstance(tree, Relation) or tree.op != "=":
            return None
        left, right = tree.left, tree.right
        if isinstance(left, BinOp) and left.op == "mod" and isinstance(left.left, Name) and \
                isinstance(left.right, Name) and left.left.name != left.right.name and OPERATOR_NAME not in bodies:
            bodies[OPERATOR_NAME] = ((left.left.name, left.right.name), right)
        elif isinstance(left, Call) and left.func in functions and len(left.args) == 1 and \
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
        params = set(param) if isinstance(param, tuple) else {param}
        if _names_in(body) - params - set(values) - {"pi"}:
            return None  # a function with a parameter left unknown (f(x) = ax + 3)
    free = _names_in(inlined) - set(values) - {"pi", "i"}
    if free:
        return _composition(query, inlined, free, bodies, values)
    if values:
        inlined = Call("subs", (inlined, *(Relation("=", Name(v), t) for v, t in values.items())))
    call = to_text(inlined)
    return RoutedCall("symbolic", call, call, COMPETITION)


def _composition(query: Node, inlined: Node, free: set[str], bodies: dict, values: dict) -> RoutedCall | None:
    """'What is $f(g(x))$?': a formula in one letter, built from defined functions, multiplied out by the engine
    (its own check compares the expansion with the input)."""
    calls = [n for n in subtrees(query) if isinstance(n, Call) and n.func in bodies]
    params = {param for param, _ in bodies.values() if isinstance(param, str)}
    if values or len(free) != 1 or not free <= params - set(bodies) or not calls:
        return None  # f^{-1}(8) leaves the name f itself free: not a formula in the functions' letter
    call = f"expand({to_text(inlined)})"
    return RoutedCall("symbolic", call, call, CheckKind.TOOL)


class _Unread(Exception):
    pass


def _inline(node: Node, bodies: dict, depth: int) -> Node:
    """The tree with each call of a defined function replaced by subs(body, param = argument)."""
    if depth > MAX_INLINE_DEPTH:
        raise _Unread("definitions nested too deeply (a recursive definition?)")
    if isinstance(node, BinOp) and node.op == "mod" and OPERATOR_NAME in bodies:
        (first, second), body = bodies[OPERATOR_NAME]
        left, right = _inline(node.left, bodies, depth + 1), _inline(node.right, bodies, depth + 1)
        if _names_in(left) or _names_in(right):
            raise _Unread("an operand that is not a number, or a product whose grouping is not written")
        return Call("subs", (_inline(body, bodies, depth + 1), Relation("=", Name(first), left),
                             Relation("=", Name(second), right)))
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


def _loose_grouping(tree: Node) -> bool:
    """2 \\star 3 \\cdot 4: the operation and a product side by side, grouped only by a convention."""
    stack = [tree]
    while stack:
        n = stack.pop()
        if isinstance(n, BinOp) and n.op in ("*", "/", "mod"):
            kinds = {n.op} | {c.op for c in (n.left, n.right) if isinstance(c, BinOp) and c.op in ("*", "/", "mod")}
            if "mod" in kinds and len(kinds) > 1:
                return True
        stack.extend(n.children())
    return False


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
