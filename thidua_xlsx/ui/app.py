"""The page's Flask application: its settings, its security (:mod:`.security`) and its views (:mod:`.views`, each one
service call). Nothing fetched from the internet: templates, style and script are the package's own."""

from __future__ import annotations

import re
from pathlib import Path

from flask import Flask, request
from markupsafe import Markup, escape

from thidua_xlsx.text.decisions import saved_words
from thidua_xlsx.text.page_words import PAGE_MESSAGES
from thidua_xlsx.text.releases import VERSION, VERSION_FOOTER
from thidua_xlsx.text.ui import WORDS
from thidua_xlsx.ui import views
from thidua_xlsx.ui.jobs import Jobs
from thidua_xlsx.ui.security import MAX_UPLOAD_BYTES, MAX_UPLOAD_FILES, bounded_requests, form_token, guard

# (address, view's name, methods): every address the page answers
ROUTES = (
    ("/", "home", ("GET",)),
    ("/vong/<key>", "round_", ("GET",)),
    ("/vong/<key>/nhan", "drop", ("POST",)),
    ("/vong/<key>/<kind>", "act", ("POST",)),
    ("/lich-su", "history", ("POST",)),
    ("/nam-moi", "next_year", ("POST",)),
    ("/bat-dau", "first_campaign", ("POST",)),
    ("/thu", "collect", ("POST",)),
    ("/nhan-thu-muc", "drop_folder", ("POST",)),
    ("/xa/tong-hop", "commune_merge", ("POST",)),
    ("/xa/duyet", "officer_decide", ("POST",)),
    ("/xa/ma", "school_code", ("POST",)),
    ("/viec/<job_id>", "job", ("GET",)),
    ("/viec/<job_id>.json", "job_json", ("GET",)),
    ("/tep", "download", ("GET",)),
)


_NAMED = re.compile(r"\*([^*\s](?:[^*]*[^*\s])?)\*")  # *Tổng hợp*: a button or a place of the page, named


def marked(text: str) -> Markup:
    """Words of the catalogue as the page shows them: escaped, and what they name of the page (a button, a row, a box:
    written between asterisks, as in the catalogue) in italics, never the asterisks themselves."""
    return Markup(_NAMED.sub(r"<em>\1</em>", str(escape(text))))


def create_app(folder: Path, token: str, port: int = 0, prefix: str = ""):
    """The page of campaign folder ``folder`` (a school's or a commune's), answering requests that carry ``token``;
    ``port``: the one it listens on (its cookie's name, the Origin it accepts; 0: any, as the tests' client);
    ``prefix``: the path it lives under (security.page_prefix; "": the root, as the tests' client)."""


    folder = Path(folder).resolve()
    here = Path(__file__).resolve().parent
    app = Flask("thidua_xlsx.ui", template_folder=str(here / "templates"), static_folder=str(here / "static"))
    app.config.update(MAX_CONTENT_LENGTH=MAX_UPLOAD_BYTES, MAX_FORM_PARTS=MAX_UPLOAD_FILES + 10,
                      TEMPLATES_AUTO_RELOAD=False)
    app.jinja_env.autoescape = True
    jobs = Jobs(folder)
    app.extensions["thidua_page"] = views.Page(folder, jobs)
    app.extensions["thidua_jobs"] = jobs
    guard(app, token, port, views.refused, prefix)
    bounded_requests(app)
    csrf = form_token(token)

    app.jinja_env.filters["said"] = lambda found: marked(found.message_in(PAGE_MESSAGES))  # buttons, not commands
    app.jinja_env.filters["said_at"] = lambda found: marked(found.render(PAGE_MESSAGES))
    app.jinja_env.filters["marked"] = marked
    app.jinja_env.globals["saved_words"] = saved_words  # when a kept file was saved, as people read a time

    @app.context_processor
    def common():
        return {"w": WORDS, "csrf": csrf, "running": jobs.running,
                "release": VERSION_FOOTER.format(version=VERSION)}

    @app.errorhandler(413)
    def too_big(_error):
        """The limit that was hit: the bytes of one drop, or (a drop within them) the number of its files."""

        bound = app.config["MAX_CONTENT_LENGTH"]
        if request.content_length is not None and request.content_length <= bound:
            return views.refused("ui.upload_too_many_parts", 413, limit=MAX_UPLOAD_FILES)
        return views.refused("ui.upload_too_big", 413, limit=bound // (1024 * 1024))

    # Flask's own pages are English and lead nowhere: hers say what happened and lead back to the overview (the
    # request carries the token by then: security.guard refuses the others first)
    @app.errorhandler(404)
    def not_found(_error):
        return views.refused("ui.page_not_found", 404, path=request.path)

    @app.errorhandler(405)
    def not_a_page(_error):  # a button's address typed or reopened in the address bar
        return views.refused("ui.address_not_a_page", 405, path=request.path)

    @app.errorhandler(500)
    def failed(_error):  # logged by Flask with its traceback (on the black window); she reads what to do
        return views.refused("ui.page_failed", 500)

    for rule, name, methods in ROUTES:
        app.add_url_rule(rule, name, getattr(views, name), methods=list(methods))
    return app
