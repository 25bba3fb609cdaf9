"""The campaign folder: ``campaign.xlsx``, the record of issued workbooks, ``inbox/`` and ``outbox/``.

``merge`` and ``status`` find the campaign themselves: ``--campaign``; else the campaign folder
that holds the inbox (the inbox's folder or one above it); else a campaign folder beside the
inbox. When none (or several) is found, the user is told where the tool looked.

The campaign book is ``campaign.xlsx`` (what ``init`` writes) or ``campaign.ods``: a secretary who
opens it in LibreOffice and chooses "Save As" gets LibreOffice's own format by default, next to
the untouched ``campaign.xlsx``. Both are read the same way.

**Both in one folder.** The secretary expects the tool to use the book they saved last — the
rule the merge already follows for a department that sends two versions — so the one with the
later modification time is used (on an exact tie, ``campaign.xlsx``). Refusing would stop every
command after each "Save As", and a fixed preference for either name would pick the stale copy
in one of the two usual stories (edited in LibreOffice and saved as .ods; or saved as .ods once,
then back to editing the .xlsx in Excel). Because guessing by time can still be wrong (a copy
that reset the times), every command that opens the campaign says so in a warning: both names,
both save times, which one is used and how to keep only one. A book named explicitly
(``generate thidua-2025/campaign.ods``) is the one used, with the same warning.

**What the campaign as a whole tells** (:func:`campaign_notices`), said first whenever it is opened, at its cell:
a campaign still the sample school ``init`` wrote (its name marked, or the sample's name with the sample's
principal or people) says so once, and nothing else of its dates (they are the sample's); else a campaign of a
past school year with no deadline ahead (last year's book copied into a new folder), a deadline or filing date
before its school year; and, the sample or not, each line of Căn cứ naming an earlier school year (the Tờ trình
cites it: a fresh campaign's sample plan is last year's). What the campaign's periods get wrong is
the loader's (read.campaign_book: a period outside the school year), not said twice.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model import requests as rq
from thidua_xlsx.model.campaign_book import LEGAL_SHEET, SCHOOL_FIELDS, SCHOOL_SHEET
from thidua_xlsx.model.issues import WARNING, Issue, Problems, issue
from thidua_xlsx.model.new_year import YEAR_DATES, legal_naming_past
from thidua_xlsx.model.places import CAMPAIGN_FILE, CAMPAIGN_ODS, LEVEL_ABOVE_BOOK
from thidua_xlsx.read.registry import IssuedRegistry
from thidua_xlsx.system import voice
from thidua_xlsx.text.messages import PAST_YEAR_LAST
from thidua_xlsx.text.wording import day_text
from thidua_xlsx.text.workbook import SAMPLE_MARK

CAMPAIGN_FILES = (CAMPAIGN_FILE, CAMPAIGN_ODS)  # in order of preference when saved at the same time
LEVELS_UP = 3  # DIR/inbox, DIR/inbox/cham-diem, DIR/nhan-ve/cham-diem/dot-2


@dataclass(frozen=True)
class CampaignFolder:
    folder: Path
    campaign: cm.Campaign
    book: Path | None = None  # the campaign book it was read from (campaign.xlsx or campaign.ods)
    notices: tuple[Issue, ...] = ()  # what the campaign as a whole tells (campaign_notices): listed with a run's

    @property
    def registry(self) -> IssuedRegistry:
        return IssuedRegistry(self.folder)

    @property
    def book_name(self) -> str:
        return self.book.name if self.book is not None else CAMPAIGN_FILE


def campaign_books(folder: Path) -> list[Path]:
    """The campaign books present in ``folder``, the one to use first (latest saved; see the module)."""
    found = [folder / name for name in CAMPAIGN_FILES if (folder / name).is_file()]
    return sorted(found, key=lambda p: -p.stat().st_mtime_ns)  # stable: a tie keeps CAMPAIGN_FILES order


def campaign_in(folder: Path) -> Path | None:
    """The campaign book of ``folder`` (campaign.xlsx or campaign.ods), or None."""
    books = campaign_books(folder)
    return books[0] if books else None


def campaign_file(path: Path) -> Path:
    """``path`` may be the campaign folder or the campaign book itself (.xlsx or .ods).

    A folder with no book gives ``folder/campaign.xlsx``, which the caller reports as not found."""
    if not path.is_dir():
        return path
    return campaign_in(path) or path / CAMPAIGN_FILE


def find_campaign(inbox: Path, problems: Problems) -> Path | None:
    """The campaign book for ``inbox``, or None with one message saying where the tool looked."""
    inbox = inbox.resolve()
    looked = []
    for folder in [inbox, *list(inbox.parents)[:LEVELS_UP]]:
        looked.append(f"{folder / CAMPAIGN_FILE}, {CAMPAIGN_ODS}")
        found = campaign_in(folder)
        if found is not None:
            return found
    beside = sorted(book for p in inbox.parent.iterdir()
                    if p.is_dir() and p != inbox and (book := campaign_in(p)) is not None)
    looked.append(f"{inbox.parent / '*' / CAMPAIGN_FILE}, {CAMPAIGN_ODS}")
    if len(beside) == 1:
        return beside[0]
    if beside:
        problems.add("campaign.ambiguous", inbox=str(inbox), found=", ".join(str(p.parent) for p in beside))
    else:
        problems.add("campaign.not_found_near", inbox=str(inbox), looked="; ".join(looked))
    return None


def open_campaign(book: Path, today: dt.date | None = None) -> tuple[CampaignFolder | None, Problems]:
    """Load the campaign book ``book``; a second book beside it is a warning (see the module), then what the campaign
    as a whole tells (:func:`campaign_notices`, against ``today``: the day in Vietnam when not given) before the
    problems of its cells."""
    from thidua_xlsx.read.campaign_book import load_campaign_book  # deferred: python-calamine at start-up

    problems = Problems()
    if not book.is_file():
        problems.add("campaign.not_found", path=str(book))
        return None, problems
    others = [p for p in campaign_books(book.parent) if p.name != book.name] if book.name in CAMPAIGN_FILES else []
    for other in others:
        problems.add("campaign.two_files", WARNING, used=book.name, used_saved=_saved(book), other=other.name,
                     other_saved=_saved(other))
    today = today or voice.vietnam_today()
    campaign, loaded = load_campaign_book(book, today)
    notices = campaign_notices(campaign, book, today) if campaign is not None else []
    problems.extend(notices)
    problems.extend(loaded)
    return (CampaignFolder(book.parent, campaign, book, tuple(notices)) if campaign is not None else None), problems


def _notice(book: Path, sheet: str, cell: str, code: str, **params: object) -> Issue:
    """A word on the campaign book as a whole, said at its cell when it is opened (or by ``init --tu``)."""
    return issue(code, WARNING, file=book.name, sheet=sheet, cell=cell, **params)


def _school_cell(key: str) -> str:
    """Where sheet Trường holds ``key``, as the campaign book is written (label in A, value in B, from row 2)."""
    return ly.a1(1 + [f.key for f in SCHOOL_FIELDS].index(key), 1)


def campaign_notices(campaign: cm.Campaign, book: Path, today: dt.date) -> list[Issue]:
    """What the campaign as a whole tells (see the module): the sample school; else a past school year and dates
    before the school year; and in both, at every run, each line of Căn cứ naming an earlier school year — the Tờ
    trình (Mẫu 01, Nghị định 152/2025/NĐ-CP) opens with these lines as its basis, and a new year's sample plan is
    last year's."""
    sample = sample_notices(campaign, book)
    return [*sample, *legal_notices(campaign, book)] if sample else \
        [*_past_year(campaign, book, today), *_dates_before_year(campaign, book), *legal_notices(campaign, book)]


