"""The secretary's guide tried as she would try it on the shipped sample: every command it shows, page
after page, run for real (the command line's own ``main``, in the folder the guide says, in this process: Python's
start and imports are not the guide's, and ``python -m thidua_xlsx`` is run by tests/e2e/test_everyday.py and
tests/e2e/test_try_it_leaves_the_checkout_clean.py) on a fresh copy of the sample —
``samples/`` for steps 1–8 and the mail page, ``samples/ca-nam`` for steps 9 and 10 (each page says which: its
``sample``) — with ``--force`` added to ``generate``, ``merge`` and ``year`` as the guide's step 0 tells her to do on
the sample. What she does by hand between two commands (Excel's "Save As" of the head's and the council's copy, typing
a score) is done here as tests/head_pass.py and tests/filling.py do it.

Each command ends well (exit 0), nothing is written as "(moi)" beside the sample's files (the sample ships the tool's
record of its own outputs, da-ghi.json, so ``--force`` replaces them), and what each step writes is there. Not run:
``py -m pip install -c constraints.txt .`` (the installer's and CI's own install do it) and the IMAP address
(tests/mail runs collect against a real Dovecot); ``init`` runs in a folder of its own, and after ``cd thidua-2026``
the sample is the campaign the guide goes on in. LibreOffice converts the papers of one command, :data:`WITH_PDF`; the
others run as on a computer without it (tests/no_office.py): their papers are looked at as Word files or not at all.
"""

from __future__ import annotations

import shutil
import traceback
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from samples import build_guide
from tests.filling import council_votes_all
from tests.head_pass import head_scores
from tests.libreoffice import require_libreoffice
from tests.no_office import without_libreoffice
from thidua_xlsx.cli import main
from thidua_xlsx.model.places import OUTPUTS_RECORD, RUNS_RECORD
from thidua_xlsx.model.titles import CSTDCS
from thidua_xlsx.text import summary as sx

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
FORCED = ("generate", "merge", "year")  # the commands that write what the sample already has
#: The command run with LibreOffice: the papers that go up by mail, each attached as its PDF (ho-so/01_To-trinh.pdf).
WITH_PDF = "thidua-xlsx merge inbox --council hoi-dong.xlsx -o tong-hop-cuoi.xlsx --docs ho-so --thu thu-gui"
NOT_RUN = {"py -m pip install -c constraints.txt .": "the install itself",
           "thidua-xlsx collect imaps://thuky@truong.edu.vn@mail.truong.edu.vn/INBOX .": "needs a mail server"}
DOWNLOADS = "$HOME\\Downloads"
BEFORE = {  # what she does by hand before a command: the head's and the council's copies, saved and typed into
    "hieu-truong_thang-10.xlsx": lambda folder, made: head_scores(
        folder / "ky" / "tong-hop_thang-10.xlsx", made, {"GV004": (88, "Hiệu trưởng chấm lại minh chứng")}),
    # the meeting as the guide says: the yellow columns (nothing changed here) and the votes in Kiểm phiếu
    "hoi-dong_ca-nam.xlsx": lambda folder, made: council_votes_all(folder / "tong-hop_ca-nam.xlsx", made, CSTDCS, 11),
}


def _copy(sample: Path, to: Path) -> Path:
    """A fresh copy of a shipped sample, as she would copy it: the runs this checkout made and the page's launchers
    left out (they are not shipped)."""
    shutil.copytree(sample, to, ignore=lambda where, names: [
        n for n in names if n == RUNS_RECORD or n.startswith("Mo-trang-thi-dua.")
        or (Path(where) == SAMPLES and n in ("ca-nam", "cap-xa", "huong-dan"))])
    return to


def _run(argv: list[str], where: Path, office: bool) -> tuple[int, str]:
    """(exit code, what the command said) of ``thidua-xlsx argv`` typed in the folder ``where``, with LibreOffice
    found (``office``) or not."""
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(where)
        if not office:
            without_libreoffice(patch)
        done = CliRunner().invoke(main, argv)
    crashed = "".join(traceback.format_exception(done.exception)) if done.exit_code and done.exception and \
        not isinstance(done.exception, SystemExit) else ""
    return done.exit_code, done.output + crashed


def _argv(command: str, downloads: Path) -> list[str]:
    words = command.replace(DOWNLOADS, str(downloads)).split()[1:]  # the guide's lines hold no quotes (test_guide)
    words = [w.replace("\\", "/") if not w.startswith(str(downloads)) else w for w in words]
    if words and words[0] in FORCED and "--force" not in words:
        words.append("--force")
    return words


