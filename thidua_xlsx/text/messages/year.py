"""The messages and reasons of the evaluation year and its periods (``period.*``, ``year.*``, ``rating.*``):
the period rounds, the year read from its periods' summaries (thidua-xlsx year) and the year's law
(NĐ 233/2026). Assembled into :mod:`thidua_xlsx.text.messages`."""

from __future__ import annotations

YEAR_MESSAGES = {
    # period rounds
    "period.required": "Chiến dịch chấm điểm theo kỳ: hãy chọn kỳ bằng --period, một trong: {periods}.",
    "period.unknown": "Không có kỳ '{period}' trong chiến dịch. Các kỳ là: {periods}. Hãy dùng một trong các kỳ ấy.",
    "period.not_in_campaign": "Chiến dịch không chia kỳ đánh giá (sheet Kỳ đánh giá để Không), nên không dùng "
                              "--period. Hãy bỏ --period, hoặc khai báo các kỳ trong campaign.xlsx.",
    "period.scoring_only": "--period chỉ dùng cho vòng cham-diem: đăng ký thi đua là của cả năm học. Hãy bỏ --period "
                           "khi sinh sổ đăng ký.",
    # the year from its periods' summaries (thidua-xlsx year)
    "year.unreadable": "Không đọc được '{file}' như một bảng tổng hợp kỳ (tệp hỏng hoặc không phải tệp Excel). "
                       "Hãy tổng hợp lại kỳ đó bằng thidua-xlsx merge --period rồi đặt tệp mới vào thư mục.",
    "year.not_ours": "'{file}' không phải bảng tổng hợp do thidua-xlsx ghi (không có thông tin nhận diện) – không "
                     "dùng; không cần sửa nếu tệp để đó có chủ ý. Điểm năm chỉ lấy từ bảng tổng hợp các kỳ do chương "
                     "trình ghi.",
    "year.other_campaign": "'{file}' là bảng tổng hợp của chiến dịch khác (năm học {year}) – không dùng. Hãy kiểm "
                           "tra có để nhầm tệp của trường khác hoặc năm khác vào thư mục không.",
    "year.other_year": "'{file}' là bảng tổng hợp năm học {year}, chiến dịch đang xét năm học {expected} – không "
                       "dùng; không cần sửa nếu tệp để đó có chủ ý.",
    "year.not_period": "'{file}' là bảng tổng hợp của vòng '{round}' cả năm, không phải của một kỳ đánh giá – không "
                       "dùng. Trong thư mục chỉ để bảng tổng hợp từng kỳ (tong-hop_<mã kỳ>.xlsx).",
    "year.period_unknown": "'{file}' là bảng tổng hợp của kỳ '{period}', không có trong sheet Kỳ đánh giá của "
                           "campaign.xlsx – không dùng. Hãy kiểm tra bảng kỳ hoặc bỏ tệp này khỏi thư mục.",
    "year.no_people": "'{file}' được ghi bởi phiên bản cũ, chưa mang điểm từng người cho cả năm – không dùng. Hãy "
                      "tổng hợp lại kỳ {period} bằng thidua-xlsx merge --period {period} (thư mục nhận của kỳ vẫn "
                      "còn nguyên) rồi chạy lại.",
    "year.period_superseded": "Cùng kỳ ({period}) có bản tổng hợp khác được dùng ('{used}': bản có cột hiệu trưởng "
                              "chấm qua vòng Hội đồng được ưu tiên, rồi bản ghi sau). Tệp này không dùng; muốn dùng "
                              "tệp này thì hãy chuyển tệp kia ra khỏi thư mục.",
    "year.period_refused": "Bảng tổng hợp của {period} bị từ chối ({files}: lý do ở trên) – kỳ này chưa biết, không "
                           "phải chưa có: chưa xếp loại năm, chưa xét danh hiệu cho ai. Hãy ghi lại bảng tổng hợp "
                           "kỳ đó (thidua-xlsx merge … --period {period_code}) rồi chạy lại year.",
    "year.period_missing": "Chưa có bảng tổng hợp của {period}: điểm năm của mọi người chỉ tính trên các kỳ có "
                           "điểm (kỳ thiếu không tính là 0). Hãy tổng hợp kỳ này rồi chạy lại nếu kỳ đã chấm.",
    "year.person_not_in_roster": "Mã {person} có điểm ở {periods} nhưng không còn trong sheet Nhân sự – không xếp "
                                 "loại năm. Nếu người này còn công tác (hoặc đã chuyển đi và cần xếp loại), hãy "
                                 "thêm lại vào sheet Nhân sự với số tháng làm việc rồi chạy lại.",
    # the tool's own files in the year's folder (a period's JSON report, a record, a lock…): never a summary
    "year.own_file": "Tệp của chính chương trình ({kind}), không phải bảng tổng hợp kỳ – bỏ qua, không cần làm gì.",
    # the year's law — what it rests on, who rates the head, what is missing, what the tool only proposes
    "year.score_not_number": "Điểm kỳ {period} của {name} ({person}) là '{value}', không phải một số: không dùng, "
                             "xếp loại năm của người này để chờ (không tính trên các kỳ khác). Hãy tổng hợp lại kỳ "
                             "{period} (thidua-xlsx merge --period) rồi chạy lại.",
    "year.score_typed_over": "Điểm xét của {name} ({person}) trong bảng tổng hợp {period} đã bị sửa tay thành "
                             "'{shown}', chương trình đã ghi {value} – cả năm dùng {value}, không dùng số sửa tay. "
                             "Muốn đổi điểm một kỳ: ghi điểm mới vào cột Điểm Hội đồng, lưu thành một bản riêng (ví "
                             "dụ hieu-truong_{period_code}.xlsx) rồi chạy 'thidua-xlsx merge … --period {period_code} "
                             "--council hieu-truong_{period_code}.xlsx --force' (lượt duyệt của Hiệu trưởng), rồi chạy "
                             "lại year.",
    "year.council_score_unapplied": "Cột Điểm Hội đồng của {name} ({person}) trong bảng tổng hợp {period} ghi "
                                    "'{shown}' nhưng chưa được áp dụng – cả năm dùng {value}. Hãy lưu tệp thành một "
                                    "bản riêng (ví dụ hieu-truong_{period_code}.xlsx) rồi chạy 'thidua-xlsx merge … "
                                    "--period {period_code} --council hieu-truong_{period_code}.xlsx --force' để áp "
                                    "dụng, rồi chạy lại year với bảng tổng hợp mới.",
    "year.score_out_of_range": "Điểm kỳ {period} của {name} ({person}) là {value}, ngoài khoảng 0 – {max}: không "
                               "dùng, xếp loại năm của người này để chờ (không tính trên các kỳ khác). Hãy tổng hợp "
                               "lại kỳ {period} (thidua-xlsx merge --period) rồi chạy lại.",
    "year.meta_broken": "'{file}': điểm từng người mà chương trình ghi kèm bảng tổng hợp kỳ bị hỏng hoặc bị sửa – "
                        "không dùng. Hãy tổng hợp lại kỳ đó bằng thidua-xlsx merge --period rồi đặt tệp mới vào thư "
                        "mục.",
    "year.department_period_missing": "{department}: không ai có điểm {period} (tổ chưa nộp sổ kỳ này?) – chưa biết "
                                      "điểm kỳ đó của {count} người trong tổ nên chưa xếp loại năm, chưa xét danh hiệu "
                                      "cho họ: điểm năm từ điểm các kỳ (NĐ 233/2026 điều 12 khoản 5), kỳ thiếu không "
                                      "tính là 0, cũng không tính trên các kỳ còn lại. Hãy tổng hợp lại kỳ đó với sổ "
                                      "của tổ rồi chạy lại; nếu tổ không chấm kỳ này, hiệu trưởng nhập điểm kỳ đó khi "
                                      "duyệt kỳ, hoặc nhập xếp loại cấp có thẩm quyền đã quyết định ở sheet Nhân sự.",
    "year.person_periods_missing": "{name} ({person}) không có điểm {periods}: điểm năm tính trên {used}/{total} kỳ "
                                   "có điểm, kỳ thiếu không tính là 0 (NĐ 233/2026 điều 15 khoản 1 điểm a, c: theo "
                                   "thời gian làm việc thực tế). Nếu người này đã được chấm, hãy kiểm tra sổ của tổ "
                                   "kỳ đó.",
    "year.period_future": "{period} ({start} – {end}) chưa kết thúc (hôm nay {today}): năm đánh giá chưa đủ các kỳ, "
                          "xếp loại năm và các đề nghị dựa trên đó còn tạm thời. Hãy chạy lại khi kỳ đã kết thúc và "
                          "được tổng hợp.",
    "year.period_future_used": "Bảng tổng hợp của {period} được dùng dù kỳ chưa kết thúc ({end}, hôm nay {today}): "
                               "điểm kỳ này có thể chưa đủ, xếp loại năm còn tạm thời. Hãy tổng hợp lại kỳ này khi "
                               "kỳ kết thúc rồi chạy lại.",
    "year.before_decree": "Mọi kỳ đánh giá ({periods}) kết thúc trước {since}, ngày {decree} có hiệu lực: năm này chưa "
                          "xếp loại theo {decree} mà theo văn bản cũ (NĐ 90/2020, sửa đổi bởi NĐ 48/2023). Xếp loại "
                          "năm trong bảng chỉ để tham khảo (theo các mốc điểm của {decree}, không phải của văn bản "
                          "cũ); hãy nhập xếp loại cấp có thẩm quyền đã quyết định ở sheet Nhân sự, hoặc sửa bảng kỳ "
                          "nếu ngày các kỳ bị sai.",
    "year.before_decree_scale": "Mọi kỳ đánh giá ({periods}) kết thúc trước {since}, ngày {decree} có hiệu lực: năm "
                                "này chưa xếp loại theo {decree}. Xếp loại năm trong bảng chỉ để tham khảo: mốc điểm "
                                "theo {scale}, còn các điều khác (dưới 6 tháng, nghỉ dài ngày, tỷ lệ HTXSNV) vẫn "
                                "theo {decree}, không theo văn bản ấy; hãy nhập xếp loại cấp có thẩm quyền đã quyết "
                                "định ở sheet Nhân sự, hoặc sửa bảng kỳ nếu ngày các kỳ bị sai.",
    "year.periods_before_decree": "Các kỳ {periods} kết thúc trước {since}, ngày {decree} có hiệu lực: không phải kỳ "
                                  "đánh giá theo {decree}; điểm các kỳ này vẫn được tính vào điểm năm như điểm chấm "
                                  "theo quy chế của trường – Hội đồng xem lại. Nếu quy chế không tính các kỳ này, hãy "
                                  "xóa chúng khỏi sheet Kỳ đánh giá rồi chạy lại.",
    "year.transition": "Xếp loại cuối năm 2026 (kỳ cuối kết thúc {end}): nếu đến lúc xếp loại trường chưa ban hành Quy "
                       "chế đánh giá theo {decree} (chậm nhất 30/11/2026, điều 18 khoản 3 điểm a), trường xếp loại "
                       "theo NĐ 90/2020, sửa đổi bởi NĐ 48/2023 (điều 20 khoản 1) – khi đó xếp loại tính từ các kỳ chỉ "
                       "để tham khảo. Hãy kiểm tra Quy chế của trường đã ban hành chưa.",
    "year.filed_before_end": "Ngày gửi hồ sơ ({filed}) trước ngày kỳ đánh giá cuối kết thúc ({end}): hồ sơ gửi khi "
                             "năm đánh giá chưa hết, xếp loại năm và các đề nghị dựa trên đó còn tạm thời. Hãy sửa "
                             "Ngày gửi hồ sơ ở sheet Trường (hoặc ngày các kỳ ở sheet Kỳ đánh giá) rồi chạy lại.",
    "year.provisional": "{count} người và {units} tập thể (tổ có người ấy trong số Lao động tiên tiến) được đề nghị "
                        "danh hiệu dựa trên xếp loại năm do chương trình tính từ các kỳ, "
                        "chưa có quyết định xếp loại của cấp có thẩm quyền (NĐ 233/2026 điều 13 khoản 3): các đề nghị "
                        "này là tạm thời (lý do ghi \"tạm thời\"). Khi có quyết định xếp loại, hãy nhập ở cột Xếp loại "
                        "viên chức (sheet Nhân sự) rồi chạy lại.",
    "year.rating_typed": "{name} ({person}): cột Xếp loại viên chức ghi {entered}, xếp loại tính từ các kỳ là "
                         "{computed}; chương trình dùng {entered} như quyết định của cấp có thẩm quyền (NĐ 233/2026 "
                         "điều 13 khoản 3), hai giá trị ghi cạnh nhau ở sheet Xếp loại năm. Nếu ô này còn sót từ tệp "
                         "mẫu hay từ năm trước, hãy xóa ở sheet Nhân sự rồi chạy lại.",
    "year.head_rated_above": "{name} ({person}) là người đứng đầu đơn vị: do người đứng đầu cơ quan quản lý ({body}) "
                             "theo dõi, đánh giá và xếp loại (NĐ 233/2026 điều 13 khoản 2 điểm a, khoản 3 điểm a); "
                             "xếp loại trong bảng là đề xuất của trường, không tính vào tỷ lệ HTXSNV của trường. Khi "
                             "có quyết định, hãy nhập ở cột Xếp loại viên chức (sheet Nhân sự).",
    "year.cap_unit_default": "Đơn vị được xếp loại HTXSNV: theo NĐ 233/2026 điều 12 khoản 6 điểm b, đơn vị có thể "
                             "quyết định tỷ lệ HTXSNV cao hơn 20%, tối đa 25% – ô '{field}' còn trống nên chương "
                             "trình dùng 20% (mặc định). Nếu đơn vị đã quyết định, hãy ghi tỷ lệ vào ô đó rồi chạy "
                             "lại.",
    # what the year waits for, person by person
    "year.person_unfinished": "{name} ({person}): phiếu chấm {periods} chưa chấm xong (còn tiêu chí bắt buộc để trống) "
                              "– xếp loại năm của người này để chờ, không tính như kỳ nghỉ. Hãy để tổ chấm nốt, tổng "
                              "hợp lại kỳ đó (thidua-xlsx merge … --period …) rồi chạy lại year.",
    "year.discipline_scope_missing": "{name} ({person}) bị kỷ luật {discipline} nhưng cột '{field}' để trống: chưa "
                                     "biết có xếp KHTNV theo NĐ 233/2026 (điều 12 khoản 4 điểm c: vi phạm liên quan "
                                     "đến thực hiện nhiệm vụ; điều 14 khoản 3 điểm a: tư tưởng chính trị, đạo đức, lối "
                                     "sống) hay không – xếp loại năm để chờ. Hãy chọn {choices} rồi chạy lại.",
    "year.small_groups": "Nhóm {groups} có từ {size} người trở xuống (không kể người đứng đầu): tính tỷ lệ HTXSNV "
                         "riêng (mặc định, theo NĐ 233/2026 điều 12 khoản 6 điểm a), nên có thể không có suất HTXSNV "
                         "nào. "
                         "Nếu quy chế của trường tính chung nhóm nhỏ với nhóm lớn nhất, hãy chọn '{together}' ở ô "
                         "'{field}' rồi chạy lại.",
}

