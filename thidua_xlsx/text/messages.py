"""Every Vietnamese user-facing string, in one place.

Messages follow one pattern: what is wrong, then what to do. The place (file · sheet!cell) is
added by :class:`thidua_xlsx.model.issues.Issue`.
"""

SEVERITY_LABELS = {"error": "Lỗi", "warning": "Cảnh báo", "note": "Ghi chú"}

MESSAGES = {
    # campaign.xlsx
    "campaign.broken": "Không mở được tệp chiến dịch '{file}': tệp bị hỏng, có mật khẩu hoặc không phải sổ bảng tính. "
                       "Hãy mở tệp bằng Excel hoặc LibreOffice, gỡ mật khẩu nếu có, rồi lưu lại dạng .xlsx hoặc .ods; "
                       "nếu không mở được, hãy tạo lại bằng 'thidua-xlsx init' rồi chép dữ liệu sang.",
    "campaign.no_access": "Không đọc được tệp chiến dịch '{file}' (không có quyền đọc, hoặc tệp đang bị chương trình "
                          "khác giữ). Hãy đóng tệp trong Excel/LibreOffice, kiểm tra quyền đọc rồi chạy lại.",
    "campaign.two_files": "Thư mục chiến dịch có hai tệp: {used} (lưu lúc {used_saved}) và {other} (lưu lúc "
                          "{other_saved}); chương trình dùng {used}. Hãy giữ một tệp: nếu bạn đang sửa {other}, hãy "
                          "xóa hoặc đổi tên {used}; nếu không, hãy xóa hoặc đổi tên {other} (ví dụ thành "
                          "campaign-cu…), để mọi lệnh dùng đúng tệp bạn sửa.",
    "campaign.not_found": "Không tìm thấy tệp chiến dịch '{path}'. Hãy chỉ tới thư mục có campaign.xlsx "
                          "hoặc tạo mới bằng 'thidua-xlsx init THƯ_MỤC --level tieu-hoc'.",
    "campaign.not_found_near": "Không tìm thấy chiến dịch (campaign.xlsx) cho thư mục '{inbox}'. Đã tìm ở: {looked}. "
                               "Hãy chỉ rõ bằng --campaign THƯ_MỤC (thư mục có campaign.xlsx), hoặc để thư mục nhận "
                               "về bên trong thư mục chiến dịch (ví dụ thidua-2025/inbox).",
    "campaign.ambiguous": "Có nhiều chiến dịch cạnh thư mục '{inbox}': {found}. Hãy chọn một bằng --campaign THƯ_MỤC.",
    "campaign.sheet_missing": "Thiếu sheet '{sheet}' trong campaign.xlsx. Hãy khôi phục sheet này "
                              "(tạo lại bằng 'thidua-xlsx init' rồi chép dữ liệu sang).",
    "campaign.field_missing": "Thiếu dòng '{field}'. Hãy thêm lại dòng này ở cột A, giá trị ở cột B.",
    "campaign.column_missing": "Thiếu cột '{column}' ở dòng tiêu đề. Hãy khôi phục đúng tên cột.",
    "campaign.required": "Ô '{field}' đang để trống. Hãy điền giá trị.",
    "campaign.bad_number": "'{field}' = '{value}' không phải là số. Hãy nhập một số (ví dụ 9,5).",
    "campaign.bad_int": "'{field}' = '{value}' không phải là số nguyên. Hãy nhập số nguyên.",
    "campaign.bad_date": "'{field}' = '{value}' không phải ngày hợp lệ. Hãy nhập ngày dạng 05/09/2025.",
    "campaign.bad_bool": "'{field}' = '{value}' không hợp lệ. Hãy chọn Có hoặc Không.",
    "campaign.bad_choice": "'{field}' = '{value}' không thuộc danh mục. Hãy chọn một trong: {choices}.",
    "campaign.duplicate": "Mã '{value}' bị trùng (đã có ở {first}). Hãy đặt mã khác cho mỗi dòng.",
    "campaign.unknown_department": "Tổ '{value}' của {name} không có trong sheet Tổ. Hãy chọn đúng tên tổ "
                                   "hoặc thêm tổ này vào sheet Tổ.",
    "campaign.unknown_role": "Vai trò '{value}' không có bộ tiêu chí. Hãy chọn một trong: {roles}.",
    "campaign.empty_department": "Tổ '{name}' chưa có ai trong sheet Nhân sự. Hãy thêm người hoặc xóa tổ.",
    "campaign.threshold_range": "Ngưỡng xếp loại {value} nằm ngoài khoảng 0 đến {total}. Hãy sửa lại ngưỡng.",
    "campaign.threshold_order": "Ngưỡng {value} phải nhỏ hơn ngưỡng phía trên ({previous}). "
                                "Hãy xếp các mức từ cao xuống thấp.",
    "campaign.percent_range": "'{field}' = {value} phải nằm trong khoảng 0–100 (%). Hãy sửa lại.",
    "campaign.spare_rows": "Số dòng dự phòng {value} phải từ 0 đến 20.",
    "campaign.school_year": "Năm học '{value}' không đúng dạng. Hãy ghi dạng 2025-2026.",
    "campaign.orphan_item": "Tiêu chí '{value}' không nằm dưới nhóm của nó. Hãy đặt ngay sau dòng nhóm "
                            "(ví dụ I.1 sau dòng I).",
    "campaign.empty_group": "Nhóm '{value}' ({role}) chưa có tiêu chí nào. Hãy thêm tiêu chí hoặc xóa nhóm.",
    "campaign.group_sum": "Nhóm {group} ({role}): các tiêu chí cộng lại {items} điểm nhưng nhóm ghi tối đa {max}. "
                          "Hãy sửa cho khớp.",
    "campaign.group_min": "Nhóm {group}: điểm tối thiểu {value} phải từ 0 đến {max}.",
    "campaign.empty_rubric": "Bộ tiêu chí '{role}' chưa có tiêu chí nào trong sheet Tiêu chí.",
    "campaign.rubric_sum": "Bộ tiêu chí '{role}': các nhóm cộng lại {groups} điểm nhưng tổng điểm chuẩn là {total}. "
                           "Hãy sửa cho khớp.",
    # campaign.xlsx, checked at generate (warnings: the workbooks are still written)
    "campaign.legal_other_school": "Dòng căn cứ \"{line}\" nhắc tới {found}, không phải trường của chiến dịch "
                                   "({school}, sheet Trường). Nếu dòng này còn sót từ trường mẫu hoặc trường khác, "
                                   "hãy sửa lại ở sheet Căn cứ cho đúng trường mình (tên trường, số và ngày văn bản).",
    "campaign.legal_sample_school": "Dòng căn cứ \"{line}\" còn nhắc tới '{found}' của trường mẫu ({sample}), trong "
                                    "khi trường của chiến dịch là {school}. Hãy sửa dòng này ở sheet Căn cứ cho "
                                    "đúng trường mình.",
    "campaign.email_sample_school": "E-mail '{email}' của {owner} có vẻ còn là của trường mẫu ({sample}), trong khi "
                                    "trường của chiến dịch là {school}. Hãy sửa e-mail này ở sheet {sheet}.",
    "campaign.from_unreadable": "Không đọc được bảng tổng hợp đăng ký '{path}'. Hãy dùng tệp do "
                                "'thidua-xlsx merge' tạo từ vòng đăng ký.",
    "generate.would_overwrite": "Thư mục {outbox} đã có sổ khác với sổ sắp tạo: {files}. Không ghi đè gì. Hãy chọn "
                                "thư mục khác bằng -o, hoặc thêm --force nếu chắc chắn muốn thay.",
    "generate.would_overwrite_returned": "Thư mục {outbox} chứa sổ các tổ đã điền và gửi về (không giống sổ đã "
                                         "phát): {files}. Không ghi đè gì, để không mất bài của các tổ. Hãy phát "
                                         "sổ vào thư mục khác bằng -o.",
    "generate.outbox_unwritable": "Không tạo được thư mục '{path}' để ghi sổ ({reason}). Hãy chọn thư mục khác "
                                  "bằng -o.",
    "file.unfilled": "Sổ giống hệt sổ đã phát: {department} chưa điền gì nên chưa tính là đã nộp. Hãy nhắc tổ điền "
                     "rồi gửi lại.",
    "from.not_ours": "'{path}' không phải bảng tổng hợp do thidua-xlsx tạo (không có thông tin nhận diện). Hãy dùng "
                     "tệp do 'thidua-xlsx merge' tạo từ vòng đăng ký của chiến dịch này.",
    "from.other_campaign": "Bảng tổng hợp '{path}' thuộc chiến dịch khác (năm học {year}). Hãy dùng bảng tổng hợp "
                           "đăng ký của chiến dịch này.",
    "from.other_year": "Bảng tổng hợp '{path}' là của năm học {year}, chiến dịch này là năm học {expected}. Hãy dùng "
                       "bảng tổng hợp đăng ký năm nay.",
    "from.not_registration": "Bảng tổng hợp '{path}' là của vòng '{round}', không phải vòng đăng ký. Hãy dùng tệp "
                             "do 'thidua-xlsx merge' tạo từ thư mục sổ đăng ký.",
    "council.not_scoring": "Bảng tổng hợp '{path}' là của vòng '{round}'; --council cần bảng tổng hợp vòng chấm "
                           "điểm mà Hội đồng đã họp xét.",
    "council.no_council_columns": "Không tìm thấy các cột 'Mã', 'Điểm Hội đồng', 'Quyết định Hội đồng', 'Ghi chú Hội "
                                  "đồng' trong '{path}'. Hãy dùng bảng tổng hợp do merge ghi (sheet Điểm chi tiết).",
    "from.scoring_only": "--from chỉ dùng cho vòng cham-diem (điền sẵn danh hiệu đã đăng ký).",
    "summary.schema_unknown": "'{path}' được ghi theo bố cục bảng tổng hợp số {found}, phiên bản thidua-xlsx này "
                              "chỉ đọc được tới số {supported}: tệp do phiên bản mới hơn ghi ra. Hãy cập nhật "
                              "thidua-xlsx (pip install -U thidua-xlsx) rồi chạy lại, hoặc dùng bảng tổng hợp do "
                              "chính phiên bản này ghi.",
    "council.not_ours": "'{path}' không phải bảng tổng hợp do thidua-xlsx tạo (không có thông tin nhận diện). Hãy "
                        "dùng bảng tổng hợp vòng chấm điểm do 'thidua-xlsx merge' ghi, mà Hội đồng đã điền khi họp.",
    "council.other_campaign": "Bảng tổng hợp '{path}' thuộc chiến dịch khác (năm học {year}). Hãy dùng bảng tổng hợp "
                              "vòng chấm điểm của chiến dịch này.",
    "council.other_year": "Bảng tổng hợp '{path}' là của năm học {year}, chiến dịch này là năm học {expected}. Hãy "
                          "dùng bảng tổng hợp vòng chấm điểm năm nay.",
    "council.unreadable": "Không đọc được bảng tổng hợp '{path}' (tệp bị hỏng, có mật khẩu hoặc không phải sổ bảng "
                          "tính). Hãy dùng bảng tổng hợp do 'thidua-xlsx merge' ghi, Hội đồng điền rồi lưu lại dạng "
                          ".xlsx hoặc .ods.",
    # the secretary's own books: the campaign book, a summary brought back (--from, --council)
    "book.sheet_too_big": "Sheet '{sheet}' của '{file}' có dữ liệu ở ô {cell}, quá xa (giới hạn {max_rows} dòng, "
                          "{max_columns} cột) – không đọc vì an toàn. Có lẽ ô đó bị gõ nhầm: hãy mở tệp, vào sheet "
                          "'{sheet}', nhấn Ctrl+End để tới ô cuối có dữ liệu, xóa các dòng và cột thừa rồi lưu lại.",
    "book.too_big": "'{file}' quá lớn ({size_mb} MB) hoặc nén bất thường so với một sổ chiến dịch hay bảng tổng hợp "
                    "(giới hạn {max_mb} MB, giải nén {max_unzipped_mb} MB) – không đọc vì an toàn. Hãy dùng đúng tệp "
                    "do thidua-xlsx tạo.",
    # inbox files
    "file.skipped_lock": "Tệp khóa tạm của Excel/LibreOffice (do đang mở tệp) – bỏ qua, không cần làm gì.",
    "file.skipped_system": "Tệp hệ thống – bỏ qua.",
    "file.not_workbook": "Không phải sổ Excel (.xlsx, .xlsm, .xls, .ods) – bỏ qua. Nếu tổ gửi nhầm tệp, "
                         "hãy nhờ tổ gửi lại đúng sổ đã điền.",
    "file.too_big": "Tệp quá lớn ({size_mb} MB, giới hạn {max_mb} MB) so với một sổ thi đua – không đọc. Hãy nhờ tổ "
                    "gửi lại đúng sổ đã được phát.",
    "file.encrypted": "Tệp có đặt mật khẩu mở nên không đọc được. Hãy nhờ tổ gỡ mật khẩu (File → Info → "
                      "Protect Workbook) rồi gửi lại.",
    "file.corrupt": "Tệp bị hỏng hoặc không phải sổ Excel thật (có thể bị đổi đuôi). Hãy nhờ tổ lưu lại bằng "
                    "Excel (.xlsx) rồi gửi lại.",
    "file.zip_bomb": "Tệp có nội dung nén bất thường (quá lớn khi giải nén) – không đọc vì an toàn. Hãy nhờ tổ "
                     "gửi lại đúng sổ đã được phát.",
    "file.not_ours": "Sổ này không do thidua-xlsx tạo (không có thông tin nhận diện). Hãy dùng đúng sổ do "
                     "thư ký phát cho tổ ('thidua-xlsx generate').",
    "file.meta_broken": "Thông tin nhận diện trong sổ bị hỏng hoặc bị sửa. Hãy phát lại sổ cho tổ và nhờ điền lại.",
    "file.old_template": "Sổ được tạo bằng phiên bản cũ của thidua-xlsx (mang theo cả dữ liệu chiến dịch, không còn "
                         "được tin dùng). Hãy phát lại sổ mới cho tổ ('thidua-xlsx generate') và nhờ tổ chép điểm sang.",
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
    "person.title_typed": "{name} không đăng ký thi đua đầu năm nhưng phiếu ghi '{found}'; không được xét danh hiệu "
                          "(không đăng ký thì không xét).",
    "person.newcomer_unregistered": "Người mới '{name}' có phiếu chấm điểm nhưng chưa đăng ký thi đua đầu năm: điểm "
                                    "được tổng hợp, không được xét danh hiệu. Hãy thêm vào sheet Nhân sự nếu đúng.",
    "file.newer_version": "Sổ được tạo bằng phiên bản mẫu {version}, mới hơn chương trình này. Hãy cập nhật "
                          "thidua-xlsx.",
    "file.other_campaign": "Sổ thuộc chiến dịch khác (năm học {year}). Hãy kiểm tra tổ có gửi nhầm sổ năm cũ hoặc "
                           "trường khác không.",
    "file.other_round": "Sổ thuộc vòng '{round}', không phải vòng đang tổng hợp ('{expected}'). Hãy để các sổ "
                        "của mỗi vòng trong một thư mục riêng.",
    "file.superseded": "{department} đã gửi bản mới hơn ({newer}, lưu {newer_saved}); bản này (lưu {saved}) không "
                       "được dùng.",
    "file.version_diff": "So với bản được dùng ({newer}), bản này khác {count} ô: {changes}.",
    "file.copy_of": "Bản sao giống hệt từng byte của '{original}' (ví dụ thư chuyển tiếp); không đọc lại.",
    "file.link_inside": "Lối tắt (symlink) tới một tệp trong thư mục – bỏ qua, tệp thật đã được đọc.",
    "file.link_outside": "Lối tắt (symlink) trỏ ra ngoài thư mục nhận về – không đọc vì an toàn. Hãy chép tệp thật "
                         "vào thư mục.",
    "file.link_dangling": "Lối tắt (symlink) hỏng, không trỏ tới tệp nào – không đọc. Hãy chép tệp thật vào thư mục.",
    "file.link_loop": "Lối tắt (symlink) vòng lặp – không đọc. Hãy xóa lối tắt này.",
    "file.special": "Không phải tệp thường (FIFO, thiết bị, socket) – không đọc.",
    "file.unreadable_folder": "Không mở được thư mục này (không có quyền đọc) – các tệp bên trong chưa được đọc. "
                              "Hãy cấp quyền đọc hoặc chép tệp ra ngoài.",
    "file.unreadable": "Không đọc được tệp (không có quyền đọc hoặc tệp đang bị khóa). Hãy cấp quyền đọc rồi chạy lại.",
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
    # cell values
    "value.not_number": "'{value}' không phải là số. Hãy nhập số từ 0 đến {max}; ô này chưa được tính điểm.",
    "value.out_of_range": "Điểm {value} nằm ngoài khoảng 0 – {max}. Hãy sửa lại; ô này chưa được tính điểm.",
    "value.decimal_comma": "Điểm '{value}' được ghi dạng chữ; đã hiểu là {number}. Không cần sửa.",
    "value.required_blank": "Ô điểm bắt buộc '{item}' ({column}) còn trống; đã tính là 0. Hãy nhờ tổ điền đủ.",
    "value.bad_choice": "'{value}' không có trong danh sách ({field}). Hãy chọn một trong: {choices}.",
    "value.fuzzy_choice": "'{value}' được hiểu là '{choice}' ({field}).",
    "value.total_mismatch": "Tổng điểm trong sổ ({shown}) khác tổng tính lại từ các ô điểm ({computed}). "
                            "Dùng tổng tính lại; hãy kiểm tra sổ có bị sửa công thức không.",
    "value.text_normalised": "Họ tên '{value}' được gõ bằng dấu tổ hợp (Unicode tổ hợp) hoặc có khoảng trắng lạ; đã chuẩn hóa thành '{clean}' (Unicode dựng sẵn). Không cần sửa.",
    "value.legacy_tcvn3": "'{value}' được gõ bằng bảng mã TCVN3 (ABC, phông .VnTime); đã chuyển sang Unicode: "
                          "'{clean}'. Không cần sửa; lần sau hãy gõ bằng Unicode (Unikey: bảng mã Unicode).",
    "value.legacy_vni": "'{value}' được gõ bằng bảng mã VNI (phông VNI-Times); đã chuyển sang Unicode: '{clean}'. "
                        "Không cần sửa; lần sau hãy gõ bằng Unicode (Unikey: bảng mã Unicode).",
    # people and departments
    "person.newcomer": "Người mới '{name}' không có trong danh sách nhân sự; vẫn được tổng hợp. Hãy thêm vào "
                       "sheet Nhân sự của campaign.xlsx nếu đúng.",
    "person.no_scores": "{name} chưa có điểm nào (cả tự chấm và tổ chấm).",
    "person.score_gap": "{name}: tự chấm {self_score}, tổ chấm {dept_score}, lệch {gap} điểm (quá {tolerance}). "
                        "Hội đồng cần xem xét.",
    "department.missing": "{department} chưa nộp sổ. Hãy nhắc tổ trưởng gửi.",
    "department.dept_column_blank": "{department}: cột 'Tổ chấm' để trống ở cả {count} phiếu; đang dùng điểm tự "
                                    "chấm. Hãy nhờ tổ chấm rồi gửi lại sổ.",
    "rubric.changed": "Bộ tiêu chí '{role}' đã thay đổi sau khi phát sổ cho {department}: sổ phát theo phiên bản "
                      "{issued}, chiến dịch hiện là phiên bản {current} ({changes}). Điểm được tính theo phiên bản "
                      "hiện tại; nếu thay đổi là thật, hãy phát lại sổ cho tổ (generate) để mọi người chấm theo cùng "
                      "một bộ tiêu chí.",
    # the council pass
    "council.bad_score": "Điểm Hội đồng '{value}' không phải là số; ô này không được dùng. Hãy sửa rồi chạy lại.",
    "council.bad_decision": "Quyết định '{value}' không có trong danh sách ({choices}); không được dùng.",
    "council.bad_count": "'{value}' không phải số nguyên không âm; không được dùng. Hãy ghi số phiếu, số người.",
    "council.unknown_code": "Dòng {row} có mã '{person}' không có trong danh sách; quyết định ở dòng đó không được dùng.",
    "council.score_out_of_range": "Điểm Hội đồng của {name} là {value}, ngoài khoảng 0 – {max}; không được dùng.",
    "council.needs_note": "Hội đồng chọn '{title}' cho {name} nhưng theo quy định thì không được ({why}). Quyết định "
                          "này chỉ được ghi nhận khi có lý do ở cột 'Ghi chú Hội đồng'; hiện chưa được dùng.",
    "council.against_rule": "Hội đồng chọn '{title}' cho {name} dù theo quy định thì không được ({why}); lý do Hội "
                            "đồng ghi: {note}. Đã ghi nhận và đánh dấu để cấp trên xem xét.",
    "council.tie_open": "{name} bằng điểm ở suất cuối của chỉ tiêu CSTĐCS; Hội đồng chưa chọn. Hãy chọn ở cột "
                        "'Quyết định Hội đồng' (sheet Điểm chi tiết) rồi chạy lại.",
    "council.inbox_changed": "Các sổ trong thư mục nhận về đã khác so với lúc Hội đồng họp ({files}); kết quả được "
                             "tính lại từ các sổ hiện có. Hãy kiểm tra lại với Hội đồng.",
    "vote.no_quorum_meeting": "Cuộc họp có {present}/{members} thành viên, cần ít nhất {needed}: kết quả bỏ phiếu "
                              "chưa có giá trị.",
    "vote.missing": "Chưa có kết quả bỏ phiếu cho {name} ({title}); hãy ghi số phiếu ở sheet Kiểm phiếu.",
    # signals for the council: flagged, never judged
    "signal.all_max": "Tín hiệu: {department} – cả {count} người đều đạt điểm tối đa. Hội đồng xem lại nếu cần.",
    "signal.dept_equals_self": "Tín hiệu: {department} – điểm tổ chấm trùng điểm tự chấm ở cả {count} người. "
                               "Hội đồng xem lại nếu cần.",
    "signal.average_far": "Tín hiệu: {department} – điểm trung bình {average}% điểm tối đa, toàn trường "
                          "{school}% (lệch hơn {gap} điểm phần trăm). Hội đồng xem lại nếu cần.",
}

