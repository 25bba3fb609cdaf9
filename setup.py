"""The one thing pyproject.toml cannot say: the C scanner of the sheets' XML (issue 50), built where a compiler is at
hand and left out where none is (``optional``: a secretary's Windows has none; her books are then read by
python-calamine, as before — thidua_xlsx/read/department/own_xml.py)."""

from setuptools import Extension, setup

setup(ext_modules=[Extension("thidua_xlsx.read.department._scan", ["thidua_xlsx/read/department/_scan.c"],
                             optional=True)])
