"""Competition algebra read by assistant/direct/routes/competition_algebra.py: sequences, lines, circles, parabolas,
polynomial remainders, quadratics' roots.

Examples written for these tests (not taken from any benchmark file): answers in the form MATH writes them, the
tool's checks passed and the second route agreeing; look-alikes that must go on to the planner.
"""
from fractions import Fraction

import pytest

from assistant.direct import try_direct
from assistant.direct.routes import competition_algebra

ANSWERED = [
    # sequences
    (r"What is the 20th term of the arithmetic sequence $2, 5, 8, \ldots$?", "59"),
    (r"Find the $100^{\text{th}}$ term of the arithmetic sequence $7, 3, -1, \ldots$.", "-389"),
    (r"What is the eighth term in the geometric sequence $3, 6, 12, \ldots$?", "384"),
    (r"What is the sixth term of the geometric sequence $\frac{1}{2}, -1, 2, \ldots$?", "-16"),
    (r"What is the tenth term in the arithmetic sequence $\frac{1}{3}, \frac{2}{3}, 1, \ldots$? "
     r"Express your answer as a common fraction.", "10/3"),
    (r"How many numbers are in the list $4, 6, 8, \ldots, 128, 130$?", "64"),
    (r"How many numbers are in the list $ 147, 144, 141, \ldots, 42, 39?$", "37"),
    (r"How many numbers are in the list $2.5, 6.5, 10.5, \ldots, 78.5$?", "20"),
    (r"What is the sum of the first 20 positive even integers?", "420"),
    (r"What is the sum of the first 15 odd positive integers?", "225"),
    # lines
    (r"What is the slope of the line $2x + 3y = 6$?", "-2/3"),
    (r"What is the slope of the line whose equation is $4y = 8x - 12$?", "2"),
    (r"What is the slope of a line parallel to the line $2x - 4y = 9$? Express your answer as a common fraction.",
     "1/2"),
    (r"What is the slope of a line perpendicular to the line $3x + 5y = 7$?", "5/3"),
    (r"What is the $y$-intercept of the line $x - 2y = 5$?", "-5/2"),
    (r"What is the $x$-intercept of the line $2x + 5y = 10$?", "5"),
    (r"Find the $y$-intercept point of the line $3x+5y=20$. Provide your answer as an ordered pair.", "(0, 4)"),
    # circles, parabolas
    (r"Find the center of the circle with equation $x^2 - 6x + y^2 + 2y = 9$.", "(3, -1)"),
    (r"What is the radius of the circle with equation $x^2 - 6x + y^2 + 2y = 9$?", "sqrt(19)"),
    (r"Find the radius of the circle with equation $9x^2-18x+9y^2+36y+44=0.$", "1/3"),
    (r"What is the vertex of the parabola $y = x^2 - 4x + 7$?", "(2, 3)"),
    (r"What is the minimum value of $x^2 + 8x + 21$?", "5"),
    (r"What is the maximum value of $-3t^2 + 12t - 5$ for real $t$?", "7"),
    (r"What is the minimum possible value for $y$ in the equation $y = 2x^2 + 12x + 3$?", "-15"),
    # polynomials
    (r"Find the remainder when $x^4 + 2$ is divided by $x - 2$.", "18"),
    (r"What is the remainder when $2x^3 - x + 5$ is divided by $2x + 1$?", "21/4"),
    (r"Find the sum of the coefficients in the polynomial $3(x^3 - 2x + 1) - 2(x^2 + 4)$ when it is fully "
     r"simplified.", "-10"),
    (r"What is the positive difference between the solutions of $2x^2 + 3x - 7 = 0$?", "sqrt(65)/2"),
    (r"Find the positive difference between the roots of $x^2 - 5x + 4 = 0$.", "3"),
    (r"What is the discriminant of $3x^2 - 4x + 1$?", "4"),
    # rational functions, absolute values, a parameter, two terms given
    (r"How many vertical asymptotes does the graph of $y=\frac{2}{x^2+x-6}$ have?", "2"),
    (r"How many vertical asymptotes does the graph of $y=\frac{x-1}{x^2+6x-7}$ have?", "1"),  # a hole at 1
    (r"How many vertical asymptotes does the graph of $y=\frac{x+2}{x^2+1}$ have?", "0"),
    (r"What is the sum of all values of $x$ that satisfy $|2x - 1| = 7$?", "1"),
    (r"What is the largest value of $x$ that satisfies $|x + 4| = 2x - 1$?", "5"),  # -1 makes the right side < 0
    (r"How many solutions does the equation $|x - 7| = 3x + 1$ have?", "1"),
    (r"What is the positive difference between the solutions of $|x + 5| = 20$?", "40"),
    (r"What is the positive value of $k$ such that the equation $x^2 + kx + 9 = 0$ has exactly one solution?", "6"),
    (r"For what value of $c$ does $x^2 - 6x + c = 0$ have exactly one solution?", "9"),
    (r"The third and fifth terms of an arithmetic sequence are 17 and 39, respectively. What is the seventh term "
     r"of the same sequence?", "61"),
    (r"The first term of an arithmetic sequence is 5, and the 13th term is 29. What is the 50th term?", "103"),
    # all the roots listed, series, ratios, Vieta in the wordings the general route leaves
    (r"Find all roots of the polynomial $x^3+x^2-4x-4$. Enter your answer as a list of numbers separated by commas.",
     "-2, -1, 2"),
    (r"Find all the solutions to $x^2 - 4x + 1 = 0$. Enter all the solutions, separated by commas.",
     "2 - sqrt(3), sqrt(3) + 2"),
    (r"Find all real solutions to $x^3 - 8 = 0$. Enter all the solutions, separated by commas.", "2"),
    (r"Evaluate the infinite geometric series: $$\frac{3}{2}-\frac{2}{3}+\frac{8}{27}-\frac{32}{243}+\dots$$",
     "27/26"),
    (r"What is the sum of the infinite geometric series $1 + \frac{1}{3} + \frac{1}{9} + \cdots$?", "3/2"),
    (r"What is the common ratio of the infinite geometric series: $$\frac{-3}{5}-\frac{5}{3}-\frac{125}{27}-\dots$$",
     "25/9"),
    (r"Consider the geometric sequence $\frac{125}{9}, \frac{25}{3}, 5, 3, \ldots$. What is the eighth term of the "
     r"sequence? Express your answer as a common fraction.", "243/625"),
    (r"The quadratic $x^2-3x+9=x+41$ has two solutions. What is the positive difference between these solutions?",
     "12"),
    (r"What is the sum of the two solutions to the equation $54-15x-x^2=0$?", "-15"),
    # a symmetric formula in a quadratic's two roots (display math read as well)
    (r"Let $d$ and $e$ denote the solutions of $3x^{2}+5x-2=0$. What is the value of $(d+1)(e+1)$?", "-4/3"),
    (r"Let $a$ and $b$ be the roots of $x^2 - 4x + 5 = 0.$ Compute \[a^3 + a^4 b^2 + a^2 b^4 + b^3.\]", "154"),
    (r"Let $p$ and $q$ be the two roots of $x^2 - 3x + 1 = 0$. Find $\frac{1}{p} + \frac{1}{q}$.", "3"),
    (r"Find the roots of $x^3 - 6x^2 + 11x - 6 = 0$.", "1, 2, 3"),
    (r"Find all the integer roots of $x^3 + 2x^2 - 5x - 6 = 0.$ Enter all the integer roots, separated by commas.",
     "-3, -1, 2"),
    (r"Find all rational roots of $2x^3 - x^2 - 4x + 2 = 0$. Enter all the rational roots, separated by commas.",
     "1/2"),
    (r"Find the smallest value of $x$ that satisfies the equation $|3x+2|=x+6$.", "-2"),
    (r"Find all the integer roots of $2x^2 - 3x + 1 = 0.$ Enter all the integer roots, separated by commas.", "1"),
    (r"Find the remainder when $x^5 + 3x^2 - 7$ is divided by $x^2 - 1$.", "x - 4"),
    (r"What is the remainder when $x^3$ is divided by $x^2 - 3x + 2$?", "7*x - 6"),
    (r"The first term of a geometric sequence is 1024, and the 6th term is 243. What is the positive, real value for "
     r"the 3rd term?", "576"),
    (r"The second and fourth terms of a geometric sequence are 5 and 45. What is the sixth term?", "405"),
    (r"What is the smallest real number $x$ in the domain of the function $$g(x) = \sqrt{(x-1)^2-(x-6)^2}~?$$", "7/2"),
    (r"What is the largest value of $t$ in the domain of $h(t) = \sqrt{4 - 2t}$?", "2"),
    (r"What real values of $x$ are not in the domain of $f(x)=\frac{1}{x^2-5x+6}$?", "2, 3"),
    # conics
    (r"Find the distance between the foci of the ellipse \[x^2 + 9y^2 = 36.\]", "8*sqrt(2)"),
    (r"Find the distance between the foci of the hyperbola $x^2 - 2x - 3y^2 - 12y = 20.$", "4*sqrt(3)"),
    (r"Find the distance between the vertices of the hyperbola \[\frac{x^2}{50} - \frac{y^2}{14} = 1.\]",
     "10*sqrt(2)"),
    (r"Find the center of the hyperbola $9x^2 - 36x - 16y^2 - 32y - 124 = 0.$", "(2, -1)"),
    (r"Find the center of the ellipse $x^2 + 4y^2 - 2x + 8y = 11$.", "(1, -1)"),
    (r"Find the focus of the parabola $y = 2x^2 + 1.$", "(0, 9/8)"),
    (r"Find the equation of the directrix of the parabola $y = -4x^2 + 5.$", "y = 81/16"),
    (r"Find the focus of the parabola $x = \frac{1}{8} y^2.$", "(2, 0)"),
    # piecewise definitions
    (r"Let \[g(x) = \begin{cases} 2x + 1 &\text{if }x<2, \\ 9-x&\text{if }x\ge 2. \end{cases} \]Find $g(4)$.", "5"),
    (r"Let \[f(x) = \left\{ \begin{array}{cl} x^2 &\text{ if }x>3, \\ x+1 &\text{ if } -3 \le x \le 3, \\ "
     r"0 &\text{ if } "
     r"x <-3. \end{array} \right.\]Find $f(-4)+f(1)+f(4)$.", "18"),
    (r"Let \[h(n) = \begin{cases} 3n+1 & \text{if }n\text{ is odd} \\ \dfrac{n}{2} & \text{if }n\text{ is even} "
     r"\end{cases}.\]What is $h(h(h(5)))$?", "4"),
    # systems, undefined points, a line through a point
    (r"If $3x + y = 7$ and $x + 3y = 5$, what is $x^2 + 2xy + y^2$?", "9"),
    (r"If $a + b = 8$ and $ab = 15$, what is the value of $a^2 + b^2$?", "34"),
    (r"If $x+y=\frac{5}{9}$ and $x-y=\frac{1}{9}$, what is the value of $x^2-y^2$?", "5/81"),
    (r"What is the sum of all values of $y$ for which the expression $\frac{y-2}{y^2+3y-10}$ is undefined?", "-3"),
    (r"For what value of $x$ is the expression $\frac{x+1}{x^2-8x+16}$ not defined?", "4"),
    (r"For what value of $k$ does the line $kx + 2y = 10$ contain the point $(3, -1)$?", "4"),
    # integer bounds, power sums, squares of binomials, one base
    (r"What is the greatest integer value of $x$ for which $7-3x>19$?", "-5"),
    (r"What is the least integer value of $x$ such that $3x + 2 \ge 12$?", "4"),
    (r"What is the greatest integer $x$ for which $\frac{5}{7} > \frac{x}{11}$?", "7"),
    (r"What is the sum of the squares of the roots of $x^2 - 7x + 3 = 0$?", "43"),
    (r"What is the sum of the reciprocals of the roots of $2x^2 - 9x + 3 = 0$?", "3"),
    (r"If $c$ is a constant such that $9x^2 + 30x + c$ is the square of a binomial, then what is $c$?", "25"),
    (r"Find $b$ such that $bx^2+20x+4$ is the square of a binomial.", "25"),
    (r"Find the sum of all values of $x$ such that $3^{x^2-x} = 9^{x + 2}$.", "3"),
    (r"What is the product of all values of $x$ that satisfy $2^{x^2+2x}=8^{x+4}$?", "-12"),
    # finite series with dots, letters in a sequence
    (r"Compute $(-20) + (-17) + (-14) + \dots + 19 + 22$.", "15"),
    (r"What is the sum of the arithmetic series $\frac{1}{2} + 1 + \frac{3}{2} + \cdots + 5$?", "55/2"),
    (r"Evaluate the sum $\frac{1}{2} + \frac{1}{4} + \frac{1}{8} + \dots + \frac{1}{64}$.", "63/64"),
    (r"In the arithmetic sequence $11, a, b, c, 35$, what is the value of $b$?", "23"),
    (r"What is the value of $y$ in the arithmetic sequence $3, x, y, z, 19$?", "11"),
    (r"If $y=\frac{6x^3+2x+1}{2x^3+5x^2+1}$, at what value of $y$ will there be a horizontal asymptote?", "3"),
    (r"What is the equation of the horizontal asymptote of the graph of $y = \frac{3x^2 + 1}{x^2 - 9}$?", "y = 3"),
    (r"What is the horizontal asymptote of $y = \frac{x + 1}{x^2 - 4}$?", "0"),
    (r"What is the value of $x$ if $x$ is positive and $x^2 = 324$?", "18"),
    (r"If $y$ is negative and $y^2 - 2y - 24 = 0$, what is $y$?", "-4"),
    (r"Find the distance between the vertex of the graph of $y = x^2 - 6x + 5$ and the point $(0, -1)$.", "3*sqrt(2)"),
    (r"If $x^2 - x - 1 = 0$, what is the value of $x^3 - 2x + 1$?", "2"),
    (r"If $x^2 + 3x - 1 = 0$, what is $x^3 + 3x^2 - x + 4$?", "4"),
]


