"""The periods' summaries read back for the year (``thidua-xlsx year FOLDER``).

A folder holds the summaries the secretary made each period (``merge --period``, and the head's pass with
``--council``). Each is read through the same containment as the secretary's other books, and only from its
very hidden metadata: its campaign, year, round and period, and each person's result as the tool wrote it
(schema 3). A cell typed into a summary after it was written is not read: a score is changed through the
council's pass, which writes a new summary. Every entry of the folder is accounted for, as an inbox's is.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import evaluation as ev
from thidua_xlsx.model.inbox import SKIPPED, InboxFile, reject
from thidua_xlsx.model.issues import Problems
from thidua_xlsx.read.containment import InboxItem
from thidua_xlsx.read.department import sorted_out
from thidua_xlsx.read.department.entry import saved_at
from thidua_xlsx.read.registrations import PERIODS, checked_summary
from thidua_xlsx.system.files import sha256_of


def read_period_summaries(items: list[InboxItem], campaign: cm.Campaign,
                          on_file: Callable[[str], None] = lambda _name: None
                          ) -> tuple[list[InboxFile], dict[str, ev.PeriodSummary]]:
    """Every entry of the folder (``items``: as :func:`~thidua_xlsx.read.containment.scan_inbox` found them) with
    its status — an entry read as a period's summary is given its own by
    :func:`~thidua_xlsx.decide.year.select_periods` —, and the summaries read, by file name."""
    files, read = [], {}
    for item in items:
        entry = sorted_out(item)
        if not entry.reason:
            entry, summary = _read(entry, campaign)
            if summary is not None:
                read[entry.name] = summary
        files.append(entry)
        on_file(item.name)
    return files, read


def _read(entry: InboxFile, campaign: cm.Campaign) -> tuple[InboxFile, ev.PeriodSummary | None]:
    problems = Problems()
    try:
        checked = checked_summary(entry.path, campaign, problems, PERIODS, name=entry.name)
        data = entry.path.read_bytes() if checked is not None else None  # within the bounds containment checked
        entry = dataclasses.replace(entry, sha256=sha256_of(entry.path) if data is None else
                                    hashlib.sha256(data).hexdigest())
    except OSError:
        return reject(entry, "file.unreadable"), None
    if checked is None:
        found = problems.items[0]
        return reject(entry, found.code, **{k: v for k, v in found.params if k != "file"}), None
    meta, _book = checked
    periods = {p.code: p.label for p in campaign.periods}
    if meta.period not in periods:
        return reject(entry, "year.period_unknown", period=meta.period), None
    if meta.schema_version < 3:
        return reject(entry, "year.no_people", period=meta.period), None
    people = {code: ev.PeriodEntry(final, source, registered, form, initiative)
              for code, final, source, registered, form, initiative in meta.people}
    entry = dataclasses.replace(entry, saved_at=saved_at(data, entry.path.suffix.lower()),
                                status=SKIPPED)  # given its status by the year
    return entry, ev.PeriodSummary(entry.name, meta.period, meta.council, people, dict(meta.collectives))
