"""Precalculus in MATH's words, read by assistant/direct/routes/competition_precalc.py.

Examples written for these tests (not taken from any benchmark file): the exact answer text, every check run and
passed, and near-miss wordings that must go on to the planner (None from the route).
"""
import re

import pytest

from assistant.direct import try_direct
from assistant.direct.routes import competition_precalc

POLAR_FORM = r"Enter your answer in the form $(r,\theta),$ where $r > 0$ and $0 \le \theta < 2 \pi.$"
CYLINDRICAL_FORM = r"Enter your answer in the form $(r,\theta,z),$ where $r > 0$ and $0 \le \theta < 2 \pi.$"
SPHERICAL_FORM = (r"Enter your answer in the form $(\rho,\theta,\phi),$ where $\rho > 0,$ $0 \le \theta < 2 \pi,$ "
                  r"and $0 \le \phi \le \pi.$")
ZERO = "If the inverse does not exist, then enter the zero matrix."
PLANE_FORM = (r"Enter your answer in the form \[Ax + By + Cz + D = 0,\]where $A,$ $B,$ $C,$ $D$ are integers such "
              r"that $A > 0$ and $\gcd(|A|,|B|,|C|,|D|) = 1.$")

ANSWERED = [
    # coordinates
    (r"Convert the point $(-2, 2)$ in rectangular coordinates to polar coordinates.  " + POLAR_FORM,
     "(2*sqrt(2), 3*pi/4)"),
    (r"Convert the point $(\sqrt{3}, -1)$ in rectangular coordinates to polar coordinates.  " + POLAR_FORM,
     "(2, 11*pi/6)"),
    (r"Convert the point $(0, -4)$ in rectangular coordinates to polar coordinates.", "(4, 3*pi/2)"),
    (r"Convert the point $\left( 6, \frac{2 \pi}{3} \right)$ in polar coordinates to rectangular coordinates.",
     "(-3, 3*sqrt(3))"),
    (r"Convert the point $(-3, 0, 7)$ in rectangular coordinates to cylindrical coordinates.  " + CYLINDRICAL_FORM,
     "(3, pi, 7)"),
    (r"Convert the point $\left( 4, \frac{\pi}{2}, -1 \right)$ in cylindrical coordinates to rectangular "
     r"coordinates.", "(0, 4, -1)"),
    (r"Convert the point $(1, 1, \sqrt{6})$ in rectangular coordinates to spherical coordinates.  " + SPHERICAL_FORM,
     "(2*sqrt(2), pi/4, pi/6)"),
    (r"Convert the point $(\rho,\theta,\phi) = \left( 6, \frac{\pi}{2}, \frac{\pi}{3} \right)$ in spherical "
     r"coordinates to rectangular coordinates.", "(0, 3*sqrt(3), 3)"),
    (r"Find the midpoint of the segment with endpoints $(3, -5, 1)$ and $(-1, 2, 4).$", "(1, -3/2, 5/2)"),
    # matrices and vectors
    (r"Compute $\begin{pmatrix} 1 & -2 \\ 3 & 0 \end{pmatrix} \begin{pmatrix} 4 \\ 5 \end{pmatrix}.$",
     "[[-6], [12]]"),
    (r"Compute $\begin{pmatrix} 1 & 2 \\ 0 & 1 \end{pmatrix}^{10}.$", "[[1, 20], [0, 1]]"),
    (r"Find $2 \begin{pmatrix} 1 \\ -3 \end{pmatrix} - \begin{pmatrix} 5 \\ 4 \end{pmatrix}.$",
     "[[-3], [-10]]"),
    (r"Find the inverse of the matrix $\begin{pmatrix} 3 & 1 \\ 5 & 2 \end{pmatrix}.$  " + ZERO,
     "[[2, -1], [-5, 3]]"),
    (r"Compute $\begin{pmatrix} 2 & 1 \\ 1 & 1 \end{pmatrix}^{-1}.$", "[[1, -1], [-1, 2]]"),
    (r"Compute $\begin{pmatrix} 3 \\ -1 \end{pmatrix} \cdot \begin{pmatrix} 2 \\ 7 \end{pmatrix}.$", "-1"),
    (r"Find the dot product of $\begin{pmatrix} 1 \\ 2 \\ 3 \end{pmatrix}$ and "
     r"$\begin{pmatrix} -4 \\ 0 \\ 2 \end{pmatrix}.$", "2"),
    (r"Find the cross product of $\begin{pmatrix} 1 \\ 0 \\ 2 \end{pmatrix}$ and "
     r"$\begin{pmatrix} 3 \\ -1 \\ 1 \end{pmatrix}.$", "[[2], [5], [-1]]"),
    (r"Compute $\begin{pmatrix} 0 \\ 1 \\ 1 \end{pmatrix} \times \begin{pmatrix} 2 \\ 2 \\ -1 \end{pmatrix}.$",
     "[[-3], [2], [-2]]"),
    (r"Find the projection of $\begin{pmatrix} 3 \\ 1 \end{pmatrix}$ onto $\begin{pmatrix} 1 \\ 1 \end{pmatrix}.$",
     "[[2], [2]]"),
    (r"Find the matrix that corresponds to projecting onto the vector $\begin{pmatrix} 1 \\ 2 \end{pmatrix}.$",
     "[[1/5, 2/5], [2/5, 4/5]]"),
    (r"Find the matrix that corresponds to reflecting over the vector $\begin{pmatrix} 1 \\ 2 \end{pmatrix}.$",
     "[[-3/5, 4/5], [4/5, 3/5]]"),
    (r"Find the angle between the vectors $\begin{pmatrix} 1 \\ 0 \end{pmatrix}$ and "
     r"$\begin{pmatrix} -1 \\ \sqrt{3} \end{pmatrix},$ in degrees.", "120"),
    (r"Find the determinant of the matrix $\begin{pmatrix} 5 & 2 \\ 3 & 4 \end{pmatrix}.$", "14"),
    (r"Find the area of the triangle with vertices $(0, 0),$ $(4, 1),$ and $(2, 5).$", "9"),
    (r"Find the matrix $\mathbf{M}$ such that $\mathbf{M} \begin{pmatrix} 1 & 1 \\ 0 & 1 \end{pmatrix} = "
     r"\begin{pmatrix} 2 & 5 \\ 3 & 7 \end{pmatrix}.$", "[[2, 3], [3, 4]]"),
    (r"Find the $2 \times 2$ matrix $\mathbf{M}$ such that $\mathbf{M} \begin{pmatrix} 1 \\ 0 \end{pmatrix} = "
     r"\begin{pmatrix} 4 \\ 1 \end{pmatrix}$ and $\mathbf{M} \begin{pmatrix} 1 \\ 1 \end{pmatrix} = "
     r"\begin{pmatrix} 6 \\ 0 \end{pmatrix}.$", "[[4, 2], [1, -1]]"),
    (r"Find the cosine of the angle between the vectors $\begin{pmatrix} 1 \\ 1 \end{pmatrix}$ and "
     r"$\begin{pmatrix} 7 \\ 1 \end{pmatrix}.$", "4/5"),
    (r"If $\theta$ is the angle between the vectors $\begin{pmatrix} 4 \\ 3 \end{pmatrix}$ and "
     r"$\begin{pmatrix} 0 \\ 2 \end{pmatrix}$, then find $\cos \theta$.", "3/5"),
    (r"Find the area of the parallelogram generated by $\begin{pmatrix} 2 \\ 1 \end{pmatrix}$ and "
     r"$\begin{pmatrix} -1 \\ 3 \end{pmatrix}.$", "7"),
    (r"Find the area of the parallelogram generated by $\begin{pmatrix} 1 \\ 0 \\ 0 \end{pmatrix}$ and "
     r"$\begin{pmatrix} 0 \\ 3 \\ 4 \end{pmatrix}.$", "5"),
    (r"Find the magnitude of the vector $\begin{pmatrix} 2 \\ -1 \\ 2 \end{pmatrix}.$", "3"),
    (r"Find $x$ such that the vectors $\begin{pmatrix} 3 \\ 4 \end{pmatrix}$ and $\begin{pmatrix} x \\ -6 "
     r"\end{pmatrix}$ are orthogonal.", "8"),
    (r"Find the value of $a$ so that the vectors $\begin{pmatrix} 1 \\ a \\ 2 \end{pmatrix}$ and "
     r"$\begin{pmatrix} 4 \\ 3 \\ -5 \end{pmatrix}$ are perpendicular.", "2"),
    (r"What is the area of the region defined by the equation $x^2 + y^2 - 4x + 6y = 3$? Express your answer in "
     r"terms of $\pi$.", "16*pi"),
    (r"What is the circumference of the circle defined by $x^2 + y^2 + 10y = 0$?", "10*pi"),
    (r"Evaluate $\begin{vmatrix} x & 1 \\ 2 & x \end{vmatrix}.$", "x**2 - 2"),
    (r"If $\det \mathbf{A} = 3$ and $\det \mathbf{B} = -2,$ then find $\det (\mathbf{A} \mathbf{B}^2).$", "12"),
    (r"If $\det \mathbf{M} = 4,$ then find $\det (\mathbf{M}^{-1}).$", "1/4"),
    (r"Find the maximum value of $3 \cos x + 4 \sin x,$ over all angles $x.$", "5"),
    (r"Find the minimum value of $\sin x + \cos x + 2.$", "2 - sqrt(2)"),
    (r"What is the period of $y = \cos 4x$?", "pi/2"),
    (r"What is the period of $y = \tan 3x$?", "pi/3"),
    (r"Find the phase shift of the graph of $y = 4 \sin \left( 3x - \frac{\pi}{2} \right).$", "pi/6"),
    (r"Find the equation of the plane containing the points $(1,0,0),$ $(0,2,0),$ and $(0,0,3).$  " + PLANE_FORM,
     "6*x + 3*y + 2*z - 6 = 0"),
    (r"Find the equation of the plane which passes through the point $(2,0,-1),$ and which is parallel to the "
     r"plane $-x + 3y + z = 4.$  " + PLANE_FORM, "x - 3*y - z - 3 = 0"),
    (r"Find the distance from the point $(2,1,0)$ to the plane $2x + y + 2z = 2.$", "1"),
    (r"Find the distance between the planes $x - y + z = 1$ and $2x - 2y + 2z = 8.$", "sqrt(3)"),
    (r"When $\sqrt{3} - i$ is converted to the exponential form $re^{i \theta}$, what is $\theta$?", "11*pi/6"),
    (r"Find the area of the triangle with vertices $(0,0,0),$ $(2,0,0),$ and $(0,3,4).$", "5"),
    (r"Find the matrix that corresponds to a dilation centered at the origin with scale factor $5.$",
     "[[5, 0], [0, 5]]"),
    (r"Convert $\frac{5 \pi}{6}$ to degrees.", "150"),
    (r"Find the volume of the parallelepiped generated by $\begin{pmatrix} 1 \\ 0 \\ 0 \end{pmatrix},$ "
     r"$\begin{pmatrix} 1 \\ 2 \\ 0 \end{pmatrix},$ and $\begin{pmatrix} 1 \\ 1 \\ 3 \end{pmatrix}.$", "6"),
    # vectors and matrices named first
    (r"If $\mathbf{a} = \begin{pmatrix} 2 \\ 0 \\ 1 \end{pmatrix}$ and $\mathbf{b} = \begin{pmatrix} 1 \\ 3 \\ 0 "
     r"\end{pmatrix},$ then find $\mathbf{a} \times \mathbf{b}.$", "[[-3], [1], [6]]"),
    (r"Given $\mathbf{a} = \begin{pmatrix} 1 \\ -2 \end{pmatrix}$ and $\mathbf{b} = \begin{pmatrix} 0 \\ 5 "
     r"\end{pmatrix},$ find $2 \mathbf{a} + \mathbf{b}.$", "[[2], [1]]"),
    (r"Let $\mathbf{A} = \begin{pmatrix} 1 & 1 \\ 0 & 2 \end{pmatrix}.$  Find $\mathbf{A}^3 - \mathbf{A}.$",
     "[[0, 6], [0, 6]]"),
    (r"Let $\mathbf{u} = \begin{pmatrix} 2 \\ 1 \end{pmatrix}$ and $\mathbf{v} = \begin{pmatrix} 4 \\ -3 "
     r"\end{pmatrix}.$  Compute $\mathbf{u} \cdot \mathbf{v}.$", "5"),
    (r"Let $\mathbf{v} = \begin{pmatrix} 1 \\ 3 \end{pmatrix}$ and $\mathbf{w} = \begin{pmatrix} 2 \\ 0 "
     r"\end{pmatrix}.$  Compute $\operatorname{proj}_{\mathbf{w}} \mathbf{v}.$", "[[1], [0]]"),
    (r"For $\mathbf{v} = \begin{pmatrix} 4 \\ 2 \end{pmatrix}$ and $\mathbf{w} = \begin{pmatrix} 0 \\ 5 "
     r"\end{pmatrix}$, compute $\text{proj}_{\mathbf{w}} \mathbf{v}$.", "[[0], [2]]"),
    # the integer n with the same trigonometric value
    (r"Find the integer $n,$ $0 \le n \le 180,$ such that $\cos n^\circ = \cos 400^\circ.$", "40"),
    (r"Find the integer $n,$ $-90 \le n \le 90,$ such that $\sin n^\circ = \sin 1000^\circ.$", "-80"),
    (r"Find the integer $n,$ $-90 < n < 90,$ such that $\tan n^\circ = \tan 1000^\circ.$", "-80"),
    (r"Find the integer $n,$ $-90 \le n \le 90,$ such that $\sin n^\circ = \cos 500^\circ.$", "-50"),
    # complex numbers and angles
    (r"Compute $(3 \cos 15^\circ + 3i \sin 15^\circ)^4.$  Enter your answer in rectangular form.",
     "81/2 + 81*sqrt(3)*I/2"),
    (r"Compute $e^{3 \pi i/2}.$  Enter your answer in rectangular form.", "-I"),
    (r"Compute $(1 + \sqrt{3} i)^3.$  Enter your answer in rectangular form.", "-8"),
    (r"Compute $(2 - i)^2.$  Enter your answer in rectangular form.", "3 - 4*I"),
    (r"Compute $\arccos (\cos 5).$  All functions are in radians.", "-5 + 2*pi"),
    (r"Convert $2 e^{\pi i/3}$ to rectangular form.", "1 + sqrt(3)*I"),
    (r"Convert $\frac{7 \pi}{6}$ radians to degrees.", "210"),
    (r"Convert $135^\circ$ to radians.", "3*pi/4"),
]


