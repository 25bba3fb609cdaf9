"""The words of rule sets: dated legal texts, provincial presets, citations, the tie-break of
NĐ 152/2025 điều 4 khoản 6 and the review that blocks a collective. Merged into text.messages at its end."""

NATIONAL = "Toàn quốc (mặc định)"  # the province dropdown's first entry: the national texts only
SCHOOL_RULES_CITATION = "Quy chế thi đua, khen thưởng của trường"  # a school's value stricter than the texts'
DAY_SOURCES = {"filing_date": "Ngày gửi hồ sơ", "scoring_deadline": "hạn nộp chấm điểm",
               "today": "ngày chạy chương trình", "periods": "ngày kết thúc kỳ đánh giá cuối"}
RULE_WORDS = {  # each rule key of model.rule_set, as a message names it
    "ldtt": "LĐTT", "cstdcs": "CSTĐCS", "cstdcs_quota": "tỷ lệ CSTĐCS", "ttldtt": "TTLĐTT", "ttldxs": "TTLĐXS",
    "women_first": "ưu tiên cá nhân nữ khi bằng điểm", "under_review": "đang xem xét kỷ luật",
    "rating": "thang điểm xếp loại chất lượng viên chức", "rubric": "thang điểm các nhóm tiêu chí",
}
RECHECK_SAID = " Ghi chú của tệp quy định: {note}"  # a set-aside text's own re-check note, when it has one
FIRST_TEXT = " (sớm nhất: {text}, có hiệu lực từ {since})"
TEXT_OF_PROVINCE = "{text} của {province}"  # a province's text whose short name does not say its province
INSTEAD = "{rule}: {citation}"  # what applies in a set-aside text's place, rule by rule
INSTEAD_SCHOOL = "quy chế của trường"  # no text of the rule set speaks of that rule: the school's own
DECREE_BANDS = " – HTXSNV từ {excellent}, HTTNV từ {good}, HTNV từ {done} điểm"  # the decree's bands, with its citation
NATIONAL_FILE = "quy định chung toàn quốc (workbook_templates/quy-tac/)"  # a conflict in the national files
RULE_NAMES = {"ldtt_min_months": "LĐTT: số tháng công tác tối thiểu", "ttldtt_min_percent": "TTLĐTT: tỷ lệ LĐTT",
              "ttldxs_min_percent": "TTLĐXS: tỷ lệ LĐTT tối thiểu",
              "cstdcs_quota_percent": "CSTĐCS: tỷ lệ tối đa (% số LĐTT)"}
NO_QUOTA = "không giới hạn"
SHARE_ABOVE, SHARE_AT_LEAST = "trên {percent}%", "từ {percent}% trở lên"
EXPECTED = {  # what a key of a rule set's data file should hold (rule_set.bad_value's {expected})
    "object": "một đối tượng {…}", "list": "một danh sách […]", "text": "một chuỗi chữ",
    "date": "ngày dạng YYYY-MM-DD hoặc null", "number": "một số từ 0 đến 100", "bool": "true hoặc false",
    "until": "ngày không trước in_force_from", "bands": "HTXSNV, HTTNV, HTNV theo thứ tự, điểm giảm dần",
    "day_month": "ngày/tháng, ví dụ 10/7", "whole_file": "(cả tệp)",
}

