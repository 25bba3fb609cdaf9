"""District and province scale: is the merge fast, lean and flat from 100 to 10,000 files? By hand:

    python benchmarks/bench_scale.py                      # 100, 1,000 and 10,000 department workbooks
    python benchmarks/bench_scale.py --sizes 100 1000     # skip the 10,000 case
    python benchmarks/bench_scale.py --kind versions      # 100 departments sending 1, 10 or 100 versions each
    python benchmarks/bench_scale.py --sizes 100 1000 --baseline ../before   # against another commit's checkout

**The inboxes** are built through the product and cached under ``benchmarks/cache/`` (gitignored;
``--rebuild`` builds again): for N departments, a campaign of N departments (the tiểu học preset's
departments and roster cloned, ~8.4 people each) is written by ``init``, its scoring round
``generate``d (timed: the generate figure), and every issued workbook is filled the way a
department does it — a score typed into each "Tự chấm" and "Tổ chấm" input cell of every form and a
collective title on the department sheet, the cells taken from the workbook's own layout record
(as ``tests/filling.py`` does), with the workbook's save time set — and saved into the campaign's
``inbox/``. Each file keeps the identity ``generate`` recorded for it. Filling edits the sheets'
XML directly (as the spreadsheet program writes a typed number: ``<c r="D13" s="15"><v>8</v></c>``)
and runs on every core: openpyxl would take ~0.4 s a file. Values are a deterministic function of
the submission id, the person and the criterion. ``--kind versions``: the same for a campaign of 100
departments whatever N, each department's workbook sent N / 100 times (saved a day apart, each
version correcting one more score): the files grow, the people do not. Other kinds of inbox (the
school summaries a commune merges) are added to ``KINDS``.

**One run** then alternates, ``--repeat`` times, for each size:
  * the naive loop: ``pandas.read_excel(path, sheet_name=None, engine="openpyxl")`` over the files
    (at most ``--naive-files`` of them, evenly spread, scaled up to all the files — said when so);
  * ``thidua-xlsx merge INBOX -o … --json …`` end to end, as a subprocess (interpreter start, campaign,
    reading on every core, checks, ranking, the summary workbook and the JSON report), every file
    having been read once just before (so that the merge and the floor both find them in the page
    cache, as the naive loop's sample does);
  * the inflate floor: every XML part of every file inflated with ``zipfile``, one core.
It prints medians: the naive loop, the merge, their ratio, files per second, the merge's reading
phase (timed inside the same subprocess) against the floor, and the peak memory of the merge process
(and of its largest reading worker). With ``--baseline``, also the CPU time of each checkout's merge process (the
work on one core: the campaign, checks, ranking, the summary, the JSON) and of its reading workers, steadier than
wall time on shared cores.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import hashlib
import html
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = Path(__file__).resolve().parent / "cache"
BUILD_VERSION = 1  # bump when what is built changes: cached inboxes of another version are rebuilt
# a kind's own, when only its build changed (3: sealed, its own people; 4: the commune's key, khoa-bi-mat.txt, and
# the schools sealed with the codes it issues)
KIND_VERSIONS = {"schools": 4}
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_campaign_size import PEAK, generate_campaign  # noqa: E402

from thidua_xlsx.model import campaign as cm  # noqa: E402
from thidua_xlsx.model import layout as ly  # noqa: E402

SAVED = dt.datetime(2026, 5, 12, 8, 0)  # the departments' save times are spread over the following hours


# --- building an inbox ---------------------------------------------------------------------------

def build_departments(n: int, target: Path) -> dict:
    """``target/campaign`` (campaign.xlsx, so-da-phat/, outbox/cham-diem/) and its filled ``inbox/``."""
    return _build(n, 1, target) | {"kind": "departments"}


VERSIONS_OF = 100  # departments of the "versions" campaign, whatever the size


def build_versions(n: int, target: Path) -> dict:
    """A campaign of :data:`VERSIONS_OF` departments, each sending ``n / VERSIONS_OF`` versions of its
    workbook (saved a day apart, each changing one score of the one before): the files grow, the
    people do not — what the merge keeps per file, alone."""
    return _build(VERSIONS_OF, max(1, n // VERSIONS_OF), target) | {"kind": "versions"}


def _build(departments: int, versions: int, target: Path) -> dict:
    folder = target / "campaign"
    start = time.perf_counter()
    campaign, generated, generate_s = generate_campaign(departments, folder, folder / "outbox" / ly.SCORING)
    init_s = time.perf_counter() - start - generate_s
    assert len(generated.paths) == departments and not generated.problems.errors, generated.problems
    start = time.perf_counter()
    inbox = folder / "inbox"
    inbox.mkdir(exist_ok=True)
    jobs = [(str(path), str(inbox / (path.name if versions == 1 else f"{path.stem}-lan-{v + 1:03d}{path.suffix}")),
             k, v) for k, path in enumerate(generated.paths) for v in range(versions)]
    with ProcessPoolExecutor(os.cpu_count() or 1, initializer=_fill_init, initargs=(campaign.rubrics,)) as pool:
        cells = sum(pool.map(_fill_one, jobs, chunksize=8))
    fill_s = time.perf_counter() - start
    return {"n": len(jobs), "departments": departments, "versions": versions, "people": len(campaign.staff),
            "files": len(jobs), "cells_typed": cells, "init_s": init_s, "generate_s": generate_s, "fill_s": fill_s}


def build_schools(n: int, target: Path) -> dict:
    """``target/campaign``: a level above's campaign (``cap-tren.xlsx``) of N schools, and in its ``inbox/`` each
    school's final summary — the sample school's (samples/: 44 people, merged and passed by its council), written
    once per school under the school's own name, as each school's merge writes it."""
    from thidua_xlsx.commune.read_book import load_level_above_preset
    from thidua_xlsx.commune.system_key import commune_key
    from thidua_xlsx.commune.write_book import write_level_above_book
    from thidua_xlsx.model.commune import SchoolRef

    folder = target / "campaign"
    (folder / "inbox").mkdir(parents=True)
    schools = tuple(SchoolRef(f"S{k:05d}", f"{SCHOOL_NAME} {k + 1}", "tieu-hoc") for k in range(n))
    preset = load_level_above_preset()
    write_level_above_book(dataclasses.replace(preset, id=f"bench-schools-{n}", school_year="2025-2026",
                                               schools=schools), folder / "cap-tren.xlsx")
    key, _made = commune_key(folder)  # the commune's own, as init makes it: each school sealed with its code
    start = time.perf_counter()
    jobs = [(k, str(folder / "inbox" / f"truong-{k + 1:05d}.xlsx"), key.secret.hex()) for k in range(n)]
    with ProcessPoolExecutor(os.cpu_count() or 1, initializer=_school_init) as pool:
        people = sum(pool.map(_write_school, jobs, chunksize=8))
    fill_s = time.perf_counter() - start
    return {"kind": "schools", "n": n, "departments": n, "people": people, "files": n, "cells_typed": 0,
            "init_s": 0.0, "generate_s": 0.0, "fill_s": fill_s}


SCHOOL_NAME = "Trường Tiểu học Số"
_SCHOOL: list = []  # the sample school's final Summary, made once per worker


def _school_init() -> None:
    from thidua_xlsx.service import apply_council_file, merge_inbox
    from thidua_xlsx.steps.workspace import open_campaign

    samples = ROOT / "samples"
    folder, _ = open_campaign(samples / "campaign.xlsx")
    final, _ = apply_council_file(merge_inbox(samples / "inbox", folder), samples / "hoi-dong.xlsx")
    _SCHOOL.append(final)


def _write_school(job) -> int:
    from thidua_xlsx.model.commune_key import CommuneKey
    from thidua_xlsx.write.summary import write_summary

    k, path, secret = job
    final = _SCHOOL[0]
    campaign = final.campaign
    # sealed with the code the commune issued this school (from its key), as a school's final summary is
    code = CommuneKey(bytes.fromhex(secret)).school_code(f"S{k:05d}", "2025-2026")
    # each school's own people: the sample's names, born on a day of this school's (a person proposed by two
    # schools — same name, birth date and title — is held apart by the commune, and is not what a province sends)
    born = f"{1950 + k % 40}-{1 + k // 40 % 12:02d}-{1 + k // 480 % 28:02d}"
    staff = tuple(dataclasses.replace(p, dob=born) if p.dob else p for p in campaign.staff)
    named = dataclasses.replace(campaign, staff=staff, school=dataclasses.replace(
        campaign.school, name=f"{SCHOOL_NAME} {k + 1}", authority_code=code))
    write_summary(dataclasses.replace(final, campaign=named), Path(path))
    return len(final.people)


KINDS = {"departments": build_departments, "versions": build_versions, "schools": build_schools}


def cached_inbox(kind: str, n: int, rebuild: bool) -> tuple[Path, dict]:
    """The cached build of ``kind`` at size ``n`` (built now if missing, stale or ``rebuild``)."""
    target = CACHE / f"{kind}-{n}"
    marker = target / "BUILT.json"
    if not rebuild and marker.is_file():
        built = json.loads(marker.read_text(encoding="utf-8"))
        if built.get("version") == KIND_VERSIONS.get(kind, BUILD_VERSION):
            _records_as_written_now(target / "campaign")
            return target, built
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    print(f"building {kind} × {n} in {target} …", flush=True)
    built = {"version": KIND_VERSIONS.get(kind, BUILD_VERSION), **KINDS[kind](n, target)}
    marker.write_text(json.dumps(built, indent=1), encoding="utf-8")
    print(f"  built: generate {built['generate_s']:.1f} s, fill {built['fill_s']:.1f} s", flush=True)
    return target, built


def _records_as_written_now(folder: Path) -> None:
    """Records of a cache built before the locked content was kept apart (``so-da-phat/o-khoa/``),
    written again as ``generate`` writes them now: the merge reads what a new campaign would have."""
    from thidua_xlsx.model.issued import LOCKED_FOLDER, fingerprint
    from thidua_xlsx.read.registry import IssuedRegistry

    registry = IssuedRegistry(folder)
    if (registry.folder / LOCKED_FOLDER).is_dir():
        return
    print(f"  writing the records of {folder} as generate writes them now …", flush=True)
    for record in registry.all():
        registry.record(dataclasses.replace(record, fingerprint=fingerprint(record.locked)))


_RUBRICS: dict[str, cm.Rubric] = {}


def _fill_init(rubrics) -> None:
    _RUBRICS.update({r.role: r for r in rubrics})


def _fill_one(job: tuple[str, str, int, int]) -> int:
    """Type scores into one issued workbook (see the module): returns how many cells were typed.
    Version ``v`` > 0 of a department's workbook differs from the one before in one score."""
    from tests.filling import layout as read_layout

    src, dst, k, version = Path(job[0]), Path(job[1]), job[2], job[3]
    found = read_layout(src)
    typed: dict[str, object] = {}  # "sheet name\tcell" → value
    for rec in found.of_kind(ly.ScoringSheet):
        if rec.spare:
            continue
        rubric = _RUBRICS.get(rec.role) or next(iter(_RUBRICS.values()))
        maxima = {item.code: (group.kind, item.max) for group, item in rubric.items}
        for code, row in rec.items:
            kind, high = maxima[code]
            own = _score(f"{found.submission_id}|{rec.person_code}|{code}", kind, high)
            dept = own if _unit(f"{rec.person_code}|{code}|tổ") < 0.7 else max(0.0, own - 0.5)
            typed[f"{rec.name}\t{rec.self_column}{row}"] = own
            typed[f"{rec.name}\t{rec.dept_column}{row}"] = dept
    cells = sorted(typed)
    for v in range(1, version + 1):  # the v-th version's correction, kept by the later ones
        key = cells[v * 7 % len(cells)]
        typed[key] = max(0.0, typed[key] - 0.5) if typed[key] else 0.5
    dept_rec = found.of_kind(ly.DepartmentSheet)[0]
    if k % 2 == 0:
        typed[f"{dept_rec.name}\t{dept_rec.collective_cell}"] = "Tập thể lao động tiên tiến"
    write_typed(src, dst, typed, SAVED + dt.timedelta(minutes=k % 600, days=version))
    return len(typed)


