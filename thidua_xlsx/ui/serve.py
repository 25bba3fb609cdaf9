"""``thidua-xlsx ui``: the page started on the loopback address with a one-time token, its address printed first,
the browser opened; waitress serves it (pure Python, the same on Windows, macOS and Linux).

The port asked (default :data:`DEFAULT_PORT`) taken by another program: the next free one of :data:`PORTS_TRIED` is
used and said; none free: said with what to do, nothing started.

The browser is opened on a small local file that sends it on to the address with its token, never on that address
itself: a browser is started with its address on its command line, which every user of the computer reads (``ps``,
the Task Manager). As Jupyter server does: ``ServerApp.use_redirect_file`` (default True) writes
``jpserver-<pid>-open.html`` (the template ``browser-open.html``: a meta refresh to the tokenised address) in the
user's runtime folder, opens the browser on ``urljoin("file:", pathname2url(open_file))`` and removes the file when
the server stops (``jupyter_server/serverapp.py``: ``write_browser_open_file``, ``_prepare_browser_open``,
``remove_browser_open_file``).
"""

from __future__ import annotations

import errno
import os
import secrets
import socket
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

from thidua_xlsx.model.errors import Stopped
from thidua_xlsx.model.issues import Issue, Problems, issue
from thidua_xlsx.text import ui as tu
from thidua_xlsx.ui.app import create_app
from thidua_xlsx.ui.security import page_prefix, redirect_page

DEFAULT_PORT = 8765
PORTS_TRIED = 10
HOST = "127.0.0.1"


@dataclass(frozen=True)
class Bound:
    """A listening socket on the loopback address, its port, and what to say when it is not the one asked."""

    socket: socket.socket
    port: int
    said: Issue | None = None


class NoPort(Stopped):
    """Every port tried is taken by another program: ``issue`` says which and what to do."""

    def __init__(self, said: Issue):
        super().__init__(Problems([said]))
        self.issue = said


def bind(port: int) -> Bound:
    """A socket listening on ``HOST:port``, else on the next free port (:data:`PORTS_TRIED` in all); NoPort."""
    for candidate in range(port, port + PORTS_TRIED):
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        if hasattr(socket, "SO_EXCLUSIVEADDRUSE"):  # Windows: no other program may take the same port over ours
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_EXCLUSIVEADDRUSE, 1)
        try:
            sock.bind((HOST, candidate))
            sock.listen(64)
        except OSError as exc:
            sock.close()
            if exc.errno in (errno.EADDRINUSE, errno.EACCES, getattr(errno, "WSAEADDRINUSE", -1)):
                continue
            raise
        said = issue("ui.port_taken", port=port, used=candidate) if candidate != port else None
        return Bound(sock, candidate, said)
    raise NoPort(issue("ui.no_port", first=port, last=port + PORTS_TRIED - 1))


def address(port: int, token: str, prefix: str = "") -> str:
    return f"http://{HOST}:{port}{prefix}/?token={token}"


def redirect_file(url: str) -> Path:
    """A new HTML file that sends the browser on to ``url`` (a meta refresh, and a link in case): only its owner can
    read it (created 0600 by :func:`tempfile.mkstemp`, never another mode in between), in the user's runtime folder
    (``$XDG_RUNTIME_DIR``, the user's alone) or else the temporary folder (the user's own on Windows and macOS).
    Removed by :func:`serve` when the page stops."""
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    fd, name = tempfile.mkstemp(prefix="thidua-xlsx-", suffix=".html",
                                dir=runtime if runtime and os.path.isdir(runtime) else None)
    try:
        with open(fd, "w", encoding="utf-8") as out:
            out.write(redirect_page(url))
    except BaseException:
        os.unlink(name)
        raise
    return Path(name)


def open_browser_on(url: str) -> Path | None:
    """Open the browser on a :func:`redirect_file` to ``url`` (its ``file://`` address, without the token, is all a
    command line shows). The file written (to be removed when the page stops), or None: no file could be written, or
    no browser opened — then the address printed is the way in."""
    import webbrowser  # deferred: webbrowser at start-up
    from urllib.request import pathname2url  # deferred: urllib.request at start-up

    try:
        path = redirect_file(url)
    except OSError:
        return None
    try:
        opened = webbrowser.open(urljoin("file:", pathname2url(str(path))))
    except Exception:  # no browser at all (a server without a desktop): the address is printed
        opened = False
    if not opened:
        path.unlink(missing_ok=True)
        return None
    return path


def serve(folder: Path, port: int, open_browser: bool, say: Callable[[str], None],
          ready: Callable[[Callable[[], None]], None] | None = None) -> None:
    """Serve the page of ``folder`` until stopped (Ctrl+C, the window closed). ``ready(stop)``: called once it
    listens, with what stops it from another thread (the tests, the benchmark)."""
    from waitress.server import create_server  # deferred: waitress at start-up


    bound = bind(port)
    token, prefix = secrets.token_urlsafe(24), page_prefix()
    url = address(bound.port, token, prefix)
    say(tu.ADDRESS_LINE.format(url=url))  # the first line: the address with its token, alone
    if bound.said is not None:
        say(bound.said.message)
    say(tu.STARTED.format(folder=folder))
    app = create_app(folder, token, bound.port, prefix)
    channels: dict = {}  # waitress's map: the listening socket and each visit's connection, all closed at the end
    server = create_server(app, map=channels, sockets=[bound.socket], threads=8, ident="thidua-xlsx",
                           clear_untrusted_proxy_headers=True)
    stopping = threading.Event()

    def close() -> None:
        """The listening socket and every visit's connection (a browser keeps one open between pages: left open, the
        loop would go on serving it)."""
        server.close()
        for channel in list(channels.values()):
            channel.close()

    def stop() -> None:
        stopping.set()
        server.task_dispatcher.shutdown()  # the requests being answered end first
        close()

    if ready is not None:
        ready(stop)
    opened: Path | None = None
    try:
        opened = open_browser_on(url) if open_browser else None
        if opened is None:
            say(tu.NO_BROWSER)
        server.run()
    except KeyboardInterrupt:
        pass
    except (OSError, ValueError):  # its sockets closed under the loop by ``stop``: the end asked for
        if not stopping.is_set():
            raise
    finally:
        close()
        if opened is not None:
            opened.unlink(missing_ok=True)  # the token it holds opens nothing once the page stops, but goes with it
        say(tu.STOPPED)
