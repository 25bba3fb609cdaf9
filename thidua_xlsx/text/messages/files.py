"""The messages of files and workbooks: the books the tool writes (``generate.*``, ``registry.*``, ``run.*``),
the files of an inbox and what is wrong with a returned book as a whole (``file.*``, ``sheet.*``, ``row.*``,
``locked.*``), and a file brought in by the local page or the mail (``intake.*``). Assembled into
:mod:`thidua_xlsx.text.messages`."""

from __future__ import annotations

FILE_MESSAGES = {
    # generate: the outbox
    "generate.would_overwrite": "Thư mục {outbox} đã có sổ khác với sổ sắp tạo: {files}. Không ghi đè gì. Hãy chọn "
                                "thư mục khác bằng -o, hoặc thêm --force nếu chắc chắn muốn thay.",
    "generate.would_overwrite_returned": "Thư mục {outbox} chứa sổ các tổ đã điền và gửi về (không giống sổ đã "
                                         "phát): {files}. Không ghi đè gì, để không mất bài của các tổ. Hãy phát "
                                         "sổ vào thư mục khác bằng -o, hoặc thêm --force: sổ đã điền được giữ "
                                         "nguyên, sổ mới ghi bên cạnh (tên thêm \"(moi)\").",
    "generate.outbox_unwritable": "Không tạo được thư mục '{path}' để ghi sổ ({reason}). Hãy chọn thư mục khác "
                                  "bằng -o.",
    "generate.workers_failed": "Các tiến trình phụ ghi sổ song song bị lỗi ({error}): các sổ còn lại được ghi ngay "
                               "trong chương trình này, lần lượt từng sổ – chậm hơn nhưng cùng kết quả, không thiếu "
                               "sổ nào. Không cần sửa; nếu lần nào cũng vậy, hãy báo người hỗ trợ.",
    # inbox files
    "file.unfilled": "Sổ giống hệt sổ đã phát: {department} chưa điền gì nên chưa tính là đã nộp. Hãy nhắc tổ điền "
                     "rồi gửi lại.",
    "file.unfilled_set_aside": "Bản sổ còn trống như khi phát của {department}, để riêng: sổ đã điền của tổ ({used}) "
                               "được dùng. Không cần nhắc tổ; có thể chuyển bản trống này ra khỏi thư mục nhận về.",
    "file.skipped_lock": "Tệp khóa tạm của Excel/LibreOffice (do đang mở tệp) – bỏ qua, không cần làm gì.",
    "file.skipped_system": "Tệp hệ thống – bỏ qua; không cần sửa.",
    "file.not_workbook": "Không phải sổ Excel (.xlsx, .xlsm, .xls, .ods) – bỏ qua. Nếu tổ gửi nhầm tệp, "
                         "hãy nhờ tổ gửi lại đúng sổ đã điền.",
    "file.too_big": "Tệp quá lớn ({size_mb} MB, giới hạn {max_mb} MB) so với một sổ thi đua – không đọc. Hãy nhờ tổ "
                    "gửi lại đúng sổ đã được phát.",
    "file.encrypted": "Tệp có đặt mật khẩu mở nên không đọc được. Hãy nhờ tổ gỡ mật khẩu (File → Info → "
                      "Protect Workbook) rồi gửi lại.",
    "file.saved_time_impossible": "Sổ ghi được lưu ngày {saved} – ngày chưa đến hoặc quá xa, không thể đúng (đồng hồ "
                                  "máy sai, hoặc bị sửa): không dùng ngày đó để chọn bản mới nhất của tổ, dùng thời "
                                  "gian của tệp. Hãy kiểm tra đồng hồ của máy đã lưu sổ, và ngày giờ của máy này.",
    "file.macros": "Sổ có chứa macro (VBA, Basic): sổ chương trình phát không có macro, nên ai đó đã thêm vào. "
                   "Chương trình chỉ đọc giá trị các ô, không bao giờ chạy macro, nên sổ vẫn được đọc như thường. "
                   "Đừng mở tệp này bằng Excel hay LibreOffice mà bật macro (Enable Content / Bật macro); nếu cần "
                   "mở, hãy nhờ tổ lưu lại thành sổ .xlsx (Lưu thành → Excel Workbook) rồi gửi lại.",
    "file.corrupt": "Tệp bị hỏng hoặc không phải sổ Excel thật (có thể bị đổi đuôi). Hãy nhờ tổ lưu lại bằng "
                    "Excel (.xlsx) rồi gửi lại.",
    "file.zip_bomb": "Tệp có nội dung nén bất thường (quá lớn khi giải nén) – không đọc vì an toàn. Hãy nhờ tổ "
                     "gửi lại đúng sổ đã được phát.",
    "file.not_ours": "Sổ này không do thidua-xlsx tạo (không có thông tin nhận diện). Hãy dùng đúng sổ do "
                     "thư ký phát cho tổ ('thidua-xlsx generate').",
    "file.meta_broken": "Thông tin nhận diện trong sổ bị hỏng hoặc bị sửa. Hãy phát lại sổ cho tổ và nhờ điền lại.",
    "file.old_template": "Sổ được tạo bằng phiên bản cũ của thidua-xlsx (mang theo cả dữ liệu chiến dịch, không còn "
                         "được tin dùng). Hãy phát lại sổ mới cho tổ ('thidua-xlsx generate') và nhờ tổ chép điểm "
                         "sang.",
    "file.not_issued": "Sổ ({department}) không có trong danh sách sổ đã phát của chiến dịch này (thư mục so-da-phat). "
                       "Có thể là sổ tự sao chép hoặc bị sửa mã. Hãy phát lại sổ cho tổ bằng 'thidua-xlsx generate'.",
    "file.locked_record_missing": "Nội dung khóa của sổ ({department}) khác với khi phát, nhưng bản ghi nội dung "
                                  "khóa trong thư mục so-da-phat/o-khoa đã bị xóa nên không biết ô nào bị sửa. Sổ "
                                  "không được dùng; hãy phát lại sổ cho tổ bằng 'thidua-xlsx generate'.",
    "file.meta_edited": "Thông tin nhận diện ẩn trong sổ đã bị sửa; chương trình dùng thông tin của sổ đã phát "
                        "({department}). Hãy kiểm tra ai đã sửa sổ.",
    "file.identity_mismatch": "Nội dung sổ không khớp với sổ đã phát cho {department} (sổ ghi các mã {codes}). Có thể "
                              "là sổ của tổ khác bị đổi mã. Sổ không được dùng; hãy hỏi lại tổ.",
    "file.unknown_department": "Sổ của {department}, tổ này không còn trong sheet Tổ của campaign.xlsx. Hãy kiểm tra "
                               "lại danh sách tổ.",
    "sheet.duplicate": "Sheet '{sheet}' lặp lại một phiếu đã có (sheet '{used}'); chỉ đọc phiếu thứ nhất. Hãy xóa "
                       "bản sao.",
    "sheet.form_copies_differ": "Phiếu của {who} có ở {count} sheet ({sheets}) với nội dung khác nhau; chương "
                                "trình không biết phiếu nào đúng nên không dùng sheet nào: người này chưa có điểm, "
                                "chưa được xét (không tính là 0). Hãy nhờ tổ xóa các bản thừa, giữ một phiếu đúng "
                                "rồi gửi lại.",
    "sheet.form_copy_same": "Sheet '{sheet}' chép phiếu của {who}, giống hệt sheet '{used}' (sheet được dùng). "
                            "Hãy xóa bản sao.",
    "sheet.form_copy_blank": "Sheet '{sheet}' chép phiếu của {who} nhưng chưa điền gì; chương trình dùng sheet "
                             "'{used}'. Hãy xóa bản sao.",
    "sheet.unknown_form": "Phiếu có mã '{marker}' không thuộc sổ đã phát cho tổ này; không đọc. Hãy kiểm tra tổ có "
                          "chép phiếu từ sổ khác không.",
    "sheet.table_missing": "Không tìm thấy bảng tiêu chí (dòng tiêu đề Mã / Nội dung tiêu chí / Tự chấm / Tổ chấm) "
                           "trong phiếu; không đọc được điểm. Hãy nhờ tổ gửi lại phiếu đúng mẫu.",
    "row.missing_code": "Không tìm thấy dòng của tiêu chí {codes} (đã bị xóa?); các tiêu chí này chưa được tính "
                        "điểm. Hãy nhờ tổ gửi lại phiếu đầy đủ.",
    "row.person_missing": "Không tìm thấy dòng của {name} (mã {person}) trong danh sách (đã bị xóa?); người này được "
                          "ghi là thiếu phiếu. Hãy nhờ tổ gửi lại sổ đầy đủ.",
    "row.unknown_code": "Ô '{value}' nằm ở dòng có mã '{row_code}' không thuộc sổ đã phát; không biết của ai/tiêu chí "
                        "nào nên không được tính. Hãy nhờ tổ điền lại đúng dòng.",
    "row.no_code": "Ô '{value}' nằm ở dòng không có mã (dòng chèn thêm?); không biết của ai/tiêu chí nào nên không "
                   "được tính. Hãy nhờ tổ điền vào đúng dòng có mã.",
    "row.duplicate_code": "Ô '{value}' nằm ở dòng lặp lại mã '{row_code}'; chỉ dòng thứ nhất được tính. Hãy xóa dòng "
                          "lặp.",
    "locked.changed": "Ô khóa đã bị sửa: khi phát là '{issued}', trong sổ là '{found}'. Chương trình dùng nội dung "
                      "đã phát; hãy kiểm tra ai đã sửa sổ.",
    "locked.typed": "Ô khóa đã bị sửa: '{value}' được gõ vào ô khóa (ngoài các ô trắng để điền), giá trị không "
                    "được dùng. Nếu đó là điểm hay ghi chú cần tính, hãy nhờ tổ gõ vào đúng ô trắng rồi gửi lại.",
    # inbox files: which book, which version, which file
    "file.newer_version": "Sổ được tạo bằng phiên bản mẫu {version}, mới hơn chương trình này. Hãy cập nhật "
                          "thidua-xlsx.",
    "file.other_year": "Sổ của năm học {year}, chiến dịch này là năm học {expected} – không dùng. Có thể tổ gửi nhầm "
                       "sổ năm trước, hoặc campaign.xlsx năm trước được chép sang: hãy nhờ tổ điền sổ năm nay; chiến "
                       "dịch chép tay thì tạo lại bằng 'thidua-xlsx init THƯ_MỤC --tu THƯ_MỤC_NĂM_TRƯỚC' rồi phát sổ "
                       "mới.",
    "file.other_campaign": "Sổ thuộc chiến dịch khác (năm học {year}). Hãy kiểm tra tổ có gửi nhầm sổ năm cũ hoặc "
                           "trường khác không.",
    "file.other_round": "Sổ thuộc vòng '{round}', không phải vòng đang tổng hợp ('{expected}'). Hãy để các sổ "
                        "của mỗi vòng trong một thư mục riêng.",
    "file.superseded": "{department} đã gửi bản mới hơn ({newer}, lưu {newer_saved}); bản này (lưu {saved}) không "
                       "được dùng.",
    "file.version_diff": "So với bản được dùng ({newer}), bản này khác {count} ô: {changes}.",
    "file.copy_of": "Bản sao giống hệt từng byte của '{original}' (ví dụ thư chuyển tiếp); không đọc lại, không cần "
                    "sửa.",
    "file.link_inside": "Lối tắt (symlink) tới một tệp trong thư mục – bỏ qua, tệp thật đã được đọc; không cần sửa.",
    "file.link_outside": "Lối tắt (symlink) trỏ ra ngoài thư mục nhận về – không đọc vì an toàn. Hãy chép tệp thật "
                         "vào thư mục.",
    "file.link_dangling": "Lối tắt (symlink) hỏng, không trỏ tới tệp nào – không đọc. Hãy chép tệp thật vào thư mục.",
    "file.link_loop": "Lối tắt (symlink) vòng lặp – không đọc. Hãy xóa lối tắt này.",
    "file.special": "Không phải tệp thường (FIFO, thiết bị, socket) – không đọc. Nếu đó là sổ, hãy chép tệp sổ vào "
                    "thư mục.",
    "file.unreadable_folder": "Không mở được thư mục này (không có quyền đọc) – các tệp bên trong chưa được đọc. "
                              "Hãy cấp quyền đọc hoặc chép tệp ra ngoài.",
    "file.folder_gone": "Không có thư mục này (gõ sai tên, hoặc thư mục vừa bị xóa, đổi tên hay chuyển đi) – không "
                        "tệp nào bên trong được đọc. Hãy kiểm tra lại thư mục rồi chạy lại.",
    "file.unreadable": "Không đọc được tệp (không có quyền đọc hoặc tệp đang bị khóa). Hãy cấp quyền đọc rồi chạy lại.",
    "file.too_long": "Đường dẫn tới tệp này dài {length} ký tự, quá giới hạn của hệ thống, nên không đọc được (không "
                     "phải do quyền đọc). Hãy đặt tên tệp và các thư mục chứa nó ngắn lại, hoặc chuyển thư mục nhận về "
                     "lên gần gốc ổ đĩa (ví dụ C:\\thidua\\nhan-ve), rồi chạy lại.",
    "file.folder_too_long": "Đường dẫn tới thư mục này quá dài so với giới hạn của hệ thống, nên không mở được (không "
                            "phải do quyền đọc) – các tệp bên trong chưa được đọc. Hãy đặt tên các thư mục ngắn lại, "
                            "hoặc chuyển thư mục nhận về lên gần gốc ổ đĩa (ví dụ C:\\thidua\\nhan-ve), rồi chạy lại.",
    "file.sheet_too_big": "Sổ có ô ở rất xa ({part}: dòng {rows}, cột {columns}; giới hạn {max_rows} dòng, "
                          "{max_columns} cột) – không đọc vì an toàn. Hãy nhờ tổ gửi lại đúng sổ đã được phát.",
    "file.xml_entities": "Sổ chứa khai báo XML lạ (DOCTYPE/ENTITY) mà Excel không bao giờ ghi – không đọc vì an "
                         "toàn. Hãy nhờ tổ gửi lại đúng sổ đã được phát.",
    "file.strict_or_foreign": "Sổ lưu ở định dạng Excel không quen (Strict Open XML hoặc chương trình lạ). Hãy nhờ tổ "
                              "lưu lại bằng 'Excel Workbook (.xlsx)' rồi gửi lại.",
    "file.too_slow": "Đọc tệp quá {seconds} giây – dừng để các tệp khác vẫn được tổng hợp. Hãy nhờ tổ gửi lại đúng sổ "
                     "đã được phát.",
    "file.too_big_to_read": "Tệp cần quá nhiều bộ nhớ để đọc – không đọc. Hãy nhờ tổ gửi lại đúng sổ đã được phát.",
    "file.internal_error": "Lỗi của chương trình khi đọc tệp này ({error}); các tệp khác vẫn được tổng hợp. Hãy gửi "
                           "tệp cho người bảo trì thidua-xlsx.",
    "file.sheet_missing": "Không tìm thấy sheet '{sheet}' trong sổ (đã bị xóa?). Người trong sheet này được "
                          "ghi là chưa có điểm; hãy nhờ tổ gửi lại sổ đầy đủ.",
    # outputs and environment
    "generate.kept_beside": "Giữ nguyên {kept}: sổ này đã được điền hoặc sửa sau khi phát (không phải sổ chương trình "
                            "đã ghi); sổ mới ghi vào {new}. Nếu đó là sổ tổ đã gửi về, hãy chuyển nó vào thư mục nhận "
                            "về; nếu không cần nữa, hãy xóa nó rồi chạy lại.",
    "registry.damaged": "Bản ghi sổ đã phát '{path}' bị hỏng ({reason}): sổ phát ra với bản ghi này sẽ bị coi là chưa "
                        "phát. Hãy chép lại tệp này từ bản sao lưu của thư mục so-da-phat/ rồi chạy lại (các tổ không "
                        "cần điền lại); nếu không còn bản sao, hãy phát lại sổ cho tổ bằng 'thidua-xlsx generate'.",
    "registry.stray": "'{path}' trong thư mục so-da-phat/ không phải bản ghi sổ đã phát của chương trình; đã bỏ qua. "
                      "Hãy chuyển tệp này ra khỏi so-da-phat/.",
    # a record that is there but damaged is no "never issued"; what a run killed outright left behind
    "file.record_damaged": "Sổ ({department}) đã được phát, nhưng bản ghi của sổ trong thư mục so-da-phat ('{path}') "
                           "bị hỏng ({reason}), nên chưa kiểm được sổ này và chưa dùng. Hãy chép lại tệp {path} từ bản "
                           "sao lưu của thư mục so-da-phat/ (hoặc từ máy đã chạy 'thidua-xlsx generate') vào thư mục "
                           "chiến dịch rồi chạy lại; tổ không cần điền lại.",
    "run.temporaries_removed": "Đã xóa {count} tệp tạm do một lần chạy trước bị dừng giữa chừng để lại ({names}): "
                               "chương trình tạo các tệp này trong lúc ghi, không phải tệp của bạn; các tệp kết quả "
                               "không bị ảnh hưởng. Không cần làm gì.",
    # what comes in
    "file.nothing_filled": "Sổ gửi về chưa có ô nào được điền (còn trống như khi phát, dù đã được lưu lại): "
                           "{department} chưa tính là đã nộp. Hãy nhắc tổ điền rồi gửi lại.",
    "file.zip_archive": "Tệp nén ZIP có {count} sổ bên trong ({names}); chương trình không đọc bên trong tệp nén. "
                        "Hãy giải nén vào thư mục nhận về (chuột phải vào tệp → Giải nén tại đây / Extract Here) rồi "
                        "chạy lại; sau đó xóa tệp .zip hoặc chuyển ra khỏi thư mục nhận về.",
    "locked.formula_changed": "Công thức khóa đã bị sửa ({change}): có thể ai đó đã gỡ khóa sheet để sửa ngưỡng "
                              "xếp loại hay cách tính điểm. Chương trình không dùng kết quả công thức trong sổ (mọi "
                              "tổng điểm, xếp loại đều được tính lại theo bộ tiêu chí); hãy kiểm tra ai đã sửa sổ.",
    # period rounds
    "file.other_period": "Sổ này của kỳ {period}, thư mục đang tổng hợp kỳ {expected}. Không dùng sổ này; hãy để "
                         "sổ của kỳ {period} vào thư mục nhận của kỳ đó rồi tổng hợp riêng.",
    # a file brought in by the local page or the mail, filed by the codes inside it (intake.py)
    "intake.no_campaign": "'{folder}' không phải thư mục chiến dịch (không có campaign.xlsx của trường, cũng không có "
                          "cap-tren.xlsx của xã). Hãy chọn thư mục do 'thidua-xlsx init' tạo.",
    "file.sender_unknown_used": ("Sổ của {department} được dùng gửi đến từ địa chỉ {sender}, không phải địa chỉ của tổ "
                                 "trong campaign.xlsx ({known}). Hãy gọi điện hỏi tổ trưởng sổ này có đúng do tổ gửi "
                                 "không; không phải thì xóa tệp khỏi thư mục nhận rồi tổng hợp lại."),
    "file.sender_unknown": ("Một bản sổ của {department} gửi đến từ địa chỉ {sender}, không phải địa chỉ của tổ "
                            "({known}); bản này không được dùng, nhưng hãy hỏi tổ trưởng về nó."),
    "file.own_file": "Tệp của chính chương trình ({kind}), không phải sổ của tổ – bỏ qua, không cần làm gì.",
    "intake.lock_file": ("'{file}' là tệp khóa Excel (hoặc LibreOffice) tạo ra khi một sổ đang mở trên máy người gửi, "
                         "không phải sổ – để nguyên, không lưu. Hãy nhận sổ thật (tên không có '~$' ở đầu); sổ đang "
                         "mở thì đóng Excel rồi gửi lại."),
    "intake.not_workbook": "Không phải sổ thi đua (chỉ nhận .xlsx, .xlsm, .xls, .ods) – để nguyên, không lưu vào "
                           "chiến dịch.",
    "intake.other_round": "Đây là sổ {found} của {department}, không phải sổ {expected}: đã xếp vào thư mục nhận của "
                          "{found} theo mã trong sổ, không cần thả lại. Sổ được tổng hợp ở trang {found}.",
    "intake.other_year_summary": "Bảng tổng hợp của {school} thuộc năm học {year}, đợt này của xã là năm học "
                                 "{expected} – không lưu. Hãy nhờ trường gửi bảng tổng hợp cuối năm học {expected}.",
    "intake.archive_too_big": "Tệp nén có {count} tệp hoặc quá lớn khi giải nén – không mở. Hãy gửi từng sổ riêng, "
                              "hoặc tệp nén nhỏ hơn (dưới 200 tệp).",
    "intake.archive_empty": ("Tệp nén không có tệp nào bên trong – bỏ qua. Nếu tổ định gửi sổ trong đó, hãy xin tổ "
                             "nén lại hoặc gửi sổ riêng."),
    "intake.archive_broken": "Tệp nén bị hỏng hoặc có mật khẩu – không mở được. Hãy nhờ người gửi nén lại (không "
                             "đặt mật khẩu) hoặc gửi từng sổ riêng.",
    "intake.cannot_write": "Không lưu được tệp vào '{folder}': {fault} Tệp chưa được lưu; hãy khắc phục rồi thả lại.",
}

FORMULA_REPLACED = "công thức đã bị thay bằng một giá trị gõ vào"
BLANK_SHOWN = "(trống)"  # a cell with nothing in it, quoted in a message
# Where a version's save time was read, after the time file.superseded quotes: the book's own, else the disk's.
SAVED_IN_FILE, SAVED_ON_DISK = "trong tệp", "của hệ thống tệp"
