"""The Typer app, shared options, and the one place where errors become messages and exit codes."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
from rich.console import Console

from thidua_cli import __version__
from thidua_cli.catalogue import Catalogue, find_user_catalogues, load_catalogue
from thidua_cli.errors import ThiduaError
from thidua_cli.i18n import Lang, t

if TYPE_CHECKING:
    from thidua_cli.loading import LoadResult

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_NOTHING_READ, EXIT_INTERNAL = 0, 1, 2, 3, 4

app = typer.Typer(
    name="thidua",
    help=(
        "Tổng hợp và kiểm tra danh sách thi đua – khen thưởng từ các tệp Excel của đơn vị.\n\n"
        "Ví dụ: thidua tally 2015-2020 sample_data"
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)

LangOption = Annotated[
    Lang, typer.Option("--lang", envvar="THIDUA_LANG", help="Ngôn ngữ giao diện: vi (mặc định) hoặc en.")
]
CatalogueOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--catalogue",
        help="Tệp danh mục bổ sung (TOML) với cách viết và danh hiệu riêng; mặc định đọc "
        "thidua-catalogue.toml trong thư mục hiện hành nếu có.",
        exists=False,
    ),
]
DebugOption = Annotated[bool, typer.Option("--debug", help="Hiện traceback khi có lỗi không mong đợi.")]
JobsOption = Annotated[
    int | None,
    typer.Option(
        "--jobs", "-j", min=1, envvar="THIDUA_JOBS", help="Số tiến trình đọc tệp song song (mặc định: số lõi CPU)."
    ),
]
NoCacheOption = Annotated[
    bool, typer.Option("--no-cache", help="Không dùng bộ nhớ đệm: đọc lại mọi tệp Excel (xem: thidua cache clear).")
]


def version_callback(value: bool) -> None:
    if value:
        typer.echo(f"thidua {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool, typer.Option("--version", callback=version_callback, is_eager=True, help="In phiên bản rồi thoát.")
    ] = False,
) -> None:
    """Tổng hợp và kiểm tra danh sách thi đua – khen thưởng."""


def _width(fd: int, fallback: int) -> int | None:
    """The terminal's width; $COLUMNS when set; else a width that keeps tables readable in files."""
    return None if os.isatty(fd) or os.environ.get("COLUMNS") else fallback


def err_console() -> Console:
    return Console(stderr=True, width=_width(2, 120))


def out_console() -> Console:
    return Console(width=_width(1, 160))


def fail(message: str, code: int, lang: str) -> NoReturn:
    err_console().print(f"[bold red]{t('error', lang)}:[/] {message}", highlight=False)
    raise typer.Exit(code)


@contextmanager
def handled(lang: str, debug: bool = False) -> Iterator[None]:
    """Turn the library's exceptions into a message on stderr and a documented exit code."""
    try:
        yield
    except typer.Exit:
        raise
    except ThiduaError as exc:
        fail(str(exc), exc.exit_code, lang)
    except KeyboardInterrupt:
        fail("đã dừng theo yêu cầu" if lang == "vi" else "interrupted", 130, lang)
    except Exception as exc:
        if debug:
            raise
        fail(t("internal", lang, error=f"{type(exc).__name__}: {exc}"), EXIT_INTERNAL, lang)


def catalogue_for(paths: list[Path] | None) -> Catalogue:
    return load_catalogue(find_user_catalogues(paths or [], Path.cwd()))


def exit_for(result: LoadResult) -> NoReturn:
    """Exit 1 when a file was skipped or a row not counted, else 0 (the documented codes)."""
    raise typer.Exit(EXIT_FINDINGS if result.errors else EXIT_OK)


def load_paths(
    targets: list[Path],
    catalogue: list[Path] | None,
    quiet: bool,
    lang: str,
    jobs: int | None = None,
    use_cache: bool = True,
    require_readable: bool = False,
) -> LoadResult:
    """Check the paths, then load them with a progress bar on stderr (files being read).
    `require_readable`: stop with exit 3 when no file could be read."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from thidua_cli.cache import Cache, default_dir
    from thidua_cli.loading import load
    from thidua_cli.reading import find_workbooks

    for path in targets:
        if not path.exists():
            fail(t("missing_path", lang, path=path), EXIT_USAGE, lang)
    cat = catalogue_for(catalogue)
    files, _ = find_workbooks(targets)
    with Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err_console(),
        transient=True,
        disable=quiet or len(files) < 2,
    ) as progress:
        task = progress.add_task(t("loading", lang), total=len(files))
        cache = Cache(default_dir(), cat.fingerprint) if use_cache else None
        result = load(targets, cat, progress=lambda _path: progress.advance(task), jobs=jobs, cache=cache)
    if require_readable and result.readable_files == 0:
        fail(t("nothing_read", lang, paths=", ".join(str(p) for p in targets)), EXIT_NOTHING_READ, lang)
    return result
