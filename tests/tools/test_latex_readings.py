"""LaTeX read as LaTeX means it: one-character unbraced arguments, subscript log bases, mixed numbers;
readings LaTeX leaves open are refused rather than guessed. Examples written for this project."""
import pytest

from assistant.assistant import Assistant
from tools.parsing import ParseError, parse, to_text
from tools.parsing.latex import latex_to_text


def reads(latex: str) -> str:
    return to_text(parse(latex_to_text(latex)))


@pytest.mark.parametrize("latex, plain", [
    (r"\log_381", "log(81, 3)"), (r"\log_{3} 81", "log(81, 3)"), (r"\log_3 81", "log(81, 3)"),
    (r"\log_{10}1000", "log(1000, 10)"), (r"\log_381+1", "log(81, 3) + 1"),
    (r"\frac37", "3/7"), (r"\frac{2}9", "2/9"), (r"\frac3{10}", "3/10"), (r"\binom63", "binomial(6, 3)"),
    (r"2\frac{3}{4}", "2 + 3/4"), (r"-7\tfrac{1}{3}", "-(7 + 1/3)"), (r"\left(1\dfrac{1}{2}\right)^{2}", "(1 + 1/2)**2"),
    (r"x\frac{1}{2}", "x*1/2"), (r"2\frac{x}{3}", "2*x/3"), (r"2^{3}\frac{1}{2}", "2**3*1/2"),
])
def test_latex_readings(latex, plain):
    assert reads(latex) == plain


@pytest.mark.parametrize("latex", [r"\log_10 1000", r"\log_10x", r"\log_{}5" , r"2^10", r"x^23 + 1", r"\sqrt49",
                                   r"\log 1000", r"\log(8)", r"\log_3 27\sqrt3", r"\sin x (x + 1)"])
def test_ambiguous_latex_is_refused(latex):
    with pytest.raises(ParseError):  # LatexError is a ParseError
        parse(latex_to_text(latex))


@pytest.fixture(scope="module")
def calx():
    return Assistant(use_planner=False)


@pytest.mark.parametrize("question, answer", [
    (r"Evaluate $\log_381$.", "4"), (r"$\left(2\dfrac{1}{3}\right)^{7} \cdot \left(\dfrac{3}{7}\right)^{7}$", "1"),
    (r"$1\frac{1}{2} + 2\frac{1}{2}$", "4"),
])
def test_direct_answers(calx, question, answer):
    a = calx.ask(question)
    assert a.answer == answer, (a.understood, a.answer, a.error)


@pytest.mark.parametrize("question", [r"$(-27)^{2/3}$", "(-8)^(1/3)", "(-32)^(3/5) + 1", r"$(-1000)^{\frac{1}{3}}$",
                                      "(-8)^0.2"])
def test_negative_base_to_an_odd_root_is_declined(calx, question):
    """Real root (a textbook's 9) or principal root (the engines' -4.5+7.79i): the direct route does not guess."""
    a = calx.ask(question)
    assert a.answer is None and a.route != "direct", (a.understood, a.answer)


@pytest.mark.parametrize("question", ["(-4)^(1/2)", "-8^(1/3)", "(-8)^2", "(-8)^(2/2)"])
def test_powers_without_that_ambiguity_still_answer(calx, question):
    a = calx.ask(question)
    assert a.route == "direct" and a.error is None, (question, a.error)
