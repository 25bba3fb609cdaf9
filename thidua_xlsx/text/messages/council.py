"""The council's messages and reasons: its summary brought back (``--council``), what it typed there, the
votes (``council.*``, ``vote.*``). Assembled into :mod:`thidua_xlsx.text.messages`."""

from __future__ import annotations

COUNCIL_MESSAGES = {
    # the council's summary brought back (--council)
    "council.not_scoring": "Bảng tổng hợp '{path}' là của vòng '{round}'; --council cần bảng tổng hợp vòng chấm "
                           "điểm mà Hội đồng đã họp xét.",
    "council.no_council_columns": "Không tìm thấy các cột 'Mã', 'Điểm Hội đồng', 'Quyết định Hội đồng', 'Ghi chú Hội "
                                  "đồng' trong '{path}'. Hãy dùng bảng tổng hợp do merge ghi (sheet Điểm chi tiết).",
    "council.not_ours": "'{path}' không phải bảng tổng hợp do thidua-xlsx tạo (không có thông tin nhận diện). Hãy "
                        "dùng bảng tổng hợp vòng chấm điểm do 'thidua-xlsx merge' ghi, mà Hội đồng đã điền khi họp.",
    "council.other_campaign": "Bảng tổng hợp '{path}' thuộc chiến dịch khác (năm học {year}). Hãy dùng bảng tổng hợp "
                              "vòng chấm điểm của chiến dịch này.",
    "council.other_year": "Bảng tổng hợp '{path}' là của năm học {year}, chiến dịch này là năm học {expected}. Hãy "
                          "dùng bảng tổng hợp vòng chấm điểm năm nay.",
    "council.unreadable": "Không đọc được bảng tổng hợp '{path}' (tệp bị hỏng, có mật khẩu hoặc không phải sổ bảng "
                          "tính). Hãy dùng bảng tổng hợp do 'thidua-xlsx merge' ghi, Hội đồng điền rồi lưu lại dạng "
                          ".xlsx hoặc .ods.",
    # the council pass
    "council.note_cleaned": "{name} ({person}): ghi chú có {count} ký tự điều khiển (thường do dán từ nơi khác) – đã "
                             "bỏ, phần chữ giữ nguyên như đã gõ. Hãy xem lại ghi chú ở ô này nếu cần.",
    "council.bad_score": "Điểm Hội đồng '{value}' không phải là số; ô này không được dùng. Hãy sửa rồi chạy lại.",
    "council.bad_decision": ("Quyết định '{value}' không có trong danh sách ({choices}); không được dùng. Hãy chọn "
                             "lại ở ô này một quyết định trong danh sách rồi tổng hợp lại."),
    "council.bad_count": "'{value}' không phải số nguyên không âm; không được dùng. Hãy ghi số phiếu, số người.",
    "council.unknown_code": ("Dòng {row} có mã '{person}' không có trong danh sách; quyết định ở dòng đó không được "
                             "dùng. Hãy ghi lại mã của người ấy như bảng tổng hợp đã ghi (cột Mã) rồi tổng hợp lại."),
    "council.score_out_of_range": ("Điểm Hội đồng của {name} là {value}, ngoài khoảng 0 – {max}; không được dùng. "
                                   "Hãy sửa lại ô này rồi tổng hợp lại."),
    "council.needs_note": "Hội đồng chọn '{title}' cho {name} nhưng theo quy định thì không được ({why}). Quyết định "
                          "này chỉ được ghi nhận khi có lý do ở cột 'Ghi chú Hội đồng'; hiện chưa được dùng.",
    "council.against_rule": "Hội đồng chọn '{title}' cho {name} dù theo quy định thì không được ({why}); lý do Hội "
                            "đồng ghi: {note}. Đã ghi nhận và đánh dấu để cấp trên xem xét.",
    "council.tie_open": "{name} bằng điểm ở suất cuối của chỉ tiêu CSTĐCS; Hội đồng chưa chọn. Hãy chọn ở cột "
                        "'Quyết định Hội đồng' (sheet Điểm chi tiết) rồi chạy lại.",
    "council.inbox_changed": "Các sổ trong thư mục nhận về đã khác so với lúc Hội đồng họp ({files}); kết quả được "
                             "tính lại từ các sổ hiện có. Hãy kiểm tra lại với Hội đồng.",
    "council.inbox_changed_period": ("Các sổ trong thư mục nhận về của kỳ đã khác so với lúc Hiệu trưởng chấm bảng "
                                     "tổng hợp kỳ ({files}); điểm được tính lại từ các sổ hiện có, điểm Hiệu trưởng "
                                     "đã ghi vẫn được áp dụng. Hãy nhờ Hiệu trưởng xem lại điểm của kỳ."),
    "vote.no_quorum_meeting": "Cuộc họp có {present}/{members} thành viên, cần ít nhất {needed}: kết quả bỏ phiếu "
                              "chưa có giá trị.",
    "vote.missing": "Chưa có kết quả bỏ phiếu cho {name} ({title}); hãy ghi số phiếu ở sheet Kiểm phiếu.",
    # the council's word
    "council.row_missing": "Dòng của {name} ({person}) không còn trong sheet Điểm chi tiết của bảng Hội đồng (dòng bị "
                           "xóa?): không biết Hội đồng quyết định gì cho người này, nên giữ đề nghị của chương trình. "
                           "Hãy chép lại dòng đó từ bảng tổng hợp Hội đồng đã họp rồi chạy lại.",
    "council.duplicate_row": "Người có mã '{person}' có nhiều dòng (dòng {rows}): không biết dòng nào là quyết định "
                             "của Hội đồng, nên không dùng dòng nào. Hãy xóa dòng thừa rồi chạy lại.",
    "council.votes_above": "{counted} là {votes}, lớn hơn {what} ({limit}): không thể có, nên không được dùng. Hãy sửa "
                           "lại (phiếu của thành viên vắng mặt gửi đến thì tính cả vào 'Số phiếu thu về').",
    "council.tie_too_many": "Hội đồng chọn {chosen} người ({names}) cho {slots} suất còn lại của {title} khi bằng "
                            "điểm: "
                            "vượt chỉ tiêu, nên chưa ai trong số đó được chọn. Hãy chỉ chọn {slots} người rồi chạy "
                            "lại.",
}

# Reasons of the council's decisions and votes.
COUNCIL_REASONS = {
    "council.refused": "Hội đồng không đề nghị (lý do: {note})",
    "council.granted": "Hội đồng quyết định đề nghị (lý do: {note})",
    "council.tie_chosen": "Hội đồng chọn khi bằng điểm ở suất cuối",
    "council.tie_not_chosen": "bằng điểm ở suất cuối, Hội đồng không chọn",
    "council.not_registered": "không đăng ký danh hiệu này",
    "vote.not_counted": "chưa có kết quả bỏ phiếu",
    "vote.no_quorum": "cuộc họp chưa đủ số thành viên ({present}/{members} có mặt, cần {needed}): kết quả bỏ "
                      "phiếu chưa có giá trị",
    "vote.passed": "đạt {votes}/{members} phiếu ({share}%, cần ≥ {percent}% tổng số thành viên: {needed} phiếu)",
    "vote.failed": "chỉ đạt {votes}/{members} phiếu ({share}%, cần ≥ {percent}% tổng số thành viên: {needed} phiếu)",
}
