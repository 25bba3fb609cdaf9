"""District and province scale: the parallel paths give exactly what the sequential ones give.

No timings here (benchmarks/bench_scale.py measures): the merge of an inbox read on several cores is
the same Summary as read in one process — on the hostile corpus of test_corpus.py too —, the per-file
time limit and containment hold inside the workers, a worker that dies is one file's status, and
``generate`` writes the same bytes and records in parallel as in one process.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import os

import pytest

from tests.corpus import fail_on_khoi_1, valid_inbox
from tests.workers import cannot_start, generated, stall
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.inbox import ACCEPTED
from thidua_xlsx.model.issues import NOTE
from thidua_xlsx.read import department as reader
from thidua_xlsx.read.containment import scan_inbox
from thidua_xlsx.service import merge_inbox
from thidua_xlsx.steps import parallel
from thidua_xlsx.system import pool

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the tests patch the reader inside forked workers")


def _merge(inbox, folder, monkeypatch, parallel_path: bool, **kwargs):
    """merge_inbox with its files read by two workers (``parallel_path``) or in this process."""
    monkeypatch.setattr(parallel, "workers_for", lambda count: 2 if parallel_path else 0)
    return merge_inbox(inbox, folder, **kwargs)


def test_the_same_summary_read_in_parallel_or_not(school, monkeypatch):
    """The filled inbox of test_merge (two versions of a department, a newcomer, noise)."""
    done = []
    parallel_summary = _merge(school["inbox"], school["folder"], monkeypatch, True, on_file=done.append)
    sequential_summary = _merge(school["inbox"], school["folder"], monkeypatch, False)
    assert parallel_summary == sequential_summary
    assert sorted(done) == sorted(item.name for item in scan_inbox(school["inbox"]))  # the progress bar: once each
    superseded = [f for f in parallel_summary.files if f.status == "superseded"]
    assert superseded and any(i.code == "file.version_diff" and dict(i.params)["count"] for i in superseded[0].issues)


def test_the_same_summary_for_the_hostile_corpus(hostile_inbox, base, monkeypatch):
    """Every broken and hostile entry of test_corpus.py (zip bombs, entities, far cells, links, a FIFO,
    a 5 GB video…): containment holds inside the workers, each entry has the same outcome."""
    parallel_summary = _merge(hostile_inbox["inbox"], base["folder"], monkeypatch, True)
    sequential_summary = _merge(hostile_inbox["inbox"], base["folder"], monkeypatch, False)
    assert parallel_summary == sequential_summary
    found = {f.name: (f.status, f.reason) for f in parallel_summary.files}
    assert found == hostile_inbox["expected"]


def test_what_the_merge_keeps_of_a_file_is_slim(school, monkeypatch):
    """No cells of any file: the versions once compared let go of their packed inputs too (a file of
    another round, never compared, keeps them)."""
    summary = _merge(school["inbox"], school["folder"], monkeypatch, True)
    compared = [f for f in summary.files if f.status in ("accepted", "superseded")]
    assert len(compared) == 3 and not any(f.submission.inputs for f in compared)
    for f in summary.files:
        if f.submission is not None:
            assert f.submission.forms == () and f.submission.registrations == ()
            assert f.submission.issued.locked == () and f.submission.issued.rubrics == ()
            assert f.department_name and f.submission.department_code


def test_only_the_newest_version_of_a_department_keeps_its_entries(school, monkeypatch):
    """The validated entries of an older version are let go as soon as a newer one is read: when the
    versions are compared, one department's worth of entries is alive per department, not per file."""
    import weakref

    from thidua_xlsx.check import selection

    made, alive_at_selection = [], []
    validate, select = parallel.validate, selection.select

    def tracked_validate(*args):
        clean = validate(*args)
        made.append(weakref.ref(clean))
        return clean

    def counting_select(files, *args):
        import gc

        gc.collect()
        alive_at_selection.append(sorted(ref().file for ref in made if ref() is not None))
        return select(files, *args)

    monkeypatch.setattr(parallel, "validate", tracked_validate)
    monkeypatch.setattr(selection, "select", counting_select)
    summary = _merge(school["inbox"], school["folder"], monkeypatch, False)
    superseded = [f.name for f in summary.files if f.status == "superseded"]
    winners = [f.name for f in summary.files if f.status == "accepted"]
    other_round = [f.name for f in summary.files if f.reason == "file.other_round"]  # newest of its round
    assert superseded and other_round and len(made) > len(winners) + len(other_round)
    assert alive_at_selection == [sorted(winners + other_round)]  # the older version's entries were let go


