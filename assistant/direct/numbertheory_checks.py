"""Checks for the number theory and counting families (routes/competition_numbertheory.py): each answer recounted.

The route hands the tool a closed formula (Legendre's sum, floor(b/k) - floor((a-1)/k), prime_pi, n(n-3)/2, ...);
this module reads the formula's few numbers back and counts again by enumeration with Python's own ints, with no
formula shared: the multiples in the range listed one by one, the primes found by trial division, the factorial
divided by p until it stops, the diagonals as the vertex pairs that are not sides, the coin flips and dice rolls as
every outcome. Each tool input shape the route writes has one recounter here; a shape with none, or numbers too
large to enumerate cheaply, gives an undecided check (never a pass).
"""
from __future__ import annotations

import math
import re
from fractions import Fraction
from itertools import combinations, permutations, product

from ..answer import Check

MAX_RANGE = 2_000_000  # numbers a recount may walk through
MAX_FACTORIAL = 5_000
MAX_TRIAL = 10**12
MAX_PRIME_RANGE = 200_000
MAX_CIRCLE = 8  # seatings enumerated one by one; beyond it n!/n
MAX_FLIPS = 20
MAX_ENUMERATED = 200_000


class TooLarge(Exception):
    """The numbers are beyond what a cheap enumeration covers."""


DECIMAL = re.compile(r"decimals\((.+), (\d+)\)")
SHARE = re.compile(r"\((.+)\)/(\d+)")  # a count over the n numbers it was counted among


def _recount(formula: str) -> tuple[Fraction, str] | None:
    """The formula counted again, and how; a count over n is its count recounted, over n. None: no recount."""
    for pattern, recount, what in RECOUNTS:
        m = pattern.fullmatch(formula)
        if m is not None:
            return Fraction(recount(*m.groups())), what
    share = SHARE.fullmatch(formula)
    if share is not None:
        inner = _recount(share.group(1))
        if inner is not None:
            return inner[0] / int(share.group(2)), f"{inner[1]}, over {share.group(2)}"
    return None


def recount_check(value, understood: str) -> list[Check]:
    """The formula's numbers read back and the answer counted again; `decimals(formula, k)` (an exact decimal
    asked for) is the formula's value, which must also end within k places."""
    shown, formula, places = _as_fraction(value), understood.strip(), None
    written = DECIMAL.fullmatch(formula)
    if written:
        formula, places = written.group(1), int(written.group(2))
    try:
        found = _recount(formula)
    except TooLarge as exc:
        return [Check("recounted by enumeration", None, f"not recounted: {exc}")]
    if found is None:
        return [Check("recounted by enumeration", None, "no recount for this formula")]
    again, what = found
    checks = [Check(what, shown == again, f"recount gives {again}")]
    if places is not None:
        exact = (again * 10**places).denominator == 1
        checks.append(Check("the decimal shown is exact", exact, f"{again} to {places} places"))
    return checks


def _as_fraction(value) -> Fraction | None:
    if isinstance(value, bool) or not hasattr(value, "denominator"):
        return None
    return Fraction(int(value.numerator), int(value.denominator))


def _bounded(n: int, limit: int, what: str) -> int:
    if not 0 <= n <= limit:
        raise TooLarge(f"{what} {n} is above {limit}")
    return n


# -- number theory ------------------------------------------------------------------------------------------------

def _factorial_valuation(n: str, p: str) -> int:
    """How often p divides n!: the factorial itself divided by p until it stops."""
    number, prime = math.factorial(_bounded(int(n), MAX_FACTORIAL, "n")), int(p)
    count = 0
    while number % prime == 0:
        number //= prime
        count += 1
    return count


def _moduli(text: str) -> list[int]:
    """'30' or 'lcm(6, 15)': every number the multiples must be divisible by."""
    return [int(t) for t in re.findall(r"\d+", text)]


def _multiples_between(high: str, modulus: str, below: str, modulus_again: str) -> int:
    if modulus != modulus_again:
        raise TooLarge("two different moduli")
    low, top, ks = int(below) + 1, int(high), _moduli(modulus)
    _bounded(top - low, MAX_RANGE, "range length")
    return sum(1 for x in range(low, top + 1) if all(x % k == 0 for k in ks))


