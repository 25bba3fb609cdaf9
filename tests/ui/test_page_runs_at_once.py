"""Pages served by one process run at once (the page's server answers from several threads, its runs are threads):
two rounds' books made together, each with worker processes (from 8 departments), are both made whole — workers
started as a threaded process may start them (spawn, never fork: system.pool.start_method)."""

from __future__ import annotations

from openpyxl import load_workbook

from tests.ui.pages import TOKEN, client, departments_school, text, wait_job
from thidua_xlsx.system import pool
from thidua_xlsx.ui.security import form_token

CSRF = {"csrf": form_token(TOKEN)}


def _names_in(book) -> set[str]:
    wb = load_workbook(book, read_only=True)
    try:
        return {v for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for v in row if isinstance(v, str)}
    finally:
        wb.close()


def test_two_pages_make_their_books_at_once_each_with_its_workers(tmp_path):
    count = pool.GENERATE_PARALLEL_FROM
    folders = [departments_school(tmp_path / name, count) for name in ("truong-a", "truong-b")]
    pages = [client(folder)[1] for folder in folders]
    started = [found.post("/vong/dang-ky/sinh", data=CSRF) for found in pages]  # the second while the first runs
    assert [answer.status_code for answer in started] == [303, 303], [text(answer) for answer in started]
    assert pages[0].get(started[0].headers["Location"] + ".json").get_json()["state"] == "running"
    for found, answer in zip(pages, started):
        state = wait_job(found, answer.headers["Location"], 300)
        assert state["state"] == "done", text(found.get(answer.headers["Location"]))
    for folder in folders:
        books = sorted((folder / "outbox" / "dang-ky").glob("*.xlsx"))
        assert len(books) == count
        for k in range(1, count + 1):
            book = next(b for b in books if f"To-{k}" in b.name)
            assert {f"Giáo viên 1 tổ {k}", f"Giáo viên 2 tổ {k}"} <= _names_in(book)
