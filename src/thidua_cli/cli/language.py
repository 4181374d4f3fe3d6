"""The command-line parser's own words in the interface language (Vietnamese unless `--lang en`).

Typer bundles Click with its messages in English and without gettext, so they are translated
where they are shown: the language is read from the arguments before parsing (a parse error can
come before `--lang` is reached), the labels of Typer's panels are set for that language just
before Typer prints help or an error, and a Click error is re-raised with its message translated
by the patterns of data/interface.toml. The commands' help is Vietnamese in their code and English
in the same data file.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from typing import Any

from thidua_cli.data import read_text

LANGUAGE: ContextVar[str] = ContextVar("thidua_language", default="vi")


def language_of(args: Sequence[str]) -> str:
    """The language a command line asks for: `--lang en`, `--lang=en`, else $THIDUA_LANG, else vi."""
    chosen = os.environ.get("THIDUA_LANG", "vi")
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(args):
            chosen = args[i + 1]
        elif arg.startswith("--lang="):
            chosen = arg.split("=", 1)[1]
    return "en" if chosen == "en" else "vi"


@cache
def _data() -> dict[str, Any]:
    import tomllib  # only help and errors need the file

    return tomllib.loads(read_text("interface.toml"))


@cache
def _patterns() -> list[tuple[re.Pattern[str], str]]:
    return [(re.compile(m["en"]), m["vi"]) for m in _data()["message"]]


def word(name: str) -> str | None:
    """A parser word ("usage", "help_option") in the current language; None for Click's own."""
    return _data()["words"][name] if LANGUAGE.get() == "vi" else None


def translate(message: str) -> str:
    """Click's English error message, in the current language."""
    if LANGUAGE.get() != "vi":
        return message
    for pattern, replacement in _patterns():
        message = pattern.sub(replacement, message)
    return message


_ENGLISH_LABELS: dict[str, str] = {}


def set_labels() -> None:
    """Typer's panel titles and markers ("Options", "[required]", "Error") for the current language."""
    from typer import rich_utils

    labels: dict[str, str] = _data()["labels"]
    if not _ENGLISH_LABELS:
        _ENGLISH_LABELS.update({name: getattr(rich_utils, name) for name in labels})
    chosen = labels if LANGUAGE.get() == "vi" else _ENGLISH_LABELS
    for name, text in chosen.items():
        setattr(rich_utils, name, text)


@contextmanager
def translated_errors() -> Iterator[None]:
    """A Click usage error re-raised with its message in the current language."""
    from typer._click.exceptions import ClickException, UsageError

    try:
        yield
    except ClickException as exc:
        set_labels()
        if LANGUAGE.get() != "vi" or type(exc).__name__ == "NoArgsIsHelpError" or getattr(exc, "_translated", False):
            raise
        again = UsageError(translate(exc.format_message()), getattr(exc, "ctx", None))
        again.exit_code = exc.exit_code
        again._translated = True  # type: ignore[attr-defined]
        raise again from None


def english_help(path: str) -> dict[str, str]:
    """The English help of the command at `path` ("tally", "cache path", "" for the root)."""
    shared: dict[str, str] = _data()["help_shared"]
    return {**shared, **_data()["help"].get(path, {})}


@contextmanager
def help_texts(command: Any, path: str) -> Iterator[None]:
    """In English, the help of `command`, its parameters and subcommands swapped for the English
    of data/interface.toml while it is printed; in Vietnamese, only Click's help option."""
    english = LANGUAGE.get() == "en"
    saved: list[tuple[Any, str, Any]] = []

    def swap(obj: Any, attr: str, text: str | None) -> None:
        if text is not None:
            saved.append((obj, attr, getattr(obj, attr)))
            setattr(obj, attr, text)

    if english:
        texts = english_help(path)
        swap(command, "help", texts.get("text"))
        for param in command.params:
            swap(param, "help", texts.get(param.name or ""))
        for name, sub in getattr(command, "commands", {}).items():
            text = english_help(f"{path} {name}".strip()).get("text")
            swap(sub, "help", text)
            swap(sub, "short_help", text.split("\n")[0] if text else None)
    try:
        yield
    finally:
        for obj, attr, value in reversed(saved):
            setattr(obj, attr, value)


class Localised:
    """Mixed into Typer's command and group classes: help, usage line and help option in the
    interface language, and Click's errors translated (the data file is read only to print help
    or an error)."""

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        if LANGUAGE.get() == "vi":
            metavars: dict[str, str] = _data()["metavars"]
            pieces = [metavars.get(piece, piece) for piece in pieces]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=word("usage"))

    def format_help(self, ctx: Any, formatter: Any) -> None:
        set_labels()
        option = self.get_help_option(ctx)  # type: ignore[attr-defined]
        if option is not None:  # Click's text is kept to restore it for English in the same process
            english = option.__dict__.setdefault("_thidua_english_help", option.help)
            option.help = word("help_option") or english
        path = " ".join(ctx.command_path.split()[1:])
        with help_texts(self, path):
            super().format_help(ctx, formatter)  # type: ignore[misc]

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        with translated_errors():
            return super().make_context(*args, **kwargs)  # type: ignore[misc]

    def invoke(self, ctx: Any) -> Any:
        """Run in the language the whole command line asks for: `thidua --lang en tally …` as
        `thidua tally --lang en …` (the command's own option alone would say vi)."""
        current = ctx.params.get("lang")
        if current is not None:
            ctx.params["lang"] = current.__class__(LANGUAGE.get())
        with translated_errors():
            return super().invoke(ctx)  # type: ignore[misc]
