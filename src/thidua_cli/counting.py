"""What counts: a record is counted when, and only when, no error-severity finding is about it.

The one rule that tally, export, report, history, eligible and validate share. The normaliser
emits each record with the findings about it (`checks`); `apply_rule` keeps the records the
rule counts, moves the error findings of the others to the rows not counted (`problems`), and
adds the warnings read off the records themselves (`fuzzy-award`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from thidua_cli.catalogue import AwardMatch
from thidua_cli.problems import Problem, Severity
from thidua_cli.records import RECORD_FIELDS, Record

_SHEET, _ROW, _AWARD = (RECORD_FIELDS.index(f) for f in ("sheet", "row", "award"))
Matcher = Callable[[str], AwardMatch | None]
_AWARD_TEXT, _AWARD_COL = RECORD_FIELDS.index("award_text"), RECORD_FIELDS.index("award_col")


def counts(findings: Iterable[Problem]) -> bool:
    """The counting rule: no finding of error severity."""
    return not any(f.severity is Severity.ERROR for f in findings)


@dataclass(frozen=True)
class Counted:
    """One file's records after the rule: those counted, the findings of the rows not counted
    (with the file's own), and the warnings on counted records."""

    records: list[Record]
    problems: list[Problem]
    checks: list[Problem]


def apply_rule(
    records: Sequence[Record], problems: Sequence[Problem], checks: Sequence[Problem], match: Matcher
) -> Counted:
    """A check (a finding the normaliser made about the records it emitted) is about the records
    of its row that have the award it names, else about all the records of its row (a bad date
    is about every award of the row); a row problem only about records of the award it names
    (an unknown second award leaves the first counted). `match`: how the award texts were
    matched (`Catalogue.match_award`, or the normaliser's cache of it)."""
    checks = [*checks, *fuzzy_awards(records, match)]
    errors = [c for c in checks if c.severity is Severity.ERROR]
    row_errors = [p for p in problems if p.row is not None and p.severity is Severity.ERROR]
    if not errors and not row_errors:
        return Counted(list(records), list(problems), checks)
    places = {(f.sheet, f.row) for f in (*errors, *row_errors)}
    at_row: dict[tuple[str | None, int | None], list[int]] = {}
    for i, record in enumerate(records):
        place = (record[_SHEET], record[_ROW])
        if place in places:
            at_row.setdefault(place, []).append(i)
    warnings = [c for c in checks if c.severity is not Severity.ERROR]
    if not at_row:  # the row problems are about rows that gave no record
        return Counted(list(records), in_row_order([*problems, *errors]) if errors else list(problems), warnings)
    about: dict[int, list[Problem]] = {}
    for finding, whole_row in [*((c, True) for c in checks), *((p, False) for p in row_errors)]:
        found = at_row.get((finding.sheet, finding.row), [])
        named = [i for i in found if records[i][_AWARD] == finding.value]
        for i in named or (found if whole_row else []):
            about.setdefault(i, []).append(finding)
    dropped = {i for i, findings in about.items() if not counts(findings)}
    kept = [r for i, r in enumerate(records) if i not in dropped]
    return Counted(kept, in_row_order([*problems, *errors]), warnings)


def in_row_order(findings: list[Problem]) -> list[Problem]:
    """File-level findings first, then by sheet (in order of appearance) and row."""
    sheets: dict[str | None, int] = {}
    for finding in findings:
        sheets.setdefault(finding.sheet, len(sheets))
    return sorted(findings, key=lambda f: (f.sheet is not None, sheets[f.sheet], f.row or 0))


def fuzzy_awards(records: Sequence[Record], match: Matcher) -> list[Problem]:
    """`fuzzy-award` on each record whose award text was found only by the accentless last
    resort, naming the canonical award (the record is counted; the unit should correct it)."""
    texts = {record[_AWARD_TEXT] for record in records}
    fuzzy = {text for text in texts if (found := match(str(text))) is not None and found.fuzzy}
    if not fuzzy:
        return []
    out = []
    for record in records:
        text = record[_AWARD_TEXT]
        if text in fuzzy:
            col = int(record[_AWARD_COL])
            out.append(
                Problem(
                    "fuzzy-award",
                    str(record[0]),
                    str(record[_SHEET]),
                    int(record[_ROW]),
                    value=str(text),
                    detail=str(record[_AWARD]),
                    col=col if col >= 0 else None,
                )
            )
    return out
