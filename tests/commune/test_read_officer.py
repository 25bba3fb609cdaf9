"""Why the officer's kept book (hoi-dong/xa-duyet.xlsx) cannot be used any more, said in a phrase of its own: the
refusal of a book given to ``--council`` ends with advice for that book, which the kept one's warning replaces."""

from __future__ import annotations

import pytest

from thidua_xlsx.commune.read_officer import kept_unusable
from thidua_xlsx.model.issues import Problems

SHEET = "Chờ quyết định"


@pytest.mark.parametrize(("refused", "said"), [
    ("level_above.council_other", "tệp bị hỏng, hoặc không phải sổ duyệt của chiến dịch năm nay"),
    ("level_above.officer_sheet", f"sổ không còn sheet '{SHEET}' chương trình đã ghi"),
    ("level_above.officer_seal", "dấu của xã trong sổ không còn đúng: phần ghi ẩn bị sửa, hoặc khóa của xã đã được "
                                 "làm mới sau khi sổ được lưu"),
    ("level_above.officer_sent", "tệp ở đó là bản gửi đi kèm thư, không phải sổ duyệt"),
    ("level_above.officer_record", "phần ghi ẩn do một phiên bản khác của chương trình ghi; nếu máy đã quay về bản cũ, "
                                   "hãy cập nhật lại trước"),
    ("book.too_big", "tệp bị hỏng hoặc không còn là sổ bảng tính"),
])
def test_each_refusal_of_the_kept_book_is_one_phrase_without_the_given_book_s_advice(refused, said):
    why = Problems()
    why.add(refused, file="xa-duyet.xlsx", **{"level_above.council_other": {"year": "?"},
                                               "level_above.officer_sheet": {"sheet": SHEET},
                                               "book.too_big": {"size_mb": 300, "max_mb": 256,
                                                                "max_unzipped_mb": 2048}}.get(refused, {}))

    said_of = kept_unusable(why, "xa-duyet.xlsx")
    assert said_of.code == "level_above.officer_kept_unused" and f"({said})" in said_of.message
    assert "Hãy tổng hợp lại với --bo-duyet" in said_of.message


def test_a_kept_book_that_could_not_be_opened_now_is_to_be_read_again_not_dropped():
    """Open in Excel, locked by a sync client, not readable now: her decisions are still in it — never "damaged",
    never the advice to drop them."""
    why = Problems()
    why.add("file.unreadable", file="xa-duyet.xlsx")

    said_of = kept_unusable(why, "xa-duyet.xlsx")

    assert said_of.code == "level_above.officer_kept_unreadable"
    assert "Hãy đóng tệp (hoặc cấp quyền đọc) rồi tổng hợp lại" in said_of.message
    assert "--bo-duyet" not in said_of.message and "hỏng" not in said_of.message
