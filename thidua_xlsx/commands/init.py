"""``init``: a school's campaign folder made — from a preset or from last year's campaign (``--tu``); a commune's is
:func:`thidua_xlsx.commune.commands.init`'s."""

from __future__ import annotations

import shutil
import uuid
from dataclasses import dataclass, replace
from pathlib import Path

from thidua_xlsx.commands.history import update_history
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model import result as rs
from thidua_xlsx.model.campaign_book import STAFF_SHEET
from thidua_xlsx.model.errors import Stopped
from thidua_xlsx.model.history_book import HistoryUpdate
from thidua_xlsx.model.issues import NOTE, WARNING, Issue, Problems, issue
from thidua_xlsx.model.new_year import moved_away, next_year
from thidua_xlsx.model.places import CAMPAIGN_FILE, HISTORY_BOOK, INBOX, OUTBOX, YEAR_KEY
from thidua_xlsx.model.report import command_report
from thidua_xlsx.model.requests import BY_MONTH, YEAR_END, InitRequest
from thidua_xlsx.model.result import Result, WrittenFile
from thidua_xlsx.read.presets import school_preset
from thidua_xlsx.steps import outputs as out
from thidua_xlsx.steps.workspace import campaign_books, campaign_file, legal_notices, sample_notices
from thidua_xlsx.system import lock
from thidua_xlsx.system.files import replacing, sha256_of
from thidua_xlsx.system.runs import summary_of
from thidua_xlsx.system.voice import Voice, vietnam_today, warn_problems
from thidua_xlsx.text import commands as ct
from thidua_xlsx.text.workbook import SAMPLE_MARK
from thidua_xlsx.write.launchers import write_launchers
from thidua_xlsx.write.new_year import new_year_lines

ND233_LEVEL = "nd233"  # the name init --level had for a THCS school scored by month: kept, the same campaign


def init_campaign(directory: Path, level: str, campaign_id: str | None = None,
                  campaign: cm.Campaign | None = None, scoring: str = YEAR_END) -> cm.Campaign:
    """Write ``directory/campaign.xlsx`` (from the preset of ``level`` scored as ``scoring`` says, with a fresh
    campaign id, or from ``campaign``) and make ``inbox/`` and ``outbox/`` beside it. A preset's sample school is
    marked as such in its name (text.workbook.SAMPLE_MARK), on every book and paper, until the secretary names her
    school; it holds no fact of its year (:func:`sample_campaign`)."""
    campaign = campaign or sample_campaign(level, campaign_id, scoring)
    _write_campaign(directory, campaign)
    return campaign


def sample_campaign(level: str, campaign_id: str | None = None, scoring: str = YEAR_END) -> cm.Campaign:
    """The preset of ``level`` scored as ``scoring`` says (read.presets.school_preset; ``nd233``: THCS by month) in
    today's school year, with a fresh campaign id, its school marked as the sample, and nothing its year decides (a
    new campaign: no xếp loại viên chức, leave, discipline or sáng kiến of anyone)."""
    if level == ND233_LEVEL:
        level, scoring = "thcs", BY_MONTH
    preset = school_preset(level, scoring)
    return cm.in_school_year(replace(preset, id=campaign_id or uuid.uuid4().hex[:16], school=replace(
        preset.school, name=f"{preset.school.name} {SAMPLE_MARK}")), vietnam_today())


def _write_campaign(directory: Path, campaign: cm.Campaign) -> tuple[WrittenFile, ...]:
    """The campaign book, its inbox and outbox, and the launchers written into ``directory``: the files written."""
    from thidua_xlsx.read.rule_sets import province_names  # deferred: read.rule_sets at start-up
    from thidua_xlsx.write.campaign_book import write_campaign_book  # deferred: xlsxwriter at start-up

    directory.mkdir(parents=True, exist_ok=True)
    book = directory / CAMPAIGN_FILE
    replaced = book.exists()
    with out.holding([lock.folder_lock_path(directory)], "init"):
        for folder in (INBOX, OUTBOX):
            (directory / folder).mkdir(exist_ok=True)
        write_campaign_book(campaign, book, province_names())
        launchers = write_launchers(directory)  # the double-click files that open the page on this folder
    return (WrittenFile(book, rs.CAMPAIGN, replaced), *(WrittenFile(p, rs.LAUNCHER) for p in launchers))


