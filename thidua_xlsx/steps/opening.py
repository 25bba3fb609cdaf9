"""What every command on a school's campaign does first: the campaign found and opened, the period asked checked."""

from __future__ import annotations

from pathlib import Path

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model.errors import Stopped
from thidua_xlsx.model.issues import Problems
from thidua_xlsx.steps import outputs as out
from thidua_xlsx.steps.workspace import CampaignFolder, campaign_file, find_campaign, open_campaign
from thidua_xlsx.system.voice import Voice, warn_problems
from thidua_xlsx.text import commands as ct


def refuse_period(problems: Problems) -> None:
    """A ``--period`` the campaign does not have (or none where one is needed) is the command's usage error: refused
    before anything is read (exit 2), with the campaign's periods."""
    if problems.errors:
        raise out.Refused("\n".join(p.render() for p in problems.errors))


def chosen_period(campaign: cm.Campaign, code: str | None, problems: Problems, required: bool) -> cm.Period | None:
    """The campaign's period of ``code``; an error in ``problems`` when it has no such period, when it has no
    periods at all, or (``required``) when a campaign with periods is given none."""
    listed = period_names(campaign)
    if code is None:
        if required and campaign.periods:
            problems.add("period.required", periods=listed)
        return None
    if not campaign.periods:
        problems.add("period.not_in_campaign")
        return None
    found = next((p for p in campaign.periods if p.code == code), None)
    if found is None:
        problems.add("period.unknown", period=code, periods=listed)
    return found


def open_campaign_book(book: Path, voice: Voice) -> CampaignFolder:
    """The campaign folder of ``book`` (campaign.xlsx or .ods); its warnings said; Stopped when invalid."""
    folder, problems = open_campaign(book)
    if folder is None:
        invalid = problems.errors and book.is_file()
        raise Stopped(problems, ct.CAMPAIGN_INVALID.format(count=len(problems.errors), file=book) if invalid else "")
    warn_problems(problems, voice)
    return folder


def locate_campaign(inbox: Path, campaign_path: Path | None, voice: Voice) -> CampaignFolder:
    """``--campaign``, else the campaign folder holding the inbox, else one beside it."""
    if campaign_path is not None:
        return open_campaign_book(campaign_file(campaign_path), voice)
    problems = Problems()
    book = find_campaign(inbox, problems)
    if book is None:
        raise Stopped(problems)
    voice.warn(ct.CAMPAIGN_USED.format(path=book))
    return open_campaign_book(book, voice)


def period_names(campaign: cm.Campaign) -> str:
    """The campaign's periods as the messages list them: "thang-9 (Tháng 9/2025), …"."""
    return ", ".join(f"{p.code} ({p.label})" for p in campaign.periods)


