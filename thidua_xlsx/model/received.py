"""What comes into a campaign folder from outside (a page's drop, a message's attachment, a folder of downloads), as
values: where a file came from (:class:`Received`), what became of it (:class:`Filed`), what the collector settled of a
message (:class:`MessageRecord`), the addresses each unit sends from, and the bounds of what an inbox takes.

The filing itself is the service's (:class:`thidua_xlsx.steps.intake.Intake`); the mail door reads messages and hands
each attachment to it through :class:`Filing`, so that the door imports values and words only (docs/architecture.md:
Doors over one service).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from thidua_xlsx.model.issues import Issue
from thidua_xlsx.text.collation import fold

FILED, SAME, REFUSED, NOT_OURS = "filed", "same", "refused", "not_ours"
OUTSIDE_FAULTS = frozenset({"intake.cannot_write"})  # refusals for a reason outside the file: tried again later
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
MAX_FILE_BYTES = 20 * 1024 * 1024  # a department's workbook is 20–300 KB
LOCK_PREFIXES = ("~$", ".~lock.")  # the owner files Excel (~$name) and LibreOffice (.~lock.name#) leave beside a book
ATTACHMENT_TYPES = {  # the attachment types written (mimetypes depends on the machine's registry on Windows)
    ".xlsx": ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ".xlsm": ("application", "vnd.ms-excel.sheet.macroEnabled.12"),
    ".xls": ("application", "vnd.ms-excel"),
    ".ods": ("application", "vnd.oasis.opendocument.spreadsheet"),
    ".docx": ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ".pdf": ("application", "pdf"),
    ".json": ("application", "json"),
    ".zip": ("application", "zip"),
}


BY_MAIL = "thu"  # Received.via of a book taken from e-mail (collect): its sender is the message's From


@dataclass(frozen=True)
class Received:
    """Where a file came from: the sender's address, the message's date (ISO) and id, and the door ("trang": the
    local page; "thu": e-mail; "thu-muc": a folder of downloads). Kept with the filed file; shown where its sources
    are."""

    sender: str = ""
    date: str = ""
    message_id: str = ""
    via: str = ""


@dataclass(frozen=True)
class Filed:
    """What became of one file brought in: :data:`FILED` (now at ``path``, relative to the campaign folder),
    :data:`SAME` (byte-identical to the file at ``path``: nothing written), :data:`REFUSED` (``problem`` says why
    and what to do) or :data:`NOT_OURS` (no book of this campaign's kind: left alone). ``round``, ``period`` and
    ``unit`` (the department's code, or at the commune the school) are what the record of issued books (or the
    summary's own data) says of it; ``issues`` what reading it found (for the page to show at once)."""

    name: str
    outcome: str
    path: str = ""
    problem: Issue | None = None
    round: str = ""
    period: str = ""
    unit: str = ""
    unit_name: str = ""
    sha256: str = ""
    issues: tuple[Issue, ...] = field(default=(), repr=False)


def settled(filed: Filed) -> bool:
    """Whether ``filed`` needs nothing more: filed, a copy of one filed, not ours, refused for its content — not
    refused for a reason outside the file (:data:`OUTSIDE_FAULTS`), which is to be tried again."""
    return not (filed.outcome == REFUSED and filed.problem is not None and filed.problem.code in OUTSIDE_FAULTS)


@dataclass(frozen=True)
class MessageRecord:
    """What the collector settled of one message (``message_id``): the SHA-256 of each attachment whose every file
    is :func:`settled`; ``done``: all its attachments are (the message is not looked at again); ``taken``: something
    of it was filed, or found already filed; ``digest`` and ``size``: the message's own bytes' (another message under
    the same Message-ID is another message; "" and 0: a record of a release that did not keep them); ``unlooked``: its
    attachments past the number looked at, never looked at (said again at each run that skips the message)."""

    message_id: str
    settled: frozenset[str] = frozenset()
    done: bool = False
    taken: bool = False
    digest: str = ""
    size: int = 0
    unlooked: int = 0


@dataclass(frozen=True)
class Addresses:
    """The campaign's addresses by unit (a department's code, or at the commune a school's folded name)."""

    by_unit: dict[str, str]

    def expected(self, filed: Filed) -> str:
        """The address ``filed``'s unit sends from ("" none known)."""
        return self.by_unit.get(filed.unit, "") or self.by_unit.get(fold(filed.unit_name or filed.unit), "")


class Filing(Protocol):
    """The service's intake as the mail door sees it: files filed by their codes, the messages' records kept."""

    def file(self, name: str, data: bytes, received: Received | None = None) -> list[Filed]: ...

    def messages_collected(self) -> dict[str, MessageRecord]: ...

    def note_message(self, record: MessageRecord) -> None: ...

    def addresses(self) -> Addresses: ...
