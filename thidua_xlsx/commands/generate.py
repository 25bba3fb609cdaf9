"""``generate``: one locked workbook per department, each recorded as issued (``so-da-phat/``)."""

from __future__ import annotations

import datetime as dt
import functools
import secrets
from dataclasses import dataclass
from pathlib import Path

from thidua_xlsx import outputs as out
from thidua_xlsx.commands.opening import chosen_period, refuse_period
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model import result as rs
from thidua_xlsx.model.issued import IssuedWorkbook, Newcomer, department_spec, fingerprint
from thidua_xlsx.model.issues import WARNING, Problems
from thidua_xlsx.model.places import Places, round_key
from thidua_xlsx.model.requests import GenerateRequest
from thidua_xlsx.model.result import Result, WrittenFile
from thidua_xlsx.read.registrations import Checklist, RegistrationSummary
from thidua_xlsx.read.registry import IssuedRegistry
from thidua_xlsx.system import lock
from thidua_xlsx.system.files import as_write_error, check_writable, sha256_of
from thidua_xlsx.system.voice import Voice, warn_problems
from thidua_xlsx.system.written import Written, free_name
from thidua_xlsx.text import commands as ct
from thidua_xlsx.text import decisions as dx
from thidua_xlsx.workspace import CampaignFolder


@dataclass(frozen=True)
class Generated:
    """The books written (in the departments' order), the problems, and (scoring from the registration summary) the
    checklist of who registered; ``files``: each book as written (a book of ours replaced, or a new one beside a
    filled book kept)."""

    paths: tuple[Path, ...]
    problems: Problems
    checklist: Checklist | None = None
    files: tuple[WrittenFile, ...] = ()


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
    refuse_period(problems)
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
            staged = run(_write_staged, departments)
            changed = [s.path for s in staged if s.path.exists() and s.path.read_bytes() != s.stage.read_bytes()]
            issued = {w.sha256 for w in registry.all()} if changed else set()
            filled = [p for p in changed if sha256_of(p) not in issued]  # returned (filled) files saved there
            if changed and not force:
                problems.add("generate.would_overwrite_returned" if filled else "generate.would_overwrite",
                             outbox=str(outbox), files=", ".join(p.name for p in (filled or changed)))
                return Generated((), problems)
            finals = [free_name(s.path, lambda p: not p.exists() or sha256_of(p) in issued) if s.path in filled
                      else s.path for s in staged]
            files = []
            for s, final in zip(staged, finals):
                if final != s.path:
                    problems.add("generate.kept_beside", WARNING, kept=str(s.path), new=final.name)
                files.append(WrittenFile(final, rs.BOOK, final.exists(), s.path if final != s.path else None))
            paths = run(_record_issued, list(enumerate(zip(staged, finals))))
        finally:
            for k in departments:
                job.stage(k).unlink(missing_ok=True)
    return Generated(tuple(paths), problems, checklist(campaign, found) if found else None, tuple(files))


