"""legacy_text: TCVN3 (.VnTime, .VnTimeH) and VNI text converted to Unicode NFC, and what is left alone."""

from __future__ import annotations

import dataclasses
import unicodedata

import pytest

from thidua_xlsx.read.legacy_text import Conversion, detect_and_convert


def _pairs(table: str) -> dict[str, str]:
    return dict(token.split("=", 1) for token in table.split())


# The inverse tables, Unicode → legacy, from a second source: src/charsets.ts of
# github.com/duydev/vietnamese-conversion (its first version, commit 46413a0), independent of the
# module's tables, which come from UniKey. TCVN3 has no toned capitals: only the lower case and Ă Â Đ Ê Ô Ơ Ư.
TCVN3 = _pairs("""
    à=µ á=¸ â=© ã=· è=Ì é=Ð ê=ª ì=× í=Ý ò=ß ó=ã ô=«
    õ=â ù=ï ú=ó ý=ý ă=¨ đ=® ĩ=Ü ũ=ò ơ=¬ ư=\xad ạ=¹ ả=¶
    ấ=Ê ầ=Ç ẩ=È ẫ=É ậ=Ë ắ=¾ ằ=» ẳ=¼ ẵ=½ ặ=Æ ẹ=Ñ ẻ=Î
    ẽ=Ï ế=Õ ề=Ò ể=Ó ễ=Ô ệ=Ö ỉ=Ø ị=Þ ọ=ä ỏ=á ố=è ồ=å
    ổ=æ ỗ=ç ộ=é ớ=í ờ=ê ở=ë ỡ=ì ợ=î ụ=ô ủ=ñ ứ=ø ừ=õ
    ử=ö ữ=÷ ự=ù ỳ=ú ỵ=þ ỷ=û ỹ=ü Â=¢ Ê=£ Ô=¤ Ă=¡ Đ=§
    Ơ=¥ Ư=¦
""")
VNI = _pairs("""
    à=aø á=aù â=aâ ã=aõ è=eø é=eù ê=eâ ì=ì í=í ò=oø ó=où ô=oâ
    õ=oõ ù=uø ú=uù ý=yù ă=aê đ=ñ ĩ=ó ũ=uõ ơ=ô ư=ö ạ=aï ả=aû
    ấ=aá ầ=aà ẩ=aå ẫ=aã ậ=aä ắ=aé ằ=aè ẳ=aú ẵ=aü ặ=aë ẹ=eï ẻ=eû
    ẽ=eõ ế=eá ề=eà ể=eå ễ=eã ệ=eä ỉ=æ ị=ò ọ=oï ỏ=oû ố=oá ồ=oà
    ổ=oå ỗ=oã ộ=oä ớ=ôù ờ=ôø ở=ôû ỡ=ôõ ợ=ôï ụ=uï ủ=uû ứ=öù ừ=öø
    ử=öû ữ=öõ ự=öï ỳ=yø ỵ=î ỷ=yû ỹ=yõ À=AØ Á=AÙ Â=AÂ Ã=AÕ È=EØ
    É=EÙ Ê=EÂ Ì=Ì Í=Í Ò=OØ Ó=OÙ Ô=OÂ Õ=OÕ Ù=UØ Ú=UÙ Ý=YÙ Ă=AÊ
    Đ=Ñ Ĩ=Ó Ũ=UÕ Ơ=Ô Ư=Ö Ạ=AÏ Ả=AÛ Ấ=AÁ Ầ=AÀ Ẩ=AÅ Ẫ=AÃ Ậ=AÄ
    Ắ=AÉ Ằ=AÈ Ẳ=AÚ Ẵ=AÜ Ặ=AË Ẹ=EÏ Ẻ=EÛ Ẽ=EÕ Ế=EÁ Ề=EÀ Ể=EÅ Ễ=EÃ
    Ệ=EÄ Ỉ=Æ Ị=Ò Ọ=OÏ Ỏ=OÛ Ố=OÁ Ồ=OÀ Ổ=OÅ Ỗ=OÃ Ộ=OÄ Ớ=ÔÙ Ờ=ÔØ
    Ở=ÔÛ Ỡ=ÔÕ Ợ=ÔÏ Ụ=UÏ Ủ=UÛ Ứ=ÖÙ Ừ=ÖØ Ử=ÖÛ Ữ=ÖÕ Ự=ÖÏ Ỳ=YØ Ỵ=Î
    Ỷ=YÛ Ỹ=YÕ
""")

