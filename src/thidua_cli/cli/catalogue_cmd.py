"""`thidua catalogue`: what awards, aliases and issuers the tool knows."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from thidua_cli.cli.app import CatalogueOption, LangOption, app, catalogue_for, handled, out_console
from thidua_cli.i18n import Lang, t
from thidua_cli.rendering import catalogue_json, catalogue_table, issuer_table


class CatalogueFormat(StrEnum):
    TABLE = "table"
    JSON = "json"


@app.command("catalogue")
def catalogue_command(
    fmt: Annotated[CatalogueFormat, typer.Option("--format", "-f", help="table hoặc json.")] = CatalogueFormat.TABLE,
    catalogue: CatalogueOption = None,
    lang: LangOption = Lang.VI,
) -> None:
    """Liệt kê danh hiệu, hình thức khen thưởng, cách viết tắt và cơ quan khen mà công cụ nhận dạng.

    Ví dụ: [bold]thidua catalogue[/] · [bold]thidua catalogue --catalogue rieng.toml --format json[/]
    """
    with handled(lang):
        cat = catalogue_for(catalogue)
        console = out_console()
        if fmt is CatalogueFormat.JSON:
            typer.echo(catalogue_json(cat), nl=False)
            return
        console.print(catalogue_table(cat, lang))
        console.print(issuer_table(cat, lang))
        console.print(t("catalogue_sources", lang, sources=", ".join(cat.sources)))
