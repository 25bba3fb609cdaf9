"""The first run of a new release in a campaign folder says once what changed for her since the release that last ran
there (its runs record names it; a record written before 0.8.0 names none): the lines that concern that folder — a
school's or a commune's — what she must do first; never again after; a new folder hears nothing."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.decide.conftest import run
from tests.writer_classes import forget_classes, pretend_xlsxwriter
from thidua_xlsx.model.places import RUNS_RECORD
from thidua_xlsx.text import releases as rx


def _left_by_an_earlier_release(folder: Path, release: str | None = None) -> None:
    """``folder``'s runs record as a release before this one left it (before 0.8.0: no release named)."""
    record = json.loads((folder / RUNS_RECORD).read_text(encoding="utf-8"))
    record.pop("release", None)
    if release is not None:
        record["release"] = release
    (folder / RUNS_RECORD).write_text(json.dumps(record), encoding="utf-8")


def _lines(audience: str) -> list[str]:
    return [line for _version, lines in rx.CHANGES for whom, line in lines if whom in (rx.BOTH, audience)]


def test_a_school_folder_hears_once_what_changed_with_what_to_do_first(tmp_path):
    folder = tmp_path / "truong"
    made = run("init", folder, "--level", "thcs")
    assert made.exit_code == 0, made.output
    assert "đã được cập nhật" not in made.output  # a new folder: nothing to say
    _left_by_an_earlier_release(folder)

    first = run("status", folder / "inbox")
    said = first.output.splitlines()
    heading = rx.UPDATED.format(before=rx.UPDATED_BEFORE_0_8, after=rx.VERSION)
    assert heading in said, first.output
    news = said[said.index(heading) + 1:][:len(_lines(rx.SCHOOL))]
    version, todo = next((v, line) for v, lines in rx.CHANGES for who, line in lines
                         if who in (rx.SCHOOL, rx.BOTH) and line.startswith(rx.TODO))
    assert news[0] == rx.UPDATED_LINE.format(version=version, line=todo)
    assert {n.split(": ", 1)[1] for n in news} == set(_lines(rx.SCHOOL))
    assert not any(line in first.output for line in _lines(rx.COMMUNE) if line not in _lines(rx.SCHOOL))

    again = run("status", folder / "inbox")
    assert "đã được cập nhật" not in again.output


def test_a_commune_folder_hears_the_officer_s_lines_and_what_to_do_first(tmp_path):
    folder = tmp_path / "xa"
    assert run("init", folder, "--level", "cap-xa").exit_code == 0
    _left_by_an_earlier_release(folder, "0.7.9")

    first = run("status", folder / "inbox")
    said = first.output.splitlines()
    heading = rx.UPDATED.format(before="0.7.9", after=rx.VERSION)
    assert heading in said, first.output
    news = said[said.index(heading) + 1:]
    todo = [line for line in _lines(rx.COMMUNE) if line.startswith(rx.TODO)]
    release = {line: version for version, lines in rx.CHANGES for _whom, line in lines}
    assert news[:len(todo)] == [rx.UPDATED_LINE.format(version=release[line], line=line) for line in todo]
    assert "campaign.xlsx (sheet Trường)" not in first.output  # the school's own line
    assert "đã được cập nhật" not in run("status", folder / "inbox").output


def test_a_folder_last_run_by_this_release_hears_nothing(tmp_path):
    folder = tmp_path / "truong"
    assert run("init", folder, "--level", "thcs").exit_code == 0
    _left_by_an_earlier_release(folder, rx.VERSION)
    assert "đã được cập nhật" not in run("status", folder / "inbox").output


def test_an_untested_xlsxwriter_is_said_once_in_a_folder_and_its_books_still_read(tmp_path, monkeypatch):
    """The install is not the tested set (a later xlsxwriter than the shortcuts were compared on): every workbook is
    written xlsxwriter's own, slower way — said once in the folder, with what to do; the books are the same."""
    folder = tmp_path / "truong"
    assert run("init", folder, "--level", "thcs").exit_code == 0
    pretend_xlsxwriter(monkeypatch, "3.4.0")
    try:
        made = run("generate", folder / "campaign.xlsx", "--round", "dang-ky")
        again = run("generate", folder / "campaign.xlsx", "--round", "dang-ky", "--force")
    finally:
        monkeypatch.undo()
        forget_classes()
    said = " ".join(made.output.split())
    assert made.exit_code == 0, made.output
    assert rx.WRITER_UNCHECKED.format(version="3.4.0") in said
    assert "Cai-dat-thi-dua.bat" in said and "xlsxwriter 3.4.0" not in again.output
    book = sorted((folder / "outbox").rglob("*.xlsx"))[0]  # a book written the long way, returned as it was sent
    shutil.copy(book, folder / "inbox")
    merged = run("merge", folder / "inbox")
    assert "Sổ giống hệt sổ đã phát" in merged.output, merged.output  # known as the very book issued


def test_the_installer_window_hears_what_changed_for_a_school_and_a_commune_what_to_do_first():
    """What the installer prints after an update (``--thay-doi-tu`` the release it found installed): every line of the
    releases between, for a school and for a commune, each saying whom it concerns, those to act on first — read from
    the program installed, in a second process as the installer runs it."""
    import subprocess
    import sys

    def said(before: str) -> list[str]:
        done = subprocess.run([sys.executable, "-m", "thidua_xlsx", "--thay-doi-tu", before], capture_output=True,
                              text=True, encoding="utf-8", check=True)
        return done.stdout.splitlines()

    lines = said("0.7.0")
    assert lines[0] == rx.UPDATED_INSTALLER.format(before="0.7.0", after=rx.VERSION)
    every = [(v, w, line) for v, ls in rx.CHANGES if tuple(map(int, v.split("."))) > (0, 7, 0) for w, line in ls]
    assert len(lines) == 1 + len(every)
    todo = [line for line in lines[1:] if ": " + rx.TODO in line]
    assert lines[1:1 + len(todo)] == todo and len(todo) == sum(line.startswith(rx.TODO) for *_, line in every)
    assert any("(xã): " + rx.TODO in line for line in todo) and any("(trường): " + rx.TODO in line for line in todo)
    assert said(rx.VERSION) == []  # the same release again: nothing changed
    assert said("")[0] == rx.UPDATED_INSTALLER.format(before=rx.UPDATED_BEFORE_0_8, after=rx.VERSION)
