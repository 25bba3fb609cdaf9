"""Fill generated workbooks the way teachers do: only the unlocked input cells, with openpyxl.

The cells come from the workbook's own metadata records, so tests and the sample builder never
hard-code positions. ``fill`` refuses to write a locked cell unless told to (a tampering test).
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from thidua_xlsx.reader import read_metadata


def records(path: Path) -> list[dict]:
    return read_metadata(path)["payload"]["sheets"]


def record(path_or_records, kind: str, code: str | None = None) -> dict:
    recs = records(path_or_records) if isinstance(path_or_records, Path) else path_or_records
    return next(r for r in recs if r["kind"] == kind and (code is None or r.get("code") == code))


def fill(src: Path, dst: Path, values: dict[tuple[str, str], object], *, allow_locked: bool = False) -> None:
    """Write ``values`` {(sheet, cell): value} into a copy of ``src`` saved as ``dst``."""
    wb = load_workbook(src, keep_vba=src.suffix == ".xlsm")
    for (sheet, cell), value in values.items():
        target = wb[sheet][cell]
        if not allow_locked and target.protection.locked is not False:
            raise AssertionError(f"{sheet}!{cell} is locked: a teacher could not type there")
        target.value = value
        if isinstance(value, str):
            target.data_type = "s"  # typed text stays text, even "=HYPERLINK(…)" (openpyxl would make a formula)
    dst.parent.mkdir(parents=True, exist_ok=True)
    wb.save(dst)


def person_values(rec: dict, self_scores: dict[str, object], dept_scores: dict[str, object] | None = None,
                  title: str | None = None, name: str | None = None, position: str | None = None,
                  facts: dict[str, object] | None = None) -> dict[tuple[str, str], object]:
    """Values for one person sheet: scores by item code, optional title/name/position/facts."""
    sheet = rec["name"]
    values = {(sheet, f"{rec['self_col']}{rec['items'][code]}"): v for code, v in self_scores.items()}
    values |= {(sheet, f"{rec['dept_col']}{rec['items'][code]}"): v for code, v in (dept_scores or {}).items()}
    for key, value in (("title_cell", title), ("name_cell", name), ("position_cell", position)):
        if value is not None:
            values[(sheet, rec[key])] = value
    for key, value in (facts or {}).items():
        values[(sheet, rec["facts"][key])] = value
    return values


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
