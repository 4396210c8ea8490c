"""LaTeX in model text becomes Unicode where it can; prices and what cannot be shown stay as written."""
import pytest

from tui.mathtext import latex_to_unicode, render_text, split_math


@pytest.mark.parametrize("text, shown", [
    ("so $x^2 + 1$ grows", "so x² + 1 grows"),
    (r"$$\frac{a+1}{2}$$", "(a+1)/2"),
    (r"\(\sqrt{2}\) is irrational", "√2 is irrational"),
    (r"\[\int_0^\infty e^{-x^2} dx = \frac{\sqrt{\pi}}{2}\]", "∫₀^∞ e^(-x²) dx = √π/2"),
    (r"$\alpha \le \beta_1$", "α ≤ β₁"),
    (r"$\mathbb{R}^n$", "ℝⁿ"),
    (r"$\sqrt[3]{8} = 2$", "³√8 = 2"),
    (r"$\left( \frac{1}{2} \right)^2$", "( 1/2 )²"),
    (r"$3 \times 4 \cdot 5 \neq 61$", "3 × 4 · 5 ≠ 61"),
])
def test_math_is_rendered(text, shown):
    assert render_text(text) == shown


@pytest.mark.parametrize("text", [
    "It costs $5 and $10 with tax.",
    "Pay $5, then $10, then $15.",
    "The price rose from $3.50 to $4.",
    "a lone $ sign",
    r"an escaped \$x\$ stays",
])
def test_prices_and_plain_dollars_are_prose(text):
    assert render_text(text) == text
    assert all(not span.math for span in split_math(text))


def test_prices_do_not_hide_real_math_after_them():
    assert render_text("From $5 and $10 we get $x^2$.") == "From $5 and $10 we get x²."


@pytest.mark.parametrize("latex", [
    r"\begin{pmatrix}1 & 2\end{pmatrix}",
    r"\unknowncommand{x}",
    r"\frac{1}{2",
    r"a & b",
])
def test_unconvertible_latex_is_left_raw(latex):
    assert latex_to_unicode(latex) is None
    assert render_text(f"see ${latex}$ here") == f"see ${latex}$ here"
