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


def _pixels_digest(png: bytes) -> str:
    """sha256 of the IHDR and the decompressed IDAT: the image itself, whatever zlib build compressed it."""
    import hashlib
    import struct
    import zlib

    pos, header, data = 8, b"", b""
    while pos < len(png):
        (length,) = struct.unpack(">I", png[pos:pos + 4])
        kind, body = png[pos + 4:pos + 8], png[pos + 8:pos + 8 + length]
        header, data = (body, data) if kind == b"IHDR" else (header, data + body if kind == b"IDAT" else data)
        pos += 12 + length
    return hashlib.sha256(header + zlib.decompress(data)).hexdigest()


def test_the_plot_and_the_benchmark_chart_are_the_images_they_were(tmp_path):
    """One canvas and encoder (assistant/png.py) for both: the same pixels as before the two were merged."""
    import math

    from assistant.evaluation.chart import bar_chart

    xs = [i / 10 for i in range(-30, 31)]
    ys = [math.nan if abs(x) < 0.05 else 1 / x for x in xs]
    plot = save_line_chart(tmp_path / "p.png", xs, ys, width=300, height=200).read_bytes()
    runs = [{"dataset": "gsm8k", "mode": "direct", "accuracy": 0.42, "ci95": (0.35, 0.49), "n": 300},
            {"dataset": "svamp (x)", "mode": "", "accuracy": 0.9, "ci95": (0.85, 0.95), "n": 100}]
    chart = bar_chart(runs, "Accuracy: run 1/2, [test]_ok?")
    assert _pixels_digest(plot) == "810c08123d6ba0a698083240f398ad61fec2d502bc3abd664754c07bf437dc58"
    assert _pixels_digest(chart) == "d1f0ff5e0dca2be06cd43faa9dfa9d314302338de4630fc472429b5154fd62a7"
