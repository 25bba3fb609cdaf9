"""The campaign folder: ``campaign.xlsx``, the record of issued workbooks, ``inbox/`` and ``outbox/``.

``merge`` and ``status`` find the campaign themselves: ``--campaign``; else the campaign folder
that holds the inbox (the inbox's folder or one above it); else a campaign folder beside the
inbox. When none (or several) is found, the user is told where the tool looked.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from thidua_xlsx import campaign as cm
from thidua_xlsx.issued import IssuedRegistry
from thidua_xlsx.issues import Problems

CAMPAIGN_FILE = "campaign.xlsx"
INBOX, OUTBOX = "inbox", "outbox"
LEVELS_UP = 3  # DIR/inbox, DIR/inbox/cham-diem, DIR/nhan-ve/cham-diem/dot-2


@dataclass(frozen=True)
class CampaignFolder:
    folder: Path
    campaign: cm.Campaign

    @property
    def registry(self) -> IssuedRegistry:
        return IssuedRegistry(self.folder)


def campaign_file(path: Path) -> Path:
    """``path`` may be the campaign folder or the campaign.xlsx itself."""
    return path / CAMPAIGN_FILE if path.is_dir() else path


def find_campaign(inbox: Path, problems: Problems) -> Path | None:
    """The campaign.xlsx for ``inbox``, or None with one message saying where the tool looked."""
    inbox = inbox.resolve()
    looked = []
    for folder in [inbox, *list(inbox.parents)[:LEVELS_UP]]:
        candidate = folder / CAMPAIGN_FILE
        looked.append(str(candidate))
        if candidate.is_file():
            return candidate
    beside = sorted(p / CAMPAIGN_FILE for p in inbox.parent.iterdir()
                    if p.is_dir() and p != inbox and (p / CAMPAIGN_FILE).is_file())
    looked.append(str(inbox.parent / "*" / CAMPAIGN_FILE))
    if len(beside) == 1:
        return beside[0]
    if beside:
        problems.add("campaign.ambiguous", inbox=str(inbox), found=", ".join(str(p.parent) for p in beside))
    else:
        problems.add("campaign.not_found_near", inbox=str(inbox), looked="; ".join(looked))
    return None


def open_campaign(book: Path) -> tuple[CampaignFolder | None, Problems]:
    from thidua_xlsx.campaign_book import load_campaign_book

    problems = Problems()
    if not book.is_file():
        problems.add("campaign.not_found", path=str(book))
        return None, problems
    campaign, loaded = load_campaign_book(book)
    problems.extend(loaded)
    return (CampaignFolder(book.parent, campaign) if campaign is not None else None), problems
