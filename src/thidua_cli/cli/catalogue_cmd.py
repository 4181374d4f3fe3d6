"""`thidua catalogue`: what awards, aliases and issuers the tool knows."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from thidua_cli.cli.app import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    CatalogueOption,
    LangOption,
    app,
    catalogue_for,
    handled,
    out_console,
)
from thidua_cli.i18n import Lang, t


class CatalogueFormat(StrEnum):
    TABLE = "table"
    JSON = "json"


@app.command("catalogue")
def catalogue_command(
    fmt: Annotated[CatalogueFormat, typer.Option("--format", "-f", help="table hoặc json.")] = CatalogueFormat.TABLE,
    catalogue: CatalogueOption = None,
    check: Annotated[
        Path | None,
        typer.Option(
            "--check",
            help="Kiểm tra một tệp danh mục riêng (cấp khen sai, cách viết che hoặc trùng danh hiệu khác). "
            "Mã thoát: 0 sạch, 1 có cảnh báo, 2 có lỗi (tệp sẽ bị từ chối).",
        ),
    ] = None,
    lang: LangOption = Lang.VI,
) -> None:
    """Liệt kê danh hiệu, hình thức khen thưởng, cách viết tắt và cơ quan khen mà công cụ nhận dạng.

    Ví dụ: [bold]thidua catalogue[/] · [bold]thidua catalogue --catalogue rieng.toml --format json[/] ·
    [bold]thidua catalogue --check rieng.toml[/]
    """
    from thidua_cli.rendering import catalogue_json, catalogue_table, issuer_table  # not for `--help`

    if check is not None:
        _check(check, fmt, lang)
    with handled(lang):
        cat = catalogue_for(catalogue)
        console = out_console()
        if fmt is CatalogueFormat.JSON:
            typer.echo(catalogue_json(cat), nl=False)
            return
        console.print(catalogue_table(cat, lang))
        console.print(issuer_table(cat, lang))
        console.print(t("catalogue_sources", lang, sources=", ".join(cat.sources)))


def _check(path: Path, fmt: CatalogueFormat, lang: Lang) -> None:
    from thidua_cli.catalogue_check import check_catalogue

    with handled(lang):
        findings = check_catalogue(path)
    errors = sum(1 for f in findings if f.is_error)
    if fmt is CatalogueFormat.JSON:
        payload = {"file": str(path), "findings": [f.as_dict(lang) for f in findings], "errors": errors}
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        console = out_console()
        for finding in findings:
            mark = t("check_error", lang) if finding.is_error else t("check_warning", lang)
            where = f"{finding.where}: " if finding.where else ""
            console.print(f"{mark} {where}{finding.message(lang)}", highlight=False, markup=False)
        console.print(t("check_summary", lang, file=str(path), errors=errors, warnings=len(findings) - errors))
    raise typer.Exit(EXIT_USAGE if errors else EXIT_FINDINGS if findings else EXIT_OK)
