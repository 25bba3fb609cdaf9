"""Fixtures the tests of this folder share, built in helper modules (module-scoped, as before)."""

from tests.corpus import base  # noqa: F401 — a module fixture: the small campaign's two departments merged clean
