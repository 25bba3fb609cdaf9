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
    # said when a campaign is opened (workspace.campaign_notices), at its cell, then listed with a run's problems
    "campaign.sample_school": ("Chiến dịch này vẫn là trường mẫu của chương trình ({sample}): sổ phát cho các tổ, "
                               "bảng tổng hợp và hồ sơ sẽ mang tên trường, số văn bản và danh sách người của trường "
                               "mẫu. Chạy thử thì được; với trường mình, hãy sửa sheet Trường (Tên trường, Hiệu "
                               "trưởng, Thư ký…), Tổ và Nhân sự rồi chạy lại – hoặc tạo từ chiến dịch năm trước của "
                               "trường: thidua-xlsx init THƯ_MỤC_MỚI --tu THƯ_MỤC_NĂM_TRƯỚC."),
    "campaign.past_year": ("Chiến dịch là của năm học {year}, hôm nay ({today}) đã là năm học {current} và không còn "
                           "hạn nộp nào phía trước{last}: có thể đây là tệp chiến dịch năm trước được chép sang – kỳ "
                           "đánh giá, hạn nộp và căn cứ vẫn của năm học {year}. Để sang năm mới, dùng init --tu: "
                           "thidua-xlsx init THƯ_MỤC_MỚI --tu {folder} (giữ trường, tổ, nhân sự, tiêu chí; dời các "
                           "ngày sang năm mới; xóa thông tin xét của năm cũ). Nếu đang làm nốt năm học {year} thì bỏ "
                           "qua cảnh báo này."),
    "campaign.date_before_year": ("{field} ({day}) trước năm học {year} (bắt đầu {first}): có thể còn sót từ năm "
                                  "trước. Hãy sửa ngày cho đúng năm học ở sheet Trường; chiến dịch chép tay từ năm "
                                  "trước thì tạo lại bằng init --tu (thidua-xlsx init THƯ_MỤC_MỚI --tu "
                                  "THƯ_MỤC_NĂM_TRƯỚC) để mọi ngày được dời một lần."),
    "campaign.legal_past_year": ("Dòng căn cứ {n} nhắc năm học trước ({found}): \"{line}\". Nếu là văn bản của năm học "
                                 "trước (kế hoạch, hướng dẫn, quyết định cho năm học đó), hãy thay bằng văn bản năm "
                                 "nay ở sheet Căn cứ; văn bản vẫn còn hiệu lực thì giữ nguyên."),
    "campaign.two_files": "Thư mục chiến dịch có hai tệp: {used} (lưu lúc {used_saved}) và {other} (lưu lúc "
                          "{other_saved}); chương trình dùng {used}. Hãy giữ một tệp: nếu bạn đang sửa {other}, hãy "
                          "xóa hoặc đổi tên {used}; nếu không, hãy xóa hoặc đổi tên {other} (ví dụ thành "
                          "campaign-cu…), để mọi lệnh dùng đúng tệp bạn sửa.",
    "campaign.not_found": "Không tìm thấy tệp chiến dịch '{path}'. Hãy chỉ tới thư mục có campaign.xlsx "
                          "hoặc tạo mới bằng 'thidua-xlsx init THƯ_MỤC --level tieu-hoc'.",
    "campaign.not_found_near": "Không tìm thấy chiến dịch (campaign.xlsx) cho thư mục '{inbox}'. Đã tìm ở: {looked}. "
                               "Hãy chỉ rõ bằng --campaign THƯ_MỤC (thư mục có campaign.xlsx), hoặc để thư mục nhận "
                               "về bên trong thư mục chiến dịch (ví dụ thidua-2025/inbox). Cấp trên (xã/phường, Sở) "
                               "tổng hợp bảng của các trường thì cần cap-tren.xlsx cạnh thư mục nhận: tạo bằng "
                               "'thidua-xlsx init THƯ_MỤC --level cap-xa'.",
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
    "summary.data_edited": "'{file}': thông tin ẩn chương trình ghi trong bảng tổng hợp đã bị sửa tay sau khi ghi "
                           "(không khớp dấu kiểm) – không dùng tệp này, không xét gì từ nó. Hãy dùng bản do chương "
                           "trình ghi (chạy lại lệnh đã tạo ra nó).",
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
    "person.title_typed": "{name} không đăng ký thi đua đầu năm nhưng phiếu ghi '{found}'; không được xét danh hiệu "
                          "(không đăng ký thì không xét).",
    "person.newcomer_unregistered": "Người mới '{name}' có phiếu chấm điểm nhưng chưa đăng ký thi đua đầu năm: điểm "
                                    "được tổng hợp, không được xét danh hiệu. Hãy thêm vào sheet Nhân sự nếu đúng.",
    "person.newcomer_unregistered_in_roster": "Người mới '{name}' (phiếu dự phòng) đã có ở sheet Nhân sự (mã "
                                              "{person}): điểm được tính cho người này; chưa đăng ký thi đua đầu năm "
                                              "nên không được xét danh hiệu. Không cần làm gì thêm.",
    "person.newcomer_in_roster": "Người mới '{name}' (dòng dự phòng) đã có ở sheet Nhân sự (mã {person}): đăng ký "
                                 "được tính cho người này. Không cần làm gì thêm.",
    "person.newcomer_twice": "'{name}' ghi ở dòng/phiếu dự phòng trùng tên với người đã có trong sổ (mã {person}); "
                             "dòng/phiếu dự phòng này không được dùng. Nếu là hai người khác nhau, hãy ghi tên phân "
                             "biệt ở sheet Nhân sự; nếu không, hãy nhờ tổ xóa phần ghi trùng.",
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
    # cell values
    "value.not_number": "'{value}' không phải là số. Hãy nhập số từ 0 đến {max}; ô này chưa được tính điểm.",
    "value.out_of_range": "Điểm {value} nằm ngoài khoảng 0 – {max}. Hãy sửa lại; ô này chưa được tính điểm.",
    "value.decimal_comma": "Điểm '{value}' được ghi dạng chữ; đã hiểu là {number}. Không cần sửa.",
    "value.required_blank": "Ô điểm bắt buộc '{item}' ({column}) còn trống: tổng điểm {column} chưa tính được "
                            "(không tính ô trống là 0). Hãy nhờ tổ điền đủ rồi gửi lại.",
    "value.bad_choice": "'{value}' không có trong danh sách ({field}). Hãy chọn một trong: {choices}.",
    "value.fuzzy_choice": "'{value}' được hiểu là '{choice}' ({field}).",
    "value.title_abbreviation": "'{value}' là chữ viết tắt của '{choice}' ({field}); đã hiểu là '{choice}'. Không "
                                "cần sửa.",
    "value.total_mismatch": "Tổng điểm trong sổ ({shown}) khác tổng tính lại từ các ô điểm ({computed}). "
                            "Dùng tổng tính lại; hãy kiểm tra sổ có bị sửa công thức không.",
    "value.text_normalised": "Họ tên '{value}' được gõ bằng dấu tổ hợp (Unicode tổ hợp) hoặc có khoảng trắng lạ; đã "
                             "chuẩn hóa thành '{clean}' (Unicode dựng sẵn). Không cần sửa.",
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
    "council.unknown_code": "Dòng {row} có mã '{person}' không có trong danh sách; quyết định ở dòng đó không được "
                            "dùng.",
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
                 "– Hội đồng bỏ phiếu chọn{detail}",
    "quota.outside": "ngoài chỉ tiêu {percent}% số LĐTT ({slots} suất), xếp sau theo điểm",
    "quota.freed": "vào suất trong chỉ tiêu do {names} để lại (sáng kiến đã dùng cho hình thức khen thưởng khác)",
    "quota.freed_vote": "chưa được Hội đồng bỏ phiếu – chờ Hội đồng bỏ phiếu",
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


