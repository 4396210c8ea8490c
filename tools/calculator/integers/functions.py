"""Integer functions on GMP (gmpy2) and FLINT (python-flint), each with a size guard stated up front."""
from __future__ import annotations

import math
from typing import Callable

import gmpy2
from gmpy2 import mpz

from ...base import ToolFailure
from ..functions import want_int
from ..limits import check_bits, short
from . import flint_threads
from .factoring import factorize
from .results import Factorization, IntList, Primality, Text

PROVE_PRIME_DIGITS = 300  # above this a BPSW probable-prime answer is given and labelled as such
MAX_NTH_PRIME = 10**9
MAX_PRIME_PI = 10**12
MAX_DIVISORS = 100_000
MAX_BASE_DIGITS = 1_000_000


def _int(v, name: str, what: str = "an integer") -> int:
    return want_int(v, name, what)


def _nonneg(v, name: str) -> int:
    n = _int(v, name, "a non-negative integer")
    if n < 0:
        raise ToolFailure("domain", f"{name} needs a non-negative integer, got {n}")
    return n


def is_prime(n) -> Primality:
    n = _int(n, "is_prime")
    if n < 2:
        return Primality(False, True)
    if gmpy2.num_digits(n) <= PROVE_PRIME_DIGITS:
        return Primality(flint_threads.is_prime(n), True)
    return Primality(flint_threads.is_probable_prime(n), False)


def next_prime(n) -> mpz:
    return gmpy2.next_prime(_int(n, "next_prime"))


def prev_prime(n) -> mpz:
    n = _int(n, "prev_prime")
    if n <= 2:
        raise ToolFailure("domain", "there is no prime below 2")
    return gmpy2.prev_prime(n)


def nth_prime(n) -> mpz:
    n = _int(n, "nth_prime", "a positive integer")
    if not 1 <= n <= MAX_NTH_PRIME:
        raise ToolFailure("domain", f"nth_prime needs 1 <= n <= {MAX_NTH_PRIME:,}")
    from sympy import prime  # SymPy's sieve and prime counting are the right tool here

    return mpz(int(prime(n)))


def prime_pi(x) -> mpz:
    x = _int(x, "prime_pi")
    if x > MAX_PRIME_PI:
        raise ToolFailure("too_large", f"prime_pi is limited to x <= {MAX_PRIME_PI:,}")
    if x < 2:
        return mpz(0)
    from sympy import primepi

    return mpz(int(primepi(x)))


def factor(n) -> Factorization:
    return factorize(_int(n, "factor"))


def prime_factors(n) -> IntList:
    """The distinct primes dividing n, ascending: prime_factors(360) = [2, 3, 5]."""
    n = abs(_int(n, "prime_factors"))
    if n == 0:
        raise ToolFailure("domain", "every prime divides 0")
    return IntList(tuple(p for p, _ in _complete_factors(n, "prime_factors").factors))


def _complete_factors(n: int, name: str) -> Factorization:
    fac = factorize(n)
    if not fac.complete:
        raise ToolFailure("timeout", f"{name} needs the factorization of {n}, which did not finish in time")
    return fac


def totient(n) -> mpz:
    n = _int(n, "totient", "a positive integer")
    if n < 1:
        raise ToolFailure("domain", "totient needs a positive integer")
    result = mpz(n)
    for p, _ in _complete_factors(n, "totient").factors:
        result = result // p * (p - 1)
    return result


def divisors(n) -> IntList:
    n = abs(_int(n, "divisors"))
    if n == 0:
        raise ToolFailure("domain", "0 has infinitely many divisors")
    fac = _complete_factors(n, "divisors")
    count = math.prod(e + 1 for _, e in fac.factors)
    if count > MAX_DIVISORS:
        raise ToolFailure("too_large", f"{n} has {count:,} divisors; listing is limited to {MAX_DIVISORS:,}")
    divs = [1]
    for p, e in fac.factors:
        divs = [d * p**k for d in divs for k in range(e + 1)]
    return IntList(tuple(sorted(divs)))


