"""What a run will write, checked before any work; and who else is writing.

``merge``'s outputs (:func:`merge_outputs`: the summary and its PDF, the JSON report, the public list and
its PDF, the feedback and papers folders) are its plan (:class:`OutputPlan`), made once the campaign is found and
checked once: refused (:class:`Refused`, exit 2) before anything is read when one lies inside the inbox, names an input
(the council's summary, the campaign book, the tool's own records) or shares its path with another output; an
existing file is refused
without ``--force``, each folder is made and asked whether it can be written (:func:`prepare`: the
machine's refusal — a read-only folder, a path too long, on Windows the file open in Excel — is said
before the reading, not after it). The papers' folder (``--docs``) is asked so with each folder in it, and, once the
record of the tool's own files is read, with each of its papers the run replaces or removes — made read-only, or open
in Word (:func:`check_papers`): refused before anything is written, never half-way through the papers.

A run then holds a lock on each output and on its campaign (:func:`holding`; the lock files of
:mod:`thidua_xlsx.system.lock`): a second run on either is refused with who holds it (:class:`Blocked`,
exit 1) — it never waits, and never mixes its files with the first run's. A campaign folder that lies
inside the inbox (``merge`` pointed at the campaign folder itself) gets no lock file and no record: the
inbox is never written. Once it holds them, the run removes the temporary files a killed run left where it
writes (:func:`thidua_xlsx.system.files.remove_abandoned`): those of an output it holds, of anything inside
an output folder it holds, of the campaign's records — and any of ours in those folders written by a run that has
ended, or untouched for an hour; it says so once.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from thidua_xlsx.model import result as rs
from thidua_xlsx.model.errors import Refused as Refused  # the commands' refusal, raised as out.Refused
from thidua_xlsx.model.errors import Stopped
from thidua_xlsx.model.issues import NOTE, Problems, issue
from thidua_xlsx.model.places import CAMPAIGN_FILE, ISSUED_FOLDER, OUTPUTS_RECORD
from thidua_xlsx.model.requests import MergeRequest
from thidua_xlsx.steps.workspace import CampaignFolder
from thidua_xlsx.system import lock
from thidua_xlsx.system.files import (
    NO_PERMISSION,
    WINDOWS_LOCK_VIOLATION,
    WINDOWS_SHARING_VIOLATION,
    WriteError,
    as_write_error,
    check_writable,
    read_only,
    remove_abandoned,
)
from thidua_xlsx.system.voice import Voice, warn_problems
from thidua_xlsx.system.written import BESIDE, Written
from thidua_xlsx.text import commands as ct

HELD = (WINDOWS_SHARING_VIOLATION, WINDOWS_LOCK_VIOLATION)  # Windows' codes of a file another program holds open


@dataclass(frozen=True)
class Output:
    option: str  # a key of ct.OUTPUT_OPTIONS
    path: Path
    folder: bool = False  # a folder written into (feedback copies, papers), not a file


def summary_outputs(request: MergeRequest, output: Path) -> list[Output]:
    """The summary ``merge`` with ``request`` writes at ``output``, and its PDF when asked."""
    return [Output("output", output), *([Output("output_pdf", output.with_suffix(".pdf"))] if request.pdf else [])]


def merge_outputs(request: MergeRequest, output: Path | None) -> list[Output]:
    """Every path ``merge`` with ``request`` may write, the summary at ``output`` (None: not known yet)."""
    r = request
    found = summary_outputs(r, output) if output is not None else []
    for option, path in (("json", r.json_path), ("public", r.public_path)):
        if path is not None:
            found.append(Output(option, path))
            if r.pdf and option != "json":
                found.append(Output(f"{option}_pdf", path.with_suffix(".pdf")))
    found += [Output(option, path, True) for option, path in (("feedback", r.feedback_dir), ("docs", r.docs_dir),
                                                              ("import", r.import_dir))
              if path is not None]
    return found


# Each output option's kind of file (model.result), for the files a merge lists in its Result
_KINDS = {"output": rs.SUMMARY, "output_pdf": rs.SUMMARY_PDF, "json": rs.JSON, "public": rs.PUBLIC,
          "public_pdf": rs.PUBLIC_PDF, "feedback": rs.FEEDBACK, "docs": rs.PAPER, "import": rs.IMPORT,
          "drafts": rs.DRAFT}


@dataclass(frozen=True)
class OutputPlan:
    """What one run will write, made once and checked once: every output with its option, what none may name (the
    inbox and the run's inputs), and the drafts folder of ``--thu`` (sorted, never checked here: refused in the inbox
    by the drafts' writer). An output joins the plan (:meth:`joined`) checked against the inbox, the inputs and the
    outputs already in it, then prepared (:func:`prepare`); the files the run wrote are sorted by it
    (:meth:`kind_of`)."""

    inbox: Path
    inputs: tuple[tuple[str, Path], ...]
    outputs: tuple[Output, ...] = ()
    drafts: Path | None = None

    def joined(self, outputs: list[Output], force: bool, prepared: bool = True) -> OutputPlan:
        """The plan with ``outputs``, each checked (:class:`Refused`) and, when ``prepared``, prepared with ``force``
        (a folder of the tool's own papers written again is only checked: its files are replaced through the record
        of the tool's own, never refused as someone's)."""
        _check(outputs, self.outputs, self.inbox, dict(self.inputs))
        if prepared:
            prepare(outputs, force)
        return replace(self, outputs=(*self.outputs, *outputs))

    def check_papers(self, written: Written) -> None:
        """Once the run has read, before it writes: the papers' folder of the plan and each paper of the tool's own in
        it that the run replaces or removes (:func:`check_papers`)."""
        for o in self.outputs:
            if o.option == "docs":
                check_papers(o.path, written)

    def locks(self, outputs: list[Output] | None = None) -> list[Path]:
        """The locks of ``outputs`` (of every output of the plan when None)."""
        return [lock.lock_path(o.path) for o in (self.outputs if outputs is None else outputs)]

    def kind_of(self, path: Path) -> str:
        """The kind of a file the run wrote (model.result): that of the output it was meant for — a file inside an
        output folder, the output's own path, or a name written beside it (``… (moi)``)."""
        folders: list[tuple[Path, str]] = [*((o.path, _KINDS[o.option]) for o in self.outputs if o.folder),
                                           *(((self.drafts, rs.DRAFT),) if self.drafts is not None else ())]
        for folder, kind in folders:
            if _absolute(path).is_relative_to(_absolute(folder)):
                return kind
        for o in self.outputs:
            if not o.folder and path.parent == o.path.parent and path.suffix == o.path.suffix and \
                    (path.stem == o.path.stem or path.stem.startswith(o.path.stem + BESIDE.split(")")[0])):
                return _KINDS[o.option]
        return rs.SUMMARY


def merge_plan(request: MergeRequest, output: Path | None, inputs: dict[str, Path]) -> OutputPlan:
    """The plan of ``merge`` with ``request`` (its summary at ``output``; None: named once the round is read, joined
    then), its outputs checked and prepared; ``inputs``: the run's inputs no output may name
    (:func:`campaign_inputs`)."""
    plan = OutputPlan(request.inbox, tuple(inputs.items()), drafts=request.drafts_dir)
    return plan.joined(merge_outputs(request, output), request.force)


def _check(new: list[Output], old: tuple[Output, ...], inbox: Path, inputs: dict[str, Path]) -> None:
    """:class:`Refused` when one of the ``new`` outputs lies in ``inbox``, is one of ``inputs`` (key of
    ct.OUTPUT_INPUTS → path; a folder of the tool's records counts for every path inside it), or shares a path with
    another output (``old``, already checked, or ``new``)."""
    inside = _absolute(inbox)
    for o in new:
        if _absolute(o.path).is_relative_to(inside):
            if o.option == "feedback":
                raise Refused(ct.FEEDBACK_IN_INBOX.format(path=o.path))
            if o.option == "docs":
                raise Refused(ct.DOCS_IN_INBOX.format(path=o.path))
            raise Refused(ct.OUTPUT_IN_INBOX.format(option=_option(o), path=o.path, inbox=inbox))
        for what, path in inputs.items():
            if same_path(o.path, path) or (path.is_dir() and _absolute(o.path).is_relative_to(_absolute(path))):
                if what == "council" and o.option == "output":
                    raise Refused(ct.COUNCIL_SAME_FILE.format(path=path))
                raise Refused(ct.OUTPUT_IS_INPUT.format(option=_option(o), path=o.path, what=ct.OUTPUT_INPUTS[what]))
    every = [*old, *new]
    for k in range(len(old), len(every)):
        for first in every[:k]:
            if same_path(first.path, every[k].path):
                raise Refused(ct.OUTPUTS_CLASH.format(first=_option(first), second=_option(every[k]), path=first.path))


def campaign_inputs(folder: CampaignFolder | None, council: Path | None, history: Path | None = None
                    ) -> dict[str, Path]:
    """The inputs of a merge of the campaign folder ``folder`` that no output may name."""
    found = {"council": council} if council is not None else {}
    if history is not None:
        found["history"] = history
    if folder is not None:
        found |= {"campaign": folder.book or folder.folder / CAMPAIGN_FILE, "record": folder.folder / OUTPUTS_RECORD,
                  "records": folder.folder / ISSUED_FOLDER}
    return found


def prepare(outputs: list[Output], force: bool) -> None:
    """Before any work: an existing file refused without ``force``, each folder made, each target asked
    whether it can be written (:class:`~thidua_xlsx.system.files.WriteError` when not)."""
    for o in outputs:
        try:
            _prepare(o, force)
        except WriteError:
            raise
        except OSError as exc:  # a path the system cannot even look at (too long…)
            raise as_write_error(exc, o.path) from None


def _prepare(o: Output, force: bool) -> None:
    if o.folder:
        if o.option == "docs" and not force and o.path.is_dir() and any(
                p.suffix.lower() in (".docx", ".pdf") for p in o.path.rglob("*")):
            raise Refused(ct.DOCS_EXIST.format(path=o.path))  # a Báo cáo thành tích someone wrote, say
        made = _make_folder(o.path)
        try:
            if o.option == "docs":
                check_papers(o.path)
            else:
                check_writable(o.path)
        finally:  # made only to ask: its writer makes it (papers, feedback, import), none left by a run refused later
            if made[:1] == [o.path]:  # (its parents stay: the run's lock is put beside it)
                with contextlib.suppress(OSError):
                    o.path.rmdir()
        return
    else:
        if o.path.is_dir():
            raise Refused(ct.OUTPUT_IS_FOLDER.format(path=o.path))
        if o.path.exists() and not force:
            raise Refused(ct.EXISTS.format(path=o.path))
        _make_folder(o.path.parent)
    check_writable(o.path)


def check_papers(folder: Path | None, written: Written | None = None) -> None:
    """Before any paper is written: the papers' folder (``--docs``) and each folder in it asked whether a file can be
    written there, and — given ``written``, the record of the tool's own files — each paper of the tool's own in it,
    which the run replaces or removes (Windows refuses both for a file made read-only, and for one open in Word).
    Refused: :class:`Stopped` naming the first such file or folder and what to do, nothing written yet; a fault of
    another kind (a full disk, a path too long) raised as it is (:class:`WriteError`, said by ``fault_text``)."""
    if folder is None or not folder.is_dir():
        return
    for path in [folder, *sorted(folder.rglob("*"))]:
        if path.is_dir():
            what = ct.PAPERS_FOLDER_REFUSED
        elif written is not None and written.replaceable(path):
            what = ct.PAPERS_FILE_HELD
            if read_only(path):
                raise _papers_refused(folder, path, ct.PAPERS_FILE_READ_ONLY)
        else:
            continue  # someone's own file: kept, the paper written beside it
        try:
            check_writable(path)
        except WriteError as exc:
            if exc.errno not in NO_PERMISSION and getattr(exc, "winerror", None) not in HELD:
                raise
            raise _papers_refused(folder, path, what) from None


def _papers_refused(folder: Path, path: Path, what: str) -> Stopped:
    return Stopped(Problems(), ct.PAPERS_NOT_WRITABLE.format(folder=folder, name=folder.name,
                                                             what=what.format(file=path.relative_to(folder.parent))))


def _make_folder(folder: Path) -> list[Path]:
    """``folder`` made with its parents; the folders it made, deepest first."""
    missing = [f for f in (folder, *folder.parents) if not f.exists()]
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError) as exc:  # a file in the way: the path asked for is wrong
        raise Refused(ct.OUTPUT_FOLDER.format(path=folder, reason=exc.strerror or exc)) from None
    except OSError as exc:
        raise as_write_error(exc, folder) from None
    return missing


