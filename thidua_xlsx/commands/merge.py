"""``merge`` and ``year``: read, check, decide (the council's word, the history), then write every output asked for."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import evaluation as ev
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model import places
from thidua_xlsx.model.campaign_book import LEGAL_SHEET
from thidua_xlsx.model.commune_key import is_legacy_code
from thidua_xlsx.model.errors import Stopped
from thidua_xlsx.model.history import History
from thidua_xlsx.model.issues import ERROR, WARNING, Issue, Problems, issue
from thidua_xlsx.model.places import shown
from thidua_xlsx.model.report import Report, report_of
from thidua_xlsx.model.requests import MergeRequest
from thidua_xlsx.model.result import Result
from thidua_xlsx.model.results import Summary
from thidua_xlsx.papers.pdf import started_early
from thidua_xlsx.read.containment import scan_inbox
from thidua_xlsx.steps import deliver
from thidua_xlsx.steps import outputs as out
from thidua_xlsx.steps.carried import pass_inside, periods_found, rules_changed
from thidua_xlsx.steps.decisions import applied, keep, kept, kind_of_round, set_aside, year_registrations
from thidua_xlsx.steps.opening import locate_campaign, period_names
from thidua_xlsx.steps.reading import YearAgain, apply_council_file, counted, heard, nothing_usable, read_and_report
from thidua_xlsx.steps.workspace import CampaignFolder
from thidua_xlsx.system.voice import Voice, vietnam_today, warn_problems
from thidua_xlsx.system.written import Written
from thidua_xlsx.text import commands as ct
from thidua_xlsx.text import decisions as dx
from thidua_xlsx.text.ui import WORDS
from thidua_xlsx.write.console import console_lines, council_lines


def merge(request: MergeRequest, voice: Voice = Voice()) -> Result:
    """``merge``: read, check, decide (and apply the council's word), then write every output asked for.
    Every output is checked, and held (a lock), before any work; see the module. A school's: the commune's is
    :func:`thidua_xlsx.commune.commands.merge`."""
    from thidua_xlsx.write.drafts import refuse_in_inbox  # deferred: email at start-up

    refuse_in_inbox(request.drafts_dir, request.inbox)
    return _merged(request, voice, _read_inbox, "merge")


def year(request: MergeRequest, voice: Voice = Voice()) -> Result:
    """``year``: the year's summary from the periods' summaries in ``request.inbox`` (a folder, read only, as
    an inbox is), every person's year rated and the titles decided; then written as ``merge`` writes.
    Stopped when the campaign has no periods."""
    from thidua_xlsx.write.drafts import refuse_in_inbox  # deferred: email at start-up

    refuse_in_inbox(request.drafts_dir, request.inbox)
    return _merged(request, voice, _read_year, "year")


def _merged(request: MergeRequest, voice: Voice, read: _Reader, command: str) -> Result:
    r = request
    if r.council_path is not None and r.drop_council:
        raise out.Refused(dx.DROP_AND_GIVE)
    folder = locate_campaign(r.inbox, r.campaign_path, voice)  # read only: no lock needed yet
    plan = out.merge_plan(r, r.output, out.campaign_inputs(folder, r.council_path, r.history_path))
    # the campaign's lock first, then the outputs', in one step: a page that takes the campaign to write a pass it was
    # given finds it held (and writes nothing) rather than meeting the outputs' locks after it wrote
    with out.holding([*out.campaign_lock(folder, r.inbox), *plan.locks()], command, voice), \
            started_early(r.docs_dir is not None):
        written = out.record_of(folder, r.inbox)
        with written.saved_on_failure():
            report, summary, plan, council = _merge(r, folder, plan, written, voice, read)
        written.save()
    key = places.YEAR_KEY if summary.year else places.round_key(summary.round, summary.period)
    return Result(command, report, written.made(plan.kind_of), key, folder.folder,
                  council=council is not None and report.valid, decided=summary)


@dataclass(frozen=True)
class _Read:
    """What a merge read and decided: the summary, its report, and (the year's) how to decide the year again with
    the year's scores the council gives (:func:`~thidua_xlsx.decide.council.apply_council`)."""

    summary: Summary
    report: Report
    year_again: YearAgain | None = None


_Reader = Callable[[MergeRequest, CampaignFolder, Written, Voice], _Read]  # an inbox's workbooks, or the periods'


def _read_inbox(r: MergeRequest, folder: CampaignFolder, _written: Written, voice: Voice) -> _Read:
    return _Read(*read_and_report(r.inbox, folder, r.round, r.strict, voice, r.period))


def _read_year(r: MergeRequest, folder: CampaignFolder, written: Written, voice: Voice) -> _Read:
    """The periods' summaries of the folder ``r.inbox`` read, the summary of each period chosen, the year
    decided. The periods used and missing are said; Stopped when the folder holds no file at all (what to put
    there is said)."""
    from thidua_xlsx.decide.council import with_year_scores  # deferred: decide.council at start-up
    from thidua_xlsx.decide.year import (  # deferred: decide.year at start-up
        SAID_ON_SCREEN,
        select_periods,
        year_summary,
    )
    from thidua_xlsx.read.period_summaries import read_period_summaries  # deferred: python-calamine at start-up

    campaign = folder.campaign
    if not campaign.periods:
        raise Stopped(Problems(), ct.YEAR_NO_PERIODS.format(campaign=folder.book or folder.folder))
    if r.council_path is not None:  # the council's summary checked before any work: a period's is refused at once
        _the_year_s_council(r.council_path, campaign)
    if r.inbox.resolve() == places.Places(folder.folder).periods.resolve():  # an earlier release's, found (said)
        periods_found(folder.folder, campaign, written, voice)
    items = scan_inbox(r.inbox)
    if not items:
        raise Stopped(Problems(), ct.YEAR_EMPTY.format(folder=r.inbox, periods=period_names(campaign)))
    with voice.reading(len(items)) as on_file:
        files, read = read_period_summaries(items, campaign, on_file)
    files, periods = select_periods(files, read)
    refused = Problems()  # a registration summary the year cannot use: said, the periods' books read instead
    registrations = year_registrations(folder.folder, campaign, refused)
    unusable = (*(replace(i, severity=WARNING) for i in refused.items), *_passes_waiting(folder.folder, campaign,
                                                                                         periods))
    warn_problems(list(unusable), voice)

    past = None  # earlier years' ratings from the history given: a discipline for an act already rated KHTNV for it
    if r.history_path is not None:  # is not counted twice (NĐ 233/2026 điều 14 khoản 3 điểm b)
        from thidua_xlsx.decide.history import past_ratings  # deferred: decide.history at start-up

        past = past_ratings(campaign.staff, _history_at(r.history_path, campaign)[0])

    def year_of(chosen: dict[str, ev.PeriodSummary]) -> Summary:
        summary = year_summary(campaign, files, chosen, campaign.unit_rating or None, today=vietnam_today(),
                               book=folder.book_name, registrations=registrations, past=past)
        return replace(summary, issues=(*unusable, *summary.issues))

    summary = year_of(periods)
    labels = [p.label for p in campaign.periods if p.code in periods]
    voice.say(ct.YEAR_PERIODS.format(used=len(labels), total=len(campaign.periods),
                                     periods=", ".join(labels) or "—"))
    warn_problems([i for i in summary.issues if i.code in SAID_ON_SCREEN], voice)
    return _Read(summary, report_of(summary, r.strict), lambda scores: year_of(with_year_scores(periods, scores)))


def _passes_waiting(folder: Path, campaign: cm.Campaign, periods: Mapping[str, ev.PeriodSummary]
                    ) -> tuple[Issue, ...]:
    """A head's pass kept in ``hoi-dong/`` for a period whose summary the year reads was written without it (a summary
    an earlier release left, or one written before the pass): that period still counts as not passed, said with how
    to apply it — the period merged again, which applies the pass kept."""
    labels = {p.code: p.label for p in campaign.periods}
    at = places.Places(folder)
    return tuple(issue("year.pass_not_applied", WARNING, file=summary.file, period=labels.get(code, code),
                       kept=shown(found, folder), inbox=shown(at.inbox(ly.SCORING, code), folder), period_code=code)
                 for code, summary in periods.items()
                 if not summary.council and (found := kept(folder, code)) is not None)


def _the_year_s_council(path: Path, campaign: cm.Campaign) -> None:
    """Stopped before the year is read when the council's summary ``path`` is not the year's: not this campaign's
    scoring summary (its reason said), or a period's (what to do with it said)."""
    from thidua_xlsx.read.council import council_period  # deferred: read.council at start-up

    problems = Problems()
    period = council_period(path, campaign, problems)
    if period is None:
        raise Stopped(problems)
    if period:
        labels = {p.code: p.label for p in campaign.periods}
        raise Stopped(Problems(), ct.COUNCIL_PERIOD_FOR_YEAR.format(file=path.name, code=period,
                                                                    period=labels.get(period, period)))


def _merge(r: MergeRequest, folder: CampaignFolder, plan: out.OutputPlan, written: Written, voice: Voice,
           read: _Reader) -> tuple[Report, Summary, out.OutputPlan, Path | None]:
    """The merge itself, the outputs of ``plan`` checked and held (the summary's own place, and the papers asked
    again, join it once the round is read); ``written``: the record of the tool's own files;
    ``read``: what gives the (Summary, Report) — an inbox's workbooks, or the periods' summaries — counted as
    ``status`` counts it (:func:`counted`)."""
    voice, said = heard(voice)
    found = read(r, folder, written, voice)
    summary, report = counted(found.summary, folder, r.strict, voice)
    key = places.YEAR_KEY if summary.year else places.round_key(summary.round, summary.period)
    council = _pass_of(r, folder, key, summary, written, voice)
    if council is not None:
        summary, report = _with_pass(r, folder, key, council, summary, report, found.year_again, voice)
    if r.history_path is not None and summary.accepted_files:
        summary = _with_history(summary, r.history_path, voice)
        report = report_of(summary, r.strict)
    at = places.Places(folder.folder)  # the campaign folder's, wherever the command was typed
    output = r.output or (at.year_summary if summary.year else at.summary(summary.round, summary.period))
    changed = rules_changed(output, summary, folder.book)  # an earlier release's, of the same books, to be rewritten
    if changed:
        summary = replace(summary, issues=(*summary.issues, *changed))
        report = report_of(summary, r.strict)
    again = _papers_again(r, at, key, written)
    if again is not None:  # the tool's own papers, written again: checked, never refused as someone's
        r = replace(r, docs_dir=again)
        plan = plan.joined([out.Output("docs", again, folder=True)], r.force, prepared=False)
    basis = _basis_warnings(folder, summary) if r.docs_dir is not None else ()
    if basis:  # the Tờ trình opens with these lines: said where it is written, on screen and in Kiểm tra
        summary = replace(summary, issues=(*summary.issues, *basis))
        report = report_of(summary, r.strict)
    default = [] if r.output else out.summary_outputs(r, output)
    plan = plan.joined(default, r.force)
    plan.check_papers(written)  # the papers it replaces or removes, before anything is written
    with out.holding(plan.locks(default), "year" if read is _read_year else "merge", voice):
        for line in console_lines(summary, report, verbose=True, said=said) + \
                (council_lines(summary) if summary.tally is not None else []):  # a council's pass: what it changed
            voice.say(line)
        if not report.valid:
            voice.warn(nothing_usable(r.inbox, summary))
            return report, summary, plan, council
        told = deliver.Kept(written, voice)
        output = _write(summary, report, written.name_for(output, (".pdf",) if r.pdf else ()), written, voice)
        if council is not None and council == r.council_path:  # wherever -o put the summary: the round's word
            _keep_pass(folder.folder, key, council, summary, voice)  # kept with it: every later merge applies it
        _sealed(summary, output, voice)
        _deliver(r, summary, report, output, written, voice, told, again is not None)
    return report, summary, plan, council


def _basis_warnings(folder: CampaignFolder, summary: Summary) -> tuple[Issue, ...]:
    """The lines of sheet Căn cứ naming another school (or the sample school): the papers' Tờ trình opens with them
    (Mẫu 01, NĐ 152/2025), so every run that writes the papers says them at their cells, as ``generate`` does — a
    line naming an earlier year of this school is said at every run already (steps.workspace.campaign_notices)."""
    from thidua_xlsx.check.campaign import (  # deferred: check.campaign at start-up
        sample_school_names,
        stale_school_warnings,
    )
    from thidua_xlsx.read.campaign_cells import campaign_cells  # deferred: python-calamine at start-up

    book = folder.book
    found = stale_school_warnings(folder.campaign, sample_school_names(), file=folder.book_name,
                                  cells=(lambda: campaign_cells(book)) if book is not None else None)
    return tuple(i for i in found if i.sheet == LEGAL_SHEET and i not in summary.issues)


def _write(summary: Summary, report: Report, output: Path, written: Written, voice: Voice) -> Path:
    """The summary written at ``output``, noted among the tool's own files, said."""
    from thidua_xlsx.write.summary import write_summary  # deferred: xlsxwriter at start-up

    write_summary(summary, output, report)
    written.note(output)
    voice.say(ct.SUMMARY_DONE.format(path=output))
    return output


def _sealed(summary: Summary, output: Path, voice: Voice) -> None:
    """The year's scoring summary, what the school sends up: its fingerprint said, and whether it is sealed."""
    if summary.decides_titles:
        code = summary.campaign.school.authority_code
        voice.say((ct.SUMMARY_SEALED if code else ct.SUMMARY_UNSEALED).format(
            fingerprint=hashlib.sha256(output.read_bytes()).hexdigest()[:12]))
        if is_legacy_code(code):  # sealed all the same: what the commune will do with it, said before it is sent
            voice.warn(ct.SUMMARY_OLD_CODE)


def _papers_again(r: MergeRequest, at: places.Places, key: str, written: Written) -> Path | None:
    """The papers' folder asked again where the year's or the scoring round's last summary, written in its own place,
    had its papers written in the folder's: they follow its new one (said once written: deliver.write_documents;
    None: not asked again)."""
    if r.docs_dir is None and r.output is None and key in (places.YEAR_KEY, ly.SCORING) and \
            written.holds_under(at.docs):
        return at.docs
    return None


def _with_pass(r: MergeRequest, folder: CampaignFolder, key: str, council: Path, summary: Summary, report: Report,
               year_again: YearAgain | None, voice: Voice) -> tuple[Summary, Report]:
    """The summary and its report once the head's or the council's pass ``council`` is applied (a pass kept with its
    round, applied again, said), its record among what the summary rests on; as they were when no book was used."""
    kind = kind_of_round(key)  # named as it is kept with its round (model.places): where a reader finds it
    record = applied(kind, key, council, folder.folder,
                     places.Places(folder.folder).decision(kind, key, council.suffix.lower()))
    if council != r.council_path:  # the one kept, applied again: said
        voice.say(dx.APPLIED_AGAIN[kind].format(round=_round_words(summary), file=record.file,
                                                fingerprint=record.fingerprint, saved=dx.saved_words(record.saved)))
    if not summary.accepted_files:
        return summary, report
    passed, problems = apply_council_file(summary, council, year_again)
    if passed is None:
        raise Stopped(problems)
    summary = replace(passed, applied=(*passed.applied, record))
    return summary, report_of(summary, r.strict)


def _deliver(r: MergeRequest, summary: Summary, report: Report, output: Path, written: Written, voice: Voice,
             told: deliver.Kept, again: bool = False) -> None:
    """What the merge writes besides its summary, each asked for: the JSON report, the PDF, the public list, the
    departments' feedback copies, the papers (``again``: those of the summary it replaced, said so once written), the
    mail drafts (``told``: says the files kept beside, after each)."""
    from thidua_xlsx.write.report_json import write_report_json  # deferred: write.report_json at start-up

    if r.json_path is not None:
        json_path = written.name_for(r.json_path)
        write_report_json(summary, json_path, report)
        written.note(json_path)
        voice.say(ct.JSON_DONE.format(path=json_path))
    if r.pdf:
        deliver.export_pdf(output, written, voice)
    told()
    if r.public_path is not None:
        deliver.write_public(summary, r.public_path, r.public_days, r.pdf, written, voice, vietnam_today())
        told()
    if r.feedback_dir is not None:
        deliver.write_feedback(summary, r.feedback_dir, written, voice)
        told()
    if r.docs_dir is not None:
        deliver.write_documents(summary, r.docs_dir, written, voice)
        if again:  # the papers of the summary it replaced, rewritten: said once they are
            voice.say(dx.PAPERS_AGAIN.format(folder=r.docs_dir))
        told()
    if r.import_dir is not None:  # a school's merge: its lists go to the commune, not to the province's system
        voice.warn(ct.IMPORT_ONLY_LEVEL_ABOVE)
    if r.drafts_dir is not None:  # --thu: the feedback copies' drafts, the managing authority's
        from thidua_xlsx.write.drafts import merge_drafts  # deferred: email at start-up

        merge_drafts(summary, output, r.feedback_dir, r.docs_dir, r.drafts_dir, written, voice)
        told()


def _pass_of(r: MergeRequest, folder: CampaignFolder, key: str, summary: Summary, written: Written, voice: Voice
             ) -> Path | None:
    """The head's or the council's pass this merge applies: the one given (``--council``), else the one kept with the
    round (said by the caller, with its record), none when dropped on purpose (``--bo-duyet``: the one dropped named
    and moved to ``hoi-dong/cu/``, never deleted)."""
    if r.council_path is not None or summary.round != ly.SCORING:
        return r.council_path
    label = _round_words(summary)
    at = places.Places(folder.folder)
    if summary.period:
        periods_found(folder.folder, folder.campaign, written, voice)
    # an earlier release's pass kept only inside the round's summary this merge rewrites: carried first (said)
    found = kept(folder.folder, key) or (None if r.drop_council else pass_inside(
        folder.folder, key, at.year_summary if summary.year else at.summary(summary.round, summary.period), voice))
    if r.drop_council:
        if found is None:
            voice.say(dx.NOTHING_TO_DROP.format(round=label))
            return None
        aside = set_aside(folder.folder, found)
        voice.say(dx.DROPPED.format(file=shown(found, folder.folder), round=label,
                                    aside=shown(aside, folder.folder)))
        return None
    return found


def _keep_pass(folder: Path, key: str, council: Path, summary: Summary, voice: Voice) -> None:
    """The pass given to this merge kept with its round (the one it replaces moved aside), said."""
    target, replaced = keep(folder, key, council)
    voice.say(dx.KEPT.format(file=shown(target, folder), round=_round_words(summary),
                             replaced=dx.KEPT_REPLACED.format(aside=shown(replaced, folder)) if replaced else ""))


def _round_words(summary: Summary) -> str:
    return WORDS["year_round"] if summary.year else summary.period_label or WORDS["scoring"]



def _with_history(summary: Summary, path: Path, voice: Voice) -> Summary:
    """The multi-year decisions of ``summary`` from the history at ``path``: lich-su.xlsx, or a folder of earlier
    final summaries (read only). What reading it found is said and listed with the summary's problems; a history
    that cannot be read leaves the titles above CSTĐCS to the council, as without one."""
    from thidua_xlsx.decide.history import with_history  # deferred: decide.history at start-up

    history, problems = _history_at(path, summary.campaign)
    warn_problems([p for p in problems if p.severity != ERROR], voice)  # the errors: with the report's, once
    summary = with_history(summary, history)
    voice.say(ct.HISTORY_USED.format(path=path, years=", ".join(history.years) or "—",
                                     proposed=summary.history.proposed if summary.history is not None else 0))
    return replace(summary, issues=(*summary.issues, *problems))


def _history_at(path: Path, campaign: cm.Campaign) -> tuple[History, Problems]:
    """(History, problems) of the history at ``path``: lich-su.xlsx, or a folder of earlier final summaries."""
    from thidua_xlsx.read.history import read_history_book, read_summary_folder  # deferred: python-calamine at start-up

    school = campaign.school
    if path.is_dir():
        return read_summary_folder(path, school.name, school.school_year)
    _book, history, problems = read_history_book(path)
    return history, problems
