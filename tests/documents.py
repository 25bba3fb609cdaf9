"""The papers read back: a .docx's paragraphs and numbered table rows (python-docx), and a PDF's pages and page sizes
(poppler), with LibreOffice Writer required where the papers are printed."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import docx
import pytest
from docx.table import Table
from docx.text.paragraph import Paragraph


def docx_blocks(container):
    """Paragraph texts and tables in reading order, nested tables included (each merged cell once)."""
    for block in container.iter_inner_content():
        if isinstance(block, Paragraph):
            yield block
        else:
            yield block
            seen = []  # lxml elements: kept alive, so compared by identity
            for row in block.rows:
                for cell in row.cells:
                    if not any(cell._tc is other for other in seen):
                        seen.append(cell._tc)
                        yield from docx_blocks(cell)


def docx_texts(path: Path) -> list[str]:
    return [b.text for b in docx_blocks(docx.Document(str(path))) if isinstance(b, Paragraph) and b.text]


def docx_text(path: Path) -> str:
    return "\n".join(docx_texts(path))


def docx_rows(path: Path) -> list[list[str]]:
    """Numbered table rows (first cell "1", "2", …): the lines of a list, a ballot or a vote table."""
    found = []
    for block in docx_blocks(docx.Document(str(path))):
        if isinstance(block, Table):
            for row in block.rows:
                cells = [c.text for c in row.cells]
                elements = [c._tc for c in row.cells]
                merged = any(e is f for i, e in enumerate(elements) for f in elements[i + 1:])
                if cells and cells[0].isdigit() and not merged:
                    found.append(cells)
    return found


def docx_pages(path: Path) -> list[list[str]]:
    """The lines of each page of a Word paper made of one page a person (table cells included): a new page at each
    paragraph that starts one."""
    pages: list[list[str]] = []
    for block in docx.Document(str(path)).iter_inner_content():
        paragraphs = [block] if isinstance(block, Paragraph) else \
            [p for row in block.rows for cell in row.cells for p in cell.paragraphs]
        for p in paragraphs:
            if not pages or (isinstance(block, Paragraph) and p.paragraph_format.page_break_before):
                pages.append([])
            pages[-1].append(p.text)
    return pages


def appraisal_pages(path: Path) -> dict[str, list[str]]:
    """Each person's page of the Phiếu xếp loại, by the name on it."""
    return {next(line for line in page if line.startswith("Họ và tên: "))[11:]: page for page in docx_pages(path)}


def require_writer() -> None:
    """LibreOffice with its Writer component (the .docx → PDF filter); skip without, fail on CI."""
    from tests.libreoffice import INSTALL_HINT, require_libreoffice
    from thidua_xlsx.system.office import find_soffice

    require_libreoffice()
    program = Path(find_soffice()).resolve().parent
    if any((program / name).exists() for name in ("libswlo.so", "swlo.dll", "libswlo.dylib")):
        return
    message = f"LibreOffice Writer không có trên máy này (cài: {INSTALL_HINT.replace('calc', 'writer')})"
    if os.environ.get("CI") == "true":
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def page_texts(pdf: Path, mode: str = "-layout") -> list[str]:
    """The text of each page: ``-layout`` keeps lines as printed; ``-raw`` keeps the order of the content (a
    table row's cells in a row, however their text wraps)."""
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    count_ = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    return [subprocess.run(["pdftotext", mode, "-f", str(n), "-l", str(n), str(pdf), "-"], capture_output=True,
                           text=True, check=True).stdout for n in range(1, count_ + 1)]


def media_boxes(pdf: Path) -> list[tuple[float, float]]:
    return [(float(w), float(h)) for w, h in re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)", pdf.read_bytes())]
