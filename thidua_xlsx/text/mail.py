"""The words of mail in and out: the drafts' subjects and bodies, what ``--thu`` and ``collect`` say, and
the coded problems of collecting (MAIL_MESSAGES, merged into text.messages)."""

from __future__ import annotations

# --- the drafts ---------------------------------------------------------------------------------------------------

NO_SENDER = "(để trống – thư không ghi người gửi)"  # a sender as said where the message names none
HEAD = "tổ trưởng"
SECRETARY = "Thư ký Hội đồng thi đua – khen thưởng"
AUTHORITY = "cơ quan quản lý"
NO_DEADLINE = "theo thông báo của nhà trường"
PERIOD_OF = " {period}"
SIGNATURE = "Trân trọng,\n{secretary}\n{school}"

BOOK_SUBJECT = "[Thi đua {year}] Sổ {round} – {department} (hạn {deadline})"
BOOK_STEPS_REGISTRATION = ("1. Mở tệp đính kèm bằng Excel (nếu Excel hỏi, bấm \"Enable Editing\").\n"
                           "2. Ghi danh hiệu đăng ký của từng người và của tổ vào các ô trắng; không đổi tên tệp, "
                           "không thêm hay xóa trang tính.\n"
                           "3. Lưu tệp, rồi trả lời thư này và đính kèm tệp đã điền.")
BOOK_STEPS_SCORING = ("1. Mở tệp đính kèm bằng Excel (nếu Excel hỏi, bấm \"Enable Editing\").\n"
                      "2. Mỗi người tự chấm ở cột Tự chấm, tổ chấm ở cột Tổ chấm; chỉ điền các ô trắng, không đổi "
                      "tên tệp, không thêm hay xóa trang tính.\n"
                      "3. Lưu tệp, rồi trả lời thư này và đính kèm tệp đã điền.")
BOOK_BODY = ("Kính gửi thầy/cô {head}, tổ trưởng {department},\n\n"
             "{school} gửi thầy/cô sổ {round} năm học {year} của tổ (tệp đính kèm: {file}).\n"
             "Hạn gửi lại: {deadline}.\n\n"
             "Xin thầy/cô:\n{steps}\n\n"
             "{sign}\n")

REMIND_SUBJECT = "[Thi đua {year}] Nhắc sổ {round} – {department} (hạn {deadline})"
REMIND_ERRORS_ATTACHED = ("còn {count} lỗi cần sửa (xem bản góp ý đính kèm thư này, tệp {file}: các ô cần sửa được tô "
                          "màu và ghi chú; sửa ngay trên tệp đó rồi gửi lại)")
REMIND_ERRORS_NO_COPY = "còn {count} lỗi cần sửa trong tệp {file}"

FEEDBACK_SUBJECT = "[Thi đua {year}] Góp ý sổ {round} – {department}"
FEEDBACK_BODY = ("Kính gửi thầy/cô {head}, tổ trưởng {department},\n\n"
                 "Sổ {round} năm học {year} của tổ đã được tổng hợp; tệp đính kèm ({file}) là bản góp ý: các ô cần "
                 "sửa được tô màu và ghi chú, danh sách đầy đủ ở trang Góp ý.\n"
                 "Xin thầy/cô sửa ngay trên tệp này, lưu lại và gửi lại trước {deadline} (trả lời thư này, đính "
                 "kèm tệp đã sửa).\n\n"
                 "{sign}\n")

AUTHORITY_SUBJECT = "[Thi đua {year}] {school} gửi hồ sơ thi đua – khen thưởng năm học {year}"
AUTHORITY_BODY = ("Kính gửi: {recipient},\n\n"
                  "{school} xin gửi bảng tổng hợp và hồ sơ đề nghị khen thưởng năm học {year}. Tệp đính kèm:\n"
                  "{files}\n{folders}\n"
                  "{sign}\n")
AUTHORITY_FOLDERS = ("Hồ sơ từng danh hiệu nằm trong các thư mục {names} của {folder}: báo cáo thành tích mỗi "
                     "người đã ký và các giấy tờ ghi trong Danh-muc-ho-so.txt, xin đính kèm thêm nếu cơ quan nhận "
                     "cần. Tờ trình đính kèm là bản chưa ký: hãy thay bằng bản đã ký (ký số) trước khi gửi.\n")

