"""The campaign folder: ``campaign.xlsx``, the record of issued workbooks, ``inbox/`` and ``outbox/``.

``merge`` and ``status`` find the campaign themselves: ``--campaign``; else the campaign folder
that holds the inbox (the inbox's folder or one above it); else a campaign folder beside the
inbox. When none (or several) is found, the user is told where the tool looked.

The campaign book is ``campaign.xlsx`` (what ``init`` writes) or ``campaign.ods``: a secretary who
opens it in LibreOffice and chooses "Save As" gets LibreOffice's own format by default, next to
the untouched ``campaign.xlsx``. Both are read the same way.

**Both in one folder.** The secretary expects the tool to use the book they saved last — the
rule the merge already follows for a department that sends two versions — so the one with the
later modification time is used (on an exact tie, ``campaign.xlsx``). Refusing would stop every
command after each "Save As", and a fixed preference for either name would pick the stale copy
in one of the two usual stories (edited in LibreOffice and saved as .ods; or saved as .ods once,
then back to editing the .xlsx in Excel). Because guessing by time can still be wrong (a copy
that reset the times), every command that opens the campaign says so in a warning: both names,
both save times, which one is used and how to keep only one. A book named explicitly
(``generate thidua-2025/campaign.ods``) is the one used, with the same warning.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model.issues import WARNING, Problems
from thidua_xlsx.read.registry import IssuedRegistry

CAMPAIGN_FILE = "campaign.xlsx"
CAMPAIGN_ODS = "campaign.ods"  # LibreOffice's "Save As" of campaign.xlsx
CAMPAIGN_FILES = (CAMPAIGN_FILE, CAMPAIGN_ODS)  # in order of preference when saved at the same time
INBOX, OUTBOX = "inbox", "outbox"
LEVELS_UP = 3  # DIR/inbox, DIR/inbox/cham-diem, DIR/nhan-ve/cham-diem/dot-2


@dataclass(frozen=True)
class CampaignFolder:
    folder: Path
    campaign: cm.Campaign
    book: Path | None = None  # the campaign book it was read from (campaign.xlsx or campaign.ods)

    @property
    def registry(self) -> IssuedRegistry:
        return IssuedRegistry(self.folder)

    @property
    def book_name(self) -> str:
        return self.book.name if self.book is not None else CAMPAIGN_FILE


def campaign_books(folder: Path) -> list[Path]:
    """The campaign books present in ``folder``, the one to use first (latest saved; see the module)."""
    found = [folder / name for name in CAMPAIGN_FILES if (folder / name).is_file()]
    return sorted(found, key=lambda p: -p.stat().st_mtime_ns)  # stable: a tie keeps CAMPAIGN_FILES order


def campaign_in(folder: Path) -> Path | None:
    """The campaign book of ``folder`` (campaign.xlsx or campaign.ods), or None."""
    books = campaign_books(folder)
    return books[0] if books else None


def campaign_file(path: Path) -> Path:
    """``path`` may be the campaign folder or the campaign book itself (.xlsx or .ods).

    A folder with no book gives ``folder/campaign.xlsx``, which the caller reports as not found."""
    if not path.is_dir():
        return path
    return campaign_in(path) or path / CAMPAIGN_FILE


def find_campaign(inbox: Path, problems: Problems) -> Path | None:
    """The campaign book for ``inbox``, or None with one message saying where the tool looked."""
    inbox = inbox.resolve()
    looked = []
    for folder in [inbox, *list(inbox.parents)[:LEVELS_UP]]:
        looked.append(f"{folder / CAMPAIGN_FILE}, {CAMPAIGN_ODS}")
        found = campaign_in(folder)
        if found is not None:
            return found
    beside = sorted(book for p in inbox.parent.iterdir()
                    if p.is_dir() and p != inbox and (book := campaign_in(p)) is not None)
    looked.append(f"{inbox.parent / '*' / CAMPAIGN_FILE}, {CAMPAIGN_ODS}")
    if len(beside) == 1:
        return beside[0]
    if beside:
        problems.add("campaign.ambiguous", inbox=str(inbox), found=", ".join(str(p.parent) for p in beside))
    else:
        problems.add("campaign.not_found_near", inbox=str(inbox), looked="; ".join(looked))
    return None


def open_campaign(book: Path) -> tuple[CampaignFolder | None, Problems]:
    """Load the campaign book ``book``; a second book beside it is a warning (see the module)."""
    from thidua_xlsx.read.campaign_book import load_campaign_book

    problems = Problems()
    if not book.is_file():
        problems.add("campaign.not_found", path=str(book))
        return None, problems
    others = [p for p in campaign_books(book.parent) if p.name != book.name] if book.name in CAMPAIGN_FILES else []
    for other in others:
        problems.add("campaign.two_files", WARNING, used=book.name, used_saved=_saved(book), other=other.name,
                     other_saved=_saved(other))
    campaign, loaded = load_campaign_book(book)
    problems.extend(loaded)
    return (CampaignFolder(book.parent, campaign, book) if campaign is not None else None), problems


def _saved(path: Path) -> str:
    """When the file was last saved, as the secretary's computer shows it."""
    return dt.datetime.fromtimestamp(path.stat().st_mtime).strftime("%d/%m/%Y %H:%M:%S")


def level_above_book(inbox: Path, campaign_path: Path | None) -> Path | None:
    """The level above's book (``cap-tren.xlsx``) for ``inbox``: in ``--campaign`` (a folder or the book itself), else
    in the inbox's folder or one above it; None when there is none (the inbox is a school's)."""
    from thidua_xlsx.model.level_above_book import BOOK_FILE

    if campaign_path is not None:
        book = campaign_path if campaign_path.name == BOOK_FILE else campaign_path / BOOK_FILE
        return book if book.is_file() else None
    for folder in [inbox.resolve(), *list(inbox.resolve().parents)[:LEVELS_UP]]:
        if (folder / BOOK_FILE).is_file():
            return folder / BOOK_FILE
    return None
