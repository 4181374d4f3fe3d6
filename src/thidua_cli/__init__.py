"""thidua-cli: tổng hợp danh sách thi đua – khen thưởng từ các tệp Excel của đơn vị.

The public API; the `thidua` command is a thin layer over it::

    from thidua_cli import load, tally
    result = load(["sample_data"])
    counts = tally(result.records, years=range(2015, 2021), by=["award", "level", "kind"])

Its names are imported on first use (PEP 562): `thidua --help` or a run on an empty folder
imports the package without the catalogue, the loader or their dependencies.
"""

from __future__ import annotations

import sys
from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# Each public name → the module that defines it.
_API = {
    "DIMENSIONS": "tally",
    "Catalogue": "catalogue",
    "FileResult": "loading",
    "LoadResult": "loading",
    "Problem": "problems",
    "Severity": "problems",
    "load": "loading",
    "load_catalogue": "catalogue",
    "parse_years": "tally",
    "read_file": "loading",
    "tally": "tally",
}

__all__ = [
    "DIMENSIONS",
    "Catalogue",
    "FileResult",
    "LoadResult",
    "Problem",
    "Severity",
    "__version__",
    "load",
    "load_catalogue",
    "parse_years",
    "read_file",
    "tally",
]

if TYPE_CHECKING:
    from thidua_cli.catalogue import Catalogue, load_catalogue
    from thidua_cli.loading import FileResult, LoadResult, load, read_file
    from thidua_cli.problems import Problem, Severity
    from thidua_cli.tally import DIMENSIONS, parse_years, tally


def __getattr__(name: str) -> Any:
    if name not in _API:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{_API[name]}"), name)
    globals()[name] = value
    return value


class _Package(ModuleType):
    """The package module: importing the submodule `thidua_cli.tally` would otherwise set the
    package's `tally` to that module, hiding the public function of the same name."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "tally" and isinstance(value, ModuleType):
            return  # `from thidua_cli.tally import …` still finds the module in sys.modules
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
