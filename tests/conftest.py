"""Shared fixtures: a small campaign built in code from small tables (pyxform style)."""

from __future__ import annotations

import os
import types
from pathlib import Path

import pytest

from tests import samples, scratch
from thidua_xlsx.model import campaign as cm

pytest_plugins = ("tests.message_codes", "tests.wine", "tests.windows")  # the message codes each session makes;
# Wine's fixture; the Windows lane's machine (python.org's Windows CPython under Wine)


_samples_before: dict[str, tuple[int, int]] = {}  # samples/ as the session found it (tests/samples.py)
WATCHING_SAMPLES = "THIDUA_TESTS_WATCH_SAMPLES"  # set while a session watches samples/: a pytest run inside it does not


SCHEDULER = "THIDUA_TESTS_DIST"  # xdist's --dist of the run, for its workers (xdist sets theirs to "no")


#: Python's cyclic garbage collector, in the suite's processes, run ten times less often than its default (700, 10,
#: 10). A test process holds what hundreds of tests kept (modules, cached campaigns: 250,000–700,000 objects), which
#: every full collection walks again: with the default, tests/e2e alone spent 8.0 s of its 66 s of CPU collecting,
#: 6.2 s of it in 42 full collections; with these, 3.8 s (3 full ones), its peak memory 8 MB higher. What the commands
#: do with their own collector (paused while a book is written, their reading workers') is theirs, unchanged.
COLLECTOR_THRESHOLDS = (7_000, 20, 20)


def pytest_configure(config):
    import gc

    gc.set_threshold(*COLLECTOR_THRESHOLDS)
    if not hasattr(config, "workerinput"):
        os.environ[SCHEDULER] = config.getoption("dist", "no")
        scratch.in_memory(config.getoption("basetemp", None))


def pytest_sessionstart(session):
    """The process that runs or leads the run notes samples/ — not an xdist worker, nor a pytest run by a test (the
    session around it watches, and sees what its own tests write)."""
    if not hasattr(session.config, "workerinput") and not os.environ.get(WATCHING_SAMPLES):
        _samples_before.update(samples.state())
        os.environ[WATCHING_SAMPLES] = "1"


def pytest_sessionfinish(session):
    """The run fails when a test wrote into the checkout's samples/ (a command run on the sample records what it
    wrote in its campaign folder: the test must run it on ``tests.samples.school_copy``). The screenshots asked into
    samples/ with THIDUA_UI_SHOTS are not counted."""
    if not _samples_before:
        return
    del os.environ[WATCHING_SAMPLES]
    now = samples.state()
    shots = os.environ.get("THIDUA_UI_SHOTS", "")
    asked = Path(shots).resolve() if shots else None
    written = sorted(name for name in now.keys() | _samples_before.keys() if now.get(name) != _samples_before.get(name)
                     and not (asked and (samples.SAMPLES / name).resolve().is_relative_to(asked)))
    if written:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None:
            reporter.line("")
            reporter.write_sep("=", "tests wrote into samples/: run the command on tests.samples.school_copy",
                               red=True)
            for name in written:
                reporter.write_line(f"samples/{name}")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter, config):
    """The order the tests ran in, said even with -q (pytest-randomly's seed, else the written order): a failure that
    depends on it is run again in the same order with the seed given."""
    seed = getattr(config.option, "randomly_seed", None)
    if isinstance(seed, int) and not hasattr(config, "workerinput"):
        terminalreporter.write_line(f"random order: -p randomly --randomly-seed={seed} runs the tests in it again")


#: The programs a test starts through a fixture it takes (itself or through another, as ``driver`` takes ``chromium``),
#: each with what it is and the mark that lets ``-m "not <mark>"`` leave the test out (docs/conventions.md: Tests).
STARTED_BY_FIXTURE = {
    "chromium": ("a headless Chromium", "browser"),  # tests/ui/conftest.py's, the page's journeys
    "dovecot": ("a Dovecot IMAP server", "imap"),  # this module's, for the mail
    "wine_env": ("Wine", "wine"),  # tests/wine.py's prefix, a .bat in Wine's cmd
    "windows_made": ("Windows' Python under Wine", "windows"),  # tests/windows.py's lane
}
#: The programs a test starts by calling a helper its own code names, each with what the test does and its mark: a
#: headless Chromium of its own (tests/ui/browser.py's ``chromium``, as the Windows lane's journey starts one); the
#: installer run for real from a copy of the checkout, the folder she downloaded
#: (tests/installers/test_installer.py's ``_checkout_copy``).
STARTED_BY_CALL = {
    "chromium": ("start a headless Chromium", "browser"),
    "_checkout_copy": ("run the installer", "installer"),
}


