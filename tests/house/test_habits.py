"""The house's habits (docs/conventions.md): a test that starts LibreOffice, Chromium, Dovecot, Wine or the installer
carries its mark; the code passes the lint and the type check configured in pyproject.toml; its functions stay small
enough to read (radon's rank); its comments say what the code does, not which issue asked for it, and cite tracked
files; the clock is Vietnam's, read in one place; an alias names one module, and each is listed on the conventions
page; a path travels as a Path; imports wait in a function only for a cost they name; no broad catch hides a bug; no
code of the package serves the tests alone; the caches kept by hand are the named ones.

That every file of the package is installed is checked where it is installed for real: the POSIX installer's journey
(tests/installers/test_installer.py)."""

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

from tests import conftest, python_sources
from tests.libreoffice import MARKED, require_libreoffice


def test_a_test_that_starts_libreoffice_without_its_mark_fails_naming_the_mark(monkeypatch):
    unmarked = "tests/e2e/test_example.py::test_prints_a_pdf"
    assert unmarked not in MARKED
    monkeypatch.setenv("PYTEST_CURRENT_TEST", f"{unmarked} (call)")

    with pytest.raises(pytest.fail.Exception, match="mark it @pytest.mark.libreoffice"):
        require_libreoffice()


class _Collected:
    """A collected test as tests/conftest.py's check sees it: its id, the fixtures it takes, its marks, its function."""

    def __init__(self, nodeid, fixtures=(), marks=(), function=None):
        self.nodeid, self.fixturenames, self.marks, self.function = nodeid, fixtures, marks, function

    def get_closest_marker(self, name):
        return name if name in self.marks else None


def test_a_test_that_starts_chromium_dovecot_wine_or_the_installer_unmarked_stops_the_run_at_collection():
    """tests/conftest.py refuses the collection (a UsageError, naming the tests) when a test takes the fixture that
    starts Chromium, Dovecot, Wine or Windows' Python without its mark, or installs from a copy of the checkout without
    ``installer``: ``-m "not browser"`` would otherwise run it (docs/conventions.md: Checked habits)."""
    made: dict = {}  # the installing test's function (the helper named in an inner lambda), compiled from its text:
    # this test's own code names no helper
    exec("def installs(tmp_path):\n    return [lambda: _checkout_copy(tmp_path)]\n\n"
         "def browses(tmp_path):\n    return browser.chromium(tmp_path, tmp_path)\n\n"
         "def reads(tmp_path, chromium):\n    return 'Cai-dat-thi-dua.bat', chromium\n", made)
    items = [_Collected("t.py::test_page", ("driver", "chromium")),
             _Collected("t.py::test_marked", ("chromium",), ("browser",)),
             _Collected("t.py::test_mail", ("dovecot", "tmp_path")), _Collected("t.py::test_bat", ("wine_env",)),
             _Collected("t.py::test_lane", ("windows_made",), ("wine",)),
             _Collected("t.py::test_install", (), (), made["installs"]),
             _Collected("t.py::test_installed", (), ("installer",), made["installs"]),
             _Collected("t.py::test_browses", ("tmp_path",), ("windows",), made["browses"]),
             _Collected("t.py::test_browses_marked", ("tmp_path",), ("windows", "browser"), made["browses"]),
             _Collected("t.py::test_read", ("tmp_path",), (), made["reads"])]
    assert conftest.unmarked(items) == [
        "these tests start a headless Chromium without @pytest.mark.browser: t.py::test_page",
        "these tests start a Dovecot IMAP server without @pytest.mark.imap: t.py::test_mail",
        "these tests start Wine without @pytest.mark.wine: t.py::test_bat",
        "these tests start Windows' Python under Wine without @pytest.mark.windows: t.py::test_lane",
        "these tests start a headless Chromium without @pytest.mark.browser: t.py::test_browses",
        "these tests run the installer without @pytest.mark.installer: t.py::test_install"]


def test_the_mark_check_names_the_fixtures_and_the_helper_the_tests_use():
    """The check looks for names the tests really use: each fixture and helper is defined in tests/, and the
    installer's journey and the Windows lane's browser journey name the helper they start theirs with (their code
    compiled, not imported: a test module imports no other)."""
    defined = {node.name for path in (ROOT / "tests").rglob("*.py")
               for node in python_sources.nodes(path.read_text(encoding="utf-8"))
               if isinstance(node, ast.FunctionDef)}
    assert set(conftest.STARTED_BY_FIXTURE) | set(conftest.STARTED_BY_CALL) <= defined

    def calling(journey: Path, name: str) -> list[str]:
        code = compile(journey.read_text(encoding="utf-8"), str(journey), "exec")
        return [c.co_name for c in code.co_consts if isinstance(c, type(code))
                and c.co_name.startswith("test_") and name in c.co_names]

    assert calling(ROOT / "tests" / "installers" / "test_installer.py", "_checkout_copy") == [
        "test_the_posix_installer_fails_offline_then_asks_installs_opens_the_page_updates_keeps_offline_and_as_on_macos"]
    assert calling(ROOT / "tests" / "on_windows" / "test_windows_browser.py", "chromium") == [
        "test_a_whole_period_on_the_page_served_by_windows_in_chromium"]


