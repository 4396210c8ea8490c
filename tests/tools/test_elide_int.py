"""elide_int must give exactly the text elide(str(v)) gives, including where the head digits are hard to
decide (a long run of 9s or 0s after them) and where GMP's digit count is one too many."""
import random
import sys

import pytest
from gmpy2 import mpz

from tools.calculator.formatting import _floor_div_pow10, elide, elide_int

if hasattr(sys, "set_int_max_str_digits"):
    sys.set_int_max_str_digits(0)


def _hard_and_random_values():
    rnd = random.Random(2)
    values = []
    for digits in (1_999, 2_000, 2_001, 2_002, 7_000):
        for c in (-2, -1, 0, 1, 2):
            values.append(mpz(10) ** digits + c)
        values.append(mpz(rnd.getrandbits(int(digits * 3.33))))
        values.append(mpz(2) ** int(digits * 3.33) - 1)
    for _ in range(20):
        head = mpz(rnd.randrange(10**979, 10**981))
        shift = mpz(10) ** rnd.randrange(1_000, 3_000)
        values.extend(head * shift + c for c in (-1, 0, 1))
    values.append((mpz(10) ** 5_000 - 7) * (mpz(10) ** 5_000 - 3))
    return values


@pytest.mark.parametrize("limit", [2_000, 3_000])
def test_elide_int_matches_elided_full_text(limit):
    for v in _hard_and_random_values():
        for signed in (v, -v):
            assert elide_int(signed, limit) == elide(str(signed), limit)


def test_floor_div_pow10_is_exact_next_to_integer_boundaries():
    rnd = random.Random(3)
    for _ in range(500):
        k = rnd.randrange(1, 2_000)
        a = mpz(rnd.randrange(1, 10**300)) * mpz(10) ** k + rnd.choice([-1, 0, 1, rnd.randrange(10**k)])
        assert _floor_div_pow10(a, k) == a // mpz(10) ** k
