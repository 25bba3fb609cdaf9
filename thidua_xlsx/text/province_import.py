"""The words of the province's import file (docs/domain.md §4b): the importer's header, the salutations,
what a template's catalogue is recognised by, and the messages of the mapping, the template and the export.
Merged into text.messages at its end."""

SHEET = "file nhận"  # the first sheet of the installation's template (the importer reads only the first sheet)
HEADERS = (  # row 1, columns A–I, as the importer's template heads them
    "STT", "Tên gọi (Ông/Bà/Chức danh)", "Tên tập thể/cá nhân/hộ gia đình", "Chức vụ", "Đơn vị công tác",
    "Phân loại khen thưởng", "Danh hiệu thi đua/Hình thức khen thưởng", "Phân loại đối tượng", "Lĩnh vực hoạt động",
)
CODE_HEADERS = (  # row 1, hidden columns R–U, when a mapping does not give its template's own
    "Mã Phân loại khen thưởng", "Mã Danh hiệu thi đua", "Mã phân loại đối tượng", "Mã Lĩnh vực hoạt động",
)
SALUTATIONS = {"nam": "Ông", "nu": "Bà"}  # the roster's gender, folded → column B (the importer: "Ông" → male)
KIND_LABELS = {"CANHAN": "Khen thưởng cá nhân", "TAPTHE": "Khen thưởng tập thể"}  # column F, by default
SPLIT_PART = "{file}: {rows} dòng"  # one file of a split export (province_import.split's {sizes})
DOCUMENT_TITLE = "Tệp nhập danh sách khen thưởng vào hệ thống thi đua – khen thưởng"

# What a template's catalogue is recognised by (folded, case and accents aside): the wording of a title the tool
# codes beyond its own name, the categories and the field a school's proposals take.
TITLE_WORDS = {
    "CSTD_TINH": ("Chiến sĩ thi đua cấp Bộ, ngành, tỉnh, đoàn thể trung ương",),
    "BK_TINH": ("Bằng khen cấp bộ, ban, ngành, tỉnh, đoàn thể trung ương", "Bằng khen của Chủ tịch UBND tỉnh",
                "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"),
}
DIRECT_CATEGORY = "Người trực tiếp công tác, lao động, học tập, chiến đấu và phục vụ chiến đấu"
# A school's head and deputies are leaders of a public service unit, not "từ phó phòng trở lên" (a rank of the
# state's administrative bodies): "Các cấp lãnh đạo khác" where the installation has it. Tổ trưởng and tổ phó
# teach: people working directly. Positions are matched by their first words, case and accents aside.
LEADER_CATEGORIES = {
    "Các cấp lãnh đạo khác": ("Hiệu trưởng", "Phó hiệu trưởng", "HT", "PHT", "Phó HT",
                              "P. Hiệu trưởng", "Giám đốc", "Phó giám đốc"),
    "Các cấp lãnh đạo từ phó phòng trở lên": ("Trưởng phòng", "Phó trưởng phòng", "Chánh văn phòng",
                                              "Phó chánh văn phòng"),
}
COLLECTIVE_CATEGORY = "Đơn vị sự nghiệp"  # a public school and its departments (đơn vị sự nghiệp công lập)
EDUCATION_FIELD = "Giáo dục - Đào tạo"
# Award forms are worded many ways: these spellings (folded) are the same words when a form is matched.
SAME_WORDS = (("uy ban nhan dan", "ubnd"), ("giao duc va dao tao", "gd&dt"), ("giao duc - dao tao", "gd&dt"),
              ("gd-dt", "gd&dt"), ("gddt", "gd&dt"), ("ubnd cap ", "ubnd "))
CODE_HEADER_WORDS = ("ma", "code", "id")  # a list sheet's first row is its header when its code cell starts so

WHAT = {  # what a mapping lacks (province_import.*'s {what})
    "title": "mã danh hiệu/hình thức '{title}'", "category": "mã phân loại đối tượng cho {kind}",
    "field": "mã lĩnh vực hoạt động '{field}'", "kind": "mã phân loại khen thưởng {kind}",
}
KIND_NAMES = {"CANHAN": "cá nhân", "TAPTHE": "tập thể"}
EXPECTED = {  # what a key of a mapping file should hold (province_import.bad_value's {expected})
    "object": "một đối tượng {…}", "list": "một danh sách […]", "text": "một chuỗi chữ",
    "code": "một mã viết trong dấu ngoặc kép (\"0003\"): chữ không dấu, số, '_', '-' hoặc '.', không có khoảng "
            "trắng, tối đa 40 ký tự",
    "kind": "CANHAN hoặc TAPTHE", "title": "một mã danh hiệu của chương trình (LDTT, CSTDCS, CSTD_TINH, TTLDTT, "
                                           "TTLDXS, BK_TINH, KNC_GD)",
    "bool": "true hoặc false", "last_row": "một số dòng từ 2 đến 100000", "whole_file": "(cả tệp)",
    "headers": "4 tiêu đề cột R, S, T, U",
}
TEMPLATE_NOTE = "Đọc từ tệp mẫu '{file}' của hệ thống: {titles} danh hiệu/hình thức, {categories} phân loại đối " \
                "tượng, {fields} lĩnh vực."
TEMPLATE_MISSING_NOTE = "Tệp mẫu không có: {what}. Hãy bổ sung vào tệp này trước khi xuất."

