"""The campaign book's messages (``campaign.*``): campaign.xlsx opened and checked — its sheets, fields,
rubrics, periods and the sample school's leftovers — and the summaries of ours brought back to it
(``from.*``, ``summary.*``, ``book.*``). Assembled into :mod:`thidua_xlsx.text.messages`."""

from __future__ import annotations

from thidua_xlsx.text.releases import UPDATE_REMEDY

CAMPAIGN_MESSAGES = {
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
                               "trưởng, Thư ký…), Tổ, Nhân sự và Căn cứ (kế hoạch, văn bản của năm học này) rồi chạy "
                               "lại – hoặc tạo từ chiến dịch năm trước của "
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
    "campaign.not_campaign": "'{file}' không phải tệp chiến dịch: không có sheet Trường và Nhân sự (tệp có: "
                             "{sheets}) – có thể là bảng tổng hợp, sổ lịch sử hay sổ của cấp trên. Hãy chỉ tới tệp "
                             "campaign.xlsx (hoặc thư mục có nó).",
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
    "campaign.decision_is_date": "Ô 'Số QĐ công nhận' chứa ngày {day}, không phải số quyết định: danh sách đề nghị "
                                 "ghi \"QĐ ngày {day}\". Hãy ghi số quyết định (ví dụ 45/QĐ-THTC) vào ô này (nếu "
                                 "Excel lại đổi thành ngày, hãy định dạng ô là Văn bản/Text trước khi gõ).",
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
    "campaign.spare_rows": ("Số dòng dự phòng {value} phải từ 0 đến 20. Hãy sửa dòng ấy trong sheet này của "
                            "campaign.xlsx rồi lưu lại."),
    "campaign.school_year": "Năm học '{value}' không đúng dạng. Hãy ghi dạng 2025-2026.",
    "campaign.orphan_item": "Tiêu chí '{value}' không nằm dưới nhóm của nó. Hãy đặt ngay sau dòng nhóm "
                            "(ví dụ I.1 sau dòng I).",
    "campaign.empty_group": "Nhóm '{value}' ({role}) chưa có tiêu chí nào. Hãy thêm tiêu chí hoặc xóa nhóm.",
    "campaign.group_sum": "Nhóm {group} ({role}): các tiêu chí cộng lại {items} điểm nhưng nhóm ghi tối đa {max}. "
                          "Hãy sửa cho khớp.",
    "campaign.group_min": ("Nhóm {group}: điểm tối thiểu {value} phải từ 0 đến {max}. Hãy sửa ô này trong "
                           "campaign.xlsx rồi lưu lại."),
    "campaign.empty_rubric": ("Bộ tiêu chí '{role}' chưa có tiêu chí nào trong sheet Tiêu chí. Hãy thêm các tiêu chí "
                              "của bộ ấy vào sheet Tiêu chí, hoặc cho những người dùng nó một bộ tiêu chí khác."),
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
    # a registration summary brought back to generate (--from)
    "from.not_ours": "'{path}' không phải bảng tổng hợp do thidua-xlsx tạo (không có thông tin nhận diện). Hãy dùng "
                     "tệp do 'thidua-xlsx merge' tạo từ vòng đăng ký của chiến dịch này.",
    "from.other_campaign": "Bảng tổng hợp '{path}' thuộc chiến dịch khác (năm học {year}). Hãy dùng bảng tổng hợp "
                           "đăng ký của chiến dịch này.",
    "from.other_year": "Bảng tổng hợp '{path}' là của năm học {year}, chiến dịch này là năm học {expected}. Hãy dùng "
                       "bảng tổng hợp đăng ký năm nay.",
    "from.not_registration": "Bảng tổng hợp '{path}' là của vòng '{round}', không phải vòng đăng ký. Hãy dùng tệp "
                             "do 'thidua-xlsx merge' tạo từ thư mục sổ đăng ký.",
    "from.scoring_only": "--from chỉ dùng cho vòng cham-diem (điền sẵn danh hiệu đã đăng ký): hãy bỏ --from, hoặc "
                         "dùng nó khi sinh sổ vòng cham-diem.",
    # any summary of ours read back
    "summary.data_edited": "'{file}': thông tin ẩn chương trình ghi trong bảng tổng hợp đã bị sửa tay sau khi ghi "
                           "(không khớp dấu kiểm) – không dùng tệp này, không xét gì từ nó. Hãy dùng bản do chương "
                           "trình ghi (chạy lại lệnh đã tạo ra nó).",
    "summary.meta_damaged": "Dữ liệu ẩn của '{file}' bị hỏng hoặc bị sửa (không phải dữ liệu thidua-xlsx ghi) – "
                            "không dùng tệp này, không xét gì từ nó. Hãy dùng bản do chương trình ghi (chạy lại lệnh "
                            "đã tạo ra nó).",
    "summary.schema_unknown": "'{path}' được ghi bởi {release} theo bố cục bảng tổng hợp số {found}, bản thidua-xlsx "
                              "{current} này chỉ đọc được tới số {supported}. " + UPDATE_REMEDY + " Hoặc dùng bảng "
                              "tổng hợp do chính phiên bản này ghi.",
    # the secretary's own books: the campaign book, a summary brought back (--from, --council)
    "book.sheet_too_big": "Sheet '{sheet}' của '{file}' có dữ liệu ở ô {cell}, quá xa (giới hạn {max_rows} dòng, "
                          "{max_columns} cột) – không đọc vì an toàn. Có lẽ ô đó bị gõ nhầm: hãy mở tệp, vào sheet "
                          "'{sheet}', nhấn Ctrl+End để tới ô cuối có dữ liệu, xóa các dòng và cột thừa rồi lưu lại.",
    "book.too_big": "'{file}' quá lớn ({size_mb} MB) hoặc nén bất thường so với một sổ chiến dịch hay bảng tổng hợp "
                    "(giới hạn {max_mb} MB, giải nén {max_unzipped_mb} MB) – không đọc vì an toàn. Hãy dùng đúng tệp "
                    "do thidua-xlsx tạo.",
    # what the sample school left in the book
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
    # campaign periods
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
    # the year's law in the book (periods inside the school year, the unit's HTXSNV share)
    "campaign.period_outside_year": "Kỳ '{period}' ({start} – {end}) nằm ngoài năm học {year} ({first} – {last}): có "
                                    "thể còn sót từ năm trước. Hãy sửa ngày của kỳ cho đúng năm học, hoặc sửa Năm học "
                                    "ở sheet Trường.",
    "campaign.excellent_share_range": "'{field}' = {value}: đơn vị chỉ được quyết định tỷ lệ HTXSNV từ 20% đến 25% "
                                      "(NĐ 233/2026 điều 12 khoản 6). Hãy sửa lại, hoặc để trống để dùng 20%.",
    "campaign.excellent_share_unit": "'{field}' = {value}% chỉ áp dụng khi đơn vị được cấp có thẩm quyền xếp loại "
                                     "HTXSNV (NĐ 233/2026 điều 12 khoản 6 điểm b); 'Xếp loại của đơn vị' đang là "
                                     "'{unit}': chương trình dùng 20%. Hãy nhập xếp loại của đơn vị khi có.",
    # đột xuất and chuyên đề awards (sheet Khen đột xuất)
    "campaign.special_unknown": "Mã '{value}' không phải mã người trong sheet Nhân sự hay mã tổ trong sheet Tổ – dòng "
                                "khen đột xuất này không được dùng. Hãy ghi đúng mã người (ví dụ GV001) hoặc mã tổ.",
    # a year's untidy lives in sheet Nhân sự (NĐ 233/2026 điều 12, 14)
    "campaign.away_unknown": "{name}: cột '{field}' ghi '{value}', không phải mã hay tên kỳ nào của sheet Kỳ đánh giá. "
                             "Hãy ghi mã các kỳ nghỉ trọn kỳ, cách nhau bởi dấu phẩy (các kỳ: {periods}).",
    "campaign.away_no_periods": "{name}: cột '{field}' ghi '{value}' nhưng chiến dịch không chia kỳ đánh giá (sheet "
                                "Kỳ đánh giá để Không) – không dùng. Hãy xóa ô này, hoặc khai báo các kỳ.",
    "campaign.away_without_leave": "{name} nghỉ trọn kỳ {periods} nhưng chưa chọn '{field}' ({kinds}): NĐ 233/2026 "
                                   "điều 14 khoản 2, điều 15 khoản 1 điểm c xếp loại mỗi loại nghỉ một "
                                   "khác. Hãy chọn loại nghỉ ở cột đó.",
    "campaign.act_unknown": "{name}: cột '{field}' ghi '{value}', không phải một năm học trước năm {year} hay "
                            "'{former}'. Hãy ghi năm học của hành vi bị kỷ luật, dạng 2024-2025 (NĐ 233/2026 điều 14 "
                            "khoản 3 điểm b), '{former}' nếu vi phạm xảy ra ở đơn vị cũ (điểm c), hoặc để trống nếu "
                            "hành vi trong năm nay.",
    "campaign.moved_outside_year": "{name}: cột '{field}' ghi {value}, ngoài năm học {year} ({first} – {last}). Hãy "
                                   "ghi ngày người này chuyển công tác trong năm học (dạng dd/mm/yyyy), hoặc xóa ô này "
                                   "nếu người này không chuyển đi trong năm.",
    "campaign.moved_to_missing": "{name} chuyển đi từ {day} nhưng cột '{field}' để trống: phiếu kết quả gửi trường mới "
                                 "sẽ để trống tên trường. Hãy ghi tên trường người này chuyển đến.",
    "campaign.moved_day_missing": "{name}: ghi chuyển đến '{school}' nhưng cột '{field}' để trống – không dùng (ngày "
                                  "chuyển đi quyết định kỳ nào còn là của người này). Hãy ghi ngày chuyển đi (dạng "
                                  "dd/mm/yyyy), hoặc xóa tên trường.",
    "campaign.moved_not_carried": "{name} ({person}) đã chuyển công tác đến {school} từ {day} (sheet Nhân sự năm học "
                                  "{year}): không đưa sang danh sách năm học mới. Nếu người này vẫn công tác ở trường, "
                                  "hãy thêm lại ở sheet Nhân sự.",
    "campaign.act_without_discipline": "{name}: cột '{field}' ghi '{value}' nhưng cột Kỷ luật để trống hoặc Không – "
                                       "không dùng. Hãy chọn hình thức kỷ luật, hoặc xóa ô này.",
    "campaign.scope_without_discipline": "{name}: cột '{field}' ghi '{value}' nhưng cột Kỷ luật để trống hoặc Không – "
                                         "không dùng. Nếu người này bị kỷ luật, hãy chọn hình thức ở cột Kỷ luật; "
                                         "nếu không, hãy xóa ô này.",
}

PAST_YEAR_LAST = " (hạn cuối {day})"  # campaign.past_year's {last}: its latest deadline
# said when the campaign is opened, then listed with a run's problems (JSON, Kiểm tra), not printed again
OPENING_CODES = frozenset({"campaign.sample_school", "campaign.past_year", "campaign.date_before_year",
                           "campaign.legal_past_year"})
LEGAL_LINE_FIELD = "Căn cứ"
LEGAL_LINE = "dòng {n}"
