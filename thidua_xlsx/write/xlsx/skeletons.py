"""A sheet's skeleton: its XML as xlsxwriter wrote it once in a workbook of its own, the numbers that depend
on that workbook made slots, placed in other workbooks with other texts; such a workbook zipped by
:mod:`thidua_xlsx.write.zipped` (each part compressed once a process). Part of :mod:`thidua_xlsx.write.xlsx`, the
one package that uses xlsxwriter's insides."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, TextIO

from xlsxwriter.packager import Packager
from xlsxwriter.sharedstrings import SharedStrings

from thidua_xlsx.write.xlsx import (
    _REMEMBERED_LIMIT,
    CellTexts,
    packaged_parts,
    remembering_workbook_class,
    shortcuts,
)
from thidua_xlsx.write.zipped import zip_bytes

# A sheet's calls beyond its XML (its state and defined names in workbook.xml): made again where its skeleton goes
_WORKBOOK_LEVEL = ("hide", "very_hidden", "activate", "select", "set_first_sheet", "repeat_rows", "repeat_columns",
                   "print_area")
# A sheet's numbers that depend on its workbook: a cell's, row's or column's style (xf), a conditional format's dxf,
# a text cell's shared string; xlsxwriter escapes '<' '>' '"' in attributes, '<' in text: a tag is '<' to next '>'
_TAG = re.compile(r'<(?:c|row|col|cfRule) [^>]*>')
_NUMBER = re.compile(r' (s|style|dxfId)="(\d+)"')
_SHARED = re.compile(r'<v>(\d+)</v>')
# What other parts of a workbook hold for a sheet (drawings, comments, tables, links): then it has no skeleton
_ELSEWHERE = ("charts", "images", "shapes", "tables", "buttons_list", "header_images", "hyperlinks")


@dataclass(frozen=True)
class SheetSkeleton:
    """A worksheet's XML as xlsxwriter wrote it in a workbook of its own, with what depends on the workbook it is
    placed in made fields of ``template`` (:meth:`str.format`'s): first the xf index of each format of ``styles``
    (by name, in the order the XML first uses them), then the shared-string index of each text of ``strings`` (in the
    order xlsxwriter first wrote them), then the dxf index of each format of ``dxf`` (by name, in the order its
    conditional formats first used them). ``writes``: how many text cells it wrote (each counted, as Excel counts
    them); ``texts``: what its cells show (:class:`CellTexts`); ``calls``: its calls that reach beyond its XML,
    replayed on the sheet it is placed in."""

    template: str
    styles: tuple[str, ...]
    strings: tuple[str, ...]
    dxf: tuple[str, ...]
    writes: int
    texts: tuple[str, ...]
    calls: tuple[tuple[str, tuple], ...]


@cache
def skeleton_workbook_class() -> type:
    """:func:`remembering_workbook_class`'s Workbook whose worksheets can be made from a :class:`SheetSkeleton`
    (:func:`place_skeleton`) and record their calls that reach beyond their XML, which remembers each text's XML in
    its shared strings, and which zips its parts with :func:`.zipped.zip_bytes` (each part compressed once a
    process); xlsxwriter's own where :func:`shortcuts` is False."""
    remembering: Any = remembering_workbook_class()
    if not shortcuts():
        return remembering

    class SkeletonWorksheet(remembering.worksheet_class):
        rows_remembered = False  # its forms are placed: the rows xlsxwriter writes (the other sheets') never repeat

        def __init__(self):
            super().__init__()
            self.calls: list[tuple[str, tuple]] = []
            self.placed: tuple | None = None  # a skeleton's template, its formats, its other fields' numbers
            self.placed_texts: tuple[tuple[str, ...], tuple[int, ...], tuple[str, ...]] | None = None

        def _assemble_xml_file(self):
            if self.placed is None:
                return super()._assemble_xml_file()
            self.fh.write(self.placed_xml().decode("utf-8"))
            self._xml_close()
            return None

        def placed_xml(self) -> bytes:
            """The XML of a sheet placed from a skeleton, in UTF-8: the xf indices are given as xlsxwriter gives
            them, at first use, sheet after sheet, in the XML's order."""
            if self.placed is None:
                raise ValueError(f"{self.name}: not a sheet placed from a skeleton")
            template, styles, fixed = self.placed
            return _formatted((template, *[str(style._get_xf_index()) for style in styles], *fixed))

    def recorded(name: str):
        def call(self, *args):
            self.calls.append((name, args))
            return getattr(super(SkeletonWorksheet, self), name)(*args)
        return call

    for method in _WORKBOOK_LEVEL:
        setattr(SkeletonWorksheet, method, recorded(method))


    si_written: dict[str, str] = {}  # a text → its <si> element (the same names, criteria and labels every book)

    class RememberingStrings(SharedStrings):
        fh: TextIO  # xlsxwriter's: where the part's XML goes

        def _write_sst_strings(self):
            fh = self.fh
            for string in self.string_table.string_array:
                found = si_written.get(string)
                if found is None:
                    self.fh = io.StringIO()
                    self._write_si(string)
                    found, self.fh = self.fh.getvalue(), fh
                    if len(si_written) >= _REMEMBERED_LIMIT:
                        si_written.clear()
                    si_written[string] = found
                fh.write(found)

    class RememberingPackager(Packager):
        def _write_worksheet_files(self):
            # xlsxwriter 3.3's, where the parts are kept in memory a sheet placed from a skeleton given as its bytes
            # (the same bytes object for the same sheet in many books: encoded, hashed and compressed once)
            if not self.in_memory:
                return super()._write_worksheet_files()
            index = 1
            for worksheet in self.workbook.worksheets():
                if worksheet.is_chartsheet:
                    continue
                name = f"xl/worksheets/sheet{index}.xml"
                if getattr(worksheet, "placed", None) is not None:
                    self.filenames.append((io.BytesIO(worksheet.placed_xml()), name, True))
                else:
                    if worksheet.constant_memory:
                        worksheet._opt_reopen()
                        worksheet._write_single_row()
                    worksheet._set_xml_writer(self._filename(name))
                    worksheet._assemble_xml_file()
                index += 1
            return None

        def _write_shared_strings_file(self):
            # xlsxwriter 3.3's, its strings' XML remembered
            if self.workbook.str_table.count:
                sst = RememberingStrings()
                sst.string_table = self.workbook.str_table
                sst._set_xml_writer(self._filename("xl/sharedStrings.xml"))
                sst._assemble_xml_file()

    class SkeletonWorkbook(remembering):
        worksheet_class = SkeletonWorksheet

        def _get_packager(self):
            return RememberingPackager()

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            # a skeleton's id → (it, its texts' numbers, where values go in them and in its texts shown) once placed
            self.placed_before: dict[int, tuple[SheetSkeleton, list[str], list[int], tuple[int, ...]]] = {}

        def _store_workbook(self):
            # xlsxwriter 3.3's _store_workbook, its parts zipped by zipped.zip_bytes in place of ZipFile
            if not self.in_memory or self.vba_project or not isinstance(self.filename, str):
                return super()._store_workbook()

            with open(self.filename, "wb") as fh:
                fh.write(zip_bytes(packaged_parts(self)))
            return None

    return SkeletonWorkbook


@lru_cache(maxsize=512)  # a placed sheet's XML (tens of KB) by its template and numbers: the same in many books
def _formatted(key: tuple[str, ...]) -> bytes:
    return key[0].format(*key[1:]).encode("utf-8")


def takes_skeletons(wb) -> bool:
    """Whether ``wb``'s sheets can be made from skeletons (a :func:`skeleton_workbook_class` workbook)."""
    return shortcuts() and isinstance(wb, skeleton_workbook_class())


def sheet_skeleton(wb, ws, formats: dict[str, Any]) -> SheetSkeleton | str:
    """``ws``'s skeleton — ``ws`` the only sheet written in ``wb`` (a :func:`skeleton_workbook_class` workbook,
    never closed), ``formats`` its formats by name — or why it has none."""
    if any(getattr(ws, name) for name in _ELSEWHERE) or ws.autofilter_area or ws.comments or ws.constant_memory \
            or len(wb.worksheets()) != 1:
        return "parts beyond the sheet"
    texts = tuple(CellTexts(wb).of(ws))
    strings = tuple(wb.str_table.string_table)  # in the order first written: their indices
    fh = io.StringIO()
    ws._set_xml_writer(fh)
    ws._assemble_xml_file()
    xml = fh.getvalue()
    # each xf and dxf index → the name of the first format holding it
    xf, dxf = ({getattr(f, index): name for name, f in reversed(formats.items()) if getattr(f, index) is not None}
               for index in ("xf_index", "dxf_index"))
    dxf_order = tuple(dxf[number] for number in sorted(dxf))
    styles: dict[str, int] = {}  # a format's name → its place among the template's first fields
    pieces, fields, at = [], [], 0
    for tag in _TAG.finditer(xml):
        found = [(m.start(2), m.end(2), "dxf" if m.group(1) == "dxfId" else "xf", int(m.group(2)))
                 for m in _NUMBER.finditer(xml, tag.start(), tag.end())]
        if tag.group(0).startswith("<c ") and ' t="s"' in tag.group(0):  # a shared string's cell: its index next
            value = _SHARED.match(xml, tag.end())
            if value is None:
                return "a shared string's cell not known"
            found.append((value.start(1), value.end(1), "text", int(value.group(1))))
        for start, end, slot, number in found:
            if not (number < len(strings) if slot == "text" else number in (xf if slot == "xf" else dxf)):
                return "a number of its workbook not known"
            field = (slot, number if slot == "text" else styles.setdefault(xf[number], len(styles)) if slot == "xf"
                     else dxf_order.index(dxf[number]))
            pieces.append(xml[at:start].replace("{", "{{").replace("}", "}}"))
            fields.append(field)
            at = end
    pieces.append(xml[at:].replace("{", "{{").replace("}", "}}"))
    first = {"xf": 0, "text": len(styles), "dxf": len(styles) + len(strings)}
    template = pieces[0] + "".join(f"{{{first[kind] + k}}}{piece}" for (kind, k), piece in zip(fields, pieces[1:]))
    skeleton = SheetSkeleton(template, tuple(styles), strings, dxf_order, wb.str_table.count, texts,
                             tuple(ws.calls))
    own = [str(formats[name].xf_index) for name in styles] + [str(k) for k in range(len(strings))] \
        + [str(formats[name].dxf_index) for name in dxf_order]
    if template.format(*own) != xml:  # the fields found are every number that depends on the workbook
        return "its XML not made again"
    return skeleton


def place_skeleton(wb, ws, skeleton: SheetSkeleton, formats: dict[str, Any], texts: dict[str, str]) -> None:
    """Make ``ws`` (of a :func:`skeleton_workbook_class` workbook ``wb``, nothing written on it) the sheet of
    ``skeleton`` with each text that is a key of ``texts`` its value, in the state writing that sheet would have
    left ``wb`` in: its texts added to the shared strings in the order written and counted, its conditional formats'
    formats numbered, its calls beyond its XML made; its xf numbers are given at assembly, in the order xlsxwriter
    gives them."""
    table = wb.str_table
    index = table._get_shared_string_index
    known = wb.placed_before.get(id(skeleton))
    if known is None:  # its texts added in the order written
        fixed = [str(index(texts.get(text, text))) for text in skeleton.strings]
        table.count += skeleton.writes - len(skeleton.strings)
        at = [k for k, text in enumerate(skeleton.strings) if text in texts]
        shown = tuple(k for k, text in enumerate(skeleton.texts) if text in texts)
        wb.placed_before[id(skeleton)] = (skeleton, fixed, at, shown)  # the skeleton kept: its id stays its own
    else:  # placed before in wb: its other texts are there, at the same numbers; the values' added in their order
        _, numbers, at, shown = known
        fixed = list(numbers)
        for k in at:
            fixed[k] = str(index(texts[skeleton.strings[k]]))
        table.count += skeleton.writes - len(at)
    fixed += [str(formats[name]._get_dxf_index()) for name in skeleton.dxf]
    for name, args in skeleton.calls:
        getattr(ws, name)(*args)
    ws.placed = (skeleton.template, [formats[name] for name in skeleton.styles], fixed)
    ws.placed_texts = (skeleton.texts, shown, tuple(texts[skeleton.texts[k]] for k in shown))


def placed_texts(ws) -> tuple[tuple[str, ...], tuple[int, ...], tuple[str, ...]] | None:
    """What ``ws`` shows when it was made from a skeleton (:func:`place_skeleton`): the skeleton's texts shown (the
    same object for every sheet of that skeleton), the places among them where this sheet shows its own values, and
    those values; None for a sheet written otherwise."""
    return getattr(ws, "placed_texts", None)
