"""The summary for machines: ``report.json`` (UTF-8 JSON, ISO times), with codes and parameters
(statuses, sources, reasons, titles: :mod:`thidua_xlsx.model.titles`), not Vietnamese wording."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

from thidua_xlsx.model.council import CouncilChange, Tally
from thidua_xlsx.model.evaluation import YearResults
from thidua_xlsx.model.history import HistoryResults
from thidua_xlsx.model.report import REPORT_SCHEMA_VERSION, Report, report_of
from thidua_xlsx.model.results import PersonResult, Score, Summary, rating_source
from thidua_xlsx.model.rule_set import RuleSet
from thidua_xlsx.write.engine import replacing
from thidua_xlsx.write.summary.content import head_said


def write_report_json(summary: Summary, path: Path, report: Report | None = None) -> None:
    """Write the report to ``path``, through a temporary file and a rename.

    One record (file, problem, person, department) per line, each written as it is made: a province's
    84,000 people are never one text in memory, and the records are dumped by ``json``'s C encoder
    (``indent`` would take its pure-Python one, ~5× slower)."""
    with replacing(path) as tmp, tmp.open("w", encoding="utf-8", newline="\n") as out:
        for n, (key, value) in enumerate(report_dict(summary, report or report_of(summary)).items()):
            out.write(("{" if n == 0 else ",") + f"\n  {_json(key)}: ")
            if isinstance(value, Iterator):
                m = -1
                for m, record in enumerate(value):
                    out.write(("[" if m == 0 else ",") + f"\n    {_json(record)}")
                out.write("\n  ]" if m >= 0 else "[]")
            else:
                out.write(_json(value))
        out.write("\n}\n")


def _json(value) -> str:
    """JSON that every reader takes: a value that is not finite is a bug of ours (unknown is None), not "Infinity"."""
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "), allow_nan=False)


def report_dict(summary: Summary, report: Report) -> dict:
    """The report. Its lists of records are iterators, made one record at a time as the report is written."""
    c = summary.campaign
    return {
        "schema_version": REPORT_SCHEMA_VERSION,
        "campaign": {"id": c.id, "school": c.school.name, "school_year": c.school.school_year},
        "round": summary.round,
        "report": report.to_dict(),
        "files": ({"name": f.name, "department": f.submission.department_code if f.submission else "",
                   "status": f.status, "reason": f.reason, "size": f.size,
                   "modified": _iso(f.modified), "saved_at": _iso(f.saved_at), "sha256": f.sha256}
                  for f in summary.files),
        "problems": (i.to_dict() for i in summary.issues),
        "people": (_person_dict(p, summary.year) for p in summary.people),
        "departments": ({"code": d.code, "members": d.members, "ldtt": d.ldtt, "cstdcs": d.cstdcs,
                         "submitted": d.submitted,
                         "file": d.file, "collective_registered": d.collective,
                         "decisions": [x.to_dict() for x in d.decisions], "proposed": d.proposed}
                        for d in summary.departments),
        "council": _council_dict(summary.tally, summary) if summary.tally is not None else None,
        "period": summary.period or None,
        "year": _year_dict(summary.year) if summary.year else None,
        "special_awards": [{"who": a.who, "kind": a.kind, "achievement": a.achievement, "form": a.form,
                            "note": a.note} for a in c.special_awards] if not summary.period else [],
        "history": _history_dict(summary.history) if summary.history is not None else None,
        "rule_set": _rule_set_dict(c.rule_set) if c.rule_set is not None else None,
        "applied": [{"kind": a.kind, "round": a.round, "file": a.file, "fingerprint": a.fingerprint,
                     "saved": a.saved} for a in summary.applied],
        "draft": [{"period": code, "why": why} for code, why in summary.draft],
    }


def _rule_set_dict(rule_set: RuleSet) -> dict:
    """The rules applied: the province ("" national), the day they were picked for and by what, each text in force."""
    return {"province": rule_set.province, "day": rule_set.day.isoformat(), "day_from": rule_set.day_from,
            "texts": [{"key": t.key, "number": t.number, "short": t.short,
                       "in_force_from": t.in_force_from and t.in_force_from.isoformat(),
                       "in_force_until": t.in_force_until and t.in_force_until.isoformat()}
                      for t in rule_set.texts],
            "citations": dict(rule_set.citations)}


def _history_dict(history: HistoryResults) -> dict:
    """The earlier years used: the files read, each person's match, the multi-year decisions with their years."""
    return {"sources": list(history.sources),
            "matches": [{"person": m.person, "how": m.how, "codes": list(m.codes)} for m in history.matches.values()],
            "people": [{"code": code, "decisions": [d.to_dict() for d in decisions]}
                       for code, decisions in history.people.items()],
            "departments": [{"code": code, "decisions": [d.to_dict() for d in decisions]}
                            for code, decisions in history.departments.items()]}


