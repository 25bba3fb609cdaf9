"""Every Vietnamese user-facing message, reason and label, in one catalogue.

Messages follow one pattern: what is wrong, then what to do. The place (file · sheet!cell) is
added by :class:`thidua_xlsx.model.issues.Issue`.

The words live by topic: in this package's modules (the campaign book, files and workbooks, scores and
checks, the titles' reasons, the council, the year) and in the later features' own modules of ``text/``
(history, rule sets, level above, mail, …). This module puts them together as ``MESSAGES``, ``REASONS``
and ``LABELS``, the one place every caller looks codes up.
"""

from __future__ import annotations

from thidua_xlsx.text.api import API_MESSAGES
from thidua_xlsx.text.appraisal import PARTS_LABELS, PARTS_MESSAGES
from thidua_xlsx.text.commune import LEVEL_ABOVE_MESSAGES, LEVEL_ABOVE_REASONS
from thidua_xlsx.text.decisions import DECISION_MESSAGES
from thidua_xlsx.text.history import HISTORY_MESSAGES as HISTORY_BOOK_MESSAGES
from thidua_xlsx.text.history_rules import HISTORY_MESSAGES, HISTORY_REASONS
from thidua_xlsx.text.mail import MAIL_MESSAGES
from thidua_xlsx.text.messages.campaign import (
    CAMPAIGN_MESSAGES,
    LEGAL_LINE,
    LEGAL_LINE_FIELD,
    PAST_YEAR_LAST,
)
from thidua_xlsx.text.messages.campaign import OPENING_CODES as CAMPAIGN_OPENING_CODES
from thidua_xlsx.text.messages.council import COUNCIL_MESSAGES, COUNCIL_REASONS
from thidua_xlsx.text.messages.files import BLANK_SHOWN, FILE_MESSAGES, FORMULA_REPLACED
from thidua_xlsx.text.messages.scores import SCORE_MESSAGES, SCORE_REASONS, shortened
from thidua_xlsx.text.messages.title_reasons import REASON_LABELS, TITLE_REASONS
from thidua_xlsx.text.messages.untidy import UNTIDY_MESSAGES, UNTIDY_OPENING_CODES
from thidua_xlsx.text.messages.year import (
    BEFORE_DECREE_SCALE,
    NO_PERIOD,
    YEAR_LABELS,
    YEAR_MESSAGES,
    YEAR_REASONS,
    YEAR_STATE_WORDS,
)
from thidua_xlsx.text.page_safety import PAGE_SAFETY_MESSAGES
from thidua_xlsx.text.period_pass import PERIOD_PASS_MESSAGES
from thidua_xlsx.text.province_import import PROVINCE_IMPORT_MESSAGES
from thidua_xlsx.text.rule_sets import RULE_SET_MESSAGES, RULE_SET_REASONS
from thidua_xlsx.text.ui import UI_MESSAGES

__all__ = [  # what the package imports from here; the topics' own names stay in their modules
    "BEFORE_DECREE_SCALE", "BLANK_SHOWN", "FORMULA_REPLACED", "LABELS", "LEGAL_LINE", "LEGAL_LINE_FIELD", "MESSAGES",
    "NO_PERIOD", "OPENING_CODES", "PAST_YEAR_LAST", "REASONS", "SEVERITY_LABELS", "YEAR_STATE_WORDS", "shortened",
]

SEVERITY_LABELS = {"error": "Lỗi", "warning": "Cảnh báo", "note": "Ghi chú"}
OPENING_CODES = CAMPAIGN_OPENING_CODES | UNTIDY_OPENING_CODES  # said when the campaign is opened, listed, not again


def _joined(*parts: dict[str, str]) -> dict[str, str]:
    """One catalogue from its topics' parts; a code written in two of them is a bug (one would hide the other)."""
    catalogue: dict[str, str] = {}
    for part in parts:
        twice = catalogue.keys() & part.keys()
        if twice:
            raise ValueError(f"codes in two parts of the catalogue: {sorted(twice)}")
        catalogue.update(part)
    return catalogue


MESSAGES = _joined(
    CAMPAIGN_MESSAGES, FILE_MESSAGES, SCORE_MESSAGES, COUNCIL_MESSAGES, YEAR_MESSAGES,
    HISTORY_MESSAGES,  # the multi-year decisions from the history (decide.history)
    HISTORY_BOOK_MESSAGES,  # the history book (lich-su.xlsx) and the earlier years' summaries
    RULE_SET_MESSAGES,  # the rule sets by date and province (model.rule_set, read.rule_sets)
    LEVEL_ABOVE_MESSAGES,  # the level above (the commune's merge of its schools' summaries)
    PROVINCE_IMPORT_MESSAGES,  # the province's import file (model/read/write.province_import)
    API_MESSAGES,  # the analysts' API (thidua_xlsx.api)
    PARTS_MESSAGES,  # the two parts of part I of the Phiếu xếp loại, read back from period summaries
    UI_MESSAGES,  # the local page (thidua_xlsx.ui)
    MAIL_MESSAGES,  # mail in and out (thidua_xlsx.mail: the drafts and collect)
    PERIOD_PASS_MESSAGES,  # a period's head pass reads scores and notes only
    PAGE_SAFETY_MESSAGES,  # the page's way back in, its error pages, its redirect file
    UNTIDY_MESSAGES,  # a filing date far from its year, two texts in force said at opening
    DECISION_MESSAGES,  # a person's word kept with its round: the registration, the passes, a year still running
)

# Reasons of decisions, statuses and flags (codes in rules/consolidation, words here).
REASONS = _joined(TITLE_REASONS, SCORE_REASONS, COUNCIL_REASONS, YEAR_REASONS,
                  HISTORY_REASONS, RULE_SET_REASONS, LEVEL_ABOVE_REASONS)

# Labels of codes listed inside reasons (facts, score columns, leave kinds, the parts of part I).
LABELS = _joined(REASON_LABELS, YEAR_LABELS, PARTS_LABELS)
