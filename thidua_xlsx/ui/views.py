"""The page's views: each parses one request of the browser, makes one service call (a query of the campaign folder, or
a command run as a job) and renders a template (Jinja, autoescaped: a name typed as ``<script>`` in a workbook shows
as text). No rule and no place of the campaign folder is known here: they are the service's (model.places)."""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, unquote

from flask import abort, current_app, jsonify, redirect, render_template, request, send_file, url_for

from thidua_xlsx import service
from thidua_xlsx.model import requests as rq
from thidua_xlsx.model.campaign import score_text
from thidua_xlsx.model.commune import decision_key
from thidua_xlsx.model.errors import CommandError
from thidua_xlsx.model.issues import Issue, issue
from thidua_xlsx.model.places import CAMPAIGN_FILE, CAMPAIGN_ODS, LEVEL_ABOVE_BOOK, LEVEL_ABOVE_KEY, YEAR_KEY, Places
from thidua_xlsx.model.titles import name as title_name
from thidua_xlsx.model.titles import name as title_names
from thidua_xlsx.model.typed import typed_date
from thidua_xlsx.system.voice import vietnam_today
from thidua_xlsx.text import commands as ct
from thidua_xlsx.text import documents as dw
from thidua_xlsx.text.page_words import page_line, page_problems
from thidua_xlsx.text.ui import FIRST_LEVELS, FIRST_SCORINGS, INSTALLERS, LAUNCHER_STEM, LAUNCHERS, WORDS
from thidua_xlsx.ui.jobs import Busy, Jobs
from thidua_xlsx.ui.security import MAX_UPLOAD_BYTES, MAX_UPLOAD_FILES, plain_name, safe_path, safe_source


@dataclass
class Page:
    """What the page of one campaign folder keeps while it serves: its jobs, each drop's outcomes (by a one-time id),
    and the campaign book last opened with the state of its files. The page answers several requests at once (the
    server's threads): what they change here is changed under ``guard``."""

    folder: Path
    jobs: Jobs
    drops: dict[str, list] = field(default_factory=dict)
    opened: dict[str, object] = field(default_factory=dict)
    guard: threading.Lock = field(default_factory=threading.Lock)

    @property
    def places(self) -> Places:
        return Places(self.folder)

    def kept_drop(self, filed: list) -> str:
        """The one-time id of a drop's outcomes ``filed``, kept with the last 20 drops'."""
        drop_id = secrets.token_hex(6)
        with self.guard:
            self.drops[drop_id] = filed
            for old in list(self.drops)[:-20]:
                del self.drops[old]
        return drop_id

    def dropped(self, drop_id: str) -> list | None:
        with self.guard:
            return self.drops.get(drop_id)

    def campaign(self, state: tuple, opening):
        """The campaign opened (``opening()``) when the books' ``state`` was last seen, or now when it changed."""
        with self.guard:
            if self.opened.get("state") != state:
                self.opened.update(state=state, found=opening())
            return self.opened["found"]


def page() -> Page:
    return current_app.extensions["thidua_page"]


REFUSED = 400  # a request refused for what she sent (409: another program holds the folder; 404, 413: what it says)


def refused(code: str, status: int = REFUSED, **params):
    """The one answer to a refused request: the error page saying why (the page's words of ``code``), with
    ``status``."""
    return _answer(status, problem=issue(code, **params))


def refused_by(problems, status: int = REFUSED):
    """:func:`refused`, for a refusal the service gave (a CommandError's ``problems``, each with its place)."""
    return _answer(status, problems=tuple(problems))


def _answer(status: int, **shown):
    return render_template("error.html", folder=page().folder, **shown), status


def _campaign():
    """(the school's CampaignFolder, None, ()) or (None, the commune's book, ()) — or (None, None, the problems)."""

    here = page()
    if (here.folder / LEVEL_ABOVE_BOOK).is_file():
        return None, here.folder / LEVEL_ABOVE_BOOK, ()
    book = service.campaign_in(here.folder)
    if book is None:
        return None, None, (issue("ui.not_campaign", folder=str(here.folder)),)
    state = (book, *(_stat(here.folder / name) for name in (CAMPAIGN_ODS, CAMPAIGN_FILE)), vietnam_today())

    def opening():
        opened, problems = service.open_campaign(book)
        return opened, None, tuple(problems)

    return here.campaign(state, opening)  # read again only when a book changed (or the day did)