@pytest.mark.parametrize("question, expected", ANSWERED)
def test_answered_right_with_checks(question, expected):
    assert competition_algebra.match(question) is not None, "the algebra route reads it"
    answer = try_direct(question)
    assert answer is not None and answer.error is None
    assert answer.answer == expected
    assert answer.verified is True, [(c.name, c.passed, c.detail) for c in answer.checks]


DECLINED = [
    r"What is the 20th term of the sequence $2, 5, 8, \ldots$?",  # neither arithmetic nor geometric said
    r"What is the 20th term of the arithmetic sequence $2, 5, 9, \ldots$?",  # the terms shown do not add evenly
    r"What is the 21th term of the arithmetic sequence $2, 5, 8, \ldots$?",  # an ordinal that is no ordinal
    r"How many numbers are in the list $3, 6, \ldots, 96$?",  # adding 3 or doubling: not settled
    r"How many numbers are in the list $4, 6, 8, \ldots, 129$?",  # 129 is not on the list
    r"How many numbers are in the list $1, 2, 4, \ldots, 1024$?",  # not arithmetic
    r"What is the sum of the first 20 even integers?",  # is 0 the first even integer?
    r"What is the slope of the line $x = 4$?",  # vertical
    r"What is the slope of the line $2x + 3y = 6z$?",
    r"What is the $z$-intercept of the line $2x + 3y = 6$?",
    r"Find the center of the circle with equation $x^2 + 2y^2 = 9$.",  # an ellipse
    r"What is the radius of the circle with equation $x^2 + y^2 + 4 = 0$?",  # no real circle
    r"What is the vertex of the parabola $x = y^2 - 4y + 7$?",
    r"What is the minimum value of $-x^2 + 8x + 21$?",  # opens downwards: no minimum
    r"What is the minimum value of $x^2 + 8x + 21$ for $x \ge 0$?",  # a condition not read
    r"Find the remainder when $x^4 + 2$ is divided by $x^2 - 2$.",  # irrational roots: not by interpolation here
    r"Find the sum of the coefficients of $a x^2 + b x + c$.",  # letters as coefficients
    r"What is the positive difference between the solutions of $x^2 + x + 1 = 0$?",  # not real
    r"What is the positive difference between the solutions of $x^2 - 4x + 4 = 0$?",  # one solution
    r"What is the discriminant of $x^3 + x + 1$?",
    r"How many vertical asymptotes does the graph of $y=\frac{2}{x^5+x-6}$ have?",  # beyond a cubic
    r"How many vertical asymptotes does the graph of $y=x^2+\frac{2}{x}$ have?",  # not one fraction
    r"Solve for $x$: $|x - 3| = 5$.",  # two solutions
    r"What is the sum of all values of $x$ that satisfy $|2x - 1| = 2x - 1$?",  # a whole half-line
    r"For what value of $k$ does $x^2 + kx + 9 = 0$ have exactly one solution?",  # 6 and -6
    r"For what value of $b$ does $bx^2 + 4x + 1 = 0$ have exactly one solution?",  # b = 0 also gives one
    r"Find all solutions to $x^3 - 8 = 0$. Enter all the solutions, separated by commas.",  # two are complex
    r"Find all roots of $x^3 - 3x + 2$. Enter your answer as a list of numbers separated by commas.",  # 1 twice
    r"Find all roots of $x^5 - x - 1$. Enter your answer as a list of numbers separated by commas.",
    r"Evaluate the infinite geometric series: $$1 + 2 + 4 + \dots$$",  # diverges
    r"Evaluate the infinite geometric series: $$1 + \frac{1}{2} + \frac{1}{3} + \dots$$",  # not geometric
    r"What is the sum of the two solutions to the equation $x^2 + x + 1 = 0$?",  # not real
    r"Let $p$ and $q$ be the two roots of $x^2 - 3x + 1 = 0$. Find $p - q$.",  # which root is p matters
    r"Let $p$ and $q$ be the two roots of $x^2 - 3x + 1 = 0$. Find $p^2 q$.",  # so it does here
    r"Let $p$ and $q$ be the two roots of $x^2 - 6x + 9 = 0$. Find $p + q$.",  # one root
    r"Let $p$ and $q$ be the two roots of $x^2 - 3x + 1 = 0$. Find $p + q + r$.",
    r"Find all the integer roots of $2x^2 - 3x + 2 = 0.$ Enter all the integer roots, separated by commas.",  # none
    r"If $x^2 = 2$, what is $x^3$?",
    r"Find the distance between the vertex of the graph of $y = x^3$ and the point $(0, -1)$.",
    r"What is the horizontal asymptote of $y = \frac{x^3 + 1}{x^2 - 4}$?",  # none
    r"What is the value of $x$ if $x$ is positive and $x^2 = 7$?",  # irrational: not read here
    r"What is the value of $x$ if $x$ is positive and $x^2 - 5x + 6 = 0$?",  # 2 and 3
    r"Compute $1 - 2 + 4 - \dots + 256$.",
    r"Compute $(-20) + (-17) + (-14) + \dots + 19 + 21$.",  # 21 is not on the series
    r"In the arithmetic sequence $17, a, b, c, 41, 50$, what is the value of $b$?",  # 50 breaks the rule
    r"What is the smallest integer $n$ such that $n^2 - 5n - 14 > 0$?",  # no least one
    r"What is the greatest integer value of $b$ such that $b^2 < 50$?",  # an irrational bound: not read here
    r"Find $a$ such that $ax^2+15x+4a$ is the square of a binomial.",  # 15/4: no rational binomial
    r"Find the sum of all values of $x$ such that $2^{x^2} = 3^{x}$.",  # two bases
    r"What is the sum of the squares of the solutions of $x^2 + x + 1 = 0$?",  # no real solutions
    r"If $a + b = 8$ and $ab = 15$, what is the value of $a - b$?",  # 2 or -2
    r"If $2x + 4y = 6$ and $x + 2y = 3$, what is $x y$?",  # not one solution
    r"For what value of $x$ is the expression $\frac{1}{x^2-4}$ not defined?",  # 2 and -2
    r"What is the sum of all values of $y$ for which the expression $\frac{1}{y^2-2}$ is undefined?",  # irrational
    r"For what value of $k$ does the line $k^2x + 2y = 10$ contain the point $(3, -1)$?",
    r"Let \[f(x) = \begin{cases} 2x &\text{if }x<1, \\ x-3&\text{if }x\ge 0. \end{cases} \]Find $f(0.5)$.",  # overlap
    r"Let \[f(x) = \begin{cases} 2x &\text{if }x<1, \\ x-3&\text{if }x> 1. \end{cases} \]Find $f(1)$.",  # a gap
    r"Let \[f(x) = \begin{cases} ax &\text{if }x<1, \\ x-3&\text{if }x\ge 1. \end{cases} \]Find $f(0)$.",  # a letter
    r"Let \[f(x) = \begin{cases} 2x &\text{if }x\text{ is prime}, \\ x&\text{otherwise}. \end{cases} \]Find $f(3)$.",
    r"Find the distance between the foci of the ellipse $x^2 + y^2 = 4$.",  # a circle
    r"Find the distance between the foci of the ellipse $x^2 - 4y^2 = 4$.",  # a hyperbola
    r"Find the distance between the foci of the hyperbola $x^2 + xy - y^2 = 4$.",  # turned: not read
    r"Find the focus of the parabola $y^2 = 4x^2 + 1$.",
    r"Find the distance between the vertices of the ellipse $x^2 + 4y^2 = 4$.",  # four vertices
    r"Find the remainder when $x^4 + 2$ is divided by $x^2 + 1$.",  # complex roots: not by interpolation here
    r"The second and fourth terms of a geometric sequence are 5 and 45. What is the fifth term?",  # 135 or -135
    r"What values of $x$ are not in the domain of $f(x)=\frac{x}{x^2+1}$?",  # none
    r"What is the smallest real number $x$ in the domain of $f(x) = \frac{1}{x}$?",  # there is none
    r"If $x^2 - 5x + 6 = 0$, what is $x$?",
    r"The third and fifth terms of a geometric sequence are 17 and 39, respectively. What is the seventh term?",
    r"The third and fifth terms of an arithmetic sequence are 17 and 39, respectively. What is the seventh power?",
    r"Find the center of the circle with equation $x^2 - 6x + y^2 + 2y = 9$. Express your answer as a decimal.",
]


