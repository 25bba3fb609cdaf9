"""The words of the history (``lich-su.xlsx`` and the earlier years' final summaries): its sheets and headers,
its guide, the ``history`` command's help and console lines, and its messages (merged into
:mod:`thidua_xlsx.text.messages` by one line at its end)."""

from __future__ import annotations

SOURCE_ROW = "{file} · {sheet}, dòng {row}"  # where a history row came from, as a person reads it

# Sheets
S_GUIDE = "Hướng dẫn"
S_PEOPLE = "Cá nhân"
S_SERVICE = "Thâm niên"
S_INITIATIVES = "Sáng kiến"
S_DEPARTMENTS = "Tập thể"

# Headers, by column key (model.history_book orders them, gives widths and kinds)
PEOPLE_HEADERS = {
    "year": "Năm học", "code": "Mã", "name": "Họ và tên", "dob": "Ngày sinh", "rating": "Xếp loại viên chức",
    "titles": "Danh hiệu", "forms": "Hình thức khen thưởng", "special": "Khen đột xuất / chuyên đề",
    "discipline": "Kỷ luật", "discipline_end": "Kỷ luật đến ngày", "note": "Ghi chú",
}
SERVICE_HEADERS = {
    "code": "Mã", "name": "Họ và tên", "dob": "Ngày sinh", "sector_start": "Ngày vào ngành",
    "difficult_years": "Số năm ở vùng đặc biệt khó khăn", "uncounted_years": "Số năm không tính (kỷ luật)",
    "medal_year": "Năm học nhận Kỷ niệm chương", "note": "Ghi chú",
}
INITIATIVE_HEADERS = {
    "name": "Tên sáng kiến", "author": "Mã tác giả", "author_name": "Tác giả", "level": "Cấp công nhận",
    "decision": "Số QĐ công nhận", "decision_date": "Ngày QĐ", "year": "Năm học",
    "used_year": "Dùng cho năm học", "used_for": "Dùng cho (danh hiệu / hình thức)", "note": "Ghi chú",
}
DEPARTMENT_HEADERS = {
    "year": "Năm học", "code": "Mã tổ", "name": "Tên tổ", "titles": "Danh hiệu", "forms": "Hình thức khen thưởng",
    "note": "Ghi chú",
}

GUIDE_TITLE = "LỊCH SỬ THI ĐUA – KHEN THƯỞNG CÁC NĂM HỌC – {school}"
GUIDE = (
    "Tệp này ghi kết quả thi đua – khen thưởng các năm học trước, để xét các danh hiệu cần nhiều năm: Bằng khen của "
    "Chủ tịch UBND tỉnh, Chiến sĩ thi đua cấp tỉnh, Kỷ niệm chương \"Vì sự nghiệp giáo dục\".",
    "Chương trình tự thêm mỗi năm học từ bảng tổng hợp cuối năm: trên trang thi đua, bấm Ghi vào sổ lịch sử (dòng "
    "Sổ lịch sử khen thưởng của trang chính; chấm theo kỳ: trang Cả năm (từ các kỳ)). Ghi lại cùng năm học thì các "
    "dòng của năm đó được thay, các năm khác giữ nguyên; bản cũ của tệp được giữ cạnh nó (lich-su.<ngày>.xlsx).",
    "Các năm trước khi dùng chương trình: thư ký điền tay, mỗi người mỗi năm một dòng. Không đổi tên sheet và tên cột "
    "(có thể đổi thứ tự cột, thêm cột riêng ở bên phải).",
    "1. Sheet Cá nhân: Năm học dạng 2023-2024; Mã như sheet Nhân sự của campaign.xlsx (mã đổi qua các năm: chương "
    "trình ghép theo họ tên và ngày sinh, và báo lại). Năm nào không có dòng của một người là năm chưa có thông tin "
    "(không phải năm không được gì).",
    "   Danh hiệu: nhiều danh hiệu cách nhau bởi dấu phẩy (Lao động tiên tiến, Chiến sĩ thi đua cơ sở). Hình thức khen "
    "thưởng và khen đột xuất / chuyên đề: nhiều hình thức cách nhau bởi dấu chấm phẩy. Khen đột xuất, chuyên đề không "
    "được tính để xét khen thưởng cao hơn (NĐ 152/2025 điều 4 khoản 3).",
    "2. Sheet Thâm niên: mỗi người một dòng: ngày vào ngành, số năm công tác ở vùng đặc biệt khó khăn, số năm không "
    "tính vì kỷ luật, năm học đã nhận Kỷ niệm chương (để trống nếu chưa nhận). Người chưa có dòng ở đây thì chưa biết "
    "đã nhận Kỷ niệm chương chưa: không được đề nghị, ghi \"chưa đủ thông tin\".",
    "3. Sheet Sáng kiến: mỗi lần một sáng kiến được dùng là một dòng (dùng hai lần: hai dòng cùng tên và mã tác giả; "
    "chưa dùng: để trống hai cột Dùng cho). Một sáng kiến đã dùng để xét danh hiệu thì không dùng cho hình thức khen "
    "thưởng và ngược lại (CV 5007/BNV-TĐKT 2023).",
    "4. Sheet Tập thể: mỗi tổ mỗi năm một dòng, danh hiệu tập thể cách nhau bởi dấu phẩy.",
)

