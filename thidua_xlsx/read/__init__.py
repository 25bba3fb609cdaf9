"""Readers: a returned workbook, a summary, a council's book, a history book read into values, every
file accounted for and nothing trusted but its input cells."""
