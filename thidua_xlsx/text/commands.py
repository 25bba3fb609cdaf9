"""What the commands say to the secretary: help, the console's report, what was written, the machine's
refusals — plain texts, formatted where they are said. The coded problems and reasons are in
:mod:`thidua_xlsx.text.messages`."""

from __future__ import annotations

CAMPAIGN_BOOK_TITLE = "Chiến dịch thi đua {year}"  # campaign.xlsx's title in its document properties
CAMPAIGN_GUIDE_TITLE = "CHIẾN DỊCH THI ĐUA NĂM HỌC {year} – {school}"
CAMPAIGN_FIELD_HEADERS = ("Mục", "Giá trị", "Ghi chú")  # over the labelled values of Trường, Quy tắc, Kỳ đánh giá
CAMPAIGN_GUIDE = (
    "Tệp này là nơi thư ký Hội đồng thi đua – khen thưởng khai báo cả năm học. Sửa trực tiếp trong Excel rồi lưu.",
    "1. Sheet Trường: tên trường, cơ quan quản lý, nơi nhận tờ trình (từ 07/2025 là UBND xã/phường hoặc Sở GD&ĐT), hạn "
    "nộp.",
    "2. Sheet Tổ: mỗi tổ một dòng, mã tổ không trùng.",
    "3. Sheet Nhân sự: mỗi người một dòng, mã không trùng; cột Tổ chọn đúng tên tổ; cột Vai trò chọn bộ tiêu chí.",
    "   Các cột Xếp loại viên chức, Số tháng làm việc, Kỷ luật, Sáng kiến dùng để xét danh hiệu (nếu Trường chọn 'Danh "
    "sách').",
    "   Số tháng làm việc không kể thời gian nghỉ thai sản; nghỉ thai sản ghi riêng và được tính là thời gian công "
    "tác.",
    "   Xếp loại năm theo các kỳ (NĐ 233/2026): cột Nghỉ dài ngày (loại) chọn Thai sản, Ốm đau (BHXH) hay Không lương; "
    "cột Kỳ nghỉ trọn kỳ ghi mã các kỳ nghỉ cả kỳ, cách nhau bởi dấu phẩy; người bị kỷ luật chọn cột Kỷ luật về "
    "(Nhiệm vụ, Tư tưởng/đạo đức/lối sống hay Khác).",
    "4. Sheet Bộ tiêu chí và Tiêu chí: dòng nhóm (mã I, II, …) ghi loại cộng / thưởng / trừ và điểm tối đa;",
    "   các tiêu chí (I.1, I.2, …) cộng lại phải bằng điểm nhóm; các nhóm cộng phải bằng tổng điểm chuẩn.",
    "   Nhóm thưởng / trừ: điểm tối đa của nhóm là mức trần. Điểm tối thiểu của nhóm: không đạt thì xếp loại bị giới "
    "hạn.",
    "5. Sheet Quy tắc, Xếp loại, Danh hiệu, Căn cứ: điều kiện xét danh hiệu theo Luật Thi đua, khen thưởng 2022 (sửa "
    "theo quy định mới).",
    "6. Sheet Khen đột xuất: khen thưởng đột xuất hoặc theo chuyên đề (mã người hoặc mã tổ, thành tích, hình thức). "
    "Có danh sách và tờ trình riêng, không tính vào thành tích xét danh hiệu năm và khen thưởng cấp trên "
    "(NĐ 152/2025 điều 4 khoản 3).",
    "Sau đó: 'thidua-xlsx generate THƯ_MỤC --round dang-ky -o outbox/dang-ky' để tạo phiếu đăng ký cho từng tổ,",
    "cuối năm: 'thidua-xlsx generate THƯ_MỤC --round cham-diem -o outbox/cham-diem' để tạo phiếu chấm điểm.",
    "Không sửa ô Mã chiến dịch: các tệp các tổ gửi về được nhận ra nhờ mã này.",
)
# --- command line ---------------------------------------------------------------------------
MAIN_HELP = ("Thi đua – khen thưởng trường học qua Excel: tạo chiến dịch, sinh phiếu khóa ô cho từng tổ, "
             "tổng hợp, xếp hạng và xét danh hiệu.")
EXIT_CODES_HELP = ("Mã thoát: {ok} thành công (lỗi trong tệp nộp chỉ được báo cáo); {unusable} không có gì dùng được "
                   "(chiến dịch sai, không đọc được tệp nào); {usage} sai tham số; {strict} có lỗi khi dùng --strict; "
                   "{internal} lỗi nội bộ (chạy lại với --debug để xem chi tiết).")
DEBUG_HELP = "Hiện đầy đủ lỗi kỹ thuật (traceback) khi có sự cố."
INIT_HELP = ("Tạo chiến dịch mới: ghi THƯ_MỤC/campaign.xlsx (thông tin trường, tổ, nhân sự, tiêu chí, danh hiệu, "
             "quy tắc) từ mẫu theo cấp học, kèm một trường ví dụ để chạy thử ngay; hoặc, với --tu, từ chiến dịch năm "
             "học trước của trường.")
NEW_YEAR_HELP = ("Tạo chiến dịch năm học mới từ chiến dịch năm trước (thư mục hoặc tệp campaign.xlsx/.ods, chỉ đọc, "
                 "không sửa): giữ trường, tổ, nhân sự (cả Ngày vào ngành), tiêu chí, danh hiệu, quy tắc, căn cứ, "
                 "e-mail; dời hạn nộp, kỳ đánh giá, ngày gửi hồ sơ sang năm học mới; xóa thông tin xét của năm cũ "
                 "(xếp loại viên chức, số tháng, nghỉ thai sản, kỷ luật, sáng kiến, khen đột xuất, xếp loại của đơn "
                 "vị); mã chiến dịch mới.")
NEW_YEAR_METAVAR = "CHIẾN_DỊCH_CŨ"
NEW_YEAR_WITH_LEVEL = "--tu lấy cấp học và mọi thứ khác từ chiến dịch năm trước: hãy bỏ --level."
NEW_YEAR_SAME_FOLDER = ("Chiến dịch mới phải ở một thư mục khác thư mục của chiến dịch năm trước ({path}): chiến dịch "
                        "năm trước chỉ được đọc, không bao giờ bị ghi đè. Hãy chọn thư mục mới, ví dụ thidua-{year}.")
NEW_YEAR_OLD_INVALID = ("Chiến dịch năm trước {file} có {count} lỗi nên chưa mang sang được: hãy sửa rồi chạy lại "
                        "(hoặc tạo chiến dịch từ mẫu: thidua-xlsx init THƯ_MỤC --level …).")
NEW_YEAR_DONE = "Đã tạo {path} cho năm học {year} từ {old} (năm học {old_year}; tệp đó không bị sửa)."
NEW_YEAR_CARRIED = ("Mang sang: {school}{province}; {departments} tổ (tổ trưởng, e-mail); {staff} người (mã, họ tên, "
                    "chức vụ, vai trò; {started} người có Ngày vào ngành); {rubrics} bộ tiêu chí ({criteria} tiêu "
                    "chí); "
                    "danh hiệu, quy tắc xét, xếp loại; {legal} dòng căn cứ; {periods}.")
NEW_YEAR_PROVINCE = ", quy định của {province}"
NEW_YEAR_PERIODS = "{count} kỳ đánh giá theo {kind}, cách tính điểm năm và các lựa chọn của đơn vị"
NEW_YEAR_NO_PERIODS = "không chia kỳ (chấm một lần cuối năm)"
NEW_YEAR_PERIOD_KINDS = {"thang": "tháng", "quy": "quý", "hoc-ky": "học kỳ"}
NEW_YEAR_MOVED = "Dời sang năm học {year}: {dates}."
NEW_YEAR_DATE_MOVED = "{field} {before} → {after}"
NEW_YEAR_PERIODS_MOVED = "{count} kỳ đánh giá ({first} → {first_after}, …, {last} → {last_after})"
NEW_YEAR_NOTHING_MOVED = "Dời sang năm học {year} (sheet Trường không ghi hạn nộp nào)."
NEW_YEAR_CLEARED = ("Đã xóa thông tin xét của năm học {old_year} (nhập lại khi có; ô trống là \"chưa đủ thông tin\", "
                    "không bao giờ là 0 hay \"không bị kỷ luật\"): {items}.")
