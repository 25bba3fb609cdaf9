"""What the tool estimates of a printed page, since neither Excel nor LibreOffice tells a writer: the lines a
wrapped text takes (row heights) and where pages end (page breaks)."""

from __future__ import annotations

from thidua_xlsx.write import engine


def _page_rows(row_pt: float, widths: tuple[float, ...]) -> int:
    width_pt = engine.A4_SHORT - (engine.MARGINS["left"] + engine.MARGINS["right"]) * 72
    height_pt = engine.A4_LONG - (engine.MARGINS["top"] + engine.MARGINS["bottom"]) * 72
    scale = min(1.0, width_pt / (sum(widths) * engine.CHAR_PT))
    return int((height_pt - engine.FOOTER_PT) / scale * engine.PAGE_SAFETY // row_pt)


def test_every_full_page_ends_at_a_break_of_ours():
    widths = (20.0, 20.0, 20.0)
    heights = {r: 20.0 for r in range(100)}
    per_page = _page_rows(20.0, widths)
    breaks = engine.page_breaks(heights, widths, False, [])
    assert breaks == list(range(per_page, 100, per_page))


def test_a_signature_block_moves_to_the_next_page_with_its_last_rows():
    widths = (20.0, 20.0, 20.0)
    per_page = _page_rows(20.0, widths)
    last = per_page + 2  # the block (the last paragraph and the signature) would straddle the page's end
    heights = {r: 20.0 for r in range(last + 1)}
    breaks = engine.page_breaks(heights, widths, False, [(per_page - 3, last, 0)])
    assert breaks == [per_page - 3]


def test_a_criterion_wraps_word_by_word_as_printed():
    """Printed by LibreOffice in Liberation Serif 12, this criterion of the scoring form takes three lines
    in its 50.7-unit column ("… pháp luật của / Nhà nước; … nội quy nhà / trường"): one letter count per
    line said two, and the row cut its first line off."""
    text = ("Chấp hành chủ trương của Đảng, chính sách, pháp luật của Nhà nước; quy định của ngành, địa phương "
            "và nội quy nhà trường")
    assert engine.cell_lines(text, 50.7) == 3
    assert engine.cell_lines(text + "\n(Minh chứng: Không vi phạm; nhận xét của chi bộ, công đoàn)", 50.7) == 5


def test_capitals_take_more_room_than_lowercase():
    title = "DANH SÁCH CÔNG KHAI CÁ NHÂN, TẬP THỂ ĐỀ NGHỊ XÉT TẶNG DANH HIỆU THI ĐUA NĂM HỌC 2025-2026"
    assert engine.cell_lines(title.lower(), 85.7) == 1
    assert engine.cell_lines(title, 85.7) == 2
