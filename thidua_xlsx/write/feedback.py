"""Feedback copies (``merge --feedback DIR``): each department with problems gets its own returned
workbook back, every problem cell marked (fill and comment), and a first sheet saying what to fix.

The copy stays what it was: the same sheets, the same protection, the same hidden identity, so
that when the department fixes it and sends it back the merge reads it like any other version.
Only the department's own file is used (never another department's data); the inbox is never
written. A copy of a copy replaces the previous feedback sheet and marks, restoring the cells'
own fills, which the feedback sheet keeps in hidden columns.

A file already in the feedback folder is replaced only when it is the tool's own, as written (an
earlier feedback copy nobody has touched: :mod:`thidua_xlsx.system.written`); anything else — a copy
a department fixed in place, a workbook saved there — is kept, and the new copy written beside it as
``<name> (moi).xlsx`` (the record's ``beside``, for the caller to say). Each copy is written whole.

.xlsx and .xlsm are annotated with openpyxl; an .xls or .ods, and an .xlsx whose style sheet openpyxl
refuses (calamine read its values), is first converted to .xlsx by LibreOffice when it is installed, else
it gets no copy (its problems are in the summary anyway).
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.styles.fills import fills as FILL_TYPES
from openpyxl.worksheet.hyperlink import Hyperlink

from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.inbox import ACCEPTED, InboxFile
from thidua_xlsx.model.issues import ERROR, WARNING, Issue
from thidua_xlsx.model.results import Summary
from thidua_xlsx.system import office, pool
from thidua_xlsx.system.files import scratch_folder
from thidua_xlsx.system.office import OfficeError, convert
from thidua_xlsx.system.pool import shared_pool
from thidua_xlsx.system.voice import Voice, vietnam_now
from thidua_xlsx.system.written import Written
from thidua_xlsx.text import commands as ct
from thidua_xlsx.text import workbook as wx
from thidua_xlsx.write.engine import (
    ERROR_FILL,
    FONT,
    HEADER_FILL,
    MARGINS,
    WARNING_FILL,
    cell_lines,
    replacing,
    row_height,
)


def _argb(colour: str) -> str:
    """The engine's "#RRGGBB" as openpyxl's opaque "FFRRGGBB"."""
    return "FF" + colour.lstrip("#")


MARK_FILLS = {ERROR: _argb(ERROR_FILL), WARNING: _argb(WARNING_FILL)}  # the summary's colours of the same problems
AUTHOR = ly.APP_ID  # our comments, told from a teacher's by their author
FIRST_ROW = 6  # of the problem table on the feedback sheet (headings above)
KEEP_COLUMNS = ("H", "I", "J", "K")  # hidden: sheet, cell, original fill type, original colour


@dataclass(frozen=True)
class DepartmentFeedback:
    department: str
    file: InboxFile
    problems: tuple[Issue, ...]  # errors first, then warnings, in reading order


@dataclass(frozen=True)
class FeedbackResult:
    written: tuple[Path, ...]
    not_converted: tuple[str, ...]  # files with problems that could not be annotated (no LibreOffice, or it failed)
    workers_failed: str = ""  # the failure of the worker processes (its type), the copies then written here; "": none


def feedback_for(summary: Summary) -> tuple[DepartmentFeedback, ...]:
    """The departments whose file in use has errors or warnings, with those problems."""
    by_file: dict[str, list[Issue]] = {}  # one pass over the problems, not one per file
    for i in summary.issues:
        if i.severity in (ERROR, WARNING):
            by_file.setdefault(i.file, []).append(i)
    found = []
    for f in summary.files:
        if f.status != ACCEPTED:
            continue
        problems = by_file.get(f.name)
        if problems:
            problems.sort(key=lambda i: (i.severity != ERROR, i.sheet, _cell_order(i.cell)))
            found.append(DepartmentFeedback(f.department_name, f, tuple(problems)))
    return tuple(found)


def write_feedback(summary: Summary, folder: Path, password: str = "",
                   written: Written | None = None) -> FeedbackResult:
    """Write one annotated copy per department with problems into ``folder`` (same file names, numbered where two
    share one), on every core from :data:`parallel.GENERATE_PARALLEL_FROM` copies (~0.15 s each with openpyxl).

    ``written``: the record of the tool's own files (see the module; none: no file already there is taken
    for the tool's own — the folder might be an outbox of issued workbooks)."""
    written = written if written is not None else Written()
    folder.mkdir(parents=True, exist_ok=True)
    jobs: dict[Path, tuple[Path, DepartmentFeedback]] = {}  # copy → (source, item)
    not_converted = []
    with scratch_folder("thidua_feedback_") as work:
        for k, item in enumerate(feedback_for(summary)):
            source = item.file.path
            if source.suffix.lower() in (".xls", ".ods"):
                if office.find_soffice() is None:
                    not_converted.append(item.file.name)
                    continue
                try:
                    source = convert(source, "xlsx", Path(work) / str(k), recalc=False)
                except OfficeError:
                    not_converted.append(item.file.name)
                    continue
            jobs[_copy_name(folder, source.name, jobs)] = (source, item)
        targets = {name: written.name_for(name) for name in jobs}
        failed: list[str] = []
        with shared_pool((summary, password), pool.workers_for_workbooks(len(jobs)),
                         lambda failure, _left: failed.append(type(failure).__name__)) as run:
            refused = run(_annotate_job, [(source, targets[name], item) for name, (source, item) in jobs.items()])
        done = []
        for k, (name, (source, item)) in enumerate(jobs.items()):
            target = targets[name]
            if refused[k] and not _annotate_converted(source, target, item, summary, password, Path(work) / f"r{k}"):
                not_converted.append(item.file.name)
            else:
                written.note(target)
                done.append(target)
    return FeedbackResult(tuple(done), tuple(not_converted), failed[0] if failed else "")


