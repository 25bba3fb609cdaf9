"""Vietnamese wording and file names of the papers written as Word documents (:mod:`thidua_xlsx.papers`).

Wording shared with the summary workbook's "Biên bản" and "Tờ trình" sheets is imported from
:mod:`thidua_xlsx.text.summary`, so that the Excel draft and the Word paper say the same thing.
File and folder names are ASCII (no diacritics, no spaces): they survive e-mail, zip files and
old Windows machines unchanged.
"""

from __future__ import annotations

from thidua_xlsx.text.summary import (  # noqa: F401 - re-exported: one wording for the workbook and the papers
    LETTER_APPROVED,
    LETTER_ATTACHED,
    LETTER_CLOSE,
    LETTER_NUMBER,
    LETTER_REQUEST,
    LETTER_SUBJECT,
    LETTER_TITLE,
    LETTER_TO,
    MINUTES_TITLE,
    NOTE_COUNCIL,
    RECEIVERS,
    RECEIVERS_HEAD,
    SIGN_CHAIR,
    SIGN_HEAD,
    SIGN_MAKER,
    SIGN_NOTE,
    SIGN_NOTE_SEAL,
    SIGN_PRINCIPAL,
    SIGN_SECRETARY,
    SPECIAL_HEAD,
    VOTES_SHORT,
)

# --- file and folder names (ASCII) ---
FILE_LETTER = "01_To-trinh"
FILE_MINUTES = "02_Bien-ban-hop-binh-xet"
FILE_TALLY = "03_Bien-ban-kiem-phieu"
FILE_LIST = "04_Danh-sach_{title}"
FILE_REPORT = "05_Bao-cao-thanh-tich_{name}"
FILE_BALLOT = "Phieu-bau_{title}"
FILE_CHECKLIST = "Danh-muc-ho-so.txt"
FILE_AWARDS = "04_Danh-sach_Khen-thuong-nhieu-nam"  # Bằng khen, Kỷ niệm chương: from the history (--history)
FILE_SPECIAL = "To-trinh-khen-dot-xuat"  # in no title's hồ sơ: the đột xuất awards have their own

# --- what each document is called (console, checklist) ---
DOC_NAMES = {
    "letter": "Tờ trình (Mẫu 01, Nghị định 152/2025/NĐ-CP)",
    "minutes": "Biên bản họp bình xét (có kết quả bỏ phiếu)",
    # written before the council counted its vote: the results to fill in are blank in it
    "minutes_before_vote": "Biên bản họp bình xét (chưa có kết quả bỏ phiếu: ghi ở sheet Kiểm phiếu rồi ghi lại hồ sơ)",
    "tally": "Biên bản kiểm phiếu",
    "list": "Danh sách đề nghị công nhận danh hiệu {title}",
    "report": "Báo cáo thành tích (Mẫu 05) của {name}",
    "ballot": "Phiếu bầu danh hiệu {title}",
    "checklist": "Danh mục hồ sơ",
    "special": "Tờ trình và danh sách đề nghị khen thưởng đột xuất, chuyên đề",
    "awards": "Danh sách đề nghị khen thưởng theo thành tích nhiều năm (Bằng khen, Kỷ niệm chương)",
}

# --- the header's names (the managing body, the school): broken only between these groups ---
# (write.engine.name_lines, for the workbooks' headers and the papers') the words saying what a body or a school is,
# each kept whole, then its place or proper name, kept whole too: "UBND" / "PHƯỜNG HÀ ĐÔNG", "TRƯỜNG TRUNG HỌC" /
# "CƠ SỞ KIM SƠN", never "… HÀ" / "ĐÔNG"
HEADER_KIND_WORDS = (
    "ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN", "UBND", "HĐND", "SỞ", "PHÒNG", "TRƯỜNG",
    "GIÁO DỤC", "VÀ", "ĐÀO TẠO", "GD&ĐT", "GDĐT", "VĂN HÓA – XÃ HỘI", "VĂN HÓA - XÃ HỘI", "VĂN HOÁ – XÃ HỘI",
    "VĂN HOÁ - XÃ HỘI", "HỘI ĐỒNG", "THI ĐUA – KHEN THƯỞNG", "THI ĐUA - KHEN THƯỞNG", "MẦM NON", "MẪU GIÁO",
    "NHÀ TRẺ", "TIỂU HỌC", "TRUNG HỌC", "CƠ SỞ", "PHỔ THÔNG", "DÂN TỘC",
    "NỘI TRÚ", "BÁN TRÚ", "LIÊN CẤP", "CHUYÊN", "MN", "MG", "TH", "THCS", "THPT", "PT", "PTCS", "PTDTNT", "PTDTBT",
    "TH&THCS", "THCS&THPT", "TH-THCS", "THCS-THPT")