@pytest.mark.parametrize("parallel_path", [True, False])
def test_the_time_limit_holds_in_the_workers(base, tmp_path, monkeypatch, parallel_path):
    inbox = valid_inbox(base, tmp_path / "inbox")
    monkeypatch.setattr(reader, "SECONDS_PER_FILE", 1)
    fail_on_khoi_1(monkeypatch, stall)
    summary = _merge(inbox, base["folder"], monkeypatch, parallel_path)
    status = {f.name: (f.status, f.reason) for f in summary.files}
    assert status[base["t1"].name] == ("rejected", "file.too_slow")
    assert status[base["t2"].name] == ("accepted", "")


def test_a_worker_that_dies_is_one_files_outcome(base, tmp_path, monkeypatch):
    """A file that kills its worker (as a crash in a native parser would): that file is rejected as our
    error, every other file — those the dead worker held too — is read; its copies too (they cannot be known by
    the read of a file that was not read)."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    names = []
    for n in range(6):
        for src in (base["t1"], base["t2"]):
            name = f"{n}-{src.name}"
            (inbox / name).write_bytes(src.read_bytes())
            names.append(name)
    real = reader._read_workbook

    def dies_on_one(entry, *args):
        if entry.name == names[1]:  # the first of the six copies of T2
            os._exit(3)
        return real(entry, *args)

    monkeypatch.setattr(reader, "_read_workbook", dies_on_one)
    summary = _merge(inbox, base["folder"], monkeypatch, True)
    status = {f.name: (f.status, f.reason) for f in summary.files}
    assert status.pop(names[1]) == ("rejected", "file.internal_error")
    assert "ProcessExpired" in next(f for f in summary.files if f.name == names[1]).issues[-1].message
    assert status[names[3]] == ("accepted", "")  # T2 read from its next copy
    assert {s for s, _ in status.values()} <= {"accepted", "superseded", "skipped"} and len(status) == 11
    assert sum(s == "accepted" for s, _ in status.values()) == 2


class _Panic(BaseException):
    """Like pyo3's PanicException: a native parser's panic is no Exception."""


@pytest.mark.parametrize("parallel_path", [True, False])
def test_a_panic_while_reading_is_that_files_outcome(base, tmp_path, monkeypatch, parallel_path):
    inbox = valid_inbox(base, tmp_path / "inbox")

    def panic():
        raise _Panic("index out of bounds")
    fail_on_khoi_1(monkeypatch, panic)
    summary = _merge(inbox, base["folder"], monkeypatch, parallel_path)
    status = {f.name: (f.status, f.reason) for f in summary.files}
    assert status == {base["t1"].name: ("rejected", "file.internal_error"), base["t2"].name: ("accepted", "")}


def test_small_inboxes_are_read_in_this_process():
    assert parallel.workers_for(parallel.PARALLEL_FROM - 1) == 0
    assert pool.workers_for_workbooks(pool.GENERATE_PARALLEL_FROM - 1) == 0


def _collector_threshold(_shared, _argument):
    import gc

    return gc.get_threshold()


def test_reading_workers_collect_garbage_less_often_and_other_processes_are_left_alone():
    import gc

    before = gc.get_threshold()
    with pool.process_pool(2, None, parallel._share_for_reading) as executor:
        assert executor.schedule(gc.get_threshold).result() == parallel.READING_GC_THRESHOLD
    with pool.shared_pool(None, 2) as run:  # generate's and feedback's workers: their objects hold cycles
        assert run(_collector_threshold, [1, 2]) == [before] * 2
    assert gc.get_threshold() == before


@pytest.fixture(scope="module")
def generated_alone(tmp_path_factory) -> dict[str, bytes]:
    """The books and records ``generate`` writes in this process, as the writer is (the bytes: read only)."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        return generated(tmp_path_factory.mktemp("alone"), monkeypatch, False)


