"""The commune's drafts (``--thu``), built as the school's are (:mod:`thidua_xlsx.write.drafts`): its summary, papers
and the province's import files to the level above it, and each school's code for the year."""

from __future__ import annotations

from pathlib import Path

from thidua_xlsx.commune.write import write_level_above_summary
from thidua_xlsx.model.commune import SENT_COPY, LevelAbove, LevelAboveSummary, SchoolRef
from thidua_xlsx.model.commune_key import CommuneKey
from thidua_xlsx.model.received import ATTACHMENT_TYPES
from thidua_xlsx.system.files import scratch_folder
from thidua_xlsx.system.voice import Voice
from thidua_xlsx.system.written import Written
from thidua_xlsx.text import mail as tm
from thidua_xlsx.write.drafts import Draft, Drafted, draft_name, say_drafted, write_drafts


def level_above_drafts(summary: LevelAboveSummary, key: CommuneKey, output: Path, docs: Path | None,
                       imports: Path | None, target: Path, written: Written, voice: Voice) -> Drafted:
    """The commune's merge with ``--thu``: one draft to the level above it (its address in cap-tren.xlsx) with the
    commune's summary, and the papers (``--docs``) and the province's import files (``--xuat-tinh``) written by this
    tool (unchanged) attached. The summary attached is a copy sent on, under ``output``'s name: the same sheets, its
    sealed record saying it is sent and recording no line, so that whoever receives it and ticks it decides nothing
    (commune.read_officer refuses it by name); the officer's own book stays ``output``, in her folder."""
    campaign = summary.campaign
    with scratch_folder("thidua_gui_") as work:
        sent = Path(work) / output.name
        write_level_above_summary(summary, sent, key, SENT_COPY)
        attached = [sent]
        for folder in (docs, imports):
            if folder is not None and folder.is_dir():
                attached += sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in ATTACHMENT_TYPES
                                   and written.replaceable(p))
        recipient = tm.LEVEL_ABOVE_RECIPIENT
        body = tm.LEVEL_ABOVE_BODY.format(recipient=recipient, authority=campaign.authority,
                                          year=campaign.school_year, files="\n".join(f"  - {p.name}" for p in attached),
                                          officer=campaign.officer or tm.LEVEL_ABOVE_OFFICER)
        draft = Draft(draft_name("gui", recipient), recipient, campaign.recipient_email, recipient,
                      tm.LEVEL_ABOVE_SUBJECT.format(authority=campaign.authority, year=campaign.school_year), body,
                      tuple(attached), tm.WHERE_LEVEL_ABOVE)
        return say_drafted(write_drafts([draft], target, written), target, voice)


def code_drafts(campaign: LevelAbove, schools: tuple[SchoolRef, ...], codes: dict[str, str]) -> list[Draft]:
    """The commune's opening (``status --thu`` at the level above): one draft per school of ``schools`` with the code
    the commune issues it for the year ({school code: code}) and how to enter it, so that its final summary comes
    sealed; each a secret (written for the officer's eyes only)."""
    drafts = []
    for school in schools:
        body = tm.CODE_BODY.format(school=school.name, authority=campaign.authority, year=campaign.school_year,
                                   code=codes[school.code], officer=campaign.officer or tm.LEVEL_ABOVE_OFFICER)
        drafts.append(Draft(draft_name("ma", school.name), school.name, school.email, school.name,
                            tm.CODE_SUBJECT.format(authority=campaign.authority, year=campaign.school_year), body,
                            (), tm.WHERE_SCHOOL, secret=True))
    return drafts
