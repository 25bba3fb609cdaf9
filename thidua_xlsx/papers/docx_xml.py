"""What python-docx has no API for, written as Open XML elements in the schema's order.

python-docx quirks handled here: its default template carries a Word 2010 ``stylesWithEffects``
part whose defaults differ from ``styles.xml`` (an Open XML validator flags it) and a thumbnail of
some other document: both are dropped; and 349 KB of styles, nearly all unused (:func:`keep_styles`).
It has no API for paragraph borders (the short rules under the school's name and the motto), repeated
header rows, rows that must not split or page-number fields: those few elements are added with its
``OxmlElement``, in the schema's order.
"""

from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn as namespaced
from docx.shared import Mm, Pt
from docx.text.run import Run
from lxml.etree import SubElement

_PPR_AFTER_BORDER = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
                     "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
                     "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
                     "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
                     "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
_TRPR_AFTER_CANT_SPLIT = ("w:trHeight", "w:tblHeader", "w:tblCellSpacing", "w:jc", "w:hidden", "w:ins", "w:del",
                          "w:trPrChange")
_TCPR_AFTER_BORDERS = ("w:shd", "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark",
                       "w:headers", "w:cellIns", "w:cellDel", "w:cellMerge", "w:tcPrChange")
_TCPR_AFTER_MARGINS = _TCPR_AFTER_BORDERS[3:]
_TRPR_AFTER_HEADER = ("w:tblCellSpacing", "w:jc", "w:hidden", "w:ins", "w:del", "w:trPrChange")


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R, _RPR, _B, _I, _SZ, _T, _TAB, _BR = (_W + tag for tag in ("r", "rPr", "b", "i", "sz", "t", "tab", "br"))
_VAL, _SPACE = _W + "val", "{http://www.w3.org/XML/1998/namespace}space"


def qn(tag: str) -> str:
    return namespaced(tag)


def alignment(name: str):
    return {"center": WD_ALIGN_PARAGRAPH.CENTER, "left": WD_ALIGN_PARAGRAPH.LEFT,
            "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}[name]


def run(p, text: str, *, size: float, bold: bool = False, italic: bool = False):
    """A run of ``text`` added to the paragraph ``p``, in ``size`` points, bold and italic when asked: the
    ``w:r`` python-docx's ``add_run(text)`` and its font's size, bold and italic make (a tab a ``w:tab``, a line
    break a ``w:br``, a text with spaces at an end kept as written), written straight as its elements — some
    thirty python-docx calls fewer a run, and a paper has hundreds."""
    r = SubElement(p._p, _R)
    properties = SubElement(r, _RPR)
    if bold:
        SubElement(properties, _B)
    if italic:
        SubElement(properties, _I)
    SubElement(properties, _SZ, {_VAL: _half_points(size)})
    pending: list[str] = []
    for char in text:
        if char in "\t\r\n":
            _add_text(r, "".join(pending))
            pending.clear()
            SubElement(r, _TAB if char == "\t" else _BR)
        else:
            pending.append(char)
    _add_text(r, "".join(pending))
    size_mark(p, size)
    return Run(r, p)


def _add_text(r, text: str) -> None:
    if text:
        t = SubElement(r, _T)
        t.text = text
        if len(text.strip()) < len(text):
            t.set(_SPACE, "preserve")


def _half_points(size: float) -> str:
    """``size`` points as ``w:sz`` gives them, in half points (python-docx's rounding: down)."""
    return str(int(Pt(size).pt * 2))


def size_mark(p, size: float) -> None:
    """The paragraph mark's size decides an empty paragraph's height."""
    ppr = p._p.get_or_add_pPr()
    rpr = ppr.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        ppr.insert_element_before(rpr, "w:sectPr", "w:pPrChange")
    for old in rpr.findall(qn("w:sz")):
        rpr.remove(old)
    sz = OxmlElement("w:sz")
    sz.set(qn("w:val"), str(int(round(size * 2))))
    rpr.append(sz)


def rule_format(p, side_mm: float) -> None:
    """Turn an empty paragraph into a thin horizontal rule (its bottom border), indented ``side_mm`` each side."""
    fmt = p.paragraph_format
    fmt.left_indent = fmt.right_indent = Mm(side_mm)
    fmt.space_before, fmt.space_after = Pt(1), Pt(0)
    fmt.line_spacing = Pt(3)  # the border is drawn under a 3 pt high empty line: just clear of the text above
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "auto")):
        bottom.set(qn(key), value)
    border.append(bottom)
    p._p.get_or_add_pPr().insert_element_before(border, *_PPR_AFTER_BORDER)


