"""Whether a returned book carries macros a spreadsheet program would offer to run. The books the tool issues have
none and the tool never runs one (it reads the cells' values), so one found was added by someone: said, so that
nobody opens the book in Excel or LibreOffice with its macros enabled (the commune looks at a school's summary the
same way: :func:`thidua_xlsx.commune.read_inbox.has_macros`)."""

from __future__ import annotations

from collections.abc import Iterable

VBA_PART = "vbaproject.bin"  # an .xlsx/.xlsm's VBA project, where Excel puts it (lower case)
# the workbook's relationships to code, whatever its part is named: a VBA project, an Excel 4.0 macro sheet
_CODE_RELATIONSHIPS = (b"relationships/vbaProject", b"relationships/xlMacrosheet", b"relationships/xlIntlMacrosheet")
_MACRO_SHEETS = "xl/macrosheets/"
_XLS_VBA = "_VBA_PROJECT_CUR".encode("utf-16-le")  # an .xls's VBA storage, named in its directory
_ODS_SCRIPTS = ("Basic/", "Scripts/")  # an .ods's Basic libraries and its scripts


def macros_in(data: bytes, suffix: str, names: Iterable[str], relationships: bytes = b"") -> bool:
    """Whether the book ``data`` (of kind ``suffix``; ``names``: its zip's entries, as containment listed them;
    ``relationships``: its workbook's, as containment inflated them) holds macros."""
    if suffix == ".xls":
        return _XLS_VBA in data
    return any(kind in relationships for kind in _CODE_RELATIONSHIPS) or any(
        name.lower().endswith(VBA_PART) or name.startswith((_MACRO_SHEETS, *_ODS_SCRIPTS)) for name in names)
