"""The commands, one module each (init, generate, merge and year, status, history, collect, the level above's), each
returning the one Result (model.result) the doors present; the steps they share live in :mod:`thidua_xlsx.steps`.
Reached through :mod:`thidua_xlsx.service`, which imports them; no door imports one."""
