"""Angles and complex numbers: rectangular form (De Moivre), degrees and radians, the integer angle with the
same sine, cosine or tangent, extreme values of a cos x + b sin x + c, periods and phase shifts.
"""
from __future__ import annotations

import re

from tools.parsing import BinOp, Call, Name, Neg, Node, Num, Relation, Seq, subtrees, to_text

from ..plan import CheckKind, RoutedCall
from .competition_reading import Formula, degree
from .competition_shapes import convention_bound, has_matrix_value
from .precalc_reading import _names, _numeric, _put, _real_value, _sign, _signed_terms, _text, _without_functions


def _polar_parts(tree: Node) -> tuple[Node, Node] | None:
    """r e^{theta i} -> (r, theta); e^{theta i} -> (1, theta)."""
    if isinstance(tree, BinOp) and tree.op == "*" and _exponential(tree.right) is not None:
        return tree.left, _exponential(tree.right)
    theta = _exponential(tree)
    return (Num(1), theta) if theta is not None else None


def _exponential(node: Node) -> Node | None:
    """The theta of exp(theta i) or e^(theta i), with i a factor of the exponent (read by replacing it by 1)."""
    if isinstance(node, Call) and node.func == "exp" and len(node.args) == 1:
        exponent = node.args[0]
    elif isinstance(node, BinOp) and node.op == "^" and isinstance(node.left, Name) and node.left.name == "e":
        exponent = node.right
    else:
        return None
    factors = _factors(exponent)
    if factors is None or sum(1 for f in factors if isinstance(f, Name) and f.name == "i") != 1:
        return None
    theta = _replace_i(exponent)
    return theta if "i" not in {n.name for n in subtrees(theta) if isinstance(n, Name)} else None


def _factors(node: Node) -> list[Node] | None:
    """The factors of a product, through * and the numerator of /; None when a sum hides i."""
    if isinstance(node, BinOp) and node.op == "*":
        left, right = _factors(node.left), _factors(node.right)
        return None if left is None or right is None else left + right
    if isinstance(node, BinOp) and node.op == "/":
        top = _factors(node.left)
        return None if top is None or any(isinstance(n, Name) and n.name == "i" for n in subtrees(node.right)) \
            else top
    if isinstance(node, Neg):
        return _factors(node.operand)
    if any(isinstance(n, Name) and n.name == "i" for n in subtrees(node)) and not (isinstance(node, Name)):
        return None
    return [node]


def _replace_i(node: Node) -> Node:
    if isinstance(node, Name) and node.name == "i":
        return Num(1)
    children = node.children()
    return node.with_children(tuple(_replace_i(c) for c in children)) if children else node


def _rectangular_form(formulas, form, ref, verb=None):
    """r e^{theta i} as r cos theta + r sin theta i; (r cos t + r i sin t)^n by De Moivre; any other number
    in i as the engine simplifies it, given only when that comes out as a + bi."""
    formula = formulas[int(ref)]
    tree = formula.tree
    if form.point or form.radians or verb is not None and not form.rectangular:
        return None
    if tree is None or isinstance(tree, (Seq, Relation)) or has_matrix_value(tree) or convention_bound(tree):
        return None
    if formula.names - {"e"} or not _euler_only_as_base(tree):
        return None
    parts = _polar_parts(tree) or _de_moivre(tree)
    if parts is not None:
        if any(_real_value(p) is None for p in parts):
            return None
        r, theta = (_text(p) for p in parts)
        call = f"{r}*cos({theta}) + {r}*sin({theta})*i"
    else:
        call = f"expand({to_text(tree)})"  # multiplied out: (1 - sqrt(3) i)^8 as -128 - 128 sqrt(3) i
    return RoutedCall("symbolic", call, f"{to_text(tree)} in rectangular form: {call}", CheckKind.PRECALC,
                      relabel=_rectangular_text)


def _euler_only_as_base(tree: Node) -> bool:
    """e is Euler's number only where it is raised to a power (e^{i pi}); anywhere else it is a letter."""
    bases = sum(1 for n in subtrees(tree) if isinstance(n, BinOp) and n.op == "^" and isinstance(n.left, Name)
                and n.left.name == "e")
    return bases == sum(1 for n in subtrees(tree) if isinstance(n, Name) and n.name == "e")