def _unit(key: str) -> float:
    return int.from_bytes(hashlib.sha256(key.encode()).digest()[:4], "big") / 2 ** 32


def _score(key: str, kind: str, high: float) -> float:
    """A plausible typed score: most of the maximum for a criterion, usually 0 for a bonus or deduction."""
    u = _unit(key)
    if kind != cm.SCORE:
        return 0.0 if u < 0.8 else min(high, 1.0)
    return min(high, round(high * (0.7 + 0.3 * u) * 2) / 2)


_SHEET = re.compile(r'<sheet\b[^>]*?\bname="([^"]*)"[^>]*?\br:id="([^"]+)"')
_REL = re.compile(r'<Relationship\b[^>]*?\bId="([^"]+)"[^>]*?\bTarget="([^"]+)"')


def write_typed(src: Path, dst: Path, typed: dict[str, object], saved: dt.datetime) -> None:
    """``src`` with each empty input cell of ``typed`` given its value, saved at ``saved``, as ``dst``."""
    with zipfile.ZipFile(src) as zf:
        entries = [(info.filename, zf.read(info)) for info in zf.infolist()]
    parts = dict(entries)
    targets = dict(_REL.findall(parts["xl/_rels/workbook.xml.rels"].decode()))
    part_of = {html.unescape(name): "xl/" + targets[rid].lstrip("/").removeprefix("xl/")
               for name, rid in _SHEET.findall(parts["xl/workbook.xml"].decode())}
    by_part: dict[str, dict[str, object]] = {}
    for key, value in typed.items():
        sheet, cell = key.split("\t")
        by_part.setdefault(part_of[sheet], {})[cell] = value
    stamp = saved.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    out = []
    for name, data in entries:
        if name in by_part:
            data = _typed_xml(data.decode(), by_part[name]).encode()
        elif name == "docProps/core.xml":
            data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", rb"\g<1>" + stamp + rb"\g<2>",
                          data)
        out.append((name, data))
    dst.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in out:
            zf.writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)


