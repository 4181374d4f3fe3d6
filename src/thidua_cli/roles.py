"""Column roles from evidence: the header labels of every tier above a column and what its cells hold.

One scoring rule, with its weights in `data/roles.toml`, combines the votes: a level column whose
cells read "Giám đốc Sở", "Tỉnh", "Bộ" is a level column whatever the group header over it says,
and a "Tóm tắt thành tích" full of sentences is no award column. Evidence that conflicts makes
the table a `conflict` (the sheet is reported, never read on a guess).
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from thidua_cli.catalogue import Catalogue
from thidua_cli.cells import COLUMN_NUMBER, text_of
from thidua_cli.data import read_text as read_data
from thidua_cli.labels import ends_table, header_match, names_other_date
from thidua_cli.reading import Cell
from thidua_cli.values import parse_date, parse_year

# Cell traits, one bit each: what a cell could be.
TRAITS = (
    "award",
    "level",
    "kind",
    "person",
    "collective",
    "decision_number",
    "date",
    "year",
    "stt",
    "tick",
    "long",
    "count",
)
_BIT = {name: 1 << i for i, name in enumerate(TRAITS)}
_DECISION_NO = re.compile(r"^(?:số\s*:?\s*)?\d+[a-zđ]?\s*/\s*(?:\d{4}\s*/\s*)?(?:qđ|qd|nq|tb|ttg|ctn)", re.I)
_DIGITS = re.compile(r"^\d{1,4}$")


@dataclass(frozen=True)
class RoleRules:
    """roles.toml, read once."""

    header: dict[str, float]
    content_weight: dict[str, float]
    traits: dict[str, tuple[str, ...]]
    ticks: frozenset[str]
    min_score: float
    margin: float
    min_cells: int
    content_alone: float
    overturn_exact: float
    long_penalty: float
    penalised: frozenset[str]
    overturnable: frozenset[str]
    unlabelled_report: float
    counted: frozenset[str]
    sample_rows: int
    fill_cells: int
    long_words: int
    other_date_over: frozenset[str]


@cache
def role_rules() -> RoleRules:
    data = tomllib.loads(read_data("roles.toml"))
    rule = data["rule"]
    return RoleRules(
        header=dict(data["header"]),
        content_weight=dict(data["content_weight"]),
        traits={role: tuple(traits) for role, traits in data["traits"].items()},
        ticks=frozenset(data["ticks"]["marks"]),
        min_score=rule["min_score"],
        margin=rule["margin"],
        min_cells=rule["min_cells"],
        content_alone=rule["content_alone"],
        overturn_exact=rule["overturn_exact"],
        long_penalty=rule["long_penalty"],
        penalised=frozenset(rule["penalised"]),
        overturnable=frozenset(rule["overturnable"]),
        unlabelled_report=rule["unlabelled_report"],
        counted=frozenset(rule["counted"]),
        sample_rows=rule["sample_rows"],
        fill_cells=rule["fill_cells"],
        long_words=rule["long_words"],
        other_date_over=frozenset(rule["other_date_over"]),
    )


@dataclass(frozen=True)
class HeaderVote:
    role: str | None
    weight: float
    label: str  # the label that gave the vote
    how: str  # "exact" | "joined" | "prefix" | "joined_prefix" | "group" | "award_named" | "other_date" | ""


@dataclass(frozen=True)
class ColumnRole:
    """One column's role and the evidence for it (what `thidua inspect` shows)."""

    index: int
    role: str  # a layout.toml column name, "tick", "count" or "ignored"
    label: str  # the column's own header label
    tiers: tuple[str, ...]  # header texts above it, top first
    vote: HeaderVote
    cells: int  # non-empty cells sampled
    shares: tuple[tuple[str, float], ...]  # (role, share of sampled cells that fit it), best first
    score: float
    runner_up: tuple[str, float] | None = None
    award_text: str | None = None  # a tick column: the award its label names