def _de_moivre(tree: Node) -> tuple[Node, Node] | None:
    """(r cos t + r i sin t)^n -> (r^n, n t), once 50 digits confirm that the base is r (cos t + i sin t)."""
    import mpmath

    from ..precalc_checks import Unsupported, evaluate

    if not (isinstance(tree, BinOp) and tree.op == "^" and isinstance(tree.right, Num) and
            isinstance(tree.right.value, int) and 1 <= tree.right.value <= 1000):
        return None
    base = tree.left
    if not (isinstance(base, BinOp) and base.op == "+"):
        return None
    cosine = base.left
    r = Num(1)
    if isinstance(cosine, BinOp) and cosine.op == "*":
        r, cosine = cosine.left, cosine.right
    if not (isinstance(cosine, Call) and cosine.func == "cos" and len(cosine.args) == 1):
        return None
    theta = cosine.args[0]
    with mpmath.workdps(50):
        try:
            radius, angle, whole = evaluate(r), evaluate(theta), evaluate(base)
            expected = radius * (mpmath.cos(angle) + mpmath.j * mpmath.sin(angle))
        except (Unsupported, ZeroDivisionError, ValueError, OverflowError, RecursionError):
            return None
        if not abs(whole - expected) <= mpmath.mpf(10) ** -40 * max(1, abs(whole)):
            return None
    n = tree.right.value
    return BinOp("^", r, Num(n)), BinOp("*", Num(n), theta)


def _rectangular_text(answer: str) -> str | None:
    """a + bi with exact real a and b: no trigonometric function or exponential left in it, and i only as a
    factor of one term ((1 + I)**(1/3) or (-1)**(1/3) is not rectangular form)."""
    from tools.parsing import ParseError, parse

    if re.search(r"\b(?:cos|sin|tan|exp|E|atan|Mod|re|im)\b|\[", answer):
        return None
    try:
        tree = parse(answer)
    except (ParseError, RecursionError):
        return None
    imaginary = 0
    for _, term in _signed_terms(tree):
        factors = _all_factors(term)
        units = [f for f in factors if isinstance(f, Name) and f.name in ("I", "i")]
        rest = [f for f in factors if not (isinstance(f, Name) and f.name in ("I", "i"))]
        if len(units) > 1 or any(_real_value(f) is None or _holds_i(f) for f in rest):
            return None
        imaginary += len(units)
    return answer if imaginary <= 1 else None


def _all_factors(node: Node) -> list[Node]:
    """The factors of a product, numerators and denominators alike (a denominator stays whole)."""
    if isinstance(node, BinOp) and node.op == "*":
        return _all_factors(node.left) + _all_factors(node.right)
    if isinstance(node, BinOp) and node.op == "/":
        return _all_factors(node.left) + [node.right]
    if isinstance(node, Neg):
        return _all_factors(node.operand)
    return [node]


def _holds_i(node: Node) -> bool:
    return any(isinstance(n, Name) and n.name in ("I", "i") for n in subtrees(node))


def _to_degrees(formulas, form, ref):
    formula = formulas[int(ref)]
    tree = _numeric(formula)
    if form.stated or tree is None or isinstance(tree, Seq) or "^\\circ" in formula.latex.replace(" ", ""):
        return None
    if _real_value(tree) is None:
        return None
    call = f"({to_text(tree)})*180/pi"
    return RoutedCall("symbolic", call, f"{to_text(tree)} radians in degrees: {call}", CheckKind.PRECALC,
                      relabel=_without_functions)


def _to_radians(formulas, form, ref):
    formula = formulas[int(ref)]
    tree = _numeric(formula)
    written = formula.latex.replace(" ", "")
    if form.stated or tree is None or isinstance(tree, Seq) or not re.search(r"\^\{?\\circ\}?$", written):
        return None
    if _real_value(tree) is None:
        return None
    call = to_text(tree)  # the LaTeX reader already reads 210^\circ as 210*(pi/180)
    return RoutedCall("symbolic", call, f"{formula.latex} in radians: {call}", CheckKind.PRECALC,
                      relabel=_without_functions)


