"""How a command runs and speaks: its :class:`Voice` (what it says, warns, and its progress), the problems said, and
today's date in Vietnam. Shared by every command (:mod:`thidua_xlsx.commands`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from typing import TYPE_CHECKING

from thidua_xlsx.model import layout as ly

if TYPE_CHECKING:  # the annotation only
    from thidua_xlsx.model.issues import Issue


@dataclass(frozen=True)
class Voice:
    """How a command speaks while it works: ``say`` (the report, what was written), ``warn`` (what
    needs attention), ``secret`` (a school's code, shown because the officer asked for it) and ``reading(total)``, a
    context giving the callback called after each inbox entry (a progress bar). What is said and warned may be kept
    (the runs record, the page's run log); a secret is shown to whoever asked and never kept: no door remembers it
    (docs/security.md). What it decided comes back in its Result (model.result), not through its voice. The CLI
    prints; a library caller may collect or stay silent. Frozen: one voice is the default argument of every command
    (``voice: Voice = Voice()``), shared by all their calls; a command that speaks otherwise makes another
    (``dataclasses.replace``)."""

    say: Callable[[str], None] = lambda _text: None
    warn: Callable[[str], None] = lambda _text: None
    secret: Callable[[str], None] = lambda _text: None
    problem: Callable[[Issue], None] = lambda _issue: None  # each problem warned, as data: the page words it its way
    reading: Callable[[int], AbstractContextManager[Callable[[str], None]]] = \
        lambda _total: nullcontext(lambda _name: None)


def warn_problems(problems, voice: Voice) -> None:
    """Each problem said as a warning line: its severity, where, what (and handed to the voice as it is)."""
    for problem in problems:
        voice.problem(problem)
        voice.warn(f"{problem.severity_label}: {problem.render()}")


VIETNAM = dt.timezone(ly.VIETNAM_UTC_OFFSET)  # the school's clock: UTC+7 all year (no summer time)


def vietnam_now() -> dt.datetime:
    """Vietnam's date and time now (aware, UTC+7), whatever the computer's zone: the one clock of the tool, read by
    every date and time it decides by or writes (tests/house/test_habits.py: test_one_clock_decides_every_date)."""
    return dt.datetime.now(VIETNAM)


def vietnam_today() -> dt.date:
    """The school's day: Vietnam's date now (around midnight, or on a laptop set to another zone, not the
    computer's)."""
    return vietnam_now().date()