def _typed_xml(xml: str, cells: dict[str, object]) -> str:
    def typed(match: re.Match) -> str:
        ref, style = match.group(1), match.group(2) or ""
        value = cells[ref]
        if isinstance(value, str):
            return f'<c r="{ref}"{style} t="inlineStr"><is><t>{html.escape(value, quote=False)}</t></is></c>'
        return f'<c r="{ref}"{style}><v>{value:g}</v></c>'

    refs = "|".join(map(re.escape, cells))
    result, count = re.subn(rf'<c r="({refs})"( s="\d+")?/>', typed, xml)
    if count != len(cells):
        raise AssertionError(f"{count} of {len(cells)} input cells found empty: not a workbook as issued")
    return result


# --- measuring -----------------------------------------------------------------------------------

# The merge as the secretary runs it (the command line, end to end), in a child process that also
# reports its own peak memory and how long the reading phase took (read_inbox, timed in place).
MERGE = r"""
import atexit, json, resource, sys, time
import thidua_xlsx.steps.parallel as parallel
report, timed = sys.argv[1], {}
original = parallel.read_inbox
def read_inbox(*args, **kwargs):  # the reads are handed over as they come: timed until the last one
    start = time.perf_counter()
    yield from original(*args, **kwargs)
    timed["read_s"] = time.perf_counter() - start
parallel.read_inbox = read_inbox
import thidua_xlsx.commune.read_inbox as schools  # the level above's reading (--kind schools)
original_schools = schools.read_school_summaries
def read_school_summaries(*args, **kwargs):
    start = time.perf_counter()
    found = original_schools(*args, **kwargs)
    timed["read_s"] = time.perf_counter() - start
    return found
schools.read_school_summaries = read_school_summaries
def done():
    timed["peak_mb"] = PEAK
    timed["worker_peak_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    timed["cpu_s"] = own.ru_utime + own.ru_stime  # the merge process: its one core (what waits for no worker)
    timed["workers_cpu_s"] = workers.ru_utime + workers.ru_stime  # the reading workers, their pool done
    with open(report, "w") as handle:
        json.dump(timed, handle)
atexit.register(done)
from thidua_xlsx.cli import main
sys.argv = ["thidua-xlsx", *sys.argv[2:]]
main()
""".replace("PEAK", PEAK)


