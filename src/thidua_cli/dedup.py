"""Records counted once: a record equal to another on (name key, unit key, award, level, kind,
year) is a duplicate; the first (in file order, then row order) is counted, the others listed.

Across files, only a re-send is merged (a file sharing more than half its records with an earlier
one): two units' lists whose headings name only the parent body give every record the same unit,
and two people who share a name there are two people (listed as `possible-duplicate`, counted).
A re-send is known by its people and awards whatever its unit is called: a list sent again with
the unit written otherwise ("TRƯỜNG THCS …", then "TRƯỜNG TRUNG HỌC CƠ SỞ …") or copied into the
parent's combined workbook (under the parent's name, or a unit column's short name) shares at
least `RESEND_UNIT_BLIND` records with it, and those are merged across the two unit names.

Finding them must not cost a warm run its speed: each file's records carry a stable 64-bit
identity (`identities`, computed once when the file is parsed and kept in the cache) of coarse
keys that equal text keys always share (`coarse`): the person and award in its upper half, the
unit in its lower. Only the identities that occur twice (whole, in one file; their upper half,
across files) send their records to the exact comparison by text key (`text.key`), so rows are
read only for files that hold one.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from itertools import chain, repeat
from operator import itemgetter, rshift
from typing import TYPE_CHECKING

from thidua_cli.catalogue import FORMS
from thidua_cli.patterns import lazy
from thidua_cli.problems import Problem
from thidua_cli.records import RECORD_FIELDS, Record
from thidua_cli.tally import GROUP_FIELDS, Group
from thidua_cli.text import ascii_key, key

if TYPE_CHECKING:
    from thidua_cli.loading import FileResult

_NAME, _NAME_COL = RECORD_FIELDS.index("name"), RECORD_FIELDS.index("name_col")
_UNIT, _POSITION, _KIND = RECORD_FIELDS.index("unit"), RECORD_FIELDS.index("position"), RECORD_FIELDS.index("kind")
_YEAR = RECORD_FIELDS.index("year")
_CATEGORY, _DETAIL, _METHOD, _ISSUER = (RECORD_FIELDS.index(f) for f in ("category", "detail", "method", "issuer"))
_NUMBER, _DATE = RECORD_FIELDS.index("decision_number"), RECORD_FIELDS.index("decision_date")
_NAME_OF = itemgetter(_NAME)
_TAIL_OF = itemgetter(*(RECORD_FIELDS.index(f) for f in ("unit", "kind", "award", "level", "year")))
_GROUP_AT = [RECORD_FIELDS.index(f) for f in GROUP_FIELDS]
_NOT_LETTERS = lazy(r"[\W_]+")
_COARSE: dict[str, str] = {}
_NAME_CRC: dict[str, int] = {}


_TONES = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng


@cache
def _tables() -> tuple[dict[int, str | None], dict[int, str], re.Pattern[str]]:
    """(toned letter → the letter without its tone, y → i, spaces and punctuation out;
    toned letter → its tone; the pattern of what bears no tone)."""
    base: dict[int, str | None] = {ord("y"): "i"}
    tone: dict[int, str] = {}
    for code in range(0x80, 0x2000):
        parts = unicodedata.normalize("NFD", chr(code))
        marks = [c for c in parts if c in _TONES]
        if marks and len(parts) > 1:
            bare = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES)).casefold()
            base[code], tone[code] = bare.replace("y", "i"), marks[0]
    for mark in _TONES:
        base[ord(mark)], tone[ord(mark)] = None, mark
    for char in "\t\n\r !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~\u00a0“”‘’«»„´–—‐‑…":
        base[ord(char)] = None
    untoned = re.compile("[^" + "".join(map(chr, tone)) + "]+")
    return base, tone, untoned


def coarse(text: str) -> str:
    """A key coarser than `text.key`: key(a) == key(b) implies coarse(a) == coarse(b). The
    letters without tones, spaces or punctuation (y = i), then the tones in order: one per
    syllable, so where a syllable carries it (hoà, hòa) does not matter, but Dung ≠ Dũng."""
    found = _COARSE.get(text)
    if found is None:
        base, tone, untoned = _tables()
        folded = (text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)).casefold()
        letters = folded.translate(base)
        if not letters.isalnum():
            letters = _NOT_LETTERS.sub("", letters)
        found = letters + "|" + untoned.sub("", folded).translate(tone)
        if len(_COARSE) < 200_000:
            _COARSE[text] = found
    return found


RESEND_UNIT_BLIND = 3  # records two files must share, whatever their units, to be one list sent twice
_UNIT_BOUND = "Tập thể"  # a collective's name is its unit's ("Tổ Văn phòng" of every school): never unit-blind
RESEND_COPIES = 16  # files that one list sent again and again, copied and combined may be in


def identities(records: Sequence[Record]) -> list[int]:
    """Per record, a stable 64-bit digest of its coarse identity, the same in every process: the
    CRC-32 of the name and award (award, level, kind, year) above, the CRC-32 of the unit below
    (`person` takes the upper half: who got what, whatever the unit is called). A collective's
    upper half holds its unit too: "Tổ Văn phòng" of two schools is two collectives. Two records
    that differ may share one (one pair in some 90,000 records): that only sends them to the
    exact comparison."""
    names = _NAME_CRC
    tails: dict[tuple[str, str, str, str, int], tuple[bytes, int]] = {}
    crc32 = zlib.crc32
    out = []
    for name, tail_key in zip(map(_NAME_OF, records), map(_TAIL_OF, records), strict=True):
        start = names.get(name)
        if start is None:
            start = crc32(coarse(name).encode("utf-8", "surrogatepass") + b"\0")
            if len(names) < 200_000:
                names[name] = start
        tail = tails.get(tail_key)
        if tail is None:
            unit, kind, award, level, year = tail_key
            unit_key = coarse(unit)
            bound = f"\0{unit_key}" if kind == _UNIT_BOUND else ""
            award_of = f"{award}\0{level}\0{kind}\0{year}{bound}".encode("utf-8", "surrogatepass")
            tail = tails[tail_key] = (award_of, crc32(unit_key.encode("utf-8", "surrogatepass")))
        out.append(crc32(tail[0], start) << 32 | tail[1])  # the CRC of name and award joined; the unit's
    return out


def person(ident: int) -> int:
    """The part of an identity that leaves the unit out."""
    return ident >> 32


def _persons(idents: Sequence[int]) -> set[int]:
    return set(map(rshift, idents, repeat(32)))  # in C


Identity = tuple[str, str, str, str, str, int]


def identity(record: Record) -> Identity:
    """What makes two records the same award to the same recipient."""
    _file, _sheet, _row, name, _position, unit, kind, award, _category, level, _issuer, year, *_ = record
    return (key(name), key(unit), award, level, kind, year)


def _unit_blind(record: Record) -> Identity:
    """`identity` without the unit: equal in a list and its re-send however the unit is written
    (a collective's keeps it: see `identities`)."""
    name, unit, award, level, kind, year = identity(record)
    return (name, unit if kind == _UNIT_BOUND else "", award, level, kind, year)


@dataclass(frozen=True)
class Merged:
    """The duplicates of a load: a finding per extra copy, which records they are (file index →
    record indexes) and their groups, to take out of the counts."""

    findings: list[Problem] = field(default_factory=list)
    removed: dict[int, frozenset[int]] = field(default_factory=dict)
    groups: list[Group] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.findings)


