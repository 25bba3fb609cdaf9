"""The analysts' API: the sample's final summary as DataFrames, several summaries stacked, the
files that are not readable final summaries skipped with their reason, and pandas kept out of the CLI."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from tests.summary_meta import rewrite_meta
from thidua_xlsx.api import SummaryError, read_summaries, read_summary
from thidua_xlsx.cli import main
from thidua_xlsx.decide.history import with_history
from thidua_xlsx.model.places import CAMPAIGN_FILE
from thidua_xlsx.model.titles import CSTDCS, LDTT, TTLDXS
from thidua_xlsx.model.titles import name as title_name
from thidua_xlsx.read.history import read_history_book
from thidua_xlsx.service import apply_council_file, merge_inbox
from thidua_xlsx.steps.workspace import open_campaign
from thidua_xlsx.write.summary import write_summary

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


@pytest.fixture(scope="module")
def final(tmp_path_factory):
    """The sample's final summary made again the way samples/build_samples.py makes it (the merge of
    samples/inbox, the council's hoi-dong.xlsx, the history of lich-su.xlsx): the summary and its file."""
    folder, problems = open_campaign(SAMPLES / CAMPAIGN_FILE)
    assert folder is not None, [p.render() for p in problems]
    summary, problems = apply_council_file(merge_inbox(SAMPLES / "inbox", folder), SAMPLES / "hoi-dong.xlsx")
    assert summary is not None, [p.render() for p in problems]
    _book, history, problems = read_history_book(SAMPLES / "lich-su.xlsx")
    assert not problems.errors, [p.render() for p in problems]
    summary = with_history(summary, history)
    path = tmp_path_factory.mktemp("cuoi") / "tong-hop-cuoi.xlsx"
    write_summary(summary, path)
    return {"summary": summary, "path": path, "frames": read_summary(path)}


@pytest.fixture(scope="module")
def kim_son(tmp_path_factory):
    """The year's summary of another school (samples/ca-nam: Trường THCS Kim Sơn), made by ``year`` on a copy."""
    out = tmp_path_factory.mktemp("ca-nam")
    shutil.copytree(SAMPLES / "ca-nam", out / "sample")  # the run records what it wrote in its campaign folder
    path = out / "tong-hop_ca-nam.xlsx"
    result = CliRunner().invoke(main, ["year", str(out / "sample" / "ky"), "--campaign", str(out / "sample"),
                                       "-o", str(path)])
    assert result.exit_code == 0, result.output
    return path


def _rewritten(source: Path, target: Path, **meta) -> Path:
    """``source`` with its metadata changed as ``meta`` says (what an older version, another year or a hand
    that edited the metadata would have left)."""
    return rewrite_meta(source, target, lambda data: {**data, **meta})


# --- one summary ----------------------------------------------------------------------------------------------


def test_one_row_per_person_and_decision_as_the_council_left_them(final):
    summary, decisions = final["summary"], final["frames"].decisions
    expected = [(p.code, p.name, p.department_name, d.title, title_name(d.title), d.granted, d.pending)
                for p in summary.people for d in p.decisions]
    found = list(decisions[["code", "name", "department", "title", "title_name", "granted", "pending"]]
                 .itertuples(index=False, name=None))

    assert found == expected
    assert len(found) > len(summary.people)  # some people have two decisions (LĐTT and CSTĐCS …)
    assert set(decisions.school) == {summary.campaign.school.name}
    assert set(decisions.school_year) == {"2025-2026"}


def test_one_row_per_person_with_their_place_score_and_titles(final):
    summary, people = final["summary"], final["frames"].people

    assert len(people) == 44 == len(summary.people)
    assert list(people.code) == [p.code for p in summary.people] and people.code.is_unique
    by_code = people.set_index("code")
    for p in summary.people:
        row = by_code.loc[p.code]
        assert (row["name"], row.department_code, row.position) == (p.name, p.department, p.position)
        assert row.titles == "; ".join(title_name(d.title) for d in p.decisions if d.granted)
        assert row.final_score == p.final if p.final is not None else pd.isna(row.final_score)


def test_the_cstdcs_granted_are_the_councils(final):
    decisions = final["frames"].decisions
    granted = decisions[(decisions.title == CSTDCS) & decisions.granted]
    expected = {p.code for p in final["summary"].people if any(d.title == CSTDCS and d.granted for d in p.decisions)}

    # the 25 % quota of the sample, less GV007 (its sáng kiến served a Giấy khen)
    assert set(granted.code) == expected and len(expected) == 6
    assert (granted.votes > granted.council_members / 2).all()  # each passed the council's ballot
    assert set(final["frames"].people.query("titles.str.contains('Chiến sĩ thi đua cơ sở')").code) == expected


