"""The level above's commands (the commune's or the Sở's), as :mod:`thidua_xlsx.commands` are a school's: ``init --level
cap-xa`` (:func:`init_level_above`), ``merge`` over the schools' final summaries (:func:`merge_level_above`, which
``commands.merge`` hands an inbox beside a ``cap-tren.xlsx``): read, checked, the officer's pass applied, then the
commune's summary, its JSON, its papers and the province's import files written; and ``status``
(:func:`status_level_above`), with the schools' codes only when asked (:func:`status_codes`)."""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from thidua_xlsx.commune.read_book import load_level_above_preset
from thidua_xlsx.commune.steps import SchoolState, commune_book, key_notes, read_level_above, school_states
from thidua_xlsx.commune.steps_codes import issued_codes, schools_asked
from thidua_xlsx.commune.steps_officer import keep_officer_book, officer_pass
from thidua_xlsx.commune.system_key import make_commune_key, renew_commune_key
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import places
from thidua_xlsx.model import province_import as pi
from thidua_xlsx.model import result as rs
from thidua_xlsx.model.commune import LevelAbove, SchoolRef
from thidua_xlsx.model.commune_key import CommuneKey
from thidua_xlsx.model.exits import EXIT_STRICT
from thidua_xlsx.model.issues import Problems
from thidua_xlsx.model.places import INBOX, LEVEL_ABOVE_BOOK
from thidua_xlsx.model.report import LEVEL_ABOVE_ROUND, Report, command_report, level_above_report
from thidua_xlsx.model.requests import InitRequest, MergeRequest, StatusRequest
from thidua_xlsx.model.result import Result, WrittenFile
from thidua_xlsx.read.rule_sets import province_names
from thidua_xlsx.steps import outputs as out
from thidua_xlsx.steps.deliver import Kept, export_pdf
from thidua_xlsx.system import files, lock, pool
from thidua_xlsx.system.files import temporary_name
from thidua_xlsx.system.voice import Voice, vietnam_today, warn_problems
from thidua_xlsx.system.written import Written
from thidua_xlsx.text import commands as ct
from thidua_xlsx.text import commune as lx
from thidua_xlsx.text import decisions as dx
from thidua_xlsx.text import mail as tm
from thidua_xlsx.text.wording import day_text
from thidua_xlsx.write.launchers import write_launchers

if TYPE_CHECKING:  # for the annotations only: the CLI starts without the writers
    from thidua_xlsx.model.commune import LevelAboveSummary
    from thidua_xlsx.write.province_import import ImportBatches



def init(request: InitRequest, voice: Voice) -> Result:
    """``init --level cap-xa``: a commune's campaign folder made (its book, its key, its inbox), or with ``--khoa-moi``
    a new key for the commune there (:func:`renew_key`)."""
    directory = request.directory
    if request.new_key:
        return renew_key(directory, voice)
    if (directory / LEVEL_ABOVE_BOOK).exists() and not request.force:
        raise out.Refused(ct.EXISTS.format(path=directory / LEVEL_ABOVE_BOOK))
    above, files = init_level_above(directory)
    voice.say(ct.INIT_LEVEL_ABOVE_DONE.format(path=directory / LEVEL_ABOVE_BOOK, authority=above.authority,
                                              schools=len(above.schools)))
    return Result("init", command_report("init", (), True), files, home=directory)


def init_level_above(directory: Path, campaign_id: str | None = None
                     ) -> tuple[LevelAbove, tuple[WrittenFile, ...]]:
    """Write ``directory/cap-tren.xlsx`` (the commune's preset with a fresh campaign id, moved to today's school
    year), make its key beside it (kept when there is one: the codes issued stay valid) and ``inbox/``, where the
    schools' final summaries go."""
    from thidua_xlsx.commune.write_book import write_level_above_book  # deferred: xlsxwriter at start-up

    preset = load_level_above_preset()
    year = cm.school_year_of(vietnam_today())
    campaign = replace(preset, id=campaign_id or uuid.uuid4().hex[:16], school_year=year, deadline="")
    directory.mkdir(parents=True, exist_ok=True)
    with out.holding([lock.folder_lock_path(directory)], "init"):
        (directory / INBOX).mkdir(exist_ok=True)
        make_commune_key(directory)
        write_level_above_book(campaign, directory / LEVEL_ABOVE_BOOK, province_names())
        launchers = write_launchers(directory)  # the double-click files that open the page on this folder
    return campaign, (WrittenFile(directory / LEVEL_ABOVE_BOOK, rs.CAMPAIGN), *(WrittenFile(p, rs.LAUNCHER)
                                                                                   for p in launchers))


