"""The hostile and tamper tests through both department writers (issue 50): the suite runs them on the books placed
from skeletons (the default); this runs them again, in a pytest of their own, on books written by xlsxwriter alone
(``THIDUA_WRITER=xlsxwriter``, which tests/write/test_generate_skeleton.py shows places no form from a skeleton).
The books are byte-identical both ways (that file again), so a failure here is a test that depends on how a book
was made, or a writer that is not what it says."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from thidua_xlsx.write.department import skeleton

ROOT = Path(__file__).resolve().parents[2]
# what no file can break (a corpus of hostile entries), what a department head may edit and must not get through,
# whatever a cell or a workbook may hold
HOSTILE_AND_TAMPER = ("tests/e2e/test_corpus.py", "tests/read/test_trust.py", "tests/e2e/test_inputs.py",
                      "tests/read/test_own_files.py")


def test_the_hostile_and_tamper_tests_pass_on_books_written_by_xlsxwriter_alone(tmp_path):
    report = tmp_path / "junit.xml"
    child = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", f"--junitxml={report}",
         *HOSTILE_AND_TAMPER], cwd=ROOT, capture_output=True, text=True, timeout=900,
        env={**{k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")},  # not this run's worker
             skeleton.WRITER_VARIABLE: "xlsxwriter"})
    assert child.returncode == 0, child.stdout[-4000:] + child.stderr[-2000:]
    suite = ET.parse(report).getroot().find("testsuite")
    assert suite is not None
    ran, failed, skipped = (int(suite.get(key, "0")) for key in ("tests", "failures", "skipped"))
    assert ran >= 80 and failed == 0, (ran, failed)  # 85 on 2026-11-25
    assert skipped <= 1, child.stdout[-2000:]  # links and FIFOs, where the platform has none