# The 134 letters, built from Unicode itself: 12 vowels × (none + 5 tones) minus the 6 bare vowels, plus đ.
_TONE_MARKS = "\u0301\u0300\u0309\u0303\u0323"
LOWER = [unicodedata.normalize("NFC", v + t) for v in "aăâeêioôơuưy" for t in ("",) + tuple(_TONE_MARKS)]
LOWER = [c for c in LOWER if c not in "aeiouy"] + ["đ"]
LETTERS = LOWER + [c.upper() for c in LOWER]


def to_tcvn3(text: str) -> str:
    assert all(c.isascii() or c in TCVN3 for c in text), f".VnTime has no such capital: {text}"
    return "".join(TCVN3.get(c, c) for c in text)


def to_tcvn3_h(text: str) -> str:
    """For an upper-case .Vn…H font: the lower-case codes, which the font draws as capitals."""
    return "".join(TCVN3.get(c, c) for c in text.lower())


def to_vni(text: str) -> str:
    return "".join(VNI.get(c, c) for c in text)


def converted(text: str, font: str | None = None) -> str:
    result = detect_and_convert(text, font)
    return result.text if result else text


def test_the_tables_hold_exactly_the_134_letters():
    assert len(LETTERS) == len(set(LETTERS)) == 134
    assert set(VNI) == set(LETTERS)
    assert set(TCVN3) == set(LOWER) | set("ĂÂĐÊÔƠƯ")


@pytest.mark.parametrize("letter", LETTERS)
def test_every_letter_round_trips_through_vni(letter):
    assert converted(VNI[letter], "VNI-Times") == letter  # í ì Í Ì are their own codes: nothing to do


@pytest.mark.parametrize("letter", LETTERS)
def test_every_letter_round_trips_through_tcvn3(letter):
    if letter in TCVN3:
        assert converted(TCVN3[letter], ".VnTime") == letter
    assert converted(TCVN3[letter.lower()], ".VnTimeH") == letter.upper()


# Names and phrases of the paperwork, without a toned capital (which .VnTime cannot hold).
NAMES = [
    "Nguyễn Văn An", "Trần Thị Thu Hà", "Lê Thị Phương Thảo", "Phạm Quốc Việt", "Hoàng Minh Tuấn",
    "Đặng Thị Thu Hằng", "Vũ Đức Thắng", "Bùi Thị Ngọc Lan", "Đỗ Xuân Trường", "Huỳnh Thị Thanh Hương",
    "Dương Văn Khoa", "Trịnh Hoài Nam", "Ngô Thị Mỹ Duyên", "Nguyễn Thị Hồng Nhung", "Lương Thế Vinh",
    "Trường THCS Nguyễn Du", "Tổ Toán - Tin", "Lao động tiên tiến", "Chiến sĩ thi đua cơ sở",
    "Hoàn thành xuất sắc nhiệm vụ", "Giáo viên chủ nhiệm lớp 9A", "Phó hiệu trưởng", "Bằng khen của UBND tỉnh",
    "Vũ Hà", "Lò Văn Hà",  # every capital alone in its word: not text typed in capitals
]


@pytest.mark.parametrize("name", NAMES)
def test_tcvn3_names_are_detected_and_converted(name):
    legacy = to_tcvn3(name)
    assert legacy != name
    assert detect_and_convert(legacy) == Conversion(name, "tcvn3", legacy)
    assert detect_and_convert(legacy, ".VnTime") == Conversion(name, "tcvn3", legacy)


@pytest.mark.parametrize("name", NAMES + ["Nguyễn Văn Ánh", "Lê Thị Ý Nhi", "Ông Ích Khiêm", "ĐỖ THỊ ỨNG"])
def test_vni_names_are_detected_and_converted(name):
    legacy = to_vni(name)
    assert legacy != name
    assert detect_and_convert(legacy) == Conversion(name, "vni", legacy)
    assert detect_and_convert(legacy, "VNI-Times") == Conversion(name, "vni", legacy)