def renew_key(directory: Path, voice: Voice) -> Result:
    """``init --level cap-xa --khoa-moi``: a new key for the commune of ``directory`` in place of its own (lost,
    damaged, or given up), made knowingly; what the officer must do now said (every code sent again)."""
    if not (directory / LEVEL_ABOVE_BOOK).is_file():
        raise out.Refused(lx.NEW_KEY_NO_COMMUNE.format(path=directory / LEVEL_ABOVE_BOOK))
    with out.holding([lock.folder_lock_path(directory)], "init", voice):
        key, aside = renew_commune_key(directory)
    voice.say(lx.NEW_KEY_DONE.format(file=places.COMMUNE_KEY_FILE))
    if aside is not None:
        voice.say(lx.NEW_KEY_DAMAGED_ASIDE.format(file=aside.name))
    voice.say(lx.NEW_KEY_PREVIOUS if key.previous else lx.NEW_KEY_NO_PREVIOUS)
    return Result("init", command_report("init", (), True), home=directory)


def merge(request: MergeRequest, book: Path, voice: Voice = Voice()) -> Result:
    """The level above's merge of ``request`` (a :class:`~thidua_xlsx.model.requests.MergeRequest`): the schools' final
    summaries in ``request.inbox`` (read only), each school's chosen, checked, the lists across schools; the summary
    workbook (and the JSON, the papers, the import files) written; its Result, as a school's merge has. The papers go
    through the commune folder's record of its own outputs, as a school's do: a paper someone edited is kept, the new
    one beside. The commune's folder is held for the whole merge, as a school's campaign is: the page writes the
    officer's decisions only while it holds it (ui/jobs.py), never while another program merges."""
    from thidua_xlsx.write.drafts import refuse_in_inbox  # deferred: email at start-up

    refuse_in_inbox(request.drafts_dir, request.inbox)
    r = request
    school_only = [option for option, given in (("--cong-khai", r.public_path), ("--feedback", r.feedback_dir),
                                                ("--period", r.period), ("--round", r.round),
                                                ("--history", r.history_path)) if given is not None]
    if school_only:  # never silently ignored: a school's options, refused before any work
        raise out.Refused(ct.LEVEL_ABOVE_SCHOOL_OPTIONS.format(options=", ".join(school_only)))
    if r.council_path is not None and r.drop_council:
        raise out.Refused(dx.DROP_AND_GIVE)
    output = r.output or book.parent / places.LEVEL_ABOVE_SUMMARY  # in the commune's folder
    imports = _import_mapping(r, output)  # refused before any work when it cannot be used
    plan = out.merge_plan(r, output, {"campaign": book, **out.campaign_inputs(None, r.council_path)})
    inside = _in_inbox(book, r.inbox)  # the inbox is never written
    held = [] if inside else [lock.folder_lock_path(book.parent)]  # the commune's folder: its officer's book, its runs
    with out.holding([*held, *plan.locks()], "merge", voice):
        officer = r.council_path if inside else officer_pass(book.parent, r.council_path, r.drop_council, voice)
        campaign, summary, key = read_level_above(r.inbox, book, voice, officer, kept=r.council_path is None)
        warn_problems(summary.every_issue(), voice)
        report = level_above_report(summary, r.strict)
        voice.say(ct.LEVEL_ABOVE_DONE.format(sent=report.counts.submitted, schools=report.counts.departments,
                                             proposals=len(summary.proposals), files=report.counts.files,
                                             held=len(summary.held)))
        home = book.parent
        written = Written() if inside else Written(book.parent)  # the commune's own outputs: an edited one is kept
        if not report.valid:  # nothing to sign; the JSON still accounts for every file and why each was refused
            voice.warn(ct.LEVEL_ABOVE_NOTHING.format(inbox=r.inbox))
            if r.json_path is not None:
                from thidua_xlsx.commune.write import write_level_above_json  # deferred: xlsxwriter at start-up

                write_level_above_json(summary, report, r.json_path)
                written.note(r.json_path)
                voice.say(ct.JSON_DONE.format(path=r.json_path))
                written.save()
            return Result("merge", report, written.made(plan.kind_of), places.LEVEL_ABOVE_KEY, home)
        plan.check_papers(written)  # the papers it replaces or removes, before anything is written
        with written.saved_on_failure():
            _write_outputs(summary, key, report, r, output, imports, written, voice)
            if r.council_path is not None and not inside:  # her word kept: every later merge and status applies it
                keep_officer_book(home, r.council_path, voice)
            if r.docs_dir is not None:
                from thidua_xlsx.commune.papers import write_level_above_papers  # deferred: xlsxwriter at start-up

                made = write_level_above_papers(summary, r.docs_dir, written=written)
                voice.say(lx.PAPERS_DONE.format(folder=r.docs_dir, names=", ".join(p.name for p in made)))
            if r.drafts_dir is not None:  # --thu: the commune's file to the level above it, as an e-mail draft
                from thidua_xlsx.commune.write_drafts import level_above_drafts  # deferred: email, xlsxwriter

                level_above_drafts(summary, key, output, r.docs_dir, r.import_dir, r.drafts_dir, written, voice)
        written.save()
        Kept(written, voice)()
    if report.exit_code == EXIT_STRICT:
        voice.warn(ct.LEVEL_ABOVE_STRICT.format(count=report.counts.errors))
    return Result("merge", report, written.made(plan.kind_of), places.LEVEL_ABOVE_KEY, home,
                  council=officer is not None)