# The merge's reading phase alone (campaign, then every file read, contained, validated, made slim):
# what is left to time when the whole merge does not finish (see RESULTS.md, 10,000).
READ = r"""
import json, resource, sys, time
from pathlib import Path
from thidua_xlsx.read.containment import scan_inbox
from thidua_xlsx.steps.parallel import read_inbox
from thidua_xlsx.read.department import ReadContext
from thidua_xlsx.steps.workspace import open_campaign
folder, _ = open_campaign(Path(sys.argv[1]) / "campaign.xlsx")
start = time.perf_counter()
reads = list(read_inbox(scan_inbox(Path(sys.argv[1]) / "inbox"), ReadContext(folder.campaign, folder.registry)))
took = time.perf_counter() - start
print(json.dumps({"read_s": took, "accepted": sum(r.file.status == "accepted" for r in reads), "superseded": 0,
                  "peak_mb": PEAK,
                  "worker_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
""".replace("PEAK", PEAK)


def read_only(folder: Path) -> dict:
    child = subprocess.run([sys.executable, "-c", READ, str(folder)], capture_output=True, text=True, check=True)
    return json.loads(child.stdout)


def naive(files: list[Path]) -> float:
    import pandas as pd

    start = time.perf_counter()
    for path in files:
        pd.read_excel(path, sheet_name=None, engine="openpyxl", header=None)
    return time.perf_counter() - start


