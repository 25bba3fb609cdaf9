"""The words of a person's word kept with its round (thidua_xlsx.steps.decisions): the registration read by the
year, the head's and the council's passes applied again, dropped on purpose, a year still running. DECISION_MESSAGES
is merged into text.messages; the console's lines are used by the commands."""

from __future__ import annotations

import datetime as dt


def saved_words(iso: str) -> str:
    """A file's saved time as people read it: "2026-11-26T01:31:25+07:00" → "01:31 ngày 26/11/2026" (as written
    where it is not a time)."""
    try:
        when = dt.datetime.fromisoformat(iso)
    except (TypeError, ValueError):
        return iso
    return f"{when:%H:%M} ngày {when:%d/%m/%Y}"

DECISION_MESSAGES = {
    "year.registration_used": "Đăng ký thi đua của năm lấy từ bảng tổng hợp đăng ký '{file}' (dấu vân tay "
                              "{fingerprint}, ghi lúc {saved}): {people} người, {units} tập thể đăng ký – dùng cho "
                              "cả năm, kể cả khi sổ của kỳ được tạo trước khi tổng hợp đăng ký.",
    "year.registration_from_periods": "{count} người không có trong bảng tổng hợp đăng ký '{file}' (người mới?): đăng "
                                      "ký lấy theo sổ kỳ gần nhất có ghi – {names}. Không cần sửa nếu đó đúng là "
                                      "người mới.",
    "year.registration_missing": "Chưa có bảng tổng hợp đăng ký thi đua (vòng đăng ký chưa tổng hợp): đăng ký của "
                                 "năm lấy theo sổ các kỳ, ai sổ kỳ ghi 'Chưa đăng ký' thì chưa được xét danh hiệu. "
                                 "Hãy tổng hợp vòng đăng ký (thư mục {inbox}) rồi tổng hợp lại cả năm.",
    "history.year_draft": "'{file}' là bảng cả năm {year} còn DỰ THẢO ({periods}) – chưa ghi vào sổ lịch sử: sổ "
                          "lịch sử chỉ ghi năm đã xong. Hãy tổng hợp và cho Hiệu trưởng duyệt các kỳ còn thiếu, tổng "
                          "hợp lại cả năm rồi ghi; chắc chắn muốn ghi năm như hiện có thì chạy lại với --chinh-thuc "
                          "(trên trang: đánh dấu ô Ghi dù năm chưa xong).",
    "history.year_draft_pre_council": ("'{file}' là bảng cả năm {year} còn DỰ THẢO ({periods}) và chưa qua Hội đồng "
                                       "– chưa ghi vào sổ lịch sử: sổ lịch sử chỉ ghi danh hiệu Hội đồng đã bình xét "
                                       "của năm đã xong. Hãy tổng hợp và cho Hiệu trưởng duyệt các kỳ còn thiếu, tổng "
                                       "hợp lại cả năm, cho Hội đồng bình xét (year --council) rồi ghi; chắc chắn muốn "
                                       "ghi năm chưa xong thì vẫn cần bảng sau lượt Hội đồng, rồi ghi với "
                                       "--chinh-thuc."),
    "year.pass_not_applied": "{period}: bảng tổng hợp kỳ '{file}' được ghi mà chưa áp dụng lượt duyệt của Hiệu trưởng "
                             "đang giữ ở {kept}, nên kỳ này vẫn tính là chưa duyệt. Hãy tổng hợp lại kỳ {period} "
                             "(thidua-xlsx merge {inbox} --period {period_code} --force) để áp dụng lượt duyệt ấy, "
                             "rồi tổng hợp lại cả năm.",
    "merge.rule_changed": "{name} ({who}) – {title}: {release} ghi '{before}' với cùng các sổ này, bản này tính "
                          "'{after}' – quy định của phiên bản đã thay đổi (xem CHANGELOG.md trong thư mục chương "
                          "trình). Hãy xem lại lý do ở bảng tổng hợp mới trước khi trình ký.",
    "year.draft": "Năm học chưa xong – bảng cả năm và hồ sơ là DỰ THẢO: {periods}. Điểm và xếp loại năm chỉ chính "
                  "thức khi mọi kỳ đã có kết quả Hiệu trưởng duyệt (NĐ 233/2026 điều 12 khoản 5: điểm năm là trung "
                  "bình các kỳ; điều 13 khoản 2: người đứng đầu đơn vị đánh giá). Hồ sơ in lúc này mang chữ DỰ THẢO; "
                  "sổ lịch sử chỉ ghi năm đã xong. Chạy lại tổng hợp cả năm khi mọi kỳ đã được duyệt.",
}