# Reasons of decisions, statuses and flags (codes in rules/consolidation, words here).
REASONS = {
    "ldtt.not_registered": "không đăng ký thi đua đầu năm nên không được xét",
    "facts.missing": "chưa đủ thông tin: {fields} (hãy nhập ở sheet Nhân sự của campaign.xlsx)",
    "ldtt.rating": "xếp loại viên chức {rating} (cần {needed})",
    "ldtt.months_short": "chỉ làm việc {worked} tháng (cần từ {needed})",
    "ldtt.days_off": "nghỉ {days} ngày (tối đa {max})",
    "ldtt.disciplined": "bị kỷ luật {discipline} trong năm",
    "ldtt.under_review": "đang bị xem xét kỷ luật",
    "ldtt.classification": "xếp loại thi đua {got} (cần từ {needed})",
    "ldtt.maternity": " (kể cả {months} tháng nghỉ thai sản)",
    "ldtt.classified": ", xếp loại thi đua {classification} ({total} điểm)",
    "ldtt.granted": "đủ điều kiện: xếp loại viên chức {rating}, làm việc {worked} tháng{maternity}, "
                    "không bị kỷ luật{classified}",
    "ldtt.department_missing": "tổ chưa nộp sổ chấm điểm",
    "cstdcs.no_ldtt": "chưa đạt Lao động tiên tiến",
    "cstdcs.excellent": "HTXSNV",
    "cstdcs.initiative": "sáng kiến '{initiative}' được công nhận cấp {level} (QĐ {decision})",
    "cstdcs.granted": "đạt LĐTT, {first}{second}",
    "cstdcs.not_excellent": "không HTXSNV",
    "cstdcs.no_initiative": "không có sáng kiến được công nhận",
    "cstdcs.initiative_unrecognised": "sáng kiến '{initiative}' chưa có quyết định công nhận",
    "cstdcs.refused": "{first}{second}",
    "join.and": " và {part}",
    "join.or": " hoặc {part}",
    "higher.needs_history": "cần hồ sơ nhiều năm (kết quả các năm trước, sáng kiến cấp trên) – Hội đồng xét",
    "quota.tie": "bằng điểm ({score}) với {tied} người cho {left} suất cuối của chỉ tiêu {percent}% ({slots} suất) "
                 "– Hội đồng bỏ phiếu chọn",
    "quota.outside": "ngoài chỉ tiêu {percent}% số LĐTT ({slots} suất), xếp sau theo điểm",
    "collective.not_registered": "tổ không đăng ký danh hiệu tập thể nên không được xét",
    "collective.department_missing": "tổ chưa nộp sổ chấm điểm",
    "collective.share": "{ldtt}/{members} LĐTT ({percent}%)",
    "collective.unrated": "chưa đủ thông tin: {count} người chưa có xếp loại viên chức",
    "collective.discipline_unknown": "chưa đủ thông tin: {count} người chưa có thông tin kỷ luật",
    "collective.not_done": "{count} người chưa hoàn thành nhiệm vụ",
    "collective.share_below": "{share}, cần từ {needed}%",
    "collective.share_not_above": "{share}, cần trên {needed}%",
    "collective.no_cstdcs": "không có CSTĐCS",
    "collective.disciplined": "{count} người bị kỷ luật",
    "collective.warned": "{count} người bị kỷ luật từ cảnh cáo",
    "collective.ttldxs_granted": "đủ điều kiện: {share}, {cstdcs} CSTĐCS, 100% hoàn thành nhiệm vụ, không ai bị "
                                 "kỷ luật (Hội đồng xác nhận tổ hoàn thành xuất sắc nhiệm vụ)",
    "collective.ttldtt_granted": "đủ điều kiện: {share}, không ai bị kỷ luật từ cảnh cáo (Hội đồng xác nhận tổ "
                                "hoàn thành tốt nhiệm vụ)",
    # person statuses
    "status.department_missing": "tổ chưa nộp",
    "council.refused": "Hội đồng không đề nghị (lý do: {note})",
    "council.granted": "Hội đồng quyết định đề nghị (lý do: {note})",
    "council.tie_chosen": "Hội đồng chọn khi bằng điểm ở suất cuối",
    "council.tie_not_chosen": "bằng điểm ở suất cuối, Hội đồng không chọn",
    "council.not_registered": "không đăng ký danh hiệu này",
    "vote.not_counted": "chưa có kết quả bỏ phiếu",
    "vote.no_quorum": "cuộc họp chưa đủ số thành viên ({present}/{members} có mặt, cần {needed}): kết quả bỏ "
                      "phiếu chưa có giá trị",
    "vote.passed": "đạt {votes}/{members} phiếu ({share}%, cần ≥ {percent}% tổng số thành viên: {needed} phiếu)",
    "vote.failed": "chỉ đạt {votes}/{members} phiếu ({share}%, cần ≥ {percent}% tổng số thành viên: {needed} phiếu)",
    "rubric_change.added": "thêm {item} '{after}'",
    "rubric_change.removed": "bỏ {item} '{before}'",
    "rubric_change.max": "{item}: điểm tối đa {before} → {after}",
    "rubric_change.text": "{item}: nội dung '{before}' → '{after}'",
    "rubric_change.group": "nhóm {item}: {before} → {after}",
    "rubric_change.total": "tổng điểm {before} → {after}",
    "status.sheet_missing": "thiếu phiếu",
    # score sources
    "source.self": "Tự chấm",
    "source.department": "Tổ chấm",
    "source.council": "Hội đồng",
    # flags for the secretary and the council
    "flag.newcomer": "người mới, chưa có trong danh sách",
    "flag.newcomer_matched": "đăng ký là người mới, nay đã có trong danh sách (mã {roster_code})",
    "flag.moved": "đã chuyển sang tổ này; điểm lấy từ sổ của {department}",
    "flag.total_mismatch": "tổng {column} trong sổ khác tổng tính lại",
    "flag.no_scores": "chưa có điểm",
    "flag.score_gap": "tự chấm và tổ chấm lệch {gap} điểm",
    "flag.marked": "sổ có ô không xác định được hoặc ô khóa bị sửa – xem sheet Kiểm tra",
    "flag.not_registered": "không đăng ký thi đua đầu năm",
}

