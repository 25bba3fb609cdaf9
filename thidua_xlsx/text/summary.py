"""Vietnamese sheet names, headings, labels and document wording of the summary workbook.

Some headers are read back by other commands (``generate --from`` reads "Đăng ký"; the council
columns of "Điểm chi tiết" are meant to be read back by a later council round trip): those are
marked, and must not change.
"""

from __future__ import annotations

from thidua_xlsx.text.decisions import DRAFT_HEAD, PERIOD_WORDS
from thidua_xlsx.text.messages.year import YEAR_STATE_WORDS

# --- sheet names (≤ 31 characters, no []:*?/\) ---
S_OVERVIEW = "Tổng hợp"
S_REGISTRATION = "Đăng ký"
S_DETAIL = "Điểm chi tiết"
S_RANKING = "Xếp hạng"
S_PROPOSAL = "Đề nghị khen thưởng"
S_PUBLIC = "Công khai"
S_COLLECTIVE = "Tập thể"
S_MINUTES = "Biên bản"
S_LETTER = "Tờ trình"
S_CHECK = "Kiểm tra"
S_SOURCES = "Nguồn dữ liệu"
S_YEAR = "Xếp loại năm"  # a year summary (thidua-xlsx year) has it instead of Điểm chi tiết

YES_SUBMITTED, NOT_SUBMITTED = "Có", "Chưa nộp"
NEWCOMER = "người mới, chưa có trong danh sách"
NONE_ROW = "(không có)"
SCHOOL_TOTAL = "Toàn trường"
DATE_WORDS = "ngày {day:02d} tháng {month:02d} năm {year}"
PAGE_FOOTER = '&C&"Times New Roman,Italic"&10Trang &P/&N'
# a year still running: DỰ THẢO flush right in the top margin of every printed page of every sheet, as its papers
PAGE_HEADER_DRAFT = '&R&"Times New Roman,Bold"&12' + DRAFT_HEAD

# --- Tổng hợp ---
OVERVIEW_TITLE = "BẢNG TỔNG HỢP KẾT QUẢ THI ĐUA NĂM HỌC {year}"
OVERVIEW_TITLE_PERIOD = "BẢNG TỔNG HỢP ĐIỂM ĐÁNH GIÁ {period} – NĂM HỌC {year}"
OVERVIEW_TITLE_REG = "BẢNG TỔNG HỢP ĐĂNG KÝ THI ĐUA NĂM HỌC {year}"
OVERVIEW_SUBTITLE = "Số liệu từ {files} tệp của các tổ, tệp mới nhất lưu {date}"
OVERVIEW_SUBTITLE_YEAR = "Số liệu từ bảng tổng hợp của {used}/{total} kỳ đánh giá, bảng mới nhất lưu {date}"
OVERVIEW_SUBTITLE_EMPTY = "Chưa có tệp nào của các tổ được dùng"
PERIOD_LINE = "Kỳ đánh giá: {period}"
OVERVIEW_HEAD = ("Tổ", "Số người", "Đã nộp")
OVERVIEW_HEAD_YEAR = ("Tổ", "Số người", "Kỳ đã nộp")  # a year made from its periods: the periods each department sent
YEAR_SENT_ALL = "{sent}/{total} kỳ"
YEAR_SENT_MISSING = "{sent}/{total} kỳ; thiếu: {missing}"
YEAR_SENT_OVER = "{sent}/{total} kỳ đã hết"  # a year still running: the periods over only are anyone's to send
YEAR_SENT_OVER_MISSING = "{sent}/{total} kỳ đã hết; thiếu: {missing}"
# a year still running, a period not over merged all the same (its books sent early): the periods with a summary
YEAR_SENT_SO_FAR = "{sent}/{total} kỳ đã tổng hợp"
YEAR_SENT_SO_FAR_MISSING = "{sent}/{total} kỳ đã tổng hợp; thiếu: {missing}"
OVERVIEW_HEAD_SCORING = ("Số có điểm", "Điểm trung bình")
OVERVIEW_HEAD_TITLES = ("Số LĐTT", "Số CSTĐCS", "Đề nghị tập thể")
OVERVIEW_HEAD_REG_BLANK = "Không / chưa đăng ký"
OVERVIEW_HEAD_REG_COLLECTIVE = "Tập thể đăng ký"
CHART_SCORING = "Xếp loại thi đua theo tổ"
CHART_REGISTRATION = "Số người đăng ký theo danh hiệu"
CHART_Y = "Số người"

# --- Đăng ký: its columns by key, written under these heads and read back by them (generate --from) ---
REG_TITLE = "DANH SÁCH ĐĂNG KÝ THI ĐUA NĂM HỌC {year}"
REG_COLUMNS = {"no": "STT", "code": "Mã", "name": "Họ và tên", "position": "Chức vụ", "department": "Tổ",
               "title": "Danh hiệu đăng ký", "form": "Hình thức khen thưởng", "initiative": "Tên sáng kiến / đề tài",
               "note": "Ghi chú"}
