"""The record of what was issued: ``so-da-phat/`` in the campaign folder, one JSON file per workbook
``generate`` sent out (written by ``generate`` through :meth:`IssuedRegistry.record`), read back by the merge
to trust a returned workbook.

The folder is the secretary's to keep, and things happen to it: a record cut short by a full disk or a
copy, a stray file saved there, the folder lost with a computer. A record that is there but cannot be read is
not "no record": :meth:`IssuedRegistry.get` gives None only when no file of that workbook's id is there (never
issued), and raises :class:`DamagedRecord` when one is there but damaged or out of reach — the workbook was
issued, and restoring that one file from a backup is what to do, not issuing it again (the department need not
fill it again). The other records are read; :meth:`IssuedRegistry.problems` names each damaged or stray file of
the folder. Records are written whole (a temporary file renamed into place).
"""

from __future__ import annotations

import dataclasses
import functools
import json
import re
import stat
from collections.abc import Iterator
from pathlib import Path

from thidua_xlsx.model.issued import LOCKED_FOLDER, IssuedWorkbook
from thidua_xlsx.model.issues import WARNING, Issue, issue
from thidua_xlsx.model.places import ISSUED_FOLDER
from thidua_xlsx.system.files import replacing
from thidua_xlsx.text.commands import REGISTRY_DAMAGE

RECORD_NAME = re.compile(r"[0-9a-f]+")  # a record is named after its submission id, a hex digest
BROKEN = (ValueError, KeyError, TypeError, AttributeError)  # what reading a damaged record raises