def scoring_line(campaign: cm.Campaign) -> str:
    """How ``campaign`` is scored, in one line: by which periods and in which frame, or once at the year's end."""
    if not campaign.periods:
        return ct.INIT_SCORED_YEAR_END
    periods = campaign.periods
    return ct.INIT_SCORED_BY_PERIOD.format(kind=ct.INIT_SCORING_KINDS[campaign.period_kind], count=len(periods),
                                           first=periods[0].label, last=periods[-1].label)


def refuse_existing(directory: Path, force: bool) -> None:
    """``init`` never replaces a campaign book of ``directory`` (campaign.xlsx, or the .ods she saved) without
    ``force``: Refused."""
    existing = campaign_books(directory) if directory.is_dir() else []
    if existing and not force:
        raise out.Refused(ct.EXISTS.format(path=existing[0]))


@dataclass(frozen=True)
class Started:
    """What ``init --tu`` did: the new campaign book (``path``, as read back) made from last year's (``source``,
    read only), and what to check, each at its cell (the sample school, the lines of Căn cứ naming last year, the new
    book's own warnings)."""

    path: Path
    source: Path
    previous: cm.Campaign
    campaign: cm.Campaign
    notices: tuple[Issue, ...]
    history: tuple[str, ...] | None = None  # the years of the history book carried into the new folder (None: none)


def _next_year(directory: Path, source: Path, force: bool) -> tuple[Started, tuple[WrittenFile, ...]]:
    """``init DIR --tu OLD``: the campaign of the next school year (model.new_year) written into ``directory`` as
    ``init`` writes one, from last year's campaign ``source`` (its folder or its book), which is only read. Refused
    when ``directory`` is ``source``'s folder, or already holds a campaign (without ``force``); Stopped when last
    year's book cannot be loaded (its problems said)."""
    from thidua_xlsx.read.campaign_book import load_campaign_book  # deferred: python-calamine at start-up

    book = campaign_file(source)
    today = vietnam_today()
    if directory.resolve() == book.parent.resolve():
        raise out.Refused(ct.NEW_YEAR_SAME_FOLDER.format(path=book.parent, year=cm.school_year_of(today)))
    refuse_existing(directory, force)
    if not book.is_file():
        problems = Problems()
        problems.add("campaign.not_found", path=str(book))
        raise Stopped(problems)
    previous, problems = load_campaign_book(book, today)
    if previous is None:
        raise Stopped(problems, ct.NEW_YEAR_OLD_INVALID.format(file=book, count=len(problems.errors)))
    files = _write_campaign(directory, next_year(previous, today, uuid.uuid4().hex[:16]))
    history, carried, history_said = _history_carried(book.parent, previous, directory)
    path = directory / CAMPAIGN_FILE
    campaign, loaded = load_campaign_book(path, today)  # as every later command will read it
    if campaign is None:
        raise Stopped(loaded)
    gone = tuple(issue("campaign.moved_not_carried", NOTE, file=book.name, sheet=STAFF_SHEET, name=p.name,
                       person=p.code, school=p.facts.moved_to or "—", day=_shown(str(p.facts.moved_on)),
                       year=previous.school.school_year) for p in moved_away(previous))
    said = (*sample_notices(campaign, path), *legal_notices(campaign, path, previous.school.school_year), *gone,
            *loaded, *history_said)
    return Started(path, book, previous, campaign, said, history), (*files, *carried)


