"""The README's try-it, run as a person runs it in the folder she downloaded: the shipped sample is copied to thu-mau/
(which git ignores) and merged there, so the checkout is as it was — every file under samples/ unchanged (a merge
records what it wrote, da-ghi.json, in its campaign folder: run on samples/ itself it would rewrite the shipped
record), and every later command the README tries on the sample runs on that copy too. The program runs as on a
computer without LibreOffice: the papers the merge writes are not looked at here (tests/no_office.py)."""

from __future__ import annotations

import hashlib
import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path

from tests.no_office import NO_PDF, PROGRAM_WITHOUT_LIBREOFFICE

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
INSTALL = README.split("## Cài đặt và chạy thử", 1)[1].split("\n## ", 1)[0]
COPY = "thu-mau"
COMMAND = re.compile(r"(?:thidua-xlsx|-m thidua_xlsx) (?:merge|year|status|generate|history)\b[^\n`]*")


def _digests(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _linux_try_it() -> str:
    """The one line the README gives Linux to install and try the sample."""
    block = INSTALL.split("**Linux**", 1)[1].split("```bash\n", 1)[1].split("\n```", 1)[0]
    [line] = block.splitlines()
    return line


def test_the_readmes_try_it_writes_nothing_under_samples(tmp_path):
    checkout = tmp_path / "thidua-xlsx"
    shutil.copytree(ROOT / "samples", checkout / "samples", ignore=shutil.ignore_patterns(
        "__pycache__", "cac-lan-chay.json", "Mo-trang-thi-dua.*", "tong-hop_cham-diem.xlsx"))  # not shipped
    before = _digests(checkout / "samples")
    steps = _linux_try_it().split(" && ")
    # the install: this test's own Python
    assert steps[:2] == ["python3 -m venv .venv", ".venv/bin/pip install -c constraints.txt ."]
    tried = " && ".join(steps[2:]).replace(".venv/bin/thidua-xlsx", shlex.join(PROGRAM_WITHOUT_LIBREOFFICE))
    done = subprocess.run(["bash", "-c", tried], cwd=checkout, capture_output=True, text=True, encoding="utf-8",
                          env=dict(os.environ, PYTHONIOENCODING="utf-8"), timeout=600)

    assert done.returncode == 0, done.stdout + done.stderr
    assert "thu-mau/tong-hop_cham-diem.xlsx" in done.stdout.replace("\\", "/")
    assert NO_PDF in done.stdout + done.stderr  # the papers written as Word files, said so
    assert (checkout / COPY / "tong-hop_cham-diem.xlsx").is_file()
    assert _digests(checkout / "samples") == before
    again = subprocess.run(["bash", "-c", tried], cwd=checkout, capture_output=True, text=True, encoding="utf-8",
                           env=dict(os.environ, PYTHONIOENCODING="utf-8"), timeout=600)
    assert again.returncode == 0, again.stdout + again.stderr  # tried twice: a fresh copy, nothing refused
    assert f"/{COPY}/" in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()


def test_each_systems_try_it_and_every_command_on_the_sample_runs_on_the_copy():
    windows = INSTALL.split("**Windows 10/11**", 1)[1].split("**macOS**", 1)[0]
    mac = INSTALL.split("**macOS**", 1)[1].split("**Linux**", 1)[0]
    assert "robocopy samples thu-mau /e" in windows and "thidua-xlsx merge thu-mau\\inbox" in windows
    assert "rm -rf thu-mau && cp -R samples thu-mau && python3 -m thidua_xlsx merge thu-mau/inbox" in mac
    on_the_sample = [c for c in COMMAND.findall(README) if re.search(r"(?<![\w-])samples[/\\]", c)]
    assert not on_the_sample, f"README commands that write into the shipped sample: {on_the_sample}"
