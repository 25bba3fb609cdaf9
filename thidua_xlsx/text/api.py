"""The words of the analysts' API (:mod:`thidua_xlsx.api`): why a file is not read into the frames, and what
to install. Its messages are merged into :mod:`thidua_xlsx.text.messages` by one line at its end."""

from __future__ import annotations

PANDAS_MISSING = ("thidua_xlsx.api cần thư viện pandas, chưa được cài. Hãy cài vào Python đang dùng: "
                  "python -m pip install pandas (hoặc, trong thư mục mã nguồn chương trình: "
                  "python -m pip install -c constraints.txt \".[analysis]\").")
TITLES_SEPARATOR = "; "  # the titles granted to one person, in one cell of the people's frame

API_MESSAGES = {
    "api.not_found": "Không tìm thấy '{file}' – không đọc. Hãy kiểm tra lại đường dẫn.",
    "api.folder_not_found": "Không có thư mục '{file}': không có gì để đọc. Hãy kiểm tra lại đường dẫn (thư mục chứa "
                            "các bảng tổng hợp cuối năm).",
    "api.level_above": "'{file}' là bảng tổng hợp của cấp trên (xã/phường, Sở) do thidua-xlsx ghi, không phải bảng của "
                       "một trường – bỏ qua. Hãy đọc các bảng tổng hợp của từng trường (thư mục inbox/ của cấp trên).",
    "api.unreadable": "Không đọc được '{file}' như một bảng tổng hợp của thidua-xlsx (tệp hỏng, có mật khẩu, không "
                      "phải tệp Excel, hoặc thông tin nhận diện bị sửa tay) – bỏ qua. Hãy dùng đúng tệp "
                      "tong-hop-cuoi.xlsx do chương trình ghi.",
    "api.not_ours": "'{file}' không phải bảng tổng hợp do thidua-xlsx ghi (không có thông tin nhận diện) – bỏ qua; "
                    "không cần sửa nếu tệp để đó có chủ ý. Chỉ đọc được các bảng tổng hợp cuối năm do chương trình "
                    "ghi (ví dụ tong-hop-cuoi.xlsx).",
    "api.registration": "'{file}' là bảng tổng hợp đăng ký (năm học {year}), chưa có kết quả cuối năm – bỏ qua. "
                        "Hãy dùng bảng tổng hợp chấm điểm cuối năm (tong-hop-cuoi.xlsx).",
    "api.period": "'{file}' là bảng tổng hợp của kỳ '{period}' (năm học {year}), không phải cả năm – bỏ qua. Hãy "
                  "dùng bảng tổng hợp cả năm (thidua-xlsx year).",
    "api.older": "'{file}' (năm học {year}) do phiên bản cũ của thidua-xlsx ghi (bố cục bảng tổng hợp số {found}): "
                 "tệp chưa mang trường, tổ, chức vụ, giới tính, điểm và từng quyết định của mỗi người, mà các bảng "
                 "phân tích cần (từ bố cục số {needed}) – bỏ qua, không trả bảng rỗng. Hãy tổng hợp lại năm đó bằng "
                 "phiên bản này (thidua-xlsx merge … --council hoi-dong.xlsx; các sổ các tổ gửi về vẫn còn).",
    "api.duplicate": "'{file}' là bảng tổng hợp thứ hai của {school}, năm học {year}: dùng '{used}' (bản sau Hội "
                     "đồng được ưu tiên, rồi bản ghi sau) – tệp này bỏ qua, để không đếm một người hai lần.",
    "api.other_file": "'{file}' không phải sổ Excel (.xlsx, .xlsm, .xls, .ods) – bỏ qua; không cần sửa.",
    "api.link": "'{file}' là liên kết (shortcut) – không đọc. Hãy chép chính tệp vào thư mục.",
}
