"""The words about releases: which one wrote a file, how to update, and what changed for the secretary and the
officer (the page and the CLI say it once after an update; CHANGELOG.md says it in full)."""

from __future__ import annotations

# The release: one number, raised with every release (semantic versioning, docs/compatibility.md), shown by --version,
# on the page's footer, by the installer, in every summary's metadata and in the documents' properties; CHANGELOG.md
# says what each changed. pyproject.toml reads it from here; thidua_xlsx.__version__ is it.
VERSION = "0.10.0"

RELEASE_UNSAID = "một phiên bản thidua-xlsx mới hơn"  # a file from a newer release that did not name itself
# How to update, as the README and the page say it: the downloaded folder's installer, never pip.
UPDATE_REMEDY = ("Hãy cập nhật chương trình: tải bản mới (thư mục thidua-xlsx), giải nén, rồi bấm đúp tệp cài đặt "
                 "trong đó (Windows: Cai-dat-thi-dua.bat; macOS: Cai-dat-thi-dua.command; Linux: cai-dat-thi-dua.sh) "
                 "– sổ sách trong thư mục giữ nguyên – rồi chạy lại.")
VERSION_FOOTER = "Phiên bản {version}"  # the page's footer: the release she runs, as the changelog names it
# Said once in a campaign folder after an update (its runs record names the release that last ran there: system.runs):
# from which release to which, then each line of the releases between that concerns that folder, what she must do
# first.
UPDATED = "Chương trình đã được cập nhật: thidua-xlsx {before} → {after}. Những gì thay đổi với thư mục này:"
# the page's heading: it names no command
UPDATED_PAGE = "Chương trình đã được cập nhật: {before} → {after}. Những gì thay đổi với thư mục này:"
UPDATED_BEFORE_0_8 = "bản trước 0.8.0"  # a folder whose record names no release: it was last run before 0.8.0
UPDATED_LINE = "– {version}: {line}"
# the installer's window after an update: it knows no folder, so each line says whom it concerns
UPDATED_INSTALLER = "Những gì thay đổi từ {before} đến {after} (dòng 'Cần làm' trước):"
UPDATED_LINE_FOR = "– {version} ({whom}): {line}"
# Said once in a folder when the installed xlsxwriter is not one the tests passed on (steps.updated.writer_news)
WRITER_UNCHECKED = ("Thư viện ghi bảng tính đang cài (xlsxwriter {version}) không phải bản chương trình đã được "
                    "kiểm: sổ sách vẫn ghi đúng nhưng chậm hơn nhiều. Hãy cài lại chương trình bằng bộ cài "
                    "(Cai-dat-thi-dua.bat trong thư mục tải về): bộ cài cài đúng các bản đã kiểm.")
