"""The level above's words (the commune's or the Sở's campaign book, its merge of the schools' summaries, its
summary workbook): plain texts, and the coded messages merged into text.messages at its end."""

from __future__ import annotations

from thidua_xlsx.text.releases import UPDATE_REMEDY

BOOK_TITLE = "Thi đua – khen thưởng các trường năm học {year}"
GUIDE_TITLE = "{authority} – NHẬN HỒ SƠ THI ĐUA – KHEN THƯỞNG CỦA CÁC TRƯỜNG NĂM HỌC {year}"
GUIDE = (
    ("Tệp này là nơi công chức phụ trách khai báo việc nhận hồ sơ thi đua – khen thưởng của các trường (từ 07/2025 "
     "Chủ tịch UBND cấp xã quyết định LĐTT, CSTĐCS, TTLĐTT, Giấy khen cho trường mầm non, tiểu học, THCS – "
     "NĐ 129/2025 điều 59)."),
    "1. Sheet Đơn vị: cơ quan quyết định, Chủ tịch, cơ quan tham mưu, năm học, hạn các trường gửi hồ sơ.",
    ("2. Sheet Các trường: mỗi trường một dòng, mã không trùng; tên trường ghi đúng như trong campaign.xlsx của trường "
     "(chương trình nhận ra bảng tổng hợp của trường theo tên này)."),
    "3. Sheet Căn cứ: các dòng căn cứ của Quyết định công nhận.",
    ("Các trường gửi bảng tổng hợp cuối năm (tong-hop-cuoi.xlsx) do thidua-xlsx ghi; lưu tất cả vào thư mục inbox/ "
     "rồi chạy: thidua-xlsx merge THƯ_MỤC/inbox -o tong-hop-xa.xlsx"),
    ("Đề nghị nào hồ sơ chưa đủ (chưa qua Hội đồng, thiếu kết quả bỏ phiếu hay minh chứng, danh sách bị sửa tay, một "
     "người hai trường cùng đề nghị) được tạm giữ ở sheet Chờ quyết định, chưa vào tờ trình, dự thảo quyết định và tệp "
     "nhập của tỉnh. Công chức ghi x và lý do để nhận, chỉ ghi lý do để bỏ (ở sheet Danh sách: bỏ dấu x và ghi lý do), "
     "lưu rồi chạy: thidua-xlsx merge THƯ_MỤC/inbox --council tong-hop-xa.xlsx -o tong-hop-xa-duyet.xlsx --docs ho-so"),
)

KEY_FILE_HEAD = ("# Khóa bí mật của đơn vị (thidua-xlsx): mã xác thực của các trường và dấu của bảng tổng hợp làm "
                 "từ khóa này.\n# Giữ tệp trong thư mục này, sao lưu cùng thư mục; KHÔNG gửi cho ai, không sửa. Ai có "
                 "tệp này làm giả được bảng tổng hợp của mọi trường.\n")