def num_divisors(n) -> mpz:
    n = abs(_int(n, "num_divisors"))
    if n == 0:
        raise ToolFailure("domain", "0 has infinitely many divisors")
    return mpz(math.prod(e + 1 for _, e in _complete_factors(n, "num_divisors").factors))


def sigma(n, k=mpz(1)) -> mpz:
    n, k = abs(_int(n, "sigma")), _nonneg(k, "sigma")
    if n == 0:
        raise ToolFailure("domain", "sigma(0) is undefined")
    result = mpz(1)
    for p, e in _complete_factors(n, "sigma").factors:
        result *= sum(mpz(p) ** (k * i) for i in range(e + 1))
    return result


def powmod(a, b, m) -> mpz:
    a, b, m = _int(a, "powmod"), _int(b, "powmod"), _int(m, "powmod", "a non-zero modulus")
    if m == 0:
        raise ToolFailure("math", "modulus must not be zero")
    if b < 0:
        a = invmod(a, m)
        b = -b
    return gmpy2.powmod(a, b, m)


def invmod(a, m) -> mpz:
    a, m = _int(a, "invmod"), _int(m, "invmod", "a modulus greater than 1")
    if abs(m) < 2:
        raise ToolFailure("domain", "invmod needs a modulus greater than 1")
    if gmpy2.gcd(a, m) != 1:
        raise ToolFailure("math", f"{a} has no inverse modulo {m}: gcd({a}, {m}) = {gmpy2.gcd(a, m)}")
    return gmpy2.invert(a, m)


def fibonacci(n) -> mpz:
    n = _int(n, "fibonacci")
    check_bits(f"fibonacci({short(n)})", abs(n) * 0.695)
    if n < 0:  # F(-n) = (-1)^(n+1) F(n)
        return gmpy2.fib(-n) * (1 if n % 2 else -1)
    return gmpy2.fib(n)


def lucas(n) -> mpz:
    n = _nonneg(n, "lucas")
    check_bits(f"lucas({short(n)})", n * 0.695)
    return gmpy2.lucas(n)


def num_digits(n, base=mpz(10)) -> mpz:
    n, base = abs(_int(n, "digits")), _int(base, "digits", "a base from 2 to 62")
    if not 2 <= base <= 62:
        raise ToolFailure("domain", "base must be from 2 to 62")
    if n == 0:
        return mpz(1)
    count = gmpy2.num_digits(n, base)  # may overestimate by one
    return mpz(count - 1) if mpz(base) ** (count - 1) > n else mpz(count)


def digit_sum(n, base=mpz(10)) -> mpz:
    n, base = abs(_int(n, "digit_sum")), _int(base, "digit_sum", "a base from 2 to 62")
    if not 2 <= base <= 62:
        raise ToolFailure("domain", "base must be from 2 to 62")
    text = gmpy2.digits(n, base)
    return mpz(sum(int(ch, 36) if base <= 36 else _digit62(ch) for ch in text))


def _digit62(ch: str) -> int:
    if ch.isdigit():
        return int(ch)
    return ord(ch) - ord("A") + 10 if ch.isupper() else ord(ch) - ord("a") + 36


def isqrt(n) -> mpz:
    n = _nonneg(n, "isqrt")
    return gmpy2.isqrt(n)


def iroot(n, k) -> mpz:
    n, k = _int(n, "iroot"), _int(k, "iroot", "a positive degree")
    if k < 1:
        raise ToolFailure("domain", "iroot needs a positive degree")
    if n < 0:
        if k % 2 == 0:
            raise ToolFailure("domain", "an even root of a negative number is not an integer")
        return -gmpy2.iroot(-n, k)[0]
    return gmpy2.iroot(n, k)[0]