NEW_YEAR_CLEARED_FACT = "{field} ({count} người)"
NEW_YEAR_CLEARED_SPECIAL = "Khen đột xuất ({count} dòng)"
NEW_YEAR_CLEARED_UNIT = "Xếp loại của đơn vị ({rating})"
NEW_YEAR_CLEARED_RESOLUTION = "Nghị quyết Hội nghị viên chức thông qua tiêu chí ({resolution})"
NEW_YEAR_CLEARED_CODE = ("Mã xác thực do cấp trên cấp (mỗi năm học một mã: xin cấp trên mã của năm học mới rồi nhập "
                         "vào sheet Trường trước khi gửi bảng tổng hợp cuối năm)")
NEW_YEAR_NOTHING_CLEARED = "Chiến dịch năm học {old_year} chưa ghi thông tin xét nào: không có gì phải xóa."
NEW_YEAR_ID = ("Mã chiến dịch mới: {id} – sổ các tổ của năm học {old_year} lỡ gửi vào inbox/ sẽ bị từ chối là sổ của "
               "chiến dịch khác.")
NEW_YEAR_CHECK = "Cần xem lại trước khi phát sổ:"
NEW_YEAR_CHECK_STAFF = ("  - Sheet Nhân sự và Tổ: thêm người mới về, xóa người đã chuyển đi hay nghỉ hưu, đổi tổ, tổ "
                        "trưởng, cột Ghi chú của năm cũ; sheet Trường: Hiệu trưởng, Thư ký Hội đồng nếu đã đổi.")
NEW_YEAR_CHECK_DATES = ("  - Hạn nộp{periods} được dời đúng một năm: hãy đối chiếu với kế hoạch năm học mới{weekend}.")
NEW_YEAR_CHECK_PERIOD_DATES = ", các kỳ đánh giá"
NEW_YEAR_CHECK_WEEKEND = "; rơi vào cuối tuần: {dates}"
NEW_YEAR_WEEKEND_DAY = "{day} là {weekday}"
NEW_YEAR_WEEKEND_NAMES = ("thứ Bảy", "Chủ nhật")
NEW_YEAR_CHECK_DECREE = ("  - Từ {since} viên chức được đánh giá theo tháng hoặc theo quý ({decree} điều 3 khoản 5), "
                         "chiến dịch năm trước không chia kỳ: nếu Quy chế đánh giá của trường chấm theo kỳ, hãy khai "
                         "báo các kỳ ở sheet Kỳ đánh giá (xem mẫu: thidua-xlsx init THƯ_MỤC --cham-theo thang).")
NEW_YEAR_HISTORY_CARRIED = ("  - Sổ lịch sử lich-su.xlsx (khen thưởng nhiều năm) đã có trong thư mục mới, với các "
                            "năm học {years}: khen thưởng nhiều năm của năm học {year} đọc sổ này – không cần làm "
                            "gì.")
NEW_YEAR_CHECK_HISTORY = ("  - Sổ lịch sử (khen thưởng nhiều năm): thư mục mới chưa có kết quả năm học {old_year} "
                          "(chưa có bảng tổng hợp cuối năm đã qua Hội đồng, hoặc lý do ở trên). Khi có, hãy ghi vào "
                          "sổ của thư mục mới: thidua-xlsx history --book <thư mục mới>/lich-su.xlsx <bảng tổng hợp "
                          "cuối năm {old_year}>.")
INIT_SAMPLE = ("Tệp có sẵn một trường mẫu để chạy thử; tên trường ghi kèm \"{mark}\" (in cả lên sổ phát cho các tổ) "
               "cho tới khi sửa: hãy sửa sheet Trường, Tổ, Nhân sự cho đúng trường mình. Đã có chiến dịch năm trước "
               "thì dùng: thidua-xlsx init THƯ_MỤC_MỚI --tu THƯ_MỤC_NĂM_TRƯỚC.")
LEVEL_HELP = ("Cấp học của mẫu: mam-non, tieu-hoc, thcs, thpt; nd233: tên cũ của thcs --cham-theo thang; cap-xa: "
              "cấp trên (UBND xã/phường, hoặc Sở GD&ĐT) nhận và tổng hợp bảng tổng hợp cuối năm của các trường (ghi "
              "cap-tren.xlsx).")
SCORING_HELP = ("Trường chấm điểm viên chức thế nào: thang (mỗi tháng, tháng 9 đến tháng 5) hoặc quy (mỗi quý của "
                "năm học: 9–11, 12–2, 3–5), tiêu chí và xếp loại theo Nghị định 233/2026 – cách chấm từ năm học "
                "2026-2027; ca-nam: chấm một lần cuối năm học, như trước Nghị định.")
SCORING_WITHOUT_PRESET = ("--cham-theo chỉ dùng khi tạo chiến dịch của trường từ mẫu cấp học: chiến dịch --tu năm "
                          "trước giữ cách chấm của năm trước, cấp trên (--level cap-xa) không chấm điểm.")
SCORING_NOT_ND233 = "--level nd233 là thcs chấm theo tháng: hãy dùng --level thcs --cham-theo {scoring}."
INIT_SCORED_BY_PERIOD = ("Chấm theo {kind}: {count} kỳ, từ {first} đến {last} (sheet Kỳ đánh giá); tiêu chí và xếp "
                         "loại theo Nghị định 233/2026 (sheet Tiêu chí, Xếp loại: sửa theo Quy chế đánh giá của "
                         "trường).")
INIT_SCORED_YEAR_END = "Chấm một lần cuối năm học (không chia kỳ)."
# How a school scores, as she says it (init --cham-theo, the page's first screen): by month, by quarter, once at the
# year's end (model.requests names them).
SCORING_WORDS = ("thang", "quy", "ca-nam")
INIT_SCORING_KINDS = {"thang": "tháng", "quy": "quý"}
PERIOD_MONTH_LABEL = "Tháng {month}/{year}"  # the periods init writes on sheet Kỳ đánh giá
PERIOD_QUARTER_LABEL = "Quý {numeral} (tháng {months})"  # months: "9–11/2026", or "12/2026–2/2027" across a year
QUARTER_NUMERALS = ("I", "II", "III")
# The NĐ 233/2026 frame's criteria (written for a school of pupils) in a preschool's words: each phrase of a criterion
# or its hint replaced, in this order, when a mầm non school scores by month or by quarter (read.presets.by_period).
FRAME_WORDS = {"mam-non": (
    ("giờ dạy, hồ sơ, công việc kiêm nhiệm", "ngày giờ công, hồ sơ nhóm, lớp, công việc kiêm nhiệm"),
    ("kết quả giảng dạy, giáo dục", "kết quả nuôi dưỡng, chăm sóc, giáo dục trẻ"),
    ("Kế hoạch, sổ báo giảng", "Kế hoạch giáo dục nhóm, lớp; sổ theo dõi trẻ"),
    ("học sinh", "trẻ"),
)}
# The launchers init writes (write/launchers.py), when the tool they open is gone from this computer (uninstalled, or
# the folder copied to another computer): what to double-click, never a command to type. The .bat's words pass
# through cmd's echo: no % ^ & | < > in them.
LAUNCHER_GONE_BAT = ("Không tìm thấy chương trình thi đua trên máy này: đã gỡ, hoặc thư mục này được chép từ máy khác. "
                     "Hãy bấm đúp tệp Cai-dat-thi-dua.bat trong thư mục chương trình để cài lại, rồi bấm đúp lại tệp "
                     "này.")
