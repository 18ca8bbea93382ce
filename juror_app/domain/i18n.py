"""The language of messages produced outside the UI (CLI output, errors raised by the core).

The UI translates its own strings with Qt's ``tr()``; the core cannot import Qt, so its
messages are written in both languages at the place they are raised and picked here.
"""

from __future__ import annotations

import os

SUPPORTED = ("pl", "en")
_current = "pl"


def normalise(lang: str | None) -> str:
    """Map a locale-ish string ("pl_PL.UTF-8", "EN") to a supported language; Polish by default."""
    if not lang:
        return "pl"
    code = lang.strip().lower()[:2]
    return code if code in SUPPORTED else "pl"


def set_language(lang: str | None) -> str:
    """Choose the language of core messages for this process and return it."""
    global _current
    _current = normalise(lang)
    return _current


def current_language() -> str:
    return _current


def pick(pl: str, en: str, lang: str | None = None) -> str:
    """Return the Polish or English text for ``lang`` (default: the process language)."""
    return en if (lang or _current) == "en" else pl


set_language(os.environ.get("JUROR_APP_LANG"))


def plural_pl(n: int, one: str, few: str, many: str) -> str:
    """Polish plural form for ``n``: 1 teczka, 2–4 teczki (but 12–14 teczek), 5+ teczek."""
    n = abs(int(n))
    if n == 1:
        return one
    if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14):
        return few
    return many


def count_pl(n: int, one: str, few: str, many: str) -> str:
    """"24 teczki", "1 teczka", "5 teczek"."""
    return f"{n} {plural_pl(n, one, few, many)}"


def count_en(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"
