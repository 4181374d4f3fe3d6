"""The counted records as one Parquet file, for engines beyond one machine (DuckDB, Spark, Trino).

`thidua tally YEARS PATH… --format parquet -o records.parquet` writes the records the tally
counts (after the counting rule and the merge of duplicates, in the years asked for), one row
each, with their provenance (file, sheet, Excel row) and every field of `RECORD_FIELDS`, by
name: so 63 provinces' files can be put together and counted again without re-reading a
workbook. Needs the optional extra `thidua-cli[parquet]` (pyarrow); imported only when used.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from thidua_cli.records import RECORD_FIELDS, Record

INSTALL_HINT = "pip install 'thidua-cli[parquet]'"
# The fields holding whole numbers (Excel row, years, 0-based columns, -1 when absent); every
# other field, including any added later, is text.
INT_FIELDS = frozenset({"row", "year", "period_start", "period_end", "name_col", "award_col", "year_col"})
_YEAR = RECORD_FIELDS.index("year")


def available() -> bool:
    """Whether pyarrow (the `parquet` extra) can be imported."""
    try:
        import pyarrow.parquet  # noqa: F401
    except ImportError:
        return False
    return True


def in_years(rows: Iterable[Record], years: Sequence[int] | None) -> list[Record]:
    """The records of `years` (all when None): those a tally of `years` counts."""
    if years is None:
        return list(rows)
    wanted = set(years)
    return [row for row in rows if row[_YEAR] in wanted]


def records_table(rows: Sequence[Record], metadata: dict[str, str] | None = None) -> Any:
    """The records as a pyarrow Table: one column per RECORD_FIELDS name, int32 or text."""
    import pyarrow as pa

    columns = list(zip(*rows, strict=True)) if rows else [() for _ in RECORD_FIELDS]
    fields, arrays = [], []
    for name, values in zip(RECORD_FIELDS, columns, strict=True):
        if name in INT_FIELDS:
            array = pa.array(values, type=pa.int32())
        else:
            try:
                array = pa.array(values, type=pa.string())
            except (pa.ArrowTypeError, pa.ArrowInvalid):  # a value that is not text: written as its text
                array = pa.array([v if v is None or isinstance(v, str) else str(v) for v in values], pa.string())
        fields.append(pa.field(name, array.type))
        arrays.append(array)
    schema = pa.schema(fields, metadata={f"thidua.{k}": v for k, v in (metadata or {}).items()})
    return pa.Table.from_arrays(arrays, schema=schema)


def write_parquet(rows: Sequence[Record], target: Path, metadata: dict[str, str] | None = None) -> Path:
    """Write `rows` to `target` (zstd-compressed Parquet); the file-level `metadata` as
    `thidua.KEY` entries of the schema (the tool's version, the years)."""
    import pyarrow.parquet as pq

    table = records_table(rows, metadata)
    target.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(table, target, compression="zstd")  # the one write (for an atomic-output helper)
    return target
