"""The layout of ``campaign.xlsx``, the workbook the secretary edits: its sheets, labelled fields and
table columns (header, width, kind, choices) and the lists its dropdowns draw from. Shared by the
writer (write/campaign_book) and the reader (read/campaign_book); tables are found by their header
texts, not by position, so a secretary may reorder columns or insert rows."""

from __future__ import annotations

from dataclasses import dataclass

from thidua_xlsx.model import campaign as cm

TEXT, NUMBER, INT, DATE, BOOL = "text", "number", "int", "date", "bool"


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    width: float = 14
    kind: str = TEXT
    required: bool = False
    choices: tuple[str, ...] = ()
    added_later: bool = False  # a book written before this column existed lacks it: blank in every row, not a problem


@dataclass(frozen=True)
class Field:
    """One labelled value in a two-column sheet ("Trường", "Quy tắc")."""

    key: str
    label: str
    kind: str = TEXT
    required: bool = False
    choices: tuple[str, ...] = ()
    note: str = ""
    added_later: bool = False  # a campaign book written before this field existed lacks its row: the default holds


SCHOOL_SHEET = "Trường"


RULES_SHEET = "Quy tắc"


DEPARTMENTS_SHEET = "Tổ"


STAFF_SHEET = "Nhân sự"


RUBRICS_SHEET = "Bộ tiêu chí"


CRITERIA_SHEET = "Tiêu chí"


TITLES_SHEET = "Danh hiệu"


LEVELS_SHEET = "Xếp loại"


LEGAL_SHEET = "Căn cứ"


GUIDE_SHEET = "Hướng dẫn"


PERIODS_SHEET = "Kỳ đánh giá"  # added later: a book without it has no periods


SPECIAL_SHEET = "Khen đột xuất"  # added later: a book without it proposes none


TITLE_KINDS = ("Cá nhân", "Tập thể", "Hình thức khen thưởng")


SCHOOL_FIELDS = (
    Field("id", "Mã chiến dịch (không sửa)", required=True),
    Field("level", "Cấp học", required=True, choices=cm.LEVELS),
    Field("name", "Tên trường", required=True),
    Field("managing_body", "Cơ quan quản lý", required=True),
    Field("place", "Địa danh (dòng ngày tháng)", required=True),
    Field("school_year", "Năm học", required=True, note="Dạng 2025-2026"),
    Field("recipient", "Nơi nhận tờ trình", required=True, note="Từ 07/2025: UBND xã/phường hoặc Sở GD&ĐT"),
    Field("recipient_email", "Email nơi nhận"),
    Field("principal", "Hiệu trưởng (Chủ tịch Hội đồng)"),
    Field("secretary", "Thư ký Hội đồng"),
    Field("registration_deadline", "Hạn nộp đăng ký", DATE),
    Field("scoring_deadline", "Hạn nộp chấm điểm", DATE),
    Field("criteria_resolution", "Nghị quyết Hội nghị viên chức thông qua tiêu chí: số",
          note="Ví dụ 01/NQ-HNVC; bảng tổng hợp và biên bản trích dẫn", added_later=True),
    Field("criteria_resolution_date", "Nghị quyết Hội nghị viên chức: ngày", DATE, added_later=True),
    # The province's rules (a data file of workbook_templates/tinh/; the dropdown lists those found) and
    # the day the rule set is picked for (model.rule_set.reference_date).
    Field("province", "Tỉnh/thành (quy định thi đua áp dụng)", added_later=True,
          note="Để trống hoặc Toàn quốc: quy định chung; chọn tỉnh: quy định của tỉnh là mức tối thiểu"),
    Field("filing_date", "Ngày gửi hồ sơ", DATE, added_later=True,
          note="Chọn văn bản áp dụng theo ngày này; để trống: theo hạn nộp chấm điểm"),
    # The code the level above issued this school (its call, or its sheet Các trường): the final summary
    # carries a seal made with it, which the level above checks (model.layout.seal_of)
    Field("authority_code", "Mã xác thực do cấp trên cấp", added_later=True,
          note="Mã UBND xã/phường (hoặc Sở) gửi cho trường, dạng ABCDE-FGH23-45JKL; để trống nếu chưa được cấp"),
    Field("facts_source", "Thông tin xét danh hiệu do ai nhập", required=True, choices=cm.FACTS_SOURCES,
          note="Danh sách: thư ký nhập ở sheet Nhân sự; Tổ nhập: tổ nhập trong phiếu chấm điểm"),
    Field("score_gap_tolerance", "Độ lệch tự chấm – tổ chấm cần xem xét", NUMBER, required=True),
    Field("spare_rows", "Số dòng dự phòng cho người mới", INT, required=True),
    Field("sheet_password", "Mật khẩu khóa sheet", note="Để trống: khóa không mật khẩu"),
)