LEVEL_ABOVE_SUBJECT = "[Thi đua {year}] {authority} gửi kết quả tổng hợp thi đua – khen thưởng năm học {year}"
LEVEL_ABOVE_BODY = ("Kính gửi: {recipient},\n\n"
                    "{authority} xin gửi bảng tổng hợp đề nghị khen thưởng năm học {year} của các trường thuộc "
                    "{authority}. Tệp đính kèm:\n{files}\n\n"
                    "Trân trọng,\n{officer}\n{authority}\n")
LEVEL_ABOVE_RECIPIENT = "cơ quan cấp trên"
LEVEL_ABOVE_OFFICER = "Công chức phụ trách thi đua – khen thưởng"

DRAFTS_DONE = ("Đã soạn {count} thư nháp (.eml) trong {folder}: mở từng tệp bằng Outlook hoặc Thunderbird, xem lại "
               "rồi bấm Gửi.")
DRAFTS_IN_INBOX = "--thu {path}: thư mục thư nháp không được nằm trong thư mục nhận sổ {inbox}. Hãy chọn thư mục khác."
WHERE_DEPARTMENT = "campaign.xlsx, sheet Tổ, cột Email"
WHERE_AUTHORITY = "campaign.xlsx, sheet Trường, ô Email nơi nhận"
WHERE_LEVEL_ABOVE = "cap-tren.xlsx, sheet Đơn vị, ô Email nơi nhận hồ sơ (cấp trên)"
NO_ADDRESS = ("Chưa có địa chỉ e-mail của {who}: thư nháp vẫn được soạn nhưng dòng Người nhận để trống. Hãy gõ địa "
              "chỉ khi gửi, và ghi vào {where} để lần sau thư có sẵn người nhận.")
BAD_ADDRESS = ("Địa chỉ e-mail của {who} không đúng dạng: thư nháp vẫn được soạn nhưng dòng Người nhận để trống. "
               "Hãy sửa ở {where} (mỗi địa chỉ như ten@truong.edu.vn; nhiều địa chỉ thì cách nhau bằng dấu ;).")
TOO_BIG = ("Thư nháp gửi {who} lớn hơn {mb} MB: nhiều máy chủ thư sẽ từ chối. Hãy gửi các tệp đính kèm thành "
           "nhiều thư, hoặc qua Google Drive / OneDrive.")
NOTHING_TO_DRAFT = ("--thu: lần tổng hợp này không có gì để gửi qua thư. Thư nháp được soạn cho bản góp ý "
                    "(--feedback, khi có tổ cần sửa) và cho hồ sơ gửi cơ quan quản lý (--docs, bảng tổng hợp cuối "
                    "năm).")
NO_REMINDER_DRAFT = "--thu: không tổ nào cần nhắc, không soạn thư nháp nào."
THU_HELP = ("Soạn sẵn thư nháp (.eml, mở bằng Outlook/Thunderbird rồi bấm Gửi) vào thư mục DIR: mỗi tổ một thư "
            "kèm sổ của tổ (generate), mỗi lời nhắc (status --nhac), mỗi bản góp ý (merge --feedback), thư gửi cơ "
            "quan quản lý kèm bảng tổng hợp và hồ sơ (merge/year --docs); ở xã, mỗi trường một thư gửi mã xác "
            "thực (status; DIR ngoài thư mục của xã).")
THU_NEEDS_NUDGE = "--thu của status soạn thư nhắc: hãy dùng cùng --nhac."
THU_METAVAR = "DIR"

# --- collect --------------------------------------------------------------------------------------------------------

PASSWORD_VARIABLE = "THIDUA_MAT_KHAU"  # the environment variable a mailbox's password may come from
COLLECT_HELP = ("Lấy các sổ được gửi lại qua thư và xếp vào đúng thư mục nhận sổ của chiến dịch (theo mã ghi "
                "trong sổ). NGUỒN: một thư đã lưu (.eml) hoặc thư mục chứa các thư đó, hoặc hộp thư IMAP: "
                "imaps://ten@may-chu/INBOX (mã hóa ngay từ đầu, cổng 993) hoặc imap://ten@may-chu/INBOX (mã hóa "
                "bằng STARTTLS, cổng 143). Mật khẩu hộp thư: lấy từ biến môi trường " + PASSWORD_VARIABLE +
                " nếu có, hoặc từ trình quản lý mật khẩu của máy (keyring), nếu không thì được hỏi; không bao giờ "
                "ghi lại, và không được viết trong địa chỉ. THƯ_MỤC: thư mục chiến dịch (mặc định: thư mục hiện "
                "tại). Không thay đổi gì trong hộp thư. Tệp đính kèm chưa xếp được vì lỗi ngoài tệp (ổ đĩa đầy, tệp "
                "bị khóa) được lấy lại ở lần chạy sau.")