def merge(files: Sequence[FileResult], details: frozenset[str] = frozenset()) -> Merged:
    """The duplicates among the counted records of `files`: equal records in one file, and in
    two files of which one repeats most of the other (a re-send, edited or saved again).

    Two files that share only a few equal records are lists of two units that the heading
    names alike (the parent body, when the title block does not name the unit): the people
    merely share a name, and both records count; `possible_duplicates` lists them."""
    persons = [_persons(result.idents) for result in files]
    blind = _person_holders(persons)
    within = _within(files, persons)
    copies = _sheet_copies(files, persons)
    if not within and not blind and not copies:
        return Merged()
    resent = _resent(files, persons, blind)
    kept: dict[Identity, list[tuple[int, Record]]] = {}
    findings: list[Problem] = []
    removed: dict[int, set[int]] = {}
    units: dict[tuple[int, str, int], str] = {}  # (earlier file, its unit, later file) → the later's unit
    later = []
    in_pairs = {fi for pair in resent for fi in pair}
    for fi, ri, record in sorted(_candidates(files, within, blind, resent, copies), key=_turn):
        if fi in in_pairs and record[_KIND] == _UNIT_BOUND:
            later.append((fi, ri, record))  # once the pairs' persons have shown their units
            continue
        earlier = kept.setdefault(_unit_blind(record), [])
        unit = key(record[_UNIT])
        same = next(
            (
                (fj, r)
                for fj, r in earlier
                if (fj, fi) in resent
                or (
                    fj == fi
                    and _alike(r, record, unit, (r[1], record[1]) in copies.get(fi, _NO_COPIES)[0])
                    and not _two_awards(r, record, details)
                )
            ),
            None,
        )
        if same is None:
            earlier.append((fi, record))
            continue
        if same[0] != fi:
            units[(same[0], key(same[1][_UNIT]), fi)] = unit
        findings.append(_finding(record, same[1]))
        removed.setdefault(fi, set()).add(ri)
    for fi, ri, record, first in _collectives(later, resent, units):
        findings.append(_finding(record, first))
        removed.setdefault(fi, set()).add(ri)
    groups = [(*(files[fi].records[ri][i] for i in _GROUP_AT), 1) for fi, ris in removed.items() for ri in ris]
    return Merged(findings, {fi: frozenset(ris) for fi, ris in removed.items()}, groups)  # type: ignore[arg-type]


