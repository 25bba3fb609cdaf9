"""The local page's speed: does it answer within a second, during a large merge too? By hand — never a timed test:

    python benchmarks/ui_bench.py                     # 40 departments; then a merge of 1,000 workbooks
    python benchmarks/ui_bench.py --departments 40 --large 0      # the 40-department figures only

**Page answers.** The page of a campaign of ``--departments`` departments, each having sent its filled scoring book
(built through the product by ``bench_scale.py`` and cached under ``benchmarks/cache/``), is served by the real
server (waitress, in this process) and asked over HTTP on the loopback address, as a browser asks: the year at a
glance (``/``) and the round's page (``/vong/cham-diem``: every returned book read and checked, as ``status`` does),
first cold (the round read for the first time), then ``--repeat`` times warm (its files unchanged). Medians and
maxima are printed; the bar is < 1 s.

**While a large merge runs.** The ``--large`` campaign (1,000 departments, cached the same way) is copied to a
temporary folder, its merge started from the page (POST, as the button), and while it runs the year at a glance and
the run's progress (its JSON) are asked every 0.2 s: their answer times against the same pages asked before the merge
(ratio of medians), and the merge's own time. The page is responsive when a person clicking during a merge waits as
long as before (well under a second).
"""

from __future__ import annotations

import argparse
import contextlib
import http.cookiejar
import shutil
import statistics
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))


class Page:
    """The page of ``folder`` served in a thread, and a browser-like opener holding its cookie."""

    def __init__(self, folder: Path):
        import socket

        from thidua_xlsx.ui.serve import serve

        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        self.lines: list[str] = []
        ready = threading.Event()
        self.server = None

        def on_ready(server) -> None:
            self.server = server  # what stops it
            ready.set()

        self.thread = threading.Thread(target=serve, args=(folder, port, False, self.lines.append, on_ready),
                                       daemon=True)
        self.thread.start()
        assert ready.wait(30), self.lines
        self.root = self.lines[0].split("?", 1)[0].rstrip("/")
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        self.opener.open(self.lines[0]).read()  # the token becomes a cookie
        from thidua_xlsx.ui.security import form_token

        self.csrf = form_token(self.lines[0].split("token=", 1)[1])

    def get(self, path: str) -> tuple[float, bytes]:
        start = time.perf_counter()
        with self.opener.open(self.root + path, timeout=120) as answer:
            body = answer.read()
        return time.perf_counter() - start, body

    def post(self, path: str) -> str:
        request = urllib.request.Request(self.root + path, data=f"csrf={self.csrf}".encode(), method="POST",
                                         headers={"Content-Type": "application/x-www-form-urlencoded",
                                                  "Origin": self.root})
        with self.opener.open(request, timeout=60) as answer:
            return answer.geturl()

    def stop(self) -> None:
        if self.server is not None:
            self.server()
        self.thread.join(10)


def _figures(times: list[float]) -> str:
    return f"median {statistics.median(times) * 1000:7.1f} ms, max {max(times) * 1000:7.1f} ms (n={len(times)})"


@contextlib.contextmanager
def served(departments: int, rebuild: bool) -> Iterator[tuple[Page, dict]]:
    """The page served on a copy of the cached inbox of ``departments`` departments' campaign, and its build."""
    from bench_scale import cached_inbox

    target, built = cached_inbox("departments", departments, rebuild)
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work) / "campaign"
        shutil.copytree(target / "campaign", folder)
        page = Page(folder)
        try:
            yield page, built
        finally:
            page.stop()


def answers(departments: int, repeat: int, rebuild: bool) -> None:
    with served(departments, rebuild) as (page, built):
        home_cold, _ = page.get("/")
        round_cold, body = page.get("/vong/cham-diem")
        assert "Các tổ".encode() in body
        home = [page.get("/")[0] for _ in range(repeat)]
        round_ = [page.get("/vong/cham-diem")[0] for _ in range(repeat)]
    print(f"{departments} departments, {built['files']} books, {built['people']} people:")
    print(f"  year at a glance  cold {home_cold * 1000:7.1f} ms; warm {_figures(home)}")
    print(f"  round's page      cold {round_cold * 1000:7.1f} ms (every book read); warm {_figures(round_)}")


def during_merge(large: int, rebuild: bool) -> None:
    with served(large, rebuild) as (page, built):
        before = [page.get("/")[0] for _ in range(20)]
        start = time.perf_counter()
        job = page.post("/vong/cham-diem/tong-hop").rsplit("/", 1)[1]
        home, progress, state = [], [], b""
        while True:
            took, state = page.get(f"/viec/{job}.json")
            progress.append(took)
            if b'"running"' not in state:
                break
            home.append(page.get("/")[0])
            time.sleep(0.2)
        merge_s = time.perf_counter() - start
    print(f"while merging {built['files']} books ({merge_s:.1f} s, {state.decode()[:60]}…):")
    print(f"  year at a glance before  {_figures(before)}")
    print(f"  year at a glance during  {_figures(home)}  ratio of medians "
          f"{statistics.median(home) / statistics.median(before):.1f}")
    print(f"  the run's progress (JSON) {_figures(progress)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--departments", type=int, default=40)
    parser.add_argument("--large", type=int, default=1000, help="0: skip the merge")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    answers(args.departments, args.repeat, args.rebuild)
    if args.large:
        during_merge(args.large, args.rebuild)


if __name__ == "__main__":
    main()