# Legacy strings as found in public files (the brief's example, and the sources named alongside).
@pytest.mark.parametrize("legacy, expected", [
    ("NguyÔn V¨n An", "Nguyễn Văn An"),
    ("NguyÔn Ngäc B×nh", "Nguyễn Ngọc Bình"),                              # a Stata do-file's author line
    ("Xin chµo c¸c b¹n", "Xin chào các bạn"),                                # duydev/vietnamese-conversion tests
    ("T«i ®i häc", "Tôi đi học"),                                            # idem
    ("Ninh B×nh", "Ninh Bình"),                                              # backupvietsoft/HRM ConvertVNI
    ("B¶o Th¾ng", "Bảo Thắng"),                                              # Ductrung03/DuBaoMatRung server/test.js
    ("B¸t X¸t", "Bát Xát"),                                                  # idem
    ("B¸o c¸o tµi chÝnh quý II n¨m 2008", "Báo cáo tài chính quý II năm 2008"),
    ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam"),
    ("§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"),
    ("Ng\xadêi lao ®éng ph¶i ®\xadîc tr¶ l\xad¬ng ®óng h¹n.", "Người lao động phải được trả lương đúng hạn."),
    ("Chi nh¸nh Vietcombank Kh¸nh Hßa", "Chi nhánh Vietcombank Khánh Hòa"),
    ("NguyÔn H¶i An", "Nguyễn Hải An"),
    ("Vò ThÞ Thanh Nhµn", "Vũ Thị Thanh Nhàn"),
])
def test_literal_tcvn3_strings(legacy, expected):
    assert detect_and_convert(legacy) == Conversion(expected, "tcvn3", legacy)