def _stat(path: Path) -> tuple[int, int]:
    """A file's size and time ((-1, -1): none): what tells that it changed."""
    try:
        st = path.stat()
    except OSError:
        return (-1, -1)
    return (st.st_size, st.st_mtime_ns)


def _school():
    """The school's CampaignFolder, or the page that says why there is none: on a commune's folder, that the page asked
    is a school's (an address kept from a school's page: both open at the same port)."""
    cf, book, problems = _campaign()
    if book is not None:
        return None, refused("ui.school_page_on_commune", 404)
    if cf is None:
        return None, (render_template("error.html", problems=problems, folder=page().folder), 200)
    return cf, None


def _round(cf, key: str, generating: bool = False):
    return next((r for r in service.rounds_of(cf) if r.key == key and not (generating and not r.can_generate)), None)


def _started(kind: str, label: str, key: str, request_: rq.Request, round_label: str = "", before=None):
    """The job of ``request_`` started, and the browser sent to its page; refused while another runs, or when what
    must be written first (``before``: Jobs.start) is refused — in both cases before any file is touched."""
    try:
        job = page().jobs.start(kind, label, key, request_, round_label, before=before)
    except Busy as busy:
        return _answer(409, problem=busy.issue)
    except CommandError as error:
        return refused_by(error.problems)
    return redirect(url_for("job", job_id=job.id), 303)


def home():
    cf, book, problems = _campaign()
    folder = page().folder
    if book is not None:
        return _commune(book, updated=service.release_news(book.parent, page=True))
    if cf is None and service.campaign_in(folder) is None:  # no campaign yet: the first screen asks for one
        return render_template("first.html", folder=folder, levels=FIRST_LEVELS, scorings=FIRST_SCORINGS,
                               default=rq.BY_MONTH)
    if cf is None:
        return render_template("error.html", problems=problems, folder=folder), 200
    return render_template("overview.html", view=service.school_overview(cf), folder=folder,
                           next_name=service.next_year_name(cf), updated=service.release_news(cf.folder, page=True))


def first_campaign():
    """The campaign of a folder that holds none (``thidua-xlsx init`` with the level and the scoring she chose on the
    first screen); refused, nothing written, when the folder holds one (a school's or a commune's) or a choice is not
    one the form offers."""
    folder = page().folder
    if service.campaign_in(folder) is not None or (folder / LEVEL_ABOVE_BOOK).exists():
        return refused("ui.first_has_campaign", folder=str(folder))
    level, scoring = request.form.get("cap", ""), request.form.get("cham", "")
    if level not in dict(FIRST_LEVELS) or scoring not in rq.SCORINGS:
        return refused("ui.first_choice")
    return _started("init", WORDS["first_label"], "", rq.InitRequest(directory=folder, level=level, scoring=scoring))


def round_(key: str):
    cf, shown = _school()
    if cf is None:
        return shown
    if key == YEAR_KEY:
        year = service.year_page(cf)
        if year is None:
            return refused("ui.unknown_round", 404, round=key)
        return render_template("year.html", view=year, folder=page().folder, last=_last_run(key))
    view = service.round_page(cf, key)
    if view is None:
        return refused("ui.unknown_round", 404, round=key)
    dropped = page().dropped(request.args.get("nhan", ""))
    return render_template("round.html", view=view, dropped=dropped, folder=page().folder, last=_last_run(key))


def _last_run(key: str):
    """The last merge (or year) remembered of round ``key``: what the round page shows after a restart."""
    return next((r for r in service.runs_of(page().folder, key) if r.command in ("merge", "year")), None)


def drop(key: str):
    cf, shown = _school()
    if cf is None:
        return shown
    chosen = _round(cf, key, generating=True)
    if chosen is None:
        return refused("ui.unknown_round", 404, round=key)
    uploads = _uploads()
    if not isinstance(uploads, list):
        return uploads
    try:
        filed = service.receive(page().folder, uploads, (chosen.round, chosen.period), rq.PAGE)
    except CommandError as error:
        return refused_by(error.problems)
    return redirect(url_for("round_", key=key, nhan=page().kept_drop(filed)), 303)