def same_path(first: Path, second: Path) -> bool:
    """Whether two paths name one file: the same absolute path (letter case aside where the system ignores
    it), or — when both exist — the same file by another name (a link)."""
    if os.path.normcase(_absolute(first)) == os.path.normcase(_absolute(second)):
        return True
    with contextlib.suppress(OSError):
        return os.path.samefile(first, second)
    return False


def _absolute(path: Path) -> Path:
    with contextlib.suppress(OSError, RuntimeError):
        return Path(path).resolve()
    return Path(os.path.abspath(path))


def _option(output: Output) -> str:
    return ct.OUTPUT_OPTIONS[output.option]


# --- one run at a time ------------------------------------------------------------------------------

def campaign_lock(folder: CampaignFolder, inbox: Path | None = None) -> list[Path]:
    """The lock of the campaign folder ``folder`` (none when the folder lies inside ``inbox``)."""
    if inbox is not None and _absolute(folder.folder).is_relative_to(_absolute(inbox)):
        return []
    return [lock.folder_lock_path(folder.folder)]


def record_of(folder: CampaignFolder, inbox: Path) -> Written:
    """The record of the campaign's outputs (an empty one, kept in memory, for a campaign inside the inbox)."""
    return Written() if not campaign_lock(folder, inbox) else Written(folder.folder)


