"""The Typer app, shared options, and the one place where errors become messages and exit codes."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, MutableMapping
from contextlib import contextmanager
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NamedTuple, NoReturn, TextIO

import typer
import typer.main
from typer.core import TyperCommand, TyperGroup

from thidua_cli import __version__
from thidua_cli.cli.language import LANGUAGE, Localised, language_of
from thidua_cli.errors import ThiduaError
from thidua_cli.i18n import Lang, t

if TYPE_CHECKING:  # the rest is imported where it is used: `--help` never needs the catalogue
    from rich.console import Console

    from thidua_cli.cache import Cache
    from thidua_cli.catalogue import Catalogue
    from thidua_cli.loading import LoadResult
    from thidua_cli.outputs import Guard
    from thidua_cli.problems import Problem
    from thidua_cli.workers import Limits

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_NOTHING_READ, EXIT_INTERNAL = 0, 1, 2, 3, 4
EXIT_TERMINATED = 143  # 128 + SIGTERM, for SIGHUP too

class Entry(NamedTuple):
    """A command of the root group: the module that defines it, and the first paragraph of its
    Vietnamese help, which `thidua --help` lists (English: data/interface.toml) without
    importing the module; tests/test_startup.py checks that it is the command's own. (Named
    tuples here, not frozen dataclasses: a dataclass's methods are compiled at each start.)"""

    module: str
    summary: str


# Each command's module is imported only when that command runs or shows its help: building
# every command's options from its signature on each start cost ~20 ms, importing them ~10 ms.
COMMANDS = {
    "tally": Entry("tally_cmd", "Đếm số lượt danh hiệu thi đua, hình thức khen thưởng theo năm, cấp khen và đối tượng."),
    "validate": Entry("validate_cmd", "Kiểm tra danh sách đơn vị gửi lên: chỉ rõ ô nào sai, vì sao, và gợi ý sửa."),
    "export": Entry("export_cmd", "Xuất bảng tổng hợp Excel để in và gửi cấp trên."),
    "report": Entry(
        "report_cmd",
        "Viết đoạn văn tổng kết (danh hiệu trước, rồi hình thức khen thưởng theo cấp) để đưa vào báo cáo.",
    ),
    "template": Entry("template_cmd", "Tạo mẫu danh sách khen thưởng để gửi các đơn vị."),
    "history": Entry(
        "people_cmd",
        "Quá trình khen thưởng của một người hoặc tập thể qua các năm, kèm nguồn (tệp, trang, dòng).",
    ),
    "eligible": Entry("people_cmd", "Ai đủ điều kiện đề nghị danh hiệu, hình thức cao hơn trong năm YEAR."),
    "catalogue": Entry(
        "catalogue_cmd",
        "Liệt kê danh hiệu, hình thức khen thưởng, cách viết tắt và cơ quan khen mà công cụ nhận dạng.",
    ),
    "cache": Entry("cache_cmd", "Bộ nhớ đệm các tệp đã đọc (lần chạy sau nhanh hơn). Ví dụ: thidua cache clear"),
    "inspect": Entry(
        "inspect_cmd",
        "Cho biết từng trang tính được đọc thế nào: vùng bảng, dòng tiêu đề, vai trò từng cột và căn cứ\n"
        "(nhãn tiêu đề, tỉ lệ ô khớp), dòng mục / dòng đơn vị, dòng bỏ qua và lý do, các bản ghi đầu tiên.",
    ),
}


class _CommandTable(MutableMapping[str, Any]):
    """The group's commands by name; a command is built from its module on first use."""

    def __init__(self, built: MutableMapping[str, Any]) -> None:
        self._built = dict(built)

    def __getitem__(self, name: str) -> Any:
        if name not in self._built:
            if name not in COMMANDS:
                raise KeyError(name)
            self._built[name] = _build(name)
        return self._built[name]

    def __setitem__(self, name: str, command: Any) -> None:
        self._built[name] = command

    def __delitem__(self, name: str) -> None:
        del self._built[name]

    def __iter__(self) -> Iterator[str]:
        return iter(dict.fromkeys([*COMMANDS, *self._built]))

    def __len__(self) -> int:
        return len(dict.fromkeys([*COMMANDS, *self._built]))

    def listed(self) -> dict[str, Any]:
        """What the group's help lists: the commands built so far, a summary for the others."""
        return {
            name: self._built[name] if name in self._built else LocalisedCommand(name=name, help=COMMANDS[name].summary)
            for name in self
        }


