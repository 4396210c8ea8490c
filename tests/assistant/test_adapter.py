"""The shipped planner adapter: on by default with the embedded model, checked before llama.cpp sees it,
refused (in words) when damaged or meant for another model, and never in the way of direct math."""
from __future__ import annotations

import dataclasses
import json
import shutil
import subprocess
import sys

import pytest

from assistant import Assistant
from assistant.models import resolve_model
from assistant.models.adapter import shipped_adapter
from assistant.models.embedded import default_model_path
from assistant.models.errors import ModelUnavailable
from assistant.models.gguf import LlamaCppModel

HEADLINE = "Tom has 25 stickers and buys 17 more. How many stickers does he have now?"


def test_the_embedded_model_carries_the_adapter_and_its_prompt(monkeypatch):
    monkeypatch.delenv("CALX_ADAPTER", raising=False)
    model = resolve_model()
    assert model.adapter == shipped_adapter() and model.prompt_style == "tuned-plain"
    assert model.name == "gemma-3-270m-q4_k_m+calx-planner-3"


@pytest.mark.parametrize("how", ["flag", "env"])
def test_the_adapter_can_be_turned_off(monkeypatch, how):
    monkeypatch.setenv("CALX_ADAPTER", "off" if how == "env" else "on")
    model = resolve_model(adapter=False) if how == "flag" else resolve_model()
    assert model.adapter is None and model.prompt_style == "fewshot" and model.name == "gemma-3-270m-q4_k_m"


def test_a_candidate_adapter_is_chosen_by_its_manifest_and_still_checked(monkeypatch, tmp_path):
    lora = shipped_adapter()
    manifest = json.loads((lora.path.parent / f"{lora.name}.json").read_text())
    candidate = tmp_path / "candidate.json"
    candidate.write_text(json.dumps({**manifest, "name": "candidate", "file": str(lora.path),
                                     "prompt": "tuned-plain"}))
    monkeypatch.setenv("CALX_ADAPTER", str(candidate))
    model = resolve_model()
    assert model.adapter.name == "candidate" and model.prompt_style == "tuned-plain"
    assert resolve_model(adapter=False).adapter is None  # an explicit flag still wins
    candidate.write_text(json.dumps({**manifest, "name": "candidate-2", "file": str(lora.path), "sha256": "0" * 64}))
    with pytest.raises(ModelUnavailable, match="damaged"):
        resolve_model().load()


def test_a_damaged_adapter_is_a_worded_error_and_direct_math_still_answers(tmp_path):
    lora = shipped_adapter()
    damaged = tmp_path / "damaged.gguf"
    shutil.copyfile(lora.path, damaged)
    with damaged.open("r+b") as f:  # a scribble in the tensor data: the header still reads as GGUF
        f.seek(lora.path.stat().st_size // 2)
        f.write(b"\xff" * 64)
    model = LlamaCppModel(default_model_path(), adapter=dataclasses.replace(lora, path=damaged))
    with pytest.raises(ModelUnavailable, match="damaged"):
        model.load()
    session = Assistant(model=model)
    assert session.ask("2^10").answer == "1024"
    word = session.ask(HEADLINE)
    assert word.answer is None and word.error.type == "model_unavailable" and "--no-adapter" in word.error.message


def test_an_adapter_for_another_model_is_never_applied():
    other = dataclasses.replace(shipped_adapter(), base_sha256="0" * 64, base_name="some-other-model")
    with pytest.raises(ModelUnavailable, match="trained for some-other-model"):
        LlamaCppModel(default_model_path(), adapter=other).load()


def test_a_missing_adapter_file_says_so(tmp_path):
    gone = dataclasses.replace(shipped_adapter(), path=tmp_path / "nothing.gguf")
    with pytest.raises(ModelUnavailable, match="missing"):
        LlamaCppModel(default_model_path(), adapter=gone).load()


def test_the_readme_headline_question_is_answered_42_by_the_real_model(monkeypatch):
    monkeypatch.delenv("CALX_ADAPTER", raising=False)
    answer = Assistant().ask(HEADLINE)
    assert answer.route == "planner" and answer.error is None
    assert answer.answer == "42", answer.chain
    assert answer.steps[-1].tool == "calculator" and answer.steps[-1].output == "42"


def test_cli_no_adapter_plans_with_the_model_alone():
    done = subprocess.run([sys.executable, "-m", "assistant.cli", "--no-adapter", "--json", HEADLINE],
                          capture_output=True, text=True, timeout=300)
    record = json.loads(done.stdout)
    assert record["model"] == "gemma-3-270m-q4_k_m" and record["route"] == "planner"


def test_doctor_and_models_show_the_adapter():
    models = subprocess.run([sys.executable, "-m", "assistant.cli", "models"], capture_output=True, text=True,
                            timeout=120).stdout
    assert "* calx-planner-3" in models and "adapter" in models
    doctor = subprocess.run([sys.executable, "-m", "assistant.cli", "doctor"], capture_output=True, text=True,
                            timeout=300).stdout
    assert "adapter calx-planner-3" in doctor and "sha256 verified" in doctor

