"""The steps the commands share, between the papers and the doors: the campaign folder found and opened
(workspace, opening), an inbox read on every core and checked (parallel, reading), what a run writes checked and
held before any work (outputs) and written once decided (deliver), a file brought in by the page or the mail filed
(intake, receive), the council's words kept (decisions), what the page shows (overview, summaries), and what carries
across releases (carried, updated). The commune's steps are in :mod:`thidua_xlsx.commune`. No step imports a command
or a door."""
