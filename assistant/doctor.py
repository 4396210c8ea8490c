"""`calx doctor` and `calx sandbox`: what this machine gives calx, and what is missing, said plainly."""
from __future__ import annotations

import importlib
import platform
import sys
from dataclasses import dataclass

import click

ENGINES = [("gmpy2", "exact integers and rationals (GMP/MPFR)"), ("flint", "factoring, primality (FLINT)"),
           ("sympy", "symbolic algebra and calculus"), ("symengine", "fast expansion and differentiation"),
           ("mpmath", "numeric checks")]


@dataclass(frozen=True)
class Finding:
    part: str
    ok: bool
    detail: str


def engine_findings() -> list[Finding]:
    found = []
    for module, role in ENGINES:
        try:
            mod = importlib.import_module(module)
            version = getattr(mod, "__version__", None) or getattr(mod, "version", lambda: "?")()
            found.append(Finding(module, True, f"{version}: {role}"))
        except Exception as exc:  # report, never crash the doctor
            found.append(Finding(module, False, f"not importable ({exc}): {role}"))
    return found


def model_findings() -> list[Finding]:
    try:
        import llama_cpp  # noqa: F401

        backend = Finding("llama-cpp-python", True, f"{llama_cpp.__version__}: runs GGUF models locally")
    except Exception as exc:
        backend = Finding("llama-cpp-python", False, f"not importable ({exc}); the planner needs it or --server")
    try:
        from .models import list_models

        infos = [Finding(f"model {i.name}", i.note != "not installed",
                         f"{'in use; ' if i.in_use else ''}{i.location or ''} {i.note}".strip()) for i in list_models()]
    except Exception as exc:
        infos = [Finding("models", False, f"could not list models: {exc}")]
    return [backend, *infos]


# Without these the sandbox cannot start at all (other layers missing only weaken it, and say so).
SANDBOX_NEEDS = ("sandbox js-host", "sandbox pyodide-files")


def sandbox_findings() -> list[Finding]:
    try:
        import sandbox

        return [Finding(f"sandbox {layer.name}", layer.active, layer.detail) for layer in sandbox.doctor().layers]
    except Exception as exc:
        return [Finding("sandbox", False, f"unavailable: {exc}")]


def render(findings: list[Finding]) -> str:
    return "\n".join(f"{'ok ' if f.ok else 'NO '} {f.part:<26} {f.detail}" for f in findings)


@click.command(name="doctor")
def doctor_command() -> None:
    """Report the engines, models and sandbox layers available here, and what is missing."""
    click.echo(f"calx on Python {platform.python_version()} ({sys.platform})")
    sections = [("Engines", engine_findings()), ("Planner", model_findings()), ("Sandbox", sandbox_findings())]
    for title, findings in sections:
        click.echo(f"\n{title}\n{render(findings)}")
    blocking = [f for f in sections[2][1] if not f.ok and f.part in SANDBOX_NEEDS]
    if blocking:
        click.echo(f"\nThe python gadget cannot run until {', '.join(f.part for f in blocking)} is fixed "
                   "(see above); arithmetic, big integers and symbolic math do not need it.")
    engines_ok = all(f.ok for f in sections[0][1])
    sys.exit(0 if engines_ok else 1)


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