def test_the_code_passes_ruff_as_configured():
    root = Path(__file__).resolve().parents[2]
    found = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "thidua_xlsx", "tests", "samples",
                            "benchmarks"], cwd=root, capture_output=True, text=True)
    assert found.returncode == 0, found.stdout + found.stderr


def test_the_package_passes_mypy_as_configured():
    root = Path(__file__).resolve().parents[2]
    found = subprocess.run([sys.executable, "-m", "mypy", "--cache-dir", os.devnull, "--no-error-summary"],
                           cwd=root, capture_output=True, text=True)
    assert found.returncode == 0 and "error: " not in found.stderr, found.stdout + found.stderr  # 0 findings


# Functions ranked D or worse by radon's cyclomatic complexity (more than 20 paths): at most this many, none F (more
# than 40). A function over the bar is split into named steps that say what they do, its output unchanged.
MOST_D_OR_WORSE = 16


def test_few_functions_are_hard_to_follow_and_none_is_ranked_f():
    try:
        from radon.complexity import cc_rank, cc_visit
    except ImportError:  # a venv made before radon joined the test extras
        pytest.fail("radon is not installed: pip install -e '.[test]'")
    root = Path(__file__).resolve().parents[2]
    ranked = [(f"{path.relative_to(root).as_posix()}:{block.lineno} {block.fullname}", block.complexity)
              for path in sorted((root / "thidua_xlsx").rglob("*.py"))
              for block in cc_visit(path.read_text(encoding="utf-8")) if cc_rank(block.complexity) >= "D"]
    shown = "\n".join(f"{cc_rank(c)} {c:3} {where}" for where, c in sorted(ranked, key=lambda r: -r[1]))
    assert [where for where, c in ranked if cc_rank(c) == "F"] == [], shown
    assert len(ranked) <= MOST_D_OR_WORSE, f"{len(ranked)} functions ranked D or worse (at most {MOST_D_OR_WORSE}):\n" \
        + shown


ISSUE_NUMBER = re.compile(r"\bissues? #?\d+", re.IGNORECASE)
CODE_FOLDERS = ("thidua_xlsx", "tests", "benchmarks", "samples", "tools")  # every Python source of the repository


def _comments_and_docstrings(source: str):
    """(line, text) of every comment and every string standing alone as a statement (docstrings among them)."""
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT:
            yield token.start[0], token.string
    for node in python_sources.nodes(source):
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            yield node.lineno, node.value.value


def test_comments_say_what_the_code_does_not_which_issue_asked():
    """A comment or docstring naming an issue ("issue 48"), in the package, its tests, the benchmarks, the samples'
    builders or the tools, tells the next reader nothing the code does: say what it does and why instead
    (docs/conventions.md). benchmarks/RESULTS.md, a record of measurements, is not code."""
    root = Path(__file__).resolve().parents[2]
    here = Path(__file__).resolve()  # this module names issues as the check's own examples
    sources = {path: path.read_text(encoding="utf-8") for folder in CODE_FOLDERS
               for path in sorted((root / folder).rglob("*.py")) if path != here}
    found = [f"{path.relative_to(root).as_posix()}:{line}: {ISSUE_NUMBER.search(text).group()}"
             for path, source in sources.items() if "issue" in source.lower()  # no other source has one to say
             for line, text in _comments_and_docstrings(source) if ISSUE_NUMBER.search(text)]
    assert found == []


def test_the_issue_check_finds_a_comment_and_a_docstring_naming_one():
    source = '''"""The module (Issue 12)."""\n\n\ndef f():\n    return 1  # issue 7: one\n'''
    assert [(line, ISSUE_NUMBER.search(text).group()) for line, text in _comments_and_docstrings(source)
            if ISSUE_NUMBER.search(text)] == [(5, "issue 7"), (1, "Issue 12")]


THE_CLOCK = "thidua_xlsx/system/voice.py"  # vietnam_now, vietnam_today: the school's day and time, the one clock
THE_OFFSET = "thidua_xlsx/model/layout.py"  # VIETNAM_UTC_OFFSET: what a sealed time in UTC is in Vietnam
CLOCK_CALLS = {"today", "now", "utcnow", "utcfromtimestamp", "localtime", "gmtime", "ctime"}
# Where a time is shown in the computer's own zone on purpose: (module, function) → why.
COMPUTER_ZONE = {
    ("thidua_xlsx/steps/workspace.py", "_saved"):
        "a file's last save, said as her file manager shows it beside the file, to tell two campaign books apart",
}


def _reads_the_clock(node: ast.Call) -> bool:
    """``….today()``, ``….now(…)`` with any zone, ``utcnow()``, ``time.localtime()``…, ``time.strftime(…)``, a
    date made of ``time.time()`` (``fromtimestamp(time.time())``), and a time put in the computer's own zone
    (``fromtimestamp(stamp)`` with no zone, ``.astimezone()`` with none)."""
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    of_time = isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == "time"
    now_given = any(isinstance(a, ast.Call) and isinstance(a.func, ast.Attribute) and a.func.attr == "time"
                    for a in node.args)
    zone_given = len(node.args) > 1 or bool(node.keywords)
    in_computer_zone = (name == "fromtimestamp" and not zone_given) or (name == "astimezone" and not node.args
                                                                         and not node.keywords)
    return name in CLOCK_CALLS or (of_time and name == "strftime") or (name == "fromtimestamp" and now_given) \
        or in_computer_zone


