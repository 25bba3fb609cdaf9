"""Fixtures the write tests share, built in helper modules (module-scoped, as before)."""

from tests.corpus import base  # noqa: F401 — a module fixture: the small campaign's two departments merged clean
from tests.feedback import returned  # noqa: F401 — a module fixture: a workbook returned with problems