def test_generate_writes_the_same_bytes_in_parallel(tmp_path, monkeypatch, generated_alone):
    together = generated(tmp_path / "a", monkeypatch, True)
    assert {k: hashlib.sha256(v).hexdigest() for k, v in together.items()} == \
        {k: hashlib.sha256(v).hexdigest() for k, v in generated_alone.items()}
    assert len([k for k in together if k.startswith("record/")]) == 5


def test_generate_on_workers_that_cannot_start_writes_the_same_books_here_and_says_so(tmp_path, monkeypatch,
                                                                                      generated_alone):
    """docs/conventions.md: no silent fallback. Workers whose start fails (a real pool, broken: its initializer
    raises) are said, once, and every book is written and recorded here: the bytes one process writes."""
    from thidua_xlsx.text.messages import MESSAGES

    monkeypatch.setattr(pool, "share", cannot_start)
    said: list = []
    together = generated(tmp_path / "a", monkeypatch, True, said)

    assert together == generated_alone
    assert [(p.code, p.severity, p.render()) for p in said if "workers" in p.code] == [
        ("generate.workers_failed", NOTE, MESSAGES["generate.workers_failed"].format(error="BrokenProcessPool"))]


def test_remembered_formulas_write_what_xlsxwriter_writes(tmp_path, monkeypatch, generated_alone):
    """The writer remembers how xlsxwriter prepared each formula (writer._workbook_class): the bytes
    are those of plain xlsxwriter."""
    import xlsxwriter

    from thidua_xlsx.write import department as writer

    monkeypatch.setattr(writer, "_workbook_class", lambda: xlsxwriter.Workbook)
    plain = generated(tmp_path / "b", monkeypatch, False)
    assert generated_alone == plain


def test_the_versions_diff_reads_the_same_and_its_lines_are_shared(school, monkeypatch):
    """What "Nguồn dữ liệu" and the JSON report say of an older version — the cells, "; " between them,
    the count of those not shown — and two older versions of a department hold the same lines once."""
    from thidua_xlsx.check import selection
    from thidua_xlsx.read.department import ReadContext, read_file

    context = ReadContext(school["folder"].campaign, school["folder"].registry)
    versions = [read_file(item, context) for item in scan_inbox(school["inbox"]) if "khoi-1" in item.name]
    older = next(f for f in versions if not f.name.endswith("-sua.xlsx"))
    again = dataclasses.replace(older, name="mail/lan-2.xlsx", sha256="another")  # the older version sent twice
    monkeypatch.setattr(selection, "MAX_DIFF_LINES", 5)
    chosen = selection.select([*versions, again], school["folder"].campaign)
    diffs = [next(i for i in f.issues if i.code == "file.version_diff")
             for f in chosen.files if f.status == "superseded"]
    assert len(diffs) == 2
    text = ("So với bản được dùng (2025-2026_cham-diem_To-khoi-1-sua.xlsx), bản này khác 17 ô: Trần Văn Đức, I.1 "
            "tổ chấm: 10 → 9; Trần Văn Đức, I.1 tự chấm: 10 → 9; ")
    assert diffs[0].message.startswith(text) and diffs[0].message.endswith("; … (+12).")
    assert diffs[0].message.count(" → ") == 5 and diffs[1].message == diffs[0].message
    assert json.loads(json.dumps(diffs[0].to_dict()))["params"]["changes"] == diffs[0].message.split(" ô: ")[1][:-1]
    first, second = (dict(d.params)["changes"] for d in diffs)
    assert all(a is b for a, b in zip(first, second, strict=True))