def _json_text(data) -> str:
    """Compact (read for every returned file at each merge). Records written indented by earlier versions read the
    same."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _write_text(path: Path, text: str) -> None:
    """Through a temporary file and a rename."""
    with replacing(path) as tmp:
        tmp.write_text(text, encoding="utf-8")


def locked_json(locked: tuple[tuple[str, str], ...]) -> str:
    """The JSON a record keeps of its locked content (:meth:`IssuedRegistry.record`)."""
    return _json_text(locked)  # pairs as JSON arrays, as lists would be


@functools.lru_cache(maxsize=8)  # the versions of a department come one after another in an inbox
def _parsed(path: Path, identity: tuple[int, int, int]) -> IssuedWorkbook:
    """The record in ``path``, read once for as long as its file is the same (``identity``: its inode,
    size and time — a rewritten record, as :meth:`IssuedRegistry.record` writes it, is read anew)."""
    return IssuedWorkbook.from_json(_json(path))


class DamagedRecord(ValueError):
    """The record of a workbook that was issued is there but cannot be read: ``path`` (relative to the campaign
    folder), ``reason`` (the words of :data:`~thidua_xlsx.text.commands.REGISTRY_DAMAGE`). A returned workbook
    whose record this is is rejected with :data:`code` and :attr:`params` (never as not issued)."""

    code = "file.record_damaged"

    def __init__(self, path: str, reason: str):
        super().__init__(path)
        self.path, self.reason = path, reason

    @property
    def params(self) -> dict[str, str]:
        return {"path": self.path, "reason": self.reason}


class IssuedRegistry:
    """The ``so-da-phat/`` folder of a campaign: one JSON file per issued workbook."""

    def __init__(self, campaign_folder: Path):
        self.folder = Path(campaign_folder) / ISSUED_FOLDER

    def _path(self, submission_id: str) -> Path | None:
        if not submission_id.isalnum():  # ids are hex digests; anything else names no file of ours
            return None
        return self.folder / f"{submission_id}.json"

    def get(self, submission_id: str) -> IssuedWorkbook | None:
        """The record, without its locked content when that is kept apart (see :meth:`locked`); None when
        there is none (never issued); :class:`DamagedRecord` when its file is there but cannot be read."""
        path = self._path(submission_id)
        if path is None:
            return None
        try:
            status = path.stat()
        except (FileNotFoundError, NotADirectoryError):
            return None
        except OSError:  # there, maybe, but out of reach (a path too long, no permission)
            raise DamagedRecord(self._where(path), REGISTRY_DAMAGE["unreadable"]) from None
        if not stat.S_ISREG(status.st_mode):
            return None
        try:
            return _parsed(path, (status.st_ino, status.st_size, status.st_mtime_ns))
        except (OSError, *BROKEN):
            damage = _damage(path, IssuedWorkbook.from_json) or "unreadable"
            raise DamagedRecord(self._where(path), REGISTRY_DAMAGE[damage]) from None

    def _where(self, path: Path) -> str:
        """``path`` as the messages name it: relative to the campaign folder ("so-da-phat/…json")."""
        return path.relative_to(self.folder.parent).as_posix()

    def locked(self, issued: IssuedWorkbook) -> tuple[tuple[str, str], ...]:
        """The locked content ``issued`` went out with: in its record (written before it was kept apart)
        or beside it; empty when neither has it (the file was removed)."""
        if issued.locked:
            return issued.locked
        path = self._path(issued.submission_id)
        if path is None:
            return ()
        try:
            return _locked_pairs(path.parent / LOCKED_FOLDER / path.name)
        except (OSError, *BROKEN):
            return ()

    def record(self, issued: IssuedWorkbook, locked_text: str | None = None) -> IssuedWorkbook:
        """Write the record; a re-issue of identical content adds its date to the first record. ``locked_text``: the
        locked content's JSON (:func:`locked_json`) made beforehand, ``issued`` then holding none."""
        try:
            previous = self.get(issued.submission_id)
        except DamagedRecord:  # replaced by this one, whole
            previous = None
        if previous is not None:
            dates = tuple(dict.fromkeys(previous.issued_on + issued.issued_on))
            issued = dataclasses.replace(issued, issued_on=dates)
        path = self._path(issued.submission_id)
        if path is None:  # ids are made by generate (hex digests)
            raise ValueError(f"not a submission id: {issued.submission_id!r}")
        body = issued.to_json()
        locked = body.pop("locked")
        (self.folder / LOCKED_FOLDER).mkdir(parents=True, exist_ok=True)
        _write_text(path.parent / LOCKED_FOLDER / path.name, locked_text if locked_text is not None else
                    _json_text(locked))
        _write_text(path, _json_text(body))  # after its locked content: a record never goes without it
        return issued

    def all(self) -> Iterator[IssuedWorkbook]:
        """Every readable record, one at a time: 10,000 of them held at once would take ~3.5 GB."""
        if self.folder.is_dir():
            for path in sorted(self.folder.glob("*.json")):
                try:
                    found = self.get(path.stem)
                except DamagedRecord:  # named by problems()
                    continue
                if found is not None:
                    yield found

    def problems(self, read: bool = True) -> list[Issue]:
        """A warning for each .json file of the folder (and of its locked content) that is not a readable
        record: a stray file (told by its name), or — when ``read``: every record is read, which a merge
        asks only when a workbook was turned away for want of its record — a record damaged (cut short,
        edited)."""
        if not self.folder.is_dir():
            return []
        found = []
        for folder, reader in ((self.folder, IssuedWorkbook.from_json), (self.folder / LOCKED_FOLDER, _pairs)):
            for path in sorted(folder.glob("*.json")) if folder.is_dir() else ():
                where = self._where(path)
                if not RECORD_NAME.fullmatch(path.stem) or not path.is_file():
                    found.append(issue("registry.stray", WARNING, path=where))
                elif read and (damage := _damage(path, reader)) is not None:
                    found.append(issue("registry.damaged", WARNING, path=where, reason=REGISTRY_DAMAGE[damage]))
        return found


def _json(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


def _pairs(data) -> tuple[tuple[str, str], ...]:
    return tuple((key, value) for key, value in data)


def _locked_pairs(path: Path) -> tuple[tuple[str, str], ...]:
    return _pairs(_json(path))


def _damage(path: Path, read) -> str | None:
    """What is wrong with the record at ``path`` (a key of REGISTRY_DAMAGE), or None when ``read`` takes
    its JSON."""
    try:
        data = _json(path)
    except OSError:
        return "unreadable"
    except ValueError:  # not JSON, or not UTF-8: cut short, or not ours
        return "json"
    try:
        read(data)
    except BROKEN:
        return "content"
    return None
