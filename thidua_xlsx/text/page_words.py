"""The page's own wording of the catalogue's messages that name a command line ("her words, not ours"):
PAGE_MESSAGES, by code, for every message of :data:`thidua_xlsx.text.messages.MESSAGES` whose text tells the
reader to type something (``thidua-xlsx merge … --council``, ``--period``, ``pip install``…).

A secretary who does her year on the page never opens a terminal: there each advice names the button to press or the
place to go on the page instead — the same meaning, the same where → what is wrong → what to do, and the same
placeholders as the catalogue's message (they are formatted with the same parameters). A message about an option only
the command line has (``--from``, ``--period``, ``-o``) says what the page does instead (the page always knows the
round or the period it works on). The buttons and places are named in the page's own words (text.ui.WORDS), in
*italics* as the page's other messages do; the program itself is "chương trình", as the page calls it.

``tests/command_lines.py`` holds the one test of "names a command line", shared by the tests: every catalogue message
it finds has a page version here, and none of these does.
"""

from __future__ import annotations

import functools
import os
import re
import string

from thidua_xlsx.text import commands as ct
from thidua_xlsx.text import commune as lx
from thidua_xlsx.text import decisions as dx
from thidua_xlsx.text import documents as dw

PAGE_MESSAGES: dict[str, str] = {
    "level_above.officer_kept_unused": ("Quyết định của công chức đã lưu ở hoi-dong/{file} không dùng được nữa "
                                        "({why}): lần này các đề nghị ấy được xét như chưa có quyết định. Hãy chuyển "
                                        "tệp ấy vào thư mục hoi-dong/cu/ (không xóa), bấm *Tổng hợp các trường* rồi "
                                        "quyết định lại trên trang."),
    # the campaign book and its folder: the page is opened on a campaign folder by its launcher or the desktop's icon, a
    # new campaign made by the installer, next year's by the overview's *Năm học sau*
    "campaign.broken": ("Không mở được tệp chiến dịch '{file}': tệp bị hỏng, có mật khẩu hoặc không phải sổ bảng "
                        "tính. Hãy mở tệp bằng Excel hoặc LibreOffice, gỡ mật khẩu nếu có, rồi lưu lại dạng .xlsx "
                        "hoặc .ods và tải lại trang (F5); nếu không mở được, hãy lấy lại tệp từ bản sao lưu, hoặc "
                        "tạo một chiến dịch mới (bấm đúp tệp cài đặt Cai-dat-thi-dua, chọn một thư mục trống) rồi "
                        "chép dữ liệu sang."),
    "campaign.sample_school": ("Chiến dịch này vẫn là trường mẫu của chương trình ({sample}): sổ phát cho các tổ, "
                               "bảng tổng hợp và hồ sơ sẽ mang tên trường, số văn bản và danh sách người của trường "
                               "mẫu. Dùng thử thì được; với trường mình, hãy mở campaign.xlsx bằng Excel, sửa sheet "
                               "Trường (Tên trường, Hiệu trưởng, Thư ký…), Tổ, Nhân sự và Căn cứ (kế hoạch, văn bản "
                               "của năm học này), lưu lại rồi tải lại trang "
                               "(F5) – hoặc tạo từ chiến dịch năm trước của trường: mở trang của năm trước, ở dòng "
                               "*Năm học sau* gõ tên thư mục mới rồi bấm *Sang năm học mới*."),
    "campaign.past_year": ("Chiến dịch là của năm học {year}, hôm nay ({today}) đã là năm học {current} và không còn "
                           "hạn nộp nào phía trước{last}: có thể đây là tệp chiến dịch năm trước được chép sang – kỳ "
                           "đánh giá, hạn nộp và căn cứ vẫn của năm học {year}. Để sang năm mới: ở dòng *Năm học "
                           "sau* của trang chính, gõ tên thư mục mới rồi bấm *Sang năm học mới* (chiến dịch mới được "
                           "tạo từ {folder}: giữ trường, tổ, nhân sự, tiêu chí; dời các ngày sang năm mới; xóa thông "
                           "tin xét của năm cũ). Nếu đang làm nốt năm học {year} thì bỏ qua cảnh báo này."),
    "campaign.date_before_year": ("{field} ({day}) trước năm học {year} (bắt đầu {first}): có thể còn sót từ năm "
                                  "trước. Hãy sửa ngày cho đúng năm học ở sheet Trường của campaign.xlsx rồi tải lại "
                                  "trang (F5); chiến dịch chép tay từ năm trước thì tạo lại từ chiến dịch năm trước "
                                  "(trên trang của năm trước: dòng *Năm học sau*, bấm *Sang năm học mới*) để mọi "
                                  "ngày được dời một lần."),
    "campaign.two_files": ("Thư mục chiến dịch có hai tệp: {used} (lưu lúc {used_saved}) và {other} (lưu lúc "
                           "{other_saved}); chương trình dùng {used}. Hãy giữ một tệp: nếu bạn đang sửa {other}, hãy "
                           "xóa hoặc đổi tên {used}; nếu không, hãy xóa hoặc đổi tên {other} (ví dụ thành "
                           "campaign-cu…), để trang luôn dùng đúng tệp bạn sửa."),
    "campaign.not_found": ("Không tìm thấy tệp chiến dịch '{path}'. Hãy mở trang từ thư mục có campaign.xlsx (bấm "
                           "đúp tệp Mo-trang-thi-dua trong thư mục đó), hoặc tạo chiến dịch mới: bấm đúp tệp cài đặt "
                           "Cai-dat-thi-dua rồi chọn một thư mục trống."),
    "campaign.not_found_near": ("Không tìm thấy chiến dịch (campaign.xlsx) cho thư mục '{inbox}'. Đã tìm ở: "
                                "{looked}. Thư mục nhận sổ phải nằm bên trong thư mục chiến dịch (ví dụ "
                                "thidua-2025/inbox): hãy mở trang của đúng chiến dịch (bấm đúp tệp Mo-trang-thi-dua "
                                "trong thư mục đó) rồi thả sổ vào trang. Cấp trên (xã/phường, Sở) tổng hợp bảng của "
                                "các trường thì cần cap-tren.xlsx cạnh thư mục nhận: hãy nhờ người hỗ trợ tạo thư "
                                "mục chiến dịch của cấp trên."),
    "campaign.ambiguous": ("Có nhiều chiến dịch cạnh thư mục '{inbox}': {found}. Hãy mở trang của đúng chiến dịch "
                           "(bấm đúp tệp Mo-trang-thi-dua trong thư mục của chiến dịch đó) rồi thả sổ vào trang ấy."),
    "campaign.sheet_missing": ("Thiếu sheet '{sheet}' trong campaign.xlsx. Hãy khôi phục sheet này (lấy từ bản sao "
                               "lưu của campaign.xlsx, hoặc từ một chiến dịch mới – bấm đúp tệp cài đặt "
                               "Cai-dat-thi-dua, chọn một thư mục trống – rồi chép dữ liệu sang), rồi tải lại trang "
                               "(F5)."),
    "intake.no_campaign": ("'{folder}' không phải thư mục chiến dịch (không có campaign.xlsx của trường, cũng không "
                           "có cap-tren.xlsx của xã). Hãy mở trang từ thư mục chiến dịch do chương trình tạo (bấm "
                           "đúp tệp Mo-trang-thi-dua trong thư mục đó)."),
    # the registration's titles written into the scoring books (the page takes the registration round's last summary
    # itself when *Sinh sổ cho các tổ* is pressed on a scoring page)
    "campaign.from_unreadable": ("Không đọc được bảng tổng hợp đăng ký '{path}'. Hãy tổng hợp lại vòng đăng ký (mở "
                                 "trang *Đăng ký thi đua* và bấm *Tổng hợp*), rồi bấm lại *Sinh sổ cho các tổ*."),
    "from.not_ours": ("'{path}' không phải bảng tổng hợp do chương trình tạo (không có thông tin nhận diện). Hãy "
                      "tổng hợp lại vòng đăng ký của chiến dịch này (mở trang *Đăng ký thi đua* và bấm *Tổng hợp*), "
                      "rồi bấm lại *Sinh sổ cho các tổ*."),
    "from.not_registration": ("Bảng tổng hợp '{path}' là của vòng '{round}', không phải vòng đăng ký. Hãy tổng hợp "
                              "vòng đăng ký (mở trang *Đăng ký thi đua* và bấm *Tổng hợp*), rồi bấm lại *Sinh sổ cho "
                              "các tổ*."),
    "from.scoring_only": ("Danh hiệu đã đăng ký chỉ được điền sẵn vào sổ của vòng chấm điểm (lấy từ bảng tổng hợp "
                          "vòng đăng ký). Muốn sổ có sẵn danh hiệu đăng ký, hãy bấm *Sinh sổ cho các tổ* trên trang "
                          "*Chấm điểm thi đua* (chấm theo kỳ: trên trang của từng kỳ)."),
    # the summaries and the books read (the tool named as the program, an update by the installer run again)
    "summary.data_edited": ("'{file}': thông tin ẩn chương trình ghi trong bảng tổng hợp đã bị sửa tay sau khi ghi "
                            "(không khớp dấu kiểm) – không dùng tệp này, không xét gì từ nó. Hãy dùng bản do chương "
                            "trình ghi (bấm lại nút đã tạo ra nó, ví dụ *Tổng hợp* trên trang của vòng hay kỳ đó)."),
    "summary.meta_damaged": ("Dữ liệu ẩn của '{file}' bị hỏng hoặc bị sửa (không phải dữ liệu chương trình ghi) – "
                             "không dùng tệp này, không xét gì từ nó. Hãy dùng bản do chương trình ghi (bấm lại nút "
                             "đã tạo ra nó, ví dụ *Tổng hợp* trên trang của vòng hay kỳ đó)."),
    "summary.schema_unknown": ("'{path}' được ghi bởi {release} theo bố cục bảng tổng hợp số {found}, phiên bản "
                               "chương trình {current} này chỉ đọc được tới số {supported}. Hãy cập nhật "
                               "chương trình (tải bản mới về, giải nén, rồi bấm đúp tệp cài đặt Cai-dat-thi-dua "
                               "trong đó) rồi bấm lại, hoặc dùng bảng tổng hợp do chính phiên bản này ghi."),
    "book.too_big": ("'{file}' quá lớn ({size_mb} MB) hoặc nén bất thường so với một sổ chiến dịch hay bảng tổng hợp "
                     "(giới hạn {max_mb} MB, giải nén {max_unzipped_mb} MB) – không đọc vì an toàn. Hãy dùng đúng "
                     "tệp do chương trình tạo."),
    "file.not_ours": ("Sổ này không do chương trình thi đua tạo (không có thông tin nhận diện). Hãy dùng đúng sổ do "
                      "thư ký phát cho tổ (nút *Sinh sổ cho các tổ* trên trang của vòng)."),
    "file.old_template": ("Sổ được tạo bằng phiên bản cũ của chương trình (mang theo cả dữ liệu chiến dịch, không "
                          "còn được tin dùng). Hãy phát lại sổ mới cho tổ (bấm *Sinh sổ cho các tổ* trên trang của "
                          "vòng) và nhờ tổ chép điểm sang."),
    "file.not_issued": ("Sổ ({department}) không có trong danh sách sổ đã phát của chiến dịch này (thư mục "
                        "so-da-phat). Có thể là sổ tự sao chép hoặc bị sửa mã. Hãy phát lại sổ cho tổ: bấm *Sinh sổ "
                        "cho các tổ* trên trang của vòng."),
    "file.locked_record_missing": ("Nội dung khóa của sổ ({department}) khác với khi phát, nhưng bản ghi nội dung "
                                   "khóa trong thư mục so-da-phat/o-khoa đã bị xóa nên không biết ô nào bị sửa. Sổ "
                                   "không được dùng; hãy phát lại sổ cho tổ: bấm *Sinh sổ cho các tổ* trên trang của "
                                   "vòng."),
    "file.newer_version": ("Sổ được tạo bằng phiên bản mẫu {version}, mới hơn chương trình này. Hãy cập nhật chương "
                           "trình: tải bản mới về, giải nén, rồi bấm đúp tệp cài đặt Cai-dat-thi-dua trong đó."),
    "file.other_year": ("Sổ của năm học {year}, chiến dịch này là năm học {expected} – không dùng. Có thể tổ gửi "
                        "nhầm sổ năm trước, hoặc campaign.xlsx năm trước được chép sang: hãy nhờ tổ điền sổ năm nay; "
                        "chiến dịch chép tay thì tạo lại từ chiến dịch năm trước (trên trang của năm trước: dòng "
                        "*Năm học sau*, bấm *Sang năm học mới*) rồi phát sổ mới."),
    "file.internal_error": ("Lỗi của chương trình khi đọc tệp này ({error}); các tệp khác vẫn được tổng hợp. Hãy gửi "
                            "tệp này cho người bảo trì chương trình."),
    "registry.damaged": ("Bản ghi sổ đã phát '{path}' bị hỏng ({reason}): sổ phát ra với bản ghi này sẽ bị coi là "
                         "chưa phát. Hãy chép lại tệp này từ bản sao lưu của thư mục so-da-phat/ rồi bấm lại (các tổ "
                         "không cần điền lại); nếu không còn bản sao, hãy phát lại sổ cho tổ: bấm *Sinh sổ cho các "
                         "tổ* trên trang của vòng."),
    "file.record_damaged": ("Sổ ({department}) đã được phát, nhưng bản ghi của sổ trong thư mục so-da-phat "
                            "('{path}') bị hỏng ({reason}), nên chưa kiểm được sổ này và chưa dùng. Hãy chép lại tệp "
                            "{path} từ bản sao lưu của thư mục so-da-phat/ (hoặc từ máy đã sinh sổ cho các tổ) vào "
                            "thư mục chiến dịch rồi bấm lại; tổ không cần điền lại."),
    "rubric.changed": ("Bộ tiêu chí '{role}' đã thay đổi sau khi phát sổ cho {department}: sổ phát theo phiên bản "
                       "{issued}, chiến dịch hiện là phiên bản {current} ({changes}). Điểm được tính theo phiên bản "
                       "hiện tại; nếu thay đổi là thật, hãy phát lại sổ cho tổ (bấm *Sinh sổ cho các tổ* trên trang "
                       "của vòng) để mọi người chấm theo cùng một bộ tiêu chí."),
    # the books made: the page asks before making them again (*Sinh lại sổ*) and writes into the round's own outbox
    "generate.would_overwrite": ("Thư mục {outbox} đã có sổ khác với sổ sắp tạo: {files}. Không ghi đè gì. Nếu chắc "
                                 "chắn muốn thay bằng sổ mới, hãy bấm lại *Sinh sổ cho các tổ* rồi chọn *Sinh lại "
                                 "sổ* (sổ nào đã có người điền được giữ nguyên, sổ mới ghi bên cạnh)."),
    "generate.would_overwrite_returned": ("Thư mục {outbox} chứa sổ các tổ đã điền và gửi về (không giống sổ đã "
                                          "phát): {files}. Không ghi đè gì, để không mất bài của các tổ. Hãy chuyển "
                                          "các sổ đó ra khỏi thư mục {outbox} (sổ các tổ gửi về thì kéo thả vào ô "
                                          "*Kéo các sổ các tổ gửi về thả vào đây* trên trang của vòng), rồi bấm lại "
                                          "*Sinh sổ cho các tổ*."),
    "generate.outbox_unwritable": ("Không tạo được thư mục '{path}' để ghi sổ ({reason}). Hãy kiểm tra thư mục chiến "
                                   "dịch còn ghi được (ổ đĩa còn chỗ, thư mục không phải chỉ đọc, không có tệp nào "
                                   "trong đó đang mở bằng Excel) rồi bấm lại *Sinh sổ cho các tổ*."),
    # the rounds and periods: each period has its own page (its row's *Mở* on the overview), the page always knows which
    # round or period it works on
    "period.required": ("Chiến dịch chấm điểm theo kỳ: mỗi kỳ có trang riêng. Hãy mở trang của kỳ cần làm (ở trang "
                        "chính, bấm *Mở* ở dòng của kỳ đó), một trong: {periods}."),
    "period.not_in_campaign": ("Chiến dịch không chia kỳ đánh giá (sheet Kỳ đánh giá để Không), nên không có trang "
                               "của từng kỳ. Hãy làm trên trang *Chấm điểm thi đua*, hoặc khai báo các kỳ trong "
                               "campaign.xlsx rồi tải lại trang (F5)."),
    "period.scoring_only": ("Chỉ vòng chấm điểm mới chia theo kỳ: đăng ký thi đua là của cả năm học – hãy làm trên "
                            "trang *Đăng ký thi đua*."),
    # the council's summary chosen on a round's page (*Bảng tổng hợp Hội đồng đã ghi*), a period's head pass on the
    # period's page (*Bảng tổng hợp kỳ Hiệu trưởng đã chấm*),
    # the year's council on the year's page (*Bảng cả năm Hội đồng đã ghi*)
    "council.not_scoring": ("Bảng tổng hợp '{path}' là của vòng '{round}'; ô *Bảng tổng hợp Hội đồng đã ghi* cần "
                            "bảng tổng hợp vòng chấm điểm mà Hội đồng đã họp xét. Hãy chọn lại đúng tệp rồi bấm "
                            "*Tổng hợp*."),
    "council.no_council_columns": ("Không tìm thấy các cột 'Mã', 'Điểm Hội đồng', 'Quyết định Hội đồng', 'Ghi chú "
                                   "Hội đồng' trong '{path}'. Hãy chọn bảng tổng hợp do chương trình ghi khi bấm "
                                   "*Tổng hợp* (nút *Tải về* trên trang của vòng; sheet Điểm chi tiết), Hội đồng "
                                   "điền rồi lưu lại."),
    "council.not_ours": ("'{path}' không phải bảng tổng hợp do chương trình tạo (không có thông tin nhận diện). Hãy "
                         "dùng bảng tổng hợp vòng chấm điểm tải về từ trang của vòng (nút *Tải về* sau khi bấm *Tổng "
                         "hợp*), mà Hội đồng đã điền khi họp."),
    "council.unreadable": ("Không đọc được bảng tổng hợp '{path}' (tệp bị hỏng, có mật khẩu hoặc không phải sổ bảng "
                           "tính). Hãy dùng bảng tổng hợp tải về từ trang của vòng (nút *Tải về* sau khi bấm *Tổng "
                           "hợp*), Hội đồng điền rồi lưu lại dạng .xlsx hoặc .ods."),
    "council.no_period_columns": ("Không tìm thấy các cột 'Mã', 'Điểm Hội đồng', 'Ghi chú Hội đồng' trong '{path}'. "
                                  "Hãy chọn bảng tổng hợp của kỳ do chương trình ghi (nút *Tải về* trên trang của kỳ "
                                  "sau khi bấm *Tổng hợp*; sheet Điểm chi tiết)."),
    "council.period_decision_not_read": ("{name} ({person}): cột Quyết định Hội đồng ghi '{value}', nhưng kỳ đánh "
                                         "giá không xét danh hiệu – lượt duyệt của Hiệu trưởng chỉ đọc Điểm Hội đồng "
                                         "và Ghi chú Hội đồng, nên quyết định này không được dùng. Danh hiệu xét một "
                                         "lần cho cả năm: ghi ở cột Quyết định Hội đồng của sheet Xếp loại năm trong "
                                         "bảng cả năm, rồi trên trang *Cả năm (từ các kỳ)* chọn bảng đó ở ô *Bảng cả "
                                         "năm Hội đồng đã ghi* và bấm *Tổng hợp cả năm*."),
    "history.quota_freed_vote": ("Sáng kiến của {names} đã dùng cho hình thức khen thưởng khác nên không được đề "
                                 "nghị CSTĐCS; suất trong chỉ tiêu được chia lại theo điểm: {given} vào suất đó "
                                 "nhưng Hội đồng chưa bỏ phiếu cho người này – chờ Hội đồng bỏ phiếu (ghi ở sheet "
                                 "Kiểm phiếu, rồi chọn bảng đó ở ô *Bảng tổng hợp Hội đồng đã ghi* và bấm lại *Tổng "
                                 "hợp*; chấm theo kỳ: ô *Bảng cả năm Hội đồng đã ghi* và nút *Tổng hợp cả năm*)."),
    # the year from its periods (the year's page *Cả năm (từ các kỳ)*, which reads the periods' summaries in ky/)
    "year.unreadable": ("Không đọc được '{file}' như một bảng tổng hợp kỳ (tệp hỏng hoặc không phải tệp Excel). Hãy "
                        "tổng hợp lại kỳ đó: mở trang của kỳ và bấm *Tổng hợp* (bảng mới được ghi vào thư mục ky/), "
                        "rồi bấm lại *Tổng hợp cả năm*."),
    "year.not_ours": ("'{file}' không phải bảng tổng hợp do chương trình ghi (không có thông tin nhận diện) – không "
                      "dùng; không cần sửa nếu tệp để đó có chủ ý. Điểm năm chỉ lấy từ bảng tổng hợp các kỳ do "
                      "chương trình ghi (nút *Tổng hợp* trên trang của từng kỳ)."),
    "year.no_people": ("'{file}' được ghi bởi phiên bản cũ, chưa mang điểm từng người cho cả năm – không dùng. Hãy "
                       "tổng hợp lại kỳ {period}: mở trang của kỳ đó và bấm *Tổng hợp* (thư mục nhận của kỳ vẫn còn "
                       "nguyên), rồi bấm lại *Tổng hợp cả năm*."),
    "year.period_refused": ("Bảng tổng hợp của {period} bị từ chối ({files}: lý do ở trên) – kỳ này chưa biết, không "
                            "phải chưa có: chưa xếp loại năm, chưa xét danh hiệu cho ai. Hãy tổng hợp lại kỳ đó (mở "
                            "trang của {period} và bấm *Tổng hợp*; bảng mới ghi vào ky/tong-hop_{period_code}.xlsx), "
                            "rồi bấm lại *Tổng hợp cả năm*."),
    "year.score_not_number": ("Điểm kỳ {period} của {name} ({person}) là '{value}', không phải một số: không dùng, "
                              "xếp loại năm của người này để chờ (không tính trên các kỳ khác). Hãy tổng hợp lại kỳ "
                              "đó (mở trang của kỳ {period} và bấm *Tổng hợp*) rồi bấm lại *Tổng hợp cả năm*."),
    "year.score_typed_over": ("Điểm xét của {name} ({person}) trong bảng tổng hợp {period} đã bị sửa tay thành "
                              "'{shown}', chương trình đã ghi {value} – cả năm dùng {value}, không dùng số sửa tay. "
                              "Muốn đổi điểm một kỳ: ghi điểm mới vào cột Điểm Hội đồng của bảng tổng hợp kỳ "
                              "(ky/tong-hop_{period_code}.xlsx), rồi trên trang của kỳ {period} chọn tệp đó ở ô "
                              "*Bảng tổng hợp kỳ Hiệu trưởng đã chấm* và bấm *Tổng hợp* (lượt duyệt của Hiệu "
                              "trưởng), sau đó bấm lại *Tổng hợp cả năm*."),
    "year.council_score_unapplied": ("Cột Điểm Hội đồng của {name} ({person}) trong bảng tổng hợp {period} ghi "
                                     "'{shown}' nhưng chưa được áp dụng – cả năm dùng {value}. Để áp dụng: trên "
                                     "trang của kỳ {period}, chọn bảng tổng hợp đó (ky/tong-hop_{period_code}.xlsx) "
                                     "ở ô *Bảng tổng hợp kỳ Hiệu trưởng đã chấm* và bấm *Tổng hợp*, rồi bấm lại "
                                     "*Tổng hợp cả năm*."),
    "year.score_out_of_range": ("Điểm kỳ {period} của {name} ({person}) là {value}, ngoài khoảng 0 – {max}: không "
                                "dùng, xếp loại năm của người này để chờ (không tính trên các kỳ khác). Hãy tổng hợp "
                                "lại kỳ đó (mở trang của kỳ {period} và bấm *Tổng hợp*) rồi bấm lại *Tổng hợp cả "
                                "năm*."),
    "year.meta_broken": ("'{file}': điểm từng người mà chương trình ghi kèm bảng tổng hợp kỳ bị hỏng hoặc bị sửa – "
                         "không dùng. Hãy tổng hợp lại kỳ đó: mở trang của kỳ và bấm *Tổng hợp* (bảng mới được ghi "
                         "vào thư mục ky/), rồi bấm lại *Tổng hợp cả năm*."),
    "year.part_not_number": ("Điểm {part} kỳ {period} của {name} ({person}) là '{value}', không phải một số: không "
                             "dùng – mục I của Phiếu xếp loại ghi phần này 'chưa có' (xếp loại năm vẫn tính theo "
                             "tổng điểm kỳ). Hãy tổng hợp lại kỳ đó (mở trang của kỳ {period} và bấm *Tổng hợp*) rồi "
                             "bấm lại *Tổng hợp cả năm*."),
    "year.part_out_of_range": ("Điểm {part} kỳ {period} của {name} ({person}) là {value}, ngoài khoảng 0 – {max}: "
                               "không dùng – mục I của Phiếu xếp loại ghi phần này 'chưa có' (xếp loại năm vẫn tính "
                               "theo tổng điểm kỳ). Hãy tổng hợp lại kỳ đó (mở trang của kỳ {period} và bấm *Tổng "
                               "hợp*) rồi bấm lại *Tổng hợp cả năm*."),
    "year.parts_not_total": ("Điểm hai phần kỳ {period} của {name} ({person}) là {general} + {tasks}, không bằng "
                             "tổng điểm kỳ {total}: không dùng – mục I của Phiếu xếp loại ghi cả hai phần 'chưa có' "
                             "(xếp loại năm vẫn tính theo tổng điểm kỳ). Hãy tổng hợp lại kỳ đó (mở trang của kỳ "
                             "{period} và bấm *Tổng hợp*) rồi bấm lại *Tổng hợp cả năm*."),
    "year.parts_old": ("'{file}' ({period}) do phiên bản trước của chương trình ghi, chưa mang điểm tiêu chí chung "
                       "và điểm kết quả thực hiện nhiệm vụ của từng người: mục I của Phiếu xếp loại ghi hai phần này "
                       "'chưa có' (không tính là 0), tổng điểm kỳ vẫn dùng. Muốn có hai phần, hãy tổng hợp lại kỳ "
                       "này (mở trang của kỳ {period} và bấm *Tổng hợp*; bảng mới ghi vào "
                       "ky/tong-hop_{period_code}.xlsx) rồi bấm lại *Tổng hợp cả năm*."),
    # the history book: the page's is always lich-su.xlsx in the campaign folder, a year added by *Ghi vào sổ lịch sử*
    # (the overview's row *Sổ lịch sử khen thưởng*, the year's page) from the year's final summary
    "year.pass_not_applied": ("{period}: bảng tổng hợp kỳ '{file}' được ghi mà chưa áp dụng lượt duyệt của Hiệu "
                              "trưởng đang giữ ở {kept}, nên kỳ này vẫn tính là chưa duyệt. Hãy mở trang của kỳ "
                              "{period} ({period_code}, sổ ở {inbox}) và bấm *Tổng hợp* để áp dụng lượt duyệt ấy, "
                              "rồi bấm *Tổng hợp cả năm*."),
    "history.year_draft": ("'{file}' là bảng cả năm {year} còn DỰ THẢO ({periods}) – chưa ghi vào sổ lịch sử: sổ "
                           "lịch sử chỉ ghi năm đã xong. Hãy tổng hợp các kỳ còn thiếu và chọn bảng Hiệu trưởng đã "
                           "chấm ở trang của từng kỳ, bấm lại *Tổng hợp cả năm* rồi *Ghi vào sổ lịch sử*; chắc chắn "
                           "muốn ghi năm như hiện có thì đánh dấu ô *Ghi dù năm chưa xong* trên trang *Cả năm (từ "
                           "các kỳ)* rồi bấm lại."),
    "history.year_draft_pre_council": ("'{file}' là bảng cả năm {year} còn DỰ THẢO ({periods}) và chưa qua Hội "
                                       "đồng – chưa ghi vào sổ lịch sử: sổ lịch sử chỉ ghi danh hiệu Hội đồng đã bình "
                                       "xét của năm đã xong. Hãy tổng hợp các kỳ còn thiếu và chọn bảng Hiệu trưởng đã "
                                       "chấm ở trang của từng kỳ, rồi trên trang *Cả năm (từ các kỳ)* chọn bảng Hội "
                                       "đồng đã điền ở ô *Bảng cả năm Hội đồng đã ghi*, bấm *Tổng hợp cả năm*, sau đó "
                                       "bấm *Ghi vào sổ lịch sử*; chắc chắn muốn ghi năm chưa xong thì vẫn cần bảng "
                                       "sau lượt Hội đồng ấy, rồi đánh dấu ô *Ghi dù năm chưa xong* và bấm *Ghi vào sổ "
                                       "lịch sử*."),
    "history.book_is_summary": ("'{file}' là bảng tổng hợp năm học {year} do chương trình ghi, không phải sổ lịch "
                                "sử: không dùng làm lịch sử và không ghi gì vào tệp này. Sổ lịch sử là lich-su.xlsx "
                                "trong thư mục chiến dịch: hãy đổi tên tệp này hoặc chuyển nó ra chỗ khác, rồi bấm "
                                "lại *Ghi vào sổ lịch sử* – chưa có sổ thì chương trình tạo sổ mới và ghi năm học từ "
                                "bảng tổng hợp cuối năm vào đó."),
    "history.book_is_department": ("'{file}' là sổ của tổ '{department}' do chương trình phát ra, không phải sổ lịch "
                                   "sử: không dùng làm lịch sử và không ghi gì vào tệp này. Sổ lịch sử là "
                                   "lich-su.xlsx trong thư mục chiến dịch: hãy đổi tên tệp này hoặc chuyển nó ra chỗ "
                                   "khác, rồi bấm lại *Ghi vào sổ lịch sử* – chưa có sổ thì chương trình tạo sổ mới."),
    "history.sheet_missing": ("Thiếu sheet '{sheet}' trong sổ lịch sử: phần lịch sử của sheet này coi như chưa biết "
                              "(các khen thưởng nhiều năm dựa vào nó để \"chưa đủ thông tin\"). Hãy khôi phục sheet "
                              "này: lấy từ bản lưu trước lich-su.<ngày>.xlsx, hoặc đổi tên sổ này (ví dụ "
                              "lich-su-cu.xlsx), bấm *Ghi vào sổ lịch sử* để chương trình tạo sổ mới rồi chép dữ "
                              "liệu sang; các sheet khác vẫn được đọc."),
    "history.summary_not_ours": ("'{file}' không phải bảng tổng hợp do chương trình ghi (không có thông tin nhận "
                                 "diện) – không dùng. Các năm trước khi dùng chương trình: hãy điền tay vào sổ lịch "
                                 "sử (lich-su.xlsx)."),
    "history.summary_period": ("'{file}' là bảng tổng hợp của kỳ '{period}' (năm học {year}), không phải cả năm – "
                               "không dùng. Hãy tổng hợp cả năm: mở trang *Cả năm (từ các kỳ)* và bấm *Tổng hợp cả "
                               "năm*, rồi bấm lại *Ghi vào sổ lịch sử*."),
    "history.summary_pre_council": ("'{summary}' (năm học {year}) là bảng tổng hợp trước Hội đồng: danh hiệu trong "
                                    "đó mới là đề nghị, chưa được bình xét – không ghi vào sổ lịch sử (năm sau sẽ "
                                    "tính danh hiệu nhiều năm từ sổ này). Hãy tổng hợp lại với kết quả Hội đồng để "
                                    "có bảng cuối cùng: trên trang *Chấm điểm thi đua*, chọn bảng Hội đồng đã điền ở "
                                    "ô *Bảng tổng hợp Hội đồng đã ghi* rồi bấm *Tổng hợp* (chấm theo kỳ: trên trang "
                                    "*Cả năm (từ các kỳ)*, ô *Bảng cả năm Hội đồng đã ghi* và nút *Tổng hợp cả "
                                    "năm*); sau đó bấm lại *Ghi vào sổ lịch sử*."),
    # the level above (the commune's page: *Tổng hợp các trường*, the officer's *Nhận* / *Bỏ* on the held proposals)
    "level_above.unreadable": ("Không đọc được '{file}' như một bảng tổng hợp của trường (tệp hỏng hoặc không phải "
                               "tệp Excel) – không dùng. Hãy đề nghị trường gửi lại bảng tổng hợp cuối năm do chương "
                               "trình thi đua ghi."),
    "level_above.meta_damaged": ("Dữ liệu ẩn của '{file}' bị hỏng hoặc bị sửa (không phải dữ liệu chương trình thi "
                                 "đua ghi) – không dùng, không xét đề nghị nào từ tệp này. Hãy đề nghị trường gửi lại "
                                 "bảng tổng hợp cuối năm do chương trình thi đua ghi."),
    "level_above.not_summary": ("'{file}' không phải bảng tổng hợp do chương trình thi đua ghi – không dùng. Thư mục "
                                "nhận (inbox/) chỉ để các bảng tổng hợp cuối năm các trường gửi về "
                                "(tong-hop-cuoi.xlsx)."),
    "level_above.schema_newer": ("'{file}' ({school}) được ghi bởi {release} (bố cục bảng tổng hợp số {found}); bản "
                                 "chương trình {current} đang dùng chỉ đọc tới số {supported} – chưa dùng được, trường "
                                 "không bị tính là chưa gửi. Hãy cập nhật chương trình: tải bản mới về, giải nén, rồi "
                                 "bấm đúp tệp cài đặt Cai-dat-thi-dua trong đó."),
    "level_above.before_seal": ("'{file}' ({school}) được ghi bởi một phiên bản chương trình trước khi có dấu xác "
                                "thực (bố cục bảng tổng hợp số {found}): không kiểm được nguồn gốc, các đề nghị của "
                                "trường được tạm giữ chờ công chức quyết định. Hãy đề nghị trường cập nhật chương "
                                "trình, nhập mã xã cấp vào sổ chiến dịch (sheet Trường), bấm lại *Tổng hợp* cả năm "
                                "(các sổ vẫn còn nguyên) rồi gửi lại bảng tổng hợp."),
    "level_above.older": ("'{file}' (năm học {year}) được ghi bởi phiên bản cũ, chưa mang đủ thông tin cho cấp trên "
                          "– không dùng. Hãy đề nghị trường cập nhật chương trình thi đua và bấm lại *Tổng hợp* (các "
                          "sổ của tổ vẫn còn nguyên)."),
    "level_above.before_council": ("Bảng tổng hợp của {school} chưa qua họp Hội đồng (chưa có kết quả bỏ phiếu): các "
                                   "đề nghị CSTĐCS được tạm giữ chờ công chức quyết định. Hãy đề nghị trường gửi "
                                   "bảng tổng hợp cuối cùng (trên trang của trường: chọn tệp ở ô *Bảng tổng hợp Hội "
                                   "đồng đã ghi* rồi bấm *Tổng hợp*)."),
    "level_above.origin_old_code": ("Bảng tổng hợp của {school} có dấu theo mã xác thực cũ (mã phiên bản trước 0.8 "
                                    "cấp, làm ra được từ mã chiến dịch in trong bảng tổng hợp của xã): dấu này không "
                                    "chứng minh tệp do trường gửi, cũng không chứng minh dữ liệu chưa bị sửa, vì ai có "
                                    "bảng tổng hợp của xã cũng đóng được dấu ấy; dấu vân tay {fingerprint}. Mọi đề "
                                    "nghị của tệp được tạm giữ chờ công chức quyết định, trường chưa tính là đã gửi. "
                                    "Cần làm: bấm *Xem mã* ở dòng của {school} trong bảng *Các trường* và gửi trường "
                                    "mã mới, riêng trường ấy, để thư ký nhập vào sheet Trường của campaign.xlsx rồi "
                                    "tổng hợp lại; hoặc gọi điện đối chiếu dấu vân tay với trường rồi nhận từng đề "
                                    "nghị."),
    "level_above.key_made": ("Đã tạo khóa bí mật của đơn vị ({file}, trong thư mục này). Mã xác thực của các trường "
                             "và dấu của bảng tổng hợp xã nay làm từ khóa này; mã cấp trước đây (phiên bản trước 0.8) "
                             "không còn dùng được. Cần làm: gửi riêng mỗi trường mã mới của mình (nút *Xem mã* ở "
                             "dòng của trường trong bảng *Các trường*). Giữ tệp {file} trong thư mục, sao lưu cùng "
                             "thư mục, không gửi cho ai."),
    "level_above.held": ("Tạm giữ {name} ({school}) – {title}: {why}. Chưa vào danh sách, tờ trình, dự thảo quyết "
                         "định, tệp nhập của tỉnh: công chức chọn *Nhận* hoặc *Bỏ* ở mục *Đề nghị tạm giữ chờ công "
                         "chức quyết định* trên trang chính, ghi lý do, rồi bấm *Ghi quyết định và tổng hợp lại*."),
    "level_above.key_missing": ("Không thấy tệp khóa bí mật '{file}' của đơn vị, trong khi thư mục này đã được dùng "
                                "với phiên bản có khóa (đã cấp mã cho các trường) – không làm gì, không ghi gì, không "
                                "tạo khóa mới. Hãy chép lại tệp {file} từ bản sao lưu của thư mục rồi tải lại trang "
                                "(F5). Nếu không còn bản nào: tạo khóa mới theo mục *Khóa bí mật của xã* trong hướng "
                                "dẫn, rồi gửi lại mã mới cho mọi trường (mã cũ hết dùng được)."),
    "level_above.key_unreadable": ("Tệp khóa bí mật '{file}' của đơn vị không đọc được (bị sửa, bị cắt, hoặc tệp "
                                   "khác mang tên này) – không làm gì, không ghi gì. Hãy chép lại tệp này từ bản sao "
                                   "lưu của thư mục rồi tải lại trang (F5). Không còn bản nào: tạo khóa mới theo mục "
                                   "*Khóa bí mật của xã* trong hướng dẫn (tệp hỏng được giữ lại bên cạnh), rồi gửi mã "
                                   "mới cho mọi trường."),
    "level_above.key_public": ("Khóa bí mật của đơn vị ({file}) là khóa của bộ mẫu đi kèm chương trình: ai cũng có, "
                               "nên ai cũng làm được mã xác thực và dấu của mọi trường. Cần làm: tạo khóa mới theo mục "
                               "*Khóa bí mật của xã* trong hướng dẫn, rồi gửi mỗi trường mã mới."),
    # the analysts' API (never on the page; worded for it all the same)
    "api.level_above": ("'{file}' là bảng tổng hợp của cấp trên (xã/phường, Sở) do chương trình ghi, không phải bảng "
                        "của một trường – bỏ qua. Hãy đọc các bảng tổng hợp của từng trường (thư mục inbox/ của cấp "
                        "trên)."),
    "api.unreadable": ("Không đọc được '{file}' như một bảng tổng hợp của chương trình thi đua (tệp hỏng, có mật "
                       "khẩu, không phải tệp Excel, hoặc thông tin nhận diện bị sửa tay) – bỏ qua. Hãy dùng đúng tệp "
                       "tong-hop-cuoi.xlsx do chương trình ghi."),
    "api.not_ours": ("'{file}' không phải bảng tổng hợp do chương trình ghi (không có thông tin nhận diện) – bỏ qua; "
                     "không cần sửa nếu tệp để đó có chủ ý. Chỉ đọc được các bảng tổng hợp cuối năm do chương trình "
                     "ghi (ví dụ tong-hop-cuoi.xlsx)."),
    "api.period": ("'{file}' là bảng tổng hợp của kỳ '{period}' (năm học {year}), không phải cả năm – bỏ qua. Hãy "
                   "dùng bảng tổng hợp cả năm (trên trang *Cả năm (từ các kỳ)*, nút *Tổng hợp cả năm*)."),
    "api.older": ("'{file}' (năm học {year}) do phiên bản cũ của chương trình ghi (bố cục bảng tổng hợp số {found}): "
                  "tệp chưa mang trường, tổ, chức vụ, giới tính, điểm và từng quyết định của mỗi người, mà các bảng "
                  "phân tích cần (từ bố cục số {needed}) – bỏ qua, không trả bảng rỗng. Hãy tổng hợp lại năm đó bằng "
                  "phiên bản này (trên trang *Chấm điểm thi đua*: chọn bảng Hội đồng đã điền, ví dụ hoi-dong.xlsx, ở "
                  "ô *Bảng tổng hợp Hội đồng đã ghi* rồi bấm *Tổng hợp*; các sổ các tổ gửi về vẫn còn)."),
    # the page itself and the mail
    "ui.csrf_refused": ("Yêu cầu này không đến từ chính trang thi đua (thiếu hoặc sai mã biểu mẫu) – không làm gì. "
                        "Hãy tải lại trang (F5) rồi bấm lại nút."),
    "ui.not_campaign": ("Thư mục {folder} không phải thư mục chiến dịch (không có campaign.xlsx hay cap-tren.xlsx). "
                        "Hãy mở trang từ thư mục chiến dịch của trường: bấm đúp tệp Mo-trang-thi-dua trong thư mục "
                        "đó, hoặc biểu tượng *Thi đua* trên màn hình nền; chưa có chiến dịch thì mở *Trang chính* của "
                        "trang này: trang hỏi cấp học và cách chấm điểm của trường rồi tạo chiến dịch."),
    "ui.no_port": ("Các cổng {first}–{last} đều đang bị chương trình khác dùng – không mở được trang. Hãy đóng các "
                   "cửa sổ đen của chương trình thi đua đang mở (nếu có) rồi bấm đúp lại tệp Mo-trang-thi-dua (hoặc "
                   "biểu tượng *Thi đua* trên màn hình nền); nếu vẫn không được, hãy khởi động lại máy rồi thử lại."),
    "mail.certificate": ("Chứng chỉ của máy chủ thư {host} không hợp lệ ({detail}): không gửi mật khẩu. Nếu đây là "
                         "máy chủ của trường tự cấp chứng chỉ, trang chưa lấy thư từ máy chủ này được: hãy lưu các "
                         "thư về máy (.eml) vào một thư mục trong thư mục chiến dịch rồi gõ tên thư mục đó ở ô *Thư "
                         "mục thư đã lưu (.eml)*, hoặc nhờ người hỗ trợ."),
    "year.person_unfinished": ("{name} ({person}): phiếu chấm {periods} chưa chấm xong (còn tiêu chí bắt buộc để "
                               "trống) – xếp loại năm của người này để chờ, không tính như kỳ nghỉ. Hãy để tổ chấm "
                               "nốt và gửi lại sổ, thả sổ vào trang của kỳ đó và bấm *Tổng hợp*, rồi bấm *Tổng hợp cả "
                               "năm*."),
}


