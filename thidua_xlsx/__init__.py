"""thidua-xlsx: thi đua – khen thưởng của trường học qua các sổ Excel khóa ô."""

__version__ = "0.1.0"
