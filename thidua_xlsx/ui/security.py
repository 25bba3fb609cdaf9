"""The page's security, in one place — the page is a door into staff data:

* **Token.** Every request carries the one-time token printed at start-up: in the address the first time
  (``/<path>/?token=…``, as Jupyter), then a cookie (HttpOnly, SameSite=Strict, named for the port so two pages on two
  campaigns keep theirs) whose value is not the token but a visit's seal: a random visit id and its HMAC under a
  secret this server drew at start, over the token. A browser sends its cookies for 127.0.0.1 to every port of it,
  so any other program listening there — another user's, on a shared computer — that the browser is led to (a link
  in a mail) would be sent the seal and could replay it here while this server runs: the page lives under a path
  drawn at start (:func:`page_prefix`, in the address printed) and the cookie is sent for that path alone, which no
  other program knows; the seal opens nothing once this server stops. A request outside that path (but the
  package's style and script) or without either is refused (403), compared in constant time, on a page of its own
  that says how to open the page again and links nowhere (every link would come back refused) — styled all the
  same: the package's own style and script (``/static/``, nothing of the campaign) are served without the token,
  the Host still checked.
  The address with the token is sent on to the same path of the page alone (:func:`page_path`), never to another
  site.
* **Host.** Only ``127.0.0.1`` and ``localhost`` are answered (a page of another site that makes its name point here
  — DNS rebinding — is refused).
* **Cross-site requests.** Every POST carries the page's form token (derived from the token, in each form and in the
  script's header) and, when the browser sends one, an Origin of this very address; else refused.
* **Paths.** A file is served only by a path relative to the campaign folder, every part of it a plain name (no
  ``..``, no drive, no absolute path), no link on the way, the file inside the folder once resolved, and a file of
  one name (a hard link may be a file outside).
* **Uploads.** Bounded in bytes (:data:`MAX_UPLOAD_BYTES`, the request refused before it is read) and in count
  (:data:`MAX_UPLOAD_FILES`); each file handed to :mod:`thidua_xlsx.steps.intake`, which files it by the codes inside
  it, under the inbox's bounds, never overwriting.
"""

from __future__ import annotations

import hashlib
import hmac
import html
import os
import secrets
import stat
from pathlib import Path, PurePosixPath
from urllib.parse import quote, urlencode, urlsplit

from flask import Request, Response, redirect, render_template, request

from thidua_xlsx.model.issues import issue
from thidua_xlsx.model.places import COMMUNE_KEY_FILE, windows_device
from thidua_xlsx.text.ui import LAUNCHER_STEM

MAX_UPLOAD_BYTES = 64 * 1024 * 1024  # one drop: dozens of department books (20–300 KB each), a ZIP of them
MAX_UPLOAD_FILES = 60  # one drop: a school's departments
LOOPBACK_NAMES = ("127.0.0.1", "localhost")
CONTENT_SECURITY = ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                    "frame-ancestors 'none'; form-action 'self'")


def form_token(token: str) -> str:
    """The CSRF token of the page whose access token is ``token``: the same for the server's life, never the token."""
    return hmac.new(token.encode(), b"thidua-xlsx form", hashlib.sha256).hexdigest()[:32]


def safe_path(folder: Path, relative: str) -> Path | None:
    """The file ``relative`` names inside ``folder``, or None: an absolute or drive path, a ``..``, a link on the
    way, a file outside once resolved, anything but a regular file, a file with more than one name (a hard link: the
    same file may be one outside the folder), the commune's key (never handed out, whoever asks: docs/security.md)."""
    path = _file(folder, relative)
    if path is None or _is_the_key(folder, path):
        return None
    return path if path.lstat().st_nlink == 1 else None


#: The key file's name without its suffix: a damaged or replaced key is moved aside under it (commune.system_key:
#: khoa-bi-mat.hong-<time>.txt), and may still hold the real key.
_KEY_STEM = PurePosixPath(COMMUNE_KEY_FILE).stem.casefold()


