"""The bigint gadget on GMP/FLINT: results checked against SymPy's number theory and plain Python."""
import math

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

import tools
from tools.calculator.integers.factoring import factorize


def run(text: str, timeout: float = 10.0):
    result = tools.run("bigint", text, timeout=timeout)
    assert result.ok, result.output
    return result


@pytest.mark.parametrize("text, expected", [
    ("is_prime(2^61 - 1)", "True"), ("is_prime(2^61 + 1)", "False"), ("is_prime(1)", "False"),
    ("next_prime(100)", "101"), ("prev_prime(100)", "97"), ("nth_prime(100)", "541"), ("nth_prime(1)", "2"),
    ("prime_pi(100)", "25"), ("factor(600851475143)", "71 * 839 * 1471 * 6857"), ("factor(2^10)", "2^10"),
    ("factor(-12)", "-2^2 * 3"), ("factor(1)", "1"), ("gcd(123456789012, 987654321098)", "2"),
    ("lcm(12, 18, 30)", "180"), ("powmod(2, 1000, 13)", "3"), ("powmod(3, -1, 7)", "5"),
    ("invmod(17, 3120)", "2753"), ("totient(1000)", "400"), ("binomial(50, 25)", "126410606437752"),
    ("factorial(20)", "2432902008176640000"), ("fibonacci(100)", "354224848179261915075"), ("fibonacci(-8)", "-21"),
    ("lucas(10)", "123"), ("digits(2^1000)", "302"), ("digits(0)", "1"), ("digits(10^5)", "6"),
    ("digit_sum(2^1000)", "1366"), ("isqrt(10^20 + 1)", "10000000000"), ("iroot(-27, 3)", "-3"),
    ("to_base(255, 16)", "ff"), ("to_base(-10, 2)", "-1010"), ("divisors(28)", "[1, 2, 4, 7, 14, 28]"),
    ("num_divisors(720)", "30"), ("sigma(28)", "56"), ("is_square(144)", "True"), ("jacobi(2, 15)", "1"),
    ("legendre(3, 7)", "-1"), ("catalan(10)", "16796"), ("crt(2, 3, 3, 5, 2, 7)", "23"),
])
def test_integer_functions(text, expected):
    assert run(text).output == expected


@pytest.mark.parametrize("text, error_type", [
    ("invmod(6, 9)", "math"), ("nth_prime(0)", "domain"), ("prev_prime(2)", "domain"), ("totient(0)", "domain"),
    ("to_base(10, 99)", "domain"), ("factorial(10^10)", "too_large"), ("fibonacci(10^10)", "too_large"),
    ("nth_prime(10^12)", "domain"), ("divisors(0)", "domain"), ("is_prime(1/2)", "domain"), ("crt(1, 2, 3)", "arity"),
    ("crt(0, 2, 1, 4)", "math"), ("powmod()", "arity"), ("factor(1, 2)", "arity"),  # arity: found by fuzzing
])
def test_integer_errors_are_typed(text, error_type):
    result = tools.run("bigint", text)
    assert not result.ok and result.error.type == error_type, result.output


def test_semiprime_of_sixty_digits_is_factored_completely():
    import gmpy2

    p, q = gmpy2.next_prime(10**29 + 12345), gmpy2.next_prime(10**30 + 67890)
    fac = run(f"factor({p * q})", timeout=120).value
    assert fac.complete and fac.factors == tuple(sorted(((int(p), 1), (int(q), 1))))


def test_factoring_out_of_time_reports_a_partial_factorization():
    import gmpy2

    # small factors come out at once; the 80-digit semiprime cofactor cannot be split in 0.5 s
    p, q = gmpy2.next_prime(10**39), gmpy2.next_prime(3 * 10**40)
    result = run(f"factor(2^5 * 3 * {p * q})", timeout=0.5)
    fac = result.value
    assert not fac.complete and fac.cofactor == p * q
    assert dict(fac.factors) == {2: 5, 3: 1}
    assert "partial" in result.output


def test_the_tool_answers_after_a_killed_factoring_child():
    assert run("factor(2^67 - 1)").output == "193707721 * 761838257287"


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=2, max_value=10**24))
def test_factorization_matches_sympy(n):
    fac = factorize(n)
    assert fac.complete and dict(fac.factors) == sympy.factorint(n)


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=0, max_value=10**30))
def test_primality_and_neighbours_match_sympy(n):
    assert (run(f"is_prime({n})").output == "True") == sympy.isprime(n)
    assert int(run(f"next_prime({n})").value) == sympy.nextprime(n)


@settings(max_examples=150, deadline=None)
@given(st.integers(-10**40, 10**40), st.integers(0, 10**6), st.integers(2, 10**20))
def test_modular_arithmetic_matches_python(a, b, m):
    assert int(run(f"powmod({a}, {b}, {m})").value) == pow(a, b, m)
    if math.gcd(a, m) == 1:
        assert int(run(f"invmod({a}, {m})").value) == pow(a, -1, m)


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 10**12))
def test_totient_and_divisor_functions_match_sympy(n):
    assert int(run(f"totient({n})").value) == sympy.totient(n)
    assert int(run(f"num_divisors({n})").value) == sympy.divisor_count(n)


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 10**50), st.integers(2, 36))
def test_digits_and_bases_match_python(n, base):
    assert int(run(f"digits({n})").value) == len(str(n))
    assert int(run(f"digit_sum({n})").value) == sum(map(int, str(n)))
    assert int(run(f"to_base({n}, {base})").output, base) == n


def test_a_number_beyond_the_inline_size_is_factored_completely_in_the_child():
    import gmpy2

    prime = int(gmpy2.next_prime(2**3000))  # 3,001 bits: the smooth search itself runs in the child
    fac = run(f"factor(2^5 * 7 * {prime})", timeout=60).value
    assert fac.complete and fac.factors == ((2, 5), (7, 1), (prime, 1))


def test_a_large_number_out_of_time_keeps_the_small_factors_the_child_found():
    import gmpy2

    p, q = int(gmpy2.next_prime(2**1100)), int(gmpy2.next_prime(2**1101))  # a 2,203-bit hard cofactor
    fac = run(f"factor(3^4 * 11 * {p * q})", timeout=3).value
    assert not fac.complete and fac.factors == ((3, 4), (11, 1)) and fac.cofactor == p * q