def test_problems_share_their_repeated_parameters_and_still_word_each_as_given():
    from thidua_xlsx.model.issues import NOTE, issue

    older = [issue("file.version_diff", NOTE, file=f"lan-{n}.xlsx", count=n, newer="lan-9.xlsx", changes="-")
             for n in (1, 2)]
    assert dict(older[0].params)["newer"] == "lan-9.xlsx" and older[0].params[2] is older[1].params[2]
    made = [issue("file.version_diff", NOTE, count=count, newer="x", changes="-") for count in (1, 1.0, True)]
    assert [i.message.split("khác ")[1].split(" ô")[0] for i in made] == ["1", "1", "True"]  # equal keys, not alike
    assert [type(i.to_dict()["params"]["count"]) for i in made] == [int, float, bool]  # nor in the JSON report


def version_changes(older, newer) -> list[str]:
    """What ``newer`` changed of ``older``, compared by key (each version's cells expanded): the reference the packed
    comparison of the selection must give."""
    from thidua_xlsx.check.selection import _cells, _changes

    return _changes(_cells(older), _cells(newer))


def test_a_version_of_the_same_shape_is_compared_value_by_value(school, tmp_path):
    """Two versions of a workbook laid out alike (the usual resubmission): compared in the packed order,
    they give exactly the lines the comparison by key gives, blanks included."""
    from tests.scoring_round import T1_SCORES, fill_department
    from thidua_xlsx.check.selection import _Newest, pack_inputs
    from thidua_xlsx.read.containment import FILE, InboxItem
    from thidua_xlsx.read.department import ReadContext, read_file

    t1 = next(p for p in (school["root"] / "outbox").iterdir() if "khoi-1" in p.name)
    changed = {**T1_SCORES, "GV02": T1_SCORES["GV01"], "GV03": ({"I.1": 8}, {"I.1": 7.5})}
    for name, scores, day in (("a.xlsx", T1_SCORES, 10), ("b.xlsx", changed, 11)):
        fill_department(t1, tmp_path / name, scores, dt.datetime(2026, 5, day, 8, 0))
    context = ReadContext(school["folder"].campaign, school["folder"].registry)
    full = [read_file(InboxItem(tmp_path / name, name, FILE), context) for name in ("a.xlsx", "b.xlsx")]
    slim = [dataclasses.replace(f, submission=f.submission.slim(pack_inputs(f.submission))) for f in full]
    newest = _Newest(slim[1])
    assert newest.shape is not None and slim[0].submission.inputs.shape == newest.shape  # the packed path
    lines = newest.changes(slim[0].submission)
    assert lines == version_changes(full[0].submission, full[1].submission)
    assert len(lines) == 17 and lines[-5:] == ["Lê Thị Dung, I.1 tổ chấm: (trống) → "
                                               "7,5", "Lê Thị Dung, I.1 tự chấm: "
                                                                                          "10 → 8",
                                               "Lê Thị Dung, I.2 tự chấm: 10 → (trống)",
                                               "Lê Thị Dung, II.1 tự chấm: 40 → (trống)",
                                               "Lê Thị Dung, II.2 tự chấm: 20 → (trống)"]


def test_packed_inputs_give_the_same_version_diff(school):
    """A slim file compares with another version exactly as the full one did."""
    from thidua_xlsx.check.selection import _cells, pack_inputs
    from thidua_xlsx.read.department import ReadContext, read_file

    context = ReadContext(school["folder"].campaign, school["folder"].registry)
    full = [read_file(item, context).submission for item in scan_inbox(school["inbox"])
            if item.name.endswith(".xlsx") and "khoi-1" in item.name]
    assert len(full) == 2
    slim = [sub.slim(pack_inputs(sub)) for sub in full]
    assert _cells(slim[0]) == _cells(full[0]) and list(_cells(slim[1])) == list(_cells(full[1]))
    assert version_changes(*slim) == version_changes(*full) != []
    older, newer = slim[1], slim[0]  # "To-khoi-1.xlsx", then its corrected copy "To-khoi-1-sua.xlsx"
    changes = version_changes(older, newer)  # a score typed 10.0 in one and 10 in the other is no change
    assert len(changes) == 17 and changes[:2] == ["Trần Văn Đức, I.1 tổ chấm: 10 → "
                                                  "9", "Trần Văn Đức, I.1 tự chấm: 10 "
                                                                                       "→ 9"]
    spare = '=HYPERLINK("http://x.vn","Bấm vào")'  # a newcomer's row, the name typed into the spare form
    assert changes[-1] == f"{spare}, họ tên: (trống) → {spare}"
    assert all(json.loads(__import__("zlib").decompress(part))
               for part in (slim[0].inputs.shape, slim[0].inputs.values))