@pytest.mark.parametrize("question", DECLINED)
def test_near_misses_decline(question):
    assert competition_algebra.match(question) is None


def test_the_second_route_disagreeing_withholds_the_answer():
    from assistant.direct.algebra_checks import agreeing, solved_pair

    assert agreeing(Fraction(59))("59") == "59"
    assert agreeing(Fraction(59))("60") is None
    assert agreeing(Fraction(59))("sqrt(59)") is None
    assert solved_pair((Fraction(3), Fraction(-1)), ("x", "y"))("{x: 3, y: -1}") == "(3, -1)"
    assert solved_pair((Fraction(3), Fraction(-1)), ("x", "y"))("{x: 3, y: 1}") is None


def test_second_routes_by_their_own_methods():
    from assistant.direct import algebra_checks as second

    rule = second.progression([Fraction(2), Fraction(5), Fraction(8)], geometric=False)
    assert second.term_by_steps(rule, 20) == 59
    assert second.count_by_walking(Fraction(4), Fraction(2), Fraction(130)) == 64
    with pytest.raises(second.NotDerived):
        second.count_by_walking(Fraction(4), Fraction(2), Fraction(129))
    roots = second.real_roots([Fraction(-7), Fraction(3), Fraction(2)])
    assert abs(roots[1] - roots[0] - Fraction(65) ** 0.5 / 2) < 1e-12
    with pytest.raises(second.NotDerived):
        second.real_roots([Fraction(1), Fraction(1), Fraction(1)])


