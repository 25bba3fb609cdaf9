"""The commune's key file (model.places.COMMUNE_KEY_FILE, beside its cap-tren.xlsx): read, made once, or knowingly
made anew.

The file holds the key as hexadecimal on a line of its own (``khoa=``), under a few lines saying what it is and that
it is never sent, and lines saying its life: how it was made (``lap=``: with the commune, ``moi``; when a folder of a
release before 0.8 was first opened, ``cap-nhat``; in place of another, ``thay-khoa``), the day, and the keys it
replaced that could still be read (``khoa-truoc=``). A release that knows only ``khoa=`` reads it all the same. The
file is the commune's alone (0600 where the system has modes) and no output names or copies it.

It is made when the commune is made (``init --level cap-xa``) and, in a commune folder of a release before 0.8, the
first time the folder is opened: said then, once. A folder where a release of 0.8 or later has run (its run record
names one) had a key: its key missing is a key lost — stopped, with what to do, never silently remade (every code
issued would stop verifying and every genuine file would read as forged). Only ``init --level cap-xa --khoa-moi``
makes a new key in its place, keeping the one it replaces (when it can be read) to name files sealed under it. Two
programs opening the folder at once make one key: the file appears whole under its name or not at all
(system.files.place_new), and the one that lost reads the winner's."""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

from thidua_xlsx.model.commune_key import KEY_BYTES, CommuneKey
from thidua_xlsx.model.errors import Stopped
from thidua_xlsx.model.issues import Problems
from thidua_xlsx.model.places import COMMUNE_KEY_FILE, LEVEL_ABOVE_BOOK, LEVEL_ABOVE_SUMMARY
from thidua_xlsx.system import runs
from thidua_xlsx.system.files import as_write_error, place_new, temporary_name
from thidua_xlsx.system.voice import vietnam_now, vietnam_today
from thidua_xlsx.system.written import written_by
from thidua_xlsx.text.commune import KEY_FILE_HEAD

KEY_PREFIX = "khoa="
PREVIOUS_PREFIX = "khoa-truoc="
MADE_PREFIX = "lap="
DAY_PREFIX = "ngay="
WITH_COMMUNE, AT_UPDATE, IN_PLACE = "moi", "cap-nhat", "thay-khoa"  # how a key was made (``lap=``)


def commune_key(folder: Path) -> tuple[CommuneKey, bool]:
    """The key of the commune whose folder is ``folder``, and whether it was made now (a folder of a release before
    0.8: its first opening). Stopped, with what to do, when the file is there but is not a key (edited, cut, another
    file under its name), or is missing from a folder that had one: never replaced here."""
    path = folder / COMMUNE_KEY_FILE
    found = _read(path)
    if found is not None:
        return found, False
    if _had_key(folder):  # the key is lost, not yet to be made
        _stop("level_above.key_missing", path)
    return _made(path, AT_UPDATE), True


def _had_key(folder: Path) -> bool:
    """Whether a release that makes keys (0.8 or later) worked in ``folder``: its run record names a release, or the
    commune's book or summary says (in its document properties, which Excel and LibreOffice keep) it was written by
    one."""
    return bool(runs.release_in(folder)) or any(
        _written_by_release(folder / name) >= KEYS_SINCE for name in (LEVEL_ABOVE_BOOK, LEVEL_ABOVE_SUMMARY))


KEYS_SINCE = (0, 8)  # the first release with a commune key


def _written_by_release(book: Path) -> tuple[int, ...]:
    """The release (major, minor) a workbook of ours says wrote it ((0, 0): none said, or not a workbook)."""
    release = written_by(book)
    return tuple(int(part) for part in release.split(".")[:2]) if release else (0, 0)


def make_commune_key(folder: Path) -> CommuneKey:
    """A new commune's key (``init --level cap-xa``), or the one its folder already has (``--force``: the codes
    issued stay valid)."""
    path = folder / COMMUNE_KEY_FILE
    return _read(path) or _made(path, WITH_COMMUNE)