def _rows(answer: str) -> str:
    """A matrix answer as its rows in brackets, whether or not the engine wraps it in Matrix(...)."""
    m = re.fullmatch(r"Matrix\((\[\[.*\]\])\)", answer)
    return m.group(1) if m else answer


@pytest.mark.parametrize("question, expected", ANSWERED)
def test_answered_and_checked(question, expected):
    assert competition_precalc.match(question) is not None
    answer = try_direct(question)
    assert answer is not None and answer.error is None
    assert _rows(answer.answer) == expected
    assert answer.checks and all(c.passed is True for c in answer.checks), answer.checks
    assert answer.verified is True


# matrices with radicals or trigonometric entries: the engine's own recomputation does not read them (its check
# is undecided, so the answer is not marked verified); this route's mpmath check multiplies them out
ENGINE_UNDECIDED = [
    (r"Compute $\begin{pmatrix} \sqrt{2} & -\sqrt{2} \\ \sqrt{2} & \sqrt{2} \end{pmatrix}^4.$", "[[-16, 0], [0, -16]]"),
    (r"Find the matrix that corresponds to rotating about the origin by an angle of $60^\circ$ counter-clockwise.",
     "[[1/2, -sqrt(3)/2], [sqrt(3)/2, 1/2]]"),
    (r"Find the matrix that corresponds to rotating about the origin by an angle of $90^\circ$ clockwise.",
     "[[0, 1], [-1, 0]]"),
]


