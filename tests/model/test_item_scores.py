"""One representation of a column of scores from the check to the rules: :class:`ItemScores`,
made by the check, kept by the entry, read by the rules as a mapping — None where nothing was given, never 0."""

from __future__ import annotations

import pickle

from thidua_xlsx.decide import rules
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model.inbox import Entry, ItemScores

RUBRIC = cm.Rubric("GV", 20, (cm.Group("I", "Phẩm chất", cm.SCORE, 20, None, (
    cm.Item("I.1", "Chấp hành", 10), cm.Item("I.2", "Đạo đức", 10))),))


def test_a_column_reads_as_a_mapping_with_none_where_nothing_was_given():
    scores = ItemScores(("I.1", "I.2", "II.1"), [9.5, None, 0.0])

    assert dict(scores) == {"I.1": 9.5, "I.2": None, "II.1": 0.0}
    assert (scores["I.2"], scores.get("X"), scores.get("X", 1.0), len(scores)) == (None, None, 1.0, 3)


def test_it_travels_between_processes_as_it_is():
    entry = Entry("GV01", "Lan", "T1", "GV", "Giáo viên", False, "t1.xlsx",
                  self_scores=ItemScores(("I.1", "I.2"), [8, None]), dept_scores=ItemScores(("I.1", "I.2"), [7.5, 9]))

    back = pickle.loads(pickle.dumps(entry))

    assert dict(back.self_scores) == {"I.1": 8.0, "I.2": None} and dict(back.dept_scores) == {"I.1": 7.5, "I.2": 9.0}


def test_the_rules_add_up_the_same_column_as_a_typed_table_would():
    as_checked = ItemScores(("I.1", "I.2"), [8, None])

    assert rules.score(RUBRIC, as_checked) == rules.score(RUBRIC, {"I.1": 8, "I.2": None})
    assert rules.score(RUBRIC, as_checked).blank_required == 1
