"""Issue 40: the commune's outputs written as they are made, never whole in memory — each the same text, byte for
byte, as the one made whole: the JSON report (``write.level_above._write_json`` against ``json.dumps``)."""

from __future__ import annotations

import io
import json

import pytest

from thidua_xlsx.write.level_above import _write_json

VALUES = [
    {},
    {"a": []},
    {"a": (x for x in ())},
    {"schema_version": 3, "kind": "level_above", "report": {"valid": True, "counts": {"files": 2, "errors": 0}},
     "files": ({"name": f"trường {n}.xlsx", "status": "accepted", "reason": "", "sha256": None} for n in range(3)),
     "proposals": ({"school": "S1", "name": "Nguyễn Thị Lan\n\"Anh\"", "votes": n, "members": None, "x": 1.5,
                    "ok": n % 2 == 0, "why": [{"code": "c", "params": {"k": ["v", 2, {}], "e": []}}]}
                   for n in range(4)),
     "empty_dict": {}, "nested_empty": [[], {}], "counts": {"LDTT": {"S1": 2}}, "text": "tab\tand \u2028",
     "held": (x for x in [[1, [2, [3]]], "s", None]), "last": []},
]


@pytest.mark.parametrize("value", VALUES, ids=["empty", "an empty list", "an empty generator", "a report"])
def test_the_json_written_piece_by_piece_is_json_dumps_of_the_whole(value):
    whole = {key: list(v) if hasattr(v, "__next__") else v for key, v in value.items()}
    lazy = {key: iter(v) if isinstance(v, list) and key in ("files", "proposals", "held") else v
            for key, v in whole.items()}
    handle = io.StringIO()
    _write_json(handle, lazy)
    assert handle.getvalue() == json.dumps(whole, ensure_ascii=False, indent=1)