# A period of a person's year on the day of the run (model.evaluation.YearResults.period_of), one word each, printed
# from that one value on every paper, sheet, page and JSON: a period not begun is not one running, nor one missing.
PERIOD_WORDS = {
    "not_begun": "chưa đến kỳ",  # its first day not come
    "running": "chưa hết kỳ",  # its first day come, its last day not past
    "missing": "thiếu",  # over, and no score came for it
    "left": "đã chuyển",  # from the day the person moved to another school (NĐ 233/2026 điều 15 khoản 1 điểm a)
    "away": "nghỉ",  # wholly on leave (điều 14 khoản 2)
    "before_start": "chưa vào",  # ended before a newcomer's start
    "unfinished": "chưa chấm xong",  # a form returned with a required item blank: the year waits for it
    "unreadable": "điểm không đọc được",  # a score returned that could not be read back: the year waits for it
}
# What a year still running lacks, per period (the draft's reasons, listed in "year.draft"): a period not begun or
# running in the words of its state; "not_over", of the summaries written before the two were told apart (0.8.0).
DRAFT_REASONS = {
    "not_begun": "{period} " + PERIOD_WORDS["not_begun"],
    "running": "{period} " + PERIOD_WORDS["running"],
    "not_over": "{period} chưa hết kỳ",
    "not_merged": "{period} chưa tổng hợp",
    "not_passed": "{period} chưa có lượt Hiệu trưởng duyệt",
}


DRAFT_SPAN = "{count} kỳ ({first} – {last})"  # many periods for one reason, said short enough for a paper's header
DRAFT_LISTED = 3  # up to this many periods named one by one


def draft_text(periods) -> str:
    """The periods keeping a year a draft, (label, why) pairs in the year's order, in words grouped by why: "Tháng
    10/2026 chưa có lượt Hiệu trưởng duyệt; Tháng 11/2026 chưa hết kỳ; 6 kỳ (Tháng 12/2026 – Tháng 5/2027) chưa đến
    kỳ"."""
    grouped: dict[str, list[str]] = {}
    for label, why in periods:
        if why in DRAFT_REASONS:
            grouped.setdefault(why, []).append(label)
    return "; ".join(DRAFT_REASONS[why].format(period=", ".join(labels) if len(labels) <= DRAFT_LISTED else
                                               DRAFT_SPAN.format(count=len(labels), first=labels[0], last=labels[-1]))
                     for why, labels in grouped.items())

# The one name of the page's control that drops a pass kept with its round (the head's or the council's), used by
# the page and by every message that sends her to it.
DROP_PASS = "Bỏ lượt duyệt đã lưu"
# The console and the page, as a merge applies or drops a pass.
APPLIED_AGAIN = {
    "head": "Áp dụng lại lượt duyệt của Hiệu trưởng cho {round}: {file} (dấu vân tay {fingerprint}, ghi lúc {saved}). "
            f"Muốn bỏ lượt duyệt này: tổng hợp lại với --bo-duyet (trên trang: ô {DROP_PASS}).",
    "council": "Áp dụng lại kết quả họp Hội đồng cho {round}: {file} (dấu vân tay {fingerprint}, ghi lúc {saved}). "
               f"Muốn bỏ kết quả này: tổng hợp lại với --bo-duyet (trên trang: ô {DROP_PASS}).",
}
# The same, on the page's log: the box to tick, not an option to type.
APPLIED_AGAIN_PAGE = {
    "head": "Áp dụng lại lượt duyệt của Hiệu trưởng cho {round}: {file} (dấu vân tay {fingerprint}, ghi lúc {saved}). "
            f"Muốn bỏ lượt duyệt này: đánh dấu ô *{DROP_PASS}* rồi bấm *Tổng hợp*.",
    "council": "Áp dụng lại kết quả họp Hội đồng cho {round}: {file} (dấu vân tay {fingerprint}, ghi lúc {saved}). "
               f"Muốn bỏ kết quả này: đánh dấu ô *{DROP_PASS}* rồi bấm *Tổng hợp cả năm* (hay *Tổng hợp*).",
}
KEPT = "Đã lưu {file} để các lần tổng hợp sau của {round} tự áp dụng lại{replaced}."
# A campaign folder of an earlier release continued (commands.carried): what it left where this one no longer looks.
EARLIER_RELEASE = "phiên bản trước"
OUTCOME_WORDS = {"granted": "đạt", "refused": "không đạt", "pending": "chờ"}  # a title's outcome, in a rule's note
PERIOD_MOVED = ("Bảng tổng hợp {period} do phiên bản trước để ở thư mục chiến dịch ({file}) đã được chuyển vào "
                "{moved}, nơi phần Cả năm đọc: không cần tổng hợp lại.")
PERIOD_LEFT = ("Thư mục chiến dịch còn {file} (bảng tổng hợp {period} do phiên bản trước ghi) bên cạnh {used}: dùng "
               "{used}; tệp kia để nguyên, không đọc.")
PASS_CARRIED = {
    "head": ("Lượt duyệt của Hiệu trưởng nằm trong {file} ({release} ghi, trước khi lượt duyệt được lưu riêng) đã được "
             "giữ sang {kept}: lần tổng hợp này và các lần sau áp dụng lại, không mất điểm Hiệu trưởng đã sửa."),
    "council": ("Kết quả họp Hội đồng nằm trong {file} ({release} ghi, trước khi lượt duyệt được lưu riêng) đã được "
                "giữ sang {kept}: lần tổng hợp này và các lần sau áp dụng lại."),
}
KEPT_REPLACED = " (bản trước chuyển vào {aside})"
DROPPED = ("Đã bỏ {file} của {round} theo yêu cầu (chuyển vào {aside}, không xóa): bảng tổng hợp này không có lượt "
           "duyệt đó.")
