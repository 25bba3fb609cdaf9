"""The titles the rules decide. Their names are their identity for now (issue 24: codes next)."""

from __future__ import annotations

LDTT = "Lao động tiên tiến"
CSTDCS = "Chiến sĩ thi đua cơ sở"
TTLDTT = "Tập thể lao động tiên tiến"
TTLDXS = "Tập thể lao động xuất sắc"
