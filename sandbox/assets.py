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
REGISTRY = "https://registry.npmjs.org"  # $CALX_NPM_REGISTRY, read at each fetch, overrides it
# The files the driver loads, with their size and sha256 as they come out of the tarball that
# PYODIDE_INTEGRITY pins: the unpacked copy is checked against these before a worker starts, so a
# truncated or altered file is fetched again (and verified again) instead of being run.
PINNED_FILES = {
    "pyodide.mjs": (17931, "6f1d60f7bf529beb300f0f47983c921d3982363640ba20af0e38efdddbc66109"),
    "pyodide.asm.mjs": (1250344, "f7cdc8ece80678ceb712f8e65ebe6d3a83203a180c399865f49612a051693635"),
    "pyodide.asm.wasm": (9598218, "cc36e3cab04fdfc9a63ff13eb52eae2b911bf46c025cc7b281f394bd3de1d5e6"),
    "python_stdlib.zip": (2545637, "fa1957e5777068fc4f7437f96d860ae2fbe9c19732ba06c84e004ec16dd7dd7a"),
    "pyodide-lock.json": (119077, "5dc2fc119108bc148c7457dc86e7675b5c87e1cafd420b9c34c1eaef7b36c010"),
}
DIGEST_SUFFIX = ".sha256"  # beside a file calx builds itself (the SymPy zip, a snapshot): its digest
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


Checked = dict  # path -> (size, mtime, inode) of files already verified; a session keeps one


def damaged_files(found: Assets, checked: Checked | None = None) -> list[str]:
    """The pinned Pyodide files that are missing or differ from the verified tarball's."""
    return [name for name, (size, sha256) in PINNED_FILES.items()
            if not _matches(found.pyodide / name, size, sha256, checked)]


def ensure(progress: IO[str] | None = sys.stderr, checked: Checked | None = None) -> Assets:
    """Return the assets, fetching them first if needed (the 'no manual step' path). Files that are
    damaged are fetched again; `checked` lets a session skip files it verified and that have not
    changed since."""
    found = assets()
    bad = damaged_files(found, checked)
    if bad:
        present = [name for name in bad if (found.pyodide / name).exists()]
        if present:
            what = f"the Pyodide files in {found.pyodide} are damaged ({', '.join(present)} failed the sha256 check)"
            if progress:
                progress.write(f"calx: {what}; fetching them again\n")
        else:
            what = f"the Python sandbox needs Pyodide {PYODIDE_VERSION}, which is not in {found.pyodide}"
        try:
            fetch_pyodide(found, progress)
        except AssetsMissing as exc:
            raise AssetsMissing(f"{what}: {exc}") from None
        if damaged_files(found, checked):
            raise AssetsMissing(f"{what}, and a fresh copy does not match either; {INSTALL_HINT}")
    if not found.site.is_file() or not _site_is_current(found.site) or not intact(found.site, checked):
        build_site_zip(found.site, checked)
    return found


def intact(path: Path, checked: Checked | None = None) -> bool:
    """Whether a file calx built still matches the digest recorded when it was built. A file from
    before digests were recorded is trusted once and its digest recorded now."""
    return _verified(path, checked, lambda _: _agrees_with_record(path))


def _agrees_with_record(path: Path) -> bool:
    try:
        recorded = path.with_name(path.name + DIGEST_SUFFIX).read_text().strip()
    except OSError:
        record_digest(path)
        return True
    return recorded == _sha256(path)


def record_digest(path: Path, checked: Checked | None = None) -> None:
    """Write the digest of a file calx just built; `checked` then holds it as verified, so the session
    that built it does not hash it again at its next start."""
    target = path.with_name(path.name + DIGEST_SUFFIX)
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{target.name}.")
    except OSError:  # a read-only cache still works; it is only not checked
        return
    identity = _identity(path)
    try:
        with os.fdopen(fd, "w") as out:
            out.write(_sha256(path) + "\n")
        os.replace(tmp, target)
    except OSError:
        Path(tmp).unlink(missing_ok=True)
        return
    if checked is not None and identity is not None and _identity(path) == identity:
        checked[str(path)] = identity


def discard(path: Path) -> None:
    """Remove a file calx built, with its recorded digest, so that it is built again."""
    path.unlink(missing_ok=True)
    path.with_name(path.name + DIGEST_SUFFIX).unlink(missing_ok=True)


def _matches(path: Path, size: int, sha256: str, checked: Checked | None) -> bool:
    return _verified(path, checked, lambda identity: identity[0] == size and _sha256(path) == sha256)


def _verified(path: Path, checked: Checked | None, check) -> bool:
    """`check(identity)` on a file that exists, skipped when `checked` holds it unchanged since it last passed."""
    identity = _identity(path)
    if identity is None:
        return False
    if checked is not None and checked.get(str(path)) == identity:
        return True
    if not check(identity):
        return False
    if checked is not None:
        checked[str(path)] = identity
    return True


def _identity(path: Path) -> tuple[int, int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ino) if path.is_file() else None


def _sha256(path: Path) -> str:
    with open(path, "rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


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
        raise AssetsMissing(f"the Pyodide {PYODIDE_VERSION} tarball failed its {algorithm} check; refusing to use it")


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
            f"Pyodide {PYODIDE_VERSION} could not be fetched from {url} ({exc}); {INSTALL_HINT}"
        ) from exc


def fetch_pyodide(found: Assets, progress: IO[str] | None = sys.stderr) -> None:
    registry = (os.environ.get("CALX_NPM_REGISTRY") or REGISTRY).rstrip("/")
    url = f"{registry}/pyodide/-/pyodide-{PYODIDE_VERSION}.tgz"
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
        discard(stale)  # a snapshot belongs to one exact build


def build_site_zip(target: Path, checked: Checked | None = None) -> None:
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
    record_digest(target, checked)
    for stale in target.parent.glob("snapshot-*.bin"):
        discard(stale)  # the snapshot holds imported modules from the old zip


def _version(name: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return "unknown"