# Labels of codes listed inside reasons (facts, score columns).
LABELS = {
    "rating": "xếp loại viên chức", "months": "số tháng làm việc", "discipline": "kỷ luật",
    "under_review": "đang xem xét kỷ luật", "self": "tự chấm", "department": "tổ chấm",
}

CAMPAIGN_GUIDE = (
    "Tệp này là nơi thư ký Hội đồng thi đua – khen thưởng khai báo cả năm học. Sửa trực tiếp trong Excel rồi lưu.",
    "1. Sheet Trường: tên trường, cơ quan quản lý, nơi nhận tờ trình (từ 07/2025 là UBND xã/phường hoặc Sở GD&ĐT), hạn nộp.",
    "2. Sheet Tổ: mỗi tổ một dòng, mã tổ không trùng.",
    "3. Sheet Nhân sự: mỗi người một dòng, mã không trùng; cột Tổ chọn đúng tên tổ; cột Vai trò chọn bộ tiêu chí.",
    "   Các cột Xếp loại viên chức, Số tháng làm việc, Kỷ luật, Sáng kiến dùng để xét danh hiệu (nếu Trường chọn 'Danh sách').",
    "   Số tháng làm việc không kể thời gian nghỉ thai sản; nghỉ thai sản ghi riêng và được tính là thời gian công tác.",
    "4. Sheet Bộ tiêu chí và Tiêu chí: dòng nhóm (mã I, II, …) ghi loại cộng / thưởng / trừ và điểm tối đa;",
    "   các tiêu chí (I.1, I.2, …) cộng lại phải bằng điểm nhóm; các nhóm cộng phải bằng tổng điểm chuẩn.",
    "   Nhóm thưởng / trừ: điểm tối đa của nhóm là mức trần. Điểm tối thiểu của nhóm: không đạt thì xếp loại bị giới hạn.",
    "5. Sheet Quy tắc, Xếp loại, Danh hiệu, Căn cứ: điều kiện xét danh hiệu theo Luật Thi đua, khen thưởng 2022 (sửa theo quy định mới).",
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
             "quy tắc) từ mẫu theo cấp học, kèm một trường ví dụ để chạy thử ngay.")
