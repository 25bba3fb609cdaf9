"""Scores, classification and title decisions: pure functions, plain values in, reasons out.

Every threshold is a campaign setting (:class:`thidua_xlsx.campaign.Rules`); the defaults follow
Luật Thi đua, khen thưởng 06/2022/QH15 (art. 21–28) and its decrees, see DOMAIN.md §2.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from thidua_xlsx import campaign as cm
from thidua_xlsx.layout import NOT_REGISTERED

LDTT = "Lao động tiên tiến"
CSTDCS = "Chiến sĩ thi đua cơ sở"
TTLDTT = "Tập thể lao động tiên tiến"
TTLDXS = "Tập thể lao động xuất sắc"

_RECOGNISED_LEVELS = set(cm.INITIATIVE_LEVELS)


@dataclass(frozen=True)
class Score:
    total: float | None  # None: nothing entered in this column
    groups: dict[str, float]
    gate_ok: bool
    entered: int
    blank_required: int


def score(rubric: cm.Rubric, values: dict[str, float | None]) -> Score:
    """Total = cộng groups + min(cap, bonus) − min(cap, deductions); blanks count as 0."""
    groups, total, gate_ok = {}, 0.0, True
    entered = sum(1 for v in values.values() if v is not None)
    blank_required = 0
    for group in rubric.groups:
        raw = sum(values.get(i.code) or 0 for i in group.items)
        subtotal = raw if group.kind == cm.SCORE else min(group.max, raw)
        groups[group.code] = round(subtotal, 4)
        total += -subtotal if group.kind == cm.DEDUCTION else subtotal
        if group.min is not None and subtotal < group.min:
            gate_ok = False
        if group.kind == cm.SCORE:
            blank_required += sum(1 for i in group.items if values.get(i.code) is None)
    return Score(round(total, 4) if entered else None, groups, gate_ok, entered, blank_required)


def classify(levels: tuple[cm.Level, ...], gate_cap: str, total: float | None, gate_ok: bool) -> str:
    """Highest level whose minimum is reached; a failed group minimum caps it at ``gate_cap``.

    Mirrors the classification formula of the scoring workbooks (templates._classification_formula).
    """
    if total is None:
        return ""
    names = [lv.name for lv in levels]
    cap = names.index(gate_cap) if gate_cap in names else len(names)
    for index, level in enumerate(levels):
        if total >= level.min and (gate_ok or index >= cap):
            return level.name
    return levels[-1].name if levels[-1].min == 0 else "Không xếp loại"


def rank(values: list[float | None]) -> list[int | None]:
    """Competition ranking, ties share a rank (1, 2, 2, 4); None is not ranked."""
    ordered = sorted((v for v in values if v is not None), reverse=True)
    first = {}
    for position, value in enumerate(ordered, start=1):
        first.setdefault(value, position)
    return [first[v] if v is not None else None for v in values]


@dataclass(frozen=True)
class Candidate:
    """What the individual rules look at for one person."""

    registered: str  # registered title ("" or NOT_REGISTERED: none)
    rating: str | None
    months: float | None
    maternity_months: float | None
    days_off: float | None
    discipline: str | None
    under_review: bool | None
    initiative: str
    initiative_level: str
    initiative_decision: str
    classification: str
    total: float | None


@dataclass
class Decision:
    title: str
    granted: bool
    reasons: list[str] = field(default_factory=list)

    @property
    def reason(self) -> str:
        return "; ".join(self.reasons)


def _registered_rank(title: str) -> int:
    """0 none, 1 LĐTT, 2 CSTĐCS or higher (CSTĐ cấp tỉnh… include CSTĐCS)."""
    if not title or title == NOT_REGISTERED:
        return 0
    if title == LDTT:
        return 1
    return 2


def decide_ldtt(c: Candidate, rules: cm.Rules, levels: tuple[cm.Level, ...]) -> Decision:
    """LĐTT — Luật TĐKT 2022 art. 24, TT 01/2024/TT-BNV: registered; HTTNV/HTXSNV; ≥ 6 months
    (maternity leave counts); no discipline from khiển trách; not under disciplinary review."""
    d = Decision(LDTT, True)
    if _registered_rank(c.registered) == 0:
        return Decision(LDTT, False, ["không đăng ký thi đua đầu năm nên không được xét"])
    if c.rating is None:
        d.granted = False
        d.reasons.append("chưa có xếp loại viên chức")
    elif c.rating not in rules.ldtt_ratings:
        d.granted = False
        d.reasons.append(f"xếp loại viên chức {c.rating} (cần {' hoặc '.join(rules.ldtt_ratings)})")
    worked = None if c.months is None else min(12.0, c.months + (c.maternity_months or 0))
    if worked is None:
        d.granted = False
        d.reasons.append("chưa có số tháng làm việc")
    elif worked < rules.ldtt_min_months:
        d.granted = False
        d.reasons.append(f"chỉ làm việc {cm.num_text(worked)} tháng (cần từ {cm.num_text(rules.ldtt_min_months)})")
    if rules.ldtt_max_days_off is not None and (c.days_off or 0) > rules.ldtt_max_days_off:
        d.granted = False
        d.reasons.append(f"nghỉ {cm.num_text(c.days_off)} ngày (tối đa {cm.num_text(rules.ldtt_max_days_off)})")
    if c.discipline and c.discipline != cm.DISCIPLINES[0]:
        d.granted = False
        d.reasons.append(f"bị kỷ luật {c.discipline.lower()} trong năm")
    if c.under_review:
        d.granted = False
        d.reasons.append("đang bị xem xét kỷ luật")
    if rules.ldtt_min_classification:
        names = [lv.name for lv in levels]
        needed = names.index(rules.ldtt_min_classification) if rules.ldtt_min_classification in names else 0
        got = names.index(c.classification) if c.classification in names else len(names)
        if got > needed:
            d.granted = False
            shown = c.classification or "chưa có điểm"
            d.reasons.append(f"xếp loại thi đua {shown} (cần từ {rules.ldtt_min_classification})")
    if d.granted:
        parts = [f"xếp loại viên chức {c.rating}", f"làm việc {cm.num_text(worked)} tháng"]
        if c.maternity_months:
            parts[-1] += f" (kể cả {cm.num_text(c.maternity_months)} tháng nghỉ thai sản)"
        parts.append("không bị kỷ luật")
        if c.classification:
            parts.append(f"xếp loại thi đua {c.classification} ({cm.num_text(c.total)} điểm)")
        d.reasons = ["đủ điều kiện: " + ", ".join(parts)]
    return d


def recognised_initiative(c: Candidate) -> bool:
    return bool(c.initiative and c.initiative_decision and c.initiative_level in _RECOGNISED_LEVELS)


def decide_cstdcs(c: Candidate, ldtt: Decision, rules: cm.Rules) -> Decision | None:
    """CSTĐCS — Luật TĐKT 2022 art. 23: LĐTT and (HTXSNV or a recognised sáng kiến); "và" for both.

    None when the person did not register for CSTĐCS or higher (nothing to decide).
    """
    if _registered_rank(c.registered) < 2:
        return None
    if not ldtt.granted:
        return Decision(CSTDCS, False, ["chưa đạt Lao động tiên tiến"])
    excellent = c.rating == "HTXSNV"
    initiative = recognised_initiative(c)
    need_both = rules.cstdcs_condition == "và"
    ok = (excellent and initiative) if need_both else (excellent or initiative)
    if ok:
        parts = []
        if excellent:
            parts.append("HTXSNV")
        if initiative:
            parts.append(f"sáng kiến '{c.initiative}' được công nhận cấp {c.initiative_level} "
                         f"(QĐ {c.initiative_decision})")
        return Decision(CSTDCS, True, ["đạt LĐTT, " + " và ".join(parts)])
    missing = []
    if not excellent:
        missing.append("không HTXSNV")
    if not initiative:
        missing.append("không có sáng kiến được công nhận" if not c.initiative else
                       f"sáng kiến '{c.initiative}' chưa có quyết định công nhận")
    joiner = " hoặc " if need_both else " và "
    return Decision(CSTDCS, False, [joiner.join(missing)])


def apply_quota(candidates: list[tuple[str, float | None]], ldtt_count: int, percent: float | None
                ) -> dict[str, str | None]:
    """Fill CSTĐCS slots by score; returns code → None (kept) or the reason it missed out.

    Slots = floor(percent × LĐTT count). A tie that straddles the last slot is not broken by the
    tool: those tied are all left for the council's vote, with the reason saying so.
    """
    if percent is None:
        return {code: None for code, _ in candidates}
    slots = math.floor(ldtt_count * percent / 100 + 1e-9)
    ordered = sorted(candidates, key=lambda cs: -(cs[1] if cs[1] is not None else -1e9))
    result: dict[str, str | None] = {}
    taken = 0
    index = 0
    while index < len(ordered):
        value = ordered[index][1]
        tied = [code for code, v in ordered[index:] if v == value]
        if taken + len(tied) <= slots:
            result.update({code: None for code in tied})
            taken += len(tied)
        elif taken < slots:
            reason = (f"bằng điểm ({cm.num_text(value)}) với {len(tied)} người cho {slots - taken} suất cuối của "
                      f"chỉ tiêu {cm.num_text(percent)}% ({slots} suất) – Hội đồng bỏ phiếu chọn")
            result.update({code: reason for code in tied})
            taken = slots
        else:
            result.update({code: f"ngoài chỉ tiêu {cm.num_text(percent)}% số LĐTT ({slots} suất), xếp sau theo điểm"
                           for code in tied})
        index += len(tied)
    return result


@dataclass(frozen=True)
class Unit:
    """What the collective rules look at for one department."""

    registered: str
    members: int
    ldtt: int
    cstdcs: int
    at_least_htnv: int  # members rated HTNV or better
    disciplined: int  # any discipline
    warned_or_worse: int  # cảnh cáo or heavier


def decide_collective(u: Unit, rules: cm.Rules) -> list[Decision]:
    """TTLĐTT (Luật TĐKT 2022 art. 27) and TTLĐXS (art. 26), per DOMAIN.md §2."""
    if not u.registered or u.registered == NOT_REGISTERED:
        return [Decision(TTLDTT, False, ["tổ không đăng ký danh hiệu tập thể nên không được xét"])]
    share = 100 * u.ldtt / u.members if u.members else 0
    share_text = f"{u.ldtt}/{u.members} LĐTT ({cm.num_text(round(share, 1))}%)"
    decisions = []
    if u.registered == TTLDXS:
        failed = []
        if u.at_least_htnv < u.members:
            failed.append(f"{u.members - u.at_least_htnv} người chưa hoàn thành nhiệm vụ")
        if share < rules.ttldxs_min_percent:
            failed.append(f"{share_text}, cần từ {cm.num_text(rules.ttldxs_min_percent)}%")
        if u.cstdcs < 1:
            failed.append("không có CSTĐCS")
        if u.disciplined:
            failed.append(f"{u.disciplined} người bị kỷ luật")
        if not failed:
            return [Decision(TTLDXS, True, [f"đủ điều kiện: {share_text}, {u.cstdcs} CSTĐCS, 100% hoàn thành "
                                            "nhiệm vụ, không ai bị kỷ luật (Hội đồng xác nhận tổ hoàn thành "
                                            "xuất sắc nhiệm vụ)"])]
        decisions.append(Decision(TTLDXS, False, failed))
    failed = []
    if share <= rules.ttldtt_min_percent:
        failed.append(f"{share_text}, cần trên {cm.num_text(rules.ttldtt_min_percent)}%")
    if u.warned_or_worse:
        failed.append(f"{u.warned_or_worse} người bị kỷ luật từ cảnh cáo")
    if failed:
        decisions.append(Decision(TTLDTT, False, failed))
    else:
        decisions.append(Decision(TTLDTT, True, [f"đủ điều kiện: {share_text}, không ai bị kỷ luật từ cảnh cáo "
                                                 "(Hội đồng xác nhận tổ hoàn thành tốt nhiệm vụ)"]))
    return decisions
