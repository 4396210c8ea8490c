"""`calx eval`, `calx eval report` (Markdown + PNG) and `calx chains` through the real CLI entry point."""
import json
import struct
import zlib
from pathlib import Path

from click.testing import CliRunner

from assistant.cli import main

FIXTURES = Path(__file__).parent / "fixtures"


def test_eval_runs_a_file_and_report_compares_runs(tmp_path):
    runner = CliRunner()
    out = tmp_path / "run"
    result = runner.invoke(main, ["eval", str(FIXTURES / "bigbench_small.json"), "--no-model", "--quiet",
                                  "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "4/4 = 100.0%" in result.output
    assert json.loads((out / "summary.json").read_text())["mode"] == "direct"

    png = tmp_path / "chart.png"
    report = runner.invoke(main, ["eval", "report", str(out), "--png", str(png)])
    assert report.exit_code == 0, report.output
    assert "| run | dataset | mode |" in report.output and "100.0%" in report.output
    width, height = _png_size_and_check(png.read_bytes())
    assert width > 600 and height > 100


def _png_size_and_check(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, size = 8, b"", None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])
        assert crc == zlib.crc32(kind + body) & 0xFFFFFFFF
        if kind == b"IHDR":
            size = struct.unpack(">II", body[:8])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height = size
    assert len(zlib.decompress(idat)) == height * (1 + 3 * width)  # every row: filter byte + RGB
    return width, height


def test_eval_rejects_unknown_dataset_and_conflicting_flags():
    runner = CliRunner()
    assert runner.invoke(main, ["eval", "no-such-set"]).exit_code == 2
    result = runner.invoke(main, ["eval", str(FIXTURES / "bigbench_small.json"), "--no-model", "--ablate", "tools"])
    assert result.exit_code == 2


def test_chains_validate_exit_code_and_from_gsm8k_output(tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["chains", "validate", str(FIXTURES / "calcx_small.jsonl")])
    assert result.exit_code == 1
    assert "12 * 12" in result.output and "recorded '145'" in result.output

    chains = tmp_path / "chains.jsonl"
    result = runner.invoke(main, ["chains", "from-gsm8k", str(FIXTURES / "gsm8k_hostile.jsonl"), "-o", str(chains)])
    assert result.exit_code == 0, result.output
    assert len(chains.read_text().splitlines()) == 4
    assert "1 annotation values differ" in result.output