SETTINGS_KEYS = ("facts_source", "score_gap_tolerance", "spare_rows", "sheet_password")


RULE_FIELDS = (
    Field("ldtt_min_months", "LĐTT: số tháng công tác tối thiểu", NUMBER, True,
          note="TT 01/2024: 6 tháng; nghỉ thai sản được tính là thời gian công tác"),
    Field("ldtt_ratings", "LĐTT: xếp loại viên chức được xét", required=True,
          note="Cách nhau bởi dấu phẩy, ví dụ: HTXSNV, HTTNV"),
    Field("ldtt_max_days_off", "LĐTT: số ngày nghỉ tối đa", NUMBER, note="Để trống: không áp dụng"),
    Field("ldtt_min_classification", "LĐTT: xếp loại thi đua tối thiểu", note="Để trống: không áp dụng"),
    Field("cstdcs_condition", "CSTĐCS: HTXSNV … sáng kiến", required=True, choices=cm.CSTDCS_CONDITIONS,
          note="hoặc: HTXSNV hoặc có sáng kiến được công nhận; và: cần cả hai"),
    Field("cstdcs_quota_percent", "CSTĐCS: tỷ lệ tối đa (% số LĐTT)", NUMBER, note="Để trống: không giới hạn"),
    Field("ttldtt_min_percent", "TTLĐTT: tỷ lệ LĐTT phải trên (%)", NUMBER, True),
    Field("ttldtt_at_least", "TTLĐTT: tính cả tỷ lệ bằng đúng mức (từ … trở lên)", BOOL, added_later=True,
          note="Không: phải trên mức (Luật TĐKT 2022); Có: từ mức trở lên (ví dụ Bắc Ninh: từ 70%)"),
    Field("ttldxs_min_percent", "TTLĐXS: tỷ lệ LĐTT tối thiểu (%)", NUMBER, True),
    Field("gate_cap", "Xếp loại cao nhất khi nhóm không đạt điểm tối thiểu", required=True),
    Field("council_quorum_percent", "Họp Hội đồng hợp lệ khi có mặt tối thiểu (% thành viên)", NUMBER, True,
          note="Thông lệ: 2/3 (66,67)", added_later=True),
    Field("cstdcs_vote_percent", "CSTĐCS: số phiếu đồng ý tối thiểu (% tổng số thành viên)", NUMBER,
          note="NĐ 98/2023 điều 30(7): 80, bỏ phiếu kín; để trống: không bỏ phiếu", added_later=True),
    Field("ldtt_vote_percent", "LĐTT: số phiếu đồng ý tối thiểu (% tổng số thành viên)", NUMBER,
          note="Để trống: không bỏ phiếu (TT 35/2015 trước đây: 70)", added_later=True),
    Field("ttldxs_vote_percent", "TTLĐXS: số phiếu đồng ý tối thiểu (% tổng số thành viên)", NUMBER,
          note="Để trống: không bỏ phiếu (TT 35/2015 trước đây: 70)", added_later=True),
)


DEPARTMENT_COLUMNS = (
    Column("code", "Mã tổ", 12, required=True),
    Column("name", "Tên tổ", 34, required=True),
    Column("head", "Tổ trưởng", 26),
    Column("email", "Email", 30),
)


LEAVE_HEADER = "Nghỉ dài ngày (loại)"  # Thai sản, Ốm đau (BHXH), Không lương
AWAY_HEADER = "Kỳ nghỉ trọn kỳ (mã kỳ)"  # the periods wholly on that leave, by their codes, comma-separated
SCOPE_HEADER = "Kỷ luật về"  # Nhiệm vụ, Tư tưởng/đạo đức/lối sống, Khác
AWAY_SEPARATORS = ",;"  # between the codes of the periods away
# A discipline decided this year for an act of an earlier school year (typed as "2024-2025": NĐ 233/2026 điều 14 khoản 3
# điểm b, not counted again where that year was rated KHTNV for it) or of the former unit (điểm c); blank: this year's.
ACT_HEADER = "Kỷ luật cho hành vi năm"
FORMER_UNIT = "Đơn vị cũ"
# A person who moves to another school during the year (chuyển công tác): the day she leaves and the school she goes to.
# From that day the periods are not hers; the new school rates her year, this one sends her periods' results (NĐ
# 233/2026 điều 15 khoản 1 điểm a; decide.evaluation, papers.transfer).
MOVED_ON_HEADER, MOVED_TO_HEADER = "Chuyển đi từ ngày", "Chuyển đến trường"


