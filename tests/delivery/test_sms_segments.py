"""SMS segment counting (GSM-7 / UCS-2) at the boundaries, and cutting a text to a cap."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from buurtwacht.delivery.sms.segments import GSM, UCS2, encoding, fit, length, normalise, segments

EMOJI = "\U0001f6a8"  # police light, outside the BMP: a surrogate pair in UTF-16


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", 1),
        ("a" * 160, 1),
        ("a" * 161, 2),
        ("a" * 153 * 2, 2),
        ("a" * (153 * 2 + 1), 3),
        ("a" * 153 * 3, 3),
        ("ê" * 70, 1),
        ("ê" * 71, 2),
        ("ê" * 67 * 2, 2),
        ("ê" * (67 * 2 + 1), 3),
    ],
)
def test_single_and_multi_part_limits(text, expected):
    assert segments(text) == expected


def test_extension_characters_take_two_septets():
    assert encoding("[~]{|}^\\€") == GSM
    assert length("€") == 2
    assert segments("a" * 158 + "€") == 1  # 160 septets
    assert segments("a" * 159 + "€") == 2  # 161 septets


def test_an_escape_pair_is_never_split_across_parts():
    # 306 septets both times; only where the € falls differs
    assert segments("a" * 151 + "€" + "a" * 153) == 2
    # one septet left in part 1: the escape pair moves to part 2, which then overflows
    assert segments("a" * 152 + "€" + "a" * 152) == 3


@pytest.mark.parametrize("char", ["é", "ü", "à", "Ä", "ñ", "ç", "Ç", "è", "ö", "Ø", "ß"])
def test_accents_in_the_default_alphabet_stay_gsm7(char):
    text = char * 160
    assert encoding(text) == GSM
    assert segments(text) == 1


@pytest.mark.parametrize("char", ["ê", "ë", "â", "î", "ô", "û", "á", "ï", "œ"])
def test_accents_outside_it_switch_the_whole_message_to_ucs2(char):
    text = "a" * 69 + char
    assert encoding(text) == UCS2
    assert segments(text) == 1 and segments(text + "a") == 2
    assert encoding("Inbraak in België") == UCS2


def test_an_emoji_is_two_code_units_and_never_split():
    assert encoding(EMOJI) == UCS2 and length(EMOJI) == 2
    assert segments("a" * 68 + EMOJI) == 1  # 70 units
    assert segments("a" * 69 + EMOJI) == 2  # 71 units
    assert segments("a" * 65 + EMOJI + "a" * 67) == 2  # 134 units, the pair inside part 1
    assert segments("a" * 66 + EMOJI + "a" * 66) == 3  # the pair would straddle: moved


def test_normalise_makes_typography_gsm7_and_keeps_letters():
    text = "L\u2019alerte \u00ab test \u00bb \u2013 reste chez toi\u2026\u00a0!"
    assert normalise(text) == 'L\'alerte " test " - reste chez toi... !'
    assert encoding(normalise(text)) == GSM
    assert normalise("fenêtre") == "fenêtre"


def test_fit_leaves_a_text_that_fits_alone():
    assert fit("a" * 459, 3, " ... http://x/") == "a" * 459


def test_fit_cuts_at_a_word_and_appends_the_suffix():
    suffix = " ... https://host/alerts/12/"
    words = " ".join(f"woord{i}" for i in range(200))
    cut = fit(words, 3, suffix)
    assert cut.endswith(suffix) and segments(cut) == 3
    kept = cut.removesuffix(suffix)
    assert words.startswith(kept + " ")  # whole words only
    assert segments(kept + " woord999" + suffix) > 3  # no room was wasted on a whole word


def test_fit_counts_the_encoding_of_what_is_kept():
    suffix = " ... http://h/a/1/"
    text = "a " * 300 + EMOJI  # the emoji (UCS-2) is cut off: what is kept is GSM-7
    cut = fit(text, 2, suffix)
    assert encoding(cut) == GSM and segments(cut) == 2
    assert len(cut) > 250  # 306 septets of room, not 134 code units
    text = "ê " * 200
    cut = fit(text, 2, suffix)
    assert encoding(cut) == UCS2 and segments(cut) == 2 and len(cut) > 110


def test_fit_cuts_inside_one_very_long_word():
    cut = fit("x" * 1000, 1, " ... http://h/")
    assert cut == "x" * (160 - 14) + " ... http://h/"


def test_fit_refuses_a_suffix_that_cannot_fit():
    with pytest.raises(ValueError):
        fit("a" * 200, 1, "b" * 161)


@given(
    text=st.text(alphabet="ab €ê\n" + EMOJI, max_size=700),
    cap=st.integers(min_value=1, max_value=4),
)
def test_fit_never_exceeds_the_cap_and_keeps_a_prefix(text, cap):
    suffix = " ... http://h/a/7/"
    cut = fit(text, cap, suffix)
    assert segments(cut) <= cap
    if cut != text:
        assert cut.endswith(suffix)
        assert text.startswith(cut.removesuffix(suffix).rstrip())
