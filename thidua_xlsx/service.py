"""Library entry points behind the commands: one call per command, no printing, no exiting."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import uuid
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, replace
from pathlib import Path

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.issued import IssuedWorkbook, department_spec, fingerprint
from thidua_xlsx.model.issues import Problems
from thidua_xlsx.read.presets import load_preset
from thidua_xlsx.read.registrations import Checklist
from thidua_xlsx.text import messages as ct
from thidua_xlsx.workspace import CAMPAIGN_FILE, INBOX, OUTBOX, CampaignFolder


def init_campaign(directory: Path, level: str, campaign_id: str | None = None,
                  campaign: cm.Campaign | None = None) -> cm.Campaign:
    """Write ``directory/campaign.xlsx`` (from the preset of ``level`` with a fresh campaign id, or
    from ``campaign``) and make ``inbox/`` and ``outbox/`` beside it."""
    from thidua_xlsx.write.campaign_book import write_campaign_book

    if campaign is None:
        campaign = cm.in_school_year(replace(load_preset(level), id=campaign_id or uuid.uuid4().hex[:16]), vietnam_today())
    directory.mkdir(parents=True, exist_ok=True)
    for folder in (INBOX, OUTBOX):
        (directory / folder).mkdir(exist_ok=True)
    target = directory / CAMPAIGN_FILE
    tmp = directory / (CAMPAIGN_FILE + ".tmp")
    write_campaign_book(campaign, tmp)
    tmp.replace(target)
    return campaign


@dataclass(frozen=True)
class Generated:
    paths: tuple[Path, ...]
    problems: Problems
    checklist: Checklist | None = None


def generate_round(folder: CampaignFolder, round_: str, outbox: Path, from_summary: Path | None = None,
                   today: dt.date | None = None, force: bool = False) -> Generated:
    """One workbook per department, each recorded in the campaign folder as issued.

    ``from_summary`` (scoring round): the registration summary whose titles the forms show, locked.
    A file already in ``outbox`` is replaced only if it is byte-identical to what would be written,
    or with ``force`` — a filled workbook saved there is never lost by a second ``generate``.
    Leftovers of another school in the campaign (a căn cứ line, an e-mail) are warnings, never a refusal.
    """
    from thidua_xlsx.check.campaign import sample_school_names, stale_school_warnings
    from thidua_xlsx.read.registrations import checklist, read_registration_summary
    from thidua_xlsx.system.pool import shared_pool, workers_for_workbooks

    campaign, problems = folder.campaign, Problems()
    problems.extend(stale_school_warnings(campaign, sample_school_names(), file=folder.book_name))
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
    except OSError as exc:
        problems.add("generate.outbox_unwritable", path=str(outbox), reason=exc.strerror or str(exc))
        return Generated((), problems)
    # Each workbook is written (then recorded) on its own, on every core for a large campaign; every
    # one is staged first: nothing replaces a file until all are written.
    job = _Issue(campaign, round_, outbox, found, registry, issued_on)
    departments = range(len(campaign.departments))
    with shared_pool(job, workers_for_workbooks(len(departments))) as run:
        staged = run(_write_staged, departments)  # (staging path, final path, layout)
        changed = [path for stage, path, _ in staged if path.exists() and path.read_bytes() != stage.read_bytes()]
        if changed and not force:
            for stage, *_ in staged:
                stage.unlink()
            filled = _returned_workbooks(registry, changed)
            problems.add("generate.would_overwrite_returned" if filled else "generate.would_overwrite",
                         outbox=str(outbox), files=", ".join(p.name for p in (filled or changed)))
            return Generated((), problems)
        paths = run(_record_issued, [(k, layout) for k, (_, _, layout) in enumerate(staged)])
    return Generated(tuple(paths), problems, checklist(campaign, found) if found else None)


@dataclass(frozen=True)
class _Issue:
    """What writing one department's workbook needs: the same for every department of a generate."""

    campaign: cm.Campaign
    round: str
    outbox: Path
    found: object  # the registration summary read for --from, or None
    registry: object
    issued_on: str

    def spec(self, k: int):
        """Department ``k``'s slice of the campaign."""
        department, found = self.campaign.departments[k], self.found
        return department_spec(self.campaign, department, self.round,
                               registrations=found.people if found else None,
                               newcomers=self._newcomers.get(department.code, ()),
                               collective=found.collective.get(department.code, "") if found else "")

    @functools.cached_property
    def _newcomers(self) -> dict[str, list]:
        """Department code → its newcomers registered on spare rows, in their order: grouped once, not
        searched for in every department's slice."""
        from thidua_xlsx.model.results import by_department

        return by_department(self.found.newcomers) if self.found else {}

    def path(self, k: int) -> Path:
        return self.outbox / ly.output_name(self.campaign.school.school_year, self.round,
                                            self.campaign.departments[k].name)


