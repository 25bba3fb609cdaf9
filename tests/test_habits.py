"""The test suite's own habits: the LibreOffice mark is honest."""

from __future__ import annotations

import pytest

from tests.libreoffice import MARKED, require_libreoffice


def test_a_test_that_starts_libreoffice_without_its_mark_fails_naming_the_mark(monkeypatch):
    unmarked = "tests/e2e/test_example.py::test_prints_a_pdf"
    assert unmarked not in MARKED
    monkeypatch.setenv("PYTEST_CURRENT_TEST", f"{unmarked} (call)")

    with pytest.raises(pytest.fail.Exception, match="mark it @pytest.mark.libreoffice"):
        require_libreoffice()