def _build(name: str) -> Any:
    """One command, through Typer's public conversion of an app holding only that command."""
    import_module(f"thidua_cli.cli.{COMMANDS[name].module}")
    single = typer.Typer(add_completion=False, rich_markup_mode=app.rich_markup_mode)
    single.registered_commands = [c for c in app.registered_commands if c.name == name]
    single.registered_groups = [g for g in app.registered_groups if g.name == name]
    for info in app.registered_commands:  # help, usage and parser errors in the interface language
        info.cls = LocalisedCommand  # all: a module may register two commands (history, eligible)
    for group_info in single.registered_groups:
        assert group_info.typer_instance is not None
        group_info.typer_instance.info.cls = LocalisedGroup
        for info in group_info.typer_instance.registered_commands:
            info.cls = LocalisedCommand
    if single.registered_groups:
        group = typer.main.get_command(single)
        assert isinstance(group, TyperGroup)
        return group.commands[name]
    single.info.context_settings = app.info.context_settings
    return typer.main.get_command(single)


class LocalisedCommand(Localised, TyperCommand):
    """A command whose help and parser errors follow the interface language."""


class LocalisedGroup(Localised, TyperGroup):
    """A group of subcommands (`cache`) whose help and parser errors follow the interface language."""


class LazyGroup(Localised, TyperGroup):
    """Typer's group, with commands built on demand (see COMMANDS), speaking the language the
    command line asks for (read before parsing: see cli.language)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.commands = self._table = _CommandTable(self.commands)

    def format_help(self, ctx: Any, formatter: Any) -> None:
        self.commands = self._table.listed()  # `thidua --help` imports no command's module
        try:
            super().format_help(ctx, formatter)
        finally:
            self.commands = self._table

    def main(self, args: Any = None, *rest: Any, **kwargs: Any) -> Any:
        token = LANGUAGE.set(language_of(sys.argv[1:] if args is None else list(args)))
        try:
            return super().main(args, *rest, **kwargs)
        finally:
            LANGUAGE.reset(token)


app = typer.Typer(
    cls=LazyGroup,
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
KeepDuplicatesOption = Annotated[
    bool,
    typer.Option(
        "--keep-duplicates",
        help="Đếm cả bản ghi trùng (cùng người, đơn vị, danh hiệu, cấp khen, đối tượng, năm) và tệp trùng "
        "nội dung, như chúng có trong tệp (mặc định: mỗi bản ghi chỉ tính một lần).",
    ),
]
ProblemsOption = Annotated[
    Path | None,
    typer.Option(
        "--problems",
        help="Ghi ra tệp CSV mọi dòng không được tính (kèm mã lý do, cả dòng ngoài các năm đã chọn), "
        "bản ghi trùng, tệp bị bỏ qua và cảnh báo.",
    ),
]
MaxMemoryOption = Annotated[
    str | None,
    typer.Option(
        "--max-memory",
        envvar="THIDUA_MAX_MEMORY",
        help="Giới hạn bộ nhớ cho mỗi tiến trình đọc tệp, ví dụ 2G (mặc định) hoặc 500M; tệp vượt giới hạn "
        "được báo là quá lớn / hỏng, các tệp khác vẫn được tính.",
    ),
]
TimeoutOption = Annotated[
    float | None,
    typer.Option(
        "--timeout",
        min=0.1,
        envvar="THIDUA_TIMEOUT",
        help="Số giây tối đa để đọc một tệp (mặc định 120); quá hạn thì tệp được báo, các tệp khác vẫn được tính.",
    ),
]
NoCacheOption = Annotated[
    bool, typer.Option("--no-cache", help="Không dùng bộ nhớ đệm: đọc lại mọi tệp Excel (xem: thidua cache clear).")
]


ForceOption = Annotated[
    bool,
    typer.Option("--force", help="Ghi đè tệp kết quả đã có (không bao giờ ghi đè tệp đang được đọc)."),
]
RawCsvOption = Annotated[
    bool,
    typer.Option(
        "--raw-csv",
        help="Ghi ô CSV đúng như trong danh sách; mặc định ô bắt đầu bằng = + - @ được thêm dấu ' phía trước "
        "để Excel không chạy chúng như công thức.",
    ),
]


def guard_for(result: LoadResult | None, force: bool, lang: str) -> Guard:
    """What this command's outputs must not replace: every file found, and existing files unless --force."""
    from thidua_cli.outputs import Guard

    files = result.files if result else []  # our own outputs are unreadable files: the others' findings stay undecoded
    read = [f.file for f in files if f.readable or not any(p.code == "own-output" for p in f.problems)]
    return Guard.of(read, force, lang)


