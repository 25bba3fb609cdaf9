"""Rows written once a workbook and repeated on its later sheets: the criteria of a rubric, the same on every form
of that rubric (issue 40: writing them cell by cell was a quarter of ``generate``'s time).

What writing them did to the first sheet — its cells, row heights, data validations, conditional formats, and the
count of shared strings — is kept (:class:`Written`) and given to each later sheet whose state is the same where it
matters (the same conditional formats before: their priorities are numbered per sheet). xlsxwriter then writes the
same bytes as had each sheet been written cell by cell (tests/test_generate_writing.py compares them)."""

from __future__ import annotations

from dataclasses import dataclass


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
    validations: tuple[dict, ...]
    conditional: tuple[tuple[str, tuple[dict, ...]], ...]  # (range, its formats added), in their order
    strings: int  # shared strings written (each counted, as Excel counts them)
    corners: tuple[tuple[int, int], tuple[int, int]]  # the first and last (row, column) written

    def fits(self, ws) -> bool:
        """Whether ``ws`` is where these rows can be given as they were written: the same conditional formats
        before them, nothing yet in their rows."""
        return (ws.dxf_priority == self.priority and tuple(ws.cond_formats) == self.formatted
                and not any(ws.table.get(r) or r in ws.row_info for r in range(self.start, self.end)))

    def give(self, wb, ws) -> None:
        """Put the rows in ``ws`` as writing them did (cells are xlsxwriter's immutable tuples: shared)."""
        for r, cells in self.cells.items():
            ws.table[r].update(cells)
        for r, (info, size) in self.rows.items():
            ws.row_info[r], ws.row_sizes[r] = info, list(size)
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

    def written(self, end: int) -> Written | None:
        """What was written in rows ``start``…``end``; None when it reached outside them or changed the
        formats before them (then it is not given again)."""
        ws = self.ws
        cells = {r: dict(row) for r in range(self.start, end) if (row := ws.table.get(r))}
        rows = {r: (ws.row_info[r], ws.row_sizes[r]) for r in range(self.start, end) if r in ws.row_info}
        conditional = tuple((cell_range, tuple(dict(f) for f in formats[self.formats.get(cell_range, 0):]))
                            for cell_range, formats in ws.cond_formats.items()
                            if len(formats) > self.formats.get(cell_range, 0))
        if any(cell_range in self.formats for cell_range, _ in conditional) or not cells:
            return None
        touched = sorted({*cells, *rows})
        columns = sorted({col for row in cells.values() for col in row})
        return Written(self.start, end, self.priority, tuple(self.formats), cells, rows,
                       tuple(dict(v) for v in ws.validations[self.validations:]), conditional,
                       self.wb.str_table.count - self.strings,
                       ((touched[0], columns[0]), (touched[-1], columns[-1])))
