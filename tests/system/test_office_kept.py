"""The papers' LibreOffice: the profile kept in the user's cache folder between runs (made once, reused; a broken
one replaced; another run's never waited for) and the soffice started while the papers are written, to which the
conversion hands its files. Real LibreOffice, a cache folder of the test's own (XDG_CACHE_HOME)."""

from __future__ import annotations

import contextlib
import subprocess
import sys
import time
from pathlib import Path

import docx
import psutil
import pytest

from tests.documents import page_texts
from tests.libreoffice import require_libreoffice
from tests.system.office_runs import office_processes, wait_for
from thidua_xlsx.papers.pdf import convert_pdfs, pdf_converter, started_early
from thidua_xlsx.system import lock, office


def _papers(folder: Path, *names: str) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in names:
        paper = docx.Document()
        paper.add_paragraph(f"TỜ TRÌNH {name}")
        paper.save(folder / f"{name}.docx")
        paths.append(folder / f"{name}.docx")
    return paths


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "thidua-xlsx" / office.KEPT_PROFILE


def _said(pdf: Path) -> str:
    return " ".join(page_texts(pdf)).split()[-1]


def _handed(pdfs, papers: list[Path]) -> tuple[dict[Path, Path], str]:
    for paper in papers:
        pdfs.add(paper)
    return pdfs.result()


def test_the_cache_folder_is_each_systems_own():
    assert office.cache_folder("win32", {"LOCALAPPDATA": r"C:\Users\an\AppData\Local"}) == \
        Path(r"C:\Users\an\AppData\Local") / "thidua-xlsx" / "cache"
    assert office.cache_folder("darwin", {"HOME": "/Users/an"}) == Path("/Users/an/Library/Caches/thidua-xlsx")
    assert office.cache_folder("linux", {"HOME": "/home/an"}) == Path("/home/an/.cache/thidua-xlsx")
    assert office.cache_folder("linux", {"HOME": "/home/an", "XDG_CACHE_HOME": "/var/c"}) == \
        Path("/var/c/thidua-xlsx")


@pytest.mark.libreoffice
def test_the_papers_profile_is_made_once_and_reused_by_the_next_run(tmp_path, cache):
    require_libreoffice()
    first = _papers(tmp_path / "lan-1", "01_To-trinh", "02_Bien-ban")
    done, problem = convert_pdfs(first)
    assert problem == "" and [_said(done[p]) for p in first] == ["01_To-trinh", "02_Bien-ban"]
    assert (cache / "user" / "registrymodifications.xcu").is_file()  # LibreOffice filled it
    assert not (cache / "user" / SELF_TESTS_LOG).exists()  # told its last version: no graphics self-tests
    (cache / "user" / "cua-lan-truoc").write_text("x")

    second = _papers(tmp_path / "lan-2", "03_Kiem-phieu")
    done, problem = convert_pdfs(second)
    assert problem == "" and _said(done[second[0]]) == "03_Kiem-phieu"
    assert (cache / "user" / "cua-lan-truoc").is_file()  # the same profile, not made again
    assert office_processes(cache.as_uri()) == []


@pytest.mark.libreoffice
def test_a_broken_kept_profile_is_replaced_and_the_papers_still_converted(tmp_path, cache):
    require_libreoffice()
    (cache / "user").mkdir(parents=True)
    (cache / "user" / "extensions").write_text("not a folder")  # LibreOffice aborts on it, converting nothing
    papers = _papers(tmp_path / "ho-so", "01_To-trinh")
    with pdf_converter() as convert:
        done, problem = _handed(convert, papers)
    assert problem == "" and _said(done[papers[0]]) == "01_To-trinh"
    assert not (cache / "user" / "extensions").is_file()

    done, problem = convert_pdfs(_papers(tmp_path / "lan-sau", "02_Bien-ban"))
    assert problem == "" and (cache / "user" / "extensions").is_dir()  # made anew, and kept
    assert office_processes(cache.as_uri()) == []


@pytest.mark.libreoffice
def test_a_profile_another_run_holds_is_not_waited_for(tmp_path, cache):
    """Another run converting on the kept profile: this one converts on a fresh profile of its own, at once."""
    require_libreoffice()
    cache.parent.mkdir(parents=True)
    with _held_by_another_run(cache):
        papers = _papers(tmp_path / "ho-so", "01_To-trinh")
        with pdf_converter() as convert:
            assert office_processes(cache.as_uri()) == []  # nothing started on the held profile
            done, problem = _handed(convert, papers)
        assert problem == "" and _said(done[papers[0]]) == "01_To-trinh"
        assert not cache.exists()  # left to its holder


@contextlib.contextmanager
def _held_by_another_run(profile: Path):
    """``profile``'s lock held by another process (as another run converting on it) while the block runs."""
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from pathlib import Path; from thidua_xlsx.system import lock\n"
         "with lock.holding([lock.lock_path(Path(sys.argv[1]))], 'libreoffice'):\n"
         "    print('held', flush=True); time.sleep(120)", str(profile)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        yield
    finally:
        holder.kill()
        holder.communicate()