PROVINCE_IMPORT_MESSAGES = {
    # the mapping file (workbook_templates/nhap-tinh/<installation>.json)
    "province_import.mapping_unknown": "Chưa có bảng mã nhập tỉnh '{value}' (có: {choices}). Hãy chọn một bảng mã "
                                       "có sẵn, đọc bảng mã từ tệp mẫu của hệ thống, hoặc chỉ đường dẫn tới tệp .json "
                                       "(xem workbook_templates/SCHEMA.md).",
    "province_import.bad_json": "Bảng mã nhập tỉnh '{file}' không phải JSON hợp lệ (dòng {line}, cột {column}: "
                                "{problem}). Hãy sửa tệp theo workbook_templates/SCHEMA.md.",
    "province_import.missing_key": "Bảng mã nhập tỉnh '{file}': thiếu khóa '{key}'. Hãy bổ sung theo "
                                   "workbook_templates/SCHEMA.md.",
    "province_import.unknown_key": "Bảng mã nhập tỉnh '{file}': khóa '{key}' không dùng được (dùng được: {known}). "
                                   "Hãy sửa tên khóa theo workbook_templates/SCHEMA.md.",
    "province_import.bad_value": "Bảng mã nhập tỉnh '{file}': khóa '{key}' có giá trị '{value}' không hợp lệ (cần "
                                 "{expected}). Hãy sửa tệp theo workbook_templates/SCHEMA.md.",
    "province_import.duplicate": "Bảng mã nhập tỉnh '{file}': khóa '{key}' lặp lại '{value}' đã có ở '{first}'. Mỗi "
                                 "danh hiệu, cách gọi và mã chỉ được ghi một lần: hãy xóa một trong hai.",
    # an installation's own template read for its codes
    "province_import.template_unreadable": "Không đọc được tệp mẫu '{file}' (hỏng, có mật khẩu hoặc không phải bảng "
                                           "tính). Hãy tải lại tệp mẫu từ hệ thống thi đua – khen thưởng của tỉnh.",
    "province_import.template_no_access": "Không mở được tệp mẫu '{file}' (không có quyền đọc hoặc không tồn tại). "
                                          "Hãy kiểm tra đường dẫn.",
    "province_import.template_layout": "Tệp mẫu '{file}': sheet đầu tiên '{sheet}' không có tiêu đề của mẫu nhập ở "
                                       "dòng 1 (ô {cell} cần '{expected}', đang là '{value}'). Hãy dùng đúng tệp mẫu "
                                       "nhập danh sách (sheet 'file nhận') tải từ hệ thống.",
    "province_import.template_no_codes": "Tệp mẫu '{file}' không có danh mục mã nào (cột R–U của sheet đầu hoặc các "
                                         "sheet danh mục: tên ở một cột, mã ở cột bên phải). Hãy dùng tệp mẫu tải từ "
                                         "hệ thống, có sẵn các sheet danh mục.",
    "province_import.template_conflict": "Tệp mẫu '{file}' · sheet {sheet}: '{value}' có hai mã khác nhau ({first} và "
                                         "{second}); chương trình giữ mã {first}. Hãy kiểm tra danh mục của hệ thống.",
    "province_import.template_shared_code": "Tệp mẫu '{file}' · sheet {sheet}: '{value}' dùng lại mã {shared} của "
                                            "'{first}'; chương trình giữ '{first}'. Hãy kiểm tra danh mục của hệ "
                                            "thống.",
    "province_import.template_missing": "Tệp mẫu '{file}' không có {what}: các dòng cần mã này sẽ không được xuất. "
                                        "Hãy bổ sung vào bảng mã đã ghi (xem workbook_templates/SCHEMA.md).",
    # the export
    "province_import.no_title_code": "{name} ({unit}): '{title}' chưa có mã trong bảng mã '{mapping}' nên không ghi "
                                     "vào tệp nhập. Hãy thêm mã danh hiệu/hình thức này vào bảng mã (xem "
                                     "workbook_templates/SCHEMA.md) hoặc đọc lại mã từ tệp mẫu của hệ thống.",
    "province_import.gender_unknown": "{name} ({unit}): chưa rõ giới tính (Nam/Nữ) nên không ghi vào tệp nhập — hệ "
                                      "thống đọc 'Ông' là nam, còn lại là nữ. Hãy ghi giới tính ở danh sách nhân sự "
                                      "của trường rồi tổng hợp lại.",
    "province_import.no_category": "{name} ({unit}): bảng mã '{mapping}' không có phân loại đối tượng cho {kind} "
                                   "(chức vụ '{position}') nên không ghi vào tệp nhập. Hãy thêm một phân loại "
                                   "\"default\" cho {kind} vào bảng mã.",
    "province_import.no_field": "{name} ({unit}): bảng mã '{mapping}' không có mã lĩnh vực hoạt động nên không ghi "
                                "vào tệp nhập. Hãy thêm khóa \"field\" vào bảng mã.",
    "province_import.no_name": "Một dòng của {unit} ('{title}') không có tên nên không ghi vào tệp nhập. Hãy kiểm tra "
                               "tệp tổng hợp của trường.",
    "province_import.kind_unknown": "{name} ({unit}): loại '{kind}' không phải cá nhân (CANHAN) hay tập thể (TAPTHE) "
                                    "nên không ghi vào tệp nhập.",
    "province_import.split": "{count} dòng, nhiều hơn {limit} dòng một tệp hệ thống nhận (từ dòng {first} đến dòng "
                             "{last}): đã chia thành {files} tệp ({sizes}). Hãy nhập lần lượt từng tệp.",
    "province_import.nothing": "Không có dòng nào ghi được vào tệp nhập tỉnh ({refused} dòng không ghi được, xem các "
                               "thông báo trên): không tạo tệp.",
    "province_import.stale": "Trong thư mục còn tệp '{file}' của một lần xuất trước, không thuộc lần xuất này: đừng "
                             "nhập tệp đó vào hệ thống (hãy xóa hoặc chuyển đi).",
}
