"""An untouched copy of an issued book beside its department's filled book: a copy set aside, said as a
note naming the book used — never "nothing filled in: remind the department" while that department's book is used."""

from __future__ import annotations

from tests.filling import fill, registration_values, sheet
from thidua_xlsx.decide.followup import SET_ASIDE, UNFILLED, follow_up, set_aside_copies
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.issues import NOTE, WARNING
from thidua_xlsx.model.report import report_of
from thidua_xlsx.model.titles import LDTT
from thidua_xlsx.service import generate_round, merge_inbox
from thidua_xlsx.system.voice import vietnam_today


def _inbox(small_folder):
    """T1's filled book with its issued copy beside it (the outbox dropped in the inbox by mistake); T2's issued copy
    alone."""
    t1, t2 = generate_round(small_folder, ly.REGISTRATION, small_folder.folder / "outbox").paths
    inbox = small_folder.folder / "inbox"
    fill(t1, inbox / t1.name, registration_values(sheet(t1, ly.RegistrationSheet), {"GV01": LDTT, "GV02": LDTT}))
    (inbox / f"ban phat {t1.name}").write_bytes(t1.read_bytes())
    (inbox / t2.name).write_bytes(t2.read_bytes())
    return inbox, t1, t2


def test_the_untouched_copy_of_a_department_whose_book_is_used_is_a_copy_set_aside(small_folder):
    inbox, t1, t2 = _inbox(small_folder)
    read = merge_inbox(inbox, small_folder)
    summary = set_aside_copies(read)

    copy = f"ban phat {t1.name}"
    (aside,) = [i for i in summary.issues if i.file == copy]
    assert (aside.code, aside.severity) == (SET_ASIDE, NOTE)
    assert aside.message == (f"Bản sổ còn trống như khi phát của Tổ khối 1, để riêng: sổ đã điền của tổ ({t1.name}) "
                             "được dùng. Không cần nhắc tổ; có thể chuyển bản trống này ra khỏi thư mục nhận về.")
    assert "nhắc" not in aside.message.replace("Không cần nhắc", "")
    assert [i.code for f in summary.files if f.name == copy for i in f.issues] == [SET_ASIDE]  # at its file too
    # T2 sent only its blank copy: still "nothing filled in: remind the department"
    (blank,) = [i for i in summary.issues if i.file == t2.name]
    assert (blank.code, blank.severity) == ("file.unfilled", WARNING) and "Hãy nhắc tổ" in blank.message
    assert {f.code: f.state for f in follow_up(summary, vietnam_today())}["T2"] == UNFILLED
    # counted once, as a note: one warning fewer, one note more than the reader's words
    before, after = report_of(read).counts, report_of(summary).counts
    assert (after.warnings, after.notes) == (before.warnings - 1, before.notes + 1)
    assert [f.problems for f in report_of(summary).files if f.name == copy] == [0]


def test_nothing_is_set_aside_when_no_department_s_book_is_used(small_folder):
    t1, _t2 = generate_round(small_folder, ly.REGISTRATION, small_folder.folder / "outbox").paths
    inbox = small_folder.folder / "inbox"
    (inbox / t1.name).write_bytes(t1.read_bytes())
    read = merge_inbox(inbox, small_folder)
    assert set_aside_copies(read) is read
