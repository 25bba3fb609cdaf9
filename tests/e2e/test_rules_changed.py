"""A rule that changed between releases is named, never applied silently: a summary an earlier release wrote from the
very same books, merged again by this release, gets a note for each person whose title comes out otherwise — with the
release that wrote it and what each said. Other books, or the same release, say nothing of the kind."""

from __future__ import annotations

import json

from click.testing import CliRunner

from tests.samples import school_copy
from tests.summary_meta import rewrite_meta
from thidua_xlsx.cli import main
from thidua_xlsx.text.releases import VERSION


def _merged(folder, *more) -> str:
    done = CliRunner().invoke(main, ["merge", str(folder / "inbox"), "--json", str(folder / "bao-cao-moi.json"), *more])
    assert done.exit_code == 0, done.output
    return " ".join(done.output.split())


def _as_an_earlier_release_wrote_it(summary, release: str, who: str, title: str) -> None:
    """``summary`` as ``release`` would have written it from the same books, its rules granting ``who`` no ``title``
    where today's grant it."""
    def earlier(data: dict) -> None:
        data["release"] = release
        row = next(d for d in data["decisions"] if d[0] == who and d[1] == title)
        assert row[2] is True  # today's rules grant it
        row[2] = False

    rewrite_meta(summary, summary, earlier)


def test_a_title_an_earlier_release_decided_otherwise_from_the_same_books_is_named(tmp_path):
    folder = school_copy(tmp_path)
    _merged(folder)
    summary = folder / "tong-hop_cham-diem.xlsx"
    _as_an_earlier_release_wrote_it(summary, "0.7.0", "GV004", "LDTT")

    said = _merged(folder, "--force")
    assert ("Trần Thị Lan Anh (GV004) – Lao động tiên tiến: thidua-xlsx 0.7.0 ghi 'không đạt' với cùng các sổ này, "
            "bản này tính 'đạt' – quy định của phiên bản đã thay đổi") in said
    assert said.count("quy định của phiên bản đã thay đổi") == 1  # the one title, no other
    report = json.loads((folder / "bao-cao-moi.json").read_text(encoding="utf-8"))
    [note] = [p for p in report["problems"] if p["code"] == "merge.rule_changed"]
    assert note["severity"] == "warning" and note["params"]["who"] == "GV004"
    assert note["params"]["release"] == "thidua-xlsx 0.7.0" != f"thidua-xlsx {VERSION}"


def test_the_same_release_or_other_books_say_nothing_of_rules(tmp_path):
    same = school_copy(tmp_path / "cung-ban")
    _merged(same)
    _as_an_earlier_release_wrote_it(same / "tong-hop_cham-diem.xlsx", VERSION, "GV004", "LDTT")  # the books decide
    assert "quy định của phiên bản đã thay đổi" not in _merged(same, "--force")

    other = school_copy(tmp_path / "so-khac")
    _merged(other)
    _as_an_earlier_release_wrote_it(other / "tong-hop_cham-diem.xlsx", "0.7.0", "GV004", "LDTT")
    next((other / "inbox").glob("*To-khoi-1.xlsx")).unlink()  # a book taken out: the difference may be the books'
    assert "quy định của phiên bản đã thay đổi" not in _merged(other, "--force")


def test_a_department_s_title_decided_otherwise_is_named_too(tmp_path):
    """A collective title is sealed with the people's (``department_decisions``): one an earlier release decided
    otherwise from the same books is named like a person's."""
    folder = school_copy(tmp_path)
    _merged(folder)
    granted = {}

    def earlier(data: dict) -> None:
        data["release"] = "0.9.0"
        row = next(d for d in data["department_decisions"] if d[2] is True)
        granted.update(code=row[0], title=row[1])
        row[2] = False

    rewrite_meta(folder / "tong-hop_cham-diem.xlsx", folder / "tong-hop_cham-diem.xlsx", earlier)

    said = _merged(folder, "--force")
    assert f"({granted['code']}) – " in said and "thidua-xlsx 0.9.0 ghi 'không đạt' với cùng các sổ này, bản này " \
        "tính 'đạt' – quy định của phiên bản đã thay đổi" in said, said
    assert said.count("quy định của phiên bản đã thay đổi") == 1


def test_a_campaign_book_saved_since_says_nothing_of_rules(tmp_path):
    """The secretary typed into campaign.xlsx after the earlier summary (a discipline, a rating, a rule): the outcome
    may differ by what she typed, so nothing is put on the rules."""
    from openpyxl import load_workbook

    folder = school_copy(tmp_path)
    _merged(folder)
    _as_an_earlier_release_wrote_it(folder / "tong-hop_cham-diem.xlsx", "0.7.0", "GV004", "LDTT")
    book = load_workbook(folder / "campaign.xlsx")
    book.save(folder / "campaign.xlsx")  # saved now, as Excel saves it: its save time after the summary's

    assert "quy định của phiên bản đã thay đổi" not in _merged(folder, "--force")
