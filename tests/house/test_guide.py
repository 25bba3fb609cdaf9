"""The secretary's guide (samples/huong-dan-thu-ky.pdf, built by samples/build_guide.py) shows the sample as it is
and only commands the tool accepts.

(a) every picture in samples/huong-dan/ was rendered from the sample files as they are now (their SHA-256 are in
    samples/huong-dan/manifest.json): a sample rebuilt without the guide fails here, saying what to run;
(b) every ``thidua-xlsx …`` line the PDF shows (and every one its text names) is a command and options the CLI
    has, with values it accepts, and each round's command is there (and the mail page's: --thu, collect). Fast:
    hashes, pdftotext and click; no LibreOffice.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from thidua_xlsx.cli import main

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
GUIDE_DIR = SAMPLES / "huong-dan"
MANIFEST = GUIDE_DIR / "manifest.json"
PDF = SAMPLES / "huong-dan-thu-ky.pdf"
BUILDER = SAMPLES / "build_guide.py"
REBUILD = "run `python samples/build_guide.py` (needs LibreOffice and poppler-utils) and commit what it writes"
COMMAND_LINE = re.compile(r"^(?:thidua-xlsx|py -m thidua_xlsx)(?:\s+(.*))?$")
ROUNDS = {  # each round's command, as tokens it must carry
    "1. tạo chiến dịch": ("init", "--level", "--cham-theo"),
    "2. phát phiếu đăng ký": ("generate", "--round", "dang-ky"),
    "3. tổng hợp đăng ký": ("merge", "inbox-dang-ky"),
    "4. phát phiếu chấm điểm": ("generate", "--round", "cham-diem", "--from"),
    "5. theo dõi và nhắc": ("status", "--nhac"),
    "6. tổng hợp": ("merge", "inbox", "-o", "tong-hop.xlsx"),
    "7. họp Hội đồng": ("merge", "--council", "--history", "--docs"),
    "8. lưu lịch sử": ("history", "--book"),
    "thư nháp: phát sổ": ("generate", "--round", "--thu"),
    "thư nháp: nhắc": ("status", "--nhac", "--thu"),
    "thư nháp: hồ sơ gửi cấp trên": ("merge", "--docs", "--thu"),
    "nhận sổ từ hộp thư": ("collect",),
    "nhận sổ từ thư mục tải về": ("collect", "$HOME\\Downloads"),
    "9. từng kỳ": ("merge", "--period"),
    "9. hiệu trưởng chấm kỳ": ("merge", "--period", "--council"),
    "10. cả năm": ("year", "ky"),
    "10. Hội đồng cả năm, hồ sơ": ("year", "--council", "--docs"),
}
GUIDE_FONTS = ("TimesNewRoman", "LiberationSerif", "CourierNew", "LiberationMono")


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def manifest() -> dict:
    assert MANIFEST.is_file(), f"{MANIFEST.relative_to(ROOT)} is missing: {REBUILD}"
    return json.loads(MANIFEST.read_text(encoding="utf-8"))


def _poppler(tool: str) -> str:
    if shutil.which(tool) is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{tool} (poppler-utils) is required on CI but not installed", pytrace=False)
        pytest.skip(f"{tool} (poppler-utils) is not installed: the guide's PDF was not read")
    return tool


@pytest.fixture(scope="module")
def pdf_lines() -> list[str]:
    assert PDF.is_file(), f"{PDF.relative_to(ROOT)} is missing: {REBUILD}"
    text = subprocess.run([_poppler("pdftotext"), "-enc", "UTF-8", str(PDF), "-"], capture_output=True, text=True,
                          check=True).stdout
    return [" ".join(line.split()) for line in text.splitlines()]


def _command_lines(lines: list[str]) -> list[list[str]]:
    """The argument lists of the ``thidua-xlsx …`` (or ``py -m thidua_xlsx …``) lines. The guide's commands hold
    no quotes and no spaces inside a name, so a split on spaces is how PowerShell reads them too."""
    return [(found[1] or "").split() for line in lines if (found := COMMAND_LINE.match(line))]


def _refusal(argv: list[str]) -> str | None:
    """Why the CLI would refuse ``argv`` before looking at any file (None: it accepts it)."""
    shown = CliRunner().invoke(main, [*argv, "--help"])  # an unknown command or option is refused here
    if shown.exit_code != 0:
        return (shown.output.strip().splitlines() or [f"exit {shown.exit_code}"])[-1]
    group_flags = {name for param in main.params for name in param.opts} | {"--help"}
    while argv and argv[0] in group_flags:  # the group's own: --help, --version, --debug
        argv = argv[1:]
    if not argv:
        return None
    if argv[0] not in main.commands:  # words after `thidua-xlsx --help`, say, are no command
        return f"no command {argv[0]!r}"
    command = main.commands[argv[0]]
    context = click.Context(command, info_name=argv[0])
    values, extra, order = command.make_parser(context).parse_args(list(argv[1:]))
    if extra:
        return f"unexpected arguments {extra}"
    missing = [p.human_readable_name for p in command.params if p.required and values.get(p.name) is None]
    if missing:
        return f"missing {missing}"
    for param in order:  # the values the guide spells out for a fixed choice or range
        if isinstance(param.type, (click.Choice, click.IntRange)):
            try:
                param.type.convert(values[param.name], param, context)
            except click.BadParameter as refused:
                return f"{param.human_readable_name}: {refused.message}"
    return None


# --- (a) up to date with the sample ---------------------------------------------------------------------------------


def test_the_pictures_are_rendered_from_the_sample_as_it_is(manifest):
    stale = []
    recorded = set(manifest["pictures"])
    present = {p.name for p in GUIDE_DIR.glob("*.png")}
    stale += [f"{name}: in the manifest, not in samples/huong-dan/" for name in sorted(recorded - present)]
    stale += [f"{name}: in samples/huong-dan/, not in the manifest" for name in sorted(present - recorded)]
    sources = {}
    for name, entry in sorted(manifest["pictures"].items()):
        if name in present and _sha256(GUIDE_DIR / name) != entry["sha256"]:
            stale.append(f"{name}: the picture was changed after it was rendered")
        sources.update({source: (digest, name) for source, digest in entry["sources"].items()})
    for label, screen in manifest["screens"].items():
        sources.update({source: (digest, label) for source, digest in screen["sources"].items()})
        for folder in {s.split("/", 1)[0] for s in screen["sources"] if "/" in s}:  # a file added to inbox/
            now = {p.relative_to(SAMPLES).as_posix() for p in (SAMPLES / folder).rglob("*") if p.is_file()}
            new = sorted(now - set(screen["sources"]))
            stale += [f"{label}: samples/{f} is new since the guide was built" for f in new]
    for source, (digest, shown_in) in sorted(sources.items()):
        path = SAMPLES / source
        if not path.is_file():
            stale.append(f"{shown_in}: samples/{source} is gone")
        elif _sha256(path) != digest:
            stale.append(f"{shown_in}: samples/{source} changed since the guide was built")
    if not PDF.is_file() or _sha256(PDF) != manifest["guide"]["sha256"]:
        stale.append(f"{PDF.name} is not the PDF the manifest was written with")
    if _sha256(BUILDER) != manifest["guide"]["builder_sha256"]:
        stale.append("samples/build_guide.py changed since the guide was built")
    assert not stale, "The secretary's guide is out of date with the sample:\n  " + "\n  ".join(stale) + \
        f"\nTo bring it up to date, {REBUILD}."


def test_the_pictures_stay_small():
    sizes = {p.name: p.stat().st_size for p in GUIDE_DIR.glob("*.png")}
    assert sizes, f"no picture in samples/huong-dan/: {REBUILD}"
    assert sum(sizes.values()) < 1_500_000, sizes


# --- (b) the commands it shows ----------------------------------------------------------------------------------------


def test_every_command_in_the_guide_is_one_the_cli_accepts(pdf_lines, manifest):
    commands = _command_lines(pdf_lines)
    assert len(commands) >= len(ROUNDS), f"only {len(commands)} thidua-xlsx lines found in {PDF.name}"
    refused = [f"thidua-xlsx {' '.join(argv)} → {why}" for argv in commands if (why := _refusal(argv))]
    assert not refused, "The guide shows commands the CLI refuses:\n  " + "\n  ".join(refused)
    shown = {" ".join(line.split()) for line in pdf_lines}
    assert not [c for c in manifest["commands"] if c not in shown], "a command of the manifest is not on one line"


def test_every_command_named_in_the_guides_text_is_one_the_cli_accepts():
    """The commands the text names inside a sentence (`thidua-xlsx ui`, `… init … --tu …`), read from the guide's
    Markdown twin (samples/huong-dan/huong-dan-thu-ky.md, written with the PDF)."""
    text = (GUIDE_DIR / "huong-dan-thu-ky.md").read_text(encoding="utf-8")
    named = [found.split() for found in re.findall(r"`thidua-xlsx((?: [^`]*)?)`", text)]
    assert ["ui"] in named, "the page's launcher-less start (thidua-xlsx ui) is no longer named"
    refused = [f"thidua-xlsx {' '.join(argv)} → {why}" for argv in named if (why := _refusal(argv))]
    assert not refused, "The guide's text names commands the CLI refuses:\n  " + "\n  ".join(refused)


def test_each_round_shows_its_command(pdf_lines):
    commands = _command_lines(pdf_lines)
    missing = [label for label, tokens in ROUNDS.items()
               if not any(argv and argv[0] == tokens[0] and all(t in argv for t in tokens[1:]) for argv in commands)]
    assert not missing, f"rounds whose command the guide does not show: {missing}"


def test_the_guide_starts_with_the_installer(pdf_lines):
    """The secretary's first page is the double-click installer, not a command."""
    text = " ".join(pdf_lines)
    first = text.index("Bước 0. Cài đặt")
    assert text.index("Cai-dat-thi-dua.bat", first) < text.index("py -m pip install -c constraints.txt .", first)
    assert text.index("windows-x64.zip", first) < text.index("Cai-dat-thi-dua.bat", first)  # the download first
    assert "“Thi đua”" in text[first:text.index("Bước 1.", first)]


