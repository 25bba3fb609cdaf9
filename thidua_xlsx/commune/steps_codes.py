"""A school's code, shown only when the officer asks for it: a code lets whoever holds it seal a summary in that
school's name, so it is a secret like the commune's key (docs/security.md). Here the schools asked for (by name or by
their code in the commune's list) and the code the key issues each for the year; nothing here writes or remembers a
code — the doors show it (``status --ma`` through :attr:`Voice.secret <thidua_xlsx.system.voice.Voice>`, the commune
page's *Xem mã* button) and forget it."""

from __future__ import annotations

from pathlib import Path

from thidua_xlsx.model.commune import LevelAbove, SchoolRef
from thidua_xlsx.model.commune_key import CommuneKey
from thidua_xlsx.model.errors import Refused
from thidua_xlsx.text import commands as ct
from thidua_xlsx.text.collation import fold


def schools_asked(campaign: LevelAbove, asked: str) -> tuple[SchoolRef, ...]:
    """The schools of ``campaign``'s list that ``asked`` names: all of them for "" (``--ma`` alone); else the one whose
    name or list code it is (case, accents and spacing aside, as the commune matches a summary's school), else the
    only one whose name holds it. :class:`Refused`, with the schools to choose from, when none or several do."""
    if not asked.strip():
        return campaign.schools
    wanted = fold(asked)
    named = [s for s in campaign.schools if wanted in (fold(s.name), fold(s.code))]
    if named:
        return (named[0],)
    holding = [s for s in campaign.schools if wanted in fold(s.name)]
    if len(holding) == 1:
        return (holding[0],)
    if holding:
        raise Refused(ct.CODES_MANY_SCHOOLS.format(asked=asked, schools=", ".join(s.name for s in holding)))
    raise Refused(ct.CODES_UNKNOWN_SCHOOL.format(asked=asked, schools=", ".join(s.name for s in campaign.schools)))


def issued_codes(campaign: LevelAbove, key: CommuneKey, schools: tuple[SchoolRef, ...]) -> dict[str, str]:
    """{a school's list code: the code the commune's ``key`` issues it for ``campaign``'s year}, for ``schools``."""
    return {s.code: key.school_code(s.code, campaign.school_year) for s in schools}


def school_code(book: Path, name: str) -> tuple[str, str, str] | None:
    """The one school of the commune's list (``book``) named ``name`` exactly (folded), for the page's *Xem mã*: (its
    name, the school year, its code); None when no school of the list has that name. Stopped when the book or its key
    cannot be used."""
    from thidua_xlsx.commune.steps import commune_book  # deferred: python-calamine at start-up

    campaign, key, _made = commune_book(book)
    found = [s for s in campaign.schools if name.strip() and fold(s.name) == fold(name)]
    if not found:
        return None
    return found[0].name, campaign.school_year, issued_codes(campaign, key, (found[0],))[found[0].code]
