"""What changed for her since the release that last ran in a campaign folder, said once after an update: the first
run of a newer release (whichever door: the CLI, a job of the page, the page's first screen) says the lines of the
releases between that concern that folder — a commune's (``cap-tren.xlsx``) or a school's — what she must do first
(text.releases.CHANGES). The folder's runs record names the release that last ran there (system.runs); a folder that
remembers no run (a new one) hears nothing."""

from __future__ import annotations

from pathlib import Path

from thidua_xlsx.model.places import LEVEL_ABOVE_BOOK
from thidua_xlsx.system.runs import release_before
from thidua_xlsx.text import releases as rx


def release_news(home: Path, page: bool = False) -> tuple[str, ...]:
    """The lines to say in campaign folder ``home`` after an update (() when none, and from then on: they are said
    once); ``page``: headed in the page's words, which name no command."""
    before = release_before(home)
    if before is None or before == rx.VERSION:
        return ()
    return news_lines(before, (home / LEVEL_ABOVE_BOOK).is_file(), rx.UPDATED_PAGE if page else rx.UPDATED)


def news_lines(before: str, commune: bool, heading: str = rx.UPDATED) -> tuple[str, ...]:
    """What changed since release ``before`` ("" one before 0.8.0) for a commune's folder or a school's: the heading,
    then each line of the releases after ``before``, those she must act on first; () when none concerns her."""
    whom = (rx.BOTH, rx.COMMUNE if commune else rx.SCHOOL)
    found = [(version, line) for version, lines in rx.CHANGES if _after(version, before)
             for audience, line in lines if audience in whom]
    if not found:
        return ()
    found.sort(key=lambda pair: not pair[1].startswith(rx.TODO))  # stable: the releases' order kept within each
    return (heading.format(before=before or rx.UPDATED_BEFORE_0_8, after=rx.VERSION),
            *(rx.UPDATED_LINE.format(version=version, line=line) for version, line in found))


def _after(version: str, before: str) -> bool:
    if not before:
        return True
    try:
        return _number(version) > _number(before)
    except ValueError:  # a release named oddly: everything this one knows is said
        return True


def _number(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))