NOTHING_TO_DROP = "{round} chưa có lượt duyệt nào được lưu: không có gì để bỏ."
DROP_AND_GIVE = ("Vừa đưa bảng duyệt (--council) vừa yêu cầu bỏ lượt duyệt (--bo-duyet): hãy chọn một – đưa tệp mới "
                 "thì tệp cũ tự được thay.")
PAPERS_AGAIN = "Hồ sơ trong {folder} được viết lại theo bảng tổng hợp mới, để hồ sơ và bảng tổng hợp nói cùng một điều."
DRAFT_HEAD = "DỰ THẢO"
DRAFT_LINE = "(Năm học chưa xong: {periods})"
APPLIED_HEAD = "Căn cứ đã áp dụng (quyết định của người có thẩm quyền)"
APPLIED_COLUMNS = ("Của ai", "Vòng", "Tệp", "Dấu vân tay", "Ghi lúc")
APPLIED_KIND = {"registration": "Đăng ký của các tổ", "head": "Hiệu trưởng duyệt kỳ", "council": "Hội đồng thi đua"}
ROUND_WORDS = {"dang-ky": "Đăng ký thi đua", "ca-nam": "Cả năm", "cham-diem": "Chấm điểm cuối năm"}
APPLIED_NONE = "Chưa áp dụng quyết định nào (chưa có bảng đăng ký, lượt Hiệu trưởng duyệt hay kết quả Hội đồng)."
DROP_HELP = ("Bỏ lượt duyệt của Hiệu trưởng (hay kết quả Hội đồng) đã lưu cho vòng này "
             "(hoi-dong/hieu-truong_<kỳ>.xlsx, hoi-dong_ca-nam.xlsx; ở xã: quyết định của công chức, "
             "hoi-dong/xa-duyet.xlsx): tệp được chuyển vào hoi-dong/cu/, bảng tổng hợp ghi lại không có nó. Không "
             "dùng cùng --council (tệp mới tự thay tệp cũ).")
FINAL_HELP = ("Ghi vào sổ lịch sử cả năm còn DỰ THẢO (còn kỳ chưa tổng hợp hay chưa có lượt Hiệu trưởng duyệt), như "
              "hiện có. Không có tùy chọn này, năm chưa xong không được ghi.")
REGISTRATION_FOUND = ("Đăng ký thi đua lấy từ bảng tổng hợp đăng ký {file}: phiếu của mỗi người ghi danh hiệu đã "
                      "đăng ký.")
BOOKS_BEFORE_REGISTRATION = (
    "Lưu ý: vòng đăng ký chưa tổng hợp, nên ô 'Đăng ký' của các phiếu kỳ này ghi 'Chưa đăng ký'. Các tổ vẫn chấm "
    "bình thường, không cần tạo lại sổ: khi tổng hợp cả năm, đăng ký lấy từ bảng tổng hợp đăng ký (tổng hợp vòng "
    "đăng ký trước khi tổng hợp cả năm).")
BEFORE_REGISTRATION_PAGE = {
    "merged": "Sổ của {count} tổ kỳ này được tạo trước khi tổng hợp đăng ký (ô Đăng ký ghi 'Chưa đăng ký'). Không "
              "cần tạo lại: cả năm lấy đăng ký từ bảng tổng hợp đăng ký {file}.",
    "not_merged": "Vòng đăng ký chưa tổng hợp: sổ của {count} tổ kỳ này ghi 'Chưa đăng ký' cho mọi người. Không cần "
                  "tạo lại sổ – hãy tổng hợp vòng đăng ký trước khi tổng hợp cả năm: cả năm lấy đăng ký từ đó.",
}
# The page's words (merged into text.ui.WORDS).
PAGE_WORDS = {
    "kept_head": "Lượt duyệt của Hiệu trưởng đã lưu:",
    "kept_council": "Kết quả họp Hội đồng đã lưu:",
    "kept_line": "{file} (dấu vân tay {fingerprint}, ghi lúc {saved}) – mỗi lần bấm Tổng hợp đều áp dụng lại; chọn "
                 "tệp mới thì tệp này được thay.",
    "drop_pass": DROP_PASS,
    "drop_hint": "khi bấm Tổng hợp (tệp được chuyển vào hoi-dong/cu/, không xóa)",
    "year_draft": "Năm học chưa xong – bảng cả năm và hồ sơ sẽ là DỰ THẢO:",
    "year_final_ok": "Mọi kỳ đã có lượt Hiệu trưởng duyệt: bảng cả năm là chính thức.",
    "history_final_box": "Ghi dù năm chưa xong (năm còn DỰ THẢO)",
}