SOURCE_METAVAR = "NGUỒN"
FOLDER_METAVAR = "[THƯ_MỤC]"
DATE_METAVAR = "NGÀY"
SINCE_HELP = "Chỉ xem các thư nhận từ ngày này: ngày/tháng/năm, ví dụ 01/05/2026 (cũng nhận 01-05-2026, 2026-05-01)."
CAFILE_HELP = ("Tệp chứng chỉ (PEM) của máy chủ thư tự cấp chứng chỉ (máy chủ của trường): chỉ dùng khi được "
               "người quản trị đưa cho.")
PASSWORD_PROMPT = "Mật khẩu hộp thư {user}@{host}"
SOURCE_INVALID = ("'{source}' không phải thư đã lưu (.eml) hay thư mục thư đã lưu, cũng không phải địa chỉ hộp "
                  "thư dạng imaps://ten@may-chu/INBOX hay imap://ten@may-chu/INBOX. Hãy kiểm tra lại.")
MAILBOX_INVALID = ("'{source}' không phải địa chỉ hộp thư đúng dạng: cần tên đăng nhập và máy chủ, như "
                   "imaps://ten@may-chu/INBOX (cổng 993) hoặc imap://ten@may-chu/INBOX (STARTTLS, cổng 143). Hãy "
                   "kiểm tra lại.")
PASSWORD_IN_ADDRESS = ("Địa chỉ hộp thư {address} có viết kèm mật khẩu: chưa kết nối, không dùng. Mật khẩu viết "
                       "trong địa chỉ sẽ nằm lại trong lịch sử lệnh của máy và trong nhật ký của trang. Hãy bỏ phần "
                       "':mật-khẩu' khỏi địa chỉ; mật khẩu sẽ được hỏi khi chạy, hoặc đặt trong biến môi trường "
                       + PASSWORD_VARIABLE + ", hoặc lưu trong trình quản lý mật khẩu của máy (keyring).")
SINCE_FOLDER = "--since chỉ dùng với hộp thư IMAP; với thư mục, mọi thư trong thư mục đều được xem."
COLLECT_MESSAGE_HEAD = "Thư {message} (từ {sender}, {date}):"
COLLECT_BOOK_HEAD = "Tệp {file} (trong thư mục, không phải thư):"
COLLECT_BOOKS = (" Cùng {count} tệp sổ nằm sẵn trong thư mục (tải về, Zalo, USB) – xếp theo mã trong sổ như tệp "
                 "đính kèm.")
COLLECT_SUMMARY = ("Đã xem {messages} thư ({known} đã lấy từ trước), {attachments} tệp đính kèm: {filed} sổ đã xếp "
                   "vào thư mục nhận sổ, {same} đã có sẵn, {refused} bị từ chối, {other} không phải sổ của chiến dịch "
                   "(để nguyên).")
COLLECT_FILED = "  đã xếp: {name} → {path}"
COLLECT_SAME = "  đã có sẵn (giống hệt): {name} ({path})"
COLLECT_REFUSED = "  không xếp: {name} – {problem}"
COLLECT_NOT_OURS = "  không phải sổ của chiến dịch, để nguyên trong thư: {name}"
COLLECT_RETRY = "  chưa xếp được, lần chạy sau sẽ lấy lại từ thư: {name} (lý do ở dưới)"
COLLECT_LOOKED = " {count} thư khác đã xem từ trước mà không có sổ nào xếp được: không tải lại."
COLLECT_CUT = ("{count} thư đã xem từ trước có quá {limit} tệp đính kèm: các tệp sau tệp thứ {limit} chưa được xem, "
               "sổ trong đó (nếu có) chưa được xếp. Hãy nhờ người gửi gửi lại các tệp đó trong thư khác.")