LEVEL_HELP = "Cấp học của mẫu: mam-non, tieu-hoc, thcs, thpt."
FORCE_HELP = "Ghi đè tệp đã có."
GENERATE_FORCE_HELP = "Thay cả những sổ đã có trong thư mục ghi mà khác sổ sắp tạo (mặc định: không ghi đè gì)."
GENERATE_HELP = ("Sinh một sổ Excel khóa ô cho mỗi tổ. CAMPAIGN là thư mục chiến dịch hoặc tệp campaign.xlsx. "
                 "Vòng dang-ky: phiếu đăng ký thi đua; vòng cham-diem: phiếu tự chấm và tổ chấm.")
ROUND_HELP = "Vòng: dang-ky (đăng ký đầu năm) hoặc cham-diem (chấm điểm cuối năm)."
OUTBOX_HELP = "Thư mục ghi các sổ (mặc định: outbox/<vòng>)."
FROM_HELP = "Bảng tổng hợp đăng ký (do merge vòng dang-ky tạo) để điền sẵn danh hiệu đã đăng ký."
EXISTS = "Đã có {path}. Dùng --force để ghi đè, hoặc chọn tên hay nơi ghi khác."
INIT_DONE = "Đã tạo {path}: {school}, {departments} tổ, {staff} người. Hãy mở bằng Excel để sửa cho đúng trường mình."
GENERATE_DONE = "Đã tạo {count} sổ trong {outbox}."
CAMPAIGN_INVALID = "Tệp chiến dịch {file} có {count} lỗi; hãy sửa rồi chạy lại."
INTERNAL_ERROR = "Lỗi nội bộ của thidua-xlsx ({error}). Chạy lại với --debug để xem chi tiết và báo cho người bảo trì."
MERGE_HELP = ("Đọc mọi sổ trong thư mục INBOX (cả thư mục con; không sửa gì trong đó), kiểm tra, tổng hợp, xếp hạng, "
              "xét danh hiệu và ghi bảng tổng hợp Excel (và báo cáo JSON nếu cần).")