def _try_pages(year_pages: bool, where: Path, downloads: Path, fresh: Path) -> dict[str, str]:
    """Every command of the guide's pages on the year's sample (``year_pages``) or on the school's, in order, run
    in ``where`` (``init`` in ``fresh``); what each said, by command."""
    said: dict[str, str] = {}
    shown: list[str] = []
    for page in build_guide.PAGES:
        if (page.sample == build_guide.YEAR_SAMPLE) != year_pages:
            continue
        for item in page.body:
            if not (isinstance(item, tuple) and item[0] == "cmd"):
                continue
            command = item[1]
            shown.append(command)
            if command in NOT_RUN or command.startswith("cd "):
                continue
            argv = _argv(command, downloads)
            for name, make in BEFORE.items():
                if name in argv:
                    make(where, where / name)
            code, output = _run(argv, fresh if argv[0] == "init" else where, command == WITH_PDF)
            assert code == 0, f"{page.heading}: {command}\n{output}"
            said[command] = output
    assert shown and list(said) == [c for c in shown if c not in NOT_RUN and not c.startswith("cd ")]
    return said


def _nothing_beside(folder: Path) -> None:
    beside = sorted(str(p.relative_to(folder)) for p in folder.rglob("*(moi*"))
    assert not beside, f"the guide on the sample wrote copies beside the sample's files: {beside}"


@pytest.mark.libreoffice
def test_the_guide_runs_on_a_fresh_copy_of_the_school_sample_from_its_first_page_to_its_last(tmp_path):
    """Steps 1–8 and the mail page, on ``samples/`` (the year's pages are the next test's: each on a worker)."""
    require_libreoffice()
    school = _copy(SAMPLES, tmp_path / "samples")
    assert (school / OUTPUTS_RECORD).is_file(), "the samples ship da-ghi.json"
    downloads = tmp_path / "Downloads"  # a browser's downloads: a department's book saved twice, and a photo
    downloads.mkdir()
    shutil.copy(school / "inbox" / "2025-2026_cham-diem_To-khoi-1.xlsx", downloads)
    (downloads / "anh-chup.jpg").write_bytes(b"\xff\xd8\xff\xe0 not a workbook")
    fresh = tmp_path / "moi"
    fresh.mkdir()

    _try_pages(False, school, downloads, fresh)

    assert set(NOT_RUN) <= set(build_guide.commands())  # what is not run is still in the guide, as said
    assert WITH_PDF in build_guide.commands()

    _nothing_beside(tmp_path)
    assert (fresh / "thidua-2026" / "campaign.xlsx").is_file()
    for made in ("tong-hop_dang-ky.xlsx", "tong-hop.xlsx", "tong-hop-cuoi.xlsx", "ho-so/01_To-trinh.docx",
                 "ho-so/01_To-trinh.pdf", "ho-so-du-thao/01_To-trinh.docx", "lich-su.xlsx"):
        assert (school / made).is_file(), made
    assert list((school / "gop-y").glob("*.xlsx")), "the feedback copies of step 6"
    for drafts in ("thu-nhap", "thu-nhac", "thu-gui"):
        assert list((school / drafts).glob("*.eml")), f"the mail page's drafts in {drafts}"
    attached = {part.get_filename() for eml in (school / "thu-gui").glob("*.eml")
                for part in message_from_bytes(eml.read_bytes(), policy=policy.default).iter_attachments()}
    assert "01_To-trinh.pdf" in attached, attached  # the Tờ trình goes up as its PDF
    assert list(downloads.iterdir()) and sorted(p.name for p in downloads.iterdir()) == [
        "2025-2026_cham-diem_To-khoi-1.xlsx", "anh-chup.jpg"], "collect left the downloads folder as it was"


def test_the_guide_runs_on_a_fresh_copy_of_the_year_sample_steps_9_and_10(tmp_path):
    year = _copy(SAMPLES / "ca-nam", tmp_path / "ca-nam")
    assert (year / OUTPUTS_RECORD).is_file(), "the samples ship da-ghi.json"

    said = _try_pages(True, year, tmp_path / "Downloads", tmp_path / "moi")

    _nothing_beside(tmp_path)
    for made in ("ky/tong-hop_thang-10.xlsx", "tong-hop_ca-nam.xlsx", "ho-so/01_To-trinh.docx", "lich-su.xlsx"):
        assert (year / made).is_file(), made
    head_pass = next(text for command, text in said.items() if "hieu-truong_thang-10.xlsx" in command)
    assert "Hiệu trưởng chấm kỳ Tháng 10/2026: 1 thay đổi" in head_pass, head_pass
    year_sheet = load_workbook(year / "tong-hop_ca-nam.xlsx")[sx.S_YEAR]
    rows = {row[1]: row for row in year_sheet.iter_rows(values_only=True) if row and len(row) > 1}
    remark = str(rows["GV004"][-1] or "")  # the head re-scored GV004's month: said, and not called a transfer
    assert remark.startswith("Tháng 10/2026: ") and "hiệu trưởng" in remark and "chuyển" not in remark
    history = next(text for command, text in said.items() if "history" in command and "ca-nam" in command)
    assert "Năm học 2026-2027" in history, history
    assert "chưa có kết quả bỏ phiếu" not in history, history  # the votes typed as the guide says: every title kept
