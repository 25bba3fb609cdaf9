"""The connection to a mailbox for ``collect`` (:mod:`thidua_xlsx.mail.collect` reads through it): the address read
apart, TLS from the first byte (``imaps://``, port 993) or upgraded by STARTTLS (``imap://``, port 143: many school
and provider servers offer only that), the certificate verified either way, the password sent only once the
connection is encrypted — and every fault said as what it is, with the server's words as text.

Both ways go through the standard library (:class:`imaplib.IMAP4_SSL`, :meth:`imaplib.IMAP4.starttls` with the same
verifying :class:`ssl.SSLContext`). A server that offers no STARTTLS is refused before the password is sent. A wrong
port or protocol is told as such, never as a certificate problem: ``imaps://`` pointed at a plain port fails its
handshake (OpenSSL: WRONG_VERSION_NUMBER, "record layer failure"), and the port's first line is then read — a plain
IMAP greeting ("* OK") is said as "use imap://host:N (STARTTLS) or imaps://host:993"; ``imap://`` pointed at a TLS
port gets no greeting, and the port's answer to a TLS handshake (nothing more is sent) says "use imaps://".

A password written in the address (``imaps://user:password@host``) is refused before anything connects: it would stay
in the shell's history and in the page's log. It comes from a prompt, the keyring or an environment variable
(:mod:`thidua_xlsx.commands.collect`).
"""

from __future__ import annotations

import ast
import base64
import imaplib
import re
import socket
import ssl
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from thidua_xlsx.model.errors import Stopped
from thidua_xlsx.model.issues import ERROR, Issue, Problems, issue

IMAPS_PORT = 993  # IMAP over TLS from the first byte (RFC 8314)
IMAP_PORT = 143  # IMAP, upgraded to TLS by STARTTLS (RFC 3501 §6.2.1)
TIMEOUT_SECONDS = 30  # of each network operation: a silent server is said, not waited for forever
PROBE_SECONDS = 5  # of the look at a port that answered wrong (its greeting, or its TLS handshake)
NOT_TLS = ("WRONG_VERSION_NUMBER", "RECORD_LAYER_FAILURE", "UNKNOWN_PROTOCOL", "HTTP_REQUEST",
           "PACKET_LENGTH_TOO_LONG", "UNSUPPORTED_PROTOCOL")  # OpenSSL's words for bytes that are no TLS record
IMAP_GREETINGS = (b"* OK", b"* PREAUTH", b"* BYE")  # RFC 3501 §7.1: the first line of an IMAP server
UNEXPECTED = "unexpected response:"  # imaplib's abort for a line that is no IMAP response (an SMTP or HTTP server's)


@dataclass(frozen=True)
class Mailbox:
    """``imaps://user@host[:port]/MAILBOX`` (TLS from the first byte) or ``imap://…`` (STARTTLS) read apart."""

    user: str
    host: str
    port: int = IMAPS_PORT
    mailbox: str = "INBOX"
    starttls: bool = False

    @property
    def scheme(self) -> str:
        return "imap" if self.starttls else "imaps"


def parse_mailbox(source: str) -> Mailbox | None:
    """The mailbox of an ``imaps://`` or ``imap://`` (STARTTLS) address; None: not one — nor an address holding a
    password (:func:`password_in_address`: refused with its reason, never used)."""
    parts = urlsplit(source)
    scheme = parts.scheme.lower()
    if scheme not in ("imaps", "imap") or not parts.hostname or not parts.username:
        return None
    if parts.password is not None:
        return None
    try:
        port = parts.port or (IMAP_PORT if scheme == "imap" else IMAPS_PORT)
    except ValueError:
        return None
    return Mailbox(unquote(parts.username), parts.hostname, port, unquote(parts.path.lstrip("/")) or "INBOX",
                   scheme == "imap")


def password_in_address(source: str) -> str:
    """``source`` without its password when it is a mailbox's address written with one (``imaps://user:pw@host``):
    what to show in the refusal; "" when it holds none."""
    try:
        parts = urlsplit(source.strip())
        if parts.scheme.lower() not in ("imap", "imaps") or parts.password is None:
            return ""
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        return ""
    return f"{parts.scheme}://{parts.username or ''}@{parts.hostname or ''}{port}{parts.path}"


