"""The house in folders: imports follow the flow, no cycle, the pure folders stay pure (read with ast).

The flow, in the order data moves: text (words) · model (values) · system (worker pool, LibreOffice) → read → check →
decide → write → papers → steps (what the commands share) → the top (commands, service, cli, api, the page, mail). A
module imports its own folder and those before it, never one after it; every import counts, at module level, inside a
function or under ``if TYPE_CHECKING`` alike (a cycle hidden in a function is still a cycle).

The commune's flow is one room, ``thidua_xlsx/commune/``, laid out by the same flow: each of its modules names its
layer by the first word of its name (``read_inbox`` is a reader, ``decide`` is pure, ``write_book`` a writer,
``commands`` the top), and is held to that layer's rules as if it sat in that folder. Below the top, the school's
folders never import the room: what the school and the commune share sits below it, what is the commune's is in it.
"""

from __future__ import annotations

import ast
import dataclasses
import enum
import importlib
import inspect
import re
import sys
from pathlib import Path

import pytest

from tests import python_sources

PACKAGE = Path(__file__).resolve().parents[2] / "thidua_xlsx"
FLOW = ("text", "model", "system", "read", "check", "decide", "write", "papers", "steps", "")  # "": the top
PURE = ("model", "decide")  # values and decisions: no spreadsheet, document or CLI library, no file opened
HEAVY = {"openpyxl", "xlsxwriter", "docx", "click", "python_calamine", "pandas"}
FILE_CALLS = {"open", "read_text", "read_bytes", "write_text", "write_bytes", "load_workbook", "read_excel",
              "to_excel", "from_path", "unlink", "mkdir", "iterdir", "glob", "rglob"}
# What each folder may import of the others beyond the flow's order: nothing. What it may not import although
# the order allows it: writers and papers are made from results, never from what a reader found in a file;
# decisions take values only.
FORBIDDEN = {"write": ("read", "check"), "papers": ("read", "check"), "decide": ("read", "check")}
# The folders at the top of the flow with the top-level modules: the commands (one module each), mail (what collect
# reads), and the page's door; none is imported by a step below.
DOORS = ("commands", "mail", "ui")
# The commune's flow in one package: the first word of each module's name is its layer (a folder of FLOW or DOORS).
ROOM = "commune"
# The doors (docs/architecture.md, "Doors over one service"): they parse what the user gave and present the one Result;
# they import only the service, the values (model), the words (text), the console's and the voice's modules — and the
# page's own.
DOOR_MODULES = ("thidua_xlsx.cli", "thidua_xlsx.api", "thidua_xlsx.__main__")
DOOR_FOLDERS = ("ui", "mail")  # the page; the mail (saved messages and IMAP mailboxes, read for collect)
DOOR_MAY_IMPORT = ("thidua_xlsx.service", "thidua_xlsx.model", "thidua_xlsx.text", "thidua_xlsx.system.console",
                   "thidua_xlsx.system.voice", "thidua_xlsx.ui", "thidua_xlsx.cli")
LONGEST_MODULE = 600  # lines
LONGEST_VIEW = 60  # lines of one view of the page


