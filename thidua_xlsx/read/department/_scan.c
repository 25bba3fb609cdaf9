/* The cells of one sheet's XML, scanned in C (issue 50): see own_xml.py, whose regular expressions this follows.

   scan(xml, start, end, strings, plain) reads the sheet data from ``start`` (its "<sheetData") to ``end`` (its
   "</sheetData>") and gives (cells, formulas, others): ``cells``, a list of (row, column, value) for the usual cells
   — a shared string (``strings[index]``), a plain number (a float), the number of a formula written alone
   (<f>…</f><v>…</v>), 0-based; ``formulas``, in the order of the XML, (row, column, the formula's text, True)
   for each of those and (row, column, the cell's content from its "<f", False) for each other cell holding one;
   ``others``, (row, column, style, type, "<v>" or b"", value, body) for every other cell with content (a formula
   of another shape, an inline string, a boolean…), left to Python in the order of the XML. Or a str: the reason it
   is not sure to read the sheet as python-calamine does (then nothing of it is used). ``plain``: None, or one byte a
   cell format (by its index in cellXfs), non-zero when the format shows a number as a number.

   Before any of it, the whole part is checked as XML calamine reads the same way (plain_xml: its text; well_formed:
   its tags; the sheet's data itself is read more strictly still): a part that is not goes to calamine whole.
   plain(xml) is that check alone, for the other parts (the shared strings, the styles, the workbook).

   grid(cells) places the cells as calamine gives a sheet's rows (below).

   The input comes from a returned workbook, untrusted: every read is bounded by ``end``; nothing is written but
   the Python objects made; any shape not expected is a reason, never a guess. */

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

#define MAX_ROW 20000L   /* rows 1 … 20,000 (an inbox book has at most containment.MAX_ROWS) */
#define MAX_COLUMN (4L * 676 + 26 * 26 + 26)  /* columns A … DZZ (at most containment.MAX_COLUMNS) */
#define MAX_NUMBER 63    /* a number longer than this is left to calamine */

static const char *CELL_SHAPE = "cell_shape", *NUMBER_FORMAT = "number_format", *NUMBER_SHAPE = "number_shape";

static int starts(const char *p, const char *end, const char *text) {
    size_t n = strlen(text);
    return (size_t)(end - p) >= n && memcmp(p, text, n) == 0;
}

