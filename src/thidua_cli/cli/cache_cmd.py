"""`thidua cache clear|path`: the per-user cache of parsed workbooks."""

from __future__ import annotations

import typer

from thidua_cli.cli.app import LangOption, app, err_console
from thidua_cli.i18n import Lang, t

cache_app = typer.Typer(
    help="Bộ nhớ đệm các tệp đã đọc (lần chạy sau nhanh hơn). Ví dụ: thidua cache clear",
    no_args_is_help=True,
)
app.add_typer(cache_app, name="cache")


@cache_app.callback()
def cache_group(lang: LangOption = Lang.VI) -> None:  # read before parsing (cli.language)
    """Bộ nhớ đệm các tệp đã đọc (lần chạy sau nhanh hơn). Ví dụ: thidua cache clear"""


@cache_app.command("clear")
def cache_clear(lang: LangOption = Lang.VI) -> None:
    """Xoá bộ nhớ đệm. Ví dụ: [bold]thidua cache clear[/]"""
    from thidua_cli.cache import Cache, default_dir

    removed = Cache(default_dir(), "").clear()
    err_console().print(t("cache_cleared", lang, n=removed, path=default_dir()))


@cache_app.command("path")
def cache_path(lang: LangOption = Lang.VI) -> None:  # the path reads the same in both languages
    """In đường dẫn thư mục bộ nhớ đệm. Ví dụ: [bold]thidua cache path[/]"""
    from thidua_cli.cache import default_dir

    typer.echo(str(default_dir()))
