"""The page's long runs (generate, merge): one service call each, in a background thread, with its progress.

One run at a time per page server (a second is refused with what runs); across processes (two pages, or the CLI,
on one campaign) the service's own campaign lock refuses the second (:class:`thidua_xlsx.outputs.Blocked`), said in
the run's words. The run's progress (files read of how many), what it said, what it decided (the Summary, from
``Voice.decided``) and the files it wrote are kept for the page to poll and show. A run is whole or absent: the
service writes every file whole, or not at all; the browser closed mid-run changes nothing (the run goes on, its
result waits for the page); the server stopped mid-run leaves no half-written file (see thidua_xlsx.system.files).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from thidua_xlsx.model.issues import issue
from thidua_xlsx.system.written import RECORD_FILE
from thidua_xlsx.voice import Voice

SKIPPED_FILES = {RECORD_FILE}  # the record of the tool's own outputs, not an output
RUNNING, DONE, FAILED = "running", "done", "failed"
SKIPPED_FOLDERS = {"so-da-phat", "so-da-nhan", ".thidua-nhan", "inbox", "inbox-dang-ky"}  # never what a run wrote


@dataclass
class Job:
    id: str
    kind: str  # "generate", "merge"
    label: str  # the round's label, as the page shows it
    round_key: str
    round_label: str
    started: float
    state: str = RUNNING
    done: int = 0
    total: int = 0
    lines: list[str] = field(default_factory=list)
    problems: list = field(default_factory=list)  # Issues the run returned (generate's)
    summary: object = None
    report: object = None
    message: str = ""
    written: list[str] = field(default_factory=list)  # relative to the campaign folder
    before: dict[str, tuple[int, int]] = field(default_factory=dict, repr=False)  # the folder's files at the start

    def to_dict(self) -> dict:
        return {"id": self.id, "state": self.state, "done": self.done, "total": self.total,
                "lines": self.lines[-8:]}


class Jobs:
    """The runs of one page server: the one running, and those done (the last few kept)."""

    KEEP = 20

    def __init__(self, folder: Path):
        self.folder = folder
        self._lock = threading.Lock()
        self._jobs: dict[str, Job] = {}
        self._running: Job | None = None

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    @property
    def running(self) -> Job | None:
        with self._lock:
            return self._running

    def start(self, kind: str, label: str, round_key: str, call: Callable[[Voice], object],
              round_label: str = "") -> Job:
        """Start ``call(voice)`` in a thread; refused (``busy``: an Issue) while another runs."""
        with self._lock:
            if self._running is not None:
                raise Busy(issue("ui.run_busy", running=self._running.label))
            job = Job(secrets.token_hex(8), kind, label, round_key, round_label, time.time(),
                      before=files_of(self.folder))
            self._jobs[job.id] = job
            self._running = job
            for old in list(self._jobs)[:-self.KEEP]:
                del self._jobs[old]
        threading.Thread(target=self._run, args=(job, call), name=f"thidua-{kind}", daemon=True).start()
        return job

    def _run(self, job: Job, call: Callable[[Voice], object]) -> None:
        from thidua_xlsx import outputs as out
        from thidua_xlsx.model.report import Report
        from thidua_xlsx.system.files import fault_text
        from thidua_xlsx.text import commands as ct
        from thidua_xlsx.voice import Stopped

        @contextlib.contextmanager
        def reading(total: int) -> Iterator[Callable[[str], None]]:
            job.total, job.done = total, 0

            def one(_name: str) -> None:
                job.done += 1

            yield one

        def decided(summary: object) -> None:
            job.summary = summary

        voice = Voice(say=job.lines.append, warn=job.lines.append, reading=reading, decided=decided)
        state = FAILED  # published last: a page that sees the run ended sees what it wrote
        try:
            result = call(voice)
            job.problems = list(getattr(result, "problems", ()) or ())
            report = result if isinstance(result, Report) else None
            job.report = report
            failed = any(p.severity == "error" for p in job.problems) or \
                (report is not None and not report.valid) or getattr(result, "exit_code", 0) == 1
            state = FAILED if failed else DONE
        except Stopped as stop:
            job.problems = list(stop.problems)
            job.message = stop.message
        except (out.Refused, out.Blocked) as refused:
            job.message = str(refused)
        except OSError as exc:
            job.message = fault_text(exc)
        except Exception as exc:  # a bug: said in one line, as the CLI says it
            job.message = ct.INTERNAL_ERROR.format(error=f"{type(exc).__name__}: {exc}")
        finally:
            after = files_of(self.folder)
            job.written = [name for name, seen in after.items() if job.before.get(name) != seen]
            job.state = state
            with self._lock:
                self._running = None


class Busy(Exception):
    def __init__(self, said):
        super().__init__(said.message)
        self.issue = said


def files_of(folder: Path) -> dict[str, tuple[int, int]]:
    """Each file below ``folder`` (relative, in order) with its size and time: what a run wrote is what changed. The
    inboxes, the records and the tool's hidden, lock and temporary files are left out."""
    found = {}
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED_FOLDERS and not d.startswith("."))
        for name in sorted(files):
            if name.startswith((".", "~$")) or name.endswith((".lock", ".tmp")) or name in SKIPPED_FILES:
                continue
            path = Path(root) / name
            try:
                st = path.stat()
            except OSError:
                continue
            found[path.relative_to(folder).as_posix()] = (st.st_size, st.st_mtime_ns)
    return found