def warm(files: list[Path]) -> None:
    """Every file read once: a 10,000-file inbox (600 MB) read cold from this sandbox's disk adds ~14 s."""
    for path in files:
        path.read_bytes()


def inflate_floor(files: list[Path]) -> float:
    start = time.perf_counter()
    for path in files:
        with zipfile.ZipFile(path) as zf:
            for info in zf.infolist():
                if info.filename.endswith((".xml", ".rels")):
                    zf.read(info)
    return time.perf_counter() - start


def merge(folder: Path, work: Path, timeout: float | None = None, code: Path = ROOT) -> dict:
    """The merge of ``folder``'s inbox by the package in ``code`` (this checkout, or ``--baseline``'s)."""
    report = work / "child.json"
    command = [sys.executable, "-c", MERGE, str(report), "merge", str(folder / "inbox"), "--campaign", str(folder),
               "-o", str(work / "tong-hop.xlsx"), "--json", str(work / "bao-cao.json"), "--force"]
    start = time.perf_counter()
    try:
        child = subprocess.run(command, capture_output=True, text=True, timeout=timeout, cwd=code,
                               env={**os.environ, "PYTHONPATH": str(code)})
    except subprocess.TimeoutExpired:
        return {"seconds": None}
    took = time.perf_counter() - start
    if child.returncode != 0:
        raise RuntimeError(f"merge exited {child.returncode}: {child.stderr[-2000:]}")
    found = json.loads(report.read_text())
    files = json.loads((work / "bao-cao.json").read_text(encoding="utf-8"))["files"]
    return {"seconds": took, **found, "accepted": sum(f["status"] == "accepted" for f in files),
            "superseded": sum(f["status"] == "superseded" for f in files)}


