"""Messages of the commands themselves no other test provoked (where the campaign is, where generate may
write): each from the command line as the secretary types it, with the Vietnamese words it prints."""

from __future__ import annotations

import dataclasses

from click.testing import CliRunner

from thidua_xlsx.cli import EXIT_UNUSABLE, main
from thidua_xlsx.model import layout as ly
from thidua_xlsx.service import generate_round


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_an_inbox_between_two_campaign_folders_asks_which(tmp_path):
    for name in ("thidua-2025", "thidua-2026"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "campaign.xlsx").write_bytes(b"")
    inbox = tmp_path / "nhan-ve"
    inbox.mkdir()
    result = run("merge", inbox)
    assert result.exit_code == EXIT_UNUSABLE, result.output
    assert (f"Có nhiều chiến dịch cạnh thư mục '{inbox}': {tmp_path / 'thidua-2025'}, {tmp_path / 'thidua-2026'}. "
            "Hãy chọn một bằng --campaign THƯ_MỤC.") in result.stderr


def test_generate_from_in_the_registration_round_is_refused(small_folder, tmp_path):
    summary = tmp_path / "tong-hop-dang-ky.xlsx"
    summary.write_bytes(b"")
    result = run("generate", small_folder.folder, "--round", "dang-ky", "-o", tmp_path / "out", "--from", summary)
    assert result.exit_code == EXIT_UNUSABLE, result.output
    assert "--from chỉ dùng cho vòng cham-diem (điền sẵn danh hiệu đã đăng ký): hãy bỏ --from" in result.stderr
    assert not (tmp_path / "out").exists()


def test_generate_into_a_folder_it_cannot_make_says_so(small_folder, tmp_path):
    blocker = tmp_path / "la-tep"
    blocker.write_text("x")
    result = run("generate", small_folder.folder, "--round", "dang-ky", "-o", blocker / "outbox")
    assert result.exit_code == EXIT_UNUSABLE, result.output
    assert f"Không tạo được thư mục '{blocker / 'outbox'}' để ghi sổ (" in result.stderr
    assert "Hãy chọn thư mục khác bằng -o." in result.stderr


def test_generate_never_replaces_workbooks_issued_before_a_change_of_the_campaign(small_folder, tmp_path):
    """The roster changed since the workbooks went out: generating again into the same folder would
    replace them (perhaps already sent to the departments); nothing is written without --force."""
    outbox = tmp_path / "outbox"
    first = generate_round(small_folder, ly.REGISTRATION, outbox).paths
    before = {p.name: p.read_bytes() for p in first}
    campaign = small_folder.campaign
    renamed = dataclasses.replace(campaign, staff=tuple(
        dataclasses.replace(p, name="Nguyễn Thị Lan Anh") if p.code == "GV01" else p for p in campaign.staff))
    again = generate_round(dataclasses.replace(small_folder, campaign=renamed), ly.REGISTRATION, outbox)
    assert again.paths == ()
    problem, = [p for p in again.problems if p.code == "generate.would_overwrite"]
    assert problem.message.startswith(f"Thư mục {outbox} đã có sổ khác với sổ sắp tạo: {first[0].name}. Không ghi "
                                      "đè gì. Hãy chọn thư mục khác bằng -o, hoặc thêm --force")
    assert {p.name: p.read_bytes() for p in first} == before