def _makes_vietnam_time(node: ast.Call) -> bool:
    """``timezone(…)`` (a zone made by hand) and ``timedelta(hours=7)`` (Vietnam's offset typed again)."""
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    seven = any(k.arg == "hours" and isinstance(k.value, ast.Constant) and k.value.value == 7 for k in node.keywords)
    return name == "timezone" or (name == "timedelta" and seven)


def _clock_reads(source: str, where: str = "") -> list[int]:
    """The lines of ``source`` (the module at ``where``) that read the computer's clock or make Vietnam's time by
    hand, outside the one clock (and, for the offset, outside the layout that defines it), but in COMPUTER_ZONE's
    functions."""
    found, tree = [], python_sources.tree(source)
    excused = {id(node) for function in ast.walk(tree) if isinstance(function, ast.FunctionDef)
               and (where, function.name) in COMPUTER_ZONE for node in ast.walk(function)}
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or where == THE_CLOCK or id(node) in excused:
            continue
        if _reads_the_clock(node) or (_makes_vietnam_time(node) and where != THE_OFFSET):
            found.append(node.lineno)
    return sorted(set(found))


def test_one_clock_decides_every_date():
    """The school's day and time are Vietnam's (UTC+7) whatever the computer's zone: a date or a time the tool
    decides by or writes — the day a book is issued, the rule set in force, the school year, a lock's "since", a
    run's time, a feedback copy's date — comes from ``system.voice`` (``vietnam_now``, ``vietnam_today``), never the
    computer's own clock nor Vietnam's offset typed again (around midnight, or on a laptop set to another zone, the
    two disagree). docs/conventions.md: Values between steps."""
    root = Path(__file__).resolve().parents[2]
    found = [f"{where}:{line}" for path in sorted((root / "thidua_xlsx").rglob("*.py"))
             for where in [path.relative_to(root).as_posix()]
             for line in _clock_reads(path.read_text(encoding="utf-8"), where)]
    assert found == [], "read the day and time with system.voice.vietnam_now / vietnam_today:\n" + "\n".join(found)


@pytest.mark.parametrize("line", [
    "dt.date.today()", "dt.datetime.now()", "dt.datetime.now(dt.timezone.utc)", "dt.datetime.utcnow()",
    "dt.datetime.now(tz=ZONE)", "dt.timedelta(hours=7)", "dt.timezone(dt.timedelta(hours=7))", "time.localtime()",
    "time.strftime('%d/%m/%Y')", "dt.datetime.fromtimestamp(time.time())", "timezone(OFFSET)",
    "dt.datetime.fromtimestamp(path.stat().st_mtime)", "vietnam_now().astimezone()",
])
def test_the_clock_check_finds_every_form_of_reading_the_clock(line):
    """Each form a module could read the computer's clock by, or make Vietnam's time by hand, is found outside the
    clock; a stored time turned into Vietnam's by the layout's offset, or a file's age, is not a reading."""
    assert _clock_reads(f"import datetime as dt\nimport time\nx = {line}\n", "thidua_xlsx/write/feedback.py") == [3]
    assert _clock_reads(f"x = {line}\n", THE_CLOCK) == []
    assert _clock_reads("x = stamp + ly.VIETNAM_UTC_OFFSET\nage = time.time() - mtime\n"
                        "at = dt.datetime.fromtimestamp(mtime, dt.timezone.utc).astimezone(VIETNAM)\n",
                        "thidua_xlsx/a.py") == []
    assert _clock_reads(f"def _saved(path):\n    return {line}\n", "thidua_xlsx/steps/workspace.py") == []


CITED = re.compile(r"docs/([a-z_]+\.md)(?: §([0-9]+[a-z]?))?")


def test_every_citation_points_at_a_tracked_file_and_its_section():
    """What the code, its tests, the benchmarks, the samples' builders and the tools cite — the rules, the promises,
    the conventions — is in the repository, under the number the citation names: a clone alone explains the code.
    The notes kept outside it are never cited."""
    root = Path(__file__).resolve().parents[2]
    tracked = set(subprocess.run(["git", "ls-files", "docs"], cwd=root, capture_output=True, text=True).stdout.split())
    heads = {name: {m.group(1) for m in re.finditer(r"^#+ ([0-9]+[a-z]?)\. ", (root / "docs" / name).read_text(
        encoding="utf-8"), re.M)} for name in (Path(t).name for t in tracked)}
    here = Path(__file__).resolve()
    unresolved, outside = [], []
    for path in sorted(path for folder in CODE_FOLDERS for path in (root / folder).rglob("*.py")):
        if path == here:
            continue
        text = path.read_text(encoding="utf-8")
        where = path.relative_to(root).as_posix()
        outside += [where for _ in re.finditer(r"\b(?:DOMAIN|SPEC|STYLE)\.md\b", text)]
        unresolved += [f"{where}: docs/{m.group(1)} §{m.group(2) or ''}" for m in CITED.finditer(text)
                       if m.group(1) not in heads or (m.group(2) and m.group(2) not in heads[m.group(1)])]
    assert outside == [] and unresolved == []


TEST_FILE = re.compile(r"\btests/[\w/]+\.py\b")


