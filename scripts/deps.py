"""The hashed lock files in requirements/ and the checks that keep them and the imports honest.

    python scripts/deps.py lock [--upgrade]   regenerate requirements/lock*.txt with uv (`make lock`)
    python scripts/deps.py check-lock         every pyproject.toml requirement is pinned in its lock file
    python scripts/deps.py check-imports      every third-party import is a declared dependency, in scope

``check-lock`` needs only the standard library and pip, so `make` runs it before installing a lock;
``check-imports`` maps modules to distributions through the installed environment (the dev venv).
"""

from __future__ import annotations

import argparse
import ast
import importlib.metadata
import os
import re
import shlex
import subprocess
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

try:
    from packaging.requirements import Requirement
    from packaging.version import Version
except ImportError:  # a fresh venv before its lock is installed: pip carries its own copy
    from pip._vendor.packaging.requirements import Requirement
    from pip._vendor.packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
PYTHON = "3.11"  # the lowest supported Python (pyproject requires-python); the dev lock's only one
# The CPU build of torch in requirements/dev.in is a wheel in this folder (pip's find-links here).
WHEELS = os.environ.get("RADIO_DESK_WHEELS", "/opt/wheels")


@dataclass(frozen=True)
class Lock:
    path: str
    extras: tuple[str, ...]  # pyproject extras on top of the base dependencies
    inputs: tuple[str, ...]  # further requirement files (requirements/*.in)
    universal: bool  # Linux and Windows, any Python >= PYTHON (else this machine's kind only)
    constraints: tuple[str, ...] = ()  # earlier locks: shared packages get the same versions


# In this order: each later lock is constrained by the earlier ones, so a venv that installs several
# (CI: `make package` then `make test`) never changes a version.
LOCKS = (
    # `make run`
    Lock("requirements/lock.txt", (), ("requirements/build.in",), universal=True),
    # `make package`, packaging/windows/build.ps1
    Lock(
        "requirements/lock-package.txt",
        ("package",),
        ("requirements/build.in",),
        universal=True,
        constraints=("requirements/lock.txt",),
    ),
    # `make test`, `make lint`, `make bench`: Linux x86-64, Python 3.11 (the CPU torch wheel is cp311)
    Lock(
        "requirements/lock-dev.txt",
        ("whisper", "server", "dev", "package"),
        ("requirements/build.in", "requirements/dev.in"),
        universal=False,
        constraints=("requirements/lock.txt", "requirements/lock-package.txt"),
    ),
)
UV_TOOL = "requirements/uv.txt"  # uv itself, hashed; `make lock` installs it from here

# Which dependencies code may import, by path (first match wins): the base dependencies plus these
# extras. Core code must run in the packaged app, which has neither the server nor openai-whisper.
SCOPES = (
    ("radio_desk/server/", ("server",)),
    ("radio_desk/transcribe/openai_engine.py", ("whisper",)),
    ("radio_desk/transcribe/convert.py", ("whisper",)),
    ("radio_desk/", ()),
    ("packaging/", ("package", "dev")),
    ("", ("whisper", "server", "dev", "package")),  # tests/, bench/, scripts/
)
SCANNED = ("radio_desk", "tests", "bench", "scripts", "packaging")
SUFFIXES = (".py", ".spec")  # radio-desk.spec is Python too
FIRST_PARTY = {"radio_desk", "tests", "bench"}
ALWAYS_THERE = {"pip"}  # every venv has it (check-lock's fallback above)


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pyproject(root: Path) -> dict:
    with open(root / "pyproject.toml", "rb") as f:
        return tomllib.load(f)


def declared(root: Path, extras: tuple[str, ...]) -> list[Requirement]:
    """Base dependencies, the given extras and the build requirements (installed from the lock too)."""
    project = pyproject(root)
    reqs = list(project["project"]["dependencies"]) + list(project["build-system"]["requires"])
    optional = project["project"].get("optional-dependencies", {})
    for extra in extras:
        reqs += optional[extra]
    return [Requirement(r) for r in reqs]


def requirement_lines(path: Path) -> list[str]:
    """The requirements of a requirements file: comments, options and continuation hashes dropped."""
    text = path.read_text(encoding="utf-8").replace("\\\n", " ")
    lines = []
    for line in text.splitlines():
        line = re.sub(r"(^|\s)#.*", "", line)
        line = re.sub(r"\s--hash=\S+", "", line).strip()
        if line and not line.startswith("-"):
            lines.append(line)
    return lines


# --- check-lock ---------------------------------------------------------------------------------------
def check_lock(root: Path) -> list[str]:
    problems = []
    for lock in LOCKS:
        path = root / lock.path
        if not path.exists():
            problems.append(f"{lock.path} is missing")
            continue
        pins: dict[str, list[Version]] = {}
        for line in requirement_lines(path):
            req = Requirement(line)
            spec = list(req.specifier)
            if len(spec) != 1 or spec[0].operator != "==":
                problems.append(f"{lock.path}: {line!r} is not an exact pin")
                continue
            pins.setdefault(canonical(req.name), []).append(Version(spec[0].version))
        wanted = declared(root, lock.extras)
        for extra_input in lock.inputs:
            wanted += [Requirement(r) for r in requirement_lines(root / extra_input)]
        for req in wanted:
            if req.marker is not None and not lock.universal and not req.marker.evaluate():
                continue
            versions = pins.get(canonical(req.name))
            if not versions:
                problems.append(f"{lock.path} has no pin for {req}")
            for version in versions or ():
                if not req.specifier.contains(version, prereleases=True):
                    problems.append(f"{lock.path} pins {req.name}=={version}, outside {req}")
    return problems


