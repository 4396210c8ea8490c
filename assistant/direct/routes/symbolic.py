"""Direct algebra, calculus and linear-algebra questions, read from the words people type.

Each rule turns a phrase ("derivative of x^3 sin(x)", "limit of sin(x)/x as x -> 0") into one call
of the `symbolic` gadget in its own syntax. Every piece of mathematics is parsed by the safe parser
here and printed back, so the gadget gets well-formed input and the router's `understood` shows how
the question was read. Nothing here imports SymPy.

Word salad must not be claimed: a bare expression is accepted only if its names look like
mathematical variables (one letter, a Greek letter, or a letter with digits), otherwise the
question goes on to the planner.
"""
from __future__ import annotations

import re

from fractions import Fraction

from tools.parsing import BinOp, Name, Node, Num, ParseError, Postfix, Relation, Seq, parse, subtrees, to_text

from .arithmetic import ambiguous_root, free_names
from ..plan import CheckKind, RoutedCall, first_plan
from ..text import ambiguous_division, words_to_operators

I = re.IGNORECASE
MAX_CALL_CHARS = 90_000  # below the tools' 100,000-character input limit
GREEK = {"alpha", "beta", "gamma", "delta", "epsilon", "theta", "lambda", "mu", "nu", "phi", "psi", "omega",
         "rho", "sigma", "tau", "xi", "eta", "zeta", "kappa", "chi"}
CONSTANT_NAMES = {"pi", "e", "E", "i", "I", "oo", "inf", "infinity"}
ODE_NAMES = frozenset({"y", "f", "u", "g"})
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "1st": 1, "2nd": 2,
            "3rd": 3, "4th": 4, "5th": 5, "6th": 6}

OPENER = re.compile(
    r"^\s*(?:(?:please|pls|hey|ok|so)\s*,?\s+)?(?:(?:can|could|would)\s+you\s+(?:please\s+)?)?"
    r"(?:what(?:'s|\s+is|\s+are)|whats|calculate|compute|evaluate|find|work\s+out|determine|tell\s+me|"
    r"give\s+me|show\s+me|get)?\s*(?:the\s+)?", I)
TRAILING = re.compile(r"[\s?.]+$")
ARROW = r"(?:->|→|to|approaches|tends\s+to|goes\s+to)"
INFINITY = re.compile(r"\b(?:infinity|inf)\b|∞", I)


# -- reading pieces ---------------------------------------------------------------------------------

def _is_variable(name: str) -> bool:
    return (len(name) == 1 and name.isalpha()) or name in GREEK or name in CONSTANT_NAMES or bool(
        re.fullmatch(r"[A-Za-z]_?\d{1,2}", name))


def _tree(text: str, applied: frozenset[str] = frozenset()) -> Node | None:
    """The parsed text if every name in it looks like a variable; spoken operators ("x squared") as a fallback."""
    text = INFINITY.sub("oo", text.strip())
    if not text:
        return None
    spoken = words_to_operators(text)
    for candidate in (text, spoken) if spoken != text else (text,):
        try:
            tree = parse(candidate, applied=applied)
        except ParseError:
            continue
        names = free_names(tree) - CONSTANT_NAMES
        if ambiguous_root(tree):
            return None
        if all(_is_variable(n) for n in names):
            return tree
    return None


def _expr(text: str, applied: frozenset[str] = frozenset()) -> str | None:
    tree = _tree(text, applied)
    return None if tree is None else to_text(tree)


def _var(text: str | None) -> str | None:
    if text is None:
        return None
    text = text.strip()
    return text if re.fullmatch(r"[A-Za-z](?:_?\d{1,2})?", text) or text in GREEK else None


def _strip_differential(text: str) -> tuple[str, str | None]:
    """`x e^x dx` -> (`x e^x`, `x`); the integrand keeps everything before the differential."""
    m = re.match(r"^(.*?)\s*\\?,?\s*\bd([A-Za-z])\s*$", text)
    if m and m.group(1).strip():
        return m.group(1), m.group(2)
    return text, None


def _plan(call: str) -> RoutedCall:
    if len(call) > MAX_CALL_CHARS:  # a long sum printed with spaces may outgrow the tool's input limit
        call = re.sub(r" ([+-]) ", r"\1", call)
    return RoutedCall("symbolic", call, call, CheckKind.TOOL)