def _uploads():
    """The files chosen in the form, as (name, bytes), or the page refusing them: none, or more than the limit."""
    files = [f for f in request.files.getlist("files") if f.filename]
    if len(files) > MAX_UPLOAD_FILES:
        return refused("ui.upload_too_many", 413, count=len(files), limit=MAX_UPLOAD_FILES)
    if not files:
        return refused("ui.upload_none")
    uploads = []
    for upload in files:
        uploads.append((upload.filename or "", upload.read(MAX_UPLOAD_BYTES + 1)))
        upload.close()  # a large part waits in a temporary file: let it go now
    return uploads


def drop_folder():
    """A folder she picks (Zalo PC's received files, Downloads, a USB stick): every book in it filed by its codes into
    its own round's inbox, as collect files a folder of downloads; what became of each file shown."""
    uploads = _uploads()
    if not isinstance(uploads, list):
        return uploads
    try:
        filed = service.receive(page().folder, uploads, None, rq.FOLDER)
    except CommandError as error:
        return refused_by(error.problems)
    return render_template("received.html", dropped=filed, folder=page().folder)


def act(key: str, kind: str):
    """A round's books made (``sinh``) or its merge (``tong-hop``): the year's from its periods, a round's from its
    inbox with the council's summary uploaded and the papers when asked; the same request the CLI makes."""
    cf, shown = _school()
    if cf is None:
        return shown
    chosen = _round(cf, key, generating=kind == "sinh")
    if chosen is None or kind not in ("sinh", "tong-hop"):
        return refused("ui.unknown_round", 404, round=key)
    at = page().places
    if kind == "sinh":
        return _generate(cf, chosen, key, at)
    docs = at.docs if request.form.get("docs") else None
    drop = bool(request.form.get("bo-duyet"))  # the pass kept with the round dropped on purpose
    titled = not chosen.period and chosen.round == "cham-diem"  # the year's merge or the single scoring round's
    history = at.history_book if request.form.get("dung-lich-su") and titled else None  # offered there alone
    if history is not None and not history.is_file():  # gone since the page was drawn: said, nothing run
        return refused("ui.history_gone", file=history.name, folder=str(at.folder))
    council = request.files.get("council")
    council_path, written = None, None
    if council is not None and council.filename:
        try:
            council_path, written = _council_given(at.folder, council)
        except CommandError:
            return refused("ui.council_not_workbook", file=council.filename)
    given = {"force": True, "campaign_path": cf.book, "council_path": council_path, "drop_council": drop,
             "docs_dir": docs, "history_path": history}
    merged = rq.YearRequest(inbox=at.periods, **given) if chosen.key == YEAR_KEY else rq.MergeRequest(
        inbox=at.inbox(chosen.round, chosen.period), round=chosen.round, period=chosen.period or None, **given)
    return _started("merge", f"{WORDS['merge']} – {chosen.label}", key, merged, chosen.label, before=written)


def _generate(cf, chosen, key: str, at):
    """A round's books made: asked first when books of it are out already (which came back is listed)."""
    if chosen.issued and not request.form.get("chac"):
        view = service.round_page(cf, key)
        returned = [f.name for f in (view.followups if view else ()) if f.state != "not_sent"]
        return render_template("confirm.html", round=chosen, returned=returned, folder=at.folder,
                               outbox=at.outbox(chosen.round, chosen.period).relative_to(at.folder).as_posix())
    # the scoring books show the registration round's titles: the command finds its summary
    made = rq.GenerateRequest(campaign_path=cf.book or at.folder, round=chosen.round, force=True,
                              period=chosen.period or None)
    return _started("sinh", f"{WORDS['generate']} – {chosen.label}", key, made, chosen.label)


def _council_given(folder: Path, council):
    """Where the council's uploaded summary will be kept, and what keeps it — only once the merge holds the campaign:
    a refused press writes nothing. A CommandError when it is no workbook."""
    try:
        path = service.council_upload(folder, council.filename)
        data = council.read(MAX_UPLOAD_BYTES + 1)
    finally:
        council.close()

    def written() -> list[str]:
        service.keep_council(path, data)
        return []
    return path, written