# --- check-imports ------------------------------------------------------------------------------------
def scope_of(rel: str) -> tuple[str, ...]:
    return next(extras for prefix, extras in SCOPES if rel.startswith(prefix))


def source_files(root: Path) -> list[Path]:
    files = []
    for top in SCANNED:
        base = root / top
        if base.is_dir():
            files += [p for p in base.rglob("*") if p.suffix in SUFFIXES and "generated" not in p.parts]
    return sorted(files)


def imported_modules(path: Path) -> list[tuple[int, str]]:
    """(line, top-level module) of every absolute import, in functions and ``TYPE_CHECKING`` too."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name.split(".")[0]) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module.split(".")[0]))
    return sorted(found)


def check_imports(root: Path) -> list[str]:
    project = pyproject(root)
    base = {canonical(Requirement(r).name) for r in project["project"]["dependencies"]}
    by_extra = {
        extra: {canonical(Requirement(r).name) for r in reqs}
        for extra, reqs in project["project"].get("optional-dependencies", {}).items()
    }
    providers = {
        module: {canonical(d) for d in dists}
        for module, dists in importlib.metadata.packages_distributions().items()
    }
    files = source_files(root)
    # helpers next to the tests, benchmarks and scripts, importable as top-level modules through
    # pytest's rootdir/sys.path insertion or the script's own folder
    helpers = [p for p in files if p.relative_to(root).parts[0] != "radio_desk"]
    local = FIRST_PARTY | {p.stem for p in helpers} | {p.parent.name for p in helpers}
    problems = []
    for path in files:
        rel = path.relative_to(root).as_posix()
        extras = scope_of(rel)
        allowed = base.union(*(by_extra.get(e, set()) for e in extras))
        for line, module in imported_modules(path):
            if module in sys.stdlib_module_names or module in local or module in ALWAYS_THERE:
                continue
            # not installed here (PyInstaller outside the package venv): assume the distribution's name
            dists = providers.get(module) or {canonical(module)} & (base.union(*by_extra.values()))
            where = f"{rel}:{line}: import {module}"
            if not dists:
                problems.append(
                    f"{where}: no installed distribution provides it; declare it in pyproject.toml and run"
                    " `make lock` (or run this check in the dev venv, as `make lint` does)"
                )
            elif not dists & allowed:
                names = "/".join(sorted(dists))
                scope = ", ".join(("base", *extras))
                elsewhere = sorted(e for e, deps in by_extra.items() if dists & deps and e not in extras)
                if elsewhere:
                    why = f"{names} is declared only in extra {', '.join(elsewhere)}"
                else:
                    why = f"{names} is not declared in pyproject.toml (only another package pulls it in)"
                problems.append(f"{where}: {why}; this file may import from: {scope}")
    return problems


# --- lock ---------------------------------------------------------------------------------------------
def lock(root: Path, upgrade: bool) -> None:
    uv = Path(sys.executable).with_name("uv")
    common = [str(uv), "pip", "compile", "--quiet", "--generate-hashes", "--python-version", PYTHON]
    common += ["--custom-compile-command", "make lock"] + (["--upgrade"] if upgrade else [])
    for spec in LOCKS:
        cmd = [*common, "pyproject.toml", *spec.inputs, "-o", spec.path]
        cmd += [arg for extra in spec.extras for arg in ("--extra", extra)]
        cmd += [arg for c in spec.constraints for arg in ("-c", c)]
        if spec.universal:
            cmd.append("--universal")
        else:
            cmd += ["--python-platform", "x86_64-manylinux_2_36", "--find-links", WHEELS]
        print("+", shlex.join(cmd[1:]), flush=True)
        subprocess.run(cmd, cwd=root, check=True)
    tool = [*common, "--universal", "requirements/uv.in", "-o", UV_TOOL]
    subprocess.run(tool, cwd=root, check=True)
    problems = check_lock(root)
    if problems:
        raise SystemExit("\n".join(problems))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("lock", "check-lock", "check-imports"))
    parser.add_argument("--root", type=Path, default=ROOT, help="the project folder (tests use others)")
    parser.add_argument("--upgrade", action="store_true", help="lock: newest versions, not the pinned")
    args = parser.parse_args(argv)
    if args.command == "lock":
        lock(args.root, args.upgrade)
        return 0
    problems = check_lock(args.root) if args.command == "check-lock" else check_imports(args.root)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems and args.command == "check-lock":
        print("The lock files are out of date with pyproject.toml: run `make lock`.", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
