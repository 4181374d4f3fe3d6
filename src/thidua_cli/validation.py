"""Records and findings → a validation report: every problem with its cell, code and message."""

from __future__ import annotations

import tomllib
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from thidua_cli.data import read_text as read_data
from thidua_cli.errors import CatalogueError
from thidua_cli.problems import Problem, Severity
from thidua_cli.records import RECORD_FIELDS, Record
from thidua_cli.text import key

if TYPE_CHECKING:
    from thidua_cli.loading import LoadResult

# Load problems that validate does not report: a skipped sheet is not an error by itself.
_NOT_REPORTED = {"skipped-sheet"}
_YEAR, _YEAR_COL = RECORD_FIELDS.index("year"), RECORD_FIELDS.index("year_col")


@dataclass(frozen=True)
class Quota:
    """At most `ratio` × the base awards of a unit in a year, for achievement years first–last."""

    first_year: int
    last_year: int
    award: str
    base: tuple[str, ...]
    ratio: float
    source: str
    enabled: bool = True


@dataclass(frozen=True)
class Rules:
    quotas: tuple[Quota, ...]
    eligible_award: str
    eligible_requires: tuple[str, ...]
    eligible_source: str

    def quota_for(self, year: int) -> Quota | None:
        return next((q for q in self.quotas if q.first_year <= year <= q.last_year and q.enabled), None)


def _quota(entry: dict[str, Any], ratio: float | None) -> Quota:
    """One [[quota]] (or the older single [quota] table: every year); `ratio` (--quota) overrides
    the share and turns on a quota the file leaves off."""
    first, last = entry.get("years", (1945, 2100))
    base = entry.get("base_awards") or [entry["base_award"]]
    return Quota(
        int(first),
        int(last),
        entry["award"],
        tuple(base),
        float(ratio if ratio is not None else entry["ratio"]),
        entry.get("source", ""),
        ratio is not None or bool(entry.get("enabled", True)),
    )


def load_rules(path: Path | None = None, ratio: float | None = None) -> Rules:
    """The shipped checks (data/checks.toml), or a user's file of the same form."""
    try:
        text = path.read_text("utf-8") if path else read_data("checks.toml")
        data: dict[str, Any] = tomllib.loads(text)
        quotas, eligibility = data["quota"], data["eligibility"]
        requires = eligibility["requires"]
        return Rules(
            quotas=tuple(_quota(q, ratio) for q in (quotas if isinstance(quotas, list) else [quotas])),
            eligible_award=eligibility["award"],
            eligible_requires=(requires,) if isinstance(requires, str) else tuple(requires),
            eligible_source=eligibility.get("source", ""),
        )
    except (OSError, tomllib.TOMLDecodeError, KeyError, ValueError) as exc:
        raise CatalogueError(f"{path}: tệp quy tắc không đúng dạng ({exc})") from exc


@dataclass
class ValidationReport:
    findings: list[Problem]
    files: list[str] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.WARNING)

    def summary(self) -> dict[str, Any]:
        per_file = {name: {"errors": 0, "warnings": 0} for name in self.files}
        for finding in self.findings:
            counts = per_file.setdefault(finding.file, {"errors": 0, "warnings": 0})
            if finding.severity is Severity.ERROR:
                counts["errors"] += 1
            elif finding.severity is Severity.WARNING:
                counts["warnings"] += 1
        return {"files": per_file, "errors": self.errors, "warnings": self.warnings}

    def as_dict(self, lang: str = "vi") -> dict[str, Any]:
        return {"findings": [f.as_dict(lang) for f in self.findings], "summary": self.summary()}


def validate(result: LoadResult, year: int | None = None, rules: Rules | None = None) -> ValidationReport:
    """Every finding of a load (the rows not counted, duplicates among them, warnings), plus the
    checks across the records counted (eligibility, quota): an error is exactly a row that
    `tally` does not count."""
    rules = rules or load_rules()
    findings = [p for p in result.problems if p.code not in _NOT_REPORTED]
    findings += _across(result, year, rules)
    return ValidationReport(_in_order(result, findings), [f.file for f in result.files])


def listing(result: LoadResult, years: Sequence[int] | None, rules: Rules | None = None) -> list[Problem]:
    """What `--problems FILE` lists: every finding of `validate`, the skipped sheets, and each
    record counted but outside `years` (`outside-years`)."""
    findings = [*result.problems, *_across(result, None, rules or load_rules())]
    if years is not None:
        wanted, label = set(years), _years_label(years)
        findings += [
            Problem(
                "outside-years",
                r[0],
                r[1],
                r[2],
                col=int(r[_YEAR_COL]) if int(r[_YEAR_COL]) >= 0 else None,
                value=str(r[_YEAR]),
                detail=label,
            )
            for r in result.rows
            if r[_YEAR] not in wanted
        ]
    return _in_order(result, findings)


def _years_label(years: Sequence[int]) -> str:
    ys = sorted(years)
    return f"{ys[0]}-{ys[-1]}" if ys == list(range(ys[0], ys[-1] + 1)) and len(ys) > 1 else ", ".join(map(str, ys))