def module_name(path: Path, package: Path = PACKAGE) -> str:
    parts = path.relative_to(package.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def folder_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 2 else ""


def layer_of(module: str) -> str:
    """The folder of the flow or the door ``module`` sits in: its folder, or in the commune's room the first word of
    its name (``thidua_xlsx.commune.read_inbox``: read; ``thidua_xlsx.commune.commands``: commands)."""
    folder = folder_of(module)
    return module.split(".")[2].split("_")[0] if folder == ROOM else folder


def step_of(module: str) -> str:
    """The folder of the flow ``module`` counts in: a door's is the top's ("")."""
    layer = layer_of(module)
    return "" if layer in DOORS else layer


def tree_of(path: Path) -> ast.Module:
    return python_sources.tree(path.read_text(encoding="utf-8"))


def nodes_of(path: Path) -> tuple[ast.AST, ...]:
    """Every node of ``path``'s tree (``ast.walk(tree_of(path))``)."""
    return python_sources.nodes(path.read_text(encoding="utf-8"))


def modules_of(package: Path = PACKAGE) -> set[str]:
    return {module_name(p, package) for p in package.rglob("*.py")}


def imports_of(path: Path, package: Path = PACKAGE, known: set[str] | None = None) -> tuple[set[str], set[str]]:
    """(modules of the package imported by ``path``, top-level names of the other libraries it imports); ``known``:
    the package's modules (:func:`modules_of`), when the caller has them."""
    ours, others = set(), set()
    known = modules_of(package) if known is None else known
    for node in nodes_of(path):
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
    return {node.func.id if isinstance(node.func, ast.Name) else node.func.attr for node in nodes_of(path)
            if isinstance(node, ast.Call) and isinstance(node.func, (ast.Name, ast.Attribute))} & FILE_CALLS


def problems_of(package: Path = PACKAGE) -> list[str]:
    """Every import against the flow, every forbidden library or file call, and every cycle, as lines."""
    found, graph, known = [], {}, modules_of(package)
    for path in sorted(package.rglob("*.py")):
        name = module_name(path, package)
        ours, others = imports_of(path, package, known)
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
            elif folder and folder_of(target) == ROOM != folder_of(name):
                found.append(f"{name} imports {target}: below the top, only the commune's room imports it")
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


def without_a_layer(package: Path = PACKAGE) -> list[str]:
    """The modules whose layer (:func:`layer_of`) is no folder of the flow nor a door: a folder the flow does not
    know, or a module of the commune's room whose name does not open with its layer."""
    return sorted(name for name in map(lambda p: module_name(p, package), package.rglob("*.py"))
                  if layer_of(name) not in {*FLOW, *DOORS, "presets"})


def test_every_module_sits_in_a_folder_of_the_flow_or_names_its_layer_in_the_commune_s_room():
    assert without_a_layer() == []
    assert {layer_of(module_name(p)) for p in (PACKAGE / ROOM).glob("*.py")} >= {"read", "decide", "write", "steps"}


# What model/ holds besides frozen dataclasses, named (docs/architecture.md: Where things are): the one collector a
# reader adds its problems to as it finds them (they leave it as a tuple of Issues, in the Report), a read-only mapping
# over an array (a province's scores), and the identity key of model.kept's cache.
NOT_FROZEN = {"thidua_xlsx.model.issues.Problems", "thidua_xlsx.model.inbox.ItemScores", "thidua_xlsx.model.kept._Same"}


def test_model_holds_frozen_values_but_the_named_few():
    """Every class of model/ is a frozen dataclass — or an exception, a named tuple, an enumeration, a protocol, a
    str — but those named in NOT_FROZEN."""
    found = set()
    for path in sorted((PACKAGE / "model").glob("*.py")):
        module = importlib.import_module(module_name(path))
        for name, value in vars(module).items():
            if not inspect.isclass(value) or value.__module__ != module.__name__:
                continue
            if dataclasses.is_dataclass(value):
                frozen = value.__dataclass_params__.frozen  # type: ignore[attr-defined]
            else:
                frozen = issubclass(value, (BaseException, tuple, str, enum.Enum)) \
                    or getattr(value, "_is_protocol", False)
            if not frozen:
                found.add(f"{module.__name__}.{name}")
    assert found == NOT_FROZEN


def test_a_step_of_the_flow_never_imports_a_door():
    """commands/, mail/ and ui/ are imported at the top only, never by read/, write/… (a command or a door holds no
    rule a step could need)."""
    found, known = [], modules_of()
    for path in sorted(PACKAGE.rglob("*.py")):
        name = module_name(path)
        if layer_of(name) in FLOW and layer_of(name) != "":
            found += [f"{name} imports {t}" for t in imports_of(path, known=known)[0] if layer_of(t) in DOORS]
    assert found == []


def _door(name: str) -> bool:
    return name in DOOR_MODULES or folder_of(name) in DOOR_FOLDERS or name in (f"thidua_xlsx.{f}" for f in DOOR_FOLDERS)


def _may_import(door: str, target: str) -> bool:
    """Whether ``door`` may import ``target``: the service, values, words, console, voice, the page and the CLI — and
    its own folder (the mail's reader its IMAP connection)."""
    own = (f"thidua_xlsx.{folder_of(door)}",) if folder_of(door) in DOOR_FOLDERS else ()
    return target == "thidua_xlsx" or any(target == allowed or target.startswith(allowed + ".")
                                          for allowed in DOOR_MAY_IMPORT + own)


def door_problems(package: Path = PACKAGE) -> list[str]:
    """Each import of a door (the CLI, the page, the mail, the analysts' API) of a module it may not import, as
    lines."""
    known = modules_of(package)
    return [f"{module_name(path, package)} imports {target}" for path in sorted(package.rglob("*.py"))
            if _door(module_name(path, package)) for target in sorted(imports_of(path, package, known)[0])
            if not _may_import(module_name(path, package), target)]


def test_the_doors_import_only_the_service_values_words_and_console():
    """The CLI, the page, the mail and the analysts' API reach the work through the service only: no door imports a
    reader, a writer, a step or a command (the page once rebuilt collect, history and init --tu around the service;
    the mail's collector once imported the intake, the campaign's reader and the drafts' writer)."""
    assert door_problems() == []


def test_a_planted_mail_door_importing_a_step_is_found(tmp_path):
    """mail/ is a door like the page: its collector hands each attachment to the service's intake as a value of
    model/ (``Filing``); importing the intake itself, or a reader, is found."""
    root = tmp_path / "thidua_xlsx"
    for folder in ("", "mail", "steps", "model"):
        (root / folder).mkdir(parents=True, exist_ok=True)
        (root / folder / "__init__.py").write_text("")
    (root / "steps" / "intake.py").write_text("class Intake:\n    pass\n")
    (root / "model" / "received.py").write_text("class Filing:\n    pass\n")
    (root / "mail" / "imap.py").write_text("")
    collect = root / "mail" / "collect.py"
    collect.write_text("from thidua_xlsx.mail import imap\nfrom thidua_xlsx.model.received import Filing\n")
    assert door_problems(root) == []
    collect.write_text("from thidua_xlsx.steps.intake import Intake\n")
    assert door_problems(root) == ["thidua_xlsx.mail.collect imports thidua_xlsx.steps.intake"]


# --- the doors' habits (docs/architecture.md: Doors over one service) --------------------------------------------

def _by_function(tree: ast.Module):
    """(the module's function or class the node sits in — the outermost: a handler defined inside a function counts as
    that function's — or "" at module level, node) for every node of ``tree``."""
    for top in tree.body:
        name = top.name if isinstance(top, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) else ""
        for node in ast.walk(top):
            yield name, node


SPEAKS = {"print", "input", "exit", "quit"}  # builtins that write to the console or end the process
SPEAKS_BY = {"exit", "_exit", "abort", "echo", "secho"}  # sys.exit, os._exit, os.abort, ctx.exit, click.echo
THE_CLI = ("thidua_xlsx.cli", "thidua_xlsx.__main__")
# Where the package ends the process beside the CLI: (module, function) → why.
ENDS_BESIDE_THE_CLI = {
    ("thidua_xlsx.system.console", "terminate_as_exit"):
        "a request to end (SIGTERM) raised as SystemExit, as Ctrl-C raises its own, so that every clean-up runs",
}


def prints_or_exits(path: Path) -> list[tuple[str, int, str]]:
    """(function, line, what) of each place ``path`` writes to the console or ends the process: ``print``, ``input``,
    ``exit``, ``sys.exit``, ``os._exit``, ``os.abort``, click's ``echo`` and a context's ``exit``, a write to
    ``sys.stdout`` or ``sys.stderr``, ``raise SystemExit``."""
    found = []
    for function, node in _by_function(tree_of(path)):
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name) and func.id in SPEAKS or isinstance(func, ast.Attribute) and (
                    func.attr in SPEAKS_BY or func.attr == "write" and isinstance(func.value, ast.Attribute)
                    and func.value.attr in ("stdout", "stderr")):
                found.append((function, node.lineno, ast.unparse(func)))
        elif isinstance(node, ast.Raise) and node.exc is not None:
            raised = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
            if isinstance(raised, ast.Name) and raised.id == "SystemExit":
                found.append((function, node.lineno, "raise SystemExit"))
    return sorted(found, key=lambda f: f[1])


