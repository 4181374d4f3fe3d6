"""The one counting engine: records → groups → counts by any dimensions → a pivot.

Every figure the tool prints comes from here: the terminal table, CSV and JSON, the export's
summary and year sheets, the report's paragraph and the library's `tally()`. Unit names are
compared by their text key and shown in one spelling (the most frequent).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from thidua_cli.catalogue import CATEGORIES, KINDS, LEVELS, Catalogue
from thidua_cli.errors import UsageError
from thidua_cli.i18n import t
from thidua_cli.records import MAX_YEAR, MIN_YEAR, RECORD_FIELDS, Record
from thidua_cli.text import key

if TYPE_CHECKING:
    import pandas as pd

DIMENSIONS = ("year", "award", "level", "kind", "category", "unit", "issuer", "status", "method")
GROUP_FIELDS = ("year", "award", "level", "kind", "category", "unit", "issuer", "status", "method")
Group = tuple[int, str, str, str, str, str, str, str, str, int]  # GROUP_FIELDS values, then the count
_GROUP_OF = itemgetter(*(RECORD_FIELDS.index(name) for name in GROUP_FIELDS))
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


def years_label(years: Sequence[int] | None) -> str:
    """2015-2020 for a run of years, else the years one by one; "" for none."""
    if not years:
        return ""
    ys = sorted(years)
    if ys == list(range(ys[0], ys[-1] + 1)):
        return str(ys[0]) if len(ys) == 1 else f"{ys[0]}-{ys[-1]}"
    return ", ".join(str(y) for y in ys)


def group_records(records: Iterable[Record]) -> list[Group]:
    """Counts per distinct combination of all dimensions: enough for any `--by`."""
    counter = Counter(map(_GROUP_OF, records))
    return [(*values, n) for values, n in counter.items()]


def net_groups(groups: Iterable[Sequence[Any]], removed: Iterable[Sequence[Any]] = ()) -> list[Group]:
    """Groups summed over files, less the `removed` ones (merged duplicates); empty ones dropped."""
    counter: Counter[tuple[Any, ...]] = Counter()
    for group in groups:
        counter[tuple(group[:-1])] += group[-1]
    for group in removed:
        counter[tuple(group[:-1])] -= group[-1]
    return [(*values, n) for values, n in counter.items() if n > 0]


def unit_spellings(groups: Iterable[Sequence[Any]]) -> dict[str, str]:
    """Each spelling of a unit → the one shown for its text key: the most frequent, then one not
    in capitals ("Văn phòng Sở" over "VĂN PHÒNG SỞ"), then the first in order."""
    at = GROUP_FIELDS.index("unit")
    weights: Counter[str] = Counter()
    for group in groups:
        weights[str(group[at])] += group[-1]
    best: dict[str, tuple[int, bool, str]] = {}
    for spelling, n in weights.items():
        rank = (n, spelling != spelling.upper(), spelling)
        k = key(spelling)
        if k not in best or rank[:2] > best[k][:2]:
            best[k] = rank
    return {spelling: best[key(spelling)][2] for spelling in weights}


@dataclass(frozen=True)
class Counts:
    """Counts by dimensions, in catalogue order: `rows` are (value, …, count) tuples."""

    by: tuple[str, ...]
    rows: list[tuple[Any, ...]]
    award_order: tuple[str, ...] = ()  # the catalogue's, for a pivot by award

    @property
    def total(self) -> int:
        return sum(row[-1] for row in self.rows)


def _orders(award_order: Sequence[str]) -> dict[str, dict[Any, int]]:
    return {
        "award": {name: i for i, name in enumerate(award_order)},
        "level": {v: i for i, v in enumerate(LEVELS)},
        "kind": {v: i for i, v in enumerate(KINDS)},
        "category": {v: i for i, v in enumerate(CATEGORIES)},
    }


def _sort_key(orders: dict[str, dict[Any, int]], dim: str, value: Any) -> Any:
    order = orders.get(dim)
    return (order.get(value, len(order)), str(value)) if order is not None else value


def count(
    groups: Sequence[Sequence[Any]],
    years: Sequence[int] | None,
    by: Sequence[str],
    catalogue: Catalogue | None,
    award_order: Sequence[str] | None = None,
) -> Counts:
    """Counts from groups (GROUP_FIELDS + count) for `years` (all when None), in catalogue order."""
    by = tuple(parse_by(list(by)))
    positions = [GROUP_FIELDS.index(d) for d in by]
    year_at, unit_at = GROUP_FIELDS.index("year"), GROUP_FIELDS.index("unit")
    spell = unit_spellings(groups) if "unit" in by else {}
    wanted = set(years) if years is not None else None
    counter: Counter[tuple[Any, ...]] = Counter()
    for group in groups:
        if wanted is None or group[year_at] in wanted:
            counter[tuple(spell[group[p]] if p == unit_at else group[p] for p in positions)] += group[-1]
    if award_order is None:
        award_order = [a.name for a in catalogue.awards] if catalogue else []
    orders = _orders(award_order)

    def sort_key(item: tuple[Any, ...]) -> tuple[Any, ...]:
        return tuple(_sort_key(orders, d, v) for d, v in zip(by, item, strict=True))

    ordered = sorted(((values, n) for values, n in counter.items() if n), key=lambda kv: sort_key(kv[0]))
    return Counts(by, [(*values, n) for values, n in ordered], tuple(award_order))


def counted_in(groups: Sequence[Sequence[Any]], years: Sequence[int] | None) -> int:
    """How many records the groups hold in `years` (all when None)."""
    at = GROUP_FIELDS.index("year")
    return sum(g[-1] for g in groups if years is None or g[at] in years)


def frame_groups(records: pd.DataFrame) -> list[Group]:
    """The groups of a records frame (columns it lacks count as empty)."""
    n = len(records)
    columns = [records[c].tolist() if c in records.columns else [""] * n for c in GROUP_FIELDS]
    counter = Counter(zip(*columns, strict=True))
    return [(*values, n) for values, n in counter.items()]


def tally(
    records: Any,
    years: Sequence[int] | None = None,
    by: Sequence[str] = ("award", "level", "kind"),
    catalogue: Catalogue | None = None,
) -> pd.DataFrame:
    """Counts of records (a `load()` result or its `records` frame) for `years` (all when None),
    grouped by `by`, in catalogue order: the same engine and figures as `thidua tally`."""
    import pandas as pd

    if hasattr(records, "groups") and hasattr(records, "files"):  # a LoadResult
        catalogue = catalogue or records.catalogue
        groups, award_order = records.groups, None
    else:
        groups = frame_groups(records)
        award = records["award"] if "award" in records.columns else None
        categories = getattr(getattr(award, "cat", None), "categories", None)
        award_order = [str(c) for c in categories] if categories is not None and catalogue is None else None
    if catalogue is None and award_order is None:
        from thidua_cli.catalogue import load_catalogue

        catalogue = load_catalogue()
    counts = count(groups, years, by, catalogue, award_order)
    frame = pd.DataFrame.from_records(counts.rows, columns=[*counts.by, "count"])
    frame["count"] = frame["count"].astype("int64")
    if "year" in frame.columns:
        frame["year"] = frame["year"].astype("int64")
    return frame
