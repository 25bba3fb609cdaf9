"""One way through the house: each command run once through the CLI and once through the page, on two
copies of the same campaign, writes the same files in the same places with the same bytes (what differs by the clock
aside), and each door finds the run in the campaign's runs record with the files it wrote."""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from pathlib import Path

from click.testing import CliRunner

from tests.ui.pages import RETURNED, SAMPLES, TOKEN, client, school_campaign, wait_job
from thidua_xlsx.cli import main
from thidua_xlsx.model.places import RUNS_RECORD
from thidua_xlsx.ui.security import form_token

CSRF = form_token(TOKEN)
# Parts of a workbook or paper that carry the moment it was written (its creation time), nothing else.
CLOCK_PARTS = {"docProps/core.xml"}


def _cli(*args: str) -> None:
    done = CliRunner().invoke(main, [str(a) for a in args])
    assert done.exit_code == 0, done.output


def _page(folder: Path, address: str, **form) -> dict:
    _app, found = client(folder)
    answer = found.post(address, data={"csrf": CSRF, **form})
    assert answer.status_code == 303, answer.data.decode()
    state = wait_job(found, answer.headers["Location"])
    assert state["state"] == "done", state
    return state


def _last_run(folder: Path) -> dict:
    return json.loads((folder / RUNS_RECORD).read_text(encoding="utf-8"))["runs"][-1]


def _content(path: Path) -> dict[str, bytes]:
    """A file's bytes, or a workbook's and a paper's parts but the clock's."""
    data = path.read_bytes()
    if path.suffix.lower() not in (".xlsx", ".docx"):
        return {"": data}
    with zipfile.ZipFile(io.BytesIO(data)) as zipped:
        return {name: zipped.read(name) for name in zipped.namelist() if name not in CLOCK_PARTS}


def _same_run(by_cli: Path, by_page: Path, command: str) -> list[str]:
    """The files the last run of each copy wrote: the same names, kinds and content. Returns the names."""
    cli_run, page_run = _last_run(by_cli), _last_run(by_page)
    assert (cli_run["command"], cli_run["door"]) == (command, "cli")
    assert (page_run["command"], page_run["door"]) == (command, "trang")
    written = [(f["path"], f["kind"]) for f in cli_run["files"]]
    assert written == [(f["path"], f["kind"]) for f in page_run["files"]]
    assert written, "the run wrote nothing"
    for name, _kind in written:
        assert _content(by_cli / name) == _content(by_page / name), name
    return [name for name, _kind in written]


def _two(tmp_path: Path, make) -> tuple[Path, Path]:
    return make(tmp_path / "cli"), make(tmp_path / "page")


def _school_with_books(into: Path) -> Path:
    folder, returned = school_campaign(into)
    for name in RETURNED:
        shutil.copy2(returned / name, folder / "inbox" / name)
    return folder


def _period_school(into: Path) -> Path:
    """The sample of a year by periods, without the year's summary and the tool's records of its own runs."""
    shipped = SAMPLES / "ca-nam"
    left_out = {shipped / name for name in ("ca-nam.json", "tong-hop_ca-nam.xlsx", "da-ghi.json", RUNS_RECORD)}
    shutil.copytree(shipped, into / "nam", ignore=lambda where, names: [
        n for n in names if Path(where) / n in left_out or n.startswith("Mo-trang-thi-dua.")])
    return into / "nam"


def test_generate_writes_the_same_books_from_either_door(tmp_path):
    by_cli, by_page = _two(tmp_path, _school_with_books)
    _cli("generate", by_cli, "--round", "cham-diem", "--force")
    _page(by_page, "/vong/cham-diem/sinh", chac="1")  # books issued already: the page asks first
    names = _same_run(by_cli, by_page, "generate")
    assert all(n.startswith("outbox/cham-diem/") for n in names) and len(names) == 5