def test_only_the_cli_prints_or_exits():
    """The CLI (cli.py, and __main__.py which runs it) alone writes to the console and ends the process: the page, the
    mail, the service and the steps say what they have to say through the voice they are given (a run's lines, the
    page's server its address through the CLI's ``_say``) and return; a step that printed would write into the page's
    black window, one that exited would end the page's server. The one exception is named in ENDS_BESIDE_THE_CLI."""
    found = {(module_name(path), function): f"{module_name(path)}:{line} {what} in {function or 'the module'}"
             for path in sorted(PACKAGE.rglob("*.py")) if module_name(path) not in THE_CLI
             for function, line, what in prints_or_exits(path)}
    assert sorted(said for key, said in found.items() if key not in ENDS_BESIDE_THE_CLI) == []
    assert set(ENDS_BESIDE_THE_CLI) <= set(found), "an exit no longer there: strike it from the list"
    assert prints_or_exits(PACKAGE / "cli.py"), "the check sees the CLI's own"


def test_the_print_and_exit_check_finds_each_form(tmp_path):
    planted = tmp_path / "planted.py"
    planted.write_text("import os, sys, click\n\n\ndef say(x):\n    print(x)\n    sys.stderr.write(x)\n"
                       "    click.echo(x)\n\n\nclass Job:\n    def stop(self, ctx):\n        ctx.exit(1)\n"
                       "        os._exit(1)\n\n\ndef guard():\n    def end(signum, frame):\n"
                       "        raise SystemExit(1)\n    return end\n\n\nsys.exit(0)\nlines = [x for x in sys.stdin]\n")
    assert prints_or_exits(planted) == [
        ("say", 5, "print"), ("say", 6, "sys.stderr.write"), ("say", 7, "click.echo"), ("Job", 12, "ctx.exit"),
        ("Job", 13, "os._exit"), ("guard", 18, "raise SystemExit"), ("", 22, "sys.exit")]