def resend_differences(files: Sequence[FileResult]) -> list[Problem]:
    """The records of a re-send pair that the other file lacks, where the two files list the same
    people (the same sheet, unit and year as a shared record): an edited row ("Chiến sĩ thi đua cơ
    sở" in the copy kept in "cu/", "Lao động tiên tiến" in the list sent again), counted from both
    files, or a row added. A warning each, to check which file is the old one."""
    persons = [_persons(result.idents) for result in files]
    out: list[Problem] = []
    for a, b in sorted(_resent(files, persons, _person_holders(persons))):
        shared = persons[a] & persons[b]
        for mine, other in ((a, b), (b, a)):
            records, idents = files[mine].records, files[mine].idents
            lists = {_context(records[ri]) for ri, ident in enumerate(idents) if person(ident) in shared}
            for ri, ident in enumerate(idents):
                if person(ident) not in shared and _context(records[ri]) in lists:
                    record = records[ri]
                    name, col = str(record[_NAME]), int(record[_NAME_COL])
                    out.append(
                        Problem(
                            "resend-differs",
                            record[0],
                            record[1],
                            record[2],
                            col=col if col >= 0 else None,
                            value=name,
                            detail=files[other].file,
                        )
                    )
    return out


def _context(record: Record) -> tuple[str, str, int]:
    return record[1], key(record[_UNIT]), int(record[_YEAR])


def _suspects(files: Sequence[FileResult]) -> tuple[dict[int, set[int]], dict[int, list[int]]]:
    """Identities held twice in one file (file → identities), and those held by several files
    (identity → the files, in order). Counted in C, and only the repeated ones looked at."""
    every = set(chain.from_iterable(result.idents for result in files))
    if len(every) == sum(len(result.idents) for result in files):  # each once: the usual case
        return {}, {}
    times = Counter(chain.from_iterable(result.idents for result in files))
    repeated = {ident for ident, n in times.items() if n > 1}
    within: dict[int, set[int]] = {}
    holders: dict[int, list[int]] = {}
    for fi, result in enumerate(files):
        mine = repeated.intersection(result.idents)
        if not mine:
            continue
        for ident in mine:
            holders.setdefault(ident, []).append(fi)
        if len(set(result.idents)) < len(result.idents):
            within[fi] = {i for i, n in Counter(i for i in result.idents if i in mine).items() if n > 1}
    return within, {ident: fis for ident, fis in holders.items() if len(fis) > 1}


def _alike(kept: Record, record: Record, unit: str, copied: bool = False) -> bool:
    """Two records of one file with equal identities are one person unless their positions
    differ ("Giáo viên", "Bảo vệ": two people of one name in one school; see `namesakes`); on a
    sheet and its copy (`copied`: `_sheet_copies`) whatever their units are called. A
    position and its abbreviation ("Giáo viên" and "GV", "Tổ trưởng" and "TTCM": one written in
    capitals as one word, whose letters start the other's initials) are one position; two written
    out are two ("Kế toán", "Kỹ thuật")."""
    if not copied and key(kept[_UNIT]) != unit:
        return False
    posts = kept[_POSITION], record[_POSITION]
    if not all(posts) or key(posts[0]) == key(posts[1]):
        return True
    short, full = sorted(map(str, posts), key=_abbreviation, reverse=True)
    if not _abbreviation(short) or _abbreviation(full):
        return False
    letters, initials = ascii_key(short).replace(".", ""), "".join(w[0] for w in ascii_key(full).replace("-", " ").split())
    return letters.startswith(initials) or initials.startswith(letters)


