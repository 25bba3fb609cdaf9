"""A summary read back (``--council``, ``--from``) names its layout's schema version; one this version of the
tool cannot know is refused with what to do, never read as if it were the layout known here. Version 2 changed
the JSON report only (titles by code, numbers as numbers): a version-1 summary has the same workbook and is read."""

from __future__ import annotations

from openpyxl import load_workbook

from tests.commune_fixtures import KEY
from tests.decide.conftest import run, school  # noqa: F401 - the module fixture: a merged scoring round
from tests.filling import council_types
from tests.summary_meta import with_schema
from thidua_xlsx.cli import EXIT_UNUSABLE
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.titles import NO_PROPOSAL
from thidua_xlsx.service import apply_council_file, merge_inbox
from thidua_xlsx.text.releases import VERSION as __version__


def test_a_summary_written_by_a_newer_version_is_refused_with_what_to_do(school, tmp_path):  # noqa: F811
    newer = tmp_path / "tong-hop.xlsx"
    newer.write_bytes(school["first"].read_bytes())
    with_schema(newer, ly.SUMMARY_SCHEMA_VERSION + 1)

    result = run("merge", school["inbox"], "--council", newer, "-o", tmp_path / "x.xlsx")

    assert result.exit_code == EXIT_UNUSABLE, result.output
    said = " ".join(result.output.split())
    assert (f"tong-hop.xlsx' được ghi bởi thidua-xlsx {__version__} theo bố cục bảng tổng hợp số "
            f"{ly.SUMMARY_SCHEMA_VERSION + 1}, bản thidua-xlsx {__version__} này chỉ đọc được tới số "
            f"{ly.SUMMARY_SCHEMA_VERSION}") in said  # the file names its release (here this one's, its number edited)
    assert "bấm đúp tệp cài đặt" in said and "pip" not in said  # the installer, as the README says: never pip
    assert not (tmp_path / "x.xlsx").exists()
    final, problems = apply_council_file(merge_inbox(school["inbox"], school["folder"]), newer)
    assert final is None and [p.code for p in problems] == ["summary.schema_unknown"]


def test_the_summary_of_this_version_is_read(school, tmp_path):  # noqa: F811
    assert ly.SUMMARY_SCHEMA_VERSION == 8  # 8: the release that wrote it, every field sealed
    assert run("merge", school["inbox"], "--council", school["first"], "-o", tmp_path / "x.xlsx").exit_code == 0


def test_a_year_s_summary_carries_what_each_person_and_department_ends_the_year_with(school):  # noqa: F811
    """Schema 4: the history of later years reads each person's titles, rating and sáng kiến from the metadata."""
    wb = load_workbook(school["first"])
    meta = ly.SummaryMeta.from_json(ly.meta_json([c.value for c in wb[ly.META_SHEET]["A"]], ly.MAX_SUMMARY_META_CHARS))
    merged = merge_inbox(school["inbox"], school["folder"])
    assert [o[0] for o in meta.outcomes] == [p.code for p in merged.people]
    for outcome, person in zip(meta.outcomes, merged.people):
        code, name, _dob, rating, titles = outcome[:5]
        assert (code, name, rating) == (person.code, person.name, person.facts.rating)
        assert titles == tuple(d.title for d in person.decisions if d.granted)
    assert {d[0]: d[2] for d in meta.department_outcomes} == {
        d.code: tuple(x.title for x in d.decisions if x.granted) for d in merged.departments}
    # schema 5: the school, each person's place, every decision, and the seal of the lists as shown
    assert meta.school == merged.campaign.school.name
    assert [(i[0], i[1], i[3]) for i in meta.people_info] == [(p.code, p.department, p.position) for p in merged.people]
    assert meta.decisions == tuple((p.code, d.title, d.granted, d.pending) for p in merged.people for d in p.decisions)
    assert len(meta.lists_digest) == 16 and meta.votes == ()  # no council pass yet: no ballot


def test_a_version_1_summary_is_still_read_with_its_titles_in_words(school, tmp_path):  # noqa: F811
    met = tmp_path / "hoi-dong.xlsx"
    council_types(school["first"], met, {"GV03": (None, NO_PROPOSAL, "Nghỉ dài ngày")})  # typed as its name
    with_schema(met, 1)
    final, problems = apply_council_file(merge_inbox(school["inbox"], school["folder"]), met)
    assert final is not None and "summary.schema_unknown" not in {p.code for p in problems}
    gv03 = next(p for p in final.people if p.code == "GV03")
    assert (gv03.council_decision, gv03.proposed) == (NO_PROPOSAL, "")


def test_a_summary_written_with_the_level_above_s_code_carries_a_seal_the_level_above_can_check(school, tmp_path):  # noqa: F811, E501
    """Schema 7: sealed over everything its metadata says; read back, the same content digest; another code, or any
    change of the data, and the seal no longer matches."""
    import dataclasses

    from thidua_xlsx.write.summary import write_summary

    code = KEY.school_code("TH-A", "2025-2026")
    merged = merge_inbox(school["inbox"], school["folder"])
    c = merged.campaign
    sealed = dataclasses.replace(merged, campaign=dataclasses.replace(c, school=dataclasses.replace(
        c.school, authority_code=code.lower().replace("-", " "))))  # typed in lower case, with a space
    write_summary(sealed, tmp_path / "s.xlsx")
    write_summary(merged, tmp_path / "u.xlsx")

    def meta_of(path):
        column = [cell.value for cell in load_workbook(path)[ly.META_SHEET]["A"]]
        return ly.SummaryMeta.from_json(ly.meta_json(column, ly.MAX_SUMMARY_META_CHARS))

    meta = meta_of(tmp_path / "s.xlsx")
    assert len(meta.seal) == 64 and meta.newest_input.startswith("2026-") and meta.release == __version__
    assert ly.sealed_with(code, meta.seal, ly.content_digest(meta))
    assert not ly.sealed_with(KEY.school_code("TH-B", "2025-2026"), meta.seal, ly.content_digest(meta))
    changed = dataclasses.replace(meta, decisions=((*meta.decisions[0][:2], not meta.decisions[0][2],
                                                    meta.decisions[0][3]), *meta.decisions[1:]))
    assert not ly.sealed_with(code, meta.seal, ly.content_digest(changed))
    assert meta_of(tmp_path / "u.xlsx").seal == ""  # no code typed: no seal