STATUS_HELP = "Đọc và kiểm tra INBOX như merge nhưng không ghi tệp nào: tổ nào đã nộp, chưa nộp, sai ở đâu."
SUMMARY_HELP = "Tệp tổng hợp cần ghi (mặc định: tong-hop_<vòng>.xlsx)."
JSON_HELP = "Ghi thêm báo cáo JSON (tệp, lỗi, từng người: điểm, hạng, danh hiệu và lý do)."
STRICT_HELP = "Trả mã thoát 3 nếu có lỗi trong các sổ nộp."
CAMPAIGN_OPT_HELP = ("Thư mục chiến dịch (có campaign.xlsx) hoặc chính tệp campaign.xlsx. Mặc định: thư mục chiến "
                     "dịch chứa INBOX, hoặc thư mục chiến dịch nằm cạnh INBOX.")
CAMPAIGN_USED = "Chiến dịch: {path}"
MERGE_ROUND_HELP = "Vòng cần tổng hợp (mặc định: vòng của đa số sổ trong INBOX)."
GENERATE_NO_FROM = ("Lưu ý: không có --from nên mọi người trong phiếu chấm điểm là 'Chưa đăng ký' và sẽ không được xét "
                    "danh hiệu. Hãy dùng --from tong-hop-dang-ky.xlsx (bảng tổng hợp vòng đăng ký).")
