"""The one gate through which every summary of ours comes back: the council's pass and ``generate --from`` (the
school's own summaries), ``year`` (the periods'), the history (earlier final summaries), the commune (the schools'
final summaries) and the analysts' API.

A summary is opened once, in one order of checks, whoever asks: its bytes through containment to the caller's
bounds (a school's own file, or another party's); calamine opens it; its hidden metadata is read, every field
typed (one of another type than the tool writes: damaged, or crafted to break a reader); then its schema
(1 to ours: a newer one was written by a newer thidua-xlsx, anything else is no metadata the tool wrote), whether
its data was edited by hand since it was written (its digest), its campaign and school year, its round, whether it
is a period's, and the oldest schema the caller can use. The first that fails is the refusal, as a kind with its
facts; each caller words it with its own message (:data:`Refusals`), since "not a scoring
summary" means one thing to the council's pass and another to the history. The caller then reads what it needs of
the metadata and of the workbook (:class:`Opened`).
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.commune import LEVEL_ABOVE_META_KIND, ListChange
from thidua_xlsx.model.issues import ERROR, Problems
from thidua_xlsx.model.summary_fields import Mistyped
from thidua_xlsx.read.containment import OWN, Bounds, read_own_book
from thidua_xlsx.read.inflating import Unzipped
from thidua_xlsx.read.package_parts import BOOK_PART, BOOK_RELS_PART, CONTENT_TYPES, STYLES_PART
from thidua_xlsx.read.school_lists import list_check
from thidua_xlsx.read.sheet_views import sheet_views
from thidua_xlsx.text.releases import RELEASE_UNSAID, VERSION

if TYPE_CHECKING:  # for the annotations only: python-calamine loads when a book is read
    from python_calamine import CalamineWorkbook

# Why a summary is not used, in the gate's order.
UNREADABLE = "unreadable"  # broken, encrypted, no workbook calamine can open
NOT_OURS = "not_ours"  # no summary metadata of ours
META_DAMAGED = "meta_damaged"  # metadata of ours with a field that is not what the tool writes: damaged or crafted
SCHEMA_UNKNOWN = "schema_unknown"  # written by a newer thidua-xlsx (or its version number edited)
DATA_EDITED = "data_edited"  # the data changed by hand since it was written
OTHER_CAMPAIGN = "other_campaign"
OTHER_YEAR = "other_year"
OTHER_ROUND = "other_round"
PERIOD = "period"  # a period's summary where the year's or the final one is wanted
NOT_PERIOD = "not_period"  # the year's or a final summary where a period's is wanted
OLDER = "older"  # written before the summaries carried what the caller reads
LEVEL_ABOVE = "level_above"  # the level above's own summary (the commune's): ours, not a school's


@dataclass(frozen=True)
class Wanted:
    """What a caller can use: ``round`` (None: either), a period's summary or not (``period``: None, either), this
    ``campaign``'s (its id and school year; None: any school's), written with at least schema ``oldest``; read to
    ``bounds``. ``edited_ok``: data edited by hand is not refused but said (:attr:`Opened.edited`) — the commune,
    which shows the officer what was edited rather than dropping it."""

    round: str | None = None
    period: bool | None = None
    campaign: cm.Campaign | None = None
    oldest: int = 1
    bounds: Bounds = OWN
    edited_ok: bool = False
    views: bool = False


@dataclass(frozen=True)
class Opened:
    """A summary that passed the gate: its bytes, its workbook (calamine), its metadata, its SHA-256; whether it was
    edited by hand — its data (only under :attr:`Wanted.edited_ok`) or the lists it shows (:attr:`Wanted.views`) —,
    how its lists differ from its data (``changes``), and what containment saw of its zip (``unzipped``: its entries'
    names, its content types inflated)."""

    data: bytes
    book: CalamineWorkbook
    meta: ly.SummaryMeta
    sha256: str
    edited: bool = False
    content: str = ""  # what its layout seals, as read (model.layout.sealed_content): its seal is checked over it
    changes: tuple[ListChange, ...] = ()
    unzipped: Unzipped = field(default_factory=lambda: Unzipped(()))
    newer: bool = False  # written by a newer release that only added to this format (a higher minor): read all the same


Refusals = dict[str, str]  # a caller's message code for each kind (LEVEL_ABOVE falls back to NOT_OURS's)


def open_summary(path: Path, wanted: Wanted, refusals: Refusals, problems: Problems, /, **where: object
                 ) -> Opened | None:
    """``path`` through the gate (see the module), or None with the refusal in ``problems``, worded with the
    caller's ``refusals`` and ``where`` (the file as the caller names it, and whatever else its messages need);
    containment's own reasons (too big, a sheet too large) keep their words. OSError when the file cannot be read
    at all."""
    def refuse(kind: str, **facts: object) -> None:
        code = refusals.get(kind) or refusals[NOT_OURS]
        problems.add(code, ERROR, **{**where, **facts})

    unzipped = Unzipped((CONTENT_TYPES, BOOK_PART, BOOK_RELS_PART, STYLES_PART) if wanted.views else (CONTENT_TYPES,))
    data = read_own_book(Path(path), problems, refusals[UNREADABLE], wanted.bounds, unzipped, **where)
    if data is None:
        return None
    try:
        book = open_book(data)
        record = summary_record_in(book)
    except Mistyped as damaged:  # named in the refusal's JSON, never in its words
        refuse(META_DAMAGED, field=damaged.field)
        return None
    except calamine_error():  # a broken or foreign file: one refusal
        refuse(UNREADABLE)
        return None
    if record is None:
        refuse(LEVEL_ABOVE if _level_above(book) else NOT_OURS)
        return None
    meta, raw = record
    version = meta.schema_version
    if version < 1:  # no release writes it: damaged or crafted, never taken for a newer release
        refuse(META_DAMAGED, field="schema_version")
        return None
    if version > ly.SUMMARY_SCHEMA_VERSION:  # a whole number (typed): its fields are not read
        refuse(SCHEMA_UNKNOWN, found=version, supported=ly.SUMMARY_SCHEMA_VERSION, school=meta.school,
               release=release_words(meta.release), current=VERSION)
        return None
    try:
        content = ly.sealed_content(raw)  # by the rule of the layout it was written in, not today's
    except UnicodeEncodeError:  # a text in a key of no field that UTF-8 cannot write (half a surrogate pair)
        refuse(META_DAMAGED, field="")
        return None
    edited = ly.data_edited(meta, content)
    refused = _not_wanted(meta, wanted, edited)
    if refused is not None:
        refuse(refused[0], year=meta.school_year, **refused[1])
        return None
    try:
        shown_edited, changes = list_check(book, meta, lambda names: sheet_views(data, unzipped, names)) \
            if wanted.views else (False, ())
    except (TypeError, ValueError, KeyError, IndexError):  # tables of another shape than the tool writes
        refuse(META_DAMAGED, field="")
        return None
    except calamine_error():  # a sheet of its lists calamine cannot read (its XML cut, a string it does not hold)
        refuse(UNREADABLE)
        return None
    return Opened(data, book, meta, hashlib.sha256(data).hexdigest(), edited or shown_edited, content, changes,
                  unzipped, newer_minor(raw, version))


def newer_minor(raw: dict, version: int) -> bool:
    """Whether a summary of this format was written by a newer release that only added to it (its ``schema_minor``
    above this release's: model.layout.SUMMARY_SCHEMA_MINOR). Its additions are sealed with the rest (format 8 seals
    its JSON as read) and left unread."""
    minor = raw.get("schema_minor", 0)
    return version == ly.SUMMARY_SCHEMA_VERSION and type(minor) is int and minor > ly.SUMMARY_SCHEMA_MINOR


def _not_wanted(meta: ly.SummaryMeta, wanted: Wanted, edited: bool) -> tuple[str, dict[str, object]] | None:
    """Why a summary of ours is not the one ``wanted`` (the kind of refusal and what its message says besides the
    year), in the gate's order; None when it is."""
    campaign = wanted.campaign
    if edited and not wanted.edited_ok:
        return DATA_EDITED, {}
    if campaign is not None and meta.campaign_id != campaign.id:
        return OTHER_CAMPAIGN, {}
    if campaign is not None and meta.school_year != campaign.school.school_year:
        return OTHER_YEAR, {"expected": campaign.school.school_year}
    if wanted.round is not None and meta.round != wanted.round:
        return OTHER_ROUND, {"round": meta.round}
    if wanted.period is False and meta.period:
        return PERIOD, {"period": meta.period}
    if wanted.period is True and not meta.period:
        return NOT_PERIOD, {"round": meta.round}
    if meta.schema_version < wanted.oldest:
        return OLDER, {"found": meta.schema_version, "needed": wanted.oldest}
    return None


