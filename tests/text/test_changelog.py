"""What the page and the CLI say after an update (text.releases.CHANGES) and CHANGELOG.md agree: each release said has
its heading there, and each line she must act on is one of its "Cần làm" there at least."""

from __future__ import annotations

import re
from pathlib import Path

from thidua_xlsx.text import releases as rx

CHANGELOG = (Path(__file__).resolve().parents[2] / "CHANGELOG.md").read_text(encoding="utf-8")


def _section(version: str) -> str:
    found = re.search(rf"^## {re.escape(version)}\b.*?(?=^## |\Z)", CHANGELOG, flags=re.M | re.S)
    assert found is not None, version
    return found.group(0)


def test_each_release_said_is_in_the_changelog_with_as_many_things_to_do():
    assert rx.CHANGES[0][0] == rx.VERSION
    for version, lines in rx.CHANGES:
        todo = sum(line.startswith(rx.TODO) for _whom, line in lines)
        assert _section(version).lower().count("cần làm:") >= todo, version
