"""A campaign folder of an earlier release continued: what that release left where this one no longer looks is carried
to today's place the first time it is seen, each said, never silently dropped (docs/compatibility.md).

- A period's summary an earlier release wrote at the campaign folder's root (``tong-hop_<period>.xlsx``, the command
  line's default until the periods' summaries went to ``ky/``) is moved into ``ky/`` when ``ky/`` has none of its own.
- A head's pass on a period, or the council's on the year or the single scoring round, that an earlier release kept
  only inside a summary it wrote (council passed, no pass kept in ``hoi-dong/``, no record of one applied) — the
  round's own, one its runs record names, or a period's ``ky/cuoi_<kỳ>.xlsx`` as the 0.2–0.6 READMEs said — is kept in
  ``hoi-dong/`` as that round's pass, so that the merge about to rewrite the round's summary applies it again.
- A summary an earlier release wrote from the very same books, about to be rewritten: each title whose outcome today's
  rules decide otherwise is named in the run's notes (:func:`rules_changed`), never changed silently.
"""

from __future__ import annotations

import os
from pathlib import Path

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import decisions as dc
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model import places
from thidua_xlsx.model.issues import WARNING, Issue, Problems, issue
from thidua_xlsx.model.places import shown
from thidua_xlsx.model.result import SUMMARY
from thidua_xlsx.model.results import Summary
from thidua_xlsx.model.titles import Title
from thidua_xlsx.read.entries import saved_stamp
from thidua_xlsx.read.own_summary import NOT_OURS, UNREADABLE, Opened, Wanted, open_summary
from thidua_xlsx.steps.decisions import keep, kept
from thidua_xlsx.system.runs import recent
from thidua_xlsx.system.voice import Voice
from thidua_xlsx.system.written import Written
from thidua_xlsx.text import decisions as dx
from thidua_xlsx.text.releases import VERSION


def periods_found(folder: Path, campaign: cm.Campaign, written: Written, voice: Voice) -> None:
    """Each period's summary an earlier release wrote at ``folder``'s root moved into ``ky/`` (said) when ``ky/`` has
    none, its entry in the record of the tool's own files (``written``) moved with it, so that the period's next merge
    replaces it rather than writing beside it; one left where it is when ``ky/`` has its own (said: the one in
    ``ky/`` is used)."""
    at = places.Places(folder)
    for period in campaign.periods:
        old = folder / places.SUMMARY_NAME.format(round=period.code)
        new = at.summary(ly.SCORING, period.code)
        if not old.is_file():
            continue
        if new.exists():
            voice.warn(dx.PERIOD_LEFT.format(file=old.name, period=period.label, used=shown(new, folder)))
            continue
        new.parent.mkdir(parents=True, exist_ok=True)
        os.replace(old, new)
        written.moved(old, new)
        voice.say(dx.PERIOD_MOVED.format(file=old.name, period=period.label, moved=shown(new, folder)))


def pass_inside(folder: Path, key: str, summary_path: Path, voice: Voice) -> Path | None:
    """The pass an earlier release kept only inside a summary of round ``key`` — the one this merge rewrites
    (``summary_path``), a summary the runs record names as that round's passed one (``-o`` as its user gave it), or
    the name the earlier READMEs gave a period's final summary (``ky/cuoi_<kỳ>.xlsx``) — now kept in ``hoi-dong/``
    (said); None when there is none to carry (a pass already kept, no summary passed, or one whose pass this
    release's record names)."""
    if kept(folder, key) is not None:
        return None
    for path in _passed_names(folder, key, summary_path):
        opened = _summary_there(path)
        meta = opened.meta if opened is not None else None
        if meta is None or not meta.council or any(row[0] in (dc.HEAD, dc.COUNCIL) for row in meta.applied):
            continue
        target, _replaced = keep(folder, key, path)
        voice.say(dx.PASS_CARRIED[dc.HEAD if key not in (places.YEAR_KEY, ly.SCORING) else dc.COUNCIL].format(
            file=shown(path, folder), kept=shown(target, folder), release=_release(meta)))
        return target
    return None