# --- the run's log on the page ------------------------------------------------------------------------------------
# What a command says while it runs is the console's (text.commands and its neighbours): the page's log shows each line
# in the page's words — a line naming an option or a command by the page's version below (matched on the console's
# template, its values carried over), a problem by its page message (PAGE_MESSAGES), every path of the campaign folder
# relative to it.


def _page_lines() -> tuple[tuple[str, str], ...]:

    return (
        (ct.PERIOD_ASKED, "Kỳ đánh giá: {period} ({code})."),
        (ct.PERIOD_FOUND, "Kỳ đánh giá: {period} ({code})."),
        (ct.REPORT_PERIOD_NO_TITLES, "Kỳ {period}: điểm, xếp loại và xếp hạng của kỳ; không xét danh hiệu, không bỏ "
                                     "phiếu – danh hiệu thi đua xét một lần cho cả năm (trang *Cả năm (từ các kỳ)*, "
                                     "nút *Tổng hợp cả năm*)."),
        *((dx.APPLIED_AGAIN[kind], dx.APPLIED_AGAIN_PAGE[kind]) for kind in dx.APPLIED_AGAIN),
        (lx.OFFICER_AGAIN, "Đọc quyết định của công chức đã lưu để áp dụng lại: {file} (dấu vân tay {fingerprint}, "
                           "ghi lúc {saved})."),
        (ct.NOT_FOR_A_PERIOD.format(what=ct.DOCS_WHAT, period="{period}"),
         "Hồ sơ đề nghị không ghi cho kỳ {period}: kỳ đánh giá chỉ chấm điểm và xếp loại, không xét danh hiệu; danh "
         "hiệu thi đua, phiếu bầu và tờ trình là của cả năm – đánh dấu *Ghi cả hồ sơ* trên trang *Cả năm (từ các "
         "kỳ)*."),
        (dw.WARN_BEFORE_VOTE, "Các văn bản được viết trước khi Hội đồng bỏ phiếu: chưa có kết quả bỏ phiếu ({titles}). "
                              "Sau cuộc họp, ghi kết quả ở sheet Kiểm phiếu của bảng tổng hợp, chọn bảng đó ở ô *Bảng "
                              "tổng hợp Hội đồng đã ghi* (chấm theo kỳ: *Bảng cả năm Hội đồng đã ghi*) rồi bấm lại "
                              "để có văn bản cuối cùng."),
        (ct.NEW_YEAR_CHECK_HISTORY, "  - Sổ lịch sử (khen thưởng nhiều năm): thư mục mới chưa có kết quả năm học "
                                    "{old_year} (chưa có bảng tổng hợp cuối năm đã qua Hội đồng, hoặc lý do ở trên). "
                                    "Khi có: trên trang của năm học {old_year}, bấm *Ghi vào sổ lịch sử*, rồi chép tệp "
                                    "lich-su.xlsx của thư mục đó sang thư mục năm học mới."),
        (ct.NEW_YEAR_CHECK_DECREE, "  - Từ {since} viên chức được đánh giá theo tháng hoặc theo quý ({decree} điều 3 "
                                   "khoản 5), chiến dịch năm trước không chia kỳ: nếu Quy chế đánh giá của trường "
                                   "chấm theo kỳ, hãy khai báo các kỳ ở sheet Kỳ đánh giá (mẫu: mở trang của một thư "
                                   "mục trống, chọn cách chấm theo tháng, xem sheet Kỳ đánh giá của chiến dịch đó)."),
        (ct.INTERNAL_ERROR, "Lỗi nội bộ của chương trình ({error}). Hãy chép dòng này và báo cho người bảo trì."),
    )


