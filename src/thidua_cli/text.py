"""Vietnamese text as people type it: NFC, tone placement, legacy encodings, matching keys."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache

from thidua_cli.data import read_text as read_data
from thidua_cli.patterns import lazy

_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_QUOTES = "\"'“”‘’«»„`´"
_JOINERS = lazy(r"[-‐‑–—&]")
_PUNCT = lazy(r"[^\w\s]")
_SPACES = lazy(r"\s+")
PART_SEPARATORS = lazy(r"\s*(?:[,;+]|\bvà\b|\bhoặc\b)\s*", re.IGNORECASE)  # between a cell's or a line's parts
_SY = lazy(r"\bsỹ\b")
_QUOTE_SET = frozenset(_QUOTES)
_JOINER_SET = frozenset("-‐‑–—&")
# Old tone placement: the tone sits on the last vowel of an open "oa", "oe", "uy"
# ("hoà", "thuỷ"); the new one on the first ("hòa", "thủy"). "quý" is left alone.
_OLD_TONE = lazy(r"(?<![q])([ou])([aey])([\u0300\u0301\u0303\u0309\u0323])(?!\w)")
# Where _OLD_TONE can match, found in the composed text: "o" or "u", then a letter whose NFD puts
# a tone right after a, e or y, at the end of a word ("ậ", "ặ", "ệ" anywhere: NFD orders the dot
# below before their circumflex or breve, which is no word character).
_OLD_TONE_COMPOSED = lazy(r"(?<![q])[ou](?:[àáãèéýạảẹẻẽỳỵỷỹ](?!\w)|[ậặệ])")


def nfc(text: str) -> str:
    """Unicode NFC, so that NFD input (macOS, Windows keyboard) compares equal."""
    return unicodedata.normalize("NFC", text)


def clean(value: object) -> str:
    """Cell value as display text: NFC, no surrounding or repeated white space."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value)
    if (text.isascii() or unicodedata.is_normalized("NFC", text)) and _tidy(text):
        return text  # the common case: already clean
    return _SPACES.sub(" ", nfc(text)).strip()


def _tidy(text: str) -> bool:
    """No white space but single inner spaces (a string method per test: 4× faster than a regex).
    Every white space character other than " " is also unprintable; an unprintable character
    that is not white space only costs the slow path, which leaves it as it is."""
    return text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " "


def _new_tone_placement(folded: str) -> str:
    decomposed = unicodedata.normalize("NFD", folded)
    return unicodedata.normalize("NFC", _OLD_TONE.sub(r"\1\3\2", decomposed))


def new_tones(folded: str) -> str:
    """A casefolded text with the tones placed as `key` places them ("uỷ ban", "nhà văn hoá" →
    "ủy ban", "nhà văn hóa"), NFC; the text itself when nothing changes."""
    if _OLD_TONE_COMPOSED.search(folded) or not unicodedata.is_normalized("NFC", folded):
        return _new_tone_placement(folded)
    return folded


_NEW_TONE = lazy(r"(?<![q])([ou])([\u0300\u0301\u0303\u0309\u0323])([aey])(?!\w)")


def old_tones(folded: str) -> str:
    """The inverse of `new_tones`: "ủy", "hóa" → "uỷ", "hoá" (a word as clerks may still type it)."""
    return unicodedata.normalize("NFC", _NEW_TONE.sub(r"\1\3\2", unicodedata.normalize("NFD", folded)))


@lru_cache(maxsize=200_000)
def key(text: str) -> str:
    """Matching key: NFC, casefold, ð = đ, quotes and punctuation out, one tone placement, sỹ = sĩ.
    Each step is skipped when a set test (in C) shows it would change nothing: a text seen
    for the first time (an award nobody wrote before) costs a few µs, not tens."""
    folded = nfc(text).casefold()
    if "ð" in folded:  # "LÐTT", "Giám ðốc": the eth Ð (U+00D0) for Đ, as Windows-1258 text read as Latin-1 shows it
        folded = folded.replace("ð", "đ")
    if not _QUOTE_SET.isdisjoint(folded):
        for quote in _QUOTES:
            folded = folded.replace(quote, "")
    if not _JOINER_SET.isdisjoint(folded):
        folded = _JOINERS.sub("", folded.replace(" - ", " ").replace(" & ", " "))
    folded = _PUNCT.sub(" ", folded)
    if not (folded.isprintable() and "  " not in folded):
        folded = _SPACES.sub(" ", folded)
    folded = folded.strip()
    if _OLD_TONE_COMPOSED.search(folded) or not unicodedata.is_normalized("NFC", folded):
        folded = _new_tone_placement(folded)
    return _SY.sub("sĩ", folded) if "sỹ" in folded else folded


@lru_cache(maxsize=200_000)
def ascii_key(text: str) -> str:
    """The key with diacritics removed (đ → d): a last resort for unaccented input."""
    return ascii_of_key(key(text))