STAFF_COLUMNS = (
    Column("code", "Mã", 10, required=True),
    Column("name", "Họ và tên", 28, required=True),
    Column("gender", "Giới tính", 9, choices=cm.GENDERS),
    Column("dob", "Ngày sinh", 12, DATE),
    Column("position", "Chức vụ", 20),
    Column("role", "Vai trò (bộ tiêu chí)", 18, required=True),
    Column("department", "Tổ", 26, required=True),
    Column("start", "Ngày vào ngành", 13, DATE),
    Column("notes", "Ghi chú", 20),
    Column("rating", "Xếp loại viên chức", 12, choices=cm.RATINGS),
    Column("months", "Số tháng làm việc", 10, NUMBER),
    Column("maternity_months", "Số tháng nghỉ thai sản", 10, NUMBER),
    # The year's long leave (NĐ 233/2026 điều 14 khoản 2) and the periods wholly on it (by code).
    Column("leave", LEAVE_HEADER, 14, choices=cm.LEAVE_KINDS, added_later=True),
    Column("away", AWAY_HEADER, 16, added_later=True),
    Column("days_off", "Số ngày nghỉ", 9, NUMBER),
    Column("discipline", "Kỷ luật", 13, choices=cm.DISCIPLINES),
    # What the discipline was for (NĐ 233/2026 điều 12 khoản 4 điểm c, điều 14 khoản 3 điểm a).
    Column("discipline_scope", SCOPE_HEADER, 16, choices=cm.DISCIPLINE_SCOPES, added_later=True),
    Column("discipline_act", ACT_HEADER, 14, added_later=True),
    Column("moved_on", MOVED_ON_HEADER, 12, DATE, added_later=True),
    Column("moved_to", MOVED_TO_HEADER, 28, added_later=True),
    Column("under_review", "Đang xem xét kỷ luật", 10, BOOL),
    Column("initiative", "Tên sáng kiến", 36),
    Column("initiative_level", "Cấp công nhận", 10, choices=cm.INITIATIVE_LEVELS),
    Column("initiative_decision", "Số QĐ công nhận", 14),
)


FACT_KEYS = ("rating", "months", "maternity_months", "days_off", "discipline", "under_review",
             "initiative", "initiative_level", "initiative_decision", "leave", "away", "discipline_scope",
             "discipline_act", "moved_on", "moved_to")


RUBRIC_COLUMNS = (
    Column("role", "Vai trò", 22, required=True),
    Column("total", "Tổng điểm chuẩn", 12, NUMBER, required=True),
)


CRITERIA_COLUMNS = (
    Column("role", "Vai trò", 16, required=True),
    Column("code", "Mã", 8, required=True),
    Column("text", "Nội dung", 70, required=True),
    Column("kind", "Loại", 9, choices=cm.GROUP_KINDS),
    Column("max", "Điểm tối đa", 9, NUMBER, required=True),
    Column("min", "Điểm tối thiểu", 9, NUMBER),
    Column("hint", "Gợi ý minh chứng", 40),
)


TITLE_COLUMNS = (
    Column("kind", "Loại", 22, required=True, choices=TITLE_KINDS),
    Column("name", "Tên", 50, required=True),
)


LEVEL_COLUMNS = (
    Column("name", "Xếp loại", 22, required=True),
    Column("min", "Điểm từ", 10, NUMBER, required=True),
)


LEGAL_COLUMNS = (Column("line", "Căn cứ", 120, required=True),)


# Sheet "Kỳ đánh giá" (NĐ 233/2026): the periods' table from A1, and beside it, from column H, the two fields
# that apply to all of them (the kind of period and the year's formula) as "Mục" / "Giá trị" rows.
PERIOD_COLUMNS = (
    Column("code", "Mã kỳ", 12, required=True),
    Column("label", "Tên kỳ", 22, required=True),
    Column("start", "Từ ngày", 13, DATE, required=True),
    Column("end", "Đến ngày", 13, DATE, required=True),
    Column("deadline", "Hạn nộp", 13, DATE),
    Column("weight", "Trọng số", 10, NUMBER),
)


