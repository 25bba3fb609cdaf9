"""Library entry points behind the commands: one call per command, no printing, no exiting.

What a run writes is checked before any work (:func:`merge`): no output inside the inbox or on an input
(a returned workbook, the council's summary, the campaign book, the tool's own records), no two outputs on
one path, each output's folder made and asked whether it can be written (the machine's refusal said now,
not after the reading). Then the run holds a lock on each output and on the campaign
(:mod:`thidua_xlsx.system.lock`): a second ``merge`` or ``generate`` on the same campaign or output is
refused (:class:`Blocked`), never mixed with the first. ``--force`` replaces only the tool's own files;
a file someone changed is kept and the new one written beside it (:mod:`thidua_xlsx.system.written`).
Every file is written whole (:mod:`thidua_xlsx.system.files`); an OSError that still comes (a disk filling
up while writing) reaches the caller as one, naming the file — the CLI says it in words (exit 1).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import secrets
import uuid
from dataclasses import dataclass, replace
from pathlib import Path

from thidua_xlsx import deliver
from thidua_xlsx import outputs as out
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.issued import IssuedWorkbook, Newcomer, department_spec, fingerprint
from thidua_xlsx.model.issues import ERROR, WARNING, Issue, Problems
from thidua_xlsx.read.presets import load_preset
from thidua_xlsx.read.registrations import Checklist, RegistrationSummary
from thidua_xlsx.read.registry import IssuedRegistry
from thidua_xlsx.system import lock
from thidua_xlsx.system.files import as_write_error, check_writable, sha256_of
from thidua_xlsx.system.written import Written, free_name
from thidua_xlsx.text import commands as ct
from thidua_xlsx.voice import Stopped, Voice, vietnam_today, warn_problems
from thidua_xlsx.workspace import CAMPAIGN_FILE, INBOX, OUTBOX, CampaignFolder


def init_campaign(directory: Path, level: str, campaign_id: str | None = None,
                  campaign: cm.Campaign | None = None) -> cm.Campaign:
    """Write ``directory/campaign.xlsx`` (from the preset of ``level`` with a fresh campaign id, or
    from ``campaign``) and make ``inbox/`` and ``outbox/`` beside it. A preset's sample school is marked as such in
    its name (text.workbook.SAMPLE_MARK), on every book and paper, until the secretary names her school."""
    from thidua_xlsx.read.rule_sets import province_names
    from thidua_xlsx.text.workbook import SAMPLE_MARK
    from thidua_xlsx.ui.launchers import write_launchers
    from thidua_xlsx.write.campaign_book import write_campaign_book

    if campaign is None:
        preset = load_preset(level)
        campaign = cm.in_school_year(replace(preset, id=campaign_id or uuid.uuid4().hex[:16], school=replace(
            preset.school, name=f"{preset.school.name} {SAMPLE_MARK}")), vietnam_today())
    directory.mkdir(parents=True, exist_ok=True)
    with out.holding([lock.folder_lock_path(directory)], "init"):
        for folder in (INBOX, OUTBOX):
            (directory / folder).mkdir(exist_ok=True)
        write_campaign_book(campaign, directory / CAMPAIGN_FILE, province_names())
        write_launchers(directory)  # the double-click files that open the page on this folder (thidua-xlsx ui)
    return campaign


def refuse_existing(directory: Path, force: bool) -> None:
    """``init`` never replaces a campaign book of ``directory`` (campaign.xlsx, or the .ods she saved) without
    ``force``: Refused."""
    from thidua_xlsx.workspace import campaign_books

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


def init_next_year(directory: Path, source: Path, force: bool = False) -> Started:
    """``init DIR --tu OLD``: the campaign of the next school year (model.new_year) written into ``directory`` as
    ``init`` writes one, from last year's campaign ``source`` (its folder or its book), which is only read. Refused
    when ``directory`` is ``source``'s folder, or already holds a campaign (without ``force``); Stopped when last
    year's book cannot be loaded (its problems said)."""
    from thidua_xlsx.model.new_year import next_year
    from thidua_xlsx.read.campaign_book import load_campaign_book
    from thidua_xlsx.workspace import campaign_file, legal_notices, sample_notices

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
    init_campaign(directory, previous.level, campaign=next_year(previous, today, uuid.uuid4().hex[:16]))
    path = directory / CAMPAIGN_FILE
    campaign, loaded = load_campaign_book(path, today)  # as every later command will read it
    if campaign is None:
        raise Stopped(loaded)
    said = (*sample_notices(campaign, path), *legal_notices(campaign, path, previous.school.school_year), *loaded)
    return Started(path, book, previous, campaign, said)


