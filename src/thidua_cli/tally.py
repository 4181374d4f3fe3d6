"""Records → counts by any of the dimensions, for the years asked."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from thidua_cli.errors import UsageError
from thidua_cli.values import MAX_YEAR, MIN_YEAR

if TYPE_CHECKING:
    import pandas as pd

DIMENSIONS = ("year", "award", "level", "kind", "category", "unit", "issuer")
_RANGE = re.compile(r"^\s*(\d{4})\s*(?:[-–]\s*(\d{4}))?\s*$")


def parse_years(text: str) -> list[int]:
    """ "2015-2020", "2019", "2015,2017-2018" → sorted distinct years."""
    years: set[int] = set()
    for part in text.split(","):
        match = _RANGE.match(part)
        if not match:
            raise UsageError(f"Năm không hợp lệ: '{text}'. Ví dụ: 2015-2020, 2019, 2015,2017-2018")
        start = int(match.group(1))
        end = int(match.group(2) or start)
        if start > end or start < MIN_YEAR or end > MAX_YEAR:
            raise UsageError(f"Khoảng năm không hợp lệ: '{part.strip()}'")
        years.update(range(start, end + 1))
    return sorted(years)


def parse_by(text: str | Iterable[str]) -> list[str]:
    """ "award,level,kind" → ["award", "level", "kind"], checked against DIMENSIONS."""
    items = [p.strip() for p in (text.split(",") if isinstance(text, str) else text) if p.strip()]
    unknown = [item for item in items if item not in DIMENSIONS]
    if unknown or not items:
        raise UsageError(f"--by không hợp lệ: {', '.join(unknown) or text!s}. Chọn trong: {', '.join(DIMENSIONS)}")
    if len(set(items)) != len(items):
        raise UsageError(f"--by lặp lại một chiều: {text}")
    return items


def in_years(records: pd.DataFrame, years: Sequence[int] | None) -> pd.DataFrame:
    return records if years is None else records[records["year"].isin(list(years))]


def tally(
    records: pd.DataFrame, years: Sequence[int] | None = None, by: Sequence[str] = ("award", "level", "kind")
) -> pd.DataFrame:
    """Counts of records for `years` (all when None), grouped by `by`, in catalogue order."""
    by = parse_by(list(by))
    selected = in_years(records, years)
    counts = selected.groupby(list(by), observed=True, sort=True).size().reset_index(name="count")
    counts = counts[counts["count"] > 0].reset_index(drop=True)
    counts["count"] = counts["count"].astype("int64")
    return counts
