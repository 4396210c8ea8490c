"""Function names the parser knows, with their aliases. Engines decide what each one means."""
from __future__ import annotations

# alias -> canonical name
ALIASES: dict[str, str] = {
    "ln": "log", "arcsin": "asin", "arccos": "acos", "arctan": "atan",
    "arcsinh": "asinh", "arccosh": "acosh", "arctanh": "atanh",
    "arcsec": "asec", "arccsc": "acsc", "arccot": "acot",
    "choose": "binomial", "nCr": "binomial", "comb": "binomial",
    "fact": "factorial", "absolute": "abs", "modulo": "mod",
    "ceiling": "ceil", "sgn": "sign", "tg": "tan", "cbrt": "cbrt",
    "sqroot": "sqrt", "max": "max", "min": "min", "primefactors": "prime_factors",
}

# canonical names; the calculator implements most of these, the symbolic engine more
FUNCTIONS: frozenset[str] = frozenset({
    "sqrt", "cbrt", "root", "abs", "floor", "ceil", "round", "trunc", "sign", "mod", "gcd", "lcm",
    "binomial", "factorial", "log", "log10", "log2", "exp",
    "sin", "cos", "tan", "sec", "csc", "cot", "asin", "acos", "atan", "atan2", "asec", "acsc", "acot",
    "sinh", "cosh", "tanh", "sech", "csch", "coth", "asinh", "acosh", "atanh",
    "max", "min", "re", "im", "conj", "arg",
    # integer functions (the bigint engine)
    "is_prime", "isprime", "next_prime", "nextprime", "prev_prime", "prevprime", "nth_prime", "prime",
    "factor", "factorint", "powmod", "invmod", "totient", "phi", "fibonacci", "fib", "lucas",
    "digits", "num_digits", "digit_sum", "digitsum", "isqrt", "iroot", "to_base", "from_base",
    "divisors", "num_divisors", "sigma", "is_square", "primepi", "prime_pi", "jacobi", "legendre",
    "crt", "catalan", "double_factorial", "decimals", "fraction", "prime_factors", "clock_time",
    "mean", "median", "mode", "pvariance", "variance",
    # symbolic operations (the symbolic engine)
    "simplify", "expand", "factor_expr", "cancel", "apart", "together", "trigsimp", "collect",
    "solve", "roots", "diff", "integrate", "limit", "series", "summation", "sum", "product",
    "dsolve", "det", "inverse", "inv", "rank", "rref", "eigenvals", "eigenvects", "transpose",
    "subs", "N", "evalf", "Matrix", "nsolve", "gamma", "erf", "zeta", "Abs",
    "Derivative", "Integral", "Sum", "Product", "Limit",
    # letter operations (every letter a variable) and exact ordering of numbers (tools/symbolic/*_ops.py)
    "solve_for", "expand_letters", "factor_letters", "coefficient_of", "diff_letters", "diff_at", "power_simplify",
    "next_term", "nth_term", "term_at",
    "kth_largest", "kth_smallest", "nearest_to", "sort_ascending", "sort_descending", "truth_of", "compare_numbers",
})


def canonical(name: str) -> str | None:
    """The canonical function name for `name`, or None if it is not a known function."""
    name = ALIASES.get(name, name)
    return name if name in FUNCTIONS else None