def _turn(candidate: tuple[int, int, Record]) -> tuple[object, ...]:
    """When a candidate meets the ones kept before it: file by file, and in a file the rows that
    say more first (a decision's number with its suffix, its date, a position, before a row
    without), those alike in that by their decision, then in row order. A row without a number
    is one award with any numbered row, and "12" is "12/QĐ-UBND" and "12/QĐ-BV", which are two:
    met first, such a row would take the place of the rows it joins, so that the rows' order
    decided how many awards they are; met last, it joins one of them, whatever the order."""
    fi, ri, record = candidate
    number = _decision_key(str(record[_NUMBER]))
    return (
        fi,
        number is None,
        number is None or not number[1],
        not record[_DATE],
        not record[_POSITION],
        number or (0, ""),
        str(record[_DATE]),
        ri,
    )


def _two_awards(kept: Record, record: Record, details: frozenset[str]) -> bool:
    """Two rows of one list for one person and one award that are two awards: a Kỷ niệm chương
    of another name, both names the catalogue knows ("Vì sự nghiệp Giáo dục", "Vì sự nghiệp Công
    đoàn"; a spelling it does not know may be either), or a form of commendation (Giấy khen,
    Bằng khen: given for each achievement, year-end or đột xuất) of another decision: two numbers
    that differ however they are written ("Số 12/QĐ-UBND", "12/QD-UBND ngày …" are 12/QĐ-UBND),
    on two dates where both are written (one number changed on the same date is a typo until
    said otherwise), or, with no number in either, two dates. A title (Lao động tiên tiến …) is
    given once a year: a second row of it stays a duplicate; so does a row without a number. A
    form of another method ("Giấy khen" and "Giấy khen đột xuất") or of another issuer both name
    ("Giấy khen của Giám đốc Sở", "Giấy khen của Hiệu trưởng") is another award."""
    names = kept[_DETAIL], record[_DETAIL]
    if names[0] in details and names[1] in details and names[0] != names[1]:
        return True
    if kept[_METHOD] != record[_METHOD]:
        return True
    if kept[_CATEGORY] != FORMS or record[_CATEGORY] != FORMS:  # given as often as earned; a title once a year
        return False
    issuers = kept[_ISSUER], record[_ISSUER]
    if issuers[0] and issuers[1] and issuers[0] != issuers[1]:  # "Giấy khen của Giám đốc Sở", "… của Hiệu trưởng"
        return True
    first, second = _decision_key(str(kept[_NUMBER])), _decision_key(str(record[_NUMBER]))
    dates = kept[_DATE], record[_DATE]
    if first is not None and second is not None:
        return _numbers_differ(first, second) and not (all(dates) and dates[0] == dates[1])
    return first is None and second is None and all(dates) and dates[0] != dates[1]


_DECISION_NUMBER = lazy(r"(\d+)\s*(?:/\s*([a-z0-9][a-z0-9/.&-]*(?:\s*-\s*[a-z0-9&]+)*))?")


@lru_cache(maxsize=4096)
def _decision_key(number: str) -> tuple[int, str] | None:
    """(number, its suffix in plain letters) of a decision as written: "Số 012/QĐ-UBND ngày
    20/12/2019" → (12, "qd-ubnd"); None without a number."""
    plain = unicodedata.normalize("NFD", number.replace("Đ", "D").replace("đ", "d").casefold())
    text = "".join(ch for ch in plain if not unicodedata.combining(ch)).split("ngay", 1)[0]
    match = _DECISION_NUMBER.search(text)
    if match is None:
        return None
    suffix = re.sub(r"^(?:19|20)\d{2}/", "", "".join((match.group(2) or "").split()).strip("/.-"))  # "12/2019/QĐ-UBND"
    return int(match.group(1)), suffix


def _numbers_differ(a: tuple[int, str], b: tuple[int, str]) -> bool:
    """Two decisions' numbers are different ones: their figures differ, or both suffixes are
    written and differ ("12" and "12/QĐ-UBND" are one decision written short)."""
    return a[0] != b[0] or (bool(a[1]) and bool(b[1]) and a[1] != b[1])


def _abbreviation(post: str) -> bool:
    """ "GV", "TTCM", "P.HT": one word in capitals."""
    word = post.strip().replace(".", "")
    return 1 < len(word) <= 6 and word.isupper() and " " not in word


