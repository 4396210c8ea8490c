"""The shared parser: reads what people and models write, refuses the rest with a position and an expectation."""
import time

import pytest

from tools.parsing import BinOp, Call, Name, Num, ParseError, Postfix, Relation, Seq, TooDeepError, parse, to_text


@pytest.mark.parametrize("text, expected", [
    ("2^10", "2**10"), ("2**10", "2**10"), ("3 × 4", "3*4"), ("12 ÷ 4", "12/4"), ("1,234,567", "1234567"),
    ("1_000", "1000"), ("5!", "5!"), ("17%", "17%"), ("3.5e6", "3.5e6"), ("(2+3)(4-1)", "(2 + 3)*(4 - 1)"),
    ("2x", "2*x"), ("sqrt(2)", "sqrt(2)"), ("abs(-3)", "abs(-3)"), ("floor(2.5)", "floor(2.5)"),
    ("ceil(2.5)", "ceil(2.5)"), ("round(2.5)", "round(2.5)"), ("7 mod 3", "7 mod 3"), ("gcd(4, 6)", "gcd(4, 6)"),
    ("lcm(4, 6)", "lcm(4, 6)"), ("binomial(5, 2)", "binomial(5, 2)"), ("factorial(5)", "factorial(5)"),
    ("log(8, 2)", "log(8, 2)"), ("ln(2)", "log(2)"), ("exp(1)", "exp(1)"), ("sin(pi)", "sin(pi)"),
    ("arctan(1)", "atan(1)"), ("e^2", "E**2"), ("2i", "2*I"), ("−5", "-5"), ("√16", "sqrt(16)"), ("x²", "x**2"),
    ("2^3^2", "2**(3**2)"), ("-2^2", "-2**2"), ("2^-1", "2**(-1)"), ("0x1F", "31"), ("0b101", "5"),
    ("sin x", "sin(x)"), ("x^2 sin x", "x**2*sin(x)"), ("sin^2(x)", "sin(x)**2"), ("|x - 1|", "abs(x - 1)"),
    ("17 % 5", "17 mod 5"), ("17% of 200", "17%*200"), ("5!!", "5!!"), (".5", ".5"), ("2 pi", "2*pi"),
    ("1,234.5", "1234.5"), ("3·4", "3*4"), ("10 − 3", "10 - 3"),
])
def test_reads_common_notation(text, expected):
    assert to_text(parse(text)) == expected


def test_precedence_and_associativity_are_conventional():
    tree = parse("1 + 2 * 3 ^ 2")
    assert tree.op == "+" and tree.right.op == "*" and tree.right.right.op == "^"
    left_assoc = parse("8 / 4 / 2")
    assert left_assoc.op == "/" and isinstance(left_assoc.left, BinOp) and left_assoc.right.value == 2
    assert parse("-2^2").__class__.__name__ == "Neg"


def test_commas_inside_calls_separate_arguments():
    call = parse("gcd(12,180)")
    assert isinstance(call, Call) and [a.value for a in call.args] == [12, 180]
    assert parse("1,234,567").value == 1234567


def test_relations_lists_and_matrices():
    assert isinstance(parse("x^2 = 4"), Relation)
    matrix = parse("[[1,2],[3,4]]")
    assert isinstance(matrix, Seq) and all(isinstance(row, Seq) and len(row.items) == 2 for row in matrix.items)
    assert isinstance(parse("x + y = 10, x - y = 2"), Seq)


def test_decimal_literals_keep_exact_values_and_remember_they_were_decimal():
    num = parse("0.1")
    assert isinstance(num, Num) and num.decimal and num.value * 10 == 1


def test_postfix_percent_versus_remainder():
    assert isinstance(parse("50%"), Postfix)
    assert isinstance(parse("50 % 7"), BinOp)


def test_function_names_alone_are_names():
    assert parse("gamma") == Name("gamma")


@pytest.mark.parametrize("text, position", [
    ("2 +", 3), ("(2 + 3", 6), ("2 + 3)", 5), ("2 $ 3", 2), ("", 0), ("sqrt(2", 6), ("2 3", 2),
])
def test_errors_say_where_and_what_was_expected(text, position):
    with pytest.raises(ParseError) as info:
        parse(text)
    assert info.value.position == position
    assert "position" in str(info.value)


def test_error_names_the_expected_token():
    with pytest.raises(ParseError) as info:
        parse("(1 + 2")
    assert "')'" in info.value.expected


HOSTILE = [
    "__import__('os').system('id')", "().__class__.__bases__[0].__subclasses__()", "lambda: 1", "x.y",
    "open('/etc/passwd')", "exec('1')", "2; import os", "`id`", "$(id)", "{1: 2}", "f'{1}'", "a[0]", "1 if 1 else 2",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_code_is_never_run_only_parsed_or_refused(text, tmp_path, monkeypatch):
    # whatever happens, it is a ParseError or an inert tree: nothing in the tree can execute
    try:
        tree = parse(text)
    except ParseError:
        return
    assert tree is not None and "import" not in repr(type(tree))


def test_deep_nesting_is_a_typed_error_not_a_crash():
    start = time.perf_counter()
    with pytest.raises(TooDeepError):
        parse("(" * 40_000 + "1" + ")" * 40_000)
    with pytest.raises(ParseError):  # 10^5 levels exceed the input limit before the depth limit
        parse("(" * 100_000 + "1" + ")" * 100_000)
    with pytest.raises(TooDeepError):
        parse("-" * 5_000 + "1")
    with pytest.raises(TooDeepError):
        parse("2^" * 5_000 + "2")
    assert time.perf_counter() - start < 30  # bounded (a generous guard against pathological slowness)


def test_one_megabyte_of_input_is_refused_up_front():
    with pytest.raises(ParseError) as info:
        parse("1+" * 500_000 + "1")
    assert "limit" in str(info.value)


def test_long_flat_input_within_the_limit_parses():
    tree = parse("+".join(["1"] * 20_000))
    assert isinstance(tree, BinOp)


def test_huge_digit_strings_are_read_exactly():
    import gmpy2

    digits = "7" * 50_000  # beyond CPython's 4,300-digit int() limit
    assert parse(digits).value == int(gmpy2.mpz(digits))
