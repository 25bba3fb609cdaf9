"""Runs killed from outside: what a killed run leaves — temporary files, an empty lock,
LibreOffice's scratch folders and processes — blocks nobody and is cleaned by the next run, said once; a run
asked to end (SIGTERM) cleans up as Ctrl-C does; a second run is refused naming the command that holds.

Real processes: each killed run is a child Python running the real code, stopped where it writes (a file
written, not yet renamed; a lock created, not yet written; LibreOffice converting) and then killed."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.system.office_runs import in_temp
from thidua_xlsx.cli import main
from thidua_xlsx.system import files, lock

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
OLD = time.time() - 2 * files.ABANDONED_SECONDS
SAMPLE_EXTRAS = ("ca-nam", "cap-xa", "ho-so", "huong-dan", "*.pdf", "*.lock")  # of the sample school, not needed
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM and SIGKILL are POSIX signals")


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture
def year_folder(tmp_path):
    """A copy of the sample school's year (its campaign and its periods' summaries in ky/)."""
    folder = tmp_path / "ca-nam"
    shutil.copytree(SAMPLES / "ca-nam", folder, ignore=shutil.ignore_patterns("*.lock"))
    return folder


def _year_args(folder: Path, output: Path, *more):
    return ["year", folder / "ky", "--campaign", folder / "campaign.xlsx", "-o", output, *more]


_started: list[subprocess.Popen] = []


def _start(args: list, **options) -> subprocess.Popen:
    child = subprocess.Popen([sys.executable, *map(str, args)], cwd=ROOT, **options)
    _started.append(child)
    return child


@pytest.fixture(autouse=True)
def _no_child_outlives_its_test():
    """A child still running when its test fails would be collected during another test, whose run its
    ResourceWarning then fails: each child, and what it started, is killed and reaped at the end of its own."""
    import psutil

    yield
    while _started:
        child = _started.pop()
        if child.poll() is None:
            try:
                for process in psutil.Process(child.pid).children(recursive=True):
                    process.kill()
            except psutil.NoSuchProcess:
                pass
            child.kill()
        child.wait(timeout=60)
        for stream in (child.stdin, child.stdout, child.stderr):
            if stream:
                stream.close()


def _child(script: str, *args, env=None) -> subprocess.Popen:
    return _start(["-c", script, *args], text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)


def _old(path: Path) -> Path:
    os.utime(path, (OLD, OLD))
    return path


def _old_file(path: Path) -> Path:
    path.write_bytes(b"x")
    return _old(path)


# --- a run killed mid-write: its temporary file and its lock ----------------------------------------

STOPPED_WRITING = """
import os, sys, time
real = os.replace

def stopped(source, target):  # the summary written whole under its temporary name, not yet renamed
    if str(source).endswith(".tmp"):
        print("writing", flush=True)
        time.sleep(120)
    return real(source, target)

