"""The words of mail in and out (issue 39): the drafts' subjects and bodies, what ``--thu`` and ``collect`` say, and
the coded problems of collecting (MAIL_MESSAGES, merged into text.messages)."""

from __future__ import annotations

# --- the drafts ---------------------------------------------------------------------------------------------------

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
            "quan quản lý kèm bảng tổng hợp và hồ sơ (merge/year --docs).")
THU_NEEDS_NUDGE = "--thu của status soạn thư nhắc: hãy dùng cùng --nhac."
THU_METAVAR = "DIR"

# --- collect --------------------------------------------------------------------------------------------------------

COLLECT_HELP = ("Lấy các sổ được gửi lại qua thư và xếp vào đúng thư mục nhận sổ của chiến dịch (theo mã ghi "
                "trong sổ). NGUỒN: một thư đã lưu (.eml) hoặc thư mục chứa các thư đó, hoặc hộp thư IMAP dạng "
                "imaps://ten@may-chu/INBOX (mật khẩu được hỏi, không ghi lại). THƯ_MỤC: thư mục chiến dịch (mặc "
                "định: thư mục hiện tại). Không thay đổi gì trong hộp thư.")
SOURCE_METAVAR = "NGUỒN"
FOLDER_METAVAR = "[THƯ_MỤC]"
DATE_METAVAR = "NGÀY"
SINCE_HELP = "Chỉ xem các thư nhận từ ngày này, dạng DD/MM/YYYY (ví dụ 01/05/2026)."
CAFILE_HELP = ("Tệp chứng chỉ (PEM) của máy chủ thư tự cấp chứng chỉ (máy chủ của trường): chỉ dùng khi được "
               "người quản trị đưa cho.")
PASSWORD_PROMPT = "Mật khẩu hộp thư {user}@{host}"
SINCE_INVALID = "Ngày '{value}' không đúng dạng DD/MM/YYYY (ví dụ 15/05/2026)."
SOURCE_INVALID = ("'{source}' không phải thư đã lưu (.eml) hay thư mục thư đã lưu, cũng không phải địa chỉ hộp "
                  "thư dạng imaps://ten@may-chu/INBOX. Hãy kiểm tra lại.")
SOURCE_PLAIN_IMAP = ("'{source}': chỉ kết nối hộp thư qua kết nối mã hóa (imaps://). Hãy dùng imaps:// (cổng 993), "
                     "mật khẩu không được gửi đi không mã hóa.")
SINCE_FOLDER = "--since chỉ dùng với hộp thư IMAP; với thư mục, mọi thư trong thư mục đều được xem."
COLLECT_MESSAGE_HEAD = "Thư {message} (từ {sender}, {date}):"
COLLECT_SUMMARY = ("Đã xem {messages} thư ({known} đã lấy từ trước), {attachments} tệp đính kèm: {filed} sổ đã xếp "
                   "vào thư mục nhận sổ, {same} đã có sẵn, {refused} bị từ chối, {other} không phải sổ của chiến dịch "
                   "(để nguyên).")
COLLECT_FILED = "  đã xếp: {name} → {path}"
COLLECT_SAME = "  đã có sẵn (giống hệt): {name} ({path})"
COLLECT_REFUSED = "  không xếp: {name} – {problem}"
COLLECT_NOT_OURS = "  không phải sổ của chiến dịch, để nguyên trong thư: {name}"
COLLECT_STOPPED = ("Đã dừng giữa chừng: {reason} {filed} sổ đã xếp ở trên vẫn giữ nguyên (không có tệp nào ghi dở); "
                   "chạy lại lệnh để lấy tiếp – thư đã lấy sẽ không bị lấy lại.")
COLLECT_NO_CAMPAIGN = ("Không tìm thấy chiến dịch (campaign.xlsx hoặc cap-tren.xlsx) trong '{folder}'. Hãy chỉ "
                       "FOLDER là thư mục chiến dịch.")

# The problems of collecting, coded (where → what is wrong → what to do), merged into text.messages.
MAIL_MESSAGES = {
    "mail.too_many_attachments": "Thư có {count} tệp đính kèm, quá {limit} tệp: chỉ xem {limit} tệp đầu, không xem "
                                 "{names}. Hãy nhờ người gửi chia thành nhiều thư.",
    "mail.attachment_too_big": "Tệp đính kèm '{name}' lớn hơn {limit} MB: không mở. Một sổ thi đua chỉ vài trăm KB; "
                               "hãy hỏi người gửi có gửi nhầm tệp không.",
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
    "mail.login_failed": "Hộp thư {user}@{host} không nhận mật khẩu ({detail}). Hãy kiểm tra tên đăng nhập và mật "
                         "khẩu (Gmail, Outlook.com: dùng mật khẩu ứng dụng).",
    "mail.unreachable": "Không kết nối được máy chủ thư {host}:{port} ({detail}). Hãy kiểm tra tên máy chủ, mạng, "
                        "rồi chạy lại.",
    "mail.timeout": "Máy chủ thư {host}:{port} không trả lời sau {seconds} giây. Hãy thử lại sau.",
    "mail.certificate": "Chứng chỉ của máy chủ thư {host} không hợp lệ ({detail}): không gửi mật khẩu. Nếu đây là máy "
                        "chủ của trường tự cấp chứng chỉ, hãy xin người quản trị tệp chứng chỉ và dùng --cafile.",
    "mail.no_mailbox": "Không mở được thư mục '{mailbox}' trên máy chủ ({detail}). Hãy kiểm tra tên (thường là INBOX).",
    "mail.cut": "Kết nối với máy chủ thư bị ngắt giữa chừng ({detail}).",
}
