"""The words of what an untidy year brings in: a filing date typed far from the school year, a province's
file with two texts in force at once said where the campaign is opened, a period's score entered by the head (a
transfer's months at the former school). Assembled into :mod:`thidua_xlsx.text.messages`."""

from __future__ import annotations

# What the day that picks the rule set stands for, by the field of sheet Trường it came from.
REFERENCE_DAY_WHAT = {"filing_date": "ngày trường gửi hồ sơ lên cấp trên",
                      "scoring_deadline": "hạn các tổ nộp sổ chấm điểm"}

UNTIDY_MESSAGES = {
    "campaign.reference_day_far": "{field} là {day}, muộn hơn một năm sau khi năm học {year} kết thúc ({end}): có "
                                  "lẽ gõ nhầm năm. Ngày này chọn các văn bản áp dụng khi xét (các văn bản có hiệu "
                                  "lực ngày {day}), nên một ngày sai làm hồ sơ trích dẫn và áp dụng văn bản không "
                                  "đúng. Hãy sửa {field} ở sheet Trường cho đúng {what} (dạng dd/mm/yyyy) rồi chạy "
                                  "lại.",
    "rule_set.conflict_opened": "Tệp quy định {where}: {rule} có {count} văn bản cùng có hiệu lực ngày {day} "
                                "({texts}); chương trình áp dụng {applied}{why} Nếu một văn bản đã thay thế văn bản "
                                "kia, hãy ghi ngày hết hiệu lực (in_force_until) cho văn bản cũ, hoặc 'amends' nếu là "
                                "văn bản sửa đổi (xem workbook_templates/SCHEMA.md), rồi chạy lại.",
}

# Said when the campaign is opened (rule_set.conflict_opened, by every command), then listed with a run's problems
# (its summary's Kiểm tra, its JSON: rule_set.conflict, check.campaign.rule_set_warnings) and not printed again.
UNTIDY_OPENING_CODES = frozenset({"rule_set.conflict"})

# A legal text named in that warning: its short name and number, when it was issued or came into force.
TEXT_NUMBERED = "{short}, số {number}"
TEXT_ISSUED, TEXT_IN_FORCE = "{named}, ban hành {day}", "{named}, hiệu lực từ {day}"
# Why the text applied is the one applied (rule_set.conflict_opened's and rule_set.conflict's {why}; model.rule_set):
# the later of one body's texts on one matter (the law on legal texts), or, issued the same day, the first listed.
LATER_APPLIES = "Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15 điều 58 khoản 3"
CONFLICT_LATER = (", văn bản ban hành sau: các văn bản của cùng một cơ quan quy định khác nhau về cùng một vấn đề thì "
                  "áp dụng văn bản ban hành sau (" + LATER_APPLIES + ").")
CONFLICT_BY_ORDER = (", văn bản ghi trước trong tệp: các văn bản này ban hành cùng ngày (hoặc tệp không ghi ngày ban "
                     "hành) nên không biết văn bản nào ban hành sau.")

# The year's sheet: a period's score the head's pass gave is said in its Lý do in the Phiếu's words
# (write.head_said); the note above the table says where such a score comes from
HEAD_ENTERED_NOTE = ("Điểm kỳ do hiệu trưởng nhập ở lượt duyệt của kỳ (cột Điểm Hội đồng của bảng tổng hợp kỳ) được "
                     "ghi ở cột Lý do; với người chuyển đến, đó là kết quả các tháng tại trường cũ do trường cũ gửi "
                     "(NĐ 233/2026 điều 15 khoản 1 điểm a).")
