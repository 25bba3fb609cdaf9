"""The hostile and tamper tests run through both ways a department's workbook is read (issue 50): the reader of the
sheets' XML (``fast``, :mod:`thidua_xlsx.read.department.own_xml`) and python-calamine (``fallback``, forced by
``THIDUA_READER=fallback``). The conftest.py files of their folders import :func:`pytest_generate_tests` and
:func:`reader_path`; each module of :data:`BOTH` is then run twice, one path after the other, its module fixtures
that read (``base``, ``hostile``, ``school``, which request ``reader_path``) built anew for each. The variable is set
in the environment, so that reading workers and the command lines the tests start follow it."""

from __future__ import annotations

import pytest

from thidua_xlsx.read.department import own_xml

FAST, FALLBACK = own_xml.FAST, own_xml.FALLBACK
BOTH = frozenset({
    "tests.e2e.test_corpus", "tests.e2e.test_inputs", "tests.e2e.test_merge",
    "tests.read.test_trust", "tests.read.test_messages_read", "tests.read.test_registry",
    "tests.read.test_what_comes_in", "tests.read.test_legacy_text",
})


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if metafunc.module.__name__ in BOTH and "reader_path" in metafunc.fixturenames:
        metafunc.parametrize("reader_path", [FAST, FALLBACK], indirect=True, scope="module")


@pytest.fixture(scope="module", autouse=True)
def reader_path(request: pytest.FixtureRequest):
    """The reading path of this module's tests: ``fallback`` sets ``THIDUA_READER`` for as long as they run."""
    path = getattr(request, "param", FAST)
    with pytest.MonkeyPatch.context() as patch:
        if path == FALLBACK:
            patch.setenv(own_xml.READER_VARIABLE, FALLBACK)
        else:
            patch.delenv(own_xml.READER_VARIABLE, raising=False)
        assert own_xml.forced_fallback() == (path == FALLBACK)
        yield path
