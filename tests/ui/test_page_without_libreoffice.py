"""On a PC without LibreOffice (most schools' Windows), the page's result says where she looks — not only inside the
collapsed run log — that the papers are Word files only, and how to get their PDFs."""

from __future__ import annotations

import io
import re
from types import SimpleNamespace

from tests.no_office import NO_PDF, without_libreoffice
from tests.ui.pages import SAMPLES, TOKEN, client, returned_school, text, wait_job
from thidua_xlsx.ui.security import form_token


def test_without_libreoffice_the_result_says_the_papers_are_word_only_and_how_to_get_pdfs(tmp_path, monkeypatch):
    without_libreoffice(monkeypatch)
    folder, _returned = returned_school(tmp_path / "ui")
    _app, found = client(folder)

    started = found.post("/vong/cham-diem/tong-hop", data={
        "csrf": form_token(TOKEN), "docs": "1",
        "council": (io.BytesIO((SAMPLES / "hoi-dong.xlsx").read_bytes()), "hoi-dong.xlsx")},
        content_type="multipart/form-data")
    assert wait_job(found, started.headers["Location"], 300)["state"] == "done"
    page = found.get(started.headers["Location"])
    outside_the_log = re.sub(r"<details>.*?</details>", "", page.data.decode("utf-8"), flags=re.S)

    shown = text(SimpleNamespace(data=outside_the_log.encode("utf-8")))
    assert f"{NO_PDF}: máy chưa cài LibreOffice; các văn bản Word vẫn đã được ghi." in shown, shown
    assert "Cài LibreOffice" in shown and "Tệp → Lưu Như → PDF" in shown  # how to get them, both ways
    assert (folder / "ho-so" / "01_To-trinh.docx").is_file() and not list(folder.glob("ho-so/*.pdf"))