def status(request: StatusRequest, book: Path, voice: Voice = Voice()) -> Result:
    """``status`` at the level above (``book``, its campaign): each school of its list — sent (the file used, when it
    was saved, its fingerprint, its origin, whether its council passed it, edited by hand) or not, against the level
    above's deadline (late, or how many days are left) — and every problem found; its :class:`Report`. No school's
    code: a secret, shown only when asked (``--ma``: :func:`status_codes`). Writes nothing, but with ``--thu`` each
    school its code as an e-mail draft. A school's options refused before any work."""
    from thidua_xlsx.write.drafts import refuse_in_inbox  # deferred: email.utils at start-up

    inbox, strict, drafts_dir, codes_of = request.inbox, request.strict, request.drafts_dir, request.codes_of
    refuse_in_inbox(drafts_dir, inbox)
    given = (("--round", request.round), ("--period", request.period), ("--nhac", request.nudge or None))
    if any(value is not None for _option, value in given):
        raise out.Refused(ct.LEVEL_ABOVE_SCHOOL_OPTIONS.format(options=", ".join(
            option for option, value in given if value is not None)))
    _refuse_code_drafts_inside(drafts_dir, book.parent)
    if codes_of is not None:
        return status_codes(book, codes_of, voice, drafts_dir)
    inside = _in_inbox(book, inbox)  # as the merge: its kept book not applied there
    officer = None if inside else officer_pass(book.parent, None, False, voice)
    campaign, summary, key = read_level_above(inbox, book, voice, officer, kept=True)
    warn_problems(summary.every_issue(), voice)
    _say_states(campaign, school_states(summary, vietnam_today()), voice)
    voice.say(ct.LEVEL_ABOVE_CODES_HOW.format(inbox=inbox))
    files = _code_drafts(campaign, key, campaign.schools, book, drafts_dir, voice) if drafts_dir is not None else ()
    return Result("status", level_above_report(summary, strict), files, places.LEVEL_ABOVE_KEY, book.parent)


def _in_inbox(book: Path, inbox: Path) -> bool:
    """Whether the commune's folder (its book ``book``'s) lies inside ``inbox``: nothing is written there, its kept
    officer's book not applied."""
    return book.parent.resolve().is_relative_to(inbox.resolve())