def test_a_round_s_merge_then_the_history_write_the_same_files_from_either_door(tmp_path):
    """The merge before the council, the council's pass with its summary (uploaded on the page; kept where the page
    keeps it for the CLI) and the papers, then the history book from the final summary."""
    by_cli, by_page = _two(tmp_path, _school_with_books)
    _cli("merge", by_cli / "inbox", "--round", "cham-diem", "--force")
    _page(by_page, "/vong/cham-diem/tong-hop")
    assert _same_run(by_cli, by_page, "merge") == ["tong-hop_cham-diem.xlsx"]
    council = SAMPLES / "hoi-dong.xlsx"
    (by_cli / "hoi-dong").mkdir()
    shutil.copy2(council, by_cli / "hoi-dong" / "hoi-dong.xlsx")
    _cli("merge", by_cli / "inbox", "--round", "cham-diem", "--force", "--council",
         by_cli / "hoi-dong" / "hoi-dong.xlsx")
    _page(by_page, "/vong/cham-diem/tong-hop", council=(io.BytesIO(council.read_bytes()), "hoi-dong.xlsx"))
    assert _same_run(by_cli, by_page, "merge") == ["tong-hop_cham-diem.xlsx"]
    _cli("history", by_cli / "tong-hop_cham-diem.xlsx")
    _page(by_page, "/lich-su")
    assert _same_run(by_cli, by_page, "history") == ["lich-su.xlsx"]


def test_a_period_s_merge_goes_where_the_year_reads_it_from_either_door(tmp_path):
    """The CLI's default and the page agree: a period's summary goes to ky/, where ``year`` reads them."""
    by_cli, by_page = _two(tmp_path, _period_school)
    (by_cli / "ky" / "tong-hop_thang-9.xlsx").unlink()
    (by_page / "ky" / "tong-hop_thang-9.xlsx").unlink()
    _cli("merge", by_cli / "inbox" / "thang-9", "--round", "cham-diem", "--period", "thang-9", "--force")
    _page(by_page, "/vong/thang-9/tong-hop")
    assert _same_run(by_cli, by_page, "merge") == ["ky/tong-hop_thang-9.xlsx"]


def test_the_year_writes_the_same_summary_from_either_door(tmp_path):
    by_cli, by_page = _two(tmp_path, _period_school)
    _cli("year", by_cli / "ky", "--force")
    _page(by_page, "/vong/ca-nam/tong-hop")
    assert _same_run(by_cli, by_page, "year") == ["tong-hop_ca-nam.xlsx"]


def test_the_commune_s_merge_writes_the_same_files_from_either_door(tmp_path):
    def commune(into: Path) -> Path:
        shutil.copytree(SAMPLES / "cap-xa", into / "xa", ignore=shutil.ignore_patterns("ho-so", "tong-hop-xa.xlsx",
                                                                                      "*.json"))
        return into / "xa"

    by_cli, by_page = _two(tmp_path, commune)
    _cli("merge", by_cli / "inbox", "--force", "--campaign", by_cli / "cap-tren.xlsx")
    _page(by_page, "/xa/tong-hop")
    assert _same_run(by_cli, by_page, "merge") == ["tong-hop-cac-truong.xlsx"]


def test_collect_from_a_folder_files_the_same_books_from_either_door(tmp_path):
    from tests.mail.builders import returned_mail

    def with_mail(into: Path) -> Path:
        folder, returned = school_campaign(into)
        (folder / "thu").mkdir()
        for k, name in enumerate(RETURNED):
            (folder / "thu" / f"{k}.eml").write_bytes(returned_mail("to.truong@example.edu.vn", [
                (name, (returned / name).read_bytes())], message_id=f"<{k}@truong>"))
        return folder

    by_cli, by_page = _two(tmp_path, with_mail)
    _cli("collect", by_cli / "thu", by_cli)
    _page(by_page, "/thu", thu_muc="thu")
    assert all(n.startswith("inbox/") for n in _same_run(by_cli, by_page, "collect"))


def test_next_year_is_made_alike_from_either_door(tmp_path):
    """``init --tu`` and the page's "Năm học mới" write the same files (the new campaign's own code aside)."""
    by_cli, by_page = _two(tmp_path, _school_with_books)
    _cli("init", by_cli.parent / "moi", "--tu", by_cli)
    _page(by_page, "/nam-moi", ten="moi")
    cli_run, page_run = _last_run(by_cli.parent / "moi"), _last_run(by_page.parent / "moi")
    assert [f["path"] for f in cli_run["files"]] == [f["path"] for f in page_run["files"]] == \
        ["campaign.xlsx", "Mo-trang-thi-dua.bat", "Mo-trang-thi-dua.command", "Mo-trang-thi-dua.sh"]
    assert (cli_run["door"], page_run["door"]) == ("cli", "trang")
