"""The page's security, in one place — the page is a door into staff data:

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
import stat
from pathlib import Path, PurePosixPath
from urllib.parse import urlencode, urlsplit

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


def guard(app, token: str, port: int, refused) -> None:
    """Install the checks every request passes (Host, token, form token and Origin on a POST; the token moved from
    the address to the cookie) and the headers every answer carries. ``refused(code, status)``: the page's refusal."""
    from flask import redirect, request

    cookie = f"thidua_xlsx_{port or 'page'}"
    csrf = form_token(token)

    @app.before_request
    def check():
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
            rest = urlencode([(k, v) for k, v in request.args.items(multi=True) if k != "token"])
            response = redirect(request.path + (f"?{rest}" if rest else ""))
            response.set_cookie(cookie, token, httponly=True, samesite="Strict", path="/")
            return response
        return None

    @app.after_request
    def headers(response):
        response.headers["Content-Security-Policy"] = CONTENT_SECURITY
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "same-origin"  # no-referrer would make Chrome send "Origin: null"
        response.headers["Cache-Control"] = "no-store"
        return response