def _passed_names(folder: Path, key: str, summary_path: Path) -> list[Path]:
    """Where an earlier release may have left round ``key``'s passed summary, in the order looked at: those the runs
    record names as written by a pass of that round, a period's README name — each written beside the round's own
    summary from it, so the later pass when both are passed —, then the round's own summary."""
    recorded = [folder / run.of_kind(SUMMARY)[0].path for run in reversed(recent(folder))
                if run.key == key and run.council and run.of_kind(SUMMARY)]
    readme = [summary_path.with_name(places.README_PERIOD_FINAL.format(period=key))] \
        if key not in (places.YEAR_KEY, ly.SCORING, ly.REGISTRATION) else []
    return list(dict.fromkeys([*recorded, *readme, summary_path]))


def _summary_there(path: Path) -> Opened | None:
    """The summary at ``path`` through the one gate (read.own_summary.Opened), or None: no file there, or one the gate
    refuses — said by the merge that reads it, not here."""
    if not path.is_file():
        return None
    unsaid = {UNREADABLE: "year.unreadable", NOT_OURS: "year.unreadable"}  # the problems are dropped: words never said
    try:
        return open_summary(path, Wanted(edited_ok=True), unsaid, Problems(), file=path.name)
    except OSError:
        return None


def _release(meta: ly.SummaryMeta) -> str:
    """The release that wrote a summary, as the notes name it."""
    return f"{ly.APP_ID} {meta.release}" if meta.release else dx.EARLIER_RELEASE


def rules_changed(path: Path, summary: Summary, campaign_book: Path | None) -> tuple[Issue, ...]:
    """A note for each title of a person or a department whose outcome (granted, refused, pending) ``summary`` decides
    otherwise than the summary at ``path`` did, when that one was written by an earlier release from the very same
    books (their names and fingerprints) and its campaign book (``campaign_book``) was not saved since: the difference
    is then the rules', not the books' nor hers. Nothing when there is no such summary."""
    opened = _summary_there(path)
    if opened is None or opened.meta.release == VERSION or opened.edited:
        return ()
    same_books = {(name, sha) for name, sha, _status in opened.meta.inputs} == {(f.name, f.sha256)
                                                                               for f in summary.files}
    if not same_books or not _not_saved_since(campaign_book, path):
        return ()
    before = {(str(code), str(title)): _outcome(granted, pending) for code, title, granted, pending
              in (*opened.meta.decisions, *opened.meta.department_decisions)}
    release = _release(opened.meta)
    decided = [(p.code, p.name, d) for p in summary.people for d in p.decisions] + \
        [(t.code, t.name, d) for t in summary.departments for d in t.decisions]
    return tuple(issue("merge.rule_changed", WARNING, who=code, name=name, title=Title(d.title), release=release,
                       before=dx.OUTCOME_WORDS[was], after=dx.OUTCOME_WORDS[now])
                 for code, name, d in decided
                 if (was := before.get((code, d.title))) is not None and was != (now := _outcome(d.granted,
                                                                                                 d.pending)))


def _not_saved_since(book: Path | None, summary_path: Path) -> bool:
    """Whether the campaign book ``book`` says it was saved no later than the summary at ``summary_path`` says it was
    (a summary is dated by the newest book it read; a campaign book as the tool wrote it, by a fixed early day): a
    book saved since — a discipline, a rating, a rule typed — may be why an outcome differs. No when either says no
    time."""
    if book is None:
        return False
    try:
        saved, written = (saved_stamp(p.read_bytes(), p.suffix.lower()) for p in (book, summary_path))
    except OSError:
        return False
    return saved is not None and written is not None and saved <= written


def _outcome(granted: bool, pending: bool) -> str:
    return "pending" if pending else "granted" if granted else "refused"
