"""Rebuild samples/cap-xa/: the commune of Trực Cường receiving its schools' final summaries and merging them into its
own summary and papers, as its officer does.

    python samples/build_commune.py          # after build_samples.py and build_year.py

Steps, as the commune's officer and the schools would do them:
1. ``init --level cap-xa`` in samples/cap-xa/ (fixed campaign id and key: khoa-bi-mat.txt), the school year set to
   the samples' (2025-2026) and the list of schools: Trường Tiểu học Trực Cường, Trường THCS Kim Sơn, Trường Tiểu
   học Thử Nghiệm and Trường Mầm non Trực Cường;
2. the schools send their final summaries (inbox/): Trực Cường its final one (samples/tong-hop-cuoi.xlsx, after the
   council) and the one before it, by mistake; Kim Sơn its 2025-2026 year (made as samples/ca-nam is, a year
   earlier, by build_year.build; never met its council); Thử
   Nghiệm a final summary made by the tool (a small school merged and passed by its council here), whose
   secretary then edited its proposal list by hand; Mầm non Trực Cường sends nothing;
3. ``merge inbox --docs ho-so`` → tong-hop-xa.xlsx, xa.json and the commune's papers.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent / "cap-xa"
SAMPLES = HERE.parent
sys.path.insert(0, str(SAMPLES.parent))

from openpyxl import load_workbook  # noqa: E402

from samples.build_samples import COMMUNE_ID, COMMUNE_KEY  # noqa: E402
from samples.build_year import build as build_year  # noqa: E402
from tests.decide.conftest import SAVED  # noqa: E402
from tests.filling import council_types  # noqa: E402
from tests.scoring_round import T1_SCORES, T2_SCORES, fill_department, scoring_round  # noqa: E402
from thidua_xlsx.commune.read_book import load_level_above_preset  # noqa: E402
from thidua_xlsx.commune.system_key import KEY_PREFIX  # noqa: E402
from thidua_xlsx.commune.write_book import write_level_above_book  # noqa: E402
from thidua_xlsx.model.commune import SchoolRef  # noqa: E402
from thidua_xlsx.model.places import COMMUNE_KEY_FILE  # noqa: E402
from thidua_xlsx.model.requests import MergeRequest  # noqa: E402
from thidua_xlsx.model.titles import CSTDCS  # noqa: E402
from thidua_xlsx.service import apply_council_file, command, merge_inbox  # noqa: E402
from thidua_xlsx.system.voice import Voice  # noqa: E402
from thidua_xlsx.text.commune import KEY_FILE_HEAD  # noqa: E402
from thidua_xlsx.write.summary import write_summary  # noqa: E402

CAMPAIGN_ID = COMMUNE_ID  # the schools' samples are sealed with the codes its key issues (build_samples.py)
SCHOOLS = (SchoolRef("TH-TC", "Trường Tiểu học Trực "
                              "Cường", "tieu-hoc"), SchoolRef("THCS-KS", "Trường THCS Kim "
                                                                                              "Sơn", "thcs"),
           SchoolRef("TH-TN", "Trường Tiểu học Thử Nghiệm", "tieu-hoc"),
           SchoolRef("MN-TC", "Trường Mầm non Trực Cường", "mam-non"))  # the last sends nothing
EDITED_NAME = ("Nguyễn Thị Lan", "Nguyễn Thị Lan Anh")  # Thử Nghiệm's list, retyped after its merge


def main() -> None:
    shutil.rmtree(HERE, ignore_errors=True)
    (HERE / "inbox").mkdir(parents=True)
    preset = load_level_above_preset()
    write_level_above_book(replace(preset, id=CAMPAIGN_ID, schools=SCHOOLS), HERE / "cap-tren.xlsx")
    (HERE / COMMUNE_KEY_FILE).write_text(KEY_FILE_HEAD + KEY_PREFIX + COMMUNE_KEY.secret.hex() + "\n", encoding="utf-8")
    shutil.copy(SAMPLES / "tong-hop-cuoi.xlsx", HERE / "inbox" / "TH-Truc-Cuong_tong-hop-cuoi.xlsx")
    shutil.copy(SAMPLES / "tong-hop.xlsx", HERE / "inbox" / "TH-Truc-Cuong_tong-hop.xlsx")
    with tempfile.TemporaryDirectory() as work:
        build_year(Path(work) / "ca-nam", shift=0, authority_code=_code("THCS-KS"))
        shutil.copy(Path(work) / "ca-nam" / "tong-hop_ca-nam.xlsx", HERE / "inbox" / "THCS-Kim-Son_ca-nam.xlsx")
    with tempfile.TemporaryDirectory() as work:
        _third_school(Path(work), HERE / "inbox" / "TH-Thu-Nghiem_tong-hop-cuoi.xlsx")
    report = command(MergeRequest(inbox=HERE / "inbox", output=HERE / "tong-hop-xa.xlsx", json_path=HERE / "xa.json",
                                  force=True, docs_dir=HERE / "ho-so"), Voice())
    assert report.exit_code == 0
    for record in HERE.glob("*.lock"):
        record.unlink()
    print(f"samples/cap-xa rebuilt: {len(list((HERE / 'inbox').iterdir()))} files in inbox/, "
          f"{len(list((HERE / 'ho-so').iterdir()))} papers")


def _code(school: str) -> str:
    """The code the sample commune issues ``school`` (a code of SCHOOLS) for the year."""
    return COMMUNE_KEY.school_code(school, "2025-2026")


def _third_school(work: Path, target: Path) -> None:
    """A small school's year (the tests' Trường Tiểu học Thử Nghiệm): merged, passed by its council with its
    ballot, written; then its proposal list edited by hand."""
    folder, (t1, t2) = scoring_round(work, rules={"ldtt_min_classification": "Tốt", "cstdcs_quota_percent": 50})
    inbox = folder.folder / "inbox"
    fill_department(t1, inbox / t1.name, T1_SCORES, SAVED)
    fill_department(t2, inbox / t2.name, T2_SCORES, SAVED)
    c = folder.campaign
    folder = replace(folder, campaign=replace(c, school=replace(c.school, authority_code=_code("TH-TN"))))
    summary = merge_inbox(inbox, folder)
    write_summary(summary, work / "tong-hop.xlsx")
    candidates = [p for p in summary.people if any(d.title == CSTDCS for d in p.decisions)]
    council_types(work / "tong-hop.xlsx", work / "hoi-dong.xlsx", {},
                  tally={"members": 9, "present": 9, "ballots_issued": 9, "ballots_returned": 9},
                  votes={(p.code, CSTDCS): 9 for p in candidates})
    final, problems = apply_council_file(summary, work / "hoi-dong.xlsx")
    assert final is not None, [p.render() for p in problems]
    write_summary(final, target)
    wb = load_workbook(target)
    ws = wb["Đề nghị khen thưởng"]
    cell = next(c for row in ws.iter_rows() for c in row if c.value == EDITED_NAME[0])
    cell.value = EDITED_NAME[1]
    wb.save(target)


if __name__ == "__main__":
    main()