VerifyCacheOption = Annotated[
    bool,
    typer.Option(
        "--verify-cache",
        help="Đọc lại mọi tệp và so với bộ nhớ đệm: mục đệm nào khác được thay và báo (bộ nhớ đệm chỉ là bản "
        "sao để chạy nhanh, không phải nguồn dữ liệu).",
    ),
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
    lang: LangOption = Lang.VI,  # read before parsing (cli.language); here so that `thidua --lang en -h` parses
) -> None:
    """Tổng hợp và kiểm tra danh sách thi đua – khen thưởng."""


def _width(fd: int, fallback: int) -> int | None:
    """The terminal's width; $COLUMNS when set; else a width that keeps tables readable in files."""
    return None if os.isatty(fd) or os.environ.get("COLUMNS") else fallback


def safe_console(**options: Any) -> Console:
    """A Rich console for user text: no markup or emoji codes read in it (a cell or a file name
    holding "[/x]" is printed as it is), and control characters shown as `\\x1b` (see `display`).
    Our own styling uses Text objects."""
    from rich.console import Console  # imported when something is printed: ~20 ms of start-up

    from thidua_cli.display import shown

    class SafeConsole(Console):
        def render_str(self, text: str, **kwargs: Any) -> Any:
            return super().render_str(shown(text), **kwargs)

    return SafeConsole(markup=False, emoji=False, **options)


def err_console() -> Console:
    return safe_console(stderr=True, width=_width(2, 120))


def out_console() -> Console:
    return safe_console(width=_width(1, 160))


def echo(text: str, nl: bool = True) -> None:
    """CSV and JSON on stdout (a non-UTF-8 file name in them as U+FFFD)."""
    from thidua_cli.display import printable

    typer.echo(printable(text), nl=nl)


def fail(message: str, code: int, lang: str) -> NoReturn:
    from rich.text import Text

    from thidua_cli.display import shown

    line = Text.assemble((f"{t('error', lang)}: ", "bold red"), shown(message))
    err_console().print(line, highlight=False)
    raise typer.Exit(code)


@contextmanager
def handled(lang: str, debug: bool = False) -> Iterator[None]:
    """Turn the library's exceptions into a message on stderr and a documented exit code.
    SIGTERM and SIGHUP (`kill`, a process manager, `timeout`, a closed terminal) stop the command
    like Ctrl-C: the reading processes are ended with it, a file being written is left as it
    was, and the exit code is 143."""
    _on_termination()
    try:
        yield
    except typer.Exit:
        raise
    except ThiduaError as exc:
        fail(exc.message(lang), exc.exit_code, lang)
    except Terminated as exc:
        fail(("đã dừng theo tín hiệu " if lang == "vi" else "stopped by signal ") + exc.name, EXIT_TERMINATED, lang)
    except KeyboardInterrupt:  # the user's own choice, not an error
        err_console().print(t("interrupted", lang), highlight=False)
        raise typer.Exit(130) from None
    except Exception as exc:
        if debug:
            raise
        fail(t("internal", lang, error=f"{type(exc).__name__}: {exc}"), EXIT_INTERNAL, lang)


class Terminated(BaseException):
    """Raised in the main thread by SIGTERM or SIGHUP: unwinds like KeyboardInterrupt, so every
    `with` block (the worker pool, a temporary output file) cleans up on the way out."""

    def __init__(self, signum: int) -> None:
        import signal

        super().__init__(signum)
        self.name = signal.Signals(signum).name


def _on_termination() -> None:
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return

    def stop(signum: int, _frame: object) -> None:
        raise Terminated(signum)

    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), stop)
    if hasattr(signal, "SIGXFSZ"):  # a file size limit: the write fails with EFBIG (exit 2), no core dump
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


def catalogue_for(paths: list[Path] | None, cache: Cache | None = None) -> Catalogue:
    """The run's catalogue; with a `cache`, kept built in it between runs (see catalogue_store)."""
    from thidua_cli.catalogue import find_user_catalogues, load_catalogue

    store = None
    if cache is not None:
        from thidua_cli.catalogue_store import CatalogueStore

        store = CatalogueStore(cache)
    return load_catalogue(find_user_catalogues(paths or [], Path.cwd()), store)


def exit_for(result: LoadResult) -> NoReturn:
    """Exit 1 when a file was skipped, a row not counted or a duplicate merged, else 0 (the
    documented codes)."""
    raise typer.Exit(EXIT_FINDINGS if result.has_errors else EXIT_OK)


def _counted(problem: Problem) -> str:
    """ "no": rows not counted (an error, or outside the years); "yes": a warning on records
    counted; "": a note about a sheet (skipped)."""
    from thidua_cli.problems import Severity

    if problem.severity is Severity.ERROR or problem.code == "outside-years":
        return "no"
    return "yes" if problem.severity is Severity.WARNING else ""