@dataclass(frozen=True)
class Generated:
    paths: tuple[Path, ...]
    problems: Problems
    checklist: Checklist | None = None


def generate_round(folder: CampaignFolder, round_: str, outbox: Path, from_summary: Path | None = None,
                   today: dt.date | None = None, force: bool = False, period: str | None = None) -> Generated:
    """One workbook per department, each recorded in the campaign folder as issued.

    ``period`` (by code): the period whose scoring workbooks these are, required in the scoring round of a
    campaign with periods (its code in their names and identity, its label on the forms).

    ``from_summary`` (scoring round): the registration summary whose titles the forms show, locked.
    A file already in ``outbox`` is replaced only if it is byte-identical to what would be written,
    or with ``force`` when it is a workbook the tool issued (its SHA-256 is in ``so-da-phat/``): a
    filled workbook saved there is never lost — with ``force`` it is kept and the new one written beside
    it (``… (moi).xlsx``, a warning). One ``generate`` at a time on a campaign or an outbox (:class:`Blocked`).
    Leftovers of another school in the campaign (a căn cứ line, an e-mail) are warnings, never a refusal.
    """
    from thidua_xlsx.check.campaign import sample_school_names, stale_school_warnings
    from thidua_xlsx.read.campaign_cells import campaign_cells
    from thidua_xlsx.read.registrations import checklist, read_registration_summary
    from thidua_xlsx.system.pool import shared_pool, workers_for_workbooks

    campaign, problems = folder.campaign, Problems()
    chosen = chosen_period(campaign, period, problems, required=round_ == ly.SCORING)
    if period is not None and round_ != ly.SCORING:
        problems.add("period.scoring_only")
    _refuse_period(problems)
    book = folder.book
    problems.extend(stale_school_warnings(campaign, sample_school_names(), file=folder.book_name,
                                          cells=(lambda: campaign_cells(book)) if book is not None else None))
    found = None
    if from_summary is not None:
        if round_ != ly.SCORING:
            problems.add("from.scoring_only")
            return Generated((), problems)
        found = read_registration_summary(from_summary, campaign, problems)
        if found is None:
            return Generated((), problems)
    registry = folder.registry
    issued_on = (today or dt.date.today()).isoformat()
    try:
        outbox.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError) as exc:  # a file in the way: the folder asked for is wrong
        problems.add("generate.outbox_unwritable", path=str(outbox), reason=exc.strerror or str(exc))
        return Generated((), problems)
    except OSError as exc:  # the machine's refusal (no permission, a path too long…), said in words
        raise as_write_error(exc, outbox) from None
    check_writable(outbox)
    # Each workbook is written (then recorded) on its own, on every core for a large campaign; every
    # one is staged first: nothing replaces a file until all are written, and on any failure no staged
    # file is left.
    job = _Issue(campaign, round_, outbox, found, registry, issued_on, secrets.token_hex(4), chosen)
    departments = range(len(campaign.departments))
    with out.holding(_campaign_locks(folder, outbox), "generate", problems), \
            shared_pool(job, workers_for_workbooks(len(departments))) as run:
        try:
            staged = run(_write_staged, departments)  # (staging path, final path, layout, locked cells written)
            changed = [path for stage, path, _, _ in staged
                       if path.exists() and path.read_bytes() != stage.read_bytes()]
            issued = {w.sha256 for w in registry.all()} if changed else set()
            filled = [p for p in changed if sha256_of(p) not in issued]  # returned (filled) files saved there
            if changed and not force:
                problems.add("generate.would_overwrite_returned" if filled else "generate.would_overwrite",
                             outbox=str(outbox), files=", ".join(p.name for p in (filled or changed)))
                return Generated((), problems)
            finals = [free_name(path, lambda p: not p.exists() or sha256_of(p) in issued) if path in filled else path
                      for _, path, _, _ in staged]
            for (_, path, _, _), final in zip(staged, finals):
                if final != path:
                    problems.add("generate.kept_beside", WARNING, kept=str(path), new=final.name)
            paths = run(_record_issued, [(k, layout, final, written) for k, ((_, _, layout, written), final)
                                         in enumerate(zip(staged, finals))])
        finally:
            for k in departments:
                job.stage(k).unlink(missing_ok=True)
    return Generated(tuple(paths), problems, checklist(campaign, found) if found else None)


def _refuse_period(problems: Problems) -> None:
    """A ``--period`` the campaign does not have (or none where one is needed) is the command's usage error: refused
    before anything is read (exit 2), with the campaign's periods."""
    if problems.errors:
        raise out.Refused("\n".join(p.render() for p in problems.errors))