def _level_above(book: CalamineWorkbook) -> bool:
    """Whether ``book`` is the level above's own summary (the commune's, the Sở's): ours, but not a school's."""
    if ly.META_SHEET not in book.sheet_names:
        return False
    cells = [row[0] for row in book.get_sheet_by_name(ly.META_SHEET).to_python() if row]
    try:
        return bool(ly.meta_json(cells).get("kind") == LEVEL_ABOVE_META_KIND)
    except ValueError:
        return False


def open_book(data: bytes) -> CalamineWorkbook:
    """The workbook calamine opens from ``data`` (its sheets are parsed when asked for)."""
    from python_calamine import CalamineWorkbook  # deferred: python-calamine at start-up

    return CalamineWorkbook.from_filelike(io.BytesIO(data))


def calamine_error() -> type[Exception]:
    """What calamine raises on a sheet it cannot read (asked when an error is being matched: calamine is loaded)."""
    from python_calamine import CalamineError  # deferred: python-calamine at start-up

    return CalamineError


def summary_record_in(book: CalamineWorkbook) -> tuple[ly.SummaryMeta, dict] | None:
    """What a summary says about itself, with its metadata's JSON as read (what its own layout sealed); None when
    ``book`` is no summary of ours, :class:`Mistyped` when it is one whose metadata holds a field of another type
    than the tool writes (damaged, or crafted to break a reader: model.summary_fields)."""
    if ly.META_SHEET not in book.sheet_names:
        return None
    rows = book.get_sheet_by_name(ly.META_SHEET).to_python()
    try:
        raw = ly.meta_json([row[0] for row in rows if row], ly.MAX_SUMMARY_META_CHARS)
        return ly.SummaryMeta.from_json(raw), raw
    except Mistyped:
        raise
    except (ValueError, TypeError):  # a department's workbook, or metadata that is not a summary's any more
        return None


def release_words(release: object) -> str:
    """The release that wrote a summary, as a message names it: "thidua-xlsx 0.9.0", or words for a newer one that
    did not say."""
    return f"{ly.APP_ID} {release}" if isinstance(release, str) and release else RELEASE_UNSAID
