"""`thidua template -o FILE`: the submission template units fill in."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from thidua_cli.cli.app import (
    CatalogueOption,
    DebugOption,
    ForceOption,
    LangOption,
    app,
    catalogue_for,
    err_console,
    guard_for,
    handled,
)
from thidua_cli.i18n import Lang, t


@app.command("template")
def template_command(
    output: Annotated[Path, typer.Option("--output", "-o", help="Tệp .xlsx cần ghi.")] = Path("mau-danh-sach.xlsx"),
    year: Annotated[int | None, typer.Option("--year", min=1945, max=2100, help="Năm thi đua in ở tiêu đề.")] = None,
    unit: Annotated[str, typer.Option("--unit", help="Tên đơn vị in ở khối tiêu đề.")] = "",
    parent: Annotated[str, typer.Option("--parent", help="Cơ quan chủ quản, in ở dòng trên tên đơn vị.")] = "",
    catalogue: CatalogueOption = None,
    force: ForceOption = False,
    lang: LangOption = Lang.VI,
    debug: DebugOption = False,
) -> None:
    """Tạo mẫu danh sách khen thưởng để gửi các đơn vị.

    Có mục I. CÁ NHÂN / II. TẬP THỂ, danh sách thả xuống cho danh hiệu, cấp khen, đối tượng, và trang hướng dẫn.

    Ví dụ: [bold]thidua template -o mau-danh-sach.xlsx --year 2024 --unit "Trung tâm Bảo trợ xã hội số 1"[/]
    """
    from thidua_cli.display import shown_path
    from thidua_cli.template import write_template

    with handled(lang, debug):
        write_template(output, catalogue_for(catalogue), year, unit, parent, guard_for(None, force, lang))
        err_console().print(t("written", lang, path=shown_path(output)), markup=False)
