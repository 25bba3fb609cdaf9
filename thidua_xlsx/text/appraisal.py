"""The words of the Phiếu xếp loại chất lượng viên chức (Phụ lục II, Nghị định 233/2026/NĐ-CP), written per person
from the year's results (:mod:`thidua_xlsx.papers.appraisal`). The headings are the annex's own; the lines the
tool adds (the year's score and each period's) say where they come from."""

from __future__ import annotations

FILE_APPRAISAL = "Phieu-xep-loai-chat-luong-vien-chuc"
DOC_NAME = "Phiếu xếp loại chất lượng viên chức (Phụ lục II, Nghị định 233/2026/NĐ-CP), mỗi người một trang"

TITLE = "PHIẾU XẾP LOẠI CHẤT LƯỢNG VIÊN CHỨC"
YEAR = "Năm học {year}"
NAME = "Họ và tên: {name}"
POSITION = "Chức vụ, chức danh: {position}"
UNIT = "Đơn vị công tác: {department}, {school}"

PART_1 = "I. TỔNG HỢP KẾT QUẢ THEO DÕI, ĐÁNH GIÁ"
GENERAL = "1. Kết quả theo dõi, đánh giá theo tiêu chí chung (tối đa 30 điểm):"
TASKS = "2. Kết quả theo dõi, đánh giá theo tiêu chí kết quả thực hiện nhiệm vụ\n(tối đa 70 điểm):"  # the annex's break
# the year keeps each period's total only: the two parts above say they are not known and are left to fill in
# (never 0), the total is printed
PART_UNKNOWN = "{label} chưa có"
TOTAL = "Tổng số điểm năm: {score}/100 điểm ({how})."
TOTAL_BLANK = "Tổng số điểm năm:"
HOW = {  # by the campaign's year formula (model.campaign: AVERAGE, SEMESTERS, WEIGHTED)
    "TRUNG_BINH": "trung bình cộng điểm của {used}/{total} kỳ đánh giá",
    "HK1_2HK2": "theo công thức (điểm HKI + 2 × điểm HKII) / 3, trên {used}/{total} kỳ có điểm",
    "TRONG_SO": "trung bình có trọng số của {used}/{total} kỳ đánh giá",
}
PERIODS = "Điểm từng kỳ: {scores}."
PERIOD_SCORE = "{label}: {score}"
PERIODS_NONE = "Không có điểm (không tính là 0 điểm): {periods}."

PART_2 = "II. VIÊN CHỨC TỰ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG"
PART_3 = "III. KẾT QUẢ XẾP LOẠI CHẤT LƯỢNG VIÊN CHỨC CỦA CẤP CÓ THẨM QUYỀN"
NOT_RATED = "Không đánh dấu ô nào: {reason}."
# where the rating ticked comes from (NĐ 233/2026 điều 13 khoản 3: the competent authority decides it)
RATED_COMPUTED = ("Ô đã đánh dấu: xếp loại tính từ điểm năm (Điều 12), tạm, chờ cấp có thẩm quyền quyết định xếp "
                  "loại.")
RATED_ENTERED = "Ô đã đánh dấu: xếp loại cấp có thẩm quyền đã quyết định."
RATED_ENTERED_DIFFERS = ("Ô đã đánh dấu: xếp loại cấp có thẩm quyền đã quyết định; xếp loại tính từ điểm năm: "
                         "{computed}.")
PART_4 = "IV. Ý KIẾN NHẬN XÉT CỦA CẤP CÓ THẨM QUYỀN VÀ ĐỀ XUẤT PHƯƠNG ÁN XỬ LÝ"
FOOTNOTE_MARK = "1"
FOOTNOTE = "Việc đề xuất phương án xử lý căn cứ quy định tại Điều 16 Nghị định số 233/2026/NĐ-CP."

# a box to tick (□, U+25A1) and a box ticked (■, U+25A0): both in Times New Roman and Liberation Serif, so the
# PDF needs no other font (☐ and ☒ are not in them)
BOX = "□"
BOX_TICKED = "■"

SIGN_DATE_RIGHT = "Ngày …… tháng …… năm ……"
SIGN_SELF = "VIÊN CHỨC TỰ XẾP LOẠI"
SIGN_AUTHORITY = "CẤP CÓ THẨM QUYỀN XẾP LOẠI"
SIGN_NOTE = "(Ký tên, ghi rõ họ tên)"
