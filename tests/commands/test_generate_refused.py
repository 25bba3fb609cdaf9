"""``generate`` into an outbox holding a book a department filled and sent back: refused before anything is written
(exit 2, as every command refuses an output already there without --force, README: Mã thoát), saying both ways on —
another folder (-o), or --force, which keeps the filled book and writes the new one beside it."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from thidua_xlsx.cli import main

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def test_a_filled_book_in_the_outbox_refuses_generate_without_force_and_is_kept_with_it(tmp_path):
    folder = tmp_path / "truong"
    shutil.copytree(SAMPLES, folder, ignore=shutil.ignore_patterns("ca-nam", "ho-so", "*.lock"))
    filled = next((folder / "inbox").glob("*To-khoi-1.xlsx"))
    sent = folder / "outbox" / "cham-diem" / filled.name
    shutil.copy(filled, sent)  # a department's returned book saved into the outbox by mistake
    before = {p.name: p.read_bytes() for p in sent.parent.iterdir()}

    refused = CliRunner().invoke(main, ["generate", str(folder), "--round", "cham-diem"])

    said = " ".join(refused.output.split())
    assert refused.exit_code == 2, said
    assert f"chứa sổ các tổ đã điền và gửi về (không giống sổ đã phát): {filled.name}" in said
    assert "bằng -o, hoặc thêm --force: sổ đã điền được giữ nguyên, sổ mới ghi bên cạnh" in said
    assert {p.name: p.read_bytes() for p in sent.parent.iterdir()} == before

    forced = CliRunner().invoke(main, ["generate", str(folder), "--round", "cham-diem", "--force"])

    assert forced.exit_code == 0, forced.output
    assert sent.read_bytes() == before[sent.name] and sent.with_name(f"{sent.stem} (moi).xlsx").is_file()