def _across(result: LoadResult, year: int | None, rules: Rules) -> list[Problem]:
    findings = [  # (a workbook of summaries alone has its own finding, summary-only; most have theirs: see assemble)
        Problem("no-table", f.file)
        for f in result.files
        if f.readable
        and f.tables == 0
        and not f.duplicate_of
        and not any(p.code in ("summary-only", "no-table") for p in f.problems)
    ]
    findings += result.checks
    if result.merged is not None:  # a load() result always has it
        from thidua_cli.dedup import namesakes, possible_duplicates, resend_differences

        findings += possible_duplicates(result.files, result.merged) + namesakes(result.files)
        findings += resend_differences(result.files)
    recs = _recs(result.rows)
    findings += _outside_year(recs, year)
    findings += _not_eligible(recs, rules)
    findings += _over_quota(recs, rules)
    return findings


def _in_order(result: LoadResult, findings: list[Problem]) -> list[Problem]:
    """Column headers filled in; by file, file-level first, then sheet and row."""
    headers: dict[tuple[str, str | None, int], str] = {
        (f.file, sheet, col): text for f in result.files for (sheet, col), text in f.headers.items()
    }
    findings = [
        replace(f, column=headers.get((f.file, f.sheet, f.col))) if f.column is None and f.col is not None else f
        for f in findings
    ]
    order = {f.file: i for i, f in enumerate(result.files)}
    sheets: dict[tuple[str, str | None], int] = {}
    for finding in findings:
        sheets.setdefault((finding.file, finding.sheet), len(sheets))
    findings.sort(
        key=lambda f: (
            order.get(f.file, len(order)),
            f.sheet is not None,
            sheets[(f.file, f.sheet)],
            f.row or 0,
            f.col or 0,
        )
    )
    return findings


class Rec(NamedTuple):
    """The fields of a record the cross-record checks need, typed."""

    file: str
    sheet: str
    row: int
    name: str
    unit: str
    award: str
    year: int
    name_col: int
    award_col: int
    year_col: int
    name_key: str
    unit_key: str


def _recs(rows: list[Record]) -> list[Rec]:
    out = []
    for (
        file,
        sheet,
        row,
        name,
        _pos,
        unit,
        _kind,
        award,
        _cat,
        _lvl,
        _iss,
        year,
        *_rest,
        name_col,
        award_col,
        year_col,
        _method,
    ) in rows:
        out.append(Rec(file, sheet, row, name, unit, award, year, name_col, award_col, year_col, key(name), key(unit)))
    return out


def _outside_year(recs: list[Rec], year: int | None) -> list[Problem]:
    if year is None:
        return []
    return [
        Problem(
            "bad-year",
            r.file,
            r.sheet,
            r.row,
            col=r.year_col if r.year_col >= 0 else None,
            value=str(r.year),
            detail=str(year),
        )
        for r in recs
        if r.year != year
    ]


def _not_eligible(recs: list[Rec], rules: Rules) -> list[Problem]:
    base = [r for r in recs if r.award in rules.eligible_requires]
    holders = {(r.name_key, r.unit_key, r.year) for r in base} | {(r.name_key, r.file, r.year) for r in base}
    lists = {(r.unit_key, r.year) for r in base} | {(r.file, r.year) for r in base}
    out = []
    for rec in recs:
        if rec.award != rules.eligible_award:
            continue
        if (rec.unit_key, rec.year) not in lists and (rec.file, rec.year) not in lists:
            continue  # the unit's Lao động tiên tiến list of that year is not in the input
        if (rec.name_key, rec.unit_key, rec.year) in holders or (rec.name_key, rec.file, rec.year) in holders:
            continue
        col = rec.award_col if rec.award_col >= 0 else rec.name_col
        out.append(
            Problem("not-eligible", rec.file, rec.sheet, rec.row, col=col, value=rec.name, detail=rules.eligible_source)
        )
    return out


def _over_quota(recs: list[Rec], rules: Rules) -> list[Problem]:
    top: dict[tuple[str, int], list[Rec]] = defaultdict(list)
    base: Counter[tuple[str, int]] = Counter()
    for rec in recs:
        quota = rules.quota_for(rec.year)
        if quota is None:
            continue
        if rec.award == quota.award:
            top[(rec.unit_key, rec.year)].append(rec)
        elif rec.award in quota.base:
            base[(rec.unit_key, rec.year)] += 1
    out = []
    for (unit_key, year), holders in sorted(top.items()):
        quota = rules.quota_for(year)
        n_base = base[(unit_key, year)]
        if quota is None or n_base == 0 or len(holders) <= quota.ratio * n_base:
            continue
        first = holders[0]
        detail = (
            f"{len(holders)} {quota.award} / {n_base} {' hoặc '.join(quota.base)} năm {year} "
            f"= {len(holders) / n_base:.0%}, vượt {quota.ratio:.0%} ({quota.source})"
        )
        out.append(Problem("over-quota", first.file, first.sheet, None, value=first.unit or unit_key, detail=detail))
    return out


def findings_for(report: ValidationReport, files: Sequence[str]) -> dict[str, list[Problem]]:
    """Findings grouped by file, in report order."""
    grouped: dict[str, list[Problem]] = {name: [] for name in files}
    for finding in report.findings:
        grouped.setdefault(finding.file, []).append(finding)
    return grouped
