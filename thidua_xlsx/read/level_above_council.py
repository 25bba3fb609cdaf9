"""The officer's pass over the level above's summary (``merge … --council tong-hop-xa.xlsx``): the metadata the
tool wrote says which row of sheet "Danh sách" is which proposal; only the officer's two cells of each are read —
"Đồng ý" unticked with a reason takes the line off. Contained like any book read back."""

from __future__ import annotations

from pathlib import Path

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.issues import Problems
from thidua_xlsx.model.level_above import LEVEL_ABOVE_META_KIND, LevelAbove
from thidua_xlsx.model.titles import Title
from thidua_xlsx.read.containment import read_own_book
from thidua_xlsx.read.registrations import open_book


def read_officer(path: Path, campaign: LevelAbove, problems: Problems) -> dict[tuple, str] | None:
    """Each proposal the officer took off (its key → the reason), or None when ``path`` is not this campaign's level
    above summary (said in ``problems``)."""
    name = Path(path).name
    try:
        data = read_own_book(Path(path), problems, "level_above.council_other", file=name, year="?")
        if data is None:
            return None
        book = open_book(data)
        meta = _meta(book)
        grid = book.get_sheet_by_name(meta["sheet"]).to_python() if meta else None
    except OSError:
        problems.add("file.unreadable", file=name)
        return None
    except Exception:  # calamine raises many kinds on a broken or foreign file: one message
        meta, grid = None, None
    if not meta or meta.get("campaign_id") != campaign.id or meta.get("school_year") != campaign.school_year:
        problems.add("level_above.council_other", file=name, year=(meta or {}).get("school_year", "?"))
        return None
    agree_col, reason_col = meta["columns"]
    removals = {}
    for row, school, kind, who, title in meta["rows"]:
        line = grid[row] if row < len(grid) else []
        agree = cm.clean_text(line[agree_col] if agree_col < len(line) else "")
        why = cm.clean_text(line[reason_col] if reason_col < len(line) else "")
        if agree:
            continue
        if not why:
            problems.add("level_above.needs_reason", "warning", file=name, sheet=meta["sheet"], row=row + 1,
                         name=cm.clean_text(line[1] if len(line) > 1 else who), title=Title(title))
            continue
        removals[(school, kind, who, title)] = why
    return removals


def _meta(book) -> dict | None:
    if ly.META_SHEET not in book.sheet_names:
        return None
    rows = book.get_sheet_by_name(ly.META_SHEET).to_python()
    try:
        data = ly.meta_json([row[0] for row in rows if row], ly.MAX_SUMMARY_META_CHARS)
    except (ValueError, TypeError):
        return None
    if not isinstance(data, dict) or data.get("kind") != LEVEL_ABOVE_META_KIND or data.get("app") != ly.APP_ID:
        return None
    return data
