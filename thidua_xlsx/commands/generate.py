"""``generate``: one locked workbook per department, each recorded as issued (``so-da-phat/``)."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import gc
import hashlib
import secrets
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from json.encoder import encode_basestring
from pathlib import Path
from typing import TYPE_CHECKING

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model import result as rs
from thidua_xlsx.model.issued import IssuedWorkbook, Newcomer, WorkbookSpec, department_spec, fingerprint
from thidua_xlsx.model.issues import NOTE, WARNING, Problems
from thidua_xlsx.model.kept import per_object
from thidua_xlsx.model.places import Places, round_key
from thidua_xlsx.model.report import command_report
from thidua_xlsx.model.requests import GenerateRequest
from thidua_xlsx.model.result import Result, WrittenFile
from thidua_xlsx.model.results import by_department
from thidua_xlsx.read.registrations import Checklist, RegistrationSummary, checklist, read_registration_summary
from thidua_xlsx.read.registry import IssuedRegistry, locked_json
from thidua_xlsx.steps import outputs as out
from thidua_xlsx.steps.opening import chosen_period, open_campaign_book, refuse_period
from thidua_xlsx.steps.workspace import CampaignFolder, campaign_file
from thidua_xlsx.system import lock, pool
from thidua_xlsx.system.files import as_write_error, check_writable, install, sha256_of
from thidua_xlsx.system.pool import shared_pool
from thidua_xlsx.system.runs import summary_of
from thidua_xlsx.system.voice import Voice, vietnam_today, warn_problems
from thidua_xlsx.system.written import Written, free_name
from thidua_xlsx.text import commands as ct
from thidua_xlsx.text import decisions as dx
from thidua_xlsx.write.console import checklist_lines

if TYPE_CHECKING:
    from thidua_xlsx.write.department.locked import Cell, LockedCells, PlacedCells


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
    from thidua_xlsx.check.campaign import (  # deferred: check.campaign at start-up
        sample_school_names,
        stale_school_warnings,
    )
    from thidua_xlsx.read.campaign_cells import campaign_cells  # deferred: python-calamine at start-up

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
    issued_on = (today or vietnam_today()).isoformat()
    if not _outbox_ready(outbox, problems):
        return Generated((), problems)
    # Each workbook is written (then recorded) on its own, on every core for a large campaign; every
    # one is staged first: nothing replaces a file until all are written, and on any failure no staged
    # file is left.
    job = _Issue(campaign, round_, outbox, found, registry, issued_on, secrets.token_hex(4), chosen)
    departments = range(len(campaign.departments))

    def said(failed: BaseException, _left: int) -> None:
        problems.add("generate.workers_failed", NOTE, error=type(failed).__name__)

    with out.holding(_campaign_locks(folder, outbox), "generate", problems), \
            shared_pool(job, pool.workers_for_workbooks(len(departments)), said) as run:
        try:
            staged = run(_write_staged, departments)
            destined = _destinations(staged, registry, outbox, force, problems)
            if destined is None:
                return Generated((), problems)
            finals, files = destined
            paths = run(_record_issued, list(enumerate(zip(staged, finals))))
        finally:
            for k in departments:
                job.stage(k).unlink(missing_ok=True)
    return Generated(tuple(paths), problems, checklist(campaign, found) if found else None, tuple(files))


def _outbox_ready(outbox: Path, problems: Problems) -> bool:
    """The outbox made if it is not there, and writable; False (said) when a file stands in its way; the machine's
    refusal raised as a write error."""
    try:
        outbox.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError) as exc:  # a file in the way: the folder asked for is wrong
        problems.add("generate.outbox_unwritable", path=str(outbox), reason=exc.strerror or str(exc))
        return False
    except OSError as exc:  # the machine's refusal (no permission, a path too long…), said in words
        raise as_write_error(exc, outbox) from None
    check_writable(outbox)
    return True


OVERWRITE_REFUSED = ("generate.would_overwrite", "generate.would_overwrite_returned")  # exit 2: refused, nothing lost


def _destinations(staged: list[_Staged], registry: IssuedRegistry, outbox: Path, force: bool,
                  problems: Problems) -> tuple[list[Path], list[WrittenFile]] | None:
    """Where each staged book goes, and the files so written: over a different file there only with ``force`` (else
    None, said), a filled book saved there kept and the new one written beside it (a warning)."""
    changed = [s.path for s in staged if s.path.exists() and s.path.read_bytes() != s.stage.read_bytes()]
    issued = {w.sha256 for w in registry.all()} if changed else set()
    filled = [p for p in changed if sha256_of(p) not in issued]  # returned (filled) files saved there
    if changed and not force:
        problems.add("generate.would_overwrite_returned" if filled else "generate.would_overwrite",
                     outbox=str(outbox), files=", ".join(p.name for p in (filled or changed)))
        return None
    finals = [free_name(s.path, lambda p: not p.exists() or sha256_of(p) in issued) if s.path in filled
              else s.path for s in staged]
    files = []
    for s, final in zip(staged, finals):
        if final != s.path:
            problems.add("generate.kept_beside", WARNING, kept=str(s.path), new=final.name)
        files.append(WrittenFile(final, rs.BOOK, final.exists(), s.path if final != s.path else None))
    return finals, files


def run(request: GenerateRequest, voice: Voice) -> Result:
    """``generate``: the campaign opened, the books written into the request's outbox (else the round's, model.places),
    what was written said, and (``--thu``) each book as an e-mail draft."""
    r = request
    folder = open_campaign_book(campaign_file(r.campaign_path), voice)
    outbox = r.outbox or Places(folder.folder).outbox(r.round, r.period or "")
    registered = r.from_summary if r.round != ly.SCORING else r.from_summary or _registration_of(folder.folder, voice)
    done = generate_round(folder, r.round, outbox, registered, force=r.force, period=r.period)
    refused = [p for p in done.problems if p.code in OVERWRITE_REFUSED]
    warn_problems([p for p in done.problems if p not in refused], voice)
    if refused:  # a book there, no --force: refused before anything is written, as merge refuses its outputs
        raise out.Refused(problems=Problems(refused))
    said = (*folder.notices, *done.problems)  # what the campaign tells, said on opening it, counted as merge counts it
    key = round_key(r.round, r.period or "")
    if done.problems.errors:
        return Result("generate", command_report("generate", said, False), key=key, home=folder.folder)
    for path in done.paths:
        voice.say(f"  {path}")
    voice.say(ct.GENERATE_DONE.format(count=len(done.paths), outbox=outbox))
    if r.round == ly.SCORING and done.checklist is None:
        voice.warn(dx.BOOKS_BEFORE_REGISTRATION if folder.campaign.periods else ct.GENERATE_NO_FROM)
    for line in checklist_lines(done.checklist) if done.checklist else ():
        voice.say(line)
    files = done.files
    if r.drafts_dir is not None:  # each department's book as an e-mail draft, recorded among the tool's outputs
        from thidua_xlsx.write.drafts import book_drafts, say_drafted, write_drafts  # deferred: email.utils at start-up

        with out.holding(out.campaign_lock(folder), "generate", voice):
            written = Written(folder.folder)
            say_drafted(write_drafts(book_drafts(folder.campaign, r.round, done.paths, r.period), r.drafts_dir,
                                     written), r.drafts_dir, voice)
            written.save()
        files += written.made(lambda _path: rs.DRAFT)
    return Result("generate", command_report("generate", said, True, len(done.paths), len(done.paths)),
                  files, key, folder.folder)


def _registration_of(folder: Path, voice: Voice) -> Path | None:
    """The registration round's summary of campaign folder ``folder`` (the one its last merge wrote, whichever door
    ran it), said; None when the round is not merged yet."""
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

    def spec(self, k: int) -> WorkbookSpec:
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
    locked content as the JSON the record keeps, in UTF-8 (handed to the parent process and back at the cost of copying
    its bytes: as a text, pickling encoded and decoded it each way, ~0.2 ms of the parent's CPU a book), that content's
    fingerprint and the workbook's SHA-256."""

    stage: Path
    path: Path
    layout: ly.WorkbookLayout
    locked_json: bytes
    fingerprint: str
    sha256: str


