"""The commune's key file (model.places.COMMUNE_KEY_FILE, beside its cap-tren.xlsx): read, or made once.

The file holds the key as hexadecimal on a line of its own, under a few lines saying what it is and that it is never
sent; it is the commune's alone (0600 where the system has modes) and no output names or copies it. It is made when
the commune is made (``init --level cap-xa``) and, in a commune folder made before this release, the first time the
folder is opened: said then, once (the codes issued before no longer verify). Two programs opening the folder at once
make one key: the file appears whole under its name or not at all (system.files.place_new), and the one that lost
reads the winner's."""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

from thidua_xlsx.model.commune_key import KEY_BYTES, CommuneKey
from thidua_xlsx.model.errors import Stopped
from thidua_xlsx.model.issues import Problems
from thidua_xlsx.model.places import COMMUNE_KEY_FILE
from thidua_xlsx.system.files import as_write_error, place_new, temporary_name
from thidua_xlsx.text.level_above import KEY_FILE_HEAD

KEY_PREFIX = "khoa="


def commune_key(folder: Path) -> tuple[CommuneKey, bool]:
    """The key of the commune whose folder is ``folder``, and whether it was made now (its file was missing).
    Stopped, with what to do, when the file is there but is not a key (edited, cut, another file under its name):
    never replaced, since the codes issued with it would silently stop verifying."""
    path = folder / COMMUNE_KEY_FILE
    found = _read(path)
    if found is not None:
        return found, False
    made = CommuneKey(secrets.token_bytes(KEY_BYTES))
    staged = temporary_name(path)
    try:
        fd = os.open(staged, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(KEY_FILE_HEAD + KEY_PREFIX + made.secret.hex() + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        place_new(staged, path)
    except FileExistsError:  # another program made it a moment ago: its key is the commune's
        found = _read(path)
        if found is None:
            raise
        return found, False
    except OSError as exc:
        raise as_write_error(exc, path) from exc
    finally:
        with contextlib.suppress(OSError):
            staged.unlink(missing_ok=True)
    return made, True


def _read(path: Path) -> CommuneKey | None:
    """The key in ``path`` (None: no such file); Stopped when the file cannot be read as one."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError):
        text = ""
    lines = [line.strip() for line in text.splitlines() if line.strip().startswith(KEY_PREFIX)]
    try:
        secret = bytes.fromhex(lines[0][len(KEY_PREFIX):]) if len(lines) == 1 else b""
    except ValueError:
        secret = b""
    if len(secret) != KEY_BYTES:
        problems = Problems()
        raise Stopped(problems, problems.add("level_above.key_unreadable", file=path.name).message)
    return CommuneKey(secret)