REG_HEAD = tuple(REG_COLUMNS.values())
REG_COLLECTIVE_TITLE = "ĐĂNG KÝ DANH HIỆU THI ĐUA TẬP THỂ"
REG_COLLECTIVE_COLUMNS = {"no": "STT", "code": "Mã tổ", "name": "Tổ", "members": "Số người", "submitted": "Đã nộp",
                          "title": "Danh hiệu tập thể đăng ký"}
REG_COLLECTIVE_HEAD = tuple(REG_COLLECTIVE_COLUMNS.values())

# --- Điểm chi tiết (council columns: keep "Mã", "Điểm Hội đồng", "Quyết định Hội đồng") ---
DETAIL_TITLE = "BẢNG ĐIỂM CHI TIẾT THEO NHÓM TIÊU CHÍ – NĂM HỌC {year}"
DETAIL_NOTE = ("Hội đồng ghi điểm, quyết định và lý do của mình vào các cột nền vàng khi họp bình xét; thư ký lưu "
               "tệp, rồi trên trang thi đua, ở trang Chấm điểm thi đua, chọn tệp này ở ô \"Bảng tổng hợp Hội đồng đã "
               "ghi\" và bấm Tổng hợp để có bảng tổng hợp cuối cùng.")
DETAIL_TITLE_PERIOD = "BẢNG ĐIỂM CHI TIẾT THEO NHÓM TIÊU CHÍ – {period} – NĂM HỌC {year}"
DETAIL_NOTE_PERIOD = ("Điểm của kỳ đánh giá. Hiệu trưởng (cấp có thẩm quyền đánh giá) ghi điểm của mình vào cột Điểm "
                      "Hội đồng (nền vàng), lý do ở cột Ghi chú Hội đồng; thư ký lưu tệp, rồi trên trang thi đua, ở "
                      "trang của kỳ này, chọn tệp ở ô \"Bảng tổng hợp kỳ Hiệu trưởng đã chấm\" và bấm Tổng hợp để có "
                      "bản cuối của kỳ. Kỳ đánh giá không xét danh hiệu: danh hiệu thi đua xét một lần cho cả năm, từ "
                      "xếp loại năm (trang Cả năm (từ các kỳ), nút Tổng hợp cả năm).")
# said after it where the sheet has the two part columns (the rubric is the decree's frame)
DETAIL_NOTE_PERIOD_PARTS = (" Người chuyển đến: Hiệu trưởng ghi kết quả ở trường cũ vào cột Điểm Hội đồng và, nếu "
                            "trường cũ gửi đủ, hai phần điểm (tiêu chí chung đến 30, kết quả nhiệm vụ đến 70) ở hai "
                            "cột bên cạnh; hai phần phải cộng đúng bằng điểm.")
SOURCE_HEAD = "Hiệu trưởng chấm"  # a period's score typed in its council column: the head's (NĐ 233/2026 điều 13)
DETAIL_HEAD_FIRST = ("STT", "Mã", "Họ và tên", "Tổ", "Vai trò")
DETAIL_HEAD_LAST = ("Tổng tự chấm", "Tổng tổ chấm", "Điểm Hội đồng", "Quyết định Hội đồng", "Ghi chú Hội đồng",
                    "Điểm xét", "Nguồn điểm", "Xếp loại", "Ghi chú")
# a period's: no decision column (a period decides no title; the head's pass reads scores and notes only)
DETAIL_HEAD_LAST_PERIOD = tuple(h for h in DETAIL_HEAD_LAST if h != "Quyết định Hội đồng")
# a period's where the rubric is the decree's frame (30 + 70), beside the head's score: its two parts (NĐ 233/2026
# điều 10, 11), typed where she has them — a transfer-in's former school result —, read as optional (a summary written
# before 0.9 has none), so that part I of the year's Phiếu adds up
PERIOD_COUNCIL_PARTS = {"general": "Hội đồng: tiêu chí chung", "tasks": "Hội đồng: kết quả nhiệm vụ"}
DETAIL_HEAD_LAST_PARTS = (*DETAIL_HEAD_LAST_PERIOD[:3], *PERIOD_COUNCIL_PARTS.values(), *DETAIL_HEAD_LAST_PERIOD[3:])
COUNCIL_HEADS = {"code": "Mã", "score": "Điểm Hội đồng", "decision": "Quyết định Hội đồng",
                 "note": "Ghi chú Hội đồng"}  # read back by the council pass
PERIOD_COUNCIL_HEADS = {k: v for k, v in COUNCIL_HEADS.items() if k != "decision"}  # the head's pass of a period
DETAIL_DECISION_TITLE = "Quyết định Hội đồng"
DETAIL_DECISION_MESSAGE = ("Để trống: đồng ý với đề nghị. Chọn một danh hiệu hoặc 'Không đề nghị' để thay đổi; "
                           "ghi lý do ở cột Ghi chú Hội đồng.")