def chosen_period(campaign: cm.Campaign, code: str | None, problems: Problems, required: bool) -> cm.Period | None:
    """The campaign's period of ``code``; an error in ``problems`` when it has no such period, when it has no
    periods at all, or (``required``) when a campaign with periods is given none."""
    listed = _period_names(campaign)
    if code is None:
        if required and campaign.periods:
            problems.add("period.required", periods=listed)
        return None
    if not campaign.periods:
        problems.add("period.not_in_campaign")
        return None
    found = next((p for p in campaign.periods if p.code == code), None)
    if found is None:
        problems.add("period.unknown", period=code, periods=listed)
    return found


@dataclass(frozen=True)
class _Issue:
    """What writing one department's workbook needs: the same for every department of a generate."""

    campaign: cm.Campaign
    round: str
    outbox: Path
    found: RegistrationSummary | None  # the registration summary read for --from
    registry: IssuedRegistry
    issued_on: str
    token: str  # of this run's staging names
    period: cm.Period | None = None  # the period's round (a campaign with periods)

    def spec(self, k: int):
        """Department ``k``'s slice of the campaign."""
        department, found = self.campaign.departments[k], self.found
        return department_spec(self.campaign, department, self.round,
                               registrations=found.people if found else None,
                               newcomers=tuple(self._newcomers.get(department.code, ())),
                               collective=found.collective.get(department.code, "") if found else "",
                               period=self.period)

    @functools.cached_property
    def _newcomers(self) -> dict[str, list[Newcomer]]:
        """Department code → its newcomers registered on spare rows, in their order: grouped once, not
        searched for in every department's slice."""
        from thidua_xlsx.model.results import by_department

        return by_department(self.found.newcomers) if self.found else {}

    def path(self, k: int) -> Path:
        return self.outbox / ly.output_name(self.campaign.school.school_year, self.round,
                                            self.campaign.departments[k].name, self.period.code if self.period else "")

    def stage(self, k: int) -> Path:
        """Where department ``k``'s workbook is written before it replaces anything."""
        path = self.path(k)
        return path.with_name(f"{path.name}.{self.token}.tmp")


def _write_staged(job: _Issue, k: int):
    from thidua_xlsx.write.department import write_issued_workbook

    return job.stage(k), job.path(k), *write_issued_workbook(job.spec(k), job.stage(k), job.period)


def _record_issued(job: _Issue, task) -> Path:
    """Put department ``k``'s staged workbook in place (at ``path``: its own name, or one beside a filled
    workbook kept) and record it as issued, with its locked content as the merge will read it: from the cells
    written when they are what it reads (``written``, :mod:`thidua_xlsx.write.department.locked`), else read back."""
    from thidua_xlsx.read.department import locked_content
    from thidua_xlsx.system.files import install

    k, layout, path, written = task
    spec = job.spec(k)
    install(job.stage(k), path)
    locked = _locked_as_read(written) if written is not None else \
        locked_content(path, spec.people, layout, job.campaign.rubrics)
    rubrics = tuple(spec.rubric_for(role) for role in dict.fromkeys(p.role for p in spec.people)) \
        if job.round == ly.SCORING else ()
    job.registry.record(IssuedWorkbook(layout, spec.people, spec.collective, locked, fingerprint(locked), path.name,
                                       (job.issued_on,), sha256_of(path), rubrics))
    return path


def _locked_as_read(written) -> tuple[tuple[str, str], ...]:
    """The locked content the merge reads from cells ``written`` (key, value, whether a formula): each text and number
    as the merge compares them, each formula by its constants (:mod:`thidua_xlsx.read.department.formulas`)."""
    from thidua_xlsx.read.department.cells import canonical

    return tuple(sorted((key, _constants(value) if formula else canonical(value)) for key, value, formula in written))


@functools.lru_cache(maxsize=4096)  # the same few dozen formulas in every workbook
def _constants(formula: str) -> str:
    from thidua_xlsx.read.department.formulas import constants

    return constants(formula)


def _last_round_issued(registry) -> str | None:
    """The scoring round once any scoring workbook went out, else registration if one did (None: neither)."""
    rounds = {w.round for w in registry.all()}
    return next((r for r in (ly.SCORING, ly.REGISTRATION) if r in rounds), None)