# issue 25: outputs and environment
MESSAGES.update({
    "generate.kept_beside": "Giữ nguyên {kept}: sổ này đã được điền hoặc sửa sau khi phát (không phải sổ chương trình "
                            "đã ghi); sổ mới ghi vào {new}. Nếu đó là sổ tổ đã gửi về, hãy chuyển nó vào thư mục nhận "
                            "về; nếu không cần nữa, hãy xóa nó rồi chạy lại.",
    "registry.damaged": "Bản ghi sổ đã phát '{path}' bị hỏng ({reason}): sổ phát ra với bản ghi này sẽ bị coi là chưa "
                        "phát. Hãy chép lại tệp này từ bản sao lưu của thư mục so-da-phat/ rồi chạy lại (các tổ không "
                        "cần điền lại); nếu không còn bản sao, hãy phát lại sổ cho tổ bằng 'thidua-xlsx generate'.",
    "registry.stray": "'{path}' trong thư mục so-da-phat/ không phải bản ghi sổ đã phát của chương trình; đã bỏ qua. "
                      "Hãy chuyển tệp này ra khỏi so-da-phat/.",
    # issue 36: a record that is there but damaged is no "never issued"; what a run killed outright left behind
    "file.record_damaged": "Sổ ({department}) đã được phát, nhưng bản ghi của sổ trong thư mục so-da-phat ('{path}') "
                           "bị hỏng ({reason}), nên chưa kiểm được sổ này và chưa dùng. Hãy chép lại tệp {path} từ bản "
                           "sao lưu của thư mục so-da-phat/ (hoặc từ máy đã chạy 'thidua-xlsx generate') vào thư mục "
                           "chiến dịch rồi chạy lại; tổ không cần điền lại.",
    "run.temporaries_removed": "Đã xóa {count} tệp tạm do một lần chạy trước bị dừng giữa chừng để lại ({names}): "
                               "chương trình tạo các tệp này trong lúc ghi, không phải tệp của bạn; các tệp kết quả "
                               "không bị ảnh hưởng. Không cần làm gì.",
})