DETAIL_SELF, DETAIL_DEPT = "Tự chấm", "Tổ chấm"
YEAR_TITLE = "ĐIỂM CÁC KỲ VÀ XẾP LOẠI CHẤT LƯỢNG VIÊN CHỨC – NĂM HỌC {year}"
YEAR_NOTE = ("Đã có bảng tổng hợp của {used}/{total} kỳ; kỳ chưa có: {missing}. Cột Số kỳ có điểm đếm trên các kỳ "
             "đã đến của từng người (kỳ chưa hết, chưa đến kỳ, nghỉ trọn kỳ, trước ngày vào ngành, sau ngày chuyển đi "
             "không tính). Hội đồng ghi vào các cột nền vàng; xếp loại do cấp có thẩm quyền quyết định nhập ở cột Xếp "
             "loại viên chức của sheet Nhân sự.")
YEAR_NONE_MISSING = "không"
YEAR_RULES_NOTE = ("Cách tính (điều, khoản của Nghị định 233/2026/NĐ-CP, trừ khi ghi văn bản khác): {rules}. Cột Lý do "
                   "chỉ ghi điều riêng của từng người; các quy tắc chung của mọi người là những quy tắc vừa kể.")
YEAR_HEAD_FIRST = ("STT", "Mã", "Họ và tên", "Tổ")
YEAR_HEAD_LAST = ("Số kỳ có điểm", "Điểm năm", "Xếp loại tính theo điểm năm", "Xếp loại cấp có thẩm quyền",
                  "Điểm Hội đồng", "Quyết định Hội đồng", "Ghi chú Hội đồng", "Xếp loại năm", "Nguồn xếp loại",
                  "Lý do")
YEAR_NO_SCORE = PERIOD_WORDS["missing"]  # a period over and not returned, only
YEAR_LATER_LEGEND = (f"kỳ đang diễn ra ghi \"{PERIOD_WORDS['running']}\", kỳ chưa bắt đầu ghi "
                     f"\"{PERIOD_WORDS['not_begun']}\": không phải kỳ thiếu điểm, điểm năm tạm tính trên các kỳ đã hết "
                     "(điều 12 khoản 5)")
# a period that is not the person's (NĐ 233/2026 điều 14 khoản 2; a newcomer's before the start), as its cell says it:
# not "thiếu" (the legend says what each word means)
YEAR_AWAY_STUDY = "đi học"  # a period wholly on a course the unit sent (campaign.LEAVE_STUDY_WORD)
YEAR_NOT_RATED = YEAR_STATE_WORDS["KHONG_XEP_LOAI"]
YEAR_SOURCES = {"computed": "Tính từ các kỳ", "entered": "Cấp có thẩm quyền (sheet Nhân sự)",
                "council": "Hội đồng chấm điểm năm"}
YEAR_SHORT_COUNCIL = "Hội đồng chấm {score} (từ các kỳ: {before})"
YEAR_SHORT_RERATED = "trước khi Hội đồng chấm lại điểm năm: {before}"
# What is particular to a person's year, in a few words, by the code of the reason ("": the legend says it all); a
# reason not listed here is printed in full.
YEAR_SHORT = {
    "year.score_average": "", "year.score_semesters": "", "year.score_weighted": "",
    "year.band_top": "", "year.band": "", "year.band_below": "", "year.band_cited": "",
    "year.missing": "thiếu điểm {periods}: tính trên {used}/{total} kỳ",
    "year.running": "", "year.not_begun": "",  # the legend says it; the cells say which
    "year.no_scores": "chưa có điểm kỳ nào",
    "year.facts_unknown": "chưa nhập {fields} (sheet Nhân sự)",
    "year.months_short": "làm việc {months} tháng (chưa đủ {needed}): không xếp loại",
    "year.months_short_unpaid": "nghỉ không lương, làm việc {months} tháng (chưa đủ {needed}): không xếp loại",
    "year.leave_rated": "{leave}, làm việc {months} tháng: vẫn xếp loại",
    "year.disciplined_duties": "kỷ luật {discipline} (nhiệm vụ): KHTNV",
    "year.disciplined_ethics": "kỷ luật {discipline} (tư tưởng, đạo đức, lối sống): KHTNV",
    "year.disciplined_other": "kỷ luật {discipline} (vi phạm khác): xếp theo điểm",
    "year.discipline_scope_unknown": "kỷ luật {discipline}, chưa ghi về việc gì (sheet Nhân sự): chờ xếp loại",
    "year.discipline_former_unit": "kỷ luật {discipline} cho vi phạm ở đơn vị cũ: tính cho đơn vị cũ, xếp theo điểm",
    "year.discipline_counted_before": "kỷ luật {discipline} cho hành vi năm {year} đã xếp KHTNV: không tính lại, xếp "
                                      "theo điểm",
    "year.discipline_act_rated": "kỷ luật {discipline} cho hành vi năm {year} (năm đó {rating}): tính vào năm nay",
    "year.discipline_act_unknown": "kỷ luật {discipline} cho hành vi năm {year}, chưa biết năm đó xếp loại gì: tính "
                                   "vào năm nay",
    "year.away": "{leave} trọn {periods}: không tính",
    "year.away_study": "đi học, bồi dưỡng trọn {periods}: không tính",
    "year.study_months_short": "đi học, bồi dưỡng; làm việc {months} tháng (chưa đủ {needed}): người đứng đầu quyết "
                               "định",
    "year.away_scored": "có điểm {periods} dù nghỉ trọn kỳ: không tính",
    "year.all_away": "nghỉ trọn mọi kỳ: không xếp loại",
    "year.before_start": "{periods} trước ngày vào ngành: không tính",
    "year.after_leaving": "{periods} sau khi chuyển đi: không tính",
    "year.moved_away": "chuyển đến {school} từ {day}: đơn vị mới xếp loại",
    "year.unfinished": "phiếu {periods} chưa chấm xong: chờ tổ chấm xong",
    "year.head_unit_unknown": "người đứng đầu: chưa có xếp loại của đơn vị để so",
    "year.head_capped": "người đứng đầu: hạ {before} xuống {unit_rating} theo đơn vị",
    "year.cap_within": "trong tỷ lệ HTXSNV: thứ {rank}, nhóm {group} có {slots} suất",
    "year.cap_outside": "ngoài tỷ lệ HTXSNV (thứ {rank}, nhóm {group} có {slots} suất): HTTNV",
    "year.cap_tie": "bằng {score} điểm ở suất HTXSNV cuối ({tied} người, còn {left} suất): tạm HTTNV, cấp có thẩm "
                    "quyền chọn",
    "year.entered_differs": "cấp có thẩm quyền xếp {entered}, tính từ các kỳ {computed}: Hội đồng xem lại",
    "year.entered_unrated": "cấp có thẩm quyền xếp {entered}, theo các kỳ không xếp loại: Hội đồng xem lại",
    "year.entered_over_cap": "nhóm có {excellent} HTXSNV đã nhập, vượt tỷ lệ: Hội đồng xem lại",
}
_CAP_RULE = ("HTXSNV không quá {percent}% số HTTNV của nhóm {group}, xếp theo điểm năm, làm tròn xuống (điều 12 khoản "
             "6 "
             "điểm {clause})", "")