PERIOD_KIND_WORDS = {"Không": cm.NO_PERIODS, "Tháng": cm.MONTHS, "Quý": cm.QUARTERS, "Học kỳ": cm.SEMESTER_PERIODS}


YEAR_FORMULA_WORDS = {"Trung bình các kỳ": cm.AVERAGE, "(HKI + 2×HKII)/3": cm.SEMESTERS,
                      "Trọng số từng kỳ": cm.WEIGHTED}


SMALL_GROUP_WORDS = {"Tính riêng": False, "Tính chung": True}  # the groups of five or fewer: the default first


PERIOD_FIELDS = (
    Field("period_kind", "Loại kỳ đánh giá", choices=tuple(PERIOD_KIND_WORDS),
          note="Không: chấm một lần cuối năm (như trước); Tháng / Quý / Học kỳ: NĐ 233/2026 điều 3 khoản 5"),
    Field("year_formula", "Cách tính điểm năm", choices=tuple(YEAR_FORMULA_WORDS),
          note="Mặc định: trung bình các kỳ (NĐ 233/2026 điều 15); Trọng số từng kỳ: điền cột Trọng số"),
    Field("unit_rating", "Xếp loại của đơn vị", choices=cm.RATINGS, added_later=True,
          note="Khi đã có: người đứng đầu không xếp cao hơn đơn vị (NĐ 233/2026 điều 12 khoản 7); đơn vị HTXSNV "
               "được quyết định tỷ lệ HTXSNV tới 25 % (ô dưới). Để trống: chưa có"),
    # The choices điều 12 khoản 6 leaves to the unit, their defaults said.
    Field("excellent_unit_cap_percent", "Tỷ lệ HTXSNV đơn vị quyết định khi đơn vị HTXSNV (%)", NUMBER,
          added_later=True,
          note="Để trống: 20 % (mặc định, NĐ 233/2026 điều 12 khoản 6 điểm a). Chỉ khi đơn vị được xếp HTXSNV, "
               "đơn vị có thể quyết định cao hơn, tối đa 25 % (điểm b)"),
    Field("small_groups_together", "Nhóm từ 5 người trở xuống", choices=tuple(SMALL_GROUP_WORDS), added_later=True,
          note="Tính riêng (mặc định, NĐ 233/2026 điều 12 khoản 6 điểm a): mỗi nhóm (vai trò) tính tỷ lệ HTXSNV "
               "riêng, nhóm nhỏ có thể không có suất; Tính chung: nhóm nhỏ tính cùng nhóm lớn nhất. Người đứng đầu "
               "không tính vào nhóm nào (cơ quan quản lý xếp loại)"),
)


PERIOD_FIELDS_COLUMN = 7  # column H, one column left blank after the table


# Sheet "Khen đột xuất": the đột xuất and chuyên đề awards proposed, a person (staff code) or a department (its code).
SPECIAL_COLUMNS = (
    Column("who", "Mã người hoặc mã tổ", 14, required=True),
    Column("name", "Họ tên / tên tổ (để đọc)", 28),
    Column("kind", "Loại khen thưởng", 14, required=True, choices=cm.SPECIAL_KINDS),
    Column("achievement", "Thành tích", 60, required=True),
    Column("form", "Hình thức đề nghị", 34),
    Column("note", "Ghi chú", 24),
)


@dataclass(frozen=True)
class SourceList:
    """A dropdown whose entries are a column of another sheet, through a workbook-level name.

    The name is ``OFFSET(first cell, 0, 0, COUNTA(first cell:row LIST_ROWS), 1)``: the entries
    written so far plus any the secretary types below them (a new department under the last one
    in "Tổ"), with no blank entries at the end of the dropdown. Excel and LibreOffice both accept
    such a name as a list source and keep it when they save (.xlsx or .ods). COUNTA counts the
    filled cells, so a blank row left *inside* the list cuts off as many entries at its end; the
    validation only warns, and the loader still checks every value against the sheet itself.
    """

    name: str
    sheet: str
    columns: tuple[Column, ...]
    key: str


LIST_ROWS = 500  # a source list reaches this row: rows added under it appear in the dropdown


VALIDATION_ROWS = 2000  # rows of a table that carry its dropdowns


DEPARTMENT_LIST = SourceList("DS_TO", DEPARTMENTS_SHEET, DEPARTMENT_COLUMNS, "name")


ROLE_LIST = SourceList("DS_VAI_TRO", RUBRICS_SHEET, RUBRIC_COLUMNS, "role")
