"""The summary's own metadata, written by :func:`engine.meta_sheet` into a very hidden sheet, so
that the summary can be read back like a department workbook (the council round trip, the history
of earlier years, the level above)."""

from __future__ import annotations

import dataclasses
import json

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import evaluation as ev
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.results import SOURCE_COUNCIL, SOURCE_DEPT, SOURCE_SELF, STATUS_SUBMITTED, PersonResult, Summary
from thidua_xlsx.text.releases import VERSION
from thidua_xlsx.write.summary.content import proposal_rows


def summary_meta(summary: Summary) -> ly.SummaryMeta:
    """The campaign, the round, every inbox file (name, digest, status), the departments that sent
    theirs, and the rubric versions the scores were read with; a period's summary, its people's results for
    the year (``thidua-xlsx year``) and the two parts of each one's score (the year's Phiếu xếp loại)."""
    c = summary.campaign
    labels = {p.code: p.label for p in c.periods}
    year_end = summary.decides_titles
    meta = ly.SummaryMeta(c.id, c.school.school_year, summary.round,
                          tuple((f.name, f.sha256, f.status) for f in summary.files),
                          tuple(d.code for d in summary.departments if d.submitted),
                          period=summary.period,
                          rubric_versions=tuple((r.role, cm.rubric_version(r)) for r in c.rubrics),
                          council=summary.tally is not None,
                          newest_input=summary.newest_input.isoformat() if summary.newest_input else "",
                          applied=tuple(a.to_row() for a in summary.applied),
                          draft=tuple((code, why, labels.get(code, code)) for code, why in summary.draft),
                          release=VERSION,
                          **(_period(summary) if summary.period else {}),
                          **(_outcomes(summary) | _year_end(summary) if year_end else {}))
    # the content as the cells will hold it (tuples as lists), then sealed with the level above's code
    meta = ly.SummaryMeta.from_json(json.loads(json.dumps(meta_json(meta), ensure_ascii=False)))
    return dataclasses.replace(meta, digest=ly.content_digest(meta), seal=ly.seal_of(c.school.authority_code, meta))


def _period(summary: Summary) -> dict:
    """What a period's summary tells the year: its people's results, the two parts of each one's score, the
    collective titles its departments registered."""
    submitted = [p for p in summary.people if p.status == STATUS_SUBMITTED]
    rubrics = {r.role: r for r in summary.campaign.rubrics}
    return {
        "people": tuple((p.code, p.final, p.final_source, p.registered, p.form, p.initiative) for p in submitted),
        "parts": tuple((p.code, found.general, found.tasks) for p in submitted
                       if (found := _parts(p, rubrics.get(p.role))) != ev.UNKNOWN_PARTS),
        "head_entries": _head_entries(summary, submitted),
        "collectives": tuple((d.code, d.collective) for d in summary.departments if d.submitted),
    }


def _head_entries(summary: Summary, submitted: list[PersonResult]) -> tuple[tuple[str, float | None, str], ...]:
    """Each person whose score the head's pass gave: the score it replaced (None: the department gave none — a
    transfer-in's months at her former school) and the head's note, so that the year says a correction as one."""
    replaced = {c.code: c.before for c in summary.council_changes
                if c.what == "score" and not isinstance(c.before, str)}
    return tuple((p.code, replaced.get(p.code), p.council_note) for p in submitted
                 if p.final_source == SOURCE_COUNCIL and p.final is not None)


def _outcomes(summary: Summary) -> dict:
    """What a year's summary says each person, department and special award received (the next years' history)."""
    c = summary.campaign
    births = {person.code: person.dob for person in c.staff}
    return {
        "outcomes": tuple(_outcome(p, births.get(p.code, "")) for p in summary.people),
        "department_outcomes": tuple((d.code, d.name, tuple(x.title for x in d.decisions if x.granted))
                                     for d in summary.departments),
        "special_outcomes": tuple((a.who, a.kind, a.achievement, a.form) for a in c.special_awards),
    }


def meta_json(meta: ly.SummaryMeta) -> dict:
    """``meta`` as the JSON data of its sheet: its fields as they are — text, numbers and tuples of them, which JSON
    writes as the lists :meth:`~thidua_xlsx.model.layout.SummaryMeta.to_json` copies them into (a nested dataclass
    would be refused, never written otherwise) — not deep-copied by ``dataclasses.asdict`` first (twice a summary:
    ~0.4 s of the merge's one core at 8,400 people, benchmarks/RESULTS.md)."""
    return {field.name: getattr(meta, field.name) for field in dataclasses.fields(meta)}


def _year_end(summary: Summary) -> dict:
    """What a year's summary tells the level above and the analysts (schema 5, see model.layout.SummaryMeta)."""
    c, tally = summary.campaign, summary.tally
    genders = {person.code: person.gender for person in c.staff}
    return {
        "school": c.school.name,
        "people_info": tuple((p.code, p.department, p.department_name, p.position, genders.get(p.code, ""), p.final)
                             for p in summary.people),
        "decisions": tuple((p.code, d.title, d.granted, d.pending) for p in summary.people for d in p.decisions),
        "department_decisions": tuple((d.code, x.title, x.granted, x.pending) for d in summary.departments
                                      for x in d.decisions),
        "votes": tuple((r.code, r.title, r.votes, tally.members, r.passed) for r in tally.results) if tally else (),
        # the sheet "Đề nghị khen thưởng" it seals: a year made from its periods has none (sheet Xếp loại năm instead)
        "lists_digest": ly.lists_digest(proposal_rows(summary.people)) if summary.year is None else "",
        "starts": tuple((person.code, person.start) for person in c.staff if person.start),
        # each department's registered collective title, which sheet Tập thể shows beside its proposal (sealed since
        # 0.8, so that a registration raised there by hand is told: read.school_lists)
        "collectives": tuple((d.code, d.collective) for d in summary.departments),
    }


def _parts(p: PersonResult, rubric: cm.Rubric | None) -> ev.Parts:
    """The two parts (NĐ 233/2026 điều 10, 11) of ``p``'s final score, from the column it came from, where the
    rubric is the decree's frame; the head's score (the council's column): the two parts she typed beside it (read
    checked to add up to it), else not known — a total alone."""
    if p.final_source == SOURCE_COUNCIL:
        return p.council_parts if rubric is not None and ev.decree_groups(rubric) else ev.UNKNOWN_PARTS
    score = {SOURCE_SELF: p.self_score, SOURCE_DEPT: p.dept_score}.get(p.final_source)
    if score is None or rubric is None or p.final is None:
        return ev.UNKNOWN_PARTS
    return ev.decree_parts(rubric, score.groups)


def _outcome(p: PersonResult, dob: str) -> tuple:
    f = p.facts
    return (p.code, p.name, dob, f.rating, tuple(d.title for d in p.decisions if d.granted), p.form,
            f.initiative or p.initiative, f.initiative_level, f.initiative_decision, f.discipline)
