"""The campaign presets shipped per school level (workbook_templates/, installed as thidua_xlsx/presets)."""

from __future__ import annotations

import json
from pathlib import Path

from thidua_xlsx.model import campaign as cm


def preset_dir() -> Path:
    package = Path(__file__).parent.parent  # thidua_xlsx/
    installed = package / "presets"
    return installed if installed.is_dir() else package.parent / "workbook_templates"


def load_preset(level: str) -> cm.Campaign:
    path = preset_dir() / f"{level}.json"
    return cm.from_dict(json.loads(path.read_text(encoding="utf-8")))


def json_data(path: Path) -> tuple[object, dict | None]:
    """A data file's JSON (a rule set, a province, an import mapping), or None and where it is wrong (line, column,
    problem), for the caller's own message."""
    try:
        return json.loads(path.read_text(encoding="utf-8")), None
    except json.JSONDecodeError as exc:
        return None, {"line": exc.lineno, "column": exc.colno, "problem": exc.msg}
    except (OSError, UnicodeDecodeError) as exc:
        return None, {"line": 0, "column": 0, "problem": str(exc)}