# issue 25: the council's word
MESSAGES.update({
    "council.row_missing": "Dòng của {name} ({person}) không còn trong sheet Điểm chi tiết của bảng Hội đồng (dòng bị "
                           "xóa?): không biết Hội đồng quyết định gì cho người này, nên giữ đề nghị của chương trình. "
                           "Hãy chép lại dòng đó từ bảng tổng hợp Hội đồng đã họp rồi chạy lại.",
    "council.duplicate_row": "Người có mã '{person}' có nhiều dòng (dòng {rows}): không biết dòng nào là quyết định "
                             "của Hội đồng, nên không dùng dòng nào. Hãy xóa dòng thừa rồi chạy lại.",
    "council.votes_above": "{counted} là {votes}, lớn hơn {what} ({limit}): không thể có, nên không được dùng. Hãy sửa "
                           "lại (phiếu của thành viên vắng mặt gửi đến thì tính cả vào 'Số phiếu thu về').",
    "council.tie_too_many": "Hội đồng chọn {chosen} người ({names}) cho {slots} suất còn lại của {title} khi bằng "
                            "điểm: "
                            "vượt chỉ tiêu, nên chưa ai trong số đó được chọn. Hãy chỉ chọn {slots} người rồi chạy "
                            "lại.",
})

# issue 26: the evaluation year
REASONS.update({
    "year.score_average": "điểm năm {score}: trung bình cộng điểm của {used} kỳ đánh giá (NĐ 233/2026 điều 12 khoản 5, "
                          "điều 15 khoản 1 điểm a)",
    "year.score_semesters": "điểm năm {score} theo công thức (điểm HKI + 2 × điểm HKII) / 3 của quy chế đánh giá của "
                            "đơn vị, {used} kỳ có điểm (NĐ 233/2026 điều 12 khoản 5)",
    "year.score_weighted": "điểm năm {score}: trung bình có trọng số của {used} kỳ đánh giá theo quy chế đánh giá của "
                           "đơn vị (NĐ 233/2026 điều 12 khoản 5)",
    "year.missing": "không có điểm {periods}: không tính là 0 điểm, điểm năm chỉ tính trên {used}/{total} kỳ có điểm "
                    "(NĐ 233/2026 điều 15 khoản 1 điểm a, c: theo thời gian làm việc thực tế)",
    "year.no_scores": "chưa có điểm kỳ đánh giá nào trong năm: chưa xếp loại được (điểm năm tính từ điểm các kỳ, "
                      "NĐ 233/2026 điều 12 khoản 5)",
    "year.facts_unknown": "chưa nhập {fields} ở sheet Nhân sự: chưa kiểm tra được trường hợp không xếp loại hay bị kỷ "
                          "luật (NĐ 233/2026 điều 12 khoản 4, điều 14) – hãy nhập rồi chạy lại",
    "year.months_short": "chỉ làm việc {months} tháng trong năm (chưa đủ {needed} tháng): không xếp loại chất lượng "
                         "(NĐ 233/2026 điều 14 khoản 1)",
    "year.months_short_unpaid": "nghỉ việc riêng không hưởng lương, chỉ làm việc {months} tháng trong năm (chưa đủ "
                                "{needed} tháng): không xếp loại chất lượng (NĐ 233/2026 điều 14 khoản 1, 2)",
    "year.leave_rated": "{leave} theo chế độ bảo hiểm xã hội, làm việc {months} tháng (dưới {needed} tháng): vẫn xếp "
                        "loại, theo kết quả của thời gian làm việc thực tế (NĐ 233/2026 điều 14 khoản 2)",
    "year.disciplined": "bị kỷ luật {discipline} trong năm đánh giá: KHTNV, không xét theo điểm (NĐ 233/2026 điều 12 "
                        "khoản 4 điểm c, điều 14 khoản 3 điểm a)",
    "year.band_top": "điểm năm {score}, từ {low} điểm trở lên: {rating} (NĐ 233/2026 điều 12 khoản {clause})",
    "year.band": "điểm năm {score}, từ {low} đến dưới {high} điểm: {rating} (NĐ 233/2026 điều 12 khoản {clause})",
    "year.band_below": "điểm năm {score}, dưới {high} điểm: {rating} (NĐ 233/2026 điều 12 khoản 4 điểm a)",
    "year.head_unit_unknown": "người đứng đầu đơn vị nhưng chưa có xếp loại của đơn vị: chưa kiểm tra được quy định "
                              "xếp loại không cao hơn đơn vị (NĐ 233/2026 điều 12 khoản 7) – hãy nhập xếp loại của "
                              "đơn vị",
    "year.head_capped": "người đứng đầu đơn vị xếp loại không cao hơn đơn vị ({unit_rating}): hạ từ {before} xuống "
                        "{unit_rating} (NĐ 233/2026 điều 12 khoản 7)",
    "year.cap_slots": "nhóm {group} có {eligible} người đạt từ HTTNV trở lên, tối đa {slots} người HTXSNV để số HTXSNV "
                      "không vượt quá {percent}% số HTTNV, làm tròn xuống (NĐ 233/2026 điều 12 khoản 6 điểm {clause})",
    "year.cap_slots_at_least": "nhóm {group} có {eligible} người đạt từ HTTNV trở lên, tối đa {slots} người HTXSNV "
                               "({percent}% của {eligible}, làm tròn xuống; NĐ 233/2026 điều 12 khoản 6 điểm {clause})",
    "year.cap_within": "trong tỷ lệ HTXSNV: đứng thứ {rank} theo điểm năm; {cap}",
    "year.cap_outside": "xếp HTTNV vì ngoài tỷ lệ HTXSNV: đứng thứ {rank} theo điểm năm; {cap}",
    "year.cap_tie": "tạm xếp HTTNV: {tied} người bằng điểm năm ({score}) cho {left} suất HTXSNV cuối, chương trình "
                    "không chọn; {cap} – cấp có thẩm quyền chọn và nhập xếp loại ở sheet Nhân sự",
    "year.entered_differs": "cấp có thẩm quyền xếp loại {entered} (sheet Nhân sự), khác kết quả tính từ các kỳ "
                            "({computed}): dùng {entered} – Hội đồng xem lại (NĐ 233/2026 điều 13 khoản 3)",
    "year.entered_unrated": "cấp có thẩm quyền xếp loại {entered} (sheet Nhân sự), trong khi theo các kỳ thì không xếp "
                            "loại: dùng {entered} – Hội đồng xem lại (NĐ 233/2026 điều 13 khoản 3, điều 14)",
    "year.entered_over_cap": "với các xếp loại đã nhập, nhóm có {excellent} người HTXSNV, vượt tỷ lệ: {cap} – Hội đồng "
                             "xem lại",
})
LABELS.update({"NGHI_OM": "nghỉ ốm", "NGHI_THAI_SAN": "nghỉ thai sản"})

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
    "campaign.people_sample_school": "{count} người ở sheet {sheet} trùng tên với danh sách mẫu của {sample} "
                                     "({names}): "
                                     "có thể danh sách mẫu còn sót lại. Hãy thay bằng người của trường mình (hồ sơ "
                                     "in tên họ).",
    "value.invisible_removed": "'{value}' có ký tự ẩn (ký tự điều khiển, ký tự đổi chiều chữ hoặc không độ rộng) – "
                               "đã bỏ, còn '{clean}'. Không cần sửa.",
})
REASONS.update({
    "ldtt.no_scores": "chưa xét: chưa có điểm thi đua (phiếu chưa có điểm tự chấm hay tổ chấm) nên chưa xếp loại "
                      "được (cần từ {needed}) – chờ tổ chấm",
    "flag.score_unknown": "có ô điểm không đọc được ({cells}) – xem sheet Kiểm tra",
    "flag.total_pending": "tổng điểm {column} chưa tính được: {cells} còn trống hoặc không đọc được (không tính là 0)",
    "ldtt.score_pending": "chưa xét: phiếu chấm điểm còn ô bắt buộc trống hoặc không đọc được nên chưa biết tổng điểm "
                          "và xếp loại (cần từ {needed}) – chờ tổ điền đủ",
})
LEGAL_LINE_FIELD = "Căn cứ"
LEGAL_LINE = "dòng {n}"
FORMULA_REPLACED = "công thức đã bị thay bằng một giá trị gõ vào"
BLANK_SHOWN = "(trống)"  # a cell with nothing in it, quoted in a message
LABELS.update({"maternity_months": "số tháng nghỉ thai sản", "days_off": "số ngày nghỉ"})