LAUNCHER_GONE_SHELL = ("Không tìm thấy chương trình thi đua trên máy này: đã gỡ, hoặc thư mục này được chép từ máy "
                       "khác. Hãy bấm đúp tệp cài đặt trong thư mục chương trình (Cai-dat-thi-dua.command trên macOS, "
                       "cai-dat-thi-dua.sh trên Linux) để cài lại, rồi bấm đúp lại tệp này.")
LAUNCHER_CLOSE = "Nhấn Enter để đóng cửa sổ này."
INIT_LEVEL_ABOVE_DONE = ("Đã tạo {path} ({authority}, {schools} trường mẫu). Sửa sheet Đơn vị và Các trường cho đúng, "
                         "lưu bảng tổng hợp cuối năm các trường gửi vào inbox/ rồi chạy thidua-xlsx merge inbox.")
FORCE_HELP = "Ghi đè tệp đã có."
NEW_KEY_HELP = ("Chỉ với --level cap-xa, trên thư mục xã đã có: tạo khóa bí mật mới thay khóa đang có (bị mất, hỏng, "
                "lộ, hoặc là khóa của bộ mẫu). Mọi mã xác thực đã gửi các trường hết dùng được: phải gửi lại mã mới.")
NEW_KEY_ALONE = "--khoa-moi chỉ dùng với --level cap-xa, không cùng --tu hay --force."
GENERATE_FORCE_HELP = "Thay cả những sổ đã có trong thư mục ghi mà khác sổ sắp tạo (mặc định: không ghi đè gì)."
GENERATE_HELP = ("Sinh một sổ Excel khóa ô cho mỗi tổ. CAMPAIGN là thư mục chiến dịch hoặc tệp campaign.xlsx. "
                 "Vòng dang-ky: phiếu đăng ký thi đua; vòng cham-diem: phiếu tự chấm và tổ chấm.")
ROUND_HELP = "Vòng: dang-ky (đăng ký đầu năm) hoặc cham-diem (chấm điểm cuối năm)."
OUTBOX_HELP = "Thư mục ghi các sổ (mặc định: outbox/<vòng>; chấm điểm theo kỳ: outbox/<mã kỳ>)."
PERIOD_HELP = "Kỳ đánh giá cần phát sổ chấm điểm (mã kỳ trong sheet Kỳ đánh giá, ví dụ thang-11)."
DEFAULT_MAPPING = "mau-tdkt"  # the installation whose codes ship (workbook_templates/nhap-tinh/)
IMPORT_STEM = "nhap-tinh"
IMPORT_HELP = ("Cấp trên: ghi tệp nhập vào phần mềm thi đua – khen thưởng của tỉnh (sheet đầu, tiêu đề dòng 1, mã ở "
               "cột ẩn R–U) vào THƯ_MỤC.")
MAPPING_HELP = ("Bộ mã của phần mềm tỉnh: tên tệp trong workbook_templates/nhap-tinh/ (mặc định mau-tdkt), đường "
                "dẫn tệp .json, hoặc mẫu nhập (.xlsx) tải từ phần mềm của tỉnh để chương trình đọc mã.")
IMPORT_MAPPING_READ = ("Đã đọc mã từ mẫu nhập {template}; bộ mã ghi tại {path} (lần sau dùng --ma-tinh {path}).")
IMPORT_DONE = ("Đã ghi tệp nhập của tỉnh vào {folder}: {rows} dòng trong {files} tệp ({names}); {refused} trường hợp "
               "không ghi được (xem các dòng trên).")
IMPORT_ONLY_LEVEL_ABOVE = ("--xuat-tinh chỉ dùng khi tổng hợp ở cấp trên (thư mục có cap-tren.xlsx): bảng tổng hợp "
                           "của trường gửi UBND xã/Sở, cấp trên ghi tệp nhập của tỉnh. Không ghi tệp nhập nào.")
IMPORT_NO_MAPPING = ("Không đọc được bộ mã '{mapping}': chưa ghi gì. Hãy kiểm tra tên hoặc tệp bộ mã (tên trong "
                     "workbook_templates/nhap-tinh/, tệp .json, hoặc mẫu nhập .xlsx tải từ phần mềm của tỉnh) rồi "
                     "chạy lại.")
LEVEL_ABOVE_SCHOOL_OPTIONS = ("{options}: chỉ dùng khi tổng hợp sổ của các tổ ở trường, không dùng khi cấp trên tổng "
                              "hợp bảng của các trường (thư mục có cap-tren.xlsx): chưa ghi gì. Hãy bỏ các tùy chọn "
                              "này rồi chạy lại.")
LEVEL_ABOVE_STRICT = ("--strict: có {count} tệp bị từ chối hoặc lỗi (xem các dòng trên và sheet Kiểm tra): lệnh kết "
                      "thúc với mã lỗi dù bảng tổng hợp đã ghi.")
MAPPING_WITHOUT_IMPORT = ("--ma-tinh {mapping} chỉ dùng cùng --xuat-tinh THƯ_MỤC (nơi ghi tệp nhập của tỉnh): chưa ghi "
                          "gì. Thêm --xuat-tinh hoặc bỏ --ma-tinh rồi chạy lại.")
IMPORT_CLASH = ("Bảng tổng hợp {output} sẽ bị tệp nhập của tỉnh ghi đè (cùng thư mục {folder}, cùng tên): chưa ghi gì. "
                "Hãy chọn tên khác cho -o hoặc thư mục khác cho --xuat-tinh.")
LEVEL_ABOVE_USED = "Cấp trên: {path} ({authority}) – tổng hợp bảng tổng hợp cuối năm của các trường."
LEVEL_ABOVE_DONE = ("Đã đọc {files} tệp: {sent}/{schools} trường có bảng tổng hợp dùng được; {proposals} đề nghị; "
                    "{held} đề nghị tạm giữ chờ công chức quyết định.")
LEVEL_ABOVE_NOTHING = ("Không có bảng tổng hợp nào của các trường trong danh sách dùng được trong {inbox}: chưa ghi "
                       "bảng tổng hợp xã (lý do của từng tệp ở trên). Hãy để vào đó bảng tổng hợp cuối năm "
                       "(tong-hop-cuoi.xlsx) các trường gửi.")
HISTORY_USED = ("Lịch sử các năm trước: {path} (năm học {years}); {proposed} đề nghị khen thưởng theo thành tích nhiều "
                "năm.")
HISTORY_OPTION_HELP = ("Lịch sử các năm trước để xét khen thưởng nhiều năm (Bằng khen, CSTĐ cấp tỉnh, Kỷ niệm chương): "
                       "tệp lich-su.xlsx, hoặc thư mục các bảng tổng hợp cuối năm của những năm trước.")
FROM_HELP = "Bảng tổng hợp đăng ký (do merge vòng dang-ky tạo) để điền sẵn danh hiệu đã đăng ký."
EXISTS = "Đã có {path}. Dùng --force để ghi đè, hoặc chọn tên hay nơi ghi khác."
INIT_DONE = "Đã tạo {path}: {school}, {departments} tổ, {staff} người. Hãy mở bằng Excel để sửa cho đúng trường mình."
GENERATE_DONE = "Đã tạo {count} sổ trong {outbox}."
CAMPAIGN_INVALID = "Tệp chiến dịch {file} có {count} lỗi; hãy sửa rồi chạy lại."
INTERNAL_ERROR = "Lỗi nội bộ của thidua-xlsx ({error}). Chạy lại với --debug để xem chi tiết và báo cho người bảo trì."
YEAR_HELP = ("Cả năm theo Nghị định 233/2026: đọc các bảng tổng hợp từng kỳ (tong-hop_<mã kỳ>.xlsx do merge --period "
             "ghi) trong thư mục FOLDER (không sửa gì trong đó), đặt điểm các kỳ cạnh nhau, tính điểm năm và xếp loại "
             "viên chức (kỳ thiếu không tính là 0, tỷ lệ HTXSNV, dưới 6 tháng), rồi xét danh hiệu theo xếp loại đó và "
             "ghi bảng tổng hợp cả năm (mặc định tong-hop_ca-nam.xlsx), dùng cho Hội đồng như merge.")
