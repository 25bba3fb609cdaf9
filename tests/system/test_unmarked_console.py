"""A console that cannot show Vietnamese gets the letters wholly without their marks.

The README promises "chữ không dấu" to an old cmd window; a code page that holds some Vietnamese letters (cp1252 has
"á", "ì", "ú"; cp1258 has "Đ" and "ơ") once gave half-accented words ("Canh báo", "chua có diem"). Now every letter is
folded and every sign the messages use is said in ASCII, whatever the code page holds.
"""

from __future__ import annotations

import importlib
import io
import os
import pkgutil
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import thidua_xlsx.text
from tests.samples import school_copy
from thidua_xlsx.system import console

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
ENCODINGS = ["cp1252", "cp437", "cp1258", "cp850", "ascii"]  # Western, the US DOS, Vietnamese Windows, OEM Latin-1

SAID = "Cảnh báo: Đặng Thị Thu Hà (GV008) chưa có điểm – “Lao động tiên tiến” → ‘Không đề nghị’… điểm ≥ 5 · ơ ư ỳ"
SHOWN = (b"Canh bao: Dang Thi Thu Ha (GV008) chua co diem - \"Lao dong tien tien\" -> 'Khong de nghi'... diem >= 5 - "
         b"o u y")


class _Terminal(io.BytesIO):
    def isatty(self) -> bool:
        return True


def _console(encoding: str) -> io.TextIOWrapper:
    """A terminal in ``encoding`` as Python opens it (strict errors), set up as the CLI sets its streams."""
    stream = io.TextIOWrapper(_Terminal(), encoding=encoding)
    console.speak_whole([stream])
    return stream


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_a_console_without_vietnamese_gets_every_word_wholly_without_marks(encoding):
    stream = _console(encoding)
    stream.write(SAID + "\n")
    stream.write("Tổ khối 1: đúng hạn (gửi ngày 15/05/2026)")  # ú and ạ in one word: both folded
    stream.flush()
    shown = stream.buffer.getvalue()
    assert shown == SHOWN + b"\nTo khoi 1: dung han (gui ngay 15/05/2026)"


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_a_letter_whose_mark_comes_in_a_later_write_is_folded_all_the_same(encoding):
    stream = _console(encoding)
    for part in ("Nguye", "\u0302\u0303", "n ", "Đức"):  # a name typed with combining marks, its "ễ" cut in two
        stream.write(part)
    stream.flush()
    assert stream.buffer.getvalue() == b"Nguyen Duc"


def test_a_console_that_shows_vietnamese_is_left_as_it_is():
    stream = _console("utf-8")
    stream.write(SAID)
    stream.flush()
    assert stream.buffer.getvalue().decode("utf-8") == SAID


def test_every_sign_of_the_catalogue_has_its_ascii_word():
    """No word of text/ comes out with a "?" for a sign the fold does not know (a dash, an arrow, a quote, a box)."""
    def texts(value):
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            for key, item in value.items():
                yield from texts(key)
                yield from texts(item)
        elif isinstance(value, (tuple, list, set, frozenset)):
            for item in value:
                yield from texts(item)

    unknown = set()
    for module in pkgutil.walk_packages(thidua_xlsx.text.__path__, "thidua_xlsx.text."):
        for name, value in vars(importlib.import_module(module.name)).items():
            if not name.startswith("__"):
                unknown |= {c for text in texts(value) for c in text if c > "\x7f" and console.unaccented(c) == "?"}
    assert not unknown, sorted(unknown)
    assert console.unaccented("…") == "..." and console.unaccented("“a” ‘b’ «c»") == "\"a\" 'b' \"c\""


def _on_a_terminal(encoding: str, *args: str) -> bytes:
    """What ``thidua-xlsx ARGS`` shows on a pseudo-terminal whose encoding is ``encoding`` (an old cmd window)."""
    import pty

    leader, follower = pty.openpty()
    env = {**os.environ, "PYTHONIOENCODING": encoding, "PYTHONUTF8": "0"}
    done = subprocess.run([sys.executable, "-m", "thidua_xlsx", *args], stdout=follower, stderr=follower, env=env,
                          timeout=300)
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    assert done.returncode == 0, shown
    return shown


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal stands for the old console")
def test_status_on_a_cp1252_console_is_wholly_without_marks(tmp_path):
    sample = school_copy(tmp_path)
    shown = _on_a_terminal("cp1252", "status", str(sample / "inbox"), "--campaign", str(sample))
    text = shown.decode("ascii")  # not one byte above 127, though cp1252 holds á, ì, ú
    assert "Van de: 2 loi, 7 canh bao, 4 ghi chu." in text
    assert "  Canh bao: To chuyen biet chua nop so. Hay nhac to truong gui." in text
    assert "To khoi 1: dung han" in text and "chua nop - da qua han" in text


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal stands for the old console")
def test_a_council_s_merge_on_a_cp437_console_is_wholly_without_marks(tmp_path):
    school = tmp_path / "truong"  # a copy: a merge holds its campaign (the samples' own runs are other tests')
    school.mkdir()
    for part in ("campaign.xlsx", "hoi-dong.xlsx", "so-da-phat", "inbox"):
        (shutil.copytree if (SAMPLES / part).is_dir() else shutil.copy2)(SAMPLES / part, school / part)
    shown = _on_a_terminal("cp437", "merge", str(school / "inbox"), "--council", str(school / "hoi-dong.xlsx"),
                           "-o", str(tmp_path / "tong-hop-cuoi.xlsx"))
    text = shown.decode("ascii")
    assert "Dang Thi Thu Ha (GV008): bang diem o suat cuoi - Hoi dong chon nguoi khac; de nghi Lao dong tien tien" \
        in text
    assert "Da ghi bang tong hop" in text and (tmp_path / "tong-hop-cuoi.xlsx").is_file()
