"""Rows written once a workbook and given again to its later sheets: what is the same on every form of a rubric —
its header and title, its criteria, its totals and signatures (issue 40: writing them cell by cell, form after form,
was half of ``generate``'s writing).

What writing them did to the first sheet — its cells, merged ranges, row heights, data validations, conditional
formats, the count of shared strings, the locked cells recorded — is kept (:class:`Written`) and given to each later
sheet whose state is the same where it matters (the same conditional formats before: their priorities are numbered
per sheet). xlsxwriter then writes the same bytes as had each sheet been written cell by cell
(tests/test_generate_writing.py compares them with its own Workbook's)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from thidua_xlsx.write import xlsx

Result = TypeVar("Result")


def once_a_workbook(book, ws, what: tuple, start: int, write: Callable[[], tuple[Result, int]], key: str = ""
                    ) -> Result:
    """``write()`` — which writes rows from ``start`` on ``ws`` and returns its result and the row after them —
    called for the first sheet of ``what`` in ``book`` (a :class:`.book.DepartmentBook`) and what it did given to the
    later ones, its result the first's. The locked cells it records under ``key`` are recorded under each sheet's.
    Written each time with an xlsxwriter whose internals this was not compared on (:func:`.xlsx.shortcuts`)."""
    if not xlsx.shortcuts():
        return write()[0]
    known = book.repeated.get(what)
    if known is not None and known[0].fits(ws):
        written, result, locks = known
        written.give(book.wb, ws)
        for suffix, value in locks:
            book.locked.setdefault(key + suffix, value)
        return result
    watch, before = Watch(book.wb, ws, start), len(book.locked)
    result, end = write()
    written = watch.written(end)
    if written is not None:
        locks = [(name[len(key):], value) for name, value in list(book.locked.items())[before:]]
        book.repeated.setdefault(what, (written, result, locks))
    return result


@dataclass(frozen=True)
class Written:
    """What writing rows ``start``…``end`` (excluded) did to a sheet that had ``priority`` as its next
    conditional format's priority and ``formatted`` as its conditional formats' ranges."""

    start: int
    end: int
    priority: int
    formatted: tuple[str, ...]
    cells: dict[int, dict]  # row → column → xlsxwriter's cell
    rows: dict[int, tuple[object, list]]  # row → (its RowInfo, its row_sizes entry)
    merges: tuple[tuple[list, ...], tuple[tuple[tuple[int, int], str], ...]]  # ranges; each cell's range
    validations: tuple[dict, ...]
    conditional: tuple[tuple[str, tuple[dict, ...]], ...]  # (range, its formats added), in their order
    strings: int  # shared strings written (each counted, as Excel counts them)
    corners: tuple[tuple[int, int], tuple[int, int]]  # the first and last (row, column) written

    def fits(self, ws) -> bool:
        """Whether ``ws`` is where these rows can be given as they were written: the same conditional formats
        before them, nothing yet in their rows."""
        return (ws.dxf_priority == self.priority and tuple(ws.cond_formats) == self.formatted
                and not any(ws.table.get(r) or r in ws.row_info for r in range(self.start, self.end))
                and not any(cell in ws.merged_cells for cell, _ in self.merges[1]))

    def give(self, wb, ws) -> None:
        """Put the rows in ``ws`` as writing them did (cells are xlsxwriter's immutable tuples: shared)."""
        for r, cells in self.cells.items():
            ws.table[r].update(cells)
        for r, (info, size) in self.rows.items():
            ws.row_info[r], ws.row_sizes[r] = info, list(size)
        ranges, merged = self.merges
        ws.merge.extend(list(cell_range) for cell_range in ranges)
        ws.merged_cells.update(merged)
        ws.validations.extend(dict(v) for v in self.validations)
        for cell_range, formats in self.conditional:
            ws.cond_formats.setdefault(cell_range, []).extend(dict(f) for f in formats)
        ws.dxf_priority += sum(len(formats) for _, formats in self.conditional)
        wb.str_table.count += self.strings
        for row, col in self.corners:
            ws._check_dimensions(row, col)


class Watch:
    """A sheet's state before rows from ``start`` are written; :meth:`written` then tells what writing them did."""

    def __init__(self, wb, ws, start: int):
        self.wb, self.ws, self.start = wb, ws, start
        self.priority, self.strings, self.validations = ws.dxf_priority, wb.str_table.count, len(ws.validations)
        self.formats = {cell_range: len(formats) for cell_range, formats in ws.cond_formats.items()}
        self.merges, self.merged = len(ws.merge), len(ws.merged_cells)
        self.cells, self.rows = sum(map(len, ws.table.values())), len(ws.row_info)

    def written(self, end: int) -> Written | None:
        """What was written in rows ``start``…``end``; None when it wrote outside them or added to the
        conditional formats of ranges before them (then it is not given again)."""
        ws = self.ws
        cells = {r: dict(row) for r in range(self.start, end) if (row := ws.table.get(r))}
        rows = {r: (ws.row_info[r], ws.row_sizes[r]) for r in range(self.start, end) if r in ws.row_info}
        conditional = tuple((cell_range, tuple(dict(f) for f in formats[self.formats.get(cell_range, 0):]))
                            for cell_range, formats in ws.cond_formats.items()
                            if len(formats) > self.formats.get(cell_range, 0))
        ranges = tuple(list(cell_range) for cell_range in ws.merge[self.merges:])
        merged = tuple(list(ws.merged_cells.items())[self.merged:])
        inside = all(self.start <= r < end for cell_range in ranges for r in (cell_range[0], cell_range[2])) \
            and sum(map(len, cells.values())) == sum(map(len, ws.table.values())) - self.cells \
            and len(rows) == len(ws.row_info) - self.rows
        if any(cell_range in self.formats for cell_range, _ in conditional) or not cells or not inside:
            return None
        touched = sorted({*cells, *rows})
        columns = sorted({col for row in cells.values() for col in row})
        return Written(self.start, end, self.priority, tuple(self.formats), cells, rows, (ranges, merged),
                       tuple(dict(v) for v in ws.validations[self.validations:]), conditional,
                       self.wb.str_table.count - self.strings,
                       ((touched[0], columns[0]), (touched[-1], columns[-1])))