os.replace = stopped
from thidua_xlsx.cli import main
main(sys.argv[1:])
"""


@posix_only
def test_the_next_run_removes_what_a_run_killed_mid_write_left_and_says_so_once(year_folder, tmp_path):
    out = tmp_path / "ket-qua"
    out.mkdir()
    target = out / "nam.xlsx"
    killed = _child(STOPPED_WRITING, *_year_args(year_folder, target))
    assert "writing" in (line.strip() for line in killed.stdout)  # after what it says
    killed.send_signal(signal.SIGKILL)
    killed.wait(timeout=60)
    killed.stdout.close()
    killed.stderr.close()
    left = sorted(p.name for p in out.iterdir())
    assert len(left) == 2 and left[0] == lock.lock_path(target).name and left[1].startswith("nam.xlsx.")
    assert (year_folder / lock.LOCK_SUFFIX).exists()  # the campaign's lock too
    # beside it: a killed run's old temporary of another output; a fresh one (a run writing now, maybe);
    # files a person named, old as they may be — never ours
    _old_file(out / "cu.xlsx.0badcafe.tmp")
    (out / "khac.xlsx.12345678.tmp").write_bytes(b"half")
    people = ["ghi-chu.tmp", "nam.xlsx.ABCDEF12.tmp", "nam.xlsx.1234.tmp", "nam.xlsx.0badcafe.tmp.bak"]
    for name in people:
        _old_file(out / name)

    result = run(*_year_args(year_folder, target))  # at once: no minute to wait, nothing to delete by hand

    assert result.exit_code == 0, result.output
    assert result.output.count("tệp tạm") == 1
    assert "Ghi chú: Đã xóa 2 tệp tạm do một lần chạy trước bị dừng giữa chừng để lại (" in result.output
    assert str(out / left[1]) in result.output and str(out / "cu.xlsx.0badcafe.tmp") in result.output
    assert "khác đang chạy" not in result.output
    assert sorted(p.name for p in out.iterdir()) == sorted(["nam.xlsx", "khac.xlsx.12345678.tmp", *people])
    assert not (year_folder / lock.LOCK_SUFFIX).exists()


@posix_only
def test_history_killed_writing_its_dated_copy_leaves_a_temporary_the_next_run_removes_at_once(tmp_path):
    """The copy of the previous book (lich-su.<date>.xlsx) is no output the next run holds: its temporary file is
    known abandoned by the run its name carries, ended — at once, not an hour later; a running run's is left."""
    book = tmp_path / "lich-su.xlsx"
    shutil.copy(SAMPLES / "lich-su.xlsx", book)
    args = ("history", "--book", book, SAMPLES / "tong-hop-cuoi.xlsx")
    killed = _child(STOPPED_WRITING, *args)
    assert "writing" in (line.strip() for line in killed.stdout)
    killed.send_signal(signal.SIGKILL)
    killed.wait(timeout=60)
    killed.stdout.close()
    killed.stderr.close()
    [left] = [p for p in tmp_path.iterdir() if p.suffix == ".tmp"]
    target = files.TEMPORARY.fullmatch(left.name)["target"]
    assert target.startswith("lich-su.") and target != book.name and target.endswith(".xlsx")  # the dated copy
    running = files.temporary_name(tmp_path / "lich-su.2026-06-01.xlsx")  # this process's: a run still writing
    running.write_bytes(b"half")

    result = run(*args)

    assert result.exit_code == 0, result.output
    assert "Đã xóa 1 tệp tạm" in result.output and str(left) in result.output
    assert not left.exists() and running.exists()


def test_generate_removes_the_staged_workbooks_and_records_a_killed_generate_left(tmp_path):
    """generate holds its outbox and its campaign: every temporary file of ours there is abandoned, however
    fresh; said once with its problems."""
    school = tmp_path / "truong"
    shutil.copytree(SAMPLES, school, ignore=shutil.ignore_patterns(*SAMPLE_EXTRAS, "inbox*"))
    outbox = school / "phat"
    outbox.mkdir()
    staged = outbox / "2025-2026_cham-diem_To-Van-phong.xlsx.0a1b2c3d.tmp"
    record = school / "so-da-phat" / "0123abcd.json.9f8e7d6c.tmp"
    kept = school / "ghi chu cua thu ky.tmp"
    for path in (staged, record, kept):
        path.write_bytes(b"half")
    result = run("generate", school / "campaign.xlsx", "--round", "cham-diem", "-o", outbox)
    assert result.exit_code == 0, result.output
    assert result.output.count("Đã xóa 2 tệp tạm") == 1 and str(staged) in result.output
    assert not staged.exists() and not record.exists() and kept.exists()
    assert not list(outbox.glob("*.tmp")) and len(list(outbox.glob("*.xlsx"))) == 5


def test_only_our_temporaries_are_removed_and_only_when_abandoned(tmp_path):
    """The exact name our runs give (eight lowercase hexadecimal digits), and either a target this run holds
    or an hour untouched."""
    (tmp_path / "sub").mkdir()
    ours_held = tmp_path / "tong-hop.xlsx.00ff00ff.tmp"
    ours_old = _old_file(tmp_path / "sub" / "bao-cao.json.aa11bb22.tmp")
    ours_fresh = tmp_path / "sub" / "khac.xlsx.cc33dd44.tmp"
    ours_ended = tmp_path / "sub" / "lich-su.2026-06-01.xlsx.999999-1.ee55ff66.tmp"  # by a run not running: fresh
    ours_running = files.temporary_name(tmp_path / "sub" / "lich-su.2026-06-01.xlsx")  # by this run, still writing
    theirs = [_old_file(tmp_path / name) for name in ("a.tmp", "b.xlsx.0011223.tmp", "c.xlsx.00112233.TMP",
                                                      "d.xlsx.0011223g.tmp", "e.xlsx.00112233.tmp.docx")]
    for path in (ours_held, ours_fresh, ours_ended, ours_running):
        path.write_bytes(b"x")
    assert files.remove_abandoned(tmp_path, lambda target: target.name == "tong-hop.xlsx") == [ours_held]
    assert sorted(files.remove_abandoned(tmp_path, lambda _target: False, below=True)) == [ours_old, ours_ended]
    assert ours_fresh.exists() and ours_running.exists() and all(p.exists() for p in theirs)


