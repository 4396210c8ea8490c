"""LaTeX as MATH's problems write it: read by tools/parsing/latex.py into the parser's own syntax."""
import pytest

from tools.parsing import parse, to_text
from tools.parsing.latex import LatexError, latex_to_text

READINGS = [
    (r"\dbinom{16}{5}", "binomial(16, 5)"),
    (r"\tbinom{7}{2}", "binomial(7, 2)"),
    (r"\dbinom{16}5", "binomial(16, 5)"),
    (r"\left\lceil\sqrt{140}\right\rceil", "ceil(sqrt(140))"),
    (r"\lfloor -2.54 \rfloor", "floor(-2.54)"),
    (r"\tan 210^\circ", "tan(210*(pi/180))"),
    (r"\cos 60^{\circ}", "cos(60*(pi/180))"),
    (r"2^{100} \pmod{7}", "2**100 mod 7"),
    (r"10,\!000 - 9{,}999", "10000 - 9999"),
    (r"50\%", "50%"),
    (r"\sin \frac{\pi}{6}", "sin(pi/6)"),
    (r"\log_3\frac{1}{3}", "log(1/3, 3)"),
    (r"\cos^{-1} \frac{1}{2}", "acos(1/2)"),  # the inverse function, not 1/cos
    (r"\sin^{-1}(1)", "asin(1)"),
    (r"\sin^2 x", "sin(x)^2"),
]


@pytest.mark.parametrize("latex, plain", READINGS)
def test_competition_latex_reads(latex, plain):
    assert to_text(parse(latex_to_text(latex))) == to_text(parse(plain))


@pytest.mark.parametrize("latex", [
    r"\sin \frac{\pi}{6} x",  # sin(pi/6) * x or sin(pi x / 6)?
    r"\lceil x",  # unclosed
    r"\cot^{-1} 2",  # arccot's range is a convention; a reciprocal is the other reading
])
def test_unclear_latex_is_refused(latex):
    with pytest.raises(LatexError):
        latex_to_text(latex)
