"""`thidua tally YEARS [PATH]...`: counts by award, level, kind and year."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from thidua_cli import __version__
from thidua_cli.catalogue import load_catalogue
from thidua_cli.cli.app import (
    EXIT_NOTHING_READ,
    EXIT_USAGE,
    CatalogueOption,
    DebugOption,
    JobsOption,
    KeepDuplicatesOption,
    LangOption,
    NoCacheOption,
    ProblemsOption,
    app,
    err_console,
    exit_for,
    fail,
    handled,
    load_paths,
    out_console,
    write_problems,
)
from thidua_cli.i18n import Lang, t
from thidua_cli.rendering import print_summary, tally_csv, tally_json, tally_table
from thidua_cli.tally import count, parse_by, parse_years


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
            f"Mặc định: {DEFAULT_TABLE_BY} (bảng) hoặc {DEFAULT_DATA_BY} (csv/json).",
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
    catalogue: CatalogueOption = None,
    jobs: JobsOption = None,
    no_cache: NoCacheOption = False,
    lang: LangOption = Lang.VI,
    debug: DebugOption = False,
) -> None:
    """Đếm số lượt danh hiệu thi đua, hình thức khen thưởng theo năm, cấp khen và đối tượng.

    Đọc mọi tệp .xlsx, .xlsm, .xls, .ods trong PATH (kể cả thư mục con), mọi trang tính.

    Ví dụ:

      [bold]thidua tally 2015-2020 sample_data[/]

      [bold]thidua tally 2015-2020 sample_data --by award,level,kind --format csv -o tong-hop.csv[/]

      [bold]thidua tally 2019 ho-so/ --by unit,award --format json[/]

    Mỗi bản ghi chỉ tính một lần: tệp trùng nội dung chỉ đọc một lần, bản ghi trùng (cùng người,
    đơn vị, danh hiệu, cấp khen, đối tượng, năm) được gộp và liệt kê (--keep-duplicates để đếm cả).

    Mã thoát: 0 đủ và sạch; 1 có tệp bị bỏ qua, dòng không được tính hoặc bản ghi trùng được gộp;
    2 sai cú pháp; 3 không đọc được tệp nào.
    """
    with handled(lang, debug):
        year_list = parse_years(years)
        dims = parse_by(by or (DEFAULT_TABLE_BY if fmt is Format.TABLE else DEFAULT_DATA_BY))
        targets = paths or [Path(".")]
        if fmt is Format.PARQUET:
            _check_parquet(output, lang)
        result = load_paths(
            targets, catalogue, quiet, lang, jobs=jobs, use_cache=not no_cache, keep_duplicates=keep_duplicates
        )
        if result.readable_files == 0:
            if problems:
                write_problems(problems, result, year_list, lang)
            if not quiet:
                print_summary(err_console(), result, year_list, lang)
            fail(t("nothing_read", lang, paths=", ".join(str(p) for p in targets)), EXIT_NOTHING_READ, lang)
        counts = count(result.groups, year_list, dims, result.catalogue or load_catalogue())
        if fmt is Format.PARQUET and output is not None:
            from thidua_cli.parquet import in_years, write_parquet

            years_text = ",".join(map(str, year_list))
            write_parquet(
                in_years(result.iter_rows(), year_list), output, {"version": __version__, "years": years_text}
            )
            err_console().print(t("written", lang, path=output))
        elif fmt is Format.XLSX:
            if output is None:
                fail(
                    "--format xlsx cần --output/-o" if lang == "vi" else "--format xlsx needs --output",
                    EXIT_USAGE,
                    lang,
                )
            from thidua_cli.cli.export_cmd import write_export

            write_export(result, year_list, output, None, "", [d for d in dims if d != "year"], lang)
        elif fmt is Format.CSV:
            _emit(tally_csv(counts), output, lang)
        elif fmt is Format.JSON:
            _emit(tally_json(counts, year_list), output, lang)
        elif not counts.rows:
            err_console().print(t("no_records", lang))
        else:
            table = tally_table(counts, year_list, lang)
            if output:
                with output.open("w", encoding="utf-8") as handle:
                    from rich.console import Console

                    Console(file=handle, width=200).print(table)
                err_console().print(t("written", lang, path=output))
            else:
                out_console().print(table)
        if problems:
            write_problems(problems, result, year_list, lang)
        if not quiet:
            print_summary(err_console(), result, year_list, lang)
        exit_for(result)


def _check_parquet(output: Path | None, lang: str) -> None:
    """Before any file is read: --format parquet needs -o and the pyarrow extra (exit 2)."""
    from rich.markup import escape

    from thidua_cli.parquet import INSTALL_HINT, available

    if output is None:
        fail(
            "--format parquet cần --output/-o" if lang == "vi" else "--format parquet needs --output", EXIT_USAGE, lang
        )
    if not available():
        fail(escape(t("parquet_missing", lang, hint=INSTALL_HINT)), EXIT_USAGE, lang)


def _emit(text: str, output: Path | None, lang: str) -> None:
    if output:
        output.write_text(text, encoding="utf-8")
        err_console().print(t("written", lang, path=output))
    else:
        typer.echo(text, nl=False)
