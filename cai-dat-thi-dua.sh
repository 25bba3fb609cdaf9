#!/bin/sh
# thidua-xlsx installer for macOS and Linux: the secretary double-clicks it in the folder that holds README.md
# (macOS: Cai-dat-thi-dua.command, which Terminal runs; Linux: cai-dat-thi-dua.sh). Windows has Cai-dat-thi-dua.bat.
# The two POSIX files are one text (tests/test_installer.py checks they are the same): edit one, copy it onto the other.
#
# What it does, saying each step in Vietnamese and never a command for her to type:
#   1. finds Python 3.10 or newer (python3, python3.1x on the PATH; on macOS also where python.org's and Homebrew's
#      installers put it), or says how to install it from python.org and stops;
#   2. asks for the campaign folder (a dialog: osascript on macOS, zenity on Linux; else a question in the terminal;
#      the default: the folder chosen last time, else ~/Thi-dua); closing the dialog keeps the default;
#   3. installs the tool from this folder into a venv of its own, $XDG_DATA_HOME/thidua-xlsx/venv (that is
#      ~/.local/share/thidua-xlsx/venv); run again, it reinstalls from this folder (pip --upgrade: an update) unless
#      the tool installed is this folder's already (its fingerprint, ban-cai.txt: nothing fetched, no network needed).
#      pip's words go to cai-dat.log there, never on her screen. Without a network, a tool already installed is kept
#      (said, and the next steps still run); a first install that fails leaves no venv (the next run installs anew);
#   4. writes a campaign into the folder when it holds none (no campaign.xlsx, campaign.ods, cap-tren.xlsx): asks the
#      school's level (no default: she answers) and how it scores (Enter: by month, NĐ 233/2026), then thidua-xlsx
#      init --level --cham-theo, which also writes the double-click launchers Mo-trang-thi-dua.*; a campaign already
#      there is kept, only its launchers renewed (they name the Python of this venv);
#   5. puts a "Thi đua" shortcut that opens the page on that folder (thidua-xlsx ui): Linux thi-dua.desktop on the
#      desktop ($XDG_DESKTOP_DIR, else xdg-user-dir's, else ~/Desktop) and in the applications menu; macOS
#      "Thi đua.command" on ~/Desktop. Same file names each run: rewritten, never a second one;
#   then opens the page in this window (thidua-xlsx ui).
# Its undoing: go-cai-dat-thi-dua.sh (macOS: Go-cai-dat-thi-dua.command), which removes the venv, the shortcut and the
# remembered folder, never a campaign folder.
#
# Why a venv of its own: Debian's and Ubuntu's Python refuse `pip install --user` (PEP 668, "externally managed"), and
# so does Homebrew's; a venv needs no administrator, no PATH change, and goes with its one folder. Why under
# ~/.local/share on macOS too (not ~/Library/Application Support): a path without spaces, for pip's script lines and
# the shortcut, and one place to look on both systems.
#
# Environment, for CI and tests (the secretary sets none):
#   THIDUA_THU_MUC=<folder>  the campaign folder: nothing asked
#   THIDUA_KHONG_HOI=1       ask nothing, open no dialog, no pause at the end, no page opened (no THIDUA_THU_MUC: the
#                            default folder; a new campaign: THIDUA_CAP_HOC, THIDUA_CHAM_THEO, else tieu-hoc by month)
# and the usual HOME, XDG_DATA_HOME, XDG_DESKTOP_DIR; pip's own PIP_* settings (index, cache) reach pip as they are.

set -u

