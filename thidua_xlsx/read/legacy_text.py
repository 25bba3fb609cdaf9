"""Legacy Vietnamese text (TCVN3/ABC and VNI fonts) detected and converted to Unicode NFC.

Before Unicode, teachers typed Vietnamese with 8-bit fonts whose glyphs sit on Windows-1252 code
points, so a spreadsheet cell holds those characters: set in ".VnTime", "NguyÔn V¨n An" shows as
"Nguyễn Văn An"; set in "VNI-Times", "Nguyeãn Vaên An" does. Pure functions, standard library only.

The two tables
    TCVN3 (ABC; fonts ".VnTime", ".VnArial", ...): one character per letter. Toned letters exist in
    lower case only; the capitals Ă Â Đ Ê Ô Ơ Ư have their own codes (¡ ¢ § £ ¤ ¥ ¦). The upper-case
    fonts ".VnTimeH", ".VnArialH", ... use the same code points and draw every glyph as a capital:
    their text is converted, then upper-cased. (ư is U+00AD, the soft hyphen.)
    VNI (VNI-Windows; fonts "VNI-Times", ...): a base letter followed by a mark character
    ("aù" á, "oá" ố, "ôù" ớ); capitals take upper-case marks ("AÙ" Á); đ í ì ỉ ĩ ị ơ ư ỵ are one
    character (ñ í ì æ ó ò ô ö î).

Sources: the tables of the UniKey converter (VnConv library, Phạm Kim Long, unikey.sourceforge.net)
as kept in unikey/data.cpp of github.com/fcitx/fcitx5-unikey (SingleByteTables "TCVN3",
DoubleByteTables "VNI-WIN"), checked entry by entry against src/charsets.ts of
github.com/duydev/vietnamese-conversion and, for TCVN3, against Source/PhongKham/PhongKham/Helpers/
Converter.cs of github.com/hdbd789/clinic.

Detection without a legacy font is conservative. The text must hold Windows-1252 characters only,
and some word of it must not read as a Vietnamese syllable as it stands (initial, vowel group, final
and the tone's place are checked). The converted text must read as more Vietnamese syllables, at
least three letters of them, at most one word in six that is not one, and no VNI mark left over;
when both tables read equally well, nothing is converted. So text that already reads as Vietnamese
("Hoàng", "Tô Hoài") is never touched, even where a legacy reading exists (VNI "Hoà" is also "Hồ"),
nor are very short cells ("Hµ", "×", "µm"). TCVN3 text typed in capitals, whose toned letters only an
H font shows as capitals, is upper-cased when its other letters (or its word's) are all capitals.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import TypeGuard

# The 67 lower-case letters beyond ASCII, by vowel: tones sắc, huyền, hỏi, ngã, nặng (UniKey order).
_VIET = "áàảãạ" "ăắằẳẵặ" "âấầẩẫậ" "đ" "éèẻẽẹ" "êếềểễệ" "íìỉĩị" "óòỏõọ" "ôốồổỗộ" "ơớờởỡợ" "úùủũụ" "ưứừửữự" "ýỳỷỹỵ"
_TCVN3 = "¸µ¶·¹" "¨¾»¼½Æ" "©ÊÇÈÉË" "®" "ÐÌÎÏÑ" "ªÕÒÓÔÖ" "Ý×ØÜÞ" "ãßáâä" "«èåæçé" "¬íêëìî" "óïñòô" "\xadøõö÷ù" "ýúûüþ"
_TCVN3_CAPITALS = ("¡¢§£¤¥¦", "ĂÂĐÊÔƠƯ")
_VNI = ("aù aø aû aõ aï  aê aé aè aú aü aë  aâ aá aà aå aã aä  ñ  eù eø eû eõ eï  eâ eá eà eå eã eä  "
        "í ì æ ó ò  où oø oû oõ oï  oâ oá oà oå oã oä  ô ôù ôø ôû ôõ ôï  uù uø uû uõ uï  "
        "ö öù öø öû öõ öï  yù yø yû yõ î").split()

_TCVN3_MAP = str.maketrans(dict(zip(_TCVN3 + _TCVN3_CAPITALS[0], _VIET + _TCVN3_CAPITALS[1])))
_VNI_MAP = {**dict(zip(_VNI, _VIET)), **{code.upper(): letter.upper() for code, letter in zip(_VNI, _VIET)}}
_VNI_CODE = re.compile("|".join(sorted(map(re.escape, _VNI_MAP), key=len, reverse=True)))

_VIET_LETTERS = set(_VIET + _VIET.upper() + "ABCDEGHIKLMNOPQRSTUVXYabcdeghiklmnopqrstuvxy")
_LEGACY = {"tcvn3": set(_TCVN3 + _TCVN3_CAPITALS[0]), "vni": set("".join(_VNI_MAP)) - set("AEOUYaeouy")}
_VNI_STRAYS = _LEGACY["vni"] - _VIET_LETTERS  # marks that are no letter: left over, the reading is wrong
_CP1252_EXTRA = set(bytes(range(0x80, 0xA0)).decode("cp1252", errors="ignore"))
_WORD = re.compile("(?:[^\\W\\d_]|[" + "".join(map(re.escape, sorted(_LEGACY["tcvn3"] | _LEGACY["vni"]))) + "])+")

# Vietnamese syllables: initial + vowel group + final. Some vowel groups end the syllable (OPEN),
# some need a final consonant (CLOSED), the others take either.
_INITIALS = "ngh ng nh ch gh gi kh ph qu th tr b c d đ g h k l m n p r s t v x".split() + [""]
_FINALS = "ch ng nh c m n p t".split() + [""]
_OPEN = set("ai ao au ay âu ây eo êu ia iu oi ôi ơi ua ui ưa ưi ưu uơ "
            "iêu yêu oai oay oao oeo uây uôi uya uyu ươi ươu".split())
_CLOSED = set("ă â iê yê oă oo uâ uô ươ uyê".split())
_EITHER = set("a e ê i o ô ơ u ư y oa oe uê uy".split())
_TONES = "\u0300\u0301\u0303\u0309\u0323"  # huyền sắc ngã hỏi nặng
_TCVN3_UPPER, _TCVN3_LOWER = set("ABCDEFGHIJKLMNOPQRSTUVWXYZ¡¢§£¤¥¦"), set("abcdefghijklmnopqrstuvwxyz¨©®ª«¬\xad")


@dataclass(frozen=True)
class Conversion:
    text: str        # the Unicode NFC text
    encoding: str    # "tcvn3" or "vni"
    original: str    # what was in the cell


def detect_and_convert(text: object, font: str | None = None) -> Conversion | None:
    """None when the text is already Unicode Vietnamese / plain ASCII / anything that is not legacy text.

    ``font``: the cell's font name when the file format keeps it (".VnTime", ".VnTimeH", "VNI-Times"):
    then the text is converted with that font's table, as the font shows it. Without a legacy font,
    the encoding is detected conservatively (see the module's description).
    """
    if not might_be_legacy(text):
        return None
    encoding = _font_encoding(font)
    if encoding:
        converted = _convert(text, encoding, upper=encoding == "tcvn3" and (font or "").strip().endswith("H"))
        return Conversion(converted, encoding, text) if converted != text else None
    original = _score(text)
    if original[1] == 0:  # every word already reads as Vietnamese (or there is no word)
        return None
    found = []
    for encoding in ("tcvn3", "vni"):
        if not _LEGACY[encoding] & set(text):
            continue
        converted = _convert(text, encoding)
        valid, invalid, letters = _score(converted)
        if (valid > original[0] and invalid * 5 <= valid and letters >= 3
                and not (encoding == "vni" and _VNI_STRAYS & set(converted))):
            found.append((valid - invalid, encoding, converted))
    if len(found) == 2 and found[0][0] == found[1][0]:
        return None  # both readings as plausible: leave the cell alone
    if not found:
        return None
    _, encoding, converted = max(found)
    return Conversion(converted, encoding, text)


def might_be_legacy(text: object) -> TypeGuard[str]:
    """Text beyond ASCII made only of characters an 8-bit font can hold (Latin-1 and Windows-1252's
    0x80–0x9F punctuation): the only text worth a legacy reading, or a look at its cell's font."""
    return isinstance(text, str) and not text.isascii() and all(ord(c) < 0x100 or c in _CP1252_EXTRA for c in text)


def _font_encoding(font: str | None) -> str | None:
    name = (font or "").strip().lower()
    if name.startswith(".vn"):
        return "tcvn3"
    if re.match(r"vni[- ]", name):
        return "vni"
    return None


def _convert(text: str, encoding: str, upper: bool = False) -> str:
    if encoding == "vni":
        converted = _VNI_CODE.sub(lambda m: _VNI_MAP[m.group()], text)
    else:
        converted = text.translate(_TCVN3_MAP)
        converted = converted.upper() if upper else _tcvn3_capitals(text, converted)
    return unicodedata.normalize("NFC", converted)


def _tcvn3_capitals(text: str, converted: str) -> str:
    """.VnTime has no toned capitals: text typed in capitals for a .Vn…H font keeps lower-case codes.

    A text (or else a word) whose cased letters are all capitals, at least two in one word, is
    upper-cased: "NGUYÔN V¡N" is, "Vò Hµ" (Vũ Hà, whose toned letters have no case here) is not.
    TCVN3 maps one character to one, so the words' places are the same in both strings.
    """
    def all_capitals(part: str) -> bool:
        cased = [c for c in part if c in _TCVN3_UPPER or c in _TCVN3_LOWER]
        return len(cased) >= 2 and all(c in _TCVN3_UPPER for c in cased)

    words = list(_WORD.finditer(text))
    if all_capitals(text) and any(all_capitals(word.group()) for word in words):  # not "Vò Hµ" (Vũ Hà)
        return converted.upper()
    parts, end = [], 0
    for word in words:
        parts += [converted[end:word.start()], converted[word.start():word.end()]]
        if all_capitals(word.group()):
            parts[-1] = parts[-1].upper()
        end = word.end()
    return "".join(parts) + converted[end:]


def _score(text: str) -> tuple[int, int, int]:
    """(Vietnamese syllables, other words) among the words of two characters or more that go beyond
    ASCII, and the letters of all the Vietnamese syllables, ASCII ones ("Minh") included.
    A lone "×", "«" or "£" is no evidence either way."""
    valid = invalid = letters = 0
    for word in _WORD.findall(text):
        if len(word) < 2:
            continue
        syllable = _is_syllable(word)
        letters += len(word) if syllable else 0
        if not word.isascii():
            valid, invalid = valid + syllable, invalid + (not syllable)
    return valid, invalid, letters


def _is_syllable(word: str) -> bool:
    """A Vietnamese syllable: known initial, vowel group and final, one tone at its place, a normal case."""
    if not (word.islower() or word.isupper() or word.istitle()) or not set(word) <= _VIET_LETTERS:
        return False
    bare, tones = "", []
    for char in word.lower():
        parts = unicodedata.normalize("NFD", char)
        tones += [(len(bare), c) for c in parts if c in _TONES]
        bare += unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
    if len(tones) > 1:
        return False
    return any(_rhyme(initial, bare[len(initial):len(bare) - len(final)], final,
                      [(at - len(initial), tone) for at, tone in tones])
               for initial in _INITIALS if bare.startswith(initial)
               for final in _FINALS if bare.endswith(final) and len(initial) + len(final) < len(bare))


def _rhyme(initial: str, nucleus: str, final: str, tones: list[tuple[int, str]]) -> bool:
    if not _spelled(initial, nucleus, final):
        return False
    stop = final in ("c", "ch", "p", "t")  # such syllables take sắc or nặng only
    if not tones:
        return not stop
    (at, tone), = tones
    if stop and tone not in "\u0301\u0323":
        return False
    return _tone_placed(at, nucleus, final)


def _spelled(initial: str, nucleus: str, final: str) -> bool:
    """The nucleus may stand with this final (open, closed or either) and the three spell a syllable ("ch", "nh"
    after a front vowel or a; "qu" not before o, u, ư; "y" closed only after "qu")."""
    if not (nucleus in _EITHER or (nucleus in _OPEN and not final) or (nucleus in _CLOSED and final)):
        return False
    return not ((final in ("ch", "nh") and nucleus[-1] not in "aêiy") or (initial == "qu" and nucleus[0] in "ouư")
                or (nucleus == "y" and final and initial != "qu"))


def _tone_placed(at: int, nucleus: str, final: str) -> bool:
    """The tone mark at ``at`` in ``nucleus`` is where Vietnamese writes it."""
    marked = [i for i, c in enumerate(nucleus) if c in "ăâêôơư"]
    if marked:  # the tone sits on the vowel with a mark (on ơ in ươ)
        return at == marked[-1]
    if len(nucleus) == 1:
        return at == 0
    if len(nucleus) == 3 or final:
        return at == 1
    return at == 0 or (at == 1 and nucleus in ("oa", "oe", "uy"))  # "hòa" and "hoà" are both written
