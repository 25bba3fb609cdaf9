"""The words of the Phiếu xếp loại chất lượng viên chức (Phụ lục II, Nghị định 233/2026/NĐ-CP), written per person
from the year's results (:mod:`thidua_xlsx.papers.appraisal`). The headings are the annex's own; the lines the
tool adds (the year's score and each period's) say where they come from. Last, what the year says of the parts of
part I it reads back from the periods' summaries (the message catalogue takes them: text.messages)."""

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
# each part: the year's, from the periods' as the total is; not known (a period without it, a summary of an older
# version, the head's score typed as a total): said so and left to fill in, never 0
PART_KNOWN = "{label} {score} điểm"
PART_UNKNOWN = "{label} chưa có"
# not known for the year while other periods have it (a period with its total alone: the head's score typed without
# its parts, a transfer-in's former school result): which periods lack it — never the other periods' average, which
# would not add up to the total printed (one line each: the longest page holds one sheet)
PART_NOT_KNOWN = "{label} chưa rõ ({periods} chỉ có tổng điểm)"
# said where cutting each part on its own would not add up to the total printed (27,83 + 62,16 under 90)
PARTS_CUT_ONCE = ("Điểm lấy hai chữ số thập phân, bỏ phần sau, không làm tròn; cắt một lần ở tổng: điểm kết quả thực "
                  "hiện nhiệm vụ bằng tổng số điểm năm trừ điểm tiêu chí chung, để hai phần cộng đúng bằng tổng.")
TOTAL = "Tổng số điểm năm: {score}/100 điểm ({how})."
TOTAL_BLANK = "Tổng số điểm năm:"
HOW = {  # by the campaign's year formula (model.campaign: AVERAGE, SEMESTERS, WEIGHTED)
    "TRUNG_BINH": "trung bình cộng điểm của {used}/{total} kỳ đánh giá",
    "HK1_2HK2": "theo công thức (điểm HKI + 2 × điểm HKII) / 3, trên {used}/{total} kỳ có điểm",
    "TRONG_SO": "trung bình có trọng số của {used}/{total} kỳ đánh giá",
}
PERIODS = "Điểm từng kỳ: {scores}."
PERIOD_SCORE = "{label}: {score}"
# a scored period without the two parts, where others have them: why the year's parts are not known, said beside
# its score (each period's parts are in its summary, sheet Điểm chi tiết; a line of their own made the longest page
# two sheets)
PERIOD_SCORE_WHOLE = "{label}: {score} (chỉ có tổng điểm)"
# a period's score the head's pass gave (decide.year head_entered), said as what it was (one line each: the page holds
# one sheet): a correction of the department's score, with the head's note (Ghi chú Hội đồng of her pass) — never a
# transfer for a correction; a transfer-in's months at her former school (the department gave none); or, where the
# period's summary keeps no reason (written by an earlier release), whose hand and where the reason is
PERIOD_HEAD_CORRECTED = "{period}: hiệu trưởng sửa điểm {before} thành {score} ở lượt duyệt của kỳ – lý do: {note}."
HEAD_NO_NOTE = "không ghi lý do"
PERIODS_FORMER_SCHOOL = ("{periods}: hiệu trưởng nhập – người chuyển đến: kết quả ở trường cũ (Điều 15 khoản 1 "
                         "điểm a).")
PERIODS_HEAD_ENTERED = "{periods}: điểm do hiệu trưởng nhập ở lượt duyệt của kỳ (lý do ghi ở bảng tổng hợp của kỳ)."
PERIODS_NONE = "Không có điểm (không tính là 0 điểm): {periods}."
# a book returned that cannot be counted yet, the period over or not: the year waits for it (decide.evaluation)
PERIODS_UNFINISHED = "Phiếu chưa chấm xong (còn tiêu chí bắt buộc để trống; chờ chấm xong mới xếp loại năm): {periods}."
PERIODS_UNREADABLE = "Điểm không đọc được (chờ sửa mới xếp loại năm): {periods}."
# a year still running (the school's day of the run): its periods not over are not missing
PERIODS_RUNNING = "Chưa hết kỳ (không phải kỳ thiếu điểm, chưa tính vào điểm năm): {periods}."
PERIODS_SPAN = "{first} – {last} ({count} kỳ)"  # the periods not begun, the year's last ones: one after the other
PERIODS_NOT_BEGUN = "Chưa đến kỳ (không phải kỳ thiếu điểm, chưa tính vào điểm năm): {periods}."
# the periods that are not the person's (NĐ 233/2026 điều 14 khoản 2; a newcomer's before the start): not missing,
# in the words of the year's sheet (a score typed in a period away is not the year's either: said here, not above)
PERIODS_AWAY = "Nghỉ trọn kỳ (không phải kỳ thiếu điểm, không tính vào điểm năm): {periods}."
PERIODS_AWAY_STUDY = "Được cử đi học, bồi dưỡng trọn kỳ (không phải kỳ thiếu điểm, không tính vào điểm năm): {periods}."
PERIODS_BEFORE_START = "Chưa vào ngành (kỳ kết thúc trước ngày vào ngành, không tính vào điểm năm): {periods}."
PERIODS_LEFT = ("Đã chuyển công tác (kỳ từ ngày chuyển đi, đơn vị mới xếp loại năm – Điều 15 khoản 1 điểm a): "
                "{periods}.")

PART_2 = "II. VIÊN CHỨC TỰ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG"
PART_3 = "III. KẾT QUẢ XẾP LOẠI CHẤT LƯỢNG VIÊN CHỨC CỦA CẤP CÓ THẨM QUYỀN"
NOT_RATED = "Không đánh dấu ô nào: {reason}."
# a rating pending: what it waits for (text.messages.year wait.*), the titles resting on it waiting with it
PENDING_WAITS = "chưa xếp loại, còn chờ: {waits}"
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


# What the year says of the parts it reads back from a period's summary (read.period_summaries), by code. A part
# wrong there is not used and the Phiếu says it is not known; the year's rating rests on the total, not on its parts.
PARTS_LABELS = {"general": "tiêu chí chung", "tasks": "kết quả thực hiện nhiệm vụ"}  # model.evaluation GENERAL, TASKS
_NOT_USED = ("không dùng – mục I của Phiếu xếp loại ghi {what} 'chưa có' (xếp loại năm vẫn tính theo tổng điểm "
             "kỳ). Hãy tổng hợp lại kỳ {{period}} (thidua-xlsx merge --period) rồi chạy lại.")
PARTS_MESSAGES = {
    "year.part_not_number": "Điểm {part} kỳ {period} của {name} ({person}) là '{value}', không phải một số: " +
                            _NOT_USED.format(what="phần này"),
    "year.part_out_of_range": "Điểm {part} kỳ {period} của {name} ({person}) là {value}, ngoài khoảng 0 – {max}: " +
                              _NOT_USED.format(what="phần này"),
    "year.parts_not_total": "Điểm hai phần kỳ {period} của {name} ({person}) là {general} + {tasks}, không bằng tổng "
                            "điểm kỳ {total}: " + _NOT_USED.format(what="cả hai phần"),
    "year.parts_old": "'{file}' ({period}) do phiên bản trước của chương trình ghi, chưa mang điểm tiêu chí chung và "
                      "điểm kết quả thực hiện nhiệm vụ của từng người: mục I của Phiếu xếp loại ghi hai phần này 'chưa "
                      "có' (không tính là 0), tổng điểm kỳ vẫn dùng. Muốn có hai phần, hãy tổng hợp lại kỳ này "
                      "(thidua-xlsx merge --period {period_code}) rồi chạy lại.",
}
