"""What is a returned book is told in one place (read.containment.returned_book): the files a spreadsheet program or a
system leaves in an inbox — Excel's and LibreOffice's lock files, Thumbs.db, desktop.ini, .DS_Store — are neither
counted as received on the page's overview nor read as books by the merge."""

from __future__ import annotations

import datetime as dt

from tests.scoring_round import T1_SCORES, fill_department, scoring_round
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model import places
from thidua_xlsx.model.inbox import SKIPPED
from thidua_xlsx.read.containment import returned_book, scan_inbox
from thidua_xlsx.read.department import ReadContext, read_file
from thidua_xlsx.steps.overview import rounds_of

LEFT_THERE = {  # a name, and the reason the merge passes it over
    "~$To-khoi-1.xlsx": "file.skipped_lock", ".~lock.To-khoi-1.xlsx#": "file.skipped_lock",
    "Thumbs.db": "file.skipped_system", "desktop.ini": "file.skipped_system", ".DS_Store": "file.skipped_system",
    "THUMBS.DB": "file.skipped_system",
}


def test_lock_and_system_files_are_neither_counted_received_nor_read_as_books(tmp_path):
    folder, (t1, _t2) = scoring_round(tmp_path)
    inbox = places.Places(folder.folder).inbox(ly.SCORING)
    inbox.mkdir(parents=True, exist_ok=True)
    fill_department(t1, inbox / t1.name, T1_SCORES, dt.datetime(2026, 5, 10, 8, 0))
    for name in LEFT_THERE:
        (inbox / name).write_bytes(b"\x0bsecretary" + b"\x00" * 40)

    [scoring] = [r for r in rounds_of(folder) if r.round == ly.SCORING]
    assert scoring.received == 1  # the one book, not the files beside it

    items = scan_inbox(inbox)
    assert [item.name for item in items if returned_book(item)] == [t1.name]
    context = ReadContext(folder.campaign, folder.registry)
    read = {item.name: read_file(item, context) for item in items}
    assert {name: (f.status, f.reason) for name, f in read.items() if name != t1.name} == {
        name: (SKIPPED, reason) for name, reason in LEFT_THERE.items()}
    assert read[t1.name].status == "accepted"