_MONTHS_RULE = ("làm việc dưới {needed} tháng trong năm: không xếp loại (điều 14 khoản 1)", "")
_HEAD_RULE = ("người đứng đầu xếp loại không cao hơn đơn vị (điều 12 khoản 7)", "")
_ENTERED_RULE = ("xếp loại cấp có thẩm quyền đã quyết định (sheet Nhân sự) được dùng (điều 13 khoản 3)", "")
# The rules the year applied, said once above the table, by the code of the reasons that apply them: (the rule, "") —
# the rule with its article —, or (a band, the article of its scale): the bands of one scale said together.
YEAR_LEGEND = {
    "year.score_average": ("điểm năm là trung bình cộng điểm các kỳ có điểm (điều 12 khoản 5, điều 15 khoản 1 điểm a)",
                           ""),
    "year.score_semesters": ("điểm năm theo công thức (điểm HKI + 2 × điểm HKII) / 3 của quy chế đánh giá của đơn vị "
                             "(điều 12 khoản 5)", ""),
    "year.score_weighted": ("điểm năm là trung bình có trọng số các kỳ theo quy chế đánh giá của đơn vị (điều 12 khoản "
                            "5)", ""),
    "year.missing": ("kỳ không có điểm ghi \"thiếu\", không tính là 0: điểm năm tính trên các kỳ có điểm, theo thời "
                     "gian làm việc thực tế (điều 15 khoản 1 điểm a, c)", ""),
    "year.running": (YEAR_LATER_LEGEND, ""),
    "year.not_begun": (YEAR_LATER_LEGEND, ""),
    "year.band_top": ("{rating} từ {low} điểm trở lên", "điều 12 khoản 1–4"),
    "year.band": ("{rating} từ {low} đến dưới {high} điểm", "điều 12 khoản 1–4"),
    "year.band_below": ("{rating} dưới {high} điểm", "điều 12 khoản 1–4"),
    "year.band_cited": ("{rating} {range}", "{citation}"),
    "year.cap_within": _CAP_RULE, "year.cap_outside": _CAP_RULE, "year.cap_tie": _CAP_RULE,
    "year.disciplined_duties": ("bị kỷ luật từ khiển trách trong năm vì vi phạm liên quan đến thực hiện nhiệm vụ: "
                                "KHTNV (điều 12 khoản 4 điểm c)", ""),
    "year.disciplined_ethics": ("bị kỷ luật trong năm do suy thoái tư tưởng chính trị, đạo đức, lối sống: KHTNV "
                                "(điều 14 khoản 3 điểm a)", ""),
    "year.disciplined_other": ("bị kỷ luật vì vi phạm khác: không thuộc điều 12 khoản 4 điểm c, điều 14 khoản 3 "
                               "điểm a, xếp theo điểm", ""),
    "year.away": ("kỳ nghỉ trọn kỳ (sheet Nhân sự) ghi \"nghỉ\", không phải kỳ thiếu điểm, không tính vào số kỳ: xếp "
                  "loại theo thời gian làm việc thực tế (điều 14 khoản 2)", ""),
    "year.away_study": ("kỳ được cử đi học, bồi dưỡng trọn kỳ (sheet Nhân sự) ghi \"đi học\", không phải kỳ thiếu "
                        "điểm, không tính vào số kỳ: xếp loại theo thời gian thực tế công tác (điều 15 khoản 1 điểm "
                        "c)", ""),
    "year.before_start": ("kỳ kết thúc trước ngày vào ngành (sheet Nhân sự) ghi \"chưa vào\", không phải kỳ của người "
                          "đó, không tính vào số kỳ", ""),
    "year.after_leaving": ("kỳ từ ngày chuyển công tác (sheet Nhân sự) ghi \"đã chuyển\", không phải kỳ của người "
                           "đó ở trường, không tính vào số kỳ", ""),
    "year.moved_away": ("người chuyển công tác trong năm: đơn vị mới xếp loại năm, trường gửi kết quả các kỳ tại "
                        "trường (điều 15 khoản 1 điểm a)", ""),
    "year.unfinished": ("phiếu chưa chấm xong không phải kỳ nghỉ: chưa xếp loại năm đến khi chấm xong (điều 12 khoản "
                        "5)", ""),
    "year.months_short": _MONTHS_RULE, "year.months_short_unpaid": _MONTHS_RULE,
    "year.leave_rated": ("nghỉ ốm, nghỉ thai sản theo chế độ bảo hiểm xã hội: vẫn xếp loại theo thời gian làm việc "
                         "(điều 14 khoản 2)", ""),
    "year.head_unit_unknown": _HEAD_RULE, "year.head_capped": _HEAD_RULE,
    "year.entered_differs": _ENTERED_RULE, "year.entered_unrated": _ENTERED_RULE,
}
GROUP_HEAD = "{code}. {name}"
GROUP_KIND_SUFFIX = {"thưởng": " (thưởng)", "trừ": " (trừ)"}