def _is_the_key(folder: Path, path: Path) -> bool:
    """Whether ``path`` is the commune's key, or a key moved aside: by its name under any spelling Windows answers to
    (any case, trailing dots and spaces dropped), and by the file itself (Windows' short name, KHOA-B~1.TXT, names
    it too)."""
    name = path.name.rstrip(". ").casefold()
    if name == COMMUNE_KEY_FILE or name.startswith(f"{_KEY_STEM}."):
        return True
    try:
        return os.path.samestat(path.lstat(), (folder / COMMUNE_KEY_FILE).lstat())
    except OSError:  # no key there: nothing to compare with
        return False


def _file(folder: Path, relative: str) -> Path | None:
    """The regular file ``relative`` names inside ``folder`` (:func:`_inside`), or None."""
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


NAME_CHARS = 120  # a folder's name the page makes: short enough for Windows' 260-character paths beside it
NAME_BYTES = 255  # what a POSIX file system holds in one name (UTF-8: a Vietnamese letter takes up to 3)


def plain_name(name: str) -> bool:
    """Whether ``name`` is one folder's name, to be made beside the campaign folder: no separator (``/`` or ``\\``), no
    drive (``C:``), not ``.`` or ``..``, and nothing Windows would not take as a name — whatever the system this runs
    on, since the campaign folder travels to the school's Windows computers: no character Windows refuses, no
    trailing dot or space, no device's name (CON, PRN, AUX, NUL, COM1–COM9, LPT1–LPT9: any case, with an extension
    or not), not longer than :data:`NAME_CHARS` characters or :data:`NAME_BYTES` bytes."""
    return (bool(name) and name == name.strip() and name not in (".", "..") and not name.endswith(".")
            and not any(c in '/\\:*?"<>|' or ord(c) < 32 or 0xD800 <= ord(c) < 0xE000 for c in name)
            and len(name) <= NAME_CHARS and len(name.encode("utf-8")) <= NAME_BYTES
            and not windows_device(name))


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


def bounded_requests(app) -> None:
    """Every uploaded part's temporary file closed when its request ends, also when the parser stopped half-way at a
    limit (413: too many files in one drop): werkzeug leaves the parts it had spooled open until they are collected."""

    class BoundedRequest(Request):
        def _get_file_stream(self, total_content_length, content_type, filename=None, content_length=None):
            stream = super()._get_file_stream(total_content_length, content_type, filename, content_length)
            vars(self).setdefault("spooled", []).append(stream)
            return stream

    app.request_class = BoundedRequest

    @app.teardown_request
    def close_parts(_error=None):
        for stream in getattr(request, "spooled", ()):
            stream.close()


def page_prefix() -> str:
    """The path a served page lives under, drawn at its start: its cookie is sent for it alone (see the module)."""
    return "/" + secrets.token_hex(8)