# issue 26: campaign periods
MESSAGES.update({
    "campaign.periods_without_kind": "Sheet Kỳ đánh giá có {count} kỳ nhưng 'Loại kỳ đánh giá' là Không (hoặc để "
                                     "trống). Hãy chọn Tháng, Quý hoặc Học kỳ; nếu trường chỉ chấm một lần cuối "
                                     "năm, hãy xóa các dòng kỳ.",
    "campaign.periods_none_listed": "'Loại kỳ đánh giá' là {kind} nhưng bảng kỳ chưa có kỳ nào. Hãy điền các kỳ "
                                    "(mã kỳ, tên kỳ, từ ngày, đến ngày, hạn nộp) hoặc chọn Không.",
    "campaign.period_end_before_start": "Kỳ '{period}' kết thúc ({end}) trước khi bắt đầu ({start}). Hãy sửa lại ngày.",
    "campaign.period_overlap": "Kỳ '{period}' bắt đầu trước khi kỳ '{other}' kết thúc ({end}): hai kỳ chồng lên nhau. "
                               "Hãy sửa ngày để mỗi ngày chỉ thuộc một kỳ.",
    "campaign.period_deadline_early": "Hạn nộp của kỳ '{period}' ({deadline}) trước ngày kỳ kết thúc ({end}): các tổ "
                                      "phải nộp phiếu khi kỳ chưa hết. Nếu trường muốn vậy thì không cần sửa; nếu "
                                      "không, hãy lùi hạn nộp.",
    "campaign.period_weight_missing": "Kỳ '{period}' chưa có trọng số, trong khi điểm năm tính theo trọng số từng kỳ. "
                                      "Hãy điền cột Trọng số cho mọi kỳ (ví dụ 1 hoặc 2).",
    "campaign.period_weight_range": "Trọng số của kỳ '{period}' là {value}, phải lớn hơn 0. Hãy sửa lại.",
    "campaign.period_semesters_count": "Cách tính (HKI + 2×HKII)/3 cần đúng 2 kỳ (học kỳ I và học kỳ II), bảng kỳ "
                                       "đang có {count} kỳ. Hãy sửa bảng kỳ hoặc chọn cách tính khác.",
})


