#!/usr/bin/python3
"""Fill a workbook in a real LibreOffice Calc by typing, the way a teacher would.

Run with an interpreter that can ``import uno`` (Debian: /usr/bin/python3 with the
python3-uno package). Only the standard library and ``uno`` are used.

    /usr/bin/python3 lo_fill_uno.py IN.xlsx --spec SPEC.json --report REPORT.json \
        [--out-xlsx P] [--out-ods P] [--out-xls P] [--timeout S] [--port N]
    /usr/bin/python3 lo_fill_uno.py --serve

``--serve`` starts the soffice a fill would start, prints ``port N`` and keeps it running until its stdin
ends; a fill given ``--port N`` types into that one instead of starting its own (tests/libreoffice.py keeps
one per test process: a start saved a fill). Its document is its own copy, loaded and closed as below.

SPEC is JSON: {"fill": [{"sheet": "S", "cell": "B2", "value": 7}, ...],
               "ops":  [{"op": "sort", "sheet": "S", "range": "A9:H11", "key": "C",
                         "descending": true}, ...],
               "read": [{"sheet": "S", "cell": "C2"}, ...],
               "then": [{"ops": [...], "read": [...], "out": {"xlsx": "P", ...}}, ...]}
"sheet" is a name or a 0-based index (default 0). "value" is a number, a string,
a bool or null (null presses DELETE). "ops" (optional) are ordinary edits done
after the typing, in order, through Calc's own API (what the menu commands do):
  {"op": "unprotect", "sheet": S, "password": ""}   Tools > Protect Sheet (off)
  {"op": "protect",   "sheet": S, "password": ""}   Tools > Protect Sheet (on)
  {"op": "sort", "sheet": S, "range": "A9:H11", "key": "C", "descending": false}
      Data > Sort of the rows of a range by one of its columns (letter), no header
  {"op": "insert_rows", "sheet": S, "row": 15, "count": 1}
      Sheet > Insert Rows: ``count`` blank rows before row ``row`` (1-based)
  {"op": "move_sheet", "sheet": S, "to": 0}  Sheet > Move: to 0-based position
Edits on a protected sheet fail (Calc refuses them): unprotect first.
"then" (optional): later steps on the same document once it is saved, in order, each
its "ops", then calculateAll(), its "read" cells, and its copy stored to "out"
(format: path, formats as the --out options): what a person does next to the book
they typed into, without typing it again. Reported in "then", one entry a step
({"ops", "reads", "sheets", "saved"}).

What happens:
  * a private ``soffice --headless`` (free port, throw-away profile in /tmp with
    "always recalculate on load" and locale en-US, so "9.5" is a number) is
    started and always killed at the end; a watchdog enforces --timeout;
  * a temp COPY of IN is loaded with a (virtual) view; the input is never opened;
  * every fill is typed through LibreOffice's UITest service: select the cell,
    type the text, RETURN, ESC. Calc therefore applies sheet protection, data
    validation, number recognition, AutoInput and AutoCorrect like for a user.
    Modal message boxes (validation "Stop" errors) are auto-cancelled by
    headless soffice, so a refused entry never blocks; the "protected cells"
    box is never shown but keeps the focus (see Document.grid_window);
  * each fill gets a status: "accepted" (the cell holds the typed value),
    "refused" (the cell is unchanged: locked cell, validation Stop, or a hidden
    sheet, which nobody can type into; see "reason") or "converted" (Calc stored
    something else, e.g. AutoCorrect "1/2" -> "½", AutoInput "K" -> "Khá");
  * every op is applied (its outcome is in "ops": "done", or the error, which
    also ends the run with exit status 5);
  * calculateAll(), then every "read" cell is reported (type, value, string,
    formula), and "sheets" lists the sheet names in order; then the copy is
    stored to the requested formats.

Exit status: 0 it ran (refusals are data, not errors), 2 usage/spec error,
3 soffice start failure, 4 load failure, 5 an op failed, 6 save failure, 124 timeout,
1 anything else. The report is written in every case (with "error" on failure),
except when the script itself is killed by SIGTERM/SIGINT (exit 143/130).
"""
import argparse
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

