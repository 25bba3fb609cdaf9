"""The words about releases: which one wrote a file, how to update, and what changed for the secretary and the
officer (the page and the CLI say it once after an update; CHANGELOG.md says it in full)."""

from __future__ import annotations

# The release: one number, raised with every release (semantic versioning, docs/compatibility.md), shown by --version,
# on the page's footer, by the installer, in every summary's metadata and in the documents' properties; CHANGELOG.md
# says what each changed. pyproject.toml reads it from here; thidua_xlsx.__version__ is it.
VERSION = "0.8.0"

RELEASE_UNSAID = "một phiên bản thidua-xlsx mới hơn"  # a file from a newer release that did not name itself
# How to update, as the README and the page say it: the downloaded folder's installer, never pip.
UPDATE_REMEDY = ("Hãy cập nhật chương trình: tải bản mới (thư mục thidua-xlsx), giải nén, rồi bấm đúp tệp cài đặt "
                 "trong đó (Windows: Cai-dat-thi-dua.bat; macOS: Cai-dat-thi-dua.command; Linux: cai-dat-thi-dua.sh) "
                 "– sổ sách trong thư mục giữ nguyên – rồi chạy lại.")
VERSION_FOOTER = "Phiên bản {version}"  # the page's footer: the release she runs, as the changelog names it
# Said once in a campaign folder after an update (the runs record names the release of each run): from which release
# to which, then each changelog line for her of the releases between, with what she must do.
UPDATED = "Chương trình đã được cập nhật: thidua-xlsx {before} → {after}. Những gì thay đổi với thư mục này:"
UPDATED_LINE = "– {version}: {line}"
# What each release changed that the secretary or the officer notices, newest first, one line each; "cần làm:" where
# she must act. CHANGELOG.md carries the same lines (tests/test_changelog.py holds them equal).
CHANGES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("0.8.0", (
        "Số phiên bản hiện ở `--version`, chân trang, cửa sổ cài đặt (trước → sau), thông tin ẩn của mỗi bảng tổng hợp "
        "và thuộc tính của các sổ, văn bản.",
        "Xã đọc bảng tổng hợp của mọi phiên bản từ khi có dấu xác thực, kiểm từng tệp theo đúng cách phiên bản ấy "
        "đóng dấu: tệp thật không còn bị báo là giả.",
        "Tệp do phiên bản mới hơn ghi: nêu rõ phiên bản, hướng dẫn cập nhật bằng tệp cài đặt; trường đó không bị tính "
        "là chưa gửi.",
        "Bảng tổng hợp các kỳ do phiên bản cũ để ở thư mục chiến dịch được chuyển vào ky/ (có thông báo), không phải "
        "tổng hợp lại.",
        "Lượt duyệt của hiệu trưởng (hay Hội đồng) chỉ còn nằm trong bảng tổng hợp cũ được giữ sang hoi-dong/ ngay lần "
        "đầu gặp; tổng hợp lại không còn làm mất.",
    )),
)