# an administrative unit's word opens its place's name and stays with it ("PHƯỜNG HÀ ĐÔNG", "THÀNH PHỐ HUẾ")
HEADER_PLACE_WORDS = ("THÀNH PHỐ", "THỊ TRẤN", "THỊ XÃ", "ĐẶC KHU", "PHƯỜNG", "XÃ", "QUẬN", "HUYỆN", "TỈNH")

# --- common pieces ---
DOTS = "……"
DOTS_LONG = "…………………………"
MINUTES_NUMBER = "Số: ……/BB-HĐTĐKT"
TALLY_NUMBER = "Số: ……/BB-BKP"
PERCENT = "{value}%"
VOTES = VOTES_SHORT
VOTES_BLANK = "……/……"
NOT_VOTED = "–"  # the title is not put to a vote (Quy tắc)
RATING_WORDS = {
    "HTXSNV": "Hoàn thành xuất sắc nhiệm vụ",
    "HTTNV": "Hoàn thành tốt nhiệm vụ",
    "HTNV": "Hoàn thành nhiệm vụ",
    "KHTNV": "Không hoàn thành nhiệm vụ",
}
# not counted yet: a blank to fill at the meeting, like the votes and the share beside it
VOTE_RESULT = {True: "Đạt", False: "Không đạt", None: DOTS}
NONE_DASH = "—"
VOTE_NOT_HELD = "Không bỏ phiếu"  # after the count: on the first ballot, not voted on (withdrawn, or not put)

# --- Tờ trình ---
LETTER_REVIEW = ("Hội đồng Thi đua – Khen thưởng {school} đã họp bình xét ({present} thành viên có mặt); kết quả "
                 "được ghi trong biên bản họp Hội đồng{tally} kèm theo.")
LETTER_REVIEW_TALLY = " và biên bản kiểm phiếu"
LETTER_REVIEW_VOTED = (" Danh hiệu {titles} được bỏ phiếu kín; mỗi trường hợp đề nghị đều đạt từ {percent} tổng số "
                       "thành viên Hội đồng trở lên.")
LETTER_PRESENT = "{present}/{members}"
LETTER_INDIVIDUAL_HEAD = "1. Danh hiệu thi đua cá nhân:"
LETTER_COLLECTIVE_HEAD = "2. Danh hiệu thi đua tập thể:"
LETTER_INDIVIDUAL = "- {title}: {count} cá nhân;"
LETTER_COLLECTIVE = "- {title}: {count} tập thể ({names});"
LETTER_NONE = "- (không có)"
LETTER_FILES = "Hồ sơ kèm theo gồm: {lists}biên bản họp Hội đồng Thi đua – Khen thưởng{tally}{reports}."
LETTER_FILES_LISTS = "danh sách đề nghị theo từng danh hiệu; "  # when a list is written: a title is proposed
LETTER_FILES_TALLY = "; biên bản kiểm phiếu"
LETTER_FILES_REPORTS = "; báo cáo thành tích của cá nhân đề nghị công nhận danh hiệu {title}"

# the criteria cited when the campaign does not record the resolution (left to fill in by hand)
CRITERIA_BLANK = ("Bộ tiêu chí chấm điểm được Hội nghị viên chức thông qua theo Nghị quyết số …… ngày ……; điểm được "
                  "tính theo bộ tiêu chí {versions}.")

