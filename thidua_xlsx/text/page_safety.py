"""The words of the page's safety: the way back in for a request without its token, the pages of an unknown address
and of an unexpected error, the small file the browser is opened on: PAGE_SAFETY_MESSAGES, merged into text.messages."""

from __future__ import annotations

PAGE_SAFETY_MESSAGES = {
    # the page refused for want of its token (or at another address): how to open it again — no link (it would
    # come back here without the token)
    "ui.way_in_launcher": "Bấm đúp tệp {launcher} trong thư mục chiến dịch: cửa sổ đen của chương trình mở ra và "
                          "trang tự mở lại trên trình duyệt.",
    "ui.way_in_address": "Hoặc, nếu cửa sổ đen của chương trình vẫn mở: chép địa chỉ ở dòng đầu tiên của cửa sổ đó "
                         "(bắt đầu bằng http://127.0.0.1, có ?token=…) rồi dán vào ô địa chỉ của trình duyệt. Mỗi "
                         "lần chương trình khởi động có một mã mới: địa chỉ của lần trước không dùng được nữa.",
    "ui.page_not_found": "Không có trang nào ở địa chỉ '{path}' (có thể địa chỉ gõ sai, hoặc đã cũ). Hãy bấm Quay lại "
                         "để về trang chính, rồi bấm các liên kết trong trang.",
    "ui.address_not_a_page": "Địa chỉ '{path}' là của một nút bấm trong trang, không phải một trang để mở – chưa làm "
                             "gì. Hãy bấm Quay lại để về trang chính, rồi bấm nút đó trong trang.",
    "ui.page_failed": "Trang gặp lỗi chưa lường trước khi làm việc này – có thể việc chưa xong. Hãy bấm Quay lại để về "
                      "trang chính và xem lại; nếu vẫn lỗi, hãy chụp cửa sổ đen của chương trình gửi cho người hỗ "
                      "trợ.",
    # the small file the browser is opened on (never the address with its token on the browser's command line)
    "ui.opening_page": "Đang mở trang thi đua… Nếu trang không tự mở, hãy bấm vào địa chỉ dưới đây.",
}