# --- a run killed right after creating its lock -------------------------------------------------------

def test_empty_locks_a_killed_run_left_block_no_later_run(year_folder, tmp_path):
    """A run killed between creating its locks and writing them leaves them empty: the next run goes on at
    once, without a word, and lets go of them after."""
    target = tmp_path / "nam.xlsx"
    for path in (lock.lock_path(target), year_folder / lock.LOCK_SUFFIX):
        path.write_bytes(b"")
    result = run(*_year_args(year_folder, target))
    assert result.exit_code == 0, result.output
    assert "khác đang chạy" not in result.output and target.exists()
    assert not lock.lock_path(target).exists() and not (year_folder / lock.LOCK_SUFFIX).exists()


# --- a second run, refused with the command that holds ---------------------------------------------------

HELD_YEAR = """
import sys
from thidua_xlsx.read import period_summaries
real = period_summaries.read_period_summaries

def held(*args, **kwargs):  # every lock of the run taken: the output's and the campaign's
    print("reading", flush=True)
    sys.stdin.read()
    return real(*args, **kwargs)

period_summaries.read_period_summaries = held
from thidua_xlsx.cli import main
main(sys.argv[1:])
"""


def test_a_second_run_is_refused_naming_year_while_a_year_runs(year_folder, tmp_path):
    target = tmp_path / "nam.xlsx"
    first = _start(["-c", HELD_YEAR, *_year_args(year_folder, target)], text=True, stdin=subprocess.PIPE,
                   stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        assert first.stdout.readline().strip() == "reading"
        same_output = run(*_year_args(year_folder, target))
        same_campaign = run(*_year_args(year_folder, tmp_path / "khac.xlsx"))
    finally:
        first.stdin.close()
        first.wait(timeout=120)
        first.stdout.close()
    for result in (same_output, same_campaign):  # the campaign's lock is asked first, with the outputs'
        assert result.exit_code == 1, result.output
        assert f"Một lệnh thidua-xlsx khác (year) đang chạy trên chiến dịch {year_folder}: máy" in result.output
        assert f"tiến trình {first.pid}" in result.output
    assert first.returncode == 0 and target.exists()


# --- LibreOffice: a run asked to end, and the scratch folders of killed runs ----------------------------

CONVERTING = """
import sys
from pathlib import Path
from thidua_xlsx.system import office
office.convert(Path(sys.argv[1]), "pdf", Path(sys.argv[2]), timeout=120)
"""


def _office_tree(parent: subprocess.Popen, timeout: float = 60):
    """The LibreOffice processes ``parent`` started, once soffice.bin runs (converting)."""
    import psutil

    def name(process) -> str:  # a short-lived helper (the start script's) may end while it is looked at
        try:
            return process.name()
        except psutil.NoSuchProcess:
            return ""

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        tree = psutil.Process(parent.pid).children(recursive=True)
        if any("soffice" in name(p) for p in tree):
            return tree
        time.sleep(0.05)
    raise AssertionError("LibreOffice did not start")


def _gone(processes) -> bool:
    import psutil

    def ended(process):
        try:
            return process.status() == psutil.STATUS_ZOMBIE
        except psutil.NoSuchProcess:
            return True

    return all(ended(p) for p in processes)


@pytest.mark.libreoffice
@posix_only
def test_a_conversion_asked_to_end_stops_libreoffice_and_leaves_no_scratch_folder(tmp_path):
    from tests.libreoffice import require_libreoffice

    require_libreoffice()
    temp, env = in_temp(tmp_path)
    source = tmp_path / "tong-hop.xlsx"
    shutil.copyfile(SAMPLES / "tong-hop.xlsx", source)
    child = _child(CONVERTING, source, tmp_path / "pdf", env=env)
    tree = _office_tree(child)
    child.send_signal(signal.SIGTERM)
    assert child.wait(timeout=60) == 128 + signal.SIGTERM  # ended as asked, after its clean-up
    child.stdout.close()
    child.stderr.close()
    assert _gone(tree)
    assert list(temp.iterdir()) == [] and not (tmp_path / "pdf" / "tong-hop.pdf").exists()


@pytest.mark.libreoffice
@posix_only
def test_year_asked_to_end_while_writing_its_pdf_leaves_nothing_behind(year_folder, tmp_path):
    """The whole command: its lock files, its temporary files, LibreOffice and its scratch folder, all gone."""
    from tests.libreoffice import require_libreoffice

    require_libreoffice()
    temp, env = in_temp(tmp_path)
    out = tmp_path / "ket-qua"
    child = _start(["-m", "thidua_xlsx", *_year_args(year_folder, out / "nam.xlsx", "--pdf")], env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    tree = _office_tree(child)
    child.send_signal(signal.SIGTERM)
    assert child.wait(timeout=60) == 128 + signal.SIGTERM
    assert _gone(tree) and list(temp.iterdir()) == []
    assert sorted(p.name for p in out.iterdir()) == ["nam.xlsx"]  # the summary, whole; no PDF, no lock, no .tmp
    assert not (year_folder / lock.LOCK_SUFFIX).exists()


def _scratch(temp: Path, name: str, old: bool) -> Path:
    folder = temp / name
    (folder / "profile" / "user").mkdir(parents=True)
    (folder / "profile" / "user" / "registrymodifications.xcu").write_text("<items/>")
    if old:
        for path in (folder / "profile" / "user" / "registrymodifications.xcu", folder / "profile" / "user",
                     folder / "profile", folder):
            _old(path)
    return folder


def test_the_next_run_removes_old_scratch_folders_of_killed_runs_only(tmp_path):
    """A run killed outright leaves its scratch folders in the system's temporary folder: the next run that
    makes one removes those of ours untouched for an hour — not a fresh one (a run at work), not anyone
    else's."""
    temp, env = in_temp(tmp_path)
    abandoned = [_scratch(temp, "thidua_office_k2x_9abc", True), _scratch(temp, "thidua_papers_00aa11bb", True)]
    at_work = _scratch(temp, "thidua_office_q1w2e3r4", False)
    recent_inside = _scratch(temp, "thidua_pdf_zz99yy88", True)
    (recent_inside / "profile" / "user" / "registrymodifications.xcu").write_text("<items/>")  # touched now
    others = [_scratch(temp, name, True) for name in ("thidua_notes", "libreoffice_office_abcd1234",
                                                      "thidua_office_abc")]
    school = tmp_path / "truong"
    shutil.copytree(SAMPLES, school, ignore=shutil.ignore_patterns(*SAMPLE_EXTRAS))
    done = subprocess.run([sys.executable, "-m", "thidua_xlsx", "merge", str(school / "inbox"), "--campaign",
                           str(school / "campaign.xlsx"), "-o", str(tmp_path / "S.xlsx"), "--feedback",
                           str(tmp_path / "gop-y")], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert not any(folder.exists() for folder in abandoned)
    assert at_work.exists() and recent_inside.exists() and all(folder.exists() for folder in others)
    assert sorted(p.name for p in temp.iterdir()) == sorted(p.name for p in (at_work, recent_inside, *others))


@pytest.mark.skipif(not hasattr(os, "fork"), reason="a worker forked from the run: POSIX")
def test_a_worker_forked_from_the_run_names_what_it_stages_by_its_own_process(tmp_path):
    """The run's name in a staged file (``<id>-<start>``) is asked once a process: a forked reading worker, another
    process, stages under its own, so the next run can tell whether the one who staged a file still runs."""
    target = tmp_path / "tong-hop.xlsx"
    parent = files.temporary_name(target).name
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the worker
        try:
            os.write(write, files.temporary_name(target).name.encode())
        finally:
            os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as said:
        child = said.read().decode()
    os.waitpid(pid, 0)
    assert parent.startswith(f"tong-hop.xlsx.{os.getpid()}-") and child.startswith(f"tong-hop.xlsx.{pid}-"), \
        (parent, child)
    assert files.temporary_name(target).name.split(".")[2] == parent.split(".")[2]  # the same run, asked again
    assert files.temporary_name(target) != files.temporary_name(target)  # each staged file its own