LEVEL_ABOVE_MESSAGES = {
    "level_above.unreadable": "Không đọc được '{file}' như một bảng tổng hợp của trường (tệp hỏng hoặc không phải tệp "
                              "Excel) – không dùng. Hãy đề nghị trường gửi lại bảng tổng hợp cuối năm do thidua-xlsx "
                              "ghi.",
    "level_above.meta_damaged": "Dữ liệu ẩn của '{file}' bị hỏng hoặc bị sửa (không phải dữ liệu thidua-xlsx ghi) – "
                                "không dùng, không xét đề nghị nào từ tệp này. Hãy đề nghị trường gửi lại bảng tổng "
                                "hợp cuối năm do thidua-xlsx ghi.",
    "level_above.not_summary": "'{file}' không phải bảng tổng hợp do thidua-xlsx ghi – không dùng. Chỉ để vào thư mục "
                               "các bảng tổng hợp cuối năm các trường gửi (tong-hop-cuoi.xlsx).",
    "level_above.schema_newer": "'{file}' ({school}) được ghi bởi {release} (bố cục bảng tổng hợp số {found}); bản "
                                "thidua-xlsx {current} đang dùng chỉ đọc tới số {supported} – chưa dùng được, và vì "
                                "chưa kiểm chứng được dấu nên trường chưa được tính là đã gửi. " + UPDATE_REMEDY,
    "level_above.not_final": "'{file}' là bảng tổng hợp đăng ký hoặc của một kỳ (năm học {year}), không phải bảng "
                             "tổng hợp cuối năm – không dùng. Hãy đề nghị trường gửi bảng tổng hợp cuối năm.",
    "level_above.before_seal": "'{file}' ({school}) được ghi bởi một phiên bản thidua-xlsx trước khi có dấu xác thực "
                               "(bố cục bảng tổng hợp số {found}): không kiểm được nguồn gốc, các đề nghị của trường "
                               "được tạm giữ chờ công chức quyết định. Hãy đề nghị trường cập nhật chương trình, nhập "
                               "mã xã cấp vào sheet Trường của campaign.xlsx, tổng hợp lại cả năm (các sổ vẫn còn "
                               "nguyên) rồi gửi lại bảng tổng hợp.",
    "level_above.officer_kept_unused": "Quyết định của công chức đã lưu ở hoi-dong/{file} không dùng được nữa "
                                       "({why}): lần này các đề nghị ấy được xét như chưa có quyết định. Hãy tổng "
                                       "hợp lại với --bo-duyet để bỏ tệp ấy (chuyển vào hoi-dong/cu/, không xóa) "
                                       "rồi quyết định lại.",
    "level_above.officer_kept_unreadable": "Chưa đọc được quyết định của công chức đã lưu ở hoi-dong/{file} (tệp "
                                           "đang mở hoặc bị khóa, hoặc máy không cho đọc): lần này các đề nghị ấy "
                                           "được xét như chưa có quyết định. Hãy đóng tệp (hoặc cấp quyền đọc) rồi "
                                           "tổng hợp lại; các quyết định trong tệp vẫn còn nguyên.",
    "level_above.older": "'{file}' (năm học {year}) được ghi bởi phiên bản cũ, chưa mang đủ thông tin cho cấp trên – "
                         "không dùng. Hãy đề nghị trường cập nhật thidua-xlsx và tổng hợp lại (các sổ của tổ vẫn "
                         "còn nguyên).",
}
LEVEL_ABOVE_REASONS = {
    "level_above.grounds_initiative": "sáng kiến '{initiative}' cấp {level} (QĐ {decision})",
    # why the officer's kept book (hoi-dong/xa-duyet.xlsx) cannot be used any more (level_above.officer_kept_unused)
    "level_above.kept_damaged": "tệp bị hỏng hoặc không còn là sổ bảng tính",
    "level_above.kept_other": "tệp bị hỏng, hoặc không phải sổ duyệt của chiến dịch năm nay",
    "level_above.kept_sheet": "sổ không còn sheet '{sheet}' chương trình đã ghi",
    "level_above.kept_seal": "dấu của xã trong sổ không còn đúng: phần ghi ẩn bị sửa, hoặc khóa của xã đã được làm "
                             "mới sau khi sổ được lưu",
    "level_above.kept_sent": "tệp ở đó là bản gửi đi kèm thư, không phải sổ duyệt",
    "level_above.kept_record": "phần ghi ẩn do một phiên bản khác của chương trình ghi; nếu máy đã quay về bản cũ, "
                               "hãy cập nhật lại trước",
}

