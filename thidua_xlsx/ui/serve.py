"""``thidua-xlsx ui``: the page started on the loopback address with a one-time token, its address printed first,
the browser opened; waitress serves it (pure Python, the same on Windows, macOS and Linux).

The port asked (default :data:`DEFAULT_PORT`) taken by another program: the next free one of :data:`PORTS_TRIED` is
used and said; none free: said with what to do, nothing started.
"""

from __future__ import annotations

import errno
import secrets
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from thidua_xlsx.model.issues import Issue, issue

DEFAULT_PORT = 8765
PORTS_TRIED = 10
HOST = "127.0.0.1"


@dataclass(frozen=True)
class Bound:
    """A listening socket on the loopback address, its port, and what to say when it is not the one asked."""

    socket: socket.socket
    port: int
    said: Issue | None = None


class NoPort(Exception):
    def __init__(self, said: Issue):
        super().__init__(said.message)
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


def address(port: int, token: str) -> str:
    return f"http://{HOST}:{port}/?token={token}"


def serve(folder: Path, port: int, open_browser: bool, say: Callable[[str], None],
          ready: Callable[[Callable[[], None]], None] | None = None) -> None:
    """Serve the page of ``folder`` until stopped (Ctrl+C, the window closed). ``ready(stop)``: called once it
    listens, with what stops it from another thread (the tests, the benchmark)."""
    import webbrowser

    from waitress.server import create_server

    from thidua_xlsx.text import ui as tu
    from thidua_xlsx.ui.app import create_app

    bound = bind(port)
    token = secrets.token_urlsafe(24)
    url = address(bound.port, token)
    say(tu.ADDRESS_LINE.format(url=url))  # the first line: the address with its token, alone
    if bound.said is not None:
        say(bound.said.message)
    say(tu.STARTED.format(folder=folder))
    app = create_app(folder, token, bound.port)
    server = create_server(app, sockets=[bound.socket], threads=8, ident="thidua-xlsx",
                           clear_untrusted_proxy_headers=True)
    stopping = threading.Event()

    def stop() -> None:
        stopping.set()
        server.task_dispatcher.shutdown()  # the requests being answered end first
        server.close()

    if ready is not None:
        ready(stop)
    if open_browser:
        try:
            opened = webbrowser.open(url)
        except Exception:  # no browser at all (a server without a desktop): the address is printed
            opened = False
        if not opened:
            say(tu.NO_BROWSER)
    else:
        say(tu.NO_BROWSER)
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    except (OSError, ValueError):  # its sockets closed under the loop by ``stop``: the end asked for
        if not stopping.is_set():
            raise
    finally:
        server.close()
        say(tu.STOPPED)
