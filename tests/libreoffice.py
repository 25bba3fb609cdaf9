"""Test helper: a real LibreOffice Calc as the "client" that fills our workbooks.

``fill()`` runs ``tests/lo_fill_uno.py`` under a Python that can ``import uno``
(Debian: /usr/bin/python3 + python3-uno; override with $LO_PYTHON). The script types
every value into the grid like a teacher would, so Calc enforces sheet protection and
data validation; see its docstring for the report format.

    from tests.libreoffice import fill, require_libreoffice

    require_libreoffice()          # skip here, fail on CI (CI=true)
    report = fill(path, [{"sheet": "Lớp 5A", "cell": "B2", "value": 7}],
                  [{"sheet": "Lớp 5A", "cell": "C2"}], out_xlsx=tmp_path / "out.xlsx")
    report["fills"][0]["status"]   # "accepted" | "refused" | "converted"
    report["reads"][0]["value"]    # after calculateAll()
    report["sheets"]               # sheet names in order, after the ops

Every fill types on a computer set to Vietnam's time zone (:data:`TIME_ZONE`), as the teachers' are: one
soffice serves every fill of a test process.
"""

from __future__ import annotations

import atexit
import functools
import json
import os
import subprocess
import tempfile
import threading
from pathlib import Path

import pytest

from thidua_xlsx.system.office import find_soffice

FILL_SCRIPT = Path(__file__).with_name("lo_fill_uno.py")
INSTALL_HINT = "apt-get install --no-install-recommends libreoffice-calc libreoffice-writer python3-uno"
SKIP_MESSAGE = f"LibreOffice không có trên máy này – bỏ qua (cài: {INSTALL_HINT})"


@functools.cache
def uno_python() -> str | None:
    """A Python interpreter that can ``import uno`` ($LO_PYTHON or /usr/bin/python3)."""
    candidate = os.environ.get("LO_PYTHON") or "/usr/bin/python3"
    if not (os.path.isfile(candidate) and os.access(candidate, os.X_OK)):
        return None
    try:
        probe = subprocess.run([candidate, "-c", "import uno"], capture_output=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    return candidate if probe.returncode == 0 else None


def lo_available() -> bool:
    """LibreOffice and a uno-capable Python are both installed."""
    return find_soffice() is not None and uno_python() is not None


MARKED: set[str] = set()  # node ids of the tests marked ``libreoffice`` (filled by conftest at collection)


def require_libreoffice() -> None:
    """Skip the calling test without LibreOffice; on CI (CI=true) fail instead.

    The calling test must carry ``@pytest.mark.libreoffice`` (so ``-m "not libreoffice"`` leaves out every test
    that starts it): an unmarked caller fails, naming the mark."""
    current = os.environ.get("PYTEST_CURRENT_TEST", "").rsplit(" (", 1)[0]
    if current and current not in MARKED:
        pytest.fail(f"{current} starts LibreOffice: mark it @pytest.mark.libreoffice", pytrace=False)
    if lo_available():
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"LibreOffice bắt buộc trên CI nhưng không có (cài: {INSTALL_HINT})",
                    pytrace=False)
    pytest.skip(SKIP_MESSAGE)


#: UTC+7 all year: where the teachers' computers are; it decides the save times LibreOffice writes into a file.
TIME_ZONE = {"TZ": "Asia/Ho_Chi_Minh"}


class _Server:
    """A LibreOffice kept running for this process's fills (``lo_fill_uno.py --serve``), one fill at a time."""

    def __init__(self):
        self.process = subprocess.Popen([uno_python(), str(FILL_SCRIPT), "--serve"], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                        env={**os.environ, **TIME_ZONE})
        said = self.process.stdout.readline().split()
        if said[:1] != ["port"]:  # it said why on stderr, and ended
            why = self.process.stderr.read()
            self.close()
            raise AssertionError(f"lo_fill_uno.py --serve did not start: {why}")
        self.port = int(said[1])

    def close(self) -> int | None:
        """Its stdin closed, the server stops its soffice and ends: its exit code (1 when something it started was
        left running); killed if it does not end within a minute."""
        self.process.stdin.close()
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process.stdout.close()
        self.process.stderr.close()
        return self.process.returncode


_idle: list[_Server] = []
_servers_lock = threading.Lock()


def _server() -> _Server:
    with _servers_lock:
        if _idle:
            return _idle.pop()
    return _Server()


def _given_back(server: _Server) -> None:
    with _servers_lock:
        _idle.append(server)


@atexit.register
def close_servers() -> list[int | None]:
    """Stop every idle server of this process (at its end; a test may call it to see them go): their exit codes."""
    with _servers_lock:
        servers = list(_idle)
        _idle.clear()
    return [server.close() for server in servers]


def fill(src, fills, reads, out_xlsx=None, out_ods=None, out_xls=None, timeout=180, ops=(), then=()) -> dict:
    """Type ``fills`` into a copy of ``src`` in LibreOffice, apply ``ops``, read ``reads``, save;
    return the report.

    ``fills``: ``[{"sheet", "cell", "value"}]``; ``reads``: ``[{"sheet", "cell"}]``;
    ``ops``: ordinary edits done after the typing (unprotect, sort, insert_rows, move_sheet,
    protect; see tests/lo_fill_uno.py), each reported in ``report["ops"]``.
    ``then``: later steps on the same document once saved, each ``{"ops", "reads", "out_xlsx"…}`` as above,
    reported in ``report["then"]`` (``{"ops", "reads", "sheets", "saved"}`` each): the book typed once, saved,
    edited, saved again.
    Raises AssertionError (with soffice's stderr) when the run itself failed; refused
    entries are not failures, they are in ``report["fills"]``.
    """
    require_libreoffice()
    with tempfile.TemporaryDirectory(prefix="lo_fill_test_") as tmp:
        spec = Path(tmp) / "spec.json"
        report_path = Path(tmp) / "report.json"
        steps = [{"ops": list(step.get("ops", ())), "read": list(step.get("reads", ())),
                  "out": {key[len("out_"):]: str(path) for key, path in step.items() if key.startswith("out_")}}
                 for step in then]
        spec.write_text(json.dumps({"fill": list(fills), "ops": list(ops), "read": list(reads), "then": steps},
                                   ensure_ascii=False),
                        encoding="utf-8")
        server = _server()
        cmd = [uno_python(), str(FILL_SCRIPT), str(src), "--spec", str(spec),
               "--report", str(report_path), "--timeout", str(timeout), "--port", str(server.port)]
        for option, path in (("--out-xlsx", out_xlsx), ("--out-ods", out_ods),
                             ("--out-xls", out_xls)):
            if path is not None:
                cmd += [option, str(path)]
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            stdout, stderr = proc.communicate(timeout=timeout + 30)
        except subprocess.TimeoutExpired:
            proc.terminate()   # the script's SIGTERM handler kills its soffice
            try:
                stdout, stderr = proc.communicate(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                stdout, stderr = proc.communicate()
            server.close()
            raise AssertionError(f"lo_fill_uno.py hung for more than {timeout + 30} s:\n{stderr}")
        report = None
        if report_path.is_file():
            report = json.loads(report_path.read_text(encoding="utf-8"))
        if proc.returncode != 0 or report is None:
            server.close()  # what its soffice holds now is not known: the next fill starts another
            detail = ("no report written" if report is None
                      else report.get("error") or f"its report written (ok: {report.get('ok')}), then it died")
            raise AssertionError(f"lo_fill_uno.py exited with {proc.returncode}: {detail}\n"
                                 f"stderr:\n{stderr}\nstdout:\n{stdout}")
        _given_back(server)
        return report
