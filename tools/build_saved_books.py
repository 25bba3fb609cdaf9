"""Rebuild tests/saved_books/: one department book of ours as the spreadsheet programs people use save it, and what
the reader finds in each (tests/read/test_saved_books.py reads them with the installed python-calamine and compares).

    python tools/build_saved_books.py       # from the repository's root; needs LibreOffice (python3-uno) and Gnumeric

The sample school's returned scoring book of Tổ Văn phòng (samples/inbox/, the tool's own book filled) has a few cells
typed into it in a real LibreOffice Calc (tests/libreoffice.py: a score changed, a note with Vietnamese marks) and is
saved as .xlsx, .ods and .xls; the same book is converted by Gnumeric's ssconvert to .xlsx and .xls. Beside them, what
the reader trusts to read them (the sample's campaign.xlsx and that book's record in so-da-phat/), and expected.json:
for each saved book what ``read_file`` gave (status, problems, each form's cells and values) with the python-calamine
this was built with. The sample books are left as they are.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.libreoffice import close_servers, fill  # noqa: E402  (the repository on the path first)

SAVED = ROOT / "tests" / "saved_books"
SAMPLES = ROOT / "samples"
BOOK = "2025-2026_cham-diem_To-Van-phong.xlsx"  # the sample's smallest scoring book
RECORD = "a8d1356957eaeb3cf47f.json"  # its record in samples/so-da-phat/ (and o-khoa/: its locked content)
NOTE = "Đã dự giờ, góp ý chuyên đề “Đổi mới” – tháng 11"  # typed as a note: marks, curly quotes, an en dash
GNUMERIC = {"gnumeric.xlsx": "Gnumeric_Excel:xlsx2", "gnumeric.xls": "Gnumeric_Excel:excel_biff8"}


def main() -> None:
    shutil.rmtree(SAVED, ignore_errors=True)
    campaign = SAVED / "campaign"
    (campaign / "so-da-phat" / "o-khoa").mkdir(parents=True)
    shutil.copyfile(SAMPLES / "campaign.xlsx", campaign / "campaign.xlsx")
    for part in (RECORD, f"o-khoa/{RECORD}"):
        shutil.copyfile(SAMPLES / "so-da-phat" / part, campaign / "so-da-phat" / part)
    source = SAMPLES / "inbox" / BOOK
    fill(source, typed(source), [], out_xlsx=SAVED / "libreoffice.xlsx", out_ods=SAVED / "libreoffice.ods",
         out_xls=SAVED / "libreoffice.xls")
    close_servers()
    for name, exporter in GNUMERIC.items():
        with tempfile.TemporaryDirectory(prefix="ssconvert-") as home:  # its settings kept out of the user's
            subprocess.run(["ssconvert", "-T", exporter, str(source), str(SAVED / name)], check=True,
                           capture_output=True, env={"HOME": home, "PATH": "/usr/bin:/bin"})
    from tests.read.test_saved_books import BOOKS, as_json, what_is_read

    expected = {name: what_is_read(SAVED / name) for name in BOOKS}
    (SAVED / "expected.json").write_text(as_json(expected), encoding="utf-8")
    print(f"tests/saved_books rebuilt: {len(BOOKS)} books, "
          f"{sum(p.stat().st_size for p in SAVED.rglob('*') if p.is_file()) // 1024} KB")


def typed(source: Path) -> list[dict]:
    """What LibreOffice types into the book: the first form's first score changed, its note written."""
    from tests.filling import submission
    from thidua_xlsx.steps.workspace import open_campaign

    folder, problems = open_campaign(SAVED / "campaign" / "campaign.xlsx")
    assert folder is not None, [p.render() for p in problems]
    item = submission(source, folder).forms[0].items[0]
    score = item.dept.value if isinstance(item.dept.value, (int, float)) else 0
    return [{"sheet": item.dept.sheet, "cell": item.dept.cell, "value": max(score - 1, 0)},
            {"sheet": item.note.sheet, "cell": item.note.cell, "value": NOTE}]


if __name__ == "__main__":
    main()
