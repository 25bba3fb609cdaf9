#!/bin/sh
# thidua-xlsx: mo trang thi dua
cd "$(dirname "$0")" || exit 1
PYTHON='/work/main/.venv/bin/python'
if [ -x "$PYTHON" ]; then exec "$PYTHON" -m thidua_xlsx ui "$(pwd)"; fi
if command -v thidua-xlsx >/dev/null 2>&1; then exec thidua-xlsx ui "$(pwd)"; fi
echo 'Không tìm thấy chương trình thidua-xlsx trên máy này. Hãy cài lại (pip install thidua-xlsx) rồi bấm đúp lại tệp này.'
printf '%s' '…'; read -r _
exit 1
