"""The `thidua` command: a thin Typer layer over the library."""

from __future__ import annotations

import sys

from thidua_cli.cli import (  # noqa: F401  (registers the commands)
    cache_cmd,
    catalogue_cmd,
    export_cmd,
    people_cmd,
    report_cmd,
    tally_cmd,
    template_cmd,
    validate_cmd,
)
from thidua_cli.cli.app import app


def main() -> None:
    app(prog_name="thidua")


__all__ = ["app", "main"]

if __name__ == "__main__":  # pragma: no cover
    main()
    sys.exit(0)