def _write_staged(job: _Issue, k: int) -> _Staged:
    """Write department ``k``'s workbook to its staging path, with its locked content as the merge will read it:
    from the cells written when they are what it reads (:mod:`thidua_xlsx.write.department.locked`), else read
    back."""
    from thidua_xlsx.read.department import locked_content  # deferred: python-calamine at start-up
    from thidua_xlsx.write.department import write_issued_workbook  # deferred: xlsxwriter at start-up

    spec, stage, path = job.spec(k), job.stage(k), job.path(k)
    with _collector_paused():
        layout, written = write_issued_workbook(spec, stage, job.period)
        record = _record_of(written) if written is not None else None
        if record is None:
            locked = locked_content(stage, spec.people, layout, job.campaign.rubrics, named=path)
            record = locked_json(locked), fingerprint(locked)
    return _Staged(stage, path, layout, record[0].encode(), record[1], sha256_of(stage))


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused while a book is written, its youngest generation collected after. A
    book makes thousands of objects that live until it is written (xlsxwriter's sheets, cells, formats): the
    collections that walked them again and again while it was written took ~10 % of its CPU (benchmarks/RESULTS.md).
    What a book leaves in cycles (~1,400 objects: xlsxwriter's sheets and their workbook) is all young: collected
    after it. Where the collector is off already, it stays off; in a process that does not own itself (the page's
    server, an analyst's program: system.pool.owns_itself) it is left alone."""
    if not gc.isenabled() or not pool.owns_itself():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        gc.collect(0)


def _record_issued(job: _Issue, task: tuple[int, tuple[_Staged, Path]]) -> Path:
    """Put department ``k``'s staged workbook in place (at ``path``: its own name, or one beside a filled
    workbook kept) and record it as issued."""
    k, (staged, path) = task
    spec = job.spec(k)
    install(staged.stage, path)
    rubrics = tuple(spec.rubric_for(role) for role in dict.fromkeys(p.role for p in spec.people)) \
        if job.round == ly.SCORING else ()
    job.registry.record(IssuedWorkbook(staged.layout, spec.people, spec.collective, (), staged.fingerprint, path.name,
                                       (job.issued_on,), staged.sha256, rubrics), staged.locked_json.decode())
    return path


# --- the locked content's record, made from the cells written ------------------------------------------

_Unit = tuple[str, str, str, str]  # pairs of the content sorted together: first and last key, JSON, fingerprint's text


def _record_of(written: LockedCells) -> tuple[str, str] | None:
    """The locked content the merge reads from cells ``written`` — each text and number as the merge compares them,
    each formula by its constants (:mod:`thidua_xlsx.read.department.formulas`), sorted by key — as its record keeps
    it: its JSON (:func:`~thidua_xlsx.read.registry.locked_json`) and its fingerprint
    (:func:`~thidua_xlsx.model.issued.fingerprint`). A form placed from a skeleton gives its pairs together: their keys
    share the form's marker, so that they sort as its skeleton's do, and their JSON and fingerprint's text are its
    skeleton's pieces (made once a process) around the form's values. None when the forms' keys do not keep apart
    (a marker holding what follows it in a key): then the workbook is read back."""
    units = [_unit(key, _canonical(value, formula)) for key, value, formula in written.loose]
    for form in written.placed:
        block = _block(form)
        if block is None:
            units += [_unit(key, _canonical(value, formula)) for key, (value, formula) in form.items()]
        else:
            units.append(block.unit(form))
    units.sort()
    if any(before[1] >= after[0] for before, after in zip(units, units[1:])):
        return None
    digest = hashlib.sha256("".join(unit[3] for unit in units).encode()).hexdigest()
    return f"[{','.join(unit[2] for unit in units)}]", digest


def _unit(key: str, value: str) -> _Unit:
    """One pair, as :func:`_record_of` sorts and writes it."""
    return key, key, _json_pair(key, value), f"{len(key)}:{key}{len(value)}:{value}"


def _json_pair(key: str, value: str) -> str:
    """A (key, value) pair as the record's JSON writes it (:func:`~thidua_xlsx.read.registry.locked_json`)."""
    return f"[{encode_basestring(key)},{encode_basestring(value)}]"


def _canonical(value: object, formula: bool) -> str:
    """A locked cell's value as the merge compares it (:func:`~thidua_xlsx.read.department.cells.canonical`; a
    formula: its constants)."""
    from thidua_xlsx.read.department.cells import canonical  # deferred: python-calamine at start-up

    return _constants(str(value)) if formula else canonical(value)


@functools.lru_cache(maxsize=4096)  # the same few dozen formulas in every workbook
def _constants(formula: str) -> str:
    from thidua_xlsx.read.department.formulas import constants  # deferred: python-calamine at start-up

    return constants(formula)


class _Block:
    """A skeleton's locked cells (:class:`~thidua_xlsx.write.department.locked.PlacedCells`' ``cells``: keys holding
    its ``mark`` once, all after the same ``head``) sorted, as the pieces of the JSON and of the fingerprint's text of
    a form's pairs: its marker where the mark is, the form's own values (those of ``own``) between the pieces."""

    def __init__(self, mark: str, head: str, tails: list[tuple[str, object, bool]], own: tuple[str, ...]):
        self.mark, self.head, self.first, self.last = mark, head, tails[0][0], tails[-1][0]
        self.slots = [(value, formula) for _, value, formula in tails if value in own]  # the form's own, in order
        # each pair: its key with the mark, its value as compared (None: the form's own)
        self._pairs = [(f"{head}{mark}{tail}", None if value in own else _canonical(value, formula))
                       for tail, value, formula in tails]
        self.json = self._pieces(_json_pair, lambda key: f"[{encode_basestring(key)},", "]", ",")
        self._texts: dict[int, list[list[str]]] = {}  # the marker's length → the fingerprint's text's pieces

    def _pieces(self, pair: Callable[[str, str], str], before: Callable[[str], str], after: str, between: str
                ) -> list[list[str]]:
        """The text of the pairs, each ``pair(key, value)``, ``between`` them, cut where a form's own value goes
        (``before(key)`` before it, ``after`` after it), each piece cut where the mark is."""
        pieces, piece = [], []
        for n, (key, value) in enumerate(self._pairs):
            if n:
                piece.append(between)
            if value is None:
                piece.append(before(key))
                pieces.append("".join(piece))
                piece = [after]
            else:
                piece.append(pair(key, value))
        pieces.append("".join(piece))
        return [piece.split(self.mark) for piece in pieces]

    def texts(self, marker_length: int) -> list[list[str]]:
        """The pieces of the fingerprint's text of a form whose marker is ``marker_length`` characters long."""
        found = self._texts.get(marker_length)
        if found is None:
            more = marker_length - len(self.mark)  # each key's length as the form writes it
            found = self._texts[marker_length] = self._pieces(
                lambda key, value: f"{len(key) + more}:{key}{len(value)}:{value}",
                lambda key: f"{len(key) + more}:{key}", "", "")
        return found

    def unit(self, form: PlacedCells) -> _Unit:
        """``form``'s pairs, as :func:`_record_of` sorts and writes them."""
        marker, given = form.marker, form.values
        values = [_canonical(given[value], formula) for value, formula in self.slots]
        return (f"{self.head}{marker}{self.first}", f"{self.head}{marker}{self.last}",
                _placed(self.json, encode_basestring(marker)[1:-1], map(encode_basestring, values)),
                _placed(self.texts(len(marker)), marker, (f"{len(value)}:{value}" for value in values)))


def _placed(pieces: list[list[str]], marker: str, values: Iterable[str]) -> str:
    """``pieces`` (each cut where the mark was) joined by ``marker``, ``values`` between them."""
    parts = [marker.join(pieces[0])]
    for value, piece in zip(values, pieces[1:]):
        parts += (value, marker.join(piece))
    return "".join(parts)


def _block(form: PlacedCells) -> _Block | None:
    """The :class:`_Block` of ``form``'s skeleton, made once a process; None when its keys do not each hold its mark
    once after the same head."""
    return _block_of(form.cells, tuple(form.values), form.mark)


@per_object(512)  # by the skeleton's cells (the same object for every form of it), its own values' marks
def _block_of(cells: tuple[Cell, ...], own: tuple[str, ...], mark_: str) -> _Block | None:
    split = [(key.partition(mark_), value, formula) for key, (value, formula) in cells]
    heads = {head for (head, _, _), _, _ in split}
    if all(mark and mark_ not in tail for (_, mark, tail), _, _ in split) and len(heads) <= 1:
        tails = sorted((tail, value, formula) for (_, _, tail), value, formula in split)
        return _Block(mark_, heads.pop(), tails, own) if tails else None
    return None


# --- one run at a time -----------------------------------------------------------------------------

def _campaign_locks(folder: CampaignFolder, outbox: Path) -> list[Path]:
    """``generate``'s locks: its outbox's and its campaign's."""
    return [lock.lock_path(outbox), *out.campaign_lock(folder)]


