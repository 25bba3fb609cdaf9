"""Rows written once a workbook and given again to its later sheets: what is the same on every form of a rubric —
its header and title, its criteria, its totals and signatures (writing them cell by cell, form after form,
was half of ``generate``'s writing).

What writing them did to the first sheet — its cells, merged ranges, row heights, data validations, conditional
formats, the count of shared strings — is kept (:class:`.xlsx.Written`, which alone knows xlsxwriter's insides), with
the locked cells recorded, and given to each later sheet whose state is the same where it matters (the same
conditional formats before: their priorities are numbered per sheet). xlsxwriter then writes the same bytes as had
each sheet been written cell by cell (tests/commands/test_generate_writing.py compares them with its own Workbook's)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from thidua_xlsx.write import xlsx
from thidua_xlsx.write.xlsx import Watch, Written

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
        given, result, locks = known
        given.give(book.wb, ws)
        for suffix, value in locks:
            book.locked.setdefault(key + suffix, value)
        return result
    watch, before = Watch(book.wb, ws, start), len(book.locked)
    result, end = write()
    written: Written | None = watch.written(end)
    if written is not None:
        locks = [(name[len(key):], value) for name, value in list(book.locked.items())[before:]]
        book.repeated.setdefault(what, (written, result, locks))
    return result