@pytest.mark.parametrize("question, expected", ENGINE_UNDECIDED)
def test_answered_with_the_route_check(question, expected):
    answer = try_direct(question)
    assert answer is not None and _rows(answer.answer) == expected
    mine = [c for c in answer.checks if c.name == "re-evaluated with mpmath"]
    assert mine and all(c.passed is True for c in mine)
    assert all(c.passed is not False for c in answer.checks)


DECLINED = [
    # a convention other than the one the answer is given in
    r"Convert the point $(1, -1)$ in rectangular coordinates to polar coordinates.  Enter your answer in the form "
    r"$(r,\theta),$ where $r > 0$ and $-\pi < \theta \le \pi.$",
    # the origin has no angle
    r"Convert the point $(0, 0)$ in rectangular coordinates to polar coordinates.",
    # polar to spherical is not a conversion this route makes
    r"Convert the point $(1, \pi)$ in polar coordinates to cylindrical coordinates.",
    # a point of the wrong size
    r"Convert the point $(1, 2, 3)$ in rectangular coordinates to polar coordinates.",
    # a letter in the point
    r"Convert the point $(a, 2)$ in rectangular coordinates to polar coordinates.",
    # a singular matrix has no inverse (the zero matrix would be the answer; not given here)
    r"Find the inverse of the matrix $\begin{pmatrix} 2 & 4 \\ 1 & 2 \end{pmatrix}.$  " + ZERO,
    r"Compute $\begin{pmatrix} 2 & 4 \\ 1 & 2 \end{pmatrix}^{-1}.$",
    # the zero-matrix sentence belongs to an inverse question only
    r"Compute $\begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}^2.$  " + ZERO,
    # a matrix of letters
    r"Compute $\begin{pmatrix} a & b \\ c & d \end{pmatrix}^2.$",
    # a matrix alone asks for nothing
    r"Compute $\begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}.$",
    # a cross product needs vectors in three dimensions
    r"Find the cross product of $\begin{pmatrix} 1 \\ 2 \end{pmatrix}$ and $\begin{pmatrix} 3 \\ 4 \end{pmatrix}.$",
    # vectors of different sizes
    r"Find the dot product of $\begin{pmatrix} 1 \\ 2 \end{pmatrix}$ and "
    r"$\begin{pmatrix} 3 \\ 4 \\ 5 \end{pmatrix}.$",
    # a mixed product: more than one product of vectors
    r"Compute $\begin{pmatrix} 1 \\ 0 \\ 0 \end{pmatrix} \cdot \left( \begin{pmatrix} 0 \\ 1 \\ 0 \end{pmatrix} "
    r"\times \begin{pmatrix} 0 \\ 0 \\ 1 \end{pmatrix} \right).$",
    # projecting onto the zero vector
    r"Find the projection of $\begin{pmatrix} 3 \\ 1 \end{pmatrix}$ onto $\begin{pmatrix} 0 \\ 0 \end{pmatrix}.$",
    # an angle that is no exact number of degrees
    r"Find the angle between the vectors $\begin{pmatrix} 1 \\ 2 \end{pmatrix}$ and "
    r"$\begin{pmatrix} 3 \\ 0 \end{pmatrix},$ in degrees.",
    # an angle asked in radians is another question
    r"Find the angle between the vectors $\begin{pmatrix} 1 \\ 0 \end{pmatrix}$ and "
    r"$\begin{pmatrix} 0 \\ 1 \end{pmatrix},$ in radians.",
    # a complex number that is not in polar form
    r"Convert $3 + 4i$ to polar form.",
    # an extra condition not read
    r"Convert the point $(1, 1)$ in rectangular coordinates to polar coordinates, if $r < 0.$",
    # degrees already
    r"Convert $30^\circ$ radians to degrees.",
    # the sine is not the cosine asked for
    r"If $\theta$ is the angle between the vectors $\begin{pmatrix} 4 \\ 3 \end{pmatrix}$ and "
    r"$\begin{pmatrix} 0 \\ 2 \end{pmatrix}$, then find $\sin \theta$.",
    # M with a singular right factor has many answers; a size said that is not the size found
    r"Find the matrix $\mathbf{M}$ such that $\mathbf{M} \begin{pmatrix} 1 & 2 \\ 2 & 4 \end{pmatrix} = "
    r"\begin{pmatrix} 2 & 5 \\ 3 & 7 \end{pmatrix}.$",
    r"Find the $3 \times 3$ matrix $\mathbf{M}$ such that $\mathbf{M} \begin{pmatrix} 1 \\ 0 \end{pmatrix} = "
    r"\begin{pmatrix} 4 \\ 1 \end{pmatrix}$ and $\mathbf{M} \begin{pmatrix} 1 \\ 1 \end{pmatrix} = "
    r"\begin{pmatrix} 6 \\ 0 \end{pmatrix}.$",
    # shapes that do not fit: the engine's error, never an answer
    r"Compute $\begin{pmatrix} 1 \\ 2 \end{pmatrix} \begin{pmatrix} 3 \\ 4 \end{pmatrix}.$",
    r"Compute $\begin{pmatrix} 1 \\ 2 \end{pmatrix} + 3.$",
    r"Compute $\begin{pmatrix} 1 & 2 \end{pmatrix}^{2}.$",
    r"Compute $\begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}^{1/2}.$",
    # the letter cancels; two letters
    r"Find $x$ such that the vectors $\begin{pmatrix} 0 \\ 5 \end{pmatrix}$ and $\begin{pmatrix} x \\ 0 "
    r"\end{pmatrix}$ are orthogonal.",
    r"Find $x$ such that the vectors $\begin{pmatrix} x \\ 5 \end{pmatrix}$ and $\begin{pmatrix} y \\ -3 "
    r"\end{pmatrix}$ are orthogonal.",
    # no circle: no real points, unequal squares, an xy term
    r"What is the area of the region defined by the equation $x^2 + y^2 + 2x + 10 = 0$?",
    r"What is the area of the region defined by the equation $x^2 + 2y^2 = 4$?",
    r"What is the area of the region defined by the equation $x^2 + xy + y^2 = 4$?",
    # a scalar multiple needs the size; a matrix whose determinant is not given; a sum of matrices
    r"If $\det \mathbf{A} = 5,$ then find $\det (3 \mathbf{A}).$",
    r"If $\det \mathbf{A} = 5,$ then find $\det (\mathbf{A} \mathbf{C}).$",
    r"If $\det \mathbf{A} = 5,$ then find $\det (\mathbf{A} + \mathbf{A}).$",
    r"If $\det \mathbf{A} = 0,$ then find $\det (\mathbf{A}^{-1}).$",
    # not a c1 cos x + c2 sin x + c
    r"Find the maximum value of $\sin x \cos x.$",
    r"Find the maximum value of $\sin x + \cos y.$",
    r"Find the maximum value of $\sin^2 x + \cos x.$",
    r"Find the maximum value of $\cos x + 2 \sin x,$ over all angles $y.$",
    # a determinant with a letter under a function
    r"Evaluate $\begin{vmatrix} \cos x & \sin x \\ -\sin x & \cos x \end{vmatrix}.$",
    # a sum of waves, a square of one
    r"What is the period of $y = \sin x + \cos 2x$?",
    r"What is the period of $y = \sin^2 x$?",
    r"Find the phase shift of the graph of $y = \sin x \cos x.$",
    # three points on a line; no form given; a form with other conditions
    r"Find the equation of the plane containing the points $(0,0,0),$ $(1,1,1),$ and $(2,2,2).$  " + PLANE_FORM,
    r"Find the equation of the plane containing the points $(1,0,0),$ $(0,2,0),$ and $(0,0,3).$",
    r"Find the equation of the plane containing the points $(1,0,0),$ $(0,2,0),$ and $(0,0,3).$  Enter your "
    r"answer in the form \[Ax + By + Cz + D = 0,\]where $A,$ $B,$ $C,$ $D$ are integers such that $A < 0$ and "
    r"$\gcd(|A|,|B|,|C|,|D|) = 1.$",
    # A = 0 where A > 0 is asked
    r"Find the equation of the plane containing the points $(0,0,1),$ $(1,0,1),$ and $(0,1,1).$  " + PLANE_FORM,
    # planes that meet; the origin has no angle; a letter in the number
    r"Find the distance between the planes $x + 2y - 2z + 1 = 0$ and $2x + 4y + 4z + 5 = 0.$",
    r"When $0$ is converted to the exponential form $re^{i \theta}$, what is $\theta$?",
    r"When $a + i$ is converted to the exponential form $re^{i \theta}$, what is $\theta$?",
    r"When $1 + i$ is converted to the exponential form $re^{i \theta}$, what is $r$?",
    # a range that is not the principal one: several integers may answer
    r"Find the integer $n,$ $0 \le n \le 360,$ such that $\cos n^\circ = \cos 400^\circ.$",
    r"Find the integer $n,$ $0 \le n \le 180,$ such that $\tan n^\circ = \tan 400^\circ.$",
    # tangent against cosine is no congruence read here
    r"Find the integer $n,$ $-90 < n < 90,$ such that $\tan n^\circ = \cos 400^\circ.$",
    # a name not defined, a definition that is not a matrix, a definition after the question
    r"Let $\mathbf{a} = \begin{pmatrix} 2 \\ 3 \end{pmatrix}.$  Compute $\mathbf{a} \cdot \mathbf{b}.$",
    r"Let $\mathbf{a} = 3.$  Compute $2 \mathbf{a}.$",
    r"Compute $\mathbf{a} \cdot \mathbf{b},$ where $\mathbf{a} = \begin{pmatrix} 2 \\ 3 \end{pmatrix}$ and "
    r"$\mathbf{b} = \begin{pmatrix} 1 \\ 1 \end{pmatrix}.$",
    r"Let $\mathbf{a} = \begin{pmatrix} 2 \\ 3 \end{pmatrix}$ and $\mathbf{b} = \begin{pmatrix} 1 \\ 1 "
    r"\end{pmatrix}.$  Find the vector $\mathbf{v}$ such that $\mathbf{v} \cdot \mathbf{a} = 1.$",
    # a rectangular form that does not come out exactly
    r"Compute $(3 \cos 10^\circ + 2i \sin 10^\circ)^3.$  Enter your answer in rectangular form.",
    # a cube root of a complex number is no a + bi the engine writes
    r"Compute $(1 + i)^{1/3}.$  Enter your answer in rectangular form.",
    # 'in radians' with degrees in the formula
    r"Compute $\arcsin (\sin 30^\circ).$  All functions are in radians.",
    # e used as a letter
    r"Compute $e + i.$  Enter your answer in rectangular form.",
    # a condition with the question
    r"Find the midpoint of the segment with endpoints $(1, 2)$ and $(3, 4, 5).$",
]


