"""The house's habits: the LibreOffice mark is honest; every package of the code is installed; the code passes the lint
and the type check configured in pyproject.toml; its functions stay small enough to read (radon's rank); its comments
say what the code does, not which issue asked for it."""

from __future__ import annotations

import ast
import io
import os
import re
import subprocess
import sys
import tokenize
from pathlib import Path

import pytest

from tests.libreoffice import MARKED, require_libreoffice


def test_a_test_that_starts_libreoffice_without_its_mark_fails_naming_the_mark(monkeypatch):
    unmarked = "tests/e2e/test_example.py::test_prints_a_pdf"
    assert unmarked not in MARKED
    monkeypatch.setenv("PYTEST_CURRENT_TEST", f"{unmarked} (call)")

    with pytest.raises(pytest.fail.Exception, match="mark it @pytest.mark.libreoffice"):
        require_libreoffice()


def test_the_code_passes_ruff_as_configured():
    root = Path(__file__).resolve().parents[1]
    found = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "thidua_xlsx", "tests", "samples",
                            "benchmarks"], cwd=root, capture_output=True, text=True)
    assert found.returncode == 0, found.stdout + found.stderr


def test_the_package_passes_mypy_as_configured():
    root = Path(__file__).resolve().parents[1]
    found = subprocess.run([sys.executable, "-m", "mypy", "--cache-dir", os.devnull, "--no-error-summary"],
                           cwd=root, capture_output=True, text=True)
    assert found.returncode == 0 and "error: " not in found.stderr, found.stdout + found.stderr  # 0 findings


def test_every_package_of_the_code_is_installed():
    """pyproject.toml names the packages a non-editable install copies (CI installs so): a folder of the code missing
    there works in a checkout and fails on every machine the program is installed on."""
    import tomllib

    root = Path(__file__).resolve().parents[1]
    listed = set(tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    code = {".".join(p.parent.relative_to(root).parts) for p in (root / "thidua_xlsx").rglob("__init__.py")}
    assert code - listed == set()


# Functions ranked D or worse by radon's cyclomatic complexity (more than 20 paths): at most this many, none F (more
# than 40). A function over the bar is split into named steps that say what they do, its output unchanged.
MOST_D_OR_WORSE = 16


def test_few_functions_are_hard_to_follow_and_none_is_ranked_f():
    try:
        from radon.complexity import cc_rank, cc_visit
    except ImportError:  # a venv made before radon joined the test extras
        pytest.fail("radon is not installed: pip install -e '.[test]'")
    root = Path(__file__).resolve().parents[1]
    ranked = [(f"{path.relative_to(root).as_posix()}:{block.lineno} {block.fullname}", block.complexity)
              for path in sorted((root / "thidua_xlsx").rglob("*.py"))
              for block in cc_visit(path.read_text(encoding="utf-8")) if cc_rank(block.complexity) >= "D"]
    shown = "\n".join(f"{cc_rank(c)} {c:3} {where}" for where, c in sorted(ranked, key=lambda r: -r[1]))
    assert [where for where, c in ranked if cc_rank(c) == "F"] == [], shown
    assert len(ranked) <= MOST_D_OR_WORSE, f"{len(ranked)} functions ranked D or worse (at most {MOST_D_OR_WORSE}):\n" \
        + shown


ISSUE_NUMBER = re.compile(r"\bissues? #?\d+", re.IGNORECASE)


def _comments_and_docstrings(source: str):
    """(line, text) of every comment and every string standing alone as a statement (docstrings among them)."""
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT:
            yield token.start[0], token.string
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            yield node.lineno, node.value.value


def test_comments_say_what_the_code_does_not_which_issue_asked():
    """A comment or docstring naming an issue ("issue 48"), in the package or its tests, tells the next reader nothing
    the code does: say what it does and why instead (docs/conventions.md)."""
    root = Path(__file__).resolve().parents[1]
    here = Path(__file__).resolve()  # this module names issues as the check's own examples
    sources = {path: path.read_text(encoding="utf-8") for folder in ("thidua_xlsx", "tests")
               for path in sorted((root / folder).rglob("*.py")) if path != here}
    found = [f"{path.relative_to(root).as_posix()}:{line}: {ISSUE_NUMBER.search(text).group()}"
             for path, source in sources.items() if "issue" in source.lower()  # no other source has one to say
             for line, text in _comments_and_docstrings(source) if ISSUE_NUMBER.search(text)]
    assert found == []


def test_the_issue_check_finds_a_comment_and_a_docstring_naming_one():
    source = '''"""The module (Issue 12)."""\n\n\ndef f():\n    return 1  # issue 7: one\n'''
    assert [(line, ISSUE_NUMBER.search(text).group()) for line, text in _comments_and_docstrings(source)
            if ISSUE_NUMBER.search(text)] == [(5, "issue 7"), (1, "Issue 12")]


THE_CLOCK = "thidua_xlsx/system/voice.py"  # vietnam_today: the school's day, the one clock a date is decided by


def _clock_reads(source: str) -> list[int]:
    """The lines of ``source`` that read the computer's own day or time: ``….today()``, ``….now()`` with no zone."""
    return [node.lineno for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and (node.func.attr == "today" or (node.func.attr == "now" and not node.args and not node.keywords))]


def test_one_clock_decides_every_date():
    """The school's day is Vietnam's (UTC+7) whatever the computer's zone: a date that decides something — the day
    a book is issued, the rule set in force, the school year — comes from vietnam_today, never the computer's own
    day (around midnight, or on a laptop set to another zone, the two disagree)."""
    root = Path(__file__).resolve().parents[1]
    found = [f"{path.relative_to(root).as_posix()}:{line}" for path in sorted((root / "thidua_xlsx").rglob("*.py"))
             if path.relative_to(root).as_posix() != THE_CLOCK
             for line in _clock_reads(path.read_text(encoding="utf-8"))]
    assert found == [], "read the day with system.voice.vietnam_today:\n" + "\n".join(found)
    assert _clock_reads("import datetime as dt\nday = dt.date.today()\nnow = dt.datetime.now()\n") == [2, 3]


CITED = re.compile(r"docs/([a-z_]+\.md)(?: §([0-9]+[a-z]?))?")


def test_every_citation_points_at_a_tracked_file_and_its_section():
    """What the code and the tests cite — the rules, the promises, the conventions — is in the repository, under the
    number the citation names: a clone alone explains the code. The notes kept outside it are never cited."""
    root = Path(__file__).resolve().parents[1]
    tracked = set(subprocess.run(["git", "ls-files", "docs"], cwd=root, capture_output=True, text=True).stdout.split())
    heads = {name: {m.group(1) for m in re.finditer(r"^#+ ([0-9]+[a-z]?)\. ", (root / "docs" / name).read_text(
        encoding="utf-8"), re.M)} for name in (Path(t).name for t in tracked)}
    here = Path(__file__).resolve()
    unresolved, outside = [], []
    for path in sorted([*(root / "thidua_xlsx").rglob("*.py"), *(root / "tests").rglob("*.py"),
                        *(root / "samples").glob("*.py")]):
        if path == here:
            continue
        text = path.read_text(encoding="utf-8")
        where = path.relative_to(root).as_posix()
        outside += [where for _ in re.finditer(r"\b(?:DOMAIN|SPEC|STYLE)\.md\b", text)]
        unresolved += [f"{where}: docs/{m.group(1)} §{m.group(2) or ''}" for m in CITED.finditer(text)
                       if m.group(1) not in heads or (m.group(2) and m.group(2) not in heads[m.group(1)])]
    assert outside == [] and unresolved == []
