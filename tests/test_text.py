import random
import re
import unicodedata

from thidua_cli.text import ascii_key, ascii_of_key, clean, decode_legacy, decode_tcvn3, decode_vni, detect_legacy, key


def test_key_folds_case_spaces_quotes_and_nfd():
    nfd = unicodedata.normalize("NFD", "Lao động tiên tiến")
    assert key(nfd) == key("  “LAO ĐỘNG   tiên tiến” ") == "lao động tiên tiến"


def test_key_old_and_new_tone_placement_match_but_quy_is_left_alone():
    assert key("Hoà") == key("Hòa") == "hòa"
    assert key("Thuỷ") == key("Thủy")
    assert key("quý") == "quý"


def test_key_sy_equals_si():
    assert key("Chiến sỹ thi đua") == key("Chiến sĩ thi đua")


def test_ascii_key_removes_diacritics():
    assert ascii_key("Lao động tiên tiến") == "lao dong tien tien"


def test_tcvn3_decoding_of_header_award_and_capitals_font():
    assert decode_tcvn3("Hä vµ tªn") == "Họ và tên"
    assert decode_tcvn3("Lao ®éng tiªn tiÕn") == "Lao động tiên tiến"
    assert decode_tcvn3("DANH S¸CH KHEN TH¦ëNG") == "DANH SÁCH KHEN THƯỞNG"


def test_vni_decoding():
    assert decode_vni("Vieät Nam") == "Việt Nam"
    assert decode_vni("Ñaëng Thò Thuûy") == "Đặng Thị Thủy"


def test_detection_by_sheet_votes():
    assert detect_legacy(["Hä vµ tªn", "Lao ®éng tiªn tiÕn", "C¸ nh©n"]) == "tcvn3"
    assert detect_legacy(["Hoï vaø teân", "Lao ñoäng tieân tieán"]) == "vni"
    assert detect_legacy(["Họ và tên", "Cá nhân", "Lê Thị Hà"]) is None


def test_unicode_cell_in_legacy_sheet_is_kept():
    assert decode_legacy("Nguyễn Văn An", "tcvn3") == "Nguyễn Văn An"
    assert decode_legacy("G§ Së", "tcvn3") == "GĐ Sở"


def test_clean_gives_single_spaced_nfc_text_and_leaves_tidy_text_alone():
    pieces = ["a", "Đ", "ễ", " ", "  ", "\t", "\n", "\xa0", "\u3000", "\x1c", "\u200b", "\xad", "e\u0301"]
    rng = random.Random(7)
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        out = clean(text)
        assert unicodedata.is_normalized("NFC", out)
        assert not re.search(r"^\s|\s$|\s\s|[^\S ]", out), repr(text)
        assert out == re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()
    assert clean(" Nguyễn\tThị  Hà\xa0") == "Nguyễn Thị Hà"
    assert clean("Lê Văn\u200bAn") == "Lê Văn\u200bAn"  # not white space: kept as typed


def _reference_key(text: str) -> str:
    """key() step by step, with no step skipped (the fast path must give exactly this)."""
    folded = unicodedata.normalize("NFC", text).casefold()
    for quote in "\"'“”‘’«»„`´":
        folded = folded.replace(quote, "")
    folded = re.sub(r"[-‐‑–—&]", "", folded.replace(" - ", " ").replace(" & ", " "))
    folded = re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", folded)).strip()
    decomposed = unicodedata.normalize("NFD", folded)
    moved = re.sub(r"(?<![q])([ou])([aey])([\u0300\u0301\u0303\u0309\u0323])(?!\w)", r"\1\3\2", decomposed)
    return re.sub(r"\bsỹ\b", "sĩ", unicodedata.normalize("NFC", moved))


def _reference_ascii_key(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", _reference_key(text).replace("đ", "d"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def test_key_and_ascii_key_skip_only_steps_that_change_nothing():
    """Old tone placement ("hoà", "thuận" read in NFD: the dot below comes before the
    circumflex), decomposed input, quotes, joiners, odd white space, letters outside Vietnamese,
    then random texts of those pieces: the same keys as every step done in full."""
    pieces = list("aAeEoOuUyYqđĐ àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ")
    pieces += list("-–—&'\"“”«»,.;:()/\t\n\xa0\u2003\u0300\u0301\u0303\u0309\u0323\u0302")
    pieces += ["sỹ", "ǰ", "İ", "ﬁ", "ø", "ß", "12"]
    texts = ["Hoà", "THUỶ", "Thuận", "Huệ", "khoặc", "Quý", "Chiến sỹ", unicodedata.normalize("NFD", "Nguyễn Thuận Hoà")]
    rng = random.Random(16)
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 14))) for _ in range(20_000)]
    for text in texts:
        assert key.__wrapped__(text) == _reference_key(text), text  # type: ignore[attr-defined]
        assert ascii_key.__wrapped__(text) == _reference_ascii_key(text), text  # type: ignore[attr-defined]
        assert key(key(text)) == key(text), text  # a key is its own key: ascii_of_key may skip key()
        assert ascii_of_key(key(text)) == _reference_ascii_key(text), text


def test_the_eth_is_d_stroke_in_the_key() -> None:
    assert key("L\u00d0TT") == key("LĐTT") and key("Giám \u00f0ốc") == key("Giám đốc")
    assert ascii_key("\u00d0ỗ Văn An") == "do van an"
