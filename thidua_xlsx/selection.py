"""Which files count: the round of this inbox and the winning file of each department. Pure: no I/O.

The campaign is chosen before reading (the secretary's campaign folder); files of another
campaign or never issued were already rejected by the reader. Here the round is settled and,
when a department sent several versions, the newest wins: the one whose workbook was saved
last, by the save time the spreadsheet program writes inside the file (docProps/core.xml, ODS
meta.xml), else the file's modification time; then the file name. E-mail clients reset file
times when saving attachments, so the workbook's own time is the better witness.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass

from thidua_xlsx import campaign as cm
from thidua_xlsx import layout as ly
from thidua_xlsx.issues import WARNING, issue
from thidua_xlsx.reader import ACCEPTED, SUPERSEDED, InboxFile, reject


@dataclass(frozen=True)
class Selection:
    round: str
    files: tuple[InboxFile, ...]  # every inbox entry, with its final status
    winners: tuple[InboxFile, ...]  # one accepted file per department, in campaign order


def select(files: list[InboxFile], campaign: cm.Campaign, round_: str | None = None) -> Selection:
    readable = [f for f in files if f.status == ACCEPTED]
    if round_ is None:
        rounds = Counter(f.submission.round for f in readable)
        round_ = max(rounds.items(), key=lambda kv: (kv[1], kv[0] == ly.SCORING))[0] if rounds else ly.SCORING
    departments = {d.code: n for n, d in enumerate(campaign.departments)}
    settled = []
    for f in files:
        if f.status == ACCEPTED and f.submission.round != round_:
            f = reject(f, "file.other_round", round=f.submission.round, expected=round_)
        elif f.status == ACCEPTED and f.submission.department_code not in departments:
            f = reject(f, "file.unknown_department", department=f.department_name)
        settled.append(f)
    groups: dict[str, list[InboxFile]] = {}
    for f in settled:
        if f.status == ACCEPTED:
            groups.setdefault(f.submission.department_code, []).append(f)
    newest = {code: max(group, key=lambda f: (f.version_time, f.modified, f.name)) for code, group in groups.items()}
    final = []
    for f in settled:
        winner = newest.get(f.submission.department_code) if f.status == ACCEPTED else None
        if winner is not None and winner is not f:
            f = dataclasses.replace(f, status=SUPERSEDED, reason="file.superseded", issues=(
                *f.issues, issue("file.superseded", WARNING, file=f.name, department=f.department_name,
                                 newer=winner.name)))
        final.append(f)
    winners = sorted(newest.values(), key=lambda f: departments[f.submission.department_code])
    return Selection(round_, tuple(final), tuple(winners))
