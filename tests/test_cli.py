"""The command line: help, exit codes, the secretary's first session, and the import rules."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.ui.pages import INIT_FOLDER
from thidua_xlsx.cli import main
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.read.presets import load_preset
from thidua_xlsx.system.voice import vietnam_today

ROOT = Path(__file__).resolve().parent.parent
EXIT_CODES_WORDS = ("Mã thoát", "--debug")


def run(*args: str):
    return CliRunner().invoke(main, [str(a) for a in args])


# --- help ------------------------------------------------------------------------------------------


def test_group_help_lists_commands_and_exit_codes():
    result = run("--help")

    assert result.exit_code == 0
    for command in main.commands:
        assert command in result.output
    for word in EXIT_CODES_WORDS:
        assert word in result.output


@pytest.mark.parametrize("command", ["init", "generate", "merge", "status", "year", "history", "collect", "ui"])
def test_every_command_has_help_with_exit_codes(command):
    result = run(command, "--help")

    assert result.exit_code == 0, result.output
    assert main.commands[command].help
    for word in EXIT_CODES_WORDS:
        assert word in result.output, f"{command} --help does not mention {word}"


def test_every_command_is_covered_by_the_help_test():
    assert sorted(main.commands) == ["collect", "generate", "history", "init", "merge", "status", "ui", "year"]


def test_python_dash_m_answers_help():
    done = subprocess.run([sys.executable, "-m", "thidua_xlsx", "--help"], cwd=ROOT, capture_output=True,
                          timeout=60, env={"PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8",
                                           "PATH": "/usr/bin:/bin"})

    assert done.returncode == 0, done.stderr.decode()
    assert "Mã thoát" in done.stdout.decode("utf-8")


def test_unknown_option_is_a_usage_error():
    result = run("generate", "--round", "giua-ky", ".")

    assert result.exit_code == 2


# --- acceptance: the secretary's first session -----------------------------------------------------


def test_init_then_generate_both_rounds(tmp_path):
    camp, out = tmp_path / "camp", tmp_path / "out"

    result = run("init", camp, "--level", "tieu-hoc", "--cham-theo", "ca-nam")
    assert result.exit_code == 0, result.output
    assert (camp / "campaign.xlsx").is_file()
    assert sorted(p.name for p in camp.iterdir()) == INIT_FOLDER, "no temporary file left"

    preset = load_preset("tieu-hoc")
    year = cm.school_year_of(vietnam_today())  # the school year of today, not the preset's
    for round_, target in ((ly.REGISTRATION, out / "dk"), (ly.SCORING, out / "cd")):
        result = run("generate", camp, "--round", round_, "-o", target)
        assert result.exit_code == 0, result.output + (result.stderr or "")
        names = sorted(p.name for p in target.iterdir())
        assert names == sorted(ly.output_name(year, round_, d.name) for d in preset.departments)
        assert f"{year}_{round_}_To-khoi-1.xlsx" in names
        assert str(len(preset.departments)) in result.output
        issued = sorted((camp / "so-da-phat").glob("*.json"))
        assert len(issued) == len(preset.departments) * (1 if round_ == ly.REGISTRATION else 2)


def test_generate_accepts_the_campaign_file_itself(tmp_path):
    camp = tmp_path / "camp"
    assert run("init", camp, "--level", "thpt").exit_code == 0

    result = run("generate", camp / "campaign.xlsx", "--round", "dang-ky", "-o", tmp_path / "out")

    assert result.exit_code == 0, result.output
    assert len(list((tmp_path / "out").iterdir())) == len(load_preset("thpt").departments)


def test_init_refuses_to_overwrite_without_force(tmp_path):
    camp = tmp_path / "camp"
    assert run("init", camp).exit_code == 0
    book = camp / "campaign.xlsx"
    book.write_bytes(b"the secretary's edits")

    refused = run("init", camp, "--level", "thcs")

    assert refused.exit_code == 2
    assert "Đã có" in refused.output and "--force" in refused.output
    assert book.read_bytes() == b"the secretary's edits"

    forced = run("init", camp, "--level", "thcs", "--force")

    assert forced.exit_code == 0, forced.output
    assert book.read_bytes() != b"the secretary's edits"


def test_missing_campaign_is_exit_1_with_a_vietnamese_message(tmp_path):
    result = run("generate", tmp_path, "--round", "dang-ky", "-o", tmp_path / "out")

    assert result.exit_code == 1
    assert "Không tìm thấy tệp chiến dịch" in result.stderr
    assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


def test_unreadable_campaign_is_exit_1_without_traceback(tmp_path):
    (tmp_path / "campaign.xlsx").write_text("không phải sổ Excel", encoding="utf-8")

    result = run("generate", tmp_path, "--round", "cham-diem", "-o", tmp_path / "out")

    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert "Không mở được tệp chiến dịch" in result.stderr
    assert not (tmp_path / "out").exists()


def test_campaign_with_a_deleted_sheet_is_exit_1(tmp_path):
    from openpyxl import load_workbook

    camp = tmp_path / "camp"
    assert run("init", camp).exit_code == 0
    wb = load_workbook(camp / "campaign.xlsx")
    del wb["Căn cứ"]
    wb.save(camp / "campaign.xlsx")

    result = run("generate", camp, "--round", "dang-ky", "-o", tmp_path / "out")

    assert result.exit_code == 1, result.output
    assert "Thiếu sheet 'Căn cứ'" in result.stderr


# --- import rules ------------------------------------------------------------------------------------


def _modules_after_import(statement: str, depth: int = 1) -> set[str]:
    code = (f"import sys; {statement}; "
            f"print(' '.join(sorted('.'.join(m.split('.')[:{depth}]) for m in sys.modules)))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, timeout=60, text=True)
    assert done.returncode == 0, done.stderr
    return set(done.stdout.split())


def test_cli_import_stays_light():
    loaded = _modules_after_import("import thidua_xlsx.cli")

    assert not loaded & {"pandas", "openpyxl", "xlsxwriter", "python_calamine", "numpy"}
    ours = _modules_after_import("import thidua_xlsx.cli", depth=3)
    assert not {m for m in ours if m.startswith(("thidua_xlsx.read", "thidua_xlsx.decide", "thidua_xlsx.write"))}
    assert "thidua_xlsx.model.results" not in ours, "the exit codes come without the results (--help is instant)"


def test_the_service_loads_no_library_before_a_command_runs():
    """What every command, and the page, pays before any work: the service's import loads none of the libraries a
    command imports in the function that needs it (``# deferred: …``; docs/development.md, "Start-up")."""
    loaded = _modules_after_import("import thidua_xlsx.service")

    assert not loaded & {"pandas", "numpy", "openpyxl", "xlsxwriter", "python_calamine", "docx", "lxml", "pebble",
                         "psutil", "olefile", "defusedxml", "multiprocessing", "email", "ssl", "imaplib", "jinja2"}


def test_pure_modules_stay_pure_when_imported():
    loaded = _modules_after_import("import thidua_xlsx.decide.rules, thidua_xlsx.decide.consolidate, "
                                   "thidua_xlsx.check.selection")

    assert not loaded & {"openpyxl", "xlsxwriter", "click"}


def test_the_readme_names_each_option_under_a_command_that_has_it():
    """A secretary reads a step of the year and types its command: every option the step names belongs to
    one of the commands it shows (``--cong-khai`` once sat under ``generate``)."""
    import re
    from pathlib import Path

    from thidua_xlsx.cli import main

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    year = readme.split("## Một năm học", 1)[1].split("\n## ", 1)[0]
    steps = re.split(r"\n(?=\d+\. \*\*)", year)
    everywhere = {o for p in main.params for o in p.opts}  # --debug, --version: before any command
    options = {name: everywhere | {o for p in command.params for o in p.opts}
               for name, command in main.commands.items()}
    checked = 0
    for step in steps:
        commands = set(re.findall(r"thidua-xlsx (\w+)", step)) & set(options)
        if not commands:
            continue
        for option in set(re.findall(r"(?:thêm|với|dùng) `(--[a-z][a-z-]+)", step)):  # "add --x to it"
            assert any(option in options[c] for c in commands), (option, sorted(commands), step[:60])
            checked += 1
    assert checked >= 6


# --- init: the school year of today ---


@pytest.mark.parametrize("day, year", [("2026-07-31", "2025-2026"), ("2026-08-01", "2026-2027"),
                                       ("2027-01-15", "2026-2027"), ("2025-09-05", "2025-2026")])
def test_the_school_year_starts_on_the_first_of_august(day, year):
    import datetime as dt

    assert cm.school_year_of(dt.date.fromisoformat(day)) == year


def test_init_writes_the_school_year_of_today_and_moves_the_deadlines_with_it(tmp_path, monkeypatch):
    import datetime as dt

    from thidua_xlsx.commands import init
    from thidua_xlsx.steps.workspace import open_campaign

    monkeypatch.setattr(init, "vietnam_today", lambda: dt.date(2027, 8, 20))
    assert run("init", tmp_path / "c", "--level", "tieu-hoc").exit_code == 0
    folder, _ = open_campaign(tmp_path / "c" / "campaign.xlsx")
    school, preset = folder.campaign.school, load_preset("tieu-hoc").school
    assert preset.school_year == "2025-2026" and school.school_year == "2027-2028"
    # Scored by month (init's default): the year is due five days after the May books (05/06), not on the preset's day.
    assert (school.registration_deadline, school.scoring_deadline) == (
        "2027" + preset.registration_deadline[4:], "2028-06-10")
    assert cm.in_school_year(load_preset("tieu-hoc"), dt.date(2025, 9, 1)).school == preset  # its own year: as is


# --- what the secretary reads on screen ---------------------------------------------------------------


@pytest.fixture
def sample_school(tmp_path):
    """The shipped sample school (campaign, record of issued books, inbox) on a copy, a non-workbook saved into its
    inbox."""
    import shutil

    school = tmp_path / "truong"
    school.mkdir()
    for part in ("campaign.xlsx", "so-da-phat", "inbox"):
        copy = shutil.copytree if (ROOT / "samples" / part).is_dir() else shutil.copy2
        copy(ROOT / "samples" / part, school / part)
    (school / "inbox" / "ghi-chu.docx").write_bytes(b"not a workbook")
    return school


def test_merge_says_each_error_and_each_file_turned_away_as_status_does(sample_school, tmp_path):
    merged = run("merge", sample_school / "inbox", "-o", tmp_path / "tong-hop.xlsx")
    status = run("status", sample_school / "inbox")
    assert merged.exit_code == 0 and status.exit_code == 0, merged.output
    errors = [line for line in status.output.splitlines() if line.startswith("  Lỗi: ")]
    assert len(errors) == 3, status.output  # two scores in a returned book, one file turned away
    assert any("[ghi-chu.docx]" in line for line in errors)
    for line in errors:  # the same lines, word for word
        assert line in merged.output.splitlines(), line
    warnings = [line for line in status.output.splitlines() if line.startswith("  Cảnh báo: ")]
    assert warnings and warnings == [line for line in merged.output.splitlines() if line.startswith("  Cảnh báo: ")]
    counted = [line for line in status.output.splitlines() if line.startswith("Vấn đề: 3 lỗi,")]
    assert counted and counted[0] in merged.output.splitlines()  # one count
