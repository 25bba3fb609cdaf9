"""The layout of ``cap-tren.xlsx``, the level above's campaign book (the commune's or the Sở's): the authority's
fields, the schools it receives from, the căn cứ lines of its decision. Shared by the writer (commune.write_book)
and the reader (commune.read_book), as model.campaign_book is for a school's book."""

from __future__ import annotations

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model.campaign_book import DATE, Column, Field

AUTHORITY_SHEET = "Đơn vị"
SCHOOLS_SHEET = "Các trường"
LEGAL_SHEET = "Căn cứ"

AUTHORITY_FIELDS = (
    Field("id", "Mã chiến dịch (không sửa)", required=True),
    Field("authority", "Cơ quan quyết định", required=True, note="Ví dụ: Ủy ban nhân dân xã Trực Cường"),
    Field("managing_body", "Cơ quan cấp trên (dòng đầu văn "
                           "bản)", note="Ví dụ: UBND TỈNH NAM ĐỊNH; để trống nếu không "
                                                                       "có"),
    Field("place", "Địa danh (dòng ngày tháng)", required=True),
    Field("school_year", "Năm học", required=True, note="Dạng 2025-2026"),
    Field("chair", "Chủ tịch (người ký quyết định)"),
    Field("office", "Cơ quan tham mưu", note="Ví dụ: Phòng Văn hóa – Xã hội"),
    Field("officer", "Công chức phụ trách"),
    Field("deadline", "Hạn các trường gửi hồ sơ", DATE),
    Field("province", "Tỉnh/thành (quy định thi đua áp dụng)"),
    Field("recipient_email", "Email nơi nhận hồ sơ (cấp trên)", added_later=True),
)

SCHOOL_COLUMNS = (
    Column("code", "Mã trường", 12, required=True),
    Column("name", "Tên trường (như trong campaign.xlsx của trường)", 48, required=True),
    Column("level", "Cấp học", 12, choices=cm.LEVELS),
    Column("email", "Email", 30, added_later=True),
)

LEGAL_COLUMNS = (Column("line", "Căn cứ", 120, required=True),)
