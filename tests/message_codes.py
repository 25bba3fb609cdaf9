"""Which message and reason codes the test session makes: a pytest plugin (loaded by tests/conftest.py).

A code counts when its template is looked up in the catalogue — :func:`issue`, :func:`reason` and
``Problems.add`` look theirs up at once to check their parameters, and the summary words person statuses
and score sources straight from ``REASONS``. So for the session the catalogue's two dictionaries are
replaced by recording copies, in ``text.messages`` and in every package module already holding them.
A forked reading worker inherits them and appends what it sees to a file, so codes made in workers count
too; codes made only in a child ``python -m thidua_xlsx`` process are not seen.

``tests/test_messages.py`` checks the record at the end of the session; this plugin moves that check
after every other test and tells it whether the whole suite ran.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import pytest

from thidua_xlsx.text import messages

TESTS = Path(__file__).resolve().parent
LAST = "test_every_code_is_made_by_some_test"  # the check, run after every other test
WHOLE_SUITE = pytest.StashKey[str]()  # "" when the whole suite runs, else why not

_seen: set[tuple[str, str]] = set()  # (catalogue, code) seen by this process
_record = tempfile.NamedTemporaryFile("a", prefix="thidua-codes-", suffix=".txt", delete=False, encoding="utf-8")
_pid = os.getpid()  # the session's process: it alone removes the record


class _Recording(dict):
    """A catalogue that notes every code looked up in it."""

    def __init__(self, name: str, catalogue: dict[str, str]):
        super().__init__(catalogue)
        self.name = name

    def __getitem__(self, code):
        key = (self.name, code)
        if key not in _seen:
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
    if config.pluginmanager.has_plugin("xdist") and getattr(config.option, "numprocesses", None):
        return "the tests run in several xdist workers"
    return ""


def pytest_configure(config: pytest.Config) -> None:
    config.stash[WHOLE_SUITE] = _why_not_whole(config)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    last = [item for item in items if item.name == LAST]
    items[:] = [item for item in items if item.name != LAST] + last


def pytest_deselected(items) -> None:
    if items:
        config = items[0].config
        config.stash[WHOLE_SUITE] = config.stash.get(WHOLE_SUITE, "") or "some tests were deselected"


def pytest_unconfigure(config: pytest.Config) -> None:
    if os.getpid() == _pid:
        _record.close()
        Path(_record.name).unlink(missing_ok=True)