# issue 26: period rounds
MESSAGES.update({
    "period.required": "Chiến dịch chấm điểm theo kỳ: hãy chọn kỳ bằng --period, một trong: {periods}.",
    "period.unknown": "Không có kỳ '{period}' trong chiến dịch. Các kỳ là: {periods}.",
    "period.not_in_campaign": "Chiến dịch không chia kỳ đánh giá (sheet Kỳ đánh giá để Không), nên không dùng "
                              "--period. Hãy bỏ --period, hoặc khai báo các kỳ trong campaign.xlsx.",
    "period.scoring_only": "--period chỉ dùng cho vòng cham-diem: đăng ký thi đua là của cả năm học.",
    "file.other_period": "Sổ này của kỳ {period}, thư mục đang tổng hợp kỳ {expected}. Không dùng sổ này; hãy để "
                         "sổ của kỳ {period} vào thư mục nhận của kỳ đó rồi tổng hợp riêng.",
})
NO_PERIOD = "cả năm (không chia kỳ)"  # a workbook's period when it was issued for the year's single round


# issue 26: the year from its periods' summaries (thidua-xlsx year)
MESSAGES.update({
    "year.unreadable": "Không đọc được '{file}' như một bảng tổng hợp kỳ (tệp hỏng hoặc không phải tệp Excel). "
                       "Hãy tổng hợp lại kỳ đó bằng thidua-xlsx merge --period rồi đặt tệp mới vào thư mục.",
    "year.not_ours": "'{file}' không phải bảng tổng hợp do thidua-xlsx ghi (không có thông tin nhận diện) – không "
                     "dùng. Điểm năm chỉ lấy từ bảng tổng hợp các kỳ do chương trình ghi.",
    "year.other_campaign": "'{file}' là bảng tổng hợp của chiến dịch khác (năm học {year}) – không dùng. Hãy kiểm "
                           "tra có để nhầm tệp của trường khác hoặc năm khác vào thư mục không.",
    "year.other_year": "'{file}' là bảng tổng hợp năm học {year}, chiến dịch đang xét năm học {expected} – không dùng.",
    "year.not_period": "'{file}' là bảng tổng hợp của vòng '{round}' cả năm, không phải của một kỳ đánh giá – không "
                       "dùng. Trong thư mục chỉ để bảng tổng hợp từng kỳ (tong-hop_<mã kỳ>.xlsx).",
    "year.period_unknown": "'{file}' là bảng tổng hợp của kỳ '{period}', không có trong sheet Kỳ đánh giá của "
                           "campaign.xlsx – không dùng. Hãy kiểm tra bảng kỳ hoặc bỏ tệp này khỏi thư mục.",
    "year.no_people": "'{file}' được ghi bởi phiên bản cũ, chưa mang điểm từng người cho cả năm – không dùng. Hãy "
                      "tổng hợp lại kỳ {period} bằng thidua-xlsx merge --period {period} (thư mục nhận của kỳ vẫn "
                      "còn nguyên) rồi chạy lại.",
    "year.period_superseded": "Cùng kỳ ({period}) có bản tổng hợp khác được dùng ('{used}': bản có cột hiệu trưởng "
                              "chấm "
                              "qua vòng Hội đồng được ưu tiên, rồi bản ghi sau). Tệp này không dùng.",
    "year.period_refused": "Bảng tổng hợp của {period} bị từ chối ({files}: lý do ở trên) – kỳ này chưa biết, không "
                           "phải chưa có: chưa xếp loại năm, chưa xét danh hiệu cho ai. Hãy ghi lại bảng tổng hợp "
                           "kỳ đó (thidua-xlsx merge … --period {period_code}) rồi chạy lại year.",
    "year.period_missing": "Chưa có bảng tổng hợp của {period}: điểm năm của mọi người chỉ tính trên các kỳ có "
                           "điểm (kỳ thiếu không tính là 0). Hãy tổng hợp kỳ này rồi chạy lại nếu kỳ đã chấm.",
    "year.person_not_in_roster": "Mã {person} có điểm ở {periods} nhưng không còn trong sheet Nhân sự – không xếp "
                                 "loại năm. Nếu người này còn công tác (hoặc đã chuyển đi và cần xếp loại), hãy "
                                 "thêm lại vào sheet Nhân sự với số tháng làm việc rồi chạy lại.",
})
REASONS.update({
    "flag.year_rating_entered": "xếp loại năm theo sheet Nhân sự là {entered}, tính từ các kỳ là {computed}",
})


