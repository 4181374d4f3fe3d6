"""The record: one award to one recipient, with its provenance. The stable field order of every row."""

from __future__ import annotations

MIN_YEAR, MAX_YEAR = 1945, 2100  # the years a record may carry (a cell outside is not a year)
LONGEST_PERIOD = 10  # the most years from a period's first to its last ("2016-2020": four)

RECORD_FIELDS = (
    "file",
    "sheet",
    "row",
    "name",
    "position",
    "unit",
    "kind",
    "award",
    "category",
    "level",
    "issuer",
    "year",
    "decision_number",
    "decision_date",
    "notes",
    "award_text",
    "detail",  # the award's own name when it has one ("Vì sự nghiệp Giáo dục" of a Kỷ niệm chương)
    "period_start",  # the period the award text names ("… giai đoạn 2019-2021"), else the year
    "period_end",
    "status",  # "" for an award given; "đề nghị", "không đạt", "chưa đạt" only with --include-proposals
    "name_col",
    "award_col",
    "year_col",
    "method",  # the method of commendation the award cell writes ("đột xuất", "chuyên đề", "đối ngoại"), else ""
)
Record = tuple[
    str, str, int, str, str, str, str, str, str, str, str, int, str, str, str, str, str, int, int, str, int, int, int, str
]
