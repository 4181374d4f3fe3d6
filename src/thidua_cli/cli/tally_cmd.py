"""`thidua tally YEARS [PATH]...`: counts by award, level, kind and year.

Without `from __future__ import annotations`: Typer reads the command's options from its
annotations, and annotations kept as text are compiled and evaluated again on every run (~10 M
CPU instructions, 2 % of a run answered from the cache). The names imported for type checking
only are quoted.
"""

from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from thidua_cli.cli.app import (
    EXIT_NOTHING_READ,
    EXIT_USAGE,
    CatalogueOption,
    DebugOption,
    ForceOption,
    JobsOption,
    KeepDuplicatesOption,
    LangOption,
    MaxMemoryOption,
    NoCacheOption,
    ProblemsOption,
    RawCsvOption,
    Reading,
    TimeoutOption,
    VerifyCacheOption,
    app,
    echo,
    err_console,
    exit_for,
    fail,
    guard_for,
    handled,
    load_paths,
    out_console,
    safe_console,
    write_problems,
)
from thidua_cli.i18n import Lang, t

if TYPE_CHECKING:  # the rest is imported when the command runs: `thidua tally --help` needs none of it
    from thidua_cli.loading import LoadResult
    from thidua_cli.outputs import Guard
    from thidua_cli.records import Record
    from thidua_cli.tally import Counts


class Format(StrEnum):
    TABLE = "table"
    CSV = "csv"
    JSON = "json"
    XLSX = "xlsx"
    PARQUET = "parquet"


DEFAULT_TABLE_BY = "category,award,level,kind,year"
DEFAULT_DATA_BY = "year,award,level,kind"


@app.command("tally")
def tally_command(
    years: Annotated[str, typer.Argument(help="Năm cần tổng hợp: 2015-2020, 2019 hoặc 2015,2017-2018.")],
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Tệp hoặc thư mục chứa các tệp Excel (mặc định: thư mục hiện hành).")
    ] = None,
    by: Annotated[
        str | None,
        typer.Option(
            "--by",
            help="Các chiều, cách nhau bởi dấu phẩy: year, award, level, kind, category, unit, issuer. "
            f"Mặc định: {DEFAULT_TABLE_BY} (bảng, xlsx) hoặc {DEFAULT_DATA_BY} (csv/json).",
        ),
    ] = None,
    fmt: Annotated[
        Format,
        typer.Option(
            "--format",
            "-f",
            help="table (mặc định), csv, json, xlsx hoặc parquet (mọi bản ghi được tính, kèm nguồn; "
            "cần gói bổ sung: pip install 'thidua-cli\\[parquet]').",
        ),
    ] = Format.TABLE,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Ghi kết quả vào tệp thay vì màn hình.")] = None,
    problems: ProblemsOption = None,
    keep_duplicates: KeepDuplicatesOption = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Không in tóm tắt và thanh tiến trình.")] = False,
    include_proposals: Annotated[
        bool,
        typer.Option(
            "--include-proposals",
            help="Đếm cả danh sách đề nghị và dòng ghi (đề nghị)/(không đạt)/(chưa đạt), tách theo chiều status "
            "(mặc định: không đếm, chỉ báo).",
        ),
    ] = False,
    catalogue: CatalogueOption = None,
    jobs: JobsOption = None,
    max_memory: MaxMemoryOption = None,
    timeout: TimeoutOption = None,
    no_cache: NoCacheOption = False,
    verify_cache: VerifyCacheOption = False,
    force: ForceOption = False,
    raw_csv: RawCsvOption = False,
    lang: LangOption = Lang.VI,
    debug: DebugOption = False,
) -> None:
    """Đếm số lượt danh hiệu thi đua, hình thức khen thưởng theo năm, cấp khen và đối tượng.

    Đọc mọi tệp .xlsx, .xlsm, .xls, .ods trong PATH (kể cả thư mục con), mọi trang tính.

    Ví dụ:

      [bold]thidua tally 2015-2020 sample_data[/]

      [bold]thidua tally 2015-2020 sample_data --by award,level,kind --format csv -o tong-hop.csv[/]

      [bold]thidua tally 2019 ho-so/ --by unit,award --format json[/]

      [bold]thidua tally 2019 ho-so/ --include-proposals[/]  (thêm chiều status: đề nghị, không đạt …)

    Mỗi bản ghi chỉ tính một lần: tệp trùng nội dung chỉ đọc một lần, bản ghi trùng (cùng người,
    đơn vị, danh hiệu, cấp khen, đối tượng, năm) được gộp và liệt kê (--keep-duplicates để đếm cả).

    Mã thoát: 0 đủ và sạch; 1 có tệp bị bỏ qua, dòng không được tính hoặc bản ghi trùng được gộp;
    2 sai cú pháp (năm, --by, đường dẫn, tệp danh mục); 3 không đọc được tệp nào; 4 lỗi không mong
    đợi của chương trình (chạy lại với --debug); 130 người dùng bấm Ctrl-C.
    """
    from thidua_cli.catalogue import load_catalogue
    from thidua_cli.tally import count, parse_by, parse_years

    with handled(lang, debug):
        year_list = parse_years(years)
        dims = parse_by(by or (DEFAULT_TABLE_BY if fmt in (Format.TABLE, Format.XLSX) else DEFAULT_DATA_BY))
        if include_proposals and "status" not in dims:
            dims = [*dims, "status"]
        targets = paths or [Path(".")]
        if fmt is Format.PARQUET:
            _check_parquet(output, lang)
        result = load_paths(
            targets,
            catalogue,
            quiet,
            lang,
            Reading(
                jobs,
                max_memory,
                timeout,
                no_cache,
                verify_cache,
                keep_duplicates=keep_duplicates,
                include_proposals=include_proposals,
            ),
        )
        guard = guard_for(result, force, lang)
        for target in (output, problems):
            if target is not None:
                guard.check(target)  # before anything is written
        if result.readable_files == 0:
            if problems:
                write_problems(problems, result, year_list, lang, guard, raw_csv)
            if not quiet:
                _print_summary(result, year_list, lang)
            fail(t("nothing_read", lang, paths=", ".join(str(p) for p in targets)), EXIT_NOTHING_READ, lang)
        counts = count(result.groups, year_list, dims, result.catalogue or load_catalogue())
        _write_counts(counts, result, fmt, output, year_list, dims, raw_csv, lang, guard)
        if problems:
            write_problems(problems, result, year_list, lang, guard, raw_csv)
        if not quiet:
            _print_summary(result, year_list, lang)
        exit_for(result)