# --- Xếp hạng ---
RANK_TITLE = "BẢNG XẾP HẠNG THI ĐUA NĂM HỌC {year}"
RANK_TITLE_PERIOD = "BẢNG XẾP HẠNG – {period} – NĂM HỌC {year}"
RANK_HEAD = ("Hạng toàn trường", "Hạng trong tổ", "Họ và tên", "Tổ", "Điểm xét", "Xếp loại", "Chưa xếp hạng vì")

# --- Đề nghị khen thưởng ---
PROPOSAL_TITLE = "DANH SÁCH ĐỀ NGHỊ CÔNG NHẬN DANH HIỆU {title} NĂM HỌC {year}"
PROPOSAL_SUBTITLE = "(Kèm theo Tờ trình của {school}; {count} người)"
PROPOSAL_HEAD = ("STT", "Họ và tên", "Chức vụ", "Tổ", "Xếp loại viên chức", "Điểm (tự / tổ / HĐ)",
                 "Danh hiệu đề nghị", "Sáng kiến (tên, cấp, số QĐ)", "Số phiếu / tỷ lệ", "Ghi chú")
S_REFUSED = "Không đề nghị"
VOTES_SHORT = "{votes}/{members} ({share}%)"
NOTE_COUNCIL = "Hội đồng quyết định"
REFUSED_TITLE = "KHÔNG ĐỀ NGHỊ (TÀI LIỆU NỘI BỘ CỦA HỘI ĐỒNG, KHÔNG GỬI KÈM TỜ TRÌNH)"
REFUSED_SUBTITLE = "(Người đã đăng ký nhưng không đủ điều kiện; {count} người)"
REFUSED_SUBTITLE_WAITING = ("(Người đã đăng ký chưa được đề nghị: {refused} người không đủ điều kiện, {waiting} "
                            "người còn chờ xét)")
REFUSED_WAITING = "chờ xét – {reason}"  # a decision that waits (a fact, a period, the council): no refusal
REFUSED_HEAD = ("STT", "Họ và tên", "Chức vụ", "Tổ", "Xếp loại viên chức", "Điểm (tự / tổ / HĐ)",
                "Danh hiệu đăng ký", "Sáng kiến (tên, cấp, số QĐ)", "Số phiếu / tỷ lệ", "Lý do không đề nghị")
YEAR_SCORE_HEAD = "Điểm năm"  # the score column of a year's lists: the year's score from its periods
REFUSED_STILL = "{reason} (vẫn đề nghị {title})"
NO_PROPOSAL = "Chưa có ai đủ điều kiện đề nghị công nhận danh hiệu cá nhân."
INITIATIVE_LEVEL = "cấp {level}"
INITIATIVE_DECISION = "QĐ {decision}"
SCORE_BLANK = "–"

