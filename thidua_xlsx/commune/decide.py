"""The level above's merge, decided (pure): which summary speaks for each school of the list, what is checked, which
proposals are held apart for the officer, and the lists across schools in the order a decision lists them
(docs/domain.md §4b, docs/spec.md §5d).

A summary is matched to a school of the list by the school's name (case, accents and spacing aside); a school not
on the list, or a summary of another school year, is refused. Of a school's files, the newest sealed with its code is
used and the older listed beside it, with what changed between them; a file not proven never displaces, withdraws or
joins a proven one (:func:`_chosen`); a byte-for-byte copy of a file already there is a copy, not a version. Said,
the file still used (nothing is lost; the officer asks the school): a school that sent nothing, a summary the council
has not yet passed, lists edited by hand after the merge (each difference named).

What the commune signs is the officer's to decide: a proposal the files do not back is **held apart** — out of the
lists, the Tờ trình's counts, the draft decision and the province's import file — until the officer accepts it or
takes it off, each with a reason (``merge … --council``, :class:`~thidua_xlsx.model.commune.OfficerPass`): a
CSTĐCS of a summary the council has not passed, or without its ballot (QĐ 638/QĐ-BNV: the file needs the vote
result) or without the HTXSNV / sáng kiến proof its file needs; a line on which the school's list and its data
disagree; a person proposed by two schools (both lines). A warning whose proposals the officer has all settled is
not said again.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.commune import (
    ADDED,
    BAD_SEAL,
    CAPTION,
    COLLECTIVE,
    COLLECTIVE_REGISTERED,
    COLLECTIVE_RETITLED,
    EXTRA_ROW,
    HELD,
    NEWER,
    OLD_CODE,
    PERSON,
    PREVIOUS_KEY,
    SEALED,
    SHOWN_CELLS,
    TAKEN_OFF,
    UNSEALED,
    Held,
    LevelAbove,
    LevelAboveSummary,
    ListChange,
    OfficerMark,
    OfficerPass,
    Proposal,
    ProposalKey,
    SchoolResult,
    SchoolSummary,
    proposal_key,
)
from thidua_xlsx.model.commune_key import CommuneKey, legacy_school_code
from thidua_xlsx.model.inbox import ACCEPTED, SKIPPED, SUPERSEDED, InboxFile, reject
from thidua_xlsx.model.issues import NOTE, WARNING, Issue, Reason, issue, reason
from thidua_xlsx.model.titles import CSTD_TINH, CSTDCS, LDTT, TTLDTT, TTLDXS, Title
from thidua_xlsx.text.collation import fold, name_key
from thidua_xlsx.text.wording import day_text

ORDER = (CSTD_TINH, CSTDCS, LDTT, TTLDXS, TTLDTT)  # a decision's lists, highest first; others after, by name


@dataclass(frozen=True)
class _Said:
    """A school's warning about the proposals it holds apart (``keys``), said while any of them still waits for the
    officer; a warning about none is always said. An edited list's ``changes`` are said each while its proposal
    waits (a line only the sheet shows concerns no proposal: always said)."""

    code: str
    file: str
    school: str
    keys: tuple[ProposalKey, ...] = ()
    changes: tuple[tuple[ProposalKey | None, Reason], ...] = ()
    fingerprint: str | None = None  # the file's, for the origin's warnings: compared by phone with the school's


@dataclass
class _Found:
    """What the checks found: the warnings, and each proposal held apart with why."""

    said: list[_Said] = dataclasses.field(default_factory=list)
    holds: dict[ProposalKey, list[Reason]] = dataclasses.field(default_factory=dict)

    def hold(self, p: Proposal, why: Reason) -> ProposalKey:
        key = proposal_key(p)
        self.holds.setdefault(key, []).append(why)
        return key


def level_above_summary(campaign: LevelAbove, files: Sequence[InboxFile], read: dict[str, SchoolSummary],
                        key: CommuneKey, officer: OfficerPass | None = None) -> LevelAboveSummary:
    """The level above's summary from the inbox's ``files`` and the summaries ``read`` among them (by file name),
    each school's seal checked against the code its ``key`` issues it (a code of the scheme before 0.8 recognised
    only where the key says such codes were issued here: :attr:`CommuneKey.legacy`), after the officer's pass when
    there is one."""
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
    results, kept, found, used_files = [], [], _Found(), {}
    seen_origins: dict[str, set[str]] = {}  # school name → the origins of the files in its name
    newer = {fold(str(dict(i.params).get("school", ""))): f for f in files if f.reason == NEWER
             for i in f.issues if i.code == f.reason}  # school → the last file in its name from a newer release
    for school in campaign.schools:
        codes = _Codes(key.school_code(school.code, campaign.school_year),
                       legacy_school_code(campaign.id, school.code, campaign.school_year) if key.legacy else "",
                       key.previous_codes(school.code, campaign.school_year))
        origins = {f.name: _origin(read[f.name], codes) for f in versions.get(school.code, ())}
        seen_origins[school.name] = set(origins.values())
        found_files = _versions(versions.get(school.code, ()), read, school.name, out)
        if not found_files:
            # A file in its name that says a newer release wrote it: refused by name (this release must update), its
            # seal unchecked, so the school is not counted as sent — anyone can write such a file — only said apart.
            sent_newer = newer.get(fold(school.name))
            if sent_newer is None:
                problems.append(issue("level_above.school_missing", WARNING, school=school.name))
            results.append(SchoolResult(school, newer=sent_newer.name if sent_newer else "",
                                        newer_fingerprint=sent_newer.sha256 if sent_newer else ""))
            continue
        used, older = _chosen(found_files, origins, read, school.name, out)
        out[used.name] = dataclasses.replace(used, status=ACCEPTED)
        summary = read[used.name]
        for earlier in older:
            added, removed = _changes(read[earlier.name], summary)
            out[earlier.name] = dataclasses.replace(earlier, status=SUPERSEDED, reason="level_above.superseded",
                                                    issues=(*earlier.issues, issue(
                                                        "level_above.superseded", NOTE, file=earlier.name,
                                                        used=used.name, school=school.name, added=added,
                                                        removed=removed)))
        proposals = [p.of_school(school.code) for p in summary.proposals]
        _checks(school.name, used.name, summary, proposals, found)
        if origins[used.name] != SEALED:  # kept out of the decision until the officer accepts each
            found.said.append(_Said("level_above.origin_" + origins[used.name], used.name, school.name, tuple(
                found.hold(p, reason("level_above.held_origin_" + origins[used.name])) for p in proposals),
                fingerprint=summary.sha256[:12]))
        kept += proposals
        used_files[school.code] = used.name
        results.append(SchoolResult(school, used.name, summary, origins[used.name]))
    problems += _key_notes(key, seen_origins)
    names = {s.code: s.name for s in campaign.schools}
    name_keys = _NameKeys()
    _twice(kept, names, {r.school.code for r in results if r.sent}, found, name_keys)
    order = {s.code: k for k, s in enumerate(campaign.schools)}
    rank = {t: k for k, t in enumerate(ORDER)}
    kept.sort(key=lambda p: (p.kind != PERSON, rank.get(p.title, len(ORDER)), p.title, order[p.school],
                             name_keys[p.name], p.who))
    merged = LevelAboveSummary(campaign, tuple(out[f.name] for f in files), tuple(results), tuple(kept))
    return _decided(merged, found, officer, names, used_files, problems, _Earlier(read))


@dataclass(frozen=True)
class _Codes:
    """The codes a school's seal is checked against: the one its commune's key issues it, the one a release before
    0.8 issued it ("": none was ever issued in this commune), those keys the commune replaced issued it."""

    code: str
    old: str
    previous: tuple[str, ...]


def _origin(summary: SchoolSummary, codes: _Codes) -> str:
    """Whether ``summary`` is sealed with its school's code: SEALED, UNSEALED, OLD_CODE (with the code a release before
    0.8 issued it: anyone could have made that seal), PREVIOUS_KEY (with a code of a key the commune replaced) or
    BAD_SEAL. Only SEALED proves anything."""
    if not summary.seal:
        return UNSEALED
    if ly.sealed_with(codes.code, summary.seal, summary.content):
        return SEALED
    if any(ly.sealed_with(code, summary.seal, summary.content) for code in codes.previous):
        return PREVIOUS_KEY
    return OLD_CODE if ly.sealed_with(codes.old, summary.seal, summary.content) else BAD_SEAL


def _key_notes(key: CommuneKey, seen: dict[str, set[str]]) -> list[Issue]:
    """What the commune's key says at each run: how many schools still send a file sealed with a code of before 0.8;
    a key made anew without its predecessor, while files fail their seal (genuine or forged: it cannot be told)."""
    notes = []
    old = [school for school, origins in seen.items() if OLD_CODE in origins]
    if old:
        notes.append(issue("level_above.old_codes_left", WARNING, count=len(old), schools=", ".join(old)))
    if key.replaced_on and not key.previous and any(BAD_SEAL in origins for origins in seen.values()):
        notes.append(issue("level_above.key_replaced", WARNING, day=day_text(key.replaced_on)))
    return notes


def _versions(found: Sequence[InboxFile], read: dict[str, SchoolSummary], school: str, out: dict[str, InboxFile]
              ) -> list[InboxFile]:
    """One school's versions, oldest first by their sealed data (its newest input's time, then the council's pass;
    the file's own dates only break a tie); a byte-for-byte copy of one already there (saved after it) is set aside
    in ``out`` as a copy."""
    ordered = sorted(found, key=lambda f: (read[f.name].newest_input, read[f.name].council,
                                           f.version_time, f.modified, f.name))
    first: dict[str, str] = {}
    versions = []
    for f in ordered:
        original = first.setdefault(read[f.name].sha256, f.name)
        if original == f.name:
            versions.append(f)
        else:
            out[f.name] = dataclasses.replace(f, status=SKIPPED, reason="level_above.copy", issues=(
                *f.issues, issue("level_above.copy", NOTE, file=f.name, original=original, school=school)))
    return versions


def _chosen(versions: list[InboxFile], origins: dict[str, str], read: dict[str, SchoolSummary], school: str,
            out: dict[str, InboxFile]) -> tuple[InboxFile, list[InboxFile]]:
    """Which of a school's ``versions`` (oldest first) speaks for it, and the older ones it supersedes. The one rule
    (docs/security.md): **an unproven file never displaces a proven one** — of the files sealed with the school's
    code the newest is used; a file not proven (no seal, an old code, another school's seal, data changed since it
    was sealed, a relabelled or replayed file) never replaces, withdraws or joins it: it is set aside in ``out``,
    named with what to do, and decides nothing. Only when the school sent no proven file does the newest unproven
    one speak — every proposal of it held for the officer, the school not counted as sent."""
    proven = [f for f in versions if origins[f.name] == SEALED]
    if not proven:
        return versions[-1], versions[:-1]
    used = proven[-1]
    for f in versions:
        if origins[f.name] != SEALED:
            out[f.name] = reject(f, "level_above.unproven_beside", school=school, used=used.name,
                                 why=reason("level_above.held_origin_" + origins[f.name]),
                                 fingerprint=read[f.name].sha256[:12])
    return used, proven[:-1]


def _changes(older: SchoolSummary, newer: SchoolSummary) -> tuple[int, int]:
    """How many proposals the newer version adds and drops against the older (by who and title)."""
    before = {(p.kind, p.who, p.title) for p in older.proposals}
    after = {(p.kind, p.who, p.title) for p in newer.proposals}
    return len(after - before), len(before - after)


def _checks(school: str, file: str, summary: SchoolSummary, proposals: list[Proposal], found: _Found) -> None:
    """A school's file: its list edited, a macro project in it, not passed by its council; each CSTĐCS without its
    ballot or its proof."""
    if summary.edited:
        found.said.append(_Said("level_above.edited", file, school, changes=_edits(summary.changes, proposals, found)))
    if summary.macros:  # a macro project in a school's file: every proposal of it waits for the officer
        found.said.append(_Said("level_above.macros", file, school, tuple(
            found.hold(p, reason("level_above.held_macros")) for p in proposals)))
    if summary.unchecked:  # its lists as a person sees them cannot be compared: every proposal waits likewise
        found.said.append(_Said("level_above.not_xlsx", file, school, tuple(
            found.hold(p, reason("level_above.held_not_xlsx")) for p in proposals)))
    cstdcs = [p for p in proposals if p.title == CSTDCS]
    if not summary.council:  # no ballot at all: said once, each CSTĐCS held
        found.said.append(_Said("level_above.before_council", file, school, tuple(
            found.hold(p, reason("level_above.held_before_council")) for p in cstdcs)))
    for p in cstdcs:
        if p.votes is None and summary.council:
            found.hold(p, reason("level_above.held_no_vote"))
        if not p.grounds:
            found.hold(p, reason("level_above.held_no_grounds"))


def _edits(changes: tuple[ListChange, ...], proposals: list[Proposal], found: _Found
           ) -> tuple[tuple[ProposalKey | None, Reason], ...]:
    """Each difference of an edited list as said, with the proposal it holds (None: a line the data lacks); when
    the differences cannot be told (the list and its seal disagree, the data and the list do not), every proposal
    of the school is held."""
    if not changes:
        unknown = reason("level_above.change_unknown")
        return tuple((found.hold(p, reason("level_above.held_edited", change=unknown)), unknown)
                     for p in proposals) or ((None, unknown),)
    by_line = {(p.kind, p.who, p.title): p for p in proposals}
    by_department = {p.who: p for p in proposals if p.kind == COLLECTIVE}
    said = []
    for c in changes:
        kind = COLLECTIVE if c.change in (COLLECTIVE_RETITLED, COLLECTIVE_REGISTERED) else PERSON
        code = "level_above.change_" + c.change + ("_none" if kind == COLLECTIVE and not c.title else "")
        words = reason(code, name=c.name, title=Title(c.title), shown=c.shown,
                       **({"lines": c.lines} if c.change in (CAPTION, EXTRA_ROW) else {}))
        if c.change == COLLECTIVE_REGISTERED:  # what it registered shown raised (or lowered): its proposal held
            p = by_department.get(c.who)
        elif c.change in SHOWN_CELLS:  # a row of the proposal sheet (a person's) or of Tập thể (a department's)
            p = by_line.get((PERSON, c.who, c.title)) or by_line.get((COLLECTIVE, c.who, c.title))
        else:
            p = None if c.change == ADDED else by_line.get((kind, c.who, c.title))
        said.append((found.hold(p, reason("level_above.held_edited", change=words)) if p else None, words))
    return tuple(said)


NameKey = tuple[object, ...]  # text.collation.name_key's: tuples of the words' letters and tones


class _NameKeys(dict[str, NameKey]):
    """A name → its sort and match key (:func:`~thidua_xlsx.text.collation.name_key`), each name's made once: the
    cross-school check and the lists' order both ask for every proposal's."""

    def __missing__(self, name: str) -> NameKey:
        key = self[name] = name_key(name)
        return key


def _twice(proposals: list[Proposal], names: dict[str, str], proven: set[str], found: _Found,
           name_keys: _NameKeys) -> None:
    """A person proposed by two schools (same name and birth date) for the same title: both lines held — but a
    school whose file is ``proven`` (sealed with its code) never has a line held by an unproven one's: only the
    unproven line is (a file relabelled, or repeating another school's people, holds nothing of theirs)."""
    seen: dict[tuple[NameKey, str, str], Proposal] = {}
    for p in proposals:
        if p.kind != PERSON or not p.dob:
            continue
        first = seen.setdefault((name_keys[p.name], p.dob, p.title), p)
        if first.school == p.school:
            continue
        for one, other in ((first, p), (p, first)):
            if one.school not in proven or other.school in proven:
                found.hold(one, reason("level_above.held_two_schools", other=names[other.school]))


class _Earlier:
    """The proposals of each file of the inbox, by its fingerprint (SHA-256): a decision the officer made on another
    file of a school is re-checked against the very file she made it on, when it is still there."""

    def __init__(self, read: dict[str, SchoolSummary]) -> None:
        self._read = {summary.sha256: summary for summary in read.values()}
        self._by_file: dict[str, dict[tuple[str, str, str], Proposal]] = {}

    def same(self, fingerprint: str, p: Proposal) -> bool:
        """Whether the file of ``fingerprint`` proposed ``p`` word for word (its school's code aside)."""
        if fingerprint not in self._by_file:
            summary = self._read.get(fingerprint)
            self._by_file[fingerprint] = {(q.kind, q.who, q.title): q for q in summary.proposals} if summary else {}
        earlier = self._by_file[fingerprint].get((p.kind, p.who, p.title))
        return earlier is not None and earlier.of_school(p.school) == p


EARLIER_ACCEPT = "level_above.held_earlier_accept"


def _decided(summary: LevelAboveSummary, found: _Found, officer: OfficerPass | None, names: dict[str, str],
             files: dict[str, str], problems: list[Issue], earlier: _Earlier) -> LevelAboveSummary:
    """The summary after the officer's pass: each proposal the officer took off (with its reason) leaves the lists,
    each held one accepted (with its reason) joins them, the others held stay apart, said one by one; a warning
    whose proposals are all settled is not said again; a line taken off that no proposal has any more (the schools'
    files changed since) is said."""
    marks, source = (officer.marks, officer.file) if officer else ({}, "")
    shas = summary.fingerprints()
    kept: list[Proposal] = []
    held: list[Held] = []
    accepted: list[tuple[Held, str]] = []
    removed: list[tuple[Proposal, str]] = []
    lines: list[Issue] = []  # the held, one by one
    passed: list[Issue] = []  # what the officer's pass did, said once
    for p in summary.proposals:
        key, where, sha = proposal_key(p), files[p.school], shas[p.school]
        why = tuple(dict.fromkeys(found.holds.get(key, ())))
        school, title = names[p.school], Title(p.title)
        mark, asked = _bound(marks.get(key), p, sha, source, title, school, passed, earlier)
        if why or not all(r.code == EARLIER_ACCEPT for r in asked):  # an earlier acceptance asks only what waits
            why += asked
        if mark is not None and mark.reason and not mark.agree:
            removed.append((p, mark.reason))
            if mark.part != TAKEN_OFF:  # said when the officer takes it off, not at every pass after
                passed.append(issue("level_above.removed", NOTE, file=source, name=p.name, title=title,
                                    school=school, reason=mark.reason))
        elif why and mark is not None and mark.reason:
            kept.append(p)
            accepted.append((Held(p, why, sha), mark.reason))
            if mark.part == HELD:
                passed.append(issue("level_above.accepted", NOTE, file=source, name=p.name, title=title,
                                    school=school, why=why, reason=mark.reason))
        elif why:
            held.append(Held(p, why, sha))
            lines.append(issue("level_above.held", WARNING, file=where, name=p.name, title=title, school=school,
                               why=why))
            if mark is not None and mark.agree and mark.part == HELD:
                passed.append(issue("level_above.accept_needs_reason", WARNING, file=source, sheet=mark.sheet,
                                    row=mark.row, name=mark.name, title=title))
        else:
            kept.append(p)
            if mark is not None and not mark.agree and mark.part != HELD:
                passed.append(issue("level_above.needs_reason", WARNING, file=source, sheet=mark.sheet,
                                    row=mark.row, name=mark.name, title=title))
    waiting = {proposal_key(h.proposal) for h in held}
    problems += [said for s in found.said if (said := _say(s, waiting)) is not None]
    known = {proposal_key(p) for p in summary.proposals}
    passed += [issue("level_above.removal_unknown", WARNING, file=source, who=key[2], title=Title(key[3]),
                     school=names.get(key[0], key[0]))
               for key, mark in marks.items() if key not in known and mark.reason and not mark.agree]
    return dataclasses.replace(summary, proposals=tuple(kept), issues=(*problems, *lines, *passed),
                               removed=tuple(removed), held=tuple(held), accepted=tuple(accepted))


def _bound(mark: OfficerMark | None, p: Proposal, sha: str, source: str, title: Title, school: str,
           passed: list[Issue], earlier: _Earlier) -> tuple[OfficerMark | None, tuple[Reason, ...]]:
    """The officer's mark on ``p``'s line if it is bound to ``p`` (None if not), and why ``p`` waits for her again
    when a decision of hers is not. Bound: made on the school's file used now, or on another that proposed ``p`` word
    for word (the school sent the same again, sealed with its new code); on a line that still reads as the tool wrote
    it there. Not bound — made on a file that proposed otherwise (both fingerprints and her decision said), or on a line
    whose name is not ``p``'s (both names said), or whose other cells (school, position, title, grounds) are those of
    another line, swapped or typed over (what it shows said, and ``p``) — it decides nothing. A mark of her book of an
    earlier release (:attr:`OfficerMark.earlier`) is checked the same way but for the cells it did not seal: a removal
    carried, never silently undone; an acceptance asked again, her reason shown."""
    if mark is None:
        return None, ()
    decides = bool(mark.reason) or (not mark.agree and mark.part != HELD)
    if mark.fingerprint != sha and not earlier.same(mark.fingerprint, p):
        if not decides:
            return None, ()
        decided = _decision(mark)
        passed.append(issue("level_above.other_file", WARNING, file=source, name=p.name, title=title, school=school,
                            decided=mark.fingerprint[:12] or "?", now=sha[:12], decision=decided))
        return None, (reason("level_above.held_other_file", decided=mark.fingerprint[:12] or "?", now=sha[:12],
                             decision=decided),)
    if (mark.as_written and not mark.earlier) or not decides:
        return (mark if mark.as_written else None), ()
    if fold(mark.name) != fold(p.name):
        passed.append(issue("level_above.officer_name", WARNING, file=source, sheet=mark.sheet, row=mark.row,
                            shown=mark.name, name=p.name, title=title, school=school))
        return None, (reason("level_above.held_officer_name", shown=mark.name),)
    if mark.earlier:
        return (mark, ()) if not mark.agree else (None, (reason(EARLIER_ACCEPT, reason=mark.reason),))
    passed.append(issue("level_above.officer_row", WARNING, file=source, sheet=mark.sheet, row=mark.row,
                        shown=mark.shown, name=p.name, title=title, school=school))
    return None, (reason("level_above.held_officer_row", shown=mark.shown),)


def _decision(mark: OfficerMark) -> Reason:
    """What the officer decided on a line, as a held proposal's reason says it: taken off or accepted, her reason."""
    return reason("level_above.decided_accept" if mark.agree else "level_above.decided_remove", reason=mark.reason)


def _say(said: _Said, waiting: set[ProposalKey]) -> Issue | None:
    """A school's warning as still to be said (its differences still waiting), or None when all are settled."""
    if said.code == "level_above.edited":
        changes = tuple(dict.fromkeys(words for key, words in said.changes if key is None or key in waiting))
        return issue(said.code, WARNING, file=said.file, school=said.school, changes=changes) if changes else None
    if said.keys and not waiting.intersection(said.keys):
        return None
    if said.fingerprint is not None:
        return issue(said.code, WARNING, file=said.file, school=said.school, fingerprint=said.fingerprint)
    return issue(said.code, WARNING, file=said.file, school=said.school)
