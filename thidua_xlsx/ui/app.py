"""The page's Flask application: each route one service call (through :mod:`.pages` and :mod:`.jobs`), rendered
by Jinja (autoescaped: a name typed as ``<script>`` in a workbook shows as text).

Security — the page is a door into staff data:

* **Token.** Every request carries the one-time token printed at start-up: in the address the first time
  (``/?token=…``, as Jupyter), then in a cookie (HttpOnly, SameSite=Strict, named for the port so two pages on two
  campaigns keep theirs); a request without it is refused (403), compared in constant time.
* **Host.** Only ``127.0.0.1`` and ``localhost`` are answered (a page of another site that makes its name point here
  — DNS rebinding — is refused).
* **Cross-site requests.** Every POST carries the page's form token (derived from the token, in each form and in the
  script's header) and, when the browser sends one, an Origin of this very address; else refused.
* **Paths.** A file is served only by a path relative to the campaign folder, every part of it a plain name (no
  ``..``, no drive, no absolute path), no link on the way, the file inside the folder once resolved.
* **Uploads.** Bounded in bytes (:data:`MAX_UPLOAD_BYTES`, the request refused before it is read) and in count
  (:data:`MAX_UPLOAD_FILES`); each file handed to :mod:`thidua_xlsx.intake`, which files it by the codes inside it,
  under the inbox's bounds, never overwriting.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import stat
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from thidua_xlsx.model.issues import Issue, issue
from thidua_xlsx.text.ui import WORDS

MAX_UPLOAD_BYTES = 64 * 1024 * 1024  # one drop: dozens of department books (20–300 KB each), a ZIP of them
MAX_UPLOAD_FILES = 60  # one drop: a school's departments
LOOPBACK_NAMES = ("127.0.0.1", "localhost")
COUNCIL_FOLDER = "hoi-dong"  # the council's summaries uploaded on the page, each kept under a new name
DOCS_FOLDER = "ho-so"  # the papers (merge --docs ho-so/)
IMPORT_FOLDER = "xuat-tinh"  # the commune's import files for the province's system (merge --xuat-tinh xuat-tinh/)


def form_token(token: str) -> str:
    """The CSRF token of the page whose access token is ``token``: the same for the server's life, never the token."""
    return hmac.new(token.encode(), b"thidua-xlsx form", hashlib.sha256).hexdigest()[:32]


def safe_path(folder: Path, relative: str) -> Path | None:
    """The file ``relative`` names inside ``folder``, or None: an absolute or drive path, a ``..``, a link on the
    way, a file outside once resolved, anything but a regular file."""
    path = _inside(folder, relative)
    return path if path is not None and stat.S_ISREG(path.lstat().st_mode) else None


def _inside(folder: Path, relative: str) -> Path | None:
    """What ``relative`` names inside ``folder`` (anything there), or None: an absolute or drive path, a ``..``, a
    ``.`` or an empty part, a link on the way, a place outside once resolved, nothing there."""
    if not relative or "\\" in relative or ":" in relative or "\x00" in relative:
        return None
    parts = relative.split("/")  # as written: "./a", "a//b" and "a/" are no names of ours either
    if PurePosixPath(relative).is_absolute() or any(p in ("..", ".", "") for p in parts):
        return None
    root = folder.resolve()
    path = root
    for part in parts:
        path = path / part
        try:
            mode = path.lstat().st_mode
        except OSError:
            return None
        if stat.S_ISLNK(mode):
            return None
    return path if path.resolve().is_relative_to(root) else None


def plain_name(name: str) -> bool:
    """Whether ``name`` is one folder's name, to be made beside the campaign folder: no separator (``/`` or ``\\``), no
    drive (``C:``), not ``.`` or ``..``, nothing Windows would not take as a name."""
    return bool(name) and name == name.strip() and name not in (".", "..") and not name.endswith(".") and \
        not any(c in name for c in '/\\:*?"<>|\x00') and not any(ord(c) < 32 for c in name) and len(name) <= 120


def safe_source(folder: Path, relative: str) -> Path | None:
    """The folder of saved messages (or the one ``.eml``) ``relative`` names inside ``folder``, or None: as
    :func:`safe_path` (no absolute or drive path, no ``..``, no link on the way, inside once resolved), a folder or a
    regular ``.eml`` file. Typed as Windows writes it (``thu\\2026``) it is read with ``/``; a trailing separator is
    forgiven (a folder as she may type it)."""
    path = _inside(folder, relative.strip().replace("\\", "/").rstrip("/"))
    if path is None:
        return None
    mode = path.lstat().st_mode
    return path if stat.S_ISDIR(mode) or stat.S_ISREG(mode) and path.suffix.lower() == ".eml" else None