@pytest.mark.parametrize("legacy, expected", [
    ("Nguyeãn Vaên An", "Nguyễn Văn An"),
    ("Xin chaøo caùc baïn", "Xin chào các bạn"),                             # duydev/vietnamese-conversion README
    ("Toâi ñi hoïc", "Tôi đi học"),                                          # idem, tests
    ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    ("Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc"),
    ("COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("Haø Noäi", "Hà Nội"),
    ("ñöôïc", "được"),
    ("Ñaø Naüng", "Đà Nẵng"),
    ("ñöôïc nhöõng Chæ thò Myõ", "được những Chỉ thị Mỹ"),
    ("COÂNG TY SAÛN PHAÅM MAÙY TÍNH FUJITSU VIEÄT NAM", "CÔNG TY SẢN PHẨM MÁY TÍNH FUJITSU VIỆT NAM"),
    ("Caên cöù Luaät Toå chöùc HÑND vaø UBND", "Căn cứ Luật Tổ chức HĐND và UBND"),
])
def test_literal_vni_strings(legacy, expected):
    assert detect_and_convert(legacy) == Conversion(expected, "vni", legacy)


@pytest.mark.parametrize("name", ["NGUYỄN VĂN ÁNH", "TRƯỜNG THCS LÊ QUÝ ĐÔN", "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG",
                                  "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Ủy ban nhân dân"])
def test_vntimeh_capitals(name):
    """.VnTimeH draws every code as a capital: the text is converted, then upper-cased."""
    legacy = to_tcvn3_h(name)
    assert detect_and_convert(legacy, ".VnTimeH") == Conversion(name.upper(), "tcvn3", legacy)
    assert detect_and_convert(legacy, ".VnArialH").text == name.upper()


@pytest.mark.parametrize("legacy, font, expected", [
    ("CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM", ".VnTimeH", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM", None, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("TR¦êNG §¹I HäC TH¦¥NG M¹I", None, "TRƯỜNG ĐẠI HỌC THƯƠNG MẠI"),
    ("Tr\xadêng THCS NGUYÔN DU", None, "Trường THCS NGUYỄN DU"),   # a word in capitals, the rest not
    ("Hµ Néi", ".VnTimeH", "HÀ NỘI"),
    ("Hµ Néi", ".VnTime", "Hà Nội"),
])
def test_tcvn3_capitals_typed_for_an_h_font(legacy, font, expected):
    assert detect_and_convert(legacy, font).text == expected


NOT_LEGACY = [
    "", "I.1", "9,5", "HTXSNV", "LĐTT", "CSTĐCS", "2023-2024", "thu.ky@truong.edu.vn", "👍", "🎉 Chúc mừng",
    "Café", "Crème brûlée", "naïve", "déjà vu", "Côte d'Ivoire", "São Paulo", "Müller", "España", "Noël",
    "Pokémon", "Hồ Chí Minh", "Đặng Thị Ánh", "Nguyễn Văn Ân", "Hoàng", "Tô Hoài", "Phan Thành Tài",
    "Lê Thu Hà", "Hoà Bình", "Khoá học", "Thuý Kiều", "Ánh", "Ô Môn", "Tổ Toán – Tin", "«Thi đua»",
    "30°C", "5 × 3 = 15", "© 2024", "µm", "Giá: £10 hoặc €5", "Lê Thu Hà ×",
    unicodedata.normalize("NFD", "Nguyễn Thị Hồng Nhung"),
    "Tiếng Việt: à á ả ã ạ ă ằ ắ ẳ ẵ ặ â ầ ấ ẩ ẫ ậ đ è é ẻ ẽ ẹ ê ề ế ể ễ ệ ì í ỉ ĩ ị ò ó ỏ õ ọ ô ồ ố ổ ỗ ộ "
    "ơ ờ ớ ở ỡ ợ ù ú ủ ũ ụ ư ừ ứ ử ữ ự ỳ ý ỷ ỹ ỵ",
    "TIẾNG VIỆT: À Á Ả Ã Ạ Ă Ằ Ắ Ẳ Ẵ Ặ Â Ầ Ấ Ẩ Ẫ Ậ Đ È É Ẻ Ẽ Ẹ Ê Ề Ế Ể Ễ Ệ Ì Í Ỉ Ĩ Ị Ò Ó Ỏ Õ Ọ Ô Ồ Ố Ổ Ỗ Ộ "
    "Ơ Ờ Ớ Ở Ỡ Ợ Ù Ú Ủ Ũ Ụ Ư Ừ Ứ Ử Ữ Ự Ỳ Ý Ỷ Ỹ Ỵ",
]


@pytest.mark.parametrize("text", NOT_LEGACY)
def test_what_is_not_legacy_text_is_left_alone(text):
    assert detect_and_convert(text) is None


@pytest.mark.parametrize("text", ["Hồ Chí Minh", "Đặng Thị Ánh", "I.1", "HTXSNV", "👍", ""])
def test_unicode_or_ascii_is_left_alone_whatever_the_font(text):
    for font in (".VnTime", ".VnTimeH", "VNI-Times"):
        assert detect_and_convert(text, font) is None


@pytest.mark.parametrize("legacy, font, expected", [
    ("Hoà", "VNI-Times", "Hồ"),              # also Unicode "Hoà" (old tone place): detection leaves it
    ("Phan Thò An", "VNI-Times", "Phan Thị An"),  # "Thò" is a Unicode syllable too
    ("Phan Minh Tó", ".VnTime", "Phan Minh Tú"),
    ("Hµ", ".VnTime", "Hà"),                  # too short to be sure of
    ("Tô Hoài", "VNI-Times", "Tơ Hồi"),       # what VNI-Times shows for these characters
])
def test_the_font_decides_what_detection_leaves_alone(legacy, font, expected):
    assert detect_and_convert(legacy) is None
    assert detect_and_convert(legacy, font).text == expected


def test_an_unknown_font_falls_back_to_detection():
    assert detect_and_convert("NguyÔn V¨n An", "Times New Roman").text == "Nguyễn Văn An"
    assert detect_and_convert("Nguyeãn Vaên An", "Arial").encoding == "vni"
    assert detect_and_convert("Café", "Times New Roman") is None


def test_the_result_is_frozen_nfc_and_keeps_the_original():
    result = detect_and_convert("Ng\xadêi ®\xadîc khen")
    assert result == Conversion("Người được khen", "tcvn3", "Ng\xadêi ®\xadîc khen")
    assert unicodedata.is_normalized("NFC", result.text)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.text = "x"


# --- through the merge: a registration workbook typed with legacy fonts ---

def _type_legacy(src, dst, values: dict[tuple[str, str], tuple[str, str | None]]) -> None:
    """Type {(sheet, cell): (text, font)} into the unlocked cells, setting the font as the teacher did."""
    from openpyxl import load_workbook
    from openpyxl.styles import Font

    wb = load_workbook(src)
    for (name, cell), (text, font) in values.items():
        target = wb[name][cell]
        assert target.protection.locked is False, cell
        target.value = text
        if font:
            target.font = Font(name=font)
    wb.save(dst)


def test_legacy_text_in_a_returned_workbook_is_converted_with_a_note_naming_the_cell(small_folder, tmp_path):
    from tests.filling import sheet
    from thidua_xlsx.model import layout as ly
    from thidua_xlsx.service import generate_round, merge_inbox
    from thidua_xlsx.write.summary import write_summary

    path = generate_round(small_folder, ly.REGISTRATION, tmp_path / "outbox").paths[0]
    reg = sheet(path, ly.RegistrationSheet)
    first_code, first_row = reg.rows[0]
    spare = reg.spare_rows[0]
    name_cell, note_cell = f"{reg.name_column}{spare}", f"{reg.note_column}{spare}"
    title_cell = f"{reg.title_column}{first_row}"
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    _type_legacy(path, inbox / path.name, {
        (reg.name, name_cell): (to_tcvn3_h("Nguyễn Văn Ân"), ".VnTimeH"),       # capitals: only the font says
        (reg.name, f"{reg.title_column}{spare}"): ("Lao động tiên tiến", None),
        (reg.name, note_cell): (to_vni("Chuyển đến từ trường khác"), None),     # by the byte patterns
        (reg.name, title_cell): (to_tcvn3("Lao động tiên tiến"), ".VnTime"),    # a choice typed, not picked
    })
    summary = merge_inbox(inbox, small_folder)

    newcomer = next(p for p in summary.people if p.newcomer)
    assert newcomer.name == "NGUYỄN VĂN ÂN" and newcomer.note == "Chuyển đến từ trường khác"
    assert next(p for p in summary.people if p.code == first_code).registered == "LDTT"  # the title's code
    notes = {(i.cell, i.code): i for i in summary.issues if i.code.startswith("value.legacy_")}
    assert set(notes) == {(name_cell, "value.legacy_tcvn3"), (note_cell, "value.legacy_vni"),
                          (title_cell, "value.legacy_tcvn3")}
    rendered = notes[(name_cell, "value.legacy_tcvn3")].render()
    assert to_tcvn3_h("Nguyễn Văn Ân") in rendered and "NGUYỄN VĂN ÂN" in rendered and "TCVN3" in rendered
    assert not [i for i in summary.issues if i.code == "value.bad_choice"]

    target = tmp_path / "tong-hop.xlsx"
    write_summary(summary, target)
    from openpyxl import load_workbook
    wb = load_workbook(target)
    listed = {c.value for ws in wb.worksheets if ws.title != "Kiểm tra" for row in ws.iter_rows() for c in row
              if isinstance(c.value, str)}
    assert "NGUYỄN VĂN ÂN" in listed
    assert not [v for v in listed if detect_and_convert(v) is not None], "legacy text left in the lists"


# --- the fonts, from the style sheet: openpyxl's, cell by cell --------------------------------------------------------

def _fonted_book() -> bytes:
    """A workbook as openpyxl writes it with the fonts a teacher picks: legacy ones, one named with XML's characters,
    one with no name, and cells with no format of their own."""
    import io

    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "Tổ <Toán> & Tin"
    for row, font in enumerate((".VnTime", ".VnTimeH", "VNI-Times", "Times New Roman", 'A & "B" <C>', None), start=1):
        ws.cell(row, 2, "Hµ")
        if font is not None:
            ws.cell(row, 2).font = Font(name=font, bold=row % 2 == 0)
        ws.cell(row, 3, "Lê Hà")  # the workbook's first format
    ws.cell(7, 2, "Hµ").font = Font(bold=True)  # a font without a name
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _fonted_books() -> list[tuple[str, bytes]]:
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "samples"
    books = sorted(p for folder in ("inbox", "inbox-dang-ky", "outbox") for p in (root / folder).rglob("*.xlsx")
                   if not p.name.startswith("~$"))
    return [(p.name, p.read_bytes()) for p in books] + [("openpyxl, fonts picked", _fonted_book())]


@pytest.mark.parametrize(("name", "data"), _fonted_books(), ids=[name for name, _ in _fonted_books()])
def test_the_font_of_every_cell_is_the_one_openpyxl_reads(name, data):
    """The reader finds each typed cell's font in the style sheet with plain searches (openpyxl, loaded for it, cost a
    book ~0.1 s): the same font as openpyxl's, for every cell holding a value, in our books and in books openpyxl
    saved — the fonts a teacher picked, one named with XML's characters, none where the font has no name."""
    import io
    from pathlib import Path

    from openpyxl import load_workbook

    from thidua_xlsx.read.containment import check_workbook
    from thidua_xlsx.read.department.fonts import cell_fonts

    wb = load_workbook(io.BytesIO(data), read_only=True)
    wanted, expected = {}, {}
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if getattr(cell, "value", None) is not None:
                    wanted.setdefault(ws.title, set()).add((cell.row - 1, cell.column - 1))
                    if cell.font is not None and cell.font.name:
                        expected.setdefault(ws.title, {})[(cell.row - 1, cell.column - 1)] = cell.font.name
    wb.close()
    parts: dict[str, bytes] = {}
    assert check_workbook(Path("book.xlsx"), data, ".xlsx", parts) is None
    assert wanted and cell_fonts(wanted, data, ".xlsx", parts) == expected
    if name.startswith("openpyxl"):
        fonts = expected["Tổ <Toán> & Tin"]
        assert [fonts.get((row, 1)) for row in range(7)] == [
            ".VnTime", ".VnTimeH", "VNI-Times", "Times New Roman", 'A & "B" <C>', "Calibri", None]
        assert fonts[(0, 2)] == "Calibri"
