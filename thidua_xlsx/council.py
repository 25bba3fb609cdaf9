"""The council's word over the tool's proposal: its scores, decisions and notes read back from the
summary it met with, and what they changed (pure once read)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CouncilChange:
    """One line of the change log: the council changed ``what`` of a person (or a department)."""

    code: str
    name: str
    what: str  # a code: "score", "title", "vote", "tie"
    before: str
    after: str
    note: str  # what the council typed as its reason
    against_rule: bool = False  # accepted only because a note was given; flagged
