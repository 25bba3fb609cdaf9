"""What the commands print reaches her whole, on every system.

Python writes to a pipe or a file in the system's locale encoding: on a Vietnamese or Western Windows that is
cp1258 or cp1252, which has no "ỳ" or "ệ" — every command redirected to a file (``status --nhac > nhac.txt``),
run from a ``.bat``, the Task Scheduler or any wrapper would stop on its first Vietnamese word. So output that
is not a terminal is UTF-8, whatever the locale says (what Notepad, Excel's import and every editor read).

A terminal is left in its own encoding: Windows' console takes Unicode from Python directly, and so do the
terminals of macOS and Linux. Only a console that cannot show Vietnamese (an old code page forced by
``PYTHONLEGACYWINDOWSSTDIO`` or ``PYTHONIOENCODING``) gets the letters without their marks, as the README
promises — "Tong hop" is still read, where "T?ng h?p" or a crash is not. Wholly without marks: every letter
folded, even one the code page could show (cp1252 has "á" and "ì", not "ả" or "đ"), so that no word comes half
accented ("Canh báo"); the signs the messages use said in ASCII ("–" "-", "→" "->", "…" "...", quotes). It is
done by the stream's own encoding (:data:`UNMARKED` + the code page's name), so every write is folded.

A run asked to end from outside (SIGTERM) ends as Ctrl-C does, its clean-up done (:func:`terminate_as_exit`).
"""

from __future__ import annotations

import codecs
import contextlib
import signal
import sys
import threading
from collections.abc import Iterator

from thidua_xlsx.text.collation import unmarked

UNMARKED = "thidua_unmarked_"  # + a code page's name: that code page, every text folded to ASCII first
PROBE = "Tổng hợp – đề nghị: Lê Thị Ỳ"  # the letters and signs a message may hold

# The signs of the messages (text/) and of what people type that have no letter to fold to, in ASCII.
_SIGNS = str.maketrans({"–": "-", "—": "-", "‑": "-", "−": "-", "→": "->", "←": "<-", "›": ">", "‹": "<",
                        "≥": ">=", "≤": "<=", "×": "x", "·": "-", "•": "*", "“": '"', "”": '"', "„": '"',
                        "«": '"', "»": '"', "‘": "'", "’": "'", "‚": "'", "§": "S", "µ": "u", "°": "o",
                        "□": "[ ]", "☐": "[ ]", "■": "[x]", "☒": "[x]", "⁄": "/"})


def unaccented(text: str) -> str:
    """``text`` in ASCII: every letter without its marks ("Nguyễn Đức" → "Nguyen Duc"), the signs the messages use
    in ASCII ("–" → "-", "→" → "->", "…" → "...", curly quotes → straight), any other sign as "?"."""
    return "".join(c if c < "\x80" else "?" for c in unmarked(text.translate(_SIGNS)).translate(_SIGNS))


def _unmarked_codec(name: str) -> codecs.CodecInfo | None:
    """The codec :data:`UNMARKED` + a code page (as :func:`codecs.lookup` gives the name: lower case, "_" for "-"):
    its encoder folds every text to ASCII (:func:`unaccented`) before the code page encodes it; its decoder is the
    code page's."""
    if not name.startswith(UNMARKED):
        return None
    try:
        base = codecs.lookup(name[len(UNMARKED):])
    except LookupError:
        return None

    class Encoder(codecs.IncrementalEncoder):
        def encode(self, text: str, final: bool = False) -> bytes:
            return base.encode(unaccented(text), "replace")[0]

    def encode(text: str, errors: str = "strict") -> tuple[bytes, int]:
        return base.encode(unaccented(text), errors)[0], len(text)

    return codecs.CodecInfo(encode, base.decode, name=UNMARKED + base.name, incrementalencoder=Encoder,
                            incrementaldecoder=base.incrementaldecoder, streamreader=base.streamreader,
                            streamwriter=base.streamwriter)


codecs.register(_unmarked_codec)


def unmarked_encoding(encoding: str | None) -> str:
    """The encoding of a console whose code page is ``encoding`` (None: ASCII) once it cannot show Vietnamese."""
    try:
        name = codecs.lookup(encoding or "ascii").name
    except LookupError:
        name = "ascii"
    return name if name.startswith(UNMARKED) else UNMARKED + name


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
            stream.reconfigure(encoding=unmarked_encoding(stream.encoding), errors="replace")


@contextlib.contextmanager
def terminate_as_exit() -> Iterator[None]:
    """While the block runs, a request to end the process (SIGTERM: ``kill``, a system monitor, a service
    stopping) ends it as Ctrl-C does — by an exception, so that every clean-up runs (the temporary files, the
    locks, LibreOffice's processes stopped) — instead of at once, leaving them. The exit code is the one the
    signal would have given (143). Nothing changes where another handler is set, or outside the main thread."""
    if threading.current_thread() is not threading.main_thread() or \
            signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL:
        yield
        return

    def end(signum, _frame):
        signal.signal(signum, signal.SIG_IGN)  # once: a second request does not cut the clean-up short
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, end)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
