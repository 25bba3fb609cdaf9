"""A school's summary brought to a commune's folder (dropped on its page, attached to an e-mail), filed into its
``inbox/`` as the commune's merge reads it (:func:`~thidua_xlsx.commune.read_inbox.read_school_summary`): a school's
registration summary, one of another year, anything that is no sealed final summary is refused with the merge's
reason before it is anywhere in the inbox. The filing itself (staged first, nothing overwritten, nothing filed twice,
who sent it recorded, a ZIP opened) is every intake's: :class:`~thidua_xlsx.steps.intake.Intake`."""

from __future__ import annotations

from pathlib import Path

from thidua_xlsx.commune.read_book import load_level_above_book
from thidua_xlsx.commune.read_inbox import read_school_summary
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.commune import LevelAbove
from thidua_xlsx.model.issues import ERROR, issue
from thidua_xlsx.model.places import INBOX
from thidua_xlsx.model.received import FILED, REFUSED, Addresses, Filed
from thidua_xlsx.read.containment import InboxItem
from thidua_xlsx.read.entries import sorted_out
from thidua_xlsx.steps.intake import Intake, IntakeError, refusal
from thidua_xlsx.text.collation import fold


def open_commune_intake(folder: Path, book: Path) -> CommuneIntake:
    """The intake of the commune's folder ``folder``, whose book is ``book`` (its ``cap-tren.xlsx``).
    :class:`~thidua_xlsx.steps.intake.IntakeError` when that book cannot be read."""
    campaign, problems = load_level_above_book(book)
    if campaign is None:
        raise IntakeError(problems)
    return CommuneIntake(folder, campaign)


class CommuneIntake(Intake):
    """The final summaries the commune's schools send, each filed into the commune's one inbox."""

    def __init__(self, folder: Path, campaign: LevelAbove):
        super().__init__(folder)
        self.campaign = campaign

    def addresses(self) -> Addresses:
        """Each school's address, by the school's name (folded, as the commune's merge matches it)."""
        return Addresses({fold(s.name): s.email.strip().lower() for s in self.campaign.schools if s.email})

    def _placed(self, item: InboxItem, expected: tuple[str, str] | None) -> Filed:
        name, year = item.name, self.campaign.school_year
        entry, summary = read_school_summary(sorted_out(item))
        if summary is None:
            return refusal(name, entry)
        if summary.school_year != year:
            return Filed(name, REFUSED, problem=issue("intake.other_year_summary", ERROR, file=name,
                                                      school=summary.school, year=summary.school_year,
                                                      expected=year), unit=summary.school)
        return Filed(name, FILED, path=str(self.folder / INBOX), round=ly.SCORING, unit=summary.school,
                     unit_name=summary.school, issues=entry.issues)
