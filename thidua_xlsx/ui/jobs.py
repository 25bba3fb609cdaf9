"""The page's long runs: one service call each (a request, model.requests), in a background thread, with its progress.

One run at a time per page server (a second is refused with what runs); across processes (two pages, or the CLI, on
one campaign) the service's own campaign lock refuses the second (:class:`~thidua_xlsx.model.errors.Blocked`), said
in the run's words — and a run that writes something first (the officer's decisions, the council's summary uploaded)
takes that lock before it writes it: refused, it has written nothing. The run's progress (files read of how many),
what it said and its Result — what it decided and the files it wrote among them — are kept for the page to poll and
show; the service remembers the Result in the campaign folder too, for the page after a restart. A run is whole or
absent: the service writes every file whole, or not at all; the browser closed mid-run changes nothing (the run goes
on, its result waits for the page); the server stopped mid-run leaves no half-written file (see
thidua_xlsx.system.files).
"""


from __future__ import annotations

import contextlib
import secrets
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from thidua_xlsx import service
from thidua_xlsx.model.errors import Blocked, CommandError
from thidua_xlsx.model.exits import EXIT_OK
from thidua_xlsx.model.issues import Issue, issue
from thidua_xlsx.model.requests import PAGE, Request
from thidua_xlsx.model.result import Result
from thidua_xlsx.system.voice import Voice
from thidua_xlsx.text import commands as ct

RUNNING, DONE, FAILED = "running", "done", "failed"


@dataclass
class Job:
    id: str
    kind: str  # "sinh" (generate), "merge", "history", "next-year", "collect"
    label: str  # the round's label, as the page shows it
    round_key: str
    round_label: str
    started: float
    state: str = RUNNING
    done: int = 0
    total: int = 0
    lines: list[str] = field(default_factory=list)
    problems: list = field(default_factory=list)  # Issues of what stopped the run before any work
    warned: list = field(default_factory=list)  # Issues the run warned of as it went (worded as the page says them)
    result: Result | None = None
    message: str = ""

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

    def start(self, kind: str, label: str, round_key: str, request: Request, round_label: str = "",
              before: Callable[[], Sequence[str]] | None = None) -> Job:
        """Start the command ``request`` asks for in a thread; refused (``busy``: an Issue) while another runs. What
        must be written for it (``before``: the officer's decisions, the council's summary uploaded, for the merge
        that reads them) is written by the run once it holds its campaign's lock, held from then to the command's
        end (:func:`thidua_xlsx.service.campaign_held`): while another program works on the folder (a second page, a
        terminal, a mail collect) the run is refused (``ui.held_elsewhere``) and nothing is written. What ``before``
        says opens the run's lines, and what it raises refuses the run; this returns once the run is started or
        refused."""
        with self._lock:
            if self._running is not None:
                raise Busy(issue("ui.run_busy", running=self._running.label))
            job = Job(secrets.token_hex(8), kind, label, round_key, round_label, time.time())
            self._running = job
        opening = _Opening()
        threading.Thread(target=self._run, args=(job, request, before, opening), name=f"thidua-{kind}",
                         daemon=True).start()
        opening.wait()
        if opening.refused is not None:
            raise opening.refused
        with self._lock:
            self._jobs[job.id] = job
            for old in list(self._jobs)[:-self.KEEP]:
                del self._jobs[old]
        return job

    def _run(self, job: Job, request: Request, before: Callable[[], Sequence[str]] | None, opening: _Opening) -> None:
        @contextlib.contextmanager
        def reading(total: int) -> Iterator[Callable[[str], None]]:
            job.total, job.done = total, 0

            def one(_name: str) -> None:
                job.done += 1

            yield one

        voice = Voice(say=job.lines.append, warn=job.lines.append, problem=job.warned.append, reading=reading)
        state = FAILED  # published last: a page that sees the run ended sees what it wrote
        try:
            with contextlib.ExitStack() as held:
                opening.refused = self._refused(job, before, voice, held)
                if opening.refused is None:
                    opening.set()
                    state = _ran(job, request, voice)
        finally:  # the campaign let go of, then the page free for another run, then the run's end (or refusal) said
            with self._lock:
                self._running = None
            job.state = state
            opening.set()

    def _refused(self, job: Job, before: Callable[[], Sequence[str]] | None, voice: Voice,
                 held: contextlib.ExitStack) -> BaseException | None:
        """What refuses the run, or None once what ``before`` writes is written, the campaign held (in ``held``)
        first."""

        try:
            if before is not None:
                held.enter_context(service.campaign_held(self.folder, job.kind, voice))
                job.lines.extend(before())
        except Blocked as blocked:  # another program works on the folder: nothing written
            return Busy(issue("ui.held_elsewhere", busy=blocked.message))
        except BaseException as exc:  # refused by what it checks (a reason missing), said as before
            return exc
        return None


def _ran(job: Job, request: Request, voice: Voice) -> str:
    """The command run with ``voice``, its Result or what stopped it kept in ``job``; the state it ended in."""

    try:
        job.result = service.run(request, voice, PAGE)
        return DONE if job.result.exit_code == EXIT_OK else FAILED
    except CommandError as error:
        job.problems = list(error.problems)
        job.message = error.message
    except OSError as exc:
        job.message = service.fault_text(exc)
    except Exception as exc:  # a bug: said in one line, as the CLI says it
        job.message = ct.INTERNAL_ERROR.format(error=f"{type(exc).__name__}: {exc}")
    return FAILED


class _Opening(threading.Event):
    """Set once a run is started, or refused (``refused``: what refused it, raised where it was asked for) and has let
    go of the campaign and the page."""

    refused: BaseException | None = None


class Busy(Blocked):
    """The page cannot start a run now (``issue`` says why): it runs one already (one at a time per page server), or
    another program holds the campaign the run would write first."""

    def __init__(self, said: Issue):
        super().__init__(said.message)
        self.issue = said
