#!/bin/sh
# thidua-xlsx uninstaller for macOS and Linux: the secretary double-clicks it beside the installer (macOS:
# Go-cai-dat-thi-dua.command, which Terminal runs; Linux: go-cai-dat-thi-dua.sh). Windows has Go-cai-dat-thi-dua.bat.
# The two POSIX files are one text (tests/test_installer.py checks they are the same): edit one, copy it onto the other.
#
# It removes what cai-dat-thi-dua.sh and the program made, and nothing else: $XDG_DATA_HOME/thidua-xlsx (the program's
# venv, the remembered folder, the fingerprint, pip's log), the program's cache (the LibreOffice profile kept for the
# papers: $XDG_CACHE_HOME/thidua-xlsx on Linux, ~/Library/Caches/thidua-xlsx on macOS), the "Thi đua" shortcut — Linux thi-dua.desktop on the desktop and in
# the applications menu, macOS "Thi đua.command" on ~/Desktop — each only when it is the installer's (its marker line).
# Never a campaign folder: the books stay, and the Mo-trang-thi-dua files in them, which then say the program is gone
# and which file to double-click to install it again. It asks first (c and Enter: remove; Enter alone: nothing).
#
# Environment, for tests (the secretary sets none): THIDUA_KHONG_HOI=1 (no question: remove; no pause), and the
# usual HOME, XDG_DATA_HOME, XDG_CACHE_HOME, XDG_DESKTOP_DIR.

set -u

KHONG_HOI=
[ "${THIDUA_KHONG_HOI:-}" = 1 ] && KHONG_HOI=1
HE=$(uname -s 2>/dev/null) || HE=
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
DU_LIEU=$DATA/thidua-xlsx
if [ "$HE" = Darwin ]; then BO_NHO_TAM=$HOME/Library/Caches/thidua-xlsx
else BO_NHO_TAM=${XDG_CACHE_HOME:-$HOME/.cache}/thidua-xlsx
fi

noi() { printf '%s\n' "$@"; }

dong_cua_so() {
  [ -n "$KHONG_HOI" ] && return 0
  printf '%s' 'Nhấn Enter để đóng cửa sổ này.'
  read -r _ || true
}

cua_minh() {  # cua_minh FILE MARKER: FILE is there and is the installer's
  [ -f "$1" ] && grep -q -- "$2" "$1" 2>/dev/null
}

noi 'GỠ CHƯƠNG TRÌNH THI ĐUA – KHEN THƯỞNG (thidua-xlsx) KHỎI MÁY NÀY' '' \
  'Sẽ gỡ: chương trình, lối tắt "Thi đua" trên màn hình nền, và những gì chương trình ghi nhớ trên máy.' \
  'Giữ nguyên: mọi thư mục chiến dịch và sổ sách trong đó.'
if [ -s "$DU_LIEU/thu-muc.txt" ]; then
  IFS= read -r THU_MUC < "$DU_LIEU/thu-muc.txt" || true
  noi "Thư mục chiến dịch dùng lần trước, được giữ nguyên: ${THU_MUC:-}"
fi
noi ''
if [ -z "$KHONG_HOI" ]; then
  printf '%s' 'Gõ c rồi nhấn Enter để gỡ, chỉ nhấn Enter để thôi: '
  IFS= read -r TRA_LOI || TRA_LOI=
  case $TRA_LOI in
    c|C|co|Co|CO|có|Có) ;;
    *) noi 'Không gỡ gì cả.'; dong_cua_so; exit 0 ;;
  esac
fi

if [ -d "$DU_LIEU/venv" ]; then
  rm -rf -- "$DU_LIEU/venv" && noi '- Đã gỡ chương trình.'
else
  noi '- Chương trình: không có trên máy này, không cần gỡ.'
fi
DA_XOA=
if [ "$HE" = Darwin ]; then
  if cua_minh "$HOME/Desktop/Thi đua.command" 'thidua-xlsx: loi tat Thi dua'; then
    rm -f -- "$HOME/Desktop/Thi đua.command" && DA_XOA=1
  fi
else
  MAN_HINH=${XDG_DESKTOP_DIR:-}
  if [ -z "$MAN_HINH" ] && command -v xdg-user-dir >/dev/null 2>&1; then
    MAN_HINH=$(xdg-user-dir DESKTOP 2>/dev/null) || MAN_HINH=
  fi
  [ -z "$MAN_HINH" ] && MAN_HINH=$HOME/Desktop
  for loi_tat in "$MAN_HINH/thi-dua.desktop" "$DATA/applications/thi-dua.desktop"; do
    if cua_minh "$loi_tat" 'X-thidua-xlsx=loi-tat'; then
      rm -f -- "$loi_tat" && DA_XOA=1
    fi
  done
fi
[ -n "$DA_XOA" ] && noi '- Đã xóa lối tắt "Thi đua" trên màn hình nền.'
rm -rf -- "$DU_LIEU" "$BO_NHO_TAM"
noi '- Đã xóa những gì chương trình ghi nhớ trên máy.' '' \
  'XONG. Sổ sách trong thư mục chiến dịch vẫn còn nguyên. Muốn dùng lại chương trình: bấm đúp tệp cài đặt' \
  '(Cai-dat-thi-dua.command trên macOS, cai-dat-thi-dua.sh trên Linux) trong thư mục chương trình.'
dong_cua_so
exit 0