WALKS = {"glob", "rglob", "iterdir", "scandir", "listdir"}  # a folder's files listed, and os.walk
# Where a door lists a folder's files: (module, function) → why.
DOOR_WALKS = {
    ("thidua_xlsx.mail.collect", "collect_folder"):
        "the folder of saved messages (or downloads) the person gave collect, its input; never the campaign folder",
}


def folders_walked(path: Path) -> list[tuple[str, int, str]]:
    """(function, line, call) of each call of ``path`` that lists a folder: ``glob``, ``rglob``, ``iterdir``,
    ``os.walk``, ``os.scandir``, ``os.listdir``."""
    return sorted(((function, node.lineno, ast.unparse(node.func)) for function, node in _by_function(tree_of(path))
                   if isinstance(node, ast.Call) and isinstance(node.func, (ast.Attribute, ast.Name))
                   and ((node.func.attr if isinstance(node.func, ast.Attribute) else node.func.id) in WALKS
                        or ast.unparse(node.func) == "os.walk")), key=lambda f: f[1])  # an email's walk is its parts


def test_no_door_walks_a_folder_to_learn_what_a_run_wrote():
    """The CLI, the API, the page and the mail list no folder: what a run wrote is in its Result (``files``), what a
    campaign folder holds is the service's to say (the page's overview, a round's page). The mail's reading of the
    folder it is given to collect from is named in DOOR_WALKS."""
    found = {(module_name(path), function): f"{module_name(path)}:{line} {call}() in {function or 'the module'}"
             for path in sorted(PACKAGE.rglob("*.py")) if _door(module_name(path))
             for function, line, call in folders_walked(path)}
    assert sorted(said for key, said in found.items() if key not in DOOR_WALKS) == []
    assert set(DOOR_WALKS) <= set(found), "a walk no longer there: strike it from the list"


def test_the_walk_check_finds_each_way_of_listing_a_folder(tmp_path):
    planted = tmp_path / "views.py"
    planted.write_text("import os\n\n\ndef shown(result, folder):\n    a = sorted(folder.glob('*.xlsx'))\n"
                       "    b = list(folder.rglob('*'))\n    c = [p for p in folder.iterdir()]\n"
                       "    d = os.listdir(folder)\n    e = list(os.walk(folder))\n    f = os.scandir(folder)\n"
                       "    return result.files, [part for part in message.walk()]\n")
    assert [call for _, _, call in folders_walked(planted)] == ["folder.glob", "folder.rglob", "folder.iterdir",
                                                                "os.listdir", "os.walk", "os.scandir"]


def test_pandas_is_imported_by_the_api_alone():
    """pandas (a second of start-up, and an extra a school need not install) is the analysts' API's alone: no command,
    step or door imports it, at the top or in a function (docs/architecture.md: Doors over one service)."""
    known = modules_of()
    assert [module_name(path) for path in sorted(PACKAGE.rglob("*.py"))
            if "pandas" in imports_of(path, known=known)[1]] == ["thidua_xlsx.api"]


#: What the program may import without a line of pyproject.toml: Python's own, the type checker's stubs.
UNDECLARED = {*sys.stdlib_module_names, "_typeshed"}
#: The extras the program itself uses (the others are the tests' and the benchmarks' tools).
PROGRAM_EXTRAS = ("analysis", "mail")


def undeclared_imports(pyproject: Path, package: Path = PACKAGE) -> list[tuple[str, str]]:
    """(module, library) for each library a module of ``package`` imports that ``pyproject``'s dependencies and the
    program's extras do not name: installed today only because a declared library happens to need it."""
    from importlib.metadata import packages_distributions

    import tomllib
    from packaging.requirements import Requirement

    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    extras = project["optional-dependencies"]
    wanted = [*project["dependencies"], *(r for extra in PROGRAM_EXTRAS for r in extras[extra])]
    declared = {Requirement(r).name.lower().replace("_", "-") for r in wanted}
    distributions = packages_distributions()
    known = modules_of(package)
    return [(module_name(path, package), library) for path in sorted(package.rglob("*.py"))
            for library in sorted(imports_of(path, package, known)[1] - UNDECLARED - {package.name})
            if not {d.lower().replace("_", "-") for d in distributions.get(library, [library])} & declared]


