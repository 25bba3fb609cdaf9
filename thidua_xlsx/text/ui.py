"""The words of the local page (:mod:`thidua_xlsx.ui`, ``thidua-xlsx ui``): its messages (where → what is wrong →
what to do), merged into :mod:`thidua_xlsx.text.messages` by the lines at its end, and the page's own words."""

from __future__ import annotations

from thidua_xlsx.text.decisions import PAGE_WORDS

UI_MESSAGES = {
    "ui.token_refused": "Trang này cần mã truy cập: hãy mở đúng địa chỉ chương trình in ra khi khởi động (dòng đầu, "
                        "có ?token=…), hoặc bấm đúp lại tệp mở trang trong thư mục chiến dịch.",
    "ui.host_refused": "Yêu cầu gửi tới '{host}', không phải địa chỉ của trang (127.0.0.1) – từ chối. Hãy mở đúng địa "
                       "chỉ chương trình in ra khi khởi động.",
    "ui.officer_none": ("Chưa chọn nhận hay bỏ đề nghị nào – chưa ghi gì. Với mỗi đề nghị cần quyết định: chọn *Nhận* "
                        "hoặc *Bỏ*, ghi lý do, rồi bấm *Ghi quyết định và tổng hợp lại*."),
    "ui.officer_no_summary": ("Chưa có bảng tổng hợp các trường nào – chưa có đề nghị tạm giữ để quyết định. Hãy bấm "
                              "*Tổng hợp các trường* trước."),
    "ui.officer_reason": ("{count} đề nghị được chọn nhận hoặc bỏ mà chưa ghi lý do – chưa ghi gì. Mỗi quyết định cần "
                          "một lý do (ghi vào biên bản và tờ trình); hãy ghi lý do rồi bấm lại."),
    "ui.officer_stale": ("{count} đề nghị không còn trong bảng tổng hợp các trường gần nhất (đã có tệp mới của trường) "
                         "– chưa ghi gì. Hãy bấm *Tổng hợp các trường* rồi quyết định lại trên danh sách mới."),
    "ui.officer_changed": ("Danh sách đề nghị tạm giữ đã thay đổi từ khi trang này được mở ({count} quyết định về đề "
                           "nghị không còn như trang đã hiện: người khác, hoặc tệp khác của trường) – chưa ghi gì. "
                           "Danh sách dưới đây là danh sách mới: hãy xem lại rồi quyết định lại."),
    "ui.officer_reason_long": ("Lý do cho {who} dài {length} ký tự, quá {limit} ký tự – chưa ghi gì. Hãy ghi lý do "
                               "ngắn gọn (chi tiết để ở biên bản kèm hồ sơ) rồi bấm lại."),
    "ui.officer_controls": ("Lý do cho {name}: đã bỏ {count} ký tự điều khiển (không in được, thường theo khi dán từ "
                            "nơi khác); phần chữ giữ nguyên như đã gõ, không cần sửa."),
    "ui.csrf_refused": "Yêu cầu này không đến từ chính trang thidua-xlsx (thiếu hoặc sai mã biểu mẫu) – không làm gì. "
                       "Hãy tải lại trang (F5) rồi bấm lại nút.",
    "ui.path_refused": "'{path}' nằm ngoài thư mục chiến dịch (hoặc là liên kết, hoặc không có) – trang không mở tệp "
                       "ngoài thư mục {folder}. Hãy bấm các liên kết trong trang.",
    "ui.upload_too_big": "Các tệp gửi lên quá lớn (quá {limit} MB một lần) – không nhận tệp nào. Mỗi sổ của tổ chỉ vài "
                         "trăm KB: hãy kiểm tra lại tệp, hoặc thả từng ít tệp một.",
    "ui.upload_too_many": "Thả {count} tệp một lần, quá {limit} tệp – không nhận tệp nào. Hãy thả từng nhóm nhỏ hơn.",
    "ui.upload_too_many_parts": ("Thả quá {limit} tệp một lần – không nhận tệp nào. Hãy thả từng nhóm tối đa {limit} "
                                 "tệp (hoặc nén cả thư mục thành một tệp .zip rồi thả tệp đó)."),
    "ui.upload_none": "Chưa chọn tệp nào. Hãy kéo các sổ các tổ gửi về thả vào ô, hoặc bấm Chọn tệp.",
    "ui.upload_empty": "'{file}' rỗng (0 byte) – không nhận. Hãy xin tổ gửi lại tệp.",
    "ui.run_busy": "Đang chạy '{running}' trên chiến dịch này – chờ việc đó xong rồi bấm lại. (Mỗi chiến dịch chỉ chạy "
                   "một việc một lúc, để kết quả không lẫn.)",
    "ui.held_elsewhere": "Chưa ghi gì – quyết định hay bảng của Hội đồng vừa gửi chưa được lưu (bảng không cần sửa "
                         "gì). {busy}",
    "ui.not_campaign": "Thư mục {folder} không phải thư mục chiến dịch (không có campaign.xlsx hay cap-tren.xlsx). "
                       "Hãy mở thư mục chiến dịch của trường (thidua-xlsx ui THƯ-MỤC), hoặc tạo mới bằng "
                       "thidua-xlsx init THƯ-MỤC.",
    "ui.port_taken": "Cổng {port} đang bị chương trình khác dùng – trang mở ở cổng {used}.",
    "ui.no_port": "Các cổng {first}–{last} đều đang bị chương trình khác dùng – không mở được trang. Hãy đóng cửa sổ "
                  "thidua-xlsx ui đang mở (nếu có) rồi chạy lại, hoặc chọn cổng khác: thidua-xlsx ui --port 8800.",
    "ui.council_not_workbook": "'{file}' không phải sổ Excel (.xlsx, .xlsm, .xls, .ods) – chưa tổng hợp. Hãy chọn "
                               "bảng tổng hợp Hội đồng đã ghi (ví dụ hoi-dong.xlsx).",
    "ui.no_final_summary": "Chưa có bảng tổng hợp cuối năm để ghi vào sổ lịch sử. Hãy tổng hợp vòng chấm điểm (hoặc "
                           "cả năm) trước, rồi bấm lại.",
    "ui.year_deadline_early": ("Hạn nộp chấm điểm của cả năm ({day}, sheet Trường) trước hạn của kỳ cuối – {period} "
                               "(kết thúc {end}, hạn gửi sổ {due}): cả năm chỉ tổng hợp được sau khi đã có kỳ cuối. "
                               "Hãy sửa Hạn nộp chấm điểm ở sheet Trường của campaign.xlsx thành một ngày sau {due} "
                               "(theo kế hoạch của trường), lưu lại rồi tải lại trang (F5)."),
    "ui.first_has_campaign": ("Thư mục {folder} đã có chiến dịch – không tạo lại, không ghi gì. Hãy mở trang chính "
                              "của chiến dịch đó."),
    "ui.first_choice": ("Chưa chọn cấp học của trường hay cách chấm điểm (hoặc lựa chọn không có trong trang) – chưa "
                        "tạo gì. Hãy chọn một cấp học và một cách chấm điểm rồi bấm *Tạo chiến dịch*."),
    "ui.history_gone": ("Sổ lịch sử {file} không còn trong thư mục chiến dịch {folder} (đã chuyển đi hay đổi tên "
                        "sau khi trang được mở) – chưa tổng hợp. Hãy chép sổ trở lại thư mục rồi bấm lại, hoặc tải "
                        "lại trang (F5) và tổng hợp không dùng sổ lịch sử."),
    "ui.unknown_round": "Không có vòng '{round}' trong chiến dịch này. Hãy chọn một vòng ở trang chính.",
    "ui.school_page_on_commune": ("Trang này là của trường (chấm điểm, nhận sổ các tổ, năm học mới, sổ lịch sử), mà "
                                  "thư mục đang mở là của xã (cap-tren.xlsx) – không làm gì. Hãy về trang chính của "
                                  "xã; địa chỉ này có lẽ còn lại từ lần mở trang của một trường."),
    "ui.unknown_school": ("Không có trường '{school}' trong danh sách của xã (cap-tren.xlsx, sheet Các trường) – không "
                          "hiện mã nào. Hãy bấm *Xem mã* ở dòng của một trường trong bảng *Các trường*."),
    "ui.new_year_name": "Tên thư mục năm học mới '{name}' không dùng được: chỉ gõ một tên thư mục (không có / hay \\, "
                        "không có .., không phải đường dẫn đầy đủ như C:\\… hay /…, không phải tên Windows dành riêng "
                        "như CON, NUL, COM1, LPT1, không kết thúc bằng dấu chấm hay dấu cách) – chưa tạo gì. Thư mục "
                        "mới luôn "
                        "nằm cạnh thư mục chiến dịch này, trong {parent}; hãy gõ một tên như {suggested}.",
    "ui.new_year_exists": "Đã có thư mục {path} – trang không ghi vào thư mục đã có (để không đè lên gì của ai), chưa "
                          "tạo gì. Hãy gõ một tên khác cho thư mục năm học mới.",
    "ui.collect_no_source": "Chưa chọn nơi lấy thư – chưa làm gì. Hãy gõ thư mục chứa các thư đã lưu (.eml) trong "
                            "thư mục chiến dịch, hoặc địa chỉ hộp thư imaps://tên@máy-chủ/INBOX (chỉ một trong hai).",
    "ui.collect_folder_refused": "'{path}' không phải thư mục thư đã lưu (hay tệp .eml) nằm trong thư mục chiến dịch "
                                 "{folder} (hoặc là liên kết, hoặc không có) – chưa làm gì. Hãy chép các thư đã lưu "
                                 "vào một thư mục trong thư mục chiến dịch (ví dụ thu/) rồi gõ tên thư mục đó.",
    "ui.collect_mailbox_invalid": "'{source}' không phải địa chỉ hộp thư dạng imaps://tên@máy-chủ/INBOX (hay "
                                  "imap://… với máy chủ dùng STARTTLS) – chưa làm gì. Hãy gõ lại theo mẫu, ví dụ "
                                  "imaps://thuky@imap.gmail.com/INBOX (mật khẩu gõ ở ô riêng, không ghi vào địa chỉ).",
    "ui.collect_since_folder": "Ô \"từ ngày\" chỉ dùng với hộp thư IMAP; với thư mục thư đã lưu, mọi thư trong thư mục "
                               "đều được xem – chưa làm gì. Hãy để trống ô ngày, hoặc chọn hộp thư.",
}

