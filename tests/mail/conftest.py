"""The mail tests' throwaway Dovecot (tests/mail/dovecot.py), started once for the session and stopped at its end;
the tests that use it are marked ``imap``."""

from __future__ import annotations

import pytest

from tests.mail.dovecot import NotStarted, running


@pytest.fixture(scope="session")
def dovecot():
    try:
        with running() as server:
            yield server
    except NotStarted as why:
        pytest.fail(str(why))