# issue 36: the year's law — what it rests on, who rates the head, what is missing, what the tool only proposes
REASONS.update({
    "rating.provisional": "tạm thời: xếp loại {rating} do chương trình tính từ các kỳ, chưa có quyết định của cấp có "
                          "thẩm quyền (NĐ 233/2026 điều 13 khoản 3)",
    "year.unreadable": "điểm {periods} trong bảng tổng hợp kỳ không đọc được (xem sheet Kiểm tra): chưa xếp loại năm, "
                       "không tính trên các kỳ còn lại – hãy tổng hợp lại kỳ đó rồi chạy lại",
    "year.head_proposed": "người đứng đầu đơn vị: do người đứng đầu cơ quan quản lý{body} theo dõi, đánh giá và xếp "
                          "loại (NĐ 233/2026 điều 13 khoản 2 điểm a, khoản 3 điểm a){proposal}; không tính vào tỷ lệ "
                          "HTXSNV của trường",
    "year.body": " ({name})",
    "year.head_proposal": "; trường tính {rating} để đề xuất",
    "year.cap_pending": "{count} người trong nhóm chưa xếp loại được (điểm kỳ không đọc được): số suất HTXSNV có thể "
                        "đổi khi sửa xong",
})
SCHOOL_SCALE = "thang điểm của trường, chưa theo NĐ 233/2026: các kỳ kết thúc trước {since}"  # a year before it
MESSAGES.update({
    "year.score_not_number": "Điểm kỳ {period} của {name} ({person}) là '{value}', không phải một số: không dùng, "
                             "xếp loại năm của người này để chờ (không tính trên các kỳ khác). Hãy tổng hợp lại kỳ "
                             "{period} (thidua-xlsx merge --period) rồi chạy lại.",
    "year.score_typed_over": "Điểm xét của {name} ({person}) trong bảng tổng hợp {period} đã bị sửa tay thành "
                             "'{shown}', chương trình đã ghi {value} – cả năm dùng {value}, không dùng số sửa tay. "
                             "Muốn đổi điểm một kỳ: ghi điểm mới vào cột Điểm Hội đồng rồi chạy 'thidua-xlsx merge "
                             "… --period {period_code} --council <tệp này>' (lượt duyệt của Hiệu trưởng), rồi chạy "
                             "lại year.",
    "year.council_score_unapplied": "Cột Điểm Hội đồng của {name} ({person}) trong bảng tổng hợp {period} ghi "
                                    "'{shown}' nhưng chưa được áp dụng – cả năm dùng {value}. Hãy chạy 'thidua-xlsx "
                                    "merge … --period {period_code} --council <tệp này>' để áp dụng, rồi chạy lại "
                                    "year với bảng tổng hợp mới.",
    "year.score_out_of_range": "Điểm kỳ {period} của {name} ({person}) là {value}, ngoài khoảng 0 – {max}: không "
                               "dùng, xếp loại năm của người này để chờ (không tính trên các kỳ khác). Hãy tổng hợp "
                               "lại kỳ {period} (thidua-xlsx merge --period) rồi chạy lại.",
    "year.meta_broken": "'{file}': điểm từng người mà chương trình ghi kèm bảng tổng hợp kỳ bị hỏng hoặc bị sửa – "
                        "không dùng. Hãy tổng hợp lại kỳ đó bằng thidua-xlsx merge --period rồi đặt tệp mới vào thư "
                        "mục.",
    "year.department_period_missing": "{department}: không ai có điểm {period} (tổ chưa nộp sổ kỳ này?) – điểm năm "
                                      "của {count} người trong tổ tính trên các kỳ có điểm, kỳ thiếu không tính là 0 "
                                      "(NĐ 233/2026 điều 12 khoản 5, điều 15 khoản 1 điểm a, c). Nếu tổ đã chấm kỳ "
                                      "này, hãy tổng hợp lại kỳ đó với sổ của tổ rồi chạy lại.",
    "year.person_periods_missing": "{name} ({person}) không có điểm {periods}: điểm năm tính trên {used}/{total} kỳ "
                                   "có điểm, kỳ thiếu không tính là 0 (NĐ 233/2026 điều 15 khoản 1 điểm a, c: theo "
                                   "thời gian làm việc thực tế). Nếu người này đã được chấm, hãy kiểm tra sổ của tổ "
                                   "kỳ đó.",
    "year.period_future": "{period} ({start} – {end}) chưa kết thúc (hôm nay {today}): năm đánh giá chưa đủ các kỳ, "
                          "xếp loại năm và các đề nghị dựa trên đó còn tạm thời. Hãy chạy lại khi kỳ đã kết thúc và "
                          "được tổng hợp.",
    "year.period_future_used": "Bảng tổng hợp của {period} được dùng dù kỳ chưa kết thúc ({end}, hôm nay {today}): "
                               "điểm kỳ này có thể chưa đủ, xếp loại năm còn tạm thời. Hãy tổng hợp lại kỳ này khi "
                               "kỳ kết thúc rồi chạy lại.",
    "year.before_decree": "Mọi kỳ đánh giá ({periods}) kết thúc trước {since}, ngày {decree} có hiệu lực: năm này chưa "
                          "xếp loại theo {decree} mà theo văn bản cũ (NĐ 90/2020, sửa đổi bởi NĐ 48/2023). Xếp loại "
                          "năm trong bảng là theo thang điểm của trường, chỉ để tham khảo; hãy nhập xếp loại cấp có "
                          "thẩm quyền đã quyết định ở sheet Nhân sự, hoặc sửa bảng kỳ nếu ngày các kỳ bị sai.",
    "year.periods_before_decree": "Các kỳ {periods} kết thúc trước {since}, ngày {decree} có hiệu lực: không phải kỳ "
                                  "đánh giá theo {decree}; điểm các kỳ này vẫn được tính vào điểm năm như điểm chấm "
                                  "theo quy chế của trường – Hội đồng xem lại. Nếu quy chế không tính các kỳ này, hãy "
                                  "xóa chúng khỏi sheet Kỳ đánh giá rồi chạy lại.",
    "year.transition": "Xếp loại cuối năm 2026 (kỳ cuối kết thúc {end}): nếu đến lúc xếp loại trường chưa ban hành Quy "
                       "chế đánh giá theo {decree} (chậm nhất 30/11/2026, điều 18 khoản 3 điểm a), trường xếp loại "
                       "theo NĐ 90/2020, sửa đổi bởi NĐ 48/2023 (điều 20 khoản 1) – khi đó xếp loại tính từ các kỳ chỉ "
                       "để tham khảo. Hãy kiểm tra Quy chế của trường đã ban hành chưa.",
    "year.filed_before_end": "Ngày gửi hồ sơ ({filed}) trước ngày kỳ đánh giá cuối kết thúc ({end}): hồ sơ gửi khi "
                             "năm đánh giá chưa hết, xếp loại năm và các đề nghị dựa trên đó còn tạm thời. Hãy sửa "
                             "Ngày gửi hồ sơ ở sheet Trường (hoặc ngày các kỳ ở sheet Kỳ đánh giá) rồi chạy lại.",
    "year.provisional": "{count} người và {units} tập thể (tổ có người ấy trong số Lao động tiên tiến) được đề nghị "
                        "danh hiệu dựa trên xếp loại năm do chương trình tính từ các kỳ, "
                        "chưa có quyết định xếp loại của cấp có thẩm quyền (NĐ 233/2026 điều 13 khoản 3): các đề nghị "
                        "này là tạm thời (lý do ghi \"tạm thời\"). Khi có quyết định xếp loại, hãy nhập ở cột Xếp loại "
                        "viên chức (sheet Nhân sự) rồi chạy lại.",
    "year.rating_typed": "{name} ({person}): cột Xếp loại viên chức ghi {entered}, xếp loại tính từ các kỳ là "
                         "{computed}; chương trình dùng {entered} như quyết định của cấp có thẩm quyền (NĐ 233/2026 "
                         "điều 13 khoản 3), hai giá trị ghi cạnh nhau ở sheet Xếp loại năm. Nếu ô này còn sót từ tệp "
                         "mẫu hay từ năm trước, hãy xóa ở sheet Nhân sự rồi chạy lại.",
    "year.head_rated_above": "{name} ({person}) là người đứng đầu đơn vị: do người đứng đầu cơ quan quản lý ({body}) "
                             "theo dõi, đánh giá và xếp loại (NĐ 233/2026 điều 13 khoản 2 điểm a, khoản 3 điểm a); "
                             "xếp loại trong bảng là đề xuất của trường, không tính vào tỷ lệ HTXSNV của trường. Khi "
                             "có quyết định, hãy nhập ở cột Xếp loại viên chức (sheet Nhân sự).",
    "year.cap_unit_default": "Đơn vị được xếp loại HTXSNV: theo NĐ 233/2026 điều 12 khoản 6 điểm b, đơn vị có thể "
                             "quyết định tỷ lệ HTXSNV cao hơn 20%, tối đa 25% – ô '{field}' còn trống nên chương "
                             "trình dùng 20% (mặc định). Nếu đơn vị đã quyết định, hãy ghi tỷ lệ vào ô đó rồi chạy "
                             "lại.",
    "year.small_groups": "Nhóm {groups} có từ {size} người trở xuống (không kể người đứng đầu): tính tỷ lệ HTXSNV "
                         "riêng (mặc định, theo NĐ 233/2026 điều 12 khoản 6 điểm a), nên có thể không có suất HTXSNV "
                         "nào. "
                         "Nếu quy chế của trường tính chung nhóm nhỏ với nhóm lớn nhất, hãy chọn '{together}' ở ô "
                         "'{field}' rồi chạy lại.",
    "campaign.period_outside_year": "Kỳ '{period}' ({start} – {end}) nằm ngoài năm học {year} ({first} – {last}): có "
                                    "thể còn sót từ năm trước. Hãy sửa ngày của kỳ cho đúng năm học, hoặc sửa Năm học "
                                    "ở sheet Trường.",
    "campaign.excellent_share_range": "'{field}' = {value}: đơn vị chỉ được quyết định tỷ lệ HTXSNV từ 20% đến 25% "
                                      "(NĐ 233/2026 điều 12 khoản 6). Hãy sửa lại, hoặc để trống để dùng 20%.",
    "campaign.excellent_share_unit": "'{field}' = {value}% chỉ áp dụng khi đơn vị được cấp có thẩm quyền xếp loại "
                                     "HTXSNV (NĐ 233/2026 điều 12 khoản 6 điểm b); 'Xếp loại của đơn vị' đang là "
                                     "'{unit}': chương trình dùng 20%. Hãy nhập xếp loại của đơn vị khi có.",
})