# The page's own words (headings, buttons, labels): not messages, the same for every page.
WORDS = {
    "app": "Thi đua – khen thưởng",
    "home": "Trang chính",
    "year": "Năm học",
    "rules": "Bộ quy tắc",
    "province": "Tỉnh",
    "national": "chỉ văn bản trung ương",
    "rounds": "Các vòng trong năm",
    "round": "Vòng",
    "deadline": "Hạn",
    "state": "Tình trạng",
    "next": "Việc tiếp theo",
    "open": "Mở",
    "departments": "Các tổ",
    "department": "Tổ",
    "head": "Tổ trưởng",
    "sent": "Đã gửi",
    "not_sent": "Chưa gửi",
    "unproven": "Chưa gửi tệp có dấu (có tệp không rõ nguồn gốc)",
    "newer_file": "Có tệp của phiên bản mới hơn, chưa kiểm chứng – chưa tính là đã gửi: hãy cập nhật chương trình",
    "late_days": "trễ {days} ngày",
    "overdue_days": "quá hạn {days} ngày",
    "unfilled": "Gửi nhưng chưa điền",
    "problems": "Lỗi cần sửa",
    "no_problems": "Không có lỗi nào.",
    "file": "Tệp",
    "where": "Ở đâu",
    "what": "Lỗi gì – cần làm gì",
    "severity": "Mức",
    "drop": "Kéo các sổ các tổ gửi về thả vào đây",
    "drop_or": "hoặc",
    "choose": "Chọn tệp…",
    "send": "Nhận các tệp này",
    "drop_zone_hint": ("Mỗi sổ được xếp vào vòng, kỳ của nó theo mã ghi trong sổ, không theo tên tệp (sổ của vòng hay "
                       "kỳ khác cũng vậy, trang nói đã xếp vào đâu); tệp đã có không bị ghi đè."),
    "filed": "Đã xếp",
    "same": "Đã có (giống hệt)",
    "refused": "Không nhận",
    "not_ours": "Không phải sổ của chiến dịch này",
    "generate": "Sinh sổ cho các tổ",
    "generate_hint": "Ghi một sổ Excel khóa cho mỗi tổ vào thư mục outbox/ để gửi đi.",
    "merge": "Tổng hợp",
    "merge_hint": "Đọc các sổ đã nhận, kiểm tra, xếp hạng, xét danh hiệu và ghi bảng tổng hợp.",
    "merge_hint_registration": ("Đọc các sổ đăng ký đã nhận, kiểm tra và ghi bảng tổng hợp đăng ký: ai đăng ký danh "
                                "hiệu gì (danh hiệu được xét cuối năm, không xét ở vòng này)."),
    "merge_hint_period": ("Đọc các sổ đã nhận, kiểm tra, tính điểm, xếp loại và xếp hạng của kỳ, ghi bảng tổng hợp "
                          "kỳ. Kỳ không xét danh hiệu, không có hồ sơ: danh hiệu xét một lần ở trang *Cả năm (từ "
                          "các kỳ)*."),
    "head_file": "Bảng tổng hợp kỳ Hiệu trưởng đã chấm (nếu đã chấm):",
    "history_use": ("Dùng sổ lịch sử {file} của thư mục này (khen thưởng nhiều năm: Bằng khen, Chiến sĩ thi đua cấp "
                    "tỉnh…)"),
    "registered_title": "Danh hiệu đăng ký",
    "registrations": "Ai đăng ký gì",
    "registrations_none": "Chưa có sổ đăng ký nào đọc được.",
    "collective_title": "Tập thể tổ",
    "registered_none": "chưa chọn",
    "running": "Đang chạy…",
    "read_files": "Đã đọc {done}/{total} tệp",
    "done": "Xong",
    "failed": "Không xong",
    "results": "Kết quả",
    "counts": "Số liệu",
    "files_read": "Tệp đã đọc",
    "books_made": "Sổ đã tạo",
    "accepted": "Dùng",
    "superseded": "Bản cũ (đã có bản mới hơn)",
    "rejected": "Bị từ chối",
    "skipped": "Bỏ qua (bản chép, sổ chưa điền, không phải sổ)",
    "school_code": "Mã xác thực",
    "show_code": "Xem mã",
    "code_shown": "Mã xác thực của {school} năm học {year}:",
    "code_secret": ("Bí mật như khóa của xã: chỉ gửi riêng cho trường này (tin nhắn hay thư riêng), không dán vào báo "
                    "cáo hay nhóm chung. Thư ký của trường nhập mã vào sheet Trường của campaign.xlsx, ô Mã xác thực "
                    "do cấp trên cấp. Mã không lưu ở đâu: mở lại trang là mã ẩn đi."),
    "codes_hint": ("Mã xác thực của mỗi trường là bí mật như khóa của xã nên không hiện sẵn: bấm *Xem mã* ở dòng của "
                   "một trường khi cần gửi mã cho trường đó."),
    "folder_drop_title": "Nhận sổ từ thư mục",
    "folder_drop_hint": ("Sổ các tổ gửi qua Zalo (Zalo PC lưu vào thư mục Zalo Received Files), tải về từ thư điện tử "
                         "(thư mục Downloads) hay chép vào USB: chọn cả thư mục đó, mỗi sổ được xếp vào đúng vòng theo "
                         "mã trong sổ; tệp khác để nguyên, sổ đã nhận không lưu lần hai."),
    "folder_drop_choose": "Chọn thư mục…",
    "folder_drop_button": "Nhận sổ trong thư mục",
    "folder_drop_done": "Các tệp trong thư mục đã chọn",
    "officer_title": "Đề nghị tạm giữ chờ công chức quyết định",
    "officer_hint": ("Mỗi đề nghị dưới đây chưa vào danh sách, tờ trình, dự thảo quyết định và tệp nhập của tỉnh. Chọn "
                     "Nhận hoặc Bỏ và ghi lý do (lý do được ghi vào bảng tổng hợp); quyết định được giữ ở "
                     "hoi-dong/xa-duyet.xlsx và dùng cho mọi lần tổng hợp sau."),
    "officer_accept": "Nhận",
    "officer_reject": "Bỏ",
    "officer_wait": "Chưa quyết định",
    "officer_reason": "Lý do",
    "officer_button": "Ghi quyết định và tổng hợp lại",
    "officer_school_hint": ("Đã gọi điện đối chiếu dấu vân tay của tệp với trường: nhận cả tệp của trường một lần, với "
                            "một lý do (ví dụ: đã đối chiếu dấu vân tay với hiệu trưởng ngày …)."),
    "officer_school_button": "Nhận cả tệp của trường",
    "officer_label": "Công chức quyết định các đề nghị tạm giữ",
    "regenerate_title": "Sinh lại sổ – {round}?",
    "regenerate_issued": ("Sổ của vòng này đã phát cho {count} tổ. Sinh lại sẽ ghi sổ mới vào {outbox} thay cho sổ "
                          "đã phát; sổ nào đã có người điền trong thư mục đó được giữ nguyên, sổ mới ghi bên cạnh."),
    "regenerate_returned": ("{count} tổ đã gửi lại sổ (sổ đã gửi về vẫn nằm nguyên trong thư mục nhận và vẫn được "
                            "dùng):"),
    "regenerate_kept": ("Chỉ sinh lại khi cần phát sổ mới (ví dụ đã sửa danh sách người hay tiêu chí); tổ đã gửi lại "
                        "sổ cũ thì không phải điền lại."),
    "regenerate_button": "Sinh lại sổ",
    "regenerate_back": "Không, quay lại",
    "proposals_line": "{ldtt} Lao động tiên tiến, {cstdcs} Chiến sĩ thi đua cơ sở",
    "people": "Người",
    "scored": "Có điểm",
    "errors": "Lỗi",
    "warnings": "Cảnh báo",
    "rank": "Hạng",
    "name": "Họ và tên",
    "score": "Điểm",
    "classification": "Xếp loại",
    "title": "Danh hiệu đề nghị",
    "reasons": "Lý do",
    "written": "Tệp đã ghi",
    "last_run": "Lần tổng hợp gần nhất: {when}, chạy từ {door}.",
    "door_cli": "cửa sổ lệnh",
    "door_trang": "trang này",
    "written_beside": "(ghi bên cạnh vì tệp {kept} đã có người sửa; tệp đó được giữ nguyên:",
    "download": "Tải về",
    "missing": "Tổ chưa gửi",
    "missing_schools": "Trường chưa gửi",
    "reminders": "Lời nhắc để chép gửi",
    "log": "Nhật ký của lần chạy",
    "schools": "Các trường",
    "school": "Trường",
    "fingerprint": "Dấu vân tay",
    "origin": "Nguồn gốc",
    "council": "Hội đồng",
    "edited": "Sửa tay",
    "twice": "Gửi {count} bản",
    "proposals": "Đề nghị",
    "done_round": "đã tổng hợp",
    "back_round": "đã nhận đủ sổ, chưa tổng hợp",
    "issued": "đã sinh {count} sổ",
    "received": "đã nhận {count} tệp",
    "late": "trễ hạn",
    "due_in": "còn {days} ngày",
    "no_deadline": "chưa ghi hạn",
    "error_title": "Không làm được",
    "back": "Quay lại",
    "registration": "Đăng ký thi đua",
    "scoring": "Chấm điểm thi đua",
    "year_round": "Cả năm (từ các kỳ)",
    "year_periods": "Bảng tổng hợp của các kỳ",
    "period": "Kỳ",
    "period_missing": "chưa tổng hợp",
    "period_merged": "đã tổng hợp, hiệu trưởng chưa chấm",
    "period_final": "đã có điểm hiệu trưởng",
    "year_periods_hint": ("Cả năm đọc bảng tổng hợp của từng kỳ ở thư mục ky/. Kỳ chưa tổng hợp thì mở trang của kỳ đó "
                          "và bấm Tổng hợp; hiệu trưởng chấm điểm kỳ thì chọn bảng đã chấm ở trang của kỳ rồi bấm "
                          "Tổng hợp."),
    "year_merge": "Tổng hợp cả năm",
    "year_merge_hint": ("Xếp loại năm từ các kỳ, xét danh hiệu và ghi bảng tổng hợp cả năm. Sau khi họp Hội đồng: chọn "
                        "bảng cả năm Hội đồng đã ghi rồi bấm lại để có bản cuối cùng."),
    "year_council_file": "Bảng cả năm Hội đồng đã ghi (nếu đã họp):",
    "council_round": "Họp Hội đồng",
    "papers_round": "Hồ sơ, giấy tờ",
    "history_round": "Sổ lịch sử khen thưởng",
    "next_year_round": "Năm học sau",
    "council_hint": "Trên trang *Chấm điểm thi đua*: chọn bảng tổng hợp Hội đồng đã ghi rồi bấm *Tổng hợp*.",
    "papers_hint": "Trên trang *Chấm điểm thi đua*: đánh dấu *Ghi cả hồ sơ* rồi bấm *Tổng hợp*.",
    "council_hint_year": ("Trên trang *Cả năm (từ các kỳ)*: chọn bảng cả năm Hội đồng đã ghi rồi bấm *Tổng hợp cả "
                          "năm*."),
    "papers_hint_year": "Trên trang *Cả năm (từ các kỳ)*: đánh dấu *Ghi cả hồ sơ* rồi bấm *Tổng hợp cả năm*.",
    "history_hint": ("Sau khi có bảng tổng hợp cuối năm (đã qua Hội đồng), nút *Ghi vào sổ lịch sử* hiện ở dòng "
                     "này."),
    "history_add": "Ghi năm học này (từ {file}) vào sổ lịch sử lich-su.xlsx – nên làm sau khi đã tổng hợp với kết "
                   "quả Hội đồng.",
    "history_button": "Ghi vào sổ lịch sử",
    "next_year_hint": "Đầu năm học mới: tạo chiến dịch năm sau từ chiến dịch này (trường, tổ, người, cách chấm được "
                      "mang sang; điểm, danh hiệu, sổ đã nhận để lại) vào một thư mục mới cạnh thư mục này.",
    "next_year_button": "Sang năm học mới",
    "next_year_name": "Tên thư mục mới:",
    "next_year_label": "Sang năm học mới – {name}",
    "next_year_open": ("Mở trang của năm học mới: bấm đúp tệp {launcher} trong thư mục {path}. Trang này vẫn là trang "
                       "của năm học cũ."),
    "next_year_shortcut": ("Biểu tượng *Thi đua* trên màn hình nền vẫn mở trang của năm học cũ ({old}). Để biểu tượng "
                           "mở năm học mới: bấm đúp lại tệp cài đặt {installer} (trong thư mục chương trình đã tải "
                           "về) và khi được hỏi thư mục chiến dịch, chọn {path} – chiến dịch đã có trong thư mục đó "
                           "được giữ nguyên."),
    "collect_title": "Nhận sổ từ thư",
    "collect_hint": "Lấy các sổ được gửi lại qua e-mail và xếp vào đúng thư mục nhận sổ theo mã ghi trong sổ (không "
                    "theo tên tệp); tệp đã có không bị ghi đè, hộp thư không bị sửa gì.",
    "collect_folder": "Thư mục thư đã lưu (.eml), trong thư mục chiến dịch:",
    "collect_folder_example": "ví dụ thu",
    "collect_or": "hoặc",
    "collect_mailbox": "Địa chỉ hộp thư:",
    "collect_password": "Mật khẩu (không lưu lại):",
    "collect_since": "Chỉ thư nhận từ ngày (dd/mm/yyyy, để trống: mọi thư):",
    "collect_button": "Nhận sổ từ thư",
    "collect_label_folder": "Nhận sổ từ thư – thư mục {source}",
    "collect_label_mailbox": "Nhận sổ từ thư – {source}",
    "council_file": "Bảng tổng hợp Hội đồng đã ghi (nếu đã họp):",
    "commune_docs_box": "Ghi cả tờ trình và dự thảo quyết định vào thư mục ho-so/",
    "import_box": "Ghi tệp nhập phần mềm thi đua của tỉnh vào thư mục xuat-tinh/",
    "docs_box": "Ghi cả hồ sơ (tờ trình, biên bản, danh sách) vào thư mục ho-so/",
    "problems_in": "{count} lỗi trong sổ",
    "none": "—",
    "refresh": "Tải lại trang để xem tiến độ",
    "merge_commune": "Tổng hợp các trường",
    "merge_commune_hint": "Đọc bảng tổng hợp cuối năm các trường gửi về (thư mục inbox/), kiểm tra, lập danh sách đề "
                          "nghị và ghi bảng tổng hợp của xã.",
    "sealed_title": "Trang chỉ mở trên máy này (127.0.0.1); đóng cửa sổ dòng lệnh để tắt trang.",
    "dropped_title": "Các tệp vừa nhận",
    "first_title": "Bắt đầu: tạo chiến dịch thi đua cho trường",
    "first_intro": ("Thư mục này chưa có chiến dịch. Trả lời hai câu hỏi dưới đây: chương trình ghi chiến dịch "
                    "(campaign.xlsx) với các vòng, các kỳ đánh giá, tiêu chí và cách xếp loại đúng cho trường, rồi mở "
                    "trang chính của năm học."),
    "first_level": "Trường thuộc cấp học nào?",
    "first_scoring": "Trường chấm điểm thi đua thế nào?",
    "first_scoring_hint": "Xã/phường, Sở: bỏ qua câu này (cấp trên tổng hợp bảng các trường gửi lên).",
    "first_button": "Tạo chiến dịch",
    "first_label": "Tạo chiến dịch thi đua",
    "first_after": ("Sau khi tạo: mở campaign.xlsx bằng Excel, sửa sheet Trường (tên trường, hiệu trưởng, thư ký), Tổ "
                    "và Nhân sự cho đúng trường mình, lưu lại, rồi làm từng vòng trên trang chính."),
    "first_done": ("Đã tạo chiến dịch trong thư mục này. Mở *Trang chính* để xem các vòng của năm học; trước khi sinh "
                   "sổ cho các tổ, hãy mở campaign.xlsx bằng Excel, sửa sheet Trường, Tổ và Nhân sự cho đúng trường "
                   "mình rồi lưu lại."),
    "dropped_open": "Mở trang của vòng đó",  # the name a screen reader says for the table of the files just dropped
}
WORDS |= PAGE_WORDS  # the page's words of a person's word kept with its round (text.decisions)