def sample_notices(campaign: cm.Campaign, book: Path) -> list[Issue]:
    """The sample school ``campaign`` still is, said at the school's name (none: [])."""
    sample = sample_school(campaign)
    return [_notice(book, SCHOOL_SHEET, _school_cell("name"), "campaign.sample_school", sample=sample)] \
        if sample else []


def sample_school(campaign: cm.Campaign) -> str:
    """The sample school ``campaign`` still is ("": none): its name marked by ``init`` (text.workbook.SAMPLE_MARK),
    or a preset's sample school by name with the sample's principal or people too (a real school of the same name
    has its own)."""
    from thidua_xlsx.check.campaign import (  # deferred: check.campaign at start-up
        SAMPLE_PEOPLE_ALIKE,
        distinctive,
        sample_school_names,
    )

    school = campaign.school
    if SAMPLE_MARK in school.name:
        return cm.clean_text(school.name.replace(SAMPLE_MARK, ""))
    names = {p.name for p in campaign.staff}
    return next((s.name for s in sample_school_names() if distinctive(s.name) == distinctive(school.name) and (
        cm.clean_text(school.principal) == s.principal or len(names & s.people) >= SAMPLE_PEOPLE_ALIKE)), "")


def _past_year(campaign: cm.Campaign, book: Path, today: dt.date) -> list[Issue]:
    """A campaign of a school year before today's, none of its deadlines (its own, its periods') ahead."""
    year, current = campaign.school.school_year, cm.school_year_of(today)
    if year[:4] >= current[:4]:
        return []
    days = _deadlines(campaign)  # ISO days: their order is the calendar's
    if any(d >= today.isoformat() for d in days):
        return []
    last = PAST_YEAR_LAST.format(day=day_text(max(days))) if days else ""
    return [_notice(book, SCHOOL_SHEET, _school_cell("school_year"), "campaign.past_year", year=year,
                    today=day_text(today.isoformat()), current=current, last=last, folder=str(book.parent))]


