"""`calx doctor` and `calx sandbox`: what this machine gives calx, and what is missing, said plainly."""
from __future__ import annotations

import importlib
import platform
import shutil
import sys
from dataclasses import dataclass

import click

ENGINES = [("gmpy2", "exact integers and rationals (GMP/MPFR)"), ("flint", "factoring, primality (FLINT)"),
           ("sympy", "symbolic algebra and calculus"), ("symengine", "fast expansion and differentiation"),
           ("mpmath", "numeric checks")]


@dataclass(frozen=True)
class Finding:
    """One part and whether it is usable. A part that is not ok but not `needed` (an optional model, Pyodide
    files fetched on first use) is reported without failing the verdict; `fix` says how to get it."""

    part: str
    ok: bool
    detail: str
    needed: bool = True
    fix: str = ""

    @property
    def missing(self) -> bool:
        return self.needed and not self.ok


def engine_findings() -> list[Finding]:
    found = []
    for module, role in ENGINES:
        try:
            mod = importlib.import_module(module)
            version = getattr(mod, "__version__", None) or getattr(mod, "version", lambda: "?")()
            found.append(Finding(module, True, f"{version}: {role}"))
        except Exception as exc:  # report, never crash the doctor
            found.append(Finding(module, False, f"not importable ({exc}): {role}",
                                 fix=f"reinstall calx (pip install calx) to get {module}"))
    return found


def model_findings() -> list[Finding]:
    try:
        import llama_cpp  # noqa: F401

        backend = Finding("llama-cpp-python", True, f"{llama_cpp.__version__}: runs GGUF models locally")
    except Exception as exc:
        backend = Finding("llama-cpp-python", False, f"not importable ({exc}); the planner needs it or --server",
                          fix="pip install llama-cpp-python==0.3.36, or use a server (--server URL)")
    try:
        from .models import list_models

        infos = [Finding(f"model {i.name}", i.note not in ("not installed", "missing"),
                         f"{'in use; ' if i.in_use else ''}{i.location or ''} {i.note}".strip(),
                         needed=i.in_use, fix="pass an existing GGUF file to -m, or unset CALX_MODEL")
                 for i in list_models() if i.kind != "adapter"]
    except Exception as exc:
        infos = [Finding("models", False, f"could not list models: {exc}")]
    return [backend, *infos, adapter_finding()]


def adapter_finding() -> Finding:
    """The shipped planner adapter, its sha256 checked now (16 MB: milliseconds)."""
    from .models.adapter import adapter_wanted, shipped_adapter
    from .models.embedded import file_sha256
    from .models.errors import ModelUnavailable

    fix = "pip install --force-reinstall calx, or plan without it: --no-adapter or CALX_ADAPTER=off"
    wanted = adapter_wanted(None)
    try:
        lora = shipped_adapter()
        intact = lora.path.is_file() and file_sha256(lora.path) == lora.sha256
    except (ModelUnavailable, OSError) as exc:
        return Finding("planner adapter", False, str(exc), needed=wanted, fix=fix)
    use = "in use with the embedded model" if wanted else "off (CALX_ADAPTER)"
    state = "sha256 verified" if intact else "DAMAGED: its sha256 is not the published one"
    return Finding(f"adapter {lora.name}", intact, f"{state}; {use}; trained for {lora.base_name} (docs/MODEL.md)",
                   needed=wanted, fix=fix)


# Without these the sandbox cannot start at all (other layers missing only weaken it, and say so).
SANDBOX_NEEDS = ("sandbox js-host", "sandbox pyodide-files")
# Prepared by calx itself on first use of the python gadget (or by `calx sandbox install`): not yet there is no fault.
FIRST_USE = ("not fetched yet", "not built yet")
JS_HOST_FIX = "pip install deno==2.9.8 (a calx dependency), or set CALX_DENO_BIN to a Deno 2 binary"
BWRAP_FIX = "apt-get install bubblewrap (Debian/Ubuntu; dnf install bubblewrap on Fedora)"
LAYER_FIXES = {
    "js-host": JS_HOST_FIX,
    "js-permissions": JS_HOST_FIX,
    "os-isolation": BWRAP_FIX,
    "unprivileged-user": BWRAP_FIX,
    "seccomp": "pip install pyseccomp==0.1.2, with the libseccomp library (apt-get install libseccomp2)",
    "network": "apt-get install bubblewrap, or pip install pyseccomp (either closes the network)",
    "pyodide-files": "calx sandbox install (needs the npm registry once)",
    "snapshot": "calx sandbox install",
}