MERGE_HELP = ("Đọc mọi sổ trong thư mục INBOX (cả thư mục con; không sửa gì trong đó), kiểm tra, tổng hợp, xếp hạng, "
              "xét danh hiệu và ghi bảng tổng hợp Excel (và báo cáo JSON nếu cần).")
STATUS_HELP = "Đọc và kiểm tra INBOX như merge nhưng không ghi tệp nào: tổ nào đã nộp, chưa nộp, sai ở đâu."
SUMMARY_HELP = ("Tệp tổng hợp cần ghi (mặc định: tong-hop_<vòng>.xlsx trong thư mục chiến dịch; của một kỳ: "
                "ky/tong-hop_<mã kỳ>.xlsx, nơi lệnh year đọc).")
JSON_HELP = "Ghi thêm báo cáo JSON (tệp, lỗi, từng người: điểm, hạng, danh hiệu và lý do)."
STRICT_HELP = "Trả mã thoát 3 nếu có lỗi trong các sổ nộp."
CAMPAIGN_OPT_HELP = ("Thư mục chiến dịch (có campaign.xlsx) hoặc chính tệp campaign.xlsx. Mặc định: thư mục chiến "
                     "dịch chứa INBOX, hoặc thư mục chiến dịch nằm cạnh INBOX.")
CAMPAIGN_USED = "Chiến dịch: {path}"
MERGE_ROUND_HELP = "Vòng cần tổng hợp (mặc định: vòng của đa số sổ trong INBOX)."
MERGE_PERIOD_HELP = "Kỳ đánh giá của các sổ trong INBOX, theo mã kỳ (mặc định: kỳ của đa số sổ trong INBOX)."
PERIOD_ASKED = "Kỳ đánh giá: {period} ({code}), theo --period."
PERIOD_FOUND = "Kỳ đánh giá: {period} ({code}), kỳ của đa số sổ trong thư mục (chọn kỳ khác bằng --period)."
GENERATE_NO_FROM = ("Lưu ý: không có --from nên mọi người trong phiếu chấm điểm là 'Chưa đăng ký' và sẽ không được xét "
                    "danh hiệu. Hãy dùng --from tong-hop_dang-ky.xlsx (bảng tổng hợp vòng đăng ký).")
CHECKLIST_HEAD = "Danh sách cần kiểm tra trước khi gửi phiếu chấm điểm:"
CHECKLIST_MISSING = "  Tổ chưa gửi đăng ký (mọi người trong tổ là 'Chưa đăng ký'): {names}."
CHECKLIST_NOT_REGISTERED = "  Chưa đăng ký thi đua ({count} người, không được xét danh hiệu): {names}."
CHECKLIST_NEWCOMER = ("  Người mới đã đăng ký, cần thêm vào sheet Nhân sự: {name} ({department}, {title}) – đã có "
                      "phiếu riêng trong sổ của tổ.")
CHECKLIST_OK = "  Mọi tổ đã gửi đăng ký; mọi người trong danh sách đã đăng ký."
YEAR_NO_PERIODS = ("Chiến dịch {campaign} không chia kỳ đánh giá (sheet Kỳ đánh giá để Không): cả năm chỉ có một "
                   "vòng chấm điểm, hãy dùng thidua-xlsx merge. Lệnh year tính xếp loại năm từ bảng tổng hợp các kỳ.")
NO_PERIOD_SUMMARY = ("Không có bảng tổng hợp kỳ nào dùng được trong {inbox} (lý do của từng tệp ở trên). Chưa ghi "
                     "bảng tổng hợp cả năm; hãy để vào thư mục các tệp tong-hop_<mã kỳ>.xlsx do merge --period ghi.")
YEAR_PERIODS = "Cả năm: dùng bảng tổng hợp của {used}/{total} kỳ ({periods})."
YEAR_EMPTY = ("Thư mục {folder} chưa có tệp nào, nên không có bảng tổng hợp kỳ nào để tính cả năm. Lệnh year đọc bảng "
              "tổng hợp của từng kỳ (không phải sổ của các tổ): hãy chép vào thư mục đó các tệp tong-hop_<mã kỳ>.xlsx "
              "do 'thidua-xlsx merge <thư mục sổ của kỳ> --period <mã kỳ>' ghi (hoặc bản cuối của kỳ đã qua "
              "--council), mỗi kỳ một tệp – các kỳ: {periods} – rồi chạy lại. Chưa ghi tệp nào.")
COUNCIL_PERIOD_FOR_YEAR = ("'{file}' là bảng tổng hợp của kỳ {period} ({code}), không phải bảng tổng hợp cả năm: "
                           "lệnh year --council cần bảng cả năm (tong-hop_ca-nam.xlsx do lệnh year ghi) mà Hội đồng "
                           "đã ghi vào các cột nền vàng của sheet Xếp loại năm. Điểm hiệu trưởng chấm cho kỳ {period} "
                           "thì lưu thành một bản riêng (ví dụ hieu-truong_{code}.xlsx, không đè bảng của kỳ) và "
                           "dùng với 'thidua-xlsx merge <thư mục sổ của kỳ> --period {code} --council "
                           "hieu-truong_{code}.xlsx --force', rồi để bản cuối của kỳ vào thư mục các kỳ. Chưa ghi tệp "
                           "nào.")
COUNCIL_PERIOD_FOR_ROUND = ("'{file}' là bảng tổng hợp của kỳ {period} ({code}), không phải bảng tổng hợp cuối năm "
                            "đang tổng hợp: điểm hiệu trưởng chấm cho một kỳ chỉ tính cho kỳ đó. Hãy dùng bảng tổng "
                            "hợp mà Hội đồng đã ghi cho lần tổng hợp này, hoặc chạy merge với --period {code}. Chưa "
                            "ghi "
                            "tệp nào.")
COUNCIL_YEAR_FOR_PERIOD = ("'{file}' là bảng tổng hợp cả năm, không phải của kỳ {asked} ({asked_code}) đang tổng hợp: "
                           "điểm và quyết định trong đó không phải điểm hiệu trưởng chấm cho kỳ này. Hãy dùng bảng "
                           "tổng hợp của kỳ {asked} (tong-hop_{asked_code}.xlsx) mà hiệu trưởng đã ghi điểm. Chưa ghi "
                           "tệp nào.")
COUNCIL_OTHER_PERIOD = ("'{file}' là bảng tổng hợp của kỳ {period} ({code}), không phải của kỳ {asked} ({asked_code}) "
                        "đang tổng hợp: điểm hiệu trưởng chấm cho kỳ {period} không được tính thành điểm kỳ {asked}. "
                        "Hãy dùng bảng tổng hợp của kỳ {asked} (tong-hop_{asked_code}.xlsx), hoặc tổng hợp kỳ {period} "
                        "bằng 'thidua-xlsx merge <thư mục sổ của kỳ {period}> --period {code} --council <bản riêng "
                        "của tệp, ví dụ hieu-truong_{code}.xlsx> --force'. Chưa ghi tệp nào.")
READING = "Đang đọc"
NOTHING_USABLE = ("Không có sổ nào dùng được trong {inbox} (lý do của từng tệp ở trên). Chưa ghi bảng tổng hợp; "
                  "hãy kiểm tra thư mục rồi chạy lại.")