LEVEL_ABOVE_MESSAGES |= {
    "level_above.other_year": "'{file}' là bảng tổng hợp năm học {year} của {school}, đang xét năm học {expected} – "
                              "không dùng. Hãy đề nghị trường gửi bảng tổng hợp của năm học {expected}.",
    "level_above.not_listed": "'{file}' là bảng tổng hợp của '{school}', không có trong sheet Các trường của "
                              "cap-tren.xlsx – không dùng. Nếu trường này thuộc đơn vị, hãy thêm vào danh sách (tên "
                              "đúng như trong bảng tổng hợp) rồi chạy lại.",
    "level_above.superseded": "{school} gửi hai bản; dùng bản mới hơn '{used}' (thêm {added}, bớt {removed} đề nghị so "
                              "với bản này). Tệp này không dùng.",
    "level_above.copy": "Bản sao giống hệt từng byte của '{original}' ({school}), không phải bản mới hơn: không đọc "
                        "lại, không cần sửa.",
    "level_above.school_missing": "{school} (trong sheet Các trường) chưa gửi bảng tổng hợp cuối năm. Hãy nhắc trường "
                                  "gửi rồi chạy lại.",
    "level_above.edited": "Danh sách đề nghị trong bảng tổng hợp của {school} đã bị sửa tay sau khi chương trình ghi, "
                          "không khớp dữ liệu của tệp: {changes}. Chương trình xét theo dữ liệu; đề nghị có thay đổi "
                          "được tạm giữ chờ công chức quyết định. Hãy đề nghị trường kiểm tra và gửi lại bản do chương "
                          "trình ghi.",
    "level_above.before_council": "Bảng tổng hợp của {school} chưa qua họp Hội đồng (chưa có kết quả bỏ phiếu): các đề "
                                  "nghị CSTĐCS được tạm giữ chờ công chức quyết định. Hãy đề nghị trường gửi bảng tổng "
                                  "hợp cuối cùng (merge --council).",
    "level_above.origin_unsealed": "Bảng tổng hợp mang tên {school} không rõ nguồn gốc: tệp không có dấu xác thực "
                                   "(trường chưa nhập Mã xác thực do cấp trên cấp ở sheet Trường, hoặc tệp ghi bằng "
                                   "phiên bản cũ). Mọi đề nghị của tệp được tạm giữ chờ công chức quyết định. Hãy gửi "
                                   "trường mã của trường (lệnh status, hoặc bảng mã trên trang của xã) để trường chạy "
                                   "lại, "
                                   "hoặc gọi điện đối chiếu dấu vân tay {fingerprint} với trường rồi nhận từng đề "
                                   "nghị.",
    "level_above.unproven_beside": ("'{file}' mang tên {school} nhưng không chứng minh được do trường gửi ({why}); "
                                    "trường đã gửi '{used}' có dấu xác thực nên chương trình dùng tệp có dấu. Tệp này "
                                    "không thay, không bớt, không thêm gì vào đề nghị của trường. Nếu đúng là trường "
                                    "gửi tệp này, hãy gọi điện đối chiếu dấu vân tay {fingerprint} và đề nghị thư ký "
                                    "nhập đúng mã của trường (sheet Trường của campaign.xlsx) rồi gửi lại."),
    "level_above.origin_bad_seal": "Bảng tổng hợp mang tên {school} không rõ nguồn gốc: dấu xác thực không khớp mã "
                                   "của trường (tệp của trường khác đặt tên {school}, hoặc dữ liệu bị sửa sau khi "
                                   "chương trình ghi). Mọi đề nghị của tệp được tạm giữ chờ công chức quyết định. Hãy "
                                   "gọi điện đối chiếu dấu vân tay {fingerprint} với trường và đề nghị trường gửi lại "
                                   "bản do chương trình ghi.",
    "level_above.origin_old_code": "Bảng tổng hợp của {school} có dấu theo mã xác thực cũ (mã phiên bản trước 0.8 "
                                   "cấp, làm ra được từ mã chiến dịch in trong bảng tổng hợp của xã): dấu này không "
                                   "chứng minh tệp do trường gửi, cũng không chứng minh dữ liệu chưa bị sửa, vì ai có "
                                   "bảng tổng hợp của xã cũng đóng được dấu ấy; dấu vân tay {fingerprint}. Mọi đề nghị "
                                   "của tệp được tạm giữ chờ công chức quyết định, trường chưa tính là đã gửi. Cần "
                                   "làm: gửi riêng trường ấy mã mới (lệnh status --ma \"{school}\", hoặc nút Xem mã "
                                   "trên trang của xã) để thư ký nhập vào sheet Trường của campaign.xlsx và tổng hợp "
                                   "lại; hoặc gọi điện đối chiếu dấu vân tay với trường rồi nhận từng đề nghị.",
    "level_above.key_made": "Đã tạo khóa bí mật của đơn vị ({file}, trong thư mục này). Mã xác thực của các trường và "
                            "dấu của bảng tổng hợp xã nay làm từ khóa này; mã cấp trước đây (phiên bản trước 0.8) "
                            "không còn dùng được. Cần làm: gửi riêng mỗi trường mã mới của mình (lệnh status --ma, "
                            "hoặc nút Xem mã trên trang của xã). Giữ tệp {file} trong thư mục, sao lưu cùng thư mục, "
                            "không gửi cho ai.",
    "level_above.key_unreadable": "Tệp khóa bí mật '{file}' của đơn vị không đọc được (bị sửa, bị cắt, hoặc tệp khác "
                                  "mang tên này) – không làm gì, không ghi gì. Hãy chép lại tệp này từ bản sao lưu của "
                                  "thư mục. Không còn bản nào: chạy 'thidua-xlsx init THƯ_MỤC_XÃ --level cap-xa "
                                  "--khoa-moi' (tệp hỏng được giữ lại bên cạnh) rồi gửi mã mới cho mọi trường.",
    "level_above.newer_minor": "'{file}' ({school}) do {release} ghi, mới hơn bản {current} đang dùng nhưng cùng bố "
                               "cục: đọc như bản này đọc (dấu xác thực vẫn được kiểm), những gì bản mới thêm vào thì "
                               "không dùng. Nên cập nhật chương trình khi tiện.",
    "level_above.key_missing": "Không thấy tệp khóa bí mật '{file}' của đơn vị, trong khi thư mục này đã được dùng với "
                               "phiên bản có khóa (đã cấp mã cho các trường) – không làm gì, không ghi gì, không tạo "
                               "khóa mới. Hãy chép lại tệp {file} từ bản sao lưu của thư mục. Nếu không còn bản nào: "
                               "chạy 'thidua-xlsx init THƯ_MỤC_XÃ --level cap-xa --khoa-moi' để tạo khóa mới, rồi "
                               "gửi lại mã mới cho mọi trường (mã cũ hết dùng được).",
    "level_above.key_public": "Khóa bí mật của đơn vị ({file}) là khóa của bộ mẫu đi kèm chương trình: ai cũng có, nên "
                              "ai cũng làm được mã xác thực và dấu của mọi trường. Cần làm: chạy 'thidua-xlsx init "
                              "THƯ_MỤC_XÃ --level cap-xa --khoa-moi' rồi gửi mỗi trường mã mới.",
    "level_above.key_replaced": "Khóa bí mật của đơn vị được tạo lại ngày {day} mà không giữ được khóa trước: tệp các "
                                "trường đóng dấu bằng mã cấp trước ngày đó không khớp mã hiện nay và được báo 'không "
                                "khớp'. Tệp thật hay giả không phân biệt được: hãy gửi mỗi trường mã mới và đề nghị "
                                "gửi lại.",
    "level_above.origin_previous_key": "Bảng tổng hợp của {school} có dấu theo mã do khóa trước của đơn vị cấp (khóa "
                                       "đã thay): có thể là tệp thật gửi trước khi thay khóa, nhưng khóa đã bỏ không "
                                       "còn chứng minh được gì; dấu vân tay {fingerprint}. Mọi đề nghị của tệp được "
                                       "tạm giữ, trường chưa tính là đã gửi. Cần làm: gửi trường mã mới để thư ký nhập "
                                       "vào sheet Trường của campaign.xlsx và tổng hợp lại.",
    "level_above.old_codes_left": "{count} trường còn gửi tệp có dấu theo mã cũ (phiên bản trước 0.8): {schools}. Mã "
                                  "cũ không chứng minh được gì; các trường này chưa tính là đã gửi. Cần làm: gửi mỗi "
                                  "trường mã mới.",
    "level_above.held": "Tạm giữ {name} ({school}) – {title}: {why}. Chưa vào danh sách, tờ trình, dự thảo quyết định, "
                        "tệp nhập của tỉnh: công chức nhận hoặc bỏ ở sheet Chờ quyết định (merge … --council).",
}
LEVEL_ABOVE_REASONS |= {  # why a proposal is held apart (level_above.held's {why})
    "level_above.held_before_council": "bảng tổng hợp của trường chưa qua họp Hội đồng, chưa có kết quả bỏ phiếu",
    "level_above.held_no_vote": "hồ sơ chưa có kết quả bỏ phiếu (QĐ 638/QĐ-BNV)",
    "level_above.held_no_grounds": "hồ sơ chưa có minh chứng HTXSNV hay quyết định công nhận sáng kiến",
    "level_above.held_edited": "danh sách của trường khác dữ liệu – {change}",
    "level_above.held_two_schools": "{other} cũng đề nghị người này danh hiệu này (cùng họ tên, ngày sinh)",
    "level_above.held_origin_unsealed": "không rõ nguồn gốc: tệp không có dấu xác thực của trường",
    "level_above.held_origin_old_code": "dấu xác thực theo mã cũ của phiên bản trước: chưa chứng minh tệp do trường "
                                        "gửi",
    "level_above.held_origin_bad_seal": "không rõ nguồn gốc: dấu xác thực không khớp mã của trường",
    "level_above.held_origin_previous_key": "dấu theo mã do khóa trước của đơn vị cấp (khóa đã thay): chưa chứng "
                                            "minh tệp do trường gửi",
    "level_above.held_macros": "tệp của trường chứa macro (chương trình không bao giờ ghi macro)",
    "level_above.held_not_xlsx": "tệp của trường không ở dạng .xlsx: không kiểm được danh sách như người đọc thấy",
    "level_above.held_other_file": "công chức đã quyết định ({decision}) trên một tệp khác của trường (dấu vân tay "
                                   "{decided}); tệp nay dùng ({now}) không đối chiếu được là đề nghị đúng như thế "
                                   "(tệp cũ đề nghị khác, hoặc không còn trong thư mục): hãy quyết định lại",
    "level_above.held_earlier_accept": "công chức đã nhận đề nghị này ở sổ duyệt của phiên bản trước (lý do: "
                                       "{reason}); sổ ấy không giữ được điều từng dòng hiện nên chương trình không tự "
                                       "nhận, hãy nhận lại",
    "level_above.decided_accept": "đã nhận, lý do: {reason}",
    "level_above.decided_remove": "đã bỏ, lý do: {reason}",
    "level_above.held_officer_name": "dòng công chức đánh dấu ghi tên '{shown}', không phải người này: quyết định ở "
                                     "dòng đó không dùng, hãy quyết định lại",
    "level_above.held_officer_row": "dòng công chức đánh dấu ghi '{shown}', không phải đề nghị này (dòng bị đổi chỗ "
                                    "hoặc bị sửa): quyết định ở dòng đó không dùng, hãy quyết định lại",
    # what changed on an edited list (level_above.edited's {changes}, level_above.held_edited's {change})
    "level_above.change_added": "thêm '{name}' – {shown} (không có trong dữ liệu nên không xét)",
    "level_above.change_removed": "bỏ {name} – {title} khỏi danh sách (dữ liệu vẫn đề nghị)",
    "level_above.change_renamed": "đổi tên {name} thành '{shown}' ({title})",
    "level_above.change_retitled": "đổi danh hiệu của {name} từ {title} thành '{shown}'",
    "level_above.change_moved": "sửa chức vụ, tổ của {name} ({title}) thành '{shown}'",
    "level_above.change_hidden": "ẩn sheet '{name}' (người đọc không thấy danh sách chương trình ghi)",
    "level_above.change_copy": "thêm sheet '{name}' chép danh sách (người đọc thấy bản chép, không phải bản chương "
                               "trình ghi)",
    "level_above.change_caption": "dòng chú thích '{shown}' ở sheet {name} không khớp danh sách bên dưới ({lines} "
                                  "dòng)",
    "level_above.change_collective": "sửa đề nghị của {name} ở sheet Tập thể thành '{shown}' (dữ liệu đề nghị "
                                     "{title})",
    "level_above.change_collective_none": "sửa đề nghị của {name} ở sheet Tập thể thành '{shown}' (dữ liệu không đề "
                                          "nghị danh hiệu tập thể nào)",
    "level_above.change_registered": "sửa danh hiệu đăng ký của {name} ở sheet Tập thể thành '{shown}' (dữ liệu: tổ "
                                     "đăng ký {title})",
    "level_above.change_registered_none": "sửa danh hiệu đăng ký của {name} ở sheet Tập thể thành '{shown}' (dữ liệu: "
                                          "tổ không đăng ký danh hiệu tập thể)",
    "level_above.change_unknown": "không rõ sửa gì (danh sách khớp dữ liệu nhưng không khớp dấu kiểm của chương trình)",
    "level_above.change_formula": "ô {shown} ở sheet {name} có công thức (chương trình không ghi công thức: Excel tính "
                                  "lại khi mở tệp, có thể hiện khác giá trị đã lưu)",
    "level_above.change_number_format": "ô {shown} ở sheet {name} có định dạng số chương trình không dùng (có thể hiện "
                                        "chữ khác giá trị trong ô, hoặc che giá trị)",
    "level_above.change_conditional": "ô {shown} ở sheet {name} có định dạng có điều kiện (chương trình không dùng: có "
                                      "thể đổi chữ hiện ra, màu chữ, hoặc che giá trị)",
    "level_above.change_row_hidden": "dòng {shown} ở sheet {name} bị ẩn (người đọc không thấy dòng này)",
    "level_above.change_column_hidden": "cột {shown} ở sheet {name} bị ẩn (người đọc không thấy cột này)",
    "level_above.change_extra_row": "thêm dòng {lines} ở sheet {name} ('{shown}') không phải dòng của danh sách (không "
                                    "có STT số, hoặc không phải tổ của trường): không có trong dữ liệu nên không xét",
    "level_above.change_outside": "ô {shown} ở sheet {name} có nội dung ngoài bảng chương trình ghi",
    "level_above.change_proof": "sửa cột minh chứng của {name} ({title}) thành {shown} (khác dữ liệu của tệp)",
    "level_above.change_extra_sheet": "thêm sheet '{name}' (chương trình không ghi sheet này)",
}

