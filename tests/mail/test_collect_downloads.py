"""Collect from a folder of downloads: where Zalo PC saves what it receives, the browser's Downloads, a USB
stick — workbooks lying there as they are, filed each by the codes inside it, never twice, the folder left as it was;
the page offers the same for a folder she picks ("Nhận sổ từ thư mục")."""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.mail.builders import fresh_campaign, returned_books
from thidua_xlsx.cli import main


@pytest.fixture(scope="module")
def books(tmp_path_factory):
    return returned_books(tmp_path_factory.mktemp("books"))


def _digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _zalo(root: Path, books) -> Path:
    """Zalo PC's received-files folder: a book under its chat's name, a ZIP of another, a photo, Excel's lock file."""
    zalo = root / "Zalo Received Files"
    zalo.mkdir(parents=True)
    (zalo / "To khoi 1 (1).xlsx").write_bytes(books.t1)
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w") as archive:
        archive.writestr("van-phong.xlsx", books.t2)
    (zalo / "so-to-van-phong.zip").write_bytes(packed.getvalue())
    (zalo / "anh-chup.jpg").write_bytes(b"\xff\xd8\xff" + b"0" * 100)
    (zalo / "~$To khoi 1 (1).xlsx").write_bytes(b"\x0bthu.ky" + b"\x00" * 150)
    return zalo


def test_a_folder_of_downloads_is_filed_by_codes_never_twice_and_left_as_it_was(books, tmp_path):
    folder = fresh_campaign(books, tmp_path / "truong")
    zalo = _zalo(tmp_path, books)
    before = _digest(zalo)
    first = CliRunner().invoke(main, ["collect", str(zalo), str(folder)])
    assert first.exit_code == 0, first.output
    assert "Tệp To khoi 1 (1).xlsx (trong thư mục, không phải thư):" in first.output
    assert sorted(p.name for p in (folder / "inbox").iterdir()) == ["To khoi 1 (1).xlsx", "van-phong.xlsx"]
    assert "Cùng 2 tệp sổ nằm sẵn trong thư mục" in first.output  # the two books (the photo is no book)
    again = CliRunner().invoke(main, ["collect", str(zalo), str(folder)])
    assert again.exit_code == 0 and "0 sổ đã xếp" in again.output and "2 đã có sẵn" in again.output
    assert sorted(p.name for p in (folder / "inbox").iterdir()) == ["To khoi 1 (1).xlsx", "van-phong.xlsx"]
    assert _digest(zalo) == before  # read only


def test_the_page_files_a_folder_she_picks(books, tmp_path):
    from tests.ui.pages import TOKEN, client, text
    from thidua_xlsx.ui.security import form_token

    folder = fresh_campaign(books, tmp_path / "truong")
    zalo = _zalo(tmp_path, books)
    _app, found = client(folder)
    assert "Nhận sổ từ thư mục" in text(found.get("/"))
    picked = [(io.BytesIO(p.read_bytes()), f"Zalo Received Files/{p.name}") for p in sorted(zalo.iterdir())]
    answer = found.post("/nhan-thu-muc", data={"csrf": form_token(TOKEN), "files": picked},
                        content_type="multipart/form-data")
    assert answer.status_code == 200, text(answer)
    said = text(answer)
    assert "Đã xếp: inbox/To khoi 1 (1).xlsx" in said and "Đã xếp: inbox/van-phong.xlsx" in said
    assert "tệp khóa Excel" in said
    assert sorted(p.name for p in (folder / "inbox").iterdir()) == ["To khoi 1 (1).xlsx", "van-phong.xlsx"]


def test_a_file_too_big_to_be_a_book_is_said_and_left_alone(books, tmp_path):
    from thidua_xlsx.read.containment import MAX_FILE_BYTES

    folder = fresh_campaign(books, tmp_path / "truong")
    downloads = tmp_path / "Downloads"
    downloads.mkdir()
    with (downloads / "video.zip").open("wb") as big:  # sparse: judged by its size, never read
        big.truncate(4 * MAX_FILE_BYTES + 1)
    done = CliRunner().invoke(main, ["collect", str(downloads), str(folder)])
    assert "video.zip" in done.output and "không đọc" in done.output
    assert not list((folder / "inbox").iterdir())
