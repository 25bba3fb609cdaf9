"""What a door asks of the service: one typed request per command, made from what the user gave (click's options,
the page's form) and nothing else. The service turns each into one :class:`~thidua_xlsx.model.result.Result`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from thidua_xlsx.text.commands import SCORING_WORDS

CLI, PAGE = "cli", "trang"  # the doors a run is remembered from
FOLDER = "thu-muc"  # what books came by when taken from a folder of downloads (collect FOLDER, the page's folder)


# How a school scores its staff, as init is told: each month or each quarter of the school year under Nghị định
# 233/2026 (its frame of criteria and ratings), or once at the year's end as before the decree.
SCORINGS = SCORING_WORDS  # "thang", "quy", "ca-nam": the words she types, and the page sends
BY_MONTH, BY_QUARTER, YEAR_END = SCORINGS


@dataclass(frozen=True, kw_only=True)
class InitRequest:
    """``init DIR``: a campaign from the preset of ``level`` (``cap-xa``: a commune's) scored as ``scoring`` says
    (one of :data:`SCORINGS`; by month unless told: how a school scores from the school year 2026-2027), or —
    ``source`` given — next year's from last year's campaign (``--tu``); ``new_key``: a commune's key made anew."""

    directory: Path
    level: str = "tieu-hoc"
    force: bool = False
    source: Path | None = None
    scoring: str = BY_MONTH
    new_key: bool = False  # ``--khoa-moi`` (``cap-xa`` only): a new key in place of the commune's, knowingly


@dataclass(frozen=True, kw_only=True)
class GenerateRequest:
    """``generate``: the books of ``round`` (and ``period``) into ``outbox`` (None: the campaign folder's own)."""

    campaign_path: Path
    round: str
    outbox: Path | None = None
    from_summary: Path | None = None
    force: bool = False
    period: str | None = None
    drafts_dir: Path | None = None


@dataclass(frozen=True, kw_only=True)
class MergeRequest:
    """``merge``'s options: the inbox, and the outputs asked for (None: not asked)."""

    inbox: Path
    output: Path | None = None  # the summary workbook (default: the round's, model.places)
    json_path: Path | None = None
    force: bool = False  # replace our own outputs
    pdf: bool = False
    strict: bool = False  # errors in the workbooks make the run fail
    council_path: Path | None = None  # the summary the council met with
    drop_council: bool = False  # the head's or council's pass kept with the round dropped on purpose (not applied)
    public_path: Path | None = None
    public_days: int = 5
    feedback_dir: Path | None = None
    docs_dir: Path | None = None
    campaign_path: Path | None = None
    round: str | None = None
    period: str | None = None  # by code; None: that of most workbooks
    history_path: Path | None = None  # lich-su.xlsx or a folder of earlier final summaries (the multi-year titles)
    import_dir: Path | None = None  # the level above: where the province's import files go
    mapping: str | None = None  # the level above: the installation's mapping (a name of nhap-tinh/, or a file)
    drafts_dir: Path | None = None  # --thu: the e-mail drafts of what was written (thidua_xlsx.write.drafts)




@dataclass(frozen=True, kw_only=True)
class YearRequest(MergeRequest):
    """``year``: ``inbox`` is the folder of the periods' summaries; written as ``merge`` writes."""


@dataclass(frozen=True, kw_only=True)
class StatusRequest:
    """``status``: the inbox read, nothing written but (``nudge`` and ``drafts_dir``) the reminders' drafts; at the
    level above, ``codes_of`` (``--ma``) asks for schools' codes instead of the report (None: not asked; "": every
    school's; else the school named), and ``drafts_dir`` drafts the codes."""

    inbox: Path
    campaign_path: Path | None = None
    round: str | None = None
    strict: bool = False
    nudge: bool = False
    period: str | None = None
    drafts_dir: Path | None = None
    codes_of: str | None = None


@dataclass(frozen=True, kw_only=True)
class HistoryRequest:
    """``history``: each final summary of ``summaries`` added to the history book ``book`` (None: beside the first)."""

    book: Path | None
    summaries: tuple[Path, ...]
    final: bool = False  # record a year still running as it is (its papers are drafts): said on purpose


@dataclass(frozen=True, kw_only=True)
class CollectRequest:
    """``collect SOURCE FOLDER``: ``source`` as typed (a folder or a saved message, an ``imaps://`` address), the
    campaign folder, the first day of mail to read, the mail server's certificate authority and its password (asked
    by the door, never kept)."""

    source: str
    folder: Path
    since: dt.date | None = None
    cafile: Path | None = None
    password: str = ""


Request = InitRequest | GenerateRequest | MergeRequest | StatusRequest | HistoryRequest | CollectRequest

LEVEL_ABOVE_LEVEL = "cap-xa"  # init's level of a commune's (or a Sở's) campaign: the schools' summaries