@contextlib.contextmanager
def holding(paths: list[Path], command: str, told: Voice | Problems | None = None) -> Iterator[None]:
    """The locks of ``paths`` held while the block runs; :class:`Blocked` when another run holds one. The
    temporary files a killed run left where they let this run write are removed first, said once (a note)
    to ``told``: the run's voice, or the problems it returns."""
    with lock.holding(paths, command):  # lock.Busy: a Blocked, in its own words
        removed = [p for path in dict.fromkeys(paths) for p in _abandoned(path, set(paths))]
        if removed and told is not None:
            note = issue("run.temporaries_removed", NOTE, count=len(removed), names=_listed(removed))
            if isinstance(told, Problems):
                told.extend([note])
            else:
                warn_problems([note], told)
        yield


def _abandoned(held: Path, locks: set[Path]) -> list[Path]:
    """Remove the temporary files a killed run left where the lock ``held`` lets this run write (``locks``:
    every lock this run takes here): beside an output, those of that output; in an output folder, those of
    any file no other lock covers (:func:`_inside`); in a campaign folder, those of its record and of
    so-da-phat/; and, in each of those folders, any of ours written by a run that has ended or untouched for an
    hour."""
    target = lock.target_of(held)
    if target is None:  # a long name, told by a digest: only the old ones beside it
        return remove_abandoned(held.parent, lambda _path: False)
    if held.name == lock.LOCK_SUFFIX:
        return remove_abandoned(target, lambda path: path.name == OUTPUTS_RECORD) + \
            remove_abandoned(target / ISSUED_FOLDER, lambda _path: True, below=True)
    if target.is_dir():
        return remove_abandoned(target, lambda path: _inside(path, target, locks), below=True)
    return remove_abandoned(target.parent, lambda path: path == target)


def _inside(path: Path, folder: Path, locks: set[Path]) -> bool:
    """Whether ``path`` is written only under the lock of ``folder``: no other lock — of ``path``, or of a
    folder between them — is there, but this run's own."""
    for place in (path, *path.parents):
        if place == folder:
            return True
        if lock.lock_path(place) not in locks and os.path.lexists(lock.lock_path(place)):
            return False
    return False


SHOWN = 5  # of the files removed, named in the note


def _listed(paths: list[Path]) -> str:
    return ", ".join(str(p) for p in paths[:SHOWN]) + (", …" if len(paths) > SHOWN else "")
