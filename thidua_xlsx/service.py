"""Library entry points behind the commands: one call per command, no printing, no exiting."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import uuid
from dataclasses import dataclass, replace
from pathlib import Path

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.issued import IssuedWorkbook, department_spec, fingerprint
from thidua_xlsx.model.issues import Problems
from thidua_xlsx.read.presets import load_preset
from thidua_xlsx.read.registrations import Checklist
from thidua_xlsx.workspace import CAMPAIGN_FILE, INBOX, OUTBOX, CampaignFolder


def init_campaign(directory: Path, level: str, campaign_id: str | None = None,
                  campaign: cm.Campaign | None = None) -> cm.Campaign:
    """Write ``directory/campaign.xlsx`` (from the preset of ``level`` with a fresh campaign id, or
    from ``campaign``) and make ``inbox/`` and ``outbox/`` beside it."""
    from thidua_xlsx.write.campaign_book import write_campaign_book

    if campaign is None:
        campaign = replace(load_preset(level), id=campaign_id or uuid.uuid4().hex[:16])
    directory.mkdir(parents=True, exist_ok=True)
    for folder in (INBOX, OUTBOX):
        (directory / folder).mkdir(exist_ok=True)
    target = directory / CAMPAIGN_FILE
    tmp = directory / (CAMPAIGN_FILE + ".tmp")
    write_campaign_book(campaign, tmp)
    tmp.replace(target)
    return campaign


@dataclass(frozen=True)
class Generated:
    paths: tuple[Path, ...]
    problems: Problems
    checklist: Checklist | None = None


def generate_round(folder: CampaignFolder, round_: str, outbox: Path, from_summary: Path | None = None,
                   today: dt.date | None = None, force: bool = False) -> Generated:
    """One workbook per department, each recorded in the campaign folder as issued.

    ``from_summary`` (scoring round): the registration summary whose titles the forms show, locked.
    A file already in ``outbox`` is replaced only if it is byte-identical to what would be written,
    or with ``force`` — a filled workbook saved there is never lost by a second ``generate``.
    Leftovers of another school in the campaign (a căn cứ line, an e-mail) are warnings, never a refusal.
    """
    from thidua_xlsx.check.campaign import sample_school_names, stale_school_warnings
    from thidua_xlsx.read.registrations import checklist, read_registration_summary
    from thidua_xlsx.system.pool import shared_pool, workers_for_workbooks

    campaign, problems = folder.campaign, Problems()
    problems.extend(stale_school_warnings(campaign, sample_school_names(), file=folder.book_name))
    found = None
    if from_summary is not None:
        if round_ != ly.SCORING:
            problems.add("from.scoring_only")
            return Generated((), problems)
        found = read_registration_summary(from_summary, campaign, problems)
        if found is None:
            return Generated((), problems)
    registry = folder.registry
    issued_on = (today or dt.date.today()).isoformat()
    try:
        outbox.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        problems.add("generate.outbox_unwritable", path=str(outbox), reason=exc.strerror or str(exc))
        return Generated((), problems)
    # Each workbook is written (then recorded) on its own, on every core for a large campaign; every
    # one is staged first: nothing replaces a file until all are written.
    job = _Issue(campaign, round_, outbox, found, registry, issued_on)
    departments = range(len(campaign.departments))
    with shared_pool(job, workers_for_workbooks(len(departments))) as run:
        staged = run(_write_staged, departments)  # (staging path, final path, layout)
        changed = [path for stage, path, _ in staged if path.exists() and path.read_bytes() != stage.read_bytes()]
        if changed and not force:
            for stage, *_ in staged:
                stage.unlink()
            filled = _returned_workbooks(registry, changed)
            problems.add("generate.would_overwrite_returned" if filled else "generate.would_overwrite",
                         outbox=str(outbox), files=", ".join(p.name for p in (filled or changed)))
            return Generated((), problems)
        paths = run(_record_issued, [(k, layout) for k, (_, _, layout) in enumerate(staged)])
    return Generated(tuple(paths), problems, checklist(campaign, found) if found else None)


@dataclass(frozen=True)
class _Issue:
    """What writing one department's workbook needs: the same for every department of a generate."""

    campaign: cm.Campaign
    round: str
    outbox: Path
    found: object  # the registration summary read for --from, or None
    registry: object
    issued_on: str

    def spec(self, k: int):
        """Department ``k``'s slice of the campaign."""
        department, found = self.campaign.departments[k], self.found
        return department_spec(self.campaign, department, self.round,
                               registrations=found.people if found else None,
                               newcomers=self._newcomers.get(department.code, ()),
                               collective=found.collective.get(department.code, "") if found else "")

    @functools.cached_property
    def _newcomers(self) -> dict[str, list]:
        """Department code → its newcomers registered on spare rows, in their order: grouped once, not
        searched for in every department's slice."""
        from thidua_xlsx.model.results import by_department

        return by_department(self.found.newcomers) if self.found else {}

    def path(self, k: int) -> Path:
        return self.outbox / ly.output_name(self.campaign.school.school_year, self.round,
                                            self.campaign.departments[k].name)


