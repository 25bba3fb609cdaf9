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
