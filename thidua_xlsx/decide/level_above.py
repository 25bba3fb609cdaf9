"""The level above's merge, decided (pure): which summary speaks for each school of the list, what is checked, and
the lists across schools in the order a decision lists them (DOMAIN.md §4b, SPEC.md §5d).

A summary is matched to a school of the list by the school's name (case, accents and spacing aside); a school not
on the list, or a summary of another school year, is refused. Of two versions of one school the newest is used and
the other listed beside it, with what changed between them. Checked and said, the file still used (nothing is
lost; the officer asks the school): a school that sent nothing, a summary the council has not yet passed (no vote
results), lists edited by hand after the merge (the tool's own seal), a CSTĐCS without the vote result or without
the HTXSNV / sáng kiến proof its file needs (QĐ 638/QĐ-BNV), a person proposed by two schools.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from thidua_xlsx.model.inbox import ACCEPTED, SUPERSEDED, InboxFile, reject
from thidua_xlsx.model.issues import NOTE, WARNING, Issue, issue
from thidua_xlsx.model.level_above import (
    PERSON,
    LevelAbove,
    LevelAboveSummary,
    Proposal,
    SchoolResult,
    SchoolSummary,
    proposal_key,
)
from thidua_xlsx.model.titles import CSTD_TINH, CSTDCS, LDTT, TTLDTT, TTLDXS, Title
from thidua_xlsx.text.collation import fold, name_key

ORDER = (CSTD_TINH, CSTDCS, LDTT, TTLDXS, TTLDTT)  # a decision's lists, highest first; others after, by name


def level_above_summary(campaign: LevelAbove, files: Sequence[InboxFile], read: dict[str, SchoolSummary]
                        ) -> LevelAboveSummary:
    """The level above's summary from the inbox's ``files`` and the summaries ``read`` among them (by file name)."""
    schools = {fold(s.name): s for s in campaign.schools}
    problems: list[Issue] = []
    versions: dict[str, list[InboxFile]] = {}
    out: dict[str, InboxFile] = {}
    for f in files:
        summary = read.get(f.name)
        if summary is None:
            out[f.name] = f
        elif summary.school_year != campaign.school_year:
            out[f.name] = reject(f, "level_above.other_year", school=summary.school, year=summary.school_year,
                                 expected=campaign.school_year)
        elif fold(summary.school) not in schools:
            out[f.name] = reject(f, "level_above.not_listed", school=summary.school)
        else:
            versions.setdefault(schools[fold(summary.school)].code, []).append(f)
    results, kept = [], []
    for school in campaign.schools:
        # the newest; the tool stamps a summary with its newest input's time, so on a tie the council's pass, then
        # the file saved last
        found = sorted(versions.get(school.code, ()),
                       key=lambda f: (f.version_time, read[f.name].council, f.modified, f.name))
        if not found:
            problems.append(issue("level_above.school_missing", WARNING, school=school.name))
            results.append(SchoolResult(school))
            continue
        used = found[-1]
        out[used.name] = dataclasses.replace(used, status=ACCEPTED)
        summary = read[used.name]
        for older in found[:-1]:
            added, removed = _changes(read[older.name], summary)
            out[older.name] = dataclasses.replace(older, status=SUPERSEDED, reason="level_above.superseded", issues=(
                *older.issues, issue("level_above.superseded", NOTE, file=older.name, used=used.name,
                                     school=school.name, added=added, removed=removed)))
        problems += _checks(school.name, used.name, summary)
        kept += [dataclasses.replace(p, school=school.code) for p in summary.proposals]
        results.append(SchoolResult(school, used.name, summary))
    problems += _twice(kept, {s.code: s.name for s in campaign.schools})
    order = {s.code: k for k, s in enumerate(campaign.schools)}
    rank = {t: k for k, t in enumerate(ORDER)}
    kept.sort(key=lambda p: (p.kind != PERSON, rank.get(p.title, len(ORDER)), p.title, order[p.school],
                             name_key(p.name), p.who))
    return LevelAboveSummary(campaign, tuple(out[f.name] for f in files), tuple(results), tuple(kept),
                             tuple(problems))


def _changes(older: SchoolSummary, newer: SchoolSummary) -> tuple[int, int]:
    """How many proposals the newer version adds and drops against the older (by who and title)."""
    before = {(p.kind, p.who, p.title) for p in older.proposals}
    after = {(p.kind, p.who, p.title) for p in newer.proposals}
    return len(after - before), len(before - after)


def _checks(school: str, file: str, summary: SchoolSummary) -> list[Issue]:
    found = []
    if summary.edited:
        found.append(issue("level_above.edited", WARNING, file=file, school=school))
    if not summary.council:  # no ballot at all: said once, not for each CSTĐCS
        found.append(issue("level_above.before_council", WARNING, file=file, school=school))
    for p in summary.proposals:
        if p.title != CSTDCS:
            continue
        if p.votes is None and summary.council:
            found.append(issue("level_above.no_vote", WARNING, file=file, school=school, name=p.name))
        if not p.grounds:
            found.append(issue("level_above.no_grounds", WARNING, file=file, school=school, name=p.name))
    return found


def _twice(proposals: list[Proposal], names: dict[str, str]) -> list[Issue]:
    """A person proposed by two schools (same name and birth date) for the same title."""
    seen: dict[tuple, str] = {}
    found = []
    for p in proposals:
        if p.kind != PERSON or not p.dob:
            continue
        key = (name_key(p.name), p.dob, p.title)
        first = seen.setdefault(key, p.school)
        if first != p.school:
            found.append(issue("level_above.two_schools", WARNING, name=p.name, title=Title(p.title),
                               first=names[first], second=names[p.school]))
    return found


def with_officer(summary: LevelAboveSummary, removals: dict[tuple, str], file: str) -> LevelAboveSummary:
    """The level above's summary after the officer's pass (``merge … --council``): each proposal the officer took
    off (``removals``: its key, model.level_above.proposal_key → the reason) leaves the lists and the papers, and
    is said with its reason; a key no proposal has any more (the schools' files changed since) is said too."""
    kept, removed, problems = [], [], []
    names = {s.school.code: s.school.name for s in summary.schools}
    for p in summary.proposals:
        why = removals.get(proposal_key(p))
        if why is None:
            kept.append(p)
        else:
            removed.append((p, why))
            problems.append(issue("level_above.removed", NOTE, file=file, name=p.name, title=Title(p.title),
                                  school=names.get(p.school, p.school), reason=why))
    known = {proposal_key(p) for p in summary.proposals}
    problems += [issue("level_above.removal_unknown", WARNING, file=file, who=key[2], title=Title(key[3]),
                       school=names.get(key[0], key[0])) for key in removals if key not in known]
    return dataclasses.replace(summary, proposals=tuple(kept), removed=tuple(removed),
                               issues=(*summary.issues, *problems))