@pytest.mark.libreoffice
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="started ahead where soffice ends with its run")
def test_libreoffice_starts_while_the_papers_are_written_and_none_is_left_after(tmp_path, cache):
    """Started on the kept profile as the block opens; handed the papers; ended with the block, used or not."""
    require_libreoffice()
    with pdf_converter() as convert:
        wait_for(lambda: "soffice.bin" in {p.info["name"] for p in office_processes(cache.as_uri())}, 60)
        papers = _papers(tmp_path / "ho-so", "01_To-trinh", "02_Bien-ban", "03_Kiem-phieu")
        done, problem = _handed(convert, papers)
    assert problem == "" and [_said(done[p]) for p in papers] == ["01_To-trinh", "02_Bien-ban", "03_Kiem-phieu"]
    assert office_processes(cache.as_uri()) == []
    with pdf_converter():
        wait_for(lambda: office_processes(cache.as_uri()), 30)  # its guard seen, on a loaded machine too
        time.sleep(0.5)  # still starting when the block ends: stopped, its tree with it
    assert office_processes(cache.as_uri()) == []
    assert lock.read_holder(lock.lock_path(cache)) is None  # the profile let go of


@pytest.mark.libreoffice
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="started ahead where soffice ends with its run")
def test_a_command_that_will_write_papers_starts_their_libreoffice_as_it_begins_and_hands_them_to_it(
        tmp_path, cache, monkeypatch):
    """merge --docs starts LibreOffice before its own work (started_early): the papers, written later, go to that
    one — no second LibreOffice is started for them —, and none is left when the command ends."""
    require_libreoffice()
    started = []
    ahead = office.started_ahead

    def counted():
        started.append(1)
        return ahead()

    monkeypatch.setattr(office, "started_ahead", counted)
    with started_early():
        wait_for(lambda: "soffice.bin" in {p.info["name"] for p in office_processes(cache.as_uri())}, 60)
        papers = _papers(tmp_path / "ho-so", "01_To-trinh", "02_Bien-ban")
        with pdf_converter() as convert:
            done, problem = _handed(convert, papers)
    assert problem == "" and [_said(done[p]) for p in papers] == ["01_To-trinh", "02_Bien-ban"]
    assert len(started) == 1 and office_processes(cache.as_uri()) == []
    with started_early(papers=False):
        time.sleep(0.5)
        assert office_processes(cache.as_uri()) == []  # a command writing no papers starts none
    assert len(started) == 1


@pytest.mark.libreoffice
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="started ahead where soffice ends with its run")
def test_each_paper_is_handed_as_it_is_written_to_the_one_libreoffice_started_ahead(tmp_path, cache):
    """The first paper is converted while the next is still to be written, by the LibreOffice started ahead, which
    stays for the next (it holds a document open: without one it would end after the first papers handed)."""
    require_libreoffice()

    def ahead() -> list:
        return [p for p in office_processes(cache.as_uri()) if "soffice.bin" in p.info["cmdline"][0]
                and p.info["cmdline"][-1].endswith("held-open.txt")]

    def listening() -> bool:  # its pipe open: a soffice started now hands its files to it
        with contextlib.suppress(psutil.Error):
            return any("SingleOfficeIPC" in (pipe.laddr or "") for found in ahead()
                       for pipe in found.net_connections("unix"))
        return False

    convert_pdfs(_papers(tmp_path / "lan-truoc", "00_Lan-truoc"))  # the profile made (a new one restarts once)
    with pdf_converter() as pdfs:
        wait_for(listening, 60)
        started = [p.pid for p in ahead()]
        first = _papers(tmp_path / "ho-so", "01_To-trinh")[0]
        pdfs.add(first)
        wait_for(lambda: first.with_suffix(".pdf").is_file(), 120)  # converted before the second is written
        assert [p.pid for p in ahead()] == started  # still there, for the next
        second = _papers(tmp_path / "ho-so", "02_Bien-ban")[0]
        pdfs.add(second)
        done, problem = pdfs.result()
        assert [p.pid for p in ahead()] == started  # the same LibreOffice converted both, and is there for more
    assert problem == "" and [_said(done[p]) for p in (first, second)] == ["01_To-trinh", "02_Bien-ban"]
    assert office_processes(cache.as_uri()) == []


def _cached_zero(path: Path) -> Path:
    """A workbook whose formula C2 = B2*2 (B2 = 21) carries the result 0, as xlsxwriter writes it."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Tong hop")
    sheet.write_number("B2", 21)
    sheet.write_formula("C2", "=B2*2", None, 0)
    book.close()
    return path


def _c2(path: Path):
    from openpyxl import load_workbook

    book = load_workbook(path, data_only=True)
    try:
        return book["Tong hop"]["C2"].value
    finally:
        book.close()


#: What LibreOffice writes in a profile's user folder when it has run its graphics self-tests (see office's module).
SELF_TESTS_LOG = "GraphicsRenderTests.log"
#: The settings of a workbooks' profile kept by a version of the tool before its profiles were told their last
#: version, as LibreOffice rewrote them (its first run's items among ours).
OLD_RECALC_SETTINGS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse">\
<value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse">\
<value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="FirstRun" oor:op="fuse"><value>false</value>\
</prop></item>
<item oor:path="/org.openoffice.Setup/Office"><prop oor:name="ooSetupInstCompleted" oor:op="fuse"><value>true</value>\
</prop></item>
</oor:items>
"""