def _call(func: str, *parts: str | None) -> RoutedCall | None:
    if any(p is None for p in parts):
        return None
    return _plan(f"{func}({', '.join(parts)})")


# -- families ---------------------------------------------------------------------------------------

def _solve(body: str, variables: str | None) -> RoutedCall | None:
    if "'" in body or "′" in body:
        return _ode(body)
    pieces = [p for p in re.split(r"\s*(?:,|;|\band\b)\s*", body) if p]
    trees = [_tree(p) for p in pieces]
    if not trees or any(t is None for t in trees):
        return None
    vars_ = [v.strip() for v in re.split(r"\s*(?:,|\band\b)\s*", variables)] if variables else []
    if any(_var(v) is None for v in vars_):
        return None
    exprs = [to_text(t) for t in trees]
    if len(exprs) > 1 and not all(isinstance(t, Relation) for t in trees):
        return None
    args = exprs + vars_
    return _plan(f"solve({', '.join(args)})")


def _ode(body: str) -> RoutedCall | None:
    body = body.replace("′", "'")
    parts = [p for p in re.split(r"\s*(?:,|;|\bwith\b|\bwhere\b|\bgiven\b|\band\b)\s*", body) if p]
    trees = [_tree(p, ODE_NAMES) for p in parts]
    if not trees or any(t is None for t in trees):
        return None
    if not _has_prime(trees[0]):
        return None
    return _plan(f"dsolve({', '.join(to_text(t) for t in trees)})")


def _has_prime(node: Node) -> bool:
    stack = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, Postfix) and n.op == "'":
            return True
        stack.extend(c for c in (getattr(n, a, None) for a in ("left", "right", "operand")) if c is not None)
        stack.extend(getattr(n, "args", ()) or ())
    return False


FUNCTION_DEFINITION = re.compile(r"^\s*(?:[A-Za-z]\s*\(\s*([A-Za-z])\s*\)|y)\s*=\s*(.+)$")


def _defined_function(body: str) -> tuple[str, str | None]:
    """`y = x^2 e^x` -> (`x^2 e^x`, None); `f(t) = t^3` -> (`t^3`, `t`): the function, not an equation."""
    m = FUNCTION_DEFINITION.match(body)
    return (m.group(2), m.group(1)) if m else (body, None)


def _derivative(order_word: str | None, body: str, var: str | None) -> RoutedCall | None:
    order = 1
    if order_word:
        word = order_word.lower()
        order = ORDINALS.get(word) or (int(word) if word.isdigit() else 0)
        if not order:
            return None
    body, named = _defined_function(body)
    var = var or named
    expr = _expr(body)
    if expr is None:
        return None
    var = _var(var) if var else _guess_var(body)
    if var is None:
        return None
    return _plan(f"diff({expr}, {var}{', ' + str(order) if order > 1 else ''})")


def _guess_var(body: str) -> str | None:
    tree = _tree(body)
    if tree is None:
        return None
    names = sorted(free_names(tree) - CONSTANT_NAMES)
    for preferred in ("x", "t", "n", "z", "y"):
        if preferred in names:
            return preferred
    return names[0] if names else "x"


def _integral(body: str, low: str | None = None, high: str | None = None, var: str | None = None) -> RoutedCall | None:
    body, dvar = _strip_differential(body.strip())
    var = _var(var) if var else dvar or _guess_var(body)
    expr = _expr(body)
    if expr is None or var is None:
        return None
    if low is None:
        return _plan(f"integrate({expr}, {var})")
    low, high = _bound(low, var), _bound(high, var)
    return _call("integrate", expr, var, low, high)


def _bound(text: str | None, var: str) -> str | None:
    if text is None:
        return None
    text = re.sub(rf"^\s*{re.escape(var)}\s*=\s*", "", text.strip())
    return _expr(text)


def _limit(body: str, var: str, point: str, side: str | None) -> RoutedCall | None:
    point = point.strip()
    direction = None
    m = re.match(r"^(.*?)\s*\^?\s*([+-])$", point)
    if m and m.group(1):
        point, direction = m.group(1), {"+": "right", "-": "left"}[m.group(2)]
    if side:
        direction = "left" if re.search(r"left|below|negative", side, I) else "right"
    expr, pt, v = _expr(body), _expr(point), _var(var)
    if None in (expr, pt, v):
        return None
    return _plan(f"limit({expr}, {v}, {pt}{', ' + direction if direction else ''})")


