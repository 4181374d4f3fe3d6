"""The `thidua` command: a thin Typer layer over the library. Each command lives in its own
module, imported when it runs (see `app.COMMANDS`)."""

from __future__ import annotations

from thidua_cli.cli.app import app


def main() -> None:
    app(prog_name="thidua")


__all__ = ["app", "main"]