# --- Biên bản họp bình xét ---
MINUTES_TIME = "Thời gian: vào lúc …… giờ …… phút, {date}."
MINUTES_PLACE = "Địa điểm: {school}."
MINUTES_PART_1 = "I. THÀNH PHẦN"
MINUTES_CHAIR = "- Chủ tọa: {principal} – Hiệu trưởng, Chủ tịch Hội đồng Thi đua – Khen thưởng."
MINUTES_SECRETARY = "- Thư ký: {secretary}."
MINUTES_PRESENT = ("- Thành viên Hội đồng có mặt: {present}/{members} người; vắng: {absent} người "
                   "(lý do: ……………………………).")
MINUTES_PRESENT_BLANK = "- Thành viên Hội đồng có mặt: ……/…… người; vắng: …… người (lý do: ……………………………)."
MINUTES_QUORUM_MET = ("Số thành viên có mặt đạt yêu cầu (cần ít nhất {needed}/{members} người, tức {percent} tổng "
                      "số thành viên): cuộc họp hợp lệ.")
MINUTES_QUORUM_NOT_MET = ("Số thành viên có mặt chưa đạt yêu cầu (cần ít nhất {needed}/{members} người): kết quả "
                          "bỏ phiếu chưa có giá trị.")
MINUTES_PART_2 = "II. NỘI DUNG"
MINUTES_CONTENT = ("Hội đồng Thi đua – Khen thưởng {school} họp bình xét danh hiệu thi đua năm học {year} trên cơ sở "
                   "kết quả tự chấm điểm của cá nhân, chấm điểm của các tổ và bảng tổng hợp của thư ký Hội đồng "
                   "({people} người của {submitted}/{departments} tổ đã nộp).")
MINUTES_PART_3 = "III. DIỄN BIẾN VÀ KẾT QUẢ"
MINUTES_DISCUSSION = "Ý kiến thảo luận:"
MINUTES_INDIVIDUAL_HEAD = "1. Danh hiệu thi đua cá nhân"
MINUTES_COLLECTIVE_HEAD = "2. Danh hiệu thi đua tập thể"
MINUTES_INDIVIDUAL = "- Đề nghị công nhận danh hiệu {title}: {count} đ/c (có danh sách kèm theo)."
MINUTES_COLLECTIVE = "- Đề nghị công nhận danh hiệu {title}: {count} tập thể ({names})."
MINUTES_NONE = "- Không có đề nghị."
MINUTES_VOTE_HEAD = "3. Kết quả bỏ phiếu kín"
MINUTES_VOTE_RULE = ("- Danh hiệu {title}: cần ít nhất {percent} tổng số thành viên Hội đồng đồng ý{needed}; "
                     "{passed}/{count} trường hợp đạt{not_held}.")
MINUTES_NOT_HELD = "; {count} trường hợp không đưa ra bỏ phiếu"
MINUTES_CHANGES_HEAD = "4. Những thay đổi của Hội đồng so với đề xuất của thư ký"
MINUTES_CHANGES_HEAD_ROW = ("STT", "Họ và tên / Tập thể", "Nội dung", "Trước", "Sau")
WARN_BEFORE_VOTE = ("Các văn bản được viết trước khi Hội đồng bỏ phiếu: chưa có kết quả bỏ phiếu ({titles}). Sau "
                    "cuộc họp, ghi kết quả ở sheet Kiểm phiếu rồi chạy lại với --council để có văn bản cuối cùng.")
# after the vote's count: who passed and is not on the list
MINUTES_PASSED_NOT_PROPOSED = ("các trường hợp đạt tỷ lệ phiếu nhưng không có trong danh sách đề nghị {title}: "
                               "{names}")
MINUTES_PASSED_NOT_PROPOSED_ONE = "{name} ({why})"
# why one who passed the vote is not proposed, in the minutes' few words (the tool's reasons stay in the summary; the
# council's notes may be private): by the first reason's code or its prefix, the first that fits, else the last
MINUTES_DROPPED_WHY = {
    "cstdcs.initiative_spent": "sáng kiến đã dùng cho khen thưởng khác",
    "council.": "theo quyết định của Hội đồng, mục 4",
    "quota.tie": "bằng điểm ở suất cuối, chờ Hội đồng chọn",
    "quota.": "ngoài số lượng theo tỷ lệ của danh hiệu",
    "": "xem bảng tổng hợp",
}
MINUTES_VOTE_RULE_BLANK = ("- Danh hiệu {title}: cần ít nhất {percent} tổng số thành viên Hội đồng đồng ý; "
                           "……/{count} trường hợp đạt.")
