"""What a kept wineserver saves each command of the Windows lane (tests/wine.py ``served``). By hand:

    python benchmarks/bench_wine_server.py              # 15 pairs
    python benchmarks/bench_wine_server.py --runs 30

One Wine prefix made as the tests make it (tests/wine.py), then a ``wine cmd /c exit 0`` — what every ``.bat`` and
every command of the lane starts with — timed in pairs, alternating: with no server (each run starts its own, as before
``served``, and it ends with the run) and with the kept one. Medians, and the median of the pairs' ratios.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import wine  # noqa: E402


def _timed(env: dict[str, str]) -> float:
    started = time.monotonic()
    subprocess.run(["wine", "cmd", "/c", "exit 0"], env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=True, timeout=120)
    return time.monotonic() - started


def _stopped(env: dict[str, str]) -> None:
    for how in ("-k", "-w"):
        subprocess.run(["wineserver", how], env=env, capture_output=True, timeout=60)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-wine-") as scratch:
        folder = Path(scratch)
        wine._made(folder)
        env = wine._environment(folder / "prefix", folder / "home")
        cold, kept = [], []
        for _ in range(args.runs):
            _stopped(env)
            cold.append(_timed(env))
            _stopped(env)
            wine.served(env)
            kept.append(_timed(env))
        _stopped(env)
    ratios = [c / k for c, k in zip(cold, kept)]
    print(f"wine cmd /c exit 0, {args.runs} pairs: a server of its own {statistics.median(cold):.3f} s "
          f"(min {min(cold):.3f}, max {max(cold):.3f}); the kept server {statistics.median(kept):.3f} s "
          f"(min {min(kept):.3f}, max {max(kept):.3f}); ratio, median of pairs: {statistics.median(ratios):.1f}x")


if __name__ == "__main__":
    main()