def test_the_versions_of_a_workbook_keep_one_shape_of_their_cells(school):
    """Two versions laid out alike hold one copy of their shape (whose cells), each its own values."""
    from thidua_xlsx.check.selection import Kept, pack_inputs
    from thidua_xlsx.read.department import ReadContext, read_file

    context = ReadContext(school["folder"].campaign, school["folder"].registry)
    item = next(i for i in scan_inbox(school["inbox"]) if "khoi-1" in i.name and not i.name.endswith("-sua.xlsx"))
    kept = Kept()
    for n in range(2):  # the same version read twice (as two files would be), each packed on its own
        f = read_file(item, context)
        kept.add(dataclasses.replace(f, name=f"{n}.xlsx", sha256=str(n),
                                     submission=f.submission.slim(pack_inputs(f.submission))), None)
    first, second = (f.submission.inputs for f in kept.files)
    assert first.shape is second.shape and first.values == second.values and first.values is not second.values
    assert kept.files[0].submission.issued is kept.files[1].submission.issued


def test_a_record_is_read_once_for_the_versions_that_follow_and_anew_once_rewritten(school, tmp_path):
    """The versions of a department come one after another in an inbox: its record is parsed once for
    them. A record whose file is replaced (a re-issue adds its date) is read anew, never served stale."""
    import shutil

    from thidua_xlsx.model.places import ISSUED_FOLDER
    from thidua_xlsx.read.registry import IssuedRegistry

    shutil.copytree(school["folder"].registry.folder, tmp_path / ISSUED_FOLDER)
    registry = IssuedRegistry(tmp_path)
    first = next(registry.all())
    read = registry.get(first.submission_id)
    assert registry.get(first.submission_id) is read and read == first
    registry.record(dataclasses.replace(read, locked=registry.locked(read), issued_on=("2026-06-01",)))
    again = registry.get(first.submission_id)
    assert again.issued_on == (*first.issued_on, "2026-06-01")
    assert IssuedRegistry(tmp_path).get(first.submission_id) == again


def test_the_summary_of_a_province_is_read_back_with_every_inbox_entry(tmp_path):
    """``generate --from`` and ``merge --council`` read back the summary's metadata, which names every
    inbox entry (~130 characters each): 10,000 files are far beyond a department workbook's bound."""
    import xlsxwriter

    from tests.summary_meta import read_summary_meta
    from thidua_xlsx.write.engine import meta_sheet

    files = 10_000
    meta = ly.SummaryMeta("c1", "2025-2026", ly.SCORING,
                          tuple((f"2025-2026_cham-diem_To-{k:05d}.xlsx", hashlib.sha256(b"%d" % k).hexdigest(),
                                 ACCEPTED) for k in range(files)),
                          tuple(f"TO-{k:05d}" for k in range(files)))
    path = tmp_path / "tong-hop.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    meta_sheet(wb, meta.to_json())  # as summary.write_summary writes it
    wb.close()
    assert sum(map(len, ly.meta_cells(meta.to_json())[1:])) > 1_000_000 > ly.MAX_META_CHARS
    assert read_summary_meta(path.read_bytes()) == meta


