"""The record of what was issued: ``so-da-phat/`` in the campaign folder, one JSON file per workbook
``generate`` sent out (written by ``generate`` through :meth:`IssuedRegistry.record`), read back by the merge
to trust a returned workbook."""

from __future__ import annotations

import dataclasses
import functools
import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from thidua_xlsx.model.issued import ISSUED_FOLDER, LOCKED_FOLDER, IssuedWorkbook


def _write_json(path: Path, data) -> None:
    """Compact (read for every returned file at each merge), through a temporary file and a rename.
    Records written indented by earlier versions read the same."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    os.replace(tmp, path)


@functools.lru_cache(maxsize=8)  # the versions of a department come one after another in an inbox
def _parsed(path: Path, identity: tuple[int, int, int]) -> IssuedWorkbook:
    """The record in ``path``, read once for as long as its file is the same (``identity``: its inode,
    size and time — a rewritten record, as :meth:`IssuedRegistry.record` writes it, is read anew)."""
    return IssuedWorkbook.from_json(json.loads(path.read_text(encoding="utf-8")))


class IssuedRegistry:
    """The ``so-da-phat/`` folder of a campaign: one JSON file per issued workbook."""

    def __init__(self, campaign_folder: Path):
        self.folder = Path(campaign_folder) / ISSUED_FOLDER

    def _path(self, submission_id: str) -> Path | None:
        if not submission_id.isalnum():  # ids are hex digests; anything else names no file of ours
            return None
        return self.folder / f"{submission_id}.json"

    def get(self, submission_id: str) -> IssuedWorkbook | None:
        """The record, without its locked content when that is kept apart (see :meth:`locked`)."""
        path = self._path(submission_id)
        try:
            status = None if path is None else path.stat()
        except OSError:
            return None
        if status is None or not stat.S_ISREG(status.st_mode):
            return None
        return _parsed(path, (status.st_ino, status.st_size, status.st_mtime_ns))

    def locked(self, issued: IssuedWorkbook) -> tuple[tuple[str, str], ...]:
        """The locked content ``issued`` went out with: in its record (written before it was kept apart)
        or beside it; empty when neither has it (the file was removed)."""
        if issued.locked:
            return issued.locked
        path = self._path(issued.submission_id)
        if path is None:
            return ()
        try:
            data = json.loads((path.parent / LOCKED_FOLDER / path.name).read_text(encoding="utf-8"))
            return tuple((key, value) for key, value in data)
        except (OSError, ValueError, TypeError):
            return ()

    def record(self, issued: IssuedWorkbook) -> IssuedWorkbook:
        """Write the record; a re-issue of identical content adds its date to the first record."""
        previous = self.get(issued.submission_id)
        if previous is not None:
            dates = tuple(dict.fromkeys(previous.issued_on + issued.issued_on))
            issued = dataclasses.replace(issued, issued_on=dates)
        path = self._path(issued.submission_id)
        body = issued.to_json()
        (self.folder / LOCKED_FOLDER).mkdir(parents=True, exist_ok=True)
        _write_json(path.parent / LOCKED_FOLDER / path.name, body.pop("locked"))
        _write_json(path, body)  # after its locked content: a record never goes without it
        return issued

    def all(self) -> Iterator[IssuedWorkbook]:
        """Every record, one at a time: 10,000 of them held at once would take ~3.5 GB."""
        if self.folder.is_dir():
            for path in sorted(self.folder.glob("*.json")):
                yield self.get(path.stem)