def merge_inbox(inbox: Path, folder: CampaignFolder, round_: str | None = None, on_file=None,
                period: str | None = None, entries=None):
    """Read every entry of ``inbox`` (read-only), check, consolidate. Returns a Summary, with the problems of
    the campaign's record of issued workbooks (``so-da-phat/``).

    One file, one outcome: whatever happens while reading or checking a file becomes that file's
    status. ``on_file(name)`` is called after each entry (for a progress bar). ``period`` (by code): the
    period merged; None: that of most workbooks (a workbook of another period is refused). ``entries``: the
    inbox as already scanned (:func:`containment.scan_inbox`), not walked again.
    """
    from thidua_xlsx.check.selection import Kept, select
    from thidua_xlsx.decide.consolidate import consolidate
    from thidua_xlsx.parallel import read_inbox
    from thidua_xlsx.read.containment import scan_inbox
    from thidua_xlsx.read.department import ReadContext

    # Each file read and validated (on every core for a large inbox), then kept slim: see parallel.py;
    # of the validated entries, only those of each department's newest version: see selection.Kept.
    kept = Kept()
    items = scan_inbox(inbox) if entries is None else entries
    for read in read_inbox(items, ReadContext(folder.campaign, folder.registry), on_file):
        kept.add(read.file, read.clean, read.error)
    if round_ is None and not kept.clean:  # nothing to tell the round by: the last round issued
        round_ = _last_round_issued(folder.registry)
    selection = select(kept.files, folder.campaign, round_, period)
    summary = consolidate(folder.campaign, selection, [kept.clean[f.name] for f in selection.winners])
    # so-da-phat/'s own problems, named with what to do; its records read only when a workbook was turned
    # away for want of one (a province's 10,000 records are not read at every merge)
    turned_away = any(f.reason in ("file.not_issued", "file.locked_record_missing") for f in summary.files)
    damaged = folder.registry.problems(read=turned_away)
    return replace(summary, issues=(*summary.issues, *damaged)) if damaged else summary


def apply_council_file(summary, path: Path, year_again=None):
    """The final summary from the council's summary ``path``: (Summary, problems) — None when the file
    is not this campaign's scoring summary (the problems say why). Stopped when it is the summary of another
    period, or of a period where the year's is asked, or the reverse: a head's score counts for its own period
    only. ``year_again`` (the year's summary): see :func:`~thidua_xlsx.decide.council.apply_council`."""
    from thidua_xlsx.decide.council import apply_council
    from thidua_xlsx.read.council import read_council

    problems = Problems()
    council = read_council(path, summary.campaign, problems)
    if council is None:
        return None, problems
    if council.meta.period != summary.period:
        raise Stopped(Problems(), _other_summary(summary, council.meta.period, path))
    return apply_council(summary, council, summary.campaign, year_again), problems


def _other_summary(summary, period: str, path: Path) -> str:
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


# --- merge and status: one call each -------------------------------------------------------------

@dataclass(frozen=True)
class MergeRequest:
    """``merge``'s options: the inbox, and the outputs asked for (None: not asked)."""

    inbox: Path
    output: Path | None = None  # the summary workbook (default: tong-hop_<round>.xlsx in the campaign folder)
    json_path: Path | None = None
    force: bool = False  # replace our own outputs
    pdf: bool = False
    strict: bool = False  # errors in the workbooks make the run fail
    council_path: Path | None = None  # the summary the council met with
    public_path: Path | None = None
    public_days: int = 5
    feedback_dir: Path | None = None
    docs_dir: Path | None = None
    campaign_path: Path | None = None
    round: str | None = None
    period: str | None = None  # by code; None: that of most workbooks
    history_path: Path | None = None  # lich-su.xlsx or a folder of earlier final summaries (the multi-year titles)
    import_dir: Path | None = None  # the level above: where the province's import files go
    mapping: str | None = None  # the level above: the installation's mapping (a name of nhap-tinh/, or a file)
    drafts_dir: Path | None = None  # --thu: the e-mail drafts of what was written (thidua_xlsx.mail.drafts)


def open_campaign_book(book: Path, voice: Voice) -> CampaignFolder:
    """The campaign folder of ``book`` (campaign.xlsx or .ods); its warnings said; Stopped when invalid."""
    from thidua_xlsx.workspace import open_campaign

    folder, problems = open_campaign(book)
    if folder is None:
        invalid = problems.errors and book.is_file()
        raise Stopped(problems, ct.CAMPAIGN_INVALID.format(count=len(problems.errors), file=book) if invalid else "")
    warn_problems(problems, voice)
    return folder