def _deadlines(campaign: cm.Campaign) -> list[str]:
    return [day for key in YEAR_DATES if (day := getattr(campaign.school, key))] + \
        [(p.deadline or p.end).isoformat() for p in campaign.periods]


def _dates_before_year(campaign: cm.Campaign, book: Path) -> list[Issue]:
    """A deadline or filing date of sheet Trường before the campaign's school year starts."""
    days = cm.school_year_days(campaign.school.school_year)
    if days is None:
        return []
    first = days[0].isoformat()
    labels = {f.key: f.label for f in SCHOOL_FIELDS}
    return [_notice(book, SCHOOL_SHEET, _school_cell(key), "campaign.date_before_year", field=labels[key],
                    day=day_text(day), year=campaign.school.school_year, first=day_text(first))
            for key in YEAR_DATES if (day := getattr(campaign.school, key)) and day < first]


def legal_notices(campaign: cm.Campaign, book: Path, last_year: str = "") -> list[Issue]:
    """Each line of sheet Căn cứ naming a school year before the campaign's, at its cell as written (the table from
    row 2). With ``last_year`` (``init --tu``: the year the campaign was made from), a date of that year counts too
    (model.new_year.past_years_named) and every such line is listed, whatever school it names: it is last year's
    plan or guidance to review, as the README promises, and nothing else says it there. Without (a campaign opened by
    any command), a line naming another school is left to that warning (check.campaign.stale_school_warnings: the
    line is wrong whatever its year); a school is this one when one name continues the other, their words compared
    without the punctuation around them — "Trường THCS Kim Sơn", the plan's, is the school "Trường THCS Kim Sơn,
    phường Kim Sơn, tỉnh Ninh Bình"."""
    from thidua_xlsx.check.campaign import schools_named  # deferred: check.campaign at start-up

    own = _school_words(campaign.school.name)

    def ours(school: str) -> bool:
        named = _school_words(school)
        return named[:len(own)] == own[:len(named)]

    return [_notice(book, LEGAL_SHEET, ly.a1(n, 0), "campaign.legal_past_year", n=n, found=", ".join(found), line=line)
            for n, line, found in legal_naming_past(campaign, last_year)
            if last_year or all(map(ours, schools_named(line)))]


_PUNCTUATION = "\"'“”‘’()[]{},;:.!?…-–—"  # around a word of a school's name: not part of it


def _school_words(name: str) -> tuple[str, ...]:
    """The words telling a school from another (check.campaign.distinctive), without the punctuation around them."""
    from thidua_xlsx.check.campaign import distinctive  # deferred: check.campaign at start-up

    return tuple(word for word in (w.strip(_PUNCTUATION) for w in distinctive(name)) if word)


def _saved(path: Path) -> str:
    """When the file was last saved, as the secretary's computer shows it."""
    return dt.datetime.fromtimestamp(path.stat().st_mtime).strftime("%d/%m/%Y %H:%M:%S")


def level_above_book(inbox: Path, campaign_path: Path | None) -> Path | None:
    """The level above's book (``cap-tren.xlsx``) for ``inbox``: in ``--campaign`` (a folder or the book itself), else
    in the inbox's folder or one above it; None when there is none (the inbox is a school's)."""
    if campaign_path is not None:
        book = campaign_path if campaign_path.name == LEVEL_ABOVE_BOOK else campaign_path / LEVEL_ABOVE_BOOK
        return book if book.is_file() else None
    for folder in [inbox.resolve(), *list(inbox.resolve().parents)[:LEVELS_UP]]:
        if (folder / LEVEL_ABOVE_BOOK).is_file():
            return folder / LEVEL_ABOVE_BOOK
    return None


def commune_book_of(request: rq.Request) -> Path | None:
    """The commune's book when ``request`` is the commune's (service.command runs it in commune.commands, a school's in
    the other commands): ``merge`` and ``status`` on an inbox beside a level above's book (``cap-tren.xlsx``), ``init
    --level cap-xa`` (or ``--khoa-moi``) on its folder; None when it is a school's (a year always)."""
    match request:
        case rq.YearRequest():
            return None
        case rq.MergeRequest() | rq.StatusRequest():
            return level_above_book(request.inbox, request.campaign_path)
        case rq.InitRequest() if request.source is None and (request.new_key or request.level == rq.LEVEL_ABOVE_LEVEL):
            return request.directory / LEVEL_ABOVE_BOOK
    return None
