"""thidua-cli: tổng hợp danh sách thi đua – khen thưởng từ các tệp Excel của đơn vị.

The public API; the `thidua` command is a thin layer over it::

    from thidua_cli import load, tally
    result = load(["sample_data"])
    counts = tally(result.records, years=range(2015, 2021), by=["award", "level", "kind"])
"""

from thidua_cli.catalogue import Catalogue, load_catalogue
from thidua_cli.loading import FileResult, LoadResult, load, read_file
from thidua_cli.problems import Problem, Severity
from thidua_cli.tally import DIMENSIONS, parse_years, tally

__version__ = "0.1.0"

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
