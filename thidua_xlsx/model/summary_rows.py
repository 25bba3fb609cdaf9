"""The final summaries read back for the analysts, as plain rows: what :mod:`thidua_xlsx.steps.summaries` reads
(without pandas) and :mod:`thidua_xlsx.api` turns into DataFrames, and the two values the API's users see —
:class:`SummaryError` and :class:`Skipped`.

Each row is a tuple in the order of its frame's columns (``PEOPLE``, ``DECISIONS``, ``DEPARTMENTS``): the columns
are the contract between the reader and the frames, so they live here, with the rows.
"""

from __future__ import annotations

from dataclasses import dataclass

from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.issues import Issue
from thidua_xlsx.model.summary_fields import Row

WHERE = ["school", "school_year", "campaign_id", "file"]
PEOPLE = WHERE + ["code", "name", "birth_date", "department_code", "department", "position", "gender", "rating",
                  "final_score", "titles", "award_form", "initiative", "initiative_level", "initiative_decision",
                  "discipline"]
DECISIONS = WHERE + ["code", "name", "department_code", "department", "title", "title_name", "granted", "pending",
                     "votes", "council_members"]
DEPARTMENTS = WHERE + ["department_code", "department", "title", "title_name", "granted", "pending", "votes",
                       "council_members"]
# council: the council's pass made it (False: a pre-council summary); edited: its proposal lists were changed by hand
# after the tool wrote them (the shown lists and the data disagree); sealed: it carries the keyed seal of a code the
# level above issued (which only the level above can check); fingerprint: the file's SHA-256
SCHOOLS = WHERE + ["council", "edited", "sealed", "fingerprint", "people", "departments"]  # then one per title


class SummaryError(ValueError):
    """A file that is not a final summary the API can read: ``str(error)`` says why and what to do, in
    Vietnamese; ``issue`` is the same as data (its ``code``, e.g. ``"api.older"``, and parameters)."""

    def __init__(self, found: Issue):
        super().__init__(found.message)
        self.issue = found

    @property
    def code(self) -> str:
        return self.issue.code

    @property
    def file(self) -> str:
        return self.issue.file


@dataclass(frozen=True)
class Skipped:
    """A file :func:`~thidua_xlsx.api.read_summaries` did not read: its name, why (in Vietnamese) and the reason's
    code."""

    file: str
    reason: str
    code: str

    @classmethod
    def of(cls, found: Issue) -> Skipped:
        """The file ``found`` names, skipped for the reason it gives."""
        return cls(found.file, found.message, found.code)


@dataclass(frozen=True, eq=False)  # compared by identity: two reads of one file are two summaries
class SummaryRows:
    """One final summary read: where it came from and its rows, frame by frame (tuples in the columns' order)."""

    file: str
    saved: float  # when the file was last saved (its mtime): the later of two summaries of one school's year wins
    meta: ly.SummaryMeta
    edited: bool  # the lists shown no longer say what the data says (read.school_lists)
    fingerprint: str  # SHA-256 of the file
    where: tuple[str, str, str, str]  # school, school year, campaign id, file: the first columns of every row
    people: tuple[Row, ...]
    decisions: tuple[Row, ...]
    departments: tuple[Row, ...]


@dataclass(frozen=True)
class SummariesRead:
    """What reading final summaries gave: the summaries read, in the order found (one per school, year and
    campaign), and the files skipped, each with its reason."""

    summaries: tuple[SummaryRows, ...]
    skipped: tuple[Skipped, ...] = ()
