"""Interface text in Vietnamese (the default) and English (`--lang en`)."""

from __future__ import annotations

from enum import StrEnum


class Lang(StrEnum):
    VI = "vi"
    EN = "en"


_TEXT: dict[str, tuple[str, str]] = {
    "award": ("Danh hiệu / hình thức", "Award"),
    "level": ("Cấp khen", "Level"),
    "kind": ("Đối tượng", "Kind"),
    "category": ("Loại", "Category"),
    "unit": ("Đơn vị", "Unit"),
    "issuer": ("Cơ quan khen", "Issuer"),
    "status": ("Trạng thái (trống: đã khen)", "Status (blank: awarded)"),
    "method": ("Loại hình (trống: thường xuyên, không ghi)", "Method (blank: year-end or unsaid)"),
    "year": ("Năm", "Year"),
    "count": ("Số lượt", "Count"),
    "total": ("Tổng", "Total"),
    "grand_total": ("Tổng cộng", "Grand total"),
    "title": ("KẾT QUẢ THI ĐUA, KHEN THƯỞNG {years}", "EMULATION AND COMMENDATION RESULTS {years}"),
    "loading": ("Đang đọc tệp", "Reading files"),
    "no_records": ("Không có bản ghi nào trong các năm đã chọn.", "No records in the selected years."),
    "summary": (
        "Đã đọc {files}, {tables} trong {sheets}; tính {counted} ({years}).",
        "Read {files}, {tables} in {sheets}; counted {counted} ({years}).",
    ),
    "outside": ("{n} ngoài các năm đã chọn, không tính.", "{n} outside the selected years, left out."),
    "legacy": ("Đã chuyển mã TCVN3/VNI sang Unicode: {files}.", "Decoded legacy TCVN3/VNI text: {files}."),
    "skipped_files": ("Tệp bị bỏ qua ({n}):", "Files skipped ({n}):"),
    "empty_files": (
        "Tệp không có danh sách khen thưởng nào, không có gì được tính ({n}):",
        "Files holding no award list, nothing counted ({n}):",
    ),
    "skipped_sheets": ("Trang tính không có danh sách khen thưởng ({n}):", "Sheets without an award list ({n}):"),
    "proposals": (
        "Đề nghị, chưa được khen — không tính ({n}):",
        "Proposed, not awarded — not counted ({n}):",
    ),
    "not_awards": (
        "Không phải danh hiệu, hình thức khen thưởng của Luật (kết quả hội thi, xếp loại) — không tính ({n}):",
        "No award of the Law (contest results, appraisal grades) — not counted ({n}):",
    ),
    "sheet_problems": ("Trang tính đọc không trọn vẹn ({n}):", "Sheets not read in full ({n}):"),
    "unrecognised": ("Dòng không được tính ({n}):", "Rows not counted ({n}):"),
    "more": (
        "… và {n} dòng khác (ghi đầy đủ bằng --problems FILE).",
        "… and {n} more (write all with --problems FILE).",
    ),
    "written": ("Đã ghi {path}", "Wrote {path}"),
    "xml_replaced": (
        "{n} ô có ký tự điều khiển (không lưu được trong tệp Excel) đã được thay bằng �.",
        "{n} cells held control characters (not storable in a workbook); replaced by �.",
    ),
    "cache_mismatch": (
        "Bộ nhớ đệm sai với {n} tệp (đã đọc lại và thay): {files}",
        "The cache was wrong about {n} files (read again and replaced): {files}",
    ),
    "own_output": (
        "Bỏ qua {n} tệp do thidua tạo ra (bảng tổng hợp, bản sao có đánh dấu, mẫu): {files}",
        "Skipped {n} files written by thidua (summaries, annotated copies, templates): {files}",
    ),
    "parquet_missing": (
        "--format parquet cần gói bổ sung pyarrow; cài bằng: {hint}",
        "--format parquet needs the optional pyarrow extra; install it with: {hint}",
    ),
    "missing_path": ("Không tìm thấy: {path}", "Not found: {path}"),
    "nothing_read": (
        "Không đọc được tệp bảng tính nào (.xlsx, .xlsm, .xls, .ods) trong: {paths}",
        "No spreadsheet (.xlsx, .xlsm, .xls, .ods) could be read in: {paths}",
    ),
    "error": ("Lỗi", "Error"),
    "internal": (
        "Lỗi không mong đợi: {error}. Chạy lại với --debug và gửi kết quả cho nhóm phát triển.",
        "Unexpected error: {error}. Run again with --debug and send the output to the developers.",
    ),
    "aliases": ("Cách viết khác", "Aliases"),
    "levels": ("Cấp khen", "Levels"),
    "kinds": ("Đối tượng", "Kinds"),
    "issuers": ("Cơ quan khen thưởng", "Issuers"),
    "catalogue_sources": ("Nguồn danh mục: {sources}", "Catalogue sources: {sources}"),
    "check_error": ("LỖI", "ERROR"),
    "check_warning": ("CẢNH BÁO", "WARNING"),
    "check_summary": (
        "{file}: {errors} lỗi, {warnings} cảnh báo.",
        "{file}: {errors} errors, {warnings} warnings.",
    ),
    "where": ("Tệp / trang / dòng", "File / sheet / row"),
    "validate_title": ("KẾT QUẢ KIỂM TRA DANH SÁCH", "VALIDATION RESULTS"),
    "cell": ("Ô", "Cell"),
    "row": ("Dòng", "Row"),
    "column": ("Cột", "Column"),
    "value": ("Giá trị", "Value"),
    "severity": ("Mức độ", "Severity"),
    "code": ("Mã", "Code"),
    "file_level": ("(cả tệp)", "(whole file)"),
    "sheet_level": ("(cả trang)", "(whole sheet)"),
    "validate_file_line": ("{file}: {errors}, {warnings}", "{file}: {errors}, {warnings}"),
    "validate_total": (
        "Tổng: {files}, {errors}, {warnings}.",
        "Total: {files}, {errors}, {warnings}.",
    ),
    "validate_clean": ("Không phát hiện lỗi nào.", "No problems found."),
    "annotate_failed": (
        "{file}: không làm được bản sao có đánh dấu ({reason}); các bản khác vẫn được ghi.",
        "{file}: no annotated copy could be made ({reason}); the others are written.",
    ),
    "annotated": ("Đã ghi {n} bản có đánh dấu vào {path}", "Wrote {n} annotated copies to {path}"),
    "error_sev": ("lỗi", "error"),
    "info_sev": ("ghi chú", "note"),
    "history_none": ('Không tìm thấy "{who}" trong các danh sách.', '"{who}" is in none of the lists.'),
    "history_same_name": (
        "{n} người cùng tên ở {units} đơn vị (tách riêng; dùng --unit hoặc --merge-units).",
        "{n} people share this name in {units} units (shown apart; use --unit or --merge-units).",
    ),
    "h_year": ("Năm", "Year"),
    "h_award": ("Danh hiệu / hình thức", "Award"),
    "h_level": ("Cấp khen", "Level"),
    "h_issuer": ("Cơ quan khen", "Issuer"),
    "h_decision": ("Số quyết định", "Decision"),
    "h_unit": ("Đơn vị", "Unit"),
    "units_merged": ("{n} đơn vị, gộp theo --merge-units", "{n} units, merged by --merge-units"),
    "h_source": ("Nguồn (tệp › trang › dòng)", "Source (file › sheet › row)"),
    "eligible_title": ("ĐỦ ĐIỀU KIỆN ĐỀ NGHỊ KHEN THƯỞNG — NĂM {year}", "ELIGIBLE FOR A HIGHER AWARD — {year}"),
    "eligible_count": ("{n} đề nghị đủ điều kiện theo danh sách.", "{n} candidates on the lists."),
    "e_who": ("Cá nhân / tập thể", "Recipient"),
    "e_target": ("Đề nghị", "Target"),
    "e_rule": ("Quy tắc", "Rule"),
    "e_evidence": ("Căn cứ (năm: danh hiệu — nguồn)", "Evidence"),
    "e_verify": ("Cần xác minh", "To verify"),
    "unconfirmed": ("(quy tắc chưa được xác nhận)", "(rule unconfirmed)"),
    "cache_cleared": ("Đã xoá {n} mục trong {path}", "Removed {n} entries from {path}"),
    "warning_sev": ("cảnh báo", "warning"),
    "message": ("Nội dung", "Message"),
    "duplicate_files": (
        "Tệp trùng nội dung với tệp khác, chỉ đọc một lần ({n}):",
        "Files with the same content as another, read once ({n}):",
    ),
    "merged": ("Bản ghi trùng, chỉ tính một lần ({n}):", "Duplicate records, counted once ({n}):"),
    "warnings": ("Cảnh báo, bản ghi vẫn được tính ({n}):", "Warnings, the records are counted ({n}):"),
    "summary_line": (
        "Tóm tắt: đã đọc {files}; tính {counted} ({years}); gộp {merged}{copies}; "
        "{rows} không tính{reasons}; bỏ qua {skipped}{empty}.",
        "Summary: read {files}; counted {counted} ({years}); merged {merged}{copies}; {rows} not "
        "counted{reasons}; skipped {skipped}{empty}.",
    ),
    "summary_empty": ("; {n} không có danh sách khen thưởng", "; {n} with no award list"),
    "summary_copies": (" và {n} trùng nội dung", " and {n} with repeated content"),
    "more_sheets": (
        "… và {n} trang tính khác (ghi đầy đủ bằng --problems FILE).",
        "… and {n} more (write all with --problems FILE).",
    ),
    "interrupted": ("Đã dừng.", "Stopped."),
    "verify": ("cần xác minh: {what}", "to verify: {what}"),
    "eligible_none": (
        "Không có ai đủ điều kiện theo danh sách (năm {year}).",
        "Nobody on the lists is eligible ({year}).",
    ),
    "years_bad": (
        "năm không hợp lệ: '{text}'. Ví dụ: 2015-2020, 2019, 2015,2017-2018",
        "invalid years: '{text}'. For example: 2015-2020, 2019, 2015,2017-2018",
    ),
    "years_reversed": (
        "khoảng năm '{part}': năm đầu lớn hơn năm cuối; có phải {fixed}?",
        "year range '{part}': the first year is after the last; did you mean {fixed}?",
    ),
    "years_out": (
        "khoảng năm '{part}' ngoài {low}-{high}",
        "year range '{part}' is outside {low}-{high}",
    ),
    "by_bad": ("--by không hợp lệ: {bad}. Chọn trong: {choices}", "invalid --by: {bad}. Choose from: {choices}"),
    "by_repeated": ("--by lặp lại một chiều: {text}", "--by repeats a dimension: {text}"),
    "csv_given": (
        "chưa đọc tệp .csv ({path}): mở bằng Excel và lưu thành .xlsx (Tệp → Lưu thành → Sổ làm việc Excel).",
        "CSV files are not read ({path}): open it in Excel and save it as .xlsx (File → Save As → Excel Workbook).",
    ),
    "both_outputs": ("cần đúng một trong --output/-o hoặc --split", "give exactly one of --output or --split"),
    "needs_output": ("--format {fmt} cần --output/-o", "--format {fmt} needs --output"),
    "unknown_unit": ("(không rõ đơn vị)", "(unit unknown)"),
    "award_short": ("Danh hiệu", "Award"),
    "level_short": ("Cấp", "Level"),
    "kind_short": ("Đ.tượng", "Kind"),
    "unit_short": ("Đơn vị", "Unit"),
    "issuer_short": ("Cơ quan", "Issuer"),
    "category_short": ("Loại", "Category"),
    "year_short": ("Năm", "Year"),
    "kinds_short": ("CN: cá nhân, TT: tập thể, HGĐ: hộ gia đình.", "CN: individual, TT: collective, HGĐ: household."),
    # eligibility: the sentence around the rule files' values (awards, levels, citations stay as written)
    "r_or": (" hoặc ", " or "),
    "r_consecutive": ("{years} năm liên tục đạt {names}", "{names} in {years} consecutive years"),
    "r_cycles": (
        "{times} lần liên tục {names} (mỗi lần một chu kỳ {span} năm)",
        "{names} {times} times in a row (one cycle of {span} years each)",
    ),
    "r_in_window": (
        "ít nhất {n} lần {award}{levels} trong {span} năm",
        "at least {n} × {award}{levels} in {span} years",
    ),
    "r_prior": (
        "đã có {award}{levels} trước {span} năm xét",
        "{award}{levels} held before the {span} years considered",
    ),
    "r_any": ("có {names} trong {span} năm", "{names} in {span} years"),
    "r_meets_one": ("đáp ứng một tiêu chuẩn của {article}", "meets one standard of {article}"),
    "r_meets": ("đáp ứng tiêu chuẩn {standard} {article}", "meets standard {standard} of {article}"),
    "r_kind": ("quy tắc dành cho {kind}", "the rule is for: {kind}"),
    "r_held": (
        "đã có {award} ({level}) năm {year} trong khoảng xét",
        "already holds {award} ({level}) from {year}, within the period considered",
    ),
    "r_met": (
        "{meets}; là một trong các tiêu chuẩn của điều này",
        "{meets}; one of the article's alternative standards",
    ),
    "r_missing": ("thiếu năm {years}", "missing year {years}"),
    "r_count": ("có {n}", "{n} found"),
    "r_found": ("có", "found"),
    "r_none": ("không có", "none"),
    "r_before": ("trước {year}", "before {year}"),
    "years_dropped": (
        "Cửa sổ hẹp: chỉ hiện tổng; mở rộng cửa sổ hoặc dùng --format csv để xem từng năm.",
        "Narrow window: totals only; widen it or use --format csv for each year.",
    ),
}