def missing_test_files(text: str, root: Path) -> list[str]:
    """The test files ``text`` names (``tests/….py``) that ``root`` does not hold."""
    return [name for name in TEST_FILE.findall(text) if not (root / name).is_file()]


def test_every_test_file_the_code_names_is_there():
    """A comment that sends the reader to a test ("compared in tests/write/test_generate_skeleton.py") names a file
    of the checkout: tests moved into folders leave no comment pointing at the old place. The house's own checks,
    whose examples name files on purpose, are left out."""
    folders = [ROOT / f for f in ("thidua_xlsx", "tests", "tools", "samples", "benchmarks")]
    found = [f"{path.relative_to(ROOT).as_posix()}: {name}"
             for folder in folders for path in sorted(folder.rglob("*.py"))
             if ROOT / "tests" / "house" not in path.parents
             for name in missing_test_files(path.read_text(encoding="utf-8"), ROOT)]
    assert found == []
    assert missing_test_files("see tests/house/test_habits.py and tests/test_gone.py", ROOT) == ["tests/test_gone.py"]


# --- one name for one thing (docs/conventions.md: Names) ----------------------------------------------------------

ROOT = Path(__file__).resolve().parents[2]

def _names_given(source: str) -> list[tuple[str, str, int]]:
    """(the name an import binds, the module or module's name it binds it to, line) of each import that names a
    module of its own choosing — ``import a.b as x``, ``from a import b as x`` — and of each ``from a import b`` that
    binds a module of ours under its own name (where ``b`` is a module: a second name for it counts as one)."""
    found = []
    for node in python_sources.nodes(source):
        if isinstance(node, ast.Import):
            found += [(a.asname, a.name, node.lineno) for a in node.names if a.asname]
        elif isinstance(node, ast.ImportFrom) and node.module:
            found += [(a.asname or a.name, f"{node.module}.{a.name}", node.lineno) for a in node.names
                      if a.asname and a.asname != a.name
                      or (node.module.startswith("thidua_xlsx") and _is_module(f"{node.module}.{a.name}"))]
    return found