def status_codes(book: Path, asked: str, voice: Voice = Voice(), drafts_dir: Path | None = None) -> Result:
    """``status --ma``: the code of each school ``asked`` names ("" every school; commune.steps_codes), shown through
    the voice's ``secret`` (never among the lines a door keeps), under a line saying it is a secret; with
    ``drafts_dir`` (--thu) those schools' drafts. Reads the commune's book and key, not its inbox."""
    campaign, key, made = commune_book(book, voice)
    said = key_notes(key, made)
    warn_problems(said, voice)
    schools = schools_asked(campaign, asked)
    codes = issued_codes(campaign, key, schools)
    voice.say(ct.LEVEL_ABOVE_CODES_HEAD.format(year=campaign.school_year))
    for school in schools:
        voice.secret(ct.LEVEL_ABOVE_CODE.format(school=school.name, code=codes[school.code]))
    files = _code_drafts(campaign, key, schools, book, drafts_dir, voice) if drafts_dir is not None else ()
    return Result("status", command_report(LEVEL_ABOVE_ROUND, said, True), files, places.LEVEL_ABOVE_KEY, book.parent)


def _say_states(campaign: LevelAbove, states: Sequence[SchoolState], voice: Voice) -> None:
    """Each school of the list said: sent (its file, when, its fingerprint, origin, council, hand edits) or not
    (against the deadline)."""
    deadline = campaign.deadline
    voice.say(ct.LEVEL_ABOVE_STATUS_HEAD.format(
        sent=sum(1 for s in states if s.sent), schools=len(states),
        deadline=day_text(deadline) if deadline else ct.LEVEL_ABOVE_NO_DEADLINE))
    for state in states:
        if state.newer:
            voice.say(ct.LEVEL_ABOVE_NEWER.format(school=state.school, file=state.newer,
                                                  fingerprint=state.fingerprint))
            continue
        if not state.file:
            due = ""
            if state.days is not None:
                due = ct.LEVEL_ABOVE_OVERDUE.format(days=-state.days) if state.days < 0 else \
                    ct.LEVEL_ABOVE_DAYS_LEFT.format(days=state.days)
            voice.say(ct.LEVEL_ABOVE_NOT_SENT.format(school=state.school, due=due))
            continue
        saved = state.saved.strftime("%d/%m/%Y %H:%M") if state.saved is not None else ""
        voice.say(ct.LEVEL_ABOVE_SENT.format(
            school=state.school, file=state.file, saved=saved,
            late=ct.LEVEL_ABOVE_LATE if state.late else "", fingerprint=state.fingerprint,
            origin=ct.LEVEL_ABOVE_ORIGIN[state.origin], council=ct.LEVEL_ABOVE_COUNCIL[state.council],
            edited=ct.LEVEL_ABOVE_EDITED if state.edited else "") + ("" if state.sent else ct.LEVEL_ABOVE_UNPROVEN))


def _code_drafts(campaign: LevelAbove, key: CommuneKey, schools: tuple[SchoolRef, ...], book: Path, drafts_dir: Path,
                 voice: Voice) -> tuple[WrittenFile, ...]:
    """``--thu``: each of ``schools`` its code as an e-mail draft, with how to enter it, in ``drafts_dir`` (outside
    the commune's folder: :func:`_refuse_code_drafts_inside`), readable by the officer alone, said as secret."""
    from thidua_xlsx.commune.write_drafts import code_drafts  # deferred: email, xlsxwriter at start-up
    from thidua_xlsx.write.drafts import say_drafted, write_drafts  # deferred: email at start-up

    drafts = code_drafts(campaign, schools, issued_codes(campaign, key, schools))
    with out.holding([lock.folder_lock_path(book.parent)], "status", voice):
        written = Written(book.parent)
        say_drafted(write_drafts(drafts, drafts_dir, written), drafts_dir, voice)
        written.save()
    voice.warn(tm.CODE_DRAFTS_SECRET.format(folder=drafts_dir))
    return written.made(lambda _path: rs.DRAFT)


