"""The files the sandbox runs: the pinned Pyodide npm package and a zip of SymPy + mpmath.

`pip install` cannot run npm, so the Pyodide package is fetched from the npm registry on first use
(or by `install()`, which `calx sandbox install` calls), verified against the sha512 pinned here
(the `dist.integrity` the registry publishes for this version), and unpacked in the user cache dir.
SymPy and mpmath are not downloaded: they are pure Python, so the host's own installed copies (the
ones `pip install calx` pinned) are packed into one zip that Pyodide imports with zipimport.
Pyodide's own lock file lists sympy/mpmath wheels, but they live on its CDN, which calx cannot
assume is reachable; nothing here needs loadPackage, so pyodide-lock/pyodide-build are not used.
"""
from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import shutil
import sys
import tarfile
import tempfile
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO

PYODIDE_VERSION = "314.0.7"
PYODIDE_INTEGRITY = (
    "sha512-0YvXxEhfEdpLfb/XkM2BFAeMROq0iMUX2bzzH9pOttyMcWkwq+HbE5uyuGD82LN7y2q+SNvi/6V5JEsOlD2R1A=="
)
REGISTRY = os.environ.get("CALX_NPM_REGISTRY", "https://registry.npmjs.org").rstrip("/")
SITE_PACKAGES = ("sympy", "mpmath")  # pure-Python packages made importable inside
INSTALL_HINT = "run `calx sandbox install` (or `python -c 'import sandbox; sandbox.install()'`) while online"


class AssetsMissing(RuntimeError):
    """The Pyodide files are absent and could not be fetched; the message says what to run."""


@dataclass(frozen=True)
class Assets:
    root: Path  # everything the JS host may read lives under here
    pyodide: Path  # the unpacked npm package
    site: Path  # zip of SymPy + mpmath

    def snapshot(self, runtime: str) -> Path:
        """The start-up snapshot for `runtime`; its name carries a digest of everything baked into it
        (the code run inside, the driver, the packed SymPy/mpmath), so a change makes a new one."""
        digest = hashlib.sha256()
        here = Path(__file__).parent
        for part in (here / "inside.py", here / "driver.mjs"):
            digest.update(part.read_bytes())
        try:
            with zipfile.ZipFile(self.site) as archive:
                digest.update(archive.read("calx-site.json"))
        except (OSError, KeyError, zipfile.BadZipFile):
            pass
        return self.root / f"snapshot-{runtime}-{digest.hexdigest()[:12]}.bin"


def cache_root() -> Path:
    override = os.environ.get("CALX_SANDBOX_CACHE")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("calx")) / "sandbox"


def assets(root: Path | None = None) -> Assets:
    base = (root or cache_root()) / f"pyodide-{PYODIDE_VERSION}"
    return Assets(root=base, pyodide=base / "package", site=base / "site-packages.zip")


def is_installed(found: Assets | None = None) -> bool:
    found = found or assets()
    return (found.pyodide / "pyodide.asm.wasm").is_file() and found.site.is_file()


def ensure(progress: IO[str] | None = sys.stderr) -> Assets:
    """Return the assets, fetching them first if needed (the 'no manual step' path)."""
    found = assets()
    if not (found.pyodide / "pyodide.asm.wasm").is_file():
        fetch_pyodide(found, progress)
    if not found.site.is_file() or not _site_is_current(found.site):
        build_site_zip(found.site)
    return found


def _site_is_current(site: Path) -> bool:
    """The zip mirrors the host's SymPy/mpmath; after an upgrade of either it is rebuilt."""
    try:
        with zipfile.ZipFile(site) as archive:
            packed = json.loads(archive.read("calx-site.json"))
    except (OSError, KeyError, ValueError, zipfile.BadZipFile):
        return False
    return packed == {name: _version(name) for name in SITE_PACKAGES}


def verify_integrity(data: bytes, integrity: str = PYODIDE_INTEGRITY) -> None:
    algorithm, _, expected = integrity.partition("-")
    digest = base64.b64encode(hashlib.new(algorithm, data).digest()).decode()
    if digest != expected:
        raise AssetsMissing(f"pyodide {PYODIDE_VERSION} tarball failed its {algorithm} check; refusing to use it")


def _download(url: str, progress: IO[str] | None) -> bytes:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            total = int(response.headers.get("Content-Length") or 0)
            chunks, got = [], 0
            while chunk := response.read(256 * 1024):
                chunks.append(chunk)
                got += len(chunk)
                if progress and total:
                    progress.write(f"\rcalx: fetching Pyodide {PYODIDE_VERSION}: {got * 100 // total:3d}% of {total / 1e6:.1f} MB")
                    progress.flush()
            if progress:
                progress.write("\n")
            return b"".join(chunks)
    except OSError as exc:
        raise AssetsMissing(
            f"the Python sandbox needs Pyodide {PYODIDE_VERSION}, which is not cached and could not be "
            f"fetched from {url} ({exc}); {INSTALL_HINT}"
        ) from exc


def fetch_pyodide(found: Assets, progress: IO[str] | None = sys.stderr) -> None:
    url = f"{REGISTRY}/pyodide/-/pyodide-{PYODIDE_VERSION}.tgz"
    data = _download(url, progress)
    verify_integrity(data)
    found.root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=found.root, prefix=".unpack-"))
    try:
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
            archive.extractall(staging, filter="data")  # "data" refuses links and paths outside
        if found.pyodide.exists():
            shutil.rmtree(found.pyodide)
        os.replace(staging / "package", found.pyodide)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    for stale in found.root.glob("snapshot-*.bin"):
        stale.unlink()  # a snapshot belongs to one exact build


def build_site_zip(target: Path) -> None:
    """Pack the host's installed SymPy and mpmath (sources only, tests left out) into one zip."""
    import importlib.util

    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".tmp")
    manifest = {}
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_STORED) as archive:  # stored: zipimport reads without inflating
        for name in SITE_PACKAGES:
            spec = importlib.util.find_spec(name)
            if spec is None or not spec.submodule_search_locations:
                raise AssetsMissing(f"{name} is not installed on the host; reinstall calx")
            package_dir = Path(next(iter(spec.submodule_search_locations)))
            for path in sorted(package_dir.rglob("*.py")):
                relative = path.relative_to(package_dir.parent)
                if "tests" in relative.parts or "__pycache__" in relative.parts:
                    continue
                archive.write(path, relative.as_posix())
            manifest[name] = _version(name)
        archive.writestr("calx-site.json", json.dumps(manifest))
    os.replace(tmp, target)
    for stale in target.parent.glob("snapshot-*.bin"):
        stale.unlink()  # the snapshot holds imported modules from the old zip


def _version(name: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return "unknown"
