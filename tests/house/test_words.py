"""Words at the edge (docs/conventions.md: Names): what a person reads is worded by text/, and no internal code reaches
a sheet or a paper. Read from the source with ast, and from the samples' books and papers as the commands wrote them."""

from __future__ import annotations

import ast
import html
import re
import unicodedata
import zipfile
from pathlib import Path

from tests import python_sources

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "thidua_xlsx"
SAMPLES = ROOT / "samples"

# --- Vietnamese outside text/ ---------------------------------------------------------------------------------------

#: A letter of Vietnamese with its marks (or đ): a word of it, as NFC writes it.
VIETNAMESE = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", re.IGNORECASE)
#: The modules outside text/ whose code holds Vietnamese, each with why. Most are data: the books' own layout, read
#: back by the names written; values a person picks and the code compares; words the readers look for in what people
#: typed. The last ones reach no one at school: the installer's option, a bug's message, the letters tried or measured.
VIETNAMESE_OUTSIDE_TEXT = {
    "thidua_xlsx/model/campaign_book.py": "campaign.xlsx's sheet names, headings and row labels, read back by them",
    "thidua_xlsx/commune/model_book.py": "the commune's cap-tren.xlsx's sheet names, headings and row labels",
    "thidua_xlsx/model/layout.py": "the rounds' names, the department books' sheet names and the state's motto",
    "thidua_xlsx/model/campaign.py": "the values of campaign.xlsx's dropdowns (disciplines, leave, levels, group "
                                     "kinds), compared as values",
    "thidua_xlsx/decide/rules.py": "the values 'Không xếp loại' and 'và' (a setting's)",
    "thidua_xlsx/decide/history_rules.py": "a level's value, 'Tỉnh', as the default of a setting",
    "thidua_xlsx/read/campaign_book.py": "yes and no as a person types them ('có', 'không')",
    "thidua_xlsx/read/legacy_text.py": "the letters and syllables that tell TCVN3 and VNI text from Unicode",
    "thidua_xlsx/read/presets.py": "the positions and the decree a preset's rows are found by",
    "thidua_xlsx/read/school_lists.py": "the headings a summary's lists are found by",
    "thidua_xlsx/model/new_year.py": "the words a date and a legal text are found by in a line of Căn cứ",
    "thidua_xlsx/check/campaign.py": "the words a school's level and place are found by in its name, a decision's "
                                     "number and đ folded",
    "thidua_xlsx/check/selection.py": "the labels of a returned book's cells as its record keys them",
    "thidua_xlsx/write/engine.py": "the letters whose printed widths are measured",
    "thidua_xlsx/system/console.py": "the letters a console is asked to show, to know whether it shows Vietnamese",
    "thidua_xlsx/cli.py": "the hidden option's metavar, that only the installer gives",
    "thidua_xlsx/papers/appraisal.py": "a bug's message naming the paper (the Phiếu)",
}