def _is_module(dotted: str) -> bool:
    path = ROOT.joinpath(*dotted.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def names_of_many_things(*folders: Path) -> list[str]:
    """Each name that an import gives to two modules (or two things of modules) across ``folders``, and each module of
    ours imported under two names, with where: ``tx`` was ``text.summary`` in one module and ``text.documents`` in
    the next, and a reader had to look up which at every use."""
    things: dict[str, dict[str, list[str]]] = {}
    names: dict[str, dict[str, list[str]]] = {}
    for path in sorted(path for folder in folders for path in folder.rglob("*.py")):
        folder = next(f for f in folders if f in path.parents)
        where = path.relative_to(folder.parent).as_posix()
        for name, thing, line in _names_given(path.read_text(encoding="utf-8")):
            if name != thing.rpartition(".")[2]:  # a name of its own choosing
                things.setdefault(name, {}).setdefault(thing, []).append(f"{where}:{line}")
            if _is_module(thing):
                names.setdefault(thing, {}).setdefault(name, []).append(f"{where}:{line}")
    return [f"{name} names {' and '.join(f'{t} ({places[0]})' for t, places in sorted(named.items()))}"
            for name, named in sorted(things.items()) if len(named) > 1] + \
        [f"{module} is named {' and '.join(f'{n} ({places[0]})' for n, places in sorted(named.items()))}"
         for module, named in sorted(names.items()) if len(named) > 1]


def test_one_alias_names_one_module_and_one_module_has_one_name():
    """An alias names one module in the whole package, its tests, samples, tools and benchmarks (``sx`` is
    ``text.summary`` wherever it is read), and a module of ours goes by one name: docs/conventions.md, "Names"."""
    folders = [ROOT / folder for folder in ("thidua_xlsx", "tests", "samples", "tools", "benchmarks")]
    assert names_of_many_things(*folders) == []


def test_an_alias_naming_two_modules_is_found(tmp_path):
    package = tmp_path / "thidua_xlsx"
    package.mkdir()
    (package / "one.py").write_text("from thidua_xlsx.text import summary as tx\n")
    (package / "two.py").write_text("from thidua_xlsx.text import workbook as tx\nimport datetime as dt\n")
    (package / "three.py").write_text("from thidua_xlsx.text import summary as sx\nimport datetime as dt\n")
    assert names_of_many_things(package) == [
        "tx names thidua_xlsx.text.summary (thidua_xlsx/one.py:1) and thidua_xlsx.text.workbook (thidua_xlsx/two.py:1)",
        "thidua_xlsx.text.summary is named sx (thidua_xlsx/three.py:1) and tx (thidua_xlsx/one.py:1)"]


CONVENTIONS = ROOT / "docs" / "conventions.md"


def module_aliases(source: str) -> set[tuple[str, str]]:
    """(alias, module) of each import in ``source`` that gives a module a name of its own choosing: ``import a.b as x``
    (a module always) and ``from a import b as x`` where ``a.b`` is a module of the repository (thidua_xlsx, tests,
    samples): a function or a class imported under another name is not a module's alias."""
    found = set()
    for node in python_sources.nodes(source):
        if isinstance(node, ast.Import):
            found |= {(a.asname, a.name) for a in node.names if a.asname and a.asname != a.name.rpartition(".")[2]}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found |= {(a.asname, f"{node.module}.{a.name}") for a in node.names
                      if a.asname and a.asname != a.name and _is_module(f"{node.module}.{a.name}")}
    return found


def listed_aliases(page: str) -> dict[str, str]:
    """The aliases the conventions page lists, each with its module in full: the rows of the table in its "Names"
    section, ``| `thidua_xlsx.model` | `cm` campaign, `ly` layout |`` (a row whose first cell is no module names
    whole modules: ``| libraries | `dt` datetime |``)."""
    names = page.split("\n## Names\n", 1)[1].split("\n## ", 1)[0]
    listed = {}
    for row in re.finditer(r"^ *\| (?:`([\w.]+)`|[\w ]+) \| (.+) \|$", names, re.M):  # in a list item, indented
        for alias, module in re.findall(r"`(\w+)` ([\w.]+)", row.group(2)):
            listed[alias] = f"{row.group(1)}.{module}" if row.group(1) else module
    return listed


def aliases_against_the_list(used: dict[tuple[str, str], str], listed: dict[str, str]) -> list[str]:
    """What ``used`` ((alias, module) → where) and the page's ``listed`` (alias → module) disagree on: an alias the
    page does not list, one it lists for another module, a row no import uses."""
    found = [f"{alias} for {module} ({where}): {f'listed for {listed[alias]}' if alias in listed else 'not listed'}"
             for (alias, module), where in sorted(used.items()) if listed.get(alias) != module]
    return found + [f"{alias} listed for {module}: no import uses it" for alias, module in sorted(listed.items())
                    if (alias, module) not in used]


def test_every_alias_of_a_module_is_a_row_of_the_conventions_page():
    """The page's list of aliases (docs/conventions.md: Names) is the one a reader looks an alias up in: each alias an
    import gives a module, in the package, its tests, samples, tools and benchmarks, is listed with that module, and
    each listed alias is in use."""
    used = {}
    for path in sorted(path for folder in CODE_FOLDERS for path in (ROOT / folder).rglob("*.py")):
        for pair in module_aliases(path.read_text(encoding="utf-8")):
            used.setdefault(pair, path.relative_to(ROOT).as_posix())
    assert aliases_against_the_list(used, listed_aliases(CONVENTIONS.read_text(encoding="utf-8"))) == []


def test_the_alias_list_check_finds_an_alias_unlisted_listed_for_another_module_or_unused():
    page = ("# Conventions\n\n## Names\n\n| the aliases of | alias and module |\n|---|---|\n"
            "| `thidua_xlsx.text` | `sx` summary, `wx` workbook |\n  | `thidua_xlsx.model` | `cm` campaign |\n"
            "| libraries | `dt` datetime |\n\n## Tests\n\n| `browser` | `x` y |\n")
    listed = listed_aliases(page)
    assert listed == {"sx": "thidua_xlsx.text.summary", "wx": "thidua_xlsx.text.workbook",
                      "cm": "thidua_xlsx.model.campaign", "dt": "datetime"}
    source = ("import datetime as dt\nimport pandas as pd\nfrom thidua_xlsx.text import summary as sx\n"
              "from thidua_xlsx.text import documents as wx\nfrom thidua_xlsx.model import campaign\n"
              "from thidua_xlsx.model.titles import name as title_name\nfrom openpyxl import load_workbook as load\n")
    used = {pair: "a.py" for pair in module_aliases(source)}
    assert aliases_against_the_list(used, listed) == [
        "pd for pandas (a.py): not listed",
        "wx for thidua_xlsx.text.documents (a.py): listed for thidua_xlsx.text.workbook",
        "cm listed for thidua_xlsx.model.campaign: no import uses it",
        "wx listed for thidua_xlsx.text.workbook: no import uses it"]


# --- a path is a Path (docs/conventions.md: Values between steps) ---------------------------------------------------

PATH_NAME = re.compile(r"^(?:\w+_)?(?:path|folder|directory|dir)s?$")  # path, folder, json_path, drafts_dir, …
# The paths kept as text on purpose, each where it is given as text: (module, function) → why. A ``file`` is a file's
# name as a message shows it, not a path.
PATHS_AS_TEXT = {
    ("thidua_xlsx/read/registry.py", "__init__"): "a damaged record's place in the campaign folder, said in a message",
    ("thidua_xlsx/steps/intake.py", "_with_sha"): "a filed book's place in the campaign folder, as its record keeps it",
    ("thidua_xlsx/system/office_found.py", "_runnable"): "a program's place as PATH or the registry gives it",
    ("thidua_xlsx/system/office_found.py", "_windows_recorded_folders"): "the folders the registry holds, as text",
    ("thidua_xlsx/system/office.py", "_psutil_folder"): "a folder written into the guard's own source",
    ("thidua_xlsx/system/files.py", "scratch_folder"): "tempfile.TemporaryDirectory's own; each caller makes it a Path",
    ("thidua_xlsx/ui/security.py", "page_path"): "a web address's path, no file's",
}


def _as_text(annotation: ast.expr) -> bool:
    """Whether ``annotation`` says text (``str``, ``str | None``, ``list[str]``…) and takes no ``Path`` (nor an
    ``os.PathLike``, as the analysts' API takes either)."""
    names = {n.id if isinstance(n, ast.Name) else n.attr for n in ast.walk(annotation)
             if isinstance(n, (ast.Name, ast.Attribute))}
    return "str" in names and not names & {"Path", "PathLike"}


def paths_as_text(source: str) -> list[tuple[str, int, str]]:
    """(function, line, what) of each parameter of ``source`` named for a path (:data:`PATH_NAME`) and annotated as
    text, and of each function named for one whose return is annotated so ("return")."""
    found = []
    for node in python_sources.nodes(source):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            given = (*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs, node.args.vararg, node.args.kwarg)
            found += [(node.name, node.lineno, arg.arg) for arg in given if arg is not None and arg.annotation
                      is not None and PATH_NAME.match(arg.arg) and _as_text(arg.annotation)]
            if node.returns is not None and PATH_NAME.match(node.name.lstrip("_")) and _as_text(node.returns):
                found.append((node.name, node.lineno, "return"))
    return found


def test_paths_travel_between_functions_as_path_objects():
    """A path is given and returned as a ``pathlib.Path``, whose ``/``, ``.name`` and ``.suffix`` work alike on
    Windows, macOS and Linux; a path kept as text is named in PATHS_AS_TEXT with why (docs/conventions.md: Values
    between steps)."""
    found = {(where, function): f"{where}:{line} {what} in {function}"
             for path in sorted((ROOT / "thidua_xlsx").rglob("*.py")) for where in [path.relative_to(ROOT).as_posix()]
             for function, line, what in paths_as_text(path.read_text(encoding="utf-8"))}
    assert sorted(said for key, said in found.items() if key not in PATHS_AS_TEXT) == []
    assert set(PATHS_AS_TEXT) <= set(found), "a path kept as text no longer there: strike it from the list"


def test_the_path_check_finds_a_path_given_or_returned_as_text():
    source = ("def f(path: str, file: str, folder: Path | None):\n    pass\n\n"
              "def g(*, drafts_dir: str | None = None, paths: list[str] = ()):\n    pass\n\n"
              "def scratch_folder(prefix: str) -> str:\n    pass\n\n"
              "def same_path(a: Path, b: Path) -> bool:\n    pass\n\n"
              "def read(path: str | os.PathLike) -> str:\n    pass\n")
    assert paths_as_text(source) == [("f", 1, "path"), ("g", 4, "drafts_dir"), ("g", 4, "paths"),
                                     ("scratch_folder", 7, "return")]


# An import inside a function is there for a cost it keeps out, said on its line — "# deferred: openpyxl at
# start-up" — or it moves to the top of its module (docs/conventions.md, "Names"; docs/development.md, "Start-up").
DEFERRED = re.compile(r"#\s*deferred: \S")


def imports_without_a_reason(source: str) -> list[int]:
    """The lines of the imports inside a function of ``source`` that name no reason to wait (``# deferred: …`` on one
    of the statement's lines)."""
    comments = {token.start[0] for token in tokenize.generate_tokens(io.StringIO(source).readline)
                if token.type == tokenize.COMMENT and DEFERRED.match(token.string)}
    return sorted({node.lineno for function in python_sources.nodes(source)
                   if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef))
                   for node in ast.walk(function) if isinstance(node, (ast.Import, ast.ImportFrom))
                   and not comments & set(range(node.lineno, (node.end_lineno or node.lineno) + 1))})


