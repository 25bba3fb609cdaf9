"""Vietnamese labels, headings and validation messages of the workbooks we write.

Excel's limits apply here: validation titles ≤ 32 characters, messages ≤ 255 (tests check).
"""

from __future__ import annotations

YES, NO = "Có", "Không"
SAMPLE_MARK = "(MẪU)"  # after the name of init's sample school; short, so a book's header keeps it on one line
DATE_LINE_BLANK = "ngày …… tháng …… năm ……"

# --- registration round ---
REG_TITLE = "DANH SÁCH ĐĂNG KÝ THI ĐUA CÁ NHÂN NĂM HỌC {year}"
REG_HEADERS = ("STT", "Mã", "Họ và tên", "Chức vụ", "Danh hiệu đăng ký", "Hình thức khen thưởng đề nghị",
               "Tên sáng kiến / đề tài", "Ghi chú")
REG_COLLECTIVE_TITLE = "ĐĂNG KÝ DANH HIỆU THI ĐUA TẬP THỂ NĂM HỌC {year}"
REG_COLLECTIVE_HEADERS = ("Tập thể", "Số thành viên", "Danh hiệu tập thể đăng ký", "Ghi chú")
SPARE_MARK = "+"
SPARE_SHEET = "Người mới {n}"  # a spare scoring form: its sheet name and the code it shows
SPARE_UNNAMED = "(chưa ghi tên – {sheet})"  # the name of a newcomer whose spare form was scored but not named
NOT_REGISTERED_SHOWN = "Chưa đăng ký"  # no registration, no title: shown locked on the scoring form

# --- scoring round ---
SCORE_TITLE = "PHIẾU TỰ ĐÁNH GIÁ, CHẤM ĐIỂM THI ĐUA"
SCORE_SUBTITLE = "Năm học {year} – Đối tượng: {role}"
SCORE_SUBTITLE_PERIOD = "Kỳ đánh giá: {period} – Năm học {year} – Đối tượng: {role}"
SCORE_HEADERS = ("Mã", "Nội dung tiêu chí", "Điểm tối đa", "Tự chấm", "Tổ chấm", "Minh chứng / ghi chú")
GROUP_LABEL = {
    "cộng": "{name} ({max} điểm)",
    "thưởng": "{name} (cộng tối đa {max} điểm)",
    "trừ": "{name} (trừ tối đa {max} điểm – ghi số điểm bị trừ)",
}


def group_label(kind: str, name: str, most: str) -> str:
    """A group's heading on the scoring form: its name with its ceiling, said once — a name that already says it
    ("Tiêu chí chung (… tối đa 30 điểm)", as the NĐ 233 frame names its groups) is not followed by "(30 điểm)"."""
    return name if f"{most} điểm" in name else GROUP_LABEL[kind].format(name=name, max=most)


HINT_PREFIX = "Minh chứng"
L_NAME = "Họ và tên:"
L_CODE = "Mã số:"
L_POSITION = "Chức vụ:"
L_DEPARTMENT = "Tổ:"
L_TITLE = "Đăng ký:"
L_TOTAL = "TỔNG ĐIỂM"
TOTAL_INCOMPLETE = "chưa đủ"  # a form's total while a required score is blank (never summed as 0)
L_CLASS = "XẾP LOẠI THI ĐUA"
L_MISSING = "Số ô điểm bắt buộc còn trống"
NOT_CLASSIFIED = "Không xếp loại"
DECISION_OF_DAY = "ngày {day}"  # a recognising decision typed as its date: "QĐ ngày 15/03/2026" on the lists
FACTS_HEADING = "THÔNG TIN XÉT DANH HIỆU (tổ trưởng điền)"
FACT_FIELDS = (  # key, label, kind
    ("rating", "Xếp loại viên chức năm học", "rating"),
    ("months", "Số tháng làm việc trong năm (không kể nghỉ thai sản)", "months"),
    ("maternity_months", "Số tháng nghỉ thai sản (được tính là thời gian công tác)", "months"),
    ("days_off", "Số ngày nghỉ làm việc trong năm", "days"),
    ("discipline", "Hình thức kỷ luật trong năm", "discipline"),
    ("under_review", "Đang bị xem xét kỷ luật", "bool"),
    ("initiative", "Tên sáng kiến / đề tài được công nhận", "text"),
    ("initiative_level", "Cấp công nhận sáng kiến", "level"),
    ("initiative_decision", "Số quyết định công nhận", "text"),
)
DEPT_TITLE = "BẢNG TỔNG HỢP ĐIỂM THI ĐUA CỦA TỔ – NĂM HỌC {year}"
DEPT_TITLE_PERIOD = "BẢNG TỔNG HỢP ĐIỂM CỦA TỔ – {period}"
DEPT_SUBTITLE_PERIOD = "Kỳ đánh giá: {period}, năm học {year} – {department} – {school}"
DEPT_HEADERS = ("STT", "Mã", "Họ và tên", "Chức vụ", "Tự chấm", "Tổ chấm", "Điểm xét", "Xếp loại",
                "Xếp hạng trong tổ", "Ô còn trống")
