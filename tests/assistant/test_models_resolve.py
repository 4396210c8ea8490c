"""Which model answers: explicit spec, then CALX_MODEL / CALX_SERVER, then the embedded default (nothing is loaded)."""
from __future__ import annotations

import pytest

from assistant.models import LlamaCppModel, OpenAIServerModel, list_models, resolve_model
from assistant.models.server import _split_endpoint


def test_server_from_environment(monkeypatch):
    monkeypatch.setenv("CALX_SERVER", "http://127.0.0.1:9/v1")
    model = resolve_model()
    assert isinstance(model, OpenAIServerModel) and model.base_url == "http://127.0.0.1:9/v1"
    assert [i.kind for i in list_models() if i.in_use] == ["server"]


def test_explicit_model_path_beats_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("CALX_SERVER", "http://127.0.0.1:9")
    path = tmp_path / "tiny.gguf"
    path.write_bytes(b"GGUF")  # never loaded here: resolving is lazy
    model = resolve_model(str(path))
    assert isinstance(model, LlamaCppModel) and model.path == path and not model.loaded
    assert [i.location for i in list_models(str(path)) if i.in_use] == [str(path.resolve())]


def test_model_path_from_environment(monkeypatch, tmp_path):
    path = tmp_path / "env.gguf"
    path.write_bytes(b"GGUF")
    monkeypatch.delenv("CALX_SERVER", raising=False)
    monkeypatch.setenv("CALX_MODEL", str(path))
    assert resolve_model().path == path


@pytest.mark.parametrize("url,base,chat", [
    ("http://h:8080", "http://h:8080/v1", False),
    ("http://h:8080/v1/", "http://h:8080/v1", False),
    ("http://h:8080/v1/completions", "http://h:8080/v1", False),
    ("http://h:8080/v1/chat/completions", "http://h:8080/v1", True),
])
def test_server_url_forms(url, base, chat):
    assert _split_endpoint(url) == (base, chat)
