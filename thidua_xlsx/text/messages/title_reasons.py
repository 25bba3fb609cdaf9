"""The reasons of the title decisions (LĐTT, CSTĐCS, the quota, the collective titles: ``ldtt.*``,
``cstdcs.*``, ``quota.*``, ``collective.*`` and their joins) and the labels of the facts and score
columns they list. Assembled into :mod:`thidua_xlsx.text.messages`."""

from __future__ import annotations

# Reasons of decisions (codes in rules/consolidation, words here).
TITLE_REASONS = {
    "ldtt.not_registered": "không đăng ký thi đua đầu năm nên không được xét",
    "ldtt.registration_unsent": "tổ chưa gửi sổ đăng ký thi đua đầu năm: chờ sổ đăng ký của tổ (tổng hợp lại vòng "
                                "đăng ký rồi chạy lại)",
    "ldtt.moved_away": "chuyển công tác đến {school} trong năm: đơn vị mới nơi công tác tại thời điểm xếp loại xếp "
                       "loại năm và xét danh hiệu, trường gửi kết quả các kỳ tại trường (NĐ 233/2026 điều 15 khoản 1 "
                       "điểm a)",
    "facts.missing": "chưa đủ thông tin: {fields} (hãy nhập ở sheet Nhân sự của campaign.xlsx)",
    "facts.missing_form": "chưa đủ thông tin: {fields} (ô ở đầu phiếu của người này trong sổ của tổ còn trống hoặc "
                          "ghi sai – hãy nhờ tổ điền rồi gửi lại sổ)",
    "ldtt.rating": "xếp loại viên chức {rating} (cần {needed})",
    "ldtt.not_rated": "không xếp loại viên chức năm nay (làm việc dưới 6 tháng: NĐ 233/2026 điều 14 khoản 1)",
    "ldtt.months_short": "chỉ làm việc {worked} tháng (cần từ {needed})",
    "ldtt.days_off": "nghỉ {days} ngày (tối đa {max})",
    "ldtt.disciplined": "bị kỷ luật {discipline} trong năm",
    "ldtt.under_review": "đang bị xem xét kỷ luật",
    "ldtt.under_review_cited": "đang bị xem xét kỷ luật ({citation}: chưa khen thưởng khi đang xem xét kỷ luật)",
    "ldtt.classification": "xếp loại thi đua {got} (cần từ {needed})",
    "ldtt.maternity": " (kể cả {months} tháng nghỉ thai sản)",
    "ldtt.course": " (kể cả {months} tháng được cử đi học, bồi dưỡng)",
    # a course the unit sent counts as working time for LĐTT: NĐ 91/2017 điều 10 khoản 3 as quoted (the same clause
    # in NĐ 98/2023 and NĐ 152/2025 not checked against their text)
    "ldtt.course_needed": "làm việc {worked} tháng, kể cả {course} tháng được cử đi học, bồi dưỡng: thời gian học tập "
                          "được tính là thời gian công tác để xét Lao động tiên tiến nếu chấp hành tốt quy định của cơ "
                          "sở đào tạo, bồi dưỡng (NĐ 91/2017 điều 10 khoản 3; điều tương ứng của NĐ 152/2025 chưa đối "
                          "chiếu) – chưa đủ {needed} tháng nếu không tính: Hội đồng xác nhận kết quả khóa học rồi xét",
    "ldtt.classified": ", xếp loại thi đua {classification} ({total} điểm)",
    "ldtt.granted": "đủ điều kiện: xếp loại viên chức {rating}, làm việc {worked} tháng{maternity}, "
                    "không bị kỷ luật{classified}",
    "ldtt.department_missing": "tổ chưa nộp sổ chấm điểm",
    "cstdcs.no_ldtt": "chưa đạt Lao động tiên tiến",
    "cstdcs.excellent": "HTXSNV",
    "cstdcs.initiative": "sáng kiến '{initiative}' được công nhận cấp {level} (QĐ {decision})",
    "cstdcs.granted": "đạt LĐTT, {first}{second}",
    "cstdcs.not_excellent": "không HTXSNV",
    "cstdcs.no_initiative": "không có sáng kiến được công nhận",
    "cstdcs.initiative_unrecognised": "sáng kiến '{initiative}' chưa có quyết định công nhận",
    "cstdcs.initiative_level_unknown": "chờ xét: sáng kiến '{initiative}' (QĐ {decision}) chưa rõ cấp công nhận – ô "
                                       "Cấp công nhận để trống hoặc không đọc được; hãy điền đúng một cấp "
                                       "({levels}) rồi tổng hợp lại",
    "cstdcs.refused": "{first}{second}",
    "join.and": " và {part}",
    "join.or": " hoặc {part}",
    "higher.needs_history": "cần hồ sơ nhiều năm (kết quả các năm trước, sáng kiến cấp trên) – Hội đồng xét",
    "quota.tie": "bằng điểm ({score}) với {tied} người cho {left} suất cuối của chỉ tiêu {percent}% ({slots} suất) "
                 "– Hội đồng bỏ phiếu chọn{detail}",
    "quota.outside": "ngoài chỉ tiêu {percent}% số LĐTT ({slots} suất), xếp sau theo điểm",
    "quota.freed": "vào suất trong chỉ tiêu do {names} để lại (không còn được đề nghị CSTĐCS: sáng kiến đã dùng cho "
                   "hình thức khen thưởng khác, hoặc thời hạn kỷ luật kéo vào năm học này)",
    "quota.freed_vote": "chưa được Hội đồng bỏ phiếu – chờ Hội đồng bỏ phiếu",
    "collective.not_registered": "tổ không đăng ký danh hiệu tập thể nên không được xét",
    "collective.registration_unsent": "tổ chưa gửi sổ đăng ký thi đua đầu năm: chờ sổ đăng ký của tổ (tổng hợp lại "
                                      "vòng đăng ký rồi chạy lại)",
    "collective.department_missing": "tổ chưa nộp sổ chấm điểm",
    "collective.share": "{ldtt}/{members} LĐTT ({percent}%)",
    "collective.unrated": "chưa đủ thông tin: {count} người chưa có xếp loại viên chức",
    "collective.not_rated": "{count} người không xếp loại viên chức năm nay (làm việc dưới 6 tháng: NĐ 233/2026 điều "
                            "14 khoản 1) – Hội đồng xét điều kiện 100% hoàn thành nhiệm vụ",
    "collective.discipline_unknown": "chưa đủ thông tin: {count} người chưa có thông tin kỷ luật",
    "collective.not_done": "{count} người chưa hoàn thành nhiệm vụ",
    "collective.share_below": "{share}, cần từ {needed}%",
    "collective.share_not_above": "{share}, cần trên {needed}%",
    "collective.no_cstdcs": "không có CSTĐCS",
    "collective.warned": "{count} người bị kỷ luật từ cảnh cáo",
    "collective.ttldxs_granted": "đủ điều kiện: {share}, {cstdcs} CSTĐCS, 100% hoàn thành nhiệm vụ (Hội đồng xác "
                                 "nhận tổ hoàn thành xuất sắc nhiệm vụ)",
    # Tập thể lao động xuất sắc sets no condition of discipline (Luật TĐKT 2022 điều 27 khoản 1): said, never refused
    "collective.disciplined_said": "{count} người bị kỷ luật trong năm: tiêu chuẩn Tập thể lao động xuất sắc không "
                                   "loại tổ vì kỷ luật, Hội đồng xét tổ có nội bộ đoàn kết, gương mẫu chấp hành tốt "
                                   "pháp luật hay không",
    "collective.ttldtt_granted": "đủ điều kiện: {share}, không ai bị kỷ luật từ cảnh cáo (Hội đồng xác nhận tổ "
                                "hoàn thành tốt nhiệm vụ)",
    # what comes in
    "ldtt.no_scores": "chưa xét: chưa có điểm thi đua (phiếu chưa có điểm tự chấm hay tổ chấm) nên chưa xếp loại "
                      "được (cần từ {needed}) – chờ tổ chấm",
    # a long sick leave under the social insurance law (NĐ 233/2026 điều 14 khoản 2)
    "ldtt.sick_leave": "nghỉ ốm theo chế độ bảo hiểm xã hội, làm việc {worked} tháng (dưới {needed} tháng): điều "
                       "kiện {needed} tháng là của người mới tuyển dụng, không từ chối chỉ vì số tháng – Hội đồng xét "
                       "nghỉ ốm dài ngày có được Lao động tiên tiến hay không",
    "ldtt.score_pending": "chưa xét: phiếu chấm điểm còn ô bắt buộc trống hoặc không đọc được nên chưa biết tổng điểm "
                          "và xếp loại (cần từ {needed}) – chờ tổ điền đủ",
    # a title resting on a decision not made yet waits for it
    "ldtt.rating_pending": "chưa xét: chưa có xếp loại viên chức năm vì {why} – điểm năm tính từ điểm các kỳ (NĐ "
                           "233/2026 điều 12 khoản 5), chờ có xếp loại năm rồi xét",
    "cstdcs.ldtt_pending": "chưa xét: Chiến sĩ thi đua cơ sở chỉ xét cho người đạt Lao động tiên tiến (Luật TĐKT 2022 "
                           "điều 23) mà Lao động tiên tiến còn chờ ({ldtt})",
    "collective.ldtt_pending": "{share} – còn {count} người chờ xét Lao động tiên tiến nên chưa biết tỷ lệ cuối cùng: "
                               "chờ kết quả của họ",
    "collective.cstdcs_pending": "chưa có CSTĐCS, còn {count} người chờ xét CSTĐCS",
    "collective.rating_pending": "{count} người chưa có xếp loại viên chức năm (đang chờ) nên chưa biết cả tổ có hoàn "
                                 "thành nhiệm vụ không",
}
RATINGS_OR = " hoặc "  # between the ratings ldtt.rating's {needed} accepts


# Labels of codes listed inside reasons (facts, score columns).
REASON_LABELS = {
    "rating": "xếp loại viên chức", "months": "số tháng làm việc", "discipline": "kỷ luật",
    "under_review": "đang xem xét kỷ luật", "self": "tự chấm", "department": "tổ chấm",
    "maternity_months": "số tháng nghỉ thai sản", "days_off": "số ngày nghỉ",
}