def locate_campaign(inbox: Path, campaign_path: Path | None, voice: Voice) -> CampaignFolder:
    """``--campaign``, else the campaign folder holding the inbox, else one beside it."""
    from thidua_xlsx.workspace import campaign_file, find_campaign

    if campaign_path is not None:
        return open_campaign_book(campaign_file(campaign_path), voice)
    problems = Problems()
    book = find_campaign(inbox, problems)
    if book is None:
        raise Stopped(problems)
    voice.warn(ct.CAMPAIGN_USED.format(path=book))
    return open_campaign_book(book, voice)


def read_and_report(inbox: Path, folder: CampaignFolder, round_: str | None, strict: bool, voice: Voice,
                    period: str | None = None):
    """The inbox read and decided, and its :class:`Report` said: (Summary, Report). The problems of the
    campaign's record of issued workbooks are said too; Stopped when that record is lost and the inbox
    holds workbooks of the campaign (the secretary restores the folder; no department refills); Refused when
    ``period`` is not one of the campaign's. The period merged is said."""
    from thidua_xlsx.model.report import report_of
    from thidua_xlsx.read.containment import scan_inbox

    problems = Problems()
    chosen_period(folder.campaign, period, problems, required=False)
    _refuse_period(problems)
    entries = scan_inbox(inbox)  # walked once: counted for the progress bar, then read
    with voice.reading(len(entries)) as on_file:
        summary = merge_inbox(inbox, folder, round_, on_file, period, entries)
    if summary.period:
        voice.say((ct.PERIOD_ASKED if period else ct.PERIOD_FOUND).format(period=summary.period_label,
                                                                          code=summary.period))
    warn_problems([i for i in summary.issues if i.code.startswith("registry.")], voice)
    _check_registry(folder, summary)
    return summary, report_of(summary, strict)


def _check_registry(folder: CampaignFolder, summary) -> None:
    """Stopped when workbooks of this campaign came back but no record of what was issued can be read."""
    not_issued = [f.name for f in summary.files if f.reason == "file.not_issued"]
    registry = folder.registry
    if not not_issued or next(registry.all(), None) is not None:
        return
    state = ct.REGISTRY_STATES["empty" if registry.folder.is_dir() else "missing"]
    raise Stopped(Problems(), ct.REGISTRY_MISSING.format(
        folder=registry.folder, state=state, count=len(not_issued), names=", ".join(not_issued[:5])
        + (", …" if len(not_issued) > 5 else ""), campaign=folder.folder))


def merge(request: MergeRequest, voice: Voice = Voice()):
    """``merge``: read, check, decide (and apply the council's word), then write every output asked for.
    Every output is checked, and held (a lock), before any work; see the module. Returns the run's
    :class:`Report` (its exit code is the command's). An inbox of a level above's campaign (``cap-tren.xlsx``)
    holds the schools' summaries: :func:`thidua_xlsx.level_above.merge_level_above`."""
    from thidua_xlsx.workspace import level_above_book

    book = level_above_book(request.inbox, request.campaign_path)
    if book is not None:
        from thidua_xlsx.level_above import merge_level_above

        return merge_level_above(request, book, voice)
    return _merged(request, voice, _read_inbox)


def year(request: MergeRequest, voice: Voice = Voice()):
    """``year``: the year's summary from the periods' summaries in ``request.inbox`` (a folder, read only, as
    an inbox is), every person's year rated and the titles decided; then written as ``merge`` writes.
    Stopped when the campaign has no periods."""
    return _merged(request, voice, _read_year)


def _merged(request: MergeRequest, voice: Voice, read):
    r = request
    outputs = out.merge_outputs(r, r.output)
    out.check_outputs(outputs, r.inbox, out.campaign_inputs(None, r.council_path, r.history_path))
    out.prepare(outputs, r.force)
    with out.holding([lock.lock_path(o.path) for o in outputs], "year" if read is _read_year else "merge", voice):
        folder = locate_campaign(r.inbox, r.campaign_path, voice)
        out.check_outputs(outputs, r.inbox, out.campaign_inputs(folder, r.council_path, r.history_path))
        with out.holding(out.campaign_lock(folder, r.inbox), "year" if read is _read_year else "merge", voice):
            written = out.record_of(folder, r.inbox)
            try:
                report = _merge(r, folder, written, voice, read)
            except BaseException:
                with contextlib.suppress(OSError):  # the fault said is the first one (a full disk, say)
                    written.save()
                raise
            written.save()
            return report


@dataclass(frozen=True)
class _Read:
    """What a merge read and decided: the summary, its report, and (the year's) how to decide the year again with
    the year's scores the council gives (:func:`~thidua_xlsx.decide.council.apply_council`)."""

    summary: object
    report: object
    year_again: object = None


