"""Inputs the fuzz campaign (bench/fuzz/) found crashing or over budget, each pinned to its typed answer."""
from __future__ import annotations

import time

import pytest

import tools
from assistant import Assistant
from assistant.evaluation.readers import UnknownFormat, read_dataset, read_svamp, read_bigbench, read_gsm8k
from tools.parsing.latex import LatexError, parse_latex


# -- LaTeX: nesting that never passed through the depth check hit Python's recursion limit ------------------

@pytest.mark.parametrize("latex", [
    "\\sqrt" * 2000 + "x",  # \sqrt\sqrt...: command -> group -> command, no sequence() in between
    "\\frac" * 1000,
    "\\int_0^{" * 300 + "1" + "} x dx" * 300,  # an integrand's translator used to start again at depth 0
])
def test_deep_latex_is_refused_with_a_latex_error(latex):
    with pytest.raises(LatexError, match="nested too deeply"):
        parse_latex(latex)


def test_latex_within_the_depth_limit_still_reads():
    assert parse_latex("\\sqrt" * 20 + "{2}") is not None


def test_deep_latex_through_the_router_is_not_understood():
    answer = Assistant(use_planner=False).ask("\\sqrt" * 2000 + "x")
    assert answer.error is not None and answer.error.type == "not_understood"


# -- symbolic: x mod 0 raised ZeroDivisionError inside the worker (an "internal" error) ------------------

@pytest.mark.parametrize("text, message", [
    ("solve(x^2-5x+6%0)", "modulo by zero"),
    ("mod(x, 0)", "modulo by zero"),
    ("x mod (y - y)", "modulo by zero"),
    ("subs(x mod y, y=0)", "division by zero"),  # the zero appears only inside SymPy
])
def test_modulo_by_zero_is_a_domain_error(text, message):
    result = tools.run("symbolic", text, timeout=5.0)
    assert not result.ok and result.error.type == "domain" and message in result.error.message


def test_float_power_past_mpmath_is_too_large():
    question = "2.^10^10^101.^1.^1z0%%"  # the fuzzer's input: OverflowError in mpmath's mpf_pow, inside SymPy
    answer = Assistant(use_planner=False, tool_timeout=5.0).ask(question)
    assert answer.route == "direct" and answer.steps[0].tool == "symbolic"
    assert answer.error is not None and answer.error.type == "too_large"
    result = tools.run("symbolic", "2.0^(10^(10^101.))", timeout=5.0)
    assert result.error.type == "too_large" and "too large to represent" in result.error.message


def test_float_powers_still_compute():
    assert tools.run("symbolic", "1.5^200", timeout=5.0).output.startswith("1.65291991078821e+35")


@pytest.mark.parametrize("text, kind", [
    ("simplify(9*I!!!!!*f9**9)", "domain"),  # the fuzzer's '9i!!!!!f9^9': KeyError inside SymPy's Piecewise
    ("pi!!", "domain"),
    ("(1/2)!!", "domain"),
    ("(10^9)!!", "too_large"),  # was computed until the timeout
])
def test_double_factorial_of_a_non_integer_number_is_refused(text, kind):
    result = tools.run("symbolic", text, timeout=5.0)
    assert not result.ok and result.error.type == kind


@pytest.mark.parametrize("text, output", [("7!!", "105"), ("(-3)!!", "-1"), ("x!!", "factorial2(x)")])
def test_double_factorial_still_computes(text, output):
    assert tools.run("symbolic", text, timeout=5.0).output == output


@pytest.mark.parametrize("text", ["diff(0.51 factorial(), x)", "factorial(1, 2)", "binomial(5)"])
def test_factorial_and_binomial_with_the_wrong_arity_are_arity_errors(text):
    result = tools.run("symbolic", text, timeout=5.0)  # the fuzzer's 'derivative of 0.51factorial()': IndexError
    assert not result.ok and result.error.type == "arity"


@pytest.mark.parametrize("question, kind, message", [
    # the fuzzer's: an error message formatted a Float with a 10^31-digit exponent through decimal (InvalidOperation)
    ("integral of 0.510^10^100.50.50.510^10^10,10^10^100.5 from 0 to 1", "arity", "is not a variable"),
    ("solve x^x!!!!!!y''<10^10^1010^10^10%", "domain", "not an inequality"),  # AssertionError inside dsolve
    ("solve y' = y' + 1", "domain", "no derivative found"),  # IndexError inside dsolve's classifier
    ("solve 1/(y''-1) = 0", "domain", "only in a denominator"),  # the same IndexError, from a later run
])
def test_symbolic_route_inputs_found_by_fuzzing(question, kind, message):
    answer = Assistant(use_planner=False, tool_timeout=5.0).ask(question)
    assert answer.steps[0].tool == "symbolic"
    assert answer.error is not None and answer.error.type == kind and message in answer.error.message


@pytest.mark.parametrize("text, message", [
    ("factorial(10^5000)", "factorial(an integer of about 5,000 digits) is too large"),
    ("x^(10^5000)", "exponent an integer of about 5,000 digits is too large"),
    ("series(x, x, 0, 10^5000)", "got an integer of about 5,000 digits"),
])
def test_error_messages_never_print_huge_integers(text, message):
    result = tools.run("symbolic", text, timeout=5.0)  # was "ValueError: Exceeds the limit (4300 digits) ..."
    assert result.error.type in ("too_large", "arity") and message in result.error.message