def test_every_library_the_program_imports_is_one_it_declares():
    """A library imported but not declared (lxml through python-docx, markupsafe through flask) is one a release of
    the library that brings it may stop bringing: every install would then fail at that import
    (docs/dependencies.md)."""
    assert undeclared_imports(PACKAGE.parent / "pyproject.toml") == []


def test_a_library_imported_but_not_declared_is_found(tmp_path):
    package = tmp_path / "thidua_xlsx"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "papers.py").write_text("import os\nfrom lxml.etree import SubElement\nimport docx\n\n\n"
                                       "def later():\n    import keyring\n    import yaml\n")
    (tmp_path / "pyproject.toml").write_text('[project]\ndependencies = ["python-docx>=1.1"]\n'
                                             '[project.optional-dependencies]\nanalysis = []\nmail = ["keyring"]\n')
    assert undeclared_imports(tmp_path / "pyproject.toml", package) == [("thidua_xlsx.papers", "lxml"),
                                                                         ("thidua_xlsx.papers", "yaml")]


def positional_fields(module) -> list[str]:
    """The fields of the dataclasses defined in ``module`` that a caller could give by position (``kw_only`` not
    set), as "Class.field"; a class of it that is no dataclass, as "Class"."""
    found = []
    for name, value in vars(module).items():
        if inspect.isclass(value) and value.__module__ == module.__name__:
            if not dataclasses.is_dataclass(value):
                found.append(name)
            else:
                found += [f"{name}.{f.name}" for f in dataclasses.fields(value) if not f.kw_only]
    return found


def test_every_request_is_built_by_keyword_only():
    """A door builds its request by keyword only (``MergeRequest(inbox=…, output=…)``): a request has a dozen fields
    of the same types (paths, flags), and a field added in the middle would silently shift every positional call."""
    import typing

    from thidua_xlsx.model import requests as rq

    assert set(typing.get_args(rq.Request)) <= {v for v in vars(rq).values() if inspect.isclass(v)}
    assert positional_fields(rq) == []
    planted = type(rq)("thidua_xlsx.model.planted")
    exec(compile("from dataclasses import dataclass\n\n@dataclass(frozen=True)\nclass PlantedRequest:\n    inbox: str\n"
                 "    force: bool = False\n\nclass Loose:\n    pass\n", "<planted>", "exec", dont_inherit=True),
         vars(planted))
    assert positional_fields(planted) == ["PlantedRequest.inbox", "PlantedRequest.force", "Loose"]


def loaded_by_name(path: Path) -> list[str]:
    """Where ``path`` reaches a module by a string the tools cannot follow: ``importlib.import_module``,
    ``__import__``, or a module's ``__getattr__`` handing out names of other modules; as lines "line N: what"."""
    found = [(node.lineno, "a module's __getattr__") for node in tree_of(path).body
             if isinstance(node, ast.FunctionDef) and node.name == "__getattr__"]
    for node in nodes_of(path):
        if isinstance(node, ast.Call):
            called = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if called in ("import_module", "__import__"):
                found.append((node.lineno, f"{called}()"))
    return [f"line {line}: {what}" for line, what in sorted(found)]


def test_no_module_loads_another_by_name():
    """Every module of the package reaches another by an import statement, at module level or inside the function
    that needs it (to keep start-up fast), never by a string: mypy types each call a door makes, and the walk above
    and the house's picture see every arrow (a command table of strings once hid the doors' imports from both)."""
    loaded = {module_name(p): loaded_by_name(p) for p in sorted(PACKAGE.rglob("*.py"))}
    assert {name: found for name, found in loaded.items() if found} == {}


def test_a_module_loaded_by_name_is_found(tmp_path):
    planted = tmp_path / "service.py"
    planted.write_text("import importlib\n\n"
                       "def run(name):\n"
                       "    return importlib.import_module(f'thidua_xlsx.commands.{name}')\n\n"
                       "def __getattr__(name):\n"
                       "    return getattr(__import__('thidua_xlsx.steps.workspace'), name)\n")
    assert loaded_by_name(planted) == ["line 4: import_module()", "line 6: a module's __getattr__",
                                       "line 7: __import__()"]


def test_every_folder_says_what_it_is_for():
    """Each package's ``__init__.py`` opens with a line of purpose: a newcomer learns the room before its modules."""
    silent = [str(p.relative_to(PACKAGE.parent)) for p in sorted(PACKAGE.rglob("__init__.py"))
              if not ast.get_docstring(tree_of(p))]
    assert silent == []


def test_no_module_is_longer_than_its_job():
    lines = {module_name(p): len(p.read_text(encoding="utf-8").splitlines()) for p in PACKAGE.rglob("*.py")}
    assert {name: count for name, count in lines.items() if count > LONGEST_MODULE} == {}