def _series(body: str, var: str | None, point: str | None, upto: str | None) -> RoutedCall | None:
    var = _var(var) if var else _guess_var(body)
    expr = _expr(body)
    pt = _expr(point) if point else "0"
    if None in (var, expr, pt):
        return None
    order = 6
    if upto:
        m = re.search(r"\^\s*\(?(\d+)\)?|(\d+)", upto)
        if not m:
            return None
        n = int(m.group(1) or m.group(2))
        order = n + 1 if ("^" in upto or "order" in upto.lower()) else n
        if re.search(r"terms?", upto, I):
            order = n
    return _plan(f"series({expr}, {var}, {pt}, {order})")


def _sum(kind: str, body: str, var: str, low: str, high: str) -> RoutedCall | None:
    expr, v, lo, hi = _expr(body), _var(var), _expr(low), _expr(high)
    if None in (expr, v, lo, hi):
        return None
    return _plan(f"{'product' if kind.lower().startswith('prod') else 'sum'}({expr}, {v}, {lo}, {hi})")


def _matrix_op(op: str, body: str) -> RoutedCall | None:
    tree = _as_matrix(_tree(body))
    if tree is None:
        return None
    return _plan(f"{op}({to_text(tree)})")


def _as_matrix(tree: Node | None) -> Seq | None:
    """[[1,2],[3,5]] as typed, or {{1,2},{3,5}} (Mathematica's braces) written with brackets; rows of one length."""
    if not isinstance(tree, Seq) or tree.bracket not in ("[", "{") or not tree.items:
        return None
    if not all(isinstance(r, Seq) and r.bracket == tree.bracket and r.items for r in tree.items):
        return Seq(tree.items, "[") if tree.bracket == "[" else None  # a bare list stays as it was typed
    if len({len(r.items) for r in tree.items}) != 1:
        return None
    return Seq(tuple(Seq(r.items, "[") for r in tree.items), "[")


def _matrix_product(left: str, right: str) -> RoutedCall | None:
    a, b = _as_matrix(_tree(left)), _as_matrix(_tree(right))
    if a is None or b is None or not isinstance(a.items[0], Seq) or not isinstance(b.items[0], Seq):
        return None
    return _plan(f"{to_text(a)}*{to_text(b)}")


def _area(body: str, low: str, high: str) -> RoutedCall | None:
    """The area between a curve and the x-axis is the integral of |f|: the same number where f >= 0, and the
    area (not a difference of areas) where the curve dips below the axis."""
    body, named = _defined_function(body.strip())
    var = named or _guess_var(body)
    expr = _expr(body)
    if expr is None or var is None:
        return None
    low, high = _bound(low, var), _bound(high, var)
    if None in (low, high) or _dips_below_axis(expr, var, low, high):
        return None
    return _call("integrate", f"abs({expr})", var, low, high)


AREA_SAMPLES = 48


def _dips_below_axis(expr: str, var: str, low: str, high: str) -> bool:
    """f < 0 at one of a few points of [low, high] (the calculator, no SymPy), or bounds that are no interval
    low < high: then not read here. The area of a curve that crosses
    the axis is right as the integral of |f|, but the engine's numeric check stumbles on the kinks of |f|, so
    such a question goes on to the planner rather than come back refuted."""
    from tools.base import ToolFailure
    from tools.calculator import calculate

    try:
        a, b = _real(calculate(low).value), _real(calculate(high).value)
        if a is None or b is None or not a < b:
            return True  # bounds given backwards (an "area" of -26/3) or not real numbers: not read here
        tree = parse(expr)
        for i in range(AREA_SAMPLES):
            point = a + (b - a) * Fraction(2 * i + 1, 2 * AREA_SAMPLES)
            value = _real(calculate(to_text(_substitute(tree, var, point))).value)
            if value is None or value < 0:
                return True
    except RecursionError:  # a curve thousands of terms long: not read here
        return True
    except (ToolFailure, ParseError):
        return False  # not decided here; |f| keeps the answer right
    return False