@pytest.mark.parametrize("far", [None, "A200001", "DY40000"])
def test_a_province_summary_passes_containment_and_a_value_beyond_it_is_found(tmp_path, far):
    """The sheets of a province's summary are up to 100 MB of XML: checked piece by piece, not held
    whole, and a value typed just beyond the bounds at the end of one is still found."""
    import zipfile

    import xlsxwriter

    from thidua_xlsx.model.issues import Problems
    from thidua_xlsx.read.containment import CHUNK, read_own_book

    path = tmp_path / "tong-hop.xlsx"
    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    ws = wb.add_worksheet("Điểm chi tiết")
    for row in range(40_000):
        ws.write_row(row, 0, (f"GV{row:05d}", "Nguyễn Văn An", 95.5))
    if far:
        ws.write(far, "x")
    wb.close()
    assert zipfile.ZipFile(path).getinfo("xl/worksheets/sheet1.xml").file_size > 4 * CHUNK

    problems = Problems()
    data = read_own_book(path, problems, "council.unreadable", file=path.name, path=str(path))

    if far is None:
        assert data == path.read_bytes() and list(problems) == []
    else:
        assert data is None and [(p.code, p.sheet, p.cell) for p in problems] == [
            ("book.sheet_too_big", "Điểm chi tiết", far)]


@pytest.mark.parametrize("parallel_path", [True, False])
def test_a_byte_identical_copy_is_known_by_its_fingerprint_not_read_again(base, tmp_path, monkeypatch, parallel_path):
    """Copies of a workbook (a forwarded mail, a file saved twice) are not read: each is said to be a copy of the
    first, with what reading it would have recorded (its size, time, save time, fingerprint); a file of the same
    size but other bytes is read; the summary is the one every file read gives."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for n in range(5):
        for src in (base["t1"], base["t2"]):
            (inbox / f"{n}-{src.name}").write_bytes(src.read_bytes())
    data = bytearray(base["t1"].read_bytes())  # same size, one byte of its zip comment region changed: other bytes
    data[-1:] = b"x" if data[-1:] != b"x" else b"y"
    (inbox / "z-other.xlsx").write_bytes(bytes(data))
    read = []
    real = reader._read_item

    def counting(item, *args):
        read.append(item.name)
        return real(item, *args)

    monkeypatch.setattr(reader, "_read_item", counting)
    summary = _merge(inbox, base["folder"], monkeypatch, parallel_path)
    if not parallel_path:  # the workers' calls are not seen here
        assert sorted(read) == sorted([f"0-{base['t1'].name}", f"0-{base['t2'].name}", "z-other.xlsx"])
    monkeypatch.setattr(parallel, "find_copies", lambda items: {})
    every_file_read = _merge(inbox, base["folder"], monkeypatch, parallel_path)
    assert summary == every_file_read
    status = {f.name: (f.status, f.reason) for f in summary.files}
    assert status[f"3-{base['t2'].name}"] == ("skipped", "file.copy_of")
    copy = next(f for f in summary.files if f.name == f"3-{base['t2'].name}")
    assert dict(copy.issues[0].params)["original"] == f"0-{base['t2'].name}"


def test_a_copy_is_fingerprinted_only_as_the_regular_file_of_the_size_the_scan_found(tmp_path):
    """The look-up for copies opens nothing that could make the merge wait or read past the bounds: a FIFO or a link
    put in a file's place since the scan, or a file whose size changed, is left to its reader (None)."""
    data = b"PK" + bytes(range(256)) * 40
    plain = tmp_path / "a.xlsx"
    plain.write_bytes(data)
    assert parallel._fingerprint(plain, len(data)) == hashlib.sha256(data).hexdigest()
    assert parallel._fingerprint(plain, len(data) - 1) is None  # grew since the scan
    assert parallel._fingerprint(plain, len(data) + 1) is None
    fifo = tmp_path / "b.xlsx"
    os.mkfifo(fifo)
    assert parallel._fingerprint(fifo, 0) is None  # not waited on
    link = tmp_path / "c.xlsx"
    link.symlink_to(plain)
    assert parallel._fingerprint(link, len(data)) is None  # a link is never followed
