"""The CSTĐCS quota (a school's or province's share of the LĐTT): who takes its slots by score, a tie broken women
first where NĐ 152/2025 điều 4 khoản 6 is in force, what the council settles; and a granted decision once it is
applied. Pure: no I/O."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from thidua_xlsx.decide.rules import basis_of
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import rule_set as rset
from thidua_xlsx.model.issues import Reason, reason
from thidua_xlsx.model.results import Decision


def apply_quota(candidates: list[tuple[str, float | None]], ldtt_count: int, percent: float | None,
                genders: Mapping[str, str] | None = None, rules: cm.Rules | None = None) -> dict[str, Reason | None]:
    """Fill CSTĐCS slots by score; returns code → None (kept), the reason it missed out, or — kept on a tie —
    "quota.women_first" (see :func:`after_quota`).

    Slots = floor(percent × LĐTT count). A tie that straddles the last slot is broken women first when the
    campaign's rule set has NĐ 152/2025 điều 4 khoản 6 ("lựa chọn cá nhân nữ", in force from 01/07/2025:
    ``rules`` cites it) and ``genders`` (code → the roster's Giới tính) is given: the women tied take the slots
    left. What the tie-break cannot settle stays with the council, all those concerned pending ("quota.tie"),
    the reason saying why: more women than slots, nobody a woman, or a gender not entered for one of them
    (never guessed). Without the rule, a tie is left to the council as before.

    Not applied to the year's HTXSNV cap (:mod:`thidua_xlsx.decide.evaluation`): a rating under NĐ 233/2026 is
    not a khen thưởng, and that decree gives no tie-break.
    """
    if percent is None:
        return {code: None for code, _ in candidates}
    slots = math.floor(ldtt_count * percent / 100 + 1e-9)
    women_first = rules.cite(rset.WOMEN_FIRST) if rules is not None and genders is not None else ""
    ordered = sorted(candidates, key=lambda cs: -(cs[1] if cs[1] is not None else -1e9))
    result: dict[str, Reason | None] = {}
    taken = 0
    index = 0
    while index < len(ordered):
        value, end = ordered[index][1], index + 1
        while end < len(ordered) and ordered[end][1] == value:  # equal scores are next to each other
            end += 1
        tied = [code for code, _ in ordered[index:end]]
        if taken + len(tied) <= slots:
            result.update({code: None for code in tied})
            taken += len(tied)
        elif taken < slots:
            tie = _Tie(value, slots - taken, percent, slots)
            result.update(tie.women_first(tied, genders, women_first) if women_first and genders is not None
                          else tie.council(tied, None))
            taken = slots
        else:
            result.update({code: reason("quota.outside", percent=percent, slots=slots)
                           for code in tied})
        index += len(tied)
    return result


@dataclass(frozen=True)
class _Tie:
    """Those tied at ``score`` for the ``left`` last slots of a quota of ``percent`` (``slots`` in all)."""

    score: float | None
    left: int
    percent: float
    slots: int

    def council(self, tied: list[str], detail: Reason | None, left: int | None = None) -> dict[str, Reason]:
        why = reason("quota.tie", score=self.score, tied=len(tied), left=self.left if left is None else left,
                     percent=self.percent, slots=self.slots, detail=detail)
        return dict.fromkeys(tied, why)

    def women_first(self, tied: list[str], genders: Mapping[str, str], citation: str) -> dict[str, Reason]:
        """NĐ 152/2025 điều 4 khoản 6 on one tie: the women first, what remains to the council."""
        unknown = [code for code in tied if cm.clean_text(genders.get(code)) not in cm.GENDERS]
        if unknown:
            return self.council(tied, reason("quota.tie_gender_unknown", count=len(unknown), citation=citation))
        women = [code for code in tied if cm.clean_text(genders.get(code)) == cm.FEMALE]
        men = [code for code in tied if code not in women]
        if not women:
            return self.council(tied, reason("quota.tie_men", citation=citation))
        out = dict.fromkeys(men, reason("quota.women_first_out", score=self.score, left=self.left, citation=citation))
        if len(women) > self.left:
            return out | self.council(women, reason("quota.tie_women", women=len(women), citation=citation))
        kept = dict.fromkeys(women, reason("quota.women_first", score=self.score, tied=len(tied), left=self.left,
                                           citation=citation))
        remaining = self.left - len(women)
        if remaining:  # fewer women than slots: the men tied share what is left, by the council's vote
            return kept | self.council(men, reason("quota.tie_after_women", women=len(women), citation=citation),
                                       remaining)
        return kept | out


def after_quota(decision: Decision, why: Reason | None, rules: cm.Rules | None = None) -> Decision:
    """A granted CSTĐCS decision once the quota is applied (``why``: :func:`apply_quota`'s word for the person):
    kept as it is (None), kept women first (its reason added), or refused — pending when the council must choose
    on a tie. Its reasons end with the quota's citation (the school's Quy chế, or the province's article)."""
    if why is None:
        return decision
    basis = basis_of(rules, rset.CSTDCS_QUOTA) if rules is not None else ()
    if why.code == "quota.women_first":
        return Decision(decision.title, True, (*decision.reasons, why, *basis), years=decision.years)
    return Decision(decision.title, False, (why, *basis), pending=why.code == "quota.tie")