@lru_cache(maxsize=200_000)
def ascii_of_key(k: str) -> str:
    """`ascii_key` of a text that is already a key (`key` gives a key back unchanged: a matcher
    that holds one need not work it out again). Kept per distinct key: an unknown award's is
    asked by the matcher's last resort, then by its suggestion (`closest`)."""
    folded = k.replace("đ", "d")
    if folded.isascii():
        return folded
    stripped = folded.translate(_bare_letters())  # per character, in C: what NFD less its marks gives
    if stripped.isascii():
        return stripped
    decomposed = unicodedata.normalize("NFD", folded)  # a letter the table lacks
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@cache
def _bare_letters() -> dict[int, str | None]:
    """Latin letters with diacritics (Latin-1 to Latin Extended Additional) → the ASCII letters
    their NFD keeps once its combining marks are dropped; combining marks → nothing."""
    table: dict[int, str | None] = {}
    for code in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00)):
        bare = "".join(ch for ch in unicodedata.normalize("NFD", chr(code)) if not unicodedata.combining(ch))
        if bare.isascii() and bare != chr(code):
            table[code] = bare
    table.update((code, None) for code in range(0x300, 0x370) if unicodedata.combining(chr(code)))
    return table


# --- legacy 8-bit encodings -------------------------------------------------------------

# Letters that genuine Unicode Vietnamese takes from the Latin-1 block.
_VIET_LATIN1 = set("ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý")
_ASCII_OR_VIET_LATIN1 = frozenset(map(chr, range(0x80))) | _VIET_LATIN1  # set tests run in C, not per char
_ASCII_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")


@cache
def _tables() -> dict[str, dict[str, str]]:
    import tomllib  # here: a run that decodes no legacy text never imports it

    data = tomllib.loads(read_data("encodings.toml"))
    return {name: dict(table) for name, table in data.items()}


_MODIFIERS = "\u0302\u0306\u031b"  # circumflex, breve, horn
_VOWELS = "aeiouy"
# Vowel nuclei of Vietnamese syllables, tones removed (â ă ê ô ơ ư kept).
_NUCLEI = set(
    "a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi ua uâ uê ui "
    "uô uơ ưa ưi ưu ươ uy ya yê oo iêu oai oay oao oeo uây uôi ươi ươu uyê uya yêu uyu".split()
)
# A coda is one of Vietnamese's eight (c, ch, m, n, ng, nh, p, t): "LÉTT", what "LÐTT" (the eth for
# Đ) reads as in TCVN3, is no syllable.
_SYLLABLE = lazy(r"^([bcdđghklmnpqrstvx]*)([aeiouyăâêôơư]+)(ch|nh|ng|[cmnpt])?$")


def _valid_syllable(word: str) -> bool:
    """A word is built like a Vietnamese syllable: onset, one known nucleus, coda, ≤ 1 tone."""
    decomposed = unicodedata.normalize("NFD", word.casefold())
    if sum(ch in _TONES for ch in decomposed) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONES))
    if all(ch in "bcdđghklmnpqrstvxfjwz" for ch in bare):
        return True  # an abbreviation such as "GĐ", "LĐTT", "HCLĐ"
    match = _SYLLABLE.match(bare)
    if not match:
        return False
    onset, nucleus = match.group(1), match.group(2)
    if (onset.endswith("q") and nucleus.startswith("u")) or (onset.endswith("g") and nucleus.startswith("i")):
        nucleus = nucleus[1:] or nucleus
    return nucleus in _NUCLEI


def _plausible(text: str) -> bool:
    """Every word with a non-ASCII letter is a well-formed Vietnamese syllable."""
    for word in re.split(r"[^\w]+", text):
        if word.isascii() or word.isdigit():
            continue
        if not _valid_syllable(word):
            return False
    return not any(ord(ch) > 0x7F and not ch.isalpha() and not ch.isspace() for ch in text)


@cache
def _tcvn3_translation() -> dict[int, str]:
    return {ord(k): v for k, v in _tables()["tcvn3"].items()}


def decode_tcvn3(text: str) -> str:
    """TCVN3 (ABC, .VnTime) text read as Latin-1 → Unicode. Capitals fonts stay capital."""
    out = nfc(text.translate(_tcvn3_translation()))
    if not _ASCII_LOWER.isdisjoint(text):
        return out
    has_caps_word = any(sum(ch.isascii() and ch.isalpha() for ch in w) > 1 for w in text.split())
    return out.upper() if has_caps_word else out  # .VnTimeH: lowercase codes shown as capitals


@cache
def _vni_pattern() -> re.Pattern[str]:
    seqs = sorted(_tables()["vni"], key=len, reverse=True)
    return re.compile("|".join(re.escape(s) for s in seqs))


def decode_vni(text: str) -> str:
    """VNI-Windows text read as Latin-1 → Unicode, longest sequence first."""
    table = _tables()["vni"]
    return nfc(_vni_pattern().sub(lambda m: table[m.group(0)], text))


_DECODERS = {"tcvn3": decode_tcvn3, "vni": decode_vni}


_BEYOND_LATIN1 = lazy("[^\x00-\xff]")


