"""Findings about the input: a stable code, a severity, where, and a message in vi or en."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from thidua_cli.patterns import lazy


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


# code → (severity, Vietnamese template, English template). Templates may use {value},
# {suggestion}, {detail}.
CODES: dict[str, tuple[Severity, str, str]] = {
    "unreadable": (
        Severity.ERROR,
        "Không mở được tệp ({detail}); tệp bị bỏ qua. {hint}",
        "Cannot open the file ({detail}); skipped. {hint}",
    ),
    "own-output": (
        Severity.INFO,
        "Tệp do thidua tạo ra (bảng tổng hợp, bản sao có đánh dấu hoặc mẫu), không phải danh sách đơn vị gửi; "
        "không đọc.",
        "A file written by thidua (a summary, an annotated copy or a template), not a unit's list; not read.",
    ),
    "cache-mismatch": (
        Severity.WARNING,
        "Bộ nhớ đệm ghi kết quả khác với khi đọc lại tệp (--verify-cache): đã dùng kết quả đọc lại và thay mục "
        "đệm. Nếu lặp lại, hãy chạy thidua cache clear.",
        "The cache held a different result than reading the file again (--verify-cache): the fresh one is used "
        "and the entry replaced. If this recurs, run thidua cache clear.",
    ),
    "file-error": (
        Severity.ERROR,
        "Lỗi khi xử lý tệp ({detail}); tệp bị bỏ qua. Xin gửi tệp này cho nhóm phát triển.",
        "The file could not be processed ({detail}); skipped. Please send it to the developers.",
    ),
    "sheet-unreadable": (
        Severity.ERROR,
        "Không đọc được trang tính ({detail}); trang bị bỏ qua.",
        "Cannot read the sheet ({detail}); skipped.",
    ),
    "cells-ignored": (
        Severity.ERROR,
        "{detail} ô có dữ liệu nằm quá xa vùng danh sách (từ ô {value}) không được đọc; hãy xoá hoặc chuyển "
        "chúng vào vùng danh sách.",
        "{detail} non-empty cells lie too far outside the list (from cell {value}) and were not read; delete "
        "them or move them into the list.",
    ),
    "hidden-columns": (
        Severity.WARNING,
        "Cột {value} bị ẩn trong Excel và có dữ liệu: không được đọc, như khi xem hay in trang tính (thường là "
        "cột của năm trước, cột phụ). Nếu cột đó cần được tính, hãy bỏ ẩn (Unhide) rồi chạy lại.",
        "Column(s) {value} are hidden in Excel and hold data: not read, as when the sheet is viewed or printed "
        "(usually last year's column, a helper column). If they should count, unhide them and run again.",
    ),
    "hidden-rows": (
        Severity.ERROR,
        "{detail} dòng có dữ liệu bị ẩn trong Excel (dòng {value}): không được tính, như khi xem hay in danh "
        "sách (thường là người đã rút khỏi danh sách mà chưa xoá dòng). Nếu các dòng đó cần được tính, hãy bỏ "
        "ẩn (Unhide) rồi chạy lại; nếu không, hãy xoá chúng.",
        "{detail} rows holding data are hidden in Excel (rows {value}): not counted, as when the list is "
        "viewed or printed (usually people taken off the list without deleting their rows). If they should "
        "count, unhide them and run again; if not, delete them.",
    ),
    "hidden-other-rows": (
        Severity.INFO,
        "{detail} dòng bị ẩn trong Excel (dòng {value}) không có tên, danh hiệu hay dòng mục nào (dòng số thứ tự "
        "cột, dòng trống của mẫu, ghi chú): không phải bản ghi, không có gì bị bỏ sót.",
        "{detail} rows hidden in Excel (rows {value}) hold no name, award or section (the column numbers, a "
        "template's blank row, a note): no records, nothing left out.",
    ),
    "filtered-rows": (
        Severity.WARNING,
        "Bộ lọc (AutoFilter của trang tính hay bộ lọc của một bảng Excel) ẩn {detail} dòng có dữ liệu (dòng "
        "{value}): các dòng đó vẫn được tính, vì lọc chỉ là cách xem. Nếu chúng không được khen, hãy xoá chúng.",
        "A filter (the sheet's AutoFilter or an Excel Table's) hides {detail} rows holding data (rows {value}): "
        "they are still counted, since a filter is only a view. If they were not awarded, delete them.",
    ),
    "maybe-filtered-rows": (
        Severity.ERROR,
        "{detail} dòng có dữ liệu bị ẩn trong vùng đang lọc (dòng {value}), nhưng không kiểm tra được bộ lọc có "
        "ẩn chúng hay không (lọc theo màu, biểu tượng, Top 10, theo ngày tương đối, hay số, ngày mà không biết "
        "cách hiển thị): có thể là người đã rút, có thể chỉ là cách xem; không được tính. Hãy bỏ lọc (Clear "
        "Filter): nếu dòng vẫn ẩn mà không được khen, hãy xoá; nếu được khen, bỏ ẩn (Unhide) rồi chạy lại.",
        "{detail} rows holding data are hidden inside a filtered range (rows {value}), but whether the filter "
        "hides them could not be checked (a filter by colour, icon, Top 10, a relative date, or a number or date "
        "whose displayed text is unknown): they may be people withdrawn or only out of view; not counted. Clear "
        "the filter: if a row stays hidden and was not awarded, delete it; if it was, unhide it and run again.",
    ),
    "struck-out": (
        Severity.ERROR,
        'Tên "{value}" bị gạch ngang (định dạng chữ gạch): coi như đã rút khỏi danh sách, không được tính. '
        "Nếu người này được khen, hãy bỏ định dạng gạch ngang; nếu không, hãy xoá dòng.",
        'The name "{value}" is struck through (strikethrough format): taken as withdrawn from the list, not '
        "counted. If this person was awarded, remove the strikethrough; if not, delete the row.",
    ),
    "merge-clipped": (
        Severity.ERROR,
        "Vùng gộp ô {value} phủ gần hết trang tính: Excel chỉ hiện giá trị ô đầu, nên chỉ đọc trong vùng có "
        "dữ liệu với giá trị đó; hãy bỏ gộp ô (Unmerge) rồi kiểm tra lại.",
        "The merged range {value} covers nearly the whole sheet: Excel shows only its first cell's value, so "
        "the used range is read with that value; unmerge it and check again.",
    ),
    "skipped-sheet": (
        Severity.INFO,
        "Bỏ qua trang tính: {detail}.",
        "Sheet skipped: {detail}.",
    ),
    "skipped-table": (
        Severity.WARNING,
        "Bảng ở dòng {value} (trang tính có nhiều bảng, mỗi bảng một dòng tiêu đề cột) không phải danh sách "
        "khen thưởng: {detail}; các dòng của bảng này không được tính.",
        "The table at rows {value} (the sheet holds several tables, each with its own header) is no award "
        "list: {detail}; its rows are not counted.",
    ),
    "ambiguous-table": (
        Severity.ERROR,
        "Bảng ở dòng {value} (trang tính có nhiều bảng, mỗi bảng một dòng tiêu đề cột): không xác định chắc "
        "được vai trò của cột {detail} (tiêu đề và nội dung ô mâu thuẫn); các dòng của bảng này không được "
        "tính. Xem: thidua inspect.",
        "The table at rows {value} (the sheet holds several tables, each with its own header): cannot tell "
        "the role of column {detail} (header and cells disagree); its rows are not counted. See: thidua inspect.",
    ),
    "no-table": (
        Severity.ERROR,
        'Không trang tính nào trong tệp có danh sách khen thưởng (cần dòng tiêu đề cột có "Họ và tên" '
        "và cột hoặc tiêu đề nêu danh hiệu).",
        "No sheet of the workbook holds an award list (a header row with a name column, and an award "
        "column or an award named in the heading).",
    ),
    "kind-mismatch": (
        Severity.ERROR,
        '"{value}" không trao cho {detail}: sai đối tượng (cá nhân/tập thể).',
        '"{value}" cannot go to {detail}: wrong kind of recipient.',
    ),
    "bad-date": (
        Severity.ERROR,
        'Ngày quyết định "{value}" {detail}.{hint}',
        'Decision date "{value}" {detail}.{hint}',
    ),
    "duplicate": (
        Severity.ERROR,
        '"{value}" đã có trong danh sách cùng danh hiệu, cấp khen, đối tượng, cùng năm ({detail}): bản ghi '
        "trùng, chỉ tính một lần.",
        '"{value}" is already listed for the same award, level, kind and year ({detail}): a duplicate, counted once.',
    ),
    "resend-differs": (
        Severity.WARNING,
        '"{value}" có trong tệp này mà không có trong {detail}, dù hai tệp là một danh sách gửi hai lần (các dòng '
        "khác trùng nhau): dòng vẫn được tính; nếu một trong hai tệp là bản cũ, hãy bỏ nó khỏi thư mục.",
        '"{value}" is in this file but not in {detail}, though the two files are one list sent twice (their other '
        "rows repeat): the row is counted; if one of the two files is an old version, take it out of the folder.",
    ),
    "namesake": (
        Severity.WARNING,
        '"{value}" có hai dòng cùng danh hiệu, cấp khen, đối tượng, năm và đơn vị ({detail}) nhưng chức vụ khác '
        "nhau: được coi là hai người cùng tên, cả hai được tính; hãy kiểm tra.",
        '"{value}" is listed twice with the same award, level, kind, year and unit ({detail}) but different '
        "positions: taken for two people of one name, both counted; please check.",
    ),
    "possible-duplicate": (
        Severity.WARNING,
        '"{value}" cũng có trong {detail} cùng danh hiệu, cấp khen, đối tượng, năm và đơn vị ghi như nhau; '
        "hai tệp không phải bản gửi lại của nhau nên cả hai được tính: hãy kiểm tra có phải một người không.",
        '"{value}" is also in {detail} with the same award, level, kind, year and unit as written; the two '
        "files are not re-sends of each other, so both are counted: check whether this is one person.",
    ),
    "duplicate-file": (
        Severity.ERROR,
        "Tệp có nội dung trùng hệt tệp {detail}: chỉ đọc một lần, {value} bản ghi không tính lại.",
        "The file has exactly the same content as {detail}: read once, its {value} records not counted again.",
    ),
    "fuzzy-award": (
        Severity.WARNING,
        '"{value}" được hiểu là "{detail}" chỉ nhờ so khớp bỏ dấu (sai chính tả hoặc thiếu dấu); vẫn được '
        "tính, hãy sửa lại cho đúng.",
        '"{value}" was read as "{detail}" only by matching without diacritics (misspelt or unaccented); '
        "counted, but please correct it.",
    ),
    "outside-years": (
        Severity.INFO,
        "Năm {value} ngoài các năm đã chọn ({detail}); không tính trong lần tổng hợp này.",
        "Year {value} is outside the selected years ({detail}); not counted in this tally.",
    ),
    "not-eligible": (
        Severity.WARNING,
        '"{value}" đạt Chiến sĩ thi đua cơ sở nhưng không có trong danh sách Lao động tiên tiến (hoặc '
        "Chiến sĩ tiên tiến) cùng năm của đơn vị ({detail}).",
        '"{value}" holds Chiến sĩ thi đua cơ sở but is not on the unit\'s Lao động tiên tiến (or Chiến sĩ '
        "tiên tiến) list of the same year ({detail}).",
    ),
    "over-quota": (
        Severity.WARNING,
        "{value}: {detail}",
        "{value}: {detail}",
    ),
    "kind-conflict": (
        Severity.ERROR,
        'Tên "{value}" là tên {detail}, nhưng dòng nằm dưới tiêu đề hay dòng mục của đối tượng khác: '
        'không rõ là cá nhân hay tập thể; không được tính. Đưa dòng về đúng phần ("I. CÁ NHÂN", "II. TẬP THỂ"), '
        "ghi cột Đối tượng, hoặc sửa lại tên.",
        'The name "{value}" is that of {detail}, but the row stands under a heading or section row of another '
        'kind: whether it went to a person or a collective is unknown; not counted. Move the row to its part '
        '("I. CÁ NHÂN", "II. TẬP THỂ"), fill a kind column, or correct the name.',
    ),
    "kind-from-name": (
        Severity.WARNING,
        '"{value}" là tên một tập thể, dù cột tên ghi "{detail}" và không cột, dòng mục nào nói đối tượng: '
        'được tính là Tập thể. Nếu là cá nhân, ghi rõ trong cột Đối tượng hoặc dưới dòng mục "I. CÁ NHÂN".',
        '"{value}" names a collective, though the name column says "{detail}" and no kind column or '
        'section says the kind: counted as Tập thể. If it is a person, say so in a kind column or under a '
        'section "I. CÁ NHÂN".',
    ),
    "level-conflict": (
        Severity.WARNING,
        'Cột cấp khen ghi "{value}" nhưng ô danh hiệu nêu cấp khác ({detail}): được tính theo cột cấp khen; '
        "hãy kiểm tra lại.",
        'The level column says "{value}" but the award cell names another level ({detail}): counted by the '
        "level column; please check.",
    ),
    "level-mismatch": (
        Severity.WARNING,
        'Cấp khen trong "{value}" không khớp với số quyết định {detail}.',
        'The level in "{value}" disagrees with decision number {detail}.',
    ),
    "bad-decision-number": (
        Severity.WARNING,
        'Số quyết định "{value}" không đúng dạng số/loại-cơ quan (ví dụ 123/QĐ-UBND).',
        'Decision number "{value}" is not of the form number/type-issuer (e.g. 123/QĐ-UBND).',
    ),
    "missing-name": (
        Severity.ERROR,
        "Dòng có danh hiệu nhưng thiếu tên cá nhân/tập thể; không được tính.",
        "Row has an award but no recipient name; not counted.",
    ),
    "award-from-heading": (
        Severity.WARNING,
        'Ô danh hiệu/hình thức để trống; đã tính theo tiêu đề hoặc mục: "{value}". Kiểm tra lại dòng này.',
        'The award cell is empty; counted as the heading or section says: "{value}". Check this row.',
    ),
    "missing-award": (
        Severity.ERROR,
        "Dòng không ghi danh hiệu/hình thức khen thưởng và tiêu đề cũng không nêu; không được tính.",
        "Row names no award and neither does the heading; not counted.",
    ),
    "unknown-award": (
        Severity.ERROR,
        'Không nhận dạng được danh hiệu/hình thức "{value}"{suggestion}; không được tính.',
        'Unrecognised award "{value}"{suggestion}; not counted.',
    ),
    "unknown-level": (
        Severity.ERROR,
        'Không nhận dạng được cấp khen "{value}"; không được tính.',
        'Unrecognised level "{value}"; not counted.',
    ),
    "ambiguous-level": (
        Severity.ERROR,
        'Không xác định được cấp khen của "{value}" (tên nêu hai cấp, hoặc không có cột cấp khen, '
        "cơ quan trong tên hay số quyết định); không được tính.",
        'Cannot tell the level of "{value}" (the text names two levels, or there is no level column, '
        "issuer in the text or decision number); not counted.",
    ),
    "award-not-in-law": (
        Severity.ERROR,
        '"{value}" không có trong luật áp dụng cho năm thành tích (năm đọc được; các năm có hình thức này theo '
        "danh mục: {detail}), ví dụ Huy hiệu chỉ có đến năm 2023 vì Luật 2022 bỏ hình thức này; không được tính.",
        '"{value}" does not exist in the law that applies to the achievement year (the year read; the years the '
        "form exists in, per the catalogue: {detail}): Huy hiệu, for instance, only until 2023, as the 2022 law "
        "dropped it; not counted.",
    ),
    "impossible-level": (
        Severity.ERROR,
        'Cấp khen trong "{value}" không có với "{detail}" (theo danh mục, ví dụ Bằng khen không có '
        "cấp cơ sở); không được tính.",
        'The level in "{value}" is one "{detail}" cannot have (per the catalogue: no Bằng khen at '
        "Cơ sở, for instance); not counted.",
    ),
    "unknown-kind": (
        Severity.ERROR,
        'Không nhận dạng được đối tượng "{value}"; không được tính.',
        'Unrecognised kind "{value}"; not counted.',
    ),
    "ambiguous-kind": (
        Severity.ERROR,
        'Không xác định được đối tượng (cá nhân/tập thể) của "{value}": thêm cột Đối tượng hoặc '
        'dòng mục "I. CÁ NHÂN"/"II. TẬP THỂ"; không được tính.',
        'Cannot tell whether "{value}" went to an individual or a collective: add a kind column '
        "or section rows; not counted.",
    ),
    "bad-year": (
        Severity.ERROR,
        'Năm "{value}" không hợp lệ hoặc không tìm thấy năm (cột Năm, tiêu đề, tên trang, tên tệp); không được tính.',
        'Year "{value}" is not valid, or no year found (year column, heading, sheet or file name); not counted.',
    ),
    "list-without-award": (
        Severity.ERROR,
        "Danh sách {detail} dòng có số thứ tự và tên nhưng không có cột danh hiệu, tiêu đề hay dòng mục nêu danh "
        'hiệu (danh hiệu ghi trong cột khác, như "Ghi chú", không được coi là danh hiệu đã khen): không dòng nào '
        "được tính; hãy thêm cột Danh hiệu hoặc ghi danh hiệu vào tiêu đề.",
        "A list of {detail} numbered, named rows with no award column, and no heading or section naming an "
        'award (awards written in another column, such as "Ghi chú", are not taken for awards given): no row '
        "is counted; add an award column or name the award in the heading.",
    ),
    "summary-only": (
        Severity.ERROR,
        "Tệp chỉ có bảng tổng hợp số lượng ({detail} lượt), không có danh sách tên: các lượt này không được tính "
        "(công cụ đếm theo danh sách). Hãy đề nghị đơn vị gửi danh sách kèm theo.",
        "The file holds only a summary of counts ({detail} awards), no list of names: these are not counted (the "
        "tool counts lists). Ask the unit for the list.",
    ),
    "year-names-differ": (
        Severity.WARNING,
        "Danh sách được tính vào năm {value} (theo tiêu đề hoặc tên đứng trước) nhưng {detail} ghi năm khác: "
        "hãy kiểm tra năm của danh sách.",
        "The list is counted in {value} (as its heading or the first name says) but {detail} names another "
        "year: please check the list's year.",
    ),
    "year-differs": (
        Severity.WARNING,
        "Cột Năm ghi {value} nhưng ô danh hiệu ghi năm {detail}: được tính vào năm {value} theo cột Năm; "
        "hãy kiểm tra lại.",
        "The year column says {value} but the award cell names {detail}: counted in {value}, as the year "
        "column says; please check.",
    ),
    "several-people": (
        Severity.ERROR,
        'Ô tên "{value}" ghi nhiều người: dòng không được tính (tính một lần sẽ thiếu, tách ra là đoán); '
        "hãy ghi mỗi người một dòng.",
        'The name cell "{value}" names several people: the row is not counted (once would lose some, splitting '
        "it would be a guess); write one person per row.",
    ),
    "ambiguous-year": (
        Severity.ERROR,
        'Năm "{value}" là hai năm (năm học) trong danh sách năm {detail} (tiêu đề hay các dòng khác ghi '
        "{detail}): năm học được tính vào năm sau, nên không rõ dòng này thuộc năm {detail} hay năm sau; không "
        "được tính. Hãy ghi một năm.",
        'The year "{value}" is two years (a school year) in a list of {detail} (its heading or other rows say '
        "{detail}): a school year is counted in its second year, so whether this row belongs to {detail} or "
        "the next year is unknown; not counted. Write one year.",
    ),
    "year-conflict": (
        Severity.ERROR,
        'Hai cột năm của dòng ghi hai năm khác nhau ("{value}"; thường là cột năm trước để lại, có khi bị ẩn): '
        "không biết năm nào đúng; không được tính. Xoá cột thừa.",
        'The row\'s two year columns say two different years ("{value}"; often last year\'s column left in, '
        "maybe hidden): which one is meant is unknown; not counted. Delete the extra column.",
    ),
    "after-list": (
        Severity.ERROR,
        'Dòng "{value}" không có số thứ tự, nằm dưới dòng đánh số cuối cùng của danh sách: thường là ghi chú '
        "hoặc khối chữ ký; không được tính. Nếu là một người được khen, hãy đánh số cho dòng này.",
        'Row "{value}" has no number and lies below the last numbered row of the list: usually a note or the '
        "signature block; not counted. If it is someone awarded, give the row its number.",
    ),
    "hidden-sheet": (
        Severity.ERROR,
        "Trang tính bị ẩn (thường là bản nháp hay danh sách cũ): {detail} bản ghi từ dòng này không được tính. "
        "Nếu danh sách này cần được tính, hãy bỏ ẩn trang (Unhide) rồi chạy lại.",
        "The sheet is hidden (usually a draft or an old list): {detail} records from this row on are not counted. "
        "If this list should count, unhide the sheet and run again.",
    ),
    "proposal-list": (
        Severity.INFO,
        'Danh sách đề nghị ("{value}"), chưa phải quyết định khen thưởng: {detail} dòng không được tính '
        "(dùng --include-proposals để đếm riêng theo trạng thái).",
        'A proposal list ("{value}"), not an award decision: {detail} rows not counted '
        "(use --include-proposals to count them by status).",
    ),
    "headless-list": (
        Severity.ERROR,
        "Trang tính không có dòng tiêu đề cột của danh sách (có cột tên: \"Họ và tên\", \"Tên tập thể\"…) nhưng "
        "có {detail} dòng giống bản ghi (số thứ tự, tên, danh hiệu; hay tên đánh số tiếp từ trang trước), từ dòng này: thường là phần tiếp của danh "
        "sách ở trang trước, hoặc cột tên mang nhãn lạ; không được tính. Hãy chép dòng tiêu đề cột lên đầu "
        "trang (hoặc đặt nhãn \"Họ và tên\" / \"Tên tập thể\" cho cột tên) rồi chạy lại.",
        "The sheet has no list header (one with a name column: \"Họ và tên\", \"Tên tập thể\"…) but {detail} "
        "rows that look like records (a number, a name, an award; or names numbered on from the sheet before), from this row on: usually the list of the "
        "sheet before, carried on, or a name column under an odd label; not counted. Copy the header row to "
        "the top of the sheet (or label the name column \"Họ và tên\" / \"Tên tập thể\") and run again.",
    ),
    "doubtful-note": (
        Severity.ERROR,
        'Ghi chú "{value}" cho thấy người hoặc tập thể này bị kỷ luật hoặc đang bị thanh tra, điều tra: không '
        "khen thưởng khi đang bị kỷ luật, thanh tra, điều tra (NĐ 152/2025/NĐ-CP), nên dòng không được tính. Nếu vẫn được "
        "khen (đã hết thời hạn kỷ luật…), hãy sửa ghi chú cho rõ.",
        'The note "{value}" says this recipient is disciplined or under inspection or investigation: the law '
        "gives no award meanwhile (Decree 152/2025/NĐ-CP), so the row is not counted. If the award stands (the "
        "discipline has ended…), make the note say so.",
    ),
    "total-differs": (
        Severity.WARNING,
        "Dòng tổng ghi {value} nhưng phía trên có {detail} bản ghi được tính (kể từ dòng tổng trước; từ đầu "
        "bảng): kiểm tra dòng bị ẩn, dòng thêm sau dòng tổng, hay dòng không đọc được.",
        "The totals line says {value} but {detail} records above it were counted (since the totals line "
        "before; from the table's top): look for hidden rows, rows added under the total, or rows not read.",
    ),
    "after-total": (
        Severity.WARNING,
        "Dưới dòng tổng (ghi {value}) còn {detail} bản ghi vẫn được tính: thường là người được thêm sau khi "
        "cộng; kiểm tra lại dòng tổng và các dòng đó.",
        "{detail} records below the totals line (which says {value}) are still counted: usually people added "
        "after the total was made; check the total and those rows.",
    ),
    "unclear-result": (
        Severity.ERROR,
        'Dòng của "{value}" không ghi rõ kết quả ({detail}) trong khi các dòng khác ghi Đạt/Không đạt: không '
        "rõ có đạt hay không; không được tính. Hãy ghi kết quả cho dòng này.",
        'The row of "{value}" gives no clear result ({detail}) while the other rows say achieved or not: '
        "whether it was achieved is unknown; not counted. Fill in its result.",
    ),
    "not-an-award": (
        Severity.INFO,
        '"{value}" không phải danh hiệu thi đua hay hình thức khen thưởng của Luật Thi đua, khen thưởng '
        "mà là kết quả {detail}: dòng không được tính (không phải lỗi).",
        '"{value}" is no emulation title or form of commendation of the Law on Emulation and '
        "Commendation but a result of {detail}: the row is not counted (not an error).",
    ),
    "not-awarded": (
        Severity.INFO,
        '{detail} dòng ghi danh hiệu kèm "{value}" (từ dòng này): chưa được khen, không được tính '
        "(dùng --include-proposals để đếm riêng theo trạng thái).",
        '{detail} rows mark their award "{value}" (from this row on): not awarded, not counted '
        "(use --include-proposals to count them by status).",
    ),
    "summary-mismatch": (
        Severity.WARNING,
        'Bảng tổng hợp ghi "{value}" là {detail} (tổng hợp / danh sách): số trong bảng tổng hợp khác số '
        "người/tập thể trong danh sách của cùng tệp.",
        'The summary gives "{value}" as {detail} (summary / lists): it disagrees with the name lists of '
        "the same workbook.",
    ),
    "summary-unknown-award": (
        Severity.WARNING,
        'Bảng tổng hợp ghi "{value}" mà danh mục không nhận ra là danh hiệu, hình thức khen thưởng nào: số '
        "của dòng/cột này không được đối chiếu với danh sách (sửa tên hoặc thêm vào danh mục riêng).",
        'The summary names "{value}", which the catalogue does not know as an award: its numbers are not '
        "compared with the lists (correct the name or add it to your own catalogue).",
    ),
    "no-tick": (
        Severity.INFO,
        "{detail} dòng của bảng đánh dấu không có dấu chọn nào (từ dòng này): không có danh hiệu, không được tính.",
        "{detail} rows of the tick matrix have no tick (from this row on): no award, not counted.",
    ),
    "bad-tick": (
        Severity.ERROR,
        'Ô đánh dấu "{value}" không phải dấu chọn (x, ✓, 1, có, đạt); không được tính.',
        'Tick cell "{value}" is not a tick mark (x, ✓, 1, có, đạt); not counted.',
    ),
    "ambiguous-columns": (
        Severity.ERROR,
        "Không xác định chắc được vai trò của cột {value} (tiêu đề và nội dung ô mâu thuẫn); trang tính "
        "không được đọc. Xem: thidua inspect.",
        "Cannot tell the role of column {value} (header and cells disagree); the sheet is not read. "
        "See: thidua inspect.",
    ),
}

# code → (vi, en): a few words for the reason a row is not counted, in the summary's last line.
# Findings (not errors) whose row is not counted: in the summary's rows not counted, and in a
# clerk's totals line (which counts every row listed).
NOTED_ROWS = ("not-an-award",)

SHORT: dict[str, tuple[str, str]] = {
    "outside-years": ("ngoài các năm đã chọn", "outside the years"),
    "unknown-award": ("danh hiệu không nhận dạng được", "award not recognised"),
    "hidden-sheet": ("trong trang tính ẩn", "on a hidden sheet"),
    "summary-only": ("chỉ có bảng tổng hợp", "only a summary"),
    "list-without-award": ("danh sách không nêu danh hiệu", "a list naming no award"),
    "level-conflict": ("cấp khen mâu thuẫn", "conflicting levels"),
    "several-people": ("nhiều người trong một ô tên", "several people in one name cell"),
    "kind-mismatch": ("sai đối tượng", "wrong kind of recipient"),
    "kind-conflict": ("tên và mục nói hai đối tượng", "name and section disagree on the kind"),
    "missing-name": ("thiếu tên", "no name"),
    "after-list": ("dưới danh sách, không số thứ tự", "below the list, unnumbered"),
    "year-conflict": ("hai cột năm khác nhau", "two year columns disagree"),
    "ambiguous-year": ("năm học trong danh sách một năm", "school year in a list of one year"),
    "missing-award": ("thiếu danh hiệu", "no award"),
    "unknown-level": ("cấp khen không nhận dạng được", "level not recognised"),
    "ambiguous-level": ("không rõ cấp khen", "level unknown"),
    "unknown-kind": ("đối tượng không nhận dạng được", "kind not recognised"),
    "ambiguous-kind": ("không rõ cá nhân hay tập thể", "kind unknown"),
    "bad-year": ("năm sai hoặc thiếu", "bad or missing year"),
    "bad-date": ("ngày quyết định sai", "bad decision date"),
    "duplicate": ("trùng", "duplicate"),
    "hidden-rows": ("dòng bị ẩn", "hidden rows"),
    "maybe-filtered-rows": ("dòng ẩn, không kiểm tra được bộ lọc", "hidden rows, filter not checked"),
    "struck-out": ("tên bị gạch ngang", "name struck through"),
    "unclear-result": ("không rõ kết quả xét", "result unclear"),
    "doubtful-note": ("ghi chú kỷ luật, thanh tra", "note of discipline or inspection"),
    "not-an-award": ("không phải khen thưởng theo Luật", "no award of the Law"),
    "headless-list": ("trang không có tiêu đề cột", "a sheet without a header"),
}

REASONS: dict[str, tuple[str, str]] = {
    "password": ("tệp có mật khẩu", "password-protected"),
    "corrupt": ("tệp hỏng hoặc không phải bảng tính", "corrupt or not a workbook"),
    "html": ("tệp là trang HTML đổi đuôi, không phải bảng tính Excel", "an HTML page renamed, not a workbook"),
    "empty": ("tệp rỗng", "empty file"),
    "os-error": ("lỗi hệ điều hành", "operating system error"),
    "too-large": ("quá lớn", "too large"),
    "not-a-file": ("không phải tệp thường", "not a regular file"),
    "no-sheet": ("tệp không có trang tính nào đọc được", "the workbook has no readable sheet"),
    "worker-memory": ("quá lớn / hỏng: vượt giới hạn bộ nhớ khi đọc", "too large / corrupt: memory limit reached"),
    "worker-timeout": ("quá lớn / hỏng: đọc quá thời gian cho phép", "too large / corrupt: time limit reached"),
    "worker-crash": ("quá lớn / hỏng: tiến trình đọc tệp dừng đột ngột", "too large / corrupt: the reader crashed"),
    "empty-sheet": ("trang trống", "empty sheet"),
    "no-header": ("không có dòng tiêu đề cột của danh sách khen thưởng", "no award-list header row"),
    "document": ("kế hoạch, báo cáo, không phải danh sách khen thưởng", "a plan or a report, no award list"),
    "invalid": ("không phải ngày có thật", "is not a real date"),
    "before-year": ("trước năm thi đua", "precedes the award year"),
    "summary": (
        "bảng tổng hợp số lượng, không phải danh sách; không cộng vào kết quả",
        "a summary count table, not a list; never added to the tally",
    ),
    "no-award": (
        "không có cột danh hiệu và tiêu đề không nêu danh hiệu",
        "no award column and the heading names no award",
    ),
}


# How to fix what a reason names (the rest: open the file in Excel and save it as .xlsx).
HINTS: dict[str, tuple[str, str]] = {
    "password": (
        "Gỡ mật khẩu: mở tệp bằng Excel (nhập mật khẩu), chọn Tệp → Thông tin → Bảo vệ sổ làm việc → "
        "Mã hoá bằng mật khẩu, xoá mật khẩu, bấm OK rồi lưu lại (LibreOffice: Tệp → Lưu thành, bỏ chọn "
        '"Lưu với mật khẩu").',
        "Remove the password: open the file in Excel (type the password), choose File → Info → Protect "
        "Workbook → Encrypt with Password, clear the password, press OK and save (LibreOffice: File → "
        'Save As, untick "Save with password").',
    ),
    "": ("Hãy mở lại bằng Excel và lưu thành .xlsx.", "Open it in Excel and save it as .xlsx."),
    "us-date": (
        " Có vẻ viết theo kiểu Mỹ (tháng/ngày/năm): ghi ngày/tháng/năm, ví dụ {swapped}.",
        " It looks US-style (month/day/year): write day/month/year, e.g. {swapped}.",
    ),
}
_SLASHED = lazy(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b")


def us_date(text: str) -> str | None:
    """ "12/25/2020" → "25/12/2020" when only the month-first reading is a real date."""
    match = _SLASHED.search(text)
    if not match:
        return None
    first, second, year = (int(g) for g in match.groups())
    if first > 12 or not 1 <= second <= 31 or second <= 12:
        return None
    try:
        dt.date(year, first, second)
    except ValueError:
        return None
    return f"{second:02d}/{first:02d}/{year}"


@dataclass(frozen=True, init=False)
class Problem:
    """One finding. `row` is the Excel row number users see (1-based); None for a sheet or file."""

    code: str
    file: str
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    value: str | None = None
    suggestion: str | None = None  # an unknown award's closest name; None: not searched yet, "": none close
    detail: str | None = None
    col: int | None = None  # 0-based column index, for cell references and annotated copies

    def __init__(
        self,
        code: str,
        file: str,
        sheet: str | None = None,
        row: int | None = None,
        column: str | None = None,
        value: str | None = None,
        suggestion: str | None = None,
        detail: str | None = None,
        col: int | None = None,
    ) -> None:
        """The fields above, set in one call on the instance's dict: the `__init__` a frozen
        dataclass generates calls `object.__setattr__` once per field, twice the CPU instructions
        (a run answered from the cache builds each of its 10^4 findings when it prints them)."""
        self.__dict__.update(
            code=code,
            file=file,
            sheet=sheet,
            row=row,
            column=column,
            value=value,
            suggestion=suggestion,
            detail=detail,
            col=col,
        )

    @property
    def cell(self) -> str | None:
        """The Excel reference ("E12") when the finding is about one cell."""
        if self.row is None or self.col is None:
            return None
        from openpyxl.utils import get_column_letter

        return f"{get_column_letter(self.col + 1)}{self.row}"

    @property
    def severity(self) -> Severity:
        return CODES[self.code][0]

    def message(self, lang: str = "vi") -> str:
        _, vi, en = CODES[self.code]
        template = en if lang == "en" else vi
        suggestion = ""
        if self.suggestion:
            suggestion = f" (did you mean: {self.suggestion}?)" if lang == "en" else f" (Có phải: {self.suggestion}?)"
        detail = self.detail or ""
        reason, _, more = detail.partition(": ")
        if reason in REASONS:  # a stable code, maybe with what the system said after ": "
            detail = REASONS[reason][1 if lang == "en" else 0] + (f" ({more})" if more else "")
        elif self.code in ("kind-mismatch", "kind-conflict") and lang == "en":
            detail = {"Cá nhân": "an individual", "Tập thể": "a collective", "Hộ gia đình": "a household"}.get(
                detail, detail
            )
        elif self.code in ("duplicate", "possible-duplicate") and lang == "en":
            detail = detail.replace(" dòng ", " row ")  # "DS 2018 dòng 5": the other copy's place
        elif self.code in ("kind-mismatch", "kind-conflict"):
            detail = {"Cá nhân": "cá nhân", "Tập thể": "tập thể", "Hộ gia đình": "hộ gia đình"}.get(detail, detail)
        return template.format(value=self.value or "", suggestion=suggestion, detail=detail, hint=self._hint(lang))

    def _hint(self, lang: str) -> str:
        """How to fix it, for the findings whose message carries one."""
        en = lang == "en"
        if self.code == "unreadable":
            return HINTS.get(self.detail or "", HINTS[""])[en]
        swapped = us_date(self.value or "") if self.code == "bad-date" and self.detail == "invalid" else None
        return HINTS["us-date"][en].format(swapped=swapped) if swapped else ""

    def as_dict(self, lang: str = "vi") -> dict[str, object]:
        return {
            "file": self.file,
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "cell": self.cell,
            "value": self.value,
            "severity": str(self.severity),
            "code": self.code,
            "message": self.message(lang),
        }


def with_suggestions(findings: Sequence[Problem], suggest: Callable[[str], str | None]) -> Sequence[Problem]:
    """The findings, each unknown award's "Có phải: …?" filled in by `suggest` (the catalogue's
    `suggest_award`). Readers leave it out and the process that gathers a run's results fills it,
    so each distinct text is searched once per run, not once per worker: cache entries (written by
    the workers) hold none, the run's index (written by the parent) holds them, so a warm run
    shows what a cold one does without searching. The same findings when there is nothing to fill."""
    if not any(p.code == "unknown-award" and p.suggestion is None for p in findings):
        return findings
    filled = []
    for p in findings:
        if p.code == "unknown-award" and p.suggestion is None:
            found = suggest(p.value or "") or ""  # "": searched, none close (a warm run does not search again)
            p = Problem(p.code, p.file, p.sheet, p.row, p.column, p.value, found, p.detail, p.col)
        filled.append(p)
    return filled
