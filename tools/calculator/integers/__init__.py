"""The calculator's integer functions on GMP/FLINT: primes, factoring, modular arithmetic, digits.

The calculator evaluates them like any other function (on first use, so plain arithmetic does not load
FLINT); the registry's `bigint` entry is the calculator under the name the planner knows for them."""
