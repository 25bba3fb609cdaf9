"""What ``init`` writes, said independently of it, and the day a test runs on: for the tests of init, init --tu and
the campaign's notices (tests/write/test_campaign_book.py, test_campaign_periods.py, tests/e2e/test_next_year.py)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.read.presets import load_preset
from thidua_xlsx.text.workbook import SAMPLE_MARK


def as_init_writes(level: str, campaign_id: str, today: dt.date) -> cm.Campaign:
    """The preset of ``level`` as ``init`` writes it on ``today``: its school year, its sample school marked, no fact
    of its year."""
    preset = load_preset(level, year=False)
    marked = dataclasses.replace(preset.school, name=f"{preset.school.name} {SAMPLE_MARK}")
    return cm.in_school_year(dataclasses.replace(preset, id=campaign_id, school=marked), today)


def on_day(monkeypatch, day: dt.date) -> None:
    """Every command run as on ``day`` in Vietnam (init's school year, the campaign's notices)."""
    import importlib
    import pkgutil

    from thidua_xlsx import commands
    from thidua_xlsx.system import voice

    for module in (voice, *(importlib.import_module(f"{commands.__name__}.{m.name}")
                            for m in pkgutil.iter_modules(commands.__path__))):
        if hasattr(module, "vietnam_today"):
            monkeypatch.setattr(module, "vietnam_today", lambda: day)