def renew_commune_key(folder: Path) -> tuple[CommuneKey, Path | None]:
    """A new key made knowingly in place of the folder's (``init --level cap-xa --khoa-moi``): lost, damaged, or
    given up (the sample's public key, a key copied where it should not be). The key it replaces, when it can be
    read, is kept in the new file (to name files sealed under it); a damaged file is kept aside under another name,
    never deleted. Returns the new key and where a damaged file was put (None: none)."""
    path = folder / COMMUNE_KEY_FILE
    try:
        old = _read(path)
    except Stopped:
        old = None
    legacy = old.legacy if old else _legacy(_lines(path))  # what a damaged file still says of its life
    aside = None
    if path.exists():  # out of the new key's way, never deleted before the new one is written
        stamp = vietnam_now().strftime("%Y%m%d-%H%M%S")
        aside = path.with_name(f"{path.stem}.{'da-thay' if old else 'hong'}-{stamp}{path.suffix}")
        try:
            os.replace(path, aside)
        except OSError as exc:
            raise as_write_error(exc, path) from exc
    if old is None:
        return _made(path, IN_PLACE, legacy=legacy), aside
    made = _made(path, IN_PLACE, (old.secret, *old.previous), legacy)
    if aside is not None:
        aside.unlink()  # its key lives on in the new file, as a key replaced
    return made, None


def _made(path: Path, how: str, previous: tuple[bytes, ...] = (), legacy: bool | None = None) -> CommuneKey:
    """A new random key written to ``path`` (which must not exist), with how and when it was made and the keys it
    replaces; the key another program made a moment before, if it won."""
    today = vietnam_today().isoformat()
    made = CommuneKey(secrets.token_bytes(KEY_BYTES), how != WITH_COMMUNE if legacy is None else legacy, previous,
                      today if how == IN_PLACE else "")
    lines = [KEY_PREFIX + made.secret.hex(), MADE_PREFIX + how, DAY_PREFIX + today,
             *(PREVIOUS_PREFIX + k.hex() for k in previous)]
    if how == IN_PLACE and legacy:
        lines.append(LEGACY_LINE)
    staged = temporary_name(path)
    try:
        fd = os.open(staged, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(KEY_FILE_HEAD + "\n".join(lines) + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        place_new(staged, path)
    except FileExistsError:  # another program made it a moment ago: its key is the commune's
        found = _read(path)
        if found is None:
            raise
        return found
    except OSError as exc:
        raise as_write_error(exc, path) from exc
    finally:
        with contextlib.suppress(OSError):
            staged.unlink(missing_ok=True)
    return made


LEGACY_LINE = "ma-cu=co"  # a key made in place of one whose folder may have issued codes of the scheme before 0.8


def _lines(path: Path) -> list[str] | None:
    """The lines of ``path`` as far as they can be read (a damaged file: its bytes that are not UTF-8 replaced, every
    line kept), None when there is no such file."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError:
        data = b""
    return [line.strip() for line in data.decode("utf-8", errors="replace").splitlines()]


def _legacy(lines: list[str] | None) -> bool:
    """Whether codes of the scheme before 0.8 may have been issued under the key whose file said ``lines``: yes, but
    for a key made with the commune (``lap=moi``) or in place of one that was not so (``lap=thay-khoa`` without
    :data:`LEGACY_LINE`). A file that no longer says how (0.8.0 did not; a damaged or missing one cannot) may have."""
    lines = lines or []
    return _said(lines, MADE_PREFIX) in ("", AT_UPDATE) or LEGACY_LINE in lines


def _said(lines: list[str], prefix: str) -> str:
    """What the first line starting with ``prefix`` says after it ("": no such line)."""
    return next((line[len(prefix):] for line in lines if line.startswith(prefix)), "")


def _read(path: Path) -> CommuneKey | None:
    """The key in ``path`` with its life (None: no such file); Stopped when the file cannot be read as one."""
    lines = _lines(path)
    if lines is None:
        return None
    keys = [_hex(line[len(KEY_PREFIX):]) for line in lines if line.startswith(KEY_PREFIX)]
    previous = tuple(_hex(line[len(PREVIOUS_PREFIX):]) for line in lines if line.startswith(PREVIOUS_PREFIX))
    if len(keys) != 1 or any(len(k) != KEY_BYTES for k in (*keys, *previous)):
        _stop("level_above.key_unreadable", path)
    day = _said(lines, DAY_PREFIX) if _said(lines, MADE_PREFIX) == IN_PLACE else ""
    return CommuneKey(keys[0], _legacy(lines), previous, day)


def _hex(text: str) -> bytes:
    try:
        return bytes.fromhex(text)
    except ValueError:
        return b""


def _stop(code: str, path: Path) -> None:
    problems = Problems()
    raise Stopped(problems, problems.add(code, file=path.name).message)