def test_the_guides_first_pages_ask_the_level_and_how_the_school_scores(pdf_lines, manifest):
    """The installer's two questions, and the page's first screen asking them (its picture, from the browser test's
    screenshot: tests/ui/test_browser.py), come before step 1."""
    text = " ".join(pdf_lines)
    first = text.index("Bước 0. Cài đặt")
    opening = text[first:text.index("Bước 1.", first)]
    for said in ("hỏi hai câu", "Hai câu hỏi đầu tiên: cấp học và cách chấm điểm", "Theo tháng", "Theo quý",
                 "Một lần cuối năm học", "Nghị định 233/2026", "mầm non", "Tạo chiến dịch", "sheet Kỳ đánh giá",
                 "Hình: Trang thi đua mở trên thư mục chưa có chiến dịch"):
        assert said in opening, said
    markdown = (GUIDE_DIR / "huong-dan-thu-ky.md").read_text(encoding="utf-8")
    assert markdown.index("0-trang-bat-dau.png") < markdown.index("Bước 1.")
    assert list(manifest["pictures"]["0-trang-bat-dau.png"]["sources"]) == ["huong-dan/trang/ui-0-bat-dau.png"]


def test_the_covers_table_has_a_row_for_each_page():
    """The cover's table says on which page each step is: one row a page, in the pages' order."""
    from samples import build_guide

    assert len(build_guide.OVERVIEW) == len(build_guide.PAGES)