def test_an_import_inside_a_function_names_the_cost_it_keeps_out():
    """An import waits in its function only for a start-up cost (a library or module that ``--help``, the service's
    import or a ``status`` run would otherwise load), a platform's own module or an optional package, and says which:
    docs/conventions.md, "Names"."""
    found = {path.relative_to(ROOT).as_posix(): imports_without_a_reason(path.read_text(encoding="utf-8"))
             for path in sorted((ROOT / "thidua_xlsx").rglob("*.py"))}
    assert [f"{where}:{line}" for where, lines in found.items() for line in lines] == []


def test_an_import_inside_a_function_without_its_reason_is_found():
    source = ("import os\n\n\ndef f():\n    import json\n    from openpyxl import (  # deferred: openpyxl at start-up\n"
              "        load_workbook,\n    )\n    import csv  # deferred:\n\n    def g():\n        import re\n"
              "        return re\n    return json, load_workbook, csv, g\n")
    assert imports_without_a_reason(source) == [5, 9, 12]


# --- no broad except that can hide a bug -----------------------------------------------------------------------------

CATCHING_FOLDERS = ("read", "steps", "commands", "decide")  # where a caught bug would become a user's wrong answer
BROAD = {"Exception", "BaseException"}
# The broad catches kept, each at a boundary that says what it caught, by name, to the user: (module, function) → why.
JUSTIFIED_BROAD = {
    ("thidua_xlsx/read/department/__init__.py", "read_file"):
        "one file's bug becomes that file's 'file.internal_error' naming the exception; the other files are read",
    ("thidua_xlsx/steps/parallel.py", "read_one"):
        "a native parser's panic (no Exception) or a check's bug on one file: said as that file's internal error",
    ("thidua_xlsx/commands/collect.py", "stored_password"):
        "an optional keyring backend fails in its own ways; the password is then asked, never guessed",
}