EMPTY_INBOX = "Thư mục {inbox} chưa có tệp nào. Hãy lưu các sổ các tổ gửi về vào đó rồi chạy lại."
OUTPUT_FOLDER = "Không tạo được thư mục '{path}' để ghi kết quả ({reason}). Hãy chọn nơi ghi khác bằng -o."
OUTPUT_IS_FOLDER = "'{path}' là một thư mục; hãy ghi tên tệp, ví dụ {path}/tong-hop.xlsx."
SUMMARY_DONE = "Đã ghi bảng tổng hợp: {path} (mọi vấn đề ở sheet Kiểm tra, mọi tệp ở sheet Nguồn dữ liệu)"
LEVEL_ABOVE_STATUS_HEAD = "Các trường đã gửi: {sent}/{schools} (hạn gửi {deadline})."
LEVEL_ABOVE_NO_DEADLINE = "chưa ghi ở sheet Đơn vị của cap-tren.xlsx"
LEVEL_ABOVE_NOT_SENT = "  {school}: chưa gửi{due}"
LEVEL_ABOVE_OVERDUE = " – quá hạn {days} ngày, hãy nhắc trường"
LEVEL_ABOVE_DAYS_LEFT = " – còn {days} ngày"
LEVEL_ABOVE_SENT = "  {school}: {file}, lưu lúc {saved}{late}; dấu vân tay {fingerprint}; {origin}; {council}{edited}"
LEVEL_ABOVE_LATE = " (sau hạn)"
LEVEL_ABOVE_NEWER = ("  {school}: có tệp {file} (dấu vân tay {fingerprint}) do phiên bản mới hơn ghi – bản này chưa "
                     "đọc, chưa kiểm chứng được dấu nên chưa tính là đã gửi; hãy cập nhật chương trình rồi chạy lại")
LEVEL_ABOVE_UNPROVEN = " – chưa tính là đã gửi (đề nghị tạm giữ chờ tệp có dấu)"
LEVEL_ABOVE_CODES_HOW = ("Mã xác thực của các trường là bí mật như khóa của xã nên không in trong báo cáo này. Xem mã "
                         "một trường: thidua-xlsx status {inbox} --ma \"Tên trường\" (mã của mọi trường: --ma không "
                         "kèm tên), hoặc nút Xem mã ở bảng Các trường trên trang của xã. Soạn thư gửi mã: thêm --thu "
                         "và một thư mục ngoài thư mục của xã.")
LEVEL_ABOVE_CODES_HEAD = ("Mã xác thực năm học {year} – bí mật như khóa của xã: gửi riêng mỗi trường mã của mình (tin "
                          "nhắn hay thư riêng, không dán vào báo cáo hay nhóm chung); thư ký nhập vào sheet Trường của "
                          "campaign.xlsx, ô 'Mã xác thực do cấp trên cấp', để bảng tổng hợp gửi lên có dấu xác thực:")
LEVEL_ABOVE_CODE = "  {school}: {code}"
CODES_METAVAR = "TRƯỜNG"
CODES_HELP = ("Ở thư mục của xã: in mã xác thực của trường TRƯỜNG (tên trường hoặc mã trường ở sheet Các trường của "
              "cap-tren.xlsx) thay cho báo cáo; --ma không kèm tên: mã của mọi trường. Mã là bí mật như khóa của xã: "
              "chỉ in ra màn hình, không lưu vào tệp nào. Cùng --thu DIR: soạn thư gửi mã cho đúng (các) trường đó.")
CODES_UNKNOWN_SCHOOL = ("--ma \"{asked}\": không có trường này trong danh sách của xã (cap-tren.xlsx, sheet Các "
                        "trường). Các trường: {schools}. Hãy gõ tên (hoặc mã) một trường trong danh sách, hoặc --ma "
                        "không kèm tên để xem mã của mọi trường.")
CODES_MANY_SCHOOLS = ("--ma \"{asked}\": nhiều trường có tên chứa chữ này: {schools}. Hãy gõ đủ tên của một trường.")
CODES_AT_SCHOOL = ("--ma chỉ dùng ở thư mục của xã (có cap-tren.xlsx): mã xác thực do xã cấp cho từng trường. Ở "
                   "trường, mã nằm ở sheet Trường của campaign.xlsx, ô 'Mã xác thực do cấp trên cấp'.")
LEVEL_ABOVE_COUNCIL = {True: "đã qua Hội đồng", False: "chưa qua Hội đồng"}
LEVEL_ABOVE_EDITED = "; danh sách bị sửa tay"
LEVEL_ABOVE_FINGERPRINT = "  {school}: {file}, dấu vân tay {fingerprint} – {origin}"
LEVEL_ABOVE_ORIGIN = {"sealed": "có dấu xác thực của trường", "unsealed": "không rõ nguồn gốc (không có dấu xác thực)",
                      "old_code": "dấu theo mã cũ của phiên bản trước (không chứng minh được gì; gửi trường mã "
                                  "mới)",
                      "bad_seal": "không rõ nguồn gốc (dấu xác thực không khớp mã của trường)",
                      "previous_key": "dấu theo mã do khóa trước của đơn vị cấp (gửi trường mã mới)"}
SUMMARY_SEALED = ("Dấu vân tay của tệp: {fingerprint} (cấp trên đọc được cùng dãy này khi nhận tệp); tệp có dấu xác "
                  "thực theo mã cấp trên cấp (sheet Trường).")
SUMMARY_UNSEALED = ("Dấu vân tay của tệp: {fingerprint} (cấp trên đọc được cùng dãy này khi nhận tệp). Chưa có Mã xác "
                    "thực do cấp trên cấp (sheet Trường): cấp trên sẽ tạm giữ các đề nghị của tệp vì không rõ nguồn "
                    "gốc – hãy nhập mã UBND xã/phường (hoặc Sở) gửi rồi chạy lại.")
SUMMARY_OLD_CODE = ("Mã xác thực ở sheet Trường là mã cũ (10 ký tự, do phiên bản trước 0.8 cấp), nên tệp này chưa "
                    "được tính là đã gửi ở xã nào: xã còn dùng phiên bản trước 0.8 không đọc được tệp (do phiên bản "
                    "mới hơn ghi – 'bố cục mới hơn') và ghi trường 'chưa gửi'; xã đã cập nhật (từ 0.8) coi dấu theo "
                    "mã cũ là không chứng minh được gì và tạm giữ mọi đề nghị của tệp. Hãy báo xã cập nhật bằng bộ "
                    "cài của bản mới (chạy Cai-dat-thi-dua.bat trong thư mục tải về; không cần pip) rồi xin xã mã mới "
                    "(15 ký tự, dạng ABCDE-FGH23-45JKL), nhập vào ô 'Mã xác thực do cấp trên cấp' và tổng hợp lại "
                    "trước khi gửi.")
JSON_DONE = "Đã ghi báo cáo JSON: {path}"
REPORT_FILES = "Tệp: {total} (dùng {accepted}, bản cũ {superseded}, bị từ chối {rejected}, bỏ qua {skipped})."
REPORT_ROUND = "Vòng: {round} – {school}, năm học {year}."
REPORT_DEPARTMENTS = "Tổ đã nộp: {submitted}/{total}."
REPORT_MISSING = "Tổ chưa nộp: {names}."
REPORT_PEOPLE = "Số người: {people} (có điểm {scored}, người mới {newcomers})."
REPORT_TITLES = "Đề nghị: {ldtt} Lao động tiên tiến, {cstdcs} Chiến sĩ thi đua cơ sở."
REPORT_PERIOD_NO_TITLES = ("Kỳ {period}: điểm, xếp loại và xếp hạng của kỳ; không xét danh hiệu, không bỏ phiếu – danh "
                           "hiệu thi đua xét một lần cho cả năm (thidua-xlsx year trên các bảng tổng hợp kỳ).")
COUNCIL_CHANGES = "Hội đồng đã thay đổi {count} điều so với đề xuất (sheet Thay đổi của Hội đồng):"
COUNCIL_CHANGES_PERIOD = ("Hiệu trưởng chấm kỳ {period}: {count} thay đổi so với điểm của tổ (sheet Thay đổi của "
                          "Hiệu trưởng):")