try:
    import uno
    from com.sun.star.beans import PropertyValue
    from com.sun.star.connection import NoConnectException
except ImportError:
    sys.stderr.write("lo_fill_uno: cannot 'import uno' with %s; run it with /usr/bin/python3 "
                     "(apt-get install python3-uno)\n" % sys.executable)
    sys.exit(3)

EXIT_OK, EXIT_INTERNAL, EXIT_USAGE, EXIT_START, EXIT_LOAD, EXIT_OP, EXIT_SAVE, EXIT_TIMEOUT = (
    0, 1, 2, 3, 4, 5, 6, 124)
FILTERS = (("xlsx", "Calc MS Excel 2007 XML"), ("ods", "calc8"), ("xls", "MS Excel 97"))
LOCALE = "en-US"
CELL_RE = re.compile(r"^[A-Z]{1,3}[1-9][0-9]{0,6}$")
RANGE_RE = re.compile(r"^([A-Z]{1,3})[1-9][0-9]{0,6}:([A-Z]{1,3})[1-9][0-9]{0,6}$")
COLUMN_RE = re.compile(r"^[A-Z]{1,3}$")
OPS = {"unprotect": ("password",), "protect": ("password",), "sort": ("range", "key"),
       "insert_rows": ("row",), "move_sheet": ("to",)}


class FillError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code