def _real(value) -> Fraction | None:
    """An exact or floating real as a Fraction; None for a complex value or anything else."""
    import gmpy2

    if isinstance(value, bool):
        return None
    try:
        q = gmpy2.mpq(value)  # exact: a float's binary value
    except (TypeError, ValueError, OverflowError):
        return None
    return Fraction(int(q.numerator), int(q.denominator))


def _substitute(tree: Node, var: str, point: Fraction) -> Node:
    if isinstance(tree, Name) and tree.name == var:
        return BinOp("/", Num(point.numerator), Num(point.denominator))
    children = tree.children()
    return tree.with_children(tuple(_substitute(c, var, point) for c in children)) if children else tree


def _subs(body: str, assignments: str) -> RoutedCall | None:
    expr = _expr(body)
    pairs = [p for p in re.split(r"\s*(?:,|\band\b)\s*", assignments) if p]
    trees = [_tree(p) for p in pairs]
    if expr is None or not trees or any(not isinstance(t, Relation) or t.op != "=" for t in trees):
        return None
    return _plan(f"subs({expr}, {', '.join(to_text(t) for t in trees)})")


MATRIX_OPS = {"determinant": "det", "det": "det", "inverse": "inverse", "invert": "inverse", "rank": "rank",
              "transpose": "transpose",
              "eigenvalues": "eigenvals", "eigenvectors": "eigenvects", "reduced row echelon form": "rref",
              "rref": "rref", "row echelon form": "rref"}
REWRITE_OPS = {"expand": "expand", "factor": "factor", "factorise": "factor", "factorize": "factor",
               "simplify": "simplify", "cancel": "cancel", "combine": "together", "together": "together",
               "trigsimp": "trigsimp"}

V = r"([A-Za-z](?:_?\d{1,2})?)"  # a variable name
# \b: the keyword is a word of its own, so the "in" of "sin x" is not "with respect to x".
WRT = r"(?:\s*,?\s*\b(?:with\s+respect\s+to|w\.?r\.?t\.?|by|in)\s+" + V + r")?"