def guard(app, token: str, port: int, refused, prefix: str = "") -> None:
    """Install the checks every request passes (Host, the page's path, token, form token and Origin on a POST; the
    token moved from the address to the cookie's seal) and the headers every answer carries. ``prefix``: the path the
    page lives under ("": the tests' client, at the root). ``refused(code, status)``: the page's refusal, for a request
    that carries the token; one that does not (or comes to another address) is refused on a page of its own
    (:func:`_locked_out`)."""

    if prefix:
        inner = app.wsgi_app

        def under_prefix(environ, start_response):
            path = environ.get("PATH_INFO", "")
            if path == prefix or path.startswith(prefix + "/"):
                environ["SCRIPT_NAME"], environ["PATH_INFO"] = prefix, path[len(prefix):] or "/"
            return inner(environ, start_response)

        app.wsgi_app = under_prefix
    cookie = f"thidua_xlsx_{port or 'page'}"
    csrf = form_token(token)
    key = secrets.token_bytes(32)  # this server's: a seal of an earlier server (or of another port's) opens nothing
    static = Path(app.static_folder).resolve() if app.static_folder else None

    def seal(visit: str) -> str:
        return hmac.new(key, f"{token}\x00{visit}".encode(), hashlib.sha256).hexdigest()

    def sealed(value: str) -> bool:
        visit, _, given = value.partition(".")
        return bool(visit) and hmac.compare_digest(given.encode(), seal(visit).encode())

    @app.before_request
    def check():
        host = (request.host or "").rsplit(":", 1)
        if host[0] not in LOOPBACK_NAMES or (port and len(host) == 2 and host[1] != str(port)):
            return _locked_out("ui.host_refused", host=request.host or "")
        if (request.endpoint == "static" and static is not None and request.view_args
                and _file(static, request.view_args.get("filename", "")) is not None):
            # the package's own style and script (an installer may have linked them from its cache), nothing of the
            # campaign: the refused page styled too
            return None
        if request.script_root != prefix:  # not under the page's path: no seal is sent there, nor taken
            return _locked_out("ui.token_refused")
        if "token" in request.args:  # the address printed: the token itself (a wrong one is refused, cookie or not)
            if not hmac.compare_digest(request.args["token"].encode(), token.encode()):
                return _locked_out("ui.token_refused")
        elif not sealed(request.cookies.get(cookie, "")):
            return _locked_out("ui.token_refused")
        if request.method == "POST":
            sent = request.headers.get("X-Thidua-Form") or request.form.get("csrf") or ""
            origin = request.headers.get("Origin")
            if not hmac.compare_digest(sent.encode(), csrf.encode()) or (
                    origin is not None and urlsplit(origin).netloc != request.host):
                return refused("ui.csrf_refused", 403)
        if "token" in request.args and request.method == "GET":  # the address printed: the token goes, a seal stays
            rest = urlencode([(k, v) for k, v in request.args.items(multi=True) if k != "token"])
            target = request.script_root + page_path(request.path) + (f"?{rest}" if rest else "")
            # Opened from the redirect file (file://, another site to the browser), a redirect would carry that site
            # on: the SameSite=Strict seal would not be sent with the page it leads to. A page of ours that sends the
            # browser on starts a navigation of this site, which carries it.
            cross_site = request.headers.get("Sec-Fetch-Site") == "cross-site"
            response = Response(redirect_page(target), mimetype="text/html") if cross_site else redirect(target)
            visit = secrets.token_urlsafe(16)  # this visit's: each browser that opens the address has its own
            response.set_cookie(cookie, f"{visit}.{seal(visit)}", httponly=True, samesite="Strict",
                                path=request.script_root + "/")  # sent for the page's path alone
            return response
        return None

    @app.after_request
    def headers(response):
        response.headers["Content-Security-Policy"] = CONTENT_SECURITY
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "same-origin"  # no-referrer would make Chrome send "Origin: null"
        response.headers["Cache-Control"] = "no-store"
        return response


def page_path(path: str) -> str:
    """``path`` as a path of this page, for a redirect: one leading slash, every character but a plain one
    percent-encoded — a tab, a newline or a backslash (which browsers drop or read as a slash) can never make it
    ``//another.site/``."""
    return "/" + quote(path.lstrip("/"), safe="/-._~")


def redirect_page(url: str) -> str:
    """A small page that sends the browser on to ``url`` (a meta refresh, no script: the page's Content-Security-Policy
    allows none inline), with the address as a link in case: the redirect file the browser is opened on
    (:mod:`.serve`), and the step from the token to the seal when that file opened the address."""

    shown = html.escape(url)
    return f'''<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta http-equiv="refresh" content="0;url={shown}">
<title>thidua-xlsx</title>
</head>
<body>
<p>{html.escape(issue("ui.opening_page").message)}</p>
<p><a href="{shown}">{shown}</a></p>
</body>
</html>
'''


def _locked_out(code: str, **params):
    """The page refused to a request without its token (or at another address): what is wrong and the two ways to
    open the page again (the launcher, the address on the black window's first line) — on a page of its own, with no
    link (each would come back here), no form token and nothing of the campaign (error.html with ``way_in``)."""


    way_in = (issue("ui.way_in_launcher", launcher=LAUNCHER_STEM).message, issue("ui.way_in_address").message)
    return render_template("error.html", problem=issue(code, **params), way_in=way_in), 403