NO_PERIOD = "cả năm (không chia kỳ)"  # a workbook's period when it was issued for the year's single round
#: A year whose periods all end before NĐ 233/2026: banded at the decree's marks for reference, never called the
#: school's own scale (the tool does not know it) nor the decree's rating (its periods are not the decree's).
BEFORE_DECREE_SCALE = ("chỉ để tham khảo: mốc điểm của NĐ 233/2026, nhưng các kỳ kết thúc trước {since}, chưa theo NĐ "
                       "này")

YEAR_REASONS = {
    # the evaluation year
    "year.score_average": "điểm năm {score}: trung bình cộng điểm của {used} kỳ đánh giá (NĐ 233/2026 điều 12 khoản 5, "
                          "điều 15 khoản 1 điểm a)",
    "year.score_semesters": "điểm năm {score} theo công thức (điểm HKI + 2 × điểm HKII) / 3 của quy chế đánh giá của "
                            "đơn vị, {used} kỳ có điểm (NĐ 233/2026 điều 12 khoản 5)",
    "year.score_weighted": "điểm năm {score}: trung bình có trọng số của {used} kỳ đánh giá theo quy chế đánh giá của "
                           "đơn vị (NĐ 233/2026 điều 12 khoản 5)",
    "year.missing": "không có điểm {periods}: không tính là 0 điểm, điểm năm chỉ tính trên {used}/{total} kỳ có điểm "
                    "(NĐ 233/2026 điều 15 khoản 1 điểm a, c: theo thời gian làm việc thực tế)",
    # a year still running (the school's day of the run): a period not over is not missing
    "year.running": "{periods} chưa hết kỳ: chưa có điểm, không phải kỳ thiếu điểm; điểm năm tạm tính trên các kỳ đã "
                    "hết (NĐ 233/2026 điều 12 khoản 5: điểm năm từ kết quả các kỳ)",
    "year.not_begun": "{periods} chưa đến kỳ: không phải kỳ thiếu điểm, chưa tính vào điểm năm (NĐ 233/2026 điều 12 "
                      "khoản 5: điểm năm từ kết quả các kỳ)",
    "year.no_scores": "chưa có điểm kỳ đánh giá nào trong năm: chưa xếp loại được (điểm năm tính từ điểm các kỳ, "
                      "NĐ 233/2026 điều 12 khoản 5)",
    "year.facts_unknown": "chưa nhập {fields} ở sheet Nhân sự: chưa kiểm tra được trường hợp không xếp loại hay bị kỷ "
                          "luật (NĐ 233/2026 điều 12 khoản 4, điều 14) – hãy nhập rồi chạy lại",
    "year.months_short": "chỉ làm việc {months} tháng trong năm (chưa đủ {needed} tháng): không xếp loại chất lượng "
                         "(NĐ 233/2026 điều 14 khoản 1)",
    "year.months_short_unpaid": "nghỉ việc riêng không hưởng lương, chỉ làm việc {months} tháng trong năm (chưa đủ "
                                "{needed} tháng): không xếp loại chất lượng (NĐ 233/2026 điều 14 khoản 1, 2)",
    "year.leave_rated": "{leave} theo chế độ bảo hiểm xã hội, làm việc {months} tháng (dưới {needed} tháng): vẫn xếp "
                        "loại, theo kết quả của thời gian làm việc thực tế (NĐ 233/2026 điều 14 khoản 2)",
    # discipline by what it was for, exactly the clause that applies (none for another violation)
    "year.disciplined_duties": "bị kỷ luật {discipline} trong năm đánh giá vì vi phạm liên quan đến thực hiện nhiệm "
                               "vụ: KHTNV, không xét theo điểm (NĐ 233/2026 điều 12 khoản 4 điểm c)",
    "year.disciplined_ethics": "bị kỷ luật {discipline} trong năm đánh giá do suy thoái về tư tưởng chính trị, đạo "
                               "đức, lối sống: KHTNV, không xét theo điểm (NĐ 233/2026 điều 14 khoản 3 điểm a)",
    "year.disciplined_province": "bị kỷ luật {discipline} trong năm đánh giá: KHTNV ({citation})",
    "year.disciplined_other": "bị kỷ luật {discipline} vì vi phạm khác (không liên quan đến thực hiện nhiệm vụ, không "
                              "do suy thoái tư tưởng chính trị, đạo đức, lối sống): không thuộc trường hợp KHTNV của "
                              "NĐ 233/2026 điều 12 khoản 4 điểm c hay điều 14 khoản 3 điểm a – xếp loại theo điểm",
    "year.discipline_former_unit": "bị kỷ luật {discipline} tại đơn vị này cho vi phạm xảy ra ở đơn vị cũ (sheet Nhân "
                                   "sự): tính vào kết quả đánh giá, xếp loại của đơn vị cũ (NĐ 233/2026 điều 14 khoản "
                                   "3 điểm c), không tính ở đây – xếp loại theo điểm",
    "year.discipline_counted_before": "bị kỷ luật {discipline} cho hành vi năm học {year}, năm đã xếp loại KHTNV (theo "
                                      "sổ lịch sử): quyết định kỷ luật ban hành sau năm đánh giá không tính làm căn cứ "
                                      "xếp loại năm nay (NĐ 233/2026 điều 14 khoản 3 điểm b) – xếp loại theo điểm",
    "year.discipline_act_rated": "bị kỷ luật {discipline} cho hành vi năm học {year}; sổ lịch sử ghi năm đó xếp loại "
                                 "{rating}, không phải KHTNV, nên hành vi chưa được tính: kỷ luật tính vào năm nay "
                                 "(NĐ 233/2026 điều 14 khoản 3 điểm b chỉ miễn khi năm đó đã xếp KHTNV)",
    "year.discipline_act_unknown": "bị kỷ luật {discipline} cho hành vi năm học {year}, chưa biết năm đó xếp loại gì: "
                                   "kỷ luật tính vào năm nay – nếu năm {year} đã xếp KHTNV vì hành vi này thì không "
                                   "tính lại (NĐ 233/2026 điều 14 khoản 3 điểm b): hãy tổng hợp kèm sổ lịch sử "
                                   "(--history), hoặc người đứng đầu nhập mức xếp loại ở cột 'Xếp loại viên chức'",
    "year.discipline_scope_unknown": "bị kỷ luật {discipline} nhưng sheet Nhân sự chưa ghi kỷ luật về việc gì: chưa "
                                     "xếp loại – KHTNV nếu vi phạm liên quan đến thực hiện nhiệm vụ (NĐ 233/2026 điều "
                                     "12 khoản 4 điểm c) hoặc do suy thoái tư tưởng chính trị, đạo đức, lối sống "
                                     "(điều 14 khoản 3 điểm a), vi phạm khác thì xếp theo điểm – hãy chọn ở cột "
                                     "'Kỷ luật về' rồi chạy lại",
    # a period away, a newcomer's periods before his start, an unfinished form
    "year.away": "{leave} trọn {periods} (sheet Nhân sự): không phải kỳ thiếu điểm, không tính vào điểm năm – xếp loại "
                 "theo kết quả của thời gian làm việc thực tế (NĐ 233/2026 điều 14 khoản 2)",
    "year.away_study": "được cử đi học, bồi dưỡng trọn {periods} (sheet Nhân sự): vắng mặt có lý do chính đáng, không "
                       "phải kỳ thiếu điểm, không tính vào điểm năm – xếp loại theo kết quả theo dõi, đánh giá của "
                       "khoảng thời gian thực tế công tác trong năm (NĐ 233/2026 điều 15 khoản 1 điểm c; điểm năm từ "
                       "điểm các kỳ đã đánh giá, điều 12 khoản 5)",
    "year.study_months_short": "được cử đi học, bồi dưỡng {periods} kỳ, làm việc tại đơn vị {months} tháng (dưới "
                               "{needed}): NĐ 233/2026 điều 14 khoản 1 không xếp loại người làm việc chưa đủ {needed} "
                               "tháng, trừ các trường hợp nghỉ của khoản 2 – khóa học đơn vị cử không nằm trong đó, "
                               "và nghị định không nói thời gian đi học có tính là thời gian làm việc hay không: chưa "
                               "xếp loại, để người đứng đầu quyết định (điều 13 khoản 3 điểm b) – nếu tính, xếp loại "
                               "theo các kỳ đã làm việc (điều 15 khoản 1 điểm c): nhập mức xếp loại ở cột 'Xếp loại "
                               "viên chức' (sheet Nhân sự); nếu không tính: không xếp loại",
    "year.away_scored": "có điểm {periods} dù sheet Nhân sự ghi nghỉ trọn kỳ: điểm đó không tính – nếu người này đã "
                        "làm việc trong kỳ, hãy xóa kỳ ở cột 'Kỳ nghỉ trọn kỳ' rồi chạy lại",
    "year.all_away": "nghỉ trọn mọi kỳ đánh giá của năm: không có thời gian làm việc thực tế để xếp loại (NĐ 233/2026 "
                     "điều 14 khoản 2)",
    "year.before_start": "{periods} kết thúc trước ngày vào ngành (sheet Nhân sự): không phải kỳ của người này, không "
                         "tính là thiếu điểm",
    "year.after_leaving": "{periods} từ ngày chuyển đi (sheet Nhân sự): không phải kỳ của người này ở trường, không "
                          "tính là thiếu điểm",
    "year.moved_away": "chuyển công tác đến {school} từ {day} (sheet Nhân sự): đơn vị mới nơi công tác tại thời điểm "
                       "xếp loại xếp loại năm, trường gửi kết quả theo dõi, đánh giá các kỳ tại trường (Phiếu kết quả "
                       "gửi đơn vị mới) – trường không xếp loại, không xét danh hiệu năm (NĐ 233/2026 điều 15 khoản 1 "
                       "điểm a)",
    "year.unfinished": "phiếu chấm {periods} chưa chấm xong (còn tiêu chí bắt buộc để trống): chưa biết điểm kỳ đó nên "
                       "chưa xếp loại năm – không phải kỳ nghỉ, không tính trên các kỳ còn lại (NĐ 233/2026 điều 12 "
                       "khoản 5); chờ tổ chấm xong rồi tổng hợp lại kỳ đó",
    "year.band_top": "điểm năm {score}, từ {low} điểm trở lên: {rating} (NĐ 233/2026 điều 12 khoản {clause})",
    "year.band": "điểm năm {score}, từ {low} đến dưới {high} điểm: {rating} (NĐ 233/2026 điều 12 khoản {clause})",
    "year.band_below": "điểm năm {score}, dưới {high} điểm: {rating} (NĐ 233/2026 điều 12 khoản 4 điểm a)",
    "year.head_unit_unknown": "người đứng đầu đơn vị nhưng chưa có xếp loại của đơn vị: chưa kiểm tra được quy định "
                              "xếp loại không cao hơn đơn vị (NĐ 233/2026 điều 12 khoản 7) – hãy nhập xếp loại của "
                              "đơn vị",
    "year.head_capped": "người đứng đầu đơn vị xếp loại không cao hơn đơn vị ({unit_rating}): hạ từ {before} xuống "
                        "{unit_rating} (NĐ 233/2026 điều 12 khoản 7)",
    "year.cap_slots": "nhóm {group} có {eligible} người đạt từ HTTNV trở lên, tối đa {slots} người HTXSNV để số HTXSNV "
                      "không vượt quá {percent}% số HTTNV, làm tròn xuống (NĐ 233/2026 điều 12 khoản 6 điểm {clause})",
    "year.cap_slots_at_least": "nhóm {group} có {eligible} người đạt từ HTTNV trở lên, tối đa {slots} người HTXSNV "
                               "({percent}% của {eligible}, làm tròn xuống; NĐ 233/2026 điều 12 khoản 6 điểm {clause})",
    "year.cap_within": "trong tỷ lệ HTXSNV: đứng thứ {rank} theo điểm năm; {cap}",
    "year.cap_outside": "xếp HTTNV vì ngoài tỷ lệ HTXSNV: đứng thứ {rank} theo điểm năm; {cap}",
    "year.cap_tie": "tạm xếp HTTNV: {tied} người bằng điểm năm ({score}) cho {left} suất HTXSNV cuối, chương trình "
                    "không chọn; {cap} – cấp có thẩm quyền chọn và nhập xếp loại ở sheet Nhân sự",
    "year.entered_differs": "cấp có thẩm quyền xếp loại {entered} (sheet Nhân sự), khác kết quả tính từ các kỳ "
                            "({computed}): dùng {entered} – Hội đồng xem lại (NĐ 233/2026 điều 13 khoản 3)",
    "year.entered_unrated": "cấp có thẩm quyền xếp loại {entered} (sheet Nhân sự), trong khi theo các kỳ thì không xếp "
                            "loại: dùng {entered} – Hội đồng xem lại (NĐ 233/2026 điều 13 khoản 3, điều 14)",
    "year.entered_over_cap": "với các xếp loại đã nhập, nhóm có {excellent} người HTXSNV, vượt tỷ lệ: {cap} – Hội đồng "
                             "xem lại",
    # a rating typed in sheet Nhân sự beside the one computed
    # the year waits for a period's form to be completed: so do its titles
    "flag.year_unfinished": "phiếu chấm {periods} chưa chấm xong: xếp loại năm và danh hiệu chờ tổ chấm xong",
    # the year's rating waits for something else, and the titles resting on it with it: what it waits for
    "flag.year_pending": "xếp loại năm và danh hiệu chờ: {waits}",
    "flag.year_not_rated": "không xếp loại viên chức năm nay: làm việc {months} tháng, chưa đủ {needed} tháng (NĐ "
                           "233/2026 điều 14 khoản 1)",
    "wait.unfinished": "phiếu chấm {periods} chưa chấm xong",
    "wait.unsent": "tổ chưa nộp sổ {periods}",
    "wait.unreadable": "điểm {periods} không đọc được",
    "wait.discipline_scope": "sheet Nhân sự chưa ghi kỷ luật về việc gì",
    "wait.study_months": "người đứng đầu quyết định có tính thời gian đi học, bồi dưỡng là thời gian làm việc hay "
                         "không",
    "year.unsent": "tổ chưa nộp sổ {periods} (không ai trong tổ có điểm kỳ đó): chưa biết điểm kỳ đó nên chưa xếp loại "
                   "năm – kỳ thiếu không tính là 0, cũng không tính trên các kỳ còn lại (NĐ 233/2026 điều 12 khoản 5: "
                   "điểm năm từ điểm các kỳ); chờ sổ của tổ, hoặc hiệu trưởng nhập điểm kỳ đó khi duyệt kỳ, hoặc cấp "
                   "có thẩm quyền nhập xếp loại đã quyết định ở sheet Nhân sự",
    "flag.year_rating_entered": "xếp loại năm theo sheet Nhân sự là {entered}, tính từ các kỳ là {computed}",
    # the year's law — what it rests on, who rates the head, what is missing, what the tool only proposes
    "rating.provisional": "tạm thời: xếp loại {rating} do chương trình tính từ các kỳ, chưa có quyết định của cấp có "
                          "thẩm quyền (NĐ 233/2026 điều 13 khoản 3)",
    "year.unreadable": "điểm {periods} trong bảng tổng hợp kỳ không đọc được (xem sheet Kiểm tra): chưa xếp loại năm, "
                       "không tính trên các kỳ còn lại – hãy tổng hợp lại kỳ đó rồi chạy lại",
    "year.head_proposed": "người đứng đầu đơn vị: do người đứng đầu cơ quan quản lý{body} theo dõi, đánh giá và xếp "
                          "loại (NĐ 233/2026 điều 13 khoản 2 điểm a, khoản 3 điểm a){proposal}; không tính vào tỷ lệ "
                          "HTXSNV của trường",
    "year.body": " ({name})",
    "year.head_proposal": "; trường tính {rating} để đề xuất",
    "year.cap_pending": "{count} người trong nhóm chưa xếp loại được (điểm kỳ không đọc được, phiếu chưa chấm xong "
                        "hoặc chưa rõ kỷ luật về việc gì): số suất HTXSNV có thể đổi khi bổ sung xong",
}

# The year's two outcomes that are not a rating (model.evaluation NOT_RATED, PENDING), as a person reads them wherever
# one is shown (a sheet, a paper, a message's parameter): the codes never are.
YEAR_STATE_WORDS = {"KHONG_XEP_LOAI": "Không xếp loại", "CHUA_XEP_LOAI": "Chưa xếp loại"}

YEAR_LABELS = {"NGHI_OM": "nghỉ ốm", "NGHI_THAI_SAN": "nghỉ thai sản",
               "NGHI_VIEC_RIENG": "nghỉ việc riêng không hưởng lương", "NGHI": "nghỉ",
               "DI_HOC": "được cử đi học, bồi dưỡng"}
YEAR_LABELS |= {  # the kinds of the tool's own files (read.containment.own_file, read.period_summaries)
    "own.report": "báo cáo JSON của một lần tổng hợp, ghi bằng --json",
    "own.record": "sổ ghi riêng của chương trình",
    "own.lock": "tệp khóa của một lần chạy",
    "own.temporary": "tệp tạm của một lần ghi",
    "own.launcher": "tệp bấm đúp để mở trang thi đua",
    "own.print": "bản PDF của bảng cùng tên",
}
