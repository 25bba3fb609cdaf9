"""Fixtures the tests of this folder share, built in helper modules (module-scoped, as before); the hostile and tamper
tests run through both reading paths (tests/reader_paths.py)."""

import pytest

from tests import corpus
from tests.reader_paths import pytest_generate_tests, reader_path  # noqa: F401 — the hook and its fixture


@pytest.fixture(scope="module")
def base(tmp_path_factory, reader_path):  # noqa: F811 — reader_path: built anew for each reading path
    """:func:`tests.corpus.base`: the small campaign's two departments merged clean."""
    return corpus.base.__wrapped__(tmp_path_factory)
