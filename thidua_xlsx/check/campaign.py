"""Checks of a loaded campaign that warn without refusing: leftovers of another school.

``init`` fills campaign.xlsx with a sample school (each preset in ``workbook_templates/`` has
one: "Trường Tiểu học Trực Cường", "Trường THCS Kim Sơn", …). A secretary renames the school in
sheet "Trường" but may leave a line of sheet "Căn cứ" ("… Kế hoạch số 25/KH-THTC … của Trường
Tiểu học Trực Cường …") or an e-mail (``tokhoi1.thtruccuong@…``) of the sample school; the
proposal documents would then cite another school's plan. :func:`stale_school_warnings` finds:

* a legal-basis line naming a school ("Trường"/"trường" followed by a school level — Tiểu học,
  Mầm non, THCS, THPT, TH, PT DTNT … — and a name) whose name is not the campaign's own;
* a legal-basis line or an e-mail (recipient's, departments') containing the distinctive words
  of a preset's sample school ("Trực Cường", ``truccuong``) while the campaign's school is
  another one.

To keep false positives low: "trường" is a school only when a school level follows it ("trường
hợp", "môi trường", "Lê Trường Giang" are not); two names are the same school when their
distinctive words (the name without "Trường" and the level words, so "TH" and "Tiểu học" are
alike) agree, one continuing the other; laws, decrees, "Sở GD&ĐT" name no school; and a sample's
words are fine wherever the campaign's own school, managing body, place or recipient also has them
(a school of the same commune). A school named without a level ("Trường Nguyễn Du") is not seen.

The check is pure (a campaign and the sample names in, warnings out); :func:`sample_school_names`
is the one place that reads the presets.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections.abc import Iterable

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model.campaign_book import DEPARTMENTS_SHEET, LEGAL_SHEET, SCHOOL_FIELDS, SCHOOL_SHEET
from thidua_xlsx.model.issues import WARNING, Issue, issue
from thidua_xlsx.read.presets import preset_dir

# Words of a school's level (casefolded): dropped when comparing names, so "TH" and "Tiểu học" agree.
LEVEL_WORDS = frozenset({
    "tiểu", "học", "mầm", "non", "mẫu", "giáo", "nhà", "trẻ", "trung", "cơ", "sở", "phổ", "thông", "liên",
    "cấp", "dân", "tộc", "nội", "trú", "bán", "và", "số", "th", "thcs", "thpt", "mn", "mg", "pt", "ptcs",
    "ptth", "ptdtnt", "ptdtbt", "dtnt", "dtbt", "trường",
})
# The word right after "Trường" that makes it a school: a level (not "hợp", "Sa", "Giang"…).
LEVEL_STARTS = frozenset({
    "tiểu", "mầm", "mẫu", "nhà", "trung", "phổ", "liên", "th", "thcs", "thpt", "mn", "mg", "pt", "ptcs", "ptth",
    "ptdtnt", "ptdtbt", "dtnt", "dtbt",
})
_SCHOOL_WORD = re.compile(r"(?<!\w)trường(?!\w)", re.IGNORECASE)  # also "TRƯỜNG" in a title line
_TOKEN = re.compile(r"\S+")
_EDGE = "\"'“”‘’()[]{},;:.!?…"


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _fold(text: str) -> str:
    """'Trực Cường' → 'truccuong': how a name is written in an e-mail address."""
    text = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    return "".join(ch for ch in text.casefold() if ch.isascii() and ch.isalnum())


def _school_after(text: str) -> list[str]:
    """The words of a school name right after "Trường" in ``text`` (its level first), or [].

    Level words, then capitalised words or numbers (the name); stops at punctuation or at an
    ordinary word ("về", "năm"). [] when no school level follows."""
    words: list[str] = []
    named = False
    for match in _TOKEN.finditer(text):
        token = match.group()
        core = token.rstrip(_EDGE)
        if not core or core[0] in _EDGE:
            break
        parts = [p for p in core.split("&") if p]
        folded = [p.casefold() for p in parts]
        if not words and (not folded or folded[0] not in LEVEL_STARTS):
            return []
        if not named and all(f in LEVEL_WORDS for f in folded):
            words.append(core)
        elif core[0].isupper() or core[0].isdigit():
            named = True
            words.append(core)
        else:
            break
        if core != token:  # punctuation after the word ends the name
            break
    return words if named else []


def distinctive(name: str) -> tuple[str, ...]:
    """The words that tell a school from another: 'Trường TH số 1 Trực Cường' → ('1', 'trực', 'cường')."""
    return tuple(w for w in (part.casefold() for word in _nfc(name).split() for part in word.split("&"))
                 if w and w not in LEVEL_WORDS)


def _same_school(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return bool(a and b) and (a[:len(b)] == b or b[:len(a)] == a)


def schools_named(line: str) -> list[str]:
    """Every school named in ``line``, as written ("Trường Tiểu học Trực Cường")."""
    line = _nfc(line)
    found = []
    for match in _SCHOOL_WORD.finditer(line):
        words = _school_after(line[match.end():])
        if words:
            found.append(" ".join([match.group(), *words]))
    return found


def _phrase(words: tuple[str, ...]) -> re.Pattern:
    return re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, words)) + r"(?!\w)", re.IGNORECASE)


def _mentions(texts: Iterable[str], words: tuple[str, ...]) -> bool:
    pattern = _phrase(words)
    return any(pattern.search(_nfc(t)) for t in texts if t)


def _in_email(email: str, folded: str) -> bool:
    """``folded`` in the address, not followed by a letter ('kimthu@', not 'kimthuy@')."""
    address = email.casefold()
    start = address.find(folded)
    while start != -1:
        end = start + len(folded)
        if end == len(address) or not address[end].isalpha():
            return True
        start = address.find(folded, start + 1)
    return False


def stale_school_warnings(campaign: cm.Campaign, sample_schools: Iterable[str], file: str = "") -> tuple[Issue, ...]:
    """Warnings for legal-basis lines and e-mails that still name another school (see the module).

    ``sample_schools``: the names of the presets' sample schools. One warning per line or e-mail."""
    school = campaign.school
    own = distinctive(school.name)
    own_texts = (school.name, school.managing_body, school.place, school.recipient)
    own_folded = [_fold(t) for t in own_texts if t]
    samples = []  # (name, its distinctive words as written, folded) of the samples that are not this school
    for name in sample_schools:
        words = tuple(w for w in _nfc(name).split() if w.casefold() not in LEVEL_WORDS)
        folded = _fold(" ".join(words))
        if words and not _same_school(own, distinctive(name)) and not _mentions(own_texts, words) \
                and not any(folded in text for text in own_folded):
            samples.append((name, words, folded))
    found: list[Issue] = []
    for line in campaign.legal_basis:
        others = [s for s in schools_named(line) if own and not _same_school(own, distinctive(s))]
        sample = next((s for s in samples if _mentions([line], s[1])), None)
        if others:
            found.append(issue("campaign.legal_other_school", WARNING, file=file, sheet=LEGAL_SHEET, line=line,
                               found=others[0], school=school.name))
        elif sample is not None:
            found.append(issue("campaign.legal_sample_school", WARNING, file=file, sheet=LEGAL_SHEET, line=line,
                               found=" ".join(sample[1]), sample=sample[0], school=school.name))
    emails = [(school.recipient_email, school.recipient or _label("recipient_email"), SCHOOL_SHEET)]
    emails += [(d.email, d.name, DEPARTMENTS_SHEET) for d in campaign.departments]
    for email, owner, sheet in emails:
        sample = next((s for s in samples if email and _in_email(email, s[2])), None)
        if sample is not None:
            found.append(issue("campaign.email_sample_school", WARNING, file=file, sheet=sheet, email=email,
                               owner=owner, sample=sample[0], school=school.name))
    return tuple(found)


def _label(key: str) -> str:
    return next(f.label for f in SCHOOL_FIELDS if f.key == key)


@functools.lru_cache(maxsize=1)
def sample_school_names() -> tuple[str, ...]:
    """The sample school of every preset (``workbook_templates/*.json``), read once."""
    names = []
    for path in sorted(preset_dir().glob("*.json")):
        name = json.loads(path.read_text(encoding="utf-8")).get("school", {}).get("name")
        if name:
            names.append(cm.clean_text(name))
    return tuple(names)