def run(request: GenerateRequest, voice: Voice) -> Result:
    """``generate``: the campaign opened, the books written into the request's outbox (else the round's, model.places),
    what was written said, and (``--thu``) each book as an e-mail draft."""
    from thidua_xlsx.commands.opening import open_campaign_book
    from thidua_xlsx.model.report import command_report
    from thidua_xlsx.workspace import campaign_file
    from thidua_xlsx.write.console import checklist_lines

    r = request
    folder = open_campaign_book(campaign_file(r.campaign_path), voice)
    outbox = r.outbox or Places(folder.folder).outbox(r.round, r.period or "")
    registered = r.from_summary if r.round != ly.SCORING else r.from_summary or _registration_of(folder.folder, voice)
    done = generate_round(folder, r.round, outbox, registered, force=r.force, period=r.period)
    warn_problems(done.problems, voice)
    key = round_key(r.round, r.period or "")
    if done.problems.errors:
        return Result("generate", command_report("generate", done.problems, False), key=key, home=folder.folder)
    for path in done.paths:
        voice.say(f"  {path}")
    voice.say(ct.GENERATE_DONE.format(count=len(done.paths), outbox=outbox))
    if r.round == ly.SCORING and done.checklist is None:
        voice.warn(dx.BOOKS_BEFORE_REGISTRATION if folder.campaign.periods else ct.GENERATE_NO_FROM)
    for line in checklist_lines(done.checklist) if done.checklist else ():
        voice.say(line)
    files = done.files
    if r.drafts_dir is not None:  # each department's book as an e-mail draft, recorded among the tool's outputs
        from thidua_xlsx.write.drafts import book_drafts, say_drafted, write_drafts

        with out.holding(out.campaign_lock(folder), "generate", voice):
            written = Written(folder.folder)
            say_drafted(write_drafts(book_drafts(folder.campaign, r.round, done.paths, r.period), r.drafts_dir,
                                     written), r.drafts_dir, voice)
            written.save()
        files += written.made(lambda _path: rs.DRAFT)
    return Result("generate", command_report("generate", done.problems, True, len(done.paths), len(done.paths)),
                  files, key, folder.folder)


def _registration_of(folder: Path, voice: Voice) -> Path | None:
    """The registration round's summary of campaign folder ``folder`` (the one its last merge wrote, whichever door
    ran it), said; None when the round is not merged yet."""
    from thidua_xlsx.system.runs import summary_of

    found = summary_of(folder, ly.REGISTRATION, ly.REGISTRATION, "")
    if not found:
        return None
    voice.say(dx.REGISTRATION_FOUND.format(file=found))
    return folder / found


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


@dataclass(frozen=True)
class _Staged:
    """A department's workbook written beside its final path, with what its record will say of its content: its
    locked content as the JSON the record keeps (one text: handed between processes at the cost of its bytes, not of
    its thousand cells), that content's fingerprint and the workbook's SHA-256."""

    stage: Path
    path: Path
    layout: ly.WorkbookLayout
    locked_json: str
    fingerprint: str
    sha256: str


def _write_staged(job: _Issue, k: int) -> _Staged:
    """Write department ``k``'s workbook to its staging path, with its locked content as the merge will read it:
    from the cells written when they are what it reads (:mod:`thidua_xlsx.write.department.locked`), else read
    back."""
    from thidua_xlsx.read.department import locked_content
    from thidua_xlsx.read.registry import locked_json
    from thidua_xlsx.write.department import write_issued_workbook

    spec, stage, path = job.spec(k), job.stage(k), job.path(k)
    layout, written = write_issued_workbook(spec, stage, job.period)
    locked = _locked_as_read(written) if written is not None else \
        locked_content(stage, spec.people, layout, job.campaign.rubrics, named=path)
    return _Staged(stage, path, layout, locked_json(locked), fingerprint(locked), sha256_of(stage))


def _record_issued(job: _Issue, task: tuple[int, tuple[_Staged, Path]]) -> Path:
    """Put department ``k``'s staged workbook in place (at ``path``: its own name, or one beside a filled
    workbook kept) and record it as issued."""
    from thidua_xlsx.system.files import install

    k, (staged, path) = task
    spec = job.spec(k)
    install(staged.stage, path)
    rubrics = tuple(spec.rubric_for(role) for role in dict.fromkeys(p.role for p in spec.people)) \
        if job.round == ly.SCORING else ()
    job.registry.record(IssuedWorkbook(staged.layout, spec.people, spec.collective, (), staged.fingerprint, path.name,
                                       (job.issued_on,), staged.sha256, rubrics), staged.locked_json)
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


# --- one run at a time -----------------------------------------------------------------------------

def _campaign_locks(folder: CampaignFolder, outbox: Path) -> list[Path]:
    """``generate``'s locks: its outbox's and its campaign's."""
    return [lock.lock_path(outbox), *out.campaign_lock(folder)]


