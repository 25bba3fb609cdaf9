"""What the page shows of a commune's folder (``cap-tren.xlsx``), as the school's is shown by
:mod:`thidua_xlsx.steps.overview`: each school sent or not, as ``status`` at the commune says it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from thidua_xlsx.model import places
from thidua_xlsx.model.commune import Held
from thidua_xlsx.model.errors import Stopped
from thidua_xlsx.model.issues import NOTE, Issue
from thidua_xlsx.model.places import INBOX
from thidua_xlsx.system.runs import summary_of
from thidua_xlsx.system.voice import vietnam_today
from thidua_xlsx.text.ui import WORDS
from thidua_xlsx.text.wording import day_text

if TYPE_CHECKING:  # for the annotations only: the page starts without the commune's readers
    from thidua_xlsx.commune.steps import SchoolState


@dataclass(frozen=True)
class CommuneView:
    authority: str
    year: str
    deadline: str
    states: tuple[SchoolState, ...] = ()
    problems: tuple[Issue, ...] = ()
    summary: str = ""  # the commune's summary written, relative ("" none)
    stopped: str = ""
    held: tuple[Held, ...] = ()  # the proposals held apart, still waiting for the officer


def commune_overview(folder: Path, book: Path) -> CommuneView:
    """What the page shows of the commune's folder ``folder`` (its book ``book``): each school sent or not, as
    ``status`` at the commune says it, the problems, the proposals still held for the officer."""
    from thidua_xlsx.commune.steps import read_level_above, school_states  # deferred: python-calamine at start-up

    inbox = folder / INBOX
    officer = places.Places(folder).officer_book
    try:
        campaign, summary, _key = read_level_above(inbox, book, officer=officer if officer.is_file() else None,
                                                   kept=True)
    except Stopped as stop:
        return CommuneView("", "", "", problems=tuple(stop.problems), stopped=stop.message)
    problems = tuple(i for i in summary.every_issue()
                     if i.severity != NOTE and i.code != "level_above.held")  # each held: a row of its own table
    written = summary_of(folder, places.LEVEL_ABOVE_KEY, "", "")
    return CommuneView(campaign.authority, campaign.school_year,
                       day_text(campaign.deadline) if campaign.deadline else WORDS["no_deadline"],
                       tuple(school_states(summary, vietnam_today())), problems, written, held=summary.held)
