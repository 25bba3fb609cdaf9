"""The house in folders: imports follow the flow, no cycle, the pure folders stay pure (read with ast).

The flow, in the order data moves: text (words) · model (values) · system (worker pool, LibreOffice) → read → check →
decide → write → papers → the top (cli, service, workspace, parallel). A module imports its own folder and those
before it, never one after it; every import counts, at module level, inside a function or under
``if TYPE_CHECKING`` alike (a cycle hidden in a function is still a cycle).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "thidua_xlsx"
FLOW = ("text", "model", "system", "read", "check", "decide", "write", "papers", "")  # "": the top-level modules
PURE = ("model", "decide")  # values and decisions: no spreadsheet, document or CLI library, no file opened
HEAVY = {"openpyxl", "xlsxwriter", "docx", "click", "python_calamine", "pandas"}
FILE_CALLS = {"open", "read_text", "read_bytes", "write_text", "write_bytes", "load_workbook", "read_excel",
              "to_excel", "from_path", "unlink", "mkdir", "iterdir", "glob", "rglob"}
# What each folder may import of the others beyond the flow's order: nothing. What it may not import although
# the order allows it: writers and papers are made from results, never from what a reader found in a file;
# decisions take values only.
FORBIDDEN = {"write": ("read", "check"), "papers": ("read", "check"), "decide": ("read", "check")}
# The doors beside cli.py (STYLE.md: "New doors, not new houses"): each sits at the top of the flow with the commands
# (it may import any folder and the top's modules) and is imported by the top's commands only, never by a step below.
DOORS = ("mail", "ui")


def module_name(path: Path, package: Path = PACKAGE) -> str:
    parts = path.relative_to(package.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def folder_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 2 else ""


def step_of(module: str) -> str:
    """The folder of the flow ``module`` counts in: a door's is the top's ("")."""
    folder = folder_of(module)
    return "" if folder in DOORS else folder


def imports_of(path: Path, package: Path = PACKAGE) -> tuple[set[str], set[str]]:
    """(modules of the package imported by ``path``, top-level names of the other libraries it imports)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    ours, others = set(), set()
    known = {module_name(p, package) for p in package.rglob("*.py")}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                (ours if alias.name.startswith(package.name + ".") else others).add(
                    alias.name if alias.name.startswith(package.name + ".") else alias.name.split(".")[0])
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module == package.name or node.module.startswith(package.name + "."):
                for alias in node.names:  # `from pkg.folder import module` names a module, else a name of it
                    candidate = f"{node.module}.{alias.name}"
                    ours.add(candidate if candidate in known else node.module)
            else:
                others.add(node.module.split(".")[0])
    return ours, others


def opened_files(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.func.id if isinstance(node.func, ast.Name) else node.func.attr for node in ast.walk(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, (ast.Name, ast.Attribute))} & FILE_CALLS


def problems_of(package: Path = PACKAGE) -> list[str]:
    """Every import against the flow, every forbidden library or file call, and every cycle, as lines."""
    found, graph = [], {}
    for path in sorted(package.rglob("*.py")):
        name = module_name(path, package)
        ours, others = imports_of(path, package)
        graph[name] = {m for m in ours if m != name}
        folder = step_of(name)
        for target in graph[name]:
            theirs = step_of(target)
            if theirs not in FLOW or folder not in FLOW:
                continue
            if FLOW.index(theirs) > FLOW.index(folder):
                found.append(f"{name} imports {target}: against the flow ({folder or 'top'} before {theirs or 'top'})")
            elif theirs in FORBIDDEN.get(folder, ()):
                found.append(f"{name} imports {target}: {folder}/ never imports {theirs}/")
        if folder in PURE:
            found += [f"{name} imports {lib}: {folder}/ is pure" for lib in sorted(others & HEAVY)]
            found += [f"{name} calls {call}(): {folder}/ opens no file" for call in sorted(opened_files(path))]
    found += [f"cycle: {' → '.join(cycle)}" for cycle in _cycles(graph)]
    return found


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle per strongly connected group of modules (Tarjan), each as a path that closes."""
    index, low, stack, on_stack, groups = {}, {}, [], set(), []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in graph:
                continue
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return [_path_through(graph, group) for group in groups]


def _path_through(graph, group: list[str]) -> list[str]:
    start, members = group[0], set(group)
    path, seen = [start], {start}
    while True:
        step = next(n for n in sorted(graph[path[-1]]) if n in members and (n == start or n not in seen))
        path.append(step)
        if step == start:
            return path
        seen.add(step)


def test_the_package_follows_the_flow_without_a_cycle():
    assert problems_of() == []


def test_every_module_sits_in_a_folder_of_the_flow():
    folders = {folder_of(module_name(p)) for p in PACKAGE.rglob("*.py")} - {"presets"}
    assert folders <= set(FLOW) | set(DOORS)


def test_a_step_of_the_flow_never_imports_a_door():
    """mail/ and ui/ are imported by the commands at the top only (cli, service, level_above), never by read/,
    write/… (a door holds no rule a step could need)."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        name = module_name(path)
        if folder_of(name) in FLOW and folder_of(name) != "":
            found += [f"{name} imports {t}" for t in imports_of(path)[0] if folder_of(t) in DOORS]
    assert found == []