def create_app(folder: Path, token: str, port: int = 0):
    """The page of campaign folder ``folder`` (a school's or a commune's), answering requests that carry ``token``;
    ``port``: the one it listens on (its cookie's name, the Origin it accepts; 0: any, as the tests' client)."""
    from flask import Flask, abort, jsonify, redirect, render_template, request, send_file, url_for

    from thidua_xlsx.model.level_above_book import BOOK_FILE
    from thidua_xlsx.text import commands as ct
    from thidua_xlsx.ui import pages
    from thidua_xlsx.ui.jobs import Busy, Jobs
    from thidua_xlsx.voice import vietnam_today
    from thidua_xlsx.workspace import campaign_in

    folder = Path(folder).resolve()
    here = Path(__file__).resolve().parent
    app = Flask("thidua_xlsx.ui", template_folder=str(here / "templates"), static_folder=str(here / "static"))
    app.config.update(MAX_CONTENT_LENGTH=MAX_UPLOAD_BYTES, MAX_FORM_PARTS=MAX_UPLOAD_FILES + 10,
                      TEMPLATES_AUTO_RELOAD=False)
    app.jinja_env.autoescape = True
    cookie = f"thidua_xlsx_{port or 'page'}"
    csrf = form_token(token)
    jobs = Jobs(folder)
    intakes: dict[str, list] = {}  # the files of each drop, by a one-time id, for the page after the drop
    opened_last: dict[str, object] = {}  # the campaign book last opened, with the state of its files
    app.extensions["thidua_jobs"] = jobs

    def refused(code: str, status: int, **params) -> tuple[str, int]:
        return render_template("error.html", w=WORDS, problem=issue(code, **params), csrf=csrf), status

    def campaign():
        """(the school's CampaignFolder, None) or (None, the commune's book) — or the problems of neither."""
        from thidua_xlsx.workspace import open_campaign

        if (folder / BOOK_FILE).is_file():
            return None, folder / BOOK_FILE, ()
        book = campaign_in(folder)
        if book is None:
            return None, None, (issue("ui.not_campaign", folder=str(folder)),)
        state = (book, *_stat(book), *_stat(folder / "campaign.ods"), *_stat(folder / "campaign.xlsx"),
                 vietnam_today())
        if opened_last.get("state") != state:  # read again only when a book changed (or the day did)
            opened, problems = open_campaign(book)
            opened_last.update(state=state, found=(opened, None, tuple(problems)))
        return opened_last["found"]

    @app.before_request
    def guard():
        host = (request.host or "").rsplit(":", 1)
        if host[0] not in LOOPBACK_NAMES or (port and len(host) == 2 and host[1] != str(port)):
            return refused("ui.host_refused", 403, host=request.host or "")
        given = request.args.get("token") or request.cookies.get(cookie) or ""
        if not hmac.compare_digest(given.encode(), token.encode()):
            return refused("ui.token_refused", 403)
        if request.method == "POST":
            sent = request.headers.get("X-Thidua-Form") or request.form.get("csrf") or ""
            origin = request.headers.get("Origin")
            if not hmac.compare_digest(sent.encode(), csrf.encode()) or (
                    origin is not None and urlsplit(origin).netloc != request.host):
                return refused("ui.csrf_refused", 403)
        if "token" in request.args and request.method == "GET":  # the address printed: the token goes to a cookie
            from urllib.parse import urlencode

            rest = urlencode([(k, v) for k, v in request.args.items(multi=True) if k != "token"])
            response = redirect(request.path + (f"?{rest}" if rest else ""))
            response.set_cookie(cookie, token, httponly=True, samesite="Strict", path="/")
            return response
        return None

    @app.after_request
    def headers(response):
        response.headers["Content-Security-Policy"] = ("default-src 'self'; img-src 'self' data:; style-src 'self'; "
                                                       "script-src 'self'; frame-ancestors 'none'; form-action 'self'")
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "same-origin"  # no-referrer would make Chrome send "Origin: null"
        response.headers["Cache-Control"] = "no-store"
        return response

    @app.errorhandler(413)
    def too_big(_error):
        return refused("ui.upload_too_big", 413, limit=MAX_UPLOAD_BYTES // (1024 * 1024))

    @app.context_processor
    def common():
        return {"w": WORDS, "csrf": csrf, "running": jobs.running}

    @app.get("/")
    def home():
        cf, book, problems = campaign()
        if book is not None:
            view = pages.commune_overview(folder, book)
            return render_template("commune.html", view=view, folder=folder, origins=ct.LEVEL_ABOVE_ORIGIN,
                                   councils=ct.LEVEL_ABOVE_COUNCIL)
        if cf is None:
            return render_template("error.html", problems=problems, folder=folder), 200
        return render_template("overview.html", view=pages.school_overview(cf), folder=folder,
                               next_name=pages.next_year_name(cf))

    @app.get("/vong/<key>")
    def round_(key: str):
        cf, _book, problems = campaign()
        if cf is None:
            return render_template("error.html", problems=problems, folder=folder), 200
        view = pages.round_page(cf, key)
        if view is None:
            return refused("ui.unknown_round", 404, round=key)
        dropped = intakes.get(request.args.get("nhan", ""), None)
        return render_template("round.html", view=view, dropped=dropped, folder=folder)

    @app.post("/vong/<key>/nhan")
    def drop(key: str):
        import datetime as dt

        from thidua_xlsx.intake import IntakeError, Received, open_intake

        cf, _book, problems = campaign()
        if cf is None:
            return render_template("error.html", problems=problems, folder=folder), 200
        chosen = next((r for r in pages.rounds_of(cf) if r.key == key and r.key != pages.YEAR), None)
        if chosen is None:
            return refused("ui.unknown_round", 404, round=key)
        files = [f for f in request.files.getlist("files") if f.filename]
        if len(files) > MAX_UPLOAD_FILES:
            return refused("ui.upload_too_many", 413, count=len(files), limit=MAX_UPLOAD_FILES)
        if not files:
            return refused("ui.upload_none", 400)
        try:
            intake = open_intake(folder)
        except IntakeError as error:
            return render_template("error.html", problems=tuple(error.problems), folder=folder), 200
        filed: list = []
        received = Received(date=dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), via="trang")
        for upload in files:
            data = upload.read(MAX_UPLOAD_BYTES + 1)
            upload.close()  # a large part waits in a temporary file: let it go now
            if not data:
                filed.append(_Empty(upload.filename or "", issue("ui.upload_empty", file=upload.filename or "")))
                continue
            filed.extend(intake.file(upload.filename or "", data, received, expected=(chosen.round, chosen.period)))
        drop_id = secrets.token_hex(6)
        intakes[drop_id] = filed
        for old in list(intakes)[:-20]:
            del intakes[old]
        return redirect(url_for("round_", key=key, nhan=drop_id), 303)

    @app.post("/vong/<key>/<kind>")
    def act(key: str, kind: str):
        from thidua_xlsx import service

        cf, _book, problems = campaign()
        if cf is None:
            return render_template("error.html", problems=problems, folder=folder), 200
        chosen = next((r for r in pages.rounds_of(cf) if r.key == key), None)
        if chosen is None or kind not in ("sinh", "tong-hop") or (kind == "sinh" and not chosen.can_generate):
            return refused("ui.unknown_round", 404, round=key)
        if kind == "sinh":
            outbox = folder / "outbox" / (chosen.period or chosen.round)
            registration = folder / ct.DEFAULT_SUMMARY.format(round=pages.REGISTRATION)
            source = registration if chosen.round == pages.SCORING and registration.is_file() else None

            def call(_voice):
                return service.generate_round(cf, chosen.round, outbox, source, force=True,
                                              period=chosen.period or None)
            label = f"{WORDS['generate']} – {chosen.label}"
        else:
            if chosen.key == pages.YEAR:
                request_ = service.MergeRequest(folder / pages.PERIODS_FOLDER, force=True, campaign_path=cf.book)

                def call(voice):
                    return service.year(request_, voice)
            else:
                council = request.files.get("council")
                council_path = None
                if council is not None and council.filename:
                    from thidua_xlsx.read.containment import WORKBOOK_SUFFIXES
                    from thidua_xlsx.system.written import free_name

                    suffix = Path(council.filename).suffix.lower()
                    if suffix not in WORKBOOK_SUFFIXES:
                        return refused("ui.council_not_workbook", 400, file=council.filename)
                    kept = folder / COUNCIL_FOLDER
                    kept.mkdir(exist_ok=True)
                    council_path = free_name(kept / f"hoi-dong{suffix}", lambda p: not p.exists())
                    council_path.write_bytes(council.read(MAX_UPLOAD_BYTES + 1))  # a new name: nothing replaced
                    council.close()
                docs = folder / DOCS_FOLDER if request.form.get("docs") else None
                request_ = service.MergeRequest(pages.inbox_of(folder, chosen.round, chosen.period),
                                                folder / pages.summary_of(chosen.key, chosen.round, chosen.period),
                                                force=True, council_path=council_path, docs_dir=docs,
                                                campaign_path=cf.book, round=chosen.round,
                                                period=chosen.period or None)

                def call(voice):
                    return service.merge(request_, voice)
            label = f"{WORDS['merge']} – {chosen.label}"
        try:
            job = jobs.start(kind, label, key, call, chosen.label)
        except Busy as busy:
            return render_template("error.html", problem=busy.issue, folder=folder), 409
        return redirect(url_for("job", job_id=job.id), 303)

    @app.post("/lich-su")
    def history():
        """The year's final summary added to the history book lich-su.xlsx (``thidua-xlsx history``)."""
        from thidua_xlsx.service import update_history
        from thidua_xlsx.text import history as hx

        cf, _book, problems = campaign()
        if cf is None:
            return render_template("error.html", problems=problems, folder=folder), 200
        final = pages.final_summary(cf)
        if final is None:
            return refused("ui.no_final_summary", 400)

        def call(voice):
            done = update_history(folder / hx.BOOK_NAME, [folder / final])
            if done.created and done.written:  # said as the command says it
                voice.say(hx.CREATED.format(path=done.book))
            for year in done.added:
                voice.say((hx.REPLACED if year.replaced else hx.ADDED).format(**vars(year)))
            if done.written:
                voice.say(hx.WRITTEN.format(path=done.book, backup=done.backup) if done.backup else
                          hx.WRITTEN_NEW.format(path=done.book))
                voice.say(hx.YEARS.format(count=len(done.years), years=", ".join(done.years) or "—"))
            elif not done.problems.errors:
                voice.say(hx.UNCHANGED.format(path=done.book))
            return done

        try:
            job = jobs.start("history", WORDS["history_round"], "", call)
        except Busy as busy:
            return render_template("error.html", problem=busy.issue, folder=folder), 409
        return redirect(url_for("job", job_id=job.id), 303)

    @app.post("/nam-moi")
    def next_year():
        """Next year's campaign (``thidua-xlsx init NEW --tu THIS``) in a new folder beside this one: the only folder
        the page makes outside the campaign folder; a name that is not one plain name, or a folder that exists, is
        refused before anything is made."""
        from thidua_xlsx import service
        from thidua_xlsx.text.ui import LAUNCHER_STEM
        from thidua_xlsx.write.new_year import new_year_lines

        cf, _book, problems = campaign()
        if cf is None:
            return render_template("error.html", problems=problems, folder=folder), 200
        name = request.form.get("ten", "")
        if not plain_name(name):
            return refused("ui.new_year_name", 400, name=name, parent=str(folder.parent),
                           suggested=pages.next_year_name(cf))
        target = folder.parent / name
        if os.path.lexists(target):
            return refused("ui.new_year_exists", 400, path=str(target))

        def call(voice):
            started = service.init_next_year(target, folder)
            for line in new_year_lines(started.previous, started.campaign, started.path, started.source):
                voice.say(line)
            for problem in started.notices:
                voice.warn(f"{problem.severity_label}: {problem.render()}")
            voice.say(WORDS["next_year_open"].format(launcher=f"{LAUNCHER_STEM}.bat", path=target))

        try:
            job = jobs.start("next-year", WORDS["next_year_label"].format(name=name), "", call)
        except Busy as busy:
            return render_template("error.html", problem=busy.issue, folder=folder), 409
        return redirect(url_for("job", job_id=job.id), 303)

    @app.post("/thu")
    def collect():
        """The returned books taken from e-mail (``thidua-xlsx collect``): a folder of saved messages inside the
        campaign folder, or an IMAP mailbox with its password — used for this run only: never kept, logged, or shown
        again (the run's lines are the collect's own, which never hold it)."""
        import datetime as dt

        from thidua_xlsx import outputs as out
        from thidua_xlsx.intake import IntakeError, open_intake
        from thidua_xlsx.mail import collect as mc
        from thidua_xlsx.system import lock

        relative = request.form.get("thu_muc", "").strip()
        address = request.form.get("hop_thu", "").strip()
        password = request.form.get("mat_khau", "")
        since_text = request.form.get("tu_ngay", "").strip()
        if bool(relative) == bool(address):
            return refused("ui.collect_no_source", 400)
        source: Path | None = None
        box = None
        if relative:
            source = safe_source(folder, relative)
            if source is None:
                return refused("ui.collect_folder_refused", 400, path=relative, folder=str(folder))
            if since_text:
                return refused("ui.collect_since_folder", 400)
        else:
            box = mc.parse_mailbox(address)
            if box is None:
                return refused("ui.collect_mailbox_invalid", 400, source=address.split("@")[-1])
        since = None
        if since_text:
            try:
                since = dt.datetime.strptime(since_text, "%d/%m/%Y").date()
            except ValueError:
                return refused("ui.collect_since_invalid", 400, value=since_text)
        try:
            intake = open_intake(folder)
        except IntakeError as error:
            return render_template("error.html", problems=tuple(error.problems), folder=folder), 200
        cafile = app.config.get("MAIL_CAFILE")  # a school's own server's authority (the tests' Dovecot)

        def call(voice):
            with out.holding([lock.folder_lock_path(intake.folder)], "collect", voice):
                if box is not None:
                    done = mc.collect_imap(box, password, intake, since, cafile)
                else:
                    assert source is not None
                    done = mc.collect_folder(source, intake)
            said, warned = mc.collected_lines(done)
            for line in said:
                voice.say(line)
            for line in warned:
                voice.warn(line)
            return _Collected(1 if done.stopped is not None else 0)

        shown = f"{box.user}@{box.host}/{box.mailbox}" if box is not None else relative
        label = WORDS["collect_label_mailbox" if box is not None else "collect_label_folder"].format(source=shown)
        try:
            job = jobs.start("collect", label, "", call)
        except Busy as busy:
            return render_template("error.html", problem=busy.issue, folder=folder), 409
        return redirect(url_for("job", job_id=job.id), 303)

    @app.post("/xa/tong-hop")
    def commune_merge():
        from thidua_xlsx import service

        book = folder / BOOK_FILE
        if not book.is_file():
            return refused("ui.unknown_round", 404, round="xa")
        request_ = service.MergeRequest(folder / "inbox", force=True, campaign_path=book,
                                        docs_dir=folder / DOCS_FOLDER if request.form.get("docs") else None,
                                        import_dir=folder / IMPORT_FOLDER if request.form.get("import") else None)
        try:
            job = jobs.start("merge", WORDS["merge_commune"], "xa", lambda voice: service.merge(request_, voice))
        except Busy as busy:
            return render_template("error.html", problem=busy.issue, folder=folder), 409
        return redirect(url_for("job", job_id=job.id), 303)

    @app.get("/viec/<job_id>")
    def job(job_id: str):
        found = jobs.get(job_id)
        if found is None:
            abort(404)
        return render_template("job.html", job=found, results=_results(found), folder=folder)

    @app.get("/viec/<job_id>.json")
    def job_json(job_id: str):
        found = jobs.get(job_id)
        if found is None:
            abort(404)
        return jsonify(found.to_dict())

    @app.get("/tep")
    def download():
        relative = request.args.get("p", "")
        path = safe_path(folder, relative)
        if path is None:
            return refused("ui.path_refused", 404, path=relative, folder=str(folder))
        return send_file(path, as_attachment=True, download_name=path.name)

    return app