L_COLLECTIVE = "Danh hiệu tập thể tổ đăng ký:"

# --- check cell ---
CHECK_LABEL = "Kiểm tra (tự động):"
CHECK_DONE = "Đã đủ"
CHECK_MISSING_PREFIX = "Còn thiếu "
CHECK_MISSING_UNIT = " ô"  # after the count of blank cells


def check_value(missing: int) -> str:
    """What the check cell shows for ``missing`` blank cells (also its value before recalculation)."""
    return CHECK_DONE if missing == 0 else f"{CHECK_MISSING_PREFIX}{missing}{CHECK_MISSING_UNIT}"


# --- signatures ---
SIGN_PERSON = "Người tự đánh giá"
SIGN_HEAD = "Tổ trưởng"
SIGN_MAKER = "Người lập biểu"
SIGN_NOTE = "(Ký, ghi rõ họ tên)"

# --- data validation (title ≤ 32, message ≤ 255) ---
V_TITLE_TITLE = "Danh hiệu đăng ký"
V_TITLE_MESSAGE = "Chọn danh hiệu trong danh sách. Không đăng ký đầu năm thì không được xét cuối năm."
V_FORM_TITLE = "Hình thức khen thưởng"
V_FORM_MESSAGE = "Chọn hình thức khen thưởng đề nghị trong danh sách (có thể để trống)."
V_INITIATIVE_TITLE = "Sáng kiến / đề tài"
V_INITIATIVE_MESSAGE = "Ghi tên sáng kiến hoặc đề tài đăng ký (nếu có), tối đa 250 ký tự."
V_SPARE_TITLE = "Người chưa có trong danh sách"
V_SPARE_MESSAGE = "Chỉ dùng cho người mới chưa có trong danh sách: ghi họ tên đầy đủ, có dấu, và chức vụ."
V_COLLECTIVE_TITLE = "Danh hiệu tập thể"
V_COLLECTIVE_MESSAGE = "Chọn danh hiệu tập thể mà tổ đăng ký."
V_SELF = "Tự chấm"
V_DEPT = "Tổ chấm"
V_SCORE_MESSAGE = "Nhập số điểm từ 0 đến điểm tối đa ở cột C. Dùng dấu phẩy hoặc chấm thập phân theo máy (ví dụ 4,5)."
V_BONUS_MESSAGE = "Điểm thưởng: nhập từ 0 đến điểm tối đa ở cột C; tổng nhóm không vượt mức trần."
V_DEDUCTION_MESSAGE = "Điểm trừ: ghi số điểm bị trừ (số dương) từ 0 đến mức ở cột C; để trống nếu không vi phạm."
V_RATING_TITLE = "Xếp loại viên chức"
V_RATING_MESSAGE = ("HTXSNV: hoàn thành xuất sắc; HTTNV: hoàn thành tốt; HTNV: hoàn thành; KHTNV: không hoàn thành "
                    "nhiệm vụ.")
V_DISCIPLINE_TITLE = "Kỷ luật"
V_DISCIPLINE_MESSAGE = "Chọn Không nếu không bị kỷ luật trong năm."
V_REVIEW_TITLE = "Đang xem xét kỷ luật"
V_REVIEW_MESSAGE = "Chọn Có nếu đang bị xem xét kỷ luật hoặc điều tra."
V_LEVEL_TITLE = "Cấp công nhận"
V_LEVEL_MESSAGE = "Cấp đã công nhận sáng kiến (Trường, Xã, Tỉnh, …)."
V_MONTHS_TITLE = "Số tháng"
V_MONTHS_MESSAGE = "Nhập số tháng từ 0 đến 12."
V_DAYS_TITLE = "Số ngày nghỉ"
V_DAYS_MESSAGE = "Nhập số ngày nghỉ từ 0 đến 366 (không kể nghỉ thai sản)."
NUMBER_ERROR_TITLE = "Giá trị không hợp lệ"
NUMBER_ERROR_MESSAGE = "Hãy nhập một số từ {low} đến {high}."
SCORE_ERROR_MESSAGE = "Điểm phải là số từ 0 đến điểm tối đa của tiêu chí (cột C). Hãy nhập lại."
LIST_ERROR_TITLE = "Không có trong danh sách"
LIST_ERROR_MESSAGE = "Hãy chọn một giá trị trong danh sách thả xuống."
TEXT_ERROR_TITLE = "Quá dài"
TEXT_ERROR_MESSAGE = "Tối đa 250 ký tự."


def period_text(period) -> str:
    """A period with its dates, as a workbook names it: "Quý I (01/09/2026 – 30/11/2026)"."""
    return f"{period.label} ({period.start.strftime('%d/%m/%Y')} – {period.end.strftime('%d/%m/%Y')})"


