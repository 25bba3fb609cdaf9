"""Every link of README.md and docs/ resolves: a relative path names a file or folder of the checkout, and an
#anchor names a heading of its page (as GitHub makes a heading's anchor) or an anchor the page sets itself."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
FENCE = re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL)
CODE = re.compile(r"`[^`\n]*`")


def anchors(text: str) -> set[str]:
    """The anchors of a Markdown page: each heading's as GitHub makes it (lower case, punctuation but hyphens gone,
    spaces made hyphens, a repeated one numbered), and each ``<a id>`` / ``<a name>`` the page sets."""
    found, seen = set(), {}
    for line in FENCE.sub("", text).splitlines():
        heading = re.match(r"#{1,6}\s+(.*?)\s*#*\s*$", line)
        if heading:
            words = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading.group(1)).replace("`", "")
            slug = re.sub(r"[^\w\- ]", "", words.lower()).replace(" ", "-")
            count = seen.get(slug, 0)
            seen[slug] = count + 1
            found.add(slug if count == 0 else f"{slug}-{count}")
    found |= set(re.findall(r"<a\s+(?:id|name)=\"([^\"]+)\"", text))
    return found


def broken_links(page: Path) -> list[str]:
    """The links of ``page`` whose file or anchor is not there, as "target"."""
    text = page.read_text(encoding="utf-8")
    broken = []
    for target in LINK.findall(CODE.sub("", FENCE.sub("", text))):
        if re.match(r"[a-z]+:", target):  # https:, mailto: — outside the checkout
            continue
        path, _, anchor = target.partition("#")
        where = (page.parent / path).resolve() if path else page
        if not where.exists():
            broken.append(target)
        elif anchor and where.suffix == ".md" and anchor not in anchors(where.read_text(encoding="utf-8")):
            broken.append(target)
    return broken


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_link_of_the_docs_resolves(page):
    """A stranger follows a link of README.md or docs/ and lands where it says: the file is there, the section too."""
    assert broken_links(page) == []


def test_the_link_check_finds_a_missing_file_and_a_missing_section(tmp_path):
    (tmp_path / "a.md").write_text("# Setting up\n\n## The `code` in one page (English)\n\n## Setting up\n")
    page = tmp_path / "b.md"
    page.write_text("[ok](a.md#setting-up) [ok](a.md#the-code-in-one-page-english) [ok](a.md#setting-up-1) "
                    "[gone](a.md#running) [gone](c.md) [web](https://example.org) `[code](x.md)`\n")
    assert broken_links(page) == ["a.md#running", "c.md"]


def test_the_readme_s_test_command_is_the_one_ci_runs():
    """The bar's two commands: the README's test command is what .ci/run runs on a clean clone (pip quiet there),
    installing the tested set (constraints.txt) as every installer does."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
    assert ci.replace("pip install -q ", "pip install ") in readme.splitlines()
    assert "-c constraints.txt" in ci