case $0 in */*) NGUON=${0%/*} ;; *) NGUON=. ;; esac
NGUON=$(cd -- "$NGUON" && pwd -P) || exit 1
KHONG_HOI=
[ "${THIDUA_KHONG_HOI:-}" = 1 ] && KHONG_HOI=1
HE=$(uname -s 2>/dev/null) || HE=
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
DU_LIEU=$DATA/thidua-xlsx
VENV=$DU_LIEU/venv
NHO=$DU_LIEU/thu-muc.txt  # the folder chosen last time: the next run's default
BAN_CAI=$DU_LIEU/ban-cai.txt  # the fingerprint of the source the venv holds: the same folder again needs no pip
NHAT_KY=$DU_LIEU/cai-dat.log  # pip's own words (English, technical): for whoever helps her

noi() { printf '%s\n' "$@"; }

dong_cua_so() {  # the window stays open until she has read it
  [ -n "$KHONG_HOI" ] && return 0
  printf '%s' 'Nhấn Enter để đóng cửa sổ này.'
  read -r _ || true
}

dung() {  # say why, wait, stop
  noi '' "$@"
  dong_cua_so
  exit 1
}

noi 'CÀI ĐẶT CHƯƠNG TRÌNH THI ĐUA – KHEN THƯỞNG (thidua-xlsx)' ''

if [ ! -f "$NGUON/pyproject.toml" ] || [ ! -d "$NGUON/thidua_xlsx" ]; then
  dung 'Tệp cài đặt này phải nằm trong thư mục chương trình (thư mục có tệp README.md và thư mục thidua_xlsx).' \
    'Nếu bạn tải về một tệp nén (.zip), hãy giải nén cả thư mục trước, rồi bấm đúp tệp cài đặt trong thư mục đã giải nén.'
fi

# --- 1. Python 3.10 or newer --------------------------------------------------------------------------------------
noi '[1/5] Tìm Python 3.10 trở lên trên máy...'
PYTHON=
CU=
UNG_VIEN='python3 python3.14 python3.13 python3.12 python3.11 python3.10'
if [ "$HE" = Darwin ]; then
  UNG_VIEN="$UNG_VIEN /Library/Frameworks/Python.framework/Versions/Current/bin/python3 /usr/local/bin/python3"
  UNG_VIEN="$UNG_VIEN /opt/homebrew/bin/python3"
fi
for ung_vien in $UNG_VIEN; do
  duong=$(command -v "$ung_vien" 2>/dev/null) || continue
  if ban=$("$duong" -c 'import sys; print("%d.%d" % sys.version_info[:2]); sys.exit(sys.version_info < (3, 10))' \
    2>/dev/null); then
    PYTHON=$duong
    break
  fi
  [ -n "$ban" ] && [ -z "$CU" ] && CU=$ban
done
if [ -z "$PYTHON" ]; then
  [ -n "$CU" ] && noi "Máy có Python $CU, nhưng chương trình cần Python 3.10 trở lên."
  if [ "$HE" = Darwin ] && [ -z "$KHONG_HOI" ]; then
    open 'https://www.python.org/downloads/' 2>/dev/null  # the download page, opened for her
  fi
  LINUX=
  [ "$HE" != Darwin ] && LINUX='  Trên Linux: cài Python 3 (bản 3.10 trở lên) từ kho phần mềm của máy, hoặc nhờ người quản trị máy.'
  dung 'Máy này chưa có Python 3.10 trở lên, chương trình cần nó để chạy. Cách cài Python:' \
    '  1. Mở trình duyệt, vào trang https://www.python.org/downloads/' \
    '  2. Bấm nút "Download Python" (bản mới nhất), mở tệp vừa tải về rồi làm theo các bước của bộ cài (Continue, Install).' \
    '  3. Cài xong, bấm đúp lại tệp cài đặt này.' \
    ${LINUX:+"$LINUX"}
fi
noi "      Có Python $("$PYTHON" -c 'import sys; print(sys.version.split()[0])'): $PYTHON"

# --- 2. the campaign folder -----------------------------------------------------------------------------------------
noi '[2/5] Thư mục chiến dịch (nơi để sổ sách thi đua của trường)...'
MAC_DINH=$HOME/Thi-dua
if [ -s "$NHO" ]; then
  IFS= read -r MAC_DINH < "$NHO" || true
  [ -n "$MAC_DINH" ] || MAC_DINH=$HOME/Thi-dua
fi
THU_MUC=${THIDUA_THU_MUC:-}
if [ -z "$THU_MUC" ] && [ -n "$KHONG_HOI" ]; then
  THU_MUC=$MAC_DINH
elif [ -z "$THU_MUC" ]; then
  BAT_DAU=$MAC_DINH
  [ -d "$BAT_DAU" ] || BAT_DAU=$HOME
  LOI_HOI='Chọn thư mục chiến dịch thi đua (hoặc tạo thư mục mới). Đóng hộp này thì dùng thư mục mặc định.'
  if [ "$HE" = Darwin ] && command -v osascript >/dev/null 2>&1; then
    noi "      Hãy chọn thư mục trong hộp thoại vừa mở (đóng hộp thoại thì dùng $MAC_DINH)."
    THU_MUC=$(osascript -e 'on run argv' \
      -e 'POSIX path of (choose folder with prompt (item 1 of argv) default location (POSIX file (item 2 of argv) as alias))' \
      -e 'end run' "$LOI_HOI" "$BAT_DAU" 2>/dev/null) || THU_MUC=
  elif command -v zenity >/dev/null 2>&1 && { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; }; then
    noi "      Hãy chọn thư mục trong hộp thoại vừa mở (đóng hộp thoại thì dùng $MAC_DINH)."
    THU_MUC=$(zenity --file-selection --directory --title="$LOI_HOI" --filename="$BAT_DAU/" 2>/dev/null) || THU_MUC=
  else
    noi "      Gõ đường dẫn của thư mục rồi nhấn Enter, hoặc chỉ nhấn Enter để dùng: $MAC_DINH"
    printf '%s' '      Thư mục: '
    IFS= read -r THU_MUC || THU_MUC=
    # shellcheck disable=SC2088  # a "~" she typed, matched as text, is her home folder
    case $THU_MUC in "~") THU_MUC=$HOME ;; "~/"*) THU_MUC=$HOME/${THU_MUC#"~/"} ;; esac
  fi
  if [ -z "$THU_MUC" ]; then
    THU_MUC=$MAC_DINH
    noi '      Không chọn thư mục nào: dùng thư mục mặc định.'
  fi
fi
case $THU_MUC in /*) ;; *) THU_MUC=$(pwd)/$THU_MUC ;; esac
mkdir -p -- "$THU_MUC" 2>/dev/null && THU_MUC=$(cd -- "$THU_MUC" && pwd -P) \
  || dung "Không tạo được thư mục $THU_MUC (ổ đĩa không cho ghi?). Hãy bấm đúp lại tệp này và chọn thư mục khác."
noi "      $THU_MUC"
case $THU_MUC in
  *OneDrive*|*CloudStorage*|*Dropbox*|*"Google Drive"*)
    noi '      Lưu ý: thư mục này nằm trong thư mục đồng bộ đám mây (OneDrive…). Khi đang đồng bộ, sổ có thể bị khóa' \
      '      tạm hoặc sinh bản sao tên có "(1)": nên chọn thư mục ngoài vùng đồng bộ, hoặc tạm dừng đồng bộ khi tổng hợp.' ;;
esac

# --- 3. the tool, in its own venv -----------------------------------------------------------------------------------
CHUONG_TRINH=$VENV/bin/thidua-xlsx
dau_van_tay() {  # the fingerprint of this folder's program: its files' names and contents
  "$1" -c 'import hashlib, pathlib, sys
root, digest = pathlib.Path(sys.argv[1]), hashlib.sha256()
for p in sorted([root / "pyproject.toml", root / "setup.py", *(root / "thidua_xlsx").rglob("*")]):
    if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".pyc", ".so", ".pyd"):
        digest.update(p.relative_to(root).as_posix().encode() + b"\0" + p.read_bytes())
print(digest.hexdigest())' "$NGUON"
}
VAN_TAY=$(dau_van_tay "$PYTHON") || VAN_TAY=
DA_CAI=
if [ -x "$VENV/bin/python" ] && BAN_DA_CAI=$("$CHUONG_TRINH" --version 2>/dev/null); then
  DA_CAI=1
fi
if [ -n "$DA_CAI" ] && [ -n "$VAN_TAY" ] && [ -s "$BAN_CAI" ] && [ "$(cat "$BAN_CAI")" = "$VAN_TAY" ]; then
  noi '[3/5] Chương trình đã cài đúng bản trong thư mục này: không cần cài lại.'
else
  if [ -n "$DA_CAI" ]; then
    noi '[3/5] Cập nhật chương trình từ thư mục này (cần mạng Internet)...'
  else
    noi '[3/5] Cài chương trình cho người dùng này (lần đầu mất vài phút, cần mạng Internet)...'
    rm -rf -- "$VENV"  # one half made, or whose Python was removed or upgraded away, is made again
    mkdir -p -- "$DU_LIEU" || dung "Không ghi được vào $DU_LIEU."
    if ! "$PYTHON" -m venv -- "$VENV" >/dev/null 2>&1; then
      rm -rf -- "$VENV"
      dung 'Python trên máy thiếu phần tạo môi trường riêng cho chương trình (trên Debian, Ubuntu là gói python3-venv).' \
        'Hãy cài gói python3-venv từ kho phần mềm của máy (hoặc nhờ người quản trị máy cài giúp), rồi bấm đúp lại tệp này.'
    fi
  fi
  rm -f -- "$BAN_CAI"
  if "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade -c "$NGUON/constraints.txt" \
    -- "$NGUON" >"$NHAT_KY" 2>&1
  then
    [ -n "$VAN_TAY" ] && printf '%s\n' "$VAN_TAY" > "$BAN_CAI"
  elif [ -n "$DA_CAI" ] && "$CHUONG_TRINH" --version >/dev/null 2>&1; then
    noi "      Chưa cập nhật được (máy không vào được mạng Internet, hoặc mạng của trường cần proxy): vẫn dùng bản đã cài." \
      "      (Chi tiết kỹ thuật cho người giúp bạn: $NHAT_KY)"
  else
    rm -rf -- "$VENV"  # nothing half made: the next run installs anew
    dung 'Không cài được chương trình: máy không vào được mạng Internet, hoặc mạng của trường cần proxy (xem README,' \
      'mục "Cài đặt và chạy thử"). Hãy kiểm tra mạng, rồi bấm đúp lại tệp này.' \
      "(Chi tiết kỹ thuật cho người giúp bạn: $NHAT_KY)"
  fi
fi
BAN_SAU=$("$CHUONG_TRINH" --version 2>/dev/null) || BAN_SAU=
BAN_SAU=${BAN_SAU##* }  # the last word of --version is the release number (an older release said "…, phiên bản 0.1.0")
BAN_TRUOC=${BAN_DA_CAI:-}
BAN_TRUOC=${BAN_TRUOC##* }
[ "$BAN_TRUOC" = 0.1.0 ] && BAN_TRUOC='một bản trước 0.8.0'  # what every release before 0.8.0 said of itself
if [ -n "$BAN_TRUOC" ] && [ "$BAN_TRUOC" != "$BAN_SAU" ]; then
  PHIEN_BAN="thidua-xlsx $BAN_TRUOC → $BAN_SAU (những gì thay đổi: CHANGELOG.md trong thư mục này)"
else
  PHIEN_BAN="thidua-xlsx $BAN_SAU"
fi
noi "      Xong: $PHIEN_BAN"
if [ -n "$BAN_TRUOC" ] && [ "$BAN_TRUOC" != "$BAN_SAU" ]; then  # what changed, what to do first ("" before 0.8.0)
  TU=$BAN_TRUOC; [ "$TU" = 'một bản trước 0.8.0' ] && TU=
  "$CHUONG_TRINH" --thay-doi-tu "$TU" 2>/dev/null || true
fi
mkdir -p -- "$DU_LIEU" && printf '%s\n' "$THU_MUC" > "$NHO"

# --- 4. a campaign in the folder ------------------------------------------------------------------------------------
if [ -e "$THU_MUC/campaign.xlsx" ] || [ -e "$THU_MUC/campaign.ods" ] || [ -e "$THU_MUC/cap-tren.xlsx" ]; then
  noi '[4/5] Thư mục đã có chiến dịch: giữ nguyên mọi sổ, chỉ làm mới các tệp mở trang (Mo-trang-thi-dua).'
  "$VENV/bin/python" -c 'import sys; from pathlib import Path; from thidua_xlsx.write.launchers import write_launchers
write_launchers(Path(sys.argv[1]))' "$THU_MUC" \
    || noi '      (Không làm mới được các tệp mở trang; lối tắt "Thi đua" vẫn dùng được.)'
else
  noi '[4/5] Tạo chiến dịch mới (sổ campaign.xlsx có sẵn một trường mẫu để sửa cho đúng trường mình).'
  hoi() {  # hoi DEFAULT ANSWERS…: the number she types (Enter: DEFAULT, none if empty), asked again until one fits
    MAC=$1
    shift
    while :; do
      printf '%s' "      Gõ số rồi nhấn Enter${MAC:+ (chỉ nhấn Enter: $MAC)}: "
      IFS= read -r SO || dung 'Chưa có câu trả lời nên chưa tạo chiến dịch. Hãy bấm đúp lại tệp này.'
      SO=$(printf '%s' "$SO" | tr -d ' \r')
      [ -z "$SO" ] && SO=$MAC
      for dung_so in "$@"; do [ "$SO" = "$dung_so" ] && return 0; done
      noi "      \"$SO\" không phải một trong các số trên."
    done
  }
  if [ -n "$KHONG_HOI" ]; then
    CAP_HOC=${THIDUA_CAP_HOC:-tieu-hoc}
    CHAM_THEO=${THIDUA_CHAM_THEO:-thang}
  else
    noi '      Trường của bạn là:' '        1. Trường mầm non' '        2. Trường tiểu học' '        3. Trường trung học cơ sở (THCS)' \
      '        4. Trường trung học phổ thông (THPT)' \
      '        5. Cấp trên của các trường: UBND xã, phường hoặc Sở GD&ĐT (tổng hợp báo cáo của các trường)'
    hoi '' 1 2 3 4 5
    CAP_HOC=$(printf '%s' "$SO" | sed 's/^1$/mam-non/; s/^2$/tieu-hoc/; s/^3$/thcs/; s/^4$/thpt/; s/^5$/cap-xa/')
    CHAM_THEO=thang
    if [ "$CAP_HOC" != cap-xa ]; then
      noi '      Trường chấm điểm viên chức:' \
        '        1. Theo tháng (Nghị định 233/2026, từ năm học 2026-2027)' '        2. Theo quý (Nghị định 233/2026)' \
        '        3. Một lần cuối năm học (như trước Nghị định 233/2026)'
      hoi 1 1 2 3
      CHAM_THEO=$(printf '%s' "$SO" | sed 's/^1$/thang/; s/^2$/quy/; s/^3$/ca-nam/')
    fi
  fi
  if [ "$CAP_HOC" = cap-xa ]; then
    "$CHUONG_TRINH" init --level cap-xa -- "$THU_MUC" >/dev/null
  else
    "$CHUONG_TRINH" init --level "$CAP_HOC" --cham-theo "$CHAM_THEO" -- "$THU_MUC" >/dev/null
  fi || dung 'Không tạo được chiến dịch trong thư mục này (lý do ở dòng báo lỗi phía trên).' \
    'Hãy bấm đúp lại tệp này và chọn thư mục khác.'
  case $CAP_HOC in
    mam-non) TRUONG='trường mầm non' ;; tieu-hoc) TRUONG='trường tiểu học' ;; thcs) TRUONG='trường THCS' ;;
    thpt) TRUONG='trường THPT' ;; *) TRUONG='cấp trên, tổng hợp báo cáo của các trường' ;;
  esac
  case $CAP_HOC:$CHAM_THEO in
    cap-xa:*) CACH= ;; *:thang) CACH=', chấm theo tháng' ;; *:quy) CACH=', chấm theo quý' ;;
    *) CACH=', chấm một lần cuối năm học' ;;
  esac
  noi "      Đã tạo chiến dịch: $TRUONG$CACH."
fi

# --- 5. the "Thi đua" shortcut --------------------------------------------------------------------------------------
noi '[5/5] Đặt lối tắt "Thi đua" lên màn hình nền...'

ghi() {  # ghi FILE TEXT: written whole, then put in place (never half a shortcut), executable
  printf '%s' "$2" > "$1.tmp" && chmod 755 "$1.tmp" && mv -f -- "$1.tmp" "$1"
}

if [ "$HE" = Darwin ]; then
  mot_nhay() { printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"; }  # a shell word in single quotes
  MAN_HINH=$HOME/Desktop
  LOI_TAT="$MAN_HINH/Thi đua.command"
  mkdir -p -- "$MAN_HINH"
  ghi "$LOI_TAT" "#!/bin/sh
# thidua-xlsx: loi tat Thi dua (ghi boi Cai-dat-thi-dua.command): mo trang thi dua cua thu muc chien dich
CHUONG_TRINH=$(mot_nhay "$CHUONG_TRINH")
if [ -x \"\$CHUONG_TRINH\" ]; then exec \"\$CHUONG_TRINH\" ui $(mot_nhay "$THU_MUC"); fi
echo 'Không tìm thấy chương trình thi đua trên máy này. Hãy bấm đúp lại tệp Cai-dat-thi-dua.command trong thư mục chương trình để cài lại.'
printf '%s' 'Nhấn Enter để đóng cửa sổ này.'; read -r _
" || dung "Không ghi được lối tắt vào $MAN_HINH."
  noi "      $LOI_TAT"
else
  # Exec's quoting (Desktop Entry Specification): each argument in double quotes with " \` $ \ escaped by a
  # backslash, % doubled; then the value's own escape, \ written \\.
  exec_tu() { printf '"%s"' "$(printf '%s' "$1" | sed -e 's/[\\"`$]/\\&/g' -e 's/%/%%/g' -e 's/\\/\\\\/g')"; }
  LOI_TAT_TEXT="[Desktop Entry]
Type=Application
Version=1.0
Name=Thi đua
Comment=Mở trang thi đua – khen thưởng của thư mục chiến dịch
Exec=$(exec_tu "$CHUONG_TRINH") ui $(exec_tu "$THU_MUC")
Terminal=true
Icon=x-office-spreadsheet
Categories=Office;
X-thidua-xlsx=loi-tat
"
  UNG_DUNG=$DATA/applications
  mkdir -p -- "$UNG_DUNG" && ghi "$UNG_DUNG/thi-dua.desktop" "$LOI_TAT_TEXT" \
    || dung "Không ghi được lối tắt vào $UNG_DUNG."
  MAN_HINH=${XDG_DESKTOP_DIR:-}
  if [ -z "$MAN_HINH" ] && command -v xdg-user-dir >/dev/null 2>&1; then
    MAN_HINH=$(xdg-user-dir DESKTOP 2>/dev/null) || MAN_HINH=
    [ "$MAN_HINH" = "$HOME" ] && MAN_HINH=  # no desktop folder set: xdg-user-dir answers the home folder
  fi
  [ -z "$MAN_HINH" ] && [ -d "$HOME/Desktop" ] && MAN_HINH=$HOME/Desktop
  if [ -n "$MAN_HINH" ]; then
    mkdir -p -- "$MAN_HINH" && ghi "$MAN_HINH/thi-dua.desktop" "$LOI_TAT_TEXT" \
      || dung "Không ghi được lối tắt vào $MAN_HINH."
    if [ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ] && command -v gio >/dev/null 2>&1; then
      gio set "$MAN_HINH/thi-dua.desktop" metadata::trusted true >/dev/null 2>&1 || true  # GNOME: "Allow Launching"
    fi
    noi "      $MAN_HINH/thi-dua.desktop (và trong danh sách ứng dụng)"
  else
    noi '      Máy không có màn hình nền: lối tắt "Thi đua" nằm trong danh sách ứng dụng.'
  fi
fi

noi '' 'XONG. Mỗi lần làm thi đua, bấm đúp biểu tượng "Thi đua" trên màn hình nền: trang thi đua mở trong trình duyệt' \
  '(cửa sổ chữ đi kèm là chương trình đang chạy, đóng nó khi làm xong).' \
  'Khi có bản mới của chương trình, bấm đúp lại tệp cài đặt này để cập nhật; sổ sách trong thư mục chiến dịch giữ nguyên.' \
  'Gỡ chương trình: bấm đúp tệp go-cai-dat-thi-dua.sh (trên macOS: Go-cai-dat-thi-dua.command) bên cạnh tệp này.' \
  "Phiên bản: $PHIEN_BAN"
if [ -n "$KHONG_HOI" ]; then
  exit 0
fi
noi '' 'Trang thi đua đang mở trong trình duyệt (cửa sổ này là chương trình đang chạy: đóng nó khi làm xong).' ''
exec "$CHUONG_TRINH" ui "$THU_MUC"