MINUTES_NEEDED = " ({needed}/{members} phiếu)"
VOTE_HEAD = ("STT", "Họ và tên / Tập thể", "Tổ", "Số phiếu đồng ý", "Tỷ lệ / tổng số thành viên", "Kết quả")
MINUTES_OTHER = "Ý kiến khác:"
MINUTES_END = ("Cuộc họp kết thúc lúc …… giờ …… cùng ngày. Biên bản đã được đọc lại trước Hội đồng và các thành "
               "viên dự họp nhất trí thông qua.")

# --- Biên bản kiểm phiếu ---
TALLY_TITLE = "BIÊN BẢN KIỂM PHIẾU"
TALLY_SUBTITLE = "Bỏ phiếu kín bình xét danh hiệu thi đua năm học {year}"
TALLY_OPEN = ("Hôm nay, vào lúc …… giờ …… phút, {date}, tại {school}, Ban kiểm phiếu do Hội đồng Thi đua – Khen "
              "thưởng bầu gồm:")
TALLY_BOARD = ("1. Ông/Bà ………………………………………… – Trưởng ban;", "2. Ông/Bà ………………………………………… – Thành viên;",
               "3. Ông/Bà ………………………………………… – Thành viên.")
TALLY_DONE = "Ban kiểm phiếu đã tiến hành kiểm phiếu, kết quả như sau:"
TALLY_FIELDS = (
    ("members", "- Tổng số thành viên Hội đồng: {value} người;"),
    ("present", "- Số thành viên có mặt: {value} người;"),
    ("ballots_issued", "- Số phiếu phát ra: {value} phiếu;"),
    ("ballots_returned", "- Số phiếu thu về: {value} phiếu;"),
)
TALLY_VALID = "- Số phiếu hợp lệ: …… phiếu; số phiếu không hợp lệ: …… phiếu."
TALLY_TABLE_HEAD = "Kết quả bầu cho từng trường hợp:"
TALLY_TITLE_LINE = "Danh hiệu {title} ({count} trường hợp), cần ít nhất {percent} tổng số thành viên{needed}:"
TALLY_HEAD = ("STT", "Họ và tên / Tập thể", "Tổ", "Số phiếu đồng ý", "Tỷ lệ / tổng số thành viên", "Cần đạt",
              "Kết quả")
TALLY_THRESHOLD = "≥ {needed} phiếu"
TALLY_THRESHOLD_BLANK = "≥ {percent}"
TALLY_END = "Biên bản kiểm phiếu được lập lúc …… giờ …… cùng ngày và được công bố trước Hội đồng."
SIGN_TALLY_HEAD = ("TRƯỞNG BAN KIỂM PHIẾU",)
SIGN_TALLY_MEMBERS = ("CÁC THÀNH VIÊN BAN KIỂM PHIẾU",)
SIGN_BLANK_NAME = "……………………………"

# --- Danh sách đề nghị ---
LIST_TITLE = "DANH SÁCH ĐỀ NGHỊ CÔNG NHẬN DANH HIỆU {title} NĂM HỌC {year}"
LIST_SUBTITLE = "(Kèm theo Tờ trình số ……/TTr-…… ngày …… tháng …… năm …… của {school})"
LIST_HEAD = ("STT", "Họ và tên", "Chức vụ", "Tổ", "Xếp loại viên chức", "Sáng kiến (tên, cấp, số QĐ)",
             "Số phiếu / tỷ lệ", "Ghi chú")
LIST_HEAD_COLLECTIVE = ("STT", "Tập thể", "Số người", "Số LĐTT", "Tỷ lệ LĐTT", "Số CSTĐCS", "Tổ trưởng",
                        "Số phiếu / tỷ lệ", "Ghi chú")