def _refuse_code_drafts_inside(drafts_dir: Path | None, folder: Path) -> None:
    """``--thu`` inside the commune's folder: :class:`Refused` before any work — a draft carries a school's code, a
    secret never kept in the folder beside the key (it is backed up and copied with it); a folder beside it offered."""
    if drafts_dir is not None and drafts_dir.resolve().is_relative_to(folder.resolve()):
        outside = folder.resolve().parent / tm.CODE_DRAFTS_OUTSIDE.format(folder=folder.resolve().name)
        raise out.Refused(tm.CODE_DRAFTS_IN_FOLDER.format(path=drafts_dir, folder=folder, outside=outside))


def _write_outputs(summary: LevelAboveSummary, key: CommuneKey, report: Report, r: MergeRequest, output: Path,
                   imports: _Imports | None, written: Written, voice: Voice) -> None:
    """The commune's workbook (and its PDF), the fingerprints said, its JSON and the province's import files, in
    that order. What needs only the summary — the JSON, the import files' bytes — is made by worker processes
    while the workbook is written here (at a province's size), then each is written (named, recorded, said) in its
    turn, as it always was."""
    from thidua_xlsx.commune.write import write_level_above_summary  # deferred: xlsxwriter at start-up
    from thidua_xlsx.write.province_import import import_batches  # deferred: xlsxwriter at start-up

    batches = import_batches(summary.proposals, imports.mapping) if imports is not None else None
    staged = temporary_name(r.json_path) if r.json_path is not None else None  # the JSON, until it is named
    aside = _Aside(summary, batches)  # what the workers are given once (inherited, not copied, by fork)
    try:
        with pool.started(aside, _workers_aside(summary, staged, batches),
                          lambda failed, _left: voice.warn(ct.ASIDE_WORKERS_FAILED.format(
                              error=type(failed).__name__))) as start:
            json_made = start(_json_into, [(report, staged)] if staged else [])
            files_made = start(_import_file, range(len(batches.parts)) if batches else [])
            write_level_above_summary(summary, output, key)
            written.note(output)
            voice.say(ct.SUMMARY_DONE.format(path=output))
            if r.pdf:

                export_pdf(output, written, voice)
            for school in summary.schools:  # each file's fingerprint, to be compared by phone with the school's
                if school.summary is not None:
                    voice.say(ct.LEVEL_ABOVE_FINGERPRINT.format(school=school.school.name, file=school.file,
                                                                fingerprint=school.summary.sha256[:12],
                                                                origin=ct.LEVEL_ABOVE_ORIGIN[school.origin]))
            if staged is not None and r.json_path is not None:  # staged: only when a JSON is asked for
                _name_json(json_made, staged, r.json_path)
                written.note(r.json_path)
                voice.say(ct.JSON_DONE.format(path=r.json_path))
            if imports is not None and batches is not None:  # batches: only when import files are asked for
                _write_import(batches, files_made, imports, written, voice)
    finally:
        if staged is not None:  # a JSON not named (a failure before it): removed once its worker was stopped
            with contextlib.suppress(OSError):
                staged.unlink(missing_ok=True)


class _Imports(NamedTuple):
    """``--xuat-tinh``: where the import files go, the installation's mapping and what reading it found; the template
    it was read from, as given (None: a mapping's file or a shipped one's name)."""

    folder: Path
    mapping: pi.Mapping
    problems: Problems
    template: str | None


