"""The messages of scores and their checks: the values typed in a returned book (``value.*``), its people
and departments (``person.*``, ``department.*``, ``rubric.*``), the signals for the council (``signal.*``);
the reasons that word a person's status, score source and flags; and how a typed value is quoted.
Assembled into :mod:`thidua_xlsx.text.messages`."""

from __future__ import annotations

SCORE_MESSAGES = {
    # people in a returned book
    "person.title_typed": "{name} không đăng ký thi đua đầu năm nhưng phiếu ghi '{found}'; không được xét danh hiệu "
                          "(không đăng ký thì không xét).",
    "person.newcomer_unregistered": "Người mới '{name}' có phiếu chấm điểm nhưng chưa đăng ký thi đua đầu năm: điểm "
                                    "được tổng hợp, không được xét danh hiệu. Hãy thêm vào sheet Nhân sự nếu đúng.",
    "person.newcomer_unregistered_in_roster": "Người mới '{name}' (phiếu dự phòng) đã có ở sheet Nhân sự (mã "
                                              "{person}): điểm được tính cho người này; chưa đăng ký thi đua đầu năm "
                                              "nên không được xét danh hiệu. Không cần làm gì thêm.",
    "person.newcomer_in_roster": "Người mới '{name}' (dòng dự phòng) đã có ở sheet Nhân sự (mã {person}): đăng ký "
                                 "được tính cho người này. Không cần làm gì thêm.",
    "person.newcomer_twice": "'{name}' ghi ở dòng/phiếu dự phòng trùng tên với người đã có trong sổ (mã {person}); "
                             "dòng/phiếu dự phòng này không được dùng. Nếu là hai người khác nhau, hãy ghi tên phân "
                             "biệt ở sheet Nhân sự; nếu không, hãy nhờ tổ xóa phần ghi trùng.",
    "person.newcomer_twice_new": "'{name}' ghi ở dòng/phiếu dự phòng trùng tên với người mới đã có trong sổ (mã "
                                 "{person}); dòng/phiếu dự phòng này không được dùng. Nếu là hai người khác nhau, hãy "
                                 "nhờ tổ ghi tên phân biệt (ví dụ thêm năm sinh trong ngoặc) rồi gửi lại sổ; nếu "
                                 "không, hãy nhờ tổ xóa phần ghi trùng.",
    "person.newcomer_twice_scored": "'{name}' ghi ở phiếu dự phòng này, đã có điểm, trùng tên với người đã có phiếu "
                                    "riêng chưa chấm (sheet '{own}', mã {person}): điểm ở phiếu dự phòng chưa được "
                                    "dùng và người này chưa có điểm. Hãy nhờ tổ chép điểm sang sheet '{own}' rồi gửi "
                                    "lại sổ.",
    # cell values
    "value.not_number": "'{value}' không phải là số. Hãy nhập số từ 0 đến {max}; ô này chưa được tính điểm.",
    "value.out_of_range": "Điểm {value} nằm ngoài khoảng 0 – {max}. Hãy sửa lại; ô này chưa được tính điểm.",
    "value.decimal_comma": "Điểm '{value}' được ghi dạng chữ; đã hiểu là {number}. Phiếu của tổ không tính được ô có "
                           "chữ: nên gõ lại thành số để tổng điểm trên phiếu khớp với bảng tổng hợp.",
    "value.required_blank": "Ô điểm bắt buộc '{item}' ({column}) còn trống: tổng điểm {column} chưa tính được "
                            "(không tính ô trống là 0). Hãy nhờ tổ điền đủ rồi gửi lại.",
    "facts.blank_cell": "Thông tin xét danh hiệu ở đầu phiếu còn trống: {fields}. Danh hiệu của người này chờ đến "
                        "khi có (ô trống không được coi là \"không\" hay là đạt). Hãy nhờ tổ điền rồi gửi lại sổ.",
    "facts.decision_is_date": "Ô 'Số quyết định công nhận' chứa ngày {day}, không phải số quyết định: danh sách đề "
                              "nghị ghi \"QĐ ngày {day}\". Hãy nhờ tổ ghi số quyết định (ví dụ 45/QĐ-THTC) rồi gửi "
                              "lại sổ.",
    "facts.not_number": "'{value}' không phải là số. Hãy nhập số từ 0 đến {max}; ô này chưa được dùng để xét danh "
                        "hiệu.",
    "facts.out_of_range": "Số {value} nằm ngoài khoảng 0 – {max}. Hãy sửa lại; ô này chưa được dùng để xét danh "
                          "hiệu.",
    "facts.decimal_comma": "'{value}' được ghi dạng chữ; đã hiểu là {number}. Không cần sửa.",
    "value.bad_choice": "'{value}' không có trong danh sách ({field}). Hãy chọn một trong: {choices}.",
    "value.fuzzy_choice": "'{value}' được hiểu là '{choice}' ({field}). Nếu hiểu sai, hãy sửa ô này.",
    "value.title_abbreviation": "'{value}' là chữ viết tắt của '{choice}' ({field}); đã hiểu là '{choice}'. Không "
                                "cần sửa.",
    "value.total_mismatch": "Tổng điểm trong sổ ({shown}) khác tổng tính lại từ các ô điểm ({computed}). "
                            "Dùng tổng tính lại; hãy kiểm tra sổ có bị sửa công thức không.",
    "value.text_normalised": "Họ tên '{value}' được gõ bằng dấu tổ hợp (Unicode tổ hợp) hoặc có khoảng trắng lạ; đã "
                             "chuẩn hóa thành '{clean}' (Unicode dựng sẵn). Không cần sửa.",
    "value.legacy_tcvn3": "'{value}' được gõ bằng bảng mã TCVN3 (ABC, phông .VnTime); đã chuyển sang Unicode: "
                          "'{clean}'. Không cần sửa; lần sau hãy gõ bằng Unicode (Unikey: bảng mã Unicode).",
    "value.legacy_vni": "'{value}' được gõ bằng bảng mã VNI (phông VNI-Times); đã chuyển sang Unicode: '{clean}'. "
                        "Không cần sửa; lần sau hãy gõ bằng Unicode (Unikey: bảng mã Unicode).",
    # people and departments
    "person.newcomer": "Người mới '{name}' không có trong danh sách nhân sự; vẫn được tổng hợp. Hãy thêm vào "
                       "sheet Nhân sự của campaign.xlsx nếu đúng.",
    "person.no_scores": "{name} chưa có điểm nào (cả tự chấm và tổ chấm).",
    # a period wholly on leave (NĐ 233/2026 điều 14 khoản 2)
    "person.away_scored": "{name} được ghi nghỉ trọn kỳ {period} ở sheet Nhân sự nhưng phiếu có điểm: bảng kỳ này "
                          "vẫn ghi điểm, còn cả năm không tính kỳ nghỉ. Nếu người này đã làm việc trong kỳ, hãy xóa kỳ "
                          "ở cột 'Kỳ nghỉ trọn kỳ (mã kỳ)'; nếu không, hãy nhờ tổ xóa điểm rồi gửi lại sổ.",
    "person.score_gap": "{name}: tự chấm {self_score}, tổ chấm {dept_score}, lệch {gap} điểm (quá {tolerance}). "
                        "Hội đồng cần xem xét.",
    "department.missing": "{department} chưa nộp sổ. Hãy nhắc tổ trưởng gửi.",
    "department.dept_column_blank": "{department}: cột 'Tổ chấm' để trống ở cả {count} phiếu; đang dùng điểm tự "
                                    "chấm. Hãy nhờ tổ chấm rồi gửi lại sổ.",
    "person.dept_column_blank": "{name}: cột 'Tổ chấm' để trống cả phiếu, trong khi tổ đã chấm {others} người khác; "
                                "điểm xét đang lấy điểm tự chấm. Nếu tổ quên chấm người này, hãy nhờ tổ chấm rồi "
                                "gửi lại sổ.",
    "rubric.changed": "Bộ tiêu chí '{role}' đã thay đổi sau khi phát sổ cho {department}: sổ phát theo phiên bản "
                      "{issued}, chiến dịch hiện là phiên bản {current} ({changes}). Điểm được tính theo phiên bản "
                      "hiện tại; nếu thay đổi là thật, hãy phát lại sổ cho tổ (generate) để mọi người chấm theo cùng "
                      "một bộ tiêu chí.",
    # signals for whoever reviews the scores (the council; in a period, the head — said by the list's header): flagged,
    # never judged
    "signal.all_max": "Tín hiệu: {department} – cả {count} người đều đạt điểm tối đa. Xem lại nếu cần.",
    "signal.dept_equals_self": "Tín hiệu: {department} – điểm tổ chấm trùng điểm tự chấm ở cả {count} người. "
                               "Xem lại nếu cần.",
    "signal.average_far": "Tín hiệu: {department} – điểm trung bình {average}% điểm tối đa, toàn trường "
                          "{school}% (lệch hơn {gap} điểm phần trăm). Xem lại nếu cần.",
    # what comes in
    "value.date_in_score": "'{value}' là ngày/giờ, không phải một số (Excel tự đổi số vừa gõ thành ngày, hoặc ô bị "
                           "định dạng ngày). Hãy định dạng ô là số rồi gõ lại số từ 0 đến {max}; ô này chưa được "
                           "tính.",
    "value.error_value": "Ô có giá trị lỗi {value} (công thức tính ra lỗi) nên không biết giá trị thật; ô này không "
                         "được dùng (không coi là trống, không tính là 0). Hãy nhờ tổ gõ giá trị thay cho công thức "
                         "rồi gửi lại.",
    "value.formula_typed": "Ô có công thức (tệp lưu kết quả '{value}'): chương trình không dùng kết quả công thức gõ "
                           "vào ô nhập, vì Excel tính lại khi mở tệp và có thể ra khác kết quả đã lưu; ô này chưa "
                           "được tính. Hãy nhờ tổ gõ giá trị thay cho công thức rồi gửi lại.",
    "value.formula_no_result": "Ô có công thức nhưng tệp không lưu kết quả (tệp do một chương trình không tính công "
                               "thức ghi ra) nên không biết giá trị; ô này không được dùng (không coi là trống, không "
                               "tính là 0). Hãy mở tệp bằng Excel hoặc LibreOffice, gõ giá trị thay cho công thức, "
                               "lưu rồi gửi lại.",
    "value.percent_format": "Ô điểm bị định dạng phần trăm: ô hiện {shown}%, giá trị thật là {value} – không rõ tổ "
                            "muốn ghi {shown} hay {value} điểm nên ô này chưa được tính điểm. Hãy định dạng ô là số "
                            "(Format Cells → Number) rồi gõ lại điểm.",
    "person.moved": "{name} (mã {person}) có trong sổ của {found}, nhưng theo sheet Nhân sự của campaign.xlsx nay "
                    "thuộc {current}: điểm trong sổ của {found} được tính cho {current}. Nếu việc chuyển tổ là nhầm, "
                    "hãy sửa cột Tổ ở sheet Nhân sự.",
    "person.removed": "{name} (mã {person}) có trong sổ của {department} nhưng không còn trong sheet Nhân sự của "
                      "campaign.xlsx: phần của người này không được tính. Nếu người đó vẫn thuộc trường, hãy thêm "
                      "lại vào sheet Nhân sự.",
    "value.invisible_removed": "'{value}' có ký tự ẩn (ký tự điều khiển, ký tự đổi chiều chữ hoặc không độ rộng) – "
                               "đã bỏ, còn '{clean}'. Không cần sửa.",
}

