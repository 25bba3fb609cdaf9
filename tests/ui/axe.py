"""axe-core, the accessibility checker, run inside the page by the browser tests (tests/ui/test_accessibility.py).

It is not shipped with the package nor kept in the repository: its one file (axe.min.js) is fetched from the npm
registry with npm's own client (``npm pack``, which checks the tarball against the registry's integrity hash) into a
cache folder, once per machine — ~/.cache/thidua-xlsx/axe-core-<version>/ (or $THIDUA_AXE_CACHE/…). .ci/run fetches
it before the tests (``python -m tests.ui.axe``); a test that finds it missing fetches it then. The version is
pinned: a newer axe may add rules, and the page is then mended in a change of its own.

axe is injected into the page through selenium's ``execute_script`` (the DevTools protocol's evaluation, which the
page's Content-Security-Policy — script-src 'self' — does not govern: it governs the page's own scripts; checked by
the test, which asserts the page's CSP is there) and run with the WCAG 2.1 A and AA rules only.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

VERSION = "4.14.1"
PACKAGE = f"axe-core@{VERSION}"
TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
NPM_SECONDS = 180


def cache() -> Path:
    base = os.environ.get("THIDUA_AXE_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "thidua-xlsx")
    return Path(base) / f"axe-core-{VERSION}"


def script() -> Path | str:
    """The path of axe.min.js in the cache, fetched there first when missing; else why it could not be (a str)."""
    found = cache() / "axe.min.js"
    if found.is_file() and found.stat().st_size > 100_000:
        return found
    npm = shutil.which("npm")
    if npm is None:
        return f"npm is not installed (apt-get install nodejs npm) to fetch {PACKAGE}"
    found.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=found.parent) as work:
        try:
            packed = subprocess.run([npm, "pack", PACKAGE, "--pack-destination", work, "--silent",
                                     "--fetch-retries", "1", "--fetch-timeout", "60000"],
                                    cwd=work, capture_output=True, text=True, timeout=NPM_SECONDS)
        except subprocess.TimeoutExpired:
            return f"npm pack {PACKAGE}: no answer from the npm registry in {NPM_SECONDS} s"
        tarballs = list(Path(work).glob("axe-core-*.tgz"))
        if packed.returncode != 0 or not tarballs:
            said = (packed.stderr or packed.stdout).strip().splitlines()[-3:]
            return f"npm pack {PACKAGE} failed ({packed.returncode}): {' | '.join(said)}"
        with tarfile.open(tarballs[0]) as tar:
            member = tar.extractfile("package/axe.min.js")
            if member is None:
                return f"{tarballs[0].name} holds no package/axe.min.js"
            part = Path(work) / "axe.min.js"
            part.write_bytes(member.read())
        os.replace(part, found)  # whole or absent: two sessions fetching at once each write the same file
    return found


def violations(driver, source: str) -> list[dict]:
    """axe's violations of the page the driver shows, WCAG 2.1 A and AA rules only (``source``: axe.min.js, injected
    once into each page: the same page audited again, at another size, has it)."""
    if not driver.execute_script("return typeof window.axe === 'object'"):
        driver.execute_script(source)
    driver.set_script_timeout(60)
    return driver.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
        ".then(function (r) { done(r.violations.map(function (v) { return {id: v.id, impact: v.impact,"
        " help: v.help, helpUrl: v.helpUrl, nodes: v.nodes.map(function (n) {"
        " return {target: n.target, summary: n.failureSummary, html: n.html}; })}; })); })"
        ".catch(function (e) { done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]); });",
        list(TAGS))


def said(found: list[dict]) -> str:
    """Each violation as a person reads it: its id, impact, help, and each element (target, why)."""
    lines = []
    for v in found:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} — {v.get('helpUrl', '')}")
        for node in v["nodes"]:
            summary = " ".join((node.get("summary") or "").split())
            lines.append(f"    {' '.join(map(str, node['target']))}: {summary[:300]}")
    return "\n".join(lines)


if __name__ == "__main__":  # .ci/run: fetch it once, before the tests
    where = script()
    print(where if isinstance(where, Path) else f"axe-core not fetched: {where}", file=sys.stderr)
    sys.exit(0 if isinstance(where, Path) else 1)
