"""Records grouped into people and collectives: a name in a unit, matched the way people type it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from thidua_cli.records import RECORD_FIELDS, Record
from thidua_cli.text import ascii_key, key

_AT = {name: RECORD_FIELDS.index(name) for name in RECORD_FIELDS}


@dataclass
class Person:
    """One recipient: the same normalised name (and unit, unless units are merged) and kind."""

    name: str
    unit: str
    kind: str
    records: list[Record] = field(default_factory=list)

    def holds(self, award: str, year: int, levels: Sequence[str] | None = None) -> list[Record]:
        return [
            r
            for r in self.records
            if r[_AT["award"]] == award and r[_AT["year"]] == year and (not levels or r[_AT["level"]] in levels)
        ]


def name_matches(query: str, name: str) -> bool:
    """Case, accent form, tone placement and spaces never matter; a query typed without
    diacritics ("nguyen van an") also matches the accented name."""
    if ascii_key(query) == key(query):
        return ascii_key(name) == ascii_key(query)
    return key(name) == key(query)


def people(records: Iterable[Record], merge_units: bool = False) -> list[Person]:
    """Recipients in order of first appearance; each one's records oldest first."""
    found: dict[tuple[str, str, str], Person] = {}
    for record in records:
        name, unit, kind = str(record[_AT["name"]]), str(record[_AT["unit"]]), str(record[_AT["kind"]])
        ident = (key(name), "" if merge_units else key(unit), kind)
        person = found.get(ident)
        if person is None:
            person = found[ident] = Person(name, unit, kind)
        person.records.append(record)
    for person in found.values():
        person.records.sort(key=lambda r: (r[_AT["year"]], r[_AT["file"]], r[_AT["sheet"]], r[_AT["row"]]))
    return list(found.values())


def history(records: Iterable[Record], query: str, unit: str | None = None, merge_units: bool = False) -> list[Person]:
    """Every recipient whose name matches `query` (and whose unit contains `unit`)."""
    unit_key = key(unit) if unit else None
    chosen = [
        r
        for r in records
        if name_matches(query, str(r[_AT["name"]])) and (unit_key is None or unit_key in key(str(r[_AT["unit"]])))
    ]
    return people(chosen, merge_units)
