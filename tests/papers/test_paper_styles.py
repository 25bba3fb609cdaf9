"""Every paper starts from python-docx's template made once a process: its own text only, and only the styles it
uses — the template's ~160 styles and ~270 latent ones (349 KB, read by LibreOffice for every PDF) left out, every
style a paper names still defined, its body Times New Roman 13 as before."""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.shared import Pt

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.papers.docx_engine import Paper
from thidua_xlsx.write.engine import FIXED_DATE

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass(frozen=True)
class _Issuer:
    school: cm.School
    created: object = FIXED_DATE
    draft: str = ""


def _paper(path: Path, heading: str, *, draft: str = "") -> Path:
    issuer = _Issuer(cm.School("Trường THCS Kim Sơn", "UBND phường Hà Đông", "Hà Đông", "2026-2027",
                               "UBND phường Hà Đông"), draft=draft)
    paper = Paper(issuer, "Thử", heading)
    paper.table(["STT", "Họ và tên"], [["1", "Nguyễn Văn An"]], (10, 60), aligns="cl")
    paper.save(path)
    return path


def test_a_paper_carries_the_styles_it_names_and_no_other(tmp_path):
    path = _paper(tmp_path / "thu.docx", "TỜ TRÌNH")
    with zipfile.ZipFile(path) as package:
        styles = package.read("word/styles.xml").decode("utf-8")
        named = {value for name in package.namelist() if name.endswith(".xml") and name != "word/styles.xml"
                 for value in re.findall(r'w:(?:pStyle|rStyle|tblStyle|numStyle) w:val="([^"]+)"',
                                         package.read(name).decode("utf-8"))}
    defined = set(re.findall(r'<w:style [^>]*w:styleId="([^"]+)"', styles))
    followed = set(re.findall(r'<w:(?:basedOn|link|next) w:val="([^"]+)"', styles))
    assert "latentStyles" not in styles and len(styles) < 10_000
    assert {"TableGrid", "Header"} <= named and named | followed <= defined
    assert "Heading1" not in defined and "LightShading" not in defined
    document = docx.Document(str(path))
    normal = document.styles["Normal"]
    assert (normal.font.name, normal.font.size) == ("Times New Roman", Pt(13))
    assert document.tables[-1].style.name == "Table Grid"  # what Word shows for the table


def test_each_paper_starts_afresh_from_the_template(tmp_path):
    """The template is made once, but nothing of one paper reaches the next: its text, its draft mark."""
    first = docx.Document(str(_paper(tmp_path / "mot.docx", "BIÊN BẢN MỘT", draft="Tháng 9")))
    assert any("DỰ THẢO" in p.text for p in first.sections[0].header.paragraphs)
    second = docx.Document(str(_paper(tmp_path / "hai.docx", "BIÊN BẢN HAI")))
    texts = [p.text for p in second.paragraphs]
    headers = [p.text for section in second.sections for part in (section.header, section.first_page_header)
               for p in part.paragraphs]
    assert "BIÊN BẢN HAI" in texts and "BIÊN BẢN MỘT" not in texts
    assert not any("DỰ THẢO" in text for text in headers)
    assert sum(1 for t in second.tables if t.style is not None and t.style.name == "Table Grid") == 1