def _read_inbox(r: MergeRequest, folder: CampaignFolder, voice: Voice) -> _Read:
    return _Read(*read_and_report(r.inbox, folder, r.round, r.strict, voice, r.period))


def _read_year(r: MergeRequest, folder: CampaignFolder, voice: Voice) -> _Read:
    """The periods' summaries of the folder ``r.inbox`` read, the summary of each period chosen, the year
    decided. The periods used and missing are said; Stopped when the folder holds no file at all (what to put
    there is said)."""
    from thidua_xlsx.decide.council import with_year_scores
    from thidua_xlsx.decide.year import SAID_ON_SCREEN, select_periods, year_summary
    from thidua_xlsx.model.report import report_of
    from thidua_xlsx.read.containment import scan_inbox
    from thidua_xlsx.read.period_summaries import read_period_summaries

    campaign = folder.campaign
    if not campaign.periods:
        raise Stopped(Problems(), ct.YEAR_NO_PERIODS.format(campaign=folder.book or folder.folder))
    if r.council_path is not None:  # the council's summary checked before any work: a period's is refused at once
        _the_year_s_council(r.council_path, campaign)
    items = scan_inbox(r.inbox)
    if not items:
        raise Stopped(Problems(), ct.YEAR_EMPTY.format(folder=r.inbox, periods=_period_names(campaign)))
    with voice.reading(len(items)) as on_file:
        files, read = read_period_summaries(items, campaign, on_file)
    files, periods = select_periods(files, read)

    def year_of(chosen):
        return year_summary(campaign, files, chosen, campaign.unit_rating or None, today=vietnam_today(),
                            book=folder.book_name)

    summary = year_of(periods)
    labels = [p.label for p in campaign.periods if p.code in periods]
    voice.say(ct.YEAR_PERIODS.format(used=len(labels), total=len(campaign.periods),
                                     periods=", ".join(labels) or "—"))
    warn_problems([i for i in summary.issues if i.code in SAID_ON_SCREEN], voice)
    return _Read(summary, report_of(summary, r.strict), lambda scores: year_of(with_year_scores(periods, scores)))


def _the_year_s_council(path: Path, campaign: cm.Campaign) -> None:
    """Stopped before the year is read when the council's summary ``path`` is not the year's: not this campaign's
    scoring summary (its reason said), or a period's (what to do with it said)."""
    from thidua_xlsx.read.council import council_period

    problems = Problems()
    period = council_period(path, campaign, problems)
    if period is None:
        raise Stopped(problems)
    if period:
        labels = {p.code: p.label for p in campaign.periods}
        raise Stopped(Problems(), ct.COUNCIL_PERIOD_FOR_YEAR.format(file=path.name, code=period,
                                                                    period=labels.get(period, period)))


def _period_names(campaign: cm.Campaign) -> str:
    """The campaign's periods as the messages list them: "thang-9 (Tháng 9/2025), …"."""
    return ", ".join(f"{p.code} ({p.label})" for p in campaign.periods)