def _write_staged(job: _Issue, k: int):
    from thidua_xlsx.write.department import write_department_workbook

    path = job.path(k)
    stage = path.with_name(path.name + ".moi")
    return stage, path, write_department_workbook(job.spec(k), stage)


def _record_issued(job: _Issue, task) -> Path:
    """Put department ``k``'s staged workbook in place and record it as issued, with its locked content
    read back the way the merge will read it."""
    from thidua_xlsx.read.department import locked_content

    k, layout = task
    spec, path = job.spec(k), job.path(k)
    path.with_name(path.name + ".moi").replace(path)
    locked = locked_content(path, spec.people, layout, job.campaign.rubrics)
    rubrics = tuple(spec.rubric_for(role) for role in dict.fromkeys(p.role for p in spec.people)) \
        if job.round == ly.SCORING else ()
    job.registry.record(IssuedWorkbook(layout, spec.people, spec.collective, locked, fingerprint(locked), path.name,
                                       (job.issued_on,), hashlib.sha256(path.read_bytes()).hexdigest(), rubrics))
    return path


def _returned_workbooks(registry, paths: list[Path]) -> list[Path]:
    """Those of ``paths`` that are not a workbook as issued: returned (filled) files saved in an outbox."""
    issued = {w.sha256 for w in registry.all()}
    return [p for p in paths if hashlib.sha256(p.read_bytes()).hexdigest() not in issued]


def _last_round_issued(registry) -> str | None:
    """The scoring round once any scoring workbook went out, else registration if one did (None: neither)."""
    rounds = {w.round for w in registry.all()}
    return next((r for r in (ly.SCORING, ly.REGISTRATION) if r in rounds), None)


def merge_inbox(inbox: Path, folder: CampaignFolder, round_: str | None = None, on_file=None):
    """Read every entry of ``inbox`` (read-only), check, consolidate. Returns a Summary.

    One file, one outcome: whatever happens while reading or checking a file becomes that file's
    status. ``on_file(name)`` is called after each entry (for a progress bar).
    """
    from thidua_xlsx.check.selection import Kept, select
    from thidua_xlsx.decide.consolidate import consolidate
    from thidua_xlsx.parallel import read_inbox
    from thidua_xlsx.read.containment import scan_inbox
    from thidua_xlsx.read.department import ReadContext

    # Each file read and validated (on every core for a large inbox), then kept slim: see parallel.py;
    # of the validated entries, only those of each department's newest version: see selection.Kept.
    kept = Kept()
    for read in read_inbox(scan_inbox(inbox), ReadContext(folder.campaign, folder.registry), on_file):
        kept.add(read.file, read.clean, read.error)
    if round_ is None and not kept.clean:  # nothing to tell the round by: the last round issued
        round_ = _last_round_issued(folder.registry)
    selection = select(kept.files, folder.campaign, round_)
    return consolidate(folder.campaign, selection, [kept.clean[f.name] for f in selection.winners])


def apply_council_file(summary, path: Path):
    """The final summary from the council's summary ``path``: (Summary, problems) — None when the file
    is not this campaign's scoring summary (the problems say why)."""
    from thidua_xlsx.decide.council import apply_council
    from thidua_xlsx.read.council import read_council

    problems = Problems()
    council = read_council(path, summary.campaign, problems)
    if council is None:
        return None, problems
    return apply_council(summary, council, summary.campaign), problems


# --- merge and status: one call each -------------------------------------------------------------

class Refused(Exception):
    """A request refused before any work is lost (an output that would overwrite, a folder inside the
    inbox, a folder that cannot be made): the command's usage error, exit 2. The text says what to do."""


class Stopped(Exception):
    """The run cannot go on (no campaign found, a campaign with errors, a council file of another
    campaign): ``problems`` and ``message`` say why; exit 1."""

    def __init__(self, problems: Problems, message: str = ""):
        super().__init__(message)
        self.problems, self.message = problems, message


@dataclass
class Voice:
    """How a command speaks while it works: ``say`` (the report, what was written), ``warn`` (what
    needs attention) and ``reading(total)``, a context giving the callback called after each inbox
    entry (a progress bar). The CLI prints; a library caller may collect or stay silent."""

    say: Callable[[str], None] = lambda _text: None
    warn: Callable[[str], None] = lambda _text: None
    reading: Callable[[int], AbstractContextManager[Callable[[str], None]]] = \
        lambda _total: nullcontext(lambda _name: None)


