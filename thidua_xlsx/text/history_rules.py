"""The words of the multi-year decisions (:mod:`thidua_xlsx.decide.history`): the award names, the reasons, the
problems found matching the roster to the history, and the legal texts each rule cites.

A rule's legal basis is a reason code (``basis.*``): the Bằng khen cites the school's own province's text where
the tool has it (:data:`PROVINCE_BK_ARTICLES`, by the text's key in ``workbook_templates/tinh/``), else "theo quy
định của tỉnh/thành phố" — never another province's; the Kỷ niệm chương cites the circular in force on the
campaign's reference day.
"""

from __future__ import annotations

from thidua_xlsx.text.titles import TITLE_NAMES

# The award forms the multi-year rules decide (codes: model.history.BK_TINH, KNC_GD).
AWARD_NAMES = {code: TITLE_NAMES[code] for code in ("BK_TINH", "KNC_GD")}  # named with the titles

# The provincial texts that set the Bằng khen of the provincial chair, by the text's key in workbook_templates/tinh/:
# (the article for a person, the article for a collective). A province not here is cited "theo quy định của …".
PROVINCE_BK_ARTICLES = {
    "bn-qd-86-2025": ("điều 3 khoản 3 điểm a", "điều 3 khoản 3 điểm c"),
}

HISTORY_REASONS = {
    # a discipline for an act of an earlier year, the year rated without knowing that year's rating (decide.history)
    "flag.discipline_counted_before": "sổ lịch sử ghi năm {year} xếp KHTNV: kỷ luật cho hành vi năm đó không tính lại "
                                      "(NĐ 233/2026 điều 14 khoản 3 điểm b) – xếp loại năm nay theo điểm năm {score}; "
                                      "người đứng đầu nhập mức xếp loại ở cột 'Xếp loại viên chức' (sheet Nhân sự) rồi "
                                      "chạy lại",
    "flag.discipline_act_rated": "sổ lịch sử ghi năm {year} xếp {rating}, không phải KHTNV: kỷ luật tính vào năm nay "
                                 "như đã xếp (NĐ 233/2026 điều 14 khoản 3 điểm b không áp dụng)",
    # the legal texts the rules cite (a rule's parameters name one)
    "basis.law2022_22_1": "Luật Thi đua, khen thưởng 2022 điều 22 khoản 1",
    "basis.province_text": "{citation}",
    "basis.province": "theo quy định của tỉnh/thành phố {province}",
    "basis.province_unset": "theo quy định của tỉnh/thành phố",
    "basis.tt29_8": "TT 29/2023/TT-BGDĐT điều 8",
    "basis.tt07_2026": "TT 07/2026/TT-BGDĐT; số năm theo TT 29/2023/TT-BGDĐT điều 8, chưa đối chiếu với TT 07/2026",
    # what a run of consecutive years found
    "run.missing": "chưa đủ thông tin: năm {years} (lịch sử chưa có kết quả năm này của người này)",
    "run.year_twice": "chưa xét xong: năm {years} của người này có hai dòng ghi khác nhau trong sổ lịch sử (sheet Cá "
                      "nhân), chưa biết dòng nào đúng – xét khi hai dòng được gộp làm một (xem sheet Kiểm tra)",
    "run.people_unknown": "chưa đủ thông tin: năm {years} – kết quả các năm trước (sheet Cá nhân của sổ lịch sử) "
                          "không đọc được, xem sheet Kiểm tra",
    "run.ambiguous": "chưa đủ thông tin: lịch sử có nhiều người cùng họ tên và ngày sinh (mã {codes}), chưa biết ai "
                     "là người này – xem sheet Kiểm tra",
    "run.this_year_not_cstdcs": "năm nay không đạt CSTĐCS",
    "run.this_year_cstdcs_pending": "chưa xét xong: CSTĐCS năm nay còn chờ, các năm trước không làm đứt chuỗi – xét "
                                    "khi có kết quả CSTĐCS năm nay",
    "run.this_year_rating_pending": "chưa xét xong: xếp loại viên chức năm nay còn chờ (có thể là HTXSNV) – xét khi "
                                    "có xếp loại năm",
    # a discipline whose term runs into this school year (history: "Kỷ luật đến ngày")
    "title.discipline_running": "{cut}: thời hạn kỷ luật kéo vào năm học này nên thành tích năm nay chưa được tính – "
                                "không đề nghị; Hội đồng có thể quyết định khác, ghi lý do",
    "run.this_year_not_excellent": "năm nay không HTXSNV",
    "run.not_cstdcs": "năm {year} không đạt CSTĐCS{special}",
    "run.special": " (khen thưởng đột xuất, chuyên đề '{awards}' không tính để xét khen cao hơn – NĐ 152/2025 điều 4 "
                   "khoản 3)",
    "run.not_excellent": "năm {year} xếp loại {rating}, không HTXSNV",
    "run.rating_unknown": "chưa đủ thông tin: năm {year} chưa có xếp loại viên chức trong lịch sử",
    "run.disciplined": "thành tích từ năm {year} trở về trước không được tính: bị kỷ luật đến {end} (NĐ 152/2025 "
                       "điều 4 khoản 4)",
    "run.disciplined_no_end": "thành tích từ năm {year} trở về trước không được tính: bị kỷ luật {discipline} năm "
                              "{year}, lịch sử chưa ghi ngày hết thời hạn (NĐ 152/2025 điều 4 khoản 4)",
    # CSTĐ cấp tỉnh
    "cstd_tinh.granted": "đủ điều kiện đề nghị: {count} lần liên tục CSTĐCS ({years}) và sáng kiến '{initiative}' "
                         "được công nhận cấp {level}{when} ({basis})",
    "cstd_tinh.when": " năm {year}",
    "cstd_tinh.rule": "cần {needed} lần liên tục CSTĐCS tính cả năm nay và một sáng kiến được công nhận cấp tỉnh trở "
                      "lên ({basis})",
    "cstd_tinh.no_initiative": "chưa có sáng kiến được công nhận cấp tỉnh trở lên (trong lịch sử và năm nay)",
    "initiatives.unknown": "chưa đủ thông tin: sáng kiến các năm trước và việc đã dùng (sheet Sáng kiến của sổ lịch "
                           "sử) không đọc được, xem sheet Kiểm tra",
    "initiatives.year_unknown": "chưa đủ thông tin: chưa rõ năm công nhận của sáng kiến {initiatives} (sheet Sáng "
                                "kiến của sổ lịch sử: cột năm học và ngày quyết định đều trống) – hãy ghi năm rồi xét "
                                "lại",
    # Bằng khen of the provincial chair
    "bk.granted_cstdcs": "đủ điều kiện: {count} lần liên tục CSTĐCS ({years}) ({basis})",
    "bk.granted_excellent": "đủ điều kiện: liên tục {count} năm HTXSNV ({years}), trong thời gian đó có {found} "
                            "sáng kiến được công nhận: {initiatives} ({basis})",
    "bk.rule": "cần {cstdcs} lần liên tục CSTĐCS, hoặc liên tục từ {excellent} năm HTXSNV trở lên với {initiatives} "
               "sáng kiến trong thời gian đó, tính cả năm nay ({basis})",
    "bk.few_initiatives": "liên tục {count} năm HTXSNV ({years}) nhưng trong thời gian đó chỉ có {found} sáng kiến "
                          "dùng được (cần {needed})",
    "bk.initiative": "'{initiative}' ({year})",
    "bk_collective.granted": "đủ điều kiện: {count} năm liên tục TTLĐXS ({years}) ({basis})",
    "bk_collective.year_twice": "chưa xét xong: năm {years} của tổ có hai dòng ghi khác nhau trong sổ lịch sử (sheet "
                                "Tập thể), chưa biết dòng nào đúng – xét khi hai dòng được gộp làm một",
    "bk_collective.missing": "chưa đủ thông tin: năm {years} (lịch sử chưa có kết quả năm này của tổ)",
    "bk_collective.unknown": "chưa đủ thông tin: năm {years} – kết quả các năm trước của tổ (sheet Tập thể của sổ "
                             "lịch sử) không đọc được, xem sheet Kiểm tra",
    "bk_collective.not_ttldxs": "năm {year} tổ không đạt TTLĐXS",
    "bk_collective.rule": "cần {needed} năm liên tục TTLĐXS tính cả năm nay ({basis})",
    # a sáng kiến counts once (CV 5007/BNV-TĐKT 2023)
    "initiative.used_for_form": "sáng kiến '{initiative}' đã dùng cho {award} năm {year}: không dùng lại cho {target} "
                                "(CV 5007/BNV-TĐKT)",
    "initiative.used_for_title": "sáng kiến '{initiative}' đã dùng cho danh hiệu {award} năm {year}: không dùng cho "
                                 "hình thức khen thưởng {target} (CV 5007/BNV-TĐKT)",
    "flag.initiative_reused": "sáng kiến '{initiative}' đã dùng cho {award} năm {year}, năm nay dùng lại cho "
                              "{target} – Hội đồng xem xét (CV 5007/BNV-TĐKT)",
    "flag.initiative_form_for_title": "sáng kiến '{initiative}' đã dùng cho {award} năm {year}: không dùng được cho "
                                      "danh hiệu {target} (CV 5007/BNV-TĐKT) – Hội đồng xem lại",
    "cstdcs.initiative_spent": "sáng kiến '{initiative}' đã dùng cho {award} năm {year}: không dùng được cho danh hiệu "
                               "{target} (CV 5007/BNV-TĐKT; Luật TĐKT 2022 điều 5 khoản 2 điểm c), và năm nay không "
                               "có điều kiện khác thay cho sáng kiến – không đề nghị; Hội đồng có thể quyết định khác, "
                               "ghi lý do",
    # one achievement, one reward (Luật TĐKT 2022 điều 5 khoản 2 điểm c)
    "flag.one_achievement": "cùng {count} lần liên tục CSTĐCS ({years}) được đề nghị cả {first} và {second}: không "
                            "khen thưởng nhiều hình thức cho một thành tích (Luật TĐKT 2022 điều 5 khoản 2 điểm c) – "
                            "Hội đồng chọn một",
    # Kỷ niệm chương "Vì sự nghiệp giáo dục"
    "knc.granted": "đủ điều kiện: {service} công tác trong ngành (vào ngành {start}, tính đến {date}{minus}), cần "
                   "từ {needed} năm{difficult} ({basis})",
    "knc.minus": ", đã trừ {uncounted} bị kỷ luật không tính",
    "knc.difficult": " vì có {years} năm công tác ở vùng đặc biệt khó khăn (từ {needed} năm)",
    "knc.received": "đã được tặng năm {year}: Kỷ niệm chương chỉ tặng một lần ({basis})",
    "knc.start_unknown": "chưa đủ thông tin: ngày vào ngành (hãy nhập ở cột Ngày vào ngành, sheet Nhân sự của "
                         "campaign.xlsx, hoặc trong lịch sử) ({basis})",
    "knc.start_to_come": "chưa đủ thông tin: ngày vào ngành {start} ở sheet Nhân sự là sau ngày tính ({date}) – hãy "
                         "sửa ({basis})",
    "knc.not_known": "chưa đủ thông tin: {service} trong ngành (vào ngành {start}, tính đến {date}) nhưng {why}: chưa "
                     "biết đã được tặng chưa (Kỷ niệm chương chỉ tặng một lần){short} ({basis})",
    "knc.short": ", và có thể chưa đủ số năm",
    "knc.why_no_sheet": "lịch sử không có sheet Thâm niên đọc được (xem sheet Kiểm tra; các bảng tổng hợp cuối năm "
                        "không ghi năm nhận Kỷ niệm chương: hãy dùng sổ lịch sử)",
    "knc.why_no_row": "sheet Thâm niên của lịch sử chưa có dòng của người này (hãy thêm: ngày vào ngành, số năm ở "
                      "vùng đặc biệt khó khăn, năm nhận Kỷ niệm chương – để trống nếu chưa nhận)",
    "knc.why_unread": "ô {fields} của người này ở sheet Thâm niên không đọc được (xem sheet Kiểm tra)",
    # a length of service
    "duration.years": "{years} năm",
    "duration.years_months": "{years} năm {months} tháng",
}