@pytest.mark.parametrize("hostile", ["", "$", "$$", "What is the " + "1st " * 500 + "term?",
                                     r"How many numbers are in the list $" + ", ".join(["1"] * 5000) + r", \ldots$?",
                                     r"What is the remainder when $x^{10^{10}}$ is divided by $x - 2$?",
                                     r"How many numbers are in the list $1, 2, 3, \ldots, 10^{100}$?"])
def test_hostile_input_declines_quickly(hostile):
    assert competition_algebra.match(hostile) is None


DOMAINS = [
    (r"$f(x) = \frac{1}{x-3}$", r"(-\infty, 3) \cup (3, \infty)"),
    (r"$\frac{\sqrt{x-2}}{\sqrt{5-x}}$", "[2, 5)"),
    (r"$g(t) = \frac{1}{\sqrt t}$", r"(0, \infty)"),
    (r"$h(x)=\sqrt{-10x^2-11x+6}$", r"[-\frac{3}{2}, \frac{2}{5}]"),
    (r"$y = \frac{1}{x+4} + \frac{1}{x^2+4} + \frac{1}{x^3+8}$", r"(-\infty, -4) \cup (-4, -2) \cup (-2, \infty)"),
]


@pytest.mark.parametrize("formula, expected", DOMAINS)
def test_domains_by_sign_chart_agreeing_with_the_tool(formula, expected):
    """The domain family's answers, built by sign chart and checked against the tool's set."""
    from assistant.direct.router import run_plan
    from assistant.direct.routes.competition_domain import domain_plan
    from assistant.direct.routes.competition_reading import split_question

    _, formulas = split_question(formula)
    plan = domain_plan(formulas[0])
    answer = run_plan(formula, plan, 10)
    assert answer.answer == expected and answer.verified is True