def _pattern(template: str) -> re.Pattern[str]:
    """A console template as a pattern: its words as they are, each ``{name}`` any text (the same name twice: the
    same text)."""
    parts, seen = [], set()
    for literal, name, _spec, _conversion in string.Formatter().parse(template):
        parts.append(re.escape(literal))
        if name is not None:
            parts.append(f"(?P={name})" if name in seen else f"(?P<{name}>.*?)")
            seen.add(name)
    return re.compile("".join(parts), re.S)


def page_problems(problems) -> dict[str, str]:
    """Each of ``problems`` (a run's Issues) as the run said it → as the page says it (its page message): worded once
    for a whole log."""
    return {f"{found.severity_label}: {found.render()}": f"{found.severity_label}: {found.render(PAGE_MESSAGES)}"
            for found in problems}


def page_line(line: str, folder, problems: dict[str, str] | None = None) -> str:
    """One line a run said, as the page's log shows it: a problem by its page message (``problems``:
    :func:`page_problems`), a line naming a command by its page version, and every path inside the campaign folder
    ``folder`` (or beside it) relative to it."""
    stripped, indent = line.lstrip(), line[:len(line) - len(line.lstrip())]
    if problems and stripped in problems:
        line = indent + problems[stripped]
    else:
        for pattern, page in _compiled():
            matched = pattern.fullmatch(line)
            if matched is not None:
                line = page.format(**matched.groupdict())
                break
    base = str(folder)
    for prefix, shown in ((base + os.sep, ""), (str(folder.parent) + os.sep, ".." + os.sep)):
        line = line.replace(prefix, shown)
    return line


@functools.lru_cache(maxsize=1)
def _compiled() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((_pattern(cli), page) for cli, page in _page_lines())