# issue 27: đột xuất and chuyên đề awards (sheet Khen đột xuất)
MESSAGES.update({
    "campaign.special_unknown": "Mã '{value}' không phải mã người trong sheet Nhân sự hay mã tổ trong sheet Tổ – dòng "
                                "khen đột xuất này không được dùng. Hãy ghi đúng mã người (ví dụ GV001) hoặc mã tổ.",
})


# issue 27: the multi-year decisions from the history (decide.history)
from thidua_xlsx.text.history_rules import HISTORY_MESSAGES, HISTORY_REASONS  # noqa: E402

MESSAGES.update(HISTORY_MESSAGES)
REASONS.update(HISTORY_REASONS)


# issue 27: the history book (lich-su.xlsx) and the earlier years' summaries (read.history, thidua-xlsx history)
from thidua_xlsx.text.history import HISTORY_MESSAGES as HISTORY_BOOK_MESSAGES  # noqa: E402

MESSAGES.update(HISTORY_BOOK_MESSAGES)


# issue 27: the rule sets by date and province (model.rule_set, read.rule_sets)
from thidua_xlsx.text.rule_sets import RULE_SET_MESSAGES, RULE_SET_REASONS  # noqa: E402

MESSAGES.update(RULE_SET_MESSAGES)
REASONS.update(RULE_SET_REASONS)


