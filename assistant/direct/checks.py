"""Checks on direct integer answers, each by a route independent of the engine that produced the answer."""
from __future__ import annotations

from fractions import Fraction

from ..answer import Check
from .plan import CheckKind

MAX_CHECK_BITS = 200_000  # checks are meant to be cheap; beyond this size they are reported as not run


def checks_for(kind: CheckKind, value, understood: str, shown: str | None = None) -> list[Check]:
    """`shown` is the answer text, for checks of what is shown rather than the value (a rounded decimal)."""
    check = CHECKS.get(kind)
    if check is None:
        return []
    try:
        return check(shown if kind in SHOWN_TEXT_CHECKS else value, understood)
    except Exception as exc:  # a check that cannot run is reported, never hidden
        return [Check(str(kind), None, f"check could not run: {type(exc).__name__}: {exc}")]


PROVE_BITS = 1000  # factors beyond this are not proven prime here (it would not be cheap)


def _factor_check(fac, understood: str) -> list[Check]:
    """The product is multiplied back, each prime proven prime; a partial factorization is said to be one,
    and a claim no check covers (a factor too large to prove) is left undecided, never passed."""
    from tools.calculator.integers.flint_threads import is_prime  # FLINT's per-thread caches stay on its own threads

    product = 1
    for p, e in fac.factors:
        product *= p**e
    if not fac.complete:
        product *= fac.cofactor
    sign = -1 if fac.n < 0 else 1
    checks = [Check("product of factors", sign * product == fac.n, f"multiplied back to {fac.n}")]
    if not fac.complete:
        checks.append(Check("factorization complete", None,
                            f"partial: a composite cofactor was not factored ({fac.note or 'stopped early'})"))
    if not fac.factors:
        if abs(fac.n) > 1:  # a number with no factors listed: nothing was shown prime
            checks.append(Check("factors are prime", None, "no prime factors were found to test"))
        return checks
    big = [p for p, _ in fac.factors if p.bit_length() >= PROVE_BITS]
    primes = all(is_prime(p) for p, _ in fac.factors if p.bit_length() < PROVE_BITS)
    if not primes:
        checks.append(Check("factors are prime", False, "a listed factor is not prime"))
    elif big:
        checks.append(Check("factors are prime", None, f"{len(big)} factor(s) of {PROVE_BITS}+ bits not proven prime"))
    else:
        checks.append(Check("factors are prime", True, f"each of {len(fac.factors)} factor(s) proven prime (FLINT)"))
    return checks


def _prime_factors_check(value, understood: str) -> list[Check]:
    """GMP (not FLINT, which factored) tests each prime; dividing them all out of n must leave 1."""
    import gmpy2

    (n,) = _call_args(understood)
    rest = abs(n)
    primes = [int(p) for p in value.items]
    for p in primes:
        if p < 2 or rest % p:
            return [Check("each listed prime divides n", False, f"{p} does not divide {n}")]
        while rest % p == 0:
            rest //= p
    checks = [Check("nothing else divides n", rest == 1, f"{n} divided by the listed primes leaves {rest}")]
    if not primes:
        return checks
    prime = all(gmpy2.is_prime(p, 50) for p in primes)
    checks.append(Check("each listed number is prime", prime, "GMP Miller-Rabin, 50 rounds"))
    return checks


def _invmod_check(value, understood: str) -> list[Check]:
    a, m = _call_args(understood)
    return [Check("a * inverse = 1 (mod m)", (a * int(value)) % m == 1 % m, f"{a} * {value} mod {m}")]


def _nth_prime_check(value, understood: str) -> list[Check]:
    import gmpy2

    return [Check("result is prime", bool(gmpy2.is_prime(int(value))), f"{value} passes a primality test")]