def test_each_view_of_the_page_is_short():
    """Each view parses one request and presents one service call (Datasette's views): none over ~60 lines."""
    tree = tree_of(PACKAGE / "ui" / "views.py")
    long = {f.name: f.end_lineno - f.lineno + 1 for f in tree.body if isinstance(f, ast.FunctionDef)
            and f.end_lineno - f.lineno + 1 > LONGEST_VIEW}
    assert long == {}


def test_every_request_leads_to_its_command_and_the_one_result():
    """The service's dispatch (service.command, read with ast) has a case for every request a door can make, a year's
    before a merge's (a YearRequest is a MergeRequest: the other order would merge the periods' folder as an inbox),
    the commune's cases (guarded: its folder is a commune's) before the school's of the same request, and each case
    calls a function of commands/ annotated to return the one Result (mypy checks its argument)."""
    import importlib
    import typing

    from thidua_xlsx import service
    from thidua_xlsx.model import requests as rq
    from thidua_xlsx.model.result import Result

    tree = tree_of(PACKAGE / "service.py")
    dispatch = next(node for node in tree.body if isinstance(node, ast.FunctionDef) and node.name == "command")
    deferred = {alias.asname or alias.name: f"{node.module}.{alias.name}" for node in ast.walk(dispatch)
                if isinstance(node, ast.ImportFrom) for alias in node.names}  # imported inside: start-up's cost
    match = next(node for node in dispatch.body if isinstance(node, ast.Match))
    cases, guarded = [], []
    for case in match.cases:
        assert isinstance(case.pattern, ast.MatchClass) and isinstance(case.pattern.cls, ast.Attribute)
        call = case.body[0].value
        assert isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
        name = call.func.value.id
        module = importlib.import_module(deferred[name]) if name in deferred else getattr(service, name)
        assert layer_of(module.__name__) == "commands"  # commands/, or the commune's room's commands
        assert typing.get_type_hints(getattr(module, call.func.attr))["return"] is Result
        request = getattr(rq, case.pattern.cls.attr)
        if case.guard is not None:
            assert request not in cases  # before the school's case of the same request, or it is never reached
            guarded.append(request)
        else:
            cases.append(request)
    assert len(cases) == len(set(cases)) and set(cases) == set(typing.get_args(rq.Request)) | {rq.YearRequest}
    assert cases.index(rq.YearRequest) < cases.index(rq.MergeRequest)
    assert set(guarded) == {rq.InitRequest, rq.MergeRequest, rq.StatusRequest}  # what a commune's folder asks


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
        (root / where).parent.mkdir(exist_ok=True)  # the commune's room, where a test plants it
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


@pytest.mark.parametrize("where, code, found", [
    ("commune/decide.py", "from pathlib import Path\n\ndef marks(p):\n    return Path(p).read_bytes()\n",
     "thidua_xlsx.commune.decide calls read_bytes(): decide/ opens no file"),
    ("commune/decide.py", "import openpyxl\n", "thidua_xlsx.commune.decide imports openpyxl: decide/ is pure"),
    ("commune/write_book.py", "from thidua_xlsx.commune.read_inbox import X\n",
     "thidua_xlsx.commune.write_book imports thidua_xlsx.commune.read_inbox: write/ never imports read/"),
    ("commune/write.py", "from thidua_xlsx.read.cells import X\n",
     "thidua_xlsx.commune.write imports thidua_xlsx.read.cells: write/ never imports read/"),
    ("read/cells.py", "from thidua_xlsx.commune import steps\n",
     "thidua_xlsx.read.cells imports thidua_xlsx.commune.steps: against the flow (read before steps)"),
    ("commune/read_inbox.py", "from thidua_xlsx.commune.decide import X\n",
     "thidua_xlsx.commune.read_inbox imports thidua_xlsx.commune.decide: against the flow (read before decide)"),
    ("steps/intake.py", "def placed():\n    from thidua_xlsx.commune.read_inbox import X\n",
     "thidua_xlsx.steps.intake imports thidua_xlsx.commune.read_inbox: below the top, only the commune's room imports "
     "it"),
])
def test_a_planted_module_of_the_commune_s_room_is_held_to_its_layer(planted, where, code, found):
    """A module of thidua_xlsx/commune/ is held to the rules of the folder its name opens with: its decide pure, its
    writers never importing a reader (the room's or the school's), its readers never a decision; a school's reader
    importing the commune's steps is against the flow, and a school's step importing the commune's reader (the intake
    once did, to file a summary brought to a commune) reaches into the room from below."""
    planted("commune/__init__.py", "")
    for module in ("read_inbox", "decide", "steps"):
        planted(f"commune/{module}.py", "X = 1\n")
    assert planted(where, code) == [found]