def namesakes(files: Sequence[FileResult]) -> list[Problem]:
    """Records of one file equal in all but their (filled, different) positions: both counted,
    as two people of one name; a warning, to check."""
    within = _within(files, [_persons(result.idents) for result in files])
    out = []
    for fi, twice in within.items():
        first: dict[Identity, Record] = {}
        records = files[fi].records
        held = [(fi, ri, records[ri]) for ri, ident in enumerate(files[fi].idents) if ident in twice]
        for _fi, _ri, record in sorted(held, key=_turn):  # as `merge` meets them
            seen = first.setdefault(identity(record), record)
            if seen is not record and not _alike(seen, record, key(record[_UNIT])):
                out.append(replace(_finding(record, seen), code="namesake"))
    return out


def _person_holders(persons: Sequence[set[int]]) -> dict[int, list[int]]:
    """`person` identities held by several files (identity → the files, in order): who got what,
    whatever the unit is called in each. Found by set operations (in C), one per file."""
    every: set[int] = set()
    repeated: set[int] = set()
    for mine in persons:
        repeated |= every & mine
        every |= mine
    holders: dict[int, list[int]] = {}
    if repeated:
        for fi, mine in enumerate(persons):
            for ident in repeated & mine:
                holders.setdefault(ident, []).append(fi)
    return holders


def _shared(holders: dict[int, list[int]]) -> Counter[tuple[int, int]]:
    """Pairs of files (earlier, later) → how many identities held by at most RESEND_COPIES files
    they share. One held by more is a common name with a common award (a national roll-up has
    thousands of "Nguyễn Thị Hương | Lao động tiên tiến | 2019"): no sign of a re-send, and
    pairing all its files would take quadratic time."""
    shared: Counter[tuple[int, int]] = Counter()
    for files_of in holders.values():
        if len(files_of) <= RESEND_COPIES:
            for at, earlier in enumerate(files_of):
                for later in files_of[at + 1 :]:
                    shared[(earlier, later)] += 1
    return shared


def _resent(
    files: Sequence[FileResult], persons: Sequence[set[int]], blind: dict[int, list[int]]
) -> set[tuple[int, int]]:
    """Pairs of files (earlier, later) that share more than half the records of the smaller
    (`persons`: each file's): at least RESEND_UNIT_BLIND of them whatever the units, or fewer with
    equal units (two units' short lists that share a name or two are two units' people). The
    common identities `_shared` leaves out are counted exactly where they could decide."""
    common = {ident for ident, files_of in blind.items() if len(files_of) > RESEND_COPIES}
    held = [len(mine & common) for mine in persons] if common else [0] * len(persons)
    out = set()
    for (a, b), n in _shared(blind).items():
        half = min(len(persons[a]), len(persons[b]))
        if 2 * n <= half and 2 * (n + min(held[a], held[b])) > half:
            n = len(persons[a] & persons[b])
        if 2 * n > half and (n >= RESEND_UNIT_BLIND or 2 * len(set(files[a].idents) & set(files[b].idents)) > half):
            out.add((a, b))
    return out


def _within(files: Sequence[FileResult], persons: Sequence[set[int]]) -> dict[int, set[int]]:
    """File → the identities it holds twice (only a file holding fewer persons than records may)."""
    out = {}
    for fi, result in enumerate(files):
        if len(persons[fi]) < len(result.idents):
            twice = {ident for ident, n in Counter(result.idents).items() if n > 1}
            if twice:
                out[fi] = twice
    return out


def _sheet_copies(files: Sequence[FileResult], persons: Sequence[set[int]]) -> dict[int, SheetCopies]:
    """File → the pairs of its sheets (earlier, later) of which one repeats the other's people and
    awards whatever their units are called (a copy to print with the unit column left out, the
    units written short or as sub-headings), and the persons they share: as between two files
    (`_resent`), more than half the smaller sheet's persons, at least RESEND_UNIT_BLIND of them.
    Only a file holding a person twice may hold one: its rows are read only then."""
    out: dict[int, SheetCopies] = {}
    for fi, result in enumerate(files):
        if len(persons[fi]) == len(result.idents):
            continue
        sheets: dict[str, set[int]] = {}
        for record, ident in zip(result.records, result.idents, strict=True):
            sheets.setdefault(str(record[1]), set()).add(ident >> 32)
        pairs: set[tuple[str, str]] = set()
        shared: set[int] = set()
        names = list(sheets)
        for at, a in enumerate(names):
            for b in names[at + 1 :]:
                common = sheets[a] & sheets[b]
                if len(common) >= RESEND_UNIT_BLIND and 2 * len(common) > min(len(sheets[a]), len(sheets[b])):
                    pairs.add((a, b))
                    shared |= common
        if pairs:
            out[fi] = (frozenset(pairs), shared)
    return out