def test_the_departments_one_row_per_department_and_decision(final):
    departments = final["frames"].departments
    expected = [(d.code, d.name, x.title, x.granted) for d in final["summary"].departments for x in d.decisions]

    assert list(departments[["department_code", "department", "title", "granted"]]
                .itertuples(index=False, name=None)) == expected
    assert set(departments[departments.granted].title) == {TTLDXS, "TTLDTT"}


def test_the_schools_frame_counts_each_title_granted(final):
    schools, summary = final["frames"].schools, final["summary"]
    granted = Counter(d.title for p in summary.people for d in p.decisions if d.granted)
    granted.update(x.title for d in summary.departments for x in d.decisions if x.granted)
    row = schools.iloc[0]

    assert len(schools) == 1
    assert (row.school, row.school_year, row.campaign_id) == (summary.campaign.school.name, "2025-2026",
                                                              summary.campaign.id)
    assert (row.council, row.people, row.departments) == (True, 44, len(summary.departments))
    assert {title: row[title_name(title)] for title in granted} == dict(granted)
    assert row[title_name(LDTT)] > row[title_name(CSTDCS)] > 0


def test_dtypes_categories_booleans_and_nan_for_unknown(final):
    people, decisions = final["frames"].people, final["frames"].decisions

    assert isinstance(decisions.title.dtype, pd.CategoricalDtype)
    assert isinstance(decisions.title_name.dtype, pd.CategoricalDtype)
    assert decisions.granted.dtype == bool and decisions.pending.dtype == bool
    assert people.final_score.dtype == "float64" and decisions.votes.dtype == "float64"
    unscored = [p.code for p in final["summary"].people if p.final is None]  # Tổ chuyên biệt sent nothing
    assert unscored and people.set_index("code").loc[unscored].final_score.isna().all()  # never 0
    assert decisions[decisions.title == LDTT].votes.isna().all()  # no ballot for LĐTT: unknown, not 0
    assert people.rating.cat.ordered and (people.rating >= "HTTNV").sum() > 0  # KHTNV < HTNV < HTTNV < HTXSNV
    assert pd.api.types.is_datetime64_any_dtype(people.birth_date)


def test_the_shipped_sample_gives_the_same_frames(final):
    shipped = SAMPLES / "tong-hop-cuoi.xlsx"
    frames = read_summary(shipped)
    for name in ("people", "decisions", "departments", "schools"):
        mine = getattr(frames, name).drop(columns=["file", "fingerprint"], errors="ignore")
        made = getattr(final["frames"], name).drop(columns=["file", "fingerprint"], errors="ignore")
        pd.testing.assert_frame_equal(mine, made)
    # the fingerprint is the file's own (a checkout's file times are printed in its Nguồn dữ liệu): each its own
    for path, found in ((shipped, frames), (final["path"], final["frames"])):
        assert list(found.schools["fingerprint"]) == [hashlib.sha256(path.read_bytes()).hexdigest()]


# --- several summaries, and the files skipped -----------------------------------------------------------------


def test_several_schools_and_years_stack_and_every_other_file_is_skipped_with_its_reason(final, kim_son, tmp_path):
    folder = tmp_path / "tong-hop"
    (folder / "2025-2026").mkdir(parents=True)
    (folder / "2026-2027").mkdir()
    shutil.copy(final["path"], folder / "2025-2026" / "truc-cuong.xlsx")
    shutil.copy(kim_son, folder / "2026-2027" / "kim-son.xlsx")
    _rewritten(final["path"], folder / "truc-cuong-2024-2025.xlsx", school_year="2024-2025")
    shutil.copy(final["path"], folder / "ban-sao.xlsx")  # the same school's year twice: one is used
    os.utime(folder / "ban-sao.xlsx", (1_700_000_000, 1_700_000_000))  # saved first
    shutil.copy(SAMPLES / "tong-hop_dang-ky.xlsx", folder)
    shutil.copy(SAMPLES / "ca-nam" / "ky" / "tong-hop_thang-9.xlsx", folder)
    shutil.copy(SAMPLES / CAMPAIGN_FILE, folder)
    _rewritten(final["path"], folder / "ban-cu.xlsx", schema_version=4, people_info=[], decisions=[])
    _rewritten(final["path"], folder / "ban-moi.xlsx", schema_version=99)
    _rewritten(final["path"], folder / "sua-tay.xlsx", people_info=[["GV004", "TO-K1"]])
    (folder / "hong.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")
    (folder / "ghi-chu.txt").write_text("not a workbook", encoding="utf-8")
    (folder / "loi-tat.xlsx").symlink_to(final["path"])

    frames = read_summaries(folder)

    assert {s.file: s.code for s in frames.skipped} == {
        "ban-sao.xlsx": "api.duplicate", "tong-hop_dang-ky.xlsx": "api.registration",
        "tong-hop_thang-9.xlsx": "api.period", CAMPAIGN_FILE: "api.not_ours", "ban-cu.xlsx": "api.older",
        "ban-moi.xlsx": "summary.schema_unknown", "sua-tay.xlsx": "summary.meta_damaged",
        "hong.xlsx": "api.unreadable", "ghi-chu.txt": "api.other_file", "loi-tat.xlsx": "api.link"}
    reasons = {s.file: s.reason for s in frames.skipped}
    assert "2025-2026/truc-cuong.xlsx" in reasons["ban-sao.xlsx"] and "phiên bản cũ" in reasons["ban-cu.xlsx"]
    schools = frames.schools.set_index("file")
    assert sorted(schools.index) == ["2025-2026/truc-cuong.xlsx", "2026-2027/kim-son.xlsx",
                                     "truc-cuong-2024-2025.xlsx"]
    assert schools.loc["2026-2027/kim-son.xlsx", "school"] == "Trường THCS Kim Sơn"
    assert schools.loc["2026-2027/kim-son.xlsx", title_name(TTLDXS)] == 0  # Kim Sơn granted none: a real 0
    assert len(frames.people) == 3 * 44 and set(frames.people.school_year) == {"2024-2025", "2025-2026", "2026-2027"}
    assert len(frames.decisions) == 2 * len(final["frames"].decisions) + len(read_summary(kim_son).decisions)
    assert isinstance(frames.decisions.title.dtype, pd.CategoricalDtype)  # categories stay across schools
    by_school = frames.decisions[frames.decisions.granted].groupby(["school_year", "school"], observed=True).size()
    assert len(by_school) == 3


