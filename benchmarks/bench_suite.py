"""Where the test suite's time goes: every process a pytest run starts, by kind, and its costliest tests. By hand:

    python benchmarks/bench_suite.py                                    # the whole suite, as .ci/run runs it
    python benchmarks/bench_suite.py -- -q -p no:xdist -m "wine or windows"   # the Windows lane, one process
    python benchmarks/bench_suite.py --baseline /tmp/before --repeats 2      # against another checkout

pytest runs in each checkout with the arguments after ``--`` (default: .ci/run's, read from its last line), from
the checkout's own ``.venv`` (``--baseline``: made there as .ci/run makes it, the first time), its bytecode compiled
first and kept, as .ci/run does. Meanwhile a sampler reads every process of the machine from /proc five times a second
(its CPU, its command line), and this file, loaded into pytest as a plugin, notes each test's wall time and the CPU of
its process and of the children it waited for. Printed for each run: its wall time, the machine's busy and idle CPU
seconds (/proc/stat), the CPU of the processes started during the run by kind, and the costliest tests; with
``--baseline``, the two checkouts alternate and the ratios of their medians are said.

The machine's counts are the machine's: run it with nothing else running. What the sampler cannot see — a process
that lived less than a fifth of a second, the kernel's own work — is the difference between the busy seconds and the
sum of the kinds, said as such. A test's CPU misses what it did not wait for: the programs Wine starts and its
wineserver, which leave the test's process tree (their CPU is under their kinds).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
#: The pytest arguments of .ci/run's last line (the README's test command), read from it: one place to change them.
CI_ARGUMENTS = shlex.split((ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
                           .split("-m pytest", 1)[1])
PLUGIN = Path(__file__).stem
RECORDS = "BENCH_SUITE_RECORDS"  # the folder each pytest process writes its tests' figures to
TICKS = os.sysconf("SC_CLK_TCK")
SAMPLE_EVERY = 0.2  # seconds

#: A process's kind, by its name or command line: the first that matches.
KINDS = [
    ("Wine: wineserver", lambda comm, cmd: comm.startswith("wineserver")),
    ("Windows: pip", lambda comm, cmd: _windows(comm, cmd) and re.search(r"\bpip\b|pip-runner|_in_process\.py", cmd)),
    ("Windows: Python (the program, its workers)", lambda comm, cmd: _windows(comm, cmd) and "python" in cmd.lower()),
    ("Windows: cmd", lambda comm, cmd: comm.lower() == "cmd.exe"),
    ("Wine: its services and other programs", lambda comm, cmd: _windows(comm, cmd)),
    ("LibreOffice", lambda comm, cmd: comm in ("soffice.bin", "oosplash") or "soffice" in cmd),
    ("Chromium", lambda comm, cmd: "chrom" in comm or "chrom" in cmd.split(" ", 1)[0]),
    ("Dovecot", lambda comm, cmd: "dovecot" in cmd or comm in ("imap", "imap-login", "auth", "anvil", "log", "config")),
    ("pip (Linux)", lambda comm, cmd: re.search(r"\s-m pip\b|/pip3? |/pip3?$|pip-runner|_in_process\.py", cmd)),
    ("the program as a command", lambda comm, cmd: "-m thidua_xlsx" in cmd or "/thidua-xlsx " in cmd),
    ("spawned pool workers", lambda comm, cmd: "multiprocessing" in cmd or "spawn_main" in cmd),
    ("pytest and its workers", lambda comm, cmd: "pytest" in cmd or "sys.stdin.readline()" in cmd),
    ("Python, other", lambda comm, cmd: comm.startswith("python")),
    ("mypy, ruff, compilers, other", lambda comm, cmd: True),
]


def _windows(comm: str, cmd: str) -> bool:
    return comm.lower().endswith(".exe") or cmd[1:3] == ":\\"


def kind(comm: str, cmd: str) -> str:
    return next(name for name, matches in KINDS if matches(comm, cmd))


def busy_seconds() -> tuple[float, float]:
    """The machine's busy and idle CPU seconds since it started (/proc/stat: idle and iowait are idle)."""
    with open("/proc/stat", encoding="ascii") as stat:
        ticks = [int(n) for n in stat.readline().split()[1:]]
    idle = ticks[3] + ticks[4]
    return (sum(ticks) - idle) / TICKS, idle / TICKS