SheetCopies = tuple[frozenset[tuple[str, str]], set[int]]  # (sheet pairs, the persons they share)
_NO_COPIES: SheetCopies = (frozenset(), set())


def _candidates(
    files: Sequence[FileResult],
    within: dict[int, set[int]],
    blind: dict[int, list[int]],
    resent: set[tuple[int, int]],
    copies: dict[int, SheetCopies],
) -> list[tuple[int, int, Record]]:
    """(file, index, record) of every record that may repeat another, in file and row order:
    repeated in its file (`within`: whole identities), held by a re-send (`blind`: persons) or
    by a sheet and its copy (`copies`: persons), or a collective of a re-send (its unit may be
    written otherwise there: see `_collectives`)."""
    in_pairs = {fi for pair in resent for fi in pair}
    held = _held(blind, in_pairs)
    out = []
    for fi, result in enumerate(files):
        mine, theirs, paired = within.get(fi, set()), held.get(fi, set()), fi in in_pairs
        theirs = theirs | copies[fi][1] if fi in copies else theirs
        if mine or theirs or paired:
            records = result.records
            out += [
                (fi, ri, records[ri])
                for ri, ident in enumerate(result.idents)
                if ident in mine or person(ident) in theirs or (paired and records[ri][_KIND] == _UNIT_BOUND)
            ]
    return out


def _collectives(
    later: list[tuple[int, int, Record]], resent: set[tuple[int, int]], units: dict[tuple[int, str, int], str]
) -> list[tuple[int, int, Record, Record]]:
    """The collectives of re-send pairs that repeat one of the pair's other file: the same name
    and award, under the unit the pair's persons show is the same ("TRƯỜNG THCS NGUYỄN DU" in one
    file is "THCS Nguyễn Du" in the other: `units`), or an equal unit; (file, index, the copy, the
    first). "Tổ Văn phòng" of another school in a combined workbook stays its own."""
    kept: dict[Identity, list[tuple[int, Record]]] = {}
    out = []
    for fi, ri, record in later:
        name, unit, award, level, kind, year = identity(record)
        earlier = kept.setdefault((name, "", award, level, kind, year), [])
        same = next(
            (
                r
                for fj, r in earlier
                if (fj == fi or (fj, fi) in resent)
                and (key(r[_UNIT]) == unit or units.get((fj, key(r[_UNIT]), fi)) == unit)
            ),
            None,
        )
        if same is None:
            earlier.append((fi, record))
        else:
            out.append((fi, ri, record, same))
    return out


def _held(holders: dict[int, list[int]], among: set[int] | None) -> dict[int, set[int]]:
    """File → the repeated identities it holds (of the files `among`, or of all): one pass over
    `holders`, not one per file (20,000 files of a national roll-up made that quadratic)."""
    held: dict[int, set[int]] = {}
    for ident, files_of in holders.items():
        for fi in files_of:
            if among is None or fi in among:
                held.setdefault(fi, set()).add(ident)
    return held


def possible_duplicates(files: Sequence[FileResult], merged: Merged) -> list[Problem]:
    """Equal records of two files that are not re-sends of each other (two people of two units
    who share a name, most likely): both counted; a warning, to check."""
    _within, holders = _suspects(files)
    if not holders:
        return []
    first: dict[Identity, Record] = {}
    held = _held(holders, None)
    out = []
    for fi, result in enumerate(files):
        wanted = held.get(fi)
        if not wanted:
            continue
        gone = merged.removed.get(fi, frozenset())
        for ri, ident in enumerate(result.idents):
            if ident in wanted and ri not in gone:
                record = result.records[ri]
                seen = first.setdefault(identity(record), record)
                if seen is not record and seen[0] != record[0]:
                    out.append(replace(_finding(record, seen), code="possible-duplicate"))
    return out


def _finding(copy: Record, kept: Record) -> Problem:
    """The copy's place, and (in detail) the place of the record that is counted."""
    file, sheet, row = kept[0], kept[1], kept[2]
    where = f"{sheet} dòng {row}" if file == copy[0] else f"{file} › {sheet} dòng {row}"
    name, name_col = str(copy[_NAME]), int(copy[_NAME_COL])
    col = name_col if name_col >= 0 else None
    return Problem("duplicate", copy[0], copy[1], copy[2], col=col, value=name, detail=where)
