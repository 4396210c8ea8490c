"""Decide which layers a worker will actually run with, and say so: a missing layer is reported,
never silently skipped."""
from __future__ import annotations

import os
from dataclasses import dataclass

from . import jshost, limits, osjail, seccomp_filter
from .assets import PYODIDE_VERSION
from .config import SandboxConfig
from .result import IsolationReport, Layer


@dataclass(frozen=True)
class Plan:
    js_permissions: bool
    codegen_ban: bool
    bridge_filter: bool
    os_isolation: bool
    seccomp: bool
    rlimits: bool
    report: IsolationReport


class LayerUnavailable(RuntimeError):
    pass


def plan(config: SandboxConfig) -> Plan:
    bwrap_ok, bwrap_why = osjail.available() if config.os_isolation else (False, "turned off in SandboxConfig")
    sc_ok, sc_why = seccomp_filter.available() if config.seccomp else (False, "turned off in SandboxConfig")
    try:
        binary, host_why = jshost.locate(config.runtime), ""
    except jshost.HostMissing as exc:
        binary, host_why = None, str(exc)
    off = "turned off in SandboxConfig"
    layers = [
        Layer("webassembly", True, f"Pyodide {PYODIDE_VERSION}: CPython compiled to wasm32, no direct system calls"),
        Layer("bridge-filter", config.bridge_filter,
              "`import js` / `pyodide_js` refused; the `js` module sees an empty object" if config.bridge_filter else off),
        Layer("js-permissions", config.js_permissions and binary is not None,
              (jshost.permission_summary(config.runtime) if config.js_permissions else off)
              if binary is not None else host_why),
        Layer("codegen-ban", config.codegen_ban,
              "--disallow-code-generation-from-strings: no eval/Function in the JS host" if config.codegen_ban else off),
        Layer("os-isolation", bwrap_ok, bwrap_why),
        Layer("unprivileged-user", bwrap_ok,
              _user_detail() if bwrap_ok else "needs bubblewrap"),
        Layer("seccomp", sc_ok, sc_why),
        Layer("rlimits", config.rlimits, limits.describe(config) if config.rlimits else off),
        Layer("network", _network_closed(config, bwrap_ok, sc_ok), _network_detail(config, bwrap_ok, sc_ok)),
        Layer("supervisor", True, "wall-clock watchdog kills the process group; output, value and reply caps; "
              "a killed worker is replaced"),
    ]
    report = IsolationReport(tuple(layers))
    if config.require_all and report.missing:
        raise LayerUnavailable("; ".join(f"{l.name}: {l.detail}" for l in report.missing))
    return Plan(config.js_permissions, config.codegen_ban, config.bridge_filter, bwrap_ok, sc_ok,
                config.rlimits, report)


def _user_detail() -> str:
    if os.geteuid() == 0:
        return ("uid/gid 65534 in a user namespace, all capabilities dropped "
                "(the namespace maps it to host root, so host files are guarded by not being mounted)")
    return "uid/gid 65534 in a user namespace, all capabilities dropped"


def _network_closed(config: SandboxConfig, bwrap_ok: bool, sc_ok: bool) -> bool:
    deno_denies = config.runtime == "deno" and config.js_permissions
    return deno_denies or bwrap_ok or sc_ok


def _network_detail(config: SandboxConfig, bwrap_ok: bool, sc_ok: bool) -> str:
    why = []
    if config.runtime == "deno" and config.js_permissions:
        why.append("Deno denies net")
    if bwrap_ok:
        why.append("empty network namespace")
    if sc_ok:
        why.append("seccomp refuses non-AF_UNIX sockets")
    return ", ".join(why) if why else "OPEN: Node has no network permission and no OS layer is active"
