"""Collecting from a mailbox: does each message cost the same however full the mailbox is? N messages with 2 attachments
each — a department's returned book and a photo (not ours, left alone) — from a throwaway Dovecot on the loopback
address (tests/mail/dovecot.py), through ``collect``'s own code (:func:`thidua_xlsx.mail.collect.collect_imap`: TLS,
EXAMINE, the sizes asked, each message peeked, parsed, each attachment given to the intake). Every book is another saved
version of T1's or T2's (its own save time, so its own bytes): each is read as the merge reads it and filed beside the
earlier ones, as when a department sends its book again and again. Then the same mailbox collected a second time
(everything known: nothing fetched).

    python benchmarks/mail_collect.py            # 500 messages, 1,000 attachments
    python benchmarks/mail_collect.py 100        # a quicker run

Printed: the time to fill the mailbox (APPEND), the collect's total, the per-message time by hundreds (flat is the
point), the second collect's total.
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.filling import stamp_saved_time  # noqa: E402
from tests.mail.builders import ADDRESSES, returned_books, returned_mail  # noqa: E402
from tests.mail.dovecot import PASSWORD, running  # noqa: E402
from thidua_xlsx.mail.collect import collect_imap, parse_mailbox  # noqa: E402
from thidua_xlsx.steps.intake import Intake, open_intake  # noqa: E402


class _Timed(Intake):
    """The intake, its time (reading and filing each book) added up per message, apart from the mail's."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.spent: list[float] = [0.0]

    def file(self, *args, **kwargs):
        began = time.perf_counter()
        try:
            return super().file(*args, **kwargs)
        finally:
            self.spent[-1] += time.perf_counter() - began


def main(count: int) -> None:
    with tempfile.TemporaryDirectory(prefix="thidua-bench-mail-") as work, running() as server:
        root = Path(work)
        books = returned_books(root / "books")
        versions = root / "versions"
        versions.mkdir()
        messages = []
        start = time.perf_counter()
        for k in range(count):
            path = versions / f"v{k}.xlsx"
            path.write_bytes(books.t1 if k % 2 == 0 else books.t2)
            stamp_saved_time(path, dt.datetime(2026, 5, 1, 8, 0) + dt.timedelta(minutes=k))
            sender = ADDRESSES["T1"] if k % 2 == 0 else "anh.pham@gmail.com"
            name = "Tổ khối 1 – đã chấm.xlsx" if k % 2 == 0 else "To-van-phong.xlsx"
            messages.append(returned_mail(sender, [(name, path.read_bytes()), (f"anh-{k}.jpg", b"\xff\xd8" * 2000)],
                                          message_id=f"<bench-{k}@truong>"))
        built = time.perf_counter() - start
        start = time.perf_counter()
        server.fill("Bench", messages)
        filled = time.perf_counter() - start
        box = parse_mailbox(server.url("Bench"))
        assert box is not None
        opened = open_intake(books.folder)
        intake = _Timed(opened.folder, opened.school, opened.school_year)
        filing = intake.spent
        stamps: list[float] = []

        def message_done(_label: str) -> None:
            stamps.append(time.perf_counter())
            filing.append(0.0)

        start = time.perf_counter()
        done = collect_imap(box, PASSWORD, intake, cafile=server.cafile, on_message=message_done)
        total = time.perf_counter() - start
        assert done.stopped is None, done.stopped.render()
        per = [b - a for a, b in zip([start, *stamps], stamps)]
        mail = [p - f for p, f in zip(per, filing)]
        start = time.perf_counter()
        again = collect_imap(box, PASSWORD, open_intake(books.folder), cafile=server.cafile)
        second = time.perf_counter() - start
        size = sum(len(m) for m in messages) / (1024 * 1024)
        print(f"messages: {count} ({2 * count} attachments, {size:.1f} MB); built in {built:.1f} s, "
              f"appended in {filled:.1f} s")
        print(f"collect: {total:.1f} s, {1000 * total / count:.0f} ms a message; filed {done.count('filed')}, "
              f"same {done.count('same')}, not ours {done.count('not_ours')}, refused {done.count('refused')}")
        for first in range(0, count, 100):
            chunk, own = per[first:first + 100], mail[first:first + 100]
            print(f"  messages {first + 1}–{first + len(chunk)}: median {1000 * statistics.median(chunk):.1f} ms "
                  f"(the mail's part {1000 * statistics.median(own):.1f} ms, the intake's "
                  f"{1000 * statistics.median(chunk) - 1000 * statistics.median(own):.1f} ms), "
                  f"max {1000 * max(chunk):.0f} ms")
        print(f"collect again: {second:.1f} s ({again.known} known, {again.count('filed')} filed)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 500)