def test_a_list_of_files_and_a_missing_one(final, kim_son, tmp_path):
    frames = read_summaries([final["path"], str(kim_son), tmp_path / "khong-co.xlsx"])

    assert list(frames.schools.school) == ["Trường Tiểu học Trực Cường", "Trường THCS Kim Sơn"]
    assert [(s.file, s.code) for s in frames.skipped] == [("khong-co.xlsx", "api.not_found")]


def test_nothing_readable_gives_empty_frames_with_their_columns_and_says_why(tmp_path):
    frames = read_summaries(tmp_path)
    assert frames.people.empty and list(frames.people.columns)[:4] == ["school", "school_year", "campaign_id", "file"]
    assert frames.skipped == ()


def test_one_older_summary_raises_a_documented_error_never_empty_frames(final, tmp_path):
    older = _rewritten(final["path"], tmp_path / "tong-hop-cu.xlsx", schema_version=4, people_info=[], decisions=[])

    with pytest.raises(SummaryError) as refused:
        read_summary(older)
    assert refused.value.code == "api.older" and refused.value.file == "tong-hop-cu.xlsx"
    assert "bố cục bảng tổng hợp số 4" in str(refused.value) and "merge" in str(refused.value)
    with pytest.raises(SummaryError, match="Không tìm thấy"):
        read_summary(tmp_path / "khong-co.xlsx")


# --- pandas only here ------------------------------------------------------------------------------------------


def _python(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, timeout=60, text=True)


def test_the_cli_never_imports_pandas():
    done = _python("import sys, thidua_xlsx.cli; print('pandas' in sys.modules)")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"


def test_without_pandas_the_api_says_how_to_install_it():
    done = _python("import sys; sys.modules['pandas'] = None; import thidua_xlsx.api")
    assert done.returncode != 0
    assert "python -m pip install pandas" in done.stderr and "thidua-xlsx[" not in done.stderr  # never by name


# --- what the province's analyst needs of each file -------------------------------------------------------------


def test_each_school_s_row_says_edited_pre_council_sealed_and_its_fingerprint():
    import hashlib

    frames = read_summaries(SAMPLES / "cap-xa" / "inbox")
    schools = frames.schools.set_index("file")
    edited = schools.loc["TH-Thu-Nghiem_tong-hop-cuoi.xlsx"]
    assert bool(edited.edited) and bool(edited.council) and bool(edited.sealed)
    kim_son = schools.loc["THCS-Kim-Son_ca-nam.xlsx"]
    assert not kim_son.edited and not kim_son.council  # never met its council
    truc_cuong = schools.loc["TH-Truc-Cuong_tong-hop-cuoi.xlsx"]
    assert truc_cuong.fingerprint == hashlib.sha256(
        (SAMPLES / "cap-xa" / "inbox" / "TH-Truc-Cuong_tong-hop-cuoi.xlsx").read_bytes()).hexdigest()


def test_a_missing_folder_is_an_error_not_empty_frames(tmp_path):
    with pytest.raises(SummaryError) as refused:
        read_summaries(tmp_path / "khong-co")
    assert refused.value.code == "api.folder_not_found" and "Không có thư mục" in str(refused.value)


def test_the_commune_s_own_summary_is_named_as_such_not_as_foreign(tmp_path):
    shutil.copy(SAMPLES / "cap-xa" / "tong-hop-xa.xlsx", tmp_path)
    frames = read_summaries(tmp_path)
    assert [(s.file, s.code) for s in frames.skipped] == [("tong-hop-xa.xlsx", "api.level_above")]