# --- the plugin: loaded into each pytest process with -p (PYTHONPATH holds this folder) --------------------------

_TESTS: list[tuple[str, float, float, float]] = []


def _cpu() -> tuple[float, float]:
    """This process's CPU seconds, and those of the children it waited for."""
    import resource

    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, children.ru_utime + children.ru_stime


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    started, (own, children) = time.monotonic(), _cpu()
    yield
    own_after, children_after = _cpu()
    _TESTS.append((item.nodeid, time.monotonic() - started, own_after - own, children_after - children))


def pytest_sessionfinish(session):
    folder = os.environ.get(RECORDS)
    if folder and _TESTS:
        name = os.environ.get("PYTEST_XDIST_WORKER", "main")
        Path(folder, f"{name}.json").write_text(json.dumps(_TESTS), encoding="utf-8")


# --- the sampler ---------------------------------------------------------------------------------------------------

class Sampler(threading.Thread):
    """Every process started after this one, its last CPU seen, by (pid, start)."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        with open("/proc/self/stat", encoding="ascii") as stat:
            self.since = int(stat.read().rsplit(")", 1)[1].split()[19])
        self.seen: dict[tuple[str, int], tuple[str, str, float]] = {}
        self.stopping = threading.Event()
        self.cpu = 0.0  # its own CPU seconds, when it stopped

    def run(self) -> None:
        me = str(os.getpid())
        while not self.stopping.wait(SAMPLE_EVERY):
            for pid in os.listdir("/proc"):
                if pid.isdigit() and pid != me:
                    self._read(pid)
        self.cpu = time.thread_time()

    def _read(self, pid: str) -> None:
        try:
            with open(f"/proc/{pid}/stat", encoding="utf-8", errors="replace") as stat:
                line = stat.read()
            fields = line.rsplit(")", 1)[1].split()
            start = int(fields[19])
            if start < self.since:
                return
            key = (pid, start)
            cmd = self.seen[key][1] if key in self.seen else ""
            if not cmd:
                with open(f"/proc/{pid}/cmdline", "rb") as words:
                    cmd = words.read().replace(b"\0", b" ").decode("utf-8", errors="replace").strip()
        except (OSError, IndexError, ValueError):  # it ended meanwhile
            return
        comm = line[line.index("(") + 1:line.rindex(")")]
        self.seen[key] = (comm, cmd, (int(fields[11]) + int(fields[12])) / TICKS)

    def by_kind(self) -> tuple[Counter[str], Counter[str]]:
        """The CPU seconds of the processes seen, and how many they were, by kind."""
        cpu: Counter[str] = Counter()
        count: Counter[str] = Counter()
        for comm, cmd, seconds in self.seen.values():
            name = kind(comm, cmd)
            cpu[name] += seconds
            count[name] += 1
        return cpu, count


# --- a run ---------------------------------------------------------------------------------------------------------

def prepared(checkout: Path) -> Path:
    """The checkout's Python: its .venv, made as .ci/run makes it when missing (at its constraints.txt's versions,
    where it has one: 0.8.0 and earlier have none); its bytecode compiled."""
    python = checkout / ".venv" / "bin" / "python"
    if not python.exists():
        pinned = ["-c", "constraints.txt"] if (checkout / "constraints.txt").is_file() else []
        subprocess.run([sys.executable, "-m", "venv", str(checkout / ".venv")], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", *pinned, "-e", ".[test]"], cwd=checkout,
                       check=True)
    subprocess.run([str(python), "-m", "compileall", "-q", "thidua_xlsx", "samples", "tests"], cwd=checkout,
                   check=True, env=_environment())
    return python


def _environment(records: Path | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}  # kept, as .ci/run keeps it
    if records is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(Path(__file__).parent), env.get("PYTHONPATH")]))
        env[RECORDS] = str(records)
    return env


def run(checkout: Path, python: Path, arguments: list[str]) -> dict:
    """One pytest run in ``checkout``: its exit code, wall time, the machine's busy and idle seconds, the CPU of
    its processes by kind, and its tests' figures."""
    with tempfile.TemporaryDirectory(prefix="bench-suite-") as scratch:
        records = Path(scratch)
        sampler = Sampler()
        sampler.start()
        (busy, idle), started = busy_seconds(), time.monotonic()
        code = subprocess.run([str(python), "-m", "pytest", "-p", PLUGIN, *arguments], cwd=checkout,
                              env=_environment(records)).returncode
        wall, (busy_after, idle_after) = time.monotonic() - started, busy_seconds()
        sampler.stopping.set()
        sampler.join()
        tests = [test for part in records.glob("*.json") for test in json.loads(part.read_text(encoding="utf-8"))]
    kinds, processes = sampler.by_kind()
    return {"code": code, "wall": wall, "busy": busy_after - busy, "idle": idle_after - idle, "sampler": sampler.cpu,
            "kinds": kinds, "processes": processes, "tests": tests}