def _multiples_but_not(top: str, a: str, top_again: str, a_again: str, b: str) -> int:
    if (top, a) != (top_again, a_again):
        raise TooLarge("two different ranges")
    n, x, y = _bounded(int(top), MAX_RANGE, "range"), int(a), int(b)
    return sum(1 for v in range(1, n + 1) if v % x == 0 and v % y != 0)


def _multiples_either(top: str, a: str, *rest: str) -> int:
    top2, b, top3, a2, b2 = rest
    if not (top == top2 == top3 and (a, b) == (a2, b2)):
        raise TooLarge("two different ranges")
    n, x, y = _bounded(int(top), MAX_RANGE, "range"), int(a), int(b)
    return sum(1 for v in range(1, n + 1) if v % x == 0 or v % y == 0)


def _is_prime(n: int) -> bool:
    if n < 2:
        return False
    return all(n % d for d in range(2, math.isqrt(n) + 1))


def _primes_between(high: str, below: str) -> int:
    top = _bounded(int(high), MAX_PRIME_RANGE, "upper end")
    return sum(1 for x in range(int(below) + 1, top + 1) if _is_prime(x))


def _powers_between(high: str, exponent: str, below: str, exponent_again: str) -> int:
    """Positive k with below < k^e <= high, by stepping k up from 1."""
    if exponent != exponent_again:
        raise TooLarge("two different exponents")
    e, top, low = int(exponent), int(high), int(below)
    count, k = 0, 1
    while k**e <= top:
        _bounded(k, MAX_RANGE, "root")
        count += k**e > low
        k += 1
    return count


def _smallest_multiple_from(start: str, k: str) -> int:
    first, step = int(start), int(k)
    _bounded(step, MAX_RANGE, "modulus")
    return next(x for x in range(first, first + step) if x % step == 0)


def _largest_multiple_to(end: str, k: str) -> int:
    last, step = int(end), int(k)
    _bounded(step, MAX_RANGE, "modulus")
    return next(x for x in range(last, last - step, -1) if x % step == 0)


