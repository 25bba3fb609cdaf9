"""What names a command line (a command, an option, pip), which the page's text and the books' never do: the one
test of it, shared by the tests of the page's words (thidua_xlsx/text/page_words.py), the page and the books."""

from __future__ import annotations

import re

_COMMANDS = r"(?:merge|generate|year|status|history|collect|init|ui)"
_COMMAND_LINE = re.compile(
    r"thidua-xlsx"  # the program's name: a command typed, or the tool named as the page never names it
    r"|(?<![\w-])--[a-z]"  # an option: --council, --period, --tu
    r"|(?<![\w-])-[a-zA-Z](?![\w-])"  # a one-letter option: -o, -U, py -m
    rf"|\b{_COMMANDS} (?:…|--|THƯ|ky/|inbox)"  # a command and its arguments: merge …, init THƯ_MỤC, year ky/
    rf"|\({_COMMANDS}\b"  # a command named in brackets: (generate), (merge --council)
    rf"|\b(?:chạy|chạy lại|dùng|bằng|do) {_COMMANDS}\b"  # a command named as run: chạy lại year, do merge ghi
    r"|\bpip\b|\bpython -m\b"  # installing or running Python by hand
    r"|\b(?:chạy|gõ)(?: lại)? lệnh\b|\bmọi lệnh\b")  # a command spoken of as something she runs


def names_a_command(text: str) -> bool:
    """Whether ``text`` names a command line (a command, an option, pip), which the page's text never does."""
    return _COMMAND_LINE.search(text) is not None