# --- the level above's summary workbook ---
SUMMARY_TITLE = "Bảng tổng hợp đề nghị thi đua – khen thưởng của các trường năm học {year}"
SUMMARY_SUBTITLE = "({sent}/{schools} trường đã gửi; {proposals} đề nghị; {held} đề nghị tạm giữ)"
S_SCHOOLS = "Các trường"
# "Số liệu lưu lúc": the time of the school's data as its seal covers it (model.commune.SchoolResult.saved; a file
# not sealed: the time the file says), which decides "sau hạn" — apart from the file's own save time on Nguồn dữ
# liệu (a list edited by hand is saved later)
SCHOOLS_HEAD = ("STT", "Trường", "Tệp dùng", "Số liệu lưu lúc", "Mã tệp (SHA-256)",
                "Tình trạng", "Tạm giữ")
STATE_ORIGIN = {"sealed": "", "unsealed": "; không rõ nguồn gốc (không có dấu xác thực)",
                "old_code": "; dấu theo mã cũ (gửi trường mã mới)",
                "bad_seal": "; không rõ nguồn gốc (dấu xác thực không khớp)",
                "previous_key": "; dấu theo khóa trước của đơn vị (gửi trường mã mới)"}
NOT_SENT = "(chưa gửi)"
STATE_MISSING = "Chưa gửi"
STATE_COUNCIL = {True: "Đã qua Hội đồng", False: "Chưa qua Hội đồng"}
STATE_EDITED = "; danh sách bị sửa tay"
TOTAL = "Tổng cộng"
S_LISTS = "Danh sách"
LISTS_TITLE = "Danh sách đề nghị công nhận danh hiệu thi đua năm học {year}"
LISTS_SUBTITLE = "({count} đề nghị của các trường, theo thứ tự của quyết định)"
LISTS_HELD = "Còn {count} đề nghị tạm giữ, chưa có trong danh sách này: xem sheet {sheet}."
PART_PEOPLE = "I. CÁ NHÂN"
PART_COLLECTIVES = "II. TẬP THỂ"
TITLE_LINE = "{n}. Danh hiệu {title}: {count}"
LISTS_HEAD = ("STT", "Họ và tên / Tập thể", "Chức vụ", "Đơn vị", "Căn cứ (CSTĐCS)", "Đồng ý",
              "Lý do (bỏ; nhận đề nghị tạm giữ)")