def test_the_refusals_are_caught():
    """The checker itself: what the CLI would refuse is refused here too."""
    assert _refusal(["merge", "inbox", "-o", "tong-hop.xlsx"]) is None
    assert _refusal(["--help"]) is None
    assert _refusal(["merge", "inbox", "--no-such-option"])
    assert _refusal(["no-such-command"])
    assert _refusal(["generate", ".", "--round", "no-such-round"])
    assert _refusal(["status", "inbox", "extra"])
    assert _refusal(["--help", "in", "ra", "các", "lệnh"])  # a sentence that happens to begin with the name
    assert _refusal(["generate", "."])  # --round is required
    assert _command_lines(["thidua-xlsx status inbox --nhac", "py -m thidua_xlsx --help", "thidua-xlsx.exe"]) == [
        ["status", "inbox", "--nhac"], ["--help"]]


def test_the_guide_is_set_in_times_new_roman(pdf_lines):
    table = subprocess.run([_poppler("pdffonts"), str(PDF)], capture_output=True, text=True, check=True).stdout
    fonts = {line.split()[0].split("+")[-1].replace("-", "") for line in table.splitlines()[2:] if line.strip()}
    assert fonts and all(f.startswith(GUIDE_FONTS) for f in fonts), fonts
    assert any(f.startswith(("TimesNewRoman", "LiberationSerif")) for f in fonts), fonts