@pytest.mark.libreoffice
def test_a_profile_kept_before_is_told_its_last_version_and_keeps_its_settings(tmp_path, cache):
    """A workbooks' profile made by an earlier version of the tool ran LibreOffice's graphics self-tests at each
    start (half of it): taken now, it is told its last version; its own settings (recalculate on load) still hold."""
    require_libreoffice()
    settings = cache.parent / office.KEPT_RECALC_PROFILE / "user" / "registrymodifications.xcu"
    settings.parent.mkdir(parents=True)
    settings.write_text(OLD_RECALC_SETTINGS, encoding="utf-8")

    book = _cached_zero(tmp_path / "tong-hop.xlsx")
    assert _c2(office.convert(book, "xlsx", tmp_path / "lan-1")) == 42  # recalculated on load, as before
    told = settings.read_text(encoding="utf-8")
    assert "ooSetupLastVersion" in told and "OOXMLRecalcMode" in told and "ooSetupInstCompleted" in told
    assert not (settings.parent / SELF_TESTS_LOG).exists()
    assert office.convert(book, "pdf", tmp_path / "lan-2").read_bytes().startswith(b"%PDF")
    assert settings.read_text(encoding="utf-8").count("ooSetupLastVersion") == 1  # told once
    assert not (settings.parent / SELF_TESTS_LOG).exists()


def test_settings_not_ended_as_libreoffice_ends_them_are_left_as_they_are(tmp_path):
    """Settings cut short (a full disk as LibreOffice wrote them) are not added to: LibreOffice may mend or refuse
    them (a refused profile is made again); unreadable ones neither."""
    for text in (OLD_RECALC_SETTINGS[:-40], "<không phải xml/>"):
        settings = tmp_path / "profile" / "user" / "registrymodifications.xcu"
        settings.parent.mkdir(parents=True, exist_ok=True)
        settings.write_text(text, encoding="utf-8")
        office._told_its_last_version(tmp_path / "profile")
        assert settings.read_text(encoding="utf-8") == text
    settings.write_bytes(b"\xff\xfe not utf-8")
    office._told_its_last_version(tmp_path / "profile")
    assert settings.read_bytes() == b"\xff\xfe not utf-8"
    assert [p.name for p in settings.parent.iterdir()] == ["registrymodifications.xcu"]  # nothing staged left


@pytest.mark.libreoffice
def test_workbooks_are_converted_on_a_kept_profile_of_their_own_seeded_to_recalculate(tmp_path, cache):
    """merge --pdf and the feedback copies: a workbook recalculated on load is converted on the workbooks' profile,
    made once (seeded to recalculate) and reused by the next run; one converted as it is, on the papers'."""
    require_libreoffice()
    recalc = cache.parent / office.KEPT_RECALC_PROFILE
    book = _cached_zero(tmp_path / "tong-hop.xlsx")
    assert _c2(office.convert(book, "xlsx", tmp_path / "lan-1")) == 42
    assert "OOXMLRecalcMode" in (recalc / "user" / "registrymodifications.xcu").read_text(encoding="utf-8")
    (recalc / "user" / "cua-lan-truoc").write_text("x")
    assert office.convert(book, "pdf", tmp_path / "lan-2").read_bytes().startswith(b"%PDF")
    assert (recalc / "user" / "cua-lan-truoc").is_file()  # the same profile, not made again
    assert not cache.exists()  # the papers' profile left alone

    assert _c2(office.convert(book, "xlsx", tmp_path / "nhu-cu", recalc=False)) == 0  # the value as it was
    assert (cache / "user").is_dir() and "OOXMLRecalcMode" not in \
        (cache / "user" / "registrymodifications.xcu").read_text(encoding="utf-8")
    assert office_processes(cache.parent.as_uri()) == []
    assert lock.read_holder(lock.lock_path(recalc)) is None


@pytest.mark.libreoffice
def test_a_workbook_profile_another_run_holds_is_not_waited_for(tmp_path, cache):
    require_libreoffice()
    recalc = cache.parent / office.KEPT_RECALC_PROFILE
    recalc.parent.mkdir(parents=True)
    with _held_by_another_run(recalc):
        book = _cached_zero(tmp_path / "tong-hop.xlsx")
        assert _c2(office.convert(book, "xlsx", tmp_path / "ra")) == 42  # on a fresh profile, recalculated too
        assert not recalc.exists()  # left to its holder
