"""`thidua validate PATH...`: which cell of which submitted sheet is wrong, and why."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from thidua_cli.cli.app import (
    EXIT_FINDINGS,
    EXIT_NOTHING_READ,
    EXIT_OK,
    CatalogueOption,
    DebugOption,
    ForceOption,
    JobsOption,
    LangOption,
    MaxMemoryOption,
    NoCacheOption,
    Reading,
    TimeoutOption,
    VerifyCacheOption,
    app,
    echo,
    err_console,
    fail,
    guard_for,
    handled,
    load_paths,
    out_console,
)
from thidua_cli.errors import ThiduaError
from thidua_cli.i18n import Lang, t

if TYPE_CHECKING:
    from thidua_cli.outputs import Guard
    from thidua_cli.problems import Problem
    from thidua_cli.workers import Limits


class ValidateFormat(StrEnum):
    TABLE = "table"
    JSON = "json"


@app.command("validate")
def validate_command(
    paths: Annotated[list[Path], typer.Argument(help="Tệp hoặc thư mục chứa các danh sách đơn vị gửi lên.")],
    year: Annotated[int | None, typer.Option("--year", help="Năm thi đua của đợt này; dòng năm khác là lỗi.")] = None,
    fmt: Annotated[
        ValidateFormat, typer.Option("--format", "-f", help="table (mặc định) hoặc json.")
    ] = ValidateFormat.TABLE,
    annotate_dir: Annotated[
        Path | None,
        typer.Option(
            "--annotate", help="Ghi vào thư mục này bản sao .xlsx có tô màu, chú thích ô lỗi để gửi lại đơn vị."
        ),
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Cảnh báo cũng cho mã thoát 1.")] = False,
    quota: Annotated[
        float | None,
        typer.Option("--quota", help="Tỷ lệ Chiến sĩ thi đua cơ sở / Lao động tiên tiến tối đa (mặc định 0.15)."),
    ] = None,
    rules: Annotated[Path | None, typer.Option("--rules", help="Tệp quy tắc kiểm tra riêng (TOML).")] = None,
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
    """Kiểm tra danh sách đơn vị gửi lên: chỉ rõ ô nào sai, vì sao, và gợi ý sửa.

    Ví dụ:

      [bold]thidua validate ho-so-2024/ --year 2024[/]

      [bold]thidua validate ho-so-2024/ --annotate tra-lai/[/]   (bản sao tô màu để gửi lại đơn vị)

      [bold]thidua validate ds.xlsx --format json[/]

    Mã thoát: 0 không có lỗi (có thể có cảnh báo); 1 có lỗi (hoặc cảnh báo, với --strict);
    2 sai cú pháp; 3 không đọc được tệp nào.
    """
    from thidua_cli.rendering import validation_tables
    from thidua_cli.validation import load_rules, validate

    with handled(lang, debug):
        reading = Reading(jobs, max_memory, timeout, no_cache, verify_cache)
        result = load_paths(paths, catalogue, fmt is ValidateFormat.JSON, lang, reading)
        report = validate(result, year=year, rules=load_rules(rules, quota))
        if result.readable_files == 0 and fmt is ValidateFormat.TABLE:  # only the error, and why each file failed
            for finding in report.findings:
                err_console().print(f"{finding.file}: {finding.message(lang)}", highlight=False, soft_wrap=True)
            fail(t("nothing_read", lang, paths=", ".join(str(p) for p in paths)), EXIT_NOTHING_READ, lang)
        if fmt is ValidateFormat.JSON:
            echo(json.dumps(report.as_dict(lang), ensure_ascii=False, indent=2))
        else:
            console = out_console()
            for part in validation_tables(report, lang, console.width):
                console.print(part)
        if annotate_dir is not None:
            _annotate_all(report, annotate_dir, lang, guard_for(result, force, lang), reading.limits)
        if result.readable_files == 0:
            fail(t("nothing_read", lang, paths=", ".join(str(p) for p in paths)), EXIT_NOTHING_READ, lang)
        failing = report.errors > 0 or (strict and report.warnings > 0)
        raise typer.Exit(EXIT_FINDINGS if failing else EXIT_OK)


def _copy(
    source: Path, findings: list[Problem], target: Path, lang: str, guard: Guard, _item: None = None
) -> Path | ThiduaError:
    """In the worker: the copy, or the usage error to raise in the parent."""
    from thidua_cli.annotate import write_copy

    try:
        return write_copy(source, findings, target, lang, guard)
    except ThiduaError as exc:
        return exc


def _annotate_all(report, out_dir: Path, lang: str, guard: Guard, limits: Limits | None) -> None:  # type: ignore[no-untyped-def]
    """Each copy made in a capped worker (openpyxl opens the whole workbook); names chosen here."""
    from functools import partial

    from rich.text import Text

    from thidua_cli.annotate import copy_name
    from thidua_cli.display import shown, shown_path
    from thidua_cli.validation import findings_for
    from thidua_cli.workers import Failure, run_one

    taken: set[Path] = set()
    written = 0
    for file, findings in findings_for(report, report.files).items():
        if not findings or any(f.code == "own-output" for f in findings):  # never a copy of a copy
            continue
        target = copy_name(Path(file), out_dir, taken, guard)
        done = run_one(partial(_copy, Path(file), findings, target, lang, guard), None, limits)
        if isinstance(done, ThiduaError):  # an output folder that cannot be written is the user's to fix
            raise done
        if isinstance(done, Failure):  # one odd file must not stop the copies of the others
            line = t("annotate_failed", lang, file=shown_path(file), reason=f"{done.reason}: {shown(done.detail)}")
            err_console().print(Text(line, style="yellow"), highlight=False)
        else:
            written += 1
    err_console().print(t("annotated", lang, n=written, path=shown_path(out_dir)), markup=False)
