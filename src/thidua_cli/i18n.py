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
    "year": ("Năm", "Year"),
    "count": ("Số lượt", "Count"),
    "total": ("Tổng", "Total"),
    "grand_total": ("Tổng cộng", "Grand total"),
    "title": ("KẾT QUẢ THI ĐUA, KHEN THƯỞNG {years}", "EMULATION AND COMMENDATION RESULTS {years}"),
    "loading": ("Đang đọc tệp", "Reading files"),
    "no_records": ("Không có bản ghi nào trong các năm đã chọn.", "No records in the selected years."),
    "summary": (
        "Đã đọc {files} tệp, {tables} bảng trong {sheets} trang tính; tính {counted} bản ghi ({years}).",
        "Read {files} files, {tables} tables in {sheets} sheets; counted {counted} records ({years}).",
    ),
    "outside": ("{n} bản ghi ngoài các năm đã chọn, không tính.", "{n} records outside the selected years, left out."),
    "legacy": ("Đã chuyển mã TCVN3/VNI sang Unicode: {files}.", "Decoded legacy TCVN3/VNI text: {files}."),
    "skipped_files": ("Tệp bị bỏ qua ({n}):", "Files skipped ({n}):"),
    "skipped_sheets": ("Trang tính không có danh sách khen thưởng ({n}):", "Sheets without an award list ({n}):"),
    "unrecognised": ("Dòng không được tính ({n}):", "Rows not counted ({n}):"),
    "more": (
        "… và {n} dòng khác (ghi đầy đủ bằng --problems FILE).",
        "… and {n} more (write all with --problems FILE).",
    ),
    "written": ("Đã ghi {path}", "Wrote {path}"),
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
    "validate_file_line": ("{file}: {errors} lỗi, {warnings} cảnh báo", "{file}: {errors} errors, {warnings} warnings"),
    "validate_total": (
        "Tổng: {files} tệp, {errors} lỗi, {warnings} cảnh báo.",
        "Total: {files} files, {errors} errors, {warnings} warnings.",
    ),
    "validate_clean": ("Không phát hiện lỗi nào.", "No problems found."),
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
        "Tóm tắt: đã đọc {files} tệp; tính {counted} bản ghi ({years}); gộp {merged} bản ghi trùng{copies}; "
        "{rows} dòng không tính{reasons}; bỏ qua {skipped} tệp.",
        "Summary: read {files} files; counted {counted} records ({years}); merged {merged} duplicate "
        "records{copies}; {rows} rows not counted{reasons}; skipped {skipped} files.",
    ),
    "summary_copies": (" và {n} tệp trùng nội dung", " and {n} files with repeated content"),
}


def t(name: str, lang: str = "vi", **values: object) -> str:
    vi, en = _TEXT[name]
    return (en if lang == Lang.EN else vi).format(**values)


def number(n: int, lang: str = "vi") -> str:
    """3323 → "3.323" in Vietnamese, "3,323" in English."""
    text = f"{n:,}"
    return text.replace(",", ".") if lang != Lang.EN else text