@dataclass(frozen=True)
class MergeRequest:
    """``merge``'s options: the inbox, and the outputs asked for (None: not asked)."""

    inbox: Path
    output: Path | None = None  # the summary workbook (default: tong-hop_<round>.xlsx here)
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


def open_campaign_book(book: Path, voice: Voice) -> CampaignFolder:
    """The campaign folder of ``book`` (campaign.xlsx or .ods); its warnings said; Stopped when invalid."""
    from thidua_xlsx.workspace import open_campaign

    folder, problems = open_campaign(book)
    if folder is None:
        invalid = problems.errors and book.is_file()
        raise Stopped(problems, ct.CAMPAIGN_INVALID.format(count=len(problems.errors), file=book) if invalid else "")
    _warn_problems(problems, voice)
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


def _warn_problems(problems, voice: Voice) -> None:
    for problem in problems:
        voice.warn(f"{problem.severity_label}: {problem.render()}")


def read_and_report(inbox: Path, campaign_path: Path | None, round_: str | None, strict: bool, voice: Voice):
    """The inbox read and decided, and its :class:`Report` said: (Summary, Report)."""
    from thidua_xlsx.model.report import report_of
    from thidua_xlsx.read.containment import scan_inbox

    folder = locate_campaign(inbox, campaign_path, voice)
    with voice.reading(len(scan_inbox(inbox))) as on_file:
        summary = merge_inbox(inbox, folder, round_, on_file)
    return summary, report_of(summary, strict)


def merge(request: MergeRequest, voice: Voice = Voice()):
    """``merge``: read, check, decide (and apply the council's word), then write every output asked for.
    Returns the run's :class:`Report` (its exit code is the command's)."""
    from thidua_xlsx.model.report import report_of
    from thidua_xlsx.write.console import console_lines
    from thidua_xlsx.write.report_json import write_report_json
    from thidua_xlsx.write.summary import write_summary

    r = request
    for target in (r.output, r.json_path, r.public_path):
        _prepare_output(target, r.force)
    if r.feedback_dir is not None and r.feedback_dir.resolve().is_relative_to(r.inbox.resolve()):
        raise Refused(ct.FEEDBACK_IN_INBOX.format(path=r.feedback_dir))
    if r.docs_dir is not None:
        _prepare_docs(r.docs_dir, r.inbox, r.force)
    summary, report = read_and_report(r.inbox, r.campaign_path, r.round, r.strict, voice)
    if r.council_path is not None and summary.accepted_files:
        if r.output is not None and r.output.resolve() == r.council_path.resolve():
            raise Refused(ct.COUNCIL_SAME_FILE.format(path=r.council_path))
        summary, problems = apply_council_file(summary, r.council_path)
        if summary is None:
            raise Stopped(problems)
        report = report_of(summary, r.strict)
    output = r.output
    if output is None:
        output = Path(ct.DEFAULT_SUMMARY.format(round=summary.round))
        _prepare_output(output, r.force)
    for line in console_lines(summary, report, verbose=False):
        voice.say(line)
    if not report.valid:
        voice.warn(_nothing_usable(r.inbox, summary))
        return report
    write_summary(summary, output, report)
    voice.say(ct.SUMMARY_DONE.format(path=output))
    if r.json_path is not None:
        write_report_json(summary, r.json_path, report)
        voice.say(ct.JSON_DONE.format(path=r.json_path))
    if r.pdf:
        _export_pdf(output, voice)
    if r.public_path is not None:
        _write_public_list(summary, r.public_path, r.public_days, r.pdf, voice)
    if r.feedback_dir is not None:
        _write_feedback(summary, r.feedback_dir, r.force, voice)
    if r.docs_dir is not None:
        _write_documents(summary, r.docs_dir, voice)
    return report


def status(inbox: Path, campaign_path: Path | None, round_: str | None, strict: bool, nudge: bool,
           voice: Voice = Voice()):
    """``status``: the report with every problem, each department against the deadline, and (``nudge``)
    a reminder per department head. Writes nothing. Returns the :class:`Report`."""
    from thidua_xlsx.decide.followup import follow_up
    from thidua_xlsx.write.console import console_lines, followup_lines, reminder_lines

    summary, report = read_and_report(inbox, campaign_path, round_, strict, voice)
    for line in console_lines(summary, report, verbose=True):
        voice.say(line)
    followups = follow_up(summary, vietnam_today())
    for line in followup_lines(summary, followups) + ([""] + reminder_lines(summary, followups) if nudge else []):
        voice.say(line)
    if not report.valid:
        voice.warn(_nothing_usable(inbox, summary))
    return report


