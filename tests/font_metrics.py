"""The advance widths of a TrueType font read from its file (its 'cmap' format 4 and 'hmtx' tables), with nothing but
the standard library: what the width table of thidua_xlsx.write.engine is checked against (Liberation Serif, the
metric twin of Times New Roman, from fonts-liberation2)."""

from __future__ import annotations

import struct
from pathlib import Path

LIBERATION_SERIF = Path("/usr/share/fonts/truetype/liberation2")


def advances(path: Path) -> tuple[int, dict[str, int]]:
    """(units per em, character → advance width in font units) of the TrueType font at ``path``."""
    data = path.read_bytes()
    tables = {}
    for k in range(struct.unpack(">H", data[4:6])[0]):
        tag, _, offset, _ = struct.unpack(">4sIII", data[12 + 16 * k:28 + 16 * k])
        tables[tag.decode("latin-1")] = offset
    units = struct.unpack(">H", data[tables["head"] + 18:tables["head"] + 20])[0]
    metrics = struct.unpack(">H", data[tables["hhea"] + 34:tables["hhea"] + 36])[0]
    widths = [struct.unpack(">H", data[tables["hmtx"] + 4 * k:tables["hmtx"] + 4 * k + 2])[0] for k in range(metrics)]
    glyphs = _cmap(data, tables["cmap"])
    return units, {chr(code): widths[min(glyph, metrics - 1)] for code, glyph in glyphs.items()}


def _cmap(data: bytes, cmap: int) -> dict[int, int]:
    """Character code → glyph of the font's Windows Unicode (format 4) subtable."""
    found: dict[int, int] = {}
    for k in range(struct.unpack(">H", data[cmap + 2:cmap + 4])[0]):
        platform, _, offset = struct.unpack(">HHI", data[cmap + 4 + 8 * k:cmap + 12 + 8 * k])
        sub = cmap + offset
        if platform != 3 or struct.unpack(">H", data[sub:sub + 2])[0] != 4:
            continue
        span = struct.unpack(">H", data[sub + 6:sub + 8])[0]
        count = span // 2
        ends = struct.unpack(f">{count}H", data[sub + 14:sub + 14 + span])
        starts = struct.unpack(f">{count}H", data[sub + 16 + span:sub + 16 + 2 * span])
        deltas = struct.unpack(f">{count}h", data[sub + 16 + 2 * span:sub + 16 + 3 * span])
        at = sub + 16 + 3 * span
        ranges = struct.unpack(f">{count}H", data[at:at + span])
        for s in range(count):
            for code in range(starts[s], ends[s] + 1):
                if code == 0xFFFF:
                    continue
                if ranges[s] == 0:
                    glyph = (code + deltas[s]) & 0xFFFF
                else:
                    p = at + 2 * s + ranges[s] + 2 * (code - starts[s])
                    glyph = struct.unpack(">H", data[p:p + 2])[0]
                    glyph = (glyph + deltas[s]) & 0xFFFF if glyph else 0
                found[code] = glyph
    return found