def sandbox_findings() -> list[Finding]:
    try:
        import sandbox

        return [_layer_finding(layer) for layer in sandbox.doctor().layers]
    except Exception as exc:
        return [Finding("sandbox", False, f"unavailable: {exc}", fix="reinstall calx; then calx sandbox install")]


def _layer_finding(layer) -> Finding:
    fix = LAYER_FIXES.get(layer.name, "")
    if fix == BWRAP_FIX and shutil.which("bwrap"):  # installed, yet refused: namespaces are not allowed here
        fix = ("let bubblewrap create user namespaces (sysctl kernel.unprivileged_userns_clone=1; "
               "kernel.apparmor_restrict_unprivileged_userns=0 on Ubuntu 24.04), or run calx outside this container")
    needed = layer.active or not any(phrase in layer.detail for phrase in FIRST_USE)
    return Finding(f"sandbox {layer.name}", layer.active, layer.detail, needed=needed, fix=fix)


def render(findings: list[Finding]) -> str:
    return "\n".join(f"{'ok ' if f.ok else 'NO '} {f.part:<26} {f.detail}" for f in findings)


def verdict(findings: list[Finding]) -> tuple[int, str]:
    """The exit status and the closing lines: ready (0), or what is missing and how to install it (1)."""
    missing = [f for f in findings if f.missing]
    later = [f for f in findings if not f.ok and not f.needed and f.part.startswith("sandbox ")]
    if not missing:
        lines = ["Verdict: ready: every engine, the planner and every sandbox layer calx relies on is here."]
        if later:
            lines.append(f"({', '.join(f.part for f in later)}: prepared on first use of the python gadget, "
                         "or now by `calx sandbox install`.)")
        return 0, "\n".join(lines)
    lines = [f"Verdict: NOT READY: {len(missing)} missing: {', '.join(f.part for f in missing)}.", "To fix:"]
    for fix in dict.fromkeys(f.fix or f"see the {f.part} line above" for f in missing):
        lines.append(f"  {fix}")
    return 1, "\n".join(lines)


@click.command(name="doctor")
def doctor_command() -> None:
    """Report the engines, models and sandbox layers available here, what is missing and how to get it.
    Exits 0 when calx has everything it relies on, 1 when something is missing."""
    click.echo(f"calx on Python {platform.python_version()} ({sys.platform})")
    sections = [("Engines", engine_findings()), ("Planner", model_findings()), ("Sandbox", sandbox_findings())]
    for title, findings in sections:
        click.echo(f"\n{title}\n{render(findings)}")
    blocking = [f for f in sections[2][1] if f.missing and f.part in SANDBOX_NEEDS]
    if blocking:
        click.echo(f"\nThe python gadget cannot run until {', '.join(f.part for f in blocking)} is fixed "
                   "(see above); arithmetic, big integers and symbolic math do not need it.")
    status, closing = verdict([f for _, findings in sections for f in findings])
    click.echo(f"\n{closing}")
    sys.exit(status)


@click.group(name="sandbox")
def sandbox_command() -> None:
    """The Python sandbox: install its runtime files, or show its layers."""


@sandbox_command.command(name="install")
def sandbox_install() -> None:
    """Fetch and verify Pyodide and prepare the sandbox (needs the npm registry once)."""
    import sandbox

    report = sandbox.install()
    click.echo(report.summary())


@sandbox_command.command(name="layers")
def sandbox_layers() -> None:
    """Show which isolation layers a sandbox would run with on this machine."""
    import sandbox

    click.echo(sandbox.doctor().summary())
