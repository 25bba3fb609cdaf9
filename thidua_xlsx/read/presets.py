"""The campaign presets shipped per school level (workbook_templates/, installed as thidua_xlsx/presets)."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from pathlib import Path

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model.issues import Problems
from thidua_xlsx.model.new_year import without_year


def preset_dir() -> Path:
    package = Path(__file__).parent.parent  # thidua_xlsx/
    installed = package / "presets"
    return installed if installed.is_dir() else package.parent / "workbook_templates"


YEAR_NOTE = "year_note"  # a preset person's note on a fact of the sample's year (a leave, a discipline)


def load_preset(level: str, year: bool = True) -> cm.Campaign:
    """The preset of ``level``: a sample school in its sample year, each person with the facts of that year (sheet
    Nhân sự's rating, months, leave, discipline, sáng kiến) and the note on them (``year_note``, after the person's
    own ``notes``) — the try-it sample's and the tests' school. Without ``year``, the school as a new campaign starts
    it: who each person is, nothing the year decides (:func:`~thidua_xlsx.model.new_year.without_year`)."""
    data = json.loads((preset_dir() / f"{level}.json").read_text(encoding="utf-8"))
    for person in data["staff"]:
        note = person.pop(YEAR_NOTE, "")
        if year and note:
            person["notes"] = "; ".join(filter(None, (person.get("notes", ""), note)))
    campaign = cm.from_dict(data)
    return campaign if year else without_year(campaign)


class DataFileError(Exception):
    """A data file's first problem: the message code and its parameters (the loader reports it and goes on)."""

    def __init__(self, code: str, **params):
        super().__init__(code)
        self.code, self.params = code, params


def read_data_file(path: Path, problems: Problems, bad_json: str, convert: Callable):
    """A data file (a rule set, a province, an import mapping) as ``convert(data, path)`` makes it, read once per
    version of the file; None with its first problem in ``problems`` (``bad_json``: the caller's message for a file
    that is no JSON or cannot be read; ``convert`` raises :class:`DataFileError` for the rest)."""
    try:
        stat = path.stat()
    except OSError as exc:
        problems.add(bad_json, file=path.name, line=0, column=0, problem=exc.strerror or str(exc))
        return None
    found = _converted(path, (stat.st_mtime, stat.st_size), bad_json, convert)
    if isinstance(found, DataFileError):
        problems.add(found.code, **found.params)
        return None
    return found


@functools.lru_cache(maxsize=64)
def _converted(path: Path, stamp: tuple[float, int], bad_json: str, convert: Callable):
    """What :func:`read_data_file` reads, once per version of the file (``stamp``: its modification time and size)."""
    data, wrong = json_data(path)
    if wrong is not None:
        return DataFileError(bad_json, file=path.name, **wrong)
    try:
        return convert(data, path)
    except DataFileError as broken:
        return broken


def json_data(path: Path) -> tuple[object, dict | None]:
    """A data file's JSON (a rule set, a province, an import mapping), or None and where it is wrong (line, column,
    problem), for the caller's own message."""
    try:
        return json.loads(path.read_text(encoding="utf-8")), None
    except json.JSONDecodeError as exc:
        return None, {"line": exc.lineno, "column": exc.colno, "problem": exc.msg}
    except (OSError, UnicodeDecodeError) as exc:
        return None, {"line": 0, "column": 0, "problem": str(exc)}