class MailFault(Stopped):
    """The mailbox cannot be read on (a connection's fault): ``problem`` says which and what to do."""

    def __init__(self, problem: Issue):
        super().__init__(Problems([problem]))
        self.problem = problem


# --- connecting -----------------------------------------------------------------------------------------------------

def connect(box: Mailbox, cafile: Path | None = None, timeout: float = TIMEOUT_SECONDS) -> imaplib.IMAP4:
    """An encrypted connection to ``box``'s server, its certificate verified (``cafile``: the authority of a school's
    own server): TLS from the first byte, or STARTTLS (``box.starttls``). Raises :class:`MailFault` with the coded
    reason; no password has been sent."""
    context = ssl.create_default_context(cafile=str(cafile) if cafile else None)
    where: dict[str, Any] = {"host": box.host, "port": box.port}
    try:
        if box.starttls:
            return _upgraded(box, context, timeout)
        return imaplib.IMAP4_SSL(box.host, box.port, ssl_context=context, timeout=timeout)
    except ssl.SSLCertVerificationError as exc:
        raise MailFault(issue("mail.certificate", ERROR, host=box.host, detail=exc.verify_message or str(exc))) \
            from None
    except ssl.SSLError as exc:
        if not box.starttls and (exc.reason in NOT_TLS or "record layer failure" in str(exc)):
            raise MailFault(_what_answered(box, timeout)) from None
        raise MailFault(issue("mail.certificate", ERROR, host=box.host, detail=exc.reason or str(exc))) from None
    except (TimeoutError, imaplib.IMAP4.abort, ConnectionResetError) as exc:
        if box.starttls and _speaks_tls(box, context, timeout):  # no greeting: a port that waits for a handshake
            raise MailFault(issue("mail.port_speaks_tls", ERROR, **where)) from None
        if isinstance(exc, TimeoutError):
            raise MailFault(issue("mail.timeout", ERROR, seconds=int(timeout), **where)) from None
        answer = said(exc)
        if answer.startswith(UNEXPECTED):  # imaplib's words for a first line that is no IMAP greeting
            raise MailFault(issue("mail.not_imap", ERROR, answer=answer[len(UNEXPECTED):].strip(), imaps=IMAPS_PORT,
                                  imap=IMAP_PORT, **where)) from None
        raise MailFault(issue("mail.unreachable", ERROR, detail=answer, **where)) from None
    except imaplib.IMAP4.error as exc:  # a greeting that is no IMAP server's
        raise MailFault(issue("mail.not_imap", ERROR, answer=said(exc), imaps=IMAPS_PORT, imap=IMAP_PORT, **where)) \
            from None
    except OSError as exc:
        raise MailFault(issue("mail.unreachable", ERROR, detail=said(exc), **where)) from None


def _upgraded(box: Mailbox, context: ssl.SSLContext, timeout: float) -> imaplib.IMAP4:
    """A plain IMAP connection turned to TLS by STARTTLS before anything else is said; a server that does not offer
    it is refused (the password would travel unencrypted)."""
    client = imaplib.IMAP4(box.host, box.port, timeout=timeout)
    try:
        if "STARTTLS" not in client.capabilities:
            raise MailFault(issue("mail.no_starttls", ERROR, host=box.host, port=box.port, imaps=IMAPS_PORT))
        client.starttls(ssl_context=context)
    except BaseException:
        close(client)
        raise
    return client


def _what_answered(box: Mailbox, timeout: float) -> Issue:
    """What a port that answered a TLS handshake with no TLS speaks, from its first line: plain IMAP (use imap://,
    STARTTLS, or imaps:// on 993), or something else (the usual ports said)."""
    where: dict[str, Any] = {"host": box.host, "port": box.port, "imaps": IMAPS_PORT, "imap": IMAP_PORT}
    first = b""
    try:
        with socket.create_connection((box.host, box.port), timeout=min(timeout, PROBE_SECONDS)) as probe:
            while b"\n" not in first and len(first) < 512:
                chunk = probe.recv(512)
                if not chunk:
                    break
                first += chunk
    except OSError:
        pass
    line = first.split(b"\n", 1)[0].strip()
    if line.upper().startswith(IMAP_GREETINGS):
        return issue("mail.port_speaks_plain", ERROR, **where)
    return issue("mail.not_imap", ERROR, answer=said(line) if line else "?", **where)


