"""Which message and reason codes the test session makes, and the check that every code is made by some test: a
pytest plugin (loaded by tests/conftest.py).

A code counts when its template is looked up in the catalogue — :func:`issue`, :func:`reason` and
``Problems.add`` look theirs up at once to check their parameters, and the summary words person statuses
and score sources straight from ``REASONS``. So for the session the catalogue's two dictionaries are
replaced by recording copies, in ``text.messages`` and in every package module already holding them.
Every process of the session appends what it sees to one file: a forked reading worker inherits it, an xdist worker
opens it by the path the session's process left in the environment; codes made only in a child
``python -m thidua_xlsx`` process are not seen.

The check runs when the session ends, in the session's process (with xdist: after every worker), and only on a
whole run that passed: pytest given part of the tests (a file, a folder below tests/, a test id), tests chosen with
-k or -m, or deselected, leave it out. A code made by no test fails the run, with the list.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import pytest

from thidua_xlsx.text import messages

TESTS = Path(__file__).resolve().parent
WHOLE_SUITE = pytest.StashKey[str]()  # "" when the whole suite runs, else why not

SHARED = "THIDUA_TEST_CODES"  # the record's path, for the xdist workers the session's process starts
_seen: set[tuple[str, str]] = set()  # (catalogue, code) seen by this process
if os.environ.get(SHARED):
    _record = open(os.environ[SHARED], "a", encoding="utf-8")  # noqa: SIM115 (open for the whole session)
    _owner = None
else:
    _record = tempfile.NamedTemporaryFile("a", prefix="thidua-codes-", suffix=".txt", delete=False, encoding="utf-8")
    os.environ[SHARED] = _record.name
    _owner = os.getpid()  # the session's process: it alone judges and removes the record


class _Recording(dict):
    """A catalogue that notes every code looked up in it."""

    def __init__(self, name: str, catalogue: dict[str, str]):
        super().__init__(catalogue)
        self.name = name

    def __getitem__(self, code):
        key = (self.name, code)
        if key not in _seen and not _record.closed:  # closed: the session is over
            _seen.add(key)
            _record.write(f"{self.name} {code}\n")
            _record.flush()  # a forked worker's lines reach the file before it exits
        return dict.__getitem__(self, code)


def _install() -> None:
    """Recording copies of the catalogues wherever a package module holds them (text.messages too, so
    that a module imported later gets them)."""
    originals = {"MESSAGES": messages.MESSAGES, "REASONS": messages.REASONS}
    if isinstance(originals["MESSAGES"], _Recording):
        return
    recording = {name: _Recording(name, catalogue) for name, catalogue in originals.items()}
    for module in list(sys.modules.values()):
        if not getattr(module, "__name__", "").startswith("thidua_xlsx"):
            continue
        for name, catalogue in originals.items():
            for attribute, value in list(vars(module).items()):
                if value is catalogue:
                    setattr(module, attribute, recording[name])


_install()


def made() -> dict[str, set[str]]:
    """The codes looked up so far in this process and its forked workers, by catalogue."""
    found: dict[str, set[str]] = {"MESSAGES": set(), "REASONS": set()}
    for line in Path(_record.name).read_text(encoding="utf-8").splitlines():
        name, code = line.split(" ", 1)
        found[name].add(code)
    return found


def _why_not_whole(config: pytest.Config) -> str:
    for arg in config.args:
        path = (config.invocation_params.dir / arg.split("::")[0]).resolve()
        if "::" in arg or not (path == TESTS or path in TESTS.parents):
            return f"only part of the tests was asked for ({arg})"
    if config.option.keyword or config.option.markexpr:
        return "tests were chosen with -k or -m"
    if config.option.collectonly:
        return "the tests were collected, not run"
    return ""


def pytest_configure(config: pytest.Config) -> None:
    config.stash[WHOLE_SUITE] = _why_not_whole(config)


def pytest_deselected(items) -> None:
    if items:
        config = items[0].config
        config.stash[WHOLE_SUITE] = config.stash.get(WHOLE_SUITE, "") or "some tests were deselected"


def never_made() -> list[str]:
    """The codes of the catalogue no process of the session looked up."""
    found = made()
    return [f"{name}: {code}" for name, catalogue in (("MESSAGES", messages.MESSAGES), ("REASONS", messages.REASONS))
            for code in catalogue if code not in found[name]]


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """A whole run that passed fails when a code of the catalogue was made by no test (write a test that provokes
    it, or remove a code no input can provoke). A failed test may not have made its codes: then no judgement."""
    if os.getpid() != _owner or exitstatus != 0 or session.config.stash.get(WHOLE_SUITE, "not recorded"):
        return
    never = never_made()
    if never:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None:
            reporter.write_sep("=", f"{len(never)} codes made by no test (tests/message_codes.py)", red=True)
            for line in never:
                reporter.write_line(line)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_unconfigure(config: pytest.Config) -> None:
    _record.close()  # every process's own handle (an xdist worker's too: else a ResourceWarning at its exit)
    if os.getpid() == _owner:
        Path(_record.name).unlink(missing_ok=True)