# Reasons of statuses, score sources and flags (codes in consolidation, words here).
SCORE_REASONS = {
    # person statuses
    "status.department_missing": "tổ chưa nộp",
    "status.sheet_missing": "thiếu phiếu",
    # what changed in a rubric since its books were issued
    "rubric_change.added": "thêm {item} '{after}'",
    "rubric_change.removed": "bỏ {item} '{before}'",
    "rubric_change.max": "{item}: điểm tối đa {before} → {after}",
    "rubric_change.text": "{item}: nội dung '{before}' → '{after}'",
    "rubric_change.group": "nhóm {item}: {before} → {after}",
    "rubric_change.total": "tổng điểm {before} → {after}",
    # score sources
    "source.self": "Tự chấm",
    "source.department": "Tổ chấm",
    "source.council": "Hội đồng",
    # flags for the secretary and the council
    "flag.newcomer": "người mới, chưa có trong danh sách",
    "flag.newcomer_matched": "đăng ký là người mới, nay đã có trong danh sách (mã {roster_code})",
    "flag.moved": "đã chuyển sang tổ này; điểm lấy từ sổ của {department}",
    "flag.total_mismatch": "tổng {column} trong sổ khác tổng tính lại",
    "flag.no_scores": "chưa có điểm",
    "flag.score_gap": "tự chấm và tổ chấm lệch {gap} điểm",
    "flag.marked": "sổ có ô không xác định được hoặc ô khóa bị sửa – xem sheet Kiểm tra",
    "flag.not_registered": "không đăng ký thi đua đầu năm",
    "flag.registration_unsent": "tổ chưa gửi sổ đăng ký thi đua đầu năm",
    # what comes in
    "flag.score_unknown": "có ô điểm không đọc được ({cells}) – xem sheet Kiểm tra",
    "flag.total_pending": "tổng điểm {column} chưa tính được: {cells} còn trống hoặc không đọc được (không tính là 0)",
    # a period wholly on leave
    "flag.away": "{leave} trọn kỳ này (sheet Nhân sự): không chấm điểm kỳ này, không phải thiếu điểm",
}
# A rubric's group as rubric_change.group says it before and after: "cộng tối đa 30, tối thiểu 15".
GROUP_CEILING, GROUP_FLOOR = "{kind} tối đa {max}", ", tối thiểu {min}"

# what comes in
QUOTE_LIMIT = 80  # characters of a typed value quoted in a message: a cell may hold 32,767


def shortened(value, limit: int = QUOTE_LIMIT) -> str:
    """A value typed in a cell as a message quotes it: cut to ``limit`` characters and "…" (with the
    length), so that a pasted page of text never pushes the explanation out of its "Kiểm tra" cell."""
    text = value if isinstance(value, str) else str(value)
    if len(text) <= limit:
        return text
    count = f"{len(text):,}".replace(",", ".")  # 32.767: the Vietnamese thousands separator
    return f"{text[:limit]}… ({count} ký tự)"