def _arithmetic_check(value, understood: str) -> list[Check]:
    """Recompute exact results with CPython's own ints and Fractions: an engine independent of GMP."""
    from tools.parsing import parse

    from .recompute import Unsupported, recompute

    if not hasattr(value, "denominator") or isinstance(value, bool):
        return []
    size = int(value.numerator).bit_length() + int(value.denominator).bit_length()
    if size > MAX_CHECK_BITS:
        return [Check("recomputed with Python integers", None, "result too large for the cheap check")]
    try:
        again = recompute(parse(understood))
    except Unsupported:
        return []
    same = again == Fraction(int(value.numerator), int(value.denominator))
    return [Check("recomputed with Python integers", same, f"Python's Fraction arithmetic gives {again}")]


def _call_args(understood: str) -> list[int]:
    from tools.parsing import Call, parse

    from .recompute import recompute

    tree = parse(understood)
    assert isinstance(tree, Call)
    return [int(recompute(arg)) for arg in tree.args]


def _is_prime_check(value, understood: str) -> list[Check]:
    """FLINT decided; GMP's Miller-Rabin (50 rounds) is an independent second opinion."""
    import gmpy2

    (n,) = _call_args(understood)
    agrees = bool(gmpy2.is_prime(n, 50)) == bool(getattr(value, "value", value))
    return [Check("second primality test agrees", agrees, "GMP Miller-Rabin, 50 rounds")]


def _competition_check(value, understood: str) -> list[Check]:
    from .competition_checks import competition_check  # loads with the first competition answer

    return competition_check(value, understood)


def _precalc_check(value, understood: str) -> list[Check]:
    from .precalc_checks import precalc_check  # loads with the first precalculus answer

    return precalc_check(value, understood)


def _recount_check(value, understood: str) -> list[Check]:
    from .numbertheory_checks import recount_check  # loads with the first number theory or counting answer

    return recount_check(value, understood)


CHECKS = {
    CheckKind.COMPETITION: _competition_check,
    CheckKind.PRECALC: _precalc_check,
    CheckKind.RECOUNT: _recount_check,
    CheckKind.IS_PRIME: _is_prime_check,
    CheckKind.FACTOR: _factor_check,
    CheckKind.PRIME_FACTORS: _prime_factors_check,
    CheckKind.INVMOD: _invmod_check,
    CheckKind.NTH_PRIME: _nth_prime_check,
    CheckKind.ARITHMETIC: _arithmetic_check,
}


def _number_checks() -> dict:
    from . import checks_numbers as n

    return {
        CheckKind.RELATION: n.relation_check, CheckKind.COMPOSITE: n.composite_check,
        CheckKind.PLACE_VALUE: n.place_value_check,
        CheckKind.NEAREST_ROOT: n.nearest_root_check, CheckKind.BASE: n.base_check,
        CheckKind.EXACT_DECIMAL: n.exact_decimal_check, CheckKind.CLOCK: n.clock_check,
        CheckKind.LEVEL_SET: n.level_set_check,
        CheckKind.STATISTIC: n.statistic_check, CheckKind.ARRANGEMENTS: n.arrangements_check,
    }


CHECKS.update(_number_checks())


def _wording_checks() -> dict:
    from . import rounding_checks, wording_checks

    return {CheckKind.ROUNDED: rounding_checks.rounded_value_check,
            CheckKind.ROUNDED_TEXT: rounding_checks.rounded_text_check,
            CheckKind.POWER_BACK: wording_checks.power_back_check,
            CheckKind.DIGIT_COUNT: wording_checks.digit_count_check}


class _LazyChecks(dict):
    """The wording checks' module loads when one of them is first wanted."""

    def __missing__(self, kind):
        extra = _wording_checks()
        if kind not in extra:
            raise KeyError(kind)
        self.update(extra)
        return extra[kind]

    def get(self, kind, default=None):
        try:
            return self[kind]
        except KeyError:
            return default


CHECKS = _LazyChecks(CHECKS)
SHOWN_TEXT_CHECKS = {CheckKind.ROUNDED_TEXT}