HISTORY_MESSAGES = {
    "history.discipline_counted_before": "{name} ({person}) bị kỷ luật cho hành vi năm {year}, năm sổ lịch sử ghi đã "
                                         "xếp KHTNV: theo NĐ 233/2026 điều 14 khoản 3 điểm b kỷ luật này không tính "
                                         "lại, nhưng năm nay đã được xếp loại trước khi đọc sổ lịch sử. Hãy để người "
                                         "đứng đầu nhập mức xếp loại theo điểm năm ({score}) ở cột 'Xếp loại viên "
                                         "chức' (sheet Nhân sự) rồi chạy lại.",
    "history.matched_by_name": "{name}: mã {person} của sheet Nhân sự không có trong lịch sử; đã ghép với mã {old} "
                               "của lịch sử vì trùng họ tên và ngày sinh ({dob}). Nếu đó không phải cùng một người, "
                               "hãy sửa mã trong lịch sử rồi chạy lại.",
    "history.matched_also_by_name": "{name} ({person}): lịch sử còn có dòng dưới mã {old} cùng họ tên và ngày sinh "
                                    "({dob}); đã tính là cùng một người với mã {person}. Nếu không phải, hãy sửa mã "
                                    "trong lịch sử rồi chạy lại.",
    "history.ambiguous": "{name} ({person}): mã không có trong lịch sử, và lịch sử có {count} người cùng họ tên và "
                         "ngày sinh (mã {codes}). Chương trình không đoán: coi như chưa có lịch sử của người này. "
                         "Hãy sửa mã trong lịch sử cho đúng người rồi chạy lại.",
    "history.name_without_dob": "{name} ({person}): mã không có trong lịch sử; lịch sử có người cùng họ tên (mã "
                                "{codes}) nhưng thiếu ngày sinh ở sheet Nhân sự hoặc trong lịch sử, nên không ghép. "
                                "Hãy nhập ngày sinh (hoặc sửa mã trong lịch sử cho trùng mã mới) rồi chạy lại.",
    "initiative.reused": "Sáng kiến '{initiative}' của {name} ({person}) đã dùng cho {award} năm {year}, năm nay dùng "
                         "lại cho {target}. Văn bản chưa cấm rõ việc dùng lại cho danh hiệu năm sau (CV "
                         "5007/BNV-TĐKT): Hội đồng xem xét.",
    "initiative.form_for_title": "Sáng kiến '{initiative}' của {name} ({person}) đã dùng cho {award} năm {year}, nên "
                                 "không dùng được cho danh hiệu {target} năm nay (CV 5007/BNV-TĐKT: sáng kiến đã dùng "
                                 "cho hình thức khen thưởng thì không dùng cho danh hiệu): {target} không được đề "
                                 "nghị. Nếu Hội đồng vẫn đề nghị, hãy chọn ở cột Quyết định Hội đồng và ghi lý do.",
    "initiative.form_for_title_council": "Sáng kiến '{initiative}' của {name} ({person}) đã dùng cho {award} năm "
                                         "{year}, nên theo CV 5007/BNV-TĐKT không dùng được cho danh hiệu {target}; "
                                         "Hội đồng đã chọn {target} cho người này: giữ theo Hội đồng. Hãy xem lại "
                                         "trước khi gửi hồ sơ.",
    "history.quota_freed": "{names} không còn được đề nghị CSTĐCS (sáng kiến đã dùng cho hình thức khen thưởng khác, "
                           "hoặc thời hạn kỷ luật kéo vào năm học này – lý do ghi ở từng người); suất trong chỉ tiêu "
                           "được chia lại theo điểm: {given} được đề nghị CSTĐCS (đưa vào phiếu bầu). Không cần sửa: "
                           "Hội đồng bầu theo danh sách này.",
    "history.quota_freed_vote": "{names} không còn được đề nghị CSTĐCS (sáng kiến đã dùng cho hình thức khen thưởng "
                                "khác, hoặc thời hạn kỷ luật kéo vào năm học này – lý do ghi ở từng người); suất "
                                "trong chỉ tiêu được chia lại theo điểm: {given} vào suất đó nhưng "
                                "Hội đồng chưa bỏ phiếu cho người này – chờ Hội đồng bỏ phiếu (ghi ở sheet Kiểm "
                                "phiếu rồi chạy lại với --council).",
    "history.one_achievement": "{name} ({person}): cùng {count} lần liên tục CSTĐCS ({years}) được đề nghị cả {first} "
                               "và {second}. Không khen thưởng nhiều hình thức cho một thành tích (Luật TĐKT 2022 điều "
                               "5 khoản 2 điểm c): Hội đồng chọn một trước khi gửi hồ sơ.",
    "history.discipline_running": "{name} ({person}): {cut}. Thời hạn kỷ luật kéo vào năm học này: Lao động tiên "
                                  "tiến và CSTĐCS năm nay không được đề nghị. Nếu Hội đồng vẫn đề nghị, hãy chọn ở cột "
                                  "Quyết định Hội đồng và ghi lý do.",
    "history.discipline_running_council": "{name} ({person}): {cut}. Thời hạn kỷ luật kéo vào năm học này, nhưng Hội "
                                          "đồng đã chọn {title} cho người này: giữ theo Hội đồng. Hãy xem lại trước "
                                          "khi gửi hồ sơ.",
    "history.start_to_come": "{name} ({person}): ngày vào ngành {start} ở sheet Nhân sự là sau ngày tính Kỷ niệm "
                             "chương ({date}): coi như chưa biết. Hãy sửa ngày ở cột Ngày vào ngành rồi chạy lại.",
    "knc.start_missing": "{count} người chưa có ngày vào ngành (cột Ngày vào ngành, sheet Nhân sự; hoặc trong lịch "
                         "sử): chưa xét được Kỷ niệm chương \"Vì sự nghiệp giáo dục\" cho họ (ghi \"chưa đủ thông "
                         "tin\" ở từng người). Hãy nhập rồi chạy lại.",
    "knc.no_start_any": "Chưa ai có ngày vào ngành (cột Ngày vào ngành, sheet Nhân sự; hoặc trong lịch sử): chưa xét "
                        "Kỷ niệm chương \"Vì sự nghiệp giáo dục\" cho {count} người. Nếu trường đề nghị Kỷ niệm "
                        "chương, hãy nhập ngày vào ngành rồi chạy lại.",
}