def pv(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def uno_msg(e):
    return "%s: %s" % (type(e).__name__, getattr(e, "Message", None) or e)


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def descendants(pid):
    """All descendant pids of pid, from /proc."""
    kids = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open("/proc/%s/stat" % d) as f:
                    st = f.read()
                kids.setdefault(int(st[st.rfind(")") + 2:].split()[1]), []).append(int(d))
            except (OSError, ValueError, IndexError):
                pass
    out, todo = [], [pid]
    while todo:
        for c in kids.get(todo.pop(), []):
            out.append(c)
            todo.append(c)
    return out


def alive(pid):
    try:
        with open("/proc/%d/stat" % pid) as f:
            st = f.read()
        return st[st.rfind(")") + 2] != "Z"
    except OSError:
        return False


# --------------------------------------------------------------------------- soffice
class Office:
    """One soffice started by us: own port, own profile, own session."""

    def __init__(self, soffice, workdir):
        self.soffice = soffice
        self.profile = os.path.join(workdir, "profile")
        self.logfile = os.path.join(workdir, "soffice.log")
        self.proc = None
        self.pids = set()
        self.lock = threading.RLock()
        self.ctx = self.smgr = self.desktop = None

    def seed_profile(self):
        items = ['<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="%s" '
                 'oor:op="fuse"><value>0</value></prop></item>' % p
                 for p in ("OOXMLRecalcMode", "ODFRecalcMode")]
        # Locale of number recognition for typed input: en-US -> "9.5" is a number.
        items.append('<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name='
                     '"ooSetupSystemLocale" oor:op="fuse"><value>%s</value></prop></item>' % LOCALE)
        # No graphics self-tests at start (half of it), as the tool's own profiles (thidua_xlsx/system/office.py).
        items.append('<item oor:path="/org.openoffice.Setup/Product"><prop oor:name="ooSetupLastVersion" '
                     'oor:op="fuse"><value>99.9</value></prop></item>')
        os.makedirs(os.path.join(self.profile, "user"), exist_ok=True)
        with open(os.path.join(self.profile, "user", "registrymodifications.xcu"), "w") as f:
            f.write('<?xml version="1.0" encoding="UTF-8"?>\n<oor:items '
                    'xmlns:oor="http://openoffice.org/2001/registry" '
                    'xmlns:xs="http://www.w3.org/2001/XMLSchema" '
                    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
                    + "\n".join(items) + "\n</oor:items>\n")

    def start(self, timeout=60.0):
        self.seed_profile()
        port = free_port()
        cmd = [self.soffice, "--headless", "--invisible", "--nologo", "--norestore", "--nodefault",
               "--nolockcheck", "-env:UserInstallation=" + uno.systemPathToFileUrl(self.profile),
               "--accept=socket,host=127.0.0.1,port=%d;urp;StarOffice.ComponentContext" % port]
        env = {k: v for k, v in os.environ.items()
               if k not in ("PYTHONPATH", "PYTHONHOME", "SAL_USE_VCLPLUGIN")}
        with open(self.logfile, "ab") as log:
            self.proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                                         env=env, start_new_session=True, close_fds=True)
        self.connect(port, timeout)
        return port

    def connect(self, port, timeout=60.0):
        """The UNO connection to the soffice listening on ``port``: the one :meth:`start` started, or (--port)
        one a server of this script keeps running."""
        self.remember()
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        url = "uno:socket,host=127.0.0.1,port=%d;urp;StarOffice.ComponentContext" % port
        deadline = time.monotonic() + timeout
        while True:
            self.remember()
            if self.proc is not None and self.proc.poll() is not None and not any(alive(p) for p in self.pids):
                raise FillError(EXIT_START, "soffice exited early (rc=%s): %s"
                                % (self.proc.returncode, self.log_tail()))
            try:
                self.ctx = resolver.resolve(url)
                break
            except NoConnectException:
                pass
            if time.monotonic() > deadline:
                raise FillError(EXIT_START, "no UNO connection to soffice within %ss: %s"
                                % (timeout, self.log_tail()))
            time.sleep(0.1)
        self.smgr = self.ctx.ServiceManager
        self.desktop = self.smgr.createInstanceWithContext("com.sun.star.frame.Desktop", self.ctx)
        self.remember()

    def remember(self):
        if self.proc is not None:
            with self.lock:
                self.pids.add(self.proc.pid)
                self.pids.update(descendants(self.proc.pid))

    def log_tail(self, n=600):
        try:
            with open(self.logfile, "rb") as f:
                return f.read()[-n:].decode("utf-8", "replace").strip()
        except OSError:
            return ""

    def shutdown(self, grace=5.0):
        """desktop.terminate(), then kill whatever of ours is left."""
        if self.proc is None:
            return
        self.remember()
        if self.desktop is not None and self.proc.poll() is None:
            try:
                self.desktop.terminate()
            except Exception:
                pass  # the bridge going away while terminating is normal
        self.desktop = self.smgr = self.ctx = None
        deadline = time.monotonic() + grace
        while time.monotonic() < deadline and any(alive(p) for p in self.pids):
            self.proc.poll()
            time.sleep(0.05)
        self.kill()

    def kill(self):
        """Kill what we started. soffice.bin first (SIGTERM, then SIGKILL: it ignores
        SIGTERM while starting up), so that its parent oosplash reaps it and exits;
        then oosplash itself and the process group (no zombies left behind)."""
        if self.proc is None:
            return
        leader = self.proc.pid
        for sig, grace in ((signal.SIGTERM, 3.0), (signal.SIGKILL, 2.0)):
            self.remember()
            with self.lock:
                kids = [p for p in self.pids if p != leader and alive(p)]
            if not kids:
                break
            for p in kids:
                try:
                    os.kill(p, sig)
                except ProcessLookupError:
                    pass
            deadline = time.monotonic() + grace
            while time.monotonic() < deadline and any(alive(p) for p in kids):
                time.sleep(0.05)
        try:
            self.proc.wait(timeout=1.0)       # oosplash exits once soffice.bin is gone
        except subprocess.TimeoutExpired:
            for sig in (signal.SIGTERM, signal.SIGKILL):
                try:
                    os.killpg(leader, sig)
                except (ProcessLookupError, PermissionError):
                    pass
                try:
                    self.proc.wait(timeout=2.0)
                    break
                except subprocess.TimeoutExpired:
                    pass
        try:   # stragglers of our session, if any
            os.killpg(leader, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass

    def left_running(self):
        with self.lock:
            return sorted(p for p in self.pids if alive(p))


# --------------------------------------------------------------------------- document
def content(cell):
    t = cell.getType().value        # EMPTY / VALUE / TEXT / FORMULA
    d = {"type": t, "value": None, "string": cell.getString()}
    if t == "VALUE":
        d["value"] = cell.getValue()
    elif t == "TEXT":
        d["value"] = d["string"]
    elif t == "FORMULA":
        d["formula"] = cell.getFormula()
        if cell.getError():
            d["error"] = cell.getError()
        elif cell.getPropertyValue("FormulaResultType2") == 2:   # TEXT
            d["value"] = d["string"]
        else:
            d["value"] = cell.getValue()
    return d


def typed_text(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value) if "e" not in repr(value) else format(value, "f")
    return str(value)


def holds(after, value, text):
    """Does the cell (content dict) hold the typed value?"""
    if value is None:
        return after["type"] == "EMPTY"
    if isinstance(value, (bool, int, float)):
        num = float(value)
        return after["type"] in ("VALUE", "FORMULA") and isinstance(after["value"], float) \
            and abs(after["value"] - num) <= 1e-9 * max(1.0, abs(num))
    if after.get("formula") == text or after["string"] == text:
        return True
    try:   # a numeric string ("9.5") becomes a number
        return after["type"] == "VALUE" and float(text) == after["value"]
    except ValueError:
        return False


class Document:
    def __init__(self, office, path):
        self.office = office
        try:
            self.doc = office.desktop.loadComponentFromURL(
                uno.systemPathToFileUrl(path), "_blank", 0,
                # Visible (on the headless svp backend): typing needs a real view.
                (pv("Hidden", False), pv("ReadOnly", False),
                 pv("MacroExecutionMode", 0), pv("UpdateDocMode", 0)))
        except Exception as e:
            raise FillError(EXIT_LOAD, "cannot load %s: %s" % (path, uno_msg(e)))
        if self.doc is None or not self.doc.supportsService(
                "com.sun.star.sheet.SpreadsheetDocument"):
            if self.doc is not None:
                self.close()
            raise FillError(EXIT_LOAD, "not loaded as a spreadsheet (corrupt or not a workbook?)")
        self.grid = None

    def close(self):
        try:
            self.doc.close(True)
        except Exception:
            pass

    def sheet(self, entry):
        sheets = self.doc.Sheets
        ref = entry.get("sheet", 0)
        if isinstance(ref, int) and not isinstance(ref, bool):
            if not 0 <= ref < sheets.getCount():
                raise FillError(EXIT_USAGE, "sheet index %d out of range" % ref)
            return sheets.getByIndex(ref)
        if isinstance(ref, str) and sheets.hasByName(ref):
            return sheets.getByName(ref)
        raise FillError(EXIT_USAGE, "no sheet %r (have: %s)"
                        % (ref, ", ".join(sheets.getElementNames())))

    def cell(self, entry):
        sh = self.sheet(entry)
        addr = str(entry.get("cell", "")).replace("$", "").strip().upper()
        if not CELL_RE.match(addr):
            raise FillError(EXIT_USAGE, "bad cell reference %r (want A1 style)" % (entry.get("cell"),))
        try:
            c = sh.getCellRangeByName(addr)
        except Exception:
            raise FillError(EXIT_USAGE, "cell %r is outside the sheet" % (entry.get("cell"),))
        return sh, addr, c

    def grid_window(self):
        """The UITest object of the Calc grid, looked up once, before the first entry.

        After a refused entry on a locked cell Calc creates its "protected cells"
        message box; headless soffice never shows it (Visible=false) but it keeps
        the focus for good (ESC, its OK button and FOCUS do not close it), so the
        top focus window is no longer the document. Keys sent to the cached grid
        object still reach Calc normally."""
        if self.grid is None:
            uitest = self.office.smgr.createInstanceWithContext(
                "org.libreoffice.uitest.UITest", self.office.ctx)
            if uitest is None:
                raise FillError(EXIT_INTERNAL, "UITest service not available in this build")
            top = uitest.getTopFocusWindow()
            if top is None or "grid_window" not in top.getChildren():
                raise FillError(EXIT_INTERNAL, "no Calc grid window has the focus (the -nogui "
                                               "LibreOffice build cannot type; install "
                                               "libreoffice-calc)")
            self.grid = top.getChild("grid_window")
        return self.grid

    def select(self, sh, addr, c):
        """Move the cell cursor like a user. The reference MUST name the sheet: an
        unqualified "B2" always selects on the first sheet, and a reference Calc
        cannot parse makes soffice 7.4 crash."""
        names = self.doc.Sheets.getElementNames()
        index = names.index(sh.getName())
        pos = c.getCellAddress()
        ref = "$'%s'.%s" % (sh.getName().replace("'", "''"), addr)
        grid = self.grid_window()
        grid.executeAction("SELECT", (pv("CELL", ref),))
        state = {p.Name: p.Value for p in grid.getState()}
        if (state.get("SelectedTable"), state.get("CurrentColumn"), state.get("CurrentRow")) != (
                str(index), str(pos.Column), str(pos.Row)):
            raise FillError(EXIT_INTERNAL, "could not move the cursor to %s (grid state %s)"
                            % (ref, state))
        return grid

    def type_into(self, entry):
        sh, addr, c = self.cell(entry)
        value = entry.get("value")
        text = typed_text(value)
        before = content(c)
        prot = c.getPropertyValue("CellProtection")
        locked = bool(sh.isProtected() and prot.IsLocked)
        rec = {"sheet": sh.getName(), "cell": addr, "typed": text}
        if not sh.getPropertyValue("IsVisible"):
            # Calc cannot move the cursor there (it would stay on the current sheet
            # and the keys would land in the wrong cell): a user cannot type here.
            return dict(rec, status="refused", reason="hidden sheet", type=before["type"],
                        value=before["value"], string=before["string"], before=before,
                        locked=locked)
        grid = self.select(sh, addr, c)
        if text == "":
            grid.executeAction("TYPE", (pv("KEYCODE", "DELETE"),))
        else:
            grid.executeAction("TYPE", (pv("TEXT", text),))
            grid.executeAction("TYPE", (pv("KEYCODE", "RETURN"),))
        # A refused entry may leave the cell in edit mode: drop the edit.
        # (The UITest key name is "ESC"; an unknown name would be typed as text.)
        grid.executeAction("TYPE", (pv("KEYCODE", "ESC"),))
        after = content(c)
        rec.update(type=after["type"], value=after["value"], string=after["string"],
                   before=before, locked=locked)
        if holds(after, value, text):
            rec["status"] = "accepted"
        elif after == before:
            rec["status"] = "refused"
            if locked:
                rec["reason"] = "locked cell"
            elif c.getPropertyValue("Validation").getPropertyValue("Type").value != "ANY":
                rec["reason"] = "data validation"
            else:
                rec["reason"] = "cell unchanged after typing"
        else:
            rec["status"] = "converted"   # e.g. AutoCorrect "1/2" -> "½", AutoInput "K" -> "Khá"
        if "formula" in after:
            rec["formula"] = after["formula"]
        return rec

    def apply(self, entry):
        """One ordinary edit (see the module docstring); returns its report entry."""
        sh = self.sheet(entry)
        op = entry["op"]
        rec = dict(entry, sheet=sh.getName())
        try:
            if op == "unprotect":
                sh.unprotect(str(entry["password"]))
                if sh.isProtected():
                    raise FillError(EXIT_OP, "wrong password: sheet %r is still protected" % sh.getName())
            elif op == "protect":
                sh.protect(str(entry["password"]))
            elif op == "sort":
                self.sort(sh, entry)
            elif op == "insert_rows":
                row, count = entry["row"], entry.get("count", 1)
                if not (isinstance(row, int) and row >= 1 and isinstance(count, int) and count >= 1):
                    raise FillError(EXIT_USAGE, "bad insert_rows entry: %r" % (entry,))
                sh.getRows().insertByIndex(row - 1, count)
            elif op == "move_sheet":
                to = entry["to"]
                if not (isinstance(to, int) and 0 <= to < self.doc.Sheets.getCount()):
                    raise FillError(EXIT_USAGE, "bad move_sheet position: %r" % (to,))
                self.doc.Sheets.moveByName(sh.getName(), to)
        except FillError:
            raise
        except Exception as e:   # e.g. Calc refusing an edit of a protected sheet
            raise FillError(EXIT_OP, "%s on sheet %r failed: %s" % (op, sh.getName(), uno_msg(e)))
        rec["status"] = "done"
        return rec

    def sort(self, sh, entry):
        """Sort the rows of a range by one of its columns, as Data > Sort does (no header row)."""
        rng = str(entry["range"]).replace("$", "").strip().upper()
        key = str(entry["key"]).strip().upper()
        m = RANGE_RE.match(rng)
        if m is None or not COLUMN_RE.match(key):
            raise FillError(EXIT_USAGE, "bad sort entry: %r" % (entry,))
        cells = sh.getCellRangeByName(rng)
        first = cells.getRangeAddress().StartColumn
        field_index = column_index(key) - first
        if not 0 <= field_index <= cells.getRangeAddress().EndColumn - first:
            raise FillError(EXIT_USAGE, "sort key %s is outside %s" % (key, rng))
        field = uno.createUnoStruct("com.sun.star.table.TableSortField")
        field.Field = field_index
        field.IsAscending = not entry.get("descending", False)
        field.IsCaseSensitive = False
        desc = [p for p in cells.createSortDescriptor()
                if p.Name not in ("SortFields", "ContainsHeader", "IsSortColumns")]
        desc += [pv("SortFields", uno.Any("[]com.sun.star.table.TableSortField", (field,))),
                 pv("ContainsHeader", False), pv("IsSortColumns", False)]
        uno.invoke(cells, "sort", (tuple(desc),))

    def read(self, entry):
        sh, addr, c = self.cell(entry)
        d = content(c)
        d.setdefault("formula", None)
        return dict(d, sheet=sh.getName(), cell=addr)

    def store(self, path, filter_name):
        path = os.path.abspath(path)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        try:
            self.doc.storeToURL(uno.systemPathToFileUrl(path),
                                (pv("FilterName", filter_name), pv("Overwrite", True)))
        except Exception as e:
            raise FillError(EXIT_SAVE, "saving %s failed: %s" % (path, uno_msg(e)))
        if not os.path.isfile(path) or os.path.getsize(path) == 0:
            raise FillError(EXIT_SAVE, "storeToURL wrote nothing at %s" % path)
        return {"path": path, "filter": filter_name, "bytes": os.path.getsize(path)}


# --------------------------------------------------------------------------- main
def column_index(letters):
    """0-based index of a column name: "A" -> 0, "AA" -> 26."""
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - ord("A") + 1
    return n - 1


def load_spec(path):
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, ValueError) as e:
        raise FillError(EXIT_USAGE, "cannot read spec %s: %s" % (path, e))
    if not isinstance(data, dict):
        raise FillError(EXIT_USAGE, "spec must be an object {\"fill\": [...], \"ops\": [...], "
                                    "\"read\": [...]}")
    spec = checked_entries(data, ("fill", "ops", "read"))
    spec["then"] = []
    for step in data.get("then") or []:
        out = step.get("out") if isinstance(step, dict) else None
        if not isinstance(out, dict) or not set(out) <= {fmt for fmt, _ in FILTERS}:
            raise FillError(EXIT_USAGE, "bad then step: %r (want ops, read and out: {format: path})" % (step,))
        spec["then"].append(dict(checked_entries(step, ("ops", "read")), out=out))
    return spec