# Category names (the section rows of the tables) in English; the values themselves stay Vietnamese.
CATEGORY_EN = {
    "Danh hiệu thi đua": "Emulation titles",
    "Danh hiệu vinh dự Nhà nước": "State honorary titles",
    "Hình thức khen thưởng": "Forms of commendation",
}


def category(name: str, lang: str = "vi") -> str:
    """The section row of a table: "DANH HIỆU THI ĐUA" or "EMULATION TITLES"."""
    return (CATEGORY_EN.get(name, name) if lang == Lang.EN else name).upper()


NOUNS: dict[str, tuple[str, str]] = {
    "file": ("tệp", "file"),
    "table": ("bảng", "table"),
    "sheet": ("trang tính", "sheet"),
    "record": ("bản ghi", "record"),
    "duplicate": ("bản ghi trùng", "duplicate record"),
    "row": ("dòng", "row"),
    "error": ("lỗi", "error"),
    "warning": ("cảnh báo", "warning"),
}


def how_many(n: int, noun: str, lang: str = "vi") -> str:
    """ "3.323 bản ghi", "1 error", "2 errors" (a Vietnamese noun does not change with the number)."""
    vi, en = NOUNS[noun]
    if lang != Lang.EN:
        return f"{number(n, lang)} {vi}"
    return f"{number(n, lang)} {en}" + ("" if n == 1 else "s")


def t(name: str, lang: str = "vi", **values: object) -> str:
    vi, en = _TEXT[name]
    return (en if lang == Lang.EN else vi).format(**values)


def number(n: int, lang: str = "vi") -> str:
    """3323 → "3.323" in Vietnamese, "3,323" in English."""
    text = f"{n:,}"
    return text.replace(",", ".") if lang != Lang.EN else text