static int is_space(char ch) { return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n'; }
static int is_digit(char ch) { return ch >= '0' && ch <= '9'; }
static int is_letter(char ch) { return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'); }

static int is_name_start(char ch) { return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_' || ch == ':'; }
static int is_name(char ch) { return is_name_start(ch) || (ch >= '0' && ch <= '9') || ch == '-' || ch == '.'; }

/* After the end of a start tag whose name ends at ``p``: its attributes as XML writes them — each after white space, a
   name, "=", a value in quotes holding no "<", no tab or line break (XML makes them spaces, calamine keeps them: a
   sheet's name would differ) — then ">" or "/>"; NULL for anything else (left to calamine). ``r``:
   where the value of its attribute named ``wanted`` is found (its ``r_size`` bytes), NULL when it has none. */
static const char *tag_end(const char *p, const char *end, const char *wanted, const char **r, Py_ssize_t *r_size) {
    size_t wanted_size = strlen(wanted);
    *r = NULL;
    *r_size = 0;
    for (;;) {
        const char *spaced = p;
        while (p < end && is_space(*p)) p++;
        if (p >= end) return NULL;
        if (*p == '>') return p + 1;
        if (*p == '/') return p + 1 < end && p[1] == '>' ? p + 2 : NULL;
        if (p == spaced || !is_name_start(*p)) return NULL;
        const char *name = p;
        while (p < end && is_name(*p)) p++;
        int is_r = (size_t)(p - name) == wanted_size && memcmp(name, wanted, wanted_size) == 0;
        while (p < end && is_space(*p)) p++;
        if (p >= end || *p != '=') return NULL;
        p++;
        while (p < end && is_space(*p)) p++;
        if (p >= end || (*p != '"' && *p != '\'')) return NULL;
        char quote = *p++;
        const char *value = p;
        while (p < end && *p != quote && *p != '<' && *p != '\t' && *p != '\n' && *p != '\r') p++;
        if (p >= end || *p != quote) return NULL;
        if (is_r) {
            *r = value;
            *r_size = p - value;
        }
        p++;
    }
}

/* Whether the text from ``p`` to ``end`` is XML calamine reads as we do: UTF-8 throughout, no control character but
   tab and line breaks, every "&" the start of a reference XML knows (a named one of the five, or a character's number
   that XML allows). */
static int plain_xml(const unsigned char *p, const unsigned char *end) {
    const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    while (p < end) {
        if (end - p >= 8) {  /* eight plain ASCII bytes at once: none high, none below a space, none an "&" */
            uint64_t word;
            memcpy(&word, p, 8);
            uint64_t amp = word ^ (0x26 * ones);
            if (((word | ((word - 0x20 * ones) & ~word) | ((amp - ones) & ~amp)) & highs) == 0) {
                p += 8;
                continue;
            }
        }
        unsigned char ch = *p;
        if (ch >= 0x20 && ch < 0x80 && ch != '&') {
            p++;
            continue;
        }
        if (ch < 0x20) {
            if (ch != '\t' && ch != '\n' && ch != '\r') return 0;
            p++;
            continue;
        }
        if (ch == '&') {
            const unsigned char *q = p + 1;
            static const char *named[] = {"amp;", "lt;", "gt;", "quot;", "apos;"};
            int found = 0;
            for (int k = 0; k < 5 && !found; k++)
                if (starts((const char *)q, (const char *)end, named[k])) {
                    p = q + strlen(named[k]);
                    found = 1;
                }
            if (found) continue;
            if (q >= end || *q != '#') return 0;
            q++;
            int hex = q < end && *q == 'x';
            if (hex) q++;
            unsigned long code = 0;
            int digits = 0;
            for (; q < end && digits < 8; q++, digits++) {
                unsigned char d = *q;
                int value = d >= '0' && d <= '9' ? d - '0' : hex && d >= 'a' && d <= 'f' ? d - 'a' + 10
                            : hex && d >= 'A' && d <= 'F' ? d - 'A' + 10 : -1;
                if (value < 0) break;
                code = code * (hex ? 16 : 10) + (unsigned long)value;
            }
            if (digits == 0 || q >= end || *q != ';') return 0;
            if (!(code == 0x9 || code == 0xA || code == 0xD || (code >= 0x20 && code <= 0xD7FF) ||
                  (code >= 0xE000 && code <= 0xFFFD) || (code >= 0x10000 && code <= 0x10FFFF)))
                return 0;
            p = q + 1;
            continue;
        }
        /* a character of two, three or four bytes, as UTF-8 writes it (no surrogate, no overlong form) */
        int more = ch >= 0xC2 && ch <= 0xDF ? 1 : ch >= 0xE0 && ch <= 0xEF ? 2 : ch >= 0xF0 && ch <= 0xF4 ? 3 : -1;
        if (more < 0 || end - p <= more) return 0;
        unsigned char second = p[1];
        if ((ch == 0xE0 && second < 0xA0) || (ch == 0xED && second > 0x9F) || (ch == 0xF0 && second < 0x90) ||
            (ch == 0xF4 && second > 0x8F))
            return 0;
        for (int k = 1; k <= more; k++)
            if ((p[k] & 0xC0) != 0x80) return 0;
        if (ch == 0xEF && second == 0xBF && (p[2] == 0xBE || p[2] == 0xBF)) return 0;  /* U+FFFE, U+FFFF */
        p += more + 1;
    }
    return 1;
}

#define MAX_DEPTH 64

/* One cell's address (A1), letters then a row number, from ``p``; after it, or NULL. */
static const char *address(const char *p, const char *end) {
    int letters = 0, digits = 0;
    while (p < end && *p >= 'A' && *p <= 'Z' && letters < 4) p++, letters++;
    if (letters < 1 || letters > 3 || p >= end || *p < '1' || *p > '9') return NULL;
    while (p < end && is_digit(*p) && digits < 8) p++, digits++;
    return digits <= 7 ? p : NULL;
}

/* Whether the ``size`` bytes at ``r`` are a cell's address or a range of two (A1, A1:F58), as calamine reads the
   extent and the merged cells of a sheet (it refuses a sheet whose are otherwise). */
static int cell_range(const char *r, Py_ssize_t size) {
    if (r == NULL) return 0;
    const char *end = r + size, *p = address(r, end);
    if (p != NULL && p < end && *p == ':') p = address(p + 1, end);
    return p == end;
}

/* Whether ``xml`` is well-formed as far as calamine's XML reader checks (its text checked apart, plain_xml): an
   optional declaration, then one element whose tags are written as tag_end reads them and closed in order, comments
   and processing instructions anywhere; no DOCTYPE, no CDATA. A part where this fails goes to calamine whole. From
   ``skip`` (a start tag's "<") to ``resume`` (its end tag's "<"), what lies between is not looked at: a sheet's data,
   which scan reads more strictly still. */
static int well_formed(const char *p, const char *end, const char *skip, const char *resume) {
    const char *names[MAX_DEPTH];
    Py_ssize_t sizes[MAX_DEPTH];
    int depth = 0, roots = 0;
    while (p < end) {
        const char *lt = memchr(p, '<', (size_t)(end - p));
        if (lt == NULL) break;
        if (depth == 0) {  /* outside the root: white space only */
            for (const char *q = p; q < lt; q++)
                if (!is_space(*q)) return 0;
        }
        p = lt + 1;
        if (starts(p, end, "?")) {
            const char *q = p + 1;
            while (q + 1 < end && !(q[0] == '?' && q[1] == '>')) q++;
            if (q + 1 >= end) return 0;
            p = q + 2;
        } else if (starts(p, end, "!--")) {
            const char *q = p + 3;
            while (q + 2 < end && !(q[0] == '-' && q[1] == '-')) q++;
            if (q + 2 >= end || q[2] != '>') return 0;
            p = q + 3;
        } else if (starts(p, end, "/")) {
            const char *name = ++p;
            while (p < end && is_name(*p)) p++;
            if (depth == 0 || p - name != sizes[depth - 1] || memcmp(name, names[depth - 1], (size_t)(p - name)) != 0)
                return 0;
            while (p < end && is_space(*p)) p++;
            if (p >= end || *p != '>') return 0;
            p++;
            depth--;
        } else {
            const char *name = p, *r;
            Py_ssize_t r_size;
            if (p >= end || !is_name_start(*p)) return 0;  /* "<!DOCTYPE", "<![CDATA[", "< …" */
            while (p < end && is_name(*p)) p++;
            Py_ssize_t size = p - name;
            int ranged = (size == 9 && memcmp(name, "dimension", 9) == 0) || (size == 9 && memcmp(name, "mergeCell", 9) == 0);
            if ((p = tag_end(p, end, "ref", &r, &r_size)) == NULL || (ranged && !cell_range(r, r_size))) return 0;
            if (depth == 0 && roots++ > 0) return 0;
            if (p[-2] != '/') {
                if (depth == MAX_DEPTH) return 0;
                names[depth] = name;
                sizes[depth++] = size;
                if (lt == skip) p = resume;
            }
        }
    }
    if (depth != 0 || roots != 1) return 0;
    for (; p < end; p++)
        if (!is_space(*p)) return 0;
    return 1;
}

/* The first "</c>" from ``p``; NULL when there is none before ``end``. */
static const char *cell_close(const char *p, const char *end) {
    while (p < end) {
        const char *lt = memchr(p, '<', (size_t)(end - p));
        if (lt == NULL) return NULL;
        if (starts(lt, end, "</c>")) return lt;
        p = lt + 1;
    }
    return NULL;
}

/* An attribute ` name="…"` of ``count`` characters accepted by ``ok`` (1 … ``most`` of them); 0: not there. */
static int attribute(const char **at, const char *end, const char *name, int (*ok)(char), int most,
                     const char **value, Py_ssize_t *size) {
    const char *p = *at;
    if (!starts(p, end, name)) return 0;
    p += strlen(name);
    const char *first = p;
    while (p < end && ok(*p) && p - first <= most) p++;
    if (p - first < 1 || p - first > most || p >= end || *p != '"') return 0;
    *value = first;
    *size = p - first;
    *at = p + 1;
    return 1;
}


/* A decimal written as str(index) writes it (no sign, no leading zero), below ``limit``; -1 otherwise. */
static Py_ssize_t index_of(const char *p, Py_ssize_t size, Py_ssize_t limit) {
    if (size < 1 || size > 9 || (size > 1 && p[0] == '0')) return -1;
    Py_ssize_t n = 0;
    for (Py_ssize_t k = 0; k < size; k++) {
        if (!is_digit(p[k])) return -1;
        n = n * 10 + (p[k] - '0');
    }
    return n < limit ? n : -1;
}

/* -?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)? , the whole of it */
static int plain_decimal(const char *p, Py_ssize_t size) {
    const char *end = p + size;
    if (p < end && *p == '-') p++;
    const char *digits = p;
    while (p < end && is_digit(*p)) p++;
    int before = p > digits, after = 0;
    if (p < end && *p == '.') {
        p++;
        const char *fraction = p;
        while (p < end && is_digit(*p)) p++;
        after = p > fraction;
    }
    if (!before && !after) return 0;
    if (p < end && (*p == 'e' || *p == 'E')) {
        p++;
        if (p < end && (*p == '+' || *p == '-')) p++;
        const char *exponent = p;
        while (p < end && is_digit(*p)) p++;
        if (p == exponent) return 0;
    }
    return p == end;
}

static int append(PyObject *list, PyObject *item) {
    if (item == NULL) return -1;
    int failed = PyList_Append(list, item);
    Py_DECREF(item);
    return failed;
}

/* A number cell's value appended to ``cells`` (none for <v></v>); the reason when it is not read here. An exception
   may be set (then NULL is returned: the caller looks). */
static const char *number_cell(PyObject *cells, long r, long c, const char *value, Py_ssize_t value_size,
                               const char *style, Py_ssize_t style_size, const Py_buffer *plain) {
    if (value_size == 0) return NULL;  /* <v></v>: no cell for calamine */
    if (plain->buf != NULL) {
        const unsigned char *formats = plain->buf;
        Py_ssize_t format = style_size ? index_of(style, style_size, plain->len) : (plain->len > 0 ? 0 : -1);
        if (format < 0 || !formats[format]) return NUMBER_FORMAT;
    }
    if (value_size > MAX_NUMBER || !plain_decimal(value, value_size)) return NUMBER_SHAPE;
    char number[MAX_NUMBER + 1];
    memcpy(number, value, (size_t)value_size);
    number[value_size] = '\0';
    char *parsed_to;
    double parsed = PyOS_string_to_double(number, &parsed_to, NULL);
    if (parsed == -1.0 && PyErr_Occurred()) return NULL;
    if (parsed_to != number + value_size) return NUMBER_SHAPE;
    append(cells, Py_BuildValue("(lld)", r, c, parsed));
    return NULL;
}

/* A formula alone and its number, as LibreOffice and Excel write most — <f>text</f>, then <v>value</v> or nothing:
   where its text and its value are (none: an empty value); 0 when the body is of another shape. */
static int plain_formula(const char *body, const char *close, const char **text, Py_ssize_t *text_size,
                         const char **value, Py_ssize_t *value_size) {
    if (!starts(body, close, "<f>")) return 0;
    const char *lt = memchr(body + 3, '<', (size_t)(close - body - 3));
    if (lt == NULL || !starts(lt, close, "</f>")) return 0;
    *text = body + 3;
    *text_size = lt - *text;
    const char *p = lt + 4;
    *value = p;
    *value_size = 0;
    if (p == close) return 1;
    if (!starts(p, close, "<v>")) return 0;
    lt = memchr(p + 3, '<', (size_t)(close - p - 3));
    if (lt == NULL || lt + 4 != close || !starts(lt, close, "</v>")) return 0;
    *value = p + 3;
    *value_size = lt - (p + 3);
    return 1;
}

/* The row number ``r`` gives (``size`` bytes; NULL: none, -1), as spreadsheets write it; -2 for anything else
   (calamine refuses some). */
static long row_number(const char *r, Py_ssize_t size) {
    if (r == NULL) return -1;
    if (size < 1 || size > 7 || r[0] == '0') return -2;
    long number = 0;
    for (Py_ssize_t k = 0; k < size; k++) {
        if (!is_digit(r[k])) return -2;
        number = number * 10 + (r[k] - '0');
    }
    return number <= MAX_ROW ? number : -2;
}

static PyObject *scan(PyObject *Py_UNUSED(module), PyObject *args) {
    Py_buffer xml, plain = {0};
    Py_ssize_t start, stop;
    PyObject *strings, *plain_object, *cells = NULL, *formulas = NULL, *others = NULL, *result = NULL;
    const char *reason = NULL;
    if (!PyArg_ParseTuple(args, "y*nnO!O", &xml, &start, &stop, &PyList_Type, &strings, &plain_object)) return NULL;
    if (plain_object != Py_None && PyObject_GetBuffer(plain_object, &plain, PyBUF_SIMPLE) < 0) goto done;
    if (start < 0 || stop < start || stop > xml.len) {
        PyErr_SetString(PyExc_ValueError, "the sheet data is outside the XML");
        goto done;
    }
    cells = PyList_New(0);
    formulas = PyList_New(0);
    others = PyList_New(0);
    if (cells == NULL || formulas == NULL || others == NULL) goto done;
    const char *base = xml.buf, *end = base + stop, *p = base + start;
    Py_ssize_t n_strings = PyList_GET_SIZE(strings);
    const char *r;
    Py_ssize_t r_size;
    if (!plain_xml((const unsigned char *)base, (const unsigned char *)base + xml.len) ||
        !well_formed(base, base + xml.len, p, end) || !starts(p, end, "<sheetData") ||
        (p = tag_end(p + 10, end, "r", &r, &r_size)) == NULL || p[-2] == '/') {
        reason = CELL_SHAPE;
        goto done;
    }
    int in_row = 0;  /* cells only inside a row, rows not inside one another, every row closed (else calamine's) */
    long row_said = -1;  /* the number the row's start tag gives (-1: none), which its cells' addresses must give */
    while (p < end) {
        while (p < end && is_space(*p)) p++;
        if (p >= end) break;
        if (*p != '<') {  /* text between the rows and cells: not a sheet we know */
            reason = CELL_SHAPE;
            goto done;
        }
        if (starts(p, end, "</row>") && in_row) {
            p += 6;
            in_row = 0;
            continue;
        }
        if (starts(p, end, "<row") && !in_row && p + 4 < end && (is_space(p[4]) || p[4] == '>' || p[4] == '/')) {
            const char *r;
            Py_ssize_t r_size;
            if ((p = tag_end(p + 4, end, "r", &r, &r_size)) == NULL || (row_said = row_number(r, r_size)) == -2) {
                reason = CELL_SHAPE;
                goto done;
            }
            in_row = p[-2] != '/';
            continue;
        }
        if (!in_row || !starts(p, end, "<c r=\"")) {  /* another element, another shape of cell, a prefix */
            reason = CELL_SHAPE;
            goto done;
        }
        /* <c r="([A-Z]{1,3})([1-9][0-9]{0,6})"(?: s="([0-9]{1,5})")?(?: t="([a-zA-Z]{1,9})")?> */
        p += 6;
        long column = 0, row = 0;
        int letters = 0, digits = 0;
        while (p < end && *p >= 'A' && *p <= 'Z' && letters < 4) {
            column = column * 26 + (*p - 'A' + 1);
            letters++;
            p++;
        }
        while (p < end && is_digit(*p) && digits < 8) {
            if (digits == 0 && *p == '0') break;
            row = row * 10 + (*p - '0');
            digits++;
            p++;
        }
        if (letters < 1 || letters > 3 || column > MAX_COLUMN || digits < 1 ||
            digits > 7 || row > MAX_ROW || (row_said != -1 && row != row_said) || p >= end || *p != '"') {
            reason = CELL_SHAPE;
            goto done;
        }
        p++;
        const char *style = "", *kind = "";
        Py_ssize_t style_size = 0, kind_size = 0;
        attribute(&p, end, " s=\"", is_digit, 5, &style, &style_size);
        attribute(&p, end, " t=\"", is_letter, 9, &kind, &kind_size);
        if (starts(p, end, "/>")) {  /* an empty cell, its style alone: no value */
            p += 2;
            continue;
        }
        if (p >= end || *p != '>') {
            reason = CELL_SHAPE;
            goto done;
        }
        p++;
        const char *close = cell_close(p, end);
        if (close == NULL) {
            reason = CELL_SHAPE;
            goto done;
        }
        /* (?:(<v>)([^<]*)</v>|(?!</c>)(.+?))?</c> */
        const char *value = p, *body = p;
        Py_ssize_t value_size = 0, body_size = close - p;
        int opened = 0;
        if (starts(p, close, "<v>")) {
            const char *lt = memchr(p + 3, '<', (size_t)(close - p - 3));
            if (lt == NULL) lt = close;
            if (lt + 4 == close && starts(lt, close + 4, "</v></c>")) {
                opened = 1;
                value = p + 3;
                value_size = lt - value;
                body_size = 0;
            }
        }
        p = close + 4;
        if (!opened && body_size == 0) continue;  /* <c …></c>: no cell for calamine */
        long r = row - 1, c = column - 1;
        int shared = kind_size == 1 && kind[0] == 's';
        const char *text, *result_value;
        Py_ssize_t text_size, result_size;
        if (kind_size == 0 && body_size > 0 && plain_formula(body, close, &text, &text_size, &result_value,
                                                             &result_size)) {
            if (append(formulas, Py_BuildValue("(lly#O)", r, c, text, text_size, Py_True)) < 0) goto done;
            if ((reason = number_cell(cells, r, c, result_value, result_size, style, style_size, &plain)) != NULL ||
                PyErr_Occurred())
                goto done;
            continue;
        }
        if (body_size > 0 || (kind_size > 0 && !shared)) {
            if (starts(body, close, "<f") &&
                append(formulas, Py_BuildValue("(lly#O)", r, c, body, body_size, Py_False)) < 0)
                goto done;
            if (append(others, Py_BuildValue("(lly#y#y#y#y#)", r, c, style, style_size, kind, kind_size,
                                             opened ? "<v>" : "", (Py_ssize_t)(opened ? 3 : 0), value, value_size,
                                             body, body_size)) < 0)
                goto done;
            continue;
        }
        if (shared) {
            Py_ssize_t index = index_of(value, value_size, n_strings);
            if (index < 0) {
                reason = CELL_SHAPE;
                goto done;
            }
            if (append(cells, Py_BuildValue("(llO)", r, c, PyList_GET_ITEM(strings, index))) < 0) goto done;
            continue;
        }
        if ((reason = number_cell(cells, r, c, value, value_size, style, style_size, &plain)) != NULL) goto done;
        if (PyErr_Occurred()) goto done;
    }
    if (in_row) {
        reason = CELL_SHAPE;
        goto done;
    }
    result = Py_BuildValue("(OOO)", cells, formulas, others);
done:
    if (reason != NULL && !PyErr_Occurred()) result = PyUnicode_FromString(reason);
    Py_XDECREF(cells);
    Py_XDECREF(formulas);
    Py_XDECREF(others);
    if (plain.obj != NULL) PyBuffer_Release(&plain);
    PyBuffer_Release(&xml);
    return result;
}

/* grid(cells) -> (row, column, rows) | None: the cells (row, column, value) placed as calamine gives a sheet — rows
   from the first used cell, as wide as the used range, "" where no cell is; None when two are for one cell. */
static PyObject *grid(PyObject *Py_UNUSED(module), PyObject *args) {
    PyObject *listed, *cells, *rows = NULL, *empty = NULL, *result = NULL;
    unsigned char *seen = NULL;
    if (!PyArg_ParseTuple(args, "O!", &PyList_Type, &listed)) return NULL;
    cells = PyList_AsTuple(listed);  /* a copy nothing can change while it is placed */
    if (cells == NULL) return NULL;
    Py_ssize_t n = PyTuple_GET_SIZE(cells);
    long r0 = MAX_ROW, c0 = MAX_COLUMN, r1 = -1, c1 = -1;
    for (Py_ssize_t k = 0; k < n; k++) {
        PyObject *cell = PyTuple_GET_ITEM(cells, k);
        if (!PyTuple_Check(cell) || PyTuple_GET_SIZE(cell) != 3 || !PyLong_CheckExact(PyTuple_GET_ITEM(cell, 0)) ||
            !PyLong_CheckExact(PyTuple_GET_ITEM(cell, 1))) {
            PyErr_SetString(PyExc_TypeError, "a cell is (row, column, value)");
            goto done;
        }
        long r = PyLong_AsLong(PyTuple_GET_ITEM(cell, 0)), c = PyLong_AsLong(PyTuple_GET_ITEM(cell, 1));
        if (PyErr_Occurred()) goto done;
        if (r < 0 || r >= MAX_ROW || c < 0 || c >= MAX_COLUMN) {
            PyErr_SetString(PyExc_ValueError, "a cell outside the sheet");
            goto done;
        }
        if (r < r0) r0 = r;
        if (r > r1) r1 = r;
        if (c < c0) c0 = c;
        if (c > c1) c1 = c;
    }
    if (n == 0) {
        result = Py_BuildValue("(ii[])", 0, 0);
        goto done;
    }
    Py_ssize_t height = r1 - r0 + 1, width = c1 - c0 + 1;
    seen = PyMem_Calloc((size_t)height, (size_t)width);
    empty = PyUnicode_FromString("");
    rows = PyList_New(height);
    if (seen == NULL || empty == NULL || rows == NULL) {
        if (seen == NULL) PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t i = 0; i < height; i++) {
        PyObject *row = PyList_New(width);
        if (row == NULL) goto done;
        for (Py_ssize_t j = 0; j < width; j++) {
            Py_INCREF(empty);
            PyList_SET_ITEM(row, j, empty);
        }
        PyList_SET_ITEM(rows, i, row);
    }
    for (Py_ssize_t k = 0; k < n; k++) {
        PyObject *cell = PyTuple_GET_ITEM(cells, k);
        Py_ssize_t i = PyLong_AsLong(PyTuple_GET_ITEM(cell, 0)) - r0, j = PyLong_AsLong(PyTuple_GET_ITEM(cell, 1)) - c0;
        if (seen[i * width + j]) {
            result = Py_None;
            Py_INCREF(result);
            goto done;
        }
        seen[i * width + j] = 1;
        PyObject *value = PyTuple_GET_ITEM(cell, 2);
        Py_INCREF(value);
        PyList_SetItem(PyList_GET_ITEM(rows, i), j, value);  /* takes value, releases the "" it replaces */
    }
    result = Py_BuildValue("(llO)", r0, c0, rows);
done:
    PyMem_Free(seen);
    Py_XDECREF(empty);
    Py_XDECREF(rows);
    Py_DECREF(cells);
    return result;
}

/* plain(xml) -> bool: whether the whole of ``xml`` is XML as scan wants a sheet's part to be — plain_xml's text,
   well_formed's tags (for the shared strings). */
static PyObject *plain(PyObject *Py_UNUSED(module), PyObject *args) {
    Py_buffer xml;
    if (!PyArg_ParseTuple(args, "y*", &xml)) return NULL;
    int found = plain_xml(xml.buf, (const unsigned char *)xml.buf + xml.len) &&
                well_formed(xml.buf, (const char *)xml.buf + xml.len, NULL, NULL);
    PyBuffer_Release(&xml);
    return PyBool_FromLong(found);
}

static PyMethodDef METHODS[] = {
    {"scan", scan, METH_VARARGS, "scan(xml, start, end, strings, plain) -> (cells, formulas, others) | reason"},
    {"grid", grid, METH_VARARGS, "grid(cells) -> (row, column, rows) | None"},
    {"plain", plain, METH_VARARGS, "plain(xml) -> bool"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef MODULE = {PyModuleDef_HEAD_INIT, "_scan", "The cells of a sheet's XML, scanned in C.", -1,
                                    METHODS, NULL, NULL, NULL, NULL};

PyMODINIT_FUNC PyInit__scan(void) { return PyModule_Create(&MODULE); }