def _merge(r: MergeRequest, folder: CampaignFolder, written: Written, voice: Voice, read):
    """The merge itself, its outputs checked and held; ``written``: the record of the tool's own files;
    ``read``: what gives the (Summary, Report) — an inbox's workbooks, or the periods' summaries. What the
    campaign's rule set tells (a province's floor raised, a text ended by the filing date) is said and listed."""
    from thidua_xlsx.check.campaign import SUMMARY_ONLY, rule_set_warnings
    from thidua_xlsx.model.report import report_of
    from thidua_xlsx.write.console import console_lines, council_lines
    from thidua_xlsx.write.report_json import write_report_json
    from thidua_xlsx.write.summary import write_summary

    found = read(r, folder, voice)
    summary, report = found.summary, found.report
    if folder.notices:  # said when the campaign was opened; listed with the run's problems (JSON, Kiểm tra) too
        summary = replace(summary, issues=(*folder.notices, *summary.issues))
        report = report_of(summary, r.strict)
    rules_said = rule_set_warnings(summary.campaign, file=folder.book_name)  # where the decisions are made
    if rules_said:
        warn_problems([i for i in rules_said if i.code not in SUMMARY_ONLY], voice)
        summary = replace(summary, issues=(*summary.issues, *rules_said))
        report = report_of(summary, r.strict)
    if r.council_path is not None and summary.accepted_files:
        summary, problems = apply_council_file(summary, r.council_path, found.year_again)
        if summary is None:
            raise Stopped(problems)
        report = report_of(summary, r.strict)
    if r.history_path is not None and summary.accepted_files:
        summary = _with_history(summary, r.history_path, voice)
        report = report_of(summary, r.strict)
    default_name = ct.DEFAULT_YEAR_SUMMARY if summary.year else \
        ct.DEFAULT_SUMMARY.format(round=summary.period or summary.round)
    output = r.output or folder.folder / default_name  # in the campaign folder, wherever the command was typed
    default = [] if r.output else [o for o in out.merge_outputs(r, output) if o.option.startswith("output")]
    out.check_outputs(out.merge_outputs(r, output), r.inbox,
                      out.campaign_inputs(folder, r.council_path, r.history_path))
    out.prepare(default, r.force)
    voice.decided(summary)
    with out.holding([lock.lock_path(o.path) for o in default], "year" if read is _read_year else "merge", voice):
        for line in console_lines(summary, report, verbose=False) + \
                (council_lines(summary) if summary.tally is not None else []):  # a council's pass: what it changed
            voice.say(line)
        if not report.valid:
            voice.warn(_nothing_usable(r.inbox, summary))
            return report
        told = deliver.Kept(written, voice)
        output = written.name_for(output, (".pdf",) if r.pdf else ())
        write_summary(summary, output, report)
        written.note(output)
        voice.say(ct.SUMMARY_DONE.format(path=output))
        if summary.round == ly.SCORING and not summary.period:  # what the school sends up: its fingerprint, its seal
            voice.say((ct.SUMMARY_SEALED if summary.campaign.school.authority_code else ct.SUMMARY_UNSEALED).format(
                fingerprint=hashlib.sha256(output.read_bytes()).hexdigest()[:12]))
        if r.json_path is not None:
            json_path = written.name_for(r.json_path)
            write_report_json(summary, json_path, report)
            written.note(json_path)
            voice.say(ct.JSON_DONE.format(path=json_path))
        if r.pdf:
            deliver.export_pdf(output, written, voice)
        told()
        if r.public_path is not None:
            deliver.write_public(summary, r.public_path, r.public_days, r.pdf, written, voice, vietnam_today())
            told()
        if r.feedback_dir is not None:
            deliver.write_feedback(summary, r.feedback_dir, written, voice)
            told()
        if r.docs_dir is not None:
            deliver.write_documents(summary, r.docs_dir, written, voice)
            told()
        if r.import_dir is not None:  # a school's merge: its lists go to the commune, not to the province's system
            voice.warn(ct.IMPORT_ONLY_LEVEL_ABOVE)
        if r.drafts_dir is not None:  # --thu: the feedback copies' drafts, the managing authority's
            from thidua_xlsx.mail.drafts import merge_drafts

            merge_drafts(summary, output, r.feedback_dir, r.docs_dir, r.drafts_dir, written, voice)
            told()
    return report


def _with_history(summary, path: Path, voice: Voice):
    """The multi-year decisions of ``summary`` from the history at ``path``: lich-su.xlsx, or a folder of earlier
    final summaries (read only). What reading it found is said and listed with the summary's problems; a history
    that cannot be read leaves the titles above CSTĐCS to the council, as without one."""
    from thidua_xlsx.decide.history import with_history
    from thidua_xlsx.read.history import read_history_book, read_summary_folder

    school = summary.campaign.school
    if path.is_dir():
        history, problems = read_summary_folder(path, school.name, school.school_year)
    else:
        _book, history, problems = read_history_book(path)
    warn_problems([p for p in problems if p.severity != ERROR], voice)  # the errors: with the report's, once
    summary = with_history(summary, history)
    voice.say(ct.HISTORY_USED.format(path=path, years=", ".join(history.years) or "—",
                                     proposed=sum(d.granted for ds in summary.history.people.values() for d in ds)))
    return replace(summary, issues=(*summary.issues, *problems))


