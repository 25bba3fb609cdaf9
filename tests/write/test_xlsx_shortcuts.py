"""The writing shortcuts (thidua_xlsx.write.xlsx, the department workbooks' and the summary's) are used only with
the xlsxwriter versions they were compared on; with any other, xlsxwriter's own classes write the same bytes."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from tests.conftest import campaign_dict
from tests.writer_classes import forget_classes, pretend_xlsxwriter
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.issued import department_spec
from thidua_xlsx.write import department as writer
from thidua_xlsx.write import engine, xlsx
from thidua_xlsx.write.summary.book import open_workbook


def _written(tmp_path, name: str) -> tuple[bytes, bytes]:
    """A scoring workbook of the small campaign and a summary-like sheet of every plain kind of cell."""
    campaign = cm.from_dict(campaign_dict())
    spec = department_spec(campaign, campaign.departments[0], ly.SCORING)
    book = tmp_path / f"{name}-book.xlsx"
    writer.write_issued_workbook(spec, book)[0]
    summary = tmp_path / f"{name}-summary.xlsx"
    wb = open_workbook(summary)
    # xlsxwriter dates a book it is not given a date for by the clock: two writes a second apart differ
    engine.set_properties(wb, "Tổng hợp", "Trường", dt.datetime(2026, 5, 20, 8, 0))
    ws = wb.add_worksheet("Danh sách")
    style = wb.add_format(engine.BASE_STYLE)
    ws.set_row(2, None, style)
    for row, value in enumerate(["Nguyễn Thị Lan", " cách ", 91.5, "", "=A1", "a\x01b", 0], start=0):
        ws.write(row, 0, value, style if row != 2 else None)
    ws.write_formula(7, 0, "=SUM(A3:A3)", style, 91.5)
    wb.close()
    return book.read_bytes(), summary.read_bytes()


@pytest.fixture
def restore_classes():
    yield
    forget_classes()


def test_an_xlsxwriter_the_shortcuts_were_not_compared_on_writes_its_own_way_the_same_bytes(
        tmp_path, monkeypatch, restore_classes):
    import xlsxwriter
    from xlsxwriter.worksheet import Worksheet

    assert xlsx.shortcuts(), f"xlsxwriter {xlsxwriter.__version__}: compare the shortcuts, then name it in " \
        "CHECKED_VERSIONS and pyproject.toml"
    pretend_xlsxwriter(monkeypatch, xlsxwriter.__version__)
    short = _written(tmp_path, "short")
    assert xlsx.worksheet_class() is not Worksheet

    pretend_xlsxwriter(monkeypatch, "9.0.0")
    assert not xlsx.shortcuts()
    assert xlsx.workbook_class() is xlsxwriter.Workbook and writer._workbook_class() is xlsxwriter.Workbook
    own = _written(tmp_path, "own")
    assert short == own


def _table_book(path, workbook) -> None:
    """A summary table of every kind of value put writes (a plain row is written at once by the shortcuts), then a
    cell written into its last row and a row after it, as a sheet may be finished after its table."""
    from fractions import Fraction

    from thidua_xlsx.write.summary.book import Book, Styled

    wb = workbook(path)
    engine.set_properties(wb, "Tổng hợp", "Trường", dt.datetime(2026, 5, 20, 8, 0))
    book = Book(wb, cm.from_dict(campaign_dict()).school)
    ws = book.sheet("Danh sách", (5, 20, 12, 12, 30))
    plain = [["Nguyễn Thị Lan", 91.5, 3, "", None], [" cách ", 0, -1.25, "a & b < c", "dòng\nhai"],
             ["x" * 400, float("nan"), 1e20, "_x0000_ \x01", Styled("Chờ", "warning")],
             [Styled(7, "num"), "", "", "", ""]]
    own_way = [[True, False, 1, 2, 3], [dt.datetime(2026, 1, 2, 3, 4), "a", "b", "c", "d"],
               ["y" * 20_000, 1, 2, 3, 4], [Fraction(1, 2), 1, 2, 3, 4],
               [Styled(Styled("z", "heading"), "num"), 1, 2, 3, 4]]
    rows = [*plain, *own_way, *plain]
    book.table(ws, 2, ["Mã", "Họ tên", "Điểm", "Ghi chú", "Kết quả"], rows, [None, "text", "num", "text", "small"])
    book.put(ws, 2 + len(rows), 4, "cuối bảng", "text")
    book.put(ws, 4 + len(rows), 0, "sau bảng", "text")
    # placed at close by the heights of the rows above it, written out long before (their sizes kept, shared)
    ws.insert_image(6 + len(rows), 1, "logo.png", {"image_data": io.BytesIO(_PNG), "y_offset": 30})
    wb.close()


# a 1×1 PNG (its header, size and one pixel: as a paint program writes it)
_PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                     "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")


def test_a_tables_rows_written_at_once_are_the_bytes_written_cell_by_cell(tmp_path, monkeypatch, restore_classes):
    import xlsxwriter

    pretend_xlsxwriter(monkeypatch, xlsxwriter.__version__)
    assert hasattr(xlsx.worksheet_class(), "write_plain_row")
    _table_book(tmp_path / "short.xlsx", open_workbook)
    pretend_xlsxwriter(monkeypatch, "9.0.0")
    _table_book(tmp_path / "own.xlsx", lambda path: xlsxwriter.Workbook(str(path), engine.workbook_options(
        constant_memory=True)))
    assert (tmp_path / "short.xlsx").read_bytes() == (tmp_path / "own.xlsx").read_bytes()


def test_the_samples_summary_is_the_same_bytes_with_the_shortcuts_or_without(tmp_path, monkeypatch, restore_classes):
    """The sample school's merge written as its summary by the shortcuts (rows of its tables written at once) and by
    xlsxwriter alone."""
    import shutil
    from pathlib import Path

    import xlsxwriter

    from thidua_xlsx.service import merge_inbox
    from thidua_xlsx.steps.workspace import open_campaign
    from thidua_xlsx.write.summary import write_summary

    samples = Path(__file__).resolve().parents[2] / "samples"
    for part in ("inbox", "so-da-phat"):
        shutil.copytree(samples / part, tmp_path / part)
    shutil.copy(samples / "campaign.xlsx", tmp_path / "campaign.xlsx")
    opened, _ = open_campaign(tmp_path / "campaign.xlsx")
    summary = merge_inbox(tmp_path / "inbox", opened)
    assert len(summary.people) > 40
    pretend_xlsxwriter(monkeypatch, xlsxwriter.__version__)
    write_summary(summary, tmp_path / "short.xlsx")
    pretend_xlsxwriter(monkeypatch, "9.0.0")
    write_summary(summary, tmp_path / "own.xlsx")
    assert (tmp_path / "short.xlsx").read_bytes() == (tmp_path / "own.xlsx").read_bytes()


def test_an_import_file_is_the_same_bytes_with_the_shortcuts_or_without(monkeypatch, restore_classes):
    """The province's import file: its rows written at once and its parts taken from xlsxwriter's packager, or
    (another xlsxwriter) written cell by cell and read back from the zip its close made — the same bytes."""
    import xlsxwriter

    from thidua_xlsx.model import province_import as pi
    from thidua_xlsx.model.commune import PERSON, Proposal
    from thidua_xlsx.read.province_import import load_mapping
    from thidua_xlsx.write import province_import

    mapping, _problems = load_mapping("mau-tdkt")
    people = [Proposal("KT", PERSON, f"GV{n}", f"Nguyễn Thị Lan {n}", "LDTT", "Giáo viên", "Trường THCS Kim Thư",
                       "Nữ") for n in range(30)]
    rows, _refused = pi.import_rows(people, mapping)
    pretend_xlsxwriter(monkeypatch, xlsxwriter.__version__)
    short = province_import._file_bytes(mapping, tuple(rows))
    pretend_xlsxwriter(monkeypatch, "9.0.0")
    assert province_import._file_bytes(mapping, tuple(rows)) == short


def test_the_campaign_books_made_in_memory_are_the_bytes_xlsxwriter_writes_through_its_temporary_files(
        tmp_path, monkeypatch, restore_classes):
    """The sample school's campaign.xlsx and the commune's cap-tren.xlsx, their parts made in memory and zipped as
    xlsxwriter's own close zips them from a temporary file each, and written by xlsxwriter alone: the same bytes."""
    from pathlib import Path

    import xlsxwriter

    from thidua_xlsx.commune.read_book import load_level_above_book
    from thidua_xlsx.commune.write_book import write_level_above_book
    from thidua_xlsx.read.campaign_book import load_campaign_book
    from thidua_xlsx.write.campaign_book import write_campaign_book

    samples = Path(__file__).resolve().parents[2] / "samples"
    campaign, _ = load_campaign_book(samples / "campaign.xlsx")
    commune, _ = load_level_above_book(samples / "cap-xa" / "cap-tren.xlsx")
    assert campaign is not None and commune is not None

    def written(name: str) -> tuple[bytes, bytes]:
        write_campaign_book(campaign, tmp_path / f"{name}-campaign.xlsx", ("Bắc Ninh", "Hải Phòng"))
        write_level_above_book(commune, tmp_path / f"{name}-cap-tren.xlsx", ("Bắc Ninh",))
        return (tmp_path / f"{name}-campaign.xlsx").read_bytes(), (tmp_path / f"{name}-cap-tren.xlsx").read_bytes()

    pretend_xlsxwriter(monkeypatch, xlsxwriter.__version__)
    assert xlsx.file_alike_workbook_class() is not xlsxwriter.Workbook
    in_memory = written("memory")
    pretend_xlsxwriter(monkeypatch, "9.0.0")
    assert xlsx.file_alike_workbook_class() is xlsxwriter.Workbook
    assert in_memory == written("own")