REPORT_REGISTERED = "Đã đăng ký danh hiệu: {registered}/{people}."
REPORT_PROBLEMS = "Vấn đề: {errors} lỗi, {warnings} cảnh báo, {notes} ghi chú."
FOLLOWUP_HEAD = "Tình hình nộp sổ (hạn nộp {deadline}):"
FOLLOWUP_HEAD_PERIOD = "Tình hình nộp sổ {period} (hạn nộp của kỳ {deadline}):"
NO_DEADLINE = "chưa ghi – điền ở sheet Trường của campaign.xlsx"
FOLLOWUP_LINE = "  {department}: {text}{extra}"
FOLLOWUP_STATES = {"on_time": "đúng hạn (gửi ngày {sent})", "late": "nộp muộn {days} ngày (gửi ngày {sent})",
                   "not_sent": "chưa nộp", "unfilled": "đã gửi ngày {sent} nhưng chưa điền ({filled}/{people} người "
                                                       "có nội dung)"}
FOLLOWUP_OVERDUE = " – đã quá hạn {days} ngày"
FOLLOWUP_ERRORS = "; còn {count} lỗi cần sửa"
FOLLOWUP_MISSING = "; {count} người chưa có gì: {names}"
FOLLOWUP_WRONG = "; {count} người ghi sai, chưa dùng được (xem lỗi ở ô): {names}"
WRONG_ENTRY = "{name} ({where})"
WRONG_ENTRY_VALUE = "{name} ({where}: '{value}')"
NUDGE_HELP = ("In sẵn lời nhắc cho từng tổ trưởng cần nhắc (chưa nộp, sổ còn trống, còn lỗi, còn người chưa điền), "
              "kèm e-mail và hạn nộp, để dán vào Zalo hoặc e-mail.")
REMIND_HEAD = "--- {department} – {head} <{email}> ---"
NO_EMAIL = "chưa có e-mail trong campaign.xlsx"
REMIND_BODY = ("Kính gửi thầy/cô {head}, tổ trưởng {department}: sổ {round} năm học {year} của tổ {what}. {when}"
               "Nhờ thầy/cô hoàn thành và gửi lại cho thư ký Hội đồng. Trân trọng cảm ơn! – {secretary}")
REMIND_ANYONE = "tổ trưởng"
REMIND_SECRETARY = "Thư ký Hội đồng thi đua – khen thưởng"
REMIND_NOT_SENT = "chưa được gửi về"
REMIND_UNFILLED = "đã gửi về ({file}) nhưng còn trống"
REMIND_ERRORS = "còn {count} lỗi cần sửa (xem bản góp ý của tệp {file})"
REMIND_MISSING = "còn thiếu phần của: {names}"
REMIND_WRONG = "ghi sai, cần sửa phần của: {names}"
REMIND_DEADLINE = "Hạn nộp: {deadline}"
REMIND_PERIOD = "{round} {period}"
REMIND_NONE = "Không tổ nào cần nhắc: mọi tổ đã nộp đủ, không còn lỗi."
REPORT_SIGNALS = "Tín hiệu cho Hội đồng (chỉ để xem lại, không ảnh hưởng kết quả):"
REPORT_SIGNALS_PERIOD = "Tín hiệu cho Hiệu trưởng khi chấm kỳ (chỉ để xem lại, không ảnh hưởng kết quả):"
REPORT_FILE_LINE = "  {name}: {status}{problems}"
REPORT_FILE_PROBLEMS = " – {count} vấn đề"
FILE_STATUS = {"accepted": "được dùng", "superseded": "bản cũ, đã có bản mới hơn", "rejected": "bị từ chối",
               "skipped": "bỏ qua"}
FEEDBACK_HELP = ("Ghi vào thư mục này, cho mỗi tổ có lỗi hoặc cảnh báo, một bản sao sổ của chính tổ đó: ô có vấn "
                 "đề được tô màu và có nhận xét, sheet đầu 'Cần sửa' liệt kê việc cần làm. Tổ sửa và gửi lại "
                 "chính tệp đó. Thư mục nhận về không bị sửa.")
FEEDBACK_DONE = "Đã ghi {count} bản góp ý cho các tổ vào {folder}: {names}"
FEEDBACK_NONE = "Không tổ nào có lỗi hay cảnh báo: không cần bản góp ý nào."
ASIDE_WORKERS_FAILED = ("Các tiến trình phụ ghi tệp JSON và các tệp nhập cho tỉnh song song bị lỗi ({error}): "
                        "những tệp đó được ghi ngay trong chương trình này – chậm hơn nhưng cùng kết quả. Không cần "
                        "sửa; nếu lần nào cũng vậy, hãy báo người hỗ trợ.")
FEEDBACK_WORKERS_FAILED = ("Các tiến trình phụ ghi bản góp ý song song bị lỗi ({error}): các bản còn lại được ghi ngay "
                           "trong chương trình này, lần lượt từng bản – chậm hơn nhưng cùng kết quả. Không cần sửa; "
                           "nếu lần nào cũng vậy, hãy báo người hỗ trợ.")
FEEDBACK_NOT_CONVERTED = ("Không ghi được bản góp ý cho {names}: tệp .xls/.ods, hay tệp .xlsx có bảng định dạng mà "
                          "thư viện openpyxl không mở được, cần LibreOffice để chuyển sang .xlsx. Các lỗi của tệp "
                          "vẫn có ở sheet Kiểm tra của bảng tổng hợp.")
FEEDBACK_IN_INBOX = ("Thư mục góp ý '{path}' nằm trong thư mục nhận về; chương trình không ghi gì vào thư mục nhận "
                     "về. Hãy chọn thư mục khác, ví dụ gop-y/.")
COUNCIL_HELP = ("Bảng tổng hợp Hội đồng đã họp xét (đã ghi Điểm Hội đồng, Quyết định, Ghi chú ở sheet Điểm chi tiết "
                "và kết quả ở sheet Kiểm phiếu): ghi bảng tổng hợp cuối cùng theo ý kiến Hội đồng, kèm sheet Thay đổi "
                "của Hội đồng. Ở cấp trên (thư mục có cap-tren.xlsx): bảng tổng hợp các trường công chức đã xem — "
                "sheet Danh sách: bỏ dấu x và ghi lý do để bỏ một dòng; sheet Chờ quyết định: ghi x và lý do để nhận "
                "một đề nghị tạm giữ, chỉ ghi lý do để bỏ; ghi ra tệp mới (-o).")
COUNCIL_SAME_FILE = ("Không ghi đè bảng tổng hợp của Hội đồng '{path}'; hãy chọn tên khác với -o, ví dụ "
                     "tong-hop-cuoi.xlsx.")
PUBLIC_HELP = ("Ghi thêm danh sách công khai (họ tên, chức vụ, tổ, danh hiệu đề nghị; thời hạn nhận ý kiến) để niêm "
               "yết ở bảng tin hoặc trang web của trường. Có --pdf thì ghi cả bản PDF.")
PUBLIC_DAYS_HELP = "Số ngày nhận ý kiến kể từ hôm nay, ghi trong danh sách công khai (mặc định 5)."
PUBLIC_DONE = "Đã ghi danh sách công khai: {path} (nhận ý kiến đến hết ngày {until})"
PUBLIC_ONLY_SCORING = "Danh sách công khai chỉ có ở vòng chấm điểm (khi đã có danh hiệu đề nghị); không ghi."
DOCS_HELP = ("Ghi vào thư mục này hồ sơ đề nghị dạng Word và PDF: Tờ trình (Mẫu 01), Biên bản họp bình xét, Biên "
             "bản kiểm phiếu, Phiếu bầu, và cho mỗi danh hiệu một thư mục gồm Danh sách đề nghị, Báo cáo thành tích "
             "(Mẫu 05) của từng CSTĐCS và Danh mục hồ sơ (giấy tờ còn phải đính kèm). PDF cần LibreOffice.")
DOCS_DONE = "Đã ghi hồ sơ vào {folder}: {docx} văn bản Word, {pdf} bản PDF."
DOCS_SHARED = "  Dùng chung: {names}"
DOCS_DOSSIER = ("  {title}: {folder}/ – {own} văn bản riêng và {shared} văn bản dùng chung; còn {attach} giấy tờ "
                "phải đính kèm (xem {checklist})")