def _import_mapping(r: MergeRequest, output: Path) -> _Imports | None:
    """The installation's mapping for ``--xuat-tinh`` (None without it), with what reading it found; refused before
    any work: ``--ma-tinh`` without ``--xuat-tinh``, a mapping that cannot be read, the summary (``-o``) where an import
    file goes."""
    from thidua_xlsx.read.province_import import (  # deferred: read.province_import at start-up
        load_mapping,
        read_template,
    )

    if r.import_dir is None:
        if r.mapping is not None:
            raise out.Refused(ct.MAPPING_WITHOUT_IMPORT.format(mapping=r.mapping))
        return None
    if output.resolve().parent == r.import_dir.resolve() and output.name.startswith(ct.IMPORT_STEM):
        raise out.Refused(ct.IMPORT_CLASH.format(output=output, folder=r.import_dir))
    given = r.mapping or ct.DEFAULT_MAPPING
    template = Path(given).suffix.lower() in (".xlsx", ".xls", ".ods")  # the installation's own: its codes read
    mapping, problems = read_template(Path(given)) if template else load_mapping(given)
    if mapping is None:
        raise out.Refused("\n".join([*(f"{p.severity_label}: {p.render()}" for p in problems),
                                      ct.IMPORT_NO_MAPPING.format(mapping=given)]))
    return _Imports(r.import_dir, mapping, problems, given if template else None)


ASIDE_FROM = 5_000  # proposals: from these the JSON is written by a worker beside the workbook (~12 µs each, a
# worker ~50 ms by fork to ~1 s by spawn to start)


def _workers_aside(summary: LevelAboveSummary, staged: Path | None, batches: ImportBatches | None) -> int:
    """Worker processes for what is made beside the workbook (0: made here, in its turn): as many as the import
    files are made with when there are many; else one for a large commune's JSON (on two cores or more)."""
    from thidua_xlsx.write.province_import import import_workers  # deferred: xlsxwriter at start-up

    workers = import_workers(batches) if batches is not None else 0
    if workers or staged is None or len(summary.proposals) < ASIDE_FROM:
        return workers
    return 1 if pool.usable_cores() >= 2 else 0


@dataclass(frozen=True)
class _Aside:
    """What is made beside the commune's workbook needs: the summary (for its JSON), the import files' batches
    (None: no import files)."""

    summary: LevelAboveSummary
    batches: ImportBatches | None


def _json_into(aside: _Aside, task: tuple[Report, Path]) -> None:
    """The JSON report written to a temporary path (a module-level function: run by a worker)."""
    from thidua_xlsx.commune.write import write_level_above_json  # deferred: xlsxwriter at start-up

    report, path = task
    write_level_above_json(aside.summary, report, path)


def _import_file(aside: _Aside, part: int) -> bytes:
    """An import file's bytes (a module-level function: run by a worker)."""
    from thidua_xlsx.write.province_import import made_file  # deferred: xlsxwriter at start-up

    if aside.batches is None:  # a bug: no import file is asked for without them
        raise ValueError("an import file asked for without --xuat-tinh")
    return made_file(aside.batches, part)


def _name_json(made: Iterator[None], staged: Path, path: Path) -> None:
    """The JSON report, once ``made`` (:func:`_json_into`, here or by a worker) to ``staged``, renamed to ``path``;
    a failure named as ``path``'s."""

    try:
        next(made)
        os.replace(staged, path)
    except OSError as exc:
        raise files.as_write_error(exc, path) from exc


def _write_import(batches: ImportBatches, made: Iterator[bytes], imports: _Imports, written: Written,
                  voice: Voice) -> None:
    """The province's import files of the level above's proposals (``--xuat-tinh``: ``batches``, their bytes from
    ``made``), from the installation's mapping (``imports``: :func:`_import_mapping`'s); what could not be coded is
    said by name, the split too; a file or a mapping the officer edited since the tool wrote it is kept, the new
    one beside it."""
    from thidua_xlsx.write.province_import import write_batches, write_mapping  # deferred: xlsxwriter at start-up

    folder = imports.folder
    if imports.template is not None:
        folder.mkdir(parents=True, exist_ok=True)
        kept = write_mapping(imports.mapping, folder / f"{Path(imports.template).stem}.json", written)
        voice.say(ct.IMPORT_MAPPING_READ.format(template=imports.template, path=kept))
    result = write_batches(batches, made, folder, ct.IMPORT_STEM, written)
    warn_problems([*imports.problems, *result.issues], voice)
    voice.say(ct.IMPORT_DONE.format(folder=folder, rows=sum(result.rows), files=len(result.files),
                                    names=", ".join(p.name for p in result.files) or "—",
                                    refused=len(result.refused)))