def checked_entries(data, kinds):
    """The entries of ``kinds`` ("fill", "ops", "read") in ``data``, each checked."""
    spec = {k: list(data.get(k) or []) for k in kinds}
    for k, entries in spec.items():
        for e in entries:
            if k == "ops":
                if not isinstance(e, dict) or e.get("op") not in OPS or "sheet" not in e or \
                        any(name not in e for name in OPS[e["op"]]):
                    raise FillError(EXIT_USAGE, "bad ops entry: %r (ops: %s)" % (e, ", ".join(OPS)))
            elif not isinstance(e, dict) or "cell" not in e or (k == "fill" and "value" not in e):
                raise FillError(EXIT_USAGE, "bad %s entry: %r" % (k, e))
    return spec


def find_soffice():
    for c in (os.environ.get("SOFFICE"), shutil.which("soffice"), shutil.which("libreoffice"),
              "/usr/lib/libreoffice/program/soffice"):
        if c and os.path.isfile(c) and os.access(c, os.X_OK):
            return c
    return None


def end_on_signal(running, workdir):
    """SIGTERM or SIGINT: what ``running()`` gives (the Office started, or None yet) killed, ``workdir`` removed,
    exit 128 + the signal."""
    def on_signal(signum, _frame):
        office = running()
        if office is not None:
            office.kill()
        shutil.rmtree(workdir, ignore_errors=True)
        os._exit(128 + signum)

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)