DOCS_SET_ASIDE = ("{path}: văn bản lần ghi trước, nay không còn trong hồ sơ đề nghị (Tờ trình lần này không đề nghị) – "
                  "đã chuyển sang {aside} (không xóa). Đừng gửi tệp này kèm hồ sơ.")
DOCS_NOT_SET_ASIDE = ("{path}: văn bản lần ghi trước, nay không còn trong hồ sơ đề nghị, nhưng không chuyển được (đang "
                      "mở trong Word?). Hãy đóng tệp rồi chạy lại, hoặc tự chuyển nó ra khỏi thư mục hồ sơ; đừng gửi "
                      "tệp này kèm hồ sơ.")
DOCS_EXIST = ("Thư mục hồ sơ '{path}' đã có văn bản (.docx/.pdf): có thể là Báo cáo thành tích ai đó đã viết. "
              "Dùng --force để ghi đè, hoặc chọn thư mục khác.")
PAPERS_NOT_WRITABLE = ("Không ghi được hồ sơ vào thư mục {folder}: {what}. Hãy đóng các văn bản của thư mục này đang "
                       "mở trong Word hay trình đọc PDF; nếu thư mục được đặt chỉ đọc, bấm chuột phải vào thư mục "
                       "{name}, chọn Properties (Thuộc tính), bỏ dấu ô Read-only (Chỉ đọc), bấm OK; rồi chạy lại. Bảng "
                       "tổng hợp và hồ sơ chưa được ghi lại: vẫn là bản trước.")
PAPERS_FILE_READ_ONLY = "tệp {file} chỉ cho đọc (Read-only), không thay được"
PAPERS_FILE_HELD = "tệp {file} đang mở trong Word hoặc chương trình khác"
PAPERS_FOLDER_REFUSED = "thư mục {file} không cho ghi tệp mới (không có quyền)"
DOCS_IN_INBOX = ("Thư mục hồ sơ '{path}' nằm trong thư mục nhận về; chương trình không ghi gì vào thư mục nhận về. "
                 "Hãy chọn thư mục khác, ví dụ ho-so/.")
NOT_FOR_A_PERIOD = ("{what} không ghi cho kỳ {period}: kỳ đánh giá chỉ chấm điểm và xếp loại, không xét danh hiệu; "
                    "danh hiệu thi đua, phiếu bầu và tờ trình là của cả năm – thêm tùy chọn này vào lệnh year.")
DOCS_WHAT = "Hồ sơ đề nghị (--docs)"
PUBLIC_WHAT = "Danh sách công khai (--cong-khai)"
DOCS_ONLY_SCORING = "Hồ sơ đề nghị chỉ có ở vòng chấm điểm (khi đã có danh hiệu đề nghị); không ghi."
PDF_HELP = "Ghi thêm bản PDF của bảng tổng hợp (khổ A4, cần LibreOffice)."
PDF_DONE = "Đã ghi bản PDF: {path}"
PDF_FONT_USED = "Phông chữ của bản PDF: {fonts} (Times New Roman hoặc phông cùng số đo)."
PDF_FONT_FALLBACK = ("Bản PDF phải dùng phông {fonts} thay cho Times New Roman vì máy chưa có Times New Roman hay "
                     "phông cùng số đo (Liberation Serif, Tinos): trang có thể ngắt khác bản in từ Excel/Word và "
                     "không đúng phông theo Nghị định 30. Hãy cài phông (Debian/Ubuntu: sudo apt-get install "
                     "fonts-liberation2) rồi chạy lại, hoặc xuất PDF từ Excel/Word trên máy có Times New Roman.")
PDF_NO_OFFICE = ("Không tạo được PDF vì máy chưa có LibreOffice; bảng tổng hợp Excel vẫn đã được ghi. {install} "
                 "Hoặc mở tệp tổng hợp bằng Excel và chọn Tệp → Xuất → Tạo Tài liệu PDF/XPS (Excel tiếng Anh: File → "
                 "Export → Create PDF/XPS).")
PDF_FAILED = ("Không tạo được PDF ({reason}). Bảng tổng hợp Excel vẫn đã được ghi; hãy mở bằng Excel và chọn Tệp → "
              "Xuất → Tạo Tài liệu PDF/XPS.")
OPTIONS_METAVAR = "[TÙY CHỌN]"
DAYS_METAVAR = "SỐ_NGÀY"
FOLDER_METAVAR = "THƯ_MỤC"
COMMAND_METAVAR = "LỆNH [THAM SỐ]..."
PERIOD_METAVAR = "MÃ_KỲ"
MAPPING_METAVAR = "BỘ_MÃ"
# click words its own messages (usage errors, help) through gettext; these are their Vietnamese.
# --version: the program and its release, the last word the number (the installers read it: before → after)
VERSION_LINE = "%(prog)s %(version)s"

CLICK_TEXTS = {
    "Aborted!": "Đã dừng.",
    "Options": "Tùy chọn",
    "Commands": "Lệnh",
    "Positional arguments": "Tham số",
    "Usage:": "Cách dùng:",
    "Missing command.": "Thiếu lệnh.",
    "Error: {message}": "Lỗi: {message}",
    "Try '{command} {option}' for help.": "Xem hướng dẫn: '{command} {option}'.",
    "Invalid value: {message}": "Giá trị không hợp lệ: {message}",
    "Invalid value for {param_hint}: {message}": "Giá trị không hợp lệ cho {param_hint}: {message}",
    "Missing argument": "Thiếu tham số",
    "Missing option": "Thiếu tùy chọn",
    "Missing parameter": "Thiếu tham số",
    "Missing {param_type}": "Thiếu {param_type}",
    "Missing parameter: {param_name}": "Thiếu tham số: {param_name}",
    "argument": "tham số",
    "option": "tùy chọn",
    "parameter": "tham số",
    "No such option {name!r}.": "Không có tùy chọn {name!r}.",
    "No such command {name!r}.": "Không có lệnh {name!r}.",
    "No such option: {name}": "Không có tùy chọn: {name}",
    "Did you mean {possibility}?": "Có phải ý bạn là {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Có phải ý bạn là một trong: {possibilities}?)",
    "unknown error": "lỗi không xác định",
    "Could not open file {filename!r}: {message}": "Không mở được tệp {filename!r}: {message}",
    "Choose from:\n\t{choices}": "Chọn một trong:\n\t{choices}",
    "{value!r} is not {choice}.": "{value!r} không phải là {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} không thuộc: {choices}.",
    "{value!r} is not a valid {number_type}.": "{value!r} không phải là số hợp lệ.",
    "{value} is not in the range {range}.": "{value} nằm ngoài khoảng {range}.",
    "file": "tệp",
    "directory": "thư mục",
    "path": "đường dẫn",
    "{name} {filename!r} does not exist.": "Không tìm thấy {filename!r}.",
    "{name} {filename!r} is a file.": "{filename!r} là một tệp, cần một thư mục.",
    "{name} {filename!r} is a directory.": "{filename!r} là một thư mục, cần một tệp.",
    "{name} {filename!r} is not readable.": "Không đọc được {filename!r} (không có quyền).",
    "{name} {filename!r} is not writable.": "Không ghi được vào {filename!r} (không có quyền).",
    "Show the version and exit.": "Hiện phiên bản rồi thoát.",
    "Show this message and exit.": "Hiện hướng dẫn này rồi thoát.",
    "%(prog)s, version %(version)s": "%(prog)s, phiên bản %(version)s",
    "default: {default}": "mặc định: {default}",
    "required": "bắt buộc",
    "Got unexpected extra argument ({args})": "Thừa tham số ({args})",
    "Got unexpected extra arguments ({args})": "Thừa các tham số ({args})",
    "Option {name!r} requires an argument.": "Tùy chọn {name!r} cần một giá trị.",
    "Option {name!r} requires {nargs} arguments.": "Tùy chọn {name!r} cần {nargs} giá trị.",
    "Option {name!r} does not take a value.": "Tùy chọn {name!r} không nhận giá trị.",
}
REGISTRY_DAMAGE = {"json": "nội dung không đọc được, có thể tệp bị cắt cụt hoặc bị sửa",
                   "content": "thiếu thông tin của sổ đã phát", "unreadable": "không mở được tệp"}