def history():
    """The year's final summary added to the history book lich-su.xlsx (``thidua-xlsx history``)."""
    cf, shown = _school()
    if cf is None:
        return shown
    final = service.final_summary(cf)
    if final is None:
        return refused("ui.no_final_summary")
    at = page().places
    return _started("history", WORDS["history_round"], "", rq.HistoryRequest(
        book=at.history_book, summaries=(at.folder / final,), final=bool(request.form.get("chinh-thuc"))))


def next_year():
    """Next year's campaign (``thidua-xlsx init NEW --tu THIS``) in a new folder beside this one: the only folder the
    page makes outside the campaign folder; a name that is not one plain name, or a folder that exists, is refused
    before anything is made."""
    cf, shown = _school()
    if cf is None:
        return shown
    folder = page().folder
    name = request.form.get("ten", "")
    if not plain_name(name):
        return refused("ui.new_year_name", name=name, parent=str(folder.parent),
                       suggested=service.next_year_name(cf))
    target = folder.parent / name
    if os.path.lexists(target):
        return refused("ui.new_year_exists", path=str(target))
    return _started("next-year", WORDS["next_year_label"].format(name=name), "",
                    rq.InitRequest(directory=target, source=folder))


def collect():
    """The returned books taken from e-mail (``thidua-xlsx collect``): a folder of saved messages inside the campaign
    folder, or an IMAP mailbox with its password — used for this run only: never kept, logged, or shown again (the
    run's lines are the collect's own, which never hold it)."""
    folder = page().folder
    relative, address = request.form.get("thu_muc", "").strip(), request.form.get("hop_thu", "").strip()
    since_text = request.form.get("tu_ngay", "").strip()
    if bool(relative) == bool(address):
        return refused("ui.collect_no_source")
    if relative:
        source = safe_source(folder, relative)
        if source is None:
            return refused("ui.collect_folder_refused", path=relative, folder=str(folder))
        if since_text:
            return refused("ui.collect_since_folder")
    box = service.mailbox_of(address) if address else None  # imaps:// or imap:// (STARTTLS), as collect
    if address and box is None:
        return refused("ui.collect_mailbox_invalid", source=address.split("@")[-1])
    since = typed_date(since_text) if since_text else None
    if isinstance(since, Issue):
        return _answer(REFUSED, problem=since)
    shown = f"{box.user}@{box.host}/{box.mailbox}" if box is not None else relative
    label = WORDS["collect_label_mailbox" if box is not None else "collect_label_folder"].format(source=shown)
    asked = rq.CollectRequest(source=address if box is not None else str(source), folder=folder, since=since,
                              cafile=current_app.config.get("MAIL_CAFILE"), password=request.form.get("mat_khau", ""))
    return _started("collect", label, "", asked)


def commune_merge():
    """The commune's merge (``merge inbox/``) — the officer's decisions kept in hoi-dong/xa-duyet.xlsx applied by the
    service, as from the terminal —, the papers and the province's import files when asked."""
    at = page().places
    book = at.folder / LEVEL_ABOVE_BOOK
    if not book.is_file():
        return refused("ui.unknown_round", 404, round=LEVEL_ABOVE_KEY)
    merged = rq.MergeRequest(inbox=at.inbox(""), force=True, campaign_path=book,  # her kept book: the service's
                             docs_dir=at.docs if request.form.get("docs") else None,
                             import_dir=at.imports if request.form.get("import") else None)
    return _started("merge", WORDS["merge_commune"], LEVEL_ABOVE_KEY, merged)