def test_a_module_of_the_commune_s_room_whose_name_says_no_layer_is_found(tmp_path):
    root = tmp_path / "thidua_xlsx"
    for folder in ("", "read", ROOM):
        (root / folder).mkdir(parents=True, exist_ok=True)
        (root / folder / "__init__.py").write_text("")
    (root / ROOM / "read_inbox.py").write_text("")
    (root / ROOM / "commands.py").write_text("")
    assert without_a_layer(root) == []
    (root / ROOM / "inbox.py").write_text("")
    (root / ROOM / "officer_steps.py").write_text("")
    assert without_a_layer(root) == ["thidua_xlsx.commune.inbox", "thidua_xlsx.commune.officer_steps"]


def test_a_planted_door_importing_a_command_is_found(tmp_path):
    """The rule reads the doors' real imports: a view importing a command's module, or one of its functions, inside
    the function that needs it, is found; the service, which imports the commands, is the door's to import."""
    root = tmp_path / "thidua_xlsx"
    for folder in ("", "commands", "ui"):
        (root / folder).mkdir(parents=True, exist_ok=True)
        (root / folder / "__init__.py").write_text("")
    (root / "commands" / "merge.py").write_text("def merge(request, voice):\n    return None\n")
    (root / "service.py").write_text("from thidua_xlsx.commands.merge import merge\n")
    views = root / "ui" / "views.py"
    views.write_text("from thidua_xlsx import service\n\ndef act():\n    return service.merge\n")
    assert door_problems(root) == []
    for code in ("from thidua_xlsx import service\n\ndef act():\n    from thidua_xlsx.commands import merge\n"
                 "    return service, merge\n",
                 "def act():\n    from thidua_xlsx.commands.merge import merge\n    return merge\n"):
        views.write_text(code)
        assert door_problems(root) == ["thidua_xlsx.ui.views imports thidua_xlsx.commands.merge"]


def test_the_module_map_names_every_folder_and_module_of_the_tree():
    """The newcomer's map (docs/modules.md): each folder's section names exactly the modules in it."""
    page = (PACKAGE.parent / "docs" / "modules.md").read_text(encoding="utf-8")
    rows = {}
    for section in page.split("\n## ")[1:]:
        heading, _, what = section.partition("\n")
        folder = heading.split(" — ")[0].strip()
        rows["" if folder == "top" else folder.strip("`/")] = set(re.findall(r"`(\w+)`", what))
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


# --- xlsxwriter's insides in one module -------------------------------------------------------------

XLSXWRITER_INSIDES = PACKAGE / "write" / "xlsx"  # the one package whose modules may use xlsxwriter's private names


def _single_underscore(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def xlsxwriter_private_names() -> frozenset[str]:
    """Every single-underscore name xlsxwriter defines: in its modules, in its classes (with what they inherit) and on
    a new workbook's, worksheet's and format's instances."""
    import importlib
    import inspect
    import io
    import pkgutil

    import xlsxwriter

    found: set[str] = set()
    for info in pkgutil.walk_packages(xlsxwriter.__path__, "xlsxwriter."):
        module = importlib.import_module(info.name)
        found.update(filter(_single_underscore, vars(module)))
        for value in vars(module).values():
            if inspect.isclass(value) and value.__module__.startswith("xlsxwriter"):
                for klass in value.__mro__:
                    found.update(filter(_single_underscore, vars(klass)))
    wb = xlsxwriter.Workbook(io.BytesIO())
    for made in (wb, wb.add_worksheet(), wb.add_format()):
        found.update(filter(_single_underscore, vars(made)))
    wb.close()
    return frozenset(found)


def xlsxwriter_insides_used(path: Path, privates: frozenset[str]) -> list[str]:
    """Where ``path`` uses xlsxwriter's insides (the rule: :func:`test_only_write_xlsx_uses_xlsxwriter_s_insides`),
    as lines "line N: what", in the order of the file."""
    nodes = nodes_of(path)
    bound, found = set(), []  # bound: names an import binds to xlsxwriter's modules, classes and functions
    for node in nodes:
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "xlsxwriter":
                    bound.add((alias.asname or alias.name).split(".")[0])
                    if any(map(_single_underscore, alias.name.split("."))):
                        found.append((node.lineno, f"imports {alias.name}"))
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").split(".")[0] == "xlsxwriter":
            for alias in node.names:
                bound.add(alias.asname or alias.name)
                if any(map(_single_underscore, [*(node.module or "").split("."), alias.name])):
                    found.append((node.lineno, f"imports {node.module}.{alias.name}"))
    for node in nodes:
        if isinstance(node, ast.Attribute) and node.attr in privates:
            found.append((node.lineno, f"uses xlsxwriter's .{node.attr}"))
        elif isinstance(node, ast.ClassDef):
            for base in node.bases:
                root = base
                while isinstance(root, ast.Attribute):
                    root = root.value
                if isinstance(root, ast.Name) and root.id in bound:
                    found.append((node.lineno, f"class {node.name} subclasses {ast.unparse(base)}"))
            found += [(item.lineno, f"{node.name}.{item.name} overrides xlsxwriter's") for item in node.body
                      if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)) and item.name in privates]
    return [f"line {line}: {what}" for line, what in sorted(found)]


