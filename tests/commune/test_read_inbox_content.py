"""A school's summary read at the commune carries the digest of its content that the seal is checked over: the digest
of the data as read, by the rule of the layout it was written in (``model.layout.sealed_content``): for the sample
commune's summaries (one list edited by hand, one before its council), one whose data was edited by hand and one
written before summaries had a digest."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.summary_meta import raw_meta, rewrite_meta
from thidua_xlsx.commune.read_inbox import read_school_summaries
from thidua_xlsx.model import layout as ly
from thidua_xlsx.read.containment import scan_inbox

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def test_the_content_digest_of_every_summary_read_is_its_datas(tmp_path):
    inbox = tmp_path / "inbox"
    shutil.copytree(SAMPLES / "cap-xa" / "inbox", inbox)
    final = SAMPLES / "tong-hop-cuoi.xlsx"

    def grant(data):
        next(d for d in data["decisions"] if not d[2])[2] = True

    def no_digest(data):
        data["digest"] = ""

    rewrite_meta(final, inbox / "edited-by-hand.xlsx", grant, by_hand=True)
    rewrite_meta(final, inbox / "no-digest.xlsx", no_digest, by_hand=True)
    files, read = read_school_summaries(scan_inbox(inbox))
    assert {"edited-by-hand.xlsx", "no-digest.xlsx"} <= set(read) and len(read) >= 5
    for name, summary in read.items():
        assert summary.content == ly.sealed_content(raw_meta(inbox / name)), name
    assert read["edited-by-hand.xlsx"].edited and read["edited-by-hand.xlsx"].content != ly.sealed_content(
        raw_meta(final))
