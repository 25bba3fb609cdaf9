"""``python -m thidua_xlsx`` (``py -m thidua_xlsx`` on Windows): the same program as ``thidua-xlsx``."""
from thidua_xlsx.cli import run

run()