def generate_now(n: int) -> float:
    """``generate`` of the scoring round of an N-department campaign, timed now (not the cached build's)."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "campaign"
        return generate_campaign(n, folder, folder / "outbox")[2]


def measure(kind: str, n: int, repeat: int, naive_files: int, rebuild: bool, generate_up_to: int,
            merge_timeout: float, baseline: Path | None = None) -> dict:
    target, built = cached_inbox(kind, n, rebuild)
    folder = target / "campaign"
    files = sorted(p for p in (folder / "inbox").iterdir() if p.is_file())
    step = max(1, -(-len(files) // naive_files))
    sample = files[::step]
    runs = {"naive": [], "merge": [], "floor": [], "baseline": []}
    with tempfile.TemporaryDirectory() as tmp:
        for r in range(repeat):
            runs["naive"].append(naive(sample) * len(files) / len(sample))
            warm(files)  # the naive loop read a sample: the merge and the floor both read from the page cache
            merged = merge(folder, Path(tmp), merge_timeout)
            if merged["seconds"] is None:  # did not finish: the reading phase alone, for what it tells
                print(f"  {kind} × {n}: merge did not finish in {merge_timeout:.0f} s; timing its reading alone",
                      flush=True)
                merged = {**read_only(folder), "seconds": None}
            runs["merge"].append(merged)
            runs["floor"].append(inflate_floor(files))
            if baseline:
                runs["baseline"].append(merge(folder, Path(tmp), merge_timeout, baseline))
                print(f"  baseline merge {runs['baseline'][-1]['seconds']:.1f} s{_cpu(runs['baseline'][-1])}",
                      flush=True)
            last, took = runs["merge"][-1], runs["merge"][-1]["seconds"]
            print(f"  {kind} × {n}, run {r + 1}/{repeat}: naive {runs['naive'][-1]:.1f} s, merge "
                  f"{'-' if took is None else f'{took:.1f} s'} (reading {last['read_s']:.1f} s), floor"
                  f" {runs['floor'][-1]:.2f} s, peak {last['peak_mb']:.0f} MB{_cpu(last)}", flush=True)
    finished = [m["seconds"] for m in runs["merge"] if m["seconds"] is not None]
    median = lambda key: statistics.median(m[key] for m in runs["merge"])  # noqa: E731
    departments = built.get("departments", n)
    if kind == "schools":  # the level above generates nothing: what each school's summary took to write instead
        generate_s = built["fill_s"]
    else:
        generate_s = generate_now(departments) if departments <= generate_up_to else built["generate_s"]
        print(f"  generate × {departments}: {generate_s:.1f} s" +
              ("" if departments <= generate_up_to else " (when the inbox was built)"), flush=True)
    result = {"n": n, "people": built["people"], "generate_s": generate_s, "naive_s": statistics.median(
        runs["naive"]), "naive_files": len(sample), "merge_s": statistics.median(finished) if finished else None,
        "read_s": median("read_s"), "merge_timeout": merge_timeout,
        "floor_s": statistics.median(runs["floor"]), "peak_mb": max(m["peak_mb"] for m in runs["merge"]),
        "worker_peak_mb": max(m["worker_peak_mb"] for m in runs["merge"])}
    if baseline:
        result["baseline_s"] = statistics.median(m["seconds"] for m in runs["baseline"])
        result["baseline_peak_mb"] = max(m["peak_mb"] for m in runs["baseline"])
        for key in ("cpu_s", "workers_cpu_s"):  # CPU: steadier than wall on shared cores
            if all(key in m for m in runs["merge"] + runs["baseline"]):
                result[key] = statistics.median(m[key] for m in runs["merge"])
                result["baseline_" + key] = statistics.median(m[key] for m in runs["baseline"])
    last = runs["merge"][-1]  # every file read: one version per department accepted, the older ones superseded
    assert last["accepted"] + last["superseded"] == n, f"{last['accepted']} + {last['superseded']} of {n} files read"
    assert last["seconds"] is None or last["accepted"] == built.get("departments", n), last["accepted"]
    return result


def _cpu(run: dict) -> str:
    """The CPU a merge took, when it says (a merge that finished): its own process's and its reading workers'."""
    if "cpu_s" not in run:
        return ""
    return f" (CPU: merge process {run['cpu_s']:.1f} s, reading workers {run['workers_cpu_s']:.1f} s)"


def table(results: list[dict]) -> str:
    lines = ["| workbooks | people | naive loop | `merge` | naive / merge | files/s | reading | reading / floor"
             " | per file vs first | peak RSS (merge) | peak RSS (worker) | generate |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    first = results[0]["merge_s"] / results[0]["n"] if results[0]["merge_s"] else None
    for r in results:
        naive_s = f"{r['naive_s']:.1f} s" + ("" if r["naive_files"] == r["n"] else f" (from {r['naive_files']:,})")
        if r["merge_s"] is None:  # the reading alone: its peak is of a process that only read
            merged = f"> {r['merge_timeout']:.0f} s (did not finish) | - | -"
            per_file, peak = "-", f"{r['peak_mb']:.0f} MB (reading alone)"
        else:
            merged = f"{r['merge_s']:.1f} s | {r['naive_s'] / r['merge_s']:.1f}× | {r['n'] / r['merge_s']:.0f}"
            per_file = f"{r['merge_s'] / r['n'] / first:.2f}×" if first else "-"
            peak = f"{r['peak_mb']:.0f} MB"
        lines.append(
            f"| {r['n']:,} | {r['people']:,} | {naive_s} | {merged} | {r['read_s']:.1f} s"
            f" ({r['read_s'] / r['n'] * 1000:.1f} ms/file) | {r['read_s'] / r['floor_s']:.1f}× (floor"
            f" {r['floor_s']:.2f} s) | {per_file} | {peak} | {r['worker_peak_mb']:.0f} MB | {r['generate_s']:.1f} s |")
    if "baseline_s" in results[0]:
        lines += ["", "| workbooks | `merge` (this checkout) | `merge` (baseline) | this / baseline | peak RSS this / "
                      "baseline |",
                  "|---:|---:|---:|---:|---:|"]
        lines += [f"| {r['n']:,} | {r['merge_s']:.1f} s | {r['baseline_s']:.1f} s | "
                  f"{r['merge_s'] / r['baseline_s']:.2f}×"
                  f" | {r['peak_mb']:.0f} / {r['baseline_peak_mb']:.0f} MB |" for r in results]
        if all("cpu_s" in r for r in results):
            lines += ["", "| workbooks | CPU of the merge process (this / baseline) | CPU of the reading workers"
                          " (this / baseline) |", "|---:|---:|---:|"]
            lines += [f"| {r['n']:,} | {r['cpu_s']:.2f} / {r['baseline_cpu_s']:.2f} s "
                      f"({r['cpu_s'] / r['baseline_cpu_s']:.2f}×) | {r['workers_cpu_s']:.2f} / "
                      f"{r['baseline_workers_cpu_s']:.2f} s ({r['workers_cpu_s'] / r['baseline_workers_cpu_s']:.2f}×) |"
                      for r in results]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--kind", choices=sorted(KINDS), default="departments")
    parser.add_argument("--repeat", type=int, default=3, help="alternations per size (medians are printed)")
    parser.add_argument("--naive-files", type=int, default=1000,
                        help="the naive loop reads at most this many files per size and is scaled up to all")
    parser.add_argument("--rebuild", action="store_true", help="build the cached inboxes again")
    parser.add_argument("--merge-timeout", type=float, default=1800,
                        help="seconds after which a merge is stopped and its reading phase timed alone")
    parser.add_argument("--generate-up-to", type=int, default=1000,
                        help="time generate afresh up to this size (larger: the time of the cached build)")
    parser.add_argument("--baseline", type=Path,
                        help="a checkout of another commit (git worktree add): its merge alternates with this one's"
                             " on the same inbox, and the ratio is printed")
    args = parser.parse_args()
    results = []
    for n in args.sizes:
        results.append(measure(args.kind, n, args.repeat if n < 10000 else 1, args.naive_files, args.rebuild,
                               args.generate_up_to, args.merge_timeout, args.baseline))
    print()
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; medians of {args.repeat} alternations"
          " (one at 10,000)")
    print(table(results))


if __name__ == "__main__":
    main()