RULES = [
    (re.compile(r"^solve\s+(?:the\s+)?(?:ode|differential\s+equation|de)\s*:?\s+(.+)$", I), lambda b: _ode(b)),
    (re.compile(r"^solve\s+for\s+([A-Za-z])\s*[:,]\s*(.+)$", I), lambda v, b: _solve(b, v)),
    (re.compile(r"^solve\s+(?:the\s+)?(?:equations?|system(?:\s+of\s+equations)?|inequality)?\s*:?\s*(.+?)"
                r"(?:\s+for\s+([A-Za-z](?:\s*(?:,|and)\s*[A-Za-z])*))?$", I), lambda b, v: _solve(b, v)),
    (re.compile(r"^(?:roots|zeros|zeroes|solutions)\s+of\s+(.+)$", I), lambda b: _solve(b, None)),
    (re.compile(r"^(?:partial\s+fractions?(?:\s+decomposition)?\s+(?:of|for)|apart)\s+(.+?)"
                r"(?:\s+in\s+" + V + r")?$", I),
     lambda b, v: _call("apart", _expr(b), *( [v] if v else []))),
    (re.compile(r"^(?:decompose\s+)?(.+?)\s+(?:in|into)\s+partial\s+fractions$", I),
     lambda b: _call("apart", _expr(b))),
    (re.compile(r"^collect\s+(.+?)\s+(?:in|by|with\s+respect\s+to)\s+" + V + r"$", I),
     lambda b, v: _call("collect", _expr(b), v)),
    (re.compile(r"^(expand|factor|factori[sz]e|simplify|cancel|combine|together|trigsimp)\s*:?\s+(.+)$", I),
     lambda op, b: _call(REWRITE_OPS[op.lower()], _expr(b))),
    (re.compile(r"^d\s*/\s*d" + V + r"\s*(?:of\s+)?(.+)$", I), lambda v, b: _derivative(None, b, v)),
    (re.compile(r"^d\^?(\d)\s*/\s*d" + V + r"\^?\1\s*(?:of\s+)?(.+)$", I), lambda n, v, b: _derivative(n, b, v)),
    # f'(x) if f(x) = x^3, f''(t) where f(t) = ...: the derivative function (primes count the order)
    (re.compile(r"^([A-Za-z])('{1,3})\s*\(\s*" + V + r"\s*\)\s*[,:]?\s*(?:(?:if|when|where|for|given)\s+)?"
                r"\1\s*\(\s*\3\s*\)\s*=\s*(.+)$", I),
     lambda f, primes, v, b: _derivative(str(len(primes)), b, v)),
    (re.compile(r"^d([A-Za-z])\s*/\s*d" + V + r"\s*[,:]?\s*(?:(?:if|when|where|for|given|of)\s+)?\1\s*=\s*(.+)$", I),
     lambda f, v, b: _derivative(None, b, v)),
    (re.compile(r"^(?:the\s+)?area\s+(?:under|beneath|below)\s+(?:the\s+)?(?:curve\s+|graph\s+(?:of\s+)?)?(.+?)"
                r"\s+(?:from|between)\s+(.+?)\s+(?:to|and)\s+(.+)$", I), lambda b, lo, hi: _area(b, lo, hi)),
    (re.compile(r"^(?:(first|second|third|fourth|fifth|sixth|\d+(?:st|nd|rd|th)?)\s+)?(?:partial\s+)?"
                r"derivative\s+of\s+(.+?)" + WRT + r"$", I), lambda n, b, v: _derivative(_ordinal(n), b, v)),
    (re.compile(r"^differentiate\s+(.+?)" + WRT + r"(?:\s+(twice|three\s+times))?$", I),
     lambda b, v, times: _derivative({"twice": "2"}.get((times or "").lower(), "3" if times else None), b, v)),
    (re.compile(r"^(?:definite\s+)?(?:integral|integrate)\s+from\s+(.+?)\s+to\s+(.+?)\s+of\s+(.+)$", I),
     lambda lo, hi, b: _integral(b, lo, hi)),
    (re.compile(r"^(?:integrate|(?:definite\s+|indefinite\s+)?integral\s+of|antiderivative\s+of|∫)\s*(.+?)"
                r"\s+from\s+(.+?)\s+to\s+(.+?)$", I), lambda b, lo, hi: _integral(b, lo, hi)),
    (re.compile(r"^(?:integrate|(?:indefinite\s+)?integral\s+of|antiderivative\s+of|primitive\s+of|∫)\s*(.+?)"
                + WRT + r"$", I),
     lambda b, v: _integral(b, var=v)),
    # the variable first: "limit as x approaches 0 of sin(x)/x", "lim x->0 sin(x)/x"
    (re.compile(r"^(?:the\s+)?(?:limit|lim)\s*,?\s+(?:as\s+|when\s+)?" + V + r"\s*" + ARROW +
                r"\s*(\S+?)\s*,?\s+(?:of\s+)?(.+)$", I), lambda v, p, b: _limit(b, v, p, None)),
    (re.compile(r"^(?:the\s+)?(?:limit|lim)\s+(?:of\s+)?(.+?)\s*,?\s+(?:as|when|for)\s+" + V + r"\s*" + ARROW +
                r"\s*(.+?)(?:\s+from\s+(?:the\s+)?(left|right|below|above))?$", I),
     lambda b, v, p, side: _limit(b, v, p, side)),
    (re.compile(r"^(?:the\s+)?(?:taylor|maclaurin|power|laurent)\s+(?:series|expansion|polynomial)(?:\s+expansion)?"
                r"\s+(?:of|for)\s+(.+?)"
                r"(?:\s+(?:at|around|about|near)\s+(?:" + V + r"\s*=\s*)?([^\s]+))?"
                r"(?:\s*,?\s*\b(?:up\s+to|to|through|until|of)\s+((?:order\s+)?[^\s]+(?:\s+terms?)?))?$", I),
     lambda b, v, p, up: _series(b, v, p, up)),
    (re.compile(r"^(?:the\s+)?(sum|product)\s+(?:of\s+)?(.+?)\s*,?\s+(?:for|as|with|from)\s+" + V +
                r"\s*(?:from|=|in)\s*(.+?)\s*(?:to|\.\.|until|up\s+to)\s+(.+)$", I),
     lambda k, b, v, lo, hi: _sum(k, b, v, lo, hi)),
    (re.compile(r"^(?:the\s+)?(sum|product)\s+(?:of\s+)?(.+?)\s*,\s*" + V + r"\s*=\s*(.+?)\s*(?:to|\.\.)\s*(.+)$", I),
     lambda k, b, v, lo, hi: _sum(k, b, v, lo, hi)),
    (re.compile(r"^(?:the\s+)?(sum|product)\s+(?:of\s+)?(.+?)\s+from\s+" + V + r"\s*=\s*(.+?)\s+to\s+(.+)$", I),
     lambda k, b, v, lo, hi: _sum(k, b, v, lo, hi)),
    (re.compile(r"^(?:the\s+)?(determinant|det|inverse|invert|rank|transpose|eigenvalues|eigenvectors|rref|"
                r"reduced\s+row\s+echelon\s+form|row\s+echelon\s+form)\s+(?:of\s+)?(?:the\s+matrix\s+)?"
                r"([\[{].+[\]}])$", I),
     lambda op, b: _matrix_op(MATRIX_OPS[re.sub(r"\s+", " ", op.lower())], b)),
    (re.compile(r"^multiply\s+(?:the\s+matri(?:x|ces)\s+)?([\[{].+[\]}])\s+(?:by|and|with)\s+([\[{].+[\]}])$", I),
     lambda a, b: _matrix_product(a, b)),
    (re.compile(r"^(.+?)\s+(?:at|when|where|with|for)\s+([A-Za-z]\s*=.+)$", I), lambda b, a: _subs(b, a)),
]