AGREE = "x"  # the officer's tick: a line kept; a line unticked with a reason leaves the lists (merge --council)
S_HELD = "Chờ quyết định"
HELD_TITLE = "CÁC ĐỀ NGHỊ TẠM GIỮ, CHỜ CÔNG CHỨC QUYẾT ĐỊNH ({count})"
HELD_GUIDE = ("Các đề nghị dưới đây chưa có trong sheet Danh sách, tờ trình, dự thảo quyết định và tệp nhập của tỉnh. "
              "Mỗi dòng: ghi x ở cột Đồng ý và lý do ở cột bên cạnh để nhận vào danh sách; để trống cột Đồng ý và ghi "
              "lý do để bỏ. Lưu tệp rồi chạy: thidua-xlsx merge <thư mục inbox> --council <tệp này> -o <tệp mới>.")
HELD_HEAD = ("STT", "Họ và tên / Tập thể", "Trường", "Chức vụ", "Danh hiệu", "Lý do tạm giữ", "Đồng ý",
             "Lý do của công chức")
REMOVED_TITLE = "CÁC TRƯỜNG HỢP CÔNG CHỨC ĐÃ BỎ KHỎI DANH SÁCH ({count}) – ghi x ở cột Đồng ý để đưa trở lại"
REMOVED_HEAD = ("STT", "Họ và tên / Tập thể", "Chức vụ", "Đơn vị", "Danh hiệu", "Đồng ý", "Lý do")
NONE = "(không có)"
S_CHECK = "Kiểm tra"
CHECK_TITLE = "CÁC VẤN ĐỀ TÌM THẤY TRONG HỒ SƠ CÁC TRƯỜNG"
CHECK_SUBTITLE = "({count} mục)"
CHECK_HEAD = ("STT", "Tệp", "Mức độ", "Nội dung")

