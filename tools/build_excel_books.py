"""Rebuild tests/excel_books/: workbooks saved by Microsoft Excel itself, for the reader's checks (bounds, sheet
names, what a sheet shows) to be tested on what Excel writes (tests/read/test_excel_books.py).

    python tools/build_excel_books.py XLSXWRITER_GIT_DIR     # a clone (or bare mirror) of jmcnamara/XlsxWriter

XlsxWriter's comparison tests (``xlsxwriter/test/comparison/xlsx_files/``) are files made in Excel, against which it
compares its own output byte for byte: a public, stable set of real Excel files, each showing one feature a
department's book may carry once Excel saved it (hidden rows and columns, default row heights, protection, data
validation, comments, defined names, tables, autofilters, merged cells, rich and UTF-8 text, formulas, charts,
images, conditional formats, a macro book). They are taken from one pinned commit, byte for byte, with the licence
they come under (BSD 2-Clause, written beside them). No WPS-made file is public in a form we could pin: said in
docs/dependencies.md.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BOOKS = ROOT / "tests" / "excel_books"
COMMIT = "cf3fe78d3eab5e4c7d825d4451af3a60e2a04011"  # XlsxWriter's main of 02/07/2026
FOLDER = "xlsxwriter/test/comparison/xlsx_files"
NAMES = ("array_formula01.xlsx", "autofilter01.xlsx", "autofilter02.xlsx", "chart_bar01.xlsx", "comment04.xlsx",
         "cond_format01.xlsx", "data_validation01.xlsx", "data_validation03.xlsx", "date_1904_01.xlsx",
         "date_examples01.xlsx", "default_date_format01.xlsx", "default_row02.xlsx", "default_row05.xlsx",
         "defined_name01.xlsx", "dynamic_array01.xlsx", "escapes01.xlsx", "escapes06.xlsx", "format19.xlsx",
         "hide01.xlsx", "hyperlink01.xlsx", "image01.xlsx", "macro01.xlsm", "merge_range01.xlsx", "outline01.xlsx",
         "outline02.xlsx", "panes01.xlsx", "print_area01.xlsx", "protect01.xlsx", "protect03.xlsx",
         "rich_string01.xlsx", "set_column01.xlsx", "set_row01.xlsx", "shared_strings01.xlsx", "simple01.xlsx",
         "table01.xlsx", "table14.xlsx", "types01.xlsx", "utf8_01.xlsx", "utf8_09.xlsx")


def _blob(repo: Path, path: str) -> bytes:
    return subprocess.run(["git", "--git-dir", str(repo), "show", f"{COMMIT}:{path}"], check=True,
                          capture_output=True).stdout


def main(repo: Path) -> None:
    repo = repo / ".git" if (repo / ".git").is_dir() else repo
    shutil.rmtree(BOOKS, ignore_errors=True)
    BOOKS.mkdir(parents=True)
    for name in NAMES:
        (BOOKS / name).write_bytes(_blob(repo, f"{FOLDER}/{name}"))
    licence = _blob(repo, "LICENSE.txt").decode()
    (BOOKS / "SOURCE.md").write_text(
        f"Files made by Microsoft Excel, from XlsxWriter's comparison tests: https://github.com/jmcnamara/XlsxWriter, "
        f"commit {COMMIT}, folder {FOLDER}/ (taken unchanged by tools/build_excel_books.py).\n\n"
        f"Their licence:\n\n{licence}", encoding="utf-8")
    print(f"{len(NAMES)} Excel books in {BOOKS.relative_to(ROOT)}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(Path(sys.argv[1]))
