"""Regular expressions compiled on first use.

Compiling one costs ~1–2 M CPU instructions (measured with cachegrind); the ~30 of the modules
that a run answered from the cache imports cost more than the rest of that run's own work, and
most are used only when a workbook is parsed. `lazy(source)` stands for `re.compile(source)`:
the first attribute asked for compiles it, and its methods are then found on the object itself,
as fast as on the compiled pattern.
"""

from __future__ import annotations

import re
from typing import Any, AnyStr, cast

_KEPT = ("match", "fullmatch", "search", "sub", "subn", "split", "findall", "finditer")


class _Lazy:
    def __init__(self, source: str | bytes, flags: int) -> None:
        self._source, self._flags = source, flags

    def __getattr__(self, name: str) -> Any:  # only what the object does not hold (yet)
        return getattr(self._pattern(), name)

    def _pattern(self) -> re.Pattern[Any]:
        compiled: re.Pattern[Any] | None = self.__dict__.get("_compiled")
        if compiled is None:
            compiled = re.compile(self._source, self._flags)
            self.__dict__.update({method: getattr(compiled, method) for method in _KEPT}, _compiled=compiled)
        return compiled

    def __eq__(self, other: object) -> bool:  # as the compiled pattern compares (to another, or to a lazy one)
        if isinstance(other, _Lazy):
            other = other._pattern()
        return self._pattern() == other

    def __hash__(self) -> int:
        return hash(self._pattern())

    def __repr__(self) -> str:
        return f"lazy({self._source!r})"


def lazy(source: AnyStr, flags: int = 0) -> re.Pattern[AnyStr]:
    """`re.compile(source, flags)`, done when the pattern is first used."""
    return cast("re.Pattern[AnyStr]", _Lazy(source, flags))
