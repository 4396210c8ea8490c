"""calx chains: re-running Calc-X gadget calls and converting GSM8K annotations, on hostile fixtures."""
import io
import json
from pathlib import Path

from assistant.evaluation.chains import calls_of, compare_outputs, convert_gsm8k, validate_file

FIXTURES = Path(__file__).parent / "fixtures"


def test_compare_outputs_accepts_formatting_and_stated_rounding():
    assert compare_outputs("16.00", "16") is None
    assert compare_outputs("2.5", "5/2 = around 2.5") is None
    assert compare_outputs("3.33", "10/3 = around 3.333333") is None  # rounded to the digits written
    assert compare_outputs("3.4", "10/3 = around 3.333333") == "different value"
    assert compare_outputs("145", "144") == "different value"


def test_calls_from_records_and_from_markup():
    markup = '<gadget id="calculator">10/4</gadget><output>5/2 = around 2.5</output>'
    assert calls_of(markup)[0].input == "10/4"
    assert calls_of([{"gadget_id": "calculator", "inputs": "1+1", "outputs": "2"}])[0].output == "2"


def test_validate_reports_each_differing_call():
    report = validate_file(FIXTURES / "calcx_small.jsonl", timeout=5)
    reasons = {d.input: d.reason for d in report.diffs}
    assert reasons["12 * 12"] == "different value"
    assert reasons["x"] == "unknown gadget"
    assert reasons["10^10^10"].startswith("tool error")  # refused by the calculator's size guard
    assert "97 * 6" not in reasons and "10/4" not in reasons and "1/3" not in reasons
    assert report.chains == 5 and report.calls == 6
    assert report.skipped and "no usable chain" in report.skipped[0][1]


def test_from_gsm8k_builds_chains_and_finds_wrong_annotations():
    sink, errors = io.StringIO(), io.StringIO()
    stats = convert_gsm8k(FIXTURES / "gsm8k_hostile.jsonl", sink, errors, timeout=5)
    records = [json.loads(line) for line in sink.getvalue().splitlines()]
    assert stats.records == 4 and stats.skipped == 4
    assert records[0]["chain"].startswith('3*12=<gadget id="calculator">3*12</gadget><output>36</output>')
    assert records[0]["chain"].endswith("<result>36</result>")
    found = [json.loads(line) for line in errors.getvalue().splitlines()]
    mismatches = [e for e in found if e["kind"] == "mismatch"]
    assert [e["annotation"] for e in mismatches] == ["2*3=7"]  # 10/3=3.33 is a rounding, not an error
    assert stats.mismatches == 1 and stats.unreadable == 1
