"""What stops a command before any work: one family, each with the exit code it means (as httpx's and black's
exceptions are one family the callers rely on). Bad input found while working is no exception: it is the run's
Report (model.report); a bug is any other exception (exit 4).

The family's members beyond this module keep their own meaning where they are raised: a folder the intake cannot
open (``intake.IntakeError``) and a mailbox that cannot be read on (``mail.imap.MailFault``) are :class:`Stopped`, as
is the page that finds no free port (``ui.serve.NoPort``); a lock another run holds (``system.lock.Busy``) and a
page already running a job (``ui.jobs.Busy``) are :class:`Blocked`."""

from __future__ import annotations

from thidua_xlsx.model.exits import EXIT_UNUSABLE, EXIT_USAGE
from thidua_xlsx.model.issues import Issue, Problems


class CommandError(Exception):
    """A command that could not start or go on: ``problems`` (each at its cell) and the text say why and what to do."""

    exit_code = EXIT_UNUSABLE

    def __init__(self, message: str = "", problems: Problems | None = None):
        super().__init__(message)
        self.message = message
        self.problems: Problems = problems if problems is not None else Problems()

    @property
    def issues(self) -> tuple[Issue, ...]:
        return tuple(self.problems)

    def __str__(self) -> str:
        return self.message or "; ".join(p.render() for p in self.problems)


class Refused(CommandError):
    """A request refused before any work is lost (an output that would overwrite, an output inside the inbox or on an
    input, two outputs on one path, a folder that cannot be made because a file is in the way): the command's usage
    error, exit 2. The text says what to do."""

    exit_code = EXIT_USAGE


class Stopped(CommandError):
    """The run cannot go on (no campaign found, a campaign with errors, a council file of another campaign):
    ``problems`` and ``message`` say why; exit 1."""

    def __init__(self, problems: Problems, message: str = ""):
        super().__init__(message, problems)


class Blocked(CommandError):
    """Another run holds the campaign or an output: exit 1, the text says who and what to do."""