RULE_SET_MESSAGES = {
    "rule_set.province_unknown": "Tỉnh/thành '{value}' chưa có tệp quy định trong chương trình (có: {choices}). "
                                 "Hãy chọn trong danh sách, hoặc để trống để áp dụng quy định chung toàn quốc; "
                                 "muốn thêm tỉnh, hãy thêm tệp workbook_templates/tinh/<tên>.json (xem SCHEMA.md).",
    "rule_set.bad_json": "Tệp quy định '{file}' không phải JSON hợp lệ (dòng {line}, cột {column}: {problem}). "
                         "Hãy sửa tệp theo workbook_templates/SCHEMA.md.",
    "rule_set.missing_key": "Tệp quy định '{file}': thiếu khóa '{key}'. Hãy bổ sung theo workbook_templates/SCHEMA.md.",
    "rule_set.unknown_key": "Tệp quy định '{file}': khóa '{key}' không dùng được (dùng được: {known}). Hãy sửa "
                            "tên khóa theo workbook_templates/SCHEMA.md.",
    "rule_set.bad_value": "Tệp quy định '{file}': khóa '{key}' có giá trị '{value}' không hợp lệ (cần {expected}). "
                          "Hãy sửa tệp theo workbook_templates/SCHEMA.md.",
    "rule_set.unknown_text": "Tệp quy định '{file}': khóa '{key}' trỏ tới văn bản '{value}' không có trong danh sách "
                             "'texts' của tệp. Hãy thêm văn bản đó hoặc sửa mã.",
    "rule_set.raised": "Quy định của {province}: {rule} {applied} ({citation}); giá trị ở sheet Quy tắc ({school}) "
                       "thấp hơn nên chương trình áp dụng mức của tỉnh. Trường được quy định chặt hơn tỉnh, "
                       "không được thấp hơn: hãy sửa sheet Quy tắc cho khớp.",
    "rule_set.ended": "Theo dữ liệu của chương trình, {text} hết hiệu lực từ {end} (ngày cần kiểm tra lại), trước "
                      "ngày xét {day} ({source}). Hãy kiểm tra văn bản nào thay thế và đối chiếu các căn cứ trước "
                      "khi trình; chương trình không còn trích dẫn văn bản này.",
    "rule_set.set_aside": "{text} được ban hành theo {ended}, các văn bản này đã hết hiệu lực từ "
                          "{end}: chương trình không áp dụng {rules} của văn bản này cho ngày {day} ({source}) mà áp "
                          "dụng quy định chung ({instead}). Nếu {province} đã ban hành quy định mới theo văn bản thay "
                          "thế, hãy cập nhật tệp quy định của {province} (workbook_templates/tinh/, xem SCHEMA.md) "
                          "rồi chạy lại.{recheck}",
    "rule_set.conflict": "Tệp quy định {where}: {rule} có {count} văn bản cùng có hiệu lực ngày {day} ({applied}; "
                         "{others}); chương trình áp dụng {applied}{why} Nếu một văn bản đã thay thế văn bản kia, hãy "
                         "ghi ngày hết hiệu lực (in_force_until) cho văn bản cũ, hoặc 'amends' nếu là văn bản sửa đổi "
                         "(xem workbook_templates/SCHEMA.md), rồi chạy lại.",
    "rule_set.no_text": "Ngày xét {day} ({source}) trước mọi văn bản chương trình biết cho {rules}{first}: chương "
                        "trình không xét các danh hiệu này (không có căn cứ), để Hội đồng xét. Hãy kiểm tra {source} "
                        "ở sheet Trường rồi chạy lại.",
    "rule_set.rubric_scale": "Bộ tiêu chí '{role}': các nhóm điểm cộng là {groups}, còn {province} quy định thang "
                             "điểm {expected} ({citation}). Hãy sửa điểm tối đa các nhóm ở sheet Tiêu chí, hoặc "
                             "kiểm tra lại tỉnh/thành đã chọn ở sheet Trường.",
}

RULE_SET_REASONS = {
    "basis.cite": "căn cứ {citation}",
    "basis.cite_with_school": "căn cứ {citation} và {school}",  # a condition only the school's Quy chế sets
    "basis.none": "chưa xét: ngày xét trước mọi văn bản chương trình biết cho danh hiệu này (không có căn cứ) – "
                  "Hội đồng xét; xem sheet Kiểm tra",
    "quota.women_first": "bằng điểm ({score}) với {tied} người cho {left} suất cuối: ưu tiên cá nhân nữ ({citation})",
    "quota.women_first_out": "bằng điểm ({score}) ở {left} suất cuối, suất dành cho cá nhân nữ cùng điểm "
                             "({citation})",
    "quota.tie_women": " ({women} người đều là nữ nên không phân định được theo {citation})",
    "quota.tie_men": " (không ai là nữ nên không phân định được theo {citation})",
    "quota.tie_after_women": " (đã ưu tiên {women} người nữ cùng điểm theo {citation})",
    "quota.tie_gender_unknown": " (chưa rõ giới tính của {count} người ở sheet Nhân sự nên chưa áp dụng ưu tiên nữ "
                                "theo {citation})",
    "collective.review_said": "{count} người đang bị xem xét kỷ luật, điều tra hoặc xác minh khiếu nại, tố cáo: "
                              "Hội đồng xem lại",
    "collective.review_pending": "{count} người đang bị xem xét kỷ luật: nếu bị kỷ luật từ cảnh cáo thì tổ không "
                                 "đạt (Hội đồng xem lại)",
    "year.band_cited": "điểm năm {score}, {range}: {rating} ({citation})",
    "band.top_from": "từ {low} điểm trở lên",
    "band.top_above": "trên {low} điểm",
    "band.from_below": "từ {low} đến dưới {high} điểm",
    "band.from_to": "từ {low} đến {high} điểm",
    "band.above_below": "trên {low} đến dưới {high} điểm",
    "band.above_to": "trên {low} đến {high} điểm",
    "band.under": "dưới {high} điểm",
    "band.at_most": "từ {high} điểm trở xuống",
}