# --- the level above's papers (commune.papers): the office's Tờ trình, the draft Quyết định and its list ---
FILE_LETTER = "01_To-trinh-cong-nhan"
FILE_DECISION = "02_Du-thao-Quyet-dinh-cong-nhan"
DOC_LETTER = "Tờ trình đề nghị công nhận danh hiệu thi đua cho các trường"
DOC_DECISION = "Dự thảo Quyết định công nhận danh hiệu thi đua (kèm danh sách)"
LETTER_TITLE = "TỜ TRÌNH"
LETTER_NUMBER = "Số: ……/TTr-……"
LETTER_SUBJECT = "V/v đề nghị công nhận danh hiệu thi đua năm học {year} cho cá nhân, tập thể các trường"
LETTER_TO = "Kính gửi: Chủ tịch {authority}"
LETTER_RECEIVED = ("{office} đã nhận hồ sơ đề nghị của {sent}/{schools} trường ({names}), đối chiếu danh sách, kết quả "
                   "bỏ phiếu và minh chứng theo quy định, và tổng hợp như sau:")
LETTER_MISSING = "Chưa nhận hồ sơ có dấu xác thực của: {names}."
LETTER_HELD = ("Chưa trình {count} đề nghị của {names} (hồ sơ chưa đủ hoặc chưa khớp, đang đối chiếu); các số dưới đây "
               "không tính các đề nghị này.")
LETTER_PEOPLE_HEAD = "1. Cá nhân:"
LETTER_PEOPLE = "- Danh hiệu {title}: {count} cá nhân;"
LETTER_UNITS_HEAD = "2. Tập thể:"
LETTER_UNITS = "- Danh hiệu {title}: {count} tập thể;"
NONE_LINE = "- (không có)"
LETTER_ABOVE_HEAD = "3. Đề nghị cấp trên xét (không thuộc thẩm quyền quyết định của cấp xã):"
LETTER_ABOVE = "- {title}: {count} {unit} (hồ sơ chuyển cấp tỉnh);"
UNIT_PEOPLE, UNIT_COLLECTIVES = "cá nhân", "tập thể"
LETTER_CLOSE = "Kính trình Chủ tịch {authority} xem xét, quyết định./."
RECEIVERS_HEAD = "Nơi nhận:"
LETTER_RECEIVERS = ("- Như trên;", "- Lưu: VT.")
SIGN_OFFICE = ("NGƯỜI ĐỀ NGHỊ",)
SIGN_NOTE = "(Ký, ghi rõ họ tên)"
SIGN_NOTE_SEAL = "(Ký tên, đóng dấu)"
DECISION_TITLE = "QUYẾT ĐỊNH"
DECISION_NUMBER = "Số: ……/QĐ-UBND"
DECISION_SUBJECT = "Về việc công nhận danh hiệu thi đua năm học {year}"
DECISION_BY = "CHỦ TỊCH {authority}"
DECISION_CONSIDERING = "Xét đề nghị của {office} tại Tờ trình số ……/TTr-…… ngày …… tháng …… năm …….,"
DECISION_DECIDES = "QUYẾT ĐỊNH:"
ARTICLE_1 = "Điều 1. Công nhận danh hiệu thi đua năm học cho các cá nhân, tập thể sau:"
ARTICLE_1_PEOPLE = "- Danh hiệu {title}: {count} cá nhân;"
ARTICLE_1_UNITS = "- Danh hiệu {title}: {count} tập thể;"
ARTICLE_1_ATTACHED = "(có danh sách kèm theo)"
ARTICLE_2 = "Điều 2. Các cá nhân, tập thể có tên tại Điều 1 được hưởng tiền thưởng theo quy định hiện hành."
ARTICLE_3 = ("Điều 3. Chánh Văn phòng, {office}, Hiệu trưởng các trường và các cá nhân, tập thể có tên tại Điều 1 "
             "chịu trách nhiệm thi hành Quyết định này./.")