LIST_TOTAL = "Danh sách có {count} {unit}."
UNIT_PERSON, UNIT_COLLECTIVE = "người", "tập thể"
# the short notes of the Ghi chú column (never the tool's long reasons)
NOTES = {
    "excellent": "HTXSNV",
    "initiative": "Có sáng kiến",
    "excellent_initiative": "HTXSNV, có sáng kiến",
    "maternity": "Nghỉ thai sản {months} tháng",
    "also": "Đề nghị cả {title}",
    "council": NOTE_COUNCIL,
    "vote_failed": "Chưa đạt tỷ lệ phiếu",
    "no_quorum": "Họp chưa đủ thành viên",
    "provisional": "Đề nghị tạm",
}
# under a list with a provisional proposal: what its short note means
LIST_PROVISIONAL = (" “Đề nghị tạm”: xếp loại viên chức tính từ điểm các kỳ đánh giá, chờ cấp có thẩm quyền quyết "
                    "định xếp loại.")
# a proposal resting on the year's rating the tool computed from the periods, which the competent authority has not
# decided yet (NĐ 233/2026 điều 13 khoản 3, điều 15 khoản 3 điểm c): the Tờ trình and the Biên bản say so once
PROVISIONAL_MARKED = " (ghi “Đề nghị tạm” trong danh sách kèm theo)"  # the Word papers' lists mark each
PROVISIONAL = ("Có {who}{marked} được đề nghị trên cơ sở xếp loại "
               "chất lượng viên chức năm học {year} tính từ điểm các kỳ đánh giá, chưa được cấp có thẩm quyền quyết "
               "định (Điều 13, Điều 15 Nghị định số 233/2026/NĐ-CP): đây là đề nghị tạm, chờ cấp có thẩm quyền quyết "
               "định xếp loại.")
# who, counted as the screen counts them ("{count} người và {units} tập thể": message year.provisional)
PROVISIONAL_PEOPLE, PROVISIONAL_UNITS, PROVISIONAL_AND = "{count} cá nhân", "{count} tập thể", " và "


def provisional_sentence(people: int, units: int, year: str, marked: str = "") -> str:
    """The Tờ trình's and the Biên bản's sentence on the ``people`` and ``units`` proposed provisionally: the two
    counts the screen says (one count in a run), a count of none left out."""
    who = PROVISIONAL_AND.join(words.format(count=count) for words, count in
                               ((PROVISIONAL_PEOPLE, people), (PROVISIONAL_UNITS, units)) if count)
    return PROVISIONAL.format(who=who, year=year, marked=marked)

# --- Báo cáo thành tích (Mẫu 05) ---
REPORT_TITLE = "BÁO CÁO THÀNH TÍCH"
REPORT_SUBTITLE = "ĐỀ NGHỊ CÔNG NHẬN DANH HIỆU {title}"
REPORT_YEAR = "Năm học {year}"
REPORT_PART_1 = "I. SƠ LƯỢC LÝ LỊCH"
REPORT_NAME = "- Họ và tên: {name}"
REPORT_BORN = "- Sinh ngày, tháng, năm: {dob}"
REPORT_GENDER = "Giới tính: {gender}"
REPORT_BLANKS_1 = ("- Quê quán:", "- Nơi ở hiện nay:")
REPORT_UNIT = "- Đơn vị công tác: {department}, {school}"
REPORT_POSITION = "- Chức vụ: {position}"
REPORT_BLANKS_2 = ("- Trình độ chuyên môn, nghiệp vụ:", "- Học hàm, học vị, danh hiệu:")
REPORT_PART_2 = "II. THÀNH TÍCH ĐẠT ĐƯỢC"
REPORT_DUTIES = "1. Quyền hạn, nhiệm vụ được giao hoặc đảm nhận:"
REPORT_RESULTS = "2. Thành tích đạt được:"
REPORT_RATING = "- Kết quả đánh giá, xếp loại viên chức năm học {year}: {words} ({rating})."
REPORT_RATING_PROVISIONAL = ("- Kết quả đánh giá, xếp loại viên chức năm học {year}: {words} ({rating}), tính từ "
                             "điểm các kỳ đánh giá, chờ cấp có thẩm quyền quyết định xếp loại.")