def _names_broad(node: ast.expr | None) -> bool:
    if node is None:
        return True  # a bare except
    if isinstance(node, ast.Tuple):
        return any(_names_broad(e) for e in node.elts)
    name = node.attr if isinstance(node, ast.Attribute) else node.id if isinstance(node, ast.Name) else ""
    return name in BROAD


def broad_catches(source: str) -> list[tuple[str, int]]:
    """(function, line) of each bare ``except:``, ``except Exception`` / ``BaseException`` (alone or in a tuple) and
    ``contextlib.suppress(Exception)`` of ``source`` — but a handler that raises again (it hides nothing)."""
    found = []
    for function in python_sources.nodes(source):
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Module)):
            continue
        name = getattr(function, "name", "")
        for node in ast.walk(function):
            if isinstance(node, ast.ExceptHandler) and _names_broad(node.type) \
                    and not (node.body and isinstance(node.body[-1], ast.Raise) and node.body[-1].exc is None):
                found.append((name, node.lineno))
            elif isinstance(node, ast.Call) and isinstance(node.func, (ast.Attribute, ast.Name)) \
                    and (node.func.attr if isinstance(node.func, ast.Attribute) else node.func.id) == "suppress" \
                    and any(_names_broad(a) for a in node.args):
                found.append((name, node.lineno))
    innermost: dict[int, str] = {}
    for name, line in found:  # a nested function's catch is found by its module and each enclosing function too
        if name or line not in innermost:  # ast.walk goes outside in: the deepest function comes last
            innermost[line] = name
    return sorted((name, line) for line, name in innermost.items())


def test_no_broad_except_hides_a_bug():
    """read/, steps/, commands/ and decide/ catch what they expect (calamine's CalamineError on a broken book, OSError
    on a file, a value's ValueError), never ``Exception``: a bug caught as "a broken file" or "another campaign's file"
    would tell the secretary something false. The few kept are named in JUSTIFIED_BROAD with why (docs/conventions.md:
    Messages)."""
    root = Path(__file__).resolve().parents[2]
    found = [f"{where}:{line} in {function or 'the module'}"
             for folder in CATCHING_FOLDERS for path in sorted((root / "thidua_xlsx" / folder).rglob("*.py"))
             for where in [path.relative_to(root).as_posix()]
             for function, line in broad_catches(path.read_text(encoding="utf-8"))
             if (where, function) not in JUSTIFIED_BROAD]
    assert found == [], "catch what is expected, or name the catch in JUSTIFIED_BROAD:\n" + "\n".join(found)
    kept = {(where, function) for where, function in JUSTIFIED_BROAD
            for function_, _line in broad_catches((root / where).read_text(encoding="utf-8")) if function_ == function}
    assert kept == set(JUSTIFIED_BROAD), "a justified catch no longer there: strike it from the list"


def test_the_broad_except_check_finds_each_form():
    """A bare except, ``Exception`` alone or in a tuple, ``BaseException``, ``suppress(Exception)`` are found; a narrow
    catch and a broad one that raises again are not."""
    source = ("import contextlib\n\ndef f():\n    try:\n        g()\n    except Exception:\n        pass\n"
              "    try:\n        g()\n    except (OSError, Exception):\n        pass\n"
              "    try:\n        g()\n    except:\n        pass\n"
              "    with contextlib.suppress(BaseException):\n        g()\n"
              "    try:\n        g()\n    except ValueError:\n        pass\n"
              "    try:\n        g()\n    except BaseException:\n        save()\n        raise\n"
              "    def inner():\n        try:\n            g()\n        except Exception:\n            pass\n")
    assert broad_catches(source) == [("f", 6), ("f", 10), ("f", 14), ("f", 16), ("inner", 30)]


# --- no test-only code in the package -------------------------------------------------------------------------------

def _used_and_defined(tree: ast.Module) -> tuple[set[str], list[str]]:
    """(every name ``tree`` uses: read, an attribute, imported, or a word-like string — a name looked up in a table;
    the functions, classes and public methods it defines)."""
    used, defined = set(), []
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            used.add(node.id)
        elif isinstance(node, ast.Attribute):
            used.add(node.attr)
        elif isinstance(node, ast.alias):
            used.add((node.asname or node.name).rsplit(".", 1)[-1])
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.isidentifier():
            used.add(node.value)
    for node in tree.body:
        methods = node.body if isinstance(node, ast.ClassDef) else []
        defined += [d.name for d in [node, *methods] if isinstance(d, (ast.FunctionDef, ast.AsyncFunctionDef,
                                                                      ast.ClassDef))
                    and not d.name.startswith("__") and (d is node or not d.name.startswith("_"))]
    return used, defined


def only_tested(package: Path, tests: Path) -> list[str]:
    """The functions, classes and public methods defined in ``package`` that nothing in it uses (not its code, not its
    page's templates) but some test names: code kept for the tests alone."""
    used, defined = set(), []
    for path in sorted(package.rglob("*.py")):
        names, defs = _used_and_defined(python_sources.tree(path.read_text(encoding="utf-8")))
        used |= names
        defined += [(path.relative_to(package.parent).as_posix(), d) for d in defs]
    used |= set(re.findall(r"\w+", " ".join(p.read_text(encoding="utf-8") for p in package.rglob("*.html"))))
    tested = set(re.findall(r"\w+", " ".join(p.read_text(encoding="utf-8") for p in tests.rglob("*.py"))))
    return [f"{where}: {name}" for where, name in defined if name not in used and name in tested]


