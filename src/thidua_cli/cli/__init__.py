"""The `thidua` command: a thin Typer layer over the library. Each command lives in its own
module, imported when it runs (see `app.COMMANDS`)."""

from __future__ import annotations

import gc

from thidua_cli.cli.app import app

# The collector's first generation is scanned after this many new objects (Python's default:
# 700). A run is short and makes mostly long-lived objects (modules, classes, the catalogue,
# the cache's index): scanning them again and again cost ~3 % of a run answered from the cache
# (measured in instructions), and no run makes enough cyclic garbage for this to matter.
COLLECT_AFTER = 50_000


def main() -> None:
    threshold = gc.get_threshold()
    gc.set_threshold(COLLECT_AFTER, *threshold[1:])
    try:
        app(prog_name="thidua")
    finally:
        # What is left is freed by the process's exit: the interpreter's last collection over
        # every object (5–7 % of a run answered from the cache) is skipped. Outputs are
        # written and closed by then (`outputs`), never by a collected object's finaliser.
        gc.freeze()
        gc.set_threshold(*threshold)


__all__ = ["app", "main"]