def _ordinal(word: str | None) -> str | None:
    if not word:
        return None
    word = word.lower()
    if word in ORDINALS:
        return str(ORDINALS[word])
    digits = re.match(r"\d+", word)
    return digits.group(0) if digits else None


def _clean(question: str) -> str:
    text = TRAILING.sub("", question.strip())
    m = OPENER.match(text)
    if m and m.end():
        text = text[m.end():]
    return TRAILING.sub("", text).strip()


def match(question: str) -> RoutedCall | None:
    text = _clean(question)
    if not text or ambiguous_division(text):
        return None
    if "\\" in text or re.search(r"[\^_]\{", text):  # LaTeX: commands, or braced powers like x^{2}
        return _latex(text)
    plan = first_plan(RULES, text)
    return plan if plan is not None else _bare(text)


def _latex(text: str) -> RoutedCall | None:
    from tools.parsing.latex import LatexError, parse_latex

    try:
        tree = parse_latex(text)
    except (LatexError, ParseError):
        return None
    if ambiguous_root(tree):
        return None
    return _plan(to_text(tree))


def _bare(text: str) -> RoutedCall | None:
    """An equation (solve it), a matrix expression (evaluate it), or an expression in variables (simplify it)."""
    if "'" in text and "=" in text:
        return _ode(text)
    tree = _tree(text)
    if tree is None:
        return None
    if any(isinstance(n, Seq) and n.bracket == "{" for n in subtrees(tree)):  # no recursion into long sums
        tree = _braced_matrices(tree)
    if isinstance(tree, Relation) or (isinstance(tree, Seq) and tree.bracket == "" and
                                      all(isinstance(t, Relation) for t in tree.items)):
        return _plan(f"solve({to_text(tree)})" if isinstance(tree, Relation) else
                     f"solve({', '.join(to_text(t) for t in tree.items)})")
    if _has_matrix(tree):
        return _plan(to_text(tree))
    if free_names(tree) - CONSTANT_NAMES and not isinstance(tree, Seq):
        return _plan(f"simplify({to_text(tree)})")
    return None


def _braced_matrices(tree: Node) -> Node:
    """det({{1,2},{3,5}}) and {{1,2},{3,4}} * {{5,6},{7,8}}: a brace list of brace rows is a matrix, written with
    brackets for the engine; a single brace list ({1, 2, 3}) is a set and stays one."""
    if isinstance(tree, Seq) and tree.bracket == "{":
        matrix = _as_matrix(tree)
        if matrix is not None and matrix is not tree:
            return matrix
    children = tree.children()
    if not children:
        return tree
    return tree.with_children(tuple(_braced_matrices(c) for c in children))


def _has_matrix(tree: Node) -> bool:
    stack = [tree]
    while stack:
        n = stack.pop()
        if isinstance(n, Seq) and n.bracket == "[" and n.items and all(isinstance(i, Seq) for i in n.items):
            return True
        stack.extend(n.children())  # det([[1, 2], [3, 5]]): a matrix inside a call counts too
    return False