def serve():
    """Start a soffice as a fill does, say ``port N`` on stdout, keep it running until stdin ends (the caller
    closed it, or ended), then stop it and what it started."""
    soffice = find_soffice()
    if soffice is None:
        sys.stderr.write("lo_fill_uno: soffice not found (apt-get install libreoffice-calc)\n")
        return EXIT_START
    workdir = tempfile.mkdtemp(prefix="lo_fill_uno_")
    office = Office(soffice, workdir)

    end_on_signal(lambda: office, workdir)
    try:
        port = office.start()
    except FillError as e:
        office.kill()
        shutil.rmtree(workdir, ignore_errors=True)
        sys.stderr.write("lo_fill_uno: %s\n" % e)
        return e.code
    print("port %d" % port, flush=True)
    sys.stdin.read()
    office.shutdown()
    left = office.left_running()
    shutil.rmtree(workdir, ignore_errors=True)
    if left:
        sys.stderr.write("lo_fill_uno: soffice left running: %s\n" % left)
        return EXIT_INTERNAL
    return EXIT_OK


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if argv == ["--serve"]:
        return serve()
    ap = argparse.ArgumentParser(description="Fill a workbook by typing in headless LibreOffice.")
    ap.add_argument("input")
    ap.add_argument("--spec", required=True)
    ap.add_argument("--report", required=True)
    ap.add_argument("--port", type=int, help="fill in the soffice a --serve run keeps on this port")
    for fmt, _ in FILTERS:
        ap.add_argument("--out-" + fmt)
    ap.add_argument("--timeout", type=float, default=180.0)
    args = ap.parse_args(argv)

    report = {"input": os.path.abspath(args.input), "ok": False, "fills": [], "ops": [], "reads": [],
              "sheets": [], "saved": {}, "then": [],
              "timings_s": {}}
    workdir = tempfile.mkdtemp(prefix="lo_fill_uno_")
    office = None
    timed_out = threading.Event()
    finished = threading.Event()
    code = EXIT_OK

    def write_report(rep):
        with open(args.report, "w", encoding="utf-8") as f:
            json.dump(rep, f, indent=1, ensure_ascii=False, default=str)

    def watchdog():
        if finished.wait(args.timeout):
            return
        timed_out.set()
        sys.stderr.write("lo_fill_uno: timeout after %ss, killing soffice\n" % args.timeout)
        if office is not None:
            office.kill()             # the pending UNO call now fails in the main thread
        if finished.wait(10):
            return
        write_report(dict(report, error="timeout (hard exit)", exit_code=EXIT_TIMEOUT))
        shutil.rmtree(workdir, ignore_errors=True)
        os._exit(EXIT_TIMEOUT)

    end_on_signal(lambda: office, workdir)
    threading.Thread(target=watchdog, daemon=True).start()

    def lap(name, t0):
        report["timings_s"][name] = round(time.monotonic() - t0, 3)

    try:
        spec = load_spec(args.spec)
        if not os.path.isfile(args.input):
            raise FillError(EXIT_USAGE, "input not found: %s" % args.input)
        soffice = find_soffice()
        if soffice is None:
            raise FillError(EXIT_START, "soffice not found (apt-get install libreoffice-calc)")
        t0 = time.monotonic()
        office = Office(soffice, workdir)
        if args.port:
            office.connect(args.port)
        else:
            office.start()
        lap("start", t0)

        t0 = time.monotonic()
        copy = os.path.join(workdir, "doc", os.path.basename(args.input))
        os.makedirs(os.path.dirname(copy))
        shutil.copyfile(args.input, copy)
        doc = Document(office, copy)
        lap("load", t0)

        t0 = time.monotonic()
        for e in spec["fill"]:
            report["fills"].append(doc.type_into(e))
        lap("fill", t0)

        t0 = time.monotonic()
        for e in spec["ops"]:
            report["ops"].append(doc.apply(e))
        lap("ops", t0)

        t0 = time.monotonic()
        doc.doc.calculateAll()
        report["reads"] = [doc.read(e) for e in spec["read"]]
        report["sheets"] = list(doc.doc.Sheets.getElementNames())
        lap("recalc_read", t0)

        t0 = time.monotonic()
        for fmt, filter_name in FILTERS:
            out = getattr(args, "out_" + fmt)
            if out:
                report["saved"][fmt] = doc.store(out, filter_name)
        lap("save", t0)

        t0 = time.monotonic()
        for step in spec["then"]:
            done = {"ops": [], "saved": {}}
            report["then"].append(done)
            for e in step["ops"]:
                done["ops"].append(doc.apply(e))
            doc.doc.calculateAll()
            done["reads"] = [doc.read(e) for e in step["read"]]
            done["sheets"] = list(doc.doc.Sheets.getElementNames())
            for fmt, filter_name in FILTERS:
                if fmt in step["out"]:
                    done["saved"][fmt] = doc.store(step["out"][fmt], filter_name)
        lap("then", t0)
        doc.close()
        report["ok"] = True
    except FillError as e:
        code, report["error"] = e.code, str(e)
    except Exception as e:   # UNO RuntimeException, DisposedException (soffice died), ...
        code, report["error"] = EXIT_INTERNAL, uno_msg(e)
    finally:
        t0 = time.monotonic()
        if office is not None:
            office.shutdown()
            report["soffice_left_running"] = office.left_running()
            if code != EXIT_OK:
                report["soffice_log_tail"] = office.log_tail()
        lap("shutdown", t0)
        if timed_out.is_set():
            code, report["ok"] = EXIT_TIMEOUT, False
            report["error"] = "timeout after %ss (%s)" % (args.timeout, report.get("error", ""))
        finished.set()
        shutil.rmtree(workdir, ignore_errors=True)
    report["exit_code"] = code
    write_report(report)
    if code != EXIT_OK:
        sys.stderr.write("lo_fill_uno: %s\n" % report.get("error"))
    return code


if __name__ == "__main__":
    code = main()
    # Everything is written: end without finalizing the interpreter, where pyuno can crash destroying its objects
    # while a bridge to soffice is still up (unoconv/unoconv#67) — once in CI, a fill's report lost to a SIGSEGV.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
