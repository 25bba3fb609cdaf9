"""A summary read back (``--council``, ``--from``) names its layout's schema version; one this version of the
tool cannot know is refused with what to do, never read as if it were the layout known here."""

from __future__ import annotations

from tests.decide.test_council import run, school  # noqa: F401 - the module fixture: a merged scoring round
from thidua_xlsx.cli import EXIT_UNUSABLE
from thidua_xlsx.model import layout as ly


def test_a_summary_written_by_a_newer_version_is_refused_with_what_to_do(school, tmp_path, monkeypatch):  # noqa: F811
    monkeypatch.setattr(ly, "SUMMARY_SCHEMA_VERSION", 0)  # as if this tool knew no layout yet: the file's is newer

    result = run("merge", school["inbox"], "--council", school["first"], "-o", tmp_path / "x.xlsx")

    assert result.exit_code == EXIT_UNUSABLE, result.output
    assert ("tong-hop.xlsx' được ghi theo bố cục bảng tổng hợp số 1, phiên bản thidua-xlsx này chỉ đọc được tới "
            "số 0") in " ".join(result.output.split())
    assert "pip install -U thidua-xlsx" in result.output
    assert not (tmp_path / "x.xlsx").exists()


def test_the_summary_of_this_version_is_read(school, tmp_path):  # noqa: F811
    assert run("merge", school["inbox"], "--council", school["first"], "-o", tmp_path / "x.xlsx").exit_code == 0