def _in_radians(formulas, form, verb, ref):
    """'Compute $\\arccos (\\cos 7).$  All functions are in radians.': the general route's numeric reading."""
    from .competition import _numeric as numeric_plan

    formula = formulas[int(ref)]
    tree = _numeric(formula)
    if not form.radians or form.point or form.rectangular or tree is None or "\\circ" in formula.latex:
        return None
    if isinstance(tree, Seq) or has_matrix_value(tree):
        return None
    return numeric_plan(tree)


# the range asked must be the principal range the formula gives: cos on [0, 180], sin on [-90, 90], tan on (-90, 90)
RANGES = {"cos": {("0", "\\le", "\\le", "180")}, "sin": {("-90", "\\le", "\\le", "90")},
          "tan": {("-90", "<", "<", "90"), ("-90", "\\le", "\\le", "90"), ("-90", "<", "\\le", "90"),
                  ("-90", "\\le", "<", "90")}}

# n in that range from an angle M (degrees) with the same function value, by congruences
PRINCIPAL = {"cos": "180 - abs(180 - (({M}) mod 360))", "sin": "90 - abs(180 - (({M} + 90) mod 360))",
             "tan": "(({M} + 90) mod 180) - 90"}

RANGE_TEXT = re.compile(r"^(-?\d+)\s*(\\le|\\leq|<|\\lt)\s*n\s*(\\le|\\leq|<|\\lt)\s*(-?\d+)$")

DEGREES = r"\s*(?:\\left)?\(?\s*{}\s*\^\s*\{{?\s*\\circ\s*\}}?\s*(?:\\right)?\)?\s*"

SAME_VALUE = re.compile(r"^\\(sin|cos|tan)" + DEGREES.format("n") + r"=\s*\\(sin|cos|tan)" +
                        DEGREES.format(r"(-?\s*\d+)") + r"$")


def _same_value_integer(formulas, form, n_ref, range_ref, equation_ref):
    """'Find the integer $n,$ $0 \\le n \\le 180,$ such that $\\cos n^\\circ = \\cos 568^\\circ.$'"""
    if form.stated or re.sub(r"\s+", "", formulas[int(n_ref)].latex) != "n":
        return None
    bounds = RANGE_TEXT.match(re.sub(r"\s+", " ", formulas[int(range_ref)].latex).strip())
    equation = SAME_VALUE.match(formulas[int(equation_ref)].latex.strip())
    if bounds is None or equation is None:
        return None
    low, op1, op2, high = bounds.groups()
    op1, op2 = (o.replace("\\leq", "\\le").replace("\\lt", "<") for o in (op1, op2))
    f, g, m = equation.group(1), equation.group(2), int(equation.group(3).replace(" ", ""))
    if (low, op1, op2, high) not in RANGES[f] or abs(m) > 10**6:
        return None
    if f == g:
        angle = str(m)
    elif {f, g} == {"sin", "cos"}:
        angle = f"90 - ({m})"  # cos m = sin(90 - m), sin m = cos(90 - m)
    else:
        return None
    if f == "tan" and (m - 90) % 180 == 0:
        return None  # tan 90 is undefined
    call = PRINCIPAL[f].format(M=angle)
    return RoutedCall("calculator", call, f"the integer n, {low} {op1} n {op2} {high}, with {f} n° = {g} {m}°: "
                      f"{call}", CheckKind.PRECALC)


def _trig_term(node: Node) -> tuple[str, Node, Node] | None:
    """c sin X, c cos X, sin X -> (function, c, X); None for anything else."""
    if isinstance(node, Call) and node.func in ("sin", "cos") and len(node.args) == 1:
        return node.func, Num(1), node.args[0]
    if isinstance(node, BinOp) and node.op == "*" and isinstance(node.right, Call) and \
            node.right.func in ("sin", "cos") and len(node.right.args) == 1:
        return node.right.func, node.left, node.right.args[0]
    return None