def _legacy_candidate(text: str) -> bool:
    """Non-ASCII, yet all within Latin-1: how 8-bit legacy text comes back from a reader."""
    return not text.isascii() and _BEYOND_LATIN1.search(text) is None


_UNICODE_VOTE = ("unicode",)


@lru_cache(maxsize=100_000)
def _vote(text: str) -> tuple[str, ...]:
    """What one non-ASCII string says: ("unicode",), the encodings it reads well in, or ()."""
    if not _legacy_candidate(text):
        return _UNICODE_VOTE  # letters beyond Latin-1: surely Unicode
    if _ASCII_OR_VIET_LATIN1.issuperset(text) and _plausible(text):  # the cheap test first
        return _UNICODE_VOTE
    return tuple(
        name for name, decode in _DECODERS.items() if (decoded := decode(text)) != text and _plausible(decoded)
    )


def detect_legacy(texts: Iterable[str], sample: int = 300) -> str | None:
    """Name the legacy encoding ("tcvn3", "vni") a sheet's strings are in, or None for Unicode.

    Evidence is counted per distinct string (the first `sample` with non-ASCII letters): one
    that only reads as Vietnamese once decoded votes for that encoding; one with letters
    beyond Latin-1 votes for Unicode. Titles and headers recur from sheet to sheet, so each
    string's vote is worked out once.
    """
    return sheet_legacy(texts, sample)[0]


def sheet_legacy(texts: Iterable[str], sample: int = 300) -> tuple[str | None, str | None]:
    """(the sheet's legacy encoding, as `detect_legacy`; else the encoding some of its strings
    still vote for — a TCVN3 heading over a Unicode list, rows pasted from an old file — whose
    cells `decode_pasted` decodes one by one), or (None, None)."""
    unicode = tcvn3 = vni = 0
    seen: set[str] = set()
    votes = _VOTES
    for text in texts:
        if text in seen or text.isascii():
            continue
        seen.add(text)
        if len(seen) > sample:
            break
        u, t, v = votes.get(text) or _votes_of(text)
        unicode, tcvn3, vni = unicode + u, tcvn3 + t, vni + v
        if abs(unicode - max(tcvn3, vni)) >= 25:
            break  # the sheet has spoken
    best, most = ("tcvn3", tcvn3) if tcvn3 >= vni else ("vni", vni)
    if most > unicode:
        return best, None
    return None, (best if most else None)


_VOTES: dict[str, tuple[int, int, int]] = {}  # text → its `_vote` as (unicode, tcvn3, vni) counts


def _votes_of(text: str) -> tuple[int, int, int]:
    votes = _vote(text)
    found = (int("unicode" in votes), int("tcvn3" in votes), int("vni" in votes))
    if len(_VOTES) < 100_000:
        _VOTES[text] = found
    return found


def pasted_encoding(texts: Iterable[str]) -> str | None:
    """The legacy encoding the first of `texts` that reads as Vietnamese in one alone, not as it
    is, is in ("Lao ®éng tiªn tiÕn": "tcvn3"), or None."""
    for text in texts:
        votes = _vote(text) if _legacy_candidate(text) else ()
        if len(votes) == 1 and votes[0] != "unicode":
            return votes[0]
    return None


@lru_cache(maxsize=100_000)
def decode_pasted(text: str, encoding: str) -> str:
    """One cell of a Unicode sheet that holds some `encoding` text: decoded only when it reads as
    Vietnamese in `encoding` alone, not as it is ("Lao ®éng", "Kieàu Vaên Sôn"); every other cell
    stays as it is, "Tô Hoài" too."""
    return _DECODERS[encoding](text) if _vote(text) == (encoding,) else text


@lru_cache(maxsize=100_000)
def decode_legacy(text: str, encoding: str) -> str:
    """Decode one cell of a sheet detected as `encoding`; cells already in Unicode stay."""
    if not _legacy_candidate(text):
        return text
    decoded = _DECODERS[encoding](text)
    if encoding == "tcvn3" and not _ASCII_OR_VIET_LATIN1.issuperset(text):
        return decoded  # a code Unicode Vietnamese never uses ("µ", "ª", "®"): surely TCVN3
    return decoded if _plausible(decoded) else text


def closest(value: str, keys: Sequence[str]) -> int | None:
    """Where in `keys` (ASCII matching keys) the key closest to `value` is, for "Có phải: …?"
    suggestions: the highest Indel similarity (twice the longest common subsequence over both
    lengths, 0–100), at least 50; the first of equals. rapidfuzz computes it in C, ~10 µs over
    the catalogue's 300 keys, where difflib's ratio (the same measure on matching blocks, in
    Python) took ~10 ms: a sheet of distinct unknown texts costs a few rows more, not 1,000 times more."""
    from rapidfuzz import fuzz, process  # here: only a run that has an unknown award loads it

    found = process.extractOne(ascii_key(value), keys, scorer=fuzz.ratio, score_cutoff=50)
    return None if found is None else int(found[2])
