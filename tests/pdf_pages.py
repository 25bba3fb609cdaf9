"""A PDF's pages as text (poppler's pdftotext, in its layout), to read back what LibreOffice printed."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest


def pdf_pages(pdf: Path) -> list[str]:
    """Each page's text; the test is skipped where poppler-utils is not installed."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed: pages not read")
    text = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    return text.split("\f")[:-1]
