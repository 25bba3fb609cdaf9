"""The words of the Phiếu kết quả theo dõi, đánh giá a school sends with a person who moved to another school during
the year (:mod:`thidua_xlsx.papers.transfer`; NĐ 233/2026 điều 15 khoản 1 điểm a): who, where to and from when, and
each period's score at the school. The rating of the year is the new school's: the paper gives none."""

from __future__ import annotations

FILE_TRANSFER = "Phieu-ket-qua-chuyen-cong-tac_{name}"
DOC_NAME = "Phiếu kết quả theo dõi, đánh giá gửi đơn vị mới: {name}"

NUMBER = "Số: ……/PKQ-……"
TITLE = "PHIẾU KẾT QUẢ THEO DÕI, ĐÁNH GIÁ VIÊN CHỨC"
SUBTITLE = "trong thời gian công tác tại {school}, năm học {year}"
TO = "Kính gửi: {school}"
TO_BLANK = "……………………………………………"  # the new school not typed in sheet Nhân sự: written by hand
BASIS = ("Căn cứ điểm a khoản 1 Điều 15 Nghị định số 233/2026/NĐ-CP: tổ chức, đơn vị cũ có trách nhiệm gửi kết quả "
         "theo dõi, đánh giá hằng tháng hoặc hằng quý của viên chức tới tổ chức, đơn vị mới để làm căn cứ tính điểm "
         "trung bình, xếp loại chất lượng cuối năm;")
SENDS = "{school} gửi kết quả theo dõi, đánh giá của viên chức trong thời gian công tác tại trường như sau:"
NAME = "1. Họ và tên: {name}."
POSITION = "2. Chức vụ, chức danh: {position}; tổ: {department}."
MOVED = "3. Chuyển công tác đến {school} từ ngày {day}; thời gian công tác tại trường trong năm học: {first} – {last}."
RESULTS = "4. Kết quả theo dõi, đánh giá các kỳ tại trường:"
HEADS = ("STT", "Kỳ đánh giá", "Thời gian", "Tiêu chí chung (tối đa 30)", "Kết quả thực hiện nhiệm vụ (tối đa 70)",
         "Tổng điểm", "Ghi chú")
SPAN = "{first} – {last}"  # a period's days
PART_UNKNOWN = "—"  # a period's part not kept by its summary (the head's score typed as a total): never 0
# a period of hers without a score: why, in the words of the year's sheet
NO_SCORE = "không có điểm"
AWAY, AWAY_STUDY = "nghỉ trọn kỳ", "đi học, bồi dưỡng trọn kỳ"
HEAD_ENTERED = "điểm do hiệu trưởng nhập"
PART_OF_PERIOD = "làm việc đến {day}"  # the period the move falls in: she worked part of it
COUNT = ("Số kỳ có điểm: {used}/{total}. Xếp loại chất lượng năm do đơn vị mới thực hiện; trường không xếp loại, "
         "không xét danh hiệu thi đua năm học {year} cho viên chức này.")
NONE = "Không có kỳ đánh giá nào có điểm tại trường."
RECEIVERS = ("- Như trên;", "- Viên chức {name};", "- Lưu: VT.")