@dataclass(frozen=True)
class TableRoles:
    columns: tuple[ColumnRole, ...]
    conflict: str | None = None  # why the roles cannot be trusted (the sheet is then reported)

    def of(self, role: str) -> list[ColumnRole]:
        return [c for c in self.columns if c.role == role]


# --- header votes -----------------------------------------------------------------------
_VOTES: dict[str, dict[tuple[str, ...], HeaderVote]] = {}


def header_vote(tiers: tuple[str, ...], catalogue: Catalogue) -> HeaderVote:
    """The best vote of a column's header texts (top tier first, own label last), per distinct
    header and catalogue."""
    memo = _VOTES.setdefault(catalogue.fingerprint, {})
    found = memo.get(tiers)
    if found is None:
        found = _header_vote(tiers, catalogue)
        if len(memo) < 10_000:
            memo[tiers] = found
    return found


def _header_vote(tiers: tuple[str, ...], catalogue: Catalogue) -> HeaderVote:
    weights = role_rules().header
    if not tiers:
        return HeaderVote(None, 0.0, "", "")
    own, groups = tiers[-1], tiers[:-1]
    other = next((t for t in tiers if t and names_other_date(t)), None)
    if other is not None and (header_match(own)[0] or "") in role_rules().other_date_over:
        return HeaderVote("ignored", weights["exact"], other, "other_date")  # "Năm sinh" over "Năm"
    joined = " ".join(tiers)
    if groups:
        role, exact = header_match(joined)
        if role and exact:
            return HeaderVote(role, weights["joined"], joined, "joined")
    role, exact = header_match(own)
    if role:
        how = "exact" if exact else "prefix"
        return HeaderVote(role, weights[how], own, how)
    if catalogue.match_award(own) is not None:
        return HeaderVote("tick", weights["award_named"], own, "award_named")
    if groups:
        role, _ = header_match(joined)
        if role:
            return HeaderVote(role, weights["joined_prefix"], joined, "joined_prefix")
    for group in reversed(groups):
        role, _ = header_match(group)
        if role:
            return HeaderVote(role, weights["group"], group, "group")
    return HeaderVote(None, 0.0, own, "")


# --- cell traits --------------------------------------------------------------------------
_TRAIT_MEMO: dict[str, dict[Cell, int]] = {}


def cell_traits(value: Cell, catalogue: Catalogue) -> int:
    """What a cell could be, as bits of TRAITS; per distinct value and catalogue."""
    memo = _TRAIT_MEMO.setdefault(catalogue.fingerprint, {})
    try:
        found = memo.get(value)
    except TypeError:
        return _traits(value, catalogue)
    if found is None:
        found = _traits(value, catalogue)
        if len(memo) < 200_000:
            memo[value] = found
    return found


def _traits(value: Cell, catalogue: Catalogue) -> int:
    text = text_of(value)
    if not text:
        return 0
    bits = _number_traits(value) if value.__class__ in (int, float) else 0
    if isinstance(value, dt.date):
        return _BIT["date"]
    rules = role_rules()
    if text in rules.ticks:
        bits |= _BIT["tick"]
    if len(text.split(" ")) >= rules.long_words:  # free text, unless the whole of it names an award
        award = catalogue.match_award(text) is not None  # ("Bằng khen của Bộ trưởng Bộ Lao động - …")
        return bits | _BIT["award" if award else "long"]
    if bits:
        return bits
    if _DIGITS.match(text):
        return _number_traits(int(text))
    bits |= _catalogue_traits(text, catalogue)
    if _DECISION_NO.match(text):
        bits |= _BIT["decision_number"]
    elif any(ch.isdigit() for ch in text) and _is_date_text(text):
        bits |= _BIT["date"]
    elif parse_year(text) is not None:
        bits |= _BIT["year"]
    return bits


