"""What changed for her since the release that last ran in a campaign folder, said once after an update: the first
run of a newer release (whichever door: the CLI, a job of the page, the page's first screen) says the lines of the
releases between that concern that folder — a commune's (``cap-tren.xlsx``) or a school's — what she must do first
(text.releases.CHANGES). The folder's runs record names the release that last ran there (system.runs); a folder with
no record (made by a release before 0.5.0, which kept none) is dated by its campaign book, which says the tool wrote
it; a folder whose book says neither (a new one) hears nothing."""

from __future__ import annotations

from pathlib import Path

from thidua_xlsx.model.places import CAMPAIGN_FILE, LEVEL_ABOVE_BOOK
from thidua_xlsx.system.runs import recent, release_before
from thidua_xlsx.system.written import written_by
from thidua_xlsx.text import releases as rx


def release_news(home: Path, page: bool = False) -> tuple[str, ...]:
    """The lines to say in campaign folder ``home`` after an update (() when none, and from then on: they are said
    once); ``page``: headed in the page's words, which name no command."""
    commune = (home / LEVEL_ABOVE_BOOK).is_file()
    before = release_before(home, lambda: written_by(home / (LEVEL_ABOVE_BOOK if commune else CAMPAIGN_FILE)))
    if before is None or before == rx.VERSION:
        return ()
    return news_lines(before, commune, rx.UPDATED_PAGE if page else rx.UPDATED)


def writer_news(home: Path) -> tuple[str, ...]:
    """The line said when the installed xlsxwriter is not one the workbook writer was compared on — every workbook is
    then written xlsxwriter's own, slower way (write.xlsx.shortcuts): the install is not the tested set —, once in
    campaign folder ``home``: not again while its runs record keeps a run that said it (for that release of
    xlsxwriter). Asked after a run that wrote files: xlsxwriter is then imported already."""
    import xlsxwriter  # deferred: xlsxwriter at start-up

    from thidua_xlsx.write.xlsx import shortcuts  # deferred: xlsxwriter at start-up

    if shortcuts():
        return ()
    line = rx.WRITER_UNCHECKED.format(version=xlsxwriter.__version__)
    return () if any(line in run.lines for run in recent(home)) else (line,)


def news_lines(before: str, commune: bool, heading: str = rx.UPDATED) -> tuple[str, ...]:
    """What changed since release ``before`` ("" one before 0.8.0) for a commune's folder or a school's: the heading,
    then each line of the releases after ``before``, those she must act on first; () when none concerns her."""
    found = _changes(before, (rx.BOTH, rx.COMMUNE if commune else rx.SCHOOL))
    if not found:
        return ()
    return (heading.format(before=before or rx.UPDATED_BEFORE_0_8, after=rx.VERSION),
            *(rx.UPDATED_LINE.format(version=version, line=line) for version, _whom, line in found))


def installer_news(before: str) -> tuple[str, ...]:
    """What changed since release ``before`` for whoever installs — the installer's window knows no folder: each line
    said with whom it concerns (a school, a commune), those to act on first."""
    found = _changes(before, (rx.BOTH, rx.SCHOOL, rx.COMMUNE))
    if not found:
        return ()
    return (rx.UPDATED_INSTALLER.format(before=before or rx.UPDATED_BEFORE_0_8, after=rx.VERSION),
            *(rx.UPDATED_LINE_FOR.format(version=version, whom=rx.WHOM[whom], line=line)
              for version, whom, line in found))


def _changes(before: str, whom: tuple[str, ...]) -> list[tuple[str, str, str]]:
    """(release, whom, line) of each release after ``before`` that concerns ``whom``, the lines to act on first."""
    found = [(version, audience, line) for version, lines in rx.CHANGES if _after(version, before)
             for audience, line in lines if audience in whom]
    found.sort(key=lambda change: not change[2].startswith(rx.TODO))  # stable: the releases' order kept within each
    return found


def _after(version: str, before: str) -> bool:
    if not before:
        return True
    try:
        return _number(version) > _number(before)
    except ValueError:  # a release named oddly: everything this one knows is said
        return True


def _number(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))
