"""Fill generated workbooks the way teachers do: only the unlocked input cells, with openpyxl.

The cells come from the workbook's own layout record (where the writer put them), so tests and
the sample builder never hard-code positions. ``fill`` refuses to write a locked cell unless told
to (a tampering test). ``register`` runs a whole registration round to get the summary that
``generate --from`` needs.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from openpyxl import load_workbook

from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.titles import name as title_name
from thidua_xlsx.read.department.cells import load_values
from thidua_xlsx.read.department.meta import parse_meta
from thidua_xlsx.steps.workspace import CampaignFolder
from thidua_xlsx.text import summary as sx


def layout(path: Path) -> ly.WorkbookLayout | None:
    """The layout a generated workbook carries (its very hidden sheet, as the reader parses it), or None."""
    sheets = load_values(Path(path).read_bytes())
    return parse_meta(sheets[ly.META_SHEET]) if ly.META_SHEET in sheets else None


def item_row(form: ly.ScoringSheet, code: str) -> int:
    """The row of criterion ``code`` on a scoring form, as the writer put it."""
    return dict(form.items)[code]


def sheet(path_or_layout, cls, code: str | None = None):
    """The (first) sheet record of class ``cls``; for a scoring form, the one of person ``code``."""
    found = path_or_layout if isinstance(path_or_layout, ly.WorkbookLayout) else layout(path_or_layout)
    return next(s for s in found.sheets if isinstance(s, cls) and (code is None or s.person_code == code))


def forms(path_or_layout, spare: bool | None = None) -> list[ly.ScoringSheet]:
    found = path_or_layout if isinstance(path_or_layout, ly.WorkbookLayout) else layout(path_or_layout)
    return [s for s in found.of_kind(ly.ScoringSheet) if spare is None or s.spare == spare]


#: (the source's SHA-256, the values typed) → the book openpyxl saved: a test process fills the same book with the
#: same values again and again (~0.1 s of openpyxl each); what it saves differs only by its time of saving, which a
#: test that needs one sets itself (:func:`stamp_saved_time`).
_FILLED: dict[tuple[bytes, str], bytes] = {}


def fill(src: Path, dst: Path, values: dict[tuple[str, str], object], *, allow_locked: bool = False) -> None:
    """Write ``values`` {(sheet, cell): value} into a copy of ``src`` saved as ``dst``."""
    source = src.read_bytes()
    key = (hashlib.sha256(source).digest(), repr((src.suffix, allow_locked, sorted(values.items(), key=repr))))
    dst.parent.mkdir(parents=True, exist_ok=True)
    if key in _FILLED:
        dst.write_bytes(_FILLED[key])
        return
    wb = load_workbook(src, keep_vba=src.suffix == ".xlsm")
    for (name, cell), value in values.items():
        target = wb[name][cell]
        if not allow_locked and target.protection.locked is not False:
            raise AssertionError(f"{name}!{cell} is locked: a teacher could not type there")
        target.value = value
        if isinstance(value, str):
            target.data_type = "s"  # typed text stays text, even "=HYPERLINK(…)" (openpyxl would make a formula)
    wb.save(dst)
    _FILLED[key] = dst.read_bytes()


def person_values(rec: ly.ScoringSheet, self_scores: dict[str, object], dept_scores: dict[str, object] | None = None,
                  name: str | None = None, position: str | None = None,
                  facts: dict[str, object] | None = None) -> dict[tuple[str, str], object]:
    """Values for one person's form: scores by item code, optional name/position (spare form) and facts."""
    rows = dict(rec.items)
    values = {(rec.name, f"{rec.self_column}{rows[code]}"): v for code, v in self_scores.items()}
    values |= {(rec.name, f"{rec.dept_column}{rows[code]}"): v for code, v in (dept_scores or {}).items()}
    for cell, value in ((rec.name_cell, name), (rec.position_cell, position)):
        if value is not None:
            values[(rec.name, cell)] = value
    cells = dict(rec.facts)
    for key, value in (facts or {}).items():
        values[(rec.name, cells[key])] = value
    return values


def registration_values(rec: ly.RegistrationSheet, titles: dict[str, str]) -> dict[tuple[str, str], object]:
    """The titles chosen, by person code: each typed as its name (a title code is worded, any other text typed)."""
    rows = dict(rec.rows)
    return {(rec.name, f"{rec.title_column}{rows[code]}"): title_name(title) for code, title in titles.items()
            if code in rows}