CHECKLIST_HEAD = "Danh sách cần kiểm tra trước khi gửi phiếu chấm điểm:"
CHECKLIST_MISSING = "  Tổ chưa gửi đăng ký (mọi người trong tổ là 'Chưa đăng ký'): {names}."
CHECKLIST_NOT_REGISTERED = "  Chưa đăng ký thi đua ({count} người, không được xét danh hiệu): {names}."
CHECKLIST_NEWCOMER = ("  Người mới đã đăng ký, cần thêm vào sheet Nhân sự: {name} ({department}, {title}) – đã có "
                      "phiếu riêng trong sổ của tổ.")
CHECKLIST_OK = "  Mọi tổ đã gửi đăng ký; mọi người trong danh sách đã đăng ký."
DEFAULT_SUMMARY = "tong-hop_{round}.xlsx"
READING = "Đang đọc"
NOTHING_USABLE = ("Không có sổ nào dùng được trong {inbox} (lý do của từng tệp ở trên). Chưa ghi bảng tổng hợp; "
                  "hãy kiểm tra thư mục rồi chạy lại.")
EMPTY_INBOX = "Thư mục {inbox} chưa có tệp nào. Hãy lưu các sổ các tổ gửi về vào đó rồi chạy lại."
OUTPUT_FOLDER = "Không tạo được thư mục '{path}' để ghi kết quả ({reason}). Hãy chọn nơi ghi khác bằng -o."
OUTPUT_IS_FOLDER = "'{path}' là một thư mục; hãy ghi tên tệp, ví dụ {path}/tong-hop.xlsx."
SUMMARY_DONE = "Đã ghi bảng tổng hợp: {path} (mọi vấn đề ở sheet Kiểm tra, mọi tệp ở sheet Nguồn dữ liệu)"
JSON_DONE = "Đã ghi báo cáo JSON: {path}"
REPORT_FILES = "Tệp: {total} (dùng {accepted}, bản cũ {superseded}, bị từ chối {rejected}, bỏ qua {skipped})."
REPORT_ROUND = "Vòng: {round} – {school}, năm học {year}."
REPORT_DEPARTMENTS = "Tổ đã nộp: {submitted}/{total}."
REPORT_MISSING = "Tổ chưa nộp: {names}."
REPORT_PEOPLE = "Số người: {people} (có điểm {scored}, người mới {newcomers})."
REPORT_TITLES = "Đề nghị: {ldtt} Lao động tiên tiến, {cstdcs} Chiến sĩ thi đua cơ sở."
REPORT_REGISTERED = "Đã đăng ký danh hiệu: {registered}/{people}."
REPORT_PROBLEMS = "Vấn đề: {errors} lỗi, {warnings} cảnh báo, {notes} ghi chú."
FOLLOWUP_HEAD = "Tình hình nộp sổ (hạn nộp {deadline}):"
NO_DEADLINE = "chưa ghi – điền ở sheet Trường của campaign.xlsx"
FOLLOWUP_LINE = "  {department}: {text}{extra}"
FOLLOWUP_STATES = {"on_time": "đúng hạn (gửi ngày {sent})", "late": "nộp muộn {days} ngày (gửi ngày {sent})",
                   "not_sent": "chưa nộp", "unfilled": "đã gửi ngày {sent} nhưng chưa điền ({filled}/{people} người "
                                                       "có nội dung)"}
