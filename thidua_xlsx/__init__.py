"""thidua-xlsx: thi đua – khen thưởng của trường học qua các sổ Excel khóa ô."""

from thidua_xlsx.text.releases import VERSION as __version__  # the one number (text/releases.py)

__all__ = ["__version__"]