def _stat(path: Path) -> tuple[int, int]:
    """A file's size and time ((-1, -1): none): what tells that it changed."""
    try:
        st = path.stat()
    except OSError:
        return (-1, -1)
    return (st.st_size, st.st_mtime_ns)


class _Collected:
    """What a collect on the page returns to its run: whether it stopped early (a fault of the connection)."""

    def __init__(self, exit_code: int):
        self.exit_code = exit_code


class _Empty:
    """A dropped file the page refuses itself (0 bytes), shown as intake's outcomes are."""

    outcome = "refused"
    path = ""

    def __init__(self, name: str, problem: Issue):
        self.name, self.problem = name, problem


def _results(job) -> dict:
    """The key tables of what a merge decided: the people by rank with their titles and reasons (a school's), the
    proposals (a commune's)."""
    from thidua_xlsx.model.campaign import num_text
    from thidua_xlsx.model.titles import name as title_name

    summary = job.summary
    people = []
    for p in sorted(getattr(summary, "people", ()) or (),
                    key=lambda p: (p.rank_school is None, p.rank_school or 0, p.name)):
        granted = [title_name(d.title) for d in p.decisions if d.granted]
        reasons = "; ".join(d.reason for d in p.decisions if d.reason)
        people.append({"rank": p.rank_school or "", "name": p.name, "department": p.department_name,
                       "score": num_text(p.final) if p.final is not None else "", "classification": p.classification,
                       "titles": ", ".join(granted), "reasons": reasons})
    return {"people": people, "report": job.report}