REPORT_RATING_BLANK = "- Kết quả đánh giá, xếp loại viên chức năm học {year}:"
REPORT_SCORE = "- Kết quả chấm điểm thi đua năm học {year}: {score} điểm, xếp loại {classification}."
REPORT_SCORE_BLANK = "- Kết quả chấm điểm thi đua năm học {year}:"
REPORT_INITIATIVE = "- Sáng kiến: “{initiative}”, được công nhận cấp {level} theo Quyết định số {decision}."
REPORT_INITIATIVE_BLANK = "- Sáng kiến, đề tài nghiên cứu (tên, cấp công nhận, số quyết định):"
REPORT_WRITE = ("- Kết quả thực hiện nhiệm vụ (giảng dạy, giáo dục, chất lượng học sinh; các giải pháp, đổi mới "
                "đã áp dụng và hiệu quả):")
REPORT_ETHICS = "- Việc chấp hành chủ trương, chính sách, pháp luật; phẩm chất đạo đức, lối sống:"
REPORT_PART_3 = "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG"
REPORT_TITLES = "1. Danh hiệu thi đua"
REPORT_AWARDS = "2. Hình thức khen thưởng"
REPORT_TITLES_HEAD = ("Năm học", "Danh hiệu thi đua", "Số, ngày, tháng, năm của quyết định công nhận; cơ quan ban hành")
REPORT_AWARDS_HEAD = ("Năm học", "Hình thức khen thưởng", "Số, ngày, tháng, năm của quyết định khen thưởng; cơ quan "
                      "ban hành")
REPORT_HISTORY_ROWS = 3
SIGN_CONFIRM = ("XÁC NHẬN CỦA HIỆU TRƯỞNG",)
# the principal's own report: confirmed by the body above the school (its officer writes the name)
SIGN_CONFIRM_ABOVE = ("XÁC NHẬN CỦA CẤP TRÊN",)
SIGN_REPORTER = ("NGƯỜI BÁO CÁO THÀNH TÍCH",)
REPORT_WRITE_LINES = 6  # dotted lines left for the person to write on
REPORT_DUTY_LINES = 3

# --- Phiếu bầu ---
BALLOT_COUNCIL = "HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG"
BALLOT_TITLE = "PHIẾU BẦU"
BALLOT_SUBTITLE = "Danh hiệu {title} năm học {year}"
BALLOT_RULES = (
    "Đồng ý: đánh dấu (X) vào cột «Đồng ý»; không đồng ý: đánh dấu (X) vào cột «Không đồng ý».",
    "Mỗi dòng chỉ đánh dấu một cột; dòng để trống hoặc đánh dấu cả hai cột thì không hợp lệ. Không ghi tên người "
    "bầu trên phiếu.",
    "Danh hiệu được đề nghị khi có ít nhất {percent} tổng số thành viên Hội đồng đồng ý.",
)
BALLOT_HEAD = ("STT", "Họ và tên / Tập thể", "Tổ", "Đồng ý", "Không đồng ý")

# --- Danh mục hồ sơ (checklist, plain text) ---
CHECKLIST_TITLE = "DANH MỤC HỒ SƠ ĐỀ NGHỊ CÔNG NHẬN DANH HIỆU {title} – NĂM HỌC {year}"
CHECKLIST_SCHOOL = "{school} – gửi {recipient}"
CHECKLIST_MADE = "A. Văn bản đã lập sẵn (in, ký, đóng dấu; bản PDF để gửi qua mạng):"
# a year still running (its papers marked DỰ THẢO): nothing to print, sign or send yet
CHECKLIST_DRAFT = ("DỰ THẢO – năm học chưa xong ({periods}): hồ sơ để xem trước, chưa in, ký, đóng dấu hay gửi. Khi "
                   "năm học xong, chạy lại để có hồ sơ chính thức.")
CHECKLIST_MADE_DRAFT = "A. Văn bản đã lập sẵn (DỰ THẢO: để xem trước, chưa in, ký, đóng dấu hay gửi):"
CHECKLIST_DOC = "  {n}. {name}: {file}"
CHECKLIST_REPORTS = ("  {n}. Báo cáo thành tích (Mẫu 05), mỗi người một bản ({count} bản): người báo cáo viết "
                     "phần để trống, ký; Hiệu trưởng xác nhận.")
