"""The rule sets' data files (``workbook_templates/quy-tac/*.json``: the national texts; ``workbook_templates/
tinh/<province>.json``: one per province; installed with the presets) read into model.rule_set values, and laid
on a campaign as it loads. A broken file is a problem naming the file and the key, never a traceback; the format
is in workbook_templates/SCHEMA.md. Adding a province is adding a file.

Said wherever the campaign is opened: two texts of one file in force at once for a rule (:func:`conflicts_opened`,
see model.rule_set on which applies, and why it is said, not refused) and a day picking the rule set more than a year
after the school year ends (:func:`reference_day_far`: a year typed wrong, 01/01/2099)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import rule_set as rset
from thidua_xlsx.model.campaign_book import SCHOOL_FIELDS, SCHOOL_SHEET
from thidua_xlsx.model.issues import WARNING, Issue, Problems, issue
from thidua_xlsx.model.layout import ascii_slug
from thidua_xlsx.read.presets import DataFileError, preset_dir, read_data_file
from thidua_xlsx.text.messages.untidy import (
    CONFLICT_BY_ORDER,
    CONFLICT_LATER,
    REFERENCE_DAY_WHAT,
    TEXT_IN_FORCE,
    TEXT_ISSUED,
    TEXT_NUMBERED,
)
from thidua_xlsx.text.rule_sets import EXPECTED, NATIONAL, NATIONAL_FILE, RULE_WORDS, SCHOOL_RULES_CITATION

NATIONAL_DIR, PROVINCE_DIR = "quy-tac", "tinh"
TOP_KEYS = {"name", "texts", "rules", "deadlines", "notes"}
TEXT_KEYS = {"key", "number", "name", "short", "issued", "in_force_from", "in_force_until", "recheck", "note",
             "rests_on", "amends"}
DEADLINE_KEYS = {"what", "before", "text", "article"}


def national_source(problems: Problems, folder: Path | None = None) -> rset.Source | None:
    """Every file of ``quy-tac/`` read into one source (their texts and rules in file-name order)."""
    folder = folder or preset_dir() / NATIONAL_DIR
    read = [_read(path, problems) for path in sorted(folder.glob("*.json"))]
    sources = [s for s in read if s is not None]
    if not read or len(sources) < len(read):
        return None
    rules: dict[str, tuple[rset.RuleEntry, ...]] = {}
    for source in sources:
        for key, entries in source.rules:
            rules[key] = rules.get(key, ()) + entries
    return rset.Source("", "", tuple(t for s in sources for t in s.texts), tuple(rules.items()),
                     tuple(d for s in sources for d in s.deadlines), tuple(n for s in sources for n in s.notes))


def province_files(folder: Path | None = None) -> dict[str, Path]:
    """Each province file by its code (file name without .json)."""
    folder = folder or preset_dir() / PROVINCE_DIR
    return {path.stem: path for path in sorted(folder.glob("*.json"))}


def province_names(folder: Path | None = None) -> tuple[str, ...]:
    """The dropdown of campaign.xlsx: the national default, then each readable province by name."""
    names = [source.province for path in province_files(folder).values()
             if (source := _read(path, Problems())) is not None]
    return (NATIONAL, *sorted(names))


def province_source(picked: str, problems: Problems, folder: Path | None = None, file: str = ""
                    ) -> rset.Source | None:
    """The province the secretary picked (by its name in the file, or its file's code; accents and case aside),
    or None with the problem said: a file that does not read, or no file for it."""
    files = province_files(folder)
    wanted = ascii_slug(picked).lower()
    path = files.get(wanted)
    if path is None:
        for candidate in files.values():
            source = _read(candidate, Problems())
            if source is not None and ascii_slug(source.province).lower() == wanted:
                path = candidate
    if path is None:
        problems.add("rule_set.province_unknown", file=file, sheet=SCHOOL_SHEET, value=picked,
                     choices=", ".join(province_names(folder)))
        return None
    return _read(path, problems)


def with_rule_set(campaign: cm.Campaign, problems: Problems, today: dt.date, file: str = "",
                  folder: Path | None = None, cell: str = "") -> cm.Campaign:
    """``campaign`` with the rule set of its reference date laid on (:func:`thidua_xlsx.model.rule_set.applied`),
    and, when it has periods, the rule set of its year's rating: picked for the day its last period ends (the
    year is rated by the texts of its periods, whatever the day its file is sent). A data file that does not read,
    or a province with no file, is an error: the campaign is not used, its rules would be guessed. Two texts of a
    file in force at once for a rule the campaign's rule sets decide are a warning here, wherever the campaign is
    opened (:func:`conflicts_opened`, at ``cell``: sheet Trường's province); what else the rule set changed, ended
    or set aside is said by check.campaign.rule_set_warnings."""
    root = folder or preset_dir()
    national = national_source(problems, root / NATIONAL_DIR)
    picked = campaign.school.province
    province = None
    if picked and picked != NATIONAL:
        province = province_source(picked, problems, root / PROVINCE_DIR, file)
    if national is None or (picked and picked != NATIONAL and province is None):
        return campaign
    day, day_from = rset.reference_date(campaign.school.filing_date, campaign.school.scoring_deadline, today)
    year = rset.pick(national, province, max(p.end for p in campaign.periods), rset.FROM_PERIODS) \
        if campaign.periods else None
    rules, rule_set = rset.applied(campaign.rules, rset.pick(national, province, day, day_from), SCHOOL_RULES_CITATION,
                                 year)
    problems.extend(conflicts_opened(rule_set, file, cell))
    return dataclasses.replace(campaign, rules=rules, rule_set=rule_set)


def conflicts_opened(rule_set: rset.RuleSet, file: str = "", cell: str = "") -> list[Issue]:
    """Each rule two texts of one file or more decide at once on its rule set's day (model.rule_set.Conflict), for the
    rules that rule set governs (:func:`~thidua_xlsx.model.rule_set.governing`), as a warning naming every text, the
    one applied and why: issued later (the law on legal texts), or the first listed where the dates do not tell.
    Said by every command that opens the campaign — ``merge`` (the head's and the council's pass too), ``year``,
    ``status``, ``generate``."""
    return [issue("rule_set.conflict_opened", WARNING, file=file, sheet=SCHOOL_SHEET, cell=cell,
                  where=c.province or NATIONAL_FILE, rule=RULE_WORDS[c.rule], count=1 + len(c.others),
                  day=picked.day.strftime("%d/%m/%Y"), texts="; ".join(_named(t) for t in (c.applied, *c.others)),
                  applied=c.applied.short, why=CONFLICT_BY_ORDER if c.by_order else CONFLICT_LATER)
            for picked, governs in rset.governing(rule_set) for c in picked.conflicts if c.rule in governs]


def _named(text: rset.LegalText) -> str:
    """A text by its short name and its number, issued or in force from (as the file gives them)."""
    named = text.short if text.number in text.short else TEXT_NUMBERED.format(short=text.short, number=text.number)
    day = text.issued or text.in_force_from
    if day is None:
        return named
    return (TEXT_ISSUED if text.issued else TEXT_IN_FORCE).format(named=named, day=day.strftime("%d/%m/%Y"))


# A file is sent within its school year or soon after (the year's rating is closed by 5 December: NĐ 233/2026 điều 15
# khoản 1 điểm b; the commune decides in the months after); the day that picks the rule set more than this many days
# after the school year's last day (31 July) belongs to no file of that year: a year typed wrong (2099, 2062).
FAR_AFTER_YEAR_DAYS = 365


def reference_day_far(campaign: cm.Campaign, file: str = "", cells: dict[str, str] | None = None) -> list[Issue]:
    """A warning at its cell (sheet Trường) when the day that picks the campaign's rule set — its "Ngày gửi hồ sơ",
    else its scoring deadline (model.rule_set.reference_date) — is more than a year after its school year ends: the
    texts applied and cited are that day's. Nothing when the day is today's (no date typed) or the year unknown."""
    rule_set, days = campaign.rule_set, cm.school_year_days(campaign.school.school_year)
    if rule_set is None or days is None or rule_set.day_from not in REFERENCE_DAY_WHAT:
        return []
    end = days[1]
    if (rule_set.day - end).days <= FAR_AFTER_YEAR_DAYS:
        return []
    key = rule_set.day_from
    return [issue("campaign.reference_day_far", WARNING, file=file, sheet=SCHOOL_SHEET,
                  cell=(cells or {}).get(key, ""), field=next(f.label for f in SCHOOL_FIELDS if f.key == key),
                  day=rule_set.day.strftime("%d/%m/%Y"), year=campaign.school.school_year,
                  end=end.strftime("%d/%m/%Y"), what=REFERENCE_DAY_WHAT[key])]


# --- one file ------------------------------------------------------------------------------------------------


def _read(path: Path, problems: Problems) -> rset.Source | None:
    return read_data_file(path, problems, "rule_set.bad_json", _converted)


def _converted(data, path: Path) -> rset.Source:
    return _source(data, path.name, path.stem, national=path.parent.name == NATIONAL_DIR)


def _source(data, file: str, code: str, national: bool) -> rset.Source:
    _object(data, file, "", TOP_KEYS, required=("texts",) if national else ("name", "texts"))
    texts = tuple(_text(t, file, f"texts[{i}]") for i, t in enumerate(_list(data["texts"], file, "texts")))
    keys = {t.key for t in texts}
    rules = _object(data.get("rules", {}), file, "rules", set(rset.RULE_KEYS))
    entries = tuple((rule, tuple(_entry(rule, e, file, f"rules.{rule}[{i}]", keys)
                                 for i, e in enumerate(_list(value, file, f"rules.{rule}"))))
                    for rule, value in rules.items())
    deadlines = tuple(_deadline(d, file, f"deadlines[{i}]", keys)
                      for i, d in enumerate(_list(data.get("deadlines", []), file, "deadlines")))
    notes = tuple(_string(n, file, f"notes[{i}]") for i, n in enumerate(_list(data.get("notes", []), file, "notes")))
    name = "" if national else _string(data["name"], file, "name")
    return rset.Source(name, "" if national else code, texts, entries, deadlines, notes)


def _object(value, file: str, where: str, known: set[str], required=()) -> dict:
    if not isinstance(value, dict):
        raise DataFileError("rule_set.bad_value", file=file, key=where or EXPECTED["whole_file"], value=_shown(value),
                      expected=EXPECTED["object"])
    for key in value:
        if key not in known:
            raise DataFileError("rule_set.unknown_key", file=file, key=_join(where, key), known=", "
                                                                                                "".join(sorted(known)))
    for key in required:
        if key not in value:
            raise DataFileError("rule_set.missing_key", file=file, key=_join(where, key))
    return value


def _list(value, file: str, where: str) -> list:
    if not isinstance(value, list):
        raise DataFileError("rule_set.bad_value", file=file, key=where, value=_shown(value), expected=EXPECTED["list"])
    return value


def _string(value, file: str, where: str) -> str:
    if not isinstance(value, str) or not cm.clean_text(value):
        raise DataFileError("rule_set.bad_value", file=file, key=where, value=_shown(value), expected=EXPECTED["text"])
    return cm.clean_text(value)


def _date(value, file: str, where: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise DataFileError("rule_set.bad_value", file=file, key=where, value=_shown(value),
                      expected=EXPECTED["date"]) from None


def _number(value, file: str, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 100:
        raise DataFileError("rule_set.bad_value", file=file, key=where, value=_shown(value),
                            expected=EXPECTED["number"])
    return value


def _text(value, file: str, where: str) -> rset.LegalText:
    v = _object(value, file, where, TEXT_KEYS, required=("key", "number", "name", "short", "in_force_from"))
    text = rset.LegalText(
        _string(v["key"], file, f"{where}.key"), _string(v["number"], file, f"{where}.number"),
        _string(v["name"], file, f"{where}.name"), _string(v["short"], file, f"{where}.short"),
        _date(v.get("issued"), file, f"{where}.issued"), _date(v["in_force_from"], file, f"{where}.in_force_from"),
        _date(v.get("in_force_until"), file, f"{where}.in_force_until"),
        cm.clean_text(v.get("recheck")), cm.clean_text(v.get("note")),
        _keys(v.get("rests_on", []), file, f"{where}.rests_on"), _keys(v.get("amends", []), file, f"{where}.amends"))
    if text.in_force_from and text.in_force_until and text.in_force_until < text.in_force_from:
        raise DataFileError("rule_set.bad_value", file=file, key=f"{where}.in_force_until", value=v["in_force_until"],
                      expected=EXPECTED["until"])
    return text


def _keys(value, file: str, where: str) -> tuple[str, ...]:
    """Keys of other texts (``rests_on``, ``amends``); one the files do not list is not judged by it."""
    return tuple(_string(k, file, f"{where}[{i}]") for i, k in enumerate(_list(value, file, where)))


def _entry(rule: str, value, file: str, where: str, texts: set[str]) -> rset.RuleEntry:
    allowed = set(rset.VALUE_KEYS.get(rule, ()))
    v = _object(value, file, where, {"text", "article"} | allowed, required=("text", "article"))
    text = _string(v["text"], file, f"{where}.text")
    if text not in texts:
        raise DataFileError("rule_set.unknown_text", file=file, key=f"{where}.text", value=text)
    values: list[tuple[str, object]] = []
    for key in sorted(allowed & set(v)):
        raw, at = v[key], f"{where}.{key}"
        if key == "at_least":
            if not isinstance(raw, bool):
                raise DataFileError("rule_set.bad_value", file=file, key=at, value=_shown(raw),
                                    expected=EXPECTED["bool"])
            values.append((key, raw))
        elif key == "bands":
            values.append((key, _bands(raw, file, at)))
        elif key == "disciplined":  # the article of a scale's KHTNV for any discipline in the year
            values.append((key, _string(raw, file, at)))
        elif key == "groups":
            values.append((key, tuple(_number(g, file, f"{at}[{i}]") for i, g in enumerate(_list(raw, file, at)))))
        else:
            values.append((key, _number(raw, file, at)))
    return rset.RuleEntry(rule, text, _string(v["article"], file, f"{where}.article"), tuple(values))


def _bands(raw, file: str, where: str) -> tuple[rset.Band, ...]:
    bands = []
    for i, band in enumerate(_list(raw, file, where)):
        at = f"{where}[{i}]"
        v = _object(band, file, at, {"rating", "from", "above"}, required=("rating",))
        if v["rating"] not in cm.RATINGS[:3]:
            raise DataFileError("rule_set.bad_value", file=file, key=f"{at}.rating", value=_shown(v["rating"]),
                          expected=", ".join(cm.RATINGS[:3]))
        if ("from" in v) == ("above" in v):
            raise DataFileError("rule_set.missing_key", file=file, key=f"{at}.from | {at}.above")
        low = "above" if "above" in v else "from"
        bands.append(rset.Band(v["rating"], _number(v[low], file, f"{at}.{low}"), low == "above"))
    if [b.name for b in bands] != list(cm.RATINGS[:len(bands)]) or \
            any(b.min <= after.min for b, after in zip(bands, bands[1:])):
        raise DataFileError("rule_set.bad_value", file=file, key=where, value=_shown(raw),
                      expected=EXPECTED["bands"])
    return tuple(bands)


def _deadline(value, file: str, where: str, texts: set[str]) -> rset.Deadline:
    v = _object(value, file, where, DEADLINE_KEYS, required=tuple(sorted(DEADLINE_KEYS)))
    before = _string(v["before"], file, f"{where}.before")
    try:
        day, month = (int(part) for part in before.split("/"))
        dt.date(2024, month, day)  # a leap year: 29/2 is a day
    except ValueError:
        raise DataFileError("rule_set.bad_value", file=file, key=f"{where}.before", value=before,
                      expected=EXPECTED["day_month"]) from None
    text = _string(v["text"], file, f"{where}.text")
    if text not in texts:
        raise DataFileError("rule_set.unknown_text", file=file, key=f"{where}.text", value=text)
    return rset.Deadline(_string(v["what"], file, f"{where}.what"), month, day, text,
                       _string(v["article"], file, f"{where}.article"))


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def _shown(value) -> str:
    return json.dumps(value, ensure_ascii=False)[:60]
