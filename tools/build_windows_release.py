"""Build the Windows release: dist/thidua-xlsx-<version>-windows-x64.zip, the one download a secretary extracts and
installs with a double-click, with no Python on her PC and no network (docs/release.md).

    python tools/build_windows_release.py            # from a clone, HEAD's commit; PyPI reachable the first time

It holds, under one folder of its name: python.org's 64-bit CPython (``python\\``, tools/windows_python.py), the
win_amd64 wheels of every dependency at constraints.txt's versions and the program's own wheel (``wheels\\``),
constraints.txt, the .bat files, the samples, the secretary's guide, README.md and CHANGELOG.md. The same commit builds
the same bytes: the program's files are taken from the commit (``git archive``), not the working tree; entries sorted,
each dated from the commit's time, with the same attributes. Its SHA-256 is printed and written beside it (.sha256).

Why a zip and not an installer (.exe, e.g. makensis): Windows extracts a zip by itself ("Extract All"), the installer
stays the one .bat the tests run, nothing more is installed on the build machine, and an unsigned .exe is what
SmartScreen and antivirus programs treat most harshly.
"""

from __future__ import annotations

import hashlib
import io
import os
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tools import windows_python  # noqa: E402  (the repository on the path first)

ROOT = windows_python.ROOT
#: What of the commit goes in beside the Python and the wheels (the samples' builders, for developers, do not).
SHIPPED = ("Cai-dat-thi-dua.bat", "Go-cai-dat-thi-dua.bat", "README.md", "CHANGELOG.md", "constraints.txt", "samples")
GUIDE = "samples/huong-dan-thu-ky.pdf"  # also at the top, where she sees it first
FILE_MODE = 0o100644 << 16  # a regular file, rw-r--r--, whatever the build machine's umask
COMPRESSION = 6  # zlib's default level (write_zip says why not its maximum, 9)


@dataclass(frozen=True)
class Built:
    zip: Path
    sha256: str
    size: int
    longest: str  # the longest path the install lays below its Python folder (Windows' 260 characters)


def release_name(version: str) -> str:
    return f"thidua-xlsx-{version}-windows-x64"


def write_zip(entries: dict[str, bytes], target: Path, epoch: int) -> None:
    """``entries`` (name → bytes) as a zip at ``target``: sorted, each dated ``epoch`` (UTC), with one file mode and
    one compression level, so that the same entries and time make the same bytes. zlib's default level, not its
    maximum: on this release's 65 MB, level 9 made the zip 0.3 % smaller (33.98 MB against 34.08) in 2.3 times the
    CPU (5.2 s against 2.2)."""
    stamp = time.gmtime(max(epoch, 315532800))[:6]  # a zip cannot date a file before 1980
    with zipfile.ZipFile(target, "w") as archive:
        for name in sorted(entries):
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type, info.create_system, info.external_attr = zipfile.ZIP_DEFLATED, 3, FILE_MODE
            archive.writestr(info, entries[name], compresslevel=COMPRESSION)


def build(repo: Path = ROOT, dist: Path | None = None) -> Built:
    """The release of ``repo``'s HEAD, written into ``dist`` (``repo``/dist by default)."""
    epoch = int(_git(repo, "log", "-1", "--format=%ct").strip())
    with tempfile.TemporaryDirectory() as scratch:
        source = Path(scratch) / "source"
        _extract_commit(repo, source)
        version = _version(source)
        wheels = _wheels(source, Path(scratch) / "wheels", epoch)
        entries = _entries(source, wheels, release_name(version))
    dist = dist or repo / "dist"
    dist.mkdir(parents=True, exist_ok=True)
    target = dist / f"{release_name(version)}.zip"
    write_zip(entries, target, epoch)
    digest = hashlib.sha256(target.read_bytes()).hexdigest()
    target.with_name(target.name + ".sha256").write_text(f"{digest}  {target.name}\n", encoding="ascii",
                                                         newline="\n")
    return Built(target, digest, target.stat().st_size, _longest(entries, release_name(version)))


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True).stdout


def _extract_commit(repo: Path, into: Path) -> None:
    archive = subprocess.run(["git", "-C", str(repo), "archive", "--format=tar", "HEAD"], check=True,
                             capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")


def _version(source: Path) -> str:
    namespace: dict[str, object] = {}
    exec(compile((source / "thidua_xlsx/text/releases.py").read_text(encoding="utf-8"), "releases.py", "exec"),
         namespace)
    return str(namespace["VERSION"])


def _wheels(source: Path, into: Path, epoch: int) -> list[Path]:
    """The runtime wheels at the commit's constraints, and the program's own wheel built from the commit with the
    pinned build requirements (no index: the same hatchling each time), dated from the commit."""
    house = windows_python.wheelhouse(source)
    env = {key: value for key, value in os.environ.items() if not key.startswith("PIP_")}
    env.update(SOURCE_DATE_EPOCH=str(epoch), PIP_CONFIG_FILE=os.devnull)
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--disable-pip-version-check",
                           "--no-deps", "--no-index", "--find-links", str(house), "-w", str(into), str(source)],
                          capture_output=True, text=True, timeout=900, env=env)
    if done.returncode:
        raise RuntimeError(f"pip wheel: {done.stdout}{done.stderr}")
    return sorted([*windows_python.runtime_wheels(source), *into.glob("*.whl")])


def _entries(source: Path, wheels: list[Path], top: str) -> dict[str, bytes]:
    entries = {f"{top}/wheels/{wheel.name}": wheel.read_bytes() for wheel in wheels}
    python = windows_python.python()
    entries |= {f"{top}/python/{path.relative_to(python).as_posix()}": path.read_bytes()
                for path in python.rglob("*") if path.is_file()}
    for shipped in SHIPPED:
        for path in [source / shipped] if (source / shipped).is_file() else (source / shipped).rglob("*"):
            relative = path.relative_to(source).as_posix()
            if path.is_file() and not (relative.startswith("samples/") and path.suffix == ".py"
                                       and path.parent.name == "samples"):
                entries[f"{top}/{relative}"] = path.read_bytes()
    entries[f"{top}/{Path(GUIDE).name}"] = (source / GUIDE).read_bytes()
    return entries


def _longest(entries: dict[str, bytes], top: str) -> str:
    """The longest path below the installed Python folder: its own files, and what each wheel puts in site-packages."""
    inside = [name.removeprefix(f"{top}/python/") for name in entries if name.startswith(f"{top}/python/")]
    for name, data in entries.items():
        if name.startswith(f"{top}/wheels/"):
            with zipfile.ZipFile(io.BytesIO(data)) as wheel:
                inside += [f"Lib/site-packages/{member}" for member in wheel.namelist()]
    return max(inside, key=len)


def main() -> None:
    built = build()
    print(built.zip)
    print(f"SHA-256: {built.sha256}")
    print(f"{built.size / 1e6:.1f} MB; the longest installed path below the Python folder: {len(built.longest)} "
          f"characters ({built.longest})")


if __name__ == "__main__":
    main()