# --- signatures ---
SIGN_MAKER = ("NGƯỜI LẬP BIỂU", "THƯ KÝ HỘI ĐỒNG")
SIGN_HEAD = ("HIỆU TRƯỞNG", "CHỦ TỊCH HỘI ĐỒNG")
SIGN_SECRETARY = ("THƯ KÝ",)
SIGN_CHAIR = ("CHỦ TỌA",)
SIGN_PRINCIPAL = ("HIỆU TRƯỞNG",)
SIGN_NOTE = "(Ký, ghi rõ họ tên)"
SIGN_NOTE_SEAL = "(Ký tên, đóng dấu)"

# --- Tập thể ---
COLLECTIVE_TITLE = "KẾT QUẢ XÉT DANH HIỆU THI ĐUA TẬP THỂ NĂM HỌC {year}"
COLLECTIVE_TITLE_REG = "DANH SÁCH ĐĂNG KÝ DANH HIỆU THI ĐUA TẬP THỂ NĂM HỌC {year}"
COLLECTIVE_HEAD = ("Tổ", "Số người", "Số LĐTT", "% LĐTT", "Số CSTĐCS", "Số bị kỷ luật", "Danh hiệu đăng ký",
                   "Đề nghị", "Lý do")
COLLECTIVE_HEAD_REG = ("Tổ", "Số người", "Đã nộp", "Danh hiệu đăng ký")

# --- Biên bản ---
MINUTES_TITLE = "BIÊN BẢN HỌP BÌNH XÉT THI ĐUA – NĂM HỌC {year}"
MINUTES_RESULTS_HEADING = "III. DIỄN BIẾN VÀ KẾT QUẢ"
MINUTES_LINES = (  # (style, text); {…} filled from the summary
    ("body", "Thời gian: vào lúc …… giờ …… phút, {blank_date}."),
    ("body", "Địa điểm: ……………………………………………………………………"),
    ("heading", "I. THÀNH PHẦN"),
    ("body", "- Chủ tọa: {principal} – Hiệu trưởng, Chủ tịch Hội đồng Thi đua – Khen thưởng."),
    ("body", "- Thư ký: {secretary}."),
    ("body", "{present_line}"),
    ("heading", "II. NỘI DUNG"),
    ("body", "Hội đồng Thi đua – Khen thưởng {school} họp bình xét danh hiệu thi đua năm học {year} trên cơ sở "
             "kết quả tự chấm điểm của cá nhân, chấm điểm của các tổ và bảng tổng hợp của thư ký Hội đồng "
             "({people} người của {submitted}/{departments} tổ đã nộp)."),
    ("heading", MINUTES_RESULTS_HEADING),
    ("body", "Ý kiến thảo luận: ………………………………………………………………………………………………"),
    ("heading", "1. Danh hiệu cá nhân"),
)
MINUTES_PRESENT_BLANK = "- Thành viên Hội đồng có mặt: ……/…… người; vắng: …… người (lý do: ………………………………)."
MINUTES_INDIVIDUAL = "- Danh sách đề nghị công nhận danh hiệu {title} gồm {count} đ/c{listed}{vote}."
# where a list is: on its own sheet beside the Biên bản and the Tờ trình (Đề nghị khen thưởng, Không đề nghị), or, in
# a year made from its periods (no such sheet), its names in the paragraph itself
LISTED_ATTACHED = " (có danh sách kèm theo)"
LISTED_NAMES = " ({names})"
MINUTES_VOTE_BLANK = "; số phiếu đồng ý: ……/…… (……%)"  # a title put to a vote, before the count is typed
MINUTES_VOTE_COUNTED = "; bỏ phiếu kín: {passed}/{voted} trường hợp đạt (chi tiết ở sheet Kiểm phiếu)"
MINUTES_VOTE_NONE = "; bỏ phiếu kín chưa có giá trị (cuộc họp chưa đủ số thành viên)"
MINUTES_REFUSED = "- Đã đăng ký nhưng không đủ điều kiện đề nghị danh hiệu nào: {count} đ/c{listed}."
MINUTES_WAITING = ("- Đã đăng ký, chưa xét được (còn chờ thông tin, kết quả các kỳ hay Hội đồng xét): {count} "
                   "đ/c{listed}.")
MINUTES_LOWER = ("- Đã đăng ký danh hiệu cao hơn nhưng chỉ được đề nghị danh hiệu thấp hơn: {count} đ/c (đã tính "
                 "ở danh sách danh hiệu được đề nghị).")
MINUTES_COLLECTIVE_HEAD = "2. Danh hiệu tập thể"
MINUTES_COLLECTIVE = "- Đề nghị công nhận danh hiệu {title}: {count} tập thể{names}{vote}."
MINUTES_END = (
    "Ý kiến khác: ………………………………………………………………………………………………………",
    "Cuộc họp kết thúc lúc …… giờ …… cùng ngày. Biên bản đã được thông qua trước Hội đồng và các thành viên "
    "dự họp nhất trí.",
)

