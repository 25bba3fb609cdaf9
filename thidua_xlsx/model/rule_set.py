"""Rule sets as dated data: the legal texts a campaign follows, picked by date, and a province's values.

The rules moved three times in a year (NĐ 152/2025 from 01/07/2025, NĐ 233/2026 from 01/07/2026, Luật
06/2026/QH16 from 01/10/2026) and provinces set their own: the texts, their dates and the article each rule
rests on are data (``workbook_templates/quy-tac/*.json`` for the national texts, ``workbook_templates/tinh/
<province>.json`` per province, read by :mod:`thidua_xlsx.read.rule_sets`), never constants of the rules.

* :func:`pick` — pure — chooses, for a reference date, the texts in force, the rule each key follows
  (the first of its entries whose text is in force) and the texts whose end is a date to re-check that
  has passed (the 2025 decrees of two-level government end 01/03/2027 unless replaced). It also says what
  a careful reader would ask of that choice: a text set aside because a text it rests on has ended (Hải
  Phòng's QĐ 212/2025 rests on NĐ 90/2020, replaced by NĐ 233/2026 from 01/07/2026), two texts of one file in
  force at once for one rule (the first listed applies), and the rules no text in force answers (a day
  before every text the tool knows: those decisions are left pending, never made without a căn cứ).

  Two texts of one file in force at once for one rule are said, not refused: the data files are the
  program's own (installed with it), a secretary cannot mend them in campaign.xlsx, and a refusal would stop every
  command of every school of that province until someone edits an installed file. So the law's own rule decides:
  between texts of one body that say differently on one matter, the one issued later applies (Luật Ban hành văn bản
  quy phạm pháp luật 64/2025/QH15 điều 58 khoản 3, as Luật 80/2015/QH13 điều 156 khoản 3 before it; the words in
  text/rule_sets) — an amendment appended to a province's file without ``amends`` wins over the text it changes, in
  whatever order the file lists them; issued the same day (or no date known), the first listed applies. The conflict
  is a warning wherever the campaign is opened (read.rule_sets: every command, ``year`` included) naming every text,
  the one applied and why, and in the summary (check.campaign). A file says which text replaced which with
  ``in_force_until`` or ``amends``.
* :func:`applied` lays the rule set on a campaign's own rule values: **a province's value is a floor** —
  a school may be stricter than its province, never looser. The value applied is cited to whichever
  text set it: the province's article, the law's, or the school's own Quy chế when the school's value
  is the stricter one (what :data:`SCHOOL_RULES` stands for; its words are in text/).

The reference date is the campaign's "Ngày gửi hồ sơ" (the day the file is received: Luật 06/2026
applies by that date), else its scoring deadline, else today (:func:`reference_date`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar, Protocol, TypeVar

# The rule keys a rule set cites, one per decision (the words of each are in text/rule_sets).
LDTT, CSTDCS, CSTDCS_QUOTA, TTLDTT, TTLDXS = "ldtt", "cstdcs", "cstdcs_quota", "ttldtt", "ttldxs"
WOMEN_FIRST = "women_first"  # NĐ 152/2025 điều 4 khoản 6: a woman first on a tie for a limited slot
UNDER_REVIEW = "under_review"  # NĐ 152/2025 điều 4: no award while under disciplinary review
RATING = "rating"  # the year's rating bands (a province's scale, e.g. Hải Phòng QĐ 212/2025 điều 6)
RUBRIC = "rubric"  # the point scale's groups (Hải Phòng: general criteria 20 + tasks 80)
RULE_KEYS = (LDTT, CSTDCS, CSTDCS_QUOTA, TTLDTT, TTLDXS, WOMEN_FIRST, UNDER_REVIEW, RATING, RUBRIC)

# The values a rule entry may set, by rule (each a field of model.campaign.Rules, or the bands / groups).
VALUE_KEYS = {LDTT: ("min_months",), TTLDTT: ("min_percent", "at_least"), TTLDXS: ("min_percent",),
              CSTDCS_QUOTA: ("percent",), RATING: ("bands", "disciplined"), RUBRIC: ("groups",)}

SCHOOL_RULES = "quy-che-truong"  # the text key of the school's own Quy chế (a value stricter than the texts')

# Where the reference date came from; FROM_PERIODS: the year's rating, picked for the day its last period ends.
FROM_FILING, FROM_SCORING_DEADLINE, FROM_TODAY = "filing_date", "scoring_deadline", "today"
FROM_PERIODS = "periods"

# The decisions a rule set must answer: without a text in force for one, it is left pending (never decided bare).
TITLE_RULES = (LDTT, CSTDCS, TTLDTT, TTLDXS)


@dataclass(frozen=True)
class LegalText:
    """One legal text: its number, names, dates (``in_force_until``: the last day in force, inclusive; None:
    no end known) and what to re-check (``recheck``: a date or a figure not verified; ``note``: how the tool
    reads it)."""

    key: str
    number: str  # "06/2022/QH15"
    name: str  # "Luật Thi đua, khen thưởng"
    short: str  # "Luật TĐKT 2022": how a reason cites it
    issued: dt.date | None = None
    in_force_from: dt.date | None = None
    in_force_until: dt.date | None = None
    recheck: str = ""
    note: str = ""
    rests_on: tuple[str, ...] = ()  # the texts it was issued under (keys): when one has ended, it is set aside
    amends: tuple[str, ...] = ()  # the texts it amends (keys): in force together, they are not two rules at once

    def in_force(self, day: dt.date) -> bool:
        return (self.in_force_from is None or self.in_force_from <= day) and \
            (self.in_force_until is None or day <= self.in_force_until)

    def ended(self, day: dt.date) -> bool:
        """Its last day in force is before ``day``."""
        return self.in_force_until is not None and self.in_force_until < day

    def later(self, day: dt.date) -> bool:
        """It comes into force after ``day``."""
        return self.in_force_from is not None and self.in_force_from > day


@dataclass(frozen=True)
class Band:
    """The lowest score of a rating: from ``min`` (``above`` False: "từ 50") or strictly above it ("trên 90")."""

    name: str  # a rating code: HTXSNV, HTTNV, HTNV
    min: float
    above: bool = False

    def reached(self, score: float) -> bool:
        return score > self.min if self.above else score >= self.min


@dataclass(frozen=True)
class RuleEntry:
    """What one text says of one rule: the article, and the values it sets (a province's floor, its bands)."""

    rule: str
    text: str  # a LegalText key
    article: str  # "điều 4 khoản 2 điểm b"
    values: tuple[tuple[str, object], ...] = ()

    def value(self, key: str, default: object = None) -> object:
        return dict(self.values).get(key, default)


@dataclass(frozen=True)
class Deadline:
    """A day of the year a province's files are due (``month``/``day``), for whom (``what``), and where it is said."""

    what: str
    month: int
    day: int
    text: str
    article: str


@dataclass(frozen=True)
class Source:
    """One data file: the national texts (``province`` "") or a province's, with the entries of each rule (the
    first whose text is in force applies), its deadlines and notes."""

    province: str  # the province's name as the secretary picks it ("Bắc Ninh"); "" for the national texts
    code: str  # the file's name without .json ("bac-ninh")
    texts: tuple[LegalText, ...]
    rules: tuple[tuple[str, tuple[RuleEntry, ...]], ...] = ()
    deadlines: tuple[Deadline, ...] = ()
    notes: tuple[str, ...] = ()


Sources = tuple[Source, ...]  # the national file, then the province's when there is one


@dataclass(frozen=True)
class SetAside:
    """A text in force on the day whose rules are not applied: ``ended``, the texts it rests on, ended before the
    day (Hải Phòng QĐ 212/2025 rests on NĐ 90/2020 and 48/2023, replaced by NĐ 233/2026 điều 19 khoản 2 from
    01/07/2026: the decree's own bands apply until the province issues a scale under it). ``rules``: the rule
    keys it would have set."""

    text: LegalText
    ended: tuple[LegalText, ...]
    rules: tuple[str, ...]
    since: dt.date  # the first day it is set aside: the day after the last of ``ended`` ended


@dataclass(frozen=True)
class Conflict:
    """Two texts or more of one file in force on the day for one rule (a newer text listed without the older one's
    end): ``applied`` — the one issued last (see the module), the first listed where the dates do not tell
    (``by_order``) — applies, ``others`` are said."""

    rule: str
    applied: LegalText
    others: tuple[LegalText, ...]
    province: str = ""  # the file's province ("": the national texts)
    by_order: bool = False  # issued the same day (or no date known): the first listed applies


@dataclass(frozen=True)
class Raised:
    """A value of the campaign looser than its province's, raised to the province's (said to the secretary)."""

    rule: str
    field: str  # the Rules field
    school: object
    applied: object
    citation: str


@dataclass(frozen=True)
class RuleSet:
    """The texts a campaign follows on its reference date ``day`` and the rule each key applies.

    ``texts``: in force on ``day``, national first, then the province's (what a summary and the Tờ trình
    name); ``rules``: rule key → the entry applied; ``citations``: rule key → how a reason cites the value
    actually applied (filled by :func:`applied`: the school's own Quy chế where it is stricter);
    ``ended``: texts whose end is a date to re-check and which ended before ``day``; ``notes``: what to
    re-check in the texts applied, as the data files say it; ``raised``: the campaign's values its province's
    floor raised (check.campaign says them, and the texts ended); ``set_aside``, ``conflicts``: see
    :class:`SetAside`, :class:`Conflict`; ``unanswered``: the title rules (:data:`TITLE_RULES`) no text in force
    answers on ``day``, and ``first``: the earliest text that would (None: none known); ``decree``: the national
    text of the year's rating by periods (NĐ 233/2026), whatever the day; ``year``: the rule set of the year's
    rating — picked for the day the campaign's last period ends (None: no periods), its bands those the periods
    are rated by, whatever the day the file is sent.
    """

    day: dt.date
    day_from: str = FROM_TODAY
    province: str = ""
    texts: tuple[LegalText, ...] = ()
    rules: tuple[tuple[str, RuleEntry], ...] = ()
    deadlines: tuple[Deadline, ...] = ()
    ended: tuple[LegalText, ...] = ()
    notes: tuple[str, ...] = ()
    citations: tuple[tuple[str, str], ...] = ()
    raised: tuple[Raised, ...] = ()
    set_aside: tuple[SetAside, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    unanswered: tuple[str, ...] = ()
    first: LegalText | None = None
    decree: LegalText | None = None
    year: RuleSet | None = None

    def rule(self, key: str) -> RuleEntry | None:
        return dict(self.rules).get(key)

    def text(self, key: str) -> LegalText | None:
        return next((t for t in self.texts if t.key == key), None)

    def cite(self, key: str) -> str:
        """How a reason cites rule ``key`` ("Luật TĐKT 2022 điều 24"); "" when no text of the set speaks of it."""
        return dict(self.citations).get(key, "")


def governing(rule_set: RuleSet) -> list[tuple[RuleSet, tuple[str, ...]]]:
    """Each rule set of a campaign and the rules it decides: the year's rating and its rubric's scale go by the year's
    own rule set (the day its last period ends) when there is one, every other rule by the reference day's."""
    if rule_set.year is None:
        return [(rule_set, RULE_KEYS)]
    year_rules = (RATING, RUBRIC)
    return [(rule_set, tuple(k for k in RULE_KEYS if k not in year_rules)), (rule_set.year, year_rules)]


def reference_date(filing_date: str, scoring_deadline: str, today: dt.date) -> tuple[dt.date, str]:
    """The day the rule set is picked for, and where it came from: "Ngày gửi hồ sơ" (the day the file is
    received, which Luật 06/2026 goes by), else the scoring deadline (the file leaves the school soon after),
    else ``today``. A date that is not ISO is passed over (the campaign book's reader has reported it)."""
    for value, source in ((filing_date, FROM_FILING), (scoring_deadline, FROM_SCORING_DEADLINE)):
        try:
            return dt.date.fromisoformat(value), source
        except (TypeError, ValueError):
            continue
    return today, FROM_TODAY


def pick(national: Source, province: Source | None, day: dt.date, day_from: str = FROM_TODAY) -> RuleSet:
    """The rule set of ``day``: the texts in force, and for each rule the province's entry in force if it has
    one, else the national one. A province whose texts are not yet in force adds nothing (its values with them);
    a text resting on a text ended by ``day`` adds nothing either (:class:`SetAside`). Within one file, the first
    entry in force applies, unless another is in force too (and neither amends the other): a :class:`Conflict`, where
    the text issued later applies (see the module).
    Citations are the texts' own; :func:`applied` replaces those the school's stricter values set."""
    sources = (national, province) if province is not None else (national,)
    by_key = {t.key: t for s in sources for t in s.texts}
    texts, set_aside = _texts_in_force(sources, by_key, day)
    in_force = {t.key for t in texts} - {a.text.key for a in set_aside}
    chosen, conflicts = _chosen(sources, by_key, in_force)
    rules = tuple((key, chosen[key]) for key in RULE_KEYS if key in chosen)
    unanswered = tuple(key for key in TITLE_RULES if key not in chosen and _entries(sources, key))
    return RuleSet(day, day_from, province.province if province is not None else "",
                   tuple(t for t in texts if t.key in in_force), rules,
                   tuple(d for s in sources for d in s.deadlines if d.text in in_force),
                   _ended_to_recheck(sources, day), _notes(sources, texts, in_force),
                   tuple((key, f"{by_key[e.text].short} {e.article}".strip()) for key, e in rules),
                   set_aside=set_aside, conflicts=conflicts, unanswered=unanswered,
                   first=_first_later(sources, by_key, unanswered, day),
                   decree=next((by_key[e.text] for e in _entries((national,), RATING)), None))


def _texts_in_force(sources: Sources, by_key: dict[str, LegalText],
                    day: dt.date) -> tuple[tuple[LegalText, ...], tuple[SetAside, ...]]:
    """The texts in force on ``day`` and, of them, those set aside because a text they rest on has ended."""
    texts = tuple(t for s in sources for t in s.texts if t.in_force(day))
    return texts, tuple(_set_aside(t, sources, by_key, day) for t in texts if _ended_bases(t, by_key, day))


def _chosen(sources: Sources, by_key: dict[str, LegalText],
            in_force: set[str]) -> tuple[dict[str, RuleEntry], tuple[Conflict, ...]]:
    """Each rule's entry in force (the province after the nation: its entry wins) and the conflicts: within one
    file, two entries in force for one rule (neither amending the other), where the text issued later applies."""
    chosen: dict[str, RuleEntry] = {}
    conflicts = []
    for source in sources:
        for key, entries in source.rules:
            found = [e for e in entries if e.text in in_force]
            if not found:
                continue
            chosen[key] = found[0]
            others = [e for e in found[1:] if e.text not in by_key[found[0].text].amends]
            if others:
                chosen[key], conflict = _later_applies(key, [found[0], *others], by_key, source.province)
                conflicts.append(conflict)
    return chosen, tuple(conflicts)


def _ended_to_recheck(sources: Sources, day: dt.date) -> tuple[LegalText, ...]:
    """The texts whose end is a date to re-check and has passed by ``day``."""
    return tuple(t for s in sources for t in s.texts
                 if t.recheck and t.in_force_until is not None and t.in_force_until < day)


def _notes(sources: Sources, texts: tuple[LegalText, ...], in_force: set[str]) -> tuple[str, ...]:
    """The texts' re-check words and notes, then the files' own notes, each once in that order."""
    of_texts = (n for t in texts if t.key in in_force for n in (t.recheck, t.note) if n)
    return tuple(dict.fromkeys([*of_texts, *(n for s in sources for n in s.notes)]))


def _first_later(sources: Sources, by_key: dict[str, LegalText], unanswered: tuple[str, ...],
                 day: dt.date) -> LegalText | None:
    """Of the texts that would answer an unanswered rule, the first to come into force after ``day``."""
    later = [by_key[e.text] for key in unanswered for e in _entries(sources, key) if by_key[e.text].later(day)]
    return min(later, key=lambda t: t.in_force_from or day) if later else None


def _later_applies(key: str, entries: list[RuleEntry], by_key: dict[str, LegalText], province: str
                   ) -> tuple[RuleEntry, Conflict]:
    """Of ``entries`` (one file's, in force at once for rule ``key``), the one of the text issued last — between texts
    of one body on one matter, the later applies (see the module) — and the conflict said; the first listed
    when no date tells which is later (``by_order``)."""
    days = [issued(by_key[e.text]) for e in entries]
    latest = max(days)
    by_order = days.count(latest) > 1
    applied = entries[0] if by_order else entries[days.index(latest)]
    others = tuple(by_key[e.text] for e in entries if e is not applied)
    return applied, Conflict(key, by_key[applied.text], others, province, by_order)


def issued(text: LegalText) -> dt.date:
    """When ``text`` was issued, else when it came into force (the earliest day when neither is known)."""
    return text.issued or text.in_force_from or dt.date.min


def _entries(sources: Sources, key: str) -> tuple[RuleEntry, ...]:
    return tuple(e for s in sources for k, entries in s.rules if k == key for e in entries)


def _ended_bases(text: LegalText, by_key: dict[str, LegalText], day: dt.date) -> tuple[LegalText, ...]:
    """The texts ``text`` rests on that ended before ``day`` (a base the files do not list is not judged)."""
    return tuple(by_key[k] for k in text.rests_on if k in by_key and by_key[k].ended(day))


def _set_aside(text: LegalText, sources: Sources, by_key: dict[str, LegalText], day: dt.date) -> SetAside:
    rules = tuple(key for s in sources for key, entries in s.rules if any(e.text == text.key for e in entries))
    ended = _ended_bases(text, by_key, day)
    return SetAside(text, ended, rules, max(t.in_force_until or day for t in ended) + dt.timedelta(days=1))


class _Floored(Protocol):
    """What :func:`applied` reads and replaces of a campaign's ``Rules`` (model.campaign imports this module: the
    class cannot be named here): a dataclass with the floors' fields."""

    __dataclass_fields__: ClassVar[dict[str, dataclasses.Field[Any]]]

    @property
    def ttldtt_at_least(self) -> bool: ...


_Rules = TypeVar("_Rules", bound=_Floored)


def applied(rules: _Rules, rule_set: RuleSet, school_rules_citation: str, year: RuleSet | None = None
            ) -> tuple[_Rules, RuleSet]:
    """``rules`` (a :class:`~thidua_xlsx.model.campaign.Rules`) with the rule set laid on it: each province value
    a floor, ``citations``, ``rating_bands`` and ``unanswered`` filled. Returns (the rules, the rule set with the
    citations as applied, the values raised and ``year``). ``school_rules_citation``: how a reason cites the
    school's own Quy chế; ``year``: the rule set of the year's rating (:attr:`RuleSet.year`), whose bands and
    citation the year's rating takes.

    A value equal to the text's is cited to the text; a stricter one to the school's Quy chế; a looser one is
    raised to the text's and said (:class:`Raised`). The national texts set no value: their figures are the
    Rules' defaults, and a school's value other than the default is its own Quy chế's (cited so, never moved:
    the province's floor is the only one the tool raises to)."""
    citations = dict(rule_set.citations)
    changes: dict[str, object] = {}
    raised: list[Raised] = []
    for key, field, stricter in _FLOORS:
        name = _FIELDS[(key, field)]
        entry = rule_set.rule(key)
        value = entry.value(field) if entry is not None else None
        school = getattr(rules, name)
        if key == TTLDTT:  # "> 50 %" or "≥ 70 %": the share and whether it may be equal
            school = (school, rules.ttldtt_at_least)
            value = (value, bool(entry.value("at_least", False))) if value is not None and entry is not None else None
        if value is None:
            if school != _DEFAULTS[key]:
                citations[key] = school_rules_citation
            continue
        if school == value:
            continue
        if school is not None and stricter(school, value):  # None: no quota, looser than any
            citations[key] = school_rules_citation
            continue
        raised.append(Raised(key, name, school, value, citations.get(key, "")))
        changes |= {"ttldtt_min_percent": value[0], "ttldtt_at_least": value[1]} if isinstance(value, tuple) else \
            {name: value}  # a tuple: the share and whether it may be equal (TTLDTT)
    rated_by = year or rule_set
    rating = rated_by.rule(RATING)
    found = rating.value("bands", ()) if rating is not None else ()
    bands = found if isinstance(found, tuple) else ()  # read.rule_sets made them a tuple of Band
    citations[RATING] = rated_by.cite(RATING)
    cited = tuple((key, citations[key]) for key in RULE_KEYS if citations.get(key))
    # the rules also cite the school's Quy chế for a condition only it sets (days off, a score classification, "và")
    rules = dataclasses.replace(rules, **changes, citations=(*cited, (SCHOOL_RULES, school_rules_citation)),
                                rating_bands=bands, rating_discipline=_discipline_cited(rated_by),
                                unanswered=rule_set.unanswered)
    return rules, dataclasses.replace(rule_set, citations=cited, raised=tuple(raised), year=year)


def _discipline_cited(rated_by: RuleSet) -> str:
    """How a reason cites the year's scale making any discipline in the year KHTNV (its "disciplined" article); ""
    when its rating rule names none (NĐ 233/2026's own clauses apply)."""
    rating = rated_by.rule(RATING)
    article = rating.value("disciplined", "") if rating is not None else ""
    scale = rated_by.text(rating.text) if rating is not None and article else None
    return f"{scale.short} {article}" if scale is not None else ""


def _higher(a: float, b: float) -> bool:
    return a > b


def _lower(a: float, b: float) -> bool:
    return a < b


def _stricter_share(a: tuple[float, bool], b: tuple[float, bool]) -> bool:
    """(percent, at least) ``a`` asks more than ``b``: every share meeting ``a`` meets ``b``, and not the reverse."""
    (pa, at_least_a), (pb, at_least_b) = a, b
    return pa > pb or (pa == pb and at_least_b and not at_least_a)


# (rule, value key, "the school's value is stricter") for each value a province may floor.
_Floor = tuple[str, str, Callable[[Any, Any], bool]]  # each compares its rule's values: a number, or (share, at least)
_FLOORS: tuple[_Floor, ...] = ((LDTT, "min_months", _higher), (TTLDTT, "min_percent", _stricter_share),
           (TTLDXS, "min_percent", _higher), (CSTDCS_QUOTA, "percent", _lower))
_FIELDS = {(LDTT, "min_months"): "ldtt_min_months", (TTLDTT, "min_percent"): "ttldtt_min_percent",
           (TTLDXS, "min_percent"): "ttldxs_min_percent", (CSTDCS_QUOTA, "percent"): "cstdcs_quota_percent"}
# The law's figures, as model.campaign.Rules holds them by default (a test keeps the two equal).
_DEFAULTS = {LDTT: 6, TTLDTT: (50, False), TTLDXS: 70, CSTDCS_QUOTA: None}
