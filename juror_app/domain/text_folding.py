"""Folding Polish text for search: case and diacritics removed, one character for one.

SQLite's FTS ``remove_diacritics 2`` folds ą ć ę ń ó ś ź ż but not ł (a letter of its own in
Unicode, with no decomposition), so the index holds a copy where ł is already l. Keeping the length
unchanged lets a hit found in the folded text be cut from the original text at the same position.
"""

from __future__ import annotations

import functools
import unicodedata

_SPECIAL = {"ł": "l", "Ł": "l", "ß": "s", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ı": "i"}


@functools.lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ch in _SPECIAL:
        return _SPECIAL[ch]
    lower = ch.lower()
    if len(lower) != 1:
        lower = ch
    base = unicodedata.normalize("NFKD", lower)[:1] or lower
    return base if unicodedata.category(base)[0] in "LN" else lower


def fold(text: str) -> str:
    """``fold("Łódź, ŻÓŁW")`` → ``"lodz, zolw"``; always ``len(fold(t)) == len(t)``."""
    return "".join(map(_fold_char, text))
