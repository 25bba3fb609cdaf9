"""An inbox read, checked and decided (the merge's and status's reading), and the council's word applied."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.errors import Stopped
from thidua_xlsx.model.inbox import ACCEPTED, InboxFile
from thidua_xlsx.model.issues import WARNING, Issue, Problems, issue
from thidua_xlsx.model.received import BY_MAIL
from thidua_xlsx.model.report import Report, report_of
from thidua_xlsx.model.results import Summary
from thidua_xlsx.read.containment import InboxItem, scan_inbox
from thidua_xlsx.steps.opening import chosen_period, refuse_period
from thidua_xlsx.steps.workspace import CampaignFolder
from thidua_xlsx.system.received import received_by_digest
from thidua_xlsx.system.voice import Voice, warn_problems
from thidua_xlsx.text import commands as ct
from thidua_xlsx.text import mail as tm

if TYPE_CHECKING:  # for the annotations only: the CLI starts without the readers
    from thidua_xlsx.read.registry import IssuedRegistry

# the year decided again with the council's scores (person → score)
YearAgain = Callable[[Mapping[str, float]], Summary]


def _last_round_issued(registry: IssuedRegistry) -> str | None:
    """The scoring round once any scoring workbook went out, else registration if one did (None: neither)."""
    rounds = {w.round for w in registry.all()}
    return next((r for r in (ly.SCORING, ly.REGISTRATION) if r in rounds), None)


def merge_inbox(inbox: Path, folder: CampaignFolder, round_: str | None = None,
                on_file: Callable[[str], None] | None = None, period: str | None = None,
                entries: Sequence[InboxItem] | None = None) -> Summary:
    """Read every entry of ``inbox`` (read-only), check, consolidate. Returns a Summary, with the problems of
    the campaign's record of issued workbooks (``so-da-phat/``).

    One file, one outcome: whatever happens while reading or checking a file becomes that file's
    status. ``on_file(name)`` is called after each entry (for a progress bar). ``period`` (by code): the
    period merged; None: that of most workbooks (a workbook of another period is refused). ``entries``: the
    inbox as already scanned (:func:`containment.scan_inbox`), not walked again.
    """
    from thidua_xlsx.check import selection  # deferred: python-calamine at start-up
    from thidua_xlsx.check.selection import Kept  # deferred: python-calamine at start-up
    from thidua_xlsx.decide.consolidate import consolidate  # deferred: decide.consolidate at start-up
    from thidua_xlsx.read.department import ReadContext  # deferred: python-calamine at start-up
    from thidua_xlsx.steps.parallel import read_inbox  # deferred: python-calamine at start-up

    # Each file read and validated (on every core for a large inbox), then kept slim: see parallel.py;
    # of the validated entries, only those of each department's newest version: see selection.Kept.
    kept = Kept()
    items = scan_inbox(inbox) if entries is None else entries
    for read in read_inbox(items, ReadContext(folder.campaign, folder.registry), on_file):
        kept.add(read.file, read.clean, read.error)
    if round_ is None and not kept.clean:  # nothing to tell the round by: the last round issued
        round_ = _last_round_issued(folder.registry)
    chosen = selection.select(kept.files, folder.campaign, round_, period)
    summary = consolidate(folder.campaign, chosen, [kept.clean[f.name] for f in chosen.winners])
    # so-da-phat/'s own problems, named with what to do; its records read only when a workbook was turned
    # away for want of one (a province's 10,000 records are not read at every merge)
    turned_away = any(f.reason in ("file.not_issued", "file.locked_record_missing") for f in summary.files)
    damaged = [*folder.registry.problems(read=turned_away), *unknown_senders(folder.campaign, summary.files)]
    return replace(summary, issues=(*summary.issues, *damaged)) if damaged else summary


def unknown_senders(campaign: cm.Campaign, files: Sequence[InboxFile]) -> list[Issue]:
    """Each book that came by mail (collect) from an address its department's row of the campaign does not give: a
    warning at that file — stronger when it is the version used. It stays filed (a head may write from another
    address); the merge says it where the decision is made, not only where it was collected. The sender is compared
    as collect recorded it: an address, or a From line naming none or several, as it came (mail/collect.py)."""
    known = {d.code: d.email.strip().lower() for d in campaign.departments if d.email.strip()}
    books = [(f, f.submission.issued.department_code) for f in files
             if f.submission is not None and f.submission.issued.department_code in known]
    came = received_by_digest([f.path for f, _ in books]) if books else {}
    found = []
    for f, department in books:
        sent = came.get(f.sha256)
        address = sent.sender.strip().lower() if sent is not None else ""
        mailed = sent is not None and sent.via == BY_MAIL  # a message naming no sender is not the department's own
        expected = known[department]
        if (address or mailed) and address != expected:
            found.append(issue("file.sender_unknown_used" if f.status == ACCEPTED else "file.sender_unknown", WARNING,
                               file=f.name, department=f.department_name, sender=address or tm.NO_SENDER,
                               known=expected))
    return found


def apply_council_file(summary: Summary, path: Path, year_again: YearAgain | None = None
                       ) -> tuple[Summary | None, Problems]:
    """The final summary from the council's summary ``path``: (Summary, problems) — None when the file
    is not this campaign's scoring summary (the problems say why). Stopped when it is the summary of another
    period, or of a period where the year's is asked, or the reverse: a head's score counts for its own period
    only. ``year_again`` (the year's summary): see :func:`~thidua_xlsx.decide.council.apply_council`."""
    from thidua_xlsx.decide.council import apply_council  # deferred: decide.council at start-up
    from thidua_xlsx.read.council import read_council  # deferred: read.council at start-up

    problems = Problems()
    council = read_council(path, summary.campaign, problems)
    if council is None:
        return None, problems
    if council.meta.period != summary.period:
        raise Stopped(Problems(), _other_summary(summary, council.meta.period, path))
    return apply_council(summary, council, summary.campaign, year_again), problems


def _other_summary(summary: Summary, period: str, path: Path) -> str:
    """Why the council's summary ``path`` (of ``period``; "": the year's) is not the one this run decides."""
    labels = {p.code: p.label for p in summary.campaign.periods}
    given = {"file": path.name, "code": period, "period": labels.get(period, period)}
    if summary.year is not None:
        return ct.COUNCIL_PERIOD_FOR_YEAR.format(**given)
    if not summary.period:
        return ct.COUNCIL_PERIOD_FOR_ROUND.format(**given)
    asked = {"asked": summary.period_label, "asked_code": summary.period}
    if not period:
        return ct.COUNCIL_YEAR_FOR_PERIOD.format(**given, **asked)
    return ct.COUNCIL_OTHER_PERIOD.format(**given, **asked)


def read_and_report(inbox: Path, folder: CampaignFolder, round_: str | None, strict: bool, voice: Voice,
                    period: str | None = None) -> tuple[Summary, Report]:
    """The inbox read and decided, and its :class:`Report` said: (Summary, Report). The problems of the
    campaign's record of issued workbooks are said too; Stopped when that record is lost and the inbox
    holds workbooks of the campaign (the secretary restores the folder; no department refills); Refused when
    ``period`` is not one of the campaign's. The period merged is said."""
    problems = Problems()
    chosen_period(folder.campaign, period, problems, required=False)
    refuse_period(problems)
    entries = scan_inbox(inbox)  # walked once: counted for the progress bar, then read
    with voice.reading(len(entries)) as on_file:
        summary = merge_inbox(inbox, folder, round_, on_file, period, entries)
    if summary.period:
        voice.say((ct.PERIOD_ASKED if period else ct.PERIOD_FOUND).format(period=summary.period_label,
                                                                          code=summary.period))
    warn_problems([i for i in summary.issues if i.code.startswith(("registry.", "file.sender_unknown"))], voice)
    _check_registry(folder, summary)
    return summary, report_of(summary, strict)


def _check_registry(folder: CampaignFolder, summary: Summary) -> None:
    """Stopped when workbooks of this campaign came back but no record of what was issued can be read."""
    not_issued = [f.name for f in summary.files if f.reason == "file.not_issued"]
    registry = folder.registry
    if not not_issued or next(registry.all(), None) is not None:
        return
    state = ct.REGISTRY_STATES["empty" if registry.folder.is_dir() else "missing"]
    raise Stopped(Problems(), ct.REGISTRY_MISSING.format(
        folder=registry.folder, state=state, count=len(not_issued), names=", ".join(not_issued[:5])
        + (", …" if len(not_issued) > 5 else ""), campaign=folder.folder))


def counted(summary: Summary, folder: CampaignFolder, strict: bool, voice: Voice) -> tuple[Summary, Report]:
    """(Summary, Report) of what a run read, counted once for ``status`` and ``merge`` alike (the same errors,
    warnings and notes for the same inbox): what the campaign as a whole tells (said when it was opened) and what
    its rule set tells (a province's floor raised, a text ended by the filing date: said here, where the decisions
    are made) listed with the run's problems (screen, JSON, Kiểm tra); each untouched copy of a department whose
    filled book is used said as a copy set aside, not as a department to remind."""
    from thidua_xlsx.check.campaign import SUMMARY_ONLY, rule_set_warnings  # deferred: check.campaign at start-up
    from thidua_xlsx.decide.followup import set_aside_copies  # deferred: decide.followup at start-up

    rules_said = rule_set_warnings(summary.campaign, file=folder.book_name)
    warn_problems([i for i in rules_said if i.code not in SUMMARY_ONLY], voice)
    summary = set_aside_copies(summary)
    if folder.notices or rules_said:
        summary = replace(summary, issues=(*folder.notices, *summary.issues, *rules_said))
    return summary, report_of(summary, strict)


def heard(voice: Voice) -> tuple[Voice, list[str]]:
    """``voice``, and the list of what it warns from now on: a problem said where it was found (the record of issued
    books, a sender, the rule set, a history) is not printed a second time with the report's (console_lines)."""
    said: list[str] = []

    def warn(text: str) -> None:
        said.append(text)
        voice.warn(text)

    return replace(voice, warn=warn), said


def nothing_usable(inbox: Path, summary: Summary) -> str:
    if not summary.files:
        return ct.EMPTY_INBOX.format(inbox=inbox)
    return (ct.NO_PERIOD_SUMMARY if summary.year else ct.NOTHING_USABLE).format(inbox=inbox)