def write_problems(
    path: Path, result: LoadResult, years: list[int] | None, lang: str, guard: Guard | None = None, raw: bool = False
) -> None:
    """`--problems FILE`: every finding as CSV (UTF-8 with BOM, for Excel), whether its row is
    counted; written whole or not at all, never over an input; cells that Excel would run as a
    formula prefixed with ' unless `raw`."""
    import csv
    import io

    from thidua_cli.display import shown_path
    from thidua_cli.outputs import csv_cell, write_text
    from thidua_cli.validation import listing

    fields = ["file", "sheet", "row", "column", "cell", "value", "severity", "code", "message", "counted"]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=fields)
    writer.writeheader()
    found = listing(result, years)
    dropped = {(p.file, p.sheet, p.row) for p in found if p.row is not None and _counted(p) == "no"}
    for problem in found:
        counted = "no" if (problem.file, problem.sheet, problem.row) in dropped else _counted(problem)
        row = {**problem.as_dict(lang), "counted": counted}
        writer.writerow(row if raw else {k: csv_cell(v) for k, v in row.items()})
    write_text(path, buffer.getvalue(), guard, encoding="utf-8-sig")
    err_console().print(t("written", lang, path=shown_path(path)), markup=False)


def limits_for(max_memory: str | None, timeout: float | None) -> Limits | None:
    """The caps of each reading process, from --max-memory and --timeout; None when neither is
    given: the workers' defaults (`workers.Limits()`), and a run answered from the cache never
    imports the workers."""
    if not max_memory and not timeout:
        return None
    from thidua_cli.workers import DEFAULT_SECONDS, Limits, parse_size

    memory = parse_size(max_memory) if max_memory else Limits().memory
    return Limits(memory=memory, seconds=timeout or DEFAULT_SECONDS)


class Reading(NamedTuple):
    """How a command reads its files: the options every reading command shares (--jobs,
    --max-memory, --timeout, --no-cache, --verify-cache) and, where it has them,
    --keep-duplicates and --include-proposals."""

    jobs: int | None = None
    max_memory: str | None = None
    timeout: float | None = None
    no_cache: bool = False
    verify_cache: bool = False
    keep_duplicates: bool = False
    include_proposals: bool = False

    @property
    def limits(self) -> Limits | None:
        return limits_for(self.max_memory, self.timeout)


def load_paths(
    targets: list[Path],
    catalogue: list[Path] | None,
    quiet: bool,
    lang: str,
    reading: Reading,
    require_readable: bool = False,
) -> LoadResult:
    """Check the paths, then load them with a progress bar on stderr (files being read).
    `require_readable`: stop with exit 3 when no file could be read."""
    from thidua_cli.cache import Cache, default_dir
    from thidua_cli.loading import load

    for path in targets:
        if not path.exists():
            fail(t("missing_path", lang, path=path), EXIT_USAGE, lang)
        if path.suffix.lower() == ".csv" and path.is_file():  # no title, heading year or sections to read
            fail(t("csv_given", lang, path=path), EXIT_USAGE, lang)
    cat = catalogue_for(catalogue, None if reading.no_cache else Cache(default_dir(), ""))
    cache = None if reading.no_cache else Cache(default_dir(), cat.fingerprint)
    with ProgressBar(t("loading", lang), enabled=not quiet and _is_terminal(sys.stderr)) as bar:
        result = load(
            targets,
            cat,
            progress=bar.advance,
            jobs=reading.jobs,
            cache=cache,
            on_start=bar.start,
            keep_duplicates=reading.keep_duplicates,
            include_proposals=reading.include_proposals,
            limits=reading.limits,
            verify=reading.verify_cache,
        )
    if require_readable and result.readable_files == 0:
        fail(t("nothing_read", lang, paths=", ".join(str(p) for p in targets)), EXIT_NOTHING_READ, lang)
    return result


def _is_terminal(stream: TextIO) -> bool:
    """A person watches it: a progress bar written to a pipe or a file only costs time."""
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # replaced or closed by the caller
        return False


class ProgressBar:
    """Rich's progress bar on stderr, started once the number of files is known (and only for
    two or more, on a terminal), so that a quiet or redirected run never imports it."""

    def __init__(self, description: str, enabled: bool) -> None:
        self.description, self.enabled = description, enabled
        self._progress: Any = None
        self._task: Any = None

    def start(self, total: int) -> None:
        if not self.enabled or total < 2:
            return
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self._progress = Progress(
            TextColumn("[progress.description]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err_console(),
            transient=True,
        )
        self._task = self._progress.add_task(self.description, total=total)
        self._progress.start()

    def advance(self, _path: str) -> None:
        if self._progress is not None:
            self._progress.advance(self._task)

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, *_exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()
