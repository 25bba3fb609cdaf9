"""A throwaway Dovecot on the loopback address (the mail tests' and the mail benchmark's): its own configuration,
certificate and mailboxes in a temporary folder, a test user from a passwd-file, on two free ports: IMAP over TLS
(as port 993) and plain IMAP that offers STARTTLS and takes no password before it (as port 143); run in the foreground
(``dovecot -F``) and stopped when done. Debian's ``dovecot-imapd`` (installed by .ci/run)."""

from __future__ import annotations

import contextlib
import getpass
import imaplib
import os
import shutil
import socket
import ssl
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

DOVECOT = shutil.which("dovecot") or "/usr/sbin/dovecot"
USER, PASSWORD = "thuky", "mat-khau-thu"
VIETNAMESE_USER, VIETNAMESE_PASSWORD = "hieupho", "Mật-khẩu-Hà-Nội-2026"  # a password typed with its accents


@dataclass(frozen=True)
class Server:
    """The running server: where it listens, its certificate (the authority a school's server would hand out)."""

    host: str
    port: int  # IMAP over TLS from the first byte (imaps://)
    cafile: Path
    folder: Path
    starttls_port: int = 0  # plain IMAP offering STARTTLS (imap://)

    def url(self, mailbox: str, host: str | None = None, port: int | None = None) -> str:
        return f"imaps://{USER}@{host or self.host}:{port or self.port}/{mailbox}"

    def starttls_url(self, mailbox: str, host: str | None = None, port: int | None = None) -> str:
        return f"imap://{USER}@{host or self.host}:{port or self.starttls_port}/{mailbox}"

    def client(self) -> imaplib.IMAP4_SSL:
        client = imaplib.IMAP4_SSL(self.host, self.port, ssl_context=ssl.create_default_context(cafile=self.cafile),
                                   timeout=30)
        client.login(USER, PASSWORD)
        return client

    def fill(self, mailbox: str, messages: list[bytes]) -> None:
        """``mailbox`` made and each message appended (IMAP APPEND), unread."""
        with self.client() as client:
            client.create(f'"{mailbox}"')
            for data in messages:
                status, _ = client.append(f'"{mailbox}"', None, None, data)
                assert status == "OK"

    def state(self, mailbox: str) -> list[tuple[int, bytes]]:
        """Each message's uid and flags, examined (read-only): what a collect must leave as it was."""
        with self.client() as client:
            client.select(f'"{mailbox}"', readonly=True)
            _, data = client.uid("FETCH", "1:*", "(FLAGS)")
        return sorted((int(d.split(b"UID ")[1].split(b" ")[0].rstrip(b")")), d.split(b"FLAGS ")[1])
                      for d in data if isinstance(d, bytes) and b"UID" in d)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _certificate(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for the name ``localhost`` only (so 127.0.0.1 is a name it does not match)."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
                    "-days", "2", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost"],
                   check=True, capture_output=True)
    return cert, key


def _config(folder: Path, port: int, cert: Path, key: Path, starttls_port: int) -> Path:
    """The server's configuration: everything inside ``folder``; as root, the package's own unprivileged users
    (dovenull, dovecot), else the current user for all (no privilege needed). ``ssl = required`` with
    ``disable_plaintext_auth``: the plain port offers STARTTLS and refuses a password before it. A wrong password is
    answered at once (``auth_failure_delay``: 2 s by default, a wait the tests of it do not need)."""
    import grp  # POSIX only, as Dovecot is: imported here so that tests/mail loads on Windows too
    import pwd

    if os.geteuid() == 0:
        login, internal, group, mail_user = "dovenull", "dovecot", "dovecot", "dovecot"
    else:
        login = internal = mail_user = getpass.getuser()
        group = grp.getgrgid(os.getegid()).gr_name
    uid = pwd.getpwnam(mail_user).pw_uid
    for name in ("run", "state", "home"):
        (folder / name).mkdir()
    (folder / "home").chmod(0o777)  # the mail user writes its Maildir there
    (folder / "passwd").write_text(f"{USER}:{{PLAIN}}{PASSWORD}::::::\n"
                                   f"{VIETNAMESE_USER}:{{PLAIN}}{VIETNAMESE_PASSWORD}::::::\n", encoding="utf-8")
    config = folder / "dovecot.conf"
    config.write_text(f"""
base_dir = {folder}/run
state_dir = {folder}/state
log_path = {folder}/dovecot.log
listen = 127.0.0.1
protocols = imap
ssl = required
ssl_cert = <{cert}
ssl_key = <{key}
disable_plaintext_auth = yes
auth_mechanisms = plain login
auth_failure_delay = 0
default_login_user = {login}
default_internal_user = {internal}
default_internal_group = {group}
first_valid_uid = {min(uid, 1000) if uid else 1}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {folder}/passwd
}}
userdb {{
  driver = static
  args = uid={mail_user} gid={grp.getgrgid(pwd.getpwnam(mail_user).pw_gid).gr_name} home={folder}/home/%u
}}
mail_location = maildir:~/Maildir
service anvil {{
  chroot =
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    port = {starttls_port}
  }}
  inet_listener imaps {{
    port = {port}
    ssl = yes
  }}
}}
""", encoding="utf-8")
    folder.chmod(0o755)
    return config


class NotStarted(Exception):
    """Dovecot is missing or did not start: the text says why."""


class NotInstalled(NotStarted):
    """Dovecot is not on this machine: its tests are skipped at a desk, and fail on CI (``CI=true``)."""


@contextlib.contextmanager
def running() -> Iterator[Server]:
    """A Dovecot serving one user (:data:`USER`) on 127.0.0.1 while the block runs; its folder removed after."""
    if not Path(DOVECOT).exists():
        raise NotInstalled("Dovecot is not installed (Debian: apt-get install dovecot-imapd, as .ci/run does); "
                         "leave the tests that need it out with -m 'not imap'")
    # Not under pytest's temporary folder: as root that is private (0700) and Dovecot's own users must read in it.
    folder = Path(tempfile.mkdtemp(prefix="thidua-dovecot-"))
    cert, key = _certificate(folder)
    port = free_port()
    starttls_port = free_port()
    while starttls_port == port:
        starttls_port = free_port()
    said = folder / "stderr.txt"
    with said.open("wb") as stderr:
        process = subprocess.Popen([DOVECOT, "-F", "-c", str(_config(folder, port, cert, key, starttls_port))],
                                   stdout=subprocess.DEVNULL, stderr=stderr)
    try:
        deadline = time.monotonic() + 15
        while True:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1), \
                    socket.create_connection(("127.0.0.1", starttls_port), timeout=1):
                break
            if process.poll() is not None or time.monotonic() > deadline:
                log = (folder / "dovecot.log").read_text(errors="replace") if (folder / "dovecot.log").exists() else ""
                raise NotStarted(f"Dovecot did not start: {said.read_text(errors='replace')}{log[-2000:]}")
            time.sleep(0.1)
        yield Server("localhost", port, cert, folder, starttls_port)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        shutil.rmtree(folder, ignore_errors=True)
