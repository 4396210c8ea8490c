"""Plot requests, sampling through the exact engines, and the stdlib PNG writer."""
import math
import struct
import zlib

import pytest

from tui.plotting import PlotError, PlotRequest, parse_plot, sample
from tui.png import save_line_chart
from tui.session import ChatSession


@pytest.mark.parametrize("question, request_", [
    ("plot sin(x) from -pi to pi", PlotRequest("sin(x)", "-pi", "pi")),
    ("Plot x^2", PlotRequest("x^2")),
    ("graph y = 1/x on -2 to 2", PlotRequest("1/x", "-2", "2")),
    ("Can you plot sin(x) between 0 and 2*pi?", PlotRequest("sin(x)", "0", "2*pi")),
    ("please draw the graph of x^3 - x for x in [-2, 2]", PlotRequest("x^3 - x", "-2", "2")),
    ("plot f(x) = exp(-x^2) from -3 to 2.5.", PlotRequest("exp(-x^2)", "-3", "2.5")),
])
def test_plot_requests_are_read(question, request_):
    assert parse_plot(question) == request_


def test_questions_are_not_plots():
    assert parse_plot("what is the plot of the story?") is None
    assert parse_plot("2+2") is None


def test_sampling_leaves_gaps_where_the_function_is_undefined():
    session = ChatSession(use_planner=False)
    data = sample(PlotRequest("log(x)", "-1", "1"), session.ask, n=21)
    assert all(math.isnan(y) for y in data.ys[:10]) and math.isnan(data.ys[10])  # x <= 0
    assert data.ys[-1] == 0.0 and abs(data.ys[15] - math.log(0.5)) < 1e-12
    with pytest.raises(PlotError):
        sample(PlotRequest("y + 1"), session.ask)


def test_png_is_a_valid_image_with_the_curve_drawn(tmp_path):
    xs = [k / 10 for k in range(-30, 31)]
    path = save_line_chart(tmp_path / "p.png", xs, [x * x for x in xs], width=200, height=120)
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (200, 120)
    idat = data[data.index(b"IDAT") + 4:data.index(b"IEND") - 8]
    raw = zlib.decompress(idat)
    assert len(raw) == height * (1 + 3 * width)
    blue = sum(1 for k in range(0, len(raw) - 2) if raw[k:k + 3] == bytes((31, 119, 180)))
    assert blue > 100, "the curve is drawn"
