"""Checks of what was read against the campaign (validation, which copy of a book is used, the campaign book's own
faults), as problems with codes; nothing decided here."""
