"""The Open XML validator (openxml-audit, Excel's rules, Office 2010 level) as the tests call it, and the findings
accepted for what we write (why each is accepted: tests/write/test_openxml_audit.py's docstring)."""

from __future__ import annotations

import re

import openxml_audit

ACCEPTED_FOR_STREAMED = (("semantic", re.compile(r"inline-string cell\(s\) .* no populated `xl/sharedStrings.xml`")),)
ACCEPTED_FOR_OPENPYXL = (*ACCEPTED_FOR_STREAMED, ("schema", re.compile(r"Unexpected element '\w+' found")))


def findings(path) -> list:
    validator = openxml_audit.OpenXmlValidator(file_format=openxml_audit.FileFormat.OFFICE_2010)
    return list(validator.validate(str(path)).errors)


def describe(findings) -> list[str]:
    return [f"{f.error_type.value} {f.part_uri} {f.path}: {f.description[:200]}" for f in findings]


def unaccepted_findings(path, accepted=ACCEPTED_FOR_STREAMED) -> list[str]:
    """The validator's findings on ``path`` but those ``accepted`` (why: tests/write/test_openxml_audit.py)."""
    return describe([f for f in findings(path) if not any(f.error_type.value == kind and pattern.search(f.description)
                                                          for kind, pattern in accepted)])
