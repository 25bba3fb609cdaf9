"""The commands, one module each (init, generate, merge and year, status, history, collect, the level above's), each
returning the one Result (model.result) the doors present; with the queries the page shows (overview) and what it
receives (receive). Reached through :mod:`thidua_xlsx.service`, which imports them; no door imports one."""
