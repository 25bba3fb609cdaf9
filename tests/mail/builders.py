"""Builders of the mail tests: a small school campaign (tests.conftest's, with the departments' addresses) whose
scoring books are out and returned, and the drafts read back with the standard library."""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path

from tests.conftest import campaign_dict, make_folder
from tests.filling import fill, layout, person_values, register, sheet, stamp_saved_time
from tests.scoring_round import T1_SCORES, T2_SCORES, TITLES
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly

VIETNAM = dt.timezone(dt.timedelta(hours=7))
ADDRESSES = {"T1": "lan.nguyen@truong-thu.edu.vn", "T2": ""}  # the second department has no address


def mail_campaign(root: Path):
    """The small campaign, T1's head with an address and T2's without, in a campaign folder under ``root``."""
    data = campaign_dict()
    data["departments"] = [dict(d, email=ADDRESSES[d["code"]]) for d in data["departments"]]
    return make_folder(root / "campaign", cm.from_dict(data))


def registered(root: Path):
    """The campaign folder with its registration round merged: (folder, the registration summary)."""
    folder = mail_campaign(root)
    summary = register(folder, TITLES, root / "dang-ky",
                       collective={"T1": "Tập thể lao động tiên tiến", "T2": "Tập thể lao động tiên tiến"})
    return folder, summary


def fill_scores(src: Path, dst: Path, scores: dict, saved: dt.datetime) -> None:
    """A department's scoring book ``src`` filled with ``scores`` (code → (own, department's)) saved as ``dst``."""
    found = layout(src)
    values = {}
    for code, (own, dept) in scores.items():
        values |= person_values(sheet(found, ly.ScoringSheet, code), own, dept)
    dept_rec = sheet(found, ly.DepartmentSheet)
    values[(dept_rec.name, dept_rec.collective_cell)] = "Tập thể lao động tiên tiến"
    dst.parent.mkdir(parents=True, exist_ok=True)
    fill(src, dst, values)
    stamp_saved_time(dst, saved)


def read_eml(path: Path) -> EmailMessage:
    """A draft parsed back by the standard library, as a mail program reads it."""
    with path.open("rb") as handle:
        message = BytesParser(policy=policy.default).parse(handle)
    assert isinstance(message, EmailMessage)
    return message


def body_of(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain",))
    assert part is not None
    return part.get_content()


def attachments_of(message: EmailMessage) -> dict[str, bytes]:
    """File name → bytes of each attachment."""
    found = {}
    for part in message.iter_attachments():
        name = part.get_filename()
        assert name is not None
        found[name] = part.get_payload(decode=True)
    return found


def returned_mail(sender: str, attachments: list[tuple[str, bytes]], subject: str = "Trả lời: sổ thi đua",
                  message_id: str | None = None, when: dt.datetime | None = None) -> bytes:
    """A reply as a department head's mail program sends it: From, Date, Message-ID, a line of text, the files."""
    from email.utils import format_datetime, make_msgid

    message = EmailMessage(policy=policy.SMTP)
    message["From"] = sender
    message["To"] = "thu.ky@truong-thu.edu.vn"
    message["Subject"] = subject
    message["Date"] = format_datetime(when or dt.datetime(2026, 5, 12, 9, 30, tzinfo=VIETNAM))
    message["Message-ID"] = message_id or make_msgid(domain="truong-thu.edu.vn")
    message.set_content("Em gửi lại sổ đã điền ạ.")
    for name, data in attachments:
        maintype, subtype = ("application", "octet-stream")
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return message.as_bytes()


def with_line(message: bytes, name: bytes, line: bytes) -> bytes:
    """``message`` with its header line ``name`` replaced by ``line`` as typed (what no mail program writes)."""
    head, _, body = message.partition(b"\r\n\r\n")
    kept = [h for h in head.split(b"\r\n") if not h.lower().startswith(name.lower() + b":")]
    return b"\r\n".join([*kept, name + b": " + line]) + b"\r\n\r\n" + body


@dataclass(frozen=True)
class Books:
    """A campaign folder whose scoring books are out, and the books as returned (bytes): T1's and T2's filled scoring
    books, T1's filled registration book."""

    folder: Path
    t1: bytes
    t2: bytes
    t1_registration: bytes


def returned_books(root: Path) -> Books:
    from thidua_xlsx.service import generate_round

    folder, summary = registered(root)
    paths = generate_round(folder, ly.SCORING, root / "outbox", summary).paths
    t1, t2 = sorted(paths, key=lambda p: "Van-phong" in p.name)
    work = root / "returned"
    fill_scores(t1, work / "t1.xlsx", T1_SCORES, dt.datetime(2026, 5, 12, 8, 0))
    fill_scores(t2, work / "t2.xlsx", T2_SCORES, dt.datetime(2026, 5, 12, 9, 0))
    registration = next((root / "dang-ky" / "inbox-dang-ky").glob("*To-khoi-1.xlsx"))
    return Books(folder.folder, (work / "t1.xlsx").read_bytes(), (work / "t2.xlsx").read_bytes(),
                 registration.read_bytes())


def fresh_campaign(books: Books, target: Path) -> Path:
    """A copy of the books' campaign folder (its record of issued books with it), nothing received yet."""
    shutil.copytree(books.folder, target)
    return target


HOLDER = """
import sys
from pathlib import Path
from thidua_xlsx.system.lock import folder_lock_path, holding
with holding([folder_lock_path(Path(sys.argv[1]))], "merge"):
    print("ready", flush=True)
    sys.stdin.read()
"""


@contextlib.contextmanager
def held(folder: Path) -> Iterator[None]:
    """The campaign folder held by another process (a merge running), until the block ends."""
    root = Path(__file__).resolve().parents[2]
    process = subprocess.Popen([sys.executable, "-c", HOLDER, str(folder)], cwd=root, text=True,
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        assert process.stdout is not None and process.stdout.readline().strip() == "ready"
        yield
    finally:
        if process.stdin is not None:
            process.stdin.close()
        process.wait(timeout=60)
        if process.stdout is not None:
            process.stdout.close()