# The history command
HISTORY_HELP = ("Lịch sử các năm học: tạo sổ lịch sử (--book, mặc định lich-su.xlsx cạnh bảng tổng hợp đầu tiên) nếu "
                "chưa có, rồi thêm vào đó "
                "kết quả cuối năm của từng bảng tổng hợp SUMMARY (bảng tổng hợp chấm điểm cả năm do merge ghi, bản "
                "sau Hội đồng càng tốt). Chạy lại cùng năm học: năm đó được thay, các năm khác và các dòng nhập tay "
                "giữ nguyên; bản cũ giữ cạnh sổ.")
BOOK_HELP = "Sổ lịch sử cần tạo hoặc cập nhật (.xlsx; mặc định lich-su.xlsx cạnh bảng tổng hợp đầu tiên)."
SUMMARY_METAVAR = "[SUMMARY]..."
CREATED = "Đã tạo sổ lịch sử {path}."
# the Ghi chú of each row of a year recorded before it ended (history --final), and what the command says of it
NOTE_DRAFT = "Ghi khi năm học chưa xong (DỰ THẢO: {periods}) – ghi lại từ bảng cả năm cuối cùng"
ADDED_DRAFT = ("Năm học {year} được ghi khi chưa xong (DỰ THẢO: {periods}): mỗi dòng của năm này ghi rõ ở cột Ghi chú; "
               "khi năm học xong, hãy ghi lại từ bảng cả năm cuối cùng.")
ADDED = "Năm học {year} (từ {file}): {people} người, {titles} danh hiệu, {initiatives} sáng kiến, {departments} tổ."
REPLACED = "Năm học {year} (từ {file}): thay các dòng đã có của năm này — {people} người, {titles} danh hiệu, " \
           "{initiatives} sáng kiến, {departments} tổ."
UNCHANGED = "Sổ {path} không thay đổi."
WRITTEN = "Đã ghi {path} (bản trước giữ ở {backup})."
WRITTEN_NEW = "Đã ghi {path}."
YEARS = "Sổ có {count} năm học: {years}."
BOOK_NOT_XLSX = "Sổ lịch sử '{path}' phải là tệp .xlsx để chương trình ghi vào (tệp .ods: mở bằng LibreOffice, " \
                "lưu thành .xlsx rồi chạy lại)."

# What follows a workbook that is not a history book, whatever it is (history --book, merge --history)
NOT_A_BOOK = ("không phải sổ lịch sử: không dùng làm lịch sử và không ghi gì vào tệp này. Hãy chỉ đúng sổ lịch sử "
              "(lich-su.xlsx); chưa có sổ thì đặt tên một tệp chưa có, chương trình sẽ tạo sổ mới.")