CHECKLIST_REPORT = "       - {name}: {file}"
CHECKLIST_PDF_MISSING = " (chưa có bản PDF)"
CHECKLIST_ATTACH = "B. Cần đính kèm thêm:"
CHECKLIST_ATTACH_LINE = "  {n}. {name} ({department}): {what}"
CHECKLIST_NOTHING = "  (Không cần đính kèm giấy tờ riêng cho từng người.)"
CHECKLIST_NOTE = ("Lưu ý: Tờ trình, biên bản họp và biên bản kiểm phiếu dùng chung cho mọi hồ sơ, nằm ở thư mục "
                  "trên ({folder}).")
ATTACHMENTS = {
    "initiative_decision": "bản sao Quyết định công nhận sáng kiến “{initiative}” cấp {level} (số {decision})",
    "htxsnv_certificate": ("bản sao Quyết định/Giấy chứng nhận xếp loại Hoàn thành xuất sắc nhiệm vụ năm học {year} "
                           "(theo QĐ 638/QĐ-BNV)"),
    "collective_report": "Báo cáo thành tích của tập thể (tổ trưởng lập, Hiệu trưởng xác nhận)",
}

# --- what the caller is told ---
PDF_NO_LIBREOFFICE = ("Chưa có bản PDF: máy chưa cài LibreOffice; các văn bản Word vẫn đã được ghi. {install} Hoặc "
                      "mở từng tệp .docx bằng Word và chọn Tệp → Lưu Như → PDF (Word tiếng Anh: File → Save As → PDF).")
PDF_FAILED = ("LibreOffice không chuyển được {count} tệp sang PDF ({detail}). Hãy mở các tệp đó bằng Word và chọn "
              "Tệp → Lưu Như → PDF, hoặc bằng LibreOffice và chọn Tệp → Xuất thành PDF.")
WARN_VOTE_FAILED = ("{name} được đề nghị {title} nhưng kết quả bỏ phiếu chưa đạt ({votes}/{members} phiếu, cần "
                    "{needed}). Danh sách vẫn ghi theo đề xuất; hãy để Hội đồng quyết định (merge --council).")
WARN_NO_QUORUM = ("Cuộc họp có {present}/{members} thành viên, chưa đủ {needed}: kết quả bỏ phiếu chưa có giá trị "
                  "(đã ghi trong biên bản).")

# --- the đột xuất and chuyên đề awards (NĐ 152/2025 điều 4 khoản 3) ---
SPECIAL_SUBJECT = "V/v đề nghị khen thưởng đột xuất, chuyên đề năm học {year}"
SPECIAL_REQUEST = ("{school} kính đề nghị {recipient} xem xét, khen thưởng {count} trường hợp có thành tích đột xuất "
                   "hoặc theo chuyên đề, theo danh sách dưới đây:")
SPECIAL_NOT_COUNTED = ("Các khen thưởng này không tính vào thành tích xét danh hiệu thi đua năm học và khen thưởng cấp "
                       "trên (Nghị định 152/2025/NĐ-CP điều 4 khoản 3).")
UNIT_CASE = "trường hợp"

# --- the awards that rest on earlier years (the history, --history) ---
AWARDS_TITLE = "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG THEO THÀNH TÍCH NHIỀU NĂM – NĂM HỌC {year}"
AWARDS_HEAD = "{n}. {award}: {count} trường hợp"
AWARDS_TABLE_HEAD = ("STT", "Cá nhân / tập thể", "Chức vụ", "Tổ", "Thành tích các năm (căn cứ)")
AWARDS_COLLECTIVE = "Tập thể {name}"
AWARDS_TOTAL = "Danh sách có {count} trường hợp."
LETTER_AWARDS_HEAD = "3. Đề nghị cấp trên khen thưởng theo thành tích nhiều năm (danh sách riêng):"
LETTER_AWARDS = "- {award}: {count} trường hợp;"