def _speaks_tls(box: Mailbox, context: ssl.SSLContext, timeout: float) -> bool:
    """Whether ``box``'s port answers a TLS handshake (nothing else is sent: no name, no password)."""
    try:
        with socket.create_connection((box.host, box.port), timeout=min(timeout, PROBE_SECONDS)) as probe, \
                context.wrap_socket(probe, server_hostname=box.host):
            return True
    except ssl.SSLCertVerificationError:
        return True  # a certificate was shown: TLS, whatever its authority
    except (OSError, ValueError):
        return False


def login(client: imaplib.IMAP4, box: Mailbox, password: str) -> None:
    """Logged in (the connection is encrypted by now); a refusal said with the server's words. A user name or
    password with a letter outside ASCII ("mật-khẩu") goes by SASL PLAIN, which carries UTF-8 (RFC 4616): imaplib's
    LOGIN sends ASCII only, and its encoding error would show a letter of the password."""
    try:
        if (box.user + password).isascii():
            client.login(box.user, password)
        else:
            credentials = f"\0{box.user}\0{password}".encode()
            client.authenticate("PLAIN", lambda _challenge: credentials)
    except imaplib.IMAP4.abort:
        raise
    except imaplib.IMAP4.error as exc:
        raise MailFault(issue("mail.login_failed", ERROR, user=box.user, host=box.host, detail=said(exc))) from None


def close(client: imaplib.IMAP4) -> None:
    """Logged out (the mailbox was examined, not selected: nothing is expunged); a dead connection just closed."""
    try:
        client.logout()
    except Exception:  # the connection may be the fault itself
        try:
            client.shutdown()
        except Exception:  # noqa: S110 - nothing more can be done with a dead socket
            pass


def quoted(mailbox: str) -> str:
    """The mailbox's name as IMAP asks it: modified UTF-7 (RFC 3501 §5.1.3: "Thi đua" is "Thi &ARE-ua"), quoted."""
    return '"' + _utf7(mailbox).replace("\\", "\\\\").replace('"', '\\"') + '"'


def _utf7(name: str) -> str:
    out: list[str] = []
    pending: list[str] = []

    def flush() -> None:
        if pending:
            data = "".join(pending).encode("utf-16-be")
            out.append("&" + base64.b64encode(data).decode("ascii").rstrip("=").replace("/", ",") + "-")
            pending.clear()

    for ch in name:
        if " " <= ch <= "~":
            flush()
            out.append("&-" if ch == "&" else ch)
        else:
            pending.append(ch)
    flush()
    return "".join(out)


# --- the server's words ---------------------------------------------------------------------------------------------

_BYTES_SHOWN = re.compile(r"""\bb('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")""")  # Python's b'…' inside a library's text


def said(detail: object) -> str:
    """A server's or a library's words, short and as text: bytes decoded (imaplib raises the server's reply as bytes,
    and words its own errors with the reply's ``b'…'`` inside), never Python's ``b'…'``."""
    if isinstance(detail, imaplib.IMAP4.error) and detail.args:
        detail = detail.args[0] if len(detail.args) == 1 else " ".join(map(str, detail.args))
    if isinstance(detail, list):
        detail = b" ".join(d for d in detail if isinstance(d, bytes))
    if isinstance(detail, bytes):
        detail = detail.decode("utf-8", "replace")
    return _BYTES_SHOWN.sub(_decoded, str(detail)).strip()[:200] or "?"


def _decoded(match: re.Match[str]) -> str:
    try:
        value = ast.literal_eval("b" + match.group(1))
    except (ValueError, SyntaxError):
        return match.group(1)[1:-1]
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
