"""Library entry points behind the commands: one call per command, no printing, no exiting."""

from __future__ import annotations

import uuid
from dataclasses import replace
from pathlib import Path

from thidua_xlsx import campaign as cm
from thidua_xlsx.issues import Problems


def init_campaign(directory: Path, level: str, campaign_id: str | None = None) -> cm.Campaign:
    """Write ``directory/campaign.xlsx`` from the preset of ``level`` with a fresh campaign id."""
    from thidua_xlsx.campaign_book import write_campaign_book

    campaign = replace(cm.load_preset(level), id=campaign_id or uuid.uuid4().hex[:16])
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / "campaign.xlsx"
    tmp = directory / "campaign.xlsx.tmp"
    write_campaign_book(campaign, tmp)
    tmp.replace(target)
    return campaign


def generate_round(campaign: cm.Campaign, round_: str, outbox: Path, from_summary: Path | None = None):
    """One workbook per department; ``from_summary`` pre-fills registered titles."""
    from thidua_xlsx.templates import generate

    problems = Problems()
    registrations, collective = {}, {}
    if from_summary is not None:
        from thidua_xlsx.registrations import read_registration_summary

        registrations, collective = read_registration_summary(from_summary, problems)
        if problems.errors:
            return [], problems
    return generate(campaign, round_, outbox, registrations=registrations, collective=collective), problems


def merge_inbox(inbox: Path, campaign: cm.Campaign | None = None, round_: str | None = None, on_file=None):
    """Read every file of ``inbox`` (read-only), check, consolidate. Returns a Summary.

    ``on_file(path)`` is called after each file (for a progress bar).
    """
    from thidua_xlsx.consolidate import Summary, consolidate, select_files
    from thidua_xlsx.reader import read_file, scan_inbox
    from thidua_xlsx.validate import validate

    files = []
    for path in scan_inbox(inbox):
        files.append(read_file(path, inbox))
        if on_file is not None:
            on_file(path)
    campaign, round_, winners = select_files(files, campaign, round_)
    if campaign is None:
        return Summary(None, round_, files, [], [], [i for f in files for i in f.issues], None)
    return consolidate(campaign, round_, files, [validate(f) for f in winners])