def to_base(n, base) -> Text:
    n, base = _int(n, "to_base"), _int(base, "to_base", "a base from 2 to 62")
    if not 2 <= base <= 62:
        raise ToolFailure("domain", "base must be from 2 to 62")
    if gmpy2.num_digits(n, base) > MAX_BASE_DIGITS:
        raise ToolFailure("too_large", f"to_base output is limited to {MAX_BASE_DIGITS:,} digits")
    return Text(gmpy2.digits(n, base))


def clock_time(minutes) -> Text:
    """Minutes after midnight on a 12-hour clock, a day wrapping round: clock_time(0) = 12:00 AM,
    clock_time(1439) = 11:59 PM, clock_time(-1) = 11:59 PM."""
    minutes = _int(minutes, "clock_time") % 1440
    hour, minute = divmod(minutes, 60)
    return Text(f"{(hour - 1) % 12 + 1}:{minute:02d} {'AM' if hour < 12 else 'PM'}")


def is_square(n) -> Primality:
    n = _int(n, "is_square")
    return Primality(n >= 0 and bool(gmpy2.is_square(n)), True)


def jacobi(a, n) -> mpz:
    a, n = _int(a, "jacobi"), _int(n, "jacobi", "an odd positive integer")
    if n <= 0 or n % 2 == 0:
        raise ToolFailure("domain", "jacobi needs an odd positive modulus")
    return mpz(gmpy2.jacobi(a, n))


def legendre(a, p) -> mpz:
    a, p = _int(a, "legendre"), _int(p, "legendre", "an odd prime")
    if p < 3 or not gmpy2.is_prime(p):
        raise ToolFailure("domain", "legendre needs an odd prime modulus")
    return mpz(gmpy2.legendre(a, p))


def catalan(n) -> mpz:
    n = _nonneg(n, "catalan")
    check_bits(f"catalan({short(n)})", 2 * n)
    return gmpy2.comb(2 * n, n) // (n + 1)


def crt(*args) -> mpz:
    """crt(r1, m1, r2, m2, ...): the smallest x >= 0 with x = r_i mod m_i (moduli need not be coprime)."""
    if len(args) < 2 or len(args) % 2:
        raise ToolFailure("arity", "crt takes pairs: crt(r1, m1, r2, m2, ...)")
    x, m = mpz(0), mpz(1)
    for r_val, m_val in zip(args[::2], args[1::2]):
        r, mi = _int(r_val, "crt"), _int(m_val, "crt", "a positive modulus")
        if mi < 1:
            raise ToolFailure("domain", "crt moduli must be positive")
        g = gmpy2.gcd(m, mi)
        if (r - x) % g:
            raise ToolFailure("math", "the congruences have no common solution")
        step = ((r - x) // g * gmpy2.invert(m // g, mi // g)) % (mi // g) if mi // g > 1 else 0
        x, m = x + m * step, m * mi // g
        x %= m
    return x


INTEGER_FUNCTIONS: dict[str, Callable] = {
    "is_prime": is_prime, "isprime": is_prime, "next_prime": next_prime, "nextprime": next_prime,
    "prev_prime": prev_prime, "prevprime": prev_prime, "nth_prime": nth_prime, "prime": nth_prime,
    "prime_pi": prime_pi, "primepi": prime_pi, "factor": factor, "factorint": factor,
    "prime_factors": prime_factors, "totient": totient, "phi": totient, "divisors": divisors, "num_divisors": num_divisors, "sigma": sigma,
    "powmod": powmod, "invmod": invmod, "fibonacci": fibonacci, "fib": fibonacci, "lucas": lucas,
    "digits": num_digits, "num_digits": num_digits, "digit_sum": digit_sum, "digitsum": digit_sum,
    "isqrt": isqrt, "iroot": iroot, "to_base": to_base, "is_square": is_square, "jacobi": jacobi,
    "legendre": legendre, "catalan": catalan, "crt": crt, "clock_time": clock_time,
}
