"""Passphrase strength estimate: hand-picked cases, and properties over any text."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from juror_app.domain.passphrase import Strength, estimate_strength

WEAK = [
    "haslo123",
    "Haslo2024!",
    "hasło123",
    "password",
    "P@ssw0rd",
    "qwerty123",
    "zaq12wsx",
    "1234567890",
    "przyjazny urzad 2024",
    "Kapituła2024",
    "aaaaaaaaaaaaaaaa",
    "abcdefghijkl",
    "xyzxyzxyzxyzxyz",
    "ab1!" * 40,
]
STRONG = [
    "Zielona-łódka-pływa-nocą",
    "correct horse battery staple",
    "deszcz rower kawa ogród latarnia",
    "Kx9#mQ2$vL7@pR4!",
]


def _show(passphrase: str, strength: Strength) -> None:
    print(f"  {passphrase[:34]!r:38} score={strength.score} bits={strength.guess_bits:5.1f} "
          f"acceptable={strength.acceptable!s:5} | {strength.hint_pl}")


@pytest.mark.parametrize("passphrase", WEAK)
def test_weak_passphrases(passphrase: str) -> None:
    strength = estimate_strength(passphrase)
    _show(passphrase, strength)
    assert strength.score <= 1
    assert not strength.acceptable


@pytest.mark.parametrize("passphrase", STRONG)
def test_strong_passphrases(passphrase: str) -> None:
    strength = estimate_strength(passphrase)
    _show(passphrase, strength)
    assert strength.score == 4
    assert strength.acceptable


def test_haslo123_is_weak_because_it_is_common() -> None:
    strength = estimate_strength("haslo123")
    assert strength.score == 0
    assert "popularne" in strength.hint_pl and "common" in strength.hint_en


def test_empty_and_single_character() -> None:
    empty = estimate_strength("")
    assert (empty.score, empty.acceptable) == (0, False)
    assert "Wpisz hasło" in empty.hint_pl
    single = estimate_strength("x")
    assert (single.score, single.acceptable) == (0, False)
    assert "za krótkie" in single.hint_pl and "too short" in single.hint_en


def test_repeated_characters_are_weak_however_long() -> None:
    for length in (3, 12, 64, 1000):
        strength = estimate_strength("z" * length)
        assert strength.score == 0 and not strength.acceptable, length
    assert "powtórzeń" in estimate_strength("zzzzzzzzzzzz").hint_pl


def test_short_but_random_is_not_acceptable() -> None:
    strength = estimate_strength("q7#Lm")
    assert not strength.acceptable


def test_more_random_words_never_lower_the_score() -> None:
    words = ["deszcz", "rower", "kawa", "ogród", "latarnia"]
    scores = [estimate_strength(" ".join(words[:n])).score for n in range(1, len(words) + 1)]
    print(f"\nscores for 1..5 random words: {scores}")
    assert scores == sorted(scores)
    assert scores[0] <= 1 and scores[-1] == 4


def test_common_word_padded_with_digits_stays_weak() -> None:
    assert estimate_strength("kochanie1990").score <= 1
    assert estimate_strength("Warszawa2024!").score <= 1


def test_nfc_and_nfd_give_the_same_result() -> None:
    text = "Zażółć gęślą jaźń pod lasem"
    assert estimate_strength(unicodedata.normalize("NFD", text)) == estimate_strength(text)


def test_acceptable_needs_ten_characters() -> None:
    strength = estimate_strength("Xq9#vL2!w")  # 9 random characters: decent score, too short
    assert strength.score >= 2
    assert not strength.acceptable


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gives_a_consistent_result(passphrase: str) -> None:
    strength = estimate_strength(passphrase)
    assert 0 <= strength.score <= 4
    text = unicodedata.normalize("NFC", passphrase)
    assert strength.acceptable == (strength.score >= 2 and len(text) >= 10)
    assert strength.hint_pl and strength.hint_en
    assert strength.guess_bits >= 0