def test_modulo_still_computes():
    assert tools.run("symbolic", "17 mod 5", timeout=5.0).output == "2"


def test_router_question_with_modulo_by_zero():
    answer = Assistant(use_planner=False, tool_timeout=5.0).ask("solve x^2-5x+6%0")
    assert answer.error is not None and answer.error.type == "domain"


# -- benchmark readers: json.loads raises RecursionError and ValueError, not only JSONDecodeError ----------

def test_deeply_nested_json_line_is_skipped(tmp_path):
    path = tmp_path / "fuzz.jsonl"
    path.write_text('{"question": "1+1?", "answer": "#### 2"}\n' + "[" * 100_000 + "\n")
    data = read_gsm8k(path)
    assert [i.gold for i in data.items] == ["2"]
    assert data.skipped[0].reason == "malformed JSON: nested too deeply"


def test_deeply_nested_json_file_is_skipped(tmp_path):
    path = tmp_path / "svamp.json"
    path.write_text("[" * 100_000)
    assert read_svamp(path).skipped[0].reason == "malformed JSON: nested too deeply"
    path.write_text('{"examples": ' + "[" * 100_000)
    assert read_bigbench(path).skipped[0].reason == "malformed JSON: nested too deeply"


def test_nested_first_line_is_an_unknown_format(tmp_path):
    path = tmp_path / "fuzz.jsonl"
    path.write_text('{"question": ' + "[" * 3000)  # the sniffer's json.loads of the first line
    with pytest.raises(UnknownFormat):
        read_dataset(path)


def test_integer_past_the_int_string_limit_is_read_exactly(tmp_path):
    path = tmp_path / "fuzz.jsonl"
    digits = "7" * 5000  # int() raises ValueError past 4,300 digits
    path.write_text(f'{{"question": "How big?", "answer": "#### 1"}}\n{{"input": "Q", "target": {digits}}}\n')
    data = read_dataset(path, "gsm-hard")
    assert data.items[0].gold == digits
    assert [s.reason for s in data.skipped] == ["missing field 'input'"]


def test_unknown_format_is_still_a_value_error_for_the_cli(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("hello")
    with pytest.raises(ValueError, match="cannot tell the format"):
        read_dataset(path)


# -- Calc-X markup: the call pattern backtracked quadratically over whitespace -------------------------------

def test_long_whitespace_in_a_gadget_call_reads_in_linear_time():
    from assistant.planner.markup import read_segment

    start = time.perf_counter()
    segment = read_segment('<gadget id="calculator">' + " " * 200_000 + "1<")  # was ~900 s (20,000: 9 s)
    assert time.perf_counter() - start < 0.5
    assert segment.kind == "none"
    segment = read_segment('<gadget id="calculator">1+1' + "\n" * 200_000)
    assert (segment.kind, segment.tool, segment.input) == ("call", "calculator", "1+1")
    segment = read_segment('<gadget id="calculator">1+1</gadget>' + " \n" * 1000)
    assert segment.text == '<gadget id="calculator">1+1</gadget>'


@pytest.mark.parametrize("encoding", ["UTF-7", "shift_jis", "foo", "rot13", "idna", "punycode", "undefined"])
def test_asdiv_xml_declaring_any_encoding_is_read_as_utf8(tmp_path, encoding):
    path = tmp_path / "asdiv.xml"  # the fuzzer's file declared encoding="UTF-7": ValueError from expat's codec lookup
    path.write_bytes(f'<?xml version="1.0" encoding="{encoding}"?><ProblemSet><Problem ID="p1"><Body>Ann has 3 pens.'
                     f'</Body><Question>How many pens?</Question><Answer>3 (pens)</Answer></Problem></ProblemSet>'
                     .encode())
    data = read_dataset(path)
    assert [(i.question, i.gold) for i in data.items] == [("Ann has 3 pens. How many pens?", "3 (pens)")]


# -- found through the router: arithmetic on a factorization or a list was an internal TypeError ----------------

@pytest.mark.parametrize("text", ["2^factor(6)", "-factor(4^6441)", "factor(6) + 1", "divisors(12) * 2",
                                  "abs(factor(6))", "gcd(factor(6), 2)", "factor(6)!", "factor(6) < 3"])
def test_arithmetic_on_an_integer_function_result_is_a_typed_error(text):
    result = tools.run("calculator", text, timeout=5.0)  # fuzzer: 'factor 4^6factor 4^64+4+1', '-factor 4^6441'
    assert not result.ok and result.error.type == "domain", result.output
    assert "not a number" in result.output


# -- bigint: 'factor 101010!!' ran FLINT's uninterruptible smooth-part search inline for 13-27 s on a 1 s budget ----

def test_factoring_a_huge_smooth_number_stays_within_its_budget():
    started = time.monotonic()
    result = tools.run("bigint", "factor(101010!!)", timeout=1.0)  # 766,748 bits: the search alone takes ~12 s here
    elapsed = time.monotonic() - started
    fac = result.value
    assert result.ok and not fac.complete and fac.note == "the time budget ran out", result.output[:200]
    assert fac.factors == () and fac.cofactor.bit_length() == 766_748  # CPython's str() of it was a ValueError
    assert elapsed < 5, f"took {elapsed:.1f} s on a 1 s budget"