def status(inbox: Path, campaign_path: Path | None, round_: str | None, strict: bool, nudge: bool,
           voice: Voice = Voice(), period: str | None = None, drafts_dir: Path | None = None):
    """``status``: the report with every problem, each department against the deadline (a period's own), and
    (``nudge``) a reminder per department head. Writes nothing, but with ``drafts_dir`` (--thu) the reminders as
    e-mail drafts. Returns the :class:`Report`."""
    from thidua_xlsx.decide.followup import follow_up
    from thidua_xlsx.workspace import level_above_book
    from thidua_xlsx.write.console import console_lines, followup_lines, reminder_lines

    book = level_above_book(inbox, campaign_path)
    if book is not None:  # the commune's (or the Sở's): which schools have sent, against its deadline
        from thidua_xlsx.level_above import status_level_above

        if round_ is not None or period is not None or nudge:
            raise out.Refused(ct.LEVEL_ABOVE_SCHOOL_OPTIONS.format(options=", ".join(
                o for o, given in (("--round", round_), ("--period", period), ("--nhac", nudge or None))
                if given is not None)))
        return status_level_above(inbox, book, strict, voice)
    folder = locate_campaign(inbox, campaign_path, voice)
    summary, report = read_and_report(inbox, folder, round_, strict, voice, period)
    for line in console_lines(summary, report, verbose=True):
        voice.say(line)
    followups = follow_up(summary, vietnam_today())
    for line in followup_lines(summary, followups) + ([""] + reminder_lines(summary, followups) if nudge else []):
        voice.say(line)
    if nudge and drafts_dir is not None:  # --thu: each reminder as an e-mail draft (the only thing status writes)
        from thidua_xlsx.mail.drafts import status_drafts

        with out.holding(out.campaign_lock(folder, inbox), "status", voice):
            written = out.record_of(folder, inbox)
            status_drafts(summary, followups, drafts_dir, written, voice)
            written.save()
    if not report.valid:
        voice.warn(_nothing_usable(inbox, summary))
    return report


def _nothing_usable(inbox: Path, summary) -> str:
    if not summary.files:
        return ct.EMPTY_INBOX.format(inbox=inbox)
    return (ct.NO_PERIOD_SUMMARY if summary.year else ct.NOTHING_USABLE).format(inbox=inbox)


# --- one run at a time -----------------------------------------------------------------------------

def _campaign_locks(folder: CampaignFolder, outbox: Path) -> list[Path]:
    """``generate``'s locks: its outbox's and its campaign's."""
    return [lock.lock_path(outbox), *out.campaign_lock(folder)]


# --- the history (issue 27): lich-su.xlsx kept from each year's final summary ------------------------------------

def update_history(book: Path | None, summaries: list[Path], today: dt.date | None = None):
    """``history``: the history book ``book`` made when missing, then each final summary of ``summaries`` added
    as its year (a year the tool added before from the same campaign is replaced; a year typed by hand, another
    school's summary or one that is no final summary is refused, said in the problems). The book is written
    once, whole, its previous version kept beside it; not at all when it is open in Excel or LibreOffice, when
    it cannot be read, or when a column the update needs is missing. Returns a
    :class:`~thidua_xlsx.model.history_book.HistoryUpdate`."""
    from thidua_xlsx.model.history_book import HistoryBook, HistoryUpdate, YearAdded, refusal
    from thidua_xlsx.read.history import read_final_summary, read_history_book
    from thidua_xlsx.system.files import open_elsewhere
    from thidua_xlsx.text import history as hx
    from thidua_xlsx.write.history import new_book, save_history_book, with_year

    book = Path(book) if book else (summaries[0].parent if summaries else Path()) / hx.BOOK_NAME  # beside the year's
    if book.suffix.lower() != ".xlsx":
        raise out.Refused(hx.BOOK_NOT_XLSX.format(path=book))
    problems, created = Problems(), not book.exists()
    with out.holding([lock.lock_path(book)], "history", problems):
        if not created and open_elsewhere(book):
            problems.add("history.book_open", file=book.name)
            return HistoryUpdate(book, False, (), problems, given=len(summaries))
        kept: HistoryBook | None
        if created:
            out.prepare([out.Output("book", book)], force=False)
            kept = new_book()
        else:
            check_writable(book)
            kept, _history, found = read_history_book(book)
            problems.extend(found)
            if kept is None or any(p.code == "history.column_missing" for p in found):
                return HistoryUpdate(book, False, (), problems, given=len(summaries))
        added = []
        for path in summaries:
            year, refused = read_final_summary(path)
            problems.extend(refused)
            why = refusal(kept, year) if year is not None else None
            if why is not None:
                problems.add(why[0], file=book.name, **why[1])
            if year is None or why is not None:
                continue
            people = year.history.people
            added.append(YearAdded(year.year, year.file, kept.meta.source_of(year.year) is not None, len(people),
                                   sum(len(p.titles) for p in people), len(year.history.initiatives),
                                   len(year.history.departments)))
            kept = with_year(kept, year)
        if not added and not created:  # nothing to add: the secretary's file is left as she saved it
            return HistoryUpdate(book, False, (), problems, years=kept.years, given=len(summaries))
        written, backup = save_history_book(kept, book, today or vietnam_today())
        return HistoryUpdate(book, created, tuple(added), problems, written, backup, kept.years, len(summaries))
