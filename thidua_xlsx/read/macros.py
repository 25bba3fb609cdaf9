"""Whether a returned book carries macros a spreadsheet program would offer to run. The books the tool issues have
none and the tool never runs one (it reads the cells' values), so one found was added by someone: said, so that
nobody opens the book in Excel or LibreOffice with its macros enabled. The school's inbox asks it of each department
book (:mod:`thidua_xlsx.read.department`), the commune of each school's summary
(:func:`thidua_xlsx.commune.read_inbox.has_macros`, which also holds a macro-enabled workbook without code: the tool
never writes one).

Code is found the way the programs find it, not by a part's usual name alone: the workbook's relationships and the
package's content types are parsed (a type written with character references reads as the program reads it)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Mapping

from thidua_xlsx.read.containment import CFB_MAGIC
from thidua_xlsx.read.inflating import DAMAGED_ZIP
from thidua_xlsx.read.package_parts import BOOK_RELS_PART, CONTENT_TYPES, part_root, relationships

VBA_PART = "vbaproject.bin"  # an .xlsx/.xlsm's VBA project, where Excel puts it (lower case)
_CODE_RELATIONSHIPS = frozenset({"vbaproject", "xlmacrosheet", "xlintlmacrosheet"})  # a Type's last segment, folded
_CODE_TYPES = frozenset({"application/vnd.ms-office.vbaproject", "application/vnd.ms-excel.macrosheet+xml",
                         "application/vnd.ms-excel.intlmacrosheet+xml"})  # content types, folded
_CODE_PLACES = ("xl/macrosheets/", "basic/", "scripts/")  # Excel 4.0 macro sheets; an .ods's Basic and its scripts
_XLS_VBA = "_VBA_PROJECT_CUR".encode("utf-16-le")  # an .xls's VBA storage, named in its directory
_ODS_EVENTS = b"script:event-listener"  # an .ods's cell or form bound to a macro (its own or the program's)


def macros_in(data: bytes, kept: Mapping[str, bytes | Exception] | None = None) -> bool:
    """Whether the workbook ``data`` (an .xlsx/.xlsm, an .ods or an .xls, told from its bytes) holds macros;
    ``kept``: its parts containment inflated already, by name. A file too damaged to tell is said by its reader."""
    if data[:8] == CFB_MAGIC:
        return _XLS_VBA in data
    return _asked(data, lambda book: _code_in(book, kept or {}))


def macro_enabled(data: bytes, kept: Mapping[str, bytes | Exception] | None = None) -> bool:
    """Whether the .xlsx ``data`` says it is a macro-enabled workbook (an .xlsm), code or not."""
    return _asked(data, lambda book: any("macroenabled" in kind for kind in _content_types(book, kept or {})))


def _asked(data: bytes, question: Callable[[zipfile.ZipFile], bool]) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as book:
            return question(book)
    except (LookupError, ValueError, RuntimeError, *DAMAGED_ZIP):
        return False


def _code_in(book: zipfile.ZipFile, kept: Mapping[str, bytes | Exception]) -> bool:
    names = book.namelist()
    if any(name.lower().endswith(VBA_PART) or name.lower().startswith(_CODE_PLACES) for name in names):
        return True
    if "content.xml" in names and "xl/workbook.xml" not in names:  # an .ods (bounded by containment's checks)
        return _ODS_EVENTS in book.read("content.xml")
    if BOOK_RELS_PART in names and any(kind.lower() in _CODE_RELATIONSHIPS
                                       for _, kind, _ in relationships(book, kept, BOOK_RELS_PART)):
        return True
    return not _CODE_TYPES.isdisjoint(_content_types(book, kept))


def _content_types(book: zipfile.ZipFile, kept: Mapping[str, bytes | Exception]) -> set[str]:
    """The content types the package declares, folded (none when it has no declaration)."""
    if CONTENT_TYPES not in book.namelist():
        return set()
    return {(part.get("ContentType") or "").lower() for part in part_root(book, kept, CONTENT_TYPES)}
