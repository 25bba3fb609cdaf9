"""The house's habits: the LibreOffice mark is honest; the code passes the lint and the type check configured in
pyproject.toml."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from tests.libreoffice import MARKED, require_libreoffice


def test_a_test_that_starts_libreoffice_without_its_mark_fails_naming_the_mark(monkeypatch):
    unmarked = "tests/e2e/test_example.py::test_prints_a_pdf"
    assert unmarked not in MARKED
    monkeypatch.setenv("PYTEST_CURRENT_TEST", f"{unmarked} (call)")

    with pytest.raises(pytest.fail.Exception, match="mark it @pytest.mark.libreoffice"):
        require_libreoffice()



def test_the_code_passes_ruff_as_configured():
    root = Path(__file__).resolve().parents[1]
    found = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "thidua_xlsx", "tests", "samples",
                            "benchmarks"], cwd=root, capture_output=True, text=True)
    assert found.returncode == 0, found.stdout + found.stderr


# The modules being changed by others while the package was brought to 0 mypy findings; the lead types them and
# empties this mapping (file -> how many findings it had then). Any other file with a finding fails the test.
EXPECTED_ELSEWHERE: dict[str, int] = {
}


def test_the_package_passes_mypy_as_configured():
    root = Path(__file__).resolve().parents[1]
    found = subprocess.run([sys.executable, "-m", "mypy", "--cache-dir", os.devnull, "--no-error-summary"],
                           cwd=root, capture_output=True, text=True)
    assert "error: " not in found.stderr, found.stderr
    per_file = Counter(m.group(1) for m in re.finditer(r"^([^\s:]+\.py):\d+: error: ", found.stdout, re.MULTILINE))
    unexpected = {f: n for f, n in per_file.items() if n > EXPECTED_ELSEWHERE.get(f, 0)}
    assert not unexpected, found.stdout
    if not EXPECTED_ELSEWHERE:
        assert found.returncode == 0, found.stdout + found.stderr
