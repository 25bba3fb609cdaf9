"""What the papers say, worked out once from the summary: the lists per title, the ballot, the tally's
votes, the short notes and the warnings (:class:`Facts`). Titles are codes here; each paper words them."""

from __future__ import annotations

from thidua_xlsx.decide.ballots import needed_votes, vote_percent
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model.council import Candidate, VoteResult
from thidua_xlsx.model.issues import Reason
from thidua_xlsx.model.results import Decision, DepartmentResult, PersonResult, Summary, provisional
from thidua_xlsx.model.titles import CSTDCS, LDTT
from thidua_xlsx.model.titles import name as title_name
from thidua_xlsx.text import documents as dw
from thidua_xlsx.text.decisions import draft_text
from thidua_xlsx.text.titles import TITLE_SHORT
from thidua_xlsx.text.wording import short_note
from thidua_xlsx.write.engine import FIXED_DATE
from thidua_xlsx.write.summary.content import (
    COLLECTIVE_ORDER,
    proposal_lists,
    put_to_vote,
    school_of,
    titles_in_order,
)

# A vote table whose counts are blanks is filled by hand at the meeting: room to write in each row (a ballot's: 10 mm)
HANDWRITING_ROW_MM = 8


class Facts:
    """The summary seen by the papers: the lists per title (the counts are their lengths), the
    ballot, the tally's votes and the short notes."""

    def __init__(self, summary: Summary):
        self.s = summary
        self.c = summary.campaign
        self.school = school_of(summary)
        self.year = self.school.school_year
        self.rules = self.c.rules if self.c else cm.Rules()
        self.tally = summary.tally
        self.created = summary.newest_input or FIXED_DATE
        labels = {p.code: p.label for p in self.c.periods} if self.c else {}
        self.draft = draft_text((labels.get(code, code), why) for code, why in summary.draft)  # a year still running
        people = list(summary.people)
        self.individual: dict[str, list[tuple[PersonResult, Decision]]] = proposal_lists(people)
        found = {d.proposed for d in summary.departments if d.proposed}
        self.collective: dict[str, list[DepartmentResult]] = {
            t: [d for d in summary.departments if d.proposed == t] for t in titles_in_order(COLLECTIVE_ORDER, found)}
        self.staff = {p.code: p for p in self.c.staff} if self.c else {}
        self.heads = {d.code: d.head for d in self.c.departments} if self.c else {}
        self.ballot = put_to_vote(summary, self.rules)
        resting = provisional(summary)
        self.provisional, self.provisional_units = resting.people, resting.units

    def provisional_text(self) -> str:
        """The Tờ trình's and the Biên bản's sentence on the provisional proposals ("" when there is none)."""
        if not self.provisional and not self.provisional_units:
            return ""
        return dw.provisional_sentence(len(self.provisional), len(self.provisional_units), self.year,
                                       dw.PROVISIONAL_MARKED)

    # --- votes ---

    def _percent(self, title: str) -> float:
        """The share of all members ``title`` needs: asked only of a title put to a vote."""
        percent = vote_percent(title, self.rules)
        if percent is None:
            raise ValueError(f"{title} is not put to a vote")
        return percent

    def percent_text(self, title: str) -> str:
        return dw.PERCENT.format(value=cm.num_text(round(self._percent(title), 2)))

    def result(self, code: str, title: str) -> VoteResult | None:
        return self.tally.result(code, title) if self.tally else None

    @property
    def members_count(self) -> int | None:
        return self.tally.members if self.tally else None

    def votes_text(self, code: str, title: str) -> str:
        if vote_percent(title, self.rules) is None:
            return dw.NOT_VOTED
        r, members = self.result(code, title), self.members_count
        if r is None or r.votes is None or not members:
            return dw.VOTES_BLANK
        return dw.VOTES.format(votes=r.votes, members=members, share=cm.num_text(round(100 * r.votes / members, 1)))

    def share_text(self, r: VoteResult | None) -> str:
        members = self.members_count
        if r is None or r.votes is None or not members:
            return dw.DOTS
        return dw.PERCENT.format(value=cm.num_text(round(100 * r.votes / members, 1)))

    def needed(self, title: str) -> int | None:
        members = self.members_count
        return needed_votes(members, self._percent(title)) if members else None

    def vote_row(self, c: Candidate, title: str) -> list[str]:
        """Name, department, votes, share of all members and result of one line of a ballot."""
        r = self.result(c.code, title)
        department = c.department if c.department != c.name else ""
        if self._not_held(r):
            return [c.name, department, dw.NONE_DASH, dw.NONE_DASH, dw.VOTE_NOT_HELD]
        votes = str(r.votes) if r is not None and r.votes is not None else dw.DOTS
        return [c.name, department, votes, self.share_text(r), dw.VOTE_RESULT[r.passed if r is not None else None]]

    @staticmethod
    def vote_rows_mm(rows: list[list[str]]) -> float | None:
        """The least height of a vote table's rows: room to write by hand where a count is a blank to fill."""
        return HANDWRITING_ROW_MM if any(dw.DOTS in row for row in rows) else None

    def _not_held(self, r: VoteResult | None) -> bool:
        """On the ballot, no votes typed although the count was (a candidate withdrawn): not voted on, not
        "not counted yet"."""
        t = self.tally
        return (r is None or r.votes is None) and t is not None and bool(t.members) and t.quorum_met is not False

    # --- notes and grounds ---

    def note(self, p: PersonResult, d: Decision, title: str) -> str:
        notes = []
        if title == CSTDCS:
            excellent, initiative = self.grounds(p, d)
            key = ("excellent_initiative" if excellent and initiative else "excellent" if excellent else
                   "initiative" if initiative else "")
            if key:
                notes.append(dw.NOTES[key])
        elif title == LDTT:
            if p.facts.maternity_months:
                notes.append(dw.NOTES["maternity"].format(months=cm.num_text(p.facts.maternity_months)))
            if p.granted(CSTDCS):
                notes.append(dw.NOTES["also"].format(title=TITLE_SHORT[CSTDCS]))
        notes.append(short_note(d))  # "Hội đồng quyết định" when the council decided, as on the summary's lists
        if p.code in self.provisional:
            notes.append(dw.NOTES["provisional"])
        notes += self.vote_notes(p.code, title)
        return "; ".join(n for n in notes if n)

    def vote_notes(self, code: str, title: str) -> list[str]:
        t = self.tally
        r = t.result(code, title) if t else None
        if t is None or r is None:
            return []
        if t.quorum_met is False:
            return [dw.NOTES["no_quorum"]]
        return [dw.NOTES["vote_failed"]] if r.passed is False else []

    def grounds(self, p: PersonResult, d: Decision) -> tuple[bool, bool]:
        """What a CSTĐCS rests on: (the HTXSNV rating, a recognised sáng kiến), from the decision's
        reasons; from the facts when the decision does not say (a council's decision)."""
        codes = _reason_codes(d.reasons)
        if "cstdcs.excellent" in codes or "cstdcs.initiative" in codes:
            return "cstdcs.excellent" in codes, "cstdcs.initiative" in codes
        f = p.facts
        return f.rating == "HTXSNV", bool(f.initiative and f.initiative_decision)

    def warnings(self) -> tuple[str, ...]:
        found = []
        t = self.tally
        if t is None and self.ballot:  # papers before the council: the vote's results are not in them
            found.append(dw.WARN_BEFORE_VOTE.format(titles=", ".join(map(title_name, self.ballot))))
        if t is not None and t.quorum_met is False:
            found.append(dw.WARN_NO_QUORUM.format(present=t.present, members=t.members, needed=t.quorum_needed))
        proposed = [(p.code, p.name, title) for title, chosen in self.individual.items() for p, _ in chosen]
        proposed += [(d.code, d.name, title) for title, units in self.collective.items() for d in units]
        for code, name, title in proposed:
            r = self.result(code, title)
            if t is not None and r is not None and r.passed is False:  # a result: a tally
                found.append(dw.WARN_VOTE_FAILED.format(name=name, title=title_name(title), votes=r.votes,
                                                        members=t.members, needed=r.needed))
        return tuple(found)


def points(score: float) -> str:
    """A score as the papers print it: 85.3333 → '85,33', 89.995 → '89,99' (two decimals, cut, never rounded across
    a band: :func:`~thidua_xlsx.model.campaign.score_text`)."""
    return cm.score_text(score)


def _reason_codes(reasons) -> set[str]:
    """The codes of ``reasons`` and of every reason nested in their parameters."""
    found, todo = set(), list(reasons)
    while todo:
        r = todo.pop()
        found.add(r.code)
        for _, value in r.params:
            if isinstance(value, Reason):
                todo.append(value)
            elif isinstance(value, tuple):
                todo.extend(v for v in value if isinstance(v, Reason))
    return found
