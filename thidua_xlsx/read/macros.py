"""Whether a returned book carries macros a spreadsheet program would offer to run. The books the tool issues have
none and the tool never runs one (it reads the cells' values), so one found was added by someone: said, so that
nobody opens the book in Excel or LibreOffice with its macros enabled (the commune looks at a school's summary the
same way: :func:`thidua_xlsx.commune.read_inbox.has_macros`)."""

from __future__ import annotations

from collections.abc import Iterable

VBA_PART = "vbaproject.bin"  # an .xlsx/.xlsm's VBA project, wherever it is put (lower case)
_XLS_VBA = "_VBA_PROJECT_CUR".encode("utf-16-le")  # an .xls's VBA storage, named in its directory
_ODS_SCRIPTS = ("Basic/", "Scripts/")  # an .ods's Basic libraries and its scripts


def macros_in(data: bytes, suffix: str, names: Iterable[str]) -> bool:
    """Whether the book ``data`` (of kind ``suffix``; ``names``: its zip's entries, as containment listed them)
    holds macros."""
    if suffix == ".xls":
        return _XLS_VBA in data
    return any(name.lower().endswith(VBA_PART) or name.startswith(_ODS_SCRIPTS) for name in names)