REGISTRY_MISSING = ("Thư mục bản ghi sổ đã phát {folder} {state}, nên {count} sổ của chiến dịch này trong thư mục nhận "
                    "về ({names}) không kiểm được. Hãy chép lại thư mục so-da-phat/ từ bản sao lưu (hoặc từ máy đã "
                    "chạy 'thidua-xlsx generate') vào {campaign} rồi chạy lại; các tổ không cần điền lại. Chưa ghi "
                    "tệp nào.")
REGISTRY_STATES = {"missing": "không còn", "empty": "không còn bản ghi nào đọc được"}
FAULT_WRITE = "Không ghi được '{path}':"
FAULT_OPEN = "Không mở được '{path}':"
FAULT_SYSTEM = "Máy báo lỗi:"
FAULT_DISK_FULL = "ổ đĩa đầy — hãy giải phóng chỗ (xóa tệp không cần, dọn Thùng rác) rồi chạy lại."
FAULT_NAME_TOO_LONG = ("đường dẫn quá dài so với giới hạn của hệ thống ({length} ký tự) — hãy chọn thư mục ngắn hơn, "
                       "gần gốc ổ đĩa (ví dụ D:\\thidua), hoặc đặt tên tệp ngắn hơn rồi chạy lại.")
FAULT_OPEN_ELSEWHERE = "tệp đang mở trong Excel hoặc chương trình khác — hãy đóng tệp {name} trong Excel rồi chạy lại."
FAULT_READ_ONLY = ("ổ đĩa hoặc thư mục chỉ cho đọc (USB khóa ghi, ổ mạng chỉ đọc) — hãy chọn nơi ghi khác rồi chạy "
                   "lại.")
FAULT_NO_PERMISSION = ("không có quyền (thư mục {folder} hoặc tệp {name} không cho ghi) — nếu tệp {name} đang mở trong "
                       "Excel, hãy đóng tệp rồi chạy lại; nếu không, hãy chọn nơi ghi khác hoặc nhờ cấp quyền ghi.")
FAULT_OTHER = "{reason} — hãy kiểm tra ổ đĩa hoặc chọn nơi ghi khác rồi chạy lại."
BUSY = ("Một lệnh thidua-xlsx khác ({command}) đang chạy trên {what}: máy {host}, tiến trình {pid}, từ {since}. Hãy "
        "đợi lệnh đó xong rồi chạy lại. Nếu chắc chắn không còn lệnh nào chạy (máy bị tắt đột ngột), hãy xóa tệp "
        "{lock} rồi chạy lại.")
BUSY_UNKNOWN = ("Một lệnh thidua-xlsx khác đang chạy trên {what} (tệp khóa {lock}). Hãy đợi lệnh đó xong rồi chạy "
                "lại; nếu chắc chắn không còn lệnh nào chạy, hãy xóa tệp {lock} rồi chạy lại.")
BUSY_CAMPAIGN = "chiến dịch {path}"
BUSY_OUTPUT = "'{path}'"
OUTPUT_OPTIONS = {"output": "-o", "json": "--json", "public": "--cong-khai", "output_pdf": "bản PDF của -o",
                  "public_pdf": "bản PDF của --cong-khai", "feedback": "--feedback", "docs": "--docs",
                  "import": "--xuat-tinh"}
OUTPUT_IN_INBOX = ("{option} '{path}' nằm trong thư mục nhận về {inbox}: chương trình không ghi gì vào đó (nơi giữ sổ "
                   "các tổ gửi về). Hãy chọn nơi ghi khác, ngoài thư mục nhận về.")
OUTPUT_IS_INPUT = "{option} '{path}' là {what}: chương trình không ghi đè tệp đầu vào. Hãy chọn tên khác."
OUTPUT_INPUTS = {"council": "bảng tổng hợp Hội đồng đã họp (--council)", "campaign": "sổ chiến dịch",
                 "record": "bản ghi của chương trình trong thư mục chiến dịch",
                 "records": "nơi giữ bản ghi sổ đã phát của chương trình (thư mục so-da-phat)",
                 "history": "lịch sử các năm trước (--history)"}
OUTPUTS_CLASH = "{first} và {second} cùng ghi vào '{path}'. Hãy đặt tên khác cho một trong hai."
KEPT_BESIDE = ("Giữ nguyên {kept}: tệp đã được sửa hoặc không do chương trình ghi; bản mới ghi vào {new}. Nếu không "
               "cần tệp cũ, hãy xóa nó rồi chạy lại.")
EXIT_CODES_FAULTS = ("Mã {unusable} cũng khi máy hay một lệnh khác không cho ghi (ổ đĩa đầy, không có quyền ghi, tệp "
                     "đang mở trong Excel, đường dẫn quá dài, lệnh khác đang chạy); {usage} cả khi lệnh bị từ chối "
                     "trước khi làm gì (kết quả đã có mà thiếu --force, ghi vào thư mục nhận về, hai kết quả trùng "
                     "tên).")
REPORT_UNTOUCHED = ("Sổ gửi về còn trống, chưa tính là đã nộp ({count} tổ): {names}. Có thể đây là sổ đã phát "
                    "(thư mục outbox) chứ không phải sổ các tổ gửi về; hãy nhắc các tổ điền rồi gửi lại.")
OFFICE_NO_INPUT = "không thấy tệp {name}"
OFFICE_MISSING = "máy chưa có LibreOffice"
OFFICE_TIMEOUT = ("LibreOffice không chuyển xong {name} trong {seconds} giây và đã được dừng – có thể nó đang treo "
                  "hoặc "
                  "chờ một hộp thoại; hãy đóng mọi cửa sổ LibreOffice rồi chạy lại")
OFFICE_FAILED = "LibreOffice không chuyển được {name} sang {ext}"
# How to install LibreOffice, in each system's words ({variable}: office.SOFFICE_VARIABLE).
OFFICE_INSTALL = {
    "windows": ("Tải LibreOffice bản Windows tại https://www.libreoffice.org/download/download/, mở tệp .msi vừa tải "
                "và "
                "cài với các lựa chọn mặc định (vào C:\\Program Files\\LibreOffice), rồi chạy lại lệnh. Nếu đã cài ở "
                "thư "
                "mục khác, đặt biến môi trường {variable} là đường dẫn tới soffice.exe."),
    "macos": ("Tải LibreOffice bản macOS tại https://www.libreoffice.org/download/download/, mở tệp .dmg và kéo "
              "LibreOffice vào thư mục Ứng dụng (Applications), rồi chạy lại lệnh. Nếu đặt ở nơi khác, đặt biến môi "
              "trường {variable} là đường dẫn tới LibreOffice.app/Contents/MacOS/soffice."),
    "linux": ("Cài LibreOffice (Debian/Ubuntu: sudo apt-get install --no-install-recommends libreoffice-calc "
              "libreoffice-writer), rồi chạy lại lệnh. Nếu đặt ở nơi khác, đặt biến môi trường {variable} là đường dẫn "
              "tới soffice."),
}
# init --tu lists the lines of sheet Căn cứ naming a past school year among what to check (each with its cell)
NEW_YEAR_CHECK_LEGAL = ("  - Sheet Căn cứ: {lines} còn nhắc năm học trước (kế hoạch, hướng dẫn của năm cũ): hãy thay "
                        "bằng văn bản của năm học {year}.")
NEW_YEAR_LEGAL_LINE = "dòng {n} (ô {cell})"
