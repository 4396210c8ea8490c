"""Independent checks of a symbolic result, each by a route other than the one that produced it.

Roots are substituted back, antiderivatives differentiated, derivatives compared with mpmath's
numeric differentiation, definite integrals, sums and limits recomputed numerically by mpmath,
rewrites (simplify, factor, ...) compared with their input at random points, matrix results
multiplied back. A check that cannot decide says so (passed None); a failed check is reported.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass

import mpmath
import sympy as sp

from .deadline import Expired, limit, reset_interrupted_state
from .numeric import agree_at_points, close, is_zero, random_points, value_at


@dataclass
class CheckResult:
    name: str
    passed: bool | None
    detail: str = ""


def run_checks(outcome, budget: float) -> list[dict]:
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


def _value(outcome):
    v = outcome.value
    return v.to_sympy() if hasattr(v, "to_sympy") else v


# -- rewrites ---------------------------------------------------------------------------------------

def _same_value(name: str):
    def check(outcome):
        original, result = outcome.inputs["expr"], _value(outcome)
        if isinstance(original, sp.Eq):
            original, result = original.lhs - original.rhs, result.lhs - result.rhs
        if name in ("expanded", "factored", "collected") and _polynomial(original):
            try:
                exact = sp.expand(original - result) == 0
                return [CheckResult(f"{name} form equals the input", exact, "expanded difference is 0" if exact
                                    else "expanded difference is not 0")]
            except Exception:
                pass
        passed, detail = agree_at_points(original, result, original.free_symbols | result.free_symbols)
        return [CheckResult(f"{name} form equals the input", passed, detail)]
    return check


def _polynomial(expr) -> bool:
    try:
        return expr.is_polynomial() and sp.count_ops(expr) < 200
    except Exception:
        return False


def _fast_expand_check(outcome):
    """The FLINT product against the input tree evaluated with Python Fractions at random points.

    An engine independent of both FLINT and SymPy; exact, so agreement at 3 random points of a
    polynomial identity of modest degree is overwhelming evidence.
    """
    import random
    from fractions import Fraction

    import flint

    poly, node = outcome.value.native, outcome.inputs["node"]
    names = poly.context().names()
    rng = random.Random(5)
    for _ in range(3):
        point = {n: Fraction(rng.randint(-99, 99), rng.randint(1, 9)) for n in names}
        got = poly(*[flint.fmpq(v.numerator, v.denominator) for v in point.values()])
        want = _fraction_eval(node, point)
        if Fraction(int(got.p), int(got.q)) != want:
            return [CheckResult("expansion equals the input", False, f"differ at {point}")]
    return [CheckResult("expansion equals the input", True, "exact agreement at 3 random rational points "
                                                            "(Python Fractions vs FLINT)")]


def _fraction_eval(node, point):
    from fractions import Fraction

    from ..parsing import BinOp, Name, Neg, Num

    if isinstance(node, Num):
        return Fraction(node.value)
    if isinstance(node, Name):
        return point[node.name]
    if isinstance(node, Neg):
        return -_fraction_eval(node.operand, point)
    if isinstance(node, BinOp):
        a, b = _fraction_eval(node.left, point), _fraction_eval(node.right, point)
        return {"+": lambda: a + b, "-": lambda: a - b, "*": lambda: a * b, "/": lambda: a / b,
                "^": lambda: a ** int(b)}[node.op]()
    raise ValueError(f"not a polynomial node: {node!r}")


def _factorint_check(outcome):
    n = outcome.inputs["expr"]
    product = sp.Mul(*[p**e for p, e in outcome.value.items()]) if outcome.value else sp.Integer(1)
    checks = [CheckResult("product of factors", product == abs(n) or product == n, f"multiplies back to {n}")]
    listed = [p for p in outcome.value if p > 0]
    if listed:  # no factors listed (n = 1): a primality check over nothing is not a pass
        checks.append(CheckResult("factors are prime", all(sp.isprime(p) for p in listed), "each factor passes isprime"))
    return checks


# -- equations --------------------------------------------------------------------------------------

def _roots_check(outcome):
    exprs, variables = outcome.inputs["exprs"], outcome.inputs["vars"]
    value = outcome.inputs.get("full", outcome.value)  # a system solved for some unknowns: check whole solutions
    if isinstance(value, dict) and outcome.op == "roots":
        solutions = [{variables[0]: r} for r in value]
    elif isinstance(value, dict):
        solutions = [value]
    elif isinstance(value, list):
        solutions = value
    elif isinstance(value, sp.FiniteSet):
        solutions = [{variables[0]: r} for r in value]
    else:
        return [CheckResult("solutions substituted back", None, "solution set is not a finite list")]
    completeness = _completeness(outcome, solutions)
    if not solutions:  # "no solution" is shown only by a count; substituting nothing shows nothing
        if completeness.passed is True:
            return [completeness]
        return [CheckResult("solutions substituted back", None, "no solutions to substitute"), completeness]
    return [_substituted(exprs, solutions), completeness]


def _substituted(exprs, solutions) -> CheckResult:
    failures, undecided = [], 0
    for sol in solutions:
        for e in exprs:
            residual = e.subs(sol)
            passed = _residual_zero(residual)
            if passed is False:
                failures.append(f"{sol}: residual {residual}")
            elif passed is None:
                undecided += 1
    if failures:
        return CheckResult("solutions substituted back", False, "; ".join(failures)[:300])
    if undecided:
        return CheckResult("solutions substituted back", None, f"{undecided} residual(s) could not be decided")
    return CheckResult("solutions substituted back", True,
                       f"each of {len(solutions)} solution{'s' if len(solutions) > 1 else ''} gives residual 0")


def _completeness(outcome, solutions) -> CheckResult:
    """Substituting back shows each listed solution is one; this shows none is missing (the claim is the whole
    set). Decided only where a count is known: distinct roots of a polynomial equation (its square-free part,
    less the roots of a denominator), a linear system of full rank. Elsewhere undecided: sin(x) = 0 has more
    solutions than any list."""
    name = "no solution missed"
    exprs = outcome.inputs["exprs"]
    variables = list(outcome.inputs["vars"])
    if "full" in outcome.inputs:
        variables = sorted(set().union(*(e.free_symbols for e in exprs)), key=str)
    if outcome.op == "roots":
        poly = sp.Poly(exprs[0], variables[0])
        found = sum(outcome.value.values())
        return CheckResult(name, found == poly.degree(), f"multiplicities add up to {found}, degree {poly.degree()}")
    if len(exprs) == 1 and len(variables) == 1:
        expected = _distinct_roots(exprs[0], variables[0])
        if expected is None:
            return CheckResult(name, None, "not a polynomial equation: a count of its solutions is not known")
        return CheckResult(name, expected == len(solutions), f"{expected} distinct root(s) expected, "
                                                               f"{len(solutions)} found")
    try:
        matrix, rhs = sp.linear_eq_to_matrix(exprs, variables)
    except (sp.PolynomialError, ValueError, TypeError, NotImplementedError):
        return _polynomial_system_count(exprs, variables, solutions)
    if matrix.free_symbols or rhs.free_symbols:
        return CheckResult(name, None, "a linear system with symbolic coefficients")
    if matrix.rank() < matrix.row_join(rhs).rank():
        return CheckResult(name, not solutions, "the linear system is inconsistent: it has no solution")
    if matrix.rank() == len(variables):
        return CheckResult(name, len(solutions) == 1 and all(v in solutions[0] for v in variables),
                           "a linear system of full rank has exactly one solution")
    return CheckResult(name, None, "a linear system without full rank")


MAX_STANDARD_MONOMIALS = 10_000


def _polynomial_system_count(exprs, variables, solutions) -> CheckResult:
    """A polynomial system with finitely many solutions has exactly as many, counted with multiplicity, as its
    Groebner basis leaves standard monomials. Found distinct solutions equal to that count: none is missing.
    Fewer: some may be multiple roots, so the check cannot decide (it never fails on that ground)."""
    name = "no solution missed"
    numerators = [sp.together(e).as_numer_denom()[0] for e in exprs]
    if not all(n.is_polynomial(*variables) for n in numerators) or \
            set().union(*(n.free_symbols for n in numerators)) - set(variables):
        return CheckResult(name, None, "not a polynomial system in its unknowns")
    basis = sp.groebner(numerators, *variables, order="grevlex")
    if list(basis.exprs) == [1]:
        return CheckResult(name, not solutions, "the equations have no common solution")
    if not basis.is_zero_dimensional:
        return CheckResult(name, None, "the system has infinitely many solutions")
    count = _standard_monomials(basis, len(variables))
    if count is None:
        return CheckResult(name, None, "too many solutions to count")
    if len(solutions) == count:
        return CheckResult(name, True, f"the system has {count} solutions (Groebner basis), all found")
    return CheckResult(name, None, f"{len(solutions)} distinct solutions found; {count} counted with multiplicity")


def _standard_monomials(basis, n: int) -> int | None:
    leads = [sp.Poly(g, *basis.gens).monoms(order="grevlex")[0] for g in basis.exprs]
    box = [min((m[i] for m in leads if sum(m) == m[i] and m[i] > 0), default=None) for i in range(n)]
    if None in box:
        return None
    size = 1
    for d in box:
        size *= d
    if size > MAX_STANDARD_MONOMIALS:
        return None
    from itertools import product

    return sum(1 for e in product(*(range(d) for d in box))
               if not any(all(e[i] >= m[i] for i in range(n)) for m in leads))


def _distinct_roots(expr, var) -> int | None:
    """How many distinct complex roots `expr = 0` has in `var`, or None if that is not a polynomial question."""
    num, den = sp.together(expr).as_numer_denom()
    if not (num.is_polynomial(var) and den.is_polynomial(var)):
        return None
    if any(var in s.free_symbols for s in num.free_symbols - {var}):
        return None
    try:
        p = sp.Poly(num, var)
        q = sp.Poly(den, var)
    except sp.PolynomialError:
        return None
    if p.is_zero:
        return None
    square_free = sp.Poly(sp.sqf_part(p.as_expr()), var)
    common = sp.gcd(square_free, q)
    return square_free.degree() - common.degree()


def _residual_zero(residual) -> bool | None:
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


def _inequality_check(outcome):
    result, relations, var = outcome.value, outcome.inputs["relations"], outcome.inputs["vars"][0]
    if not isinstance(result, sp.Set):
        try:
            result = result.as_set()
        except Exception:
            return []
    wrong, decided = [], 0
    for k in range(-40, 41):
        t = sp.Rational(k, 4) + sp.Rational(1, 7)  # points off the usual boundaries
        inside = bool(result.contains(t)) if result.contains(t) in (sp.true, sp.false) else None
        if inside is None:
            continue
        decided += 1
        holds = all(bool(r.subs(var, t)) for r in relations)
        if holds != inside:
            wrong.append(str(t))
    if not decided:  # no sample could be placed in or out of the set: nothing was compared
        return [CheckResult("sampled points agree with the solution set", None, "no sample point could be decided")]
    return [CheckResult("sampled points agree with the solution set", not wrong,
                        f"{decided} points in [-10, 10]" if not wrong else f"disagree at {', '.join(wrong[:5])}")]


# -- calculus ---------------------------------------------------------------------------------------

def _sympy_inputs(outcome) -> None:
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


def _diff_check(outcome):
    _sympy_inputs(outcome)
    expr, spec = outcome.inputs["expr"], outcome.inputs["spec"]
    result = _value(outcome)
    if len(spec) != 1 or len(expr.free_symbols) > 3:
        passed, detail = agree_at_points(sp.diff(expr, *[a for p in spec for a in p]), result,
                                         expr.free_symbols | result.free_symbols)
        return [CheckResult("derivative recomputed by SymPy", passed, detail)]
    var, order = spec[0]
    others = expr.free_symbols - {var}
    decided = 0
    for point in random_points(expr.free_symbols | {var}, 6):
        at = value_at(result, point)
        if at is None:
            continue
        sub = {s: v for s, v in point.items() if s in others}
        f = expr.subs(sub)

        def g(t, f=f):
            v = value_at(f, {var: sp.Float(mpmath.nstr(t, 70), 70)}, 70)
            if v is None:
                raise ValueError("not finite")
            return v
        try:
            # an explicit step: the evaluation has 70 digits, so h = 1e-12 leaves plenty after cancellation
            with mpmath.workdps(70):
                numeric = mpmath.diff(g, mpmath.mpf(str(float(point[var]))), order, h=mpmath.mpf(10) ** -12)
        except (ValueError, ZeroDivisionError):
            continue
        if not close(numeric, at, mpmath.mpf(10) ** -8):
            return [CheckResult("numeric derivative agrees", False,
                                f"at {var}={point[var]}: mpmath gives {mpmath.nstr(numeric, 12)}, result {mpmath.nstr(at, 12)}")]
        decided += 1
        if decided >= 3:
            break
    if not decided:
        return [CheckResult("numeric derivative agrees", None, "no point where the result is finite")]
    return [CheckResult("numeric derivative agrees", True, f"mpmath finite differences at {decided} points")]


def _antiderivative_check(outcome):
    from .integration import verify_antiderivative

    if outcome.inputs.get("verified") is not None:  # already differentiated while choosing among strategies
        passed, detail = outcome.inputs["verified"]
    else:
        passed, detail = verify_antiderivative(outcome.value, outcome.inputs["expr"], outcome.inputs["var"])
    return [CheckResult("derivative of the antiderivative is the integrand", passed, detail)]


def _definite_check(outcome):
    f, x, low, high = (outcome.inputs[k] for k in ("expr", "var", "low", "high"))
    if f.free_symbols - {x} or outcome.value.free_symbols:
        return [CheckResult("numeric integration agrees", None, "the integral has free parameters")]
    want = value_at(outcome.value, {})

    def g(t):
        d = mpmath.mp.dps + 5
        v = value_at(f, {x: sp.Float(mpmath.nstr(t, d), d)}, d)
        if v is None:
            raise ValueError("not finite")
        return v.real if v.imag == 0 else v
    a, b = (_mp_bound(v) for v in (low, high))
    try:
        with mpmath.workdps(30):
            numeric = mpmath.quad(g, [a, b])
    except (ValueError, ZeroDivisionError) as exc:
        return [CheckResult("numeric integration agrees", None, f"mpmath.quad failed: {exc}")]
    if want is None:
        return [CheckResult("numeric integration agrees", None, "the result is not a finite number")]
    passed = close(numeric, want, mpmath.mpf(10) ** -10)
    return [CheckResult("numeric integration agrees", passed, f"mpmath.quad gives {mpmath.nstr(numeric, 15)}")]


def _mp_bound(v):
    if v == sp.oo:
        return mpmath.inf
    if v == -sp.oo:
        return -mpmath.inf
    return value_at(v, {}).real


def _limit_check(outcome):
    expr, var, point, direction = (outcome.inputs[k] for k in ("expr", "var", "point", "dir"))
    value = outcome.value
    if expr.free_symbols - {var}:
        return [CheckResult("numeric limit agrees", None, "the expression has free parameters")]
    if value in (sp.oo, -sp.oo, sp.zoo) or not value.is_number:
        return [CheckResult("numeric limit agrees", None, f"limit is {value}: not checked numerically")]
    want = value_at(value, {})
    sides = ["+"] if point == -sp.oo else ["-"] if point == sp.oo else ["+", "-"] if direction == "+-" else [direction]
    results = []
    for side in sides:
        samples = []
        for k in (8, 12, 16):
            if point in (sp.oo, -sp.oo):
                t = (sp.Integer(10) ** k) * (1 if point == sp.oo else -1)
            else:
                t = point + (1 if side == "+" else -1) * sp.Integer(10) ** -k
            v = value_at(expr, {var: t}, 60)
            if v is not None:
                samples.append(v)
        if len(samples) < 2:
            results.append(None)
            continue
        results.append(bool(close(samples[-1], want, mpmath.mpf(10) ** -5)))
    passed = None if None in results else all(results)
    return [CheckResult("numeric limit agrees", passed, "expression evaluated at 60 digits approaching the point")]


def _series_check(outcome):
    expr, var, point, order = (outcome.inputs[k] for k in ("expr", "var", "point", "order"))
    poly = outcome.value.removeO()
    if expr.free_symbols - {var} or not point.is_number or point.is_infinite:
        return [CheckResult("series matches the function", None, "not checked numerically")]
    h = sp.Rational(1, 1000)
    t = point + h
    fv, sv = value_at(expr, {var: t}, 60), value_at(poly, {var: t}, 60)
    if fv is None or sv is None:
        return [CheckResult("series matches the function", None, "function not finite near the point")]
    # the error of a correct truncation is O(h^order); allow a generous constant
    passed = abs(fv - sv) <= mpmath.mpf(10) ** 6 * mpmath.mpf(h) ** order
    return [CheckResult("series matches the function", bool(passed),
                        f"difference {mpmath.nstr(abs(fv - sv), 3)} at {var} = {t} (order {order})")]


def _sum_check(outcome):
    expr, var, low, high = (outcome.inputs[k] for k in ("expr", "var", "low", "high"))
    value = outcome.value
    if expr.free_symbols - {var} or value.free_symbols:
        return _sum_symbolic_check(outcome)
    want = value_at(value, {})
    if want is None:
        return [CheckResult("numeric sum agrees", None, f"result {value} is not a finite number")]
    lo = int(low)
    fn = mpmath.nsum if outcome.op == "sum" else mpmath.nprod
    if high == sp.oo:
        def term(k):
            # nsum extrapolates with non-integer arguments too: pass them through when they are not integers
            # evaluated at the precision nsum is working at: its extrapolation needs every digit
            d = mpmath.mp.dps + 10
            arg = sp.Integer(int(k)) if k == int(k) else sp.Float(mpmath.nstr(k, d), d)
            v = value_at(expr, {var: arg}, d)
            if v is None:
                raise ValueError
            return v.real if v.imag == 0 else v
        with mpmath.workdps(30):
            numeric = fn(term, [lo, mpmath.inf])
        name = f"mpmath.{fn.__name__} agrees"
    elif high.is_Integer and int(high) - lo <= 5000:
        terms = [expr.subs(var, k) for k in range(lo, int(high) + 1)]
        exact = sp.Add(*terms) if outcome.op == "sum" else sp.Mul(*terms)
        return [CheckResult("term-by-term recomputation agrees", sp.simplify(exact - value) == 0,
                            f"{len(terms)} terms added exactly")]
    else:
        return [CheckResult("numeric sum agrees", None, "range too long to recompute")]
    return [CheckResult(name, close(numeric, want, mpmath.mpf(10) ** -10), f"numeric value {mpmath.nstr(numeric, 15)}")]


def _sum_symbolic_check(outcome):
    """A closed form in the upper bound n: compare with the explicit sum for n = 1..6."""
    expr, var, low, high = (outcome.inputs[k] for k in ("expr", "var", "low", "high"))
    value = outcome.value
    if not (isinstance(high, sp.Symbol) and low.is_Integer and expr.free_symbols <= {var, high}):
        return [CheckResult("closed form checked", None, "parameters other than the bound")]
    lo = int(low)
    for n in range(lo, lo + 6):
        terms = [expr.subs(var, k) for k in range(lo, n + 1)]
        exact = sp.Add(*terms) if outcome.op == "sum" else sp.Mul(*terms)
        if sp.simplify(value.subs(high, n) - exact) != 0:
            return [CheckResult("closed form matches explicit sums", False, f"differs at {high} = {n}")]
    return [CheckResult("closed form matches explicit sums", True, f"{high} = {lo}..{lo + 5}")]


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


# -- matrices and numbers ---------------------------------------------------------------------------

def _det_check(outcome):
    m = outcome.inputs["matrix"]
    if m.free_symbols:
        return [CheckResult("determinant by Berkowitz", sp.simplify(m.det(method="berkowitz") - outcome.value) == 0,
                            "recomputed with another algorithm")]
    numeric = mpmath.det(mpmath.matrix([[value_at(x, {}) for x in row] for row in m.tolist()]))
    return [CheckResult("numeric determinant agrees", close(numeric, value_at(outcome.value, {})),
                        f"mpmath gives {mpmath.nstr(numeric, 15)}")]


def _inverse_check(outcome):
    m, inv = outcome.inputs["matrix"], outcome.value
    ok = (m * inv).applyfunc(sp.simplify) == sp.eye(m.rows)
    return [CheckResult("matrix times inverse is the identity", ok, "A * A^-1 multiplied out")]


def _eigenvals_check(outcome):
    m = outcome.inputs["matrix"]
    lam = sp.Symbol("lambda")
    charpoly = (m - lam * sp.eye(m.rows)).det()
    bad = [ev for ev in outcome.value if _residual_zero(charpoly.subs(lam, ev)) is False]
    total = sum(outcome.value.values())
    return [CheckResult("eigenvalues are roots of det(A - λI)", not bad, f"{len(outcome.value)} values checked"
                        if not bad else f"not roots: {bad}"),
            CheckResult("multiplicities add up to the size", total == m.rows, f"{total} of {m.rows}")]


def _eigenvects_check(outcome):
    m = outcome.inputs["matrix"]
    bad = 0
    for val, _, vecs in outcome.value:
        for v in vecs:
            if (m * v - val * v).applyfunc(sp.simplify) != sp.zeros(m.rows, 1):
                bad += 1
    return [CheckResult("A v = λ v for each eigenvector", bad == 0, "multiplied out" if not bad else f"{bad} fail")]


def _rank_check(outcome):
    m = outcome.inputs["matrix"]
    other = m.T.rank()
    return [CheckResult("rank of the transpose agrees", other == int(outcome.value), f"rank(A^T) = {other}")]


def _transpose_check(outcome):
    m, t = outcome.inputs["matrix"], outcome.value
    ok = t.shape == (m.cols, m.rows) and all(m[i, j] == t[j, i] for i in range(m.rows) for j in range(m.cols))
    return [CheckResult("entries mirrored", ok, "A[i, j] = T[j, i] for every entry")]


def _rref_check(outcome):
    """Row reduction keeps the row space: A, R and A stacked on R all have the same rank."""
    m, r = outcome.inputs["matrix"], outcome.value
    ranks = {m.rank(), r.rank(), m.col_join(r).rank()}
    return [CheckResult("same row space as the input", len(ranks) == 1,
                        f"rank(A) = rank(R) = rank([A; R]) = {ranks.pop()}" if len(ranks) == 1 else f"ranks {ranks}")]


def _numeric_check(outcome):
    expr, digits = outcome.inputs["expr"], outcome.inputs["digits"]
    again = value_at(expr, {}, digits + 10)
    if again is None:
        return []
    tol = mpmath.mpf(10) ** (-digits + 2)
    return [CheckResult("re-evaluated with more digits", close(again, value_at(outcome.value, {}, digits), tol),
                        f"{digits + 10} digits agree to the shown precision")]


def _subs_check(outcome):
    _sympy_inputs(outcome)
    expr, pairs, result = outcome.inputs["expr"], outcome.inputs["pairs"], _value(outcome)
    direct = expr.xreplace(dict(pairs)) if all(a.is_Symbol for a, _ in pairs) else expr.subs(pairs)
    passed, detail = agree_at_points(direct, result, direct.free_symbols | result.free_symbols)
    return [CheckResult("substitution recomputed", passed, detail)]


def _matrix_check(outcome):
    """Matrix arithmetic recomputed from the parse tree with mpmath matrices (no SymPy involved)."""
    if outcome.value.free_symbols:
        return [CheckResult("recomputed with mpmath", None, "the matrix has symbols")]
    try:
        again = _mp_eval(outcome.inputs["node"])
    except (ValueError, TypeError, ZeroDivisionError) as exc:
        return [CheckResult("recomputed with mpmath", None, f"could not recompute: {exc}")]
    m = outcome.value
    if not isinstance(again, mpmath.matrix) or (again.rows, again.cols) != m.shape:
        return [CheckResult("recomputed with mpmath", False, "shape differs")]
    ok = all(close(again[i, j], value_at(m[i, j], {})) for i in range(m.rows) for j in range(m.cols))
    return [CheckResult("recomputed with mpmath", ok, "entry by entry, 30 digits")]


def _mp_eval(node):
    from ..parsing import BinOp, Neg, Num, Seq

    if isinstance(node, Num):
        v = node.value
        return mpmath.mpf(v.numerator) / v.denominator
    if isinstance(node, Neg):
        return -_mp_eval(node.operand)
    if isinstance(node, Seq) and node.items and all(isinstance(r, Seq) for r in node.items):
        return mpmath.matrix([[_mp_eval(x) for x in row.items] for row in node.items])
    if isinstance(node, BinOp):
        a, b = _mp_eval(node.left), _mp_eval(node.right)
        if node.op == "+":
            return a + b
        if node.op == "-":
            return a - b
        if node.op == "*":
            return a * b
        if node.op == "/" and not isinstance(b, mpmath.matrix):
            return a / b
        if node.op == "^" and not isinstance(b, mpmath.matrix) and b == int(b):
            return a ** int(b)
    raise ValueError(f"{type(node).__name__} is not plain matrix arithmetic")


CHECKS = {
    "simplify": _same_value("simplified"), "trigsimp": _same_value("simplified"),
    "expand": _same_value("expanded"), "factor": _same_value("factored"), "cancel": _same_value("cancelled"),
    "apart": _same_value("partial-fraction"), "together": _same_value("combined"),
    "collect": _same_value("collected"), "expand_fast": _fast_expand_check, "factorint": _factorint_check,
    "solve": _roots_check, "solve_system": _roots_check, "roots": _roots_check,
    "solve_inequality": _inequality_check, "diff": _diff_check, "integrate": _antiderivative_check,
    "integrate_definite": _definite_check, "limit": _limit_check, "series": _series_check,
    "sum": _sum_check, "product": _sum_check, "dsolve": _dsolve_check, "det": _det_check,
    "inverse": _inverse_check, "eigenvals": _eigenvals_check, "eigenvects": _eigenvects_check,
    "matrix": _matrix_check, "rank": _rank_check, "transpose": _transpose_check, "rref": _rref_check, "N": _numeric_check, "subs": _subs_check,
}