def _names_used(code: types.CodeType | None) -> set[str]:
    """The global names and attributes a function's code uses, its inner functions' and lambdas' too."""
    if code is None:
        return set()
    return set(code.co_names).union(*(_names_used(c) for c in code.co_consts if isinstance(c, types.CodeType)))


def unmarked(items) -> list[str]:
    """Each program some of ``items`` start without carrying its mark, as a line naming the program, the mark and the
    tests: a test that starts Chromium unmarked would run under ``-m "not browser"``. LibreOffice's mark is checked
    as the test starts it (tests/libreoffice.py's ``require_libreoffice``)."""
    said = []
    for fixture, (program, mark) in STARTED_BY_FIXTURE.items():
        found = [item.nodeid for item in items
                 if fixture in getattr(item, "fixturenames", ()) and not item.get_closest_marker(mark)]
        said += [f"these tests start {program} without @pytest.mark.{mark}: {', '.join(found)}"] if found else []
    for name, (doing, mark) in STARTED_BY_CALL.items():
        found = [item.nodeid for item in items if not item.get_closest_marker(mark)
                 and name in _names_used(getattr(getattr(item, "function", None), "__code__", None))]
        said += [f"these tests {doing} without @pytest.mark.{mark}: {', '.join(found)}"] if found else []
    return said


@pytest.hookimpl(trylast=True)  # on the tests left once -m and -k have deselected
def pytest_collection_modifyitems(items):
    """Tell ``require_libreoffice`` which tests say they start LibreOffice; a test that starts Chromium, Dovecot, Wine
    or the installer says so by its mark (:func:`unmarked`), or the run stops before any test; the long tests first."""
    from tests.libreoffice import MARKED

    MARKED.update(item.nodeid for item in items if item.get_closest_marker("libreoffice"))
    said = unmarked(items)
    if said:
        raise pytest.UsageError("\n".join(said))
    _long_tests_first(items)


#: The marks of the tests that last longest, with about how many seconds one such test takes on two busy cores: an
#: installer's real pip, a browser journey, a Wine prefix's cmd, a real LibreOffice, a real IMAP server. A test that
#: waits on a deadline says its seconds itself: ``@pytest.mark.long(seconds)``; so does each of the Windows lane's,
#: as measured (the README's install, once a run, ~60-90 s, is not counted: paid by the first to ask, waited for by
#: the others).
LONG_FIRST = {"windows": 20.0, "installer": 35.0, "browser": 8.0, "wine": 2.0, "libreoffice": 1.5, "imap": 0.5}


def _seconds(item) -> float:
    """About how long ``item`` lasts on two busy cores when it is one of the long tests, else 0."""
    said = item.get_closest_marker("long")
    if said is not None:
        return float(said.args[0])
    return max((cost for mark, cost in LONG_FIRST.items() if item.get_closest_marker(mark)), default=0.0)


#: The marks of the tests whose program a test process starts once and keeps (tests/ui/conftest.py's Chromium,
#: tests/wine.py's copy of the prefix): such tests run in one process, which alone starts it. The Windows lane's
#: (tests/windows.py) are not among them: what is long to make there (the README's install) is made once a run and
#: shared by the processes, each of which copies it in a second, so the lane's modules are dealt like any others.
KEPT_A_PROCESS = ("browser", "wine")


def _kept_by(item) -> str:
    """What ``item`` is run with: the program its process keeps, else its module (whose fixtures it shares) — or
    itself, marked ``alone``: a long test whose fixtures are its own or made once a session (the Windows release's,
    minutes each) is dealt to any process, not kept behind its module's others in one."""
    kept = next((mark for mark in KEPT_A_PROCESS if item.get_closest_marker(mark)), None)
    if kept is None and item.get_closest_marker("alone"):
        return item.nodeid
    return kept or item.nodeid.split("::")[0]