COLLECT_RETRY_SUMMARY = ("{count} tệp đính kèm chưa xếp được vì lỗi ngoài tệp (xem ở trên): hãy khắc phục rồi lấy sổ "
                         "từ thư lần nữa – các tệp đó sẽ được lấy lại từ thư, các sổ đã xếp thì không bị xếp lại.")
COLLECT_STOPPED = ("Đã dừng giữa chừng: {reason} {filed} sổ đã xếp ở trên vẫn giữ nguyên (không có tệp nào ghi dở); "
                   "chạy lại lệnh để lấy tiếp – thư đã lấy xong không bị tải lại, sổ đã xếp không bị xếp lại.")

# The problems of collecting, coded (where → what is wrong → what to do), merged into text.messages.
MAIL_MESSAGES = {
    # a day typed at a door (collect's --since, the page's box): model.typed.typed_date
    "typed.date": "Ngày '{value}' không đọc được – chưa làm gì. Hãy gõ ngày/tháng/năm, năm đủ bốn chữ số, ví dụ "
                  "25/11/2026 (cũng nhận 25-11-2026 và 2026-11-25).",
    "mail.too_many_attachments": "Thư có {count} tệp đính kèm, quá {limit} tệp: chỉ xem {limit} tệp đầu, không xem "
                                 "{names}. Hãy nhờ người gửi chia thành nhiều thư.",
    "mail.attachment_too_big": "Tệp đính kèm '{name}' lớn hơn {limit} MB: không mở. Một sổ thi đua chỉ vài trăm KB; "
                               "hãy hỏi người gửi có gửi nhầm tệp không.",
    "mail.book_too_big": ("Tệp lớn hơn {limit} MB: không đọc. Một sổ thi đua chỉ vài trăm KB; tệp này không phải sổ "
                          "(hay tệp nén của các sổ) – để nguyên trong thư mục."),
    "mail.message_too_big": "Thư lớn hơn {limit} MB: không tải về. Một sổ thi đua chỉ vài trăm KB; hãy hỏi người gửi "
                            "có gửi nhầm tệp không.",
    "mail.malformed": "Một phần của thư bị hỏng, không đọc được ({detail}). Các tệp đính kèm khác vẫn được xem; nếu "
                      "thiếu sổ, hãy nhờ người gửi gửi lại.",
    "mail.unreadable": "Tệp thư không đọc được ({detail}). Hãy lưu lại thư từ chương trình thư (Lưu thành .eml).",
    "mail.tnef": "Tệp đính kèm '{name}' là winmail.dat của Outlook (định dạng TNEF): không đọc được tệp bên trong. "
                 "Hãy nhờ người gửi gửi lại sổ dưới dạng tệp đính kèm thường (Outlook: soạn thư ở dạng HTML hoặc "
                 "Văn bản thuần, không dùng Rich Text).",
    "mail.msg_unsupported": "Tệp '{name}' là thư lưu từ Outlook (.msg): chưa đọc được dạng này. Hãy mở thư trong "
                            "Outlook và lưu tệp đính kèm, hoặc kéo thư ra ngoài dưới dạng .eml (Tệp → Lưu thành).",
    "mail.other_sender": "Sổ '{name}' của {unit} được gửi từ {sender}, không phải địa chỉ ghi trong chiến dịch "
                         "({expected}). Vẫn đã xếp; hãy kiểm tra đúng người gửi.",
    "mail.other_sender_same": "Sổ '{name}' của {unit} được gửi từ {sender}, không phải địa chỉ ghi trong chiến dịch "
                              "({expected}); sổ giống hệt đã có trong thư mục nhận về nên không xếp thêm. Hãy kiểm "
                              "tra đúng người gửi.",
    "mail.login_failed": "Hộp thư {user}@{host} không nhận mật khẩu ({detail}). Hãy kiểm tra tên đăng nhập và mật "
                         "khẩu (Gmail, Outlook.com: dùng mật khẩu ứng dụng).",
    "mail.unreachable": "Không kết nối được máy chủ thư {host}:{port} ({detail}). Hãy kiểm tra tên máy chủ, cổng "
                        "(thường là 993 với imaps://, 143 với imap://) và mạng, rồi chạy lại.",
    "mail.timeout": "Máy chủ thư {host}:{port} không trả lời sau {seconds} giây. Hãy thử lại sau.",
    "mail.certificate": "Chứng chỉ của máy chủ thư {host} không hợp lệ ({detail}): không gửi mật khẩu. Nếu đây là máy "
                        "chủ của trường tự cấp chứng chỉ, hãy xin người quản trị tệp chứng chỉ và dùng --cafile.",
    "mail.no_mailbox": "Không mở được thư mục '{mailbox}' trên máy chủ ({detail}). Hãy kiểm tra tên (thường là INBOX).",
    "mail.cut": ("Kết nối với máy chủ thư bị ngắt giữa chừng ({detail}). Các sổ đã xếp vẫn giữ nguyên; hãy lấy thư lại "
                 "khi mạng ổn định: thư đã lấy không bị lấy lại."),
    "mail.not_filed_yet": "Tệp đính kèm '{name}' chưa xếp được vào '{folder}': {fault} Tệp vẫn còn nguyên trong thư: "
                          "hãy khắc phục rồi lấy sổ từ thư lần nữa – lần sau tệp này sẽ được lấy lại (các sổ đã xếp "
                          "thì không bị lấy lại).",
    "mail.no_starttls": "Máy chủ thư {host}:{port} không cho mã hóa kết nối (không có STARTTLS): mật khẩu sẽ đi qua "
                        "mạng không mã hóa, nên không gửi. Hãy dùng imaps://{host}:{imaps} nếu máy chủ có cổng đó, "
                        "hoặc hỏi người quản trị máy chủ thư.",
    "mail.port_speaks_plain": "Cổng {port} của máy chủ thư {host} là cổng IMAP thường (chưa mã hóa), không phải "
                              "IMAPS: hãy dùng imap://{host}:{port} (mã hóa bằng STARTTLS) hoặc imaps://{host}:{imaps}.",
    "mail.port_speaks_tls": "Cổng {port} của máy chủ thư {host} là cổng IMAPS (mã hóa ngay từ đầu), không dùng "
                            "STARTTLS: hãy dùng imaps://{host}:{port}.",
    "mail.not_imap": "Cổng {port} của máy chủ {host} không phải cổng IMAP (máy chủ trả lời: {answer}). Cổng IMAP "
                     "thường dùng: {imaps} với imaps://, {imap} với imap:// (STARTTLS). Hãy kiểm tra lại địa chỉ.",
}

