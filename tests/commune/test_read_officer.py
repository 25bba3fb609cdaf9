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
    ("file.unreadable", "tệp bị hỏng hoặc không còn là sổ bảng tính"),
])
def test_each_refusal_of_the_kept_book_is_one_phrase_without_the_given_book_s_advice(refused, said):
    why = Problems()
    why.add(refused, file="xa-duyet.xlsx", **{"level_above.council_other": {"year": "?"},
                                               "level_above.officer_sheet": {"sheet": SHEET}}.get(refused, {}))

    assert kept_unusable(why).text == said