def _write_staged(job: _Issue, k: int):
    from thidua_xlsx.write.department import write_department_workbook

    path = job.path(k)
    stage = path.with_name(path.name + ".moi")
    return stage, path, write_department_workbook(job.spec(k), stage)


def _record_issued(job: _Issue, task) -> Path:
    """Put department ``k``'s staged workbook in place and record it as issued, with its locked content
    read back the way the merge will read it."""
    from thidua_xlsx.read.department import locked_content

    k, layout = task
    spec, path = job.spec(k), job.path(k)
    path.with_name(path.name + ".moi").replace(path)
    locked = locked_content(path, spec.people, layout, job.campaign.rubrics)
    rubrics = tuple(spec.rubric_for(role) for role in dict.fromkeys(p.role for p in spec.people)) \
        if job.round == ly.SCORING else ()
    job.registry.record(IssuedWorkbook(layout, spec.people, spec.collective, locked, fingerprint(locked), path.name,
                                       (job.issued_on,), hashlib.sha256(path.read_bytes()).hexdigest(), rubrics))
    return path


def _returned_workbooks(registry, paths: list[Path]) -> list[Path]:
    """Those of ``paths`` that are not a workbook as issued: returned (filled) files saved in an outbox."""
    issued = {w.sha256 for w in registry.all()}
    return [p for p in paths if hashlib.sha256(p.read_bytes()).hexdigest() not in issued]


def _last_round_issued(registry) -> str | None:
    """The scoring round once any scoring workbook went out, else registration if one did (None: neither)."""
    rounds = {w.round for w in registry.all()}
    return next((r for r in (ly.SCORING, ly.REGISTRATION) if r in rounds), None)


def merge_inbox(inbox: Path, folder: CampaignFolder, round_: str | None = None, on_file=None):
    """Read every entry of ``inbox`` (read-only), check, consolidate. Returns a Summary.

    One file, one outcome: whatever happens while reading or checking a file becomes that file's
    status. ``on_file(name)`` is called after each entry (for a progress bar).
    """
    from thidua_xlsx.check.selection import Kept, select
    from thidua_xlsx.decide.consolidate import consolidate
    from thidua_xlsx.parallel import read_inbox
    from thidua_xlsx.read.containment import scan_inbox
    from thidua_xlsx.read.department import ReadContext

    # Each file read and validated (on every core for a large inbox), then kept slim: see parallel.py;
    # of the validated entries, only those of each department's newest version: see selection.Kept.
    kept = Kept()
    for read in read_inbox(scan_inbox(inbox), ReadContext(folder.campaign, folder.registry), on_file):
        kept.add(read.file, read.clean, read.error)
    if round_ is None and not kept.clean:  # nothing to tell the round by: the last round issued
        round_ = _last_round_issued(folder.registry)
    selection = select(kept.files, folder.campaign, round_)
    return consolidate(folder.campaign, selection, [kept.clean[f.name] for f in selection.winners])


def apply_council_file(summary, path: Path):
    """The final summary from the council's summary ``path``: (Summary, problems) — None when the file
    is not this campaign's scoring summary (the problems say why)."""
    from thidua_xlsx.decide.council import apply_council
    from thidua_xlsx.read.council import read_council

    problems = Problems()
    council = read_council(path, summary.campaign, problems)
    if council is None:
        return None, problems
    return apply_council(summary, council, summary.campaign), problems
