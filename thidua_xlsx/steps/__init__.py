"""The steps the commands share, between the papers and the doors: the campaign folder found and opened
(workspace, opening), an inbox read on every core and checked (parallel, reading), a commune's schools read
(level_above), what a run writes checked and held before any work (outputs) and written once decided (deliver), a
file brought in by the page or the mail filed (intake, receive), the council's and the officer's words kept
(decisions, officer), what the page shows (overview, summaries), and what carries across releases (carried,
updated). No step imports a command or a door."""
