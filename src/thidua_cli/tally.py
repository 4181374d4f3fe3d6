"""Records → counts by any of the dimensions, for the years asked."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from thidua_cli.catalogue import CATEGORIES, KINDS, LEVELS, Catalogue
from thidua_cli.errors import UsageError
from thidua_cli.i18n import t
from thidua_cli.loading import GROUP_FIELDS
from thidua_cli.records import MAX_YEAR, MIN_YEAR

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
            raise UsageError(*(t("years_bad", lang, text=text) for lang in ("vi", "en")))
        start = int(match.group(1))
        end = int(match.group(2) or start)
        if start > end:
            fixed = f"{end}-{start}"
            raise UsageError(*(t("years_reversed", lang, part=part.strip(), fixed=fixed) for lang in ("vi", "en")))
        if start < MIN_YEAR or end > MAX_YEAR:
            values = {"part": part.strip(), "low": MIN_YEAR, "high": MAX_YEAR}
            raise UsageError(*(t("years_out", lang, **values) for lang in ("vi", "en")))
        years.update(range(start, end + 1))
    return sorted(years)


def parse_by(text: str | Iterable[str]) -> list[str]:
    """ "award,level,kind" → ["award", "level", "kind"], checked against DIMENSIONS."""
    items = [p.strip() for p in (text.split(",") if isinstance(text, str) else text) if p.strip()]
    unknown = [item for item in items if item not in DIMENSIONS]
    if unknown or not items:
        values = {"bad": ", ".join(unknown) or str(text), "choices": ", ".join(DIMENSIONS)}
        raise UsageError(*(t("by_bad", lang, **values) for lang in ("vi", "en")))
    if len(set(items)) != len(items):
        raise UsageError(*(t("by_repeated", lang, text=text) for lang in ("vi", "en")))
    return items


@dataclass(frozen=True)
class Counts:
    """Counts by dimensions, in catalogue order: `rows` are (value, …, count) tuples."""

    by: tuple[str, ...]
    rows: list[tuple[Any, ...]]

    @property
    def total(self) -> int:
        return sum(row[-1] for row in self.rows)


def count(
    groups: Iterable[Sequence[Any]], years: Sequence[int] | None, by: Sequence[str], catalogue: Catalogue
) -> Counts:
    """Counts from per-file groups (GROUP_FIELDS + count) without pandas; same order as `tally`."""
    by = tuple(parse_by(list(by)))
    positions = [GROUP_FIELDS.index(d) for d in by]
    year_at = GROUP_FIELDS.index("year")
    wanted = set(years) if years is not None else None
    counter: Counter[tuple[Any, ...]] = Counter()
    for group in groups:
        if wanted is None or group[year_at] in wanted:
            counter[tuple(group[p] for p in positions)] += group[-1]
    orders = {
        "award": {a.name: i for i, a in enumerate(catalogue.awards)},
        "level": {v: i for i, v in enumerate(LEVELS)},
        "kind": {v: i for i, v in enumerate(KINDS)},
        "category": {v: i for i, v in enumerate(CATEGORIES)},
    }

    def sort_key(item: tuple[Any, ...]) -> tuple[Any, ...]:
        return tuple(orders[d].get(v, len(orders[d])) if d in orders else v for d, v in zip(by, item, strict=True))

    return Counts(by, [(*values, n) for values, n in sorted(counter.items(), key=lambda kv: sort_key(kv[0]))])


def counts_in_years(groups: Sequence[Sequence[Any]], years: Sequence[int] | None) -> int:
    """How many records the groups hold in `years`."""
    at = GROUP_FIELDS.index("year")
    return sum(g[-1] for g in groups if years is None or g[at] in years)


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
