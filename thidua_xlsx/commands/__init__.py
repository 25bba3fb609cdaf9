"""The commands, one module each (init, generate, merge and year, status, history, collect), each returning the one
Result (model.result) the doors present; the steps they share live in :mod:`thidua_xlsx.steps`, the commune's
commands in :mod:`thidua_xlsx.commune.commands`. Reached through :mod:`thidua_xlsx.service`, which imports them; no
door imports one."""
