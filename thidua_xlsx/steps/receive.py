"""What the page receives: the books dropped on a round (each filed by the codes inside it, as ``collect`` files a
mail's) and the council's summary uploaded (waiting in ``hoi-dong/cu/`` until the merge that applies it keeps it with
its round; never replacing anything)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from thidua_xlsx.model.errors import Refused
from thidua_xlsx.model.issues import issue
from thidua_xlsx.model.places import Places
from thidua_xlsx.model.received import REFUSED, WORKBOOK_SUFFIXES, Filed, Received
from thidua_xlsx.steps.intake import Intake
from thidua_xlsx.system.files import replacing
from thidua_xlsx.system.voice import vietnam_now
from thidua_xlsx.system.written import free_name


def file_uploads(intake: Intake, uploads: list[tuple[str, bytes]], expected: tuple[str, str] | None,
                 via: str) -> list[Filed]:
    """Each of ``uploads`` (name, bytes) filed by ``intake`` by the codes inside it (into the inbox of its own round
    and period; with ``expected``, a book of another round or period filed all the same, noted); what became of each
    (a file of 0 bytes refused before the intake, a dropped upload that never arrived whole)."""
    received = Received(date=vietnam_now().astimezone(dt.timezone.utc).isoformat(timespec="seconds"), via=via)
    filed: list[Filed] = []
    for name, data in uploads:
        if not data:
            filed.append(Filed(name, REFUSED, problem=issue("ui.upload_empty", file=name)))
            continue
        filed.extend(intake.file(name, data, received, expected=expected))
    return filed


def council_upload(folder: Path, name: str) -> Path:
    """Where the council's summary uploaded as ``name`` waits in ``hoi-dong/cu/`` for the merge that applies it (which
    keeps it with its round: :mod:`thidua_xlsx.steps.decisions`): a name of its own, nothing replaced. Nothing is
    written here: the page writes it (:func:`keep_council`) only once its merge is sure to start. Refused when it is
    no workbook."""
    suffix = Path(name).suffix.lower()
    if suffix not in WORKBOOK_SUFFIXES:
        raise Refused(issue("ui.council_not_workbook", file=name).message)
    return free_name(Places(folder).council_upload(suffix), lambda p: not p.exists())


def keep_council(path: Path, data: bytes) -> None:
    """The council's summary uploaded written whole at ``path`` (:func:`council_upload`)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with replacing(path) as tmp:
        tmp.write_bytes(data)