def _history_carried(old: Path, previous: cm.Campaign, directory: Path
                     ) -> tuple[tuple[str, ...] | None, tuple[WrittenFile, ...], tuple[Issue, ...]]:
    """Last year's history book (``lich-su.xlsx`` of ``old``, only read) copied whole into next year's folder
    ``directory``, with last year's final summary added as its year when it is not there yet (a book made for it
    when last year kept none), or added again when the book took it from another summary than the final one (the
    council met again since: the copy it replaced kept beside, said); a year taken from that very summary, corrected
    by hand since or not, or typed by hand, is carried as it is, and a book already in the new folder is hers and
    left untouched: the multi-year titles of next year read it there. Returns the years the new book holds (None: no
    book), the files written, and why last year could not be added (a draft, a summary before the council: the
    history's own problems, as warnings — next year is made all the same)."""
    source, target = old / HISTORY_BOOK, directory / HISTORY_BOOK
    hers = target.exists()  # a book already in the new folder is someone's: kept as it is, never written
    copied = source.is_file() and not hers
    with out.holding([lock.folder_lock_path(directory)], "init"):
        if copied:
            with replacing(target) as tmp:
                shutil.copyfile(source, tmp)
        held, done, again = (None, None, False) if hers else _last_year(old, previous, target)
    if done is not None and done.backup is not None and not again:  # the copy's earlier state: last year's, there
        done.backup.unlink(missing_ok=True)
    years = done.years if done is not None and (done.written or target.is_file()) else held
    if years is None and target.is_file():
        years = ()
    written = (WrittenFile(target, rs.HISTORY),) if copied or (done is not None and done.written) else ()
    return years, written, _history_said(done, again, previous.school.school_year)


def _history_said(done: HistoryUpdate | None, again: bool, year: str) -> tuple[Issue, ...]:
    """What adding last year said, as warnings (next year is made all the same), and the year added again."""
    if done is None:
        return ()
    problems = tuple(replace(p, severity=WARNING) for p in done.problems)
    if again and done.written:
        problems += (issue("history.year_added_again", WARNING, file=HISTORY_BOOK, year=year,
                           summary=done.added[0].file if done.added else "—",
                           backup=done.backup.name if done.backup is not None else "—"),)
    return problems


def _last_year(old: Path, previous: cm.Campaign, book: Path
               ) -> tuple[tuple[str, ...] | None, HistoryUpdate | None, bool]:
    """The years ``book`` holds, last year's final summary (the one the runs record of ``old`` names) added to it
    when the book does not hold that year or took it from another summary (None: nothing added), and whether it was
    added again over a year taken from another summary."""
    year = previous.school.school_year
    held, taken_from = _years_in(book, year) if book.is_file() else (None, None)
    final = summary_of(old, YEAR_KEY if previous.periods else ly.SCORING, ly.SCORING, "")
    if not final:
        return held, None, False
    again = taken_from is not None and taken_from != sha256_of(old / final)
    if held and year in held and not again:
        return held, None, False
    return held, update_history(book, [old / final]), again


def _years_in(book: Path, year: str) -> tuple[tuple[str, ...], str | None]:
    """The school years a history book holds (none when it cannot be read: said when a command reads it), and the
    digest of the final summary it took ``year`` from (None: typed by hand, or not there)."""
    from thidua_xlsx.read.history import read_history_book  # deferred: python-calamine at start-up

    kept, _history, _found = read_history_book(book)
    if kept is None:
        return (), None
    taken = kept.meta.source_of(year)
    return kept.years, taken.sha256 if taken is not None else None


def _shown(iso: str) -> str:
    """An ISO day as the secretary reads it (01/11/2026)."""
    return f"{iso[8:10]}/{iso[5:7]}/{iso[:4]}"


def run(request: InitRequest, voice: Voice) -> Result:
    """``init``: a school's campaign from a preset, or next year's from last year's (``--tu``); what was made said, and
    (next year) what to check at its cell. A commune's (``--level cap-xa``) is commune.commands.init."""
    directory = request.directory
    if request.source is not None:
        started, files = _next_year(directory, request.source, request.force)
        for line in new_year_lines(started.previous, started.campaign, started.path, started.source,
                                   started.history):
            voice.say(line)
        warn_problems(started.notices, voice)
        return Result("init", command_report("init", started.notices, True), files, home=directory)
    refuse_existing(directory, request.force)  # a campaign.ods the secretary saved counts too
    campaign = sample_campaign(request.level, scoring=request.scoring)
    files = _write_campaign(directory, campaign)
    voice.say(ct.INIT_DONE.format(path=directory / CAMPAIGN_FILE, school=campaign.school.name,
                                  departments=len(campaign.departments), staff=len(campaign.staff)))
    voice.say(scoring_line(campaign))
    voice.say(ct.INIT_SAMPLE.format(mark=SAMPLE_MARK))
    return Result("init", command_report("init", (), True), files, home=directory)


