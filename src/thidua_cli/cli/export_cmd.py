"""`thidua export YEARS [PATH]... -o FILE | --split DIR`: yearly summary workbooks."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from thidua_cli.cli.app import (
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
    Reading,
    TimeoutOption,
    VerifyCacheOption,
    app,
    err_console,
    exit_for,
    fail,
    guard_for,
    handled,
    load_paths,
    write_problems,
)
from thidua_cli.i18n import Lang, t

OrgOption = Annotated[str, typer.Option("--org", help="Tên cơ quan ban hành, in đậm ở góc trái khối tiêu đề.")]
ParentOption = Annotated[
    str, typer.Option("--parent", help="Cơ quan chủ quản, in đứng (không đậm) ở dòng trên tên cơ quan ban hành.")
]
PlaceOption = Annotated[
    str,
    typer.Option("--place", help='Địa danh của dòng ngày tháng, ví dụ "Thanh Hoá" → Thanh Hoá, ngày … tháng … năm ….'),
]


@app.command("export")
def export_command(
    years: Annotated[str, typer.Argument(help="Năm cần tổng hợp: 2015-2020, 2019 hoặc 2015,2017-2018.")],
    paths: Annotated[list[Path] | None, typer.Argument(help="Tệp hoặc thư mục (mặc định: thư mục hiện hành).")] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Tệp .xlsx cần ghi.")] = None,
    split: Annotated[Path | None, typer.Option("--split", help="Ghi mỗi năm một tệp vào thư mục này.")] = None,
    by: Annotated[
        str | None, typer.Option("--by", help="Các chiều của bảng Tổng hợp (mặc định: category,award,level,kind).")
    ] = None,
    org: OrgOption = "",
    problems: ProblemsOption = None,
    keep_duplicates: KeepDuplicatesOption = False,
    parent: ParentOption = "",
    place: PlaceOption = "",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Không in tóm tắt.")] = False,
    catalogue: CatalogueOption = None,
    jobs: JobsOption = None,
    max_memory: MaxMemoryOption = None,
    timeout: TimeoutOption = None,
    no_cache: NoCacheOption = False,
    verify_cache: VerifyCacheOption = False,
    force: ForceOption = False,
    lang: LangOption = Lang.VI,
    debug: DebugOption = False,
) -> None:
    """Xuất bảng tổng hợp Excel để in và gửi cấp trên.

    Trang Tổng hợp (có biểu đồ, công thức tổng), mỗi năm một trang, trang Dữ liệu (mọi bản ghi kèm nguồn; quá 1.048.575 bản ghi thì sang "Dữ liệu (2)", …).

    Ví dụ:

      [bold]thidua export 2015-2020 sample_data -o tong-hop.xlsx --org "Sở LĐ-TBXH"[/]

      [bold]thidua export 2015-2020 sample_data --split nam/ --parent "UBND tỉnh Thanh Hoá" --place "Thanh Hoá"[/]
    """
    from thidua_cli.rendering import print_summary
    from thidua_cli.tally import parse_by, parse_years

    with handled(lang, debug):
        if (output is None) == (split is None):
            fail(t("both_outputs", lang), EXIT_USAGE, lang)
        year_list = parse_years(years)
        dims = parse_by(by) if by else ["category", "award", "level", "kind"]
        targets = paths or [Path(".")]
        result = load_paths(
            targets,
            catalogue,
            quiet,
            lang,
            Reading(jobs, max_memory, timeout, no_cache, verify_cache, keep_duplicates=keep_duplicates),
            require_readable=True,
        )
        guard = guard_for(result, force, lang)
        if problems:
            guard.check(problems)
        write_export(result, year_list, output, split, org, dims, lang, guard, parent=parent, place=place)
        if problems:
            write_problems(problems, result, year_list, lang, guard)
        if not quiet:
            print_summary(err_console(), result, year_list, lang)
        exit_for(result)


def write_export(  # type: ignore[no-untyped-def]
    result,
    years,
    output: Path | None,
    split: Path | None,
    org: str,
    dims,
    lang: str = "vi",
    guard=None,
    parent: str = "",
    place: str = "",
) -> None:
    """Shared with `tally --format xlsx`. Every target is checked before the first is written."""
    from thidua_cli.catalogue import load_catalogue
    from thidua_cli.display import shown_path
    from thidua_cli.export import export_split, export_workbook
    from thidua_cli.outputs import illegal_cells

    cat = result.catalogue or load_catalogue()
    by = [*dims, "year"] if "year" not in dims else dims
    targets = [split / f"tong-hop-{year}.xlsx" for year in years] if split is not None else [output]
    for target in targets:
        guard.check(target)
    replaced = illegal_cells(result.iter_rows())  # streamed: the rows of one file at a time
    if replaced:
        err_console().print(t("xml_replaced", lang, n=replaced), markup=False)
    if split is not None:
        for path in export_split(result, years, split, cat, org, by, guard=guard, parent=parent, place=place):
            err_console().print(t("written", lang, path=shown_path(path)), markup=False)
    elif output is not None:
        export_workbook(result, years, output, cat, org, by, guard=guard, parent=parent, place=place)
        err_console().print(t("written", lang, path=shown_path(output)), markup=False)
