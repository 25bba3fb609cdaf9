"""What the commands print reaches her whole, on every system.

Python writes to a pipe or a file in the system's locale encoding: on a Vietnamese or Western Windows that is
cp1258 or cp1252, which has no "ỳ" or "ệ" — every command redirected to a file (``status --nhac > nhac.txt``),
run from a ``.bat``, the Task Scheduler or any wrapper would stop on its first Vietnamese word. So output that
is not a terminal is UTF-8, whatever the locale says (what Notepad, Excel's import and every editor read).

A terminal is left in its own encoding: Windows' console takes Unicode from Python directly, and so do the
terminals of macOS and Linux. Only a console that cannot show Vietnamese (an old code page forced by
``PYTHONLEGACYWINDOWSSTDIO`` or ``PYTHONIOENCODING``) gets the letters without their marks — "Tong hop" is
still read, where "T?ng h?p" or a crash is not.
"""

from __future__ import annotations

import codecs
import sys

from thidua_xlsx.text.collation import unmarked

UNACCENTED = "thidua-unaccented"  # the codec error handler for a console that cannot show Vietnamese
PROBE = "Tổng hợp – đề nghị: Lê Thị Ỳ"  # the letters and signs a message may hold


def unaccented(text: str) -> str:
    """``text`` in ASCII letters: the marks dropped ("Nguyễn Đức" → "Nguyen Duc"), other signs as "?"."""
    return "".join(c if ord(c) < 128 else "?" for c in unmarked(text.replace("–", "-")))


def _unaccented_error(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    return unaccented(error.object[error.start:error.end]), error.end


codecs.register_error(UNACCENTED, _unaccented_error)


def shows_vietnamese(encoding: str | None) -> bool:
    try:
        PROBE.encode(encoding or "ascii")
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def speak_whole(streams=None) -> None:
    """Set standard output and error so that no Vietnamese word stops a command (see the module)."""
    for stream in streams if streams is not None else (sys.stdout, sys.stderr):
        if stream is None or not hasattr(stream, "reconfigure"):
            continue  # no console at all (pythonw), or a stream a caller put there: left alone
        try:
            terminal = stream.isatty()
        except (OSError, ValueError):
            terminal = False
        if not terminal:
            stream.reconfigure(encoding="utf-8", errors="replace")
        elif not shows_vietnamese(stream.encoding):
            stream.reconfigure(errors=UNACCENTED)