# issue 28: the level above (the commune's merge of its schools' summaries)
from thidua_xlsx.text.level_above import LEVEL_ABOVE_MESSAGES, LEVEL_ABOVE_REASONS  # noqa: E402

MESSAGES.update(LEVEL_ABOVE_MESSAGES)
REASONS.update(LEVEL_ABOVE_REASONS)


# issue 28: the province's import file (model/read/write.province_import)
from thidua_xlsx.text.province_import import PROVINCE_IMPORT_MESSAGES  # noqa: E402

MESSAGES.update(PROVINCE_IMPORT_MESSAGES)


# issue 28: the analysts' API (thidua_xlsx.api)
from thidua_xlsx.text.api import API_MESSAGES  # noqa: E402

MESSAGES.update(API_MESSAGES)


# issue 36: the two parts of part I of the Phiếu xếp loại (NĐ 233/2026 điều 10, 11), read back from period summaries
from thidua_xlsx.text.appraisal import PARTS_LABELS, PARTS_MESSAGES  # noqa: E402

MESSAGES.update(PARTS_MESSAGES)
LABELS.update(PARTS_LABELS)
PAST_YEAR_LAST = " (hạn cuối {day})"  # campaign.past_year's {last}: its latest deadline
# said when the campaign is opened, then listed with a run's problems (JSON, Kiểm tra), not printed again
OPENING_CODES = frozenset({"campaign.sample_school", "campaign.past_year", "campaign.date_before_year",
                           "campaign.legal_past_year"})


# issue 38/39: a file brought in by the local page or the mail, filed by the codes inside it (intake.py)
MESSAGES.update({
    "intake.no_campaign": "'{folder}' không phải thư mục chiến dịch (không có campaign.xlsx của trường, cũng không có "
                          "cap-tren.xlsx của xã). Hãy chọn thư mục do 'thidua-xlsx init' tạo.",
    "intake.not_workbook": "Không phải sổ thi đua (chỉ nhận .xlsx, .xlsm, .xls, .ods) – để nguyên, không lưu vào "
                           "chiến dịch.",
    "intake.other_round": "Đây là sổ {found} của {department}, không phải sổ {expected} – không lưu vào đây. Hãy thả "
                          "sổ vào trang của đúng vòng đó (chương trình tự nhận ra vòng theo mã trong sổ).",
    "intake.other_year_summary": "Bảng tổng hợp của {school} thuộc năm học {year}, đợt này của xã là năm học "
                                 "{expected} – không lưu. Hãy nhờ trường gửi bảng tổng hợp cuối năm học {expected}.",
    "intake.archive_too_big": "Tệp nén có {count} tệp hoặc quá lớn khi giải nén – không mở. Hãy gửi từng sổ riêng, "
                              "hoặc tệp nén nhỏ hơn (dưới 200 tệp).",
    "intake.archive_empty": "Tệp nén không có tệp nào bên trong – bỏ qua.",
    "intake.archive_broken": "Tệp nén bị hỏng hoặc có mật khẩu – không mở được. Hãy nhờ người gửi nén lại (không "
                             "đặt mật khẩu) hoặc gửi từng sổ riêng.",
    "intake.cannot_write": "Không lưu được tệp vào '{folder}': {fault} Tệp chưa được lưu; hãy khắc phục rồi thả lại.",
})


# issue 38: the local page (thidua_xlsx.ui)
from thidua_xlsx.text.ui import UI_MESSAGES  # noqa: E402

MESSAGES.update(UI_MESSAGES)


# issue 39: mail in and out (thidua_xlsx.mail: the drafts and collect)
from thidua_xlsx.text.mail import MAIL_MESSAGES  # noqa: E402

MESSAGES.update(MAIL_MESSAGES)


# issue 36 (items 5, 7): a period's head pass reads scores and notes only; what it does not read is said by its cell
from thidua_xlsx.text.period_pass import PERIOD_PASS_MESSAGES  # noqa: E402

MESSAGES.update(PERIOD_PASS_MESSAGES)
