"""The console report's sentences: each change of a council's pass said as a sentence — who, what the
council (or the head, for a period) did, why — where the change log sheet gives the same change in columns (what,
before, after, why: :mod:`thidua_xlsx.text.summary`)."""

from __future__ import annotations

# "  Đặng Thị Thu Hà (GV008): bằng điểm ở suất cuối – Hội đồng chọn Lao động tiên tiến – lý do: …"
COUNCIL_CHANGE_SENTENCE = "  {name} ({code}): {change}{why}"
COUNCIL_CHANGE_BECAUSE = " – lý do: {why}"

# {before} and {after}: a score, a title's or a rating's name (as the change log words them)
CHANGE_SCORE = "điểm đổi từ {before} thành {after}"
CHANGE_SCORE_FIRST = "chưa có điểm, được chấm {after} điểm"
CHANGE_TITLE = "đề nghị {after} thay cho {before}"
CHANGE_TITLE_ADDED = "được đề nghị {after} (trước đó không được đề nghị danh hiệu nào)"
CHANGE_TITLE_DROPPED = "không đề nghị {before} nữa"
CHANGE_VOTE = "bỏ phiếu {before} không đạt"
CHANGE_TIE_CHOSEN = "bằng điểm ở suất cuối – Hội đồng chọn {after}"
CHANGE_TIE_CHOSEN_OVER = "bằng điểm ở suất cuối – Hội đồng chọn {after} (trước đó đề nghị {before})"
CHANGE_TIE_OTHER = "bằng điểm ở suất cuối – Hội đồng chọn người khác; đề nghị {after}"
CHANGE_TIE_OTHER_NONE = "bằng điểm ở suất cuối – Hội đồng chọn người khác; không đề nghị danh hiệu"
CHANGE_RATING = "xếp loại năm đổi từ {before} thành {after}"
CHANGE_OTHER = "{what}: {before} → {after}"  # a change the tool does not word yet: as the change log's columns

# a file line of the report: an untouched copy of a department whose filled book is used ({used}: that book)
FILE_SET_ASIDE = "để riêng – bản còn trống như khi phát; sổ đã điền của tổ ({used}) được dùng"