def officer_decide():
    """The officer's decisions on the proposals held apart (accept or reject, each with a reason), each bound to the
    line the page showed — the school, the person, the title and the fingerprint of the school's file, carried by the
    form — never to a place in the list: a line no longer held as shown (another tab decided, a school sent a new
    file) refuses the whole form, the list redrawn. Kept where she would tick them in Excel
    (service.officer_decisions) only once the merge with them is sure to start and holds the commune's folder (refused,
    nothing written, while another program works on it); then the commune merged again."""

    at = page().places
    book = at.folder / LEVEL_ABOVE_BOOK
    if not book.is_file():
        return refused("ui.unknown_round", 404, round=LEVEL_ABOVE_KEY)
    held = service.commune_overview(at.folder, book).held
    now = {decision_key(h) for h in held}
    whole = request.form.get("truong", "")  # a whole school's file accepted: one mark, one reason (its fingerprint)
    if whole:
        lines = [h for h in held if h.proposal.school == whole]
        stale = [] if lines and request.form.get(f"van-tay-{whole}") == _school_field(lines) else [whole]
        decisions = {decision_key(h): (True, request.form.get("ly-do-truong", "")) for h in lines}
    else:
        chosen = {name[len("quyet-"):]: value for name, value in request.form.items()
                  if name.startswith("quyet-") and value in ("nhan", "bo")}
        keys = {n: _line_key(request.form.get(f"dong-{n}", "")) for n in chosen}
        stale = [n for n, key in keys.items() if key not in now]
        decisions = {key: (chosen[n] == "nhan", request.form.get(f"ly-do-{n}", "")) for n, key in keys.items()
                     if key is not None}
    if stale:
        return _commune(book, issue("ui.officer_changed", count=len(stale)), 409)
    if not decisions:
        return refused("ui.officer_none")

    def write() -> list[str]:
        return [said.message for said in service.officer_decisions(at.folder, decisions)[1]]

    merged = rq.MergeRequest(inbox=at.inbox(""), force=True, campaign_path=book,
                             council_path=at.officer_book)
    return _started("merge", WORDS["officer_label"], LEVEL_ABOVE_KEY, merged, before=write)


def school_code():
    """*Xem mã* on a school's row: the commune's page again with that one school's code shown in its row — the answer
    to this request alone (never stored, never kept in a run's log: a code is a secret like the commune's key,
    docs/security.md); refused when the list has no school of that name."""

    at = page().places
    book = at.folder / LEVEL_ABOVE_BOOK
    if not book.is_file():
        return refused("ui.unknown_round", 404, round=LEVEL_ABOVE_KEY)
    asked = request.form.get("truong", "")
    try:
        shown = service.school_code(book, asked)
    except CommandError as stop:  # the book or the key cannot be used: said, as the page's overview says it
        return refused_by(stop.problems)
    if shown is None:
        return refused("ui.unknown_school", 404, school=asked)
    return _commune(book, shown=shown)


def _commune(book: Path, notice=None, status: int = 200, updated: tuple[str, ...] = (), shown=None):
    """The commune's page (with ``notice`` above its list when a form of it was refused; ``updated``: what changed
    since the release that last ran in the folder, said once after an update; ``shown``: the one school's code asked
    for, as (its name, the year, the code))."""

    folder = page().folder
    return render_template("commune.html", view=service.commune_overview(folder, book), folder=folder,
                           origins=ct.LEVEL_ABOVE_ORIGIN, councils=ct.LEVEL_ABOVE_COUNCIL, title_names=title_names,
                           line_field=_line_field, school_field=_school_field, notice=notice,
                           updated=updated, shown=shown), status


def _line_field(held) -> str:
    """What a held line's form carries of it: its decision key (model.commune.decision_key), each part quoted."""


    return "/".join(quote(part, safe="") for part in decision_key(held))


def _line_key(field_: str) -> tuple | None:
    """The decision key a form's line carries (:func:`_line_field`), None when it carries none."""

    parts = field_.split("/")
    return tuple(unquote(part) for part in parts) if len(parts) == 5 else None


def _school_field(lines) -> str:
    """What the form for a whole school's file carries of it: a digest of the decision keys of its held ``lines``
    shown (the same file, the same lines: anything else is another list)."""


    keys = sorted(decision_key(h) for h in lines)
    return hashlib.sha256(json.dumps(keys, ensure_ascii=False).encode("utf-8")).hexdigest()[:32]


def job(job_id: str):
    found = page().jobs.get(job_id)
    if found is None:
        abort(404)
    # Its state read once, before what it wrote: a run publishes its state last (ui/jobs.py), so a page that says it
    # ended shows its Result; read while the page is drawn, a run ending meanwhile was said done with nothing in it
    # and no longer polled.
    state = found.state
    return render_template("job.html", job=found, state=state, results=_results(found), folder=page().folder)


