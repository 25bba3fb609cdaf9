"""The checks of campaign.xlsx that read across rows and sheets: the rubrics against their criteria, the
classification levels against the rubrics' totals, the periods against each other and the school year. Every
problem is recorded at its cell, none stops the others; :mod:`thidua_xlsx.read.campaign_book` builds the
campaign from what they return."""

from __future__ import annotations

import datetime as dt

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.campaign_book import (
    CRITERIA_COLUMNS,
    CRITERIA_SHEET,
    LEVEL_COLUMNS,
    LEVELS_SHEET,
    PERIOD_FIELDS,
    PERIOD_FIELDS_COLUMN,
    PERIOD_KIND_WORDS,
    PERIODS_SHEET,
    RUBRICS_SHEET,
    YEAR_FORMULA_WORDS,
)
from thidua_xlsx.model.issues import WARNING, Problems


def _header(columns, key: str) -> str:
    """The header of ``key``'s column in the book, as a message names the column."""
    return next(column.header for column in columns if column.key == key)


class Checks:
    """Cross-sheet checks: every problem is recorded, none stops the others."""

    def __init__(self, file_name, problems: Problems):
        self.file, self.problems = file_name, problems

    def add(self, code, sheet, cell="", **params):
        self.problems.add(code, file=self.file, sheet=sheet, cell=cell, **params)

    def warn(self, code, sheet, cell="", **params):
        self.problems.add(code, WARNING, file=self.file, sheet=sheet, cell=cell, **params)

    def unique(self, rows, key, sheet):
        seen: dict[object, str] = {}
        for _, values, cells in rows or ():
            value = values.get(key)
            if value in seen:
                self.add("campaign.duplicate", sheet, cells[key], value=value, first=seen[value])
            elif value is not None:
                seen[value] = cells[key]

    def periods(self, fields, rows, school_year: str | None = None):
        """The kind of period, the periods (by start date) and the year's formula, each problem by its cell; a
        period outside the school year (a copy of last year's campaign?) and the unit's HTXSNV share (from 20 % to
        25 %, and only for a unit rated HTXSNV: NĐ 233/2026 điều 12 khoản 6) are said."""
        self.unique(rows, "code", PERIODS_SHEET)
        kind = PERIOD_KIND_WORDS.get(fields.get("period_kind") or "", cm.NO_PERIODS)
        formula = YEAR_FORMULA_WORDS.get(fields.get("year_formula") or "", cm.AVERAGE)
        where = {f.key: ly.a1(1 + i, PERIOD_FIELDS_COLUMN + 1) for i, f in enumerate(PERIOD_FIELDS)}  # as written
        rows = rows or []
        if kind == cm.NO_PERIODS and rows:
            self.add("campaign.periods_without_kind", PERIODS_SHEET, where["period_kind"], count=len(rows))
        if kind != cm.NO_PERIODS and not rows and fields.get("period_kind"):
            self.add("campaign.periods_none_listed", PERIODS_SHEET, where["period_kind"], kind=fields["period_kind"])
        periods, cells_of = [], {}
        for _, v, cells in rows:
            period = self._period(v, cells, formula, school_year)
            if period is not None:
                periods.append(period)
                cells_of[v["code"]] = cells
        periods.sort(key=lambda pw: pw[0].start)
        self._overlaps([p for p, _ in periods], cells_of)
        if formula == cm.SEMESTERS and rows and len(rows) != 2:
            self.add("campaign.period_semesters_count", PERIODS_SHEET, where["year_formula"], count=len(rows))
        self._share(fields, where["excellent_unit_cap_percent"])
        return kind, tuple(p for p, _ in periods), _year_formula(formula, periods)

    def _period(self, v, cells, formula: str, school_year: str | None) -> tuple[cm.Period, float | None] | None:
        """One row of the periods with its weight, its dates and weight checked; None when it cannot be a period
        (a value missing, reported by the reader, or its end before its start)."""
        if None in (v["code"], v["label"], v["start"], v["end"]):
            return None  # reported by the reader
        start, end = dt.date.fromisoformat(v["start"]), dt.date.fromisoformat(v["end"])
        deadline = dt.date.fromisoformat(v["deadline"]) if v.get("deadline") else None
        if end < start:
            self.add("campaign.period_end_before_start", PERIODS_SHEET, cells["end"], period=v["code"],
                     start=start.strftime("%d/%m/%Y"), end=end.strftime("%d/%m/%Y"))
            return None
        if deadline is not None and deadline < end:
            self.warn("campaign.period_deadline_early", PERIODS_SHEET, cells["deadline"], period=v["code"],
                      deadline=deadline.strftime("%d/%m/%Y"), end=end.strftime("%d/%m/%Y"))
        if formula == cm.WEIGHTED and v.get("weight") is None:
            self.add("campaign.period_weight_missing", PERIODS_SHEET, cells["weight"], period=v["code"])
        elif v.get("weight") is not None and v["weight"] <= 0:
            self.add("campaign.period_weight_range", PERIODS_SHEET, cells["weight"], period=v["code"],
                     value=cm.num_text(v["weight"]))
        self._within_year(v["code"], start, end, school_year, cells["start"])
        return cm.Period(v["code"], v["label"], start, end, deadline), v.get("weight")

    def _overlaps(self, periods: list[cm.Period], cells_of: dict) -> None:
        """A period (by start date) that starts before the one before it ends, said at its start."""
        for before, after in zip(periods, periods[1:]):
            if after.start <= before.end:
                self.add("campaign.period_overlap", PERIODS_SHEET, cells_of[after.code]["start"], period=after.code,
                         other=before.code, end=before.end.strftime("%d/%m/%Y"))

    def _within_year(self, code: str, start: dt.date, end: dt.date, school_year: str | None, cell: str) -> None:
        """A warning for a period outside its school year (from 1 August: model.campaign.school_year_of)."""
        days = cm.school_year_days(school_year or "")
        if days is None:
            return  # the school year's own problem is said by build
        first, last = days
        if start < first or end > last:
            self.warn("campaign.period_outside_year", PERIODS_SHEET, cell, period=code,
                      start=start.strftime("%d/%m/%Y"), end=end.strftime("%d/%m/%Y"), year=school_year,
                      first=first.strftime("%d/%m/%Y"), last=last.strftime("%d/%m/%Y"))

    def _share(self, fields, cell: str) -> None:
        """The HTXSNV share the unit decided: from 20 % to 25 % (an error otherwise), and only for a unit rated
        HTXSNV (a warning: 20 % is used)."""
        share = fields.get("excellent_unit_cap_percent")
        label = label_of(PERIOD_FIELDS, "excellent_unit_cap_percent")
        if share is None:
            return
        if not 20 <= share <= 25:
            self.add("campaign.excellent_share_range", PERIODS_SHEET, cell, field=label, value=cm.num_text(share))
        elif share > 20 and fields.get("unit_rating") != cm.RATINGS[0]:
            self.warn("campaign.excellent_share_unit", PERIODS_SHEET, cell, field=label, value=cm.num_text(share),
                      unit=fields.get("unit_rating") or "")

    def levels(self, rows, rubrics):
        result, previous = [], None
        top = max((r.total for r in rubrics if r.total is not None), default=100)
        for _, values, cells in rows:
            if values["min"] is None or values["name"] is None:
                continue
            if not 0 <= values["min"] <= top:
                self.add("campaign.threshold_range", LEVELS_SHEET, cells["min"], value=values["min"], total=top)
            elif previous is not None and values["min"] >= previous:
                self.add("campaign.threshold_order", LEVELS_SHEET, cells["min"], value=values["min"], previous=previous)
            previous = values["min"]
            result.append(cm.Level(values["name"], values["min"]))
        if not result:
            self.add("campaign.required", LEVELS_SHEET, "A2", field=_header(LEVEL_COLUMNS, "name"))
        return tuple(result)

    def rubrics(self, rubric_rows, criteria):
        """Each role's rubric from its rows of criteria, then any criterion of a role no rubric names, said."""
        rubrics = []
        for _, values, cells in rubric_rows:
            if values["role"] is not None:  # blank, reported already
                rubrics.append(self._rubric(values["role"], values["total"], cells, criteria))
        known = {r.role for r in rubrics}
        for _, v, c in criteria:
            if v["role"] is not None and v["role"] not in known:
                self.add("campaign.unknown_role", CRITERIA_SHEET, c["role"], value=v["role"],
                         roles=", ".join(sorted(known)))
        return tuple(rubrics)

    def _rubric(self, role, total, cells, criteria) -> cm.Rubric:
        """One role's rubric: its groups with their items, each group's sums checked, the groups' sum against the
        rubric's total."""
        rows = [(v, c) for _, v, c in criteria if v["role"] == role and v["code"] and v["text"]]
        built = [self._group(role, rows, g, items, c) for (g, items), c in self._groups(role, rows)]
        score_sum = sum(g.max for g in built if g.kind == cm.SCORE and g.max is not None)
        if not built:
            self.add("campaign.empty_rubric", RUBRICS_SHEET, cells["role"], role=role)
        elif total is not None and all(g.max is not None for g in built) and abs(score_sum - total) > 1e-9:
            self.add("campaign.rubric_sum", RUBRICS_SHEET, cells["total"], role=role, groups=cm.num_text(score_sum),
                     total=cm.num_text(total))
        return cm.Rubric(role, total, tuple(built))

    def _groups(self, role, rows) -> list:
        """The role's rows gathered as groups (a code without a dot) with their items (the group's code, a dot, a
        number), each with the cells of the group's row; a duplicate code, a group without its kind and an item
        under no group said."""
        groups, group_cells = [], []
        codes = set()
        for v, c in rows:
            if v["code"] in codes:
                self.add("campaign.duplicate", CRITERIA_SHEET, c["code"], value=v["code"], first=role)
            codes.add(v["code"])
            if "." not in v["code"]:
                if v.get("kind") is None:
                    self.add("campaign.required", CRITERIA_SHEET, c.get("kind", c["code"]),
                             field=_header(CRITERIA_COLUMNS, "kind"))
                groups.append([v, []])
                group_cells.append(c)
            elif groups and v["code"].split(".")[0] == groups[-1][0]["code"]:
                groups[-1][1].append(cm.Item(v["code"], v["text"], v["max"], v.get("hint") or ""))
            else:
                self.add("campaign.orphan_item", CRITERIA_SHEET, c["code"], value=v["code"])
        return list(zip(groups, group_cells))

    def _group(self, role, rows, g, items, c) -> cm.Group:
        """One group of a rubric: not empty, its items' maxima summing to its own (a group scored), its minimum
        within 0 and its maximum."""
        item_sum = sum(i.max for i in items if i.max is not None)
        if not items:
            self.add("campaign.empty_group", CRITERIA_SHEET, c["code"], value=g["code"], role=role)
        maxima_known = g["max"] is not None and all(v["max"] is not None for v, _ in rows
                                                     if v["code"].startswith(g["code"] + "."))
        if g.get("kind") == cm.SCORE and maxima_known and abs(item_sum - g["max"]) > 1e-9:
            self.add("campaign.group_sum", CRITERIA_SHEET, c["max"], group=g["code"], role=role,
                     items=cm.num_text(item_sum), max=cm.num_text(g["max"]))
        if g.get("min") is not None and g["max"] is not None and not 0 <= g["min"] <= g["max"]:
            self.add("campaign.group_min", CRITERIA_SHEET, c["min"], group=g["code"],
                     value=cm.num_text(g["min"]), max=cm.num_text(g["max"]))
        return cm.Group(g["code"], g["text"], g.get("kind") or cm.SCORE, g["max"], g.get("min"), tuple(items))


def _year_formula(formula: str, periods: list[tuple[cm.Period, float | None]]) -> cm.YearFormula:
    """The year's formula as the book chose it: the periods' weights, the two semesters, else the average."""
    if formula == cm.WEIGHTED:
        return cm.YearFormula(cm.WEIGHTED, tuple((p.code, w) for p, w in periods if w is not None))
    if formula == cm.SEMESTERS and len(periods) == 2:
        return cm.YearFormula.semesters(periods[0][0].code, periods[1][0].code)
    return cm.YearFormula()


def label_of(fields, key) -> str:
    """The label of field ``key`` as the book writes it."""
    return next(f.label for f in fields if f.key == key)
