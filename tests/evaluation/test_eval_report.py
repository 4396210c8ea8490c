"""Report table, progress line and PNG canvas: small pieces with visible outputs."""
import io

from assistant.png import Canvas
from assistant.evaluation.progress import Progress
from assistant.evaluation.report import markdown_table


def summary(**kw):
    base = {"run": "r", "dataset": "svamp", "mode": "tools", "model": "m", "n": 12, "selected": 30,
            "complete": False, "accuracy": 0.5, "ci95": [0.25, 0.75], "mean_ms": 2500.0, "tool_calls_per_item": 1.5}
    return {**base, **kw}


def test_markdown_table_marks_incomplete_runs_and_units():
    table = markdown_table([summary(), summary(run="d", complete=True, n=30, mean_ms=3.0)])
    rows = table.splitlines()
    assert rows[0].startswith("| run | dataset | mode | model | n | accuracy | 95% CI |")
    assert "| 12 of 30 | 50.0% | 25.0%–75.0% | 2.5 s | 1.50 |" in rows[2]
    assert "| 30 | 50.0% |" in rows[3] and "| 3 ms |" in rows[3]


def test_progress_without_a_terminal_prints_every_five_percent():
    stream = io.StringIO()
    bar = Progress(40, stream=stream, label="x")
    for k in range(40):
        bar.update(k % 2 == 0)
    lines = stream.getvalue().splitlines()
    assert len(lines) == 20
    assert "40/40" in lines[-1] and "acc  50.0%" in lines[-1]


def test_canvas_draws_text_and_clips_rectangles():
    canvas = Canvas(40, 20)
    canvas.rect(-5, -5, 3, 3, (255, 0, 0))  # clipped at the corner, no exception
    assert canvas.pixels[:3] == bytes([255, 0, 0])
    before = bytes(canvas.pixels)
    end = canvas.text(5, 5, "A1%", scale=1)
    assert end == 5 + 3 * 6 and bytes(canvas.pixels) != before
    assert canvas.png().startswith(b"\x89PNG")