OFFICE_DEFAULT = "Phòng Văn hóa – Xã hội"
DECISION_RECEIVERS = ("- Như Điều 3;", "- Lưu: VT.")
SIGN_CHAIR = ("CHỦ TỊCH",)
LIST_TITLE = "DANH SÁCH"
LIST_SUBTITLE = "(Kèm theo Quyết định số ……/QĐ-UBND ngày …… tháng …… năm …… của Chủ tịch {authority})"
LIST_TITLE_LINE = "{n}. Danh hiệu {title} ({count})"
LIST_LINE = "{n}. {line}"
PAPERS_DONE = "Đã ghi tờ trình và dự thảo quyết định vào {folder}: {names}"
# The officer's decisions kept in the commune's folder (hoi-dong/xa-duyet.xlsx), applied by every later merge and status
OFFICER_AGAIN = ("Đọc quyết định của công chức đã lưu để áp dụng lại: {file} (dấu vân tay {fingerprint}, ghi lúc "
                 "{saved}). Muốn bỏ các quyết định này: tổng hợp lại với --bo-duyet.")
OFFICER_KEPT = "Đã lưu {file} để các lần tổng hợp sau của xã (dòng lệnh hay trang) tự áp dụng lại{replaced}."
OFFICER_KEPT_REPLACED = " (bản trước chuyển vào {aside})"
OFFICER_DROPPED = ("Đã bỏ {file} theo yêu cầu (chuyển vào {aside}, không xóa): bảng tổng hợp này không có quyết định "
                   "nào của công chức.")
OFFICER_NOTHING_TO_DROP = "Chưa có quyết định nào của công chức được lưu: không có gì để bỏ."

LEVEL_ABOVE_MESSAGES |= {
    "level_above.removed": "{name} ({school}) được bỏ khỏi danh sách {title}: {reason}. Không cần sửa.",
    "level_above.removal_unknown": "Dòng {who} – {title} ({school}) công chức đã bỏ không còn trong hồ sơ các trường "
                                   "(tệp "
                                   "của trường đã thay đổi): không áp dụng. Hãy xem lại bảng tổng hợp mới.",
    "level_above.needs_reason": "Dòng {row} ({name}, {title}) bỏ dấu Đồng ý nhưng chưa ghi lý do – vẫn giữ trong danh "
                                "sách. Hãy ghi lý do ở cột bên cạnh rồi chạy lại.",
    "level_above.accepted": "{name} ({school}) – {title}: công chức nhận đề nghị tạm giữ ({why}): {reason}. Không cần "
                            "sửa.",
    "level_above.accept_needs_reason": "Dòng {row} ({name}, {title}) có dấu Đồng ý nhưng chưa ghi lý do – vẫn tạm giữ. "
                                       "Hãy ghi lý do nhận đề nghị ở cột bên cạnh rồi chạy lại.",
    "level_above.council_other": "'{file}' không phải bảng tổng hợp cấp trên của chiến dịch này (năm học {year}) – "
                                 "không "
                                 "dùng. Hãy chỉ tới bảng tổng hợp của các trường mà chương trình đã ghi cho đơn vị.",
}