# --- the test fails when a rule is broken: each planted in a copy of the package ---------------------


@pytest.fixture
def planted(tmp_path):
    """A small package with the folders of ours, and a function that plants one module in it."""
    root = tmp_path / "thidua_xlsx"
    for folder in FLOW:
        (root / folder).mkdir(parents=True, exist_ok=True)
        (root / folder / "__init__.py").write_text("")
    (root / "model" / "values.py").write_text("X = 1\n")
    (root / "read" / "cells.py").write_text("from thidua_xlsx.model.values import X\n")
    (root / "decide" / "rules.py").write_text("from thidua_xlsx.model import values\n")
    assert problems_of(root) == []

    def plant(where: str, code: str) -> list[str]:
        (root / where).write_text(code)
        return problems_of(root)

    return plant


def test_a_planted_cycle_is_found_even_behind_a_function(planted):
    planted("decide/council.py", "from thidua_xlsx.decide import rules\n")
    found = planted("decide/rules.py", "def later():\n    from thidua_xlsx.decide import council\n")

    assert found == ["cycle: thidua_xlsx.decide.council → thidua_xlsx.decide.rules → thidua_xlsx.decide.council"]


def test_a_planted_type_checking_import_against_the_flow_is_found(planted):
    found = planted("model/results.py", "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                                        "    from thidua_xlsx.decide.rules import X\n")

    assert found == ["thidua_xlsx.model.results imports thidua_xlsx.decide.rules: against the flow (model before "
                     "decide)"]


@pytest.mark.parametrize("library", ["openpyxl", "xlsxwriter", "docx", "click"])
def test_a_planted_library_in_a_pure_folder_is_found(planted, library):
    assert planted("decide/quota.py", f"import {library}\n") == [f"thidua_xlsx.decide.quota imports {library}: decide/ "
                                                                 f"is pure"]


def test_a_planted_file_opened_in_model_is_found(planted):
    found = planted("model/history.py", "from pathlib import Path\n\ndef load(p):\n    return Path(p).read_text()\n")

    assert found == ["thidua_xlsx.model.history calls read_text(): model/ opens no file"]


def test_a_planted_writer_importing_a_reader_is_found(planted):
    found = planted("write/summary.py", "from thidua_xlsx.read.cells import X\n")

    assert found == ["thidua_xlsx.write.summary imports thidua_xlsx.read.cells: write/ never imports read/"]


def test_the_readme_map_names_every_folder_and_module_of_the_tree():
    """The newcomer's map in the README: each folder's row names exactly the modules in it."""
    readme = (PACKAGE.parent / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("### Where things are"):].split("\n\n")[2]
    rows = {}
    for line in table.splitlines()[2:]:
        folder, _step, what = (cell.strip() for cell in line.strip("|").split("|"))
        named = set(re.findall(r"`(\w+)`", what))
        rows["" if folder == "top" else folder.strip("`/")] = named
    tree = {}
    for path in PACKAGE.rglob("*.py"):
        name = module_name(path)
        parts = path.relative_to(PACKAGE).with_suffix("").parts  # a package in a folder (write/summary/) is one module
        module = parts[0] if len(parts) == 1 else parts[1]
        if not module.startswith("__") and folder_of(name) != "presets":
            tree.setdefault(folder_of(name), set()).add(module)
    assert set(rows) == set(tree)
    for folder, modules in tree.items():
        assert modules <= rows[folder], (folder, modules - rows[folder])