def report(name: str, result: dict, top: int) -> None:
    kinds, busy = result["kinds"], result["busy"]
    print(f"\n== {name}: pytest exit {result['code']}, {result['wall']:.0f} s of wall time; the machine "
          f"{busy:.0f} s busy, {result['idle']:.0f} s idle (CPU seconds) ==")
    for label, cpu in kinds.most_common():
        count = result["processes"][label]
        print(f"  {cpu:8.1f} s  {100 * cpu / busy:5.1f} %  {label} ({count} process{'es' if count > 1 else ''})")
    print(f"  {result['sampler']:8.1f} s  {100 * result['sampler'] / busy:5.1f} %  this sampler")
    unseen = busy - sum(kinds.values()) - result["sampler"]
    print(f"  {unseen:8.1f} s  {100 * unseen / busy:5.1f} %  not seen: processes under {SAMPLE_EVERY:g} s, "
          "the kernel, what else ran")
    tests = sorted(result["tests"], key=lambda test: -(test[2] + test[3]))
    print(f"  {len(tests)} tests: {sum(t[1] for t in tests):.0f} s of wall time, {sum(t[2] for t in tests):.0f} s of "
          f"their processes' CPU, {sum(t[3] for t in tests):.0f} s of the children they waited for; the "
          f"{min(top, len(tests))} costliest (wall, own CPU, children's CPU — a child that outlived its test is "
          "counted in the test that waited for it):")
    for nodeid, wall, own, children in tests[:top]:
        print(f"  {wall:7.1f} s {own:7.1f} s {children:7.1f} s  {nodeid}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", type=Path, help="another checkout (git worktree add /tmp/before <commit>), "
                                                      "run alternately with this one")
    parser.add_argument("--repeats", type=int, default=1, help="runs of each checkout")
    parser.add_argument("--top", type=int, default=25, help="how many of the costliest tests to list")
    parser.add_argument("pytest", nargs=argparse.REMAINDER, help="-- then pytest's arguments (default: .ci/run's)")
    args = parser.parse_args()
    if not Path("/proc/stat").exists():
        parser.error("needs Linux's /proc")
    arguments = [a for a in args.pytest if a != "--"] or CI_ARGUMENTS
    checkouts = {"this": ROOT, **({"baseline": args.baseline.resolve()} if args.baseline else {})}
    pythons = {name: prepared(checkout) for name, checkout in checkouts.items()}
    results: dict[str, list[dict]] = {name: [] for name in checkouts}
    for repeat in range(args.repeats):
        for name in (list(checkouts) if repeat % 2 == 0 else list(reversed(checkouts))):
            result = run(checkouts[name], pythons[name], arguments)
            results[name].append(result)
            report(f"{name} ({checkouts[name]}), run {repeat + 1}", result, args.top)
    if args.baseline:
        print("\n== this against the baseline, medians of the runs ==")
        for figure in ("wall", "busy", "idle"):
            this, base = (statistics.median(r[figure] for r in results[n]) for n in ("this", "baseline"))
            print(f"  {figure}: {this:.1f} s against {base:.1f} s: {this / base:.3f}" if base else f"  {figure}: -")
    if shutil.which("wine") is None:
        print("\n(no Wine here: the Windows lane's tests were skipped or failed, and no Windows kind ran)")


if __name__ == "__main__":
    main()