def test_only_write_xlsx_uses_xlsxwriter_s_insides(tmp_path):
    """xlsxwriter's insides are used in one package, thidua_xlsx/write/xlsx/, behind a few public names (it also
    holds the gate of the xlsxwriter versions they were compared on). Anywhere else, read with ast, none of:

    - an import of a private module or name of xlsxwriter's (``from xlsxwriter.utility import _preserve_whitespace``);
    - an attribute named as one of xlsxwriter's private names, on anything, read, called or set
      (``ws._check_dimensions(row, col)``, ``super()._write_rows()``, ``cell.format._get_xf_index()``);
    - a method so named in any class: an override (``def _write_data_validation(self, options)``);
    - a class whose base an import took from xlsxwriter (``class _Workbook(xlsxwriter.Workbook)``).

    xlsxwriter's private names are asked of xlsxwriter itself: the single-underscore names of its modules, of its
    classes and of a new workbook's, worksheet's and format's instances; a private name of ours that xlsxwriter
    also has (a module's ``def _write_text``) is fine outside a class. Its insides that are not private by name (a
    worksheet's ``table``, ``row_info``, a workbook's ``str_table``) cannot be told from ours by name: they too are
    kept in that package, by review."""
    privates = xlsxwriter_private_names()
    found = [f"{module_name(path)} {use}" for path in sorted(PACKAGE.rglob("*.py")) if path.parent != XLSXWRITER_INSIDES
             for use in xlsxwriter_insides_used(path, privates)]
    assert found == []
    for module in ("__init__.py", "skeletons.py"):  # the rule sees them where they are
        assert xlsxwriter_insides_used(XLSXWRITER_INSIDES / module, privates), module
    planted = tmp_path / "planted.py"  # what write/department/ held before write/xlsx/, and names of ours that pass
    planted.write_text("import xlsxwriter\n"
                       "from xlsxwriter.utility import _preserve_whitespace, xl_col_to_name\n"
                       "class _Workbook(xlsxwriter.Workbook):\n"
                       "    pass\n"
                       "class _Worksheet(short_cells):\n"
                       "    def _write_cf_rule(self, params):\n"
                       "        super()._write_cf_rule(params)\n"
                       "def give(ws):\n"
                       "    ws._check_dimensions(0, 0)\n"
                       "def _write_text(doc):\n"
                       "    doc._paragraphs = doc._own_words()\n")
    assert xlsxwriter_insides_used(planted, privates) == [
        "line 2: imports xlsxwriter.utility._preserve_whitespace",
        "line 3: class _Workbook subclasses xlsxwriter.Workbook",
        "line 6: _Worksheet._write_cf_rule overrides xlsxwriter's",
        "line 7: uses xlsxwriter's ._write_cf_rule",
        "line 9: uses xlsxwriter's ._check_dimensions",
    ]


# --- one map of the campaign folder ---------------------------------------------------------------------

#: A value of another module that is one of model/places.py's names by chance, not a place: (module, value), why.
NOT_A_PLACE = {("thidua_xlsx.model.received", "thu"): "BY_MAIL, the door a received book came by, in its record"}


def test_the_campaign_folder_is_named_in_one_module():
    """Where each thing of a campaign folder lives is said in model/places.py only: no other module of the package
    holds one of its names as a value (the words of text/ may quote them to a person; docstrings are prose), but
    those named in NOT_A_PLACE."""
    from thidua_xlsx.model import places

    names = {value for key, value in vars(places).items() if key.isupper() and isinstance(value, str)} - {""}
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path == PACKAGE / "model" / "places.py" or folder_of(module_name(path)) == "text":
            continue
        nodes = nodes_of(path)
        prose = {id(node.body[0].value) for node in nodes if isinstance(node, (
            ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef)) and node.body and isinstance(
            node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
        options = {id(arg) for node in nodes if isinstance(node, ast.Call) and isinstance(
            node.func, ast.Attribute) and node.func.attr in ("option", "argument") for arg in node.args}  # click's
        found += [f"{module_name(path)} line {node.lineno}: {node.value!r}" for node in nodes
                  if isinstance(node, ast.Constant) and node.value in names and id(node) not in prose | options
                  and (module_name(path), node.value) not in NOT_A_PLACE]
    assert found == []