FOLLOWUP_OVERDUE = " – đã quá hạn {days} ngày"
FOLLOWUP_ERRORS = "; còn {count} lỗi cần sửa"
FOLLOWUP_MISSING = "; {count} người chưa có gì: {names}"
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
REMIND_DEADLINE = "Hạn nộp: {deadline}"
REMIND_NONE = "Không tổ nào cần nhắc: mọi tổ đã nộp đủ, không còn lỗi."
REPORT_SIGNALS = "Tín hiệu cho Hội đồng (chỉ để xem lại, không ảnh hưởng kết quả):"
REPORT_FILE_LINE = "  {name}: {status}{problems}"
REPORT_FILE_PROBLEMS = " – {count} vấn đề"
FILE_STATUS = {"accepted": "được dùng", "superseded": "bản cũ, đã có bản mới hơn", "rejected": "bị từ chối",
               "skipped": "bỏ qua"}
FEEDBACK_HELP = ("Ghi vào thư mục này, cho mỗi tổ có lỗi hoặc cảnh báo, một bản sao sổ của chính tổ đó: ô có vấn "
                 "đề được tô màu và có nhận xét, sheet đầu 'Cần sửa' liệt kê việc cần làm. Tổ sửa và gửi lại "
                 "chính tệp đó. Thư mục nhận về không bị sửa.")
FEEDBACK_DONE = "Đã ghi {count} bản góp ý cho các tổ vào {folder}: {names}"
FEEDBACK_NONE = "Không tổ nào có lỗi hay cảnh báo: không cần bản góp ý nào."
FEEDBACK_NOT_CONVERTED = ("Không ghi được bản góp ý cho {names}: tệp .xls/.ods, hay tệp .xlsx có bảng định dạng mà "
                          "thư viện openpyxl không mở được, cần LibreOffice để chuyển sang .xlsx. Các lỗi của tệp "
                          "vẫn có ở sheet Kiểm tra của bảng tổng hợp.")
FEEDBACK_KEPT = "Không ghi đè {path} (tệp đó không phải bản góp ý). Dùng --force hoặc chọn thư mục khác."
FEEDBACK_IN_INBOX = ("Thư mục góp ý '{path}' nằm trong thư mục nhận về; chương trình không ghi gì vào thư mục nhận "
                     "về. Hãy chọn thư mục khác, ví dụ gop-y/.")
COUNCIL_HELP = ("Bảng tổng hợp Hội đồng đã họp xét (đã ghi Điểm Hội đồng, Quyết định, Ghi chú ở sheet Điểm chi tiết "
                "và kết quả ở sheet Kiểm phiếu): ghi bảng tổng hợp cuối cùng theo ý kiến Hội đồng, kèm sheet Thay đổi "
                "của Hội đồng.")
COUNCIL_SAME_FILE = "Không ghi đè bảng tổng hợp của Hội đồng '{path}'; hãy chọn tên khác với -o, ví dụ tong-hop-cuoi.xlsx."
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
DOCS_EXIST = ("Thư mục hồ sơ '{path}' đã có văn bản (.docx/.pdf): có thể là Báo cáo thành tích ai đó đã viết. "
              "Dùng --force để ghi đè, hoặc chọn thư mục khác.")
DOCS_IN_INBOX = ("Thư mục hồ sơ '{path}' nằm trong thư mục nhận về; chương trình không ghi gì vào thư mục nhận về. "
                 "Hãy chọn thư mục khác, ví dụ ho-so/.")
DOCS_ONLY_SCORING = "Hồ sơ đề nghị chỉ có ở vòng chấm điểm (khi đã có danh hiệu đề nghị); không ghi."
PDF_HELP = "Ghi thêm bản PDF của bảng tổng hợp (khổ A4, cần LibreOffice)."
PDF_DONE = "Đã ghi bản PDF: {path}"
PDF_NO_OFFICE = ("Không tạo được PDF vì máy chưa có LibreOffice. Cài LibreOffice (Debian/Ubuntu: sudo apt-get install "
                 "--no-install-recommends libreoffice-calc libreoffice-writer; Windows/macOS: tải tại libreoffice.org) rồi chạy lại với "
                 "--pdf, hoặc mở tệp tổng hợp bằng Excel và chọn File → Export → PDF.")
PDF_FAILED = "Không tạo được PDF ({reason}). Bảng tổng hợp Excel vẫn đã được ghi; hãy xuất PDF từ Excel."

OPTIONS_METAVAR = "[TÙY CHỌN]"
DAYS_METAVAR = "SỐ_NGÀY"
FOLDER_METAVAR = "THƯ_MỤC"
COMMAND_METAVAR = "LỆNH [THAM SỐ]..."

# click words its own messages (usage errors, help) through gettext; these are their Vietnamese.
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