def cant_split(row) -> None:
    """``row`` is never split across pages."""
    _row_flag(row, "w:cantSplit", _TRPR_AFTER_CANT_SPLIT)


def repeat_as_header(row) -> None:
    """``row`` is repeated at the top of every page the table runs onto."""
    _row_flag(row, "w:tblHeader", _TRPR_AFTER_HEADER)


def _row_flag(row, tag: str, successors: tuple[str, ...]) -> None:
    """An on/off row property (``w:cantSplit``, ``w:tblHeader``) in its place in ``w:trPr``."""
    trpr = row._tr.get_or_add_trPr()
    if trpr.find(qn(tag)) is None:
        trpr.insert_element_before(OxmlElement(tag), *successors)


def cell_frame(cell) -> None:
    """No borders and no inner margins on ``cell``: what it holds is drawn edge to edge."""
    tcpr = cell._tc.get_or_add_tcPr()
    borders = OxmlElement("w:tcBorders")
    for side in ("w:top", "w:left", "w:bottom", "w:right"):
        edge = OxmlElement(side)
        edge.set(qn("w:val"), "nil")
        borders.append(edge)
    tcpr.insert_element_before(borders, *_TCPR_AFTER_BORDERS)
    margins = OxmlElement("w:tcMar")
    for side in ("w:left", "w:right"):
        edge = OxmlElement(side)
        edge.set(qn("w:w"), "0")
        edge.set(qn("w:type"), "dxa")
        margins.append(edge)
    tcpr.insert_element_before(margins, *_TCPR_AFTER_MARGINS)


def page_numbers(section) -> None:
    """Page numbers centred in the top margin from the second page on (Nghị định 30/2020)."""
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    p = section.header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    number = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "2"
    number.append(text)
    field.append(number)
    p._p.append(field)


DRAFT_PT, DRAFT_LINE_PT = 12, 9  # the draft's mark in the top margin: its word, then what keeps the year a draft


def draft_mark(section, mark: str, line: str) -> None:
    """``mark`` (DỰ THẢO) flush right in the top margin of every page, in bold; ``line`` (why) under it on the first
    page, small and italic — in the margin, so that a paper keeps its pages whether it is a draft or not."""
    first = section.first_page_header.paragraphs[0]
    for paragraph, text, size, bold, italic in (
            (first, mark, DRAFT_PT, True, False),
            (section.first_page_header.add_paragraph(), line, DRAFT_LINE_PT, False, True),
            (section.header.add_paragraph(), mark, DRAFT_PT, True, False)):
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        paragraph.paragraph_format.space_before = paragraph.paragraph_format.space_after = Pt(0)
        written = paragraph.add_run(text)
        written.bold, written.italic, written.font.size = bold, italic, Pt(size)


def drop_template_extras(doc) -> None:
    """python-docx's default template carries a Word 2010 ``stylesWithEffects`` part that disagrees with its
    ``styles.xml`` (Word may call that unreadable content) and a thumbnail of another document."""
    for rid, rel in list(doc.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            doc.part.drop_rel(rid)
    package_rels = doc.part.package.rels
    for rid, rel in list(package_rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            del package_rels[rid]


def keep_styles(doc, style_ids: tuple[str, ...]) -> None:
    """Only the styles a paper uses kept in ``doc``: ``style_ids``, the defaults, those the numbering part names, and
    those they are based on, linked to or followed by; and no latent styles. python-docx's template defines ~160
    styles and lists ~270 latent ones (349 KB) that every paper would carry, python-docx read and wrote again for
    each, and LibreOffice read for each PDF (~40 ms of its CPU a paper). What is printed is the same: a style no
    paragraph, run or table names draws nothing, and Word offers its built-in styles listed or not."""
    styles = doc.styles.element
    for latent in styles.findall(qn("w:latentStyles")):
        styles.remove(latent)
    by_id = {style.get(qn("w:styleId")): style for style in styles.findall(qn("w:style"))}
    wanted = [*style_ids, *(sid for sid, style in by_id.items() if style.get(qn("w:default")) == "1"),
              *(named.get(qn("w:val")) for named in doc.part.numbering_part.element.iter(qn("w:pStyle")))]
    kept: set[str] = set()
    while wanted:
        sid = wanted.pop()
        if sid in kept or sid not in by_id:
            continue
        kept.add(sid)
        for tag in ("w:basedOn", "w:link", "w:next"):
            named = by_id[sid].find(qn(tag))
            if named is not None:
                wanted.append(named.get(qn("w:val")))
    for sid, style in by_id.items():
        if sid not in kept:
            styles.remove(style)
