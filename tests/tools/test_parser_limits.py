"""Input limits that never crash: flat sums and products of any length evaluate, deep nesting is a typed
error, and no RecursionError is reachable from text through any tool. A line break is never a product."""
import pickle

import pytest

import tools
from tools.parsing import ParseError, TooDeepError, parse, to_text
from tools.parsing.walk import flatten, unflatten
from tools.symbolic.protocol import Request

TERMS = [1_001, 5_000]


@pytest.mark.parametrize("n", TERMS)
def test_flat_sum_parses_prints_and_round_trips(n):
    text = "+".join(["1"] * n)
    tree = parse(text)
    assert to_text(tree) == " + ".join(["1"] * n)
    # dataclass == recurses, so trees this deep are compared through their flat records
    assert flatten(unflatten(flatten(tree))) == flatten(parse(text.replace("+", " + ")))


@pytest.mark.parametrize("n", TERMS)
@pytest.mark.parametrize("tool, text, want", [
    ("calculator", "{}", lambda n: str(n)),
    ("calculator", "({})*2-({})", lambda n: str(n)),
    ("bigint", "factor({})", lambda n: None),
])
def test_long_sums_evaluate_in_number_tools(n, tool, text, want):
    ones = "+".join(["1"] * n)
    result = tools.run(tool, text.format(ones, ones))
    assert result.ok, result.output
    if want(n) is not None:
        assert result.output.split(" ")[0] == want(n)


@pytest.mark.parametrize("n", TERMS)
def test_long_products_and_alternating_sums(n):
    product = tools.run("calculator", "*".join(["1"] * n) + "*2")
    assert product.ok and product.output == "2"
    alternating = tools.run("calculator", "".join("+1" if k % 2 else "-1" for k in range(n)))
    assert alternating.ok and alternating.output == str(sum(1 if k % 2 else -1 for k in range(n)))
    divided = tools.run("calculator", "1" + "/1" * n)
    assert divided.ok and divided.output == "1"


@pytest.mark.parametrize("n", TERMS)
def test_long_sums_in_symbolic_and_rewrite(n):
    xs = "+".join(["x"] * n)
    sym = tools.run("symbolic", f"simplify({xs})", timeout=30)
    assert sym.ok and sym.output == f"{n}*x", sym.output
    rw = tools.run("rewrite", xs, timeout=30)
    assert rw.ok, rw.output
    diff = tools.run("symbolic", f"diff({'*'.join(['x'] * n)}, x)", timeout=30)
    assert diff.ok and diff.output == f"{n}*x**{n - 1}", diff.output[:80]


def test_deep_tree_crosses_the_worker_pipe():
    tree = parse("+".join(["x"] * 5_000))
    again = pickle.loads(pickle.dumps(Request(tree, 1.0)))
    assert flatten(again.tree) == flatten(tree) and again.budget == 1.0


@pytest.mark.parametrize("text", ["(" * 150 + "1" + ")" * 150, "-" * 300 + "1", "2^" * 300 + "2",
                                  "sqrt(" * 150 + "4" + ")" * 150, "[" * 150 + "1" + "]" * 150])
@pytest.mark.parametrize("tool", ["calculator", "bigint", "symbolic", "rewrite"])
def test_deep_nesting_is_the_typed_too_deep_error(text, tool):
    with pytest.raises(TooDeepError):
        parse(text)
    result = tools.run(tool, text)
    assert not result.ok and result.error.type == "too_deep", result.output


@pytest.mark.parametrize("text", ["2^10\n3*7", "2\n3", "x\ny", "(1+2)\n(3+4)", "sin x\ncos x", "5\r\n7", "2^10\n\n3*7"])
def test_a_line_break_is_never_implicit_multiplication(text):
    with pytest.raises(ParseError) as info:
        parse(text)
    assert "line" in str(info.value) or "two numbers" in str(info.value)
    for tool in ("calculator", "symbolic"):
        assert not tools.run(tool, text).ok


@pytest.mark.parametrize("text, value", [("2^10 +\n3", "1027"), ("(1 +\n2)", "3"), ("2 *\n3", "6")])
def test_a_line_break_inside_an_operation_is_only_space(text, value):
    result = tools.run("calculator", text)
    assert result.ok and result.output == value
