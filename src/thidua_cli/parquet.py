"""The counted records as one Parquet file, for engines beyond one machine (DuckDB, Spark, Trino).

`thidua tally YEARS PATH… --format parquet -o records.parquet` writes the records the tally
counts (after the counting rule and the merge of duplicates, in the years asked for), one row
each, with their provenance (file, sheet, Excel row) and every field of `RECORD_FIELDS`, by
name: so 63 provinces' files can be put together and counted again without re-reading a
workbook. Needs the optional extra `thidua-cli[parquet]` (pyarrow); imported only when used.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from thidua_cli.records import RECORD_FIELDS, Record

INSTALL_HINT = "pip install 'thidua-cli[parquet]'"
# The fields holding whole numbers (Excel row, years, 0-based columns, -1 when absent); every
# other field, including any added later, is text.
INT_FIELDS = frozenset({"row", "year", "period_start", "period_end", "name_col", "award_col", "year_col"})
_YEAR = RECORD_FIELDS.index("year")


def available() -> bool:
    """Whether pyarrow (the `parquet` extra) is installed, found without importing it: the
    command checks before reading, and a process that has pyarrow loaded (its large address
    space reserved) should not be the one the reading workers are forked from."""
    from importlib.util import find_spec

    try:
        return find_spec("pyarrow") is not None
    except (ImportError, ValueError):  # ValueError: an import of it is blocked (None in sys.modules)
        return False


def in_years(rows: Iterable[Record], years: Sequence[int] | None) -> Iterator[Record]:
    """The records of `years` (all when None): those a tally of `years` counts."""
    wanted = set(years) if years is not None else None
    return (row for row in rows if wanted is None or row[_YEAR] in wanted)


def schema(metadata: dict[str, str] | None = None) -> Any:
    """One column per RECORD_FIELDS name: int32 for INT_FIELDS, text otherwise; the file-level
    `metadata` as `thidua.KEY` entries."""
    import pyarrow as pa

    fields = [pa.field(name, pa.int32() if name in INT_FIELDS else pa.string()) for name in RECORD_FIELDS]
    return pa.schema(fields, metadata={f"thidua.{k}": v for k, v in (metadata or {}).items()})


def records_batch(rows: Sequence[Record], layout: Any) -> Any:
    """`rows` as a pyarrow RecordBatch of the `layout` schema."""
    import pyarrow as pa

    columns = [[row[i] for row in rows] for i in range(len(RECORD_FIELDS))]  # faster than zip(*rows)
    arrays = []
    for field, values in zip(layout, columns, strict=True):
        try:
            arrays.append(pa.array(values, type=field.type))
        except (pa.ArrowTypeError, pa.ArrowInvalid):
            if field.name in INT_FIELDS:
                raise
            arrays.append(pa.array([v if v is None or isinstance(v, str) else str(v) for v in values], pa.string()))
    return pa.RecordBatch.from_arrays(arrays, schema=layout)


def write_parquet(
    rows: Iterable[Record], target: Path, metadata: dict[str, str] | None = None, chunk: int = 50_000
) -> int:
    """Write `rows` to `target` (zstd-compressed Parquet, one row group per `chunk` records, so
    memory stays that of one chunk); returns how many were written."""
    import pyarrow.parquet as pq

    layout = schema(metadata)
    target.parent.mkdir(parents=True, exist_ok=True)
    written, batch = 0, []
    with pq.ParquetWriter(target, layout, compression="zstd") as writer:  # the one write of the file
        for row in rows:
            batch.append(row)
            if len(batch) == chunk:
                writer.write_batch(records_batch(batch, layout))
                written, batch = written + len(batch), []
        if batch or not written:
            writer.write_batch(records_batch(batch, layout))
            written += len(batch)
    return written
