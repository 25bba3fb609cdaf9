"""Every workbook we write, checked by an Open XML validator (openxml-audit, Excel's rules, Office 2010 level).

Files written with xlsxwriter (campaign.xlsx, issued workbooks) must have no finding at all.
Summaries (and the public list) have one accepted finding:
- "inline-string cells but no sharedStrings.xml" (semantic): they are streamed, each row written out
  as the next starts, so that a province's 84,000 people are never millions of cells in memory, and
  a streamed workbook keeps its text in the cells (inline strings). That is valid Open XML and Excel
  opens it, only moving the strings to a shared table on its next save.
Feedback copies are the department's own file re-saved with openpyxl; two findings are accepted
there, each for a reason:
- the same inline strings: openpyxl writes text that way too.
- "Unexpected element … in font" (schema): openpyxl writes a font's children in its own order;
  the schema's order is a validator's strictness that Excel does not apply (files by openpyxl
  open in every Excel version).
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.openxml import ACCEPTED_FOR_OPENPYXL, describe, findings, unaccepted_findings
from tests.scoring_round import T1_SCORES, T2_SCORES, fill_department, scoring_round
from thidua_xlsx.model import layout as ly
from thidua_xlsx.service import generate_round, init_campaign, merge_inbox
from thidua_xlsx.write.feedback import write_feedback
from thidua_xlsx.write.summary import write_summary


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    root = tmp_path_factory.mktemp("validator")
    folder, (t1, t2) = scoring_round(root)
    registration = generate_round(folder, ly.REGISTRATION, root / "outbox-dk").paths
    inbox = root / "inbox"
    saved = dt.datetime(2026, 5, 12, 8, 0)
    fill_department(t1, inbox / t1.name, T1_SCORES, saved)
    fill_department(t2, inbox / t2.name, T2_SCORES, saved)
    summary = merge_inbox(inbox, folder)
    write_summary(summary, root / "tong-hop.xlsx")
    init_campaign(root / "preset", "thcs", "validator-test")
    return {"root": root, "folder": folder, "issued": (t1, t2, *registration), "summary": summary,
            "summary_path": root / "tong-hop.xlsx", "campaign_book": root / "preset" / "campaign.xlsx",
            "registration_summary": next((root / "dang-ky").glob("*.xlsx"))}


def test_campaign_book_has_no_finding(written):
    assert describe(findings(written["campaign_book"])) == []


def test_issued_workbooks_of_both_rounds_have_no_finding(written):
    for path in written["issued"]:
        assert describe(findings(path)) == [], path.name


def test_summaries_have_only_the_accepted_finding_of_streamed_workbooks(written):
    for path in (written["summary_path"], written["registration_summary"]):
        assert unaccepted_findings(path) == [], path.name


def test_feedback_copy_has_only_the_accepted_openpyxl_findings(written, tmp_path):
    result = write_feedback(_with_a_warning(written["summary"], written["folder"]), tmp_path / "gop-y")
    assert result.written
    for path in result.written:
        assert unaccepted_findings(path, ACCEPTED_FOR_OPENPYXL) == [], path.name


def _with_a_warning(summary, folder):
    """The summary with one warning on a cell of the first accepted file (feedback needs a problem)."""
    import dataclasses

    from tests.filling import submission
    from thidua_xlsx.model.issues import WARNING, issue

    f = next(f for f in summary.files if f.status == "accepted")
    form = submission(f.path, folder).forms[0]
    extra = issue("person.no_scores", WARNING, file=f.name, sheet=form.sheet, cell=form.items[0].self.cell,
                  name=form.person.name)
    return dataclasses.replace(summary, issues=(*summary.issues, extra))
