"""Checks for the number, base, clock and sampling families, each by a route independent of the tool.

Every check re-reads the tool input with the parser and recomputes with Python's own ints and Fractions (the
tools compute with GMP/MPFR), by a different formula where one exists: a remainder's defining inequality, a
digit read off the decimal string, a base-b answer read back with int(text, b), a level-set probability summed
over every order of the draws.
"""
from __future__ import annotations

import math
import re
from fractions import Fraction
from itertools import permutations

from tools.parsing import BinOp, Call, Node, Relation, parse

from ..answer import Check
from .exact import NotCovered, exact


def _args(understood: str, func: str) -> tuple[Node, ...]:
    tree = parse(understood)
    if not isinstance(tree, Call) or tree.func != func:
        raise NotCovered(f"not a {func} call")
    return tree.args


def _as_fraction(value) -> Fraction:
    return Fraction(int(value.numerator), int(value.denominator))


def relation_check(value, understood: str) -> list[Check]:
    """A yes/no answer such as `b mod a = 0`: both sides recomputed exactly, compared with Python."""
    tree = parse(understood)
    if not isinstance(tree, Relation) or tree.op != "=":
        raise NotCovered("not an equation")
    truth = exact(tree.left) == exact(tree.right)
    return [Check("recomputed with Python integers", truth == bool(value), f"Python finds {understood}: {truth}")]


def composite_check(value, understood: str) -> list[Check]:
    """`num_divisors(n) > 2` (the tool factors with FLINT): GMP's Miller-Rabin decides again, and a small
    composite also shows a divisor."""
    import gmpy2

    tree = parse(understood)
    if not (isinstance(tree, Relation) and isinstance(tree.left, Call) and tree.left.func == "num_divisors"):
        raise NotCovered("not a compositeness question")
    n = int(exact(tree.left.args[0]))
    composite = n > 1 and not gmpy2.is_prime(n, 50)
    checks = [Check("second primality test agrees", composite == bool(value), "GMP Miller-Rabin, 50 rounds")]
    witness = _small_divisor(n) if composite else None
    if witness:
        checks.append(Check("a divisor shows n composite", n % witness == 0 and 1 < witness < n,
                            f"{witness} divides {n}"))
    return checks


def _small_divisor(n: int, limit: int = 100_000) -> int | None:
    for d in range(2, min(limit, math.isqrt(n)) + 1):
        if n % d == 0:
            return d
    return None


def place_value_check(value, understood: str) -> list[Check]:
    """The digit read off the decimal string of |n|, not computed by division: `floor(abs(n) / 10^k) mod 10`."""
    tree = parse(understood)
    inner = tree.left if isinstance(tree, BinOp) and tree.op == "mod" else None
    place = 0
    if isinstance(inner, Call) and inner.func == "floor":
        quotient = inner.args[0]
        if not (isinstance(quotient, BinOp) and quotient.op == "/" and isinstance(quotient.right, BinOp)):
            raise NotCovered("no place value")
        inner, place = quotient.left, int(exact(quotient.right.right))
    if not (isinstance(inner, Call) and inner.func == "abs"):
        raise NotCovered("no place value")
    number = exact(inner.args[0])
    if number.denominator != 1:
        raise NotCovered("not a whole number")
    digits = str(abs(int(number)))
    expected = int(digits[-1 - place]) if place < len(digits) else 0
    return [Check("digit read off the numeral", int(value) == expected, f"digit {place} from the right of {digits}")]


def nearest_root_check(value, understood: str) -> list[Check]:
    """r is the nearest integer to n^(1/k) exactly when (2r-1)^k <= 2^k n <= (2r+1)^k (all integers)."""
    numbers = [int(t) for t in re.findall(r"\d+", understood)]
    if len(numbers) < 4:
        raise NotCovered("not a nearest root")
    # floor((iroot(2^k*n, k) + 1)/2): the numbers read 2, k, n, k, 1, 2
    k, n = numbers[1], numbers[2]
    r = int(value)
    low = (2 * r - 1) ** k if r > 0 else 0
    ok = low <= 2**k * n <= (2 * r + 1) ** k
    return [Check("nearest integer root bounds", ok, f"(2r-1)^k <= 2^k*n <= (2r+1)^k with r = {r}, k = {k}")]


def base_check(value, understood: str) -> list[Check]:
    """The digits read back with Python's int(text, base) equal the number recomputed exactly."""
    number, base = _args(understood, "to_base")
    expected, b = exact(number), int(exact(base))
    text = str(getattr(value, "text", value))
    if b > 36:
        raise NotCovered("base above 36")
    return [Check("digits read back", Fraction(int(text, b)) == expected, f"{text} in base {b} is {int(text, b)}")]


def exact_decimal_check(value, understood: str) -> list[Check]:
    """Recomputed exactly, decimal literals included; a decimal shown by decimals(x, k) has every digit of the
    exact value: x * 10^k is a whole number."""
    tree = parse(understood)
    places = None
    if isinstance(tree, Call) and tree.func == "decimals":
        tree, places = tree.args[0], int(exact(tree.args[1]))
    again = exact(tree)
    ok = again == _as_fraction(value) and (places is None or (again * 10**places).denominator == 1)
    return [Check("recomputed exactly; the decimal shown is exact", ok, f"Python's Fractions give {again}")]