def _number_traits(value: float) -> int:
    if isinstance(value, bool) or not float(value).is_integer():
        return 0
    n = int(value)
    bits = 0
    if 1945 <= n <= 2100:
        bits |= _BIT["year"]
    elif 0 < n < 1000:
        bits |= _BIT["stt"]
    if 0 <= n < 1945:  # a count cell; 1 is also a tick, 2 and more only a count
        bits |= _BIT["count"]
    if n == 1:
        bits |= _BIT["tick"]
    return bits


def _catalogue_traits(text: str, catalogue: Catalogue) -> int:
    shape = catalogue.name_kind(text)
    if shape == "Cá nhân":
        return _BIT["person"]  # a person's name is no award, level or kind (and most cells are names)
    bits = 0
    if catalogue.match_award(text) is not None:
        bits |= _BIT["award"]
    if (shape is None or len(text.split()) == 1) and catalogue.match_level(text) is not None:  # "Đơn vị số 5" is a
        bits |= _BIT["level"]  # unit, not an issuer; "Ngành" alone is the level (Bộ), "Ngành Y tế" a collective
    if catalogue.match_kind(text) is not None:
        bits |= _BIT["kind"]
    if shape is not None:
        bits |= _BIT["collective"]
    return bits


def _is_date_text(text: str) -> bool:
    try:
        return parse_date(text) is not None
    except ValueError:
        return True  # a date written wrong is still a date cell


# --- sampling -----------------------------------------------------------------------------
def sample_columns(grid: Sequence[Sequence[Cell]], start: int, wanted: Sequence[int]) -> dict[int, list[Cell]]:
    """Non-empty cells of the `wanted` columns from the data rows below the header (up to the end
    of the table), skipping rows of one text (sections, sub-headings, merged notes); a column that
    is nearly empty there is read further down, to the end of the table."""
    rules = role_rules()
    cells: dict[int, list[Cell]] = {c: [] for c in wanted}
    if not wanted:
        return cells
    end, taken, r = len(grid), 0, start
    while r < end and taken < rules.sample_rows:
        row = grid[r]
        first, second = _two_texts(row)
        if first and _stops(first):
            return cells  # the table ended inside the sample
        if second and not (COLUMN_NUMBER.match(first) and COLUMN_NUMBER.match(second)):
            taken += 1
            for c in wanted:
                if c < len(row) and text_of(row[c]):
                    cells[c].append(row[c])
        r += 1
    thin = [c for c in wanted if len(cells[c]) < rules.fill_cells]
    if thin and r < end:
        _fill(grid, r, thin, cells, rules.fill_cells)
    return cells


def _two_texts(row: Sequence[Cell]) -> tuple[str, str]:
    """The first text of a row and the first one after it that differs ("" if none)."""
    first = ""
    for v in row:
        text = text_of(v)
        if text and not first:
            first = text
        elif text and text != first:
            return first, text
    return first, ""


def _fill(grid: Sequence[Sequence[Cell]], r: int, thin: list[int], cells: dict[int, list[Cell]], wanted: int) -> None:
    """More cells for the nearly empty columns, from row r to the end of the table."""
    for row in grid[r:]:
        first = ""
        for v in row:
            first = text_of(v)
            if first:
                break
        if first and _stops(first):
            return
        for c in thin:
            if c < len(row) and len(cells[c]) < wanted and text_of(row[c]):
                cells[c].append(row[c])


def _stops(first: str) -> bool:
    """The row ends the table: a totals, signature or place-and-date line."""
    return not first[:1].isdigit() and ends_table(first)


# --- the rule -----------------------------------------------------------------------------
def shares_of(cells: Sequence[Cell], catalogue: Catalogue) -> dict[str, float]:
    """The share of cells whose traits fit each role (roles.toml [traits])."""
    rules = role_rules()
    if len(cells) < rules.min_cells:
        return {}
    patterns = Counter(cell_traits(v, catalogue) for v in cells)  # few distinct patterns per column
    out: dict[str, float] = {}
    for role, mask in _masks().items():
        hits = sum(n for bits, n in patterns.items() if bits & mask)
        if hits:
            out[role] = hits / len(cells)
    return out


