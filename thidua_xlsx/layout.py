"""The contract between the template writer and the reader: names, labels, metadata keys.

Cell positions are not shared as constants: the writer records where every input cell is in the
metadata sheet of each workbook, and the reader goes by that record, so a later layout change
does not break the reading of older files.
"""

from __future__ import annotations

import datetime as dt
import re

APP_ID = "thidua-xlsx"
TEMPLATE_VERSION = 1
META_SHEET = "_thidua_meta"  # very hidden
LISTS_SHEET = "DanhMuc"  # hidden: dropdown lists (Excel needs them on a sheet, not inline)
META_CHUNK = 30000  # characters of JSON per cell (Excel's cell limit is 32,767)

REGISTRATION = "dang-ky"
SCORING = "cham-diem"
ROUNDS = {REGISTRATION: "Đăng ký thi đua", SCORING: "Chấm điểm thi đua"}

REG_PEOPLE_SHEET = "Đăng ký cá nhân"
REG_COLLECTIVE_SHEET = "Đăng ký tập thể"
GUIDE_SHEET = "Hướng dẫn"
DEPARTMENT_SHEET = "Tổng hợp tổ"

NOT_REGISTERED = "Không đăng ký"
# Our users' computers keep Vietnam time: UTC+7 all year (no daylight saving).
VIETNAM_UTC_OFFSET = dt.timedelta(hours=7)
MOTTO_1 = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO_2 = "Độc lập - Tự do - Hạnh phúc"

# Sheet kinds recorded in the metadata.
KIND_PERSON = "person"
KIND_DEPARTMENT = "department"
KIND_REGISTRATION = "registration"
KIND_COLLECTIVE = "collective"

_ILLEGAL_SHEET_CHARS = re.compile(r"[\[\]:*?/\\']")


def sheet_title(text: str, taken: set[str]) -> str:
    """A legal, unique (case-insensitively, as Excel compares) sheet name of ≤ 31 characters."""
    base = _ILLEGAL_SHEET_CHARS.sub(" ", text).strip() or "Sheet"
    base = " ".join(base.split())[:31].rstrip()
    name, n = base, 2
    while name.casefold() in taken:
        suffix = f" ({n})"
        name = base[: 31 - len(suffix)].rstrip() + suffix
        n += 1
    taken.add(name.casefold())
    return name


def ascii_slug(text: str) -> str:
    """'Tổ khối 4-5' → 'To-khoi-4-5' for file names a person recognises."""
    import unicodedata

    text = text.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-")


def output_name(school_year: str, round_: str, department_name: str) -> str:
    return f"{school_year}_{round_}_{ascii_slug(department_name)}.xlsx"
