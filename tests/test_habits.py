"""The house's habits: the LibreOffice mark is honest; every package of the code is installed; the code passes the lint
and the type check configured in pyproject.toml."""

from __future__ import annotations

import os
import subprocess
import sys
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


def test_the_package_passes_mypy_as_configured():
    root = Path(__file__).resolve().parents[1]
    found = subprocess.run([sys.executable, "-m", "mypy", "--cache-dir", os.devnull, "--no-error-summary"],
                           cwd=root, capture_output=True, text=True)
    assert found.returncode == 0 and "error: " not in found.stderr, found.stdout + found.stderr  # 0 findings


def test_every_package_of_the_code_is_installed():
    """pyproject.toml names the packages a non-editable install copies (CI installs so): a folder of the code missing
    there works in a checkout and fails on every machine the program is installed on."""
    import tomllib

    root = Path(__file__).resolve().parents[1]
    listed = set(tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    code = {".".join(p.parent.relative_to(root).parts) for p in (root / "thidua_xlsx").rglob("__init__.py")}
    assert code - listed == set()
