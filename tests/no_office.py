"""A computer without LibreOffice, for a test whose command writes papers it never prints: the Word files are written,
no PDF beside them, and the command says why (:data:`NO_PDF`) — as on a secretary's computer before she installs
LibreOffice. No LibreOffice starts (a second of CPU a command, more for each paper converted). Tests that read a PDF,
its pages, its fonts or a printed layout keep the real LibreOffice (tests/documents.py's ``require_writer``)."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator

import pytest

from thidua_xlsx.system import office
from thidua_xlsx.text import documents as dw

#: What a command that writes papers says without LibreOffice, the words before the advice how to install it.
NO_PDF = dw.PDF_NO_LIBREOFFICE.split(":", 1)[0]
#: The program in a process of its own, as ``python -m thidua_xlsx`` starts it, LibreOffice not found: for a test that
#: runs it as a person types it (a command line; ``shlex.join`` makes it a shell's words).
PROGRAM_WITHOUT_LIBREOFFICE = (sys.executable, "-c", "from thidua_xlsx.system import office; "
                               "office.find_soffice = lambda: None; from thidua_xlsx.cli import run; run()")


def without_libreoffice(patch: pytest.MonkeyPatch) -> None:
    """From now until ``patch`` is undone, LibreOffice is not found on this computer (the one place every command
    asks: :func:`thidua_xlsx.system.office.find_soffice`)."""
    patch.setattr(office, "find_soffice", lambda: None)


@contextlib.contextmanager
def no_libreoffice() -> Iterator[None]:
    """Within the block, LibreOffice is not found on this computer (for a fixture shared by a module's tests)."""
    with pytest.MonkeyPatch.context() as patch:
        without_libreoffice(patch)
        yield