def _print_summary(result: "LoadResult", years: list[int], lang: str) -> None:
    from thidua_cli.rendering import print_summary

    print_summary(err_console(), result, years, lang)


def _write_counts(
    counts: "Counts",
    result: "LoadResult",
    fmt: Format,
    output: Path | None,
    year_list: list[int],
    dims: list[str],
    raw_csv: bool,
    lang: str,
    guard: "Guard",
) -> None:
    """The tally in the chosen format, on stdout or in `output`."""
    from thidua_cli.rendering import tally_csv, tally_json, tally_table

    if fmt is Format.PARQUET and output is not None:
        from thidua_cli import __version__
        from thidua_cli.display import shown_path
        from thidua_cli.outputs import write_file
        from thidua_cli.parquet import in_years

        years_text = ",".join(map(str, year_list))
        rows = in_years(result.iter_rows(), year_list)
        meta = {"version": __version__, "years": years_text}
        write_file(output, lambda tmp: _write_parquet(rows, Path(tmp), meta), guard)
        err_console().print(t("written", lang, path=shown_path(output)), markup=False)
    elif fmt is Format.XLSX:
        if output is None:
            fail(t("needs_output", lang, fmt="xlsx"), EXIT_USAGE, lang)
        from thidua_cli.cli.export_cmd import write_export

        write_export(result, year_list, output, None, "", [d for d in dims if d != "year"], lang, guard)
    elif fmt is Format.CSV:
        _emit(tally_csv(counts, raw_csv), output, lang, guard)
    elif fmt is Format.JSON:
        _emit(tally_json(counts, year_list), output, lang, guard)
    elif not counts.rows:
        err_console().print(t("no_records", lang))
    else:
        console = out_console()
        table = tally_table(counts, year_list, lang, None if output else console.width)
        if output:
            import io

            buffer = io.StringIO()
            safe_console(file=buffer, width=200).print(table)
            _emit(buffer.getvalue(), output, lang, guard)
        else:
            console.print(table)


def _write_parquet(rows: Iterable["Record"], target: Path, meta: dict[str, str]) -> None:
    from thidua_cli.parquet import write_parquet

    write_parquet(rows, target, meta)


def _check_parquet(output: Path | None, lang: str) -> None:
    """Before any file is read: --format parquet needs -o and the pyarrow extra (exit 2)."""
    from thidua_cli.parquet import INSTALL_HINT, available

    if output is None:
        fail(t("needs_output", lang, fmt="parquet"), EXIT_USAGE, lang)
    if not available():
        fail(t("parquet_missing", lang, hint=INSTALL_HINT), EXIT_USAGE, lang)


def _emit(text: str, output: Path | None, lang: str, guard: "Guard") -> None:
    if output:
        from thidua_cli.display import shown_path
        from thidua_cli.outputs import write_text

        write_text(output, text, guard)
        err_console().print(t("written", lang, path=shown_path(output)), markup=False)
    else:
        echo(text, nl=False)
