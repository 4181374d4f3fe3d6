"""`thidua report YEARS [PATH]...`: the paragraph for the summary report."""

from __future__ import annotations

from enum import StrEnum
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
    echo,
    err_console,
    exit_for,
    fail,
    guard_for,
    handled,
    load_paths,
    write_problems,
)
from thidua_cli.cli.export_cmd import OrgOption, ParentOption, PlaceOption
from thidua_cli.i18n import Lang, t


class ReportFormat(StrEnum):
    TEXT = "text"
    MARKDOWN = "markdown"
    DOCX = "docx"


@app.command("report")
def report_command(
    years: Annotated[str, typer.Argument(help="Năm cần tổng hợp: 2015-2020, 2019 hoặc 2015,2017-2018.")],
    paths: Annotated[list[Path] | None, typer.Argument(help="Tệp hoặc thư mục (mặc định: thư mục hiện hành).")] = None,
    fmt: Annotated[
        ReportFormat, typer.Option("--format", "-f", help="text (mặc định), markdown hoặc docx.")
    ] = ReportFormat.TEXT,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Ghi vào tệp (bắt buộc với docx).")] = None,
    org: OrgOption = "",
    problems: ProblemsOption = None,
    keep_duplicates: KeepDuplicatesOption = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Không in tóm tắt.")] = False,
    parent: ParentOption = "",
    place: PlaceOption = "",
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
    """Viết đoạn văn tổng kết (danh hiệu trước, rồi hình thức khen thưởng theo cấp) để đưa vào báo cáo.

    Ví dụ:

      [bold]thidua report 2015-2020 sample_data[/]

      [bold]thidua report 2015-2020 sample_data --format docx -o bao-cao.docx --org "Sở LĐ-TBXH"[/]
    """
    from thidua_cli.catalogue import load_catalogue
    from thidua_cli.display import shown_path
    from thidua_cli.outputs import write_text
    from thidua_cli.rendering import print_summary
    from thidua_cli.report import build_report, write_docx
    from thidua_cli.tally import parse_years

    with handled(lang, debug):
        year_list = parse_years(years)
        if fmt is ReportFormat.DOCX and output is None:
            fail(t("needs_output", lang, fmt="docx"), EXIT_USAGE, lang)
        targets = paths or [Path(".")]
        result = load_paths(
            targets,
            catalogue,
            True,
            lang,
            Reading(jobs, max_memory, timeout, no_cache, verify_cache, keep_duplicates=keep_duplicates),
            require_readable=True,
        )
        report = build_report(result.groups, year_list, result.catalogue or load_catalogue())
        guard = guard_for(result, force, lang)
        for target in (output, problems):
            if target is not None:
                guard.check(target)
        if fmt is ReportFormat.DOCX and output is not None:
            write_docx(report, output, org, parent, place, guard)
            err_console().print(t("written", lang, path=shown_path(output)), markup=False)
        else:
            text = report.markdown() if fmt is ReportFormat.MARKDOWN else report.text()
            if output:
                write_text(output, text, guard)
                err_console().print(t("written", lang, path=shown_path(output)), markup=False)
            else:
                echo(text, nl=False)
        if problems:
            write_problems(problems, result, year_list, lang, guard)
        if not quiet:
            print_summary(err_console(), result, year_list, lang)
        exit_for(result)