def vietnamese_literals(source: str) -> list[tuple[int, str]]:
    """(line, text) of each string of ``source``'s code holding a Vietnamese letter with its marks: a constant, a part
    of an f-string — not a docstring, which is prose for the reader of the code, nor a comment."""
    nodes = python_sources.nodes(source)
    prose = {id(node.body[0].value) for node in nodes
             if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.body
             and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    return [(node.lineno, node.value) for node in sorted(
        (node for node in nodes if isinstance(node, ast.Constant) and isinstance(node.value, str)
         and id(node) not in prose and VIETNAMESE.search(node.value)), key=lambda n: (n.lineno, n.col_offset))]


def _outside_text() -> dict[str, list[tuple[int, str]]]:
    """Each module of the package outside text/ whose code holds Vietnamese, with where; and each of the page's
    templates and scripts that holds any (its words come from text/ui.py)."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        where = path.relative_to(ROOT).as_posix()
        if not where.startswith("thidua_xlsx/text/"):
            found[where] = vietnamese_literals(path.read_text(encoding="utf-8"))
    for path in sorted([*(PACKAGE / "ui").rglob("*.html"), *(PACKAGE / "ui").rglob("*.js")]):
        found[path.relative_to(ROOT).as_posix()] = [(n, line) for n, line in enumerate(
            path.read_text(encoding="utf-8").splitlines(), 1) if VIETNAMESE.search(line)]
    return {where: said for where, said in found.items() if said}


def test_vietnamese_outside_text_is_in_the_named_modules_alone():
    """The words a person reads come from text/ (the catalogue, the commands' lines, the books', papers', page's and
    mail's words): a message worded in a module of read/ or write/ is missed by whoever reviews the wording, and may
    say a thing twice in two ways. Vietnamese elsewhere is data — a book's layout, a dropdown's values, words looked
    for in what people typed — in the modules named in VIETNAMESE_OUTSIDE_TEXT with why; a new one is found here."""
    found = _outside_text()
    unnamed = [f"{where}:{line}: {text[:60]!r}" for where, said in found.items() if where not in VIETNAMESE_OUTSIDE_TEXT
               for line, text in said[:3]]
    assert unnamed == [], "put the words in text/, or name the module in VIETNAMESE_OUTSIDE_TEXT with why:\n" + \
        "\n".join(unnamed)
    assert set(VIETNAMESE_OUTSIDE_TEXT) <= set(found), "a module holds no Vietnamese now: strike it from the list"


def test_the_vietnamese_check_finds_a_word_in_a_string_or_an_f_string_not_in_a_docstring_or_a_comment():
    source = ('"""Đọc tệp."""\n\n\ndef f(n):\n    """Số ô."""\n    say(f"Còn {n} ô")  # ô: a cell\n'
              '    return "Tổng hợp", "Tong-hop", "cell"\n')
    assert vietnamese_literals(source) == [(6, "Còn "), (6, " ô"), (7, "Tổng hợp")]


def identifiers(source: str) -> set[str]:
    """Every name ``source`` gives or uses: its variables, functions, classes, arguments, attributes and imports."""
    found = set()
    for node in python_sources.nodes(source):
        if isinstance(node, ast.Name):
            found.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            found.add(node.name)
        elif isinstance(node, ast.arg):
            found.add(node.arg)
        elif isinstance(node, ast.Attribute):
            found.add(node.attr)
        elif isinstance(node, ast.alias):
            found.add(node.asname or node.name)
    return found


def test_identifiers_are_ascii_and_the_package_s_words_are_nfc():
    """The code's names are English, in ASCII (``Đợt`` is no name a reader can type); the words it holds, in text/
    and elsewhere, are written in Unicode NFC, as what a person types is made as it is read (read/legacy_text.py,
    model/typed.py): one form of each letter, so that a word compares equal to itself."""
    sources = {path.relative_to(ROOT).as_posix(): path.read_text(encoding="utf-8")
               for path in sorted(PACKAGE.rglob("*")) if path.suffix in (".py", ".html", ".js", ".json")}
    assert [where for where, source in sources.items() if not unicodedata.is_normalized("NFC", source)] == []
    assert [f"{where}: {name}" for where, source in sources.items() if where.endswith(".py")
            for name in sorted(identifiers(source)) if not name.isascii()] == []
    assert sorted(identifiers("import datetime as dt\n\n\nclass Đợt:\n    def f(self, số):\n        return "
                              "self.tổng + dt.x\n")) == ["dt", "f", "self", "số", "tổng", "x", "Đợt"]


# --- no internal code where a person reads --------------------------------------------------------------------------

def shown_codes() -> re.Pattern:
    """A code of the catalogue (a message's, a reason's, a label's) or of a title, as a word: the codes shaped as codes
    (``ldtt.months_short``, ``NGHI_OM``, ``CSTDCS``) — a label coded as a plain English word (``rating``) is left
    out, a word any text may hold."""
    from thidua_xlsx.model import titles as tt
    from thidua_xlsx.text import messages

    codes = {code for catalogue in (messages.MESSAGES, messages.REASONS, messages.LABELS) for code in catalogue
             if re.fullmatch(r"[a-z0-9_]+(?:\.[a-z0-9_]+)+|[A-Z][A-Z0-9_]+", code)}
    codes |= {value for name, value in vars(tt).items() if name.isupper() and isinstance(value, str) and value}
    return re.compile(r"(?<![\w.])(?:" + "|".join(map(re.escape, sorted(codes, key=len, reverse=True))) + r")(?![\w.])")


def visible_text(path: Path) -> list[tuple[str, str]]:
    """(where, text) of what a person reads in ``path``: each text cell of a workbook's visible sheets (not its hidden
    layout and metadata sheets), each paragraph of a Word paper (its body, headers and footers)."""
    if path.suffix == ".docx":
        with zipfile.ZipFile(path) as docx:
            parts = [name for name in docx.namelist() if re.fullmatch(r"word/(?:document|header\d*|footer\d*)\.xml",
                                                                          name)]
            return [(name, html.unescape(re.sub(r"<[^>]+>", "", paragraph))) for name in parts
                    for paragraph in docx.read(name).decode("utf-8").split("</w:p>")]
    from python_calamine import CalamineWorkbook, SheetVisibleEnum

    book = CalamineWorkbook.from_path(str(path))
    return [(sheet.name, value) for sheet in book.sheets_metadata if sheet.visible == SheetVisibleEnum.Visible
            for row in book.get_sheet_by_name(sheet.name).to_python() for value in row if isinstance(value, str)]


def test_no_code_is_shown_in_a_sheet_or_a_paper_of_the_samples():
    """A title, a reason, a problem, a period's state reach a person as words: the codes stay in the JSON report and
    the hidden sheets (docs/conventions.md: Names). Every workbook and Word paper of samples/ — what the commands
    wrote for the sample school, its year, its council's papers and the commune (samples/build_*.py) — is read as a
    person reads it; the people's and departments' codes (GV01, T1), shown so a row is found, are not codes of the
    catalogue. A book a teacher's spreadsheet program left half-saved (an owner file ``~$…``) is not one of ours."""
    code = shown_codes()
    books = [p for p in sorted(SAMPLES.rglob("*")) if p.suffix in (".xlsx", ".docx") and not p.name.startswith("~$")]
    assert len(books) > 50
    found = [f"{path.relative_to(ROOT).as_posix()} · {where}: {match.group()} in {text[:60]!r}"
             for path in books for where, text in visible_text(path) for match in code.finditer(text)]
    assert found == []


def test_the_code_check_finds_a_code_in_a_visible_sheet_and_a_paper(tmp_path):
    import docx
    import xlsxwriter

    book = xlsxwriter.Workbook(tmp_path / "a.xlsx")
    book.add_worksheet("Tổng hợp").write_row(0, 0, ["Đạt LĐTT", "ldtt.months_short", "GV01", "CSTDCS"])
    hidden = book.add_worksheet("meta")
    hidden.write(0, 0, "TTLDTT")
    hidden.hide()
    book.close()
    paper = docx.Document()
    paper.add_paragraph("Danh hiệu: ").add_run("TTLDXS")
    paper.save(tmp_path / "b.docx")
    code = shown_codes()
    assert [m.group() for path in (tmp_path / "a.xlsx", tmp_path / "b.docx") for _, text in visible_text(path)
            for m in code.finditer(text)] == ["ldtt.months_short", "CSTDCS", "TTLDXS"]