TODO = "Cần làm: "  # a line on which she must act: said before the others
SCHOOL, COMMUNE, BOTH = "truong", "xa", ""  # whom a line concerns: the school's secretary, the commune's officer, both
WHOM = {SCHOOL: "trường", COMMUNE: "xã", BOTH: "trường và xã"}  # said in the installer's window
# What each release changed that the secretary or the officer notices, newest first, one line each, with whom it
# concerns; CHANGELOG.md says the same in full (tests/text/test_changelog.py holds each release and each "cần làm"
# there).
CHANGES: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("0.10.0", (
        (SCHOOL, "Phiếu xếp loại ghi điểm hiệu trưởng sửa ở lượt duyệt của kỳ kèm lý do (cột Ghi chú Hội đồng), điểm "
                 "nhập cho người chuyển đến là kết quả ở trường cũ; kỳ chỉ có tổng điểm làm điểm từng phần của năm "
                 "'chưa rõ'. Lượt duyệt ghi bằng bản trước không lưu lý do: chạy lại lượt duyệt của kỳ nếu muốn."),
        (SCHOOL, "Mã xác thực cũ (10 ký tự): chương trình nói trước khi gửi cả điều xã chưa cập nhật sẽ làm (không "
                 "đọc được tệp, ghi trường chưa gửi): báo xã cập nhật bằng bộ cài rồi xin mã mới."),
        (SCHOOL, "Danh hiệu chỉ còn chờ một thông tin chưa nhập (xếp loại, số tháng, kỷ luật) nay là 'chờ xét', "
                 "không còn bị ghi 'không đủ điều kiện'; Không đề nghị và Biên bản đếm riêng hai nhóm."),
        (SCHOOL, "Lượt duyệt của Hiệu trưởng ở một kỳ nhận thêm hai phần điểm (hai cột mới ở sheet Điểm chi tiết) "
                 "cho người chuyển đến: Phiếu in hai phần cộng đúng bằng tổng."),
        (BOTH, "Bảng tổng hợp mở và lưu lại bằng Excel không còn bị báo định dạng ngày giờ hiện khác giá trị."),
        (BOTH, "Windows: bản tải về một tệp có sẵn Python, cài không cần mạng; mọi cách cài dùng đúng các bản thư viện "
               "đã kiểm thử (constraints.txt)."),
    )),
    ("0.9.0", (
        (COMMUNE, TODO + "thư mục xã chép từ bộ mẫu dùng khóa bí mật ai cũng có (chương trình nhắc mỗi lần chạy): tạo "
                  "khóa riêng theo mục Khóa bí mật của xã trong hướng dẫn rồi gửi lại mã cho các trường. Mất "
                  "khoa-bi-mat.txt thì chương trình dừng, không tự tạo khóa khác: chép lại từ bản sao lưu."),
        (COMMUNE, TODO + "mã xác thực của các trường nay chỉ hiện khi hỏi (nút Xem mã ở dòng của trường trên trang "
                  "của xã), không lưu vào tệp nào; thư nháp gửi mã do bản trước soạn trong thư mục xã (ma_*.eml) chứa "
                  "mã: hãy xóa."),
        (COMMUNE, TODO + "sổ duyệt do bản trước ghi vẫn dùng được: đề nghị đã bỏ vẫn bỏ; đề nghị đã nhận sẽ được "
                  "hỏi lại (kèm lý do cũ) ở mục Đề nghị tạm giữ: hãy nhận lại từng đề nghị."),
        (SCHOOL, TODO + "sổ lịch sử ghi năm học bằng bản 0.8 có thể ghi nhầm hình thức khen thưởng mới đăng ký là "
                 "đã nhận: ghi lại năm ấy vào sổ lịch sử từ bảng tổng hợp cuối năm; hình thức khen thưởng có quyết "
                 "định thì gõ vào sổ."),
        (COMMUNE, "Tệp không chứng minh được do trường gửi (không dấu, dấu theo mã cũ, dấu của trường khác, dữ liệu "
                  "sửa sau khi đóng dấu) không bao giờ thay, bớt hay thêm gì vào bản có dấu của trường: đứng bên "
                  "cạnh, được nêu tên; trường chỉ có tệp như vậy chưa tính là đã gửi."),
        (COMMUNE, "Dấu theo mã cũ (trước 0.8) không còn được nói là 'dữ liệu không bị sửa'; mỗi lần chạy xã được nhắc "
                  "còn bao nhiêu trường dùng mã cũ. 'Sau hạn' tính theo thời điểm của bảng nằm trong dấu của trường."),
    )),
    ("0.8.0", (
        (COMMUNE, TODO + "mã xác thực của các trường nay làm từ khóa bí mật của xã (khoa-bi-mat.txt, cạnh "
                  "cap-tren.xlsx): mở trang của xã, xem bảng mã và gửi mỗi trường mã mới; giữ và sao lưu "
                  "khoa-bi-mat.txt cùng thư mục xã, không gửi cho ai."),
        (COMMUNE, TODO + "xã cập nhật trước hoặc cùng lúc với các trường: bảng tổng hợp của trường đã cập nhật (bố "
                  "cục số 8) bản cũ hơn 0.8.0 sẽ từ chối."),
        (SCHOOL, TODO + "khi xã gửi mã xác thực mới, nhập mã ấy vào campaign.xlsx (sheet Trường) rồi tổng hợp lại "
                 "cả năm trước khi gửi xã."),
        (BOTH, "Số phiên bản hiện ở chân trang, cửa sổ cài đặt (trước → sau), thông tin ẩn của mỗi bảng tổng hợp và "
               "thuộc tính của các sổ, văn bản."),
        (COMMUNE, "Xã đọc bảng tổng hợp của mọi phiên bản từ khi có dấu xác thực, kiểm từng tệp theo đúng cách phiên "
                  "bản ấy đóng dấu: tệp thật không còn bị báo là giả; tệp còn dấu theo mã cũ được nói rõ, đề nghị "
                  "của nó tạm giữ chờ công chức."),
        (COMMUNE, "Tệp do phiên bản mới hơn ghi: nêu rõ phiên bản, hướng dẫn cập nhật bằng tệp cài đặt; trường đó "
                  "không bị tính là chưa gửi; báo cáo JSON vẫn ghi, nêu từng tệp."),
        (COMMUNE, "Sheet Các trường của bảng tổng hợp xã không còn cột mã xác thực; sổ duyệt của công chức đóng dấu "
                  "bằng bản trước được hỏi lại, không bị báo là sổ bị sửa."),
        (SCHOOL, "Bảng tổng hợp các kỳ do phiên bản cũ để ở thư mục chiến dịch được chuyển vào ky/ (có thông báo), "
                 "không phải tổng hợp lại."),
        (SCHOOL, "Lượt duyệt của hiệu trưởng (hay Hội đồng) chỉ còn nằm trong bảng tổng hợp cũ được giữ sang "
                 "hoi-dong/ ngay lần đầu gặp; tổng hợp lại không còn làm mất."),
        (SCHOOL, "Cả năm nói rõ kỳ nào có lượt duyệt của hiệu trưởng giữ ở hoi-dong/ mà bảng tổng hợp kỳ chưa áp "
                 "dụng, và cách áp dụng (tổng hợp lại kỳ ấy)."),
    )),
)