def _copy_name(folder: Path, name: str, taken: dict[Path, tuple[Path, DepartmentFeedback]]) -> Path:
    """The copy's path: its file's name, numbered where a file of another folder of the inbox had it first (mail
    folders often hold the same attachment's name: each department gets its own copy)."""
    path, n = folder / name, 2
    while path in taken:
        path, n = folder / f"{Path(name).stem} ({n}){Path(name).suffix}", n + 1
    return path


def warn_workers_failed(result: FeedbackResult, voice: Voice) -> None:
    """The worker processes' failure said, the copies having been written here (docs/conventions.md: no silent
    fallback)."""
    if result.workers_failed:
        voice.warn(ct.FEEDBACK_WORKERS_FAILED.format(error=result.workers_failed))


def _annotate_job(shared: tuple[Summary, str], job: tuple[Path, Path, DepartmentFeedback]) -> bool:
    """True when openpyxl refused the file (its style sheet): converted by LibreOffice, then, in this process."""
    summary, password = shared
    try:
        _annotate(*job, summary, password)
    except _Refused:
        return True
    return False


def _annotate_converted(source: Path, target: Path, item: DepartmentFeedback, summary: Summary, password: str,
                        work: Path) -> bool:
    """A file openpyxl refused, annotated from LibreOffice's .xlsx of it; False when that cannot be done."""
    if office.find_soffice() is None:
        return False
    try:
        _annotate(convert(source, "xlsx", work, recalc=False), target, item, summary, password)
    except (OfficeError, _Refused):
        return False
    return True


class _Refused(Exception):
    """openpyxl cannot open the file (a style sheet it refuses); calamine could, so its values were read."""