@cache
def _masks() -> dict[str, int]:
    """Each role's trait bits, and "long" for free text."""
    masks = {role: sum(_BIT[name] for name in names) for role, names in role_rules().traits.items()}
    return {**masks, "long": _BIT["long"]}


Decision = tuple[str, float, tuple[str, float] | None]  # role, score, runner-up
_DECISIONS: dict[tuple[HeaderVote, tuple[tuple[str, float], ...]], Decision] = {}


def score_column(
    index: int, tiers: tuple[str, ...], cells: Sequence[Cell], catalogue: Catalogue, vote: HeaderVote | None = None
) -> ColumnRole:
    """The role of one column by the documented rule (roles.toml)."""
    vote = vote or header_vote(tiers, catalogue)
    shares = tuple(sorted(((r, round(s, 3)) for r, s in shares_of(cells, catalogue).items()), key=lambda kv: -kv[1]))
    decided = _DECISIONS.get((vote, shares))
    if decided is None:
        decided = _decide(vote, dict(shares))
        if len(_DECISIONS) < 10_000:  # one layout's header and cells recur from file to file
            _DECISIONS[(vote, shares)] = decided
    role, score, runner = decided
    label = tiers[-1] if tiers else ""
    award_text = vote.label if role == "tick" and vote.role == "tick" else None
    return ColumnRole(index, role, label, tiers, vote, len(cells), shares, score, runner, award_text)


def _decide(vote: HeaderVote, shares: dict[str, float]) -> Decision:
    """score(R) = header(R) + weight(R) × share(R) − long_penalty × share(long), then the
    exact-label, label-less and minimum-score rules of roles.toml."""
    rules = role_rules()
    scores: dict[str, float] = {}
    award_named = vote.role == "tick"
    for role in {*(r for r in shares if r != "long"), *([vote.role] if vote.role else [])}:
        if role in ("tick", "count") and not award_named:
            continue  # ticks and counts stand for the award their column's label names
        score = (vote.weight if role == vote.role else 0.0) + rules.content_weight.get(role, 0.0) * shares.get(role, 0)
        if role in rules.penalised:
            score -= rules.long_penalty * shares.get("long", 0.0)
        if role == "count" and award_named:
            score += vote.weight * 0.5  # an award-named header over numbers: a summary's count
        scores[role] = score
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0] != vote.role, kv[0]))
    role, score = ranked[0] if ranked else ("ignored", 0.0)
    exact = vote.weight >= rules.header["exact"]
    overturned = vote.role in rules.overturnable and shares.get(role, 0) >= rules.overturn_exact
    if role != vote.role and exact and not overturned:
        role, score = vote.role or "ignored", scores.get(vote.role or "", 0.0)  # an exact label stands
    if role != vote.role and not vote.weight and shares.get(role, 0) < rules.content_alone:
        role, score = "ignored", 0.0  # a column without a header label needs its cells to be clear
    if score < rules.min_score:
        role = "ignored"
    runner = next(((r, round(s, 3)) for r, s in ranked if r != role), None)
    return role, round(score, 3), runner


def conflict_of(column: ColumnRole) -> str | None:
    """Why a column's role cannot be trusted, or None: two roles that count too close, or a
    column without a label whose cells look like awards or levels, but not clearly enough."""
    rules = role_rules()
    vote = column.vote
    if vote.weight >= rules.header["exact"] and vote.role not in rules.overturnable and column.role == vote.role:
        return None  # a settled label: its cells never change the role (and are weighed only to explain)
    if column.role == "ignored" and not column.vote.weight:
        shares = dict(column.shares)
        looks = max(((shares.get(r, 0.0), r) for r in ("award", "level", "kind")), default=(0.0, ""))
        if looks[0] >= rules.unlabelled_report:
            return f"#{column.index + 1} (no label): {looks[1]} {looks[0]:.0%}"
    if column.role not in rules.counted or column.runner_up is None:
        return None
    other, score = column.runner_up
    if other in rules.counted and score >= rules.min_score and column.score - score < rules.margin:
        label = column.label or f"#{column.index + 1}"
        return f'"{label}": {column.role} ({column.score}) / {other} ({score})'
    return None