def guide_lines(round_: str, department: str, school, deadline: str, facts_source: str, period=None) -> list[str]:
    """The "Hướng dẫn" sheet: first line is the heading. ``period``: a period's workbook (its deadline is
    ``deadline``)."""
    when = _date_text(deadline) if deadline else "theo kế hoạch của trường"
    send_to = f"thư ký Hội đồng thi đua – khen thưởng ({school.secretary})" if school.secretary else \
        "thư ký Hội đồng thi đua – khen thưởng"
    common = [
        "Chỉ điền vào các ô nền trắng; ô nền xám đã khóa. Không cần mật khẩu để điền.",
        "Ô điền sai bị tô đỏ; Excel/LibreOffice/WPS báo lỗi khi nhập giá trị ngoài danh sách hoặc ngoài khoảng.",
        "Có thể mở và lưu bằng Microsoft Excel, LibreOffice Calc hoặc WPS; giữ nguyên định dạng .xlsx nếu được.",
        "Không đổi tên, thêm hoặc xóa sheet; không sao chép sang tệp khác – tệp mang mã nhận diện của tổ.",
        f"Hạn gửi: {when}. Gửi tệp đã điền (đính kèm email) cho {send_to}.",
    ]
    if round_ == "dang-ky":
        return [f"HƯỚNG DẪN ĐĂNG KÝ THI ĐUA – {department.upper()}",
                "1. Sheet 'Đăng ký cá nhân': mỗi người chọn danh hiệu đăng ký và hình thức khen thưởng đề nghị, "
                "ghi tên sáng kiến / đề tài (nếu có).",
                "   Người không đăng ký thi đua đầu năm sẽ không được xét danh hiệu cuối năm.",
                "   Người chưa có trong danh sách: ghi vào các dòng dấu '+' ở cuối bảng.",
                "2. Sheet 'Đăng ký tập thể': chọn danh hiệu tập thể mà tổ đăng ký.",
                "3. Ô 'Kiểm tra' cho biết còn thiếu bao nhiêu ô; khi hiện 'Đã đủ' là có thể gửi.",
                *common]
    facts = ("4. Tổ trưởng điền phần 'Thông tin xét danh hiệu' (xếp loại viên chức, số tháng làm việc, kỷ luật, "
             "sáng kiến) ở đầu mỗi phiếu." if facts_source == "Tổ nhập" else
             "4. Thông tin xếp loại viên chức, kỷ luật, sáng kiến do thư ký Hội đồng tổng hợp, tổ không phải điền.")
    heading = [f"HƯỚNG DẪN CHẤM ĐIỂM THI ĐUA – {department.upper()}"]
    if period is not None:
        heading.append(f"Sổ này chấm điểm kỳ đánh giá {period_text(period)}, năm học {school.school_year}: mỗi kỳ "
                       f"một sổ, hạn gửi của kỳ {when}. Điểm của kỳ không xét danh hiệu: danh hiệu thi đua xét một "
                       "lần cho cả năm, từ điểm các kỳ.")
    return [*heading,
            "1. Mỗi người một sheet (phiếu): cá nhân tự chấm ở cột 'Tự chấm', tổ chấm ở cột 'Tổ chấm'; "
            "tổng điểm và xếp loại tự tính.",
            "   Điểm trừ ghi số điểm bị trừ (số dương); điểm thưởng không vượt mức trần của nhóm.",
            "2. Sheet 'Tổng hợp tổ' tự lấy điểm từ các phiếu, xếp hạng trong tổ." if period is not None else
            "2. Sheet 'Tổng hợp tổ' tự lấy điểm từ các phiếu, xếp hạng trong tổ; chọn danh hiệu tập thể tổ đăng ký.",
            "3. Người mới chưa có phiếu: các phiếu 'Người mới 1', 'Người mới 2'… đang ẩn (để không in ra khi chưa "
            "dùng). Chuột phải vào tên một sheet → Hiện (Unhide) → chọn 'Người mới 1', ghi họ tên, chức vụ rồi chấm "
            "điểm. Ô 'Đăng ký' lấy từ danh sách đăng ký đầu năm và đã khóa: người chưa đăng ký thi đua thì không "
            "được xét danh hiệu.",
            facts,
            "5. Ô 'Kiểm tra' ở sheet 'Tổng hợp tổ' hiện 'Đã đủ' khi mọi ô điểm bắt buộc đã có.",
            *common]

# --- feedback copies (merge --feedback) ---
FEEDBACK_SHEET = "Cần sửa"
FEEDBACK_TITLE = "NHỮNG ĐIỂM CẦN SỬA – {department}"
FEEDBACK_SOURCE = "Sổ {file} của {school}, thư ký Hội đồng kiểm tra ngày {date}."
FEEDBACK_HOW = ("Có {errors} lỗi (ô tô đỏ, phải sửa) và {warnings} điều cần xem lại (ô tô vàng). Bấm vào ô ở cột 'Ô' "
                "để đến chỗ cần sửa; rê chuột lên ô để đọc nhận xét. Sửa xong, lưu lại và gửi lại chính tệp này "
                "(không cần xóa sheet này).")
FEEDBACK_HEADERS = ("STT", "Mức", "Sheet", "Ô", "Cần làm")


def _date_text(iso: str) -> str:
    year, month, day = iso.split("-")
    return f"{day}/{month}/{year}"
