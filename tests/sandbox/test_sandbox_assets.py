"""Fetching and checking the Pyodide files: integrity check, offline message, the SymPy zip."""
from __future__ import annotations

import io
import zipfile

import pytest

from sandbox import assets


def test_pinned_tarball_passes_and_tampered_fails():
    found = assets.assets()
    # The unpacked files are what we have; verify the check itself on known data instead.
    import base64
    import hashlib

    data = b"pyodide"
    good = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()
    assets.verify_integrity(data, good)
    with pytest.raises(assets.AssetsMissing, match="failed its sha512 check"):
        assets.verify_integrity(data + b"!", good)
    assert found.pyodide.joinpath("pyodide.asm.wasm").is_file()


def test_offline_fetch_fails_with_what_to_run(tmp_path, monkeypatch):
    # A real connection attempt to a closed local port stands in for "offline".
    monkeypatch.setattr(assets, "REGISTRY", "http://127.0.0.1:9")
    with pytest.raises(assets.AssetsMissing) as info:
        assets.fetch_pyodide(assets.assets(tmp_path), progress=io.StringIO())
    assert "calx sandbox install" in str(info.value) and assets.PYODIDE_VERSION in str(info.value)
    assert not (tmp_path / f"pyodide-{assets.PYODIDE_VERSION}" / "package").exists()


@pytest.mark.slow
def test_fetch_from_the_registry_verifies_and_unpacks(tmp_path):
    found = assets.assets(tmp_path)
    progress = io.StringIO()
    assets.fetch_pyodide(found, progress)
    assert (found.pyodide / "pyodide.asm.wasm").is_file()
    assert "100%" in progress.getvalue()


def test_site_zip_holds_sympy_and_mpmath_without_tests(tmp_path):
    target = tmp_path / "site.zip"
    assets.build_site_zip(target)
    with zipfile.ZipFile(target) as z:
        names = z.namelist()
    assert "sympy/__init__.py" in names and "mpmath/__init__.py" in names
    assert not any("/tests/" in n for n in names)
    assert all(n.endswith(".py") or n == "calx-site.json" for n in names)


def test_site_zip_is_rebuilt_when_it_does_not_match_the_host(tmp_path):
    target = tmp_path / "site.zip"
    assets.build_site_zip(target)
    assert assets._site_is_current(target)
    with zipfile.ZipFile(target, "a") as z, pytest.warns(UserWarning, match="Duplicate name"):
        z.writestr("calx-site.json", '{"sympy": "0.0"}')  # a later entry shadows the first
    assert not assets._site_is_current(target)
