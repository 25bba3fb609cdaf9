"""What the tool wrote, so that ``--force`` replaces only the tool's own files.

``merge`` keeps, in the campaign folder, ``da-ghi.json``: each file it wrote (the summary and its PDF, the
JSON report, the public list and its PDF, the papers of ``--docs`` with their PDFs and checklists, the
feedback copies) with the SHA-256 of the bytes it wrote. A file found where an output goes is the tool's own
when its bytes still hash to what was recorded: it may be replaced. Anything else — a file a person made, a
Báo cáo thành tích a teacher wrote into, a PDF someone signed, a file of an earlier version of the tool, any
file once the record is lost — is kept as it is, and the new file is written beside it as
``<name> (moi).<ext>`` (``(moi 2)``… when that name is taken too), which the run says. A paper and its PDF
move together: a paper keeps its name only when neither its .docx nor its .pdf is someone else's.
``--force`` is the permission to replace the tool's own files, no more; without it an existing output
stops the run before any work (service.py).

Paths are recorded relative to the campaign folder when inside it (the folder can be moved with its
outputs), else absolute. A damaged or lost record is read as empty: nothing is lost, more files are written
beside. One run at a time reads and writes it (the campaign's lock: :mod:`thidua_xlsx.system.lock`).
:class:`Written` without a folder records nothing and takes no file already there for the tool's own (a
library caller writing papers into a folder of its own).

The workbooks ``generate`` writes are not recorded here: each record of ``so-da-phat/`` holds its workbook's
SHA-256, which tells an issued workbook from a filled one in the outbox the same way (:func:`free_name`).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import time
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

from thidua_xlsx.model.places import OUTPUTS_RECORD
from thidua_xlsx.model.result import WrittenFile
from thidua_xlsx.system.files import install, replacing, sha256_of

RECORD_SCHEMA = 1
BESIDE, BESIDE_N = " (moi)", " (moi {n})"  # the name of a new file written beside a kept one


SAVE_EVERY = 0.5  # seconds: how often, at most, the record is saved while a run writes its files


def beside_name(path: Path, n: int) -> Path:
    """The ``n``-th name beside ``path`` (1: ``name (moi).ext``, 2: ``name (moi 2).ext``…)."""
    mark = BESIDE if n == 1 else BESIDE_N.format(n=n)
    return path.with_name(f"{path.stem}{mark}{path.suffix}")


def free_name(path: Path, replaceable: Callable[[Path], bool], companions: tuple[str, ...] = ()) -> Path:
    """``path``, or the first name beside it, whose file — and whose companion of each suffix in
    ``companions`` (a paper's PDF) — is absent or ``replaceable``."""
    n = 0
    candidate = path
    while not all(replaceable(p) for p in (candidate, *(candidate.with_suffix(s) for s in companions))):
        n += 1
        candidate = beside_name(path, n)
    return candidate


class Written:
    """The record of one campaign's outputs (see the module); ``beside`` lists, for the run to say, each
    (file kept, new file written beside it)."""

    def __init__(self, home: Path | None = None):
        self.home = Path(home).resolve() if home is not None else None
        self.beside: list[tuple[Path, Path]] = []
        self._files: dict[str, str] = self._load()
        self._changed = False
        self._saved_at = -SAVE_EVERY  # the first file written is on the record at once
        self._made: dict[str, Path] = {}  # this run's files, by key, in the order written
        self._replacing: set[str] = set()  # keys of the tool's own files found where this run writes (replaced)
        self._meant: dict[str, Path] = {}  # key of a file written beside a kept one → the path kept

    @property
    def path(self) -> Path | None:
        return self.home / OUTPUTS_RECORD if self.home is not None else None

    def _load(self) -> dict[str, str]:
        if self.path is None:
            return {}
        with contextlib.suppress(OSError, ValueError, TypeError, AttributeError):
            files = json.loads(self.path.read_text(encoding="utf-8"))["files"]
            return {str(k): str(v) for k, v in files.items()}
        return {}

    def _key(self, path: Path) -> str:
        path = Path(os.path.abspath(path))
        if self.home is not None and path.is_relative_to(self.home):
            return path.relative_to(self.home).as_posix()
        return str(path)

    def replaceable(self, path: Path) -> bool:
        """Absent, or the tool's own file: its bytes are those recorded."""
        if not os.path.lexists(path):
            return True
        recorded = self._files.get(self._key(path))
        try:
            return recorded is not None and Path(path).is_file() and sha256_of(path) == recorded
        except OSError:
            return False

    def name_for(self, path: Path, companions: tuple[str, ...] = ()) -> Path:
        """Where to write the output meant for ``path``: there, or beside a file kept (noted in ``beside``:
        the file kept — ``path`` or its companion of another suffix — and the name written)."""
        found = free_name(path, self.replaceable, companions)
        for suffix in ("", *companions):
            there = found.with_suffix(suffix) if suffix else found
            if os.path.lexists(there):
                self._replacing.add(self._key(there))
            if found != path:
                self._meant[self._key(there)] = path.with_suffix(suffix) if suffix else path
        if found != path:
            kept = next(p for p in (path, *(path.with_suffix(s) for s in companions)) if not self.replaceable(p))
            self.beside.append((kept, found))
        return found

    def install(self, staged: Path, target: Path) -> None:
        """Put the finished file ``staged`` at ``target`` whole, and record it."""
        digest = sha256_of(staged)
        Path(target).parent.mkdir(parents=True, exist_ok=True)
        install(staged, target)
        self._record(target, digest)

    def note(self, path: Path) -> None:
        """Record the file the tool has just written at ``path``."""
        self._record(path, sha256_of(path))

    def _record(self, path: Path, digest: str) -> None:
        """``path`` recorded as written with ``digest``, the record saved at once (at most twice a second: a run of a
        thousand files does not rewrite it a thousand times): a run killed later (the machine turned off, the
        process ended from the task manager) leaves its files known as the tool's own, never taken by the next run for
        files someone changed."""
        key = self._key(path)
        self._files[key] = digest
        self._changed = True
        self._made.setdefault(key, Path(path))
        if time.monotonic() - self._saved_at >= SAVE_EVERY:
            self.save()

    def moved(self, old: Path, new: Path) -> None:
        """The tool's own file at ``old`` now at ``new`` (moved whole, its bytes unchanged): still the tool's own there,
        replaceable by the next run as it was where it lay."""
        digest = self._files.pop(self._key(old), None)
        if digest is not None:
            self._files[self._key(new)] = digest
            self._changed = True

    def made(self, kind_of: Callable[[Path], str]) -> tuple[WrittenFile, ...]:
        """The files this run wrote, in order, each with its kind (``kind_of(path)``), whether it replaced a file of the
        tool's own, and the path kept when it went beside a file someone changed."""
        return tuple(WrittenFile(path, kind_of(path), key in self._replacing, self._meant.get(key))
                     for key, path in self._made.items())

    def holds_under(self, folder: Path) -> bool:
        """Whether the record holds a file the tool wrote inside ``folder`` (the papers of an earlier run)."""
        prefix = self._key(folder).rstrip("/") + "/"
        return any(key.startswith(prefix) and Path(path).exists() for key in self._files
                   if (path := (self.home / key if self.home is not None else Path(key))))

    def own_under(self, folder: Path) -> tuple[Path, ...]:
        """The files the record holds inside ``folder`` that are there (the tool's, as written or edited since)."""
        prefix = self._key(folder).rstrip("/") + "/"
        found = (self.home / key if self.home is not None else Path(key)
                 for key in self._files if key.startswith(prefix))
        return tuple(sorted(path for path in found if path.is_file()))

    def remove(self, path: Path) -> None:
        """Delete the tool's own file at ``path`` (an earlier run's PDF of a paper that has none now)."""
        if os.path.lexists(path) and self.replaceable(path):
            Path(path).unlink()
        self._changed |= self._files.pop(self._key(path), None) is not None

    @contextlib.contextmanager
    def saved_on_failure(self) -> Iterator[None]:
        """The block run; should it fail (a full disk, Ctrl-C), the record saved before the failure goes on, with
        every file written so far (the first fault said is the block's)."""
        try:
            yield
        except BaseException:
            with contextlib.suppress(OSError):
                self.save()
            raise

    def save(self) -> None:
        """Write the record whole, when it changed (never without a folder)."""
        if self.path is None or not self._changed:
            return
        with replacing(self.path) as tmp:
            tmp.write_text(json.dumps({"schema": RECORD_SCHEMA, "files": dict(sorted(self._files.items()))},
                                      ensure_ascii=False, indent=1), encoding="utf-8")
        self._changed, self._saved_at = False, time.monotonic()


_OURS = re.compile(rb"<dc:creator>\s*thidua-xlsx\b")
_RELEASE = re.compile(rb"<dc:description>\s*thidua-xlsx (\d+\.\d+\.\d+)")
MAX_PROPERTIES = 64 * 1024  # bytes of docProps/core.xml looked at (a few hundred, written by us)


def written_by(book: Path) -> str | None:
    """The release of thidua-xlsx a workbook says wrote it, in the properties it carries (which Excel and LibreOffice
    keep when they save it again): "0.9.0"; "" when it says thidua-xlsx wrote it and names no release (every release
    before 0.8.0); None when it says neither, or is no workbook to look in."""
    try:
        with zipfile.ZipFile(book) as package, package.open("docProps/core.xml") as core:
            properties = core.read(MAX_PROPERTIES)
    except (OSError, KeyError, EOFError, ValueError, zipfile.BadZipFile, zlib.error):
        return None
    release = _RELEASE.search(properties)
    if release is not None:
        return release[1].decode("ascii")
    return "" if _OURS.search(properties) else None
