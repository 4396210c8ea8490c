"""Exact complex numbers with rational parts: (1+2i)*(3-4i) = 11+2i, with no floats involved.

gmpy2's mpc is floating point, so exact Gaussian rationals need this small type of their own.
"""
from __future__ import annotations

from dataclasses import dataclass

import gmpy2
from gmpy2 import mpq


@dataclass(frozen=True, slots=True)
class Gaussian:
    re: "mpq"
    im: "mpq"

    @classmethod
    def of(cls, value) -> "Gaussian":
        if isinstance(value, Gaussian):
            return value
        return cls(mpq(value), mpq(0))

    def simplify(self):
        """A Gaussian with no imaginary part is just its rational real part."""
        if self.im == 0:
            return _rational(self.re)
        return self

    def __add__(self, other: "Gaussian") -> "Gaussian":
        return Gaussian(self.re + other.re, self.im + other.im)

    def __sub__(self, other: "Gaussian") -> "Gaussian":
        return Gaussian(self.re - other.re, self.im - other.im)

    def __mul__(self, other: "Gaussian") -> "Gaussian":
        return Gaussian(self.re * other.re - self.im * other.im, self.re * other.im + self.im * other.re)

    def __truediv__(self, other: "Gaussian") -> "Gaussian":
        norm = other.re * other.re + other.im * other.im
        if norm == 0:
            raise ZeroDivisionError("division by zero")
        num = self * Gaussian(other.re, -other.im)
        return Gaussian(num.re / norm, num.im / norm)

    def __neg__(self) -> "Gaussian":
        return Gaussian(-self.re, -self.im)

    def power(self, n: int) -> "Gaussian":
        if n < 0:
            return Gaussian(mpq(1), mpq(0)) / self.power(-n)
        result, base = Gaussian(mpq(1), mpq(0)), self
        while n:
            if n & 1:
                result = result * base
            base = base * base
            n >>= 1
        return result

    def to_mpc(self):
        return gmpy2.mpc(gmpy2.mpfr(self.re), gmpy2.mpfr(self.im))


def _rational(q):
    return q.numerator if q.denominator == 1 else q
