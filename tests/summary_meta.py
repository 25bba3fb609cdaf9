"""A summary's metadata rewritten as the tool would have written it (its digest made again): what another version
writes, or a hand that edits the data and recomputes the unkeyed digest — so that the checks behind the digest are
tried too."""

from __future__ import annotations

from thidua_xlsx.model import layout as ly

DIGEST_SCHEMA = 7  # the first summary layout carrying a digest of its data


def as_written(data: dict) -> dict:
    meta = ly.SummaryMeta.from_json(data)
    return {**data, "digest": ly.content_digest(meta) if meta.schema_version >= DIGEST_SCHEMA else ""}