def _extreme_value(formulas, form, which, ref, var_ref=None):
    """'Find the maximum value of $\\cos x + 2 \\sin x,$ over all angles $x.$': c +- sqrt(a^2 + b^2), confirmed
    in the route with mpmath (attained at the angle atan2, and no sample of the circle goes beyond it)."""
    import mpmath

    from ..precalc_checks import Unsupported, evaluate

    formula = formulas[int(ref)]
    tree = formula.tree
    if form.stated or tree is None or len(formula.names) != 1 or isinstance(tree, (Relation, Seq)):
        return None
    (name,) = formula.names
    if var_ref is not None and getattr(formulas[int(var_ref)].tree, "name", None) != name:
        return None
    coefficient = {"sin": [], "cos": []}
    constant, argument = [], None
    for sign, term in _signed_terms(tree):
        trig = _trig_term(term)
        if trig is None:
            if _names(term):
                return None
            constant.append(f"{sign}*{_text(term)}")
            continue
        func, c, x = trig
        if _names(c) or argument is not None and x != argument:
            return None
        argument = x
        coefficient[func].append(f"{sign}*{_text(c)}")
    if argument is None or not (isinstance(argument, Name) or isinstance(argument, BinOp) and argument.op == "*"
                                and isinstance(argument.left, Num) and argument.left.value != 0
                                and isinstance(argument.right, Name)):
        return None  # the argument x or k x runs over all angles
    a, b, c = (" + ".join(parts) or "0" for parts in (coefficient["cos"], coefficient["sin"], constant))
    biggest = which.lower() in ("maximum", "largest", "greatest")
    call = f"({c}) {'+' if biggest else '-'} sqrt(({a})^2 + ({b})^2)"
    # confirmed numerically: the value is attained, and 3600 angles give nothing beyond it
    from tools.parsing import parse

    with mpmath.workdps(30):
        try:
            value = evaluate(parse(call))
            av, bv, cv = (evaluate(parse(t)) for t in (a, b, c))
            samples = [cv + av * mpmath.cos(t) + bv * mpmath.sin(t) for t in mpmath.linspace(0, 2 * mpmath.pi, 3600)]
            best = cv + av * mpmath.cos(mpmath.atan2(bv, av)) + bv * mpmath.sin(mpmath.atan2(bv, av))
        except (Unsupported, ZeroDivisionError, ValueError, OverflowError, RecursionError):
            return None
        attained = abs((best if biggest else 2 * cv - best) - value) < mpmath.mpf(10) ** -20
        bounded = all(x <= value + 1e-20 for x in samples) if biggest else all(x >= value - 1e-20 for x in samples)
    if not (attained and bounded):
        return None
    return RoutedCall("symbolic", call, f"the {which.lower()} of {to_text(tree)}: {call}", CheckKind.PRECALC)


PERIODS = {"sin": "2*pi", "cos": "2*pi", "sec": "2*pi", "csc": "2*pi", "tan": "pi", "cot": "pi"}


def _wave(formula: Formula) -> tuple[str, Node, str, str] | None:
    """y = A f(B x + C) + D -> (f, the argument, B, C) as texts, with A and D numbers and B not 0."""
    tree = formula.tree
    if tree is None or formula.names != {"x", "y"} or not (isinstance(tree, Relation) and tree.op == "="):
        return None
    if not (isinstance(tree.left, Name) and tree.left.name == "y") or "x" not in _names(tree.right):
        return None
    waves = []
    for _, term in _signed_terms(tree.right):
        if not _names(term):
            continue
        call = term.right if isinstance(term, BinOp) and term.op == "*" and not _names(term.left) else term
        if not (isinstance(call, Call) and call.func in PERIODS and len(call.args) == 1):
            return None
        waves.append((call.func, call.args[0]))
    if len(waves) != 1 or degree(waves[0][1], "x") != 1:
        return None
    func, argument = waves[0]
    at_zero, at_one = (_put(argument, "x", Num(k)) for k in (0, 1))
    slope, intercept = f"({to_text(at_one)}) - ({to_text(at_zero)})", to_text(at_zero)
    if _sign(BinOp("-", at_one, at_zero)) in (0, None):
        return None
    return func, argument, slope, intercept


def _period(formulas, form, ref):
    wave = _wave(formulas[int(ref)])
    if form.stated or wave is None:
        return None
    func, _, slope, _ = wave
    call = f"{PERIODS[func]}/abs({slope})"
    return RoutedCall("symbolic", call, f"the period of {func}: {call}", CheckKind.PRECALC)


def _phase_shift(formulas, form, ref):
    wave = _wave(formulas[int(ref)])
    if form.stated or wave is None or wave[0] not in ("sin", "cos"):
        return None
    _, _, slope, intercept = wave
    call = f"-({intercept})/({slope})"
    return RoutedCall("symbolic", call, f"the phase shift: {call}", CheckKind.PRECALC)