# issue 25: what comes in
QUOTE_LIMIT = 80  # characters of a typed value quoted in a message: a cell may hold 32,767


def shortened(value, limit: int = QUOTE_LIMIT) -> str:
    """A value typed in a cell as a message quotes it: cut to ``limit`` characters and "…" (with the
    length), so that a pasted page of text never pushes the explanation out of its "Kiểm tra" cell."""
    text = value if isinstance(value, str) else str(value)
    if len(text) <= limit:
        return text
    count = f"{len(text):,}".replace(",", ".")  # 32.767: the Vietnamese thousands separator
    return f"{text[:limit]}… ({count} ký tự)"


MESSAGES.update({
    "value.date_in_score": "'{value}' là ngày/giờ, không phải một số (Excel tự đổi số vừa gõ thành ngày, hoặc ô bị "
                           "định dạng ngày). Hãy định dạng ô là số rồi gõ lại số từ 0 đến {max}; ô này chưa được "
                           "tính.",
    "value.error_value": "Ô có giá trị lỗi {value} (công thức tính ra lỗi) nên không biết giá trị thật; ô này không "
                         "được dùng (không coi là trống, không tính là 0). Hãy nhờ tổ gõ giá trị thay cho công thức "
                         "rồi gửi lại.",
    "value.formula_no_result": "Ô có công thức nhưng tệp không lưu kết quả (tệp do một chương trình không tính công "
                               "thức ghi ra) nên không biết giá trị; ô này không được dùng (không coi là trống, không "
                               "tính là 0). Hãy mở tệp bằng Excel hoặc LibreOffice, gõ giá trị thay cho công thức, "
                               "lưu rồi gửi lại.",
    "value.percent_format": "Ô điểm bị định dạng phần trăm: ô hiện {shown}%, giá trị thật là {value} – không rõ tổ "
                            "muốn ghi {shown} hay {value} điểm nên ô này chưa được tính điểm. Hãy định dạng ô là số "
                            "(Format Cells → Number) rồi gõ lại điểm.",
    "file.nothing_filled": "Sổ gửi về chưa có ô nào được điền (còn trống như khi phát, dù đã được lưu lại): "
                           "{department} chưa tính là đã nộp. Hãy nhắc tổ điền rồi gửi lại.",
    "person.moved": "{name} (mã {person}) có trong sổ của {found}, nhưng theo sheet Nhân sự của campaign.xlsx nay "
                    "thuộc {current}: điểm trong sổ của {found} được tính cho {current}. Nếu việc chuyển tổ là nhầm, "
                    "hãy sửa cột Tổ ở sheet Nhân sự.",
    "person.removed": "{name} (mã {person}) có trong sổ của {department} nhưng không còn trong sheet Nhân sự của "
                      "campaign.xlsx: phần của người này không được tính. Nếu người đó vẫn thuộc trường, hãy thêm "
                      "lại vào sheet Nhân sự.",
    "file.zip_archive": "Tệp nén ZIP có {count} sổ bên trong ({names}); chương trình không đọc bên trong tệp nén. "
                        "Hãy giải nén vào thư mục nhận về (chuột phải vào tệp → Giải nén tại đây / Extract Here) rồi "
                        "chạy lại; sau đó xóa tệp .zip hoặc chuyển ra khỏi thư mục nhận về.",
    "locked.formula_changed": "Công thức khóa đã bị sửa ({change}): có thể ai đó đã gỡ khóa sheet để sửa ngưỡng "
                              "xếp loại hay cách tính điểm. Chương trình không dùng kết quả công thức trong sổ (mọi "
                              "tổng điểm, xếp loại đều được tính lại theo bộ tiêu chí); hãy kiểm tra ai đã sửa sổ.",
    "campaign.field_sample_school": "'{value}' ({field}, {owner}) còn nhắc tới '{found}' của trường mẫu ({sample}), "
                                    "trong khi trường của chiến dịch là {school}. Hãy sửa ở sheet {sheet} cho đúng "
                                    "trường mình: ô này được in vào hồ sơ.",
    "campaign.number_sample_school": "'{value}' ({field}, {owner}) có ký hiệu văn bản '{mark}' của trường mẫu "
                                     "({sample}), trong khi trường của chiến dịch là {school}: số văn bản này có lẽ "
                                     "còn sót lại. Hãy sửa ở sheet {sheet} theo văn bản của trường mình.",
    "campaign.person_sample_school": "{field} '{value}' trùng với người của trường mẫu ({sample}), trong khi trường "
                                     "của chiến dịch là {school}. Nếu tên này còn sót từ tệp mẫu, hãy sửa ở sheet "
                                     "{sheet}: tên được in vào hồ sơ.",
    "campaign.people_sample_school": "{count} người ở sheet {sheet} trùng tên với danh sách mẫu của {sample} ({names}): "
                                     "có thể danh sách mẫu còn sót lại. Hãy thay bằng người của trường mình (hồ sơ "
                                     "in tên họ).",
    "value.invisible_removed": "'{value}' có ký tự ẩn (ký tự điều khiển, ký tự đổi chiều chữ hoặc không độ rộng) – "
                               "đã bỏ, còn '{clean}'. Không cần sửa.",
})
REASONS.update({
    "ldtt.no_scores": "chưa có điểm thi đua (phiếu chưa có điểm tự chấm hay tổ chấm) nên chưa xếp loại được (cần từ "
                      "{needed})",
    "flag.score_unknown": "có ô điểm không đọc được ({cells}) – tổng điểm chưa tính các ô đó, xem sheet Kiểm tra",
})
LEGAL_LINE_FIELD = "Căn cứ"
LEGAL_LINE = "dòng {n}"
FORMULA_REPLACED = "công thức đã bị thay bằng một giá trị gõ vào"
LABELS.update({"maternity_months": "số tháng nghỉ thai sản", "days_off": "số ngày nghỉ"})
REPORT_UNTOUCHED = ("Sổ gửi về còn trống, chưa tính là đã nộp ({count} tổ): {names}. Có thể đây là sổ đã phát "
                    "(thư mục outbox) chứ không phải sổ các tổ gửi về; hãy nhắc các tổ điền rồi gửi lại.")
