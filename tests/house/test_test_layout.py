"""The tests' own layout (docs/conventions.md, "Checked habits"): test builders live in helper modules
(tests/<something>.py or a conftest.py), never imported from a test_*.py module — so that a test module can be
run, moved or deleted alone, and pytest never collects one module's tests through another's imports."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
ROOT = TESTS.parent


def _is_test_module(name: str) -> bool:
    """Whether the dotted module ``name`` is a test module (its last part test_*), as pytest collects them."""
    return name.rsplit(".", 1)[-1].startswith("test_")


def _imported_test_modules(path: Path, root: Path = ROOT) -> list[tuple[int, str]]:
    """(line, the import as written) of each import in ``path`` that takes something from a test module: ``from
    tests.x.test_y import z``, ``import tests.x.test_y``, and a relative ``from .test_y import z`` alike."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = path.relative_to(root).parent.parts
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            base = list(package[: len(package) - node.level + 1]) if node.level else []
            module = ".".join([*base, *(node.module or "").split(".")]).strip(".")
            names = [alias.name for alias in node.names]
            targets = [module, *(f"{module}.{name}" for name in names)]  # a module itself imported from its package
            if any(_is_test_module(target) for target in targets):
                dots = "." * node.level
                found.append((node.lineno, f"from {dots}{node.module or ''} import {', '.join(names)}"))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if _is_test_module(alias.name):
                    found.append((node.lineno, f"import {alias.name}"))
    return sorted(found)


def test_no_test_module_imports_from_another_test_module():
    """Every tests/**/test_*.py; the helper modules and conftest.py files too, which would otherwise carry a test
    module's builders to the others."""
    offenders = [f"{path.relative_to(ROOT).as_posix()}:{line}: {statement}"
                 for path in sorted(TESTS.rglob("*.py"))
                 for line, statement in _imported_test_modules(path)]
    assert offenders == [], ("a test module's builders are imported from elsewhere; move them into a helper module "
                             "(tests/<something>.py) or, for a fixture, a conftest.py:\n" + "\n".join(offenders))


def test_the_check_finds_each_form_of_import(tmp_path):
    """The check is not blind: each way of writing such an import is found, and helper imports are not."""
    package = tmp_path / "tests" / "e2e"
    package.mkdir(parents=True)
    module = package / "test_something.py"
    module.write_text("from tests.e2e.test_merge import school\n"
                      "import tests.write.test_summary\n"
                      "from .test_corpus import base\n"
                      "from . import test_year\n"
                      "from tests.e2e import test_scale as scale\n"
                      "from tests.filling import fill\n"
                      "from tests.e2e.conftest import school as s\n"
                      "def f():\n"
                      "    from tests.papers.test_documents import docx_rows\n", encoding="utf-8")
    assert _imported_test_modules(module, tmp_path) == [
        (1, "from tests.e2e.test_merge import school"),
        (2, "import tests.write.test_summary"),
        (3, "from .test_corpus import base"),
        (4, "from . import test_year"),
        (5, "from tests.e2e import test_scale"),
        (9, "from tests.papers.test_documents import docx_rows"),
    ]


# Folders of tests/ that mirror no package folder, each for what it names (docs/development.md: where a new test goes).
OWN_FOLDERS = {"e2e": "a whole user story through the commands", "house": "the repository's own rules",
               "installers": "the double-click installers and uninstallers", "on_windows": "the Windows lane"}


def test_each_test_module_lives_in_the_folder_of_what_it_tests():
    """Tests mirror the package: a test module sits in tests/<folder>/ of the package folder it tests (read, decide,
    write, ui, …) or of one of OWN_FOLDERS; at the top of tests/ only the tests of a top-level module (api, cli,
    service). A new folder of tests is a folder of the package, or a line here saying what it holds."""
    package = ROOT / "thidua_xlsx"
    folders = {p.name for p in package.iterdir() if p.is_dir() and (p / "__init__.py").is_file()} | set(OWN_FOLDERS)
    top = {p.stem for p in package.glob("*.py") if not p.stem.startswith("_")}
    misplaced = []
    for path in sorted(TESTS.rglob("test_*.py")):
        parts = path.relative_to(TESTS).parts
        if len(parts) == 1:
            if not any(path.stem == f"test_{name}" or path.stem.startswith(f"test_{name}_") for name in top):
                misplaced.append(path.relative_to(ROOT).as_posix())
        elif parts[0] not in folders:
            misplaced.append(path.relative_to(ROOT).as_posix())
    assert misplaced == [], "each test in the folder of what it tests:\n" + "\n".join(misplaced)