def stamp_saved_time(path: Path, when) -> None:
    """Set the workbook's own "last saved" time (docProps/core.xml), as Excel does on save.

    openpyxl always stamps "now"; samples and tests need a chosen, reproducible time. Zip entry
    dates are fixed too, so the same content gives the same bytes.
    """
    import re
    import zipfile

    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    with zipfile.ZipFile(path) as zf:
        entries = [(info, zf.read(info)) for info in zf.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for info, data in entries:
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", rb"\g<1>" + stamp + rb"\g<2>",
                              data)
            fixed = zipfile.ZipInfo(info.filename, date_time=(2026, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(fixed, data)


REGISTERED_ON = dt.datetime(2025, 9, 26, 8, 30)  # when the departments saved their registration books


def register(folder: CampaignFolder, titles: dict[str, str], work: Path, *, collective: dict[str, str] | None = None,
             skip_departments: tuple[str, ...] = (), newcomers: dict[str, tuple[str, str, str]] | None = None,
             saved: dt.datetime = REGISTERED_ON) -> Path:
    """Run the registration round: generate, fill ``titles`` by person code, merge, write the summary.

    ``newcomers``: department code → (name, position, title) typed on the first spare row. Titles are typed
    as their names (:func:`registration_values`).
    """
    from thidua_xlsx.service import generate_round, merge_inbox
    from thidua_xlsx.write.summary import write_summary

    paths = generate_round(folder, ly.REGISTRATION, work / "outbox-dang-ky").paths
    inbox = work / "inbox-dang-ky"
    for path in paths:
        if layout(path).department_code not in skip_departments:
            registered_book(path, inbox / path.name, titles, collective=collective, newcomers=newcomers, saved=saved)
    target = work / "tong-hop_dang-ky.xlsx"  # the registration round's summary as the folder map names it
    write_summary(merge_inbox(inbox, folder), target)
    return target


def registered_book(path: Path, dst: Path, titles: dict[str, str], *, collective: dict[str, str] | None = None,
                    newcomers: dict[str, tuple[str, str, str]] | None = None, saved: dt.datetime = REGISTERED_ON
                    ) -> None:
    """A department's registration book as it sends it back (``register``'s arguments, one book)."""
    found = layout(path)
    reg = sheet(found, ly.RegistrationSheet)
    values = registration_values(reg, titles)
    if newcomers and found.department_code in newcomers:
        name, position, title = newcomers[found.department_code]
        row = reg.spare_rows[0]
        values |= {(reg.name, f"{reg.name_column}{row}"): name, (reg.name, f"{reg.position_column}{row}"): position,
                   (reg.name, f"{reg.title_column}{row}"): title_name(title)}
    unit = sheet(found, ly.CollectiveSheet)
    if collective and found.department_code in collective:
        values[(unit.name, unit.cell)] = title_name(collective[found.department_code])
    fill(path, dst, values)
    stamp_saved_time(dst, saved)


def submission(path: Path, folder: CampaignFolder):
    """What the reader finds in one returned workbook, every cell with where it was found (a merge's
    summary keeps each file slim: no cells)."""
    from thidua_xlsx.read.containment import FILE, InboxItem
    from thidua_xlsx.read.department import ReadContext, read_file

    found = read_file(InboxItem(path, path.name, FILE), ReadContext(folder.campaign, folder.registry))
    assert found.submission is not None, [i.render() for i in found.issues]
    return found.submission


def _rows(path: Path, sheet_name: str) -> list[list]:
    """The values of a sheet of ours, row by row from A1 (read with calamine: a lookup, nothing written back)."""
    from python_calamine import CalamineWorkbook

    return CalamineWorkbook.from_path(str(path)).get_sheet_by_name(sheet_name).to_python(skip_empty_area=False)


def header_columns(path: Path, sheet_name: str, header_row: int) -> dict[str, str]:
    """Column letter of each header text of a table, as written (e.g. "Điểm xét" → "G").

    For cells the layout record does not name (the department sheet's formula columns); found by
    their locked header text, the way the reader finds tables."""
    from openpyxl.utils import get_column_letter

    row = _rows(path, sheet_name)[header_row - 1]
    return {value: get_column_letter(k) for k, value in enumerate(row, start=1) if isinstance(value, str) and value}


def labelled_row(path: Path, sheet_name: str, label: str, column: str = "B") -> int:
    """The row whose ``column`` holds ``label`` (e.g. "XẾP LOẠI THI ĐUA" on a scoring form)."""
    from openpyxl.utils import column_index_from_string

    at = column_index_from_string(column) - 1
    rows = [n for n, row in enumerate(_rows(path, sheet_name), start=1) if len(row) > at and row[at] == label]
    if len(rows) != 1:
        raise AssertionError(f"{sheet_name}: {len(rows)} rows labelled {label!r} in column {column}")
    return rows[0]


def table_rows(ws, heads: dict[str, str]) -> tuple[int, dict[str, int]]:
    for row in ws.iter_rows():
        texts = [c.value for c in row]
        if all(h in texts for h in heads.values()):
            return row[0].row, {k: texts.index(h) + 1 for k, h in heads.items()}
    raise AssertionError(f"no header {heads} in {ws.title}")


def council_types(src: Path, dst: Path, decisions: dict[str, tuple], tally: dict | None = None,
                  votes: dict[tuple[str, str], int] | None = None) -> None:
    """What the secretary types during the meeting into the summary it met with (only unlocked cells):
    {code: (score, decision, note)} in "Điểm chi tiết" (a year summary's "Xếp loại năm"), the tally and the votes
    in "Kiểm phiếu" ({(code, title): votes}); a title code is typed as its name."""
    wb = load_workbook(src)
    ws = wb[sx.S_DETAIL if sx.S_DETAIL in wb.sheetnames else sx.S_YEAR]
    head, cols = table_rows(ws, sx.COUNCIL_HEADS)
    for row in range(head + 1, ws.max_row + 1):
        code = ws.cell(row, cols["code"]).value
        if code in decisions:
            for key, value in zip(("score", "decision", "note"), decisions[code]):
                if key == "decision" and value is not None:
                    value = title_name(value)
                if value is not None:
                    cell = ws.cell(row, cols[key])
                    assert cell.protection.locked is False, (key, cell.coordinate)
                    cell.value = value
    if sx.S_TALLY not in wb.sheetnames:  # a period's summary: its head scores, no title is voted
        wb.save(dst)
        return
    sheet = wb[sx.S_TALLY]
    for row in sheet.iter_rows():
        label = row[0].value
        for key, text in sx.TALLY_FIELDS.items():
            if label == text and tally and key in tally:
                assert sheet.cell(row[0].row, 3).protection.locked is False
                sheet.cell(row[0].row, 3).value = tally[key]
    head, cols = table_rows(sheet, sx.TALLY_HEADS)
    votes = {(code, title_name(title)): n for (code, title), n in (votes or {}).items()}
    for row in range(head + 1, sheet.max_row + 1):
        key = (sheet.cell(row, cols["code"]).value, sheet.cell(row, cols["title"]).value)
        if key in votes:
            sheet.cell(row, cols["votes"]).value = votes.pop(key)
    for (code, title), n in votes.items():  # a candidate added at the meeting, on a spare row
        row = next(r for r in range(head + 1, sheet.max_row + 1) if not sheet.cell(r, cols["code"]).value)
        for key, value in (("code", code), ("title", title), ("votes", n)):
            sheet.cell(row, cols[key]).value = value
    wb.save(dst)



def on_ballot(summary: Path, title: str) -> list[str]:
    """The codes of the people on ``summary``'s ballot (sheet Kiểm phiếu) for ``title`` (its code)."""
    rows = _rows(summary, sx.S_TALLY)
    head = next(k for k, row in enumerate(rows) if sx.TALLY_HEADS["code"] in row)
    code, named = rows[head].index(sx.TALLY_HEADS["code"]), rows[head].index(sx.TALLY_HEADS["title"])
    return [row[code] for row in rows[head + 1:] if row[code] and row[named] == title_name(title)]


def council_votes_all(src: Path, dst: Path, title: str, members: int) -> list[str]:
    """:func:`council_types` for a meeting of ``members`` where all of them vote for every candidate for ``title``
    and nothing else is changed; returns the candidates' codes."""
    codes = on_ballot(src, title)
    council_types(src, dst, {}, tally={"members": members, "present": members, "ballots_issued": members,
                                       "ballots_returned": members}, votes={(code, title): members for code in codes})
    return codes


def type_far_away(path: Path, sheet_name: str, cell: str = "XFD1048576") -> None:
    """What a slip of Ctrl+↓ / Ctrl+→ then typing does: a value in the last cell of a sheet."""
    wb = load_workbook(path)
    wb[sheet_name][cell] = "x"
    wb.save(path)


def run_apart(*args, cwd: Path):
    """The command line in a process of its own, as the secretary runs it: a parser that aborts the
    process is a failed test here, not the end of the test run."""
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "thidua_xlsx", *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, timeout=300)
