"""A rough estimate of how hard a key passphrase is to guess, with a hint on what to improve.

The juror's private key file is only as strong as its passphrase, and jurors are not IT people:
the key dialog shows this estimate as they type and refuses an unacceptable passphrase. It is a
small, dependency-free cousin of zxcvbn: the passphrase is split into the cheapest sequence of
pieces an attacker would try — very common passwords and words (Polish and English, also with
diacritics dropped and l33t digits), runs of one character, alphabet or digit sequences, earlier
repeats, dictionary-like words, and otherwise single characters — and the guess bits of the pieces
are added up. Several random words score well; "haslo123" does not.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass

# Very common passwords and words that attackers try first (written folded: lower case,
# no diacritics). Polish and English, plus words of this competition that a juror might reach for.
_COMMON = frozenset(
    """
    haslo haselko password passwort pass qwerty qwertz azerty asdf asdfgh zxcv zxcvbn qazwsx
    zaq1 zaq12wsx 1qaz2wsx abc abcd abcdef abc123 admin administrator root user login welcome
    letmein dragon monkey master shadow sunshine princess football baseball superman batman
    iloveyou trustno1 secret sekret test tester default guest hello witaj siema czesc polska
    poland warszawa krakow wroclaw poznan gdansk lodz kochanie kocham misiek misia kotek
    piesek marcin kasia tomek agnieszka michal anna zaq123 mateusz bartek karolina jan
    maria love lovely matrix freedom whatever qwe asd zxc ewa piotr pawel adam krzysztof
    przyjazny urzad urzedu konkurs kapitula jury juror jurora ocena oceny punkty klucz key
    jakosc certyfikat statuetka edycja laureat
    styczen luty marzec kwiecien maj czerwiec lipiec sierpien wrzesien pazdziernik listopad
    grudzien january february march april june july august september october november december
    monday tuesday friday sunday poniedzialek wtorek sroda czwartek piatek sobota niedziela
    summer winter spring autumn lato zima wiosna jesien
    123 1234 12345 123456 1234567 12345678 123456789 1234567890 111111 000000 654321 123123
    121212 112233 666666 696969 7777777 987654321 159753 147258369
    """.split()
)

_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"})
_FOLD_EXTRA = {"ł": "l", "ß": "s", "ø": "o", "đ": "d"}
_SEPARATORS = frozenset(" -_.,;:/+")
_VOWELS = frozenset("aeiouyąęó")
# Only the start is analysed: 64 well-chosen characters already score "strong", and the rest
# counting for nothing keeps the estimate instant per keystroke and stops long repeats scoring well.
_MAX_ANALYSED = 64
_MAX_PIECE = 24

_COMMON_MATCHED = frozenset(word.translate(_LEET) for word in _COMMON)


@dataclass(frozen=True)
class Strength:
    """Result for the key dialog: a 0–4 score, whether to accept it, and what to improve."""

    score: int
    acceptable: bool
    hint_pl: str
    hint_en: str
    guess_bits: float = 0.0


def _fold(ch: str) -> str:
    """One character → lower case without diacritics (keeps positions aligned)."""
    lower = ch.lower()[:1] or ch
    if lower in _FOLD_EXTRA:
        return _FOLD_EXTRA[lower]
    return unicodedata.normalize("NFD", lower)[0]


def _char_bits(ch: str) -> float:
    if "a" <= ch <= "z" or "A" <= ch <= "Z":
        return math.log2(26)
    if ch.isdigit():
        return math.log2(10)
    if ch.isalpha():
        return math.log2(40)  # national letters: the attacker must add them to the alphabet
    if ch in _SEPARATORS:
        return 3.0
    return math.log2(33)


def _case_bits(piece: str) -> float:
    """Extra guesses for capital letters: a capitalised first letter is cheap, the rest are not."""
    uppers = sum(1 for ch in piece if ch.isupper())
    if uppers == 0 or piece.isupper():
        return 0.0 if uppers == 0 else 1.0
    if uppers == 1 and piece[0].isupper():
        return 1.0
    return float(uppers + 1)


def _looks_like_word(folded: str) -> bool:
    """Letters only, with vowels, no long consonant cluster: a guessable dictionary-style word."""
    if not folded.isalpha() or len(folded) < 3:
        return False
    vowels = sum(1 for ch in folded if ch in _VOWELS)
    if vowels * 6 < len(folded):  # Polish allows "deszcz", "pszczoła"
        return False
    run = longest = 0
    for ch in folded:
        run = 0 if ch in _VOWELS else run + 1
        longest = max(longest, run)
    return longest <= 5


def _is_run(piece: str) -> bool:
    return len(piece) >= 3 and len(set(piece)) == 1


def _is_sequence(piece: str) -> bool:
    if len(piece) < 3:
        return False
    steps = {ord(b) - ord(a) for a, b in zip(piece, piece[1:])}
    return steps in ({1}, {-1})


@dataclass(frozen=True)
class _Analysis:
    bits: float
    common: bool
    pattern: bool


def _analyse(passphrase: str) -> _Analysis:
    """Cheapest cover of the passphrase by pieces (dynamic programming over end positions)."""
    text = passphrase[:_MAX_ANALYSED]
    folded = "".join(_fold(ch) for ch in text)
    leet = folded.translate(_LEET)
    n = len(text)
    best = [0.0] + [math.inf] * n
    kind: list[str] = [""] * (n + 1)
    back = [0] * (n + 1)
    for end in range(1, n + 1):
        for start in range(max(0, end - _MAX_PIECE), end):
            piece, low = text[start:end], folded[start:end]
            options = [(sum(_char_bits(ch) for ch in piece), "chars")]
            if leet[start:end] in _COMMON_MATCHED and end - start >= 3:
                substituted = 1.0 if low != leet[start:end] else 0.0
                options.append((5.0 + _case_bits(piece) + substituted, "common"))
            if _is_run(low):
                options.append((_char_bits(low[0]) + math.log2(len(piece)), "pattern"))
            if _is_sequence(low):
                options.append((_char_bits(low[0]) + math.log2(len(piece)) + 1, "pattern"))
            if end - start >= 3 and text.find(piece, 0, end - 1) >= 0:  # may overlap, as in LZ77
                options.append((math.log2(start + 1) + 1, "pattern"))
            if _looks_like_word(low):
                options.append((8.0 + 1.2 * len(piece) + _case_bits(piece), "word"))
            if piece.isdigit() and len(piece) == 4 and 1900 <= int(piece) <= 2039:
                options.append((7.0, "pattern"))
            for bits, label in options:
                if best[start] + bits < best[end]:
                    best[end], kind[end], back[end] = best[start] + bits, label, start
    used: set[str] = set()
    pos = n
    while pos > 0:
        used.add(kind[pos])
        pos = back[pos]
    return _Analysis(best[n], "common" in used, "pattern" in used)


def _score(bits: float) -> int:
    for score, limit in enumerate((25.0, 35.0, 45.0, 60.0)):
        if bits < limit:
            return score
    return 4


def _hints(length: int, score: int, analysis: _Analysis) -> tuple[str, str]:
    if length == 0:
        return (
            "Wpisz hasło. Najlepsze są 4–5 losowych słów oddzielonych spacjami lub myślnikami.",
            "Type a passphrase. Best are 4–5 random words separated by spaces or hyphens.",
        )
    if score >= 4:
        return (
            "Mocne hasło. Zapamiętaj je dobrze: bez niego klucza nie da się odblokować.",
            "Strong passphrase. Remember it well: the key cannot be unlocked without it.",
        )
    if analysis.common:
        return (
            "Hasło zawiera bardzo popularne hasło lub słowo — takie próbuje się najpierw. "
            "Użyj 4–5 losowych, niezwiązanych ze sobą słów.",
            "The passphrase contains a very common password or word — those are tried first. "
            "Use 4–5 random, unrelated words.",
        )
    if analysis.pattern and score < 3:
        return (
            "Unikaj powtórzeń i ciągów znaków (aaa, abc, 123, qwerty). "
            "Dodaj kilka losowych słów.",
            "Avoid repeats and sequences (aaa, abc, 123, qwerty). Add a few random words.",
        )
    if length < 10:
        return (
            "Hasło jest za krótkie: użyj co najmniej 10 znaków, najlepiej 4–5 losowych słów.",
            "The passphrase is too short: use at least 10 characters, ideally 4–5 random words.",
        )
    if score == 3:
        return (
            "Dobre hasło. Jeszcze jedno losowe słowo uczyni je bardzo mocnym.",
            "Good passphrase. One more random word will make it very strong.",
        )
    return (
        "Dodaj więcej słów; najlepsze są 4–5 losowych słów.",
        "Add more words; 4–5 random words are best.",
    )


def estimate_strength(passphrase: str) -> Strength:
    """Score 0 (very weak) … 4 (strong); acceptable means score ≥ 2 and at least 10 characters."""
    text = unicodedata.normalize("NFC", passphrase)
    analysis = _analyse(text)
    score = _score(analysis.bits)
    hint_pl, hint_en = _hints(len(text), score, analysis)
    return Strength(
        score=score,
        acceptable=score >= 2 and len(text) >= 10,
        hint_pl=hint_pl,
        hint_en=hint_en,
        guess_bits=round(analysis.bits, 1),
    )