_CLOCK = re.compile(r"^(\d{1,2}):(\d{2}) (AM|PM)$")


def clock_check(value, understood: str) -> list[Check]:
    """The clock time shown, read back into minutes after midnight, equals the minutes recomputed."""
    (minutes,) = _args(understood, "clock_time")
    expected = exact(minutes) % 1440
    match = _CLOCK.match(str(getattr(value, "text", value)))
    if not match:
        return [Check("clock time read back", False, f"{value} is not a 12-hour clock time")]
    hour, minute, half = int(match.group(1)), int(match.group(2)), match.group(3)
    read = (hour % 12 + (12 if half == "PM" else 0)) * 60 + minute
    return [Check("clock time read back", read == expected and 1 <= hour <= 12 and minute < 60,
                  f"{value} is {read} minutes after midnight")]


MAX_ORDERINGS = 5_000


def level_set_check(value, understood: str) -> list[Check]:
    """prod C(c_i, k_i) / C(N, n) against the sum, over every distinct order of the draws, of the product of
    step-by-step probabilities (no binomial coefficient involved)."""
    pairs = [(int(a), int(b)) for a, b in re.findall(r"binomial\((\d+), (\d+)\)", understood)]
    if len(pairs) < 2:
        raise NotCovered("not a level set")
    *wanted, (total, drawn) = pairs
    letters = [i for i, (_, k) in enumerate(wanted) for _ in range(k)]
    if len(letters) != drawn:
        return [Check("picks add up", False, f"{len(letters)} picks for {drawn} draws")]
    orders = set(permutations(letters)) if math.factorial(drawn) <= MAX_ORDERINGS else None
    if orders is None:
        raise NotCovered("too many orders")
    expected = sum((_sequence([c for c, _ in wanted], total, order) for order in orders), Fraction(0))
    return [Check("summed over every order of the draws", _as_fraction(value) == expected, f"gives {expected}")]


def _sequence(counts: list[int], total: int, order: tuple[int, ...]) -> Fraction:
    left, p = list(counts), Fraction(1)
    for step, i in enumerate(order):
        if total - step <= 0:
            return Fraction(0)
        p *= Fraction(max(left[i], 0), total - step)
        left[i] -= 1
    return p


def statistic_check(value, understood: str) -> list[Check]:
    """By definition, with Python Fractions and none of the tool's formulas: the mean as sum over count; a median
    m with at least half the data at most m and at least half at least m; a mode counted; a variance as the mean
    square distance from the mean (two passes, the tool takes one); a standard deviation squared back."""
    tree = parse(understood)
    root = isinstance(tree, Call) and tree.func == "sqrt"
    if root:
        tree = tree.args[0]
    if not isinstance(tree, Call):
        raise NotCovered("not a statistic")
    data = [exact(a) for a in tree.args]
    expected = _statistic(tree.func, data)
    if root:
        shown = _as_fraction(value) if hasattr(value, "denominator") else Fraction(str(value))
        ok = abs(shown * shown - expected) <= Fraction(1, 10**30) * max(1, abs(expected))
        return [Check("squared back to the variance", ok, f"the variance by definition is {expected}")]
    return [Check("recomputed by definition with Python", _as_fraction(value) == expected, f"gives {expected}")]


MAX_COUNTED = 2_000  # the median's counting check is quadratic


def _statistic(func: str, data: list[Fraction]) -> Fraction:
    n = len(data)
    if func == "mean":
        return sum(data, Fraction(0)) / n
    if func == "median" and n <= MAX_COUNTED:
        def kth(k: int) -> Fraction:  # the k-th smallest, by counting (no sorting)
            return min(x for x in data if sum(y <= x for y in data) >= k)

        return kth((n + 1) // 2) if n % 2 else (kth(n // 2) + kth(n // 2 + 1)) / 2
    if func == "mode":
        return max(set(data), key=data.count)
    if func in ("pvariance", "variance"):
        mean = sum(data, Fraction(0)) / n
        return sum(((x - mean) ** 2 for x in data), Fraction(0)) / (n if func == "pvariance" else n - 1)
    raise NotCovered(func)


def arrangements_check(value, understood: str) -> list[Check]:
    """n!/(k1!*...*kr!) (the tool's factorials) against C(n, k1) * C(n - k1, k2) * ... (choose the places of each
    kind of item in turn), with Python's math.comb."""
    numbers = [int(t) for t in re.findall(r"(\d+)!", understood)]
    if len(numbers) < 2:
        raise NotCovered("not an arrangement count")
    n, kinds = numbers[0], numbers[1:]
    if sum(kinds) != n:
        return [Check("kinds add up", False, f"{' + '.join(map(str, kinds))} is not {n}")]
    count, left = 1, n
    for k in kinds:
        count, left = count * math.comb(left, k), left - k
    return [Check("places chosen kind by kind", int(value) == count, f"product of binomials gives {count}")]
