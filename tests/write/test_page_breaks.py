"""Page breaks placed by the tool, so that a printed page never depends on where the program would break."""

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

