"""The Calc-X calculator: exact results, Calc-X output forms, typed errors, no SymPy."""
import subprocess
import sys

import pytest

import tools
from tools.calculator import calculate


def out(text: str) -> str:
    return tools.run("calculator", text).output


@pytest.mark.parametrize("text, expected", [
    ("98 * 76", "7448"), ("10/4", "5/2 = around 2.5"), ("2^100", "1267650600228229401496703205376"),
    ("2**10", "1024"), ("3 × 4", "12"), ("12 ÷ 4", "3"), ("1,234,567 + 1", "1234568"), ("1_000 * 3", "3000"),
    ("5!", "120"), ("17% * 200", "34"), ("3.5e6 * 2", "7000000"), ("(2+3)(4-1)", "15"), ("sqrt(16)", "4"),
    ("abs(-7)", "7"), ("floor(7/2)", "3"), ("ceil(7/2)", "4"), ("round(5/2)", "3"), ("round(-5/2)", "-3"),
    ("17 mod 5", "2"), ("-7 mod 3", "2"), ("gcd(12, 18)", "6"), ("lcm(4, 6, 10)", "60"),
    ("binomial(10, 3)", "120"), ("factorial(6)", "720"), ("log(8, 2)", "3"), ("log10(1000)", "3"),
    ("exp(0)", "1"), ("sin(0)", "0"), ("cos(0)", "1"), ("0.1 + 0.2", "0.3"), ("2.5 * 4", "10"),
    ("1/3 + 1/6", "1/2 = around 0.5"), ("2^-3", "1/8 = around 0.125"), ("8^(2/3)", "4"), ("(4/9)^(1/2)", "2/3 = around 0.666667"),
    ("(1+2i)*(3-4i)", "11 + 2*I"), ("i^2", "-1"), ("sqrt(-4)", "2*I"), ("cbrt(-27)", "-3"), ("2^61 - 1 > 10^18", "True"),
    ("sqrt(2)", "sqrt(2) = around 1.414214"), ("2^0.5", "1.414214"), ("pi", "pi = around 3.141593"),
    ("e", "E = around 2.718282"), ("ln(e)", "log(E) = around 1"), ("1e-9 * 3", "3e-9"), ("0.000001", "1e-6"),
    ("N(pi, 30)", "3.14159265358979323846264338328"), ("decimals(1/7, 10)", "0.1428571429"),
    ("fraction(0.125)", "1/8"), ("5!!", "15"), ("0xff + 1", "256"),
])
def test_calcx_outputs(text, expected):
    assert out(text) == expected


@pytest.mark.parametrize("text, error_type", [
    ("1/0", "math"), ("x + 1", "unknown_name"), ("2 +", "parse"), ("factorial(-1)", "domain"),
    ("factorial(2.5)", "domain"), ("log(0)", "math"), ("10^10^10", "too_large"), ("factorial(10^10)", "too_large"),
    ("9^9^9^9", "too_large"), ("__import__('os').system('id')", "parse"), ("(" * 40_000 + "1" + ")" * 40_000, "too_deep"),
    ("1+" * 500_000 + "1", "too_large"), ("N(pi, 10^9)", "too_large"), ("[1, 2]", "unsupported"),
    ("gcd()", "arity"), ("sqrt(1, 2)", "arity"), ("0^-1", "math"), ("5 > 2i", "domain"),
    # found by fuzzing: sizes whose logarithms overflow floats
    ("9!!!!!", "too_large"), ("binomial(10^30, 10^20)", "too_large"), ("10^10^10!!!!!", "too_large"),
])
def test_bad_input_is_a_typed_error(text, error_type):
    result = tools.run("calculator", text)
    assert not result.ok
    assert result.error.type == error_type
    assert result.output.startswith("ERROR: ")


def test_size_limit_message_states_the_limit():
    assert "limit is 10,000,000 digits" in out("10^10^10")


def test_huge_but_allowed_results_are_exact_and_elided_in_text():
    result = tools.run("calculator", "2^100000")
    assert result.ok and result.value == 2**100000
    assert "digits omitted" in result.output and len(result.output) < 2_100


def test_decimal_inputs_compute_exactly_then_print_as_decimals():
    calc = calculate("0.1 * 3")
    assert calc.output == "0.3" and calc.value * 10 == 3


def test_fixed_digits_are_correctly_rounded():
    assert out("decimals(2/3, 5)") == "0.66667"
    assert out("N(2/3, 3)") == "0.667"
    assert out("N(sqrt(2), 20)") == "1.4142135623730950488"


def test_plain_arithmetic_does_not_import_sympy():
    code = ("import sys, tools; r = tools.run('calculator', '2^100 + 17% * 3 - sqrt(2)'); "
            "assert r.ok, r.output; print('sympy' in sys.modules, 'llama_cpp' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "False"]