LEVEL_ABOVE_MESSAGES |= {  # the officer's word bound to the person and the file, her book sealed
    "level_above.macros": "Bảng tổng hợp của {school} chứa macro (VBA), dù tên tệp là '{file}': chương trình không bao "
                          "giờ ghi macro, tệp đã bị sửa hoặc thay. Đừng mở tệp bằng Excel khi chưa hỏi trường; mọi "
                          "đề nghị của tệp được tạm giữ chờ công chức quyết định. Hãy đề nghị trường gửi lại bản do "
                          "chương trình ghi.",
    "level_above.not_xlsx": "Bảng tổng hợp của {school} ('{file}') đã được lưu lại dạng khác .xlsx (.ods hay .xls): "
                            "chương trình đọc được dữ liệu và dấu xác thực, nhưng không kiểm được danh sách như người "
                            "đọc thấy trong tệp (công thức, định dạng số, dòng ẩn). Mọi đề nghị của tệp được tạm giữ "
                            "chờ công chức quyết định. Hãy đề nghị trường gửi lại bản .xlsx do chương trình ghi.",
    "level_above.other_file": "{name} ({school}) – {title}: công chức đã quyết định ({decision}) trên một tệp khác "
                              "của trường (dấu vân tay {decided}); tệp đang dùng là {now}, không đối chiếu được là "
                              "đề nghị đúng như thế (tệp cũ đề nghị khác, hoặc không còn trong thư mục). Quyết định "
                              "trên tệp cũ không áp dụng cho tệp mới: đề nghị được tạm giữ để công chức quyết định "
                              "lại.",
    "level_above.officer_name": "Dòng {row} của sheet {sheet} ghi tên '{shown}' nhưng phần ghi ẩn của dòng là {name} "
                                "({school}) – {title}: không quyết định gì theo dòng này; đề nghị được tạm giữ để "
                                "công chức quyết định lại.",
    "level_above.officer_seal_old": "'{file}' được đóng dấu bằng phiên bản trước 0.8 (khi dấu của xã còn làm từ mã "
                                    "chiến dịch): đề nghị công chức đã bỏ vẫn bỏ (kiểm lại với tệp của trường lúc bỏ; "
                                    "tệp nay đề nghị khác thì tạm giữ, nêu quyết định cũ), đề nghị đã nhận được hỏi "
                                    "lại kèm lý do cũ. Hãy quyết định lại các đề nghị tạm giữ trên trang (hoặc đánh "
                                    "dấu trên bảng tổng hợp mới).",
    "level_above.officer_row": "Dòng {row} của sheet {sheet} ghi '{shown}' nhưng phần ghi ẩn của dòng là {name} "
                               "({school}) – {title}: dòng đã bị đổi chỗ hoặc bị sửa sau khi chương trình ghi, không "
                               "quyết định gì theo dòng này; đề nghị được tạm giữ để công chức quyết định lại.",
    "level_above.officer_sent": "'{file}' là bản gửi đi (bản chương trình đính kèm thư gửi cấp trên), không phải sổ "
                                "duyệt của công chức – không quyết định gì theo tệp này, dù ai đã đánh dấu. Hãy đánh "
                                "dấu trên bảng tổng hợp chương trình ghi trong thư mục của đơn vị, rồi tổng hợp lại "
                                "với chính tệp đó.",
    "level_above.officer_record_old": "'{file}' do phiên bản trước ghi, khi phần ghi ẩn chưa giữ điều từng dòng hiện "
                                      "(tên, trường, danh hiệu): đề nghị công chức đã bỏ vẫn bỏ (kiểm lại với tệp của "
                                      "trường lúc bỏ; tệp nay đề nghị khác thì tạm giữ, nêu quyết định cũ), đề nghị "
                                      "đã nhận được hỏi lại kèm lý do cũ. Hãy quyết định lại các đề nghị tạm giữ trên "
                                      "trang (hoặc đánh dấu trên bảng tổng hợp mới).",
    "level_above.officer_record": "'{file}' có phần ghi ẩn của xã mà phiên bản chương trình này không đọc được (do "
                                  "phiên bản khác ghi) – không quyết định gì theo sổ này. Hãy cập nhật chương trình, "
                                  "hoặc bấm Tổng hợp các trường rồi đánh dấu lại trên bảng tổng hợp mới.",
    "level_above.officer_sheet": "'{file}' không còn sheet '{sheet}' chương trình đã ghi (bị xoá hoặc đổi tên) – không "
                                 "quyết định gì theo sổ này. Hãy đặt lại đúng tên sheet, hoặc đánh dấu lại trên bảng "
                                 "tổng hợp mới.",
    "level_above.officer_seal": "'{file}' không còn đúng dấu của xã (phần ghi ẩn của sổ bị sửa sau khi chương trình "
                                "ghi, hoặc sổ của đơn vị khác) – không quyết định gì theo sổ này. Hãy đổi tên hoặc "
                                "xoá tệp, bấm Tổng hợp các trường, rồi quyết định lại trên trang (hoặc đánh dấu lại "
                                "trên bảng tổng hợp mới).",
}

LEVEL_ABOVE_MESSAGES |= {
    "level_above.dossier_file": "'{file}' là giấy tờ hồ sơ trường gửi kèm (Word, PDF): không đọc, giữ nguyên để đối "
                                "chiếu khi thẩm định.",
    "level_above.workers_failed": "Các tiến trình phụ đọc song song bảng tổng hợp của các trường bị lỗi ({error}): "
                                  "{count} tệp còn lại được đọc ngay trong chương trình này, lần lượt từng tệp – "
                                  "chậm hơn nhưng cùng kết quả, không bỏ sót tệp nào. Không cần sửa; nếu lần nào "
                                  "cũng vậy, hãy báo người hỗ trợ.",
}

# --- init --level cap-xa --khoa-moi ---
NEW_KEY_NO_COMMUNE = ("Không thấy {path}: --khoa-moi chỉ dùng trên thư mục của xã đã có. Tạo xã mới: thidua-xlsx init "
                      "THƯ_MỤC --level cap-xa.")
NEW_KEY_DONE = ("Đã tạo khóa bí mật mới ({file}). Cần làm: gửi lại mỗi trường mã mới (thidua-xlsx status --ma, hoặc "
                "trang của xã); mã cũ hết dùng được. Sao lưu thư mục, không gửi {file} cho ai.")
NEW_KEY_DAMAGED_ASIDE = "Tệp khóa hỏng được giữ lại dưới tên {file} (không xóa)."
NEW_KEY_PREVIOUS = ("Khóa trước được giữ trong tệp khóa mới: tệp trường đóng dấu bằng mã cũ được gọi đúng là 'dấu "
                    "theo khóa trước', tạm giữ chờ trường gửi lại, không bị gọi là giả.")
NEW_KEY_NO_PREVIOUS = ("Khóa trước không còn đọc được: tệp trường đóng dấu bằng mã cũ sẽ được báo 'không khớp mã' – "
                       "hãy đề nghị mọi trường gửi lại sau khi nhập mã mới.")