@pytest.mark.parametrize("question", DECLINED)
def test_near_misses_decline(question):
    # declined when read, or when the answer came back in a form not given (an acos left in it)
    assert competition_precalc.match(question) is None or try_direct(question) is None


HOSTILE = [
    "", "$", "$$", r"Compute $\begin{pmatrix}$.", r"Compute $\begin{pmatrix} 1 & \\ \end{pmatrix}^{-1}$.",
    r"Compute $\begin{pmatrix} 1 & 2 \\ 3 \end{pmatrix} \begin{pmatrix} 1 \\ 2 \end{pmatrix}$.",
    r"Convert the point $(" + "1+" * 3000 + "1, 2)$ in rectangular coordinates to polar coordinates.",
    r"Compute $\begin{pmatrix} 2 & 0 \\ 0 & 2 \end{pmatrix}^{100000000}$.",
    r"Convert $10^{10^{10}} e^{\pi i}$ to rectangular form.",
    r"Find the projection of $\begin{pmatrix} 1 \\ 2 \end{pmatrix}$ onto $(1, 2)$.",
]


@pytest.mark.parametrize("question", HOSTILE)
def test_hostile_input_is_declined_or_answered_without_crashing(question):
    plan = competition_precalc.match(question)
    if plan is not None:
        answer = try_direct(question, timeout=10)
        assert answer is not None