def _divisors(n: int) -> list[int]:
    _bounded(n, MAX_TRIAL, "n")
    small = [d for d in range(1, math.isqrt(n) + 1) if n % d == 0]
    return sorted(set(small + [n // d for d in small]))


def _odd_divisors(n: str) -> int:
    return sum(1 for d in _divisors(int(n)) if d % 2)


def _odd_divisor_sum(n: str, n_again: str) -> int:
    return sum(d for d in _divisors(int(n)) if d % 2)


def _even_divisor_sum(n: str) -> int:
    return sum(d for d in _divisors(int(n)) if d % 2 == 0)


def _common_divisor_sum(a: str, b: str) -> int:
    return sum(d for d in _divisors(int(a)) if int(b) % d == 0)


def _in_class_between(high: str, r: str, m: str, low: str, r_again: str, m_again: str) -> int:
    if (r, m) != (r_again, m_again):
        raise TooLarge("two different classes")
    top, start, residue, modulus = int(high), int(low), int(r), int(m)
    _bounded(top - start, MAX_RANGE, "range length")
    return sum(1 for x in range(start, top + 1) if x % modulus == residue)


def _arithmetic_sum(first: str, last: str, last_again: str, first_again: str, step: str) -> int:
    """first + (first + step) + ... + last, added one term at a time."""
    if (first, last) != (first_again, last_again):
        raise TooLarge("two different ranges")
    a, b, d = int(first), int(last), int(step)
    _bounded((b - a) // d, MAX_RANGE, "terms")
    return sum(range(a, b + 1, d))


def _power_divisors(n: str, _largest: str, e: str) -> int:
    """Divisors of n that are perfect e-th powers: each divisor tested by stepping roots up from 1."""
    exponent = int(e)

    def is_power(d: int) -> bool:
        k = 1
        while k**exponent < d:
            k += 1
        return k**exponent == d
    return sum(1 for d in _divisors(int(n)) if is_power(d))


def _least_common_multiple(listed: str) -> int:
    """The least positive number all divide, tried as multiples of the largest."""
    numbers = [int(t) for t in re.findall(r"\d+", listed)]
    top = max(numbers)
    for k in range(1, MAX_RANGE + 1):
        if all(top * k % x == 0 for x in numbers):
            return top * k
    raise TooLarge("the lcm is beyond the search")


def _gcd_times_lcm(a: str, b: str, a2: str, b2: str) -> int:
    if (a, b) != (a2, b2):
        raise TooLarge("two different pairs")
    return int(a) * int(b)  # gcd(a, b) lcm(a, b) = a b


def _gcd_plus_lcm(a: str, b: str, a2: str, b2: str) -> int:
    if (a, b) != (a2, b2):
        raise TooLarge("two different pairs")
    x, y = int(a), int(b)
    common = max(d for d in _divisors(x) if y % d == 0)
    return common + x * y // common


def _mean_of_multiples(low: str, k: str, high: str) -> Fraction:
    found = [x for x in range(int(low), _bounded(int(high), 10**7, "range end") + 1) if x % int(k) == 0]
    return Fraction(sum(found), len(found))


def _nth_odd(n: str) -> int:
    """The n-th odd positive integer, found by counting odd numbers up."""
    count, x = 0, 0
    target = _bounded(int(n), MAX_RANGE, "place")
    while count < target:
        x += 1
        count += x % 2
    return x


def _nth_even(n: str) -> int:
    count, x = 0, 0
    target = _bounded(int(n), MAX_RANGE, "place")
    while count < target:
        x += 1
        count += x % 2 == 0
    return x


DIGIT_SETS = {("5", "5"): set("13579"), ("4", "4"): set("2357"), ("4", "5"): set("02468")}


def _digit_kind(first: str, other: str, d: str) -> int:
    """d-digit numbers whose digits all lie in the set, listed (the first digit is never 0 in a d-digit number)."""
    allowed, digits = DIGIT_SETS.get((first, other)), _bounded(int(d), 6, "digits")
    if allowed is None:
        raise TooLarge("no digit set")
    return sum(1 for x in range(10 ** (digits - 1), 10**digits) if set(str(x)) <= allowed)


def _even_divisor_counts(top: str, top_again: str) -> int:
    """Numbers 1..top with an even number of divisors, each one's divisors counted by trial division."""
    if top != top_again:
        raise TooLarge("two different ranges")
    return sum(1 for x in range(1, _bounded(int(top), 10**4, "range") + 1) if len(_divisors(x)) % 2 == 0)


def _squares_summed(n: str, *_: str) -> int:
    return sum(k * k for k in range(1, _bounded(int(n), MAX_RANGE, "terms") + 1))


def _reciprocals(n: str, n_again: str) -> Fraction:
    return sum((Fraction(1, d) for d in _divisors(int(n))), Fraction(0))


def _other_number(lcm: str, gcd: str, a: str) -> int:
    """b = l g / a is the answer only if a and b have that gcd and lcm (Python's math module): else a failed check."""
    l_value, g_value, a_value = int(lcm), int(gcd), int(a)
    b = l_value * g_value // a_value
    fits = math.gcd(a_value, b) == g_value and math.lcm(a_value, b) == l_value and b * a_value == l_value * g_value
    return b if fits else -1


def _range_mean(a: str, b: str) -> Fraction:
    numbers = range(int(a), int(b) + 1)
    _bounded(len(numbers), MAX_RANGE, "terms")
    return Fraction(sum(numbers), len(numbers))


def _power_completion(n: str, k: str, e: str, e_again: str, n_again: str) -> int:
    """The least k >= 1 making n k a perfect e-th power, found by trying k = 1, 2, ... (each tested with integer roots
    stepped up, no factoring)."""
    number, exponent = int(n), int(e)
    if (e, n) != (e_again, n_again):
        raise TooLarge("two different numbers")
    for k_try in range(1, MAX_RANGE + 1):
        value = number * k_try
        root = round(value ** (1 / exponent))
        if any((root + d) ** exponent == value for d in (-1, 0, 1) if root + d >= 0):
            return k_try
    raise TooLarge("no k found in the search")


def _divisor_product(n: str, *_: str) -> int:
    return math.prod(_divisors(int(n)))


def _prime_divisors(n: str) -> list[int]:
    return [d for d in _divisors(int(n)) if _is_prime(d)]


def _largest_prime_divisor(n: str) -> int:
    return max(_prime_divisors(n))


def _prime_divisor_sum(n: str) -> int:
    return sum(_prime_divisors(n))


def _linear_congruence(rhs: str, a: str, m: str, m_again: str) -> int:
    """The one residue x in 0..m-1 with a x = rhs (mod m), found by trying every residue; none or several is a
    failed check (the route reads only congruences with exactly one)."""
    modulus = _bounded(int(m), MAX_RANGE, "modulus")
    if m != m_again:
        raise TooLarge("two different moduli")
    found = [x for x in range(modulus) if (int(a) * x - int(rhs)) % modulus == 0]
    return found[0] if len(found) == 1 else -1


def _digit_sum_in_base(n: str, base: str) -> int:
    number, b, total = int(n), int(base), 0
    while number:
        number, digit = divmod(number, b)
        total += digit
    return total


def _first_in_class_from(start: str, r: str, m: str, *_: str) -> int:
    first, residue, modulus = int(start), int(r), int(m)
    _bounded(modulus, MAX_RANGE, "modulus")
    return next(x for x in range(first, first + modulus) if x % modulus == residue)


def _last_in_class_to(end: str, r: str, m: str, *_: str) -> int:
    last, residue, modulus = int(end), int(r), int(m)
    _bounded(modulus, MAX_RANGE, "modulus")
    return next(x for x in range(last, last - modulus, -1) if x % modulus == residue)


def _first_with_remainders(listed: str) -> int:
    """The least positive number leaving every remainder named, tried one number at a time up to the lcm."""
    numbers = [int(t) for t in re.findall(r"\d+", listed)]
    pairs = list(zip(numbers[::2], numbers[1::2]))
    limit = _bounded(math.lcm(*(m for _, m in pairs)), MAX_RANGE, "lcm")
    return next((x for x in range(1, limit + 1) if all(x % m == r for r, m in pairs)), -1)


def _functions(k: str, n: str) -> int:
    """k^n: every way to send n labelled balls to k labelled boxes, listed."""
    boxes, balls = int(k), int(n)
    if boxes**balls > MAX_ENUMERATED:
        raise TooLarge(f"{boxes}^{balls} placements")
    return sum(1 for _ in product(range(boxes), repeat=balls))


def _stars_and_bars(n: str, k: str, *_: str) -> int:
    """Alike balls in labelled boxes: the box counts, each 0..n, that add up to n, listed."""
    balls, boxes = int(n), int(k)
    if (balls + 1) ** boxes > MAX_RANGE:
        raise TooLarge("too many box counts")
    return sum(1 for counts in product(range(balls + 1), repeat=boxes) if sum(counts) == balls)


def _set_partitions(n: str, k: int) -> int:
    """Labelled balls in k alike boxes: the restricted growth strings (ball i goes to a box used before, or the next
    new one), at most k boxes, listed."""
    balls = _bounded(int(n), 12, "balls")
    count = 0

    def grow(placed: int, used: int) -> None:
        nonlocal count
        if placed == balls:
            count += 1
            return
        for box in range(min(used + 1, k)):
            grow(placed + 1, max(used, box + 1))
    grow(0, 0)
    return count


def _number_partitions(n: str, k: int) -> int:
    """Alike balls in k alike boxes: the ways to write n as at most k parts, largest first, listed."""
    total = _bounded(int(n), 200, "balls")

    def ways(left: int, largest: int, parts: int) -> int:
        if left == 0:
            return 1
        if parts == 0:
            return 0
        return sum(ways(left - p, p, parts - 1) for p in range(min(left, largest), 0, -1))
    return ways(total, total, k)


def _digits_in_base(n: str, base: str) -> int:
    number, b, count = int(n), int(base), 0
    while True:
        number //= b
        count += 1
        if number == 0:
            return count


# -- counting and probability ---------------------------------------------------------------------------------------

def _diagonals(n: str, n_again: str) -> int:
    sides = _bounded(int(n), 3_000, "sides")
    if n != n_again:
        raise TooLarge("two different polygons")
    return sum(1 for i, j in combinations(range(sides), 2) if (j - i) % sides not in (1, sides - 1))


def _circle_seatings(n: str) -> int:
    """Seatings with rotations counted once: each seating turned to start at person 0, the distinct ones counted."""
    people = int(n)
    if people > MAX_CIRCLE:
        return math.factorial(_bounded(people, MAX_FACTORIAL, "people")) // people
    seen = set()
    for seating in permutations(range(people)):
        start = seating.index(0)
        seen.add(seating[start:] + seating[:start])
    return len(seen)


def _ring_arrangements(n: str) -> int:
    """Arrangements on a ring up to turning and flipping: each listed, turned to start at 0 and read the lesser way."""
    items = int(n)
    if items > MAX_CIRCLE:
        return math.factorial(_bounded(items, MAX_FACTORIAL, "items")) // (2 * items)
    seen = set()
    for order in permutations(range(items)):
        start = order.index(0)
        turned = order[start:] + order[:start]
        flipped = (turned[0],) + tuple(reversed(turned[1:]))
        seen.add(min(turned, flipped))
    return len(seen)


def _subsets(n: str) -> int:
    size = _bounded(int(n), 60, "set size")
    return sum(math.comb(size, k) for k in range(size + 1))


def _ordered_choices(n: str, rest: str) -> int:
    """n!/(n-k)!: the ordered choices of k of n, listed when few, else the falling product."""
    total, k = int(n), int(n) - int(rest)
    if k < 0:
        raise TooLarge("more chosen than there are")
    if math.perm(min(total, 12), min(k, 12)) <= MAX_ENUMERATED and total <= 12:
        return sum(1 for _ in permutations(range(total), k))
    return math.prod(range(total - k + 1, total + 1))


def _pairs(n: str) -> int:
    people = _bounded(int(n), 2_000, "people")
    return sum(1 for _ in combinations(range(people), 2))


def _choices(n: str, k: str) -> int:
    """Unordered choices of k from n: listed when few, else built up one item at a time (C(m, j) from C(m, j-1))."""
    total, size = int(n), int(k)
    if total <= 20:
        return sum(1 for _ in combinations(range(total), size))
    count = 1
    for j in range(1, size + 1):
        count = count * (total - j + 1) // j
    return count


def _exactly_k_heads(n: str, k: str, n_again: str) -> Fraction:
    flips = _bounded(int(n), MAX_FLIPS, "flips")
    if n != n_again:
        raise TooLarge("two different flip counts")
    hits = sum(1 for outcome in product((0, 1), repeat=flips) if sum(outcome) == int(k))
    return Fraction(hits, 2**flips)


def _heads_among(listed: str, n: str) -> Fraction:
    flips = _bounded(int(n), MAX_FLIPS, "flips")
    counts = {int(k) for k in re.findall(r", (\d+)\)", listed)}
    hits = sum(1 for outcome in product((0, 1), repeat=flips) if sum(outcome) in counts)
    return Fraction(hits, 2**flips)


def _list_length(last: str, first: str, step: str) -> int:
    """Terms of first, first + step, ... up to last, walked one by one; last must be one of them."""
    a, b, d = Fraction(first), Fraction(last), Fraction(step)
    count, term = 0, a
    while (term <= b) if d > 0 else (term >= b):
        count += 1
        _bounded(count, MAX_RANGE, "terms")
        if term == b:
            return count
        term += d
    raise TooLarge("the last number is not a term")


def _multiples_among_divisors(n: str, k: str) -> int:
    """The divisors of n that k divides (k = 2: the even divisors)."""
    return sum(1 for d in _divisors(int(n)) if d % int(k) == 0)


def _digit_after_point(numerator: str, denominator: str, place: str) -> int:
    """The place-th digit after the point by long division, one digit at a time."""
    p, q, k = int(numerator), int(denominator), _bounded(int(place), MAX_RANGE, "place")
    remainder = p % q
    digit = 0
    for _ in range(k):
        remainder *= 10
        digit, remainder = divmod(remainder, q)
    return digit


def _two_dice_sum(total: str) -> Fraction:
    hits = sum(1 for a, b in product(range(1, 7), repeat=2) if a + b == int(total))
    return Fraction(hits, 36)


def _two_dice_totals(listed: str) -> Fraction:
    totals = {int(t) for t in re.findall(r"abs\((\d+) - 7\)", listed)}
    hits = sum(1 for a, b in product(range(1, 7), repeat=2) if a + b in totals)
    return Fraction(hits, 36)


def _expected_die(n: str) -> Fraction:
    faces = _bounded(int(n), MAX_RANGE, "faces")
    return Fraction(sum(range(1, faces + 1)), faces)


D = r"(\d+)"
RECOUNTS = [
    (re.compile(rf"floor\({D}/{D}\)(?: \+ floor\(\1/\2\^\d+\))*"), _factorial_valuation,
     "factorial divided by p until it stops"),
    (re.compile(rf"floor\({D}/{D}\) - floor\({D}/lcm\({D}, {D}\)\)"), _multiples_but_not, "numbers listed one by one"),
    (re.compile(rf"floor\({D}/{D}\) \+ floor\({D}/{D}\) - floor\({D}/lcm\({D}, {D}\)\)"), _multiples_either,
     "numbers listed one by one"),
    (re.compile(rf"floor\({D}/(\d+|lcm\(\d+(?:, \d+)+\))\) - floor\({D}/(\d+|lcm\(\d+(?:, \d+)+\))\)"),
     _multiples_between, "multiples listed one by one"),
    (re.compile(rf"prime_pi\({D}\) - prime_pi\({D}\)"), _primes_between, "primes found by trial division"),
    (re.compile(rf"iroot\({D}, {D}\) - iroot\({D}, {D}\)"), _powers_between, "powers listed one by one"),
    (re.compile(rf"ceil\({D}/{D}\)\*\2"), _smallest_multiple_from, "numbers tried upward"),
    (re.compile(rf"floor\({D}/{D}\)\*\2"), _largest_multiple_to, "numbers tried downward"),
    (re.compile(rf"num_divisors\({D}\) - num_divisors\(\1/2\)"), _odd_divisors, "odd divisors by trial division"),
    (re.compile(rf"\(ceil\({D}/{D}\)\*\2 \+ floor\({D}/\2\)\*\2\)/2"), _mean_of_multiples, "multiples listed and averaged"),
    (re.compile(rf"2\*{D} - 1"), _nth_odd, "odd numbers counted up"),
    (re.compile(rf"2\*{D} - 0"), _nth_even, "even numbers counted up"),
    (re.compile(rf"{D}\*{D}\^\({D} - 1\)"), _digit_kind, "numbers listed digit by digit"),
    (re.compile(rf"{D} - \(iroot\({D}, 2\) - iroot\(0, 2\)\)"), _even_divisor_counts, "divisors of each number counted"),
    (re.compile(rf"{D}\*\(\1 \+ 1\)\*\(2\*\1 \+ 1\)/6"), _squares_summed, "squares added one by one"),
    (re.compile(rf"sigma\({D}\)/{D}"), _reciprocals, "reciprocals of the divisors added"),
    (re.compile(rf"{D}\*{D}/{D}"), _other_number, "gcd and lcm of the pair recomputed"),
    (re.compile(r"\((-?\d+) \+ \((-?\d+)\)\)/2"), _range_mean, "the integers listed and averaged"),
    (re.compile(rf"iroot\({D}\*{D}, {D}\)\^{D}/{D}"), lambda n, k, e, e2, n2: _power_completion(n, k, e, e2, n2),
     "k = 1, 2, ... tried"),
    (re.compile(rf"num_divisors\(iroot\(gcd\({D}, {D}\), {D}\)\)"), _power_divisors, "divisors listed by trial division"),
    (re.compile(r"lcm\((\d+(?:, \d+)+)\)"), _least_common_multiple, "multiples of the largest tried"),
    (re.compile(rf"gcd\({D}, {D}\)\*lcm\({D}, {D}\)"), _gcd_times_lcm, "the product of the two numbers"),
    (re.compile(rf"gcd\({D}, {D}\) \+ lcm\({D}, {D}\)"), _gcd_plus_lcm, "common divisors listed by trial division"),
    (re.compile(rf"num_divisors\({D}\)"), lambda n: len(_divisors(int(n))), "divisors listed by trial division"),
    (re.compile(rf"num_divisors\({D}/{D}\)"), _multiples_among_divisors, "divisors listed by trial division"),
    (re.compile(rf"{D}\^\(num_divisors\(\1\)/2\)|isqrt\({D}\)\^num_divisors\(\2\)"),
     lambda a, b: _divisor_product(a or b), "divisors multiplied by trial division"),
    (re.compile(rf"max\(prime_factors\({D}\)\)"), _largest_prime_divisor, "prime divisors by trial division"),
    (re.compile(rf"sum\(prime_factors\({D}\)\)"), _prime_divisor_sum, "prime divisors by trial division"),
    (re.compile(rf"\(\((-?\d+)\)\*invmod\({D}, {D}\)\) mod {D}"), _linear_congruence, "every residue tried"),
    (re.compile(rf"sigma\({D}\) - 2\*sigma\({D}/2\)"), _odd_divisor_sum, "odd divisors summed by trial division"),
    (re.compile(rf"2\*sigma\({D}/2\)"), _even_divisor_sum, "even divisors summed by trial division"),
    (re.compile(rf"sigma\(gcd\({D}, {D}\)\)"), _common_divisor_sum, "common divisors summed by trial division"),
    (re.compile(rf"floor\(\({D} - {D}\)/{D}\) - floor\(\({D} - 1 - {D}\)/{D}\)"), _in_class_between,
     "numbers of the class listed one by one"),
    (re.compile(r"\((-?\d+) \+ \((-?\d+)\)\)\*\(\((-?\d+) - \((-?\d+)\)\)/(\d+) \+ 1\)/2"), _arithmetic_sum,
     "terms added one by one"),
    (re.compile(rf"ceil\(\({D} - {D}\)/{D}\)\*\3 \+ \2"), _first_in_class_from, "numbers tried upward"),
    (re.compile(rf"floor\(\({D} - {D}\)/{D}\)\*\3 \+ \2"), _last_in_class_to, "numbers tried downward"),
    (re.compile(r"crt\((\d+, \d+(?:, \d+, \d+)+)\)"), _first_with_remainders, "numbers tried one by one"),
    (re.compile(rf"binomial\({D} \+ {D} - 1, \2 - 1\)"), _stars_and_bars, "box counts listed"),
    (re.compile(rf"{D}\^{D}"), _functions, "placements listed"),
    (re.compile(rf"2\^\({D} - 1\)"), lambda n: _set_partitions(n, 2), "placements into 2 alike boxes listed"),
    (re.compile(rf"\(3\^\({D} - 1\) \+ 1\)/2"), lambda n: _set_partitions(n, 3), "placements into 3 alike boxes listed"),
    (re.compile(rf"floor\({D}/2\) \+ 1"), lambda n: _number_partitions(n, 2), "partitions into 2 parts listed"),
    (re.compile(rf"round\(\({D} \+ 3\)\^2/12\)"), lambda n: _number_partitions(n, 3), "partitions into 3 parts listed"),
    (re.compile(rf"num_digits\({D}, {D}\)"), _digits_in_base, "divided by the base until nothing is left"),
    (re.compile(rf"{D}\*\({D} - 3\)/2"), _diagonals, "vertex pairs that are not sides counted"),
    (re.compile(rf"\({D} - 1\)!"), _circle_seatings, "seatings listed up to rotation"),
    (re.compile(rf"\({D} - 1\)!/2"), _ring_arrangements, "arrangements listed up to turning and flipping"),
    (re.compile(rf"2\^{D}"), _subsets, "subsets counted size by size"),
    (re.compile(rf"{D}!/{D}!"), _ordered_choices, "ordered choices listed"),
    (re.compile(rf"binomial\({D}, 2\)"), _pairs, "pairs listed"),
    (re.compile(rf"binomial\({D}, {D}\)"), _choices, "choices listed"),
    (re.compile(rf"binomial\({D}, {D}\)/2\^{D}"), _exactly_k_heads, "every sequence of flips counted"),
    (re.compile(rf"\(6 - abs\({D} - 7\)\)/36"), _two_dice_sum, "all 36 rolls counted"),
    (re.compile(r"\(((?:\(6 - abs\(\d+ - 7\)\))(?: \+ \(6 - abs\(\d+ - 7\)\))+)\)/36"), _two_dice_totals,
     "all 36 rolls counted"),
    (re.compile(r"\(((?:binomial\((\d+), \d+\))(?: \+ binomial\(\2, \d+\))+)\)/2\^\2"), _heads_among,
     "every sequence of flips counted"),
    (re.compile(r"\((-?\d+(?:\.\d+)?) - \((-?\d+(?:\.\d+)?)\)\)/\((-?\d+(?:\.\d+)?)\) \+ 1"), _list_length,
     "terms of the list walked one by one"),
    (re.compile(rf"floor\({D}\*10\^{D}/{D}\) mod 10"), lambda p, k, q: _digit_after_point(p, q, k),
     "digits found by long division"),
    (re.compile(rf"digit_sum\({D}, {D}\)"), lambda n, b: _digit_sum_in_base(n, b), "digits found by repeated division"),
    (re.compile(rf"\({D} \+ 1\)/2"), _expected_die, "faces summed over their number"),
]