def job_json(job_id: str):
    found = page().jobs.get(job_id)
    if found is None:
        abort(404)
    return jsonify(found.to_dict())


def download():
    relative = request.args.get("p", "")
    path = safe_path(page().folder, relative)
    if path is None:
        return refused("ui.path_refused", 404, path=relative, folder=str(page().folder))
    return send_file(path, as_attachment=True, download_name=path.name)


#: How a run says it made no PDF for want of LibreOffice (the papers, the summary): the words before the advice, which
#: the result shows where she looks, not only in the collapsed run log.
NO_OFFICE = (dw.PDF_NO_LIBREOFFICE.split("{")[0], ct.PDF_NO_OFFICE.split("{")[0])


def _results(job) -> dict:
    """What a run decided and wrote, for its page: the people by rank with their titles and reasons (a school's
    merge), its Report, and the files it wrote (relative to the campaign folder), each with the file kept when it went
    beside one as ``… (moi)``."""

    result, folder = job.result, page().folder
    decided = result.decided if result is not None else None
    registering = decided is not None and decided.round == service.REGISTRATION  # who registered for what: no rank
    people = []
    for p in sorted(decided.people if decided is not None and not registering else (),
                    key=lambda p: (p.rank_school is None, p.rank_school or 0, p.name)):
        granted = [title_name(d.title) for d in p.decisions if d.granted]
        reasons = "; ".join(d.reason for d in p.decisions if d.reason)
        people.append({"rank": p.rank_school or "", "name": p.name, "department": p.department_name,
                       "score": score_text(p.final) if p.final is not None else "", "classification": p.classification,
                       "titles": ", ".join(granted), "reasons": reasons})

    def inside(path: Path | None) -> bool:
        return path is not None and Path(os.path.abspath(path)).is_relative_to(folder)

    def shown(path: Path | None) -> str:  # relative to the campaign folder (next year's: ../its-folder/…)
        if path is None:
            return ""
        try:
            return Path(os.path.relpath(path, folder)).as_posix()
        except ValueError:  # on another drive (Windows): no relative path
            return str(path)

    # a file outside this folder (next year's, beside it) is named, not linked: this page serves its own folder only
    files = [{"path": shown(f.path), "beside": shown(f.beside), "linked": inside(f.path)}
             for f in result.files] if result else []
    opened = () if result is None or result.command != "init" else (WORDS["first_done"],) \
        if Path(os.path.abspath(result.home)) == folder else _next_year_words(result.home)  # this folder's, or beside
    reads = bool(result is not None and (result.command in ("merge", "year") or result.report.counts.files))
    titled = decided is not None and decided.decides_titles
    changes = service.council_lines(decided) if decided is not None and decided.council_changes else []
    said = (*job.problems, *(result.report.issues if result is not None else job.warned))  # a failed run: its warnings
    worded = page_problems(said)
    log = [page_line(line, folder, worded) for line in job.lines]  # in the page's words, paths relative to the folder
    return {"people": people, "report": result.report if result else None, "files": files, "next": opened,
            "log": log, "message": page_line(job.message, folder),
            "no_office": [line for line in log if line.startswith(NO_OFFICE)],
            "titled": titled, "changes": changes, "reads": reads,
            "registrations": service.registrations_of(decided) if decided is not None and registering else (),
            "made": result is not None and result.command == "generate"}  # books written, none read


def _next_year_words(home: Path) -> tuple[str, str]:
    """How to open next year's page made in ``home``: its launcher named for this computer's system (the page runs on
    hers), and the desktop's *Thi đua* icon, which still opens this folder until the installer is run again on the new
    one (the installer asks for the folder and keeps a campaign already there)."""
    system = "windows" if sys.platform == "win32" else "macos" if sys.platform == "darwin" else "linux"
    return (WORDS["next_year_open"].format(launcher=f"{LAUNCHER_STEM}{LAUNCHERS[system]}", path=home),
            WORDS["next_year_shortcut"].format(installer=INSTALLERS[system], path=home, old=page().folder))