# --- Tờ trình ---
LETTER_NUMBER = "Số: ……/TTr-……"
LETTER_TITLE = "TỜ TRÌNH"
LETTER_SUBJECT = "V/v đề nghị công nhận danh hiệu thi đua năm học {year}"
LETTER_TO = "Kính gửi: {recipient}"
LETTER_APPROVED = ("Căn cứ kết quả bình xét thi đua năm học {year} đã được Hội đồng Thi đua – Khen thưởng "
                   "{school} xét duyệt tại cuộc họp {blank_date};")
LETTER_REQUEST = ("{school} kính đề nghị {recipient} xem xét, công nhận danh hiệu thi đua năm học {year} cho "
                  "các cá nhân và tập thể sau:")
LETTER_INDIVIDUAL = "- Danh hiệu {title}: {count} cá nhân{listed};"
LETTER_COLLECTIVE = "- Danh hiệu {title}: {count} tập thể{names};"
LETTER_AWARDS = "- Khen thưởng theo thành tích nhiều năm (danh sách ở sheet {sheet}): {awards};"
LETTER_AWARD = "{award} {count} trường hợp"
LETTER_ATTACHED = "(có danh sách kèm theo)"
LETTER_CLOSE = "Kính trình {recipient} xem xét, quyết định./."
RECEIVERS_HEAD = "Nơi nhận:"
RECEIVERS = ("- Như trên;", "- Lưu: VT, HĐTĐKT.")

# --- Kiểm tra ---
CHECK_TITLE = "CÁC VẤN ĐỀ TÌM THẤY TRONG CÁC TỆP"
CHECK_SUBTITLE = "{errors} lỗi, {warnings} cảnh báo, {notes} ghi chú – lỗi xếp trước"
CHECK_HEAD = ("STT", "Tệp", "Sheet", "Ô", "Mức độ", "Nội dung")
CHECK_NONE = "Không có vấn đề nào."

# --- Nguồn dữ liệu ---
SOURCES_TITLE = "CÁC TỆP TRONG THƯ MỤC NHẬN"
SOURCES_RULE = ("Bản mới nhất của mỗi tổ được chọn theo thời gian lưu ghi trong tệp (Excel/LibreOffice ghi khi "
                "lưu), nếu không có thì theo thời gian sửa tệp.")
SOURCES_HEAD = ("Tệp", "Tổ", "Trạng thái", "Lý do", "Kích thước (KB)", "Thời gian lưu (giờ VN)", "SHA-256")
SOURCES_RECEIVED = "Gửi đến (người gửi, ngày thư)"  # a file filed by collect or the page: who sent it, when
SOURCES_CAME = "{sender}, {date}"
FILE_STATUS = {
    "accepted": "Được dùng",
    "superseded": "Bản cũ (đã có bản mới hơn)",
    "rejected": "Bị từ chối",
    "skipped": "Bỏ qua",
}
ACCEPTED_WITH_ISSUES = "Được dùng; có {count} vấn đề (xem sheet Kiểm tra)"

# --- danh sách công khai ---
PUBLIC_TITLE = "Danh sách công khai cá nhân, tập thể đề nghị xét tặng danh hiệu thi đua năm học {year}"
PUBLIC_INDIVIDUAL = "I. CÁ NHÂN"
PUBLIC_COLLECTIVE = "II. TẬP THỂ"
PUBLIC_HEAD = ("STT", "Họ và tên", "Chức vụ", "Tổ", "Danh hiệu đề nghị")
PUBLIC_HEAD_COLLECTIVE = ("STT", "Tập thể", "Số người", "Tổ trưởng", "Danh hiệu đề nghị")
PUBLIC_WINDOW = ("Danh sách được niêm yết công khai tại bảng tin và trang thông tin điện tử của nhà trường từ ngày "
                 "{start} đến hết ngày {end}. Cán bộ, giáo viên, nhân viên có ý kiến hoặc kiến nghị về danh sách "
                 "xin gửi bằng văn bản cho {secretary} (thư ký Hội đồng thi đua – khen thưởng) trong thời gian "
                 "trên; sau thời hạn này, nhà trường hoàn thiện hồ sơ gửi cấp trên.")
PUBLIC_SECRETARY = "thư ký Hội đồng"

# --- the criteria cited (Tổng hợp, Biên bản) ---
CRITERIA_VERSION = "{role} ({items} tiêu chí, {total} điểm)"
CRITERIA_DATE = " ngày {date}"
CRITERIA_APPROVED = ("Bộ tiêu chí chấm điểm được Hội nghị viên chức thông qua theo Nghị quyết số {number}{date}; "
                     "điểm được tính theo bộ tiêu chí {versions}")
CRITERIA_NOT_RECORDED = ("Điểm được tính theo bộ tiêu chí {versions} (chưa ghi số, ngày Nghị quyết Hội nghị viên chức "
                         "thông qua bộ tiêu chí – điền ở sheet Trường của campaign.xlsx)")

