"""The shipped data files (catalogue, layout, legacy encodings, checks, rule sets).

Read as plain files next to this module rather than through importlib.resources, whose import
costs ~9 ms of every start: the package is always installed as files (wheel or editable).
"""

from pathlib import Path

FOLDER = Path(__file__).parent


def read_text(name: str) -> str:
    """A data file's text, `name` relative to this folder ("rules/luat-2022.toml")."""
    return (FOLDER / name).read_text("utf-8")