@pytest.mark.parametrize("formula", [r"$g(x) = x^2 + 1$", r"$\sqrt{x^2 - 2}$", r"$\sqrt{-x^2}$", r"$\frac{1}{\log x}$",
                                     r"$\sqrt{x - 2} + \sqrt{y}$", r"$\sqrt[4]{x}$"])
def test_domains_not_written_as_intervals_here_decline(formula):
    from assistant.direct.routes.competition_domain import domain_plan
    from assistant.direct.routes.competition_reading import split_question

    _, formulas = split_question(formula)
    assert domain_plan(formulas[0]) is None


def test_the_domain_family_answers_in_intervals_now_the_grader_reads_them_as_sets():
    from assistant.direct.router import run_plan
    from assistant.evaluation.grading import grade_intervals

    question = r"What is the domain of the function $f(x) = \frac{1}{x-3}$? Express your answer in interval notation."
    answer = run_plan(question, competition_algebra.match(question), 10)
    assert answer.verified is True
    assert grade_intervals(r"\left(-\infty, 3\right) \cup \left(3, \infty\right)", answer.answer).correct


def test_the_tools_set_is_read_back_for_membership():
    from fractions import Fraction as Q

    from assistant.direct.routes.competition_domain import membership

    member = membership("(-2 < x) | (x < -8) | ((-8 < x) & (x < -2))", "x")
    assert [member(Q(v)) for v in (-9, -8, -5, -2, 0)] == [True, False, True, False, True]
    assert membership("(-oo, 3) ∪ (3, oo)", "x")(Q(3)) is False
    assert membership("(x >= 2) & Ne(x, 3)", "x")(Q(5, 2)) is True
    assert membership("sqrt(2) < x", "x") is None


def test_display_math_is_read_by_the_general_route_too():
    answer = try_direct(r"Solve \[\frac{x^2+x+1}{x+2}=x+3\]for $x$.")
    assert answer is not None and answer.answer == "-5/4" and answer.verified is True
    answer = try_direct(r"Evaluate \[\frac{2}{3} + \frac{5}{7}.\]")
    assert answer is not None and answer.answer == "29/21"


@pytest.mark.parametrize("question", [
    r"Compute \[\sum_{k = 2}^\infty \frac{k - 1}{k(k^2 + 1)}.\]",  # sums in display math: not handed on
    r"What is \[\frac{x^1 x^2 \cdots x^5}{x^2 x^4}\] if $x = 2$?",
])
def test_display_math_with_sums_or_dots_is_not_handed_to_the_general_route(question):
    assert competition_algebra.match(question) is None
