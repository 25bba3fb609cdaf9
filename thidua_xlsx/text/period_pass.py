"""The words of a period's head pass read back (``merge --period … --council``, and what
was typed where a council's pass does not read): PERIOD_PASS_MESSAGES, merged into text.messages."""

from __future__ import annotations

PERIOD_PASS_MESSAGES = {
    "council.no_period_columns": "Không tìm thấy các cột 'Mã', 'Điểm Hội đồng', 'Ghi chú Hội đồng' trong '{path}'. "
                                 "Hãy dùng bảng tổng hợp kỳ do merge --period ghi (sheet Điểm chi tiết).",
    "council.period_decision_not_read": "{name} ({person}): cột Quyết định Hội đồng ghi '{value}', nhưng kỳ đánh giá "
                                        "không xét danh hiệu – lượt duyệt của Hiệu trưởng chỉ đọc Điểm Hội đồng và "
                                        "Ghi chú Hội đồng, nên quyết định này không được dùng. Danh hiệu xét một lần "
                                        "cho cả năm: ghi ở cột Quyết định Hội đồng của sheet Xếp loại năm (bảng cả "
                                        "năm, thidua-xlsx year … --council).",
    "council.final_typed_over": "{name} ({person}): cột {column} ghi '{shown}', khác điểm chương trình đã ghi "
                                "({value}); lượt này không đọc cột đó – điểm vẫn là {value}. Muốn đổi điểm: ghi vào "
                                "cột Điểm Hội đồng (nền vàng), lý do ở Ghi chú Hội đồng, rồi chạy lại.",
    "council.rating_typed_over": "{name} ({person}): cột {column} ghi '{shown}', khác xếp loại chương trình đã ghi "
                                 "({value}); lượt này không đọc cột đó – xếp loại vẫn là {value}. Xếp loại do cấp có "
                                 "thẩm quyền quyết định thì nhập ở cột Xếp loại viên chức (sheet Nhân sự); Hội đồng "
                                 "chấm lại điểm năm thì ghi ở cột Điểm Hội đồng (nền vàng), rồi chạy lại.",
    # the two parts of the head's score (a transfer-in's former school result), read where the sheet has their columns
    "council.bad_part": "{name} ({person}): {part} '{value}' không phải số từ 0 đến {max}; hai phần điểm của kỳ không "
                        "được dùng – kỳ này chỉ có tổng điểm, phần điểm trên Phiếu xếp loại ghi 'chưa rõ'. Hãy sửa ô "
                        "này (hoặc để trống cả hai phần), rồi chạy lại.",
    "council.parts_not_total": "{name} ({person}): hai phần điểm ghi ở hai cột Hội đồng (tiêu chí chung {general}, kết "
                               "quả nhiệm vụ {tasks}) không cộng đúng bằng Điểm Hội đồng ({total}); hai phần này không "
                               "được dùng – kỳ này chỉ có tổng điểm, phần điểm trên Phiếu xếp loại ghi 'chưa rõ'. Hãy "
                               "ghi đủ cả hai phần cho cộng đúng bằng Điểm Hội đồng (hoặc để trống cả hai), rồi chạy "
                               "lại.",
}

# what someone typed where a council's pass does not read: printed by the run, not only counted (a warning she must
# see before she takes the summary for what she typed)
TYPED_NOT_READ = frozenset({"council.period_decision_not_read", "council.final_typed_over",
                            "council.rating_typed_over", "council.bad_part", "council.parts_not_total"})
PART_BLANK = "trống"  # a part of the head's score left blank, as council.parts_not_total says it
