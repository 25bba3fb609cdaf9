"""Write constraints.txt: the exact version of every package the program needs (and builds with), resolved by pip
for the Windows release's Python (CPython 3.13, win_amd64). CI installs with it (``.ci/run``), the Windows lane's
wheelhouse is downloaded with it, the release ships its wheels, and every installer installs with it: the set the
tests passed on is the set a school gets. The build backend and its dependencies at those versions are written into
``pyproject.toml``'s ``[build-system] requires`` too: pip's build environment reads no constraints file. Run it to move
to newer releases of the dependencies, then let CI test them.

    python tools/pin_constraints.py          # from the repository's root, with PyPI reachable
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tools.windows_python import (  # noqa: E402
    CONSTRAINTS,
    PYTHON_TAG,
    ROOT,
    dependencies,
    pip_download,
    wheel_pin,
)

#: The build backend's bound (1.27: the licence as an SPDX expression, PEP 639), resolved with the dependencies.
BUILD_BACKEND = "hatchling>=1.27"
PYPROJECT = ROOT / "pyproject.toml"
_REQUIRES = re.compile(r"^requires = \[.*\]$", re.MULTILINE)  # [build-system]'s: the file's only such line

HEADER = ("# The exact versions the tests pass on, for every installer: written by tools/pin_constraints.py, not by\n"
          f"# hand (resolved for CPython {PYTHON_TAG} win_amd64, the Windows release's Python).\n")


def pinned(wheels: Path) -> str:
    """constraints.txt's text for the wheels in ``wheels``: one ``name==version`` a line, sorted by name."""
    pins = sorted(wheel_pin(wheel) for wheel in wheels.glob("*.whl"))
    return HEADER + "".join(f"{name}=={version}\n" for name, version in pins)


def with_build_pins(pyproject: str, wheels: Path) -> str:
    """``pyproject``'s text with ``[build-system] requires`` the wheels in ``wheels`` pinned, sorted by name."""
    pins = ", ".join(f'"{name}=={version}"' for name, version in sorted(wheel_pin(w) for w in wheels.glob("*.whl")))
    return _REQUIRES.sub(lambda _: f"requires = [{pins}]", pyproject, count=1)


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        every, build = Path(scratch) / "every", Path(scratch) / "build"
        pip_download(every, *dependencies(), BUILD_BACKEND)
        CONSTRAINTS.write_text(pinned(every), encoding="utf-8", newline="\n")
        pip_download(build, "-c", str(CONSTRAINTS), BUILD_BACKEND)
        PYPROJECT.write_text(with_build_pins(PYPROJECT.read_text(encoding="utf-8"), build), encoding="utf-8",
                             newline="\n")
    print(CONSTRAINTS.read_text(encoding="utf-8"), end="")


if __name__ == "__main__":
    main()