def vietnam_today() -> dt.date:
    return (dt.datetime.now(dt.timezone.utc) + ly.VIETNAM_UTC_OFFSET).date()


def _prepare_output(target: Path | None, force: bool) -> None:
    """Refuse an existing file without --force, and create the folder, before any work is done."""
    if target is None:
        return
    if target.is_dir():
        raise Refused(ct.OUTPUT_IS_FOLDER.format(path=target))
    if target.exists() and not force:
        raise Refused(ct.EXISTS.format(path=target))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise Refused(ct.OUTPUT_FOLDER.format(path=target.parent, reason=exc.strerror or exc)) from None


def _prepare_docs(folder: Path, inbox: Path, force: bool) -> None:
    """Refuse, before any work, a folder in the inbox, or one holding papers (a Báo cáo thành tích someone
    has written has the name the tool would write) without --force."""
    if folder.resolve().is_relative_to(inbox.resolve()):
        raise Refused(ct.DOCS_IN_INBOX.format(path=folder))
    if not force and folder.is_dir() and any(p.suffix.lower() in (".docx", ".pdf") for p in folder.rglob("*")):
        raise Refused(ct.DOCS_EXIST.format(path=folder))


def _nothing_usable(inbox: Path, summary) -> str:
    return ct.EMPTY_INBOX.format(inbox=inbox) if not summary.files else ct.NOTHING_USABLE.format(inbox=inbox)


def _export_pdf(path: Path, voice: Voice) -> None:
    from thidua_xlsx.system.office import OfficeError, convert, find_soffice

    if find_soffice() is None:
        voice.warn(ct.PDF_NO_OFFICE)
        return
    try:
        pdf = convert(path, "pdf", path.parent)
    except OfficeError as exc:
        voice.warn(ct.PDF_FAILED.format(reason=exc))
        return
    voice.say(ct.PDF_DONE.format(path=pdf))


def _write_public_list(summary, path: Path, days: int, pdf: bool, voice: Voice) -> None:
    from thidua_xlsx.write.summary import write_public_list

    if summary.round != ly.SCORING:
        voice.warn(ct.PUBLIC_ONLY_SCORING)
        return
    today = vietnam_today()
    write_public_list(summary, path, today, days)
    voice.say(ct.PUBLIC_DONE.format(path=path, until=(today + dt.timedelta(days=days)).strftime("%d/%m/%Y")))
    if pdf:
        _export_pdf(path, voice)


def _write_feedback(summary, folder: Path, force: bool, voice: Voice) -> None:
    from thidua_xlsx.write.feedback import write_feedback

    try:
        result = write_feedback(summary, folder, summary.campaign.settings.sheet_password, force)
    except OSError as exc:
        raise Refused(ct.OUTPUT_FOLDER.format(path=folder, reason=exc.strerror or exc)) from None
    if result.written:
        voice.say(ct.FEEDBACK_DONE.format(count=len(result.written), folder=folder,
                                          names=", ".join(p.name for p in result.written)))
    elif not result.not_converted and not result.kept:
        voice.say(ct.FEEDBACK_NONE)
    if result.not_converted:
        voice.warn(ct.FEEDBACK_NOT_CONVERTED.format(names=", ".join(result.not_converted)))
    for path in result.kept:
        voice.warn(ct.FEEDBACK_KEPT.format(path=path))


def _write_documents(summary, folder: Path, voice: Voice) -> None:
    from thidua_xlsx.papers.dossiers import write_documents

    if summary.round != ly.SCORING:
        voice.warn(ct.DOCS_ONLY_SCORING)
        return
    try:
        papers = write_documents(summary, folder)
    except OSError as exc:
        raise Refused(ct.OUTPUT_FOLDER.format(path=folder, reason=exc.strerror or exc)) from None
    docx = [d for d in papers.documents if d.path.suffix == ".docx"]
    voice.say(ct.DOCS_DONE.format(folder=folder, docx=len(docx), pdf=sum(d.pdf is not None for d in docx)))
    voice.say(ct.DOCS_SHARED.format(names=", ".join(d.path.name for d in papers.shared)))
    for dossier in papers.dossiers:
        shared = sum(d in papers.shared for d in dossier.documents)
        voice.say(ct.DOCS_DOSSIER.format(title=dossier.title, folder=dossier.folder.name,
                                         own=len(dossier.documents) - shared, shared=shared,
                                         attach=len(dossier.attachments), checklist=dossier.checklist.name))
    if papers.pdf_problem:
        voice.warn(papers.pdf_problem)
    for warning in papers.warnings:
        voice.warn(warning)
