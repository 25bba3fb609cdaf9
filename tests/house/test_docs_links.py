"""Every link of README.md and docs/ resolves: a relative path names a file or folder of the checkout, and an
#anchor names a heading of its page (as GitHub makes a heading's anchor) or an anchor the page sets itself. Every test
the pages name as the one holding a rule is there, in the file they say."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
FENCE = re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL)
CODE = re.compile(r"`[^`\n]*`")


def anchors(text: str) -> set[str]:
    """The anchors of a Markdown page: each heading's as GitHub makes it (lower case, punctuation but hyphens gone,
    spaces made hyphens, a repeated one numbered), and each ``<a id>`` / ``<a name>`` the page sets."""
    found, seen = set(), {}
    for line in FENCE.sub("", text).splitlines():
        heading = re.match(r"#{1,6}\s+(.*?)\s*#*\s*$", line)
        if heading:
            words = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading.group(1)).replace("`", "")
            slug = re.sub(r"[^\w\- ]", "", words.lower()).replace(" ", "-")
            count = seen.get(slug, 0)
            seen[slug] = count + 1
            found.add(slug if count == 0 else f"{slug}-{count}")
    found |= set(re.findall(r"<a\s+(?:id|name)=\"([^\"]+)\"", text))
    return found


def broken_links(page: Path) -> list[str]:
    """The links of ``page`` whose file or anchor is not there, as "target"."""
    text = page.read_text(encoding="utf-8")
    broken = []
    for target in LINK.findall(CODE.sub("", FENCE.sub("", text))):
        if re.match(r"[a-z]+:", target):  # https:, mailto: — outside the checkout
            continue
        path, _, anchor = target.partition("#")
        where = (page.parent / path).resolve() if path else page
        if not where.exists():
            broken.append(target)
        elif anchor and where.suffix == ".md" and anchor not in anchors(where.read_text(encoding="utf-8")):
            broken.append(target)
    return broken


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_link_of_the_docs_resolves(page):
    """A stranger follows a link of README.md or docs/ and lands where it says: the file is there, the section too."""
    assert broken_links(page) == []


def test_the_link_check_finds_a_missing_file_and_a_missing_section(tmp_path):
    (tmp_path / "a.md").write_text("# Setting up\n\n## The `code` in one page (English)\n\n## Setting up\n")
    page = tmp_path / "b.md"
    page.write_text("[ok](a.md#setting-up) [ok](a.md#the-code-in-one-page-english) [ok](a.md#setting-up-1) "
                    "[gone](a.md#running) [gone](c.md) [web](https://example.org) `[code](x.md)`\n")
    assert broken_links(page) == ["a.md#running", "c.md"]


@pytest.mark.parametrize("page", ["README.md", "docs/conventions.md"])
def test_the_test_command_the_pages_give_is_the_one_ci_runs(page):
    """The bar's two commands: the test command of the README and of the conventions is what .ci/run runs on a clean
    clone (pip quiet there), installing the tested set (constraints.txt) as every installer does."""
    lines = (ROOT / page).read_text(encoding="utf-8").splitlines()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
    assert ci.replace("pip install -q ", "pip install ") in lines
    assert "-c constraints.txt" in ci


#: pip told to fetch the program by its name from an index: thidua-xlsx is not published, and anyone may publish a
#: package of that name there — a secretary following the page would install a stranger's code. (By name with
#: ``--no-index`` from a folder of wheels, as the release's installer does, fetches nothing.)
PIP_INSTALL = re.compile(r"pip install ([^`\n&;|]*)")
BY_NAME = re.compile(r"""['"]?thidua[-_]xlsx(\[[\w,]*\])?([=<>~!][^\s'"]*)?['"]?""", re.IGNORECASE)


def installs_by_name(text: str) -> list[str]:
    """The pip install commands of ``text`` that name the program as a package to fetch, not a folder or a wheel."""
    return [words for words in PIP_INSTALL.findall(text)
            if "--no-index" not in words.split() and any(BY_NAME.fullmatch(word) for word in words.split())]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_page_installs_the_program_by_its_name_from_an_index(page):
    assert installs_by_name(page.read_text(encoding="utf-8")) == []


def test_the_by_name_check_finds_the_name_and_leaves_a_folder_or_a_wheel_alone():
    text = ("`pip install 'thidua-xlsx[mail]'` `pip install -U thidua_xlsx==0.9` `pip install -c c.txt \".[mail]\"` "
            "`pip install --find-links wheels thidua-xlsx` `pip install --no-index --find-links w thidua-xlsx` "
            "`pip install ./thidua-xlsx-main && python -m thidua_xlsx` "
            "`pip install dist/thidua_xlsx-0.10.0-py3-none-any.whl`")
    assert installs_by_name(text) == ["'thidua-xlsx[mail]'", "-U thidua_xlsx==0.9", "--find-links wheels thidua-xlsx"]


TEST_FILE = re.compile(r"\btests/[\w/]+\.py\b")
# A test, after the file it is in when one is named: "tests/x.py::test_y" or "`tests/x.py`: `test_y`".
TEST_NAME = re.compile(r"(?:\b(tests/[\w/]+\.py)(?:::|`:\s*`))?\b(test_\w+)\b(?!\.py)")


def named_tests_missing(text: str, root: Path = ROOT) -> list[str]:
    """The test files and the tests a page names that the checkout does not hold: a file ``tests/….py`` missing; a
    test ``test_…`` defined nowhere in tests/, or not in the file named just before it (``tests/x.py::test_y``,
    ``tests/x.py`: `test_y```)."""
    defined: dict[str, set[str]] = {}
    for path in (root / "tests").rglob("*.py"):
        names = set(re.findall(r"^\s*(?:async )?def (test_\w+)", path.read_text(encoding="utf-8"), re.M))
        defined[path.relative_to(root).as_posix()] = names | {path.stem}
    everywhere = set().union(*defined.values()) if defined else set()
    missing = [f for f in TEST_FILE.findall(text) if f not in defined]
    for file, name in TEST_NAME.findall(text):
        if file in defined and name not in defined[file]:
            missing.append(f"{file}::{name}")
        elif not file and name not in everywhere:
            missing.append(name)
    return missing


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_test_the_docs_name_is_there(page):
    """A rule's test named beside it ("`tests/house/test_habits.py`: `test_one_clock_decides_every_date`") is a test
    of the checkout, in that file: a renamed or moved test leaves no rule pointing at nothing."""
    assert named_tests_missing(page.read_text(encoding="utf-8")) == []


def test_the_named_tests_check_finds_a_missing_file_a_missing_test_and_a_test_in_another_file(tmp_path):
    (tmp_path / "tests" / "house").mkdir(parents=True)
    (tmp_path / "tests" / "house" / "test_a.py").write_text("def test_one():\n    pass\n")
    (tmp_path / "tests" / "test_b.py").write_text("def test_two():\n    pass\n")
    said = ("held by `tests/house/test_a.py`: `test_one`, `tests/test_b.py::test_two`, `test_one`; gone: "
            "`tests/test_a.py`, `test_three`, `tests/test_b.py::test_one`, `tests/house/test_a.py`: `test_two`")
    assert named_tests_missing(said, tmp_path) == ["tests/test_a.py", "test_three", "tests/test_b.py::test_one",
                                               "tests/house/test_a.py::test_two"]


def test_the_conventions_table_every_marker_pyproject_declares():
    """A developer leaves slow parts out by the markers table of docs/conventions.md (Tests): each marker pytest knows
    is a row of it."""
    import tomllib

    declared = {m.split(":")[0].split("(")[0] for m in tomllib.loads((ROOT / "pyproject.toml").read_text(
        encoding="utf-8"))["tool"]["pytest"]["ini_options"]["markers"]}
    rows = set(re.findall(r"^\| `(\w+)(?:\(\w+\))?` \|", (ROOT / "docs" / "conventions.md").read_text(encoding="utf-8"),
                          re.M))
    assert declared - rows == set()


#: A file of the checkout a page names in code (`read/containment.py`, `tools/build_corpus.py`, `build_year.py`),
#: with a name it defines after it: ``path.py::name`` or "`path.py`'s `name`".
CODE_FILE = re.compile(r"`((?:[\w.-]+/)*[\w-]+\.py)(?:::([\w.]+))?`(?:['’]s `([\w.]+)`)?")
#: A module of the package and a name it defines, dotted (`read.school_lists`, `model.layout.SUMMARY_SCHEMA_MINOR`).
DOTTED = re.compile(r"`(?:thidua_xlsx\.)?((?:[a-z_]+\.)+(?:[A-Za-z_]\w*\.)*[A-Za-z_]\w*)(?:\(\))?`")


def defines(path: Path, name: str) -> bool:
    """Whether ``path`` defines ``name`` (``Class.attribute``: each part): a function, a class, an assignment or a
    field, or an import of it."""
    text = path.read_text(encoding="utf-8")
    return all(re.search(rf"^\s*(?:async\s+def|def|class)\s+{part}\b|^\s*(?:\w+\s*,\s*)*{part}\s*(?:,|:|=)"
                         rf"|^\s*(?:from\s+\S+\s+)?import\b.*\b{part}\b", text, re.M)
               for part in name.split("."))


def named_code_missing(text: str, root: Path = ROOT) -> list[str]:
    """The files and names of code a page names that the checkout does not hold: a path that is no file of the checkout
    (from its top or the package's; a bare file name anywhere in it), a name its file does not define, a dotted
    module of the package that is not there or does not define the name after it."""
    text = FENCE.sub("", text)
    package = root / "thidua_xlsx"
    missing = []
    for path, after_colons, after_s in CODE_FILE.findall(text):
        where = next((base / path for base in (root, package) if (base / path).is_file()), None)
        if where is None and "/" not in path:
            where = next((p for p in root.rglob(path) if ".venv" not in p.parts), None)
        if where is None:
            missing.append(path)
        elif (name := after_colons or after_s) and not defines(where, name):
            missing.append(f"{path}::{name}")
    tops = {p.stem for p in package.iterdir() if not p.name.startswith(("_", "."))}
    for dotted in DOTTED.findall(text):
        parts = dotted.split(".")
        if parts[0] not in tops or parts[-1] == "py":
            continue  # an alias's name (`cm.DISCIPLINES`), a library's (`os.replace`), a file (`cli.py`)
        module = package
        while parts and (module / parts[0]).is_dir():
            module = module / parts.pop(0)
        module = module / f"{parts.pop(0)}.py" if parts and (module / f"{parts[0]}.py").is_file() else \
            module / "__init__.py"
        if not module.is_file() or (parts and not defines(module, ".".join(parts))):
            missing.append(dotted)
    return missing


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_module_and_name_the_docs_cite_is_there(page):
    """A stranger opens the module a page names and finds the function it names there: a renamed function or a moved
    module leaves no page pointing at nothing."""
    assert named_code_missing(page.read_text(encoding="utf-8")) == []


def test_the_named_code_check_finds_a_missing_module_a_missing_name_and_a_moved_function(tmp_path):
    (tmp_path / "thidua_xlsx" / "read").mkdir(parents=True)
    (tmp_path / "thidua_xlsx" / "read" / "lists.py").write_text("LIMIT = 3\n\n\nclass Book:\n    def render(self):\n"
                                                                "        pass\n\n\ndef check():\n    pass\n")
    (tmp_path / "tools").mkdir()
    (tmp_path / "tools" / "build.py").write_text("from x import made\n")
    said = ("held: `read/lists.py`, `thidua_xlsx/read/lists.py::check`, `read/lists.py`'s `LIMIT`, "
            "`read.lists.Book.render`, `build.py`'s `made`, `tools/build.py`, `cm.DISCIPLINES`, `lists.py`; "
            "gone: `read/gone.py`, `read/lists.py::checked`, `read.lists.Book.print`, `read.gone`, `other.py`")
    assert named_code_missing(said, tmp_path) == ["read/gone.py", "read/lists.py::checked", "other.py",
                                                  "read.lists.Book.print", "read.gone"]
