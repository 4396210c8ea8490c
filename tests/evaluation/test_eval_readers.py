"""Every reader on a small hostile fixture: good records become items, bad ones are skipped with a reason."""
from pathlib import Path

import pytest

from assistant.evaluation.datasets import NAMES, resolve
from assistant.evaluation.readers import detect_format, read_dataset

FIXTURES = Path(__file__).parent / "fixtures"


def load(name):
    return read_dataset(FIXTURES / name)


def reasons(dataset):
    return [s.reason for s in dataset.skipped]


def test_gsm8k_final_answer_and_hostile_lines():
    data = load("gsm8k_hostile.jsonl")
    assert data.format == "gsm8k"
    assert [i.gold for i in data.items] == ["36", "2,500", "7", "5"]
    assert any("malformed JSON" in r for r in reasons(data))
    assert any("#### N" in r for r in reasons(data))
    assert "missing field 'question'" in reasons(data)
    assert "not a JSON object" in reasons(data)


def test_svamp_joins_body_and_question_and_skips_bad_records():
    data = load("svamp_small.json")
    assert len(data.items) == 1
    assert data.items[0].question == ("Each pack costs 76 dollars. There is a discount of 25 dollars on each pack. "
                                      "How much is each pack?")
    assert data.items[0].gold == "51.0"
    assert sorted(reasons(data)) == sorted(["missing field 'Answer'", "not a JSON object", "empty question"])


def test_asdiv_xml_units_ratios_and_broken_files():
    data = load("asdiv_small.xml")
    assert [i.gold for i in data.items] == ["9 (apples)", "3:4"]
    assert data.items[1].meta["type"] == "Ratio"
    assert reasons(data) == ["missing field 'Question'"]
    broken = load("asdiv_broken.xml")
    assert broken.items == [] and "malformed XML" in reasons(broken)[0]


def test_multiple_choice_readers_build_option_maps():
    mathqa = load("mathqa_small.jsonl")
    assert mathqa.items[0].choices == {"A": "36", "B": "38", "C": "40", "D": "42", "E": "none"}
    assert mathqa.items[1].choices["A"] == "462 cm ²"  # the list-looking options string
    assert "Options: A) 36, B) 38" in mathqa.items[0].question
    assert any("not an option" in r for r in reasons(mathqa))
    aqua = load("aqua_small.jsonl")
    assert aqua.items[0].kind == "choice" and aqua.items[0].gold == "C" and aqua.items[0].choices["C"] == "9"
    assert reasons(aqua) == ["unusable record: options is not a list"]


def test_math_boxed_answers():
    data = load("math_small.jsonl")
    assert [i.gold for i in data.items] == [r"\frac{3}{4}", r"\left( 3, \frac{\pi}{2} \right)"]
    assert all(i.kind == "expression" for i in data.items)
    assert len(data.skipped) == 2  # no box; unbalanced box
    math500 = load("math500_small.jsonl")
    assert math500.format == "math500" and math500.items[1].gold == "3, 5, 7"


def test_bigbench_list_targets_and_junk_examples():
    data = load("bigbench_small.json")
    assert [i.gold for i in data.items] == ["2939885984", "-10301", "213", "24"]
    assert sorted(reasons(data)) == ["missing field 'target'", "not a JSON object"]


def test_other_formats():
    assert [i.gold for i in load("calcx_small.jsonl").items][:2] == ["582", "145"]
    dm = load("dm_math_small.jsonl")
    assert [i.kind for i in dm.items] == ["number", "expression", "text"]
    assert load("mawps_small.jsonl").items[0].gold == "43.0"
    hard = load("gsm_hard_small.jsonl")
    assert hard.items[0].gold == "3.3333333333333335"  # every digit PAL's float had
    assert reasons(hard) == ["unusable record: null field"]


def test_format_detection_by_name_and_by_content(tmp_path):
    assert detect_format(Path("openai+grade-school-math__x.jsonl")) == "gsm8k"
    assert detect_format(Path("whatever.xml")) == "asdiv-xml"
    odd = tmp_path / "renamed.jsonl"
    odd.write_text('{"problem": "p", "options": "a ) 1 , b ) 2", "correct": "a"}\n')
    assert detect_format(odd) == "mathqa"
    unknown = tmp_path / "unknown.jsonl"
    unknown.write_text('{"foo": 1}\n')
    with pytest.raises(ValueError):
        read_dataset(unknown)


def test_every_short_name_reads_its_real_file(benchmarks):
    for name in NAMES:
        data = read_dataset(resolve(name, benchmarks))
        assert len(data.items) > 20, name
        assert len(data.skipped) <= len(data.items) // 20, (name, data.skipped[:3])