def _annotate(source: Path, target: Path, item: DepartmentFeedback, summary: Summary, password: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # extensions openpyxl does not read (kept by Excel) are dropped quietly
        try:
            wb = load_workbook(source, keep_vba=source.suffix.lower() == ".xlsm")
        except OSError:  # the file itself (gone, locked): the caller's write error, not a refused style sheet
            raise
        except Exception as exc:  # openpyxl raises many kinds (ValueError, KeyError, TypeError…) on a style
            raise _Refused from exc  # sheet it refuses
    _remove_previous(wb)
    marked: dict[tuple[str, str], tuple[str, str, str, str]] = {}
    for problem in item.problems:
        if problem.sheet not in wb.sheetnames or not problem.cell:
            continue  # said on the feedback sheet only
        cell = wb[problem.sheet][problem.cell]
        if (problem.sheet, problem.cell) in marked:
            _add_comment(cell, problem)  # a second problem of the same cell: one more line
        else:
            marked[(problem.sheet, problem.cell)] = _mark(cell, problem)
    for sheet in {sheet for sheet, _cell in marked}:  # a spare form in use, hidden again: shown where it is to fix
        if wb[sheet].sheet_state == "hidden":
            wb[sheet].sheet_state = "visible"
    _feedback_sheet(wb, item, summary, list(marked.values()), password)
    with replacing(target) as tmp:
        wb.save(tmp)


def _mark(cell, problem: Issue) -> tuple[str, str, str, str]:
    kept = (cell.parent.title, cell.coordinate, cell.fill.fill_type or "", _colour(cell.fill.fgColor))
    cell.fill = PatternFill("solid", fgColor=MARK_FILLS[problem.severity])
    _add_comment(cell, problem)
    return kept


def _add_comment(cell, problem: Issue) -> None:
    text = f"{problem.severity_label}: {problem.message}"
    if cell.comment is not None and cell.comment.author == AUTHOR:
        text = f"{cell.comment.text}\n{text}"
    comment = Comment(text, AUTHOR)
    comment.width, comment.height = 320, 160
    cell.comment = comment


def _colour(color) -> str:
    return color.rgb if color is not None and color.type == "rgb" and isinstance(color.rgb, str) else ""


def _remove_previous(wb) -> None:
    """A copy of a copy: take out the old feedback sheet and its marks, giving cells their own fills back."""
    if wx.FEEDBACK_SHEET not in wb.sheetnames:
        return
    old = wb[wx.FEEDBACK_SHEET]
    for row in old.iter_rows(min_row=FIRST_ROW, values_only=True):
        sheet, cell, fill_type, colour = (row[7:11] + (None,) * 4)[:4]
        if not _restorable(wb, sheet, cell, fill_type, colour):
            continue  # the hidden columns came back with the copy, unprotected: a row not as written is left alone
        target = wb[sheet][cell]
        target.fill = PatternFill(fill_type or None, fgColor=colour or None) if fill_type else PatternFill()
        if target.comment is not None and target.comment.author == AUTHOR:
            target.comment = None
    wb.remove(old)


_ONE_CELL = re.compile(r"[A-Z]{1,3}[1-9][0-9]{0,6}")
_ARGB = re.compile(r"[0-9A-Fa-f]{6}(?:[0-9A-Fa-f]{2})?")


def _restorable(wb, sheet: object, cell: object, fill_type: object, colour: object) -> bool:
    """Whether a row of an old feedback sheet names what this module writes there: a sheet of the book, one cell, a
    fill openpyxl knows and an RGB colour (or none) — anything else, typed into the copy, is not acted on."""
    return (isinstance(sheet, str) and sheet in wb.sheetnames and isinstance(cell, str)
            and _ONE_CELL.fullmatch(cell) is not None and (fill_type in (None, "") or fill_type in FILL_TYPES)
            and (colour in (None, "") or (isinstance(colour, str) and _ARGB.fullmatch(colour) is not None)))


def _feedback_sheet(wb, item: DepartmentFeedback, summary: Summary, marked, password: str) -> None:
    ws = wb.create_sheet(wx.FEEDBACK_SHEET, 0)
    school = summary.campaign.school if summary.campaign else None
    made = vietnam_now()
    heading = [
        wx.FEEDBACK_TITLE.format(department=item.department.upper()),
        wx.FEEDBACK_SOURCE.format(file=item.file.name, school=school.name if school else "",
                                  date=made.strftime("%d/%m/%Y")),
        wx.FEEDBACK_HOW.format(errors=sum(p.severity == ERROR for p in item.problems),
                               warnings=sum(p.severity == WARNING for p in item.problems)),
    ]
    widths = (5, 10, 18, 7, 90)
    for row, text in enumerate(heading, start=1):
        size = 13 if row == 1 else 11
        cell = _text(ws.cell(row, 1), text)
        cell.font = Font(name=FONT, bold=row == 1, size=size)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(widths))
        ws.row_dimensions[row].height = row_height(cell_lines(text, sum(widths) * 12 / size, bold=row == 1), size)
    for col, label in enumerate(wx.FEEDBACK_HEADERS, start=1):
        cell = ws.cell(FIRST_ROW - 1, col, label)
        cell.font = Font(name=FONT, bold=True)
        cell.fill = PatternFill("solid", fgColor=_argb(HEADER_FILL))
    for n, problem in enumerate(item.problems, start=1):
        row = FIRST_ROW + n - 1
        values = (n, problem.severity_label, problem.sheet, problem.cell, problem.message)
        for col, value in enumerate(values, start=1):
            cell = _text(ws.cell(row, col), value)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.row_dimensions[row].height = row_height(max(cell_lines(v, w) for v, w in zip(values, widths)))
        if problem.severity in MARK_FILLS:
            ws.cell(row, 2).fill = PatternFill("solid", fgColor=MARK_FILLS[problem.severity])
        if problem.sheet in wb.sheetnames and problem.cell:
            link = ws.cell(row, 4)
            link.hyperlink = Hyperlink(ref=link.coordinate, location=f"'{problem.sheet}'!{problem.cell}")
            link.font = Font(name=FONT, color="FF0563C1", underline="single")
    for row, kept in enumerate(marked, start=FIRST_ROW):
        for letter, value in zip(KEEP_COLUMNS, kept):
            _text(ws[f"{letter}{row}"], value)
    for letter, width in zip("ABCDE", widths):
        ws.column_dimensions[letter].width = width
    _print_setup(ws, FIRST_ROW - 1, FIRST_ROW + len(item.problems) - 1)
    for letter in KEEP_COLUMNS:
        ws.column_dimensions[letter].hidden = True
    ws.protection.sheet = True
    if password:
        ws.protection.password = password
    for sheet in wb.worksheets:
        sheet.sheet_view.tabSelected = False
    ws.sheet_view.tabSelected = True
    wb.active = 0


def _print_setup(ws, head: int, last: int) -> None:
    """A4 landscape at the decree's margins, one page wide, the table's head on every page: the list of what
    to fix prints whole, its words never cut at the page's edge."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    for side, inches in MARGINS.items():
        setattr(ws.page_margins, side, inches)
    ws.print_title_rows = f"{head}:{head}"
    ws.print_area = f"A1:E{max(head, last)}"


def _text(cell, value):
    """Every value as typed: a message starting with '=' stays text."""
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
    return cell


def _cell_order(cell: str) -> tuple[int, str]:
    letters = cell.rstrip("0123456789")
    digits = cell[len(letters):]
    return (int(digits) if digits else 0, letters.rjust(3))

