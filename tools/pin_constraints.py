"""Write constraints.txt: the exact version of every package the program needs (and builds with), resolved by pip
for the Windows release's Python (CPython 3.13, win_amd64). CI installs with it (``.ci/run``), the Windows lane's
wheelhouse is downloaded with it, the release ships its wheels, and every installer installs with it: the set the
tests passed on is the set a school gets. Run it to move to newer releases of the dependencies, then let CI test them.

    python tools/pin_constraints.py          # from the repository's root, with PyPI reachable
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tools.windows_python import CONSTRAINTS, PYTHON_TAG, pip_download, requirements, wheel_pin  # noqa: E402

HEADER = ("# The exact versions the tests pass on, for every installer: written by tools/pin_constraints.py, not by\n"
          f"# hand (resolved for CPython {PYTHON_TAG} win_amd64, the Windows release's Python).\n")


def pinned(wheels: Path) -> str:
    """constraints.txt's text for the wheels in ``wheels``: one ``name==version`` a line, sorted by name."""
    pins = sorted(wheel_pin(wheel) for wheel in wheels.glob("*.whl"))
    return HEADER + "".join(f"{name}=={version}\n" for name, version in pins)


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        pip_download(Path(scratch), *requirements())
        CONSTRAINTS.write_text(pinned(Path(scratch)), encoding="utf-8", newline="\n")
    print(CONSTRAINTS.read_text(encoding="utf-8"), end="")


if __name__ == "__main__":
    main()
