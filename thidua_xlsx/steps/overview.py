"""What each page shows, gathered from the commands and the campaign folder (no rule of its own: the rounds, the
departments' states and the problems are the commands'; this module only puts them in the order the page shows).

A school's campaign (``campaign.xlsx``): :func:`school_overview` (the rounds of the year in order, each with its
deadline, what was issued, received and merged) and :func:`round_page` (each department sent or not, the problems,
the reminders, read as ``status`` reads them). A commune's (``cap-tren.xlsx``):
:mod:`thidua_xlsx.commune.steps_overview`.

A round's reading is kept while its inbox, the campaign book and the record of issued books are unchanged (their
names, sizes and times): a page reloaded, or polled while a merge runs, answers at once.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import evaluation as ev
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model import places
from thidua_xlsx.model.decisions import Applied
from thidua_xlsx.model.errors import Stopped
from thidua_xlsx.model.issues import NOTE, WARNING, Issue, Problems, issue
from thidua_xlsx.model.new_year import target_year
from thidua_xlsx.model.results import Summary
from thidua_xlsx.model.titles import name as title_name
from thidua_xlsx.read.containment import FILE, InboxItem, returned_book
from thidua_xlsx.read.registrations import PERIODS, checked_summary
from thidua_xlsx.steps import outputs as out
from thidua_xlsx.steps.decisions import applied, kept, kind_of_round
from thidua_xlsx.steps.reading import counted, read_and_report
from thidua_xlsx.steps.workspace import CampaignFolder
from thidua_xlsx.system.runs import Run, recent, summary_of
from thidua_xlsx.system.voice import Voice, vietnam_today
from thidua_xlsx.text.collation import name_key
from thidua_xlsx.text.decisions import BEFORE_REGISTRATION_PAGE, draft_text
from thidua_xlsx.text.ui import WORDS
from thidua_xlsx.text.wording import day_text
from thidua_xlsx.write.console import reminder_lines

if TYPE_CHECKING:  # for the annotations only: the page starts without the follow-up's rules
    from thidua_xlsx.decide.followup import FollowUp

REGISTRATION, SCORING, YEAR = ly.REGISTRATION, ly.SCORING, places.YEAR_KEY


@dataclass(frozen=True)
class Round:
    """One round of the school's year as the page lists it: ``key`` in the page's addresses (the round's code, a
    period's code, ``ca-nam``), what it merges (``round``, ``period``), its deadline, how many books were issued for
    it and received back, the summary written for it (relative to the campaign folder, "" none) and its state."""

    key: str
    label: str
    round: str
    period: str
    deadline: dt.date | None
    issued: int
    received: int
    summary: str
    state: str  # "done" (merged), "back" (every book issued is back, not merged), "late", "due", "waiting"
    days: int | None  # days left before the deadline (negative: overdue)

    @property
    def can_generate(self) -> bool:
        return self.key != YEAR


@dataclass(frozen=True)
class Overview:
    school: str
    year: str
    rules: str
    province: str
    rounds: tuple[Round, ...]
    notices: tuple[Issue, ...]
    later: tuple[tuple[str, str], ...]  # the steps after the rounds: (label, what to do)
    final: str | None = None  # the year's last summary, which the history book takes


def _date(value: object) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _count_files(folder: Path) -> int:
    """The returned books directly in ``folder`` (the round's inbox; a period's subfolders are their own rounds), as
    the merge tells one (:func:`~thidua_xlsx.read.containment.returned_book`)."""
    try:
        return sum(1 for e in os.scandir(folder) if e.is_file(follow_symlinks=False)
                   and returned_book(InboxItem(Path(e.path), e.name, FILE)))
    except OSError:
        return 0


def rounds_of(cf: CampaignFolder) -> list[Round]:
    """The rounds of campaign folder ``cf`` in the year's order: registration, then each period
    (or the single scoring round), then the year from its periods."""
    campaign, folder, today = cf.campaign, cf.folder, vietnam_today()
    at = places.Places(folder)
    issued = _issued_counts(cf)
    school = campaign.school
    plan: list[tuple[str, str, str, str, dt.date | None]] = [
        (REGISTRATION, WORDS["registration"], REGISTRATION, "", _date(school.registration_deadline))]
    if campaign.periods:
        plan += [(p.code, p.label, SCORING, p.code, p.deadline or p.end) for p in campaign.periods]
        plan.append((YEAR, WORDS["year_round"], SCORING, "", _date(school.scoring_deadline)))
    else:
        plan.append((SCORING, WORDS["scoring"], SCORING, "", _date(school.scoring_deadline)))
    found = []
    for key, label, round_, period, deadline in plan:
        summary = summary_of(folder, key, round_, period)
        received = _count_files(at.periods) if key == YEAR else _count_files(at.inbox(round_, period))
        books = 0 if key == YEAR else issued.get((round_, period), 0)
        days = (deadline - today).days if deadline else None
        state = "done" if summary else "back" if books and received >= books else \
            "late" if days is not None and days < 0 else "due" if days is not None else "waiting"
        found.append(Round(key, label, round_, period, deadline, books, received, summary, state, days))
    return found


_RecordState = tuple[tuple[str, int], ...]  # each file of the record of issued books: its name and time
_ISSUED: dict[str, tuple[_RecordState, dict[tuple[str, str], int]]] = {}  # folder → (its record's state, the counts)


def _issued_counts(cf: CampaignFolder) -> dict[tuple[str, str], int]:
    """How many departments were issued a book for each (round, period), from the record of issued books
    (so-da-phat/), read again only when that record changed."""
    registry = cf.registry
    try:
        state: _RecordState = tuple(sorted((e.name, e.stat().st_mtime_ns) for e in os.scandir(registry.folder)))
    except OSError:
        state = ()
    kept = _ISSUED.get(str(cf.folder))
    if kept is not None and kept[0] == state:
        return kept[1]
    departments: dict[tuple[str, str], set[str]] = {}
    for book in registry.all():  # a book issued again (generate twice) is one department's still
        departments.setdefault((book.layout.round, book.layout.period), set()).add(book.department_code)
    issued = {which: len(codes) for which, codes in departments.items()}
    _ISSUED[str(cf.folder)] = (state, issued)
    return issued


def final_summary(cf: CampaignFolder) -> str | None:
    """The year's last summary (relative): the year's from its periods, else the scoring round's; None when neither is
    written yet. What the history book takes from it is the history's to judge."""
    key = YEAR if cf.campaign.periods else SCORING
    return summary_of(cf.folder, key, SCORING, "") or None


def runs_of(folder: Path, key: str | None = None) -> list[Run]:
    """The runs remembered in campaign folder ``folder`` (of round ``key``, when given), the last first."""
    return [r for r in reversed(recent(folder)) if key is None or r.key == key]


def school_overview(cf: CampaignFolder) -> Overview:
    campaign = cf.campaign
    rule_set = campaign.rule_set
    rules = ", ".join(t.number for t in rule_set.texts) if rule_set is not None else ""
    final = final_summary(cf)
    by = "_year" if campaign.periods else ""  # the council and the papers of a year by periods: on the year's page
    later = (
        (WORDS["council_round"], WORDS[f"council_hint{by}"]), (WORDS["papers_round"], WORDS[f"papers_hint{by}"]),
        (WORDS["history_round"], WORDS["history_add"].format(file=final) if final else WORDS["history_hint"]),
        (WORDS["next_year_round"], WORDS["next_year_hint"]))
    return Overview(campaign.school.name, campaign.school.school_year, rules,
                    campaign.school.province or WORDS["national"], tuple(rounds_of(cf)),
                    (*cf.notices, *_year_deadline_early(campaign)), later, final)


def _year_deadline_early(campaign: cm.Campaign) -> tuple[Issue, ...]:
    """The year's deadline (sheet Trường, Hạn nộp chấm điểm) before its last period is due: the year is made from
    every period, so it cannot be sent before the last one is merged; said with the dates, for her to move it."""
    year_due = _date(campaign.school.scoring_deadline)
    if not campaign.periods or year_due is None:
        return ()
    last = campaign.periods[-1]
    last_due = last.deadline or last.end
    if year_due >= last_due:
        return ()
    return (issue("ui.year_deadline_early", WARNING, file=places.CAMPAIGN_FILE, day=day_text(year_due.isoformat()),
                  period=last.label, end=day_text(last.end.isoformat()), due=day_text(last_due.isoformat())),)


def next_year_name(cf: CampaignFolder) -> str:
    """The folder name the page offers for next year's campaign (beside this one), named from the new school year: this
    folder's school year moved on (``truong-2025-2026`` → ``truong-2026-2027``), a year of this campaign named alone
    made the new school year (``thidua-2026`` of 2026-2027, or of 2025-2026 → ``thidua-2027-2028``), or the new school
    year added (``truong`` → ``truong-2027-2028``). The year is the one ``init --tu`` gives the new campaign
    (model.new_year.target_year)."""
    start = target_year(cf.campaign, vietnam_today())
    year = f"{start}-{start + 1}"
    name = cf.folder.name
    moved, count = re.subn(r"(?<!\d)(19|20)\d\d-(19|20)\d\d(?!\d)", year, name, count=1)
    if count:
        return moved if moved != name else f"{name}-{year}"
    first = int(cf.campaign.school.school_year[:4])
    own = "|".join(str(y) for y in (first, first + 1))  # the campaign's own years, the only ones a name means so
    moved, count = re.subn(rf"(?<!\d)({own})(?!\d)", year, name, count=1)
    return moved if count else f"{name}-{year}"


@dataclass(frozen=True)
class RoundView:
    """A round's page: its departments against the deadline, the problems (errors and warnings first), the reminders
    to copy; ``stopped``: why the inbox could not be read (the service's words)."""

    round: Round
    followups: tuple[FollowUp, ...] = ()
    problems: tuple[Issue, ...] = ()
    reminders: tuple[str, ...] = ()
    stopped: str = ""
    departments: tuple[cm.Department, ...] = ()  # the campaign's departments (when nothing was read)
    kept: Applied | None = None  # the head's (or council's) pass kept with the round, applied by every merge
    notes: tuple[str, ...] = ()  # what the page says of the round's books (made before the registration was merged)
    registrations: tuple[Registered, ...] = ()  # the registration round: who registered for what, by department
    history: str = ""  # the history book found in the folder, offered to a merge that decides titles ("": none)


@dataclass(frozen=True)
class Registered:
    """One line of the registration round's page: a person (or a department, ``collective``) and the title registered
    in words ("" nothing chosen yet)."""

    name: str
    department: str
    title: str
    collective: bool = False


_FilesState = tuple[tuple[str, int, int], ...]  # each file's path, size and time (:func:`_state`)


class _Cache:
    """The last reading of each round, with the state of the files it was read from."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._kept: dict[str, tuple[_FilesState, RoundView]] = {}

    def get(self, key: str, state: _FilesState, make: Callable[[], RoundView]) -> RoundView:
        with self._lock:
            kept = self._kept.get(key)
        if kept is not None and kept[0] == state:
            return kept[1]
        view = make()
        with self._lock:
            self._kept[key] = (state, view)
        return view


CACHE = _Cache()


def _state(*paths: Path) -> _FilesState:
    """Names, sizes and times of everything below ``paths``: what a reading depends on."""
    found: list[tuple[str, int, int]] = []
    for path in paths:
        if path.is_file():
            st = path.stat()
            found.append((str(path), st.st_size, st.st_mtime_ns))
        elif path.is_dir():
            for root, _dirs, files in os.walk(path):
                for name in files:
                    with_path = os.path.join(root, name)
                    try:
                        st = os.lstat(with_path)
                    except OSError:
                        continue
                    found.append((with_path, st.st_size, st.st_mtime_ns))
    return tuple(sorted(found))


def round_page(cf: CampaignFolder, key: str) -> RoundView | None:
    """The page of round ``key`` (None: the campaign has no such round)."""
    chosen = next((r for r in rounds_of(cf) if r.key == key and r.key != YEAR), None)
    if chosen is None:
        return None
    inbox = places.Places(cf.folder).inbox(chosen.round, chosen.period)
    if not inbox.is_dir():
        return RoundView(chosen, departments=cf.campaign.departments)
    book = cf.book if cf.book is not None else cf.folder
    state = _state(inbox, book, cf.registry.folder)
    view = CACHE.get(f"{cf.folder}|{key}", state, lambda: _read_round(cf, chosen, inbox))
    # the round as the overview has it now (its summary is the last merge's, which the inbox's state does not tell):
    # one summary of a round on every page
    return replace(view, round=chosen, kept=kept_pass(cf.folder, key) if chosen.round == SCORING else None,
                   notes=_registration_notes(cf, chosen),
                   history=history_found(cf.folder) if chosen.round == SCORING and not chosen.period else "")


def history_found(folder: Path) -> str:
    """The history book of campaign folder ``folder`` (``lich-su.xlsx``, written by *Ghi vào sổ lịch sử*) when it is
    there: what the merges that decide titles offer to read; "" none."""
    return places.HISTORY_BOOK if places.Places(folder).history_book.is_file() else ""


def kept_pass(folder: Path, key: str) -> Applied | None:
    """The head's or the council's pass kept for round ``key`` (what every merge of it applies again); None."""
    found = kept(folder, key)
    return applied(kind_of_round(key), key, found, folder) if found is not None else None


def _registration_notes(cf: CampaignFolder, chosen: Round) -> tuple[str, ...]:
    """A period's books made before the registration round was merged (nobody registered on them), said with what it
    means: nothing to make again, the year reads the registration round's own result."""
    if not chosen.period:
        return ()
    books = [b for b in cf.registry.all() if (b.layout.round, b.layout.period) == (SCORING, chosen.period)]
    unregistered = {b.department_code for b in books if not any(p.has_registered for p in b.people)}
    if not unregistered:
        return ()
    registration = summary_of(cf.folder, REGISTRATION, REGISTRATION, "")
    return (BEFORE_REGISTRATION_PAGE["merged" if registration else "not_merged"].format(
        count=len(unregistered), file=registration),)


def _read_round(cf: CampaignFolder, chosen: Round, inbox: Path) -> RoundView:
    from thidua_xlsx.decide.followup import follow_up  # deferred: decide.followup at start-up

    try:
        summary, _read = read_and_report(inbox, cf, chosen.round, False, Voice(), chosen.period or None)
        summary, report = counted(summary, cf, False, Voice())  # as status and merge count it
    except Stopped as stop:
        return RoundView(chosen, problems=tuple(stop.problems), stopped=stop.message,
                         departments=cf.campaign.departments)
    except out.Refused as refused:
        return RoundView(chosen, stopped=str(refused), departments=cf.campaign.departments)
    followups = follow_up(summary, vietnam_today())
    shown = tuple(i for i in report.issues if i.severity != NOTE and not i.code.startswith("signal."))
    registered = registrations_of(summary) if chosen.round == REGISTRATION else ()
    return RoundView(chosen, followups, shown, tuple(reminder_lines(summary, followups)), registrations=registered)


def registrations_of(summary: Summary) -> tuple[Registered, ...]:
    """Who registered for what in a registration round's ``summary``: each department that sent its book, its
    collective title first, then its people by name; a department not read yet has no line."""

    def words(code: str) -> str:
        return title_name(code) if code else ""

    lines: list[Registered] = []
    for d in summary.departments:
        if not d.submitted:
            continue
        lines.append(Registered(d.name, d.name, words(d.collective), True))
        people = [p for p in summary.people if p.department == d.code]
        lines += [Registered(p.name, d.name, words(p.registered))
                  for p in sorted(people, key=lambda p: name_key(p.name))]
    return tuple(lines)


@dataclass(frozen=True)
class PeriodState:
    """A period as the year's page lists it: its code and label, its summary in ``ky/`` (relative; "" none yet) and
    whether the head's pass made it (the final of the period)."""

    code: str
    label: str
    summary: str
    final: bool


@dataclass(frozen=True)
class YearView:
    """The year's page: the round, each period's summary, and the year's final summary (after the council) if any."""

    round: Round
    periods: tuple[PeriodState, ...]
    final: str | None
    draft: str = ""  # what keeps the year a draft, in words ("": every period passed by the head)
    kept: Applied | None = None  # the council's pass on the year kept, applied by every merge of the year
    history: str = ""  # the history book found in the folder, offered to the year's merge ("": none)


def _passed(cf: CampaignFolder, summary: Path) -> bool:
    """Whether the period's summary ``summary`` was written by the head's pass, as its metadata says through the one
    gate the year reads it by, whichever door or run made it; a summary the gate refuses is not passed (the year's
    reading says why)."""
    opened = checked_summary(summary, cf.campaign, Problems(), PERIODS)
    return opened is not None and opened.meta.council


def year_page(cf: CampaignFolder) -> YearView | None:
    """The page of the year from its periods (None: the campaign has no periods): each period's summary, what keeps
    the year a draft, the council's pass kept."""
    from thidua_xlsx.decide.year import draft_reason  # deferred: decide.year at start-up

    if not cf.campaign.periods:
        return None
    chosen = next(r for r in rounds_of(cf) if r.key == YEAR)
    periods = []
    for period in cf.campaign.periods:
        summary = summary_of(cf.folder, period.code, SCORING, period.code)
        passed = bool(summary) and _passed(cf, cf.folder / summary)
        periods.append(PeriodState(period.code, period.label, summary, passed))
    today = vietnam_today()
    draft = draft_text((p.label, draft_reason(ev.period_state(period.start, period.end, today), bool(p.summary),
                                              p.final))
                       for p, period in zip(periods, cf.campaign.periods))
    return YearView(chosen, tuple(periods), final_summary(cf), draft, kept_pass(cf.folder, YEAR),
                    history_found(cf.folder))
