"""LaTeX input reads into the same tree as the plain syntax; unknown commands are refused."""
from __future__ import annotations

import pytest

from tools.parsing import ParseError, parse, to_text
from tools.parsing.latex import LatexError, parse_latex


@pytest.mark.parametrize("latex, plain", [
    (r"\frac{1}{2}", "1/2"),
    (r"\frac{x^2 - 1}{x - 1}", "(x^2 - 1)/(x - 1)"),
    (r"\sqrt{x^2 + 1}", "sqrt(x^2 + 1)"),
    (r"\sqrt[3]{8}", "root(8, 3)"),
    (r"\int_0^1 x^2\,dx", "integrate(x^2, x, 0, 1)"),
    (r"\int x e^{x} dx", "integrate(x e^x, x)"),
    (r"\int \frac{1}{x} \mathrm{d}x", "integrate(1/x, x)"),
    (r"\int_{0}^{\pi} \sin^2(x) \, dx", "integrate(sin(x)^2, x, 0, pi)"),
    (r"\int_1^\infty \frac{1}{x^2} dx", "integrate(1/x^2, x, 1, oo)"),
    (r"\frac{d}{dx}\sin(x^2)", "diff(sin(x^2), x)"),
    (r"\frac{d^2}{dx^2} x^3", "diff(x^3, x, 2)"),
    (r"\frac{\partial}{\partial y} x^2 y^3", "diff(x^2 y^3, y)"),
    (r"\sum_{k=1}^{10} k^2", "sum(k^2, k, 1, 10)"),
    (r"\sum_{n=1}^{\infty} \frac{1}{n^2}", "sum(1/n^2, n, 1, oo)"),
    (r"\prod_{k=1}^{5} k", "product(k, k, 1, 5)"),
    (r"\lim_{x \to 0} \frac{\sin x}{x}", "limit(sin(x)/x, x, 0)"),
    (r"\lim_{x\to 0^+} \ln x", "limit(log(x), x, 0, right)"),
    (r"\lim_{n \to \infty} \left(1+\frac{1}{n}\right)^n", "limit((1 + 1/n)^n, n, oo)"),
    (r"\begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}", "[[1, 2], [3, 4]]"),
    (r"\det \begin{bmatrix} 1 & 2 \\ 3 & 4 \end{bmatrix}", "det([[1, 2], [3, 4]])"),
    (r"2\pi r", "2 pi r"),
    (r"x \cdot y \times z", "x*y*z"),
    (r"\sin x \cos x", "sin(x) cos(x)"),
    (r"\binom{5}{2}", "binomial(5, 2)"),
    (r"x^{10}", "x^10"),
    (r"$x^{2} - 5x + 6 = 0$", "x^2 - 5x + 6 = 0"),
    (r"\alpha + \beta", "alpha + beta"),
    (r"\left| x \right|", "abs(x)"),
])
def test_latex_reads_as_the_plain_form(latex, plain):
    assert to_text(parse_latex(latex)) == to_text(parse(plain))


@pytest.mark.parametrize("bad", [
    r"\evil{x}", r"\input{/etc/passwd}", r"\int x^2", r"\frac{1}", r"\sum k", r"\begin{verbatim}x\end{verbatim}",
    r"\lim x", "\\" * 3,
])
def test_bad_latex_is_a_typed_error(bad):
    with pytest.raises(ParseError):
        parse_latex(bad)


def test_latex_error_is_a_parse_error():
    assert issubclass(LatexError, ParseError)


def test_latex_size_is_bounded():
    with pytest.raises(ParseError):
        parse_latex("x+" * 20_000 + "x")