# The first lines the command prints (the address with its one-time token comes first, alone on its line).
ADDRESS_LINE = "{url}"
STARTED = ("Trang thi đua của {folder} đã mở ở địa chỉ trên (chỉ máy này mở được). Giữ cửa sổ này mở khi dùng "
           "trang; đóng nó (hoặc bấm Ctrl+C) để tắt trang.")
NO_BROWSER = "Hãy mở địa chỉ trên bằng trình duyệt (Chrome, Edge, Firefox, Cốc Cốc)."
STOPPED = "Đã tắt trang."
UI_HELP = ("Mở trang thi đua trên trình duyệt cho thư mục chiến dịch THƯ-MỤC (mặc định: thư mục hiện tại) – làm cả năm "
           "không cần gõ lệnh. Trang chỉ mở trên máy này.")
PORT_HELP = "Cổng mạng của trang (mặc định 8765; bận thì dùng cổng kế tiếp)."
NO_BROWSER_HELP = "Không tự mở trình duyệt (chỉ in địa chỉ)."

# The launchers init writes into the campaign folder (double-clicked by the secretary).
LAUNCHER_STEM = "Mo-trang-thi-dua"
LAUNCHERS = {"windows": ".bat", "macos": ".command", "linux": ".sh"}  # the one a person double-clicks, by her system
INSTALLERS = {"windows": "Cai-dat-thi-dua.bat", "macos": "Cai-dat-thi-dua.command", "linux": "cai-dat-thi-dua.sh"}

# The first screen of a folder with no campaign: what a secretary knows of her school, each the code init is given.
FIRST_LEVELS = (("mam-non", "Mầm non"), ("tieu-hoc", "Tiểu học"), ("thcs", "Trung học cơ sở"),
                ("thpt", "Trung học phổ thông"), ("cap-xa", "Xã/phường hoặc Sở – tổng hợp bảng của các trường"))
FIRST_SCORINGS = (("thang", "Theo tháng, Nghị định 233/2026 (cách chấm từ năm học 2026-2027)"),
                  ("quy", "Theo quý, Nghị định 233/2026 (nếu Quy chế đánh giá của trường chấm theo quý)"),
                  ("ca-nam", "Một lần cuối năm học (như trước Nghị định 233/2026)"))