def _long_tests_first(items) -> None:
    """Under xdist, the long tests first, dealt evenly between the processes, and the short ones last: a long test
    started last would keep one process running while the others have finished. A module's long tests stay
    together in one process (its module fixtures made once), and so do those that need a program their process keeps
    (:data:`KEPT_A_PROCESS`: one Chromium and one copy of Wine's prefix a run, not one a process); the longest groups
    are dealt first, each to the process given the fewest seconds so far. Each process is sent a first block of
    consecutive tests — under ``--dist worksteal`` (the README's) an equal share of them, the rest taken from its end by
    the processes that run out of work; under ``--dist load`` a quarter of its share — so each block starts with
    the long tests dealt to it. The random order is kept inside each module and among the other tests (the same seed
    gives the same order).

    Only the first process starts with the Windows lane: what the lane's tests share is made once a run by the first
    process to ask (tests/windows.py: the machine, the installs, the releases; a minute and more) while the others
    wait for it, so every other process runs the long tests of its share that need no Windows (the browser's, the
    installer's, LibreOffice's) first, and its share of the lane after them."""
    workers = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT") or 0)
    if workers < 2:
        return
    groups: dict[str, list] = {}
    for item in items:
        if _seconds(item):
            groups.setdefault(_kept_by(item), []).append(item)
    rest = [item for item in items if not _seconds(item)]
    shares: list[list[list]] = [[] for _ in range(workers)]
    given = [0.0] * workers
    for group in sorted(groups.values(), key=lambda group: -sum(map(_seconds, group))):
        fewest = given.index(min(given))
        shares[fewest].append(group)
        given[fewest] += sum(map(_seconds, group))
    for share in shares[1:]:
        share.sort(key=lambda group: group[0].get_closest_marker("windows") is not None)
    dealt = [[item for group in share for item in group] for share in shares]
    if os.environ.get(SCHEDULER) == "worksteal":  # xdist's WorkStealingScheduling: all of them at once
        blocks, left = [], len(items)
        for index in range(workers):
            blocks.append(left // (workers - index))
            left -= blocks[-1]
    else:  # xdist's LoadScheduling: its first chunks
        blocks = [max(len(items) // workers // 4, 2)] * workers
    ordered = []
    for long, block in zip(dealt, blocks):
        taken = max(block - len(long), 0)
        ordered += long + rest[:taken]
        rest = rest[taken:]
    items[:] = ordered + rest


RUBRIC_GV = {
    "role": "Giáo viên", "total": 100,
    "groups": [
        {"code": "I", "name": "Tư tưởng chính trị, đạo đức, lối sống", "kind": "cộng", "max": 20, "min": 15,
         "items": [{"code": "I.1", "text": "Chấp hành chủ trương, pháp luật", "max": 10},
                   {"code": "I.2", "text": "Đạo đức nhà giáo", "max": 10, "hint": "Nhận xét của tổ"}]},
        {"code": "II", "name": "Chuyên môn", "kind": "cộng", "max": 80,
         "items": [{"code": "II.1", "text": "Giảng dạy", "max": 50},
                   {"code": "II.2", "text": "Chất lượng học sinh", "max": 30}]},
        {"code": "III", "name": "Điểm thưởng", "kind": "thưởng", "max": 5,
         "items": [{"code": "III.1", "text": "Giáo viên dạy giỏi", "max": 3},
                   {"code": "III.2", "text": "Sáng kiến", "max": 3}]},
        {"code": "IV", "name": "Điểm trừ", "kind": "trừ", "max": 10,
         "items": [{"code": "IV.1", "text": "Nghỉ không phép (3 điểm/buổi)", "max": 9}]},
    ],
}
RUBRIC_NV = {
    "role": "Nhân viên", "total": 100,
    "groups": [{"code": "I", "name": "Công việc", "kind": "cộng", "max": 100,
                "items": [{"code": "I.1", "text": "Hoàn thành công việc", "max": 60},
                          {"code": "I.2", "text": "Nề nếp", "max": 40}]}],
}

STAFF = [  # code, name, department, role, rating, months, maternity, discipline, initiative decision
    ("GV01", "Nguyễn Thị Lan", "T1", "Giáo viên", "HTXSNV", 12, 0, "Không", ""),
    ("GV02", "Trần Văn Đức", "T1", "Giáo viên", "HTTNV", 12, 0, "Không", "12/QĐ-TH"),
    ("GV03", "Lê Thị Dung", "T1", "Giáo viên", "HTTNV", 2, 5, "Không", ""),
    ("GV04", "Phạm Ngọc Ánh", "T2", "Giáo viên", "HTNV", 12, 0, "Không", ""),
    ("GV05", "Hoàng Thị Thu Hương Giang Nguyễn Phương", "T2", "Giáo viên", "HTTNV", 12, 0, "Khiển trách", ""),
    ("NV01", "Đỗ Văn Anh", "T2", "Nhân viên", "HTTNV", 12, 0, "Không", ""),
]


def campaign_dict(**overrides) -> dict:
    data = {
        "id": "test-campaign", "level": "tieu-hoc",
        "school": {"name": "Trường Tiểu học Thử Nghiệm", "managing_body": "UBND xã Thử Nghiệm",
                   "place": "Thử Nghiệm", "school_year": "2025-2026", "recipient": "UBND xã Thử Nghiệm",
                   "recipient_email": "vhxh@example.vn", "principal": "Nguyễn Văn Hiệu",
                   "secretary": "Lê Thị Thư", "registration_deadline": "2025-09-30",
                   "scoring_deadline": "2026-05-20"},
        "settings": {"facts_source": "Danh sách", "score_gap_tolerance": 5, "spare_rows": 2, "sheet_password": ""},
        "rules": {"ldtt_min_classification": "Tốt"},
        "classification": [{"name": "Xuất sắc", "min": 90}, {"name": "Tốt", "min": 70},
                           {"name": "Hoàn thành", "min": 50}, {"name": "Không hoàn thành", "min": 0}],
        "gate_cap": "Hoàn thành",
        "titles": {"individual": ["Lao động tiên tiến", "Chiến sĩ thi đua cơ sở"],
                   "collective": ["Tập thể lao động tiên tiến", "Tập thể lao động xuất sắc"],
                   "forms": ["Giấy khen của Hiệu trưởng"]},
        "legal_basis": ["Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15;"],
        "rubrics": [RUBRIC_GV, RUBRIC_NV],
        "departments": [{"code": "T1", "name": "Tổ khối 1", "head": "Nguyễn Thị Lan", "email": ""},
                        {"code": "T2", "name": "Tổ Văn phòng – Khối 5", "head": "Phạm Ngọc Ánh", "email": ""}],
        "staff": [
            {"code": code, "name": name, "department": dept, "role": role, "position": "Giáo viên",
             "gender": "Nữ", "dob": "1985-01-02", "start": "2008-09-05",
             "rating": rating, "months": months, "maternity_months": maternity, "days_off": 0,
             "discipline": discipline, "under_review": False,
             "initiative": "Sáng kiến dạy đọc" if decision else "", "initiative_level": "Trường" if decision else "",
             "initiative_decision": decision}
            for code, name, dept, role, rating, months, maternity, discipline, decision in STAFF
        ],
    }
    data.update(overrides)
    return data


@pytest.fixture
def small_campaign() -> cm.Campaign:
    return cm.from_dict(campaign_dict())


def make_folder(directory, campaign: cm.Campaign):
    """A campaign folder as ``init`` makes it (campaign.xlsx, inbox/, outbox/), loaded back from the workbook."""
    from thidua_xlsx.model.places import CAMPAIGN_FILE
    from thidua_xlsx.service import init_campaign
    from thidua_xlsx.steps.workspace import open_campaign

    init_campaign(directory, campaign.level, campaign=campaign)
    folder, problems = open_campaign(directory / CAMPAIGN_FILE)
    assert folder is not None, [p.render() for p in problems]
    return folder


@pytest.fixture
def small_folder(tmp_path, small_campaign):
    return make_folder(tmp_path / "campaign", small_campaign)


@pytest.fixture(scope="session")
def dovecot():
    """The throwaway Dovecot of the mail tests and the page's (tests/mail/dovecot.py), started once for the session and
    stopped at its end; the tests that use it are marked ``imap``."""
    from tests.mail.dovecot import NotInstalled, NotStarted, running

    try:
        with running() as server:
            yield server
    except NotInstalled as why:  # as every real component's: skipped at a desk, required on CI
        if os.environ.get("CI") == "true":
            pytest.fail(str(why))
        pytest.skip(str(why))
    except NotStarted as why:
        pytest.fail(str(why))