# --- Kiểm phiếu (the tally the secretary types; read back by the council pass) ---
S_TALLY = "Kiểm phiếu"
TALLY_TITLE = "KẾT QUẢ KIỂM PHIẾU – NĂM HỌC {year}"
TALLY_NOTE = ("Thư ký điền các ô nền vàng sau khi kiểm phiếu. Cuộc họp hợp lệ khi có ít nhất {quorum}% thành viên; "
              "{thresholds}. Có thể thêm người ở các dòng trống cuối bảng (ghi mã và danh hiệu).")
TALLY_THRESHOLD = "{title} cần ít nhất {percent}% tổng số thành viên đồng ý"
TALLY_NO_VOTE = "không có danh hiệu nào phải bỏ phiếu (theo sheet Quy tắc)"
TALLY_FIELDS = {"members": "Tổng số thành viên Hội đồng", "present": "Số thành viên có mặt",
                "ballots_issued": "Số phiếu phát ra", "ballots_returned": "Số phiếu thu về"}
TALLY_VOTES_OF = "Số phiếu đồng ý của {person}"  # in council.votes_above: whose votes are too many
TALLY_HEADS = {"code": "Mã", "name": "Họ và tên / Tập thể", "department": "Tổ", "title": "Danh hiệu",
               "votes": "Số phiếu đồng ý", "result": "Kết quả"}

# --- Thay đổi của Hội đồng (the change log of a council pass) ---
S_CHANGES = "Thay đổi của Hội đồng"
S_CHANGES_PERIOD = "Thay đổi của Hiệu trưởng"  # a period's: the head scores a period, no council meets for it
CHANGES_TITLE = "NHỮNG THAY ĐỔI CỦA HỘI ĐỒNG SO VỚI ĐỀ XUẤT – NĂM HỌC {year}"
CHANGES_TITLE_PERIOD = "ĐIỂM HIỆU TRƯỞNG CHẤM KHÁC ĐIỂM CỦA TỔ – {period} – NĂM HỌC {year}"
CHANGES_HEAD = ("STT", "Mã", "Họ và tên / Tập thể", "Nội dung", "Trước", "Sau", "Lý do (Hội đồng ghi)", "Lưu ý")
# a period's: the head scored it (NĐ 233/2026 điều 13), not the council
CHANGES_HEAD_PERIOD = (*CHANGES_HEAD[:6], "Lý do (Hiệu trưởng ghi)", CHANGES_HEAD[7])
CHANGES_WHAT = {"score": "Điểm", "title": "Danh hiệu đề nghị", "vote": "Kết quả bỏ phiếu", "tie": "Chọn khi bằng điểm",
                "rating": "Xếp loại năm"}
CHANGES_AGAINST_RULE = "Trái quy định – chỉ được chấp nhận vì Hội đồng ghi lý do"
CHANGES_NONE = "(Hội đồng không thay đổi gì)"
CHANGES_NONE_PERIOD = "(Hiệu trưởng không thay đổi gì)"
CHANGES_NOT_PASSED = "Không đạt"
CHANGES_TIE_OPEN = "Bằng điểm – chờ Hội đồng chọn"

# the đột xuất and chuyên đề awards (their own list, never counted toward titles: NĐ 152/2025 điều 4 khoản 3)
S_SPECIAL = "Khen đột xuất"
SPECIAL_TITLE = "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG ĐỘT XUẤT, CHUYÊN ĐỀ NĂM HỌC {year}"
SPECIAL_SUBTITLE = ("(Kèm theo Tờ trình của {school}; {count} trường hợp; không tính vào thành tích xét danh hiệu "
                    "và khen thưởng cấp trên – NĐ 152/2025 điều 4 khoản 3)")
SPECIAL_HEAD = ("STT", "Cá nhân / tập thể", "Tổ", "Loại", "Thành tích", "Hình thức đề nghị", "Ghi chú")
SPECIAL_COLLECTIVE = "Tập thể {name}"

# the multi-year awards (the history of earlier years, docs/domain.md §4c)
S_HISTORY = "Khen thưởng nhiều năm"
HISTORY_TITLE = "XÉT KHEN THƯỞNG THEO THÀNH TÍCH NHIỀU NĂM – NĂM HỌC {year}"
HISTORY_SUBTITLE = "({count} đề nghị; lịch sử đọc từ: {sources})"
HISTORY_HEAD = ("STT", "Cá nhân / tập thể", "Tổ", "Khen thưởng", "Kết quả", "Các năm trước đã dùng", "Lý do")
HISTORY_VERDICT = {True: "Đề nghị", False: "Không đề nghị"}
HISTORY_PENDING = "Chưa đủ thông tin"

# the rule set applied (model.rule_set), said by the summary and the Tờ trình
RULE_SET_LINE = "Quy định áp dụng ({where}, theo {source} {day}): {texts}"
RULE_SET_NATIONAL = "toàn quốc"
RULE_SET_TEXT = "{short} (hiệu lực từ {since})"
RULE_SET_TEXT_UNDATED = "{short}"
