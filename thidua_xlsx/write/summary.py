"""The committee's summary workbook (xlsxwriter) and the JSON report, from a :class:`Summary`.

Every value goes through :func:`_put`: strings from submissions are written with
``write_string`` (and the workbook refuses to turn strings into formulas or links), so a name
typed as ``=HYPERLINK(...)`` stays text; None and NaN become blanks. The file's own timestamps
are fixed to the newest input, so the same inbox gives the same file.

Excel quirks: a merged cell never grows to fit wrapped text, and Excel does not grow rows for
wrapped text written by a library either, so row heights are estimated here (:func:`_lines`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
import numbers
import os
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.decide import rules
from thidua_xlsx.text import summary as tx
from thidua_xlsx.text.collation import name_key
from thidua_xlsx.decide.consolidate import SOURCE_COUNCIL, STATUS_SUBMITTED, PersonResult, Summary, by_department
from thidua_xlsx.model.issues import ERROR, NOTE, WARNING
from thidua_xlsx.text.messages import REASONS
from thidua_xlsx.read.department import ACCEPTED
from thidua_xlsx.write.engine import A4, FIXED_DATE, FONT, HEADER_FILL, MARGINS
from thidua_xlsx.text.workbook import DATE_LINE_BLANK, NO, YES

VN_TIME = ly.VIETNAM_UTC_OFFSET  # inputs are naive UTC
EXCEL_MAX_CHARS = 32767
LINE_PT = 15.75  # one line of Times New Roman 12
TOTAL_FILL = "#EDEDED"
COUNCIL_FILL = "#FFF2CC"  # the columns the council may fill in
ERROR_FILL, WARNING_FILL = "#FFC7CE", "#FFEB9C"
INDIVIDUAL_ORDER = (rules.CSTDCS, rules.LDTT)  # highest first, as the lists are read
COLLECTIVE_ORDER = (rules.TTLDXS, rules.TTLDTT)
SEVERITY_ORDER = {ERROR: 0, WARNING: 1, NOTE: 2}
FILE_KB_FORMAT, TIME_FORMAT = "0.0", "dd/mm/yyyy hh:mm"
A4_SHORT, A4_LONG = 595.3, 841.9  # points
DEFAULT_ROW_PT = 15.75  # a row of Times New Roman 12 left at its default height
# Measured with LibreOffice (which renders our PDFs): a column width unit prints 8.3 pt wide with the
# workbook's Times New Roman 12, and the footer takes 22 pt of the page; Excel fits a little more.
CHAR_PT, FOOTER_PT = 8.3, 22
PAGE_SAFETY = 0.95
CHART_PT = 320 * 0.75 + 6  # the overview chart's height, in points
SPARE_TALLY_ROWS = 5  # for candidates the council adds at the meeting
LARGER_STYLES = {"title": 14, "subject": 13, "to": 13}  # font sizes other than 12, for row heights


def _workbook(path: Path):
    """An xlsxwriter workbook that writes each row out as soon as the next one starts (constant_memory:
    a province's 84,000 people are never 4 million cells in memory), so every sheet is written top to
    bottom and each row left to right before the next; text stays text."""
    import xlsxwriter

    return xlsxwriter.Workbook(str(path), {
        "constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
        "strings_to_numbers": False, "default_format_properties": {"font_name": FONT, "font_size": 12},
    })


def write_summary(summary: Summary, path: Path) -> None:
    """Write the summary workbook to ``path`` (through a temporary file and a rename)."""
    tmp = path.with_name(path.name + ".tmp")
    wb = _workbook(tmp)
    school = school_of(summary)
    wb.set_properties({"title": f"{tx.S_OVERVIEW} {ly.ROUNDS.get(summary.round, '')} {school.school_year}".strip(),
                       "author": ly.APP_ID, "company": school.name,
                       "created": summary.newest_input or FIXED_DATE})
    _Book(wb, summary).write()
    meta_sheet(wb, summary_meta(summary))
    wb.close()
    os.replace(tmp, path)


def write_public_list(summary: Summary, path: Path, posted_on: dt.date, days: int) -> None:
    """The list posted for the staff (danh sách công khai): who is proposed for which title, and until
    when comments and complaints are received. Names, positions, departments and titles only."""
    tmp = path.with_name(path.name + ".tmp")
    wb = _workbook(tmp)
    school = school_of(summary)
    wb.set_properties({"title": tx.PUBLIC_TITLE.format(year=school.school_year), "author": ly.APP_ID,
                       "company": school.name, "created": summary.newest_input or FIXED_DATE})
    _Book(wb, summary).public_sheet(posted_on, posted_on + dt.timedelta(days=days))
    wb.close()
    os.replace(tmp, path)


def write_report_json(summary: Summary, path: Path) -> None:
    """The same result for machines (UTF-8 JSON, ISO times), through a temporary file and a rename.

    One record (file, problem, person, department) per line, each written as it is made: a province's
    84,000 people are never one text in memory, and the records are dumped by ``json``'s C encoder
    (``indent`` would take its pure-Python one, ~5× slower)."""
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8", newline="\n") as out:
        for n, (key, value) in enumerate(report_dict(summary).items()):
            out.write(("{" if n == 0 else ",") + f"\n  {_json(key)}: ")
            if isinstance(value, Iterator):
                m = -1
                for m, record in enumerate(value):
                    out.write(("[" if m == 0 else ",") + f"\n    {_json(record)}")
                out.write("\n  ]" if m >= 0 else "[]")
            else:
                out.write(_json(value))
        out.write("\n}\n")
    os.replace(tmp, path)


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def summary_meta(summary: Summary) -> ly.SummaryMeta:
    c = summary.campaign
    return ly.SummaryMeta(c.id, c.school.school_year, summary.round,
                          tuple((f.name, f.sha256, f.status) for f in summary.files),
                          tuple(d.code for d in summary.departments if d.submitted),
                          rubric_versions=tuple((r.role, cm.rubric_version(r)) for r in c.rubrics))


def meta_sheet(wb, meta: ly.SummaryMeta) -> None:
    """The summary's own metadata (very hidden), so that it can be read back like a department workbook."""
    ws = wb.add_worksheet(ly.META_SHEET)
    for row, text in enumerate(ly.meta_cells(meta.to_json())):
        ws.write_string(row, 0, text)
    ws.protect()
    ws.very_hidden()


def report_dict(summary: Summary) -> dict:
    """The JSON report: codes and parameters (statuses, sources, reasons), not Vietnamese wording.
    Its lists of records are iterators, made one record at a time as the report is written."""
    c = summary.campaign
    return {
        "schema_version": ly.SUMMARY_SCHEMA_VERSION,
        "campaign": {"id": c.id, "school": c.school.name, "school_year": c.school.school_year},
        "round": summary.round,
        "files": ({"name": f.name, "department": f.submission.department_code if f.submission else "",
                   "status": f.status, "reason": f.reason, "size": f.size,
                   "modified": _iso(f.modified), "saved_at": _iso(f.saved_at), "sha256": f.sha256}
                  for f in summary.files),
        "problems": (i.to_dict() for i in summary.issues),
        "people": (_person_dict(p) for p in summary.people),
        "departments": ({"code": d.code, "members": d.members, "submitted": d.submitted,
                         "file": d.file, "collective_registered": d.collective,
                         "decisions": [x.to_dict() for x in d.decisions], "proposed": d.proposed}
                        for d in summary.departments),
        "council": _council_dict(summary) if summary.tally is not None else None,
    }


def _council_dict(summary: Summary) -> dict:
    t = summary.tally
    return {"members": t.members, "present": t.present, "ballots_issued": t.ballots_issued,
            "ballots_returned": t.ballots_returned, "quorum_needed": t.quorum_needed, "quorum_met": t.quorum_met,
            "votes": [{"code": r.code, "title": r.title, "votes": r.votes, "needed": r.needed, "passed": r.passed,
                       "reason": r.reason.to_dict()} for r in t.results],
            "changes": [dataclasses.asdict(c) for c in summary.council_changes]}


def _person_dict(p: PersonResult) -> dict:
    return {
        "code": p.code, "name": p.name, "department": p.department,
        "role": p.role, "position": p.position, "status": p.status, "newcomer": p.newcomer,
        "registered": p.registered,
        "scores": {"self": _total(p.self_score), "department": _total(p.dept_score), "final": p.final,
                   "source": p.final_source},
        "groups": {"self": dict(p.self_score.groups) if p.self_score else {},
                   "department": dict(p.dept_score.groups) if p.dept_score else {}},
        "classification": p.classification, "rank_school": p.rank_school, "rank_department": p.rank_department,
        "decisions": [d.to_dict() for d in p.decisions], "proposed": p.proposed,
        "flags": [f.to_dict() for f in p.flags],
        "council": {"score": p.council_score, "decision": p.council_decision, "note": p.council_note},
    }


# --- small pure helpers ----------------------------------------------------------------------

def school_of(summary: Summary) -> cm.School:
    return summary.campaign.school if summary.campaign else cm.School("", "", "", "", "")


def _iso(value: dt.datetime | None) -> str | None:
    return value.replace(tzinfo=dt.timezone.utc).isoformat() if value else None


def _total(score: rules.Score | None) -> float | None:
    return score.total if score else None


def _blank(value) -> bool:
    return value is None or value == "" or (isinstance(value, float) and math.isnan(value))


def date_line(school: cm.School) -> str:
    """The place and the blank date above a signature ("Trực Cường, ngày … tháng … năm …")."""
    return f"{school.place}, {DATE_LINE_BLANK}" if school.place else DATE_LINE_BLANK


def criteria_line(summary: Summary, not_recorded: str = tx.CRITERIA_NOT_RECORDED, end: str = "") -> str:
    """Which criteria the scores were read with, and the resolution that approved them (``end`` after
    it); ``not_recorded`` when no resolution is recorded."""
    c, school = summary.campaign, school_of(summary)
    versions = ", ".join(tx.CRITERIA_VERSION.format(role=r.role, version=cm.rubric_version(r))
                         for r in c.rubrics) if c else ""
    if school.criteria_resolution:
        day = school.criteria_resolution_date
        when = tx.CRITERIA_DATE.format(date=day_text(day)) if day else ""
        return tx.CRITERIA_APPROVED.format(number=school.criteria_resolution, date=when, versions=versions) + end
    return not_recorded.format(versions=versions)


def day_text(iso: str) -> str:
    """'2025-09-15' → '15/09/2025'; anything else as it is."""
    try:
        return dt.date.fromisoformat(iso[:10]).strftime("%d/%m/%Y")
    except ValueError:
        return iso


def _date_words(value: dt.datetime) -> str:
    local = value + VN_TIME
    return tx.DATE_WORDS.format(day=local.day, month=local.month, year=local.year)


def _score_text(p: PersonResult) -> str:
    council = p.final if p.final_source == SOURCE_COUNCIL else None
    return " / ".join(cm.num_text(v) if v is not None else tx.SCORE_BLANK
                      for v in (_total(p.self_score), _total(p.dept_score), council))


def initiative_text(f: cm.Facts) -> str:
    if not f.initiative:
        return ""
    parts = [f.initiative]
    if f.initiative_level:
        parts.append(tx.INITIATIVE_LEVEL.format(level=f.initiative_level))
    if f.initiative_decision:
        parts.append(tx.INITIATIVE_DECISION.format(decision=f.initiative_decision))
    return ", ".join(parts)


def _remarks(p: PersonResult, *parts: str) -> str:
    """Notes of a person's row: what is given, then the status when the person's sheet is missing."""
    found = [*parts, REASONS["status." + p.status] if p.status != STATUS_SUBMITTED else ""]
    return "; ".join(dict.fromkeys(x for x in found if x))


def _flags(p: PersonResult) -> list[str]:
    return [f.text for f in p.flags]


def _source(p: PersonResult) -> str:
    return REASONS["source." + p.final_source] if p.final_source else ""


def _file_department(f) -> str:
    return f.department_name


def _file_reason(f, issue_count: int) -> str:
    """Why a file has its status: the message of its deciding issue (or the first); for a used file, a count."""
    if f.status == ACCEPTED:
        return tx.ACCEPTED_WITH_ISSUES.format(count=issue_count) if issue_count else ""
    chosen = next((i for i in f.issues if i.code == f.reason), f.issues[0] if f.issues else None)
    return chosen.message if chosen else ""


def _lines(text, width: float) -> int:
    """Lines a wrapped text takes in a column ``width`` characters wide (Times New Roman 12). A number
    takes one: Excel shows a number too wide for its column as ###, never on two lines."""
    if type(text) in (int, float):
        return 1
    per_line = max(1.0, width * 1.15 - 1)
    return sum(max(1, math.ceil(len(part) / per_line)) for part in str(text).split("\n"))


def _height(lines: int, size: float = 12) -> float:
    return round(LINE_PT * size / 12 * max(1, lines) + 3, 2)


@dataclasses.dataclass(frozen=True)
class _Styled:
    """A table cell in another style than its column's."""

    value: object
    style: str


def _sign_block(c0: int, c1: int, roles: tuple[str, ...], note: str, name: str) -> tuple[int, int, list]:
    """A signature block for :meth:`_Book._signatures`: roles, the note, room to sign, the name."""
    return c0, c1, [*((role, "sign_role") for role in roles), (note, "sign_note"), None, None, None, None,
                    (name, "sign_name")]


def _written(ws, row: int, col: int, code: int) -> None:
    """xlsxwriter's refusal (a row already written out, a bad value) as an error, never a lost cell."""
    if code < 0:
        raise RuntimeError(f"xlsxwriter refused to write {ws.name}!R{row + 1}C{col + 1} (code {code})")


def titles_in_order(order: tuple[str, ...], found: set[str]) -> list[str]:
    return [t for t in order if t in found] + sorted(found - set(order))


def proposal_lists(people: list[PersonResult]) -> dict[str, list[tuple[PersonResult, rules.Decision]]]:
    """Granted individual titles, highest first, each with its people (in the summary's order)."""
    granted = {d.title for p in people for d in p.decisions if d.granted}
    return {title: [(p, d) for p in people for d in p.decisions if d.title == title and d.granted]
            for title in titles_in_order(INDIVIDUAL_ORDER, granted)}


def short_note(decision: rules.Decision) -> str:
    """What a signed list says beside a name: only that the council decided, never the tool's reasons."""
    return tx.NOTE_COUNCIL if decision.reasons and decision.reasons[0].code.startswith("council.") else ""


def _refusals(people: list[PersonResult]) -> list[tuple[PersonResult, str]]:
    """People who registered but were refused (the lowest refused title's reason, in words)."""
    found = []
    for p in people:
        refused = [d for d in p.decisions if not d.granted]
        if p.has_registered and refused:
            reason = refused[0].reason
            found.append((p, tx.REFUSED_STILL.format(reason=reason, title=p.proposed) if p.proposed else reason))
    return found


# --- the workbook ------------------------------------------------------------------------------

class _Book:
    def __init__(self, wb, summary: Summary):
        self.wb, self.s = wb, summary
        self.c = summary.campaign
        self.school = school_of(summary)
        self.year = self.school.school_year
        self.scoring = summary.round == ly.SCORING
        self.widths: dict[str, tuple[float, ...]] = {}
        self.heights: dict[str, dict[int, float]] = {}  # row heights set, per sheet with page breaks
        self.f = self._formats()
        self.levels = self._levels()
        members = by_department(summary.people)
        self.by_dept = {d.code: members.get(d.code, []) for d in summary.departments}

    def write(self) -> None:
        self.overview_sheet()
        self.registration_sheet()
        if self.scoring:
            self.detail_sheet()
            self.ranking_sheet()
            self.proposal_sheet()
        self.collective_sheet()
        if self.scoring:
            self.tally_sheet()
            if self.s.tally is not None:  # a council pass
                self.changes_sheet()
            self.minutes_sheet()
            self.letter_sheet()
        self.check_sheet()
        self.sources_sheet()

    # --- formats and shared pieces ---------------------------------------------------------

    def _formats(self) -> dict:
        base = {"font_name": FONT, "font_size": 12, "valign": "vcenter", "text_wrap": True}
        cell = {**base, "border": 1}
        center = {"align": "center"}
        total = {**cell, "bold": True, "bg_color": TOTAL_FILL}
        styles = {
            "text": cell,
            "center": {**cell, **center},
            "num": {**cell, **center},
            "avg": {**cell, **center, "num_format": "0.00"},
            "pct": {**cell, **center, "num_format": "0.0%"},
            "kb": {**cell, **center, "num_format": FILE_KB_FORMAT},
            "time": {**cell, **center, "num_format": TIME_FORMAT},
            "small": {**cell, "font_size": 10},
            "head": {**cell, **center, "bold": True, "bg_color": HEADER_FILL},
            "head_upper": {**cell, **center, "bold": True, "bg_color": HEADER_FILL, "bottom": 0},
            "head_lower": {**cell, **center, "bold": True, "bg_color": HEADER_FILL, "top": 0},
            "total": total,
            "total_num": {**total, **center},
            "total_avg": {**total, **center, "num_format": "0.00"},
            "council": {**cell, "bg_color": COUNCIL_FILL, "locked": False},
            "council_head": {**cell, **center, "bold": True, "bg_color": COUNCIL_FILL},
            "council_head_upper": {**cell, **center, "bold": True, "bg_color": COUNCIL_FILL, "bottom": 0},
            "council_head_lower": {**cell, **center, "bold": True, "bg_color": COUNCIL_FILL, "top": 0},
            "managing": {**base, **center},
            "school": {**base, **center, "bold": True},
            "number": {**base, **center},
            "motto1": {**base, **center, "bold": True},
            "motto2": {**base, **center, "bold": True, "font_size": 13, "underline": True},
            "date": {**base, **center, "italic": True},
            "title": {**base, **center, "bold": True, "font_size": 14},
            "subject": {**base, **center, "bold": True, "font_size": 13},
            "subtitle": {**base, **center, "italic": True},
            "to": {**base, **center, "font_size": 13},
            "body": {**base, "align": "justify", "valign": "top"},
            "basis": {**base, "align": "justify", "valign": "top", "italic": True},
            "heading": {**base, "bold": True},
            "note": {**base, "italic": True},
            "sign_role": {**base, **center, "bold": True},
            "sign_note": {**base, **center, "italic": True},
            "sign_name": {**base, **center, "bold": True},
            "receivers_head": {**base, "bold": True, "italic": True, "valign": "top"},
            "receivers": {**base, "font_size": 11, "valign": "top"},
            "error": {"bg_color": ERROR_FILL, "font_color": "#9C0006"},
            "warning": {"bg_color": WARNING_FILL},
        }
        return {name: self.wb.add_format(props) for name, props in styles.items()}

    def _levels(self) -> list[str]:
        """Classification levels of the campaign, then any other value found (e.g. "Không xếp loại")."""
        names = [lv.name for lv in self.c.classification] if self.c else []
        extra = [p.classification for p in self.s.people if p.classification and p.classification not in names]
        return names + list(dict.fromkeys(extra))

    def _sheet(self, name: str, widths: tuple[float, ...], *, landscape: bool = False, document: bool = False,
               page_breaks: bool = False):
        """``page_breaks``: the sheet's row heights are kept for :meth:`_keep_together` (not those of the
        long tables, one row per person or per file)."""
        ws = self.wb.add_worksheet(name)
        ws.set_paper(A4)
        ws.set_landscape() if landscape else ws.set_portrait()
        ws.set_margins(**MARGINS)
        ws.fit_to_pages(1, 0)  # one page wide, as many pages down as needed
        ws.set_footer(tx.PAGE_FOOTER)
        if document:
            ws.hide_gridlines(2)
        for col, width in enumerate(widths):
            ws.set_column(col, col, width)
        self.widths[name] = widths
        if page_breaks:
            self.heights[name] = {}
        return ws

    def _row(self, ws, row: int, height: float) -> None:
        ws.set_row(row, height)
        if ws.name in self.heights:
            self.heights[ws.name][row] = height

    def _keep_together(self, ws, blocks: list[tuple[int, int, float]], repeat: tuple[int, ...] = ()) -> None:
        """Manual page breaks so that no block — (first row, last row, extra points such as a chart) — is
        cut across two printed pages: a signature with the end of its table, a title with its table's
        head, a chart. Pages are estimated from the row heights, the column widths (the sheet is fitted
        to the page width) and the paper; a block that fits nowhere whole is left as it falls."""
        heights = self.heights[ws.name]
        landscape = ws.orientation == 0
        width_pt = (A4_LONG if landscape else A4_SHORT) - (MARGINS["left"] + MARGINS["right"]) * 72
        height_pt = (A4_SHORT if landscape else A4_LONG) - (MARGINS["top"] + MARGINS["bottom"]) * 72
        sheet_pt = sum(self.widths[ws.name]) * CHAR_PT
        page = (height_pt - FOOTER_PT) / min(1.0, width_pt / sheet_pt) * PAGE_SAFETY
        header = sum(heights.get(r, DEFAULT_ROW_PT) for r in repeat)
        starts = {first: (last, extra) for first, last, extra in blocks}
        last_row = max([*heights, *(last for _, last, _ in blocks)], default=0)
        used, breaks = 0.0, []
        for row in range(last_row + 1):
            if row in starts:
                last, extra = starts[row]
                size = sum(heights.get(r, DEFAULT_ROW_PT) for r in range(row, last + 1)) + extra
                if used + size > page and used > header and header + size <= page:
                    breaks.append(row)
                    used = header
            height = heights.get(row, DEFAULT_ROW_PT) + (starts[row][1] if row in starts else 0)
            if used + height > page and used > header:
                used = header
            used += height
        if breaks:
            ws.set_h_pagebreaks(breaks)

    def _span(self, ws, c0: int, c1: int) -> float:
        return sum(self.widths[ws.name][c0:c1 + 1])

    def _put(self, ws, row: int, col: int, value, style: str | None = None) -> None:
        fmt = self.f[style] if style else None
        kind = type(value)
        if kind is str and value:  # the usual cases first: 400,000 cells at 1,000 departments
            code = ws.write_string(row, col, value[:EXCEL_MAX_CHARS], fmt)
        elif kind is int or (kind is float and not math.isnan(value)):
            code = ws.write_number(row, col, value, fmt)
        elif _blank(value):
            code = ws.write_blank(row, col, None, fmt)
        elif isinstance(value, bool):
            code = ws.write_string(row, col, YES if value else NO, fmt)
        elif isinstance(value, numbers.Real):
            code = ws.write_number(row, col, value, fmt)
        elif isinstance(value, dt.datetime):
            code = ws.write_datetime(row, col, value, fmt)
        elif kind is _Styled:
            return self._put(ws, row, col, value.value, value.style)
        else:
            code = ws.write_string(row, col, str(value)[:EXCEL_MAX_CHARS], fmt)
        _written(ws, row, col, code)

    def _text(self, ws, row: int, c0: int, c1: int, value, style: str, *, fit: bool = False) -> None:
        """One value over columns c0..c1 (merged when more than one); ``fit`` sizes the row for it."""
        if c1 > c0:
            _written(ws, row, c0, ws.merge_range(row, c0, row, c1, "", self.f[style]))
        self._put(ws, row, c0, value, style)
        if fit:
            size = LARGER_STYLES.get(style, 12)
            self._row(ws, row, _height(_lines(value, self._span(ws, c0, c1) * 12 / size), size) + 3)  # paragraph gap

    def _header(self, ws, last_col: int, split: int, *, number: str = "", date: bool = False) -> int:
        """School (left) and national motto (right), Nghị định 30/2020; returns the next free row."""
        left = [(self.school.managing_body.upper(), "managing"), (self.school.name.upper(), "school"),
                (number, "number")]
        right = [(ly.MOTTO_1, "motto1"), (ly.MOTTO_2, "motto2"), (date_line(self.school) if date else "", "date")]
        used = 3 if (number or date) else 2
        for row, ((lt, ls), (rt, rs)) in enumerate(zip(left[:used], right[:used])):
            self._text(ws, row, 0, split - 1, lt, ls)
            self._text(ws, row, split, last_col, rt, rs)
            lines = max(_lines(lt, self._span(ws, 0, split - 1) * 0.9),
                        _lines(rt, self._span(ws, split, last_col) * 0.9))
            self._row(ws, row, _height(lines, 13))
        return used + 1

    def _title(self, ws, row: int, last_col: int, title: str, subtitle: str = "") -> int:
        self._text(ws, row, 0, last_col, title, "title", fit=True)
        if subtitle:
            self._text(ws, row + 1, 0, last_col, subtitle, "subtitle", fit=True)
        return row + (3 if subtitle else 2)

    def _table(self, ws, row: int, headers, rows, styles, *, data_table: bool = True) -> tuple[int, int]:
        """A header row then one row per item; returns (header row, last row written).

        ``data_table``: freeze below the header, filter buttons, header repeated on every printed page.
        """
        widths = self.widths[ws.name]
        for col, text in enumerate(headers):
            self._put(ws, row, col, text, "head")
        self._row(ws, row, _height(max(_lines(h, widths[c] * 0.85) for c, h in enumerate(headers))))
        last = row
        for last, values in enumerate(rows, start=row + 1):
            for col, value in enumerate(values):
                self._put(ws, last, col, value, styles[col])
            self._row(ws, last, _height(max([_lines(v, widths[c]) for c, v in enumerate(values) if not _blank(v)],
                                            default=1)))
        if data_table:
            ws.freeze_panes(row + 1, 0)
            ws.autofilter(row, 0, max(last, row), len(headers) - 1)
            ws.repeat_rows(row)
        return row, last

    def _signatures(self, ws, row: int, blocks, *, date: bool = True) -> int:
        """Blocks side by side, each (first col, last col, [(text, style) or None per row]) — see
        :func:`_sign_block` —, written row by row across them (rows are written in order); the date line
        above the last one. Returns the next row."""
        if date:
            c0, c1 = blocks[-1][:2]
            self._text(ws, row, c0, c1, date_line(self.school), "date")
            row += 1
        height = max(len(lines) for _, _, lines in blocks)
        for k in range(height):
            for c0, c1, lines in blocks:
                if k < len(lines) and lines[k] is not None:
                    self._text(ws, row + k, c0, c1, *lines[k])
        return row + height

    def _sign_pair(self, ws, row: int, last_col: int, left: tuple[str, ...], left_name: str,
                   right: tuple[str, ...], right_name: str, *, date: bool = True, seal: bool = True) -> int:
        """The usual pair: maker / secretary on the left, the one who signs for the school on the right."""
        split = (last_col + 1) // 2
        right_note = tx.SIGN_NOTE_SEAL if seal else tx.SIGN_NOTE
        return self._signatures(ws, row, [_sign_block(0, split - 1, left, tx.SIGN_NOTE, left_name),
                                          _sign_block(split, last_col, right, right_note, right_name)], date=date)

    def _paragraphs(self, ws, row: int, last_col: int, lines) -> int:
        """Document text, one merged row per (style, text); returns the next row."""
        for style, text in lines:
            self._text(ws, row, 0, last_col, text, style, fit=True)
            row += 1
        return row

    # --- Tổng hợp ---------------------------------------------------------------------------

    def overview_sheet(self) -> None:
        s = self.s
        if self.scoring:
            heads = [*tx.OVERVIEW_HEAD, *tx.OVERVIEW_HEAD_SCORING, *self.levels, *tx.OVERVIEW_HEAD_TITLES]
            widths = (24, 8, 9, 8, 10, *(11,) * len(self.levels), 8, 9, 22)
            series_cols = list(range(5, 5 + len(self.levels)))
        else:
            titles = list(self.c.titles.individual) if self.c else []
            titles += list(dict.fromkeys(p.registered for p in s.people if p.has_registered and p.registered
                                         not in titles))
            heads = [*tx.OVERVIEW_HEAD, *titles, tx.OVERVIEW_HEAD_REG_BLANK, tx.OVERVIEW_HEAD_REG_COLLECTIVE]
            widths = (24, 8, 9, *(13,) * (len(titles) + 1), 24)
            series_cols = list(range(3, 4 + len(titles)))
        last_col = len(heads) - 1
        ws = self._sheet(tx.S_OVERVIEW, widths, landscape=True, page_breaks=True)
        row = self._header(ws, last_col, (last_col + 1) // 2)
        title = tx.OVERVIEW_TITLE if self.scoring else tx.OVERVIEW_TITLE_REG
        used = [f for f in s.files if f.status == ACCEPTED]
        subtitle = (tx.OVERVIEW_SUBTITLE.format(files=len(used), date=_date_words(s.newest_input))
                    if used and s.newest_input else tx.OVERVIEW_SUBTITLE_EMPTY)
        if self.scoring:
            subtitle = f"{subtitle}. {criteria_line(self.s)}"
        row = self._title(ws, row, last_col, title.format(year=self.year), subtitle)
        rows = [self._overview_row(d.name, self.by_dept[d.code], tx.YES_SUBMITTED if d.submitted else
                                   tx.NOT_SUBMITTED, d.proposed if self.scoring else d.collective, heads)
                for d in s.departments]
        styles = ["text", "num", "center", *["num"] * (len(heads) - 4), "text"]
        if self.scoring:
            styles[4] = "avg"
        head, last = self._table(ws, row, heads, rows, styles)
        submitted = sum(d.submitted for d in s.departments)
        collective_total = sum(1 for d in s.departments
                               if (d.proposed if self.scoring else d.collective not in ("", ly.NOT_REGISTERED)))
        total = self._overview_row(tx.SCHOOL_TOTAL, s.people, f"{submitted}/{len(s.departments)}",
                                   collective_total, heads)
        total_row = last + 1
        for col, value in enumerate(total):
            self._put(ws, total_row, col, value, "total_avg" if self.scoring and col == 4 else
                      "total" if col == 0 else "total_num")
        self._row(ws, total_row, _height(1))
        source = rows if self.scoring else [total]
        peak = max((r[c] for r in source for c in series_cols), default=0)
        self._overview_chart(ws, head, last, total_row, series_cols, peak)

    def _overview_row(self, label: str, people: list[PersonResult], submitted: str, collective, heads) -> list:
        if self.scoring:
            finals = [p.final for p in people if p.final is not None]
            counts = Counter(p.classification for p in people)
            return [label, len(people), submitted, len(finals),
                    round(sum(finals) / len(finals), 2) if finals else None,
                    *(counts[name] for name in self.levels),
                    sum(p.granted(rules.LDTT) for p in people), sum(p.granted(rules.CSTDCS) for p in people),
                    collective]
        counts = Counter(p.registered if p.has_registered else "" for p in people)
        titles = heads[3:-2]
        return [label, len(people), submitted, *(counts[t] for t in titles), counts[""], collective]

    def _overview_chart(self, ws, head: int, last: int, total_row: int, series_cols: list[int], peak: int) -> None:
        if last <= head or not series_cols:
            return
        font = {"name": FONT, "size": 10}
        chart = self.wb.add_chart({"type": "column"})
        if self.scoring:  # one series per classification level, departments along the axis
            for col in series_cols:
                chart.add_series({"name": [ws.name, head, col], "categories": [ws.name, head + 1, 0, last, 0],
                                  "values": [ws.name, head + 1, col, last, col], "data_labels": {"value": True}})
            chart.set_title({"name": tx.CHART_SCORING, "name_font": {**font, "size": 12}})
        else:  # the school's registrations per title
            chart.add_series({"name": [ws.name, total_row, 0],
                              "categories": [ws.name, head, series_cols[0], head, series_cols[-1]],
                              "values": [ws.name, total_row, series_cols[0], total_row, series_cols[-1]],
                              "data_labels": {"value": True}})
            chart.set_title({"name": tx.CHART_REGISTRATION, "name_font": {**font, "size": 12}})
        chart.set_x_axis({"num_font": font})
        chart.set_y_axis({"name": tx.CHART_Y, "name_font": font, "num_font": font, "min": 0,
                          "major_unit": max(1, math.ceil(peak / 8)),  # whole people, not 0.5 steps
                          "major_gridlines": {"visible": True, "line": {"color": "#D9D9D9"}}})
        chart.set_legend({"position": "bottom", "font": font} if self.scoring else {"none": True})
        chart.set_size({"width": 760, "height": 320})
        ws.insert_chart(total_row + 2, 0, chart, {"x_offset": 4, "y_offset": 4})
        self._keep_together(ws, [(total_row + 2, total_row + 2, CHART_PT)], repeat=(head,))

    # --- Đăng ký ------------------------------------------------------------------------------

    def registration_sheet(self) -> None:
        widths = (5, 9, 24, 14, 16, 22, 20, 28, 18)
        last_col = len(widths) - 1
        ws = self._sheet(tx.S_REGISTRATION, widths, landscape=True)
        row = self._header(ws, last_col, 4)
        row = self._title(ws, row, last_col, tx.REG_TITLE.format(year=self.year), self.school.name)
        rows = ([n, p.code, p.name, p.position, p.department_name, p.registered, p.form, p.initiative,
                 _remarks(p, p.note, tx.NEWCOMER if p.newcomer else "")]
                for n, p in enumerate(self.s.people, start=1))  # made row by row as written: 84,000 at a province
        _, last = self._table(ws, row, tx.REG_HEAD, rows, ["center", "center", *["text"] * 7])
        row = last + 2
        self._text(ws, row, 0, last_col, tx.REG_COLLECTIVE_TITLE, "heading")
        rows = [[n, d.code, d.name, d.members, tx.YES_SUBMITTED if d.submitted else tx.NOT_SUBMITTED, d.collective]
                for n, d in enumerate(self.s.departments, start=1)]
        self._table(ws, row + 1, tx.REG_COLLECTIVE_HEAD, rows, ["center", "center", "text", "num", "center", "text"],
                    data_table=False)

    # --- Điểm chi tiết ------------------------------------------------------------------------

    def _group_columns(self) -> list[tuple[str, str]]:
        """(code, heading) per distinct group code across the rubrics, in rubric order."""
        names: dict[str, list[str]] = {}
        for rubric in (self.c.rubrics if self.c else ()):
            for g in rubric.groups:
                label = g.name + tx.GROUP_KIND_SUFFIX.get(g.kind, "")
                if label not in names.setdefault(g.code, []):
                    names[g.code].append(label)
        for p in self.s.people:  # codes only known from scores (no campaign)
            for score in (p.self_score, p.dept_score):
                for code in (score.groups if score else {}):
                    names.setdefault(code, [])
        return [(code, tx.GROUP_HEAD.format(code=code, name=" / ".join(labels)) if labels else code)
                for code, labels in names.items()]

    def detail_sheet(self) -> None:
        groups = self._group_columns()
        first, last_fixed = tx.DETAIL_HEAD_FIRST, tx.DETAIL_HEAD_LAST
        group_width = 8
        widths = (5, 8, 22, 13, 10, *(group_width,) * (2 * len(groups)), 8, 8, 9, 14, 16, 8, 9, 11, 26)
        ws = self._sheet(tx.S_DETAIL, widths, landscape=True)
        last_col = len(widths) - 1
        row = self._title(ws, 0, last_col, tx.DETAIL_TITLE.format(year=self.year), tx.DETAIL_NOTE)
        head, sub = row, row + 1
        tail = len(first) + 2 * len(groups)
        council_cols = {tail + 2, tail + 3, tail + 4}
        # Two header rows, written in order: a fixed column's heading in the upper cell with no line
        # under it (the lower one has none above: they read as one), a group's over its two columns.
        fixed = [*enumerate(first), *((tail + k, t) for k, t in enumerate(last_fixed))]
        kind = {col: "council_head" if col in council_cols else "head" for col, _ in fixed}
        upper = sorted([(col, text, kind[col] + "_upper", col) for col, text in fixed] +
                       [(len(first) + 2 * k, heading, "head", len(first) + 2 * k + 1)
                        for k, (_, heading) in enumerate(groups)])
        for col, text, style, end in upper:
            self._text(ws, head, col, end, text, style)
        self._row(ws, head, _height(max([_lines(h, 2 * group_width * 0.85) for _, h in groups] + [2])))
        lower = {col: (None, kind[col] + "_lower") for col, _ in fixed}
        for k in range(len(groups)):
            col = len(first) + 2 * k
            lower |= {col: (tx.DETAIL_SELF, "head"), col + 1: (tx.DETAIL_DEPT, "head")}
        for col in sorted(lower):
            self._put(ws, sub, col, *lower[col])
        self._row(ws, sub, _height(1))
        styles = ["center", "center", "text", "text", "text", *["num"] * (2 * len(groups)), "num", "num",
                  "council", "council", "council", "num", "center", "center", "text"]
        r = sub
        for n, p in enumerate(self.s.people, start=1):
            r = sub + n
            scores = []
            for code, _ in groups:
                scores += [p.self_score.groups.get(code) if p.self_score else None,
                           p.dept_score.groups.get(code) if p.dept_score else None]
            values = [n, p.code, p.name, p.department_name, p.role, *scores, _total(p.self_score),
                      _total(p.dept_score), p.council_score, p.council_decision, p.council_note, p.final, _source(p),
                      p.classification, _remarks(p, *_flags(p))]
            for col, value in enumerate(values):
                self._put(ws, r, col, value, styles[col])
            self._row(ws, r, _height(max(_lines(values[c] or "", widths[c]) for c in (2, 3, len(values) - 1))))
        ws.freeze_panes(sub + 1, 3)
        ws.autofilter(sub, 0, max(r, sub), last_col)
        ws.repeat_rows(head, sub)
        if self.s.people:
            choices = [*(self.c.titles.individual if self.c else ()), ly.COUNCIL_NONE]
            ws.data_validation(sub + 1, tail + 3, r, tail + 3, {
                "validate": "list", "source": choices, "input_title": tx.DETAIL_DECISION_TITLE,
                "input_message": tx.DETAIL_DECISION_MESSAGE})
            max_total = max(rb.max_total for rb in self.c.rubrics) if self.c else 1000
            ws.data_validation(sub + 1, tail + 2, r, tail + 2, {
                "validate": "decimal", "criteria": "between", "minimum": 0, "maximum": max_total})
        ws.protect("", {"autofilter": True, "sort": False, "format_columns": True, "format_rows": True})

    # --- Kiểm phiếu ------------------------------------------------------------------------------

    def tally_sheet(self) -> None:
        from thidua_xlsx.decide.ballots import candidates, vote_percent

        widths = (10, 28, 18, 24, 12, 44)
        last_col = len(widths) - 1
        ws = self._sheet(tx.S_TALLY, widths, landscape=True)
        rules_ = self.c.rules
        thresholds = [tx.TALLY_THRESHOLD.format(title=t, percent=cm.num_text(round(vote_percent(t, rules_), 2)))
                      for t in (*self.c.titles.individual, *self.c.titles.collective)
                      if vote_percent(t, rules_) is not None]
        row = self._title(ws, 0, last_col, tx.TALLY_TITLE.format(year=self.year), self.school.name)
        self._text(ws, row - 1, 0, last_col, tx.TALLY_NOTE.format(
            quorum=cm.num_text(round(rules_.council_quorum_percent, 2)),
            thresholds="; ".join(thresholds) or tx.TALLY_NO_VOTE), "note", fit=True)
        tally = self.s.tally
        row += 1
        for key, label in tx.TALLY_FIELDS.items():
            self._text(ws, row, 0, 1, label, "text")
            self._put(ws, row, 2, getattr(tally, key) if tally else None, "council")
            row += 1
        names = {p.code: (p.name, p.department_name) for p in self.s.people}
        names |= {d.code: (d.name, d.name) for d in self.s.departments}
        lines = [(r.code, r.title, r.votes, r.reason.text) for r in (tally.results if tally else ())]
        seen = {(code, title) for code, title, _, _ in lines}
        lines += [(c.code, c.title, None, "") for c in candidates(self.s.people, self.s.departments, rules_)
                  if (c.code, c.title) not in seen]
        rows = [[code, *names.get(code, ("", "")), title, votes, result] for code, title, votes, result in lines]
        spare = _Styled(None, "council")  # a candidate the council adds: code and title typed at the meeting
        rows += [[spare, None, None, spare, None, None]] * SPARE_TALLY_ROWS
        head, last = self._table(ws, row + 1, list(tx.TALLY_HEADS.values()), rows,
                                 ["center", "text", "text", "text", "council", "text"])
        ws.data_validation(head + 1, 4, last, 4, {"validate": "integer", "criteria": ">=", "value": 0})
        ws.protect("", {"autofilter": True, "sort": False, "format_columns": True, "format_rows": True})

    # --- Thay đổi của Hội đồng ---------------------------------------------------------------------

    def changes_sheet(self) -> None:
        widths = (5, 9, 24, 16, 16, 16, 34, 24)
        last_col = len(widths) - 1
        ws = self._sheet(tx.S_CHANGES, widths, landscape=True)
        row = self._title(ws, 0, last_col, tx.CHANGES_TITLE.format(year=self.year), self.school.name)
        rows = [[n, c.code, c.name, tx.CHANGES_WHAT.get(c.what, c.what), c.before, c.after, c.note,
                 tx.CHANGES_AGAINST_RULE if c.against_rule else ""]
                for n, c in enumerate(self.s.council_changes, start=1)]
        self._table(ws, row, tx.CHANGES_HEAD, rows or [[None, None, tx.CHANGES_NONE]],
                    ["center", "center", "text", "text", "text", "text", "text", "text"])

    # --- Xếp hạng --------------------------------------------------------------------------------

    def ranking_sheet(self) -> None:
        widths = (10, 10, 26, 20, 9, 14)
        ws = self._sheet(tx.S_RANKING, widths)
        row = self._title(ws, 0, len(widths) - 1, tx.RANK_TITLE.format(year=self.year), self.school.name)
        ordered = sorted(self.s.people, key=lambda p: (p.rank_school is None, p.rank_school or 0, name_key(p.name),
                                                       p.code))
        rows = ([p.rank_school, p.rank_department, p.name, p.department_name, p.final, p.classification]
                for p in ordered)
        self._table(ws, row, tx.RANK_HEAD, rows, ["num", "num", "text", "text", "num", "center"])

    # --- Đề nghị khen thưởng ------------------------------------------------------------------

    def proposal_sheet(self) -> None:
        """One list per title, each with its own signature, kept on the page with the end of its table;
        short notes only (the reasons for refusals are on the internal sheet "Không đề nghị")."""
        widths = (5, 21, 12, 13, 10, 12, 13, 22, 12, 22)
        last_col = len(widths) - 1
        ws = self._sheet(tx.S_PROPOSAL, widths, landscape=True, page_breaks=True)
        row = self._header(ws, last_col, 4)
        styles = ["center", "text", "text", "text", "center", "center", "text", "text", "center", "text"]
        lists = proposal_lists(self.s.people)
        if not lists:
            self._text(ws, row, 0, last_col, tx.NO_PROPOSAL, "note")
        blocks, heads = [], []
        for title, chosen in lists.items():
            first = row
            row = self._title(ws, row, last_col, tx.PROPOSAL_TITLE.format(title=title.upper(), year=self.year),
                              tx.PROPOSAL_SUBTITLE.format(school=self.school.name, count=len(chosen)))
            rows = [[n, p.name, p.position, p.department_name, p.facts.rating, _score_text(p), title,
                     initiative_text(p.facts), self._votes(p.code, title), short_note(d)]
                    for n, (p, d) in enumerate(chosen, start=1)]
            head, last = self._table(ws, row - 1, tx.PROPOSAL_HEAD, rows, styles, data_table=False)
            heads.append(head)
            end = self._sign_pair(ws, last + 2, last_col, tx.SIGN_MAKER, self.school.secretary, tx.SIGN_HEAD,
                                  self.school.principal)
            blocks += [(first, min(head + 2, last), 0), (max(head + 1, last - 1), end, 0)]
            row = end + 2
        self._keep_together(ws, blocks)
        self.refused_sheet(styles)

    def _votes(self, code: str, title: str) -> str:
        result = self.s.tally.result(code, title) if self.s.tally else None
        if result is None or result.votes is None or not self.s.tally.members:
            return ""
        return tx.VOTES_SHORT.format(votes=result.votes, members=self.s.tally.members,
                                     share=cm.num_text(round(100 * result.votes / self.s.tally.members, 1)))

    def refused_sheet(self, styles: list[str]) -> None:
        """Who registered and is not proposed, and why — for the council, never attached to the Tờ trình."""
        widths = (5, 21, 12, 13, 10, 12, 13, 22, 10, 40)
        last_col = len(widths) - 1
        ws = self._sheet(tx.S_REFUSED, widths, landscape=True)
        refused = _refusals(self.s.people)
        row = self._title(ws, 0, last_col, tx.REFUSED_TITLE, tx.REFUSED_SUBTITLE.format(count=len(refused)))
        rows = [[n, p.name, p.position, p.department_name, p.facts.rating, _score_text(p), p.registered,
                 initiative_text(p.facts), None, reason] for n, (p, reason) in enumerate(refused, start=1)]
        self._table(ws, row - 1, tx.REFUSED_HEAD, rows or [[None, tx.NONE_ROW]], styles)

    # --- Tập thể -------------------------------------------------------------------------------

    def collective_sheet(self) -> None:
        if self.scoring:
            heads, widths = tx.COLLECTIVE_HEAD, (20, 8, 8, 8, 9, 9, 18, 18, 40)
            styles = ["text", "num", "num", "pct", "num", "num", "text", "text", "text"]
            rows = []
            for d in self.s.departments:
                members = self.by_dept[d.code]
                ldtt = sum(p.granted(rules.LDTT) for p in members)
                disciplined = sum(bool(p.facts.discipline) and p.facts.discipline != cm.DISCIPLINES[0]
                                  for p in members)
                reasons = "\n".join(f"{x.title}: {x.reason}" for x in d.decisions)
                rows.append([d.name, d.members, ldtt, ldtt / d.members if d.members else None,
                             sum(p.granted(rules.CSTDCS) for p in members), disciplined, d.collective,
                             d.proposed, reasons])
            title = tx.COLLECTIVE_TITLE
        else:
            heads, widths = tx.COLLECTIVE_HEAD_REG, (30, 10, 12, 34)
            styles = ["text", "num", "center", "text"]
            rows = [[d.name, d.members, tx.YES_SUBMITTED if d.submitted else tx.NOT_SUBMITTED, d.collective]
                    for d in self.s.departments]
            title = tx.COLLECTIVE_TITLE_REG
        last_col = len(heads) - 1
        ws = self._sheet(tx.S_COLLECTIVE, widths, landscape=self.scoring, page_breaks=True)
        row = self._header(ws, last_col, (last_col + 1) // 2)
        row = self._title(ws, row, last_col, title.format(year=self.year), self.school.name)
        head, last = self._table(ws, row, heads, rows, styles)
        end = self._sign_pair(ws, last + 2, last_col, tx.SIGN_MAKER, self.school.secretary, tx.SIGN_HEAD,
                              self.school.principal)
        self._keep_together(ws, [(max(head + 1, last - 1), end, 0)], repeat=(head,))

    # --- Danh sách công khai (a workbook of its own) ------------------------------------------------

    def public_sheet(self, posted_on: dt.date, until: dt.date) -> None:
        widths = (6, 28, 18, 22, 26)
        last_col = len(widths) - 1
        ws = self._sheet(tx.S_PUBLIC, widths)
        row = self._header(ws, last_col, 2, date=True)
        row = self._title(ws, row, last_col, tx.PUBLIC_TITLE.format(year=self.year).upper(), self.school.name)
        people = [[n, p.name, p.position, p.department_name, title]
                  for n, (p, title) in enumerate(((p, d.title) for chosen in proposal_lists(self.s.people).values()
                                                  for p, d in chosen), start=1)]
        self._text(ws, row, 0, last_col, tx.PUBLIC_INDIVIDUAL, "heading")
        _, row = self._table(ws, row + 1, tx.PUBLIC_HEAD, people or [[None, tx.NONE_ROW]],
                             ["center", "text", "text", "text", "text"], data_table=False)
        heads = {d.code: d.head for d in self.c.departments} if self.c else {}
        units = [[n, d.name, d.members, heads.get(d.code, ""), d.proposed] for n, d in
                 enumerate((d for d in self.s.departments if d.proposed), start=1)]
        self._text(ws, row + 2, 0, last_col, tx.PUBLIC_COLLECTIVE, "heading")
        _, row = self._table(ws, row + 3, tx.PUBLIC_HEAD_COLLECTIVE, units or [[None, tx.NONE_ROW]],
                             ["center", "text", "center", "text", "text"], data_table=False)
        window = tx.PUBLIC_WINDOW.format(start=posted_on.strftime("%d/%m/%Y"), end=until.strftime("%d/%m/%Y"),
                                         secretary=self.school.secretary or tx.PUBLIC_SECRETARY)
        row = self._paragraphs(ws, row + 2, last_col, [("body", window)])
        self._signatures(ws, row + 1, [_sign_block(2, last_col, tx.SIGN_HEAD, tx.SIGN_NOTE_SEAL,
                                                   self.school.principal)], date=False)

    # --- Biên bản and Tờ trình -----------------------------------------------------------------

    def _counts(self) -> tuple[dict[str, int], dict[str, list[str]]]:
        """People per individual title and department names per collective title (both in order)."""
        granted = {d.title for p in self.s.people for d in p.decisions if d.granted}
        individual = {t: sum(p.granted(t) for p in self.s.people)
                      for t in titles_in_order(INDIVIDUAL_ORDER, granted | set(INDIVIDUAL_ORDER))}
        found = {d.proposed for d in self.s.departments if d.proposed}
        collective = {t: [d.name for d in self.s.departments if d.proposed == t]
                      for t in titles_in_order(COLLECTIVE_ORDER, found | set(COLLECTIVE_ORDER))}
        return individual, collective

    @staticmethod
    def _names(names: list[str]) -> str:
        return f" ({', '.join(names)})" if names else ""

    def minutes_sheet(self) -> None:
        widths = (13, 13, 12, 13, 13, 12)
        last_col = len(widths) - 1
        ws = self._sheet(tx.S_MINUTES, widths, document=True, page_breaks=True)
        row = self._header(ws, last_col, 2, date=True)  # the motto's half wide enough for one line
        row = self._title(ws, row + 1, last_col, tx.MINUTES_TITLE.format(year=self.year))
        s, school = self.s, self.school
        fill = {"blank_date": DATE_LINE_BLANK, "principal": school.principal or "……………………",
                "secretary": school.secretary or "……………………", "school": school.name, "year": self.year,
                "people": len(s.people), "submitted": sum(d.submitted for d in s.departments),
                "departments": len(s.departments)}
        individual, collective = self._counts()
        lines = [(style, text.format(**fill)) for style, text in tx.MINUTES_LINES]
        lines.insert(lines.index(("heading", tx.MINUTES_RESULTS_HEADING)), ("body", criteria_line(self.s)))
        lines += [("body", tx.MINUTES_INDIVIDUAL.format(title=t, count=n)) for t, n in individual.items()]
        lines += [("body", tx.MINUTES_REFUSED.format(count=len(_refusals(s.people)))),
                  ("heading", tx.MINUTES_COLLECTIVE_HEAD)]
        lines += [("body", tx.MINUTES_COLLECTIVE.format(title=t, count=len(names), names=self._names(names)))
                  for t, names in collective.items()]
        lines += [("body", text) for text in tx.MINUTES_END]
        row = self._paragraphs(ws, row, last_col, lines)
        end = self._sign_pair(ws, row + 1, last_col, tx.SIGN_SECRETARY, school.secretary, tx.SIGN_CHAIR,
                              school.principal, date=False, seal=False)
        self._keep_together(ws, [(row - 1, end, 0)])  # the last paragraph with the signatures

    def letter_sheet(self) -> None:
        widths = (13, 13, 12, 13, 13, 12)
        last_col = len(widths) - 1
        ws = self._sheet(tx.S_LETTER, widths, document=True, page_breaks=True)
        school = self.school
        row = self._header(ws, last_col, 2, number=tx.LETTER_NUMBER, date=True)
        row = self._title(ws, row + 1, last_col, tx.LETTER_TITLE) - 1
        self._text(ws, row, 0, last_col, tx.LETTER_SUBJECT.format(year=self.year), "subject", fit=True)
        self._text(ws, row + 2, 0, last_col, tx.LETTER_TO.format(recipient=school.recipient), "to", fit=True)
        row += 4
        individual, collective = self._counts()
        fill = {"school": school.name, "recipient": school.recipient, "year": self.year,
                "blank_date": DATE_LINE_BLANK}
        lines = [("basis", line) for line in (self.c.legal_basis if self.c else ())]
        lines += [("basis", tx.LETTER_APPROVED.format(**fill)), ("body", tx.LETTER_REQUEST.format(**fill))]
        lines += [("body", tx.LETTER_INDIVIDUAL.format(title=t, count=n)) for t, n in individual.items()]
        lines += [("body", tx.LETTER_COLLECTIVE.format(title=t, count=len(names), names=self._names(names)))
                  for t, names in collective.items()]
        lines += [("note", tx.LETTER_ATTACHED), ("body", tx.LETTER_CLOSE.format(**fill))]
        row = self._paragraphs(ws, row, last_col, lines) + 1
        receivers = [(tx.RECEIVERS_HEAD, "receivers_head"), *((line, "receivers") for line in tx.RECEIVERS)]
        end = self._signatures(ws, row, [(0, 2, receivers),
                                         _sign_block(3, last_col, tx.SIGN_PRINCIPAL, tx.SIGN_NOTE_SEAL,
                                                     school.principal)], date=False)
        self._keep_together(ws, [(row - 2, end, 0)])

    # --- Kiểm tra and Nguồn dữ liệu ------------------------------------------------------------

    def check_sheet(self) -> None:
        widths = (5, 32, 18, 7, 10, 80)
        ws = self._sheet(tx.S_CHECK, widths, landscape=True)
        issues = sorted(self.s.issues, key=lambda i: SEVERITY_ORDER.get(i.severity, len(SEVERITY_ORDER)))
        counts = Counter(i.severity for i in issues)
        row = self._title(ws, 0, len(widths) - 1, tx.CHECK_TITLE,
                          tx.CHECK_SUBTITLE.format(errors=counts[ERROR], warnings=counts[WARNING], notes=counts[NOTE]))
        rows = ([n, i.file, i.sheet, i.cell, i.severity_label, i.message] for n, i in enumerate(issues, start=1))
        head, last = self._table(ws, row, tx.CHECK_HEAD, rows if issues else [[None, tx.CHECK_NONE]],
                                 ["center", "text", "text", "center", "center", "text"])  # each message worded as written
        if issues:
            where = f"A{head + 2}:F{last + 1}"
            for severity, style in ((ERROR, "error"), (WARNING, "warning")):
                label = next((i.severity_label for i in issues if i.severity == severity), None)
                if label:
                    ws.conditional_format(where, {"type": "formula", "criteria": f'=$E{head + 2}="{label}"',
                                                  "format": self.f[style]})

    def sources_sheet(self) -> None:
        widths = (32, 18, 20, 46, 10, 16, 52)
        ws = self._sheet(tx.S_SOURCES, widths, landscape=True)
        last_col = len(widths) - 1
        row = self._title(ws, 0, last_col, tx.SOURCES_TITLE)
        self._text(ws, row - 1, 0, last_col, tx.SOURCES_RULE, "note", fit=True)
        by_file = Counter(i.file for i in self.s.issues)
        rows = ([f.name, _file_department(f), tx.FILE_STATUS.get(f.status, f.status),
                 _file_reason(f, by_file[f.name]), round(f.size / 1024, 1), (f.saved_at or f.modified) + VN_TIME,
                 f.sha256] for f in self.s.files)
        self._table(ws, row + 1, tx.SOURCES_HEAD, rows, ["text", "text", "text", "text", "kb", "time", "small"])
