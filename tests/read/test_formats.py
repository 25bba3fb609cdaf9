"""The summary's format number changes whenever what is sealed changes (docs/compatibility.md): the metadata's fields
of this release are those its number was given for, and each earlier layout is told apart and checked by its own
rule."""

from __future__ import annotations

import dataclasses

import pytest

from thidua_xlsx.model import layout as ly

# The fields each format number seals (8: as 0.8.0 wrote it). A field removed or changing meaning: a new number here,
# in model.layout.SUMMARY_SCHEMA_VERSION, SEALED_LAYOUTS and sealed_content, and a line in CHANGELOG.md.
FIELDS = {8: frozenset({
    "campaign_id", "school_year", "round", "inputs", "departments_submitted", "period", "rubric_versions", "people",
    "parts", "council", "collectives", "outcomes", "department_outcomes", "special_outcomes", "school", "people_info",
    "decisions", "department_decisions", "votes", "lists_digest", "starts", "newest_input", "applied", "draft",
    "digest", "seal", "release", "kind", "schema_version", "app"})}
# What each minor number added to 8, read as 8 by every reader of 8 (model.layout.SUMMARY_SCHEMA_MINOR): a field only
# added is a new minor number here and there, never a new format number.
ADDED = {1: frozenset({"head_entries",  # 0.10.0: a period's head's pass, why she gave each score
                       "schema_minor"})}


def test_the_fields_sealed_are_those_of_this_format_number():
    added = frozenset().union(*(fields for minor, fields in ADDED.items() if minor <= ly.SUMMARY_SCHEMA_MINOR))
    assert {f.name for f in dataclasses.fields(ly.SummaryMeta)} == FIELDS[ly.SUMMARY_SCHEMA_VERSION] | added
    assert max(ADDED) == ly.SUMMARY_SCHEMA_MINOR  # each minor number says what it added
    assert ly.SEALED_LAYOUTS[-1] == str(ly.SUMMARY_SCHEMA_VERSION)


BASE = {"app": "thidua-xlsx", "kind": "summary", "campaign_id": "x", "school_year": "2026-2027", "round": "cham-diem",
        "seal": "s"}


@pytest.mark.parametrize(("data", "layout"), [
    ({**BASE, "schema_version": 6}, "6"),
    ({**BASE, "schema_version": 7}, "7a"),
    ({**BASE, "schema_version": 7, "digest": "d"}, "7b"),
    ({**BASE, "schema_version": 7, "digest": "d", "applied": [], "draft": []}, "7c"),
    ({**BASE, "schema_version": 8, "digest": "d", "applied": [], "draft": [], "release": "0.8.0"}, "8"),
])
def test_each_layout_is_told_by_the_fields_it_holds(data, layout):
    assert ly.summary_layout(data) == layout


def test_each_layout_seals_by_its_own_rule():
    seven_c = {**BASE, "schema_version": 7, "digest": "d", "applied": [], "draft": []}
    # 7c left applied and draft out while empty: the same content as without them
    assert ly.sealed_content(seven_c) == ly.sealed_content({**{k: v for k, v in seven_c.items()
                                                                if k not in ("applied", "draft")}, "digest": "x"})
    # 8 seals them whatever they hold, and its own digest and seal never
    eight = {**seven_c, "schema_version": 8, "release": "0.8.0"}
    assert ly.sealed_content(eight) == ly.sealed_content({**eight, "digest": "other", "seal": "other"})
    assert ly.sealed_content(eight) != ly.sealed_content({**eight, "applied": [["head", "thang-9", "f", "x", "t"]]})
    # this release's writer and reader agree
    meta = ly.SummaryMeta("x", "2026-2027", "cham-diem", (), (), release="0.8.0")
    assert ly.content_digest(meta) == ly.sealed_content(meta.to_json())
