"""The old import path of tools.calculator.integers.flint_threads (assistant/direct/checks.py uses it)."""
from ..calculator.integers.flint_threads import PREFIX, call, factor, is_prime, is_probable_prime  # noqa: F401
