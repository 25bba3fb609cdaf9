"""The words: every Vietnamese string a user reads (messages, labels, papers' wording), by code; no logic."""