def assign_roles(
    grid: Sequence[Sequence[Cell]],
    tiers: Sequence[tuple[str, ...]],
    start: int,
    catalogue: Catalogue,
    explain: bool = False,
) -> TableRoles:
    """Every column's role: the first column of a role keeps it (award, tick and count columns
    may be several); the first conflict found is the table's. The cells of a column whose own
    label settles its role are read only to `explain` (their share cannot change the role)."""
    plan = _plan(tuple(tiers), catalogue)
    cells = sample_columns(grid, start, range(len(tiers)) if explain else plan.wanted)
    columns: list[ColumnRole] = []
    seen: set[str] = set()
    conflict = None
    for index, column_tiers in enumerate(tiers):
        column = None if explain else plan.settled.get(index)
        if column is None:
            column = score_column(index, column_tiers, cells.get(index, ()), catalogue, plan.votes[index])
        several = column.role in ("award", "tick", "count", "ignored", "result") or (column.role == vote_year(column))
        if column.role in seen and not several:
            column = _demoted(column)
        seen.add(column.role)
        conflict = conflict or conflict_of(column)
        columns.append(column)
    return TableRoles(tuple(columns), conflict)


def split_name(roles: TableRoles) -> TableRoles:
    """A name typed in two columns: a family-name column ("Họ đệm") followed by the name column
    ("Tên"), or the name column followed by a second one under the same "Họ và tên" (merged over
    both). The first becomes the name column and the second "given_name", joined to it in each
    record; a family-name column with no name column after it is ignored."""
    columns = list(roles.columns)
    for i, column in enumerate(columns):
        after = columns[i + 1] if i + 1 < len(columns) else None
        if column.role == "family_name":
            joined = after is not None and after.role == "name"
            columns[i] = replace(column, role="name" if joined else "ignored")
            if joined and after is not None:
                columns[i + 1] = replace(after, role="given_name")
            break
        if column.role == "name":
            if after is not None and after.role == "ignored" and after.tiers == column.tiers and after.vote.role == "name":
                columns[i + 1] = replace(after, role="given_name")  # "Họ và tên" merged over two columns
            break
    return replace(roles, columns=tuple(columns))


@dataclass(frozen=True)
class _Plan:
    """What a header alone decides: each column's vote, the columns whose cells must be weighed,
    and the roles of the others (as `score_column` gives them without cells)."""

    votes: tuple[HeaderVote, ...]
    wanted: tuple[int, ...]
    settled: dict[int, ColumnRole]


_PLANS: dict[str, dict[tuple[tuple[str, ...], ...], _Plan]] = {}


def _plan(tiers: tuple[tuple[str, ...], ...], catalogue: Catalogue) -> _Plan:
    """Per distinct header and catalogue: one layout's header recurs in every file made from it."""
    memo = _PLANS.setdefault(catalogue.fingerprint, {})
    found = memo.get(tiers)
    if found is None:
        rules = role_rules()
        votes = tuple(header_vote(t, catalogue) for t in tiers)
        settled = {
            i: score_column(i, tiers[i], (), catalogue, v)
            for i, v in enumerate(votes)
            if v.weight >= rules.header["exact"] and v.role not in rules.overturnable
        }
        found = _Plan(votes, tuple(i for i in range(len(tiers)) if i not in settled), settled)
        if len(memo) < 10_000:
            memo[tiers] = found
    return found


def vote_year(column: ColumnRole) -> str | None:
    """ "year" for a column labelled as the year ("Năm"): a second one is kept, for its rows to be
    compared with the first (a column of last year's, hidden or not: blocks.year-conflict)."""
    return "year" if column.vote.role == "year" and column.vote.weight >= role_rules().header["exact"] else None


def _demoted(column: ColumnRole) -> ColumnRole:
    return replace(column, role="ignored", runner_up=(column.role, column.score))