def _year_dict(year: YearResults) -> dict:
    return {"periods": [{"code": p.code, "label": p.label, "file": year.used.get(p.code), "state": year.state(p.code)}
                        for p in year.periods],
            "missing": [p.code for p in year.missing]}


def _council_dict(t: Tally, summary: Summary) -> dict:
    return {"members": t.members, "present": t.present, "ballots_issued": t.ballots_issued,
            "ballots_returned": t.ballots_returned, "quorum_needed": t.quorum_needed, "quorum_met": t.quorum_met,
            "votes": [{"code": r.code, "title": r.title, "votes": r.votes, "needed": r.needed, "passed": r.passed,
                       "reason": r.reason.to_dict()} for r in t.results],
            "changes": [_change_dict(c) for c in summary.council_changes]}


def _change_dict(c: CouncilChange) -> dict:
    return {"code": c.code, "name": c.name, "what": c.what, "before": c.before, "after": c.after, "note": c.note,
            "against_rule": c.against_rule, "reason": c.reason.to_dict() if c.reason else None}


def _head_entered(year: YearResults, person: str) -> dict:
    """``head_entered``: the periods whose score the head's pass gave, each with its score, why (``kind``: a
    correction, a transfer-in's former school result, "" not said), the score it replaced, her note and the Phiếu's
    words of it (``said``); the key only where there are such periods."""
    given = year.head_entered.get(person, {})
    return {"head_entered": [{"period": code, "score": year.scores.get(person, {}).get(code), "kind": head.kind,
                              "before": head.before, "note": head.note, "said": head_said(year, person, code)}
                             for code, head in given.items()]} if given else {}


def _person_dict(p: PersonResult, year: YearResults | None) -> dict:
    rating = year.ratings.get(p.code) if year else None
    return {
        "code": p.code, "name": p.name, "department": p.department,
        "role": p.role, "position": p.position, "status": p.status, "newcomer": p.newcomer,
        "registered": p.registered,
        "scores": {"self": _total(p.self_score), "department": _total(p.dept_score), "final": p.final,
                   "source": p.final_source},
        "groups": {"self": dict(p.self_score.groups) if p.self_score else {},
                   "department": dict(p.dept_score.groups) if p.dept_score else {}},
        "classification": p.classification, "rank_school": p.rank_school, "rank_department": p.rank_department,
        "decisions": [d.to_dict() for d in p.decisions], "proposed": p.proposed,
        "flags": [f.to_dict() for f in p.flags],
        "council": {"score": p.council_score, "decision": p.council_decision, "note": p.council_note},
        "year": {"periods": dict(year.scores.get(p.code, {})), "states": year.periods_of(p.code),  # model.evaluation
                 **rating.to_dict(), "source": rating_source(p, rating),
                 **_head_entered(year, p.code)} if year is not None and rating else None,
    }


def _iso(value: dt.datetime | None) -> str | None:
    return value.replace(tzinfo=dt.timezone.utc).isoformat() if value else None


def _total(score: Score | None) -> float | None:
    return score.total if score else None
