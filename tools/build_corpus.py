"""Rebuild tests/corpus/: files written by earlier releases' own code, which this release must read as they were.

    python tools/build_corpus.py            # from the repository's root, its git history at hand (a few minutes)
    python tools/build_corpus.py 0.8.0      # only the files of the releases named, the others kept

For each earlier release (:data:`RELEASES`: its retroactive number and its commit, CHANGELOG.md), the commit is checked
out in a temporary git worktree and its own sample builders run there with its own code (``samples/build_samples.py``,
``build_year.py``, ``build_commune.py``: a school year from init to the council, a year by months, the commune), with
this checkout's virtual environment (the dependencies have not changed between them). Then a few of the files it
wrote are kept, small (:data:`KEPT`): a school's sealed year summary and the commune's book that issued its code, the
history book, a campaign book; where a release did something an update must carry, that too, made by its own
command line — the period summary it wrote at the campaign folder's root (0.4.0), the head's pass it kept only inside
the period summary (0.5.0) or, as its README said, in a final summary of its own (ky/cuoi_<kỳ>.xlsx: 0.3.0, 0.5.0), the
commune whole with the officer's pass made by its own command line (0.7.0, 0.8.0, 0.9.0), a year by months as it
stood after a month (0.2.0: its campaign book, its records of the books issued, the books sent back, its own summary).
tests/corpus/corpus.json records, for each file, its release, commit and SHA-256.

The worktrees are removed at the end; nothing else in the repository is touched.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus"
# (release, commit, what it is): the points of the history whose files travel (CHANGELOG.md names them).
RELEASES = (
    ("0.1.0", "3ea4cd4^", "before the seal (summary schema 6)"),
    ("0.2.0", "3ea4cd4", "the school's seal (schema 7, layout 7a: no digest)"),
    ("0.3.0", "5b97c02", "the summary's digest (layout 7b)"),
    ("0.4.0", "89e3767^", "the last that wrote a period's summary at the campaign folder's root"),
    ("0.5.0", "fa75633^", "the last that kept the head's pass only inside the period's summary"),
    # fa75633 itself does not import (its text/messages/year.py came a commit later): the next commit is its release
    ("0.6.0", "69e93b2", "applied and draft (layout 7c); passes kept in hoi-dong/"),
    ("0.7.0", "96000d6", "the last before the release numbers (layout 7c)"),
    ("0.8.0", "a28d450", "the commune's key; the officer's book before its lines' identities"),
    ("0.9.0", "95c7119", "the minor number (0); the officer's book names its purpose; passes in the runs record"),
)
# What each release's files are kept as: (file in its samples/, name in the corpus).
KEPT = (
    ("cap-xa/inbox/THCS-Kim-Son_ca-nam.xlsx", "truong_ca-nam.xlsx"),  # a school's year summary, sealed from 0.2.0
    ("cap-xa/cap-tren.xlsx", "cap-tren.xlsx"),  # the commune's book that issued its code
)
KEPT_ONCE = {  # files whose layout an update continues, kept from one release each
    "0.1.0": (("lich-su.xlsx", "lich-su.xlsx"),),
    "0.5.0": (("ca-nam/campaign.xlsx", "ca-nam/campaign.xlsx"), ("lich-su.xlsx", "lich-su.xlsx"),
              ("tong-hop-cuoi.xlsx", "tong-hop-cuoi.xlsx")),  # the council's pass inside the school's final summary
}
# The releases whose campaign folder is kept as an update finds it in the middle of a month (:func:`_a_month`).
MONTHS = {"0.2.0": "thang-10"}
# The releases whose commune is kept whole, with the officer's pass (:func:`_officer_pass`): the commune an update
# continues mid-year, her decisions in it.
COMMUNES = ("0.7.0", "0.8.0", "0.9.0")
OFFICER_REMOVAL = ("TH-TC", "LDTT", "Đang xem xét kỷ luật")  # the school, the title of the line she takes off, why
# The releases whose README kept the head's pass as its own file (``-o ky/cuoi_<kỳ>.xlsx``, 0.2–0.5), made so by their
# own command line (:func:`_readme_head_pass`): the year an update continues, the pass under that name.
README_PASSES = ("0.3.0", "0.5.0")
SCHOOL = "THCS-KS"  # the school of truong_ca-nam.xlsx in the commune's list
# The sample builders run as a computer without LibreOffice runs them (the Word papers, no PDF): every release asks
# thidua_xlsx.system.office.find_soffice.
NO_OFFICE = ("import runpy, sys; from thidua_xlsx.system import office; office.find_soffice = lambda *a, **k: None; "
             "sys.argv = sys.argv[1:]; runpy.run_path(sys.argv[0], run_name='__main__')")
HEAD_SCORE = ("GV001", 71.0, "Hiệu trưởng chấm lại")  # the head's changed score in the 0.5.0 pass


def main(only: tuple[str, ...] = ()) -> None:
    """Every release's files made again, or only those of the releases ``only`` names (the others kept as they are)."""
    python = sys.executable
    record: dict[str, dict] = {}
    if only:
        record = {name: entry for name, entry in json.loads((CORPUS / "corpus.json").read_text("utf-8")).items()
                  if entry["release"] not in only}
        for release in only:
            shutil.rmtree(CORPUS / release, ignore_errors=True)
    else:
        shutil.rmtree(CORPUS, ignore_errors=True)
    CORPUS.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="thidua-corpus-") as temp:
        for release, commit, what in (r for r in RELEASES if not only or r[0] in only):
            sha = _git("rev-parse", "--short", commit)
            tree = Path(temp) / release
            _git("worktree", "add", "--detach", str(tree), sha)
            try:
                for builder in ("build_samples.py", "build_year.py", "build_commune.py"):
                    _run(tree, python, "-c", NO_OFFICE, f"samples/{builder}")
                samples = tree / "samples"
                kept = [*KEPT, *KEPT_ONCE.get(release, ())]
                if release == "0.4.0":
                    kept.append(_root_period(tree, python))
                if release == "0.5.0":
                    kept.append(_head_pass(tree, python))
                if release in COMMUNES:
                    kept += _officer_pass(tree, python)
                if release in README_PASSES:
                    kept += _readme_head_pass(tree, python)
                if release in MONTHS:
                    kept += _a_month(samples, MONTHS[release])
                read = _commune_read(samples / "cap-xa" / "xa.json")
                for source, name in kept:
                    target = CORPUS / release / name
                    target.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(samples / source, target)
                    record[f"{release}/{name}"] = {"release": release, "commit": sha, "what": what,
                                                   "sha256": hashlib.sha256(target.read_bytes()).hexdigest(),
                                                   **(read if name == KEPT[0][1] else {})}
            finally:
                _git("worktree", "remove", "--force", str(tree))
    (CORPUS / "corpus.json").write_text(json.dumps(record, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                                        encoding="utf-8")
    print(f"tests/corpus rebuilt: {len(record)} files of {len(RELEASES)} releases")


def _commune_read(report: Path) -> dict:
    """What that release's own commune read of the school's summary (its JSON report): its origin and each proposal
    (who, title), which this release must read the same."""
    data = json.loads(report.read_text(encoding="utf-8"))
    school = next(s for s in data["schools"] if s["code"] == SCHOOL)
    proposals = sorted([p["who"], p["title"]] for p in data["proposals"] if p["school"] == SCHOOL)
    return {"origin": school.get("origin", ""), "proposals": proposals}


def _root_period(tree: Path, python: str) -> tuple[str, str]:
    """September merged again by that release's own command line with no -o: its summary where it put it."""
    folder = tree / "samples" / "ca-nam"
    (folder / "ky").rename(folder / "ky-da-co")  # its own year's copies aside: what its default place is, is its own
    _run(tree, python, "-m", "thidua_xlsx", "merge", str(folder / "inbox" / "thang-9"), "--period", "thang-9")
    return "ca-nam/tong-hop_thang-9.xlsx", "ca-nam/tong-hop_thang-9.xlsx"


def _head_pass(tree: Path, python: str) -> tuple[str, str]:
    """The head types a score into September's summary and that release's merge applies it (``--council``): the pass
    kept only inside the period's summary it writes."""
    folder = tree / "samples" / "ca-nam"
    head = folder / "hieu-truong-thang-9.xlsx"
    code, score, note = HEAD_SCORE
    _run(tree, python, "-c", "import sys; from pathlib import Path; from tests.head_pass import head_scores; "
         f"head_scores(Path(sys.argv[1]), Path(sys.argv[2]), {{{code!r}: ({score!r}, {note!r})}})",
         str(folder / "ky" / "tong-hop_thang-9.xlsx"), str(head))
    _run(tree, python, "-m", "thidua_xlsx", "merge", str(folder / "inbox" / "thang-9"), "--period", "thang-9",
         "--council", str(head), "-o", str(folder / "ky" / "tong-hop_thang-9.xlsx"), "--force")
    return "ca-nam/ky/tong-hop_thang-9.xlsx", "ca-nam/ky/tong-hop_thang-9.xlsx"


def _readme_head_pass(tree: Path, python: str) -> list[tuple[str, str]]:
    """The head's pass on September as that release's README said (``merge inbox/thang-9 --period thang-9 --council
    ky/tong-hop_thang-9.xlsx -o ky/cuoi_thang-9.xlsx``: the summary she typed into passed, the pass kept only inside
    the final summary it writes beside): the year's book, the summary before the pass, the one after, as
    ``ca-nam-readme/``."""
    folder = tree / "samples" / "ca-nam"
    summary = folder / "ky" / "tong-hop_thang-9.xlsx"
    if not summary.is_file():  # its builder wrote September at the root (before ky/): the README's command puts it in
        summary.parent.mkdir(exist_ok=True)
        _run(tree, python, "-m", "thidua_xlsx", "merge", str(folder / "inbox" / "thang-9"), "--period", "thang-9",
             "-o", str(summary), "--force")
    head = folder / "hieu-truong-thang-9.xlsx"
    code, score, note = HEAD_SCORE
    _run(tree, python, "-c", "import sys; from pathlib import Path; from tests.head_pass import head_scores; "
         f"head_scores(Path(sys.argv[1]), Path(sys.argv[2]), {{{code!r}: ({score!r}, {note!r})}})",
         str(summary), str(head))
    _run(tree, python, "-m", "thidua_xlsx", "merge", str(folder / "inbox" / "thang-9"), "--period", "thang-9",
         "--council", str(head), "-o", str(folder / "ky" / "cuoi_thang-9.xlsx"))
    return [(f"ca-nam/{name}", f"ca-nam-readme/{name}")
            for name in ("campaign.xlsx", "ky/tong-hop_thang-9.xlsx", "ky/cuoi_thang-9.xlsx")]


def _a_month(samples: Path, period: str) -> list[tuple[str, str]]:
    """The year by months as that release left it after ``period``, as ``ca-nam-<period>/``: its campaign book, the
    records of the books it issued for the month (``so-da-phat/``), the books the departments sent back, and the
    month's summary its own merge wrote — what an update continues, and what this release must read the same."""
    folder = samples / "ca-nam"
    records = [p.name for p in sorted((folder / "so-da-phat").glob("*.json"))
               if f"_{period}_" in json.loads(p.read_text(encoding="utf-8"))["file_name"]]
    kept = ["campaign.xlsx", f"ky/tong-hop_{period}.xlsx", *(f"so-da-phat/{name}" for name in records),
            *(f"inbox/{period}/{p.name}" for p in sorted((folder / "inbox" / period).glob("*.xlsx")))]
    return [(f"ca-nam/{name}", f"ca-nam-{period}/{name}") for name in kept]


def _officer_pass(tree: Path, python: str) -> list[tuple[str, str]]:
    """The officer takes a line off that release's commune summary (Trực Cường's first LĐTT: its "Đồng ý" cleared, a
    reason typed, as in Excel) and passes it with that release's own command line, as its README said (``merge inbox
    --council tong-hop-xa.xlsx -o tong-hop-xa-duyet.xlsx``): the commune kept whole — its book, its key when it has
    one, the schools' files, her passed list."""
    folder = tree / "samples" / "cap-xa"
    school, title, why = OFFICER_REMOVAL
    _run(tree, python, "-c", "import sys; from openpyxl import load_workbook; "
         "from thidua_xlsx.model import layout as ly; "
         "from thidua_xlsx.write.level_above import OFFICER_COLUMNS; wb = load_workbook(sys.argv[1]); "
         "meta = ly.meta_json([c.value for c in wb[ly.META_SHEET]['A']], 10**8); "
         "row = next(r[0] for r in meta['rows'] if r[1] == sys.argv[2] and r[4] == sys.argv[3]); "
         "ws = wb[meta['sheet']]; ws.cell(row + 1, OFFICER_COLUMNS[0] + 1).value = None; "
         "ws.cell(row + 1, OFFICER_COLUMNS[1] + 1).value = sys.argv[4]; wb.save(sys.argv[1])",
         str(folder / "tong-hop-xa.xlsx"), school, title, why)
    _run(tree, python, "-m", "thidua_xlsx", "merge", str(folder / "inbox"), "--council",
         str(folder / "tong-hop-xa.xlsx"), "-o", str(folder / "tong-hop-xa-duyet.xlsx"))
    inbox = sorted((folder / "inbox").iterdir())
    kept = ["cap-tren.xlsx", "tong-hop-xa-duyet.xlsx", *(f"inbox/{p.name}" for p in inbox),
            *(["khoa-bi-mat.txt"] if (folder / "khoa-bi-mat.txt").is_file() else [])]
    return [(f"cap-xa/{name}", f"xa/{name}") for name in kept]


def _git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, check=True, capture_output=True, text=True).stdout.strip()


def _run(tree: Path, python: str, *args: str) -> None:
    """``python args`` in the release's worktree, with its own code first on the path."""
    env = {**__import__("os").environ, "PYTHONPATH": str(tree)}
    done = subprocess.run([python, *args], cwd=tree, env=env, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"{tree.name}: {' '.join(args[:4])} failed\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}")


if __name__ == "__main__":
    main(tuple(sys.argv[1:]))
