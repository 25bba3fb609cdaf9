"""The commune's outputs written as they are made, never whole in memory — each the same text, byte for byte, as the
one made whole: the JSON report (``commune.write._write_json`` against ``json.dumps``), the metadata's record of
every line and its seal (``write.engine.meta_cells`` against ``model.layout.meta_cells``)."""

from __future__ import annotations

import io
import json

import pytest

from tests.commune_fixtures import KEY
from thidua_xlsx.commune.write import _write_json
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.commune import officer_seal
from thidua_xlsx.write.engine import META_BATCH, Streamed, meta_cells, meta_json

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


def _record(rows: int, text: str = "Nguyễn Thị Lan") -> dict:
    return {"kind": "level_above", "campaign_id": "c1", "columns": [5, 6],
            "rows": [[10 + k, f"S{k % 7}", "person", f"{text} {k}", "LDTT", "ab" * 32] for k in range(rows)],
            "held": {"sheet": "Chờ", "rows": [[3, "S1", "person", "P\n\"1\"", "CSTDCS", ""]]}, "removed_rows": []}


@pytest.mark.parametrize("rows", [0, 1, META_BATCH, META_BATCH * 3 + 7], ids=["none", "one", "a batch", "batches"])
def test_a_metadata_record_written_as_it_is_made_is_the_one_made_whole(rows):
    """The commune's record of its lines made a thousand at a time: the same cells as the record made whole (its
    JSON cut in cells of META_CHUNK characters, the last shorter), and the same seal."""
    whole = _record(rows)
    streamed = {**whole, "rows": Streamed(lambda: iter(whole["rows"]))}
    assert list(meta_cells(streamed)) == ly.meta_cells(whole)
    assert "".join(meta_json(streamed)) == json.dumps(whole, ensure_ascii=False, sort_keys=True,
                                                      separators=(",", ":"))
    assert KEY.officer_seal_of(meta_json(streamed)) == officer_seal(KEY, whole)


def test_a_record_whose_json_fills_its_last_cell_has_no_empty_cell_after_it():
    record = {"a": ""}
    body = len(json.dumps(record, separators=(",", ":")))
    record["a"] = "x" * (ly.META_CHUNK * 2 - body)
    cells = list(meta_cells(record))
    assert cells == ly.meta_cells(record) and [len(c) for c in cells[1:]] == [ly.META_CHUNK] * 2