def test_no_code_in_the_package_serves_the_tests_alone():
    """A function of the package that only tests call is a path no user takes: the tests check the real entry
    (the command, the writer the command calls), and a shortcut they need lives in a helper module of tests/
    (docs/conventions.md: Values between steps)."""
    root = Path(__file__).resolve().parents[2]
    assert only_tested(root / "thidua_xlsx", root / "tests") == []


def test_the_test_only_check_finds_a_function_only_a_test_calls(tmp_path):
    (tmp_path / "pkg").mkdir()
    (tmp_path / "tests").mkdir()
    (tmp_path / "pkg" / "m.py").write_text("def used():\n    return shortcut\n\n\ndef shortcut():\n    return 1\n\n\n"
                                           "def for_tests():\n    return used()\n")
    (tmp_path / "tests" / "test_m.py").write_text("from pkg.m import for_tests\n\nfor_tests()\n")
    assert only_tested(tmp_path / "pkg", tmp_path / "tests") == ["pkg/m.py: for_tests"]


# --- the caches -----------------------------------------------------------------------------------------------------

# The tables kept by hand between calls: where xlsxwriter's insides are reused across thousands of books (an XML
# piece, a prepared formula, a form's skeleton, a part's deflated bytes), each cleared whole when it reaches its
# *_LIMIT (a key functools cannot hash cheaply, or a bound in bytes); and the counts of a folder's issued books, kept
# while the record they were counted from is unchanged (a page's refresh reads them again; a state, not a memo).
# Every other cache is functools' (cache, lru_cache, cached_property) or model.kept.per_object (lru_cache by an
# object's identity).
HAND_KEPT = {
    ("thidua_xlsx/write/zipped.py", "_kept"), ("thidua_xlsx/write/department/skeleton.py", "_skeletons"),
    ("thidua_xlsx/write/xlsx/__init__.py", "inlined"), ("thidua_xlsx/write/xlsx/__init__.py", "prepared"),
    ("thidua_xlsx/write/xlsx/__init__.py", "elements"), ("thidua_xlsx/write/xlsx/skeletons.py", "si_written"),
    ("thidua_xlsx/steps/overview.py", "_ISSUED"),
}
FILLED = {"setdefault", "update"}  # a table's methods that fill it


def hand_kept(source: str) -> set[str]:
    """The tables of ``source`` kept between calls: those cleared when a ``*_LIMIT`` is reached (``if len(t) >=
    _LIMIT: t.clear()``), and each module-level ``{}`` or ``dict()`` a function fills (``t[k] = v``,
    ``t.setdefault(…)``, ``t.update(…)``)."""
    tree, found = python_sources.tree(source), set()
    for node in python_sources.nodes(source):
        if isinstance(node, ast.If) and any(isinstance(n, ast.Name) and n.id.endswith("_LIMIT")
                                            for n in ast.walk(node.test)):
            found |= {n.func.value.id for statement in node.body for n in ast.walk(statement)
                      if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr == "clear"
                      and isinstance(n.func.value, ast.Name)}
    tables = {target.id for node in tree.body if isinstance(node, (ast.Assign, ast.AnnAssign))
              and (isinstance(node.value, ast.Dict) and not node.value.keys
                   or isinstance(node.value, ast.Call) and getattr(node.value.func, "id", "") == "dict"
                   and not node.value.args and not node.value.keywords)
              for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
              if isinstance(target, ast.Name)}
    for function in ast.walk(tree):
        if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for node in ast.walk(function):
                if isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Store) \
                        and isinstance(node.value, ast.Name):
                    found |= {node.value.id} & tables
                elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                        and node.func.attr in FILLED and isinstance(node.func.value, ast.Name):
                    found |= {node.func.value.id} & tables
    return found


def test_the_caches_kept_by_hand_are_the_named_ones():
    """docs/conventions.md (Values between steps): a cache is functools' or model.kept.per_object, but the tables
    named in HAND_KEPT; a new table bounded by hand is found here and must be named (or made a functools cache)."""
    root = Path(__file__).resolve().parents[2]
    found = {(path.relative_to(root).as_posix(), table) for path in sorted((root / "thidua_xlsx").rglob("*.py"))
             for table in hand_kept(path.read_text(encoding="utf-8"))}
    assert found == HAND_KEPT


def test_the_cache_check_finds_each_table_kept_by_hand():
    """A table cleared at its limit, and a module's table a function fills by key, by setdefault or by update, are
    found; a table filled once at import, or a function's own table, is not."""
    assert hand_kept("def f(x):\n    if len(made) >= _MADE_LIMIT:\n        made.clear()\n") == {"made"}
    source = ("_A = {}\n_B: dict[str, int] = {}\n_C = dict()\nKNOWN = {}\nKNOWN['x'] = 1\n\n\ndef f(k):\n"
              "    _A[k] = 1\n    mine = {}\n    mine[k] = 2\n"
              "    return _B.setdefault(k, 3), _C.update({k: 4}), KNOWN[k]\n")
    assert hand_kept(source) == {"_A", "_B", "_C"}
