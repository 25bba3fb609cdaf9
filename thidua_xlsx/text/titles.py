"""The Vietnamese names of the titles, by code (the codes are :mod:`thidua_xlsx.model.titles`'s): what
every writer shows for a code, and what every reader recognises as that code."""

from __future__ import annotations

TITLE_NAMES = {
    "LDTT": "Lao động tiên tiến",
    "CSTDCS": "Chiến sĩ thi đua cơ sở",
    "CSTD_TINH": "Chiến sĩ thi đua cấp tỉnh",
    "TTLDTT": "Tập thể lao động tiên tiến",
    "TTLDXS": "Tập thể lao động xuất sắc",
    "BK_TINH": "Bằng khen của Chủ tịch UBND tỉnh",  # the award forms the multi-year rules decide (model.history)
    "KNC_GD": "Kỷ niệm chương \"Vì sự nghiệp giáo dục\"",
    "KHONG_DANG_KY": "Không đăng ký",  # a person's or a department's choice of no title
    "KHONG_DE_NGHI": "Không đề nghị",  # the council's choice of no title
}
TITLE_SHORT = {"CSTDCS": "CSTĐCS", "LDTT": "LĐTT", "TTLDTT": "TTLĐTT", "TTLDXS": "TTLĐXS"}  # in the papers' notes
