"""A school's summary brought to a commune's folder (its page's drop, an e-mail's attachment): filed into its inbox
when it is a sealed final summary of the commune's year, refused with the merge's reason when it is not."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.summary_meta import rewrite_meta
from thidua_xlsx.commands.collect import open_intake
from thidua_xlsx.commune.steps_intake import CommuneIntake
from thidua_xlsx.model.received import FILED, REFUSED

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def test_a_commune_files_a_schools_final_summary_and_refuses_a_schools_registration_summary(tmp_path):
    folder = tmp_path / "xa"
    shutil.copytree(SAMPLES / "cap-xa", folder, ignore=shutil.ignore_patterns("inbox"))
    intake = open_intake(folder)  # picked by the folder's kind: its cap-tren.xlsx

    assert isinstance(intake, CommuneIntake)
    [final] = intake.file("Truc Cuong.xlsx", (SAMPLES / "cap-xa" / "inbox" / "TH-Truc-Cuong_tong-hop-cuoi.xlsx")
                          .read_bytes())
    [registration] = intake.file("dang ky.xlsx", (SAMPLES / "tong-hop_dang-ky.xlsx").read_bytes())

    assert (final.outcome, final.path, final.unit) == (FILED, "inbox/Truc Cuong.xlsx", "Trường Tiểu học Trực Cường")
    assert registration.outcome == REFUSED and registration.problem.code == "level_above.not_final"


def test_a_commune_refuses_a_schools_summary_of_another_year(tmp_path):
    folder = tmp_path / "xa"
    shutil.copytree(SAMPLES / "cap-xa", folder, ignore=shutil.ignore_patterns("inbox"))
    last_year = rewrite_meta(SAMPLES / "cap-xa" / "inbox" / "TH-Truc-Cuong_tong-hop-cuoi.xlsx", tmp_path / "cu.xlsx",
                             lambda data: {**data, "school_year": "2024-2025"})

    [refused] = open_intake(folder).file("Truc Cuong.xlsx", last_year.read_bytes())

    assert refused.outcome == REFUSED and refused.problem.code == "intake.other_year_summary"
    assert "thuộc năm học 2024-2025, đợt này của xã là năm học 2025-2026" in refused.problem.render()
    assert not (folder / "inbox").exists()
