"""What the tests read of a decision."""

from __future__ import annotations

from thidua_xlsx.model.evaluation import PROVISIONAL
from thidua_xlsx.model.results import Decision


def is_provisional(decision: Decision) -> bool:
    """``decision`` rests on a computed rating, not a decided one (the title rules end it with
    :data:`~thidua_xlsx.model.evaluation.PROVISIONAL`)."""
    return any(r.code == PROVISIONAL for r in decision.reasons)