# The commune's opening: each school's code, as a draft (status --thu at the level above)
CODE_SUBJECT = "{authority}: mã xác thực bảng tổng hợp thi đua năm học {year}"
CODE_BODY = ("Kính gửi {school},\n\n"
             "{authority} gửi trường mã xác thực năm học {year}: {code}\n\n"
             "Thư ký Hội đồng thi đua của trường mở campaign.xlsx, sheet Trường, ghi mã này vào ô \"Mã xác thực do cấp "
             "trên cấp\", lưu lại. Từ đó bảng tổng hợp cuối năm trường gửi lên mang dấu xác thực của trường; khi gửi, "
             "trường báo qua điện thoại dấu vân tay chương trình in ra để xã đối chiếu. Mã chỉ dùng cho năm học này, "
             "xin không chuyển cho trường khác.\n\n"
             "{officer}")
WHERE_SCHOOL = "cap-tren.xlsx, sheet Các trường, cột Email của trường"
CODE_DRAFTS_IN_FOLDER = ("--thu {path}: thư gửi mã xác thực mang mã của trường – bí mật như khóa của xã – nên không "
                         "soạn trong thư mục của xã {folder} (thư mục được sao lưu, chép đi cùng khóa). Chưa soạn gì. "
                         "Hãy chọn một thư mục ngoài, ví dụ: --thu \"{outside}\".")
CODE_DRAFTS_SECRET = ("Các thư này mang mã xác thực – bí mật như khóa của xã (chỉ tài khoản của bạn trên máy này đọc "
                      "được các tệp): mở từng thư, kiểm tra người nhận rồi gửi riêng cho đúng trường; gửi xong hãy xóa "
                      "các tệp ma_*.eml trong {folder}.")
CODE_DRAFTS_OUTSIDE = "{folder}-thu-ma"  # the folder offered for the code drafts: beside the commune's, not inside
