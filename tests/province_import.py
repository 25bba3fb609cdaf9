"""The province's import: a file read as its importer reads it, and another installation's own import template
built in code (as its system serves it)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook, load_workbook

from thidua_xlsx.model import province_import as pi
from thidua_xlsx.model.commune import Proposal
from thidua_xlsx.system import pool
from thidua_xlsx.system.written import Written
from thidua_xlsx.text.province_import import HEADERS
from thidua_xlsx.write.province_import import ImportResult, import_batches, import_workers, made_file, write_batches


def importer_reads(path: Path, last_row: int = pi.DEFAULT_LAST_ROW) -> list[dict]:
    """What the importer (dungchung_nhanexcelController::NhanExcelKhenThuong) keeps of ``path``: the first sheet,
    rows 2 to ``last_row`` inclusive, B–E and R–U, values as text."""
    ws = load_workbook(path).worksheets[0]
    kept = []
    for row in range(pi.FIRST_ROW, last_row + 1):
        b, c, d, e = (ws.cell(row, col).value for col in (2, 3, 4, 5))
        r, s, t, u = (ws.cell(row, col).value for col in (18, 19, 20, 21))
        if r is None:
            continue
        if r == "TAPTHE":
            kept.append({"kind": r, "name": c, "title": s, "category": t, "field": u})
        elif r == "CANHAN":
            salutation = b if b is not None else "Ông"
            kept.append({"kind": r, "name": c, "gender": "NAM" if salutation in ("Ông", "ÔNG", "ông") else "NU",
                         "position": d, "unit": e, "title": s, "category": t, "field": u})
    return kept
CODE_HEADERS = ("Mã phân loại", "Mã danh hiệu", "Mã đối tượng", "Mã lĩnh vực")
TITLES = [("tenhinhthuckt", "mahinhthuckt"), ("Bằng khen của Chủ tịch UBND tỉnh", "HT-BK"),
          ("Chiến sĩ thi đua cơ sở", "HT-CSCS"), ("Giấy khen của Chủ tịch UBND cấp xã", "HT-GKX"),
          ("Lao động tiên tiến", "HT-LDTT"), ("Tập thể lao động tiên tiến", "HT-TTTT"),
          ("Tập thể lao động xuất sắc", "HT-TTXS"), ("Huân chương Lao động hạng ba", "HT-HCLD3")]
CATEGORIES = [("tenphanloai", "maphanloai"), ("Các cấp lãnh đạo từ phó phòng trở lên", 20230001),
              ("Người trực tiếp công tác, lao động, học tập, chiến đấu và phục vụ chiến đấu", 20230002),
              ("Các cấp lãnh đạo khác", 20230003), ("Đơn vị sự nghiệp", 20230010), ("Doanh nghiệp", 20230011)]
FIELDS = [("NAME", "CODE"), ("An ninh - Quốc phòng", "01"), ("Giáo dục - Đào tạo", "03"), ("Y tế", "12")]
KINDS = [(None, None), ("Khen thưởng cá nhân", "CANHAN"), ("Khen thưởng tập thể", "TAPTHE"),
         ("Khen thưởng hộ gia đình", "HOGIADINH")]


def template(path: Path, titles=TITLES, categories=CATEGORIES, fields=FIELDS, sample=True) -> Path:
    """An installation's import template as its system serves it: the first sheet "file nhận" headed A–I with
    hidden R–U (a sample row beside its codes), hidden list sheets (a name, its code to the right), and a visible
    guide laid out like the first sheet, without codes."""
    wb = Workbook()
    ws = wb.active
    ws.title = "file nhận"
    for col, text in enumerate(HEADERS, start=1):
        ws.cell(1, col, text.replace(" (", "\n(") if col == 2 else text)  # the template breaks B's header
    for offset, text in enumerate(CODE_HEADERS):
        ws.cell(1, 18 + offset, text)
    if sample:
        for col, value in zip((2, 3, 4, 5, 6, 7, 8, 9, 18, 19, 20, 21), (
                "Bà", "Nguyễn Thị A", "Giáo viên", "Trường Mầm non B", "Khen thưởng cá nhân", "Lao động tiên tiến",
                "Người trực tiếp công tác, lao động, học tập, chiến đấu và phục vụ chiến đấu", "Giáo dục - Đào tạo",
                "CANHAN", "HT-LDTT", 20230002, "03")):
            ws.cell(2, col, value)
    for col in "RSTU":
        ws.column_dimensions[col].hidden = True
    for name, rows in (("HTKT", titles), ("PLDT", categories), ("LVHD", fields), ("phan loai kt", KINDS)):
        sheet = wb.create_sheet(name)
        sheet.sheet_state = "hidden"
        for row, pair in enumerate(rows, start=1):
            for col, value in enumerate(pair, start=1):
                sheet.cell(row, col, value)
    guide = wb.create_sheet("Hướng dẫn")
    for col, text in enumerate(HEADERS, start=1):
        guide.cell(1, col, text)
    guide.cell(2, 3, "Sở Tư pháp")
    guide.cell(2, 6, "Khen thưởng tập thể")
    wb.save(path)
    return path


def write_import_files(proposals: list[Proposal] | tuple[Proposal, ...], mapping: pi.Mapping, folder: Path,
                       stem: str, written: Written | None = None) -> ImportResult:
    """The import files of ``proposals`` in ``folder`` as the commune's merge writes them (commune/commands.py:
    the batches made, their bytes made on every core when there are many, each file written in order)."""
    batches = import_batches(proposals, mapping)
    with pool.started(batches, import_workers(batches)) as start:
        return write_batches(batches, start(made_file, range(len(batches.parts))), folder, stem, written)
