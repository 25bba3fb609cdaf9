"""The page's wording of the messages that name a command line ("her words, not ours"): every
catalogue message that tells the reader to type something has a page version, which names the button or the place on
the page instead, and formats with the same parameters."""

from __future__ import annotations

import string

import pytest

from tests.command_lines import names_a_command
from thidua_xlsx.text.messages import MESSAGES
from thidua_xlsx.text.page_words import PAGE_MESSAGES


def _names(text: str) -> set[str]:
    """The placeholders' names of ``text`` ({file}, {period}, …), as str.format fills them."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_every_message_naming_a_command_has_a_page_version():
    missing = sorted(code for code, text in MESSAGES.items() if names_a_command(text) and code not in PAGE_MESSAGES)
    assert missing == [], "these messages name a command line and have no page version in text/page_words.py"


def test_no_page_version_names_a_command():
    assert sorted(code for code, text in PAGE_MESSAGES.items() if names_a_command(text)) == []


def test_each_page_version_has_the_placeholders_of_its_message():
    differ = {code: (sorted(_names(MESSAGES[code])), sorted(_names(text))) for code, text in PAGE_MESSAGES.items()
              if code in MESSAGES and _names(text) != _names(MESSAGES[code])}
    assert differ == {}
    for code, text in PAGE_MESSAGES.items():  # and formats with them (no stray brace)
        assert "{" not in text.format(**{name: "x" for name in _names(text)}), code


def test_every_page_version_is_of_a_catalogue_code():
    assert sorted(PAGE_MESSAGES.keys() - MESSAGES.keys()) == []


@pytest.mark.parametrize("text", [
    "Hãy tổng hợp lại kỳ đó bằng thidua-xlsx merge --period rồi đặt tệp mới vào thư mục.",
    "(merge … --council hoặc year --council)",
    "merge --period",
    "hãy tạo lại bằng 'thidua-xlsx init' rồi chép dữ liệu sang",
    "Hãy dùng đúng sổ do thư ký phát cho tổ ('thidua-xlsx generate').",
    "Hãy cập nhật: pip install -U thidua-xlsx.",
    "Hãy chọn thư mục khác bằng -o.",
    "--from chỉ dùng cho vòng cham-diem",
    "hãy phát lại sổ cho tổ (generate) để mọi người chấm theo cùng một bộ tiêu chí",
    "Hãy dùng bảng tổng hợp do merge ghi (sheet Điểm chi tiết).",
    "rồi chạy lại year.",
    "init THƯ_MỤC_MỚI --tu THƯ_MỤC_NĂM_TRƯỚC",
    "(chạy lại lệnh đã tạo ra nó)",
])
def test_the_detector_finds_a_command_line(text):
    assert names_a_command(text)


@pytest.mark.parametrize("text", [
    "Hãy tổng hợp lại kỳ đó: mở trang của kỳ {period} và bấm *Tổng hợp*.",
    "Lần tổng hợp gần nhất: {when}, chạy từ cửa sổ lệnh.",
    "bảng mới ghi vào ky/tong-hop_{period_code}.xlsx",
    "ngoài khoảng 0 – {max}",
    "ví dụ imaps://thuky@imap.gmail.com/INBOX",
    "thư mục thidua-2025/inbox, tệp hoi-dong/xa-duyet.xlsx, Mo-trang-thi-dua, Cai-dat-thi-dua",
    "ở dòng *Năm học sau* gõ tên thư mục mới rồi bấm *Sang năm học mới*",
])
def test_the_detector_leaves_the_page_words_alone(text):
    assert not names_a_command(text)
