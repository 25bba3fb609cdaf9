"""thidua-xlsx: thi đua – khen thưởng của trường học qua các sổ Excel khóa ô."""

# The release: one number, raised with every release (semantic versioning, docs/compatibility.md), shown by --version,
# on the page's footer, by the installer, in every summary's metadata and in the documents' properties; CHANGELOG.md
# says what each changed. pyproject.toml reads it from here.
__version__ = "0.8.0"
