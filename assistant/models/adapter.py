"""The planner adapter shipped with calx: a LoRA trained on Calc-X chains for the embedded model only.

An adapter is described by a small JSON manifest beside its GGUF (file, sha256, the sha256 of the base
model it was trained on, the prompt style it expects). Before llama.cpp sees it, both hashes are
checked: a damaged adapter, or one meant for another model, is a typed `ModelUnavailable` in words,
never a silently worse planner. Direct math never loads the model, so it answers either way.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from .embedded import file_sha256
from .errors import ModelUnavailable

ADAPTERS = Path(__file__).parent / "adapters"
SHIPPED = "calx-planner-3"
OFF_VALUES = ("0", "off", "no", "none", "false")


@dataclass(frozen=True)
class Adapter:
    name: str
    path: Path
    sha256: str
    base_sha256: str  # the GGUF it was trained on; it is applied to no other
    base_name: str
    prompt: str  # the prompt style it was trained with: build_tuned_prompt, thoughts on ("tuned") or off ("tuned-plain")


def shipped_adapter() -> Adapter:
    return load_manifest(ADAPTERS / f"{SHIPPED}.json")


def load_manifest(path: Path) -> Adapter:
    try:
        data = json.loads(path.read_text())
        return Adapter(data["name"], path.parent / data["file"], data["sha256"], data["base_sha256"],
                       data["base_name"], data["prompt"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ModelUnavailable(f"the planner adapter's manifest {path} is unreadable ({exc}); "
                               "reinstall calx, or turn the adapter off (--no-adapter, CALX_ADAPTER=off)") from exc


def adapter_wanted(flag: bool | None) -> bool:
    """An explicit flag wins; otherwise CALX_ADAPTER=off turns the shipped adapter off."""
    if flag is not None:
        return flag
    return os.environ.get("CALX_ADAPTER", "on").strip().lower() not in OFF_VALUES


def chosen_adapter(flag: bool | None) -> Adapter | None:
    """The adapter to apply to the embedded model: none, the shipped one, or (CALX_ADAPTER=PATH.json) a
    candidate's manifest, for measuring a newly trained adapter through calx itself (training/README.md)."""
    if not adapter_wanted(flag):
        return None
    value = os.environ.get("CALX_ADAPTER", "").strip()
    if flag is None and value.endswith(".json"):
        return load_manifest(Path(value))
    return shipped_adapter()


def check_adapter(adapter: Adapter, model_path: Path, model_sha256: str | None = None) -> None:
    """Raise ModelUnavailable unless the adapter file is intact and was trained on this very model file."""
    from .gguf_file import check_gguf

    advice = "reinstall calx, or run without it (--no-adapter, CALX_ADAPTER=off)"
    if not adapter.path.is_file():
        raise ModelUnavailable(f"the planner adapter {adapter.path} is missing; {advice}")
    check_gguf(adapter.path, layout=False)
    if file_sha256(adapter.path) != adapter.sha256:
        raise ModelUnavailable(f"the planner adapter {adapter.path} is damaged (its sha256 is not the published "
                               f"one); {advice}")
    if (model_sha256 or file_sha256(model_path)) != adapter.base_sha256:
        raise ModelUnavailable(f"the planner adapter {adapter.name} was trained for {adapter.base_name} "
                               f"(sha256 {adapter.base_sha256[:12]}...), not for {model_path}; it is not applied "
                               "to another model: run with --no-adapter, or use the embedded model")