HISTORY_MESSAGES = {
    # lich-su.xlsx
    "history.book_broken": "Không mở được sổ lịch sử '{file}': tệp bị hỏng, có mật khẩu hoặc không phải sổ bảng tính. "
                           "Hãy mở bằng Excel hoặc LibreOffice, gỡ mật khẩu nếu có, lưu lại dạng .xlsx; nếu không mở "
                           "được, hãy lấy bản lưu trước (lich-su.<ngày>.xlsx cạnh tệp).",
    "history.book_no_access": "Không đọc được sổ lịch sử '{file}' (không có quyền đọc, hoặc tệp đang bị chương trình "
                              "khác giữ). Hãy đóng tệp trong Excel/LibreOffice, kiểm tra quyền đọc rồi chạy lại.",
    "history.book_open": "Sổ lịch sử '{file}' đang mở trong Excel hoặc LibreOffice. Hãy lưu, đóng tệp rồi chạy lại "
                         "(chương trình không ghi vào tệp đang mở, để không mất phần đang sửa).",
    "history.year_added_again": "Năm học {year} trong sổ lịch sử được thêm từ một bảng tổng hợp trước bảng tổng hợp "
                                "cuối năm hiện có ('{summary}', Hội đồng đã họp lại?): đã thêm lại năm ấy từ "
                                "'{summary}'; sổ trước đó giữ bên cạnh ({backup}). Dòng nào của năm ấy đã sửa tay "
                                "thì hãy xem lại.",
    "history.book_other_school": "'{summary}' là bảng tổng hợp của '{school}', sổ lịch sử '{file}' là của "
                                 "'{book_school}' – không thêm. Hãy dùng sổ lịch sử của đúng trường.",
    "history.book_is_campaign": "'{file}' là tệp chiến dịch (có sheet Trường và Nhân sự), " + NOT_A_BOOK,
    "history.book_is_summary": "'{file}' là bảng tổng hợp năm học {year} do thidua-xlsx ghi, " + NOT_A_BOOK +
                               " Để thêm năm học của bảng tổng hợp vào sổ lịch sử: thidua-xlsx history --book "
                               "lich-su.xlsx '{file}'.",
    "history.book_is_department": "'{file}' là sổ của tổ '{department}' do thidua-xlsx phát ra, " + NOT_A_BOOK,
    "history.book_is_other": "'{file}' (các sheet: {sheets}; không có sheet Cá nhân, Thâm niên, Sáng kiến hay Tập "
                             "thể) " + NOT_A_BOOK,
    "history.sheet_missing": "Thiếu sheet '{sheet}' trong sổ lịch sử: phần lịch sử của sheet này coi như chưa biết "
                             "(các khen thưởng nhiều năm dựa vào nó để \"chưa đủ thông tin\"). Hãy khôi phục sheet "
                             "này (lấy từ bản lưu trước lich-su.<ngày>.xlsx, hoặc tạo sổ mới bằng thidua-xlsx history "
                             "--book rồi chép dữ liệu sang); các sheet khác vẫn được đọc.",
    "history.column_missing": "Thiếu cột '{column}' ở dòng tiêu đề (dòng 1). Hãy khôi phục đúng tên cột.",
    "history.required": "Ô '{field}' đang để trống: dòng này không được dùng. Hãy điền giá trị.",
    "history.bad_year": "'{field}' = '{value}' không phải năm học. Hãy nhập dạng 2023-2024.",
    "history.year_to_come": "'{field}' = '{value}' là năm học chưa tới (năm học hiện nay: {current}): không tính. "
                            "Hãy sửa lại năm học đã qua (dạng 2023-2024).",
    "history.day_to_come": "'{field}' = '{value}' là ngày chưa tới (hôm nay {today}): coi như chưa biết. Hãy sửa lại "
                           "ngày cho đúng (dạng 05/09/2005).",
    "history.bad_date": "'{field}' = '{value}' không phải ngày hợp lệ: coi như chưa biết. Hãy nhập ngày dạng "
                        "05/09/2005.",
    "history.bad_number": "'{field}' = '{value}' không phải là số không âm: coi như chưa biết. Hãy nhập một số "
                          "(ví dụ 5 hoặc 2,5).",
    "history.bad_choice": "'{field}' = '{value}' không thuộc danh mục: coi như chưa biết. Hãy chọn một trong: "
                          "{choices}.",
    "history.unknown_title": "Danh hiệu '{value}' không phải danh hiệu chương trình biết ({choices}): giữ nguyên "
                             "nhưng không dùng để xét danh hiệu nhiều năm. Hãy sửa nếu gõ nhầm.",
    "history.duplicate_row": "{what} đã có ở dòng {first}: dòng này không được dùng. Hãy gộp hai dòng làm một.",
    "history.duplicate_differs": "{what} đã có ở dòng {first}, ghi khác dòng này: chưa biết dòng nào đúng nên không "
                                 "dùng dòng nào – Bằng khen và các danh hiệu nhiều năm khác dựa vào năm này "
                                 "chờ, không xét theo dòng đầu. Hãy gộp hai dòng làm một rồi chạy lại.",
    "history.initiative_differs": "Sáng kiến '{name}' ({author}) ghi khác nhau ở các dòng (cấp, số QĐ hoặc ngày QĐ): "
                                  "dùng dòng {first}. Hãy sửa cho các dòng giống nhau.",
    "history.year_typed": "Năm học {year} đã có trong sổ lịch sử do nhập tay – không thêm '{summary}', để không mất "
                          "các dòng đã nhập. Nếu muốn thay bằng kết quả của bảng tổng hợp, hãy xóa các dòng năm "
                          "{year} ở các sheet Cá nhân, Tập thể, Sáng kiến rồi chạy lại.",
    "history.year_other_campaign": "Năm học {year} trong sổ lịch sử đã được thêm từ '{first}' của một chiến dịch khác "
                                   "– không thêm '{summary}'. Nếu '{summary}' mới đúng, hãy xóa các dòng năm {year} ở "
                                   "các sheet Cá nhân, Tập thể, Sáng kiến rồi chạy lại.",
    # the earlier years' final summaries (a folder, or one given to the history command)
    "history.summary_unreadable": "Không đọc được '{file}' như một bảng tổng hợp (tệp hỏng hoặc không phải tệp Excel) "
                                  "– không dùng. Hãy chép lại tệp ấy từ bản lưu của năm học đó rồi chạy lại; tệp để "
                                  "nhầm chỗ thì bỏ ra.",
    "history.summary_not_ours": "'{file}' không phải bảng tổng hợp do thidua-xlsx ghi (không có thông tin nhận diện) "
                                "– không dùng. Các năm trước khi dùng chương trình: hãy điền tay vào sổ lịch sử.",
    "history.summary_registration": "'{file}' là bảng tổng hợp đăng ký (năm học {year}), chưa có kết quả cuối năm – "
                                    "không dùng. Hãy dùng bảng tổng hợp chấm điểm cuối năm.",
    "history.summary_period": "'{file}' là bảng tổng hợp của kỳ '{period}' (năm học {year}), không phải cả năm – "
                              "không dùng. Hãy dùng bảng tổng hợp cả năm (thidua-xlsx year).",
    "history.summary_no_outcomes": "'{file}' (năm học {year}) do phiên bản cũ ghi, chưa mang kết quả cuối năm của từng "
                                   "người – không dùng. Hãy tổng hợp lại năm đó bằng phiên bản này (các sổ các tổ gửi "
                                   "về vẫn còn), hoặc điền tay năm {year} vào sổ lịch sử.",
    "history.summary_pre_council": "'{summary}' (năm học {year}) là bảng tổng hợp trước Hội đồng: danh hiệu trong đó "
                                   "mới là đề nghị, chưa được bình xét – không ghi vào sổ lịch sử (năm sau sẽ tính "
                                   "danh hiệu nhiều năm từ sổ này). Hãy dùng bảng tổng hợp cuối cùng, sau lượt "
                                   "Hội đồng (merge … --council hoặc year --council).",
    "history.title_without_vote": "'{file}' (năm học {year}): {count} người được đề nghị {title} chưa có kết quả "
                                  "bỏ phiếu của Hội đồng ({people}) – danh hiệu này chưa ghi vào sổ lịch sử (năm "
                                  "sau sẽ tính danh hiệu nhiều năm từ sổ này). Hãy ghi số phiếu ở sheet Kiểm phiếu "
                                  "của bảng Hội đồng, tổng hợp lại với bảng đó, rồi ghi lại năm học này vào sổ.",
    "history.summary_other_school": "'{file}' là bảng tổng hợp của '{school}', không phải của '{expected}' – không "
                                    "dùng. Nếu để nhầm, hãy chuyển tệp ra khỏi thư mục; nếu không, không cần sửa.",
    "history.summary_not_earlier": "'{file}' là bảng tổng hợp năm học {year}, không phải năm trước năm học {current} "
                                   "– không dùng làm lịch sử; không cần sửa nếu tệp để đó có chủ ý.",
    "history.summary_duplicate_year": "Năm học {year} có hai bảng tổng hợp: dùng '{used}' (bản sau Hội đồng được ưu "
                                      "tiên, rồi bản ghi sau); tệp này không dùng. Muốn dùng tệp này thì hãy chuyển "
                                      "tệp kia ra khỏi thư mục.",
    "history.summary_other_file": "'{file}' không phải sổ Excel (.xlsx, .xlsm, .xls, .ods) – không dùng; không cần "
                                  "sửa.",
    "history.summary_link": "'{file}' là liên kết (shortcut) – không đọc. Hãy chép chính tệp vào thư mục.",
}
SPECIAL_AWARD = "{kind}: {achievement} ({form})"  # a đột xuất or chuyên đề award, as the history's column keeps it
